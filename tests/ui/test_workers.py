"""The task runner delivers only the latest result per channel, and never to a deleted pane."""

from __future__ import annotations

import functools
import threading

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from breastedu.core.errors import UserDataError
from breastedu.ui.common.workers import TaskRunner


def test_stale_result_on_a_channel_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """Two quick searches: only the second one's result is shown."""
    owner = QObject()
    release = threading.Event()
    shown: list[str] = []
    runner.submit("search", lambda: release.wait(5) and "old", owner=owner, on_done=shown.append)
    runner.submit("search", lambda: "new", owner=owner, on_done=shown.append)
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert shown == ["new"]


def test_result_for_a_deleted_widget_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """A pane closed while its query runs gets nothing, and nothing raises."""
    release = threading.Event()
    label = QLabel()
    runner.submit("page", lambda: release.wait(5) and "text", owner=label, on_done=label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    release.set()
    qtbot.waitUntil(runner.is_idle)


def test_lambda_and_partial_receivers_of_a_deleted_owner_are_never_called(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Lambdas and partials that touch a deleted pane are dropped too, results and errors alike.

    Before owners, only bound methods were checked: these callbacks reached the deleted label
    and raised "Internal C++ object already deleted".
    """
    release = threading.Event()
    label = QLabel()
    called: list[str] = []

    def touch(tag: str, value: object) -> None:
        called.append(tag)
        label.setText(str(value))  # raises RuntimeError on a deleted label

    def fail() -> None:
        release.wait(5)
        raise UserDataError("your notes file is busy")

    runner.submit("a", lambda: release.wait(5) and "x", owner=label, on_done=lambda v: touch("lambda", v))
    runner.submit(
        "b", lambda: release.wait(5) and "y", owner=label, on_done=functools.partial(touch, "partial")
    )
    runner.submit("c", fail, owner=label, on_error=lambda exc: touch("error", exc))
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert called == []


def test_a_living_owner_gets_its_lambda_and_partial_results(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    got: list[object] = []
    runner.submit("a", lambda: 1, owner=owner, on_done=lambda v: got.append(("lambda", v)))
    runner.submit(
        "b", lambda: 2, owner=owner, on_done=functools.partial(lambda tag, v: got.append((tag, v)), "p")
    )
    qtbot.waitUntil(runner.is_idle)
    assert sorted(got, key=str) == sorted([("lambda", 1), ("p", 2)], key=str)


def test_a_stale_tasks_error_is_dropped_like_its_result(qtbot: QtBot, runner: TaskRunner) -> None:
    """She clicked a page, then another: the first load's failure never shows over the second."""
    owner = QObject()
    release = threading.Event()
    failures: list[tuple[str, str]] = []
    handled: list[object] = []
    shown: list[str] = []
    runner.task_failed.connect(lambda channel, message: failures.append((channel, message)))

    def slow_fail() -> str:
        release.wait(5)
        raise UserDataError("the old page could not be read")

    runner.submit("page", slow_fail, owner=owner, on_done=shown.append)
    runner.submit("page", slow_fail, owner=owner, on_done=shown.append, on_error=handled.append)
    runner.submit("page", lambda: "new page", owner=owner, on_done=shown.append)
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert shown == ["new page"]
    assert failures == [] and handled == []


def test_an_owner_less_tasks_error_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """The pane that asked is gone: its task's error is not announced by the window either."""
    release = threading.Event()
    label = QLabel()
    failures: list[str] = []
    runner.task_failed.connect(lambda _channel, message: failures.append(message))

    def fail() -> None:
        release.wait(5)
        raise UserDataError("busy")

    runner.submit("x", fail, owner=label, on_done=lambda _v: None)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert failures == []


def test_a_current_tasks_error_without_a_handler_is_announced(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    failures: list[str] = []
    runner.task_failed.connect(lambda _channel, message: failures.append(message))

    def fail() -> None:
        raise UserDataError("your notes file is busy")

    runner.submit("x", fail, owner=owner, on_done=lambda _v: None)
    qtbot.waitUntil(runner.is_idle)
    assert failures == ["your notes file is busy"]
