"""No page of the library scrolls sideways (N10: Thyroid nodules had a scrollbar at 1366x768):
every topic of the shipped library, with and without the notebook, fits the reading column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.conftest import SEED
from tests.ui.conftest import open_page

from breastedu.core.content.service import ContentService
from breastedu.core.notebook.service import Notebook
from breastedu.ui.shell.main_window import MainWindow, UserServices


def test_no_topic_page_scrolls_sideways(
    qtbot: QtBot, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> None:
    content = ContentService.open(SEED)
    win = track_window(MainWindow(content, user=UserServices(Notebook.open(user_dir))))
    win.place_on_screen(QRect(0, 0, 1366, 768))
    win.show()
    assert win.notebook is not None
    slugs = [t.slug for group in content.tree() for t in group.topics]
    assert "thyroid-nodules" in slugs
    wide = []
    for notebook_open in (False, True):
        win.notebook.setVisible(notebook_open)
        for slug in slugs:
            open_page(qtbot, win, f"topic/{slug}")
            browser = win.reader.browser
            browser.document().size()  # the whole page laid out, as she scrolls through it
            QApplication.processEvents()
            overflow = browser.document().idealWidth() - browser.viewport().width()
            if browser.horizontalScrollBar().isVisible() or overflow > 2:
                wide.append((slug, notebook_open, overflow))
    assert wide == []
