"""The task runner delivers only the latest result per channel, and never to a deleted pane."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from breastedu.ui.workers import TaskRunner


def test_stale_result_on_a_channel_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """Two quick searches: only the second one's result is shown."""
    release = threading.Event()
    shown: list[str] = []
    runner.submit("search", lambda: release.wait(5) and "old", on_done=shown.append)
    runner.submit("search", lambda: "new", on_done=shown.append)
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert shown == ["new"]


def test_result_for_a_deleted_widget_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """A pane closed while its query runs gets nothing, and nothing raises."""
    release = threading.Event()
    label = QLabel()
    runner.submit("page", lambda: release.wait(5) and "text", on_done=label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _valid(label))
    release.set()
    qtbot.waitUntil(runner.is_idle)


def _valid(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))
