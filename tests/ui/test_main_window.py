"""The main window: navigation tree -> topic -> question -> similar -> back, links, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG

from breastedu.core.content.service import ContentService
from breastedu.ui.library.reader import BASE_POINT_SIZE
from breastedu.ui.shell.main_window import MainWindow
from breastedu.ui.shell.qt_app import settings_for


@pytest.fixture
def window(qtbot: QtBot, library_db: Path, user_dir: Path) -> MainWindow:
    win = MainWindow(ContentService.open(library_db), settings=settings_for(user_dir))
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitUntil(lambda: win.tree.model.rowCount() == 2)
    return win


def _open(qtbot: QtBot, win: MainWindow, action: object) -> None:
    with qtbot.waitSignal(win.page_shown):
        action()  # type: ignore[operator]


def test_tree_to_question_to_similar_and_back(qtbot: QtBot, window: MainWindow) -> None:
    """A patient clicks a topic, a question, a similar question, then goes back twice."""
    calcs = window.tree.model.index_of("calcifications")
    _open(qtbot, window, lambda: window.tree.view.activated.emit(calcs))
    assert window.current_page.target == "topic/calcifications"  # type: ignore[union-attr]
    assert "Questions patients asked, with a doctor's reply (2)" in window.reader.plain_text()
    _open(
        qtbot,
        window,
        lambda: window.reader.browser.anchorClicked.emit(QUrl(f"breastedu:question/{REAL_SLUG}")),
    )
    assert "The doctor's reply" in window.reader.plain_text()
    assert window.tree.view.currentIndex() == calcs
    page = window.content.question_page(REAL_SLUG)
    local = next(s.local_slug for s in page.similar if s.local_slug)
    link = QUrl(f"breastedu:question/{local}")
    _open(qtbot, window, lambda: window.reader.browser.anchorClicked.emit(link))
    assert window.current_page.question_slug == local  # type: ignore[union-attr]
    _open(qtbot, window, window.commands.back_action.trigger)
    assert window.current_page.question_slug == REAL_SLUG  # type: ignore[union-attr]
    assert window.commands.forward_action.isEnabled()
    _open(qtbot, window, window.commands.back_action.trigger)
    assert window.current_page.target == "topic/calcifications"  # type: ignore[union-attr]


def test_external_link_is_never_followed_silently(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A web link asks first; declining opens nothing and keeps the page."""
    asked: list[str] = []
    opened: list[QUrl] = []
    monkeypatch.setattr(
        window.reading, "confirm_external_link", lambda url: asked.append(url.toString()) or False
    )
    monkeypatch.setattr("breastedu.ui.shell.reading.QDesktopServices.openUrl", opened.append)
    _open(qtbot, window, lambda: window.open_target(f"question/{REAL_SLUG}"))
    window.reader.browser.anchorClicked.emit(QUrl("https://example.org/"))
    assert asked == ["https://example.org/"] and opened == []
    assert "Clustered calcification" in window.reader.plain_text()


def test_file_links_are_ignored(qtbot: QtBot, window: MainWindow) -> None:
    """A file: link does nothing at all."""
    _open(qtbot, window, lambda: window.open_target("home"))
    with (
        qtbot.assertNotEmitted(window.reader.link_activated),
        qtbot.assertNotEmitted(window.reader.external_link_requested),
    ):
        window.reader.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))


def test_unknown_page_says_not_found(qtbot: QtBot, window: MainWindow) -> None:
    """A link to a page that is not in the library shows a plain message."""
    _open(qtbot, window, lambda: window.open_target("question/nope"))
    assert "Page not found" in window.reader.plain_text()


def test_zoom_theme_and_geometry_are_remembered(qtbot: QtBot, library_db: Path, user_dir: Path) -> None:
    """Text size, colours and window size survive closing and reopening the app."""
    first = MainWindow(ContentService.open(library_db), settings=settings_for(user_dir))
    qtbot.addWidget(first)
    first.resize(700, 520)
    first.show()
    first.commands.larger_action.trigger()
    first.commands.larger_action.trigger()
    first.commands.theme_actions["dark"].trigger()
    first.close()
    second = MainWindow(ContentService.open(library_db), settings=settings_for(user_dir))
    qtbot.addWidget(second)
    assert second.appearance.zoom == "larger" and second.commands.zoom_actions["larger"].isChecked()
    assert second.reader.text_size() == round(BASE_POINT_SIZE * 1.5)
    assert second.appearance.theme == "dark" and second.commands.theme_actions["dark"].isChecked()
    assert (second.width(), second.height()) == (700, 520)


def test_zoom_scales_the_whole_window_within_presets(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl++ grows the tree, the search box and the page together; it stops at the presets."""
    tree_before = window.tree.view.font().pointSizeF()
    box_before = window.search_pane.box.font().pointSizeF()
    for _ in range(10):
        window.commands.smaller_action.trigger()
    assert window.appearance.zoom == "normal" and not window.commands.smaller_action.isEnabled()
    assert window.reader.text_size() == BASE_POINT_SIZE
    for _ in range(10):
        window.commands.larger_action.trigger()
    assert window.appearance.zoom == "largest" and not window.commands.larger_action.isEnabled()
    assert window.reader.text_size() == BASE_POINT_SIZE * 2
    assert window.tree.view.font().pointSizeF() >= 1.9 * tree_before
    assert window.search_pane.box.font().pointSizeF() >= 1.5 * box_before
    window.commands.reset_size_action.trigger()
    assert window.tree.view.font().pointSizeF() == pytest.approx(tree_before)


def test_search_terms_are_highlighted(qtbot: QtBot, window: MainWindow) -> None:
    """Opening a page from a search marks the words searched for."""
    with qtbot.waitSignal(window.page_shown):
        window.open_target(f"question/{REAL_SLUG}", highlight=("calcification",))
    assert len(window.reader.browser.extraSelections()) >= 3


def test_search_opens_the_hit_highlighted_and_hides_the_tree(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+K, type a word, Enter: the first hit opens with the word marked; the tree returns after."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.commands.find_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_pane.box)
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        window.search_pane.set_query("clustered calcification")
        qtbot.waitUntil(lambda: window.search_pane.results_model.rowCount() > 0)
        window.search_pane.open_row(0)
    assert not window.tree.isVisible()
    assert window.current_page is not None and window.current_page.target.startswith(("question/", "topic/"))
    assert len(window.reader.browser.extraSelections()) >= 1
    window.search_pane.box.clear()
    assert window.tree.isVisible()


def test_while_search_gets_ready_the_box_stays_put_and_pages_still_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Typing while the index is still being built keeps the box at the top of the sidebar
    (the tree makes way for a message, not for empty space), and the library stays usable."""
    qtbot.waitUntil(window.runner.is_idle)  # the index is open
    pane = window.search_pane
    top = pane.box.mapTo(window, pane.box.rect().topLeft()).y()
    pane.hold()
    pane.set_query("lump")
    qtbot.wait(20)
    assert pane.status.text().startswith("Getting search ready")
    assert pane.box.mapTo(window, pane.box.rect().topLeft()).y() == top
    _open(qtbot, window, lambda: window.open_target("topic/calcifications"))
    pane.resume()
    qtbot.waitUntil(lambda: pane.is_idle() and pane.results_model.rowCount() > 0)
