"""The window fits the screen it starts on, and the page keeps a readable line length."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from breastedu.core.content.service import ContentService
from breastedu.core.notebook.service import Notebook
from breastedu.ui.common.window_fit import first_start_geometry, fit_into, start_geometry
from breastedu.ui.shell.main_window import MainWindow, UserServices
from breastedu.ui.shell.qt_app import settings_for


def test_first_start_is_most_of_a_laptop_screen_centred() -> None:
    rect, maximised = first_start_geometry(QRect(0, 0, 1366, 768))
    assert not maximised
    assert (rect.width(), rect.height()) == (1161, 653)
    assert rect.center() == QRect(0, 0, 1366, 768).center()


def test_first_start_on_a_small_screen_takes_all_of_it() -> None:
    available = QRect(0, 24, 1024, 576)  # a panel at the top
    rect, maximised = first_start_geometry(available)
    assert maximised and rect == available


def test_a_saved_geometry_too_big_for_the_screen_is_brought_back_onto_it() -> None:
    available = QRect(0, 0, 1024, 600)
    fitted = fit_into(QRect(900, 300, 1600, 1000), available)
    assert available.contains(fitted)
    assert (fitted.width(), fitted.height()) == (1024, 600)
    assert fit_into(QRect(10, 10, 500, 400), available) == QRect(10, 10, 500, 400)
    off_left = fit_into(QRect(-300, 100, 500, 400), available)
    assert available.contains(off_left) and off_left.width() == 500


def test_a_saved_place_wins_over_the_first_start_one_and_is_never_maximised_anew() -> None:
    laptop = QRect(0, 0, 1366, 768)
    assert start_geometry(None, laptop) == first_start_geometry(laptop)
    assert start_geometry(QRect(40, 30, 700, 500), laptop) == (QRect(40, 30, 700, 500), False)
    small = QRect(0, 0, 1024, 600)  # below the maximise width, but the saved place is kept
    assert start_geometry(QRect(900, 300, 1600, 1000), small) == (
        fit_into(QRect(900, 300, 1600, 1000), small),
        False,
    )


def _window(qtbot: QtBot, library_db: Path, user_dir: Path, *, remember: bool = False) -> MainWindow:
    notebook = Notebook.open(user_dir)
    win = MainWindow(
        ContentService.open(library_db),
        settings=settings_for(user_dir) if remember else None,
        user=UserServices(notebook=notebook),
    )
    qtbot.addWidget(win)
    win.destroyed.connect(notebook.close)
    return win


@pytest.mark.parametrize(
    ("screen", "notebook_open", "drawer"),
    [
        ((1366, 768), False, False),
        ((1920, 1080), True, False),
        ((1024, 600), False, False),
        ((800, 600), False, True),
    ],
)
def test_first_window_fits_and_reads_60_to_80_characters_a_line(
    qtbot: QtBot, library_db: Path, user_dir: Path, screen: tuple[int, int], notebook_open: bool, drawer: bool
) -> None:
    """On a laptop, a netbook, a small and a big screen the first window is on the screen, the
    notebook opens only where there is room, and a line of the page holds 60 to 80 characters."""
    win = _window(qtbot, library_db, user_dir)
    available = QRect(0, 0, *screen)
    win.place_on_screen(available)
    win.show()
    with qtbot.waitSignal(win.page_shown):
        win.open_target("home")
    assert win.width() <= screen[0] and win.height() <= screen[1]
    assert win.width() >= 0.8 * screen[0] and win.height() >= 0.8 * screen[1]
    assert win.notebook is not None and win.notebook.isVisible() == notebook_open
    assert win.is_sidebar_a_drawer() == drawer and win.sidebar.isVisible() == (not drawer)
    assert 60 <= win.reader.chars_per_line() <= 80


def test_nothing_forces_the_window_past_a_small_screen(
    qtbot: QtBot, library_db: Path, user_dir: Path
) -> None:
    """The notebook (with the follow-up form open) scrolls instead of setting a minimum size."""
    win = _window(qtbot, library_db, user_dir)
    win.show()
    assert win.followups_pane is not None
    win.show_followups()
    win.followups_pane.start_add()
    assert win.followups_pane.form.isVisible()
    hint = win.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 560


def test_the_drawer_opens_and_closes_after_a_choice(qtbot: QtBot, library_db: Path, user_dir: Path) -> None:
    win = _window(qtbot, library_db, user_dir)
    win.place_on_screen(QRect(0, 0, 800, 600))
    win.show()
    qtbot.waitUntil(lambda: win.tree.model.rowCount() > 0)
    assert win.commands.drawer_action.isVisible() and not win.sidebar.isVisible()
    win.commands.drawer_action.trigger()
    assert win.sidebar.isVisible() and win.search_pane.box.hasFocus()
    with qtbot.waitSignal(win.page_shown):
        win.tree.topic_selected.emit("calcifications")
    assert not win.sidebar.isVisible()
    win.resize(1300, 700)
    assert win.sidebar.isVisible() and not win.commands.drawer_action.isVisible()


def test_saved_geometry_is_corrected_on_a_smaller_screen(
    qtbot: QtBot, library_db: Path, user_dir: Path
) -> None:
    first = _window(qtbot, library_db, user_dir, remember=True)
    first.setGeometry(QRect(200, 100, 1800, 1000))
    first.close()
    second = _window(qtbot, library_db, user_dir, remember=True)
    available = QRect(0, 0, 1024, 600)
    assert not second.place_on_screen(available)
    assert available.contains(second.geometry())


def test_opening_the_notebook_on_a_laptop_keeps_the_page_readable(
    qtbot: QtBot, library_db: Path, user_dir: Path
) -> None:
    """The notebook opened in a laptop-sized window folds the sidebar away rather than squeeze
    the page under 60 characters a line; closing it brings the sidebar back."""
    win = _window(qtbot, library_db, user_dir)
    win.place_on_screen(QRect(0, 0, 1366, 768))
    win.show()
    with qtbot.waitSignal(win.page_shown):
        win.open_target("home")
    assert win.notebook is not None and not win.notebook.isVisible()
    win.wiring.notebook_action.trigger()
    qtbot.waitUntil(win.notebook.isVisible)
    assert win.is_sidebar_a_drawer() and not win.sidebar.isVisible()
    qtbot.waitUntil(lambda: win.reader.chars_per_line() >= 60)  # once the layout has settled
    win.wiring.notebook_action.trigger()
    qtbot.waitUntil(lambda: not win.notebook.isVisible())
    assert not win.is_sidebar_a_drawer() and win.sidebar.isVisible()
