"""The waiting-room kiosk: a full-screen shell for strangers one after another.

Nothing about a visitor is written anywhere: no user DB, no settings, no history file, no
cache, no log with queries. :func:`run_kiosk` runs it until staff exit.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from breastedu.core.clinic import ClinicConfig
from breastedu.core.content.service import ContentService
from breastedu.ui.common import crash
from breastedu.ui.kiosk.shell import KioskShell

__all__ = ["KioskShell", "run_kiosk"]


def run_kiosk(app: QApplication, content_db: Path, config: ClinicConfig, *, theme: str | None = None) -> int:
    """Show the kiosk over the whole screen and run until staff exit or a terminal signal."""
    content = ContentService.open(content_db)
    shell = KioskShell(content, config, theme=theme or "light")
    if shell.pin_lock.has_pin is False:
        print(
            "breastedu: kiosk: no staff PIN is set, so staff can leave only with Ctrl+C or a "
            "signal from a terminal (set one with 'breastedu kiosk set-pin')",
            file=sys.stderr,
        )
    # Ctrl+C / SIGTERM from a terminal end the kiosk cleanly. Python only sees a signal when
    # it runs, so a timer wakes it up twice a second while Qt's loop sleeps.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: shell.staff_exit())
    # An unexpected error resets the kiosk for the next visitor; nothing is written.
    crash.install(crash.kiosk_hook(shell.reset))
    wake = QTimer(shell)
    wake.timeout.connect(lambda: None)
    wake.start(500)
    primary = app.primaryScreen()
    primary.geometryChanged.connect(lambda _rect: shell.cover_screen())
    shell.cover_screen()
    try:
        return app.exec()
    finally:
        content.close()
