"""The kiosk shell: one frameless window over the whole screen that a visitor cannot leave.

It owns the things that outlive visitors (the content services, the task runner, the idle
watcher, the staff PIN lock, the header with the clinic's name) and, at any moment, either
the start screen or one :class:`KioskSession`. Reset throws the session away and builds a
new start screen. The window refuses to close (close requests, Alt+F4, Ctrl+Q, Ctrl+W) and
to be minimised; only :meth:`KioskShell.staff_exit` (the right PIN, or a terminal signal)
ends it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QClipboard, QCloseEvent, QGuiApplication, QKeyEvent, QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from breastedu.core import paths
from breastedu.core.clinic import ClinicConfig
from breastedu.core.content.dto import GlossaryEntry, TopicGroupRef
from breastedu.core.content.service import ContentService
from breastedu.core.errors import BreastEduError
from breastedu.core.kiosk import PinLock, TermGroup, pick_list
from breastedu.core.languages import CHINESE, ENGLISH, LANGUAGES
from breastedu.core.render.pages import PageBuilder, RenderedPage
from breastedu.core.render.sheets import Sheet, SheetBuilder, SheetOptions
from breastedu.core.search.service import SearchResults, SearchService
from breastedu.core.search.translated import localized
from breastedu.ui.common.i18n import current_language, install_language, retranslate, translate
from breastedu.ui.common.theme import Appearance
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.kiosk.idle import IdleOverlay, IdleWatcher
from breastedu.ui.kiosk.session import KioskSession
from breastedu.ui.kiosk.staff import PinPad, SecretTapLabel
from breastedu.ui.kiosk.start_screen import StartScreen
from breastedu.ui.kiosk.touch import kiosk_stylesheet
from breastedu.ui.printing.painter import page_layout, paint_sheet

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
#: Keys that close, switch or minimise windows elsewhere; the kiosk swallows them.
_BLOCKED = (
    (_ALT, Qt.Key.Key_F4),
    (_CTRL, Qt.Key.Key_Q),
    (_CTRL, Qt.Key.Key_W),
    (_CTRL, Qt.Key.Key_F4),
    (_ALT, Qt.Key.Key_Tab),
    (_ALT, Qt.Key.Key_Backtab),
    (_ALT, Qt.Key.Key_Escape),
    (_ALT, Qt.Key.Key_Space),
)
_META_KEYS = (Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Menu)
#: The language button when it switches to a language: its label and spoken name, both in that
#: language's own words (the one who needs the button reads that language, not the other).
SWITCH_TO: dict[str, tuple[str, str]] = {
    CHINESE: ("中文", "改用中文"),
    ENGLISH: ("English", "Switch to English"),
}


class KioskShell(QWidget):
    """The kiosk window.

    Signals:
        reset_done(): the start screen is back after a reset.
        session_started(object): a visitor touched the start screen (the new KioskSession).
    """

    reset_done = Signal()
    session_started = Signal(object)

    def __init__(
        self,
        content: ContentService,
        config: ClinicConfig,
        *,
        runner: TaskRunner | None = None,
        idle_ms: int | None = None,
        tick_ms: int = 1000,
        clock: Callable[[], float] | None = None,
        theme: str = "light",
        printer: Callable[[], QPagedPaintDevice] | None = None,
    ) -> None:
        super().__init__(None)
        self.setObjectName("kioskShell")
        self.setWindowTitle("BreastEdu")
        self.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.appearance = Appearance(theme, "normal", self)
        self.appearance.apply()
        self.setStyleSheet(kiosk_stylesheet(self.appearance.palette()))
        self.config = config
        self.settings = config.kiosk
        self.content = content
        self.runner = runner or TaskRunner(self)
        #: The clinic's language for each new visitor ([kiosk] language); every reset returns to it.
        self.default_language = self.settings.language
        install_language(self.default_language)
        self.pages = PageBuilder(content, clinic=config.clinic)
        self.pages.lang = self.default_language
        self.search = SearchService.over(content)
        self.images_dir = paths.resources_dir() / "illustrations"
        #: A take-away sheet is printed in the language on screen.
        self.sheets = {lang: SheetBuilder(content, lang) for lang in LANGUAGES}
        self._printer = printer or (lambda: system_printer(self.settings.printer))
        #: The topics and the glossary in the language on screen, and in every language (read
        #: once, so a switch or a reset shows them at once).
        self.groups: tuple[TopicGroupRef, ...] = ()
        self.glossary: tuple[GlossaryEntry, ...] = ()
        self._trees: dict[str, tuple[TopicGroupRef, ...]] = {}
        self._glossaries: dict[str, tuple[GlossaryEntry, ...]] = {}
        #: The Chinese words the keyboard's 中文 key offers (read once from the library).
        self.terms: tuple[TermGroup, ...] = ()
        self.session: KioskSession | None = None
        self._may_close = False
        clinic_name = config.clinic.name if config.clinic else "BreastEdu"

        self.header = QWidget(self)
        self.header.setObjectName("kioskHeader")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        clock = clock or time.monotonic
        self.title = SecretTapLabel(clinic_name, self.header, clock=clock)
        self.title.setAccessibleName(clinic_name)
        self.title.taps_completed.connect(self.open_staff_pad)
        header_layout = QHBoxLayout(self.header)
        header_layout.setContentsMargins(20, 10, 20, 10)
        header_layout.addWidget(self.title, 1)
        self.language_button = QPushButton(self.header)
        self.language_button.setObjectName("languageButton")
        self.language_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.language_button.clicked.connect(self.switch_language)
        header_layout.addWidget(self.language_button)
        self._show_language_button()

        self.stack = QStackedWidget(self)
        self.start_screen = self._new_start_screen()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)

        self.overlay = IdleOverlay(self, tick_ms=tick_ms)
        self.overlay.expired.connect(self.reset)
        self.overlay.continued.connect(self._on_continued)
        self.pin_lock = PinLock(self.settings.pin_hash, clock=clock)
        self.pin_pad = PinPad(self.pin_lock, self, tick_ms=tick_ms)
        self.pin_pad.accepted.connect(self.staff_exit)

        self.idle = IdleWatcher(idle_ms if idle_ms is not None else self.settings.idle_seconds * 1000, self)
        self.idle.idle_changed.connect(self._on_idle_changed)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

        self.runner.submit("tree", self._read_trees, owner=self, on_done=self._on_tree_loaded)
        # The search index lives in memory (nothing may be written): build it before the first visitor.
        self.runner.submit("search-index", self._prepare_search, owner=self, on_done=self._on_terms_loaded)
        self.runner.submit("glossary", self._read_glossaries, owner=self, on_done=self._on_glossary_loaded)

    # Visitors ---------------------------------------------------------------------------

    def _welcome(self) -> str:
        if self.config.clinic is None:
            return translate("kiosk.shell", "Welcome")
        return translate("kiosk.shell", "Welcome to {clinic}").format(clinic=self.config.clinic.name)

    def _new_start_screen(self) -> StartScreen:
        logo = self.config.clinic.logo if self.config.clinic else None
        screen = StartScreen(self._welcome(), self.groups, self.stack, logo=logo)
        screen.start_requested.connect(self.start_session)
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        return screen

    def _replace_start_screen(self) -> None:
        old = self.start_screen
        self.start_screen = self._new_start_screen()
        self.stack.removeWidget(old)
        old.deleteLater()

    def _read_trees(self) -> dict[str, tuple[TopicGroupRef, ...]]:
        """Runs on a worker thread."""
        return {lang: self.content.tree(lang) for lang in LANGUAGES}

    def _read_glossaries(self) -> dict[str, tuple[GlossaryEntry, ...]]:
        """Runs on a worker thread."""
        return {lang: self.pages.glossary_in(lang) for lang in LANGUAGES}

    def _prepare_search(self) -> tuple[TermGroup, ...]:
        """Runs on a worker thread: the search index, then the pick list's Chinese words."""
        self.search.prepare()
        topics = [t.title for g in self.content.tree(CHINESE) for t in g.topics]
        return pick_list(topics, self.pages.glossary_in(CHINESE), self.search.chinese_words())

    def _on_tree_loaded(self, trees: dict[str, tuple[TopicGroupRef, ...]]) -> None:
        self._trees = trees
        self.groups = trees[self.pages.lang]
        if self.session is None:
            self._replace_start_screen()
        else:
            self.session.set_groups(self.groups)

    def _on_glossary_loaded(self, glossaries: dict[str, tuple[GlossaryEntry, ...]]) -> None:
        self._glossaries = glossaries
        self.glossary = glossaries[self.pages.lang]
        if self.session is not None:
            self.session.reader.set_glossary(self.glossary)

    def _on_terms_loaded(self, terms: tuple[TermGroup, ...]) -> None:
        self.terms = terms
        if self.session is not None:
            self.session.set_terms(terms)

    def _run_search(self, query: str) -> SearchResults:
        """Runs on a worker thread."""
        results = self.search.search(query, limit=30)
        lang = self.pages.lang
        if lang != ENGLISH:  # titles and snippets in her language where translated (as the window)
            results = localized(results, self.content.localizer(lang))
        return results

    # Language -----------------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The language on screen now (``en`` or ``zh-TW``)."""
        return self.pages.lang

    def switch_language(self) -> None:
        """The language button: the other language, now, on whatever screen is up."""
        self.set_language(CHINESE if self.pages.lang == ENGLISH else ENGLISH)

    def set_language(self, lang: str) -> None:
        """Show the kiosk in ``lang``: the interface, the topics, the glossary and the page."""
        if lang == self.pages.lang and lang == current_language():
            return
        self._apply_language(lang)
        if self.session is None:
            self._replace_start_screen()
        else:
            self.session.language_changed(self.groups, self.glossary)

    def _apply_language(self, lang: str) -> None:
        """Everything the shell itself owns in ``lang``; the screen below is the caller's."""
        install_language(lang)
        self.pages.lang = lang
        self.groups = self._trees.get(lang, ())
        self.glossary = self._glossaries.get(lang, ())
        retranslate(self.header)
        for overlay in (self.overlay, self.pin_pad):
            retranslate(overlay)
        self._show_language_button()

    def _show_language_button(self) -> None:
        other = CHINESE if self.pages.lang == ENGLISH else ENGLISH
        label, name = SWITCH_TO[other]
        self.language_button.setText(label)
        self.language_button.setAccessibleName(name)

    def start_session(self, target: str) -> KioskSession:
        """A visitor begins: a fresh session opening ``target``."""
        if self.session is not None:
            self._drop_session()
        prints = self.settings.prints_per_session if self.settings.allow_print else 0
        session = KioskSession(
            self.pages,
            self._run_search,
            self.runner,
            self.images_dir,
            self.groups,
            self.glossary,
            self.stack,
            prints=prints,
        )
        session.set_terms(self.terms)
        session.finish_requested.connect(self.reset)
        session.print_requested.connect(self._on_print_requested)
        self.session = session
        self.stack.addWidget(session)
        self.stack.setCurrentWidget(session)
        session.start(target)
        self.idle.restart()
        self.session_started.emit(session)
        return session

    def _drop_session(self) -> None:
        session, self.session = self.session, None
        if session is None:
            return
        for channel in ("page", "search", "print"):  # a sheet not yet printed is dropped too
            self.runner.drop(channel)  # a late result must not reach a deleted pane
        self.stack.removeWidget(session)
        session.hide()
        # Detached first: deleting it while still inside the stack crashed Qt now and then
        # (SIGSEGV in QWidget::destroy -> invalidateBackingStore, offscreen, PySide6 6.11).
        session.setParent(None)  # type: ignore[call-overload]
        session.deleteLater()

    def reset(self) -> None:
        """Back to exactly the start screen: the visitor's session and everything in it are gone."""
        self.overlay.cancel()
        self.pin_pad.close_pad()
        QToolTip.hideText()
        self._drop_session()
        if self.pages.lang != self.default_language:  # the next visitor finds the clinic's language
            self._apply_language(self.default_language)
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self._replace_start_screen()
        self.start_screen.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.restart()
        self.reset_done.emit()

    # Take-away sheets --------------------------------------------------------------------

    def _on_print_requested(self, slug: str) -> None:
        session = self.session
        if session is None:
            return
        clinic, sheets = self.config.clinic, self.sheets[self.pages.lang]
        self.runner.submit(
            "print",
            lambda: sheets.build([slug], SheetOptions(), clinic=clinic),
            owner=session,
            on_done=self._print_sheet,
            on_error=self._print_failed,
        )

    def _print_sheet(self, sheet: Sheet) -> None:
        """Straight to the configured printer: no dialog, nothing kept."""
        try:
            paint_sheet(sheet, self._printer())
        except BreastEduError as exc:
            self._print_failed(exc)
            return
        session = self.session
        if session is not None:
            done = translate("kiosk.shell", "Printed. Please take your sheet from the printer.")
            last = f" {session.limit_message()}" if session.prints_left <= 0 else ""
            session.show_notice(f"{done}{last}")

    def _print_failed(self, error: BaseException) -> None:
        if self.session is not None:
            self.session.show_notice(
                translate("kiosk.shell", "Printing did not work. Please ask at the desk.")
            )

    def current_page(self) -> RenderedPage | None:
        """The page the visitor is reading (None on the start screen)."""
        return self.session.current_page if self.session is not None else None

    # Idle ---------------------------------------------------------------------------------

    def _on_continued(self) -> None:
        self.idle.restart()

    def _on_idle_changed(self, idle: bool) -> None:
        if idle and self.pin_pad.isVisible() and self.pin_lock.seconds_locked():
            # Staff are waiting out the PIN lock: no warning over the pad, no reset closing it.
            self.idle.restart()
        elif idle and (self.session is not None or self.pin_pad.isVisible()):
            self.overlay.start(self.settings.warning_seconds)
        elif not idle and self.overlay.isVisible():
            self.overlay.cancel()

    # Staff exit ---------------------------------------------------------------------------

    def open_staff_pad(self) -> None:
        """Show the PIN pad (after the hidden gesture)."""
        self.pin_pad.open_pad()

    def staff_exit(self) -> None:
        """Leave the kiosk (the right PIN, or a terminal signal)."""
        self._may_close = True
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.close()

    # Lockdown -----------------------------------------------------------------------------

    def cover_screen(self) -> None:
        """Full screen; where that is not honoured (no window manager), the screen's geometry."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.setGeometry(screen.geometry())
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            return
        self.runner.wait_for_done(10000)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self.windowState() & Qt.WindowState.WindowMinimized
        ):
            self.setWindowState(Qt.WindowState.WindowFullScreen)
        super().changeEvent(event)

    def resizeEvent(self, event: object) -> None:
        for overlay in (self.overlay, self.pin_pad):
            overlay.setGeometry(self.rect())
        super().resizeEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            if is_blocked_key(event):
                event.accept()
                return True
            if kind == QEvent.Type.KeyPress and self.pin_pad.isVisible():
                return self._pin_key(event)
        return False

    def _pin_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard on the PIN pad: digits, Backspace, Enter, Escape."""
        key = event.key()
        if event.text().isdigit():
            self.pin_pad.type_pin(event.text())
        elif key == Qt.Key.Key_Backspace:
            self.pin_pad.press("⌫")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.pin_pad.submit()
        elif key == Qt.Key.Key_Escape:
            self.pin_pad.close_pad()
        return True


def is_blocked_key(event: QKeyEvent) -> bool:
    """True for the keys that would close, switch or minimise the window on a desktop."""
    key = Qt.Key(event.key())
    if key in _META_KEYS:
        return True
    mods = event.modifiers()
    return any(key == blocked and mods & mod for mod, blocked in _BLOCKED)


def system_printer(name: str | None) -> QPrinter:
    """The clinic's printer (``[kiosk] printer``), else the system's default one."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)
    printer.setPageLayout(page_layout())
    return printer
