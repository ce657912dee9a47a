"""One crash path: an exception nobody caught reaches :func:`install` 's hook, never a silent
traceback on a terminal she does not have.

On the desktop the hook writes a crash file in her user folder (private, 0600) and shows a
plain "Something went wrong" dialog whose details can be copied; the app keeps running where
it can. :mod:`faulthandler` writes the Python stacks of a hard crash (a segfault in Qt, say)
into the same folder. The kiosk writes nothing anywhere: its hook resets the kiosk to the
start screen instead, so the next visitor never sees the last one's error.
(The shape follows qutebrowser's ``misc/crashsignal.py``: one handler, installed once.)
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import faulthandler
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from breastedu import __version__
from breastedu.core.files import CRASH_PREFIX, FAULT_LOG
from breastedu.core.files import PRIVATE as PRIVATE_FILE_MODE
from breastedu.ui.common.i18n import translate

_fault_file: IO[str] | None = None


def details_of(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """What a crash report says: the version, the time and the whole traceback."""
    when = dt.datetime.now().isoformat(timespec="seconds")
    trace = "".join(traceback.format_exception(kind, value, tb))
    return f"BreastEdu {__version__}, Python {sys.version.split()[0]}, {when}\n\n{trace}"


def write_crash_file(folder: Path, details: str) -> Path | None:
    """``crash-<time>.txt`` in ``folder`` (0600), or None when it cannot be written."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"{CRASH_PREFIX}{stamp}.txt"
    try:
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE_MODE
        )
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(details)
    except OSError:
        return None
    return path


class CrashDialog(QMessageBox):
    """ "Something went wrong": what happened in plain words, where the report is, and the
    details (selectable, with a Copy button) for whoever helps her."""

    def __init__(self, details: str, crash_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("common.crash", "Something went wrong"))
        self.setText(translate("common.crash", "Something went wrong in BreastEdu."))
        where = (
            translate(
                "common.crash",
                "A report was saved in {file}. It holds no notes, only what the app was doing.",
            ).format(file=crash_file)
            if crash_file
            else translate("common.crash", "The report could not be saved; the details below can be copied.")
        )
        safe = translate(
            "common.crash",
            "Your saved notes and follow-ups are safe. If this happens again, restart BreastEdu.",
        )
        self.setInformativeText(f"{safe}\n\n{where}")
        self.setDetailedText(details)
        self.copy_button = self.addButton(
            translate("common.crash", "Copy details"), QMessageBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.disconnect()  # keep the dialog open after copying
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(details))
        self.addButton(QMessageBox.StandardButton.Close)


Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def desktop_hook(user_dir: Path | None, *, show: Callable[[CrashDialog], object] | None = None) -> Hook:
    """The window's hook: a crash file in ``user_dir`` (if it exists) and the dialog."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = details_of(kind, value, tb)
        print(details, file=sys.stderr)
        crash_file = (
            write_crash_file(user_dir, details) if user_dir is not None and user_dir.is_dir() else None
        )
        dialog = CrashDialog(details, crash_file, QApplication.activeWindow())
        (show or (lambda d: d.exec()))(dialog)

    return hook


def kiosk_hook(reset: Callable[[], None]) -> Hook:
    """The kiosk's hook: nothing written, nothing shown to the next visitor; back to the start."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        print(details_of(kind, value, tb), file=sys.stderr)  # staff's terminal only
        reset()

    return hook


def install(hook: Hook, *, fault_folder: Path | None = None) -> None:
    """Make ``hook`` the one crash path; with ``fault_folder``, hard crashes are written there
    (the log must be open before a crash; an empty one is removed at a clean exit)."""
    global _fault_file
    sys.excepthook = hook
    if fault_folder is not None and fault_folder.is_dir() and _fault_file is None:
        try:
            fd = os.open(
                fault_folder / FAULT_LOG,
                os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0),
                PRIVATE_FILE_MODE,
            )
            _fault_file = os.fdopen(fd, "a", encoding="utf-8")
            faulthandler.enable(_fault_file)
        except OSError:
            _fault_file = None
        else:
            atexit.register(close_fault_log, fault_folder / FAULT_LOG)


def close_fault_log(path: Path) -> None:
    """Stop writing hard crashes to ``path`` and remove it if nothing was written (a clean exit)."""
    global _fault_file
    if _fault_file is None:
        return
    faulthandler.disable()
    _fault_file.close()
    _fault_file = None
    with contextlib.suppress(OSError):
        if not path.is_symlink() and path.stat().st_size == 0:
            path.unlink()
