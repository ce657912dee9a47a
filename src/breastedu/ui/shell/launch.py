"""Opening the app: the QApplication, a first paint within moments, then the real window.

This module imports Qt and a few small modules only (no SQLAlchemy, no search engine, no
Markdown): :func:`run_app` shows a :class:`StartFrame` (the window's size, place and colours,
saying the library is opening) before anything heavy loads, builds the real window after the
frame has painted, shows it in the frame's place and closes the frame. A person sees a window
at once; the library fills it a moment later.

``BREASTEDU_STARTUP_TRACE=1`` writes ``startup first-paint`` and ``startup ready`` lines to
stderr as those moments come, and ``window-modules`` / ``window-built`` between them (``=exit``
also quits at ready): what ``bench_startup.py`` times.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from breastedu.core.notebook.folder import usable_settings_file
from breastedu.core.palette import theme_for
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, choose_language, install_language, translate
from breastedu.ui.common.theme import UI_POINT_SIZE, qpalette, saved_theme
from breastedu.ui.common.window_fit import start_geometry
from breastedu.ui.shell.qt_app import ensure_app, settings_for

if TYPE_CHECKING:
    from breastedu.ui.shell.main_window import MainWindow

TRACE_ENV = "BREASTEDU_STARTUP_TRACE"
OPENING = QT_TRANSLATE_NOOP("shell.launch", "Opening the library…")


def trace(moment: str) -> None:
    """Say that start-up reached ``moment`` (only under :data:`TRACE_ENV`), with the peak memory
    so far where the system tells it (Linux) and the CPU time used so far (all threads)."""
    if not os.environ.get(TRACE_ENV):
        return
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next((f" peak_kib={line.split()[1]}" for line in status if line.startswith("VmHWM")), "")
    except OSError:
        peak = ""
    print(f"startup {moment}{peak} cpu_ms={time.process_time() * 1000:.0f}", file=sys.stderr, flush=True)


class StartFrame(QWidget):
    """What a person sees while the library opens: the window's frame, in her theme, with the
    app's name and "Opening the library…"; replaced by the real window as soon as it is built.

    Built without Qt's ``Qt`` namespace of enums (some 20 ms to load, see ui/common/theme.py): the
    desktop's dark mode is read from the platform's palette, labels are centred by stretches."""

    def __init__(self, theme: str, settings: QSettings | None) -> None:
        super().__init__()
        self.setObjectName("startFrame")
        self.setWindowTitle("BreastEdu")
        self._settings = settings
        self.painted = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        app.setPalette(qpalette(theme_for(theme, system_dark=dark)))  # the window sets it again
        self.setAutoFillBackground(True)
        name = QLabel("BreastEdu", self)
        font = QFont(name.font())
        font.setPointSizeF(UI_POINT_SIZE * 2)
        font.setBold(True)
        name.setFont(font)
        self.message = QLabel(translate("shell.launch", OPENING), self)
        small = QFont(self.message.font())
        small.setPointSizeF(UI_POINT_SIZE * 1.2)
        self.message.setFont(small)
        self.message.setAccessibleName(translate("shell.launch", "Starting"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (name, self.message):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(label)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)

    def place(self, available: QRect) -> bool:
        """Where the window will be: its saved place (kept on the screen) or the first-start
        one; True when it should be maximised (as :meth:`MainWindow.place_on_screen` decides)."""
        saved = self._settings.value("window/geometry") if self._settings is not None else None
        restored = saved is not None and self.restoreGeometry(saved)
        rect, maximise = start_geometry(self.geometry() if restored else None, available)
        self.setGeometry(rect)
        return maximise

    def paint_now(self, maximise: bool) -> None:
        """Show the frame and return once it has painted (bounded: a few event-loop turns)."""
        self.installEventFilter(self)
        if maximise:
            self.showMaximized()
        else:
            self.show()
        app = QApplication.instance()
        assert app is not None
        for _ in range(50):
            app.processEvents()
            if self.painted:
                break
        self.removeEventFilter(self)
        trace("first-paint")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.painted = True
        return super().eventFilter(watched, event)


def run_app(
    content_db: Path,
    user_dir: Path,
    *,
    kiosk: bool = False,
    theme: str | None = None,
    clinic_config: str | None = None,
    lang: str | None = None,
) -> int:
    """Run the GUI until the window closes; a start-up problem is shown in one dialog.

    ``kiosk`` (or ``[kiosk] enabled`` in the clinic config) runs the kiosk shell instead,
    which never touches ``user_dir``.
    """
    from breastedu.core import clinic as clinic_settings
    from breastedu.core.clinic import ClinicConfig
    from breastedu.core.errors import BreastEduError, InputError

    app = ensure_app()
    try:
        config = clinic_settings.load(clinic_config)
    except InputError as exc:
        if kiosk:  # a kiosk never runs on settings it could not read
            print(f"breastedu: {exc}", file=sys.stderr)
            return 2
        config = ClinicConfig()  # the window says itself that they were ignored
    if kiosk or config.kiosk.enabled:
        from breastedu.ui.kiosk import run_kiosk

        if lang is not None:  # --lang: this run's default, in place of the clinic's
            config = dataclasses.replace(config, kiosk=dataclasses.replace(config.kiosk, language=lang))
        try:
            return run_kiosk(app, content_db, config, theme=theme)
        except BreastEduError as exc:
            print(f"breastedu: {exc}", file=sys.stderr)
            return 2
    # Never raises: a folder she cannot enter gets its dialog from the window, not a traceback.
    settings = settings_for(user_dir) if usable_settings_file(user_dir) else None
    install_language(choose_language(lang, settings.value("view/language") if settings else None))
    frame = StartFrame(theme or saved_theme(settings), settings)
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
    frame.paint_now(frame.place(available))

    from PySide6.QtWidgets import QMessageBox

    from breastedu.ui.shell.app import build_window  # the heavy part: SQLAlchemy, Markdown, panes

    trace("window-modules")

    try:
        window = build_window(content_db, user_dir, theme=theme, clinic_config=clinic_config, lang=lang)
    except BreastEduError as exc:
        frame.close()
        frame.deleteLater()
        QMessageBox.critical(None, translate("shell.launch", "BreastEdu cannot start"), str(exc))
        print(f"breastedu: {exc}", file=sys.stderr)
        return 2
    trace("window-built")
    from breastedu.ui.common import crash  # (not needed before the window exists)

    # One crash path from here on: a dialog and a crash file in her folder, never a silent trace.
    folder = window.user.notebook.user_dir if window.user else None
    crash.install(crash.desktop_hook(folder), fault_folder=folder)
    window.open_target(window.start_page())
    if window.place_on_screen(available):  # the frame's place: the same rules, the same rect
        window.showMaximized()
    else:
        window.show()
    if window.startup_warning:  # her folder cannot be used: said in a dialog, not only the banner
        title = translate("shell.launch", "Your notes folder cannot be used")
        QMessageBox.warning(window, title, window.startup_warning)
    frame.close()  # after the window shows: the desktop never flashes between the two
    frame.deleteLater()
    if os.environ.get(TRACE_ENV):
        _trace_ready(window)
    status = app.exec()
    if window.user is not None:
        window.user.notebook.close()
    return status


def _trace_ready(window: MainWindow) -> None:
    """Trace "ready" once the start page is shown and every start-up task has reported back.

    Checked when a page is shown and when the runner falls idle, not by polling: a timer
    waking the GUI thread every few milliseconds would take the GIL from the very tasks
    whose end it waits for."""
    done = False

    def check(*_args: object) -> None:
        nonlocal done
        if not done and window.current_page is not None and window.runner.is_idle():
            done = True
            trace("ready")
            if os.environ.get(TRACE_ENV) == "exit":
                QTimer.singleShot(0, window.close)

    window.page_shown.connect(check)
    window.runner.idle_changed.connect(check)
    check()
