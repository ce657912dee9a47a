"""Fixtures the pane tests share: a task runner that is drained before teardown, her user DB."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from breastedu.core.notebook.userdb import UserDB
from breastedu.ui.workers import TaskRunner


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
