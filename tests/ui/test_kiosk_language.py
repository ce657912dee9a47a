"""The kiosk in 繁體中文 and English: the language button, the clinic's default after every
reset, and the 中文 key's pick list of the library's own words."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from tests.conftest import SEED
from tests.system_tools import tool
from tests.ui.test_kiosk import _controls_too_small, _flush_deletes, _pdf_printer, _shut, _start

from breastedu.core.clinic import Clinic, ClinicConfig, KioskSettings
from breastedu.core.content.service import ContentService
from breastedu.core.kiosk import EVERYDAY_WORDS, GLOSSARY_TERMS, TOPICS
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.ui.common import crash
from breastedu.ui.common.i18n import current_language, install_language
from breastedu.ui.kiosk.session import KioskSession
from breastedu.ui.kiosk.shell import KioskShell
from breastedu.ui.kiosk.touch import TARGET_PX


def _make(qtbot: QtBot, language: str = ENGLISH, printed: Path | None = None) -> KioskShell:
    settings = KioskSettings(language=language, warning_seconds=3, allow_print=printed is not None)
    config = ClinicConfig(clinic=Clinic(name="Riverside"), kiosk=settings)
    printer = _pdf_printer(printed) if printed is not None else None
    shell = KioskShell(ContentService.open(SEED), config, idle_ms=600_000, tick_ms=20, printer=printer)
    qtbot.addWidget(shell, before_close_func=_shut)
    shell.resize(1366, 768)
    shell.show()
    qtbot.waitUntil(lambda: bool(shell.groups) and bool(shell.glossary) and bool(shell.terms))
    qtbot.waitUntil(shell.runner.is_idle)
    return shell


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The interface's language is the application's: the next test starts in English."""
    yield
    install_language(ENGLISH)


@pytest.fixture
def shell(qtbot: QtBot) -> KioskShell:
    return _make(qtbot)


def _start_screen_words(shell: KioskShell) -> tuple[str, str, list[str]]:
    screen = shell.start_screen
    return screen.start_button.text(), shell.language_button.text(), [t.text() for t in screen.tiles]


def test_the_language_button_switches_the_start_screen(qtbot: QtBot, shell: KioskShell) -> None:
    """中文 on an English start screen: Chinese words and topic names; English brings them back."""
    english = _start_screen_words(shell)
    assert english[:2] == ("Touch to start", "中文")
    assert "Breast calcifications" in english[2]
    assert shell.language_button.height() >= TARGET_PX and shell.language_button.width() >= TARGET_PX
    qtbot.mouseClick(shell.language_button, Qt.MouseButton.LeftButton)
    button, switch, tiles = _start_screen_words(shell)
    assert (button, switch) == ("請點這裡開始", "English")
    assert "乳房鈣化點" in tiles and "甲狀腺結節" in tiles
    assert shell.language == CHINESE == current_language()
    words = [label.text() for label in shell.start_screen.findChildren(QLabel)]
    assert "歡迎來到Riverside" in words and "乳房相關主題" in words
    assert not any("topics" in w or "Welcome" in w for w in words)
    qtbot.mouseClick(shell.language_button, Qt.MouseButton.LeftButton)
    assert _start_screen_words(shell) == english


def test_switching_while_reading_shows_the_page_and_buttons_in_chinese(
    qtbot: QtBot, shell: KioskShell
) -> None:
    """The page, the navigation bar, the topics and the search results follow the button;
    the page is shown again without a step in Back."""
    session = _start(qtbot, shell, "topic/calcifications")
    assert session.back_button.text() == "◀ Back"
    session.search_pane.set_query("calcification")
    qtbot.waitUntil(lambda: session.search_pane.results_model.rowCount() > 0)
    with qtbot.waitSignal(session.page_shown):
        qtbot.mouseClick(shell.language_button, Qt.MouseButton.LeftButton)
    page = session.current_page
    assert page is not None and page.target == "topic/calcifications"
    assert "鈣化" in session.reader.browser.toPlainText()
    assert (session.back_button.text(), session.finish_button.text()) == ("◀ 上一頁", "結束")
    assert session.glossary_button.text() == "名詞解釋"
    tree = session.tree.view.model()
    names = [tree.index(r, 0, tree.index(g, 0)).data() for g in range(tree.rowCount()) for r in range(3)]
    assert "乳房鈣化點 (9)" in names
    qtbot.waitUntil(
        lambda: session.search_pane.is_idle() and session.search_pane.results_model.rowCount() > 0
    )
    first = session.search_pane.results_model.index(0, 0)
    assert "鈣化" in str(first.data())
    with qtbot.waitSignal(session.page_shown):
        qtbot.mouseClick(session.glossary_button, Qt.MouseButton.LeftButton)
    assert "顆粒性白血球缺乏症" in session.reader.browser.toPlainText()  # the glossary in Chinese
    with qtbot.waitSignal(session.page_shown):
        session.go_back()
    with qtbot.waitSignal(session.page_shown):
        session.go_back()
    assert session.current_page is not None and session.current_page.target == "home"
    # Back to English: words whose Chinese is shared with another source come back right too
    # (名詞解釋 is "Glossary" and "Definition", 主題 "Topics" and "Topic").
    with qtbot.waitSignal(session.page_shown):
        qtbot.mouseClick(shell.language_button, Qt.MouseButton.LeftButton)
    keys = [k.text() for k in session.keypad.findChildren(QPushButton)]
    assert (session.glossary_button.text(), session.topics_heading.text()) == ("Glossary", "Topics")
    assert "Hide keyboard" in keys and "Topics" in keys and "收起鍵盤" not in keys


RESETS: dict[str, Callable[[QtBot, KioskShell, KioskSession], None]] = {
    "Finish": lambda qtbot, shell, session: qtbot.mouseClick(
        session.finish_button, Qt.MouseButton.LeftButton
    ),
    "idle timeout": lambda qtbot, shell, session: shell.overlay.start(1),
    "crash": lambda qtbot, shell, session: crash.kiosk_hook(shell.reset)(
        RuntimeError, RuntimeError("x"), None
    ),
}


@pytest.mark.parametrize("default", [ENGLISH, CHINESE])
@pytest.mark.parametrize("how", list(RESETS))
def test_every_reset_returns_to_the_clinics_language(qtbot: QtBot, default: str, how: str) -> None:
    """A visitor switches; Finish, the idle countdown or a crash reset brings the clinic's back."""
    shell = _make(qtbot, default)
    other = CHINESE if default == ENGLISH else ENGLISH
    at_start = _start_screen_words(shell)
    assert shell.language == default
    assert at_start[0] == ("Touch to start" if default == ENGLISH else "請點這裡開始")
    session = _start(qtbot, shell)
    with qtbot.waitSignal(session.page_shown):
        shell.switch_language()
    assert shell.language == other
    with qtbot.waitSignal(shell.reset_done, timeout=5000):
        RESETS[how](qtbot, shell, session)
    _flush_deletes()
    assert not shiboken6.isValid(session)
    assert shell.language == default == current_language()
    assert _start_screen_words(shell) == at_start
    assert _start(qtbot, shell).back_button.text() == ("◀ Back" if default == ENGLISH else "◀ 上一頁")


def _chip(qtbot: QtBot, session: KioskSession, term: str) -> None:
    """Tap the button of the group that has ``term``, then its chip, as a finger would."""
    picks = session.keypad.pick_list
    group = next(n for n, g in enumerate(picks._groups) if term in g.terms)
    qtbot.mouseClick(picks.group_buttons[group], Qt.MouseButton.LeftButton)
    row = picks.terms().index(term)
    index = picks.model.index(row, 0)
    picks.chips.doItemsLayout()  # the view lays out the new words on its next turn: now
    picks.chips.scrollTo(index)
    QCoreApplication.processEvents()
    rect = picks.chips.visualRect(index)
    assert rect.height() >= TARGET_PX and rect.width() >= TARGET_PX
    qtbot.mouseClick(picks.chips.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_chinese_key_types_a_library_word_and_finds_its_page(qtbot: QtBot, shell: KioskShell) -> None:
    """中文 swaps the letters for the library's words; tapping 鈣化 searches for it, and the
    calcifications topic comes first."""
    session = _start(qtbot, shell)
    qtbot.mouseClick(session.search_pane.box, Qt.MouseButton.LeftButton)
    assert session.keypad.isVisible()
    qtbot.mouseClick(session.keypad.chinese_key, Qt.MouseButton.LeftButton)
    assert session.keypad.showing_chinese()
    assert [g.kind for g in shell.terms] == [TOPICS, GLOSSARY_TERMS, EVERYDAY_WORDS]
    assert session.keypad.pick_list.terms()[0] == "乳房鈣化點"  # the topics, in the tree's order
    _chip(qtbot, session, "鈣化")
    qtbot.waitUntil(lambda: session.search_pane.box.text() == "鈣化")
    assert session.search_pane.box.hasFocus()
    qtbot.waitUntil(
        lambda: session.search_pane.is_idle() and session.search_pane.results_model.rowCount() > 0
    )
    with qtbot.waitSignal(session.page_shown):
        session.search_pane.open_row(0)
    page = session.current_page
    assert page is not None and page.target == "topic/calcifications"
    qtbot.mouseClick(session.keypad.chinese_key, Qt.MouseButton.LeftButton)  # now "ABC"
    assert not session.keypad.showing_chinese()
    assert session.keypad.chinese_key.text() == "中文"


def test_the_pick_list_comes_from_the_library(qtbot: QtBot, shell: KioskShell) -> None:
    """Topic names, glossary terms and the synonym list's Chinese words, each offered once."""
    words = {g.kind: g.terms for g in shell.terms}
    content = shell.content
    assert list(words[TOPICS]) == [t.title for g in content.tree(CHINESE) for t in g.topics]
    glossary = {e.term for e in content.glossary(CHINESE)}
    assert set(words[GLOSSARY_TERMS]) <= glossary and len(words[GLOSSARY_TERMS]) > 100
    assert {"大脖子", "硬塊", "乳頭出水"} <= set(words[EVERYDAY_WORDS])  # 乳頭分泌物 is a glossary term
    every = [t for g in shell.terms for t in g.terms]
    assert len(every) == len(set(every))


def test_a_chip_after_a_latin_word_is_spaced(qtbot: QtBot, shell: KioskShell) -> None:
    """ "TI-RADS 4" then 結節: a mixed query the search understands."""
    session = _start(qtbot, shell)
    session.search_pane.box.setText("TI-RADS 4")
    session.keypad.show()
    session.keypad.toggle_chinese()
    session.keypad.pick_list.pick("結節")
    assert session.search_pane.box.text() == "TI-RADS 4 結節"


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_chinese_kiosk_keeps_its_touch_targets(qtbot: QtBot, size: tuple[int, int]) -> None:
    """In Chinese, with the pick list open, every button and chip is at least 48 px."""
    shell = _make(qtbot, CHINESE)
    shell.resize(*size)
    session = _start(qtbot, shell, "topic/calcifications")
    session.keypad.show()
    assert session.keypad.showing_chinese()  # a Chinese kiosk's keyboard opens on the pick list
    assert session.keypad.chinese_key.text() == "ABC"
    QCoreApplication.processEvents()
    assert _controls_too_small(shell, at_least=30) == []


def test_a_sheet_printed_in_chinese_is_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    """The take-away sheet follows the language on screen."""
    shell = _make(qtbot, CHINESE, printed=tmp_path / "printed.pdf")
    session = _start(qtbot, shell, "topic/calcifications")
    qtbot.mouseClick(session.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已印好" in session.notice.text())
    text = subprocess.run(
        [tool("pdftotext"), str(tmp_path / "printed.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "乳房鈣化點" in text and "Small calcium spots" not in text
