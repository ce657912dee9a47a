"""First run and Help: the welcome page once (never in kiosk), Privacy and About in the reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from tests.conftest import SEED

from breastedu import __version__
from breastedu.core.content.service import ContentService
from breastedu.core.notebook.service import Notebook
from breastedu.core.render import info
from breastedu.core.render.pages import PageBuilder
from breastedu.ui.shell.main_window import MainWindow, UserServices
from breastedu.ui.shell.qt_app import settings_for


@pytest.fixture
def open_window(library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]) -> object:
    def make(*, notebook: bool = True) -> MainWindow:
        user = UserServices(Notebook.open(user_dir)) if notebook else None
        settings = settings_for(user_dir) if notebook else None
        win = track_window(MainWindow(ContentService.open(library_db), settings=settings, user=user))
        win.resize(1200, 700)
        win.show()
        return win

    return make


def _show(qtbot: QtBot, win: MainWindow, target: str) -> str:
    with qtbot.waitSignal(win.page_shown) as shown:
        win.open_target(target)
    assert shown.args is not None
    assert shown.args[0].target == target
    return win.reader.browser.toPlainText()


def _menu_texts(win: MainWindow) -> set[str]:
    return {a.text() for menu in win.menuBar().actions() if menu.menu() for a in menu.menu().actions()}


def test_welcome_page_comes_once(open_window, qtbot: QtBot, user_dir: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window()
    start = first.start_page()
    assert start == info.WELCOME
    text = _show(qtbot, first, start)
    assert "not medical advice" in text
    assert "Nothing leaves this computer" in text
    assert str(user_dir) in text  # where her notes live, the real folder
    # The menu items it names are the real ones.
    menu = _menu_texts(first)
    for item in ("Export all my data…", "Delete all my data…", "Welcome", "Privacy and your data"):
        assert item in text and item in menu, item
    first.close()
    second = open_window()
    assert second.start_page() == "home"


def test_without_settings_the_welcome_page_is_not_remembered(open_window, user_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(notebook=False)
    assert window.start_page() == "home"
    assert not (user_dir / "settings.ini").exists()


def test_help_about_shows_versions_and_licences(qtbot: QtBot) -> None:
    win = MainWindow(ContentService.open(SEED))  # the real library: guides with checked dates
    qtbot.addWidget(win)
    about: QAction = win.commands.help_actions[info.ABOUT]
    with qtbot.waitSignal(win.page_shown):
        about.trigger()
    text = win.reader.browser.toPlainText()
    stats = win.content.stats()
    assert f"BreastEdu {__version__}" in text
    assert stats.content_version and stats.content_version in text
    assert stats.last_checked is not None and f"{stats.last_checked.year}" in text
    assert "GPL-3.0-or-later" in text and "CC BY-SA 4.0" in text and "LGPL-3.0" in text
    assert "keep their source's rights" in text
    win.close()
    win.runner.wait_for_done()


def test_help_privacy_names_her_folder_and_kiosk_keeps_nothing(
    open_window, qtbot: QtBot, user_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    win = open_window()
    with qtbot.waitSignal(win.page_shown):
        win.commands.help_actions[info.PRIVACY].trigger()
    assert str(user_dir) in win.reader.browser.toPlainText()
    kiosk_pages = PageBuilder(win.content)  # the kiosk's pages know no user folder
    text = kiosk_pages.build(info.PRIVACY).html
    assert "kiosk mode" in text and str(user_dir) not in text
