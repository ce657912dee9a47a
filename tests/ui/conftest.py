"""Fixtures the pane tests share: a task runner that is drained before teardown, her user DB,
main windows that are closed down after the test, and opening a page in one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from breastedu.core.content.service import ContentService
from breastedu.core.notebook.service import Notebook
from breastedu.core.notebook.userdb import UserDB
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.shell.main_window import MainWindow, UserServices


@pytest.fixture(autouse=True)
def _windows_go_with_their_test() -> Iterator[None]:
    """A main window a test closed is deleted after it: kept, each one left behind made every
    later theme or text-size change repolish it too (five of them made one test take 19 s)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and not widget.isVisible():
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A TaskRunner; teardown waits for its tasks so no result reaches a deleted pane."""
    tasks = TaskRunner()
    yield tasks
    tasks.wait_for_done()
    qtbot.waitUntil(tasks.is_idle)


@pytest.fixture
def db(user_dir: Path) -> Iterator[UserDB]:
    """Her user DB in this test's user folder (no start-up backup)."""
    with UserDB.open(user_dir, backup=False) as opened:
        yield opened


@pytest.fixture
def track_window(qtbot: QtBot) -> Iterator[Callable[[MainWindow], MainWindow]]:
    """``track(win)`` returns ``win``; after the test its tasks are drained and its notebook closed."""
    made: list[MainWindow] = []

    def track(win: MainWindow) -> MainWindow:
        qtbot.addWidget(win)
        made.append(win)
        return win

    yield track
    for win in made:
        win.runner.wait_for_done()
        if win.user is not None:
            win.user.notebook.close()


def open_page(qtbot: QtBot, win: MainWindow, target: str) -> None:
    """Open ``target`` in ``win`` and return once it is shown."""
    with qtbot.waitSignal(win.page_shown):
        win.open_target(target)


@pytest.fixture
def laptop_window(
    library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> MainWindow:
    """A window with her notebook, placed on a 1366x768 laptop screen and shown."""
    user = UserServices(Notebook.open(user_dir))
    win = track_window(MainWindow(ContentService.open(library_db), user=user))
    win.place_on_screen(QRect(0, 0, 1366, 768))
    win.show()
    return win
