"""The kiosk shell: lockdown, staff exit, idle reset, the reset list item by item, touch sizes."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QGuiApplication, QImage, QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QLineEdit,
    QMenu,
    QScroller,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG, SEED
from tests.system_tools import tool

from breastedu.core.clinic import Clinic, ClinicConfig, KioskSettings
from breastedu.core.content.service import ContentService
from breastedu.core.kiosk import PinOutcome, hash_pin
from breastedu.ui.kiosk.session import KioskSession
from breastedu.ui.kiosk.shell import KioskShell
from breastedu.ui.kiosk.touch import KIOSK_TEXT_POINTS, TARGET_PX
from breastedu.ui.library.reader import MAX_LINE_CHARS

PIN = "2468"
PIN_HASH = hash_pin(PIN)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _make_shell(
    qtbot: QtBot,
    library_db: Path,
    clock: FakeClock,
    *,
    pin_hash: str | None = PIN_HASH,
    idle_ms: int = 600_000,
) -> KioskShell:
    config = ClinicConfig(
        clinic=Clinic(name="Test Clinic"), kiosk=KioskSettings(pin_hash=pin_hash, warning_seconds=3)
    )
    shell = KioskShell(ContentService.open(SEED), config, idle_ms=idle_ms, tick_ms=20, clock=clock)
    qtbot.addWidget(shell, before_close_func=_shut)
    shell.resize(1280, 800)
    shell.show()
    qtbot.waitUntil(lambda: bool(shell.groups) and bool(shell.glossary))
    qtbot.waitUntil(shell.runner.is_idle)
    _flush_deletes()
    return shell


def _shut(shell: KioskShell) -> None:
    shell.staff_exit()
    shell.runner.wait_for_done()
    QCoreApplication.processEvents()
    shell.content.close()


@pytest.fixture
def shell(qtbot: QtBot, library_db: Path, clock: FakeClock) -> Iterator[KioskShell]:
    yield _make_shell(qtbot, library_db, clock)


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


def _start(qtbot: QtBot, shell: KioskShell, target: str = "home") -> KioskSession:
    shell.start_screen.start_requested.emit(target)
    session = shell.session
    assert session is not None
    qtbot.waitUntil(lambda: session.current_page is not None and shell.runner.is_idle())
    return session


def _open(qtbot: QtBot, session: KioskSession, target: str) -> None:
    with qtbot.waitSignal(session.page_shown):
        session.open_target(target)


def _search(qtbot: QtBot, session: KioskSession, text: str) -> None:
    session.search_pane.set_query(text)
    qtbot.waitUntil(
        lambda: session.search_pane.is_idle() and session.search_pane.results_model.rowCount() > 0
    )


# Lockdown ---------------------------------------------------------------------------------


def test_close_requests_are_refused(qtbot: QtBot, shell: KioskShell) -> None:
    """A window-manager close, close(), Alt+F4, Ctrl+Q or minimising leave the kiosk up."""
    shell.close()
    assert shell.isVisible()
    event = QCloseEvent()
    QApplication.sendEvent(shell, event)
    assert not event.isAccepted() and shell.isVisible()
    for key, mods in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(shell, key, mods)
    assert shell.isVisible()
    shell.showMinimized()
    assert not shell.windowState() & Qt.WindowState.WindowMinimized
    assert shell.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_blocked_keys_never_reach_the_page(qtbot: QtBot, shell: KioskShell) -> None:
    """Ctrl+Q typed in the search box is swallowed; ordinary letters still type."""
    session = _start(qtbot, shell)
    box = session.search_pane.box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "lump")
    assert box.text() == "lump"


def test_cover_screen_takes_the_whole_screen(qtbot: QtBot, shell: KioskShell) -> None:
    shell.cover_screen()
    assert shell.geometry() == shell.screen().geometry()


# Staff exit -------------------------------------------------------------------------------


def _tap_title(qtbot: QtBot, shell: KioskShell, times: int) -> None:
    for _ in range(times):
        qtbot.mouseClick(shell.title, Qt.MouseButton.LeftButton)


def test_five_taps_on_the_clinic_name_open_the_pin_pad(
    qtbot: QtBot, shell: KioskShell, clock: FakeClock
) -> None:
    _tap_title(qtbot, shell, 4)
    assert not shell.pin_pad.isVisible()
    clock.now += 5  # too slow: the taps before do not count
    _tap_title(qtbot, shell, 4)
    assert not shell.pin_pad.isVisible()
    _tap_title(qtbot, shell, 1)
    assert shell.pin_pad.isVisible()


def test_pin_pad_locks_after_three_wrong_tries(qtbot: QtBot, shell: KioskShell, clock: FakeClock) -> None:
    """Three wrong PINs lock the pad for a minute; even the right PIN waits; then it exits."""
    shell.open_staff_pad()
    pad = shell.pin_pad
    for expected in (PinOutcome.WRONG, PinOutcome.WRONG, PinOutcome.LOCKED):
        for digit in "1111":
            qtbot.mouseClick(next(k for k in pad.keys if k.text() == digit), Qt.MouseButton.LeftButton)
        assert pad.digits() == "1111"
        assert pad.submit() is expected
    assert pad.digits() == ""
    assert "locked for 60 s" in pad.message.text()
    assert not pad.ok_button.isEnabled() and not any(k.isEnabled() for k in pad.keys)
    pad.type_pin(PIN)
    assert pad.submit() is PinOutcome.LOCKED and shell.isVisible()
    clock.now += 59
    assert pad.lock.seconds_locked() == 1
    clock.now += 1
    qtbot.waitUntil(lambda: pad.ok_button.isEnabled())
    pad.type_pin(PIN)
    with qtbot.waitSignal(pad.accepted):
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert not shell.isVisible()


def test_cancel_forgets_the_digits(qtbot: QtBot, shell: KioskShell) -> None:
    shell.open_staff_pad()
    shell.pin_pad.type_pin("24")
    qtbot.mouseClick(shell.pin_pad.cancel_button, Qt.MouseButton.LeftButton)
    assert not shell.pin_pad.isVisible() and shell.pin_pad.digits() == ""
    assert shell.isVisible()


def test_without_a_pin_the_pad_says_so_and_takes_nothing(
    qtbot: QtBot, library_db: Path, clock: FakeClock
) -> None:
    shell = _make_shell(qtbot, library_db, clock, pin_hash=None)
    shell.open_staff_pad()
    assert "No staff PIN is set" in shell.pin_pad.message.text()
    assert not shell.pin_pad.ok_button.isEnabled()
    assert shell.pin_pad.submit() is PinOutcome.NO_PIN and shell.isVisible()


# Idle -------------------------------------------------------------------------------------


def test_idle_shows_the_warning_then_resets(qtbot: QtBot, library_db: Path, clock: FakeClock) -> None:
    shell = _make_shell(qtbot, library_db, clock, idle_ms=150)
    _start(qtbot, shell)
    qtbot.waitUntil(shell.overlay.isVisible)
    assert 0 < int(shell.overlay.countdown.text()) <= 3
    with qtbot.waitSignal(shell.reset_done, timeout=5000):
        pass
    assert shell.session is None and shell.stack.currentWidget() is shell.start_screen
    assert not shell.overlay.isVisible()


def test_any_touch_during_the_warning_keeps_the_session(
    qtbot: QtBot, library_db: Path, clock: FakeClock
) -> None:
    shell = _make_shell(qtbot, library_db, clock, idle_ms=150)
    session = _start(qtbot, shell)
    shell.overlay.setParent(shell)  # keep a reference for the check below
    qtbot.waitUntil(shell.overlay.isVisible)
    qtbot.mouseClick(session.reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not shell.overlay.isVisible()
    assert shell.session is session


def test_idle_on_the_start_screen_does_nothing(qtbot: QtBot, library_db: Path, clock: FakeClock) -> None:
    shell = _make_shell(qtbot, library_db, clock, idle_ms=50)
    qtbot.waitUntil(shell.idle.is_idle)
    assert not shell.overlay.isVisible()


# The reset list ---------------------------------------------------------------------------


def _dirty_search(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    _search(qtbot, s, "lump under arm")


def _clean_search(s: KioskSession) -> bool:
    return s.search_pane.query() == "" and s.search_pane.results_model.rowCount() == 0


def _dirty_history(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    _open(qtbot, s, "topic/calcifications")
    _open(qtbot, s, f"question/{REAL_SLUG}")
    assert s.back_button.isEnabled()


def _clean_history(s: KioskSession) -> bool:
    return not s.back_button.isEnabled() and not s.navigator.can_go_back()


def _dirty_scroll(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    _open(qtbot, s, f"question/{REAL_SLUG}")
    bar = s.reader.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0


def _clean_scroll(s: KioskSession) -> bool:
    return s.reader.browser.verticalScrollBar().value() == 0


def _dirty_text_size(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    qtbot.mouseClick(s.larger_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(s.larger_button, Qt.MouseButton.LeftButton)
    assert s.text_size() > KIOSK_TEXT_POINTS


def _clean_text_size(s: KioskSession) -> bool:
    return s.text_size() == KIOSK_TEXT_POINTS


def _dirty_definition(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    assert s.reader.show_definition(shell.glossary[0].slug)


def _clean_definition(s: KioskSession) -> bool:
    return not s.reader.definition_bar.isVisible()


def _dirty_dialogs(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    shell.open_staff_pad()
    shell.pin_pad.type_pin("12")


def _clean_dialogs(s: KioskSession) -> bool:
    shell = s.window()
    assert isinstance(shell, KioskShell)
    return not shell.pin_pad.isVisible() and shell.pin_pad.digits() == "" and not shell.overlay.isVisible()


def _dirty_selection(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    s.reader.browser.selectAll()
    s.search_pane.box.setText("lump")
    s.search_pane.box.selectAll()


def _clean_selection(s: KioskSession) -> bool:
    return not s.reader.browser.textCursor().hasSelection() and not s.search_pane.box.hasSelectedText()


def _dirty_clipboard(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    QGuiApplication.clipboard().setText("lump in my breast")


def _clean_clipboard(s: KioskSession) -> bool:
    return QGuiApplication.clipboard().text() == ""


def _dirty_keypad(qtbot: QtBot, shell: KioskShell, s: KioskSession) -> None:
    s.search_pane.box.setFocus()
    qtbot.mouseClick(s.search_pane.box, Qt.MouseButton.LeftButton)
    assert s.keypad.isVisible()


def _clean_keypad(s: KioskSession) -> bool:
    return not s.keypad.isVisible()


RESET_LIST: dict[
    str, tuple[Callable[[QtBot, KioskShell, KioskSession], None], Callable[[KioskSession], bool]]
] = {
    "search text and results": (_dirty_search, _clean_search),
    "history": (_dirty_history, _clean_history),
    "scroll position": (_dirty_scroll, _clean_scroll),
    "text size": (_dirty_text_size, _clean_text_size),
    "open definition": (_dirty_definition, _clean_definition),
    "open dialogs": (_dirty_dialogs, _clean_dialogs),
    "selection": (_dirty_selection, _clean_selection),
    "clipboard": (_dirty_clipboard, _clean_clipboard),
    "on-screen keyboard": (_dirty_keypad, _clean_keypad),
}


@pytest.mark.parametrize("item", list(RESET_LIST))
def test_reset_clears(qtbot: QtBot, shell: KioskShell, item: str) -> None:
    """After a reset the next visitor finds each item as a fresh session has it."""
    dirty, clean = RESET_LIST[item]
    first = _start(qtbot, shell)
    assert clean(first) or item in ("open dialogs", "clipboard")
    dirty(qtbot, shell, first)
    assert not clean(first)
    shell.reset()
    _flush_deletes()
    assert not shiboken6.isValid(first), "the visitor's session object must be gone"
    assert shell.stack.currentWidget() is shell.start_screen
    second = _start(qtbot, shell, f"question/{REAL_SLUG}" if item == "scroll position" else "home")
    assert clean(second)


def test_reset_screen_matches_the_start_screen(qtbot: QtBot, shell: KioskShell) -> None:
    """A grab of the whole window after a used-and-reset session equals the first one."""
    at_start: QImage = shell.grab().toImage()
    session = _start(qtbot, shell)
    _search(qtbot, session, "lump under arm")
    session.search_pane.open_row(0)
    qtbot.waitUntil(shell.runner.is_idle)
    session.change_text_size(+2)
    shell.open_staff_pad()
    assert shell.grab().toImage() != at_start
    shell.reset()
    _flush_deletes()
    assert shell.grab().toImage() == at_start


def test_finish_resets_at_once(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell)
    with qtbot.waitSignal(shell.reset_done):
        qtbot.mouseClick(session.finish_button, Qt.MouseButton.LeftButton)
    assert shell.session is None


def test_a_late_page_result_does_not_reach_a_reset_session(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell)
    session.open_target(f"question/{REAL_SLUG}")
    session.search_pane.set_query("lump")
    shell.reset()
    qtbot.waitUntil(shell.runner.is_idle)
    _flush_deletes()
    assert shell.session is None and shell.stack.currentWidget() is shell.start_screen


# Touch ------------------------------------------------------------------------------------


def _controls_too_small(root: QWidget, at_least: int = 5) -> list[str]:
    """Every visible control (and item row) smaller than 48 x 48 px; at least ``at_least`` measured."""
    small = []
    measured = 0
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.testAttribute(
            Qt.WidgetAttribute.WA_TransparentForMouseEvents
        ):
            continue
        measured += isinstance(widget, QAbstractButton | QLineEdit | QAbstractSlider)
        if isinstance(widget, QAbstractButton | QLineEdit | QAbstractSlider) and (
            widget.width() < TARGET_PX or widget.height() < TARGET_PX
        ):
            small.append(
                f"{type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''!r} "
                f"{widget.width()}x{widget.height()}"
            )
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            rows = [model.index(r, 0) for r in range(model.rowCount())]
            rows += [model.index(c, 0, parent) for parent in rows for c in range(model.rowCount(parent))]
            for index in rows:
                rect = widget.visualRect(index)
                measured += rect.isValid()
                if rect.isValid() and rect.height() < TARGET_PX:
                    small.append(f"{type(widget).__name__} row {index.data()!r} {rect.height()} px high")
    assert measured >= at_least, f"only {measured} controls measured"
    return small


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_every_control_is_at_least_48_px(qtbot: QtBot, shell: KioskShell, size: tuple[int, int]) -> None:
    """Start screen, reading screen with results, keyboard and a definition, the overlays."""
    shell.resize(*size)
    assert _controls_too_small(shell) == []
    session = _start(qtbot, shell)
    assert _controls_too_small(shell, at_least=18) == []  # the navigation bar, the box and the topic tree
    _dirty_keypad(qtbot, shell, session)
    _search(qtbot, session, "lump")
    session.reader.show_definition(shell.glossary[0].slug)
    assert _controls_too_small(shell, at_least=40) == []
    shell.overlay.start(30)
    shell.open_staff_pad()
    assert _controls_too_small(shell) == []


def test_reading_is_touch_friendly(qtbot: QtBot, shell: KioskShell) -> None:
    """Finger scrolling, no drag selection, a centred column of at most ~75 characters."""
    shell.resize(1920, 1080)
    session = _start(qtbot, shell, f"question/{REAL_SLUG}")
    browser = session.reader.browser
    assert not browser.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert QScroller.hasScroller(browser.viewport())
    assert QScroller.hasScroller(session.search_pane.list.viewport())
    assert MAX_LINE_CHARS - 2 <= session.reader.chars_per_line() <= MAX_LINE_CHARS + 0.5
    margins = browser.viewportMargins()
    assert margins.left() > 0 and abs(margins.left() - margins.right()) <= 1
    assert session.text_size() == KIOSK_TEXT_POINTS > 13


def test_tapping_a_glossary_term_shows_its_definition(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell, f"question/{REAL_SLUG}")
    browser = session.reader.browser
    document = browser.document()
    cursor = QTextCursor(document)
    while not cursor.atEnd():
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        href = cursor.charFormat().anchorHref()
        if href.startswith("breastedu:glossary/"):
            break
    else:
        pytest.fail("no glossary term on the page")
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    point = browser.cursorRect(cursor).center() - QPoint(3, 0)
    with qtbot.waitSignal(browser.anchorClicked) as clicked:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args[0] == QUrl(href)
    assert session.reader.definition_bar.isVisible()


def test_on_screen_keyboard_types_into_the_search(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell)
    _dirty_keypad(qtbot, shell, session)
    keys = {k.accessibleName(): k for k in session.keypad.findChildren(QAbstractButton)}
    for name in ["l", "u", "m", "p", "Space", "a", "r", "m", "x", "Backspace"]:
        qtbot.mouseClick(keys[name], Qt.MouseButton.LeftButton)
    assert session.search_pane.box.text() == "lump arm"
    assert session.search_pane.box.hasFocus()
    qtbot.waitUntil(lambda: session.search_pane.results_model.rowCount() > 0)
    qtbot.mouseClick(keys["Clear the search"], Qt.MouseButton.LeftButton)
    assert session.search_pane.box.text() == ""
    qtbot.mouseClick(keys["Hide the keyboard"], Qt.MouseButton.LeftButton)
    assert not session.keypad.isVisible()


def test_web_links_are_never_followed(
    qtbot: QtBot, shell: KioskShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", opened.append)
    session = _start(qtbot, shell)
    session.reader.browser.anchorClicked.emit(QUrl("https://example.org/"))
    assert opened == [] and "cannot be opened" in session.notice.text()


def test_a_tile_opens_its_topic(qtbot: QtBot, shell: KioskShell) -> None:
    tile = next(t for t in shell.start_screen.tiles if "calcification" in t.text().lower())
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert shell.session is not None
    qtbot.waitUntil(lambda: shell.current_page() is not None)
    assert shell.current_page().target == "topic/calcifications"  # type: ignore[union-attr]


def test_back_returns_home_after_a_tile_opened_a_topic(qtbot: QtBot, shell: KioskShell) -> None:
    tile = next(t for t in shell.start_screen.tiles if t.slug == "calcifications")
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    session = shell.session
    assert session is not None
    qtbot.waitUntil(lambda: session.current_page is not None and shell.runner.is_idle())
    assert session.current_page.target == "topic/calcifications"  # type: ignore[union-attr]
    assert session.back_button.isEnabled()
    with qtbot.waitSignal(session.page_shown):
        qtbot.mouseClick(session.back_button, Qt.MouseButton.LeftButton)
    assert session.current_page.target == "home"  # type: ignore[union-attr]


def test_tiles_say_what_each_topic_is_about_and_the_logo_shows(
    qtbot: QtBot, library_db: Path, clock: FakeClock, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'>"
        "<rect width='40' height='20' fill='#123456'/></svg>"
    )
    config = ClinicConfig(
        clinic=Clinic(name="Test Clinic", logo=logo), kiosk=KioskSettings(pin_hash=PIN_HASH)
    )
    shell = KioskShell(ContentService.open(SEED), config, idle_ms=600_000, tick_ms=20, clock=clock)
    qtbot.addWidget(shell, before_close_func=_shut)
    shell.resize(1280, 800)
    shell.show()
    qtbot.waitUntil(lambda: bool(shell.start_screen.tiles))
    start = shell.start_screen
    assert start.logo.isVisible() and start.logo.pixmap().height() > 0
    tile = next(t for t in start.tiles if t.slug == "calcifications")
    summary = "Small calcium spots seen on a mammogram"
    assert tile.summary.isVisible() and tile.summary.text().startswith(summary)
    assert tile.accessibleDescription().startswith(summary)
    # The whole summary is inside the tile, not cut off at its edge.
    assert tile.summary.geometry().bottom() <= tile.height()


def test_the_start_screen_has_no_logo_without_one(shell: KioskShell) -> None:
    assert not shell.start_screen.logo.isVisibleTo(shell)


def test_every_focusable_thing_on_the_start_screen_has_a_name(shell: KioskShell) -> None:
    """Review D6: the start screen and its scroll area were focusable and unnamed."""
    start = shell.start_screen
    unnamed = [
        type(w).__name__
        for w in (start, *start.findChildren(QWidget))
        if w.isVisibleTo(shell)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not (
            w.accessibleName() or (isinstance(w, QAbstractButton) and w.text())
        )  # a button's text names it
    ]
    assert unnamed == []


def test_the_word_list_is_called_glossary_as_in_the_window(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell)
    assert session.glossary_button.text() == "Glossary"
    with qtbot.waitSignal(session.page_shown):
        qtbot.mouseClick(session.glossary_button, Qt.MouseButton.LeftButton)
    assert session.current_page.title == "Glossary"  # type: ignore[union-attr]


def test_the_on_screen_keyboard_types_digits(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell)
    _dirty_keypad(qtbot, shell, session)
    keys = {k.accessibleName(): k for k in session.keypad.findChildren(QAbstractButton)}
    for name in ["t", "r", "4"]:
        qtbot.mouseClick(keys[name], Qt.MouseButton.LeftButton)
    assert session.search_pane.box.text() == "tr4"
    assert all(digit in keys for digit in "0123456789")


def test_no_desktop_context_menu_in_the_search_box(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell)
    box = session.search_pane.box
    box.setText("lump")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), box.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(box, event)
    QCoreApplication.processEvents()
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus == [] and QApplication.activePopupWidget() is None


def test_larger_text_enlarges_what_a_standing_reader_reads(qtbot: QtBot, shell: KioskShell) -> None:
    """A+ grows the results, the topic tree, the definition bar and the notices, not only the page."""
    session = _start(qtbot, shell)
    _search(qtbot, session, "lump")
    session.reader.show_definition(shell.glossary[0].slug)
    session.show_notice("Printed.")
    reads = {
        "results": session.search_pane.list,
        "tree": session.tree.view,
        "definition": session.reader.definition_label,
        "notice": session.notice,
        "search box": session.search_pane.box,
    }
    before = {name: w.font().pointSizeF() for name, w in reads.items()}
    row_before = session.search_pane.list.visualRect(session.search_pane.results_model.index(0, 0)).height()
    for _ in range(3):
        qtbot.mouseClick(session.larger_button, Qt.MouseButton.LeftButton)
    after = {name: w.font().pointSizeF() for name, w in reads.items()}
    assert all(after[name] >= before[name] * 1.25 for name in reads), (before, after)
    row_after = session.search_pane.list.visualRect(session.search_pane.results_model.index(0, 0)).height()
    assert row_after > row_before
    for _ in range(3):
        qtbot.mouseClick(session.smaller_button, Qt.MouseButton.LeftButton)
    assert {name: w.font().pointSizeF() for name, w in reads.items()} == before


def test_the_countdown_hides_the_last_visitors_page(qtbot: QtBot, library_db: Path, clock: FakeClock) -> None:
    """Everything around the card is one flat colour: no search words or page show through."""
    shell = _make_shell(qtbot, library_db, clock)
    session = _start(qtbot, shell, "topic/calcifications")
    _search(qtbot, session, "lump")
    shell.overlay.start(30)  # what the idle watcher does when the time runs out
    assert shell.overlay.isVisible()
    image = shell.grab().toImage()
    card = shell.overlay.card.geometry()
    colours = {
        image.pixel(x, y)
        for x in range(0, shell.width(), 7)
        for y in range(0, shell.height(), 7)
        if not card.adjusted(-4, -4, 4, 4).contains(x, y)
    }
    assert len(colours) == 1


def test_the_idle_warning_waits_while_the_pin_pad_is_locked(
    qtbot: QtBot, library_db: Path, clock: FakeClock
) -> None:
    """Staff waiting out the lock are not covered by the warning, nor thrown out by a reset."""
    shell = _make_shell(qtbot, library_db, clock)
    _start(qtbot, shell)
    shell.open_staff_pad()
    for _ in range(3):
        shell.pin_pad.type_pin("1111")
        shell.pin_pad.submit()
    assert shell.pin_lock.seconds_locked()
    shell.idle._timer.setInterval(100)  # from now on, a short idle time (no race while setting up)
    shell.idle.restart()
    qtbot.wait(400)  # several idle periods
    assert shell.pin_pad.isVisible() and not shell.overlay.isVisible()
    assert shell.session is not None
    clock.now += 60  # the lock is over; staff walked away
    qtbot.waitUntil(shell.overlay.isVisible, timeout=2000)


def test_keyboard_keys_change_the_text_size(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell)
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow)
    session.search_pane.box.setFocus()
    qtbot.keyClick(shell.windowHandle(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert session.text_size() == KIOSK_TEXT_POINTS + 2
    qtbot.keyClick(shell.windowHandle(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert session.text_size() == KIOSK_TEXT_POINTS


# Take-away sheets -------------------------------------------------------------------------


def _pdf_printer(path: Path) -> Callable[[], QPrinter]:
    def make() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return make


@pytest.fixture
def printing_shell(qtbot: QtBot, clock: FakeClock, tmp_path: Path) -> KioskShell:
    config = ClinicConfig(
        clinic=Clinic(name="Test Clinic"),
        kiosk=KioskSettings(pin_hash=PIN_HASH, allow_print=True, prints_per_session=1),
    )
    shell = KioskShell(
        ContentService.open(SEED),
        config,
        idle_ms=600_000,
        tick_ms=20,
        clock=clock,
        printer=_pdf_printer(tmp_path / "printed.pdf"),
    )
    qtbot.addWidget(shell, before_close_func=_shut)
    shell.resize(1280, 800)
    shell.show()
    qtbot.waitUntil(lambda: bool(shell.groups) and shell.runner.is_idle())
    return shell


def test_print_this_page_goes_straight_to_the_printer_within_the_limit(
    qtbot: QtBot, printing_shell: KioskShell, tmp_path: Path
) -> None:
    """No dialog; the topic sheet is printed; one print per visitor here, then the button says so."""
    session = _start(qtbot, printing_shell, "topic/calcifications")
    assert session.print_button.isVisible() and session.print_button.isEnabled()
    qtbot.mouseClick(session.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Printed" in session.notice.text())
    text = subprocess.run(
        [tool("pdftotext"), str(tmp_path / "printed.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Test Clinic" in text and "Small calcium spots seen on a mammogram" in text
    assert session.print_button.text() == "No prints left"
    assert "ask at the desk" in session.notice.text()  # said at once, with the last sheet
    session.notice.clear()
    qtbot.mouseClick(session.print_button, Qt.MouseButton.LeftButton)  # a tap over the limit
    assert "For more copies, please ask at the desk" in session.notice.text()
    assert session.prints_left == 0
    printing_shell.reset()
    second = _start(qtbot, printing_shell, "topic/calcifications")
    assert second.print_button.isEnabled()  # the limit is per visitor


def test_a_reset_drops_a_sheet_not_yet_printed(
    qtbot: QtBot, printing_shell: KioskShell, tmp_path: Path
) -> None:
    session = _start(qtbot, printing_shell, "topic/calcifications")
    qtbot.mouseClick(session.print_button, Qt.MouseButton.LeftButton)
    printing_shell.reset()
    qtbot.waitUntil(printing_shell.runner.is_idle)
    assert not (tmp_path / "printed.pdf").exists()


def test_no_print_button_unless_the_clinic_allows_it(qtbot: QtBot, shell: KioskShell) -> None:
    session = _start(qtbot, shell, "topic/calcifications")
    assert not session.print_button.isVisibleTo(shell)
