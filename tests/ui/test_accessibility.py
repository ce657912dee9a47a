"""Keyboard and screen reader: every control has a name, focus shows, Tab and F6 go where
she expects, Backspace goes back only while reading, Back returns to her place on the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QRect, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG

from breastedu.core.content.service import ContentService
from breastedu.core.notebook.service import Notebook
from breastedu.core.palette import THEMES
from breastedu.ui.shell.main_window import MainWindow, UserServices


@pytest.fixture
def make_window(
    qtbot: QtBot, library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> object:
    def make(theme: str = "light", screen: tuple[int, int] = (1366, 768)) -> MainWindow:
        win = track_window(
            MainWindow(
                ContentService.open(library_db), user=UserServices(Notebook.open(user_dir)), theme=theme
            )
        )
        win.place_on_screen(QRect(0, 0, *screen))
        win.show()
        with qtbot.waitSignal(win.page_shown):
            win.open_target(f"question/{REAL_SLUG}")
        return win

    return make


def _unnamed_focusable(win: MainWindow) -> list[str]:
    missing = []
    for widget in win.findChildren(QWidget):
        if widget.window() is not win:  # popups (a combo box's list) are their own windows
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.focusProxy() is not None:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
        if not name:
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
            )
    return missing


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_focusable_control_has_an_accessible_name(
    qtbot: QtBot, make_window: object, theme: str
) -> None:
    """Walks the whole window, shown or hidden parts, with the follow-up form, a notice, search
    results and "On this page" open."""
    win = make_window(theme)  # type: ignore[operator]
    win.show_followups()
    assert win.followups_pane is not None
    win.followups_pane.start_add()
    win.banner.show_text("Something to know", action="Show follow-ups")
    win.search_for("calcification")
    qtbot.waitUntil(lambda: win.search_pane.results_model.rowCount() > 0)
    win.outline.toggle.click()  # "On this page" open
    assert win.outline.view.isVisible()
    assert _unnamed_focusable(win) == []
    # Toolbar buttons: their names are their labels, and each has a tooltip saying its keys.
    for action in win.commands.toolbar.actions():
        if not action.isSeparator():
            assert action.text().strip() and action.toolTip().strip()


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_keyboard_focus_is_drawn_in_the_focus_colour(qtbot: QtBot, make_window: object, theme: str) -> None:
    """The focused pane is framed in the theme's focus colour; the unfocused one is not."""
    win = make_window(theme)  # type: ignore[operator]
    focus = QColor(THEMES[theme].focus)

    def edge(widget: QWidget) -> QColor:
        return widget.grab().toImage().pixelColor(0, widget.height() // 2)

    for widget, other in ((win.tree.view, win.reader.browser), (win.reader.browser, win.tree.view)):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        assert edge(widget) == focus
        assert edge(other) != focus


def test_tab_and_f6_follow_the_reading_order(qtbot: QtBot, make_window: object) -> None:
    """Tab: search -> topics -> "On this page" -> page. F6 jumps pane by pane and wraps round,
    notebook included."""
    win = make_window(screen=(1920, 1080))  # type: ignore[operator]
    assert win.notebook is not None and win.notebook.isVisible()
    win.activateWindow()
    win.search_pane.box.setFocus()
    qtbot.waitUntil(win.search_pane.box.hasFocus)
    qtbot.keyClick(win.search_pane.box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.tree.view
    qtbot.keyClick(win.tree.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.outline.toggle
    qtbot.keyClick(win.outline.toggle, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.reader.browser
    order = []
    for _ in range(5):
        win.commands.next_pane_action.trigger()
        order.append(QApplication.focusWidget())
    assert order == [
        win.notebook.tabs.tabBar(),
        win.search_pane.box,
        win.tree.view,
        win.outline.toggle,
        win.reader.browser,
    ]
    win.commands.previous_pane_action.trigger()
    assert QApplication.focusWidget() is win.outline.toggle


def test_backspace_goes_back_only_in_the_page(qtbot: QtBot, make_window: object) -> None:
    win = make_window()  # type: ignore[operator]
    with qtbot.waitSignal(win.page_shown):
        win.open_target("glossary")
    win.search_pane.box.setFocus()
    qtbot.keyClicks(win.search_pane.box, "ab")
    with qtbot.assertNotEmitted(win.page_shown, wait=50):
        qtbot.keyClick(win.search_pane.box, Qt.Key.Key_Backspace)
    assert win.search_pane.box.text() == "a"
    win.reader.browser.setFocus()
    with qtbot.waitSignal(win.page_shown):
        qtbot.keyClick(win.reader.browser, Qt.Key.Key_Backspace)
    assert win.current_page is not None and win.current_page.question_slug == REAL_SLUG


def _wait_for_layout_to_settle(qtbot: QtBot, bar: QScrollBar) -> None:
    """Wait until the page's height has not changed for 150 ms (a reader scrolls after that)."""
    clock = QElapsedTimer()
    clock.start()
    bar.rangeChanged.connect(lambda *_: clock.restart())
    qtbot.waitUntil(lambda: clock.elapsed() > 150, timeout=5000)


def test_back_and_forward_return_to_where_she_was(qtbot: QtBot, make_window: object) -> None:
    win = make_window(screen=(800, 600))  # type: ignore[operator]
    bar = win.reader.browser.verticalScrollBar()
    _wait_for_layout_to_settle(qtbot, bar)  # QTextBrowser finishes laying a long page out lazily
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    left_at = win.reader.scroll_fraction()  # where she was (the layout may still be settling)
    assert 0.3 < left_at < 0.7
    with qtbot.waitSignal(win.page_shown):
        win.open_target("glossary")
    assert bar.value() == 0
    with qtbot.waitSignal(win.page_shown):
        win.commands.back_action.trigger()
    assert win.reader.scroll_fraction() == pytest.approx(left_at, abs=0.02)
    with qtbot.waitSignal(win.page_shown):
        win.commands.forward_action.trigger()
    assert bar.value() == 0
