"""The main window with its services (built by :func:`breastedu.ui.shell.launch.run_app` once the
start frame has painted), and offscreen screenshots of it."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QRect,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)

from breastedu.core import clinic as clinic_config
from breastedu.core.catalogue import Said, in_language
from breastedu.core.clinic import Clinic
from breastedu.core.content.service import ContentService
from breastedu.core.errors import BreastEduError, InputError, UserDataError, UserFolderError
from breastedu.core.languages import ENGLISH
from breastedu.core.notebook.service import Notebook
from breastedu.ui.common.i18n import choose_language, install_language
from breastedu.ui.common.theme import ZOOM_KEYS
from breastedu.ui.common.window_fit import LAPTOP_SCREEN
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.shell.main_window import MainWindow, UserServices
from breastedu.ui.shell.qt_app import ensure_app, settings_for


def build_window(
    content_db: Path,
    user_dir: Path,
    *,
    remember: bool = True,
    theme: str | None = None,
    clinic_config: str | None = None,
    lang: str | None = None,
) -> MainWindow:
    """Open the services and build the main window (raises BreastEduError if unusable).

    ``remember=False`` (screenshots) neither reads nor writes the window settings. A clinic
    config that cannot be read is ignored, and a banner says so: the library still opens.
    """
    content = ContentService.open(content_db)
    settings = None
    user, problem, blocking = open_user_services(user_dir)
    # Opening the notebook made the folder; a read-only one keeps no window settings either.
    if remember and user_dir.is_dir() and os.access(user_dir, os.W_OK):
        settings = settings_for(user_dir)
    clinic, clinic_problem = load_clinic(clinic_config)
    # --lang wins for this run, else her choice in View → Language, else the system's.
    lang = choose_language(lang, settings.value("view/language") if settings is not None else None)
    install_language(lang)
    problem = (
        " ".join(p for p in (in_language(problem, lang) if problem else None, clinic_problem) if p) or None
    )
    window = MainWindow(
        content, settings=settings, user=user, user_problem=problem, theme=theme, clinic=clinic, lang=lang
    )
    #: Said in a dialog once the window shows (her folder cannot be used at all), not only the banner.
    window.startup_warning = problem if blocking else None
    return window


def load_clinic(explicit: str | None = None) -> tuple[Clinic | None, str | None]:
    """The clinic for printed sheets, or None and one sentence saying its settings were ignored."""
    try:
        return clinic_config.load(explicit).clinic, None
    except InputError as exc:
        return None, f"The clinic settings were ignored ({exc}); sheets print with a plain header."


def open_user_services(user_dir: Path) -> tuple[UserServices | None, str | None, bool]:
    """Her notebook, or None and one plain sentence saying why it cannot be opened, and whether
    that deserves a dialog (her folder cannot be used at all: another account's, unreadable,
    writable by others), not only the banner. The sentence is a :class:`Said` (English as a
    ``str``): the window says it in its language once that is chosen.

    The library stays usable when the notebook is not (say, a newer app wrote it).
    """
    try:
        notebook = Notebook.open(user_dir)
    except UserDataError as exc:
        why = Said("Your notes cannot be opened: {why}", why=exc.message)
        return None, why, isinstance(exc, UserFolderError)
    return UserServices(notebook=notebook), None, False


#: What the offscreen platform says on every window it shows: true and harmless.
_OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)


@contextmanager
def _without_offscreen_noise() -> Iterator[None]:
    """Keep stderr for real problems: drop the offscreen plugin's two harmless notices and pass
    every other message on (to the handler before ours, or to stderr)."""
    previous: Callable[[QtMsgType, QMessageLogContext, str], None] | None = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in _OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class _HasRunner(Protocol):
    runner: TaskRunner


def wait_until_idle(window: _HasRunner, timeout_s: float = 20.0) -> None:
    """Process events until every background task has reported back (offscreen rendering)."""
    app = QCoreApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    settled = 0
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        # Idle on a few turns in a row: a finished task may have queued another.
        settled = settled + 1 if window.runner.is_idle() else 0
        if settled >= 3:
            return
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()
    raise BreastEduError("the window did not finish loading in time")


def render_screenshot(
    content_db: Path,
    user_dir: Path,
    out: Path,
    *,
    open_slug: str | None = None,
    search: str | None = None,
    size: tuple[int, int] | None = None,
    screen: tuple[int, int] | None = None,
    kiosk: bool = False,
    tab: str | None = None,
    theme: str | None = None,
    text_size: str | None = None,
    lang: str | None = None,
) -> None:
    """Render the real main window offscreen to ``out`` (PNG).

    Without ``size`` the window gets what a first start on ``screen`` (W, H; default a
    1366x768 laptop) would give it.
    """
    with _without_offscreen_noise():
        _render_screenshot(
            content_db, user_dir, out, open_slug, search, size, screen, kiosk, tab, theme, text_size, lang
        )


def _render_screenshot(
    content_db: Path,
    user_dir: Path,
    out: Path,
    open_slug: str | None,
    search: str | None,
    size: tuple[int, int] | None,
    screen: tuple[int, int] | None,
    kiosk: bool,
    tab: str | None,
    theme: str | None,
    text_size: str | None,
    lang: str | None,
) -> None:
    if text_size is not None and text_size not in ZOOM_KEYS:
        raise InputError(f"--text-size must be one of {', '.join(ZOOM_KEYS)}, not {text_size!r}")
    ensure_app()
    if kiosk:  # the real kiosk shell, as a clinic's screen shows it
        _render_kiosk(content_db, out, open_slug, search, screen or size or LAPTOP_SCREEN, theme, lang)
        return
    window = build_window(content_db, user_dir, remember=False, theme=theme or "light", lang=lang or ENGLISH)
    if open_slug:
        window.pages.target_for_slug(open_slug)  # an unknown slug: NotFoundError, before any work
    if text_size is not None:
        window.appearance.set_zoom(text_size)
    window.place_on_screen(QRect(0, 0, *(screen or LAPTOP_SCREEN)))
    if size is not None:
        window.resize(*size)
    window.show()
    if open_slug:
        window.open_slug(open_slug)
    else:
        window.open_target("home")
    if search is not None:
        window.search_for(search)
    if tab == "followups":
        window.show_followups()
    wait_until_idle(window)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise BreastEduError("could not write the PNG", where=str(out))
    window.close()
    if window.user is not None:
        window.user.notebook.close()


def _render_kiosk(
    content_db: Path,
    out: Path,
    open_slug: str | None,
    search: str | None,
    screen: tuple[int, int],
    theme: str | None,
    lang: str | None,
) -> None:
    """The kiosk shell over a ``screen``-sized display: its start screen, or a visitor's page,
    in ``lang`` (the kiosk's default language for this picture)."""
    from breastedu.core.clinic import ClinicConfig, KioskSettings
    from breastedu.ui.kiosk.shell import KioskShell

    config = ClinicConfig(kiosk=KioskSettings(language=lang or ENGLISH))
    shell = KioskShell(ContentService.open(content_db), config, theme=theme or "light")
    shell.resize(*screen)
    shell.show()
    wait_until_idle(shell)
    if open_slug or search is not None:
        session = shell.start_session(shell.pages.target_for_slug(open_slug) if open_slug else "home")
        if search is not None:
            session.search_pane.set_query(search)
    wait_until_idle(shell)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not shell.grab().save(str(out)):
        raise BreastEduError("could not write the PNG", where=str(out))
    shell.close()
