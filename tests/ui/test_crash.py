"""One crash path: an unhandled exception in the window shows the dialog and writes the crash
file in her folder; in the kiosk it resets instead and writes nothing."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from breastedu.ui.common import crash


@pytest.fixture
def restore_hook() -> object:
    saved = sys.excepthook
    yield
    sys.excepthook = saved


def test_an_exception_in_a_slot_shows_the_dialog_and_writes_a_private_crash_file(
    qtbot: QtBot, tmp_path: Path, restore_hook: object
) -> None:
    shown: list[crash.CrashDialog] = []
    crash.install(crash.desktop_hook(tmp_path, show=shown.append))
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def explode() -> None:
        raise ValueError("a bug in a pane")

    button.clicked.connect(explode)
    button.click()  # PySide6 hands an exception raised in a slot to sys.excepthook
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.windowTitle() == "Something went wrong"
    assert "ValueError: a bug in a pane" in dialog.detailedText()
    files = sorted(tmp_path.glob("crash-*.txt"))
    assert len(files) == 1
    assert "ValueError: a bug in a pane" in files[0].read_text()
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert str(files[0]) in dialog.informativeText()
    dialog.copy_button.click()
    from PySide6.QtWidgets import QApplication

    assert "a bug in a pane" in QApplication.clipboard().text()
    dialog.deleteLater()


def test_without_a_user_folder_the_dialog_still_shows(qtbot: QtBot, restore_hook: object) -> None:
    shown: list[crash.CrashDialog] = []
    crash.install(crash.desktop_hook(None, show=shown.append))
    QTimer.singleShot(0, lambda: (_ for _ in ()).throw(RuntimeError("late")))
    qtbot.waitUntil(lambda: bool(shown))
    assert "could not be saved" in shown[0].informativeText()
    shown[0].deleteLater()


def test_the_kiosk_resets_instead_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_hook: object
) -> None:
    monkeypatch.chdir(tmp_path)
    resets: list[int] = []
    crash.install(crash.kiosk_hook(lambda: resets.append(1)))
    button = QPushButton("boom")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    button.click()
    assert resets == [1]
    assert list(tmp_path.iterdir()) == []


def test_the_hard_crash_log_is_gone_after_a_clean_exit_and_kept_when_written(
    tmp_path: Path, restore_hook: object
) -> None:
    """Opened at start (a hard crash cannot open it), removed at a clean exit when empty;
    a log with a crash in it stays for whoever helps her."""
    log = tmp_path / "crash-faults.log"
    crash.install(crash.desktop_hook(tmp_path), fault_folder=tmp_path)
    assert log.exists()
    crash.close_fault_log(log)
    assert not log.exists()
    crash.install(crash.desktop_hook(tmp_path), fault_folder=tmp_path)
    log.write_text("Fatal Python error: Segmentation fault\n", "utf-8")
    crash.close_fault_log(log)
    assert log.read_text("utf-8").startswith("Fatal Python error")
