"""The interface in Traditional Chinese (Taiwan): every marked string has a finished
translation and the .ts is up to date with the sources; the built .qm is the .ts's; the window
laid out in zh-TW fits a small and a laptop screen; View → Language switches the menus and the
page on screen live."""

from __future__ import annotations

import filecmp
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QToolBar, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import open_page
from tests.ui.test_notebook_fit import TODAY, notebook_problems

from breastedu.core.content.service import ContentService
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.notebook.service import Notebook
from breastedu.ui.common.i18n import choose_language, install_language, system_language, translations_dir
from breastedu.ui.shell.main_window import MainWindow, UserServices

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import translations  # noqa: E402  (tools/translations.py: lupdate, lrelease, the .ts checks)

TOPIC = "calcifications"
#: The shipped library, with its Chinese pages (the test library has none).
SEED = REPO / "data" / "seed.sqlite"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The interface in zh-TW for this test, English again after it."""
    assert install_language(CHINESE), "a zh-TW .qm file is missing (run tools/translations.py)"
    yield
    install_language(ENGLISH)


def test_every_string_is_translated_and_the_ts_is_up_to_date() -> None:
    """lupdate over the sources into a copy finds nothing new or gone, and nothing is unfinished."""
    assert translations.problems("zh_TW") == []


def test_the_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    ts = translations.ts_file("zh_TW")
    built = tmp_path / "built.qm"
    translations.lrelease(ts, built)
    assert filecmp.cmp(built, Path(translations_dir()) / "breastedu_zh_TW.qm", shallow=False), (
        "resources/translations/breastedu_zh_TW.qm is stale: run tools/translations.py"
    )


def test_the_ts_check_fails_on_an_unfinished_string(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself: a message left unfinished is reported by name."""
    ts = translations.ts_file("zh_TW")
    text = ts.read_text(encoding="utf-8").replace(
        "<translation>檔案(&amp;F)</translation>", '<translation type="unfinished"></translation>'
    )
    assert "unfinished" in text
    broken = tmp_path / ts.name
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(translations, "ts_file", lambda _lang: broken)
    assert translations.problems("zh_TW") == ["breastedu_zh_TW.ts: unfinished: shell.actions: '&File'"]


@pytest.mark.usefixtures("chinese")
def test_qts_own_dialogs_are_in_chinese() -> None:
    """Qt's qtbase_zh_TW.qm is loaded too: its standard buttons and print dialog speak Chinese."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["儲存", "取消"])
    assert QCoreApplication.translate("QPrintDialog", "Print") == "列印"
    install_language(ENGLISH)
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Print"


def _cut_in(root: QWidget) -> list[str]:
    """Labels and buttons (the toolbar's too) whose text needs more room than they have."""
    problems = []
    for child in root.findChildren(QWidget):
        if not child.isVisible() or child.width() <= 0:
            continue
        label = isinstance(child, QLabel) and not child.wordWrap() and child.text()
        if label and child.sizeHint().width() > child.width() + 1:
            problems.append(f"label {child.text()!r}: needs {child.sizeHint().width()}, has {child.width()}")
        if (
            isinstance(child, QAbstractButton)
            and child.text()
            and child.sizeHint().width() > child.width() + 1
        ):
            problems.append(f"button {child.text()!r}: needs {child.sizeHint().width()}, has {child.width()}")
    return problems


@pytest.mark.parametrize("screen", [(1024, 600), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.usefixtures("chinese")
def test_the_chinese_window_fits(
    qtbot: QtBot,
    user_dir: Path,
    track_window: Callable[[MainWindow], MainWindow],
    screen: tuple[int, int],
) -> None:
    user = UserServices(Notebook.open(user_dir, today=lambda: TODAY), today=lambda: TODAY)
    win = track_window(MainWindow(ContentService.open(SEED), user=user, lang=CHINESE))
    win.place_on_screen(QRect(0, 0, *screen))
    win.show()
    assert win.notebook is not None
    win.notebook.show()
    open_page(qtbot, win, f"topic/{TOPIC}")
    assert win.commands.file_menu.title() == "檔案(&F)"
    assert win.search_pane.box.placeholderText().startswith("搜尋")
    seen = {}
    tabs = win.notebook.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        seen[tabs.tabText(index)] = notebook_problems(win, screen)
    QApplication.processEvents()
    seen["window"] = _cut_in(win.sidebar) + _cut_in(win.reading)
    toolbar = win.findChild(QToolBar, "navigation")
    assert toolbar is not None
    seen["toolbar"] = _cut_in(toolbar)
    assert {part: found for part, found in seen.items() if found} == {}


def test_view_language_switches_live(
    qtbot: QtBot, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> None:
    """English -> 中文 -> English: the menus, the toolbar and the page on screen follow, and the
    choice is kept for the next start."""
    from breastedu.ui.shell.qt_app import settings_for

    settings = settings_for(user_dir)
    user = UserServices(Notebook.open(user_dir, today=lambda: TODAY), today=lambda: TODAY)
    user.notebook.followups.add("Mammogram", TODAY)
    win = track_window(MainWindow(ContentService.open(SEED), settings=settings, user=user, lang=ENGLISH))
    win.show()
    open_page(qtbot, win, f"topic/{TOPIC}")
    english_title = win.current_page.title  # type: ignore[union-attr]
    assert win.commands.file_menu.title() == "&File"
    pane = win.followups_pane  # made now (its tab is made when first shown), in English

    def first_tip() -> str:
        assert pane is not None
        return pane.model.data(pane.model.index(0, 0), Qt.ItemDataRole.ToolTipRole) or ""

    qtbot.waitUntil(lambda: "Due today" in first_tip())
    try:
        with qtbot.waitSignal(win.page_shown) as shown:
            win.commands.language_actions[CHINESE].trigger()
        assert win.commands.file_menu.title() == "檔案(&F)"
        assert win.commands.home_action.text() == "首頁"
        assert win.search_pane.box.placeholderText() == "搜尋，例如：腋下硬塊"
        qtbot.waitUntil(lambda: "今天到期" in first_tip())  # a text with a count, rebuilt by a refresh
        assert shown.args[0].target == f"topic/{TOPIC}"
        assert shown.args[0].title == "乳房鈣化點" != english_title
        assert "乳房鈣化點" in win.reader.browser.toPlainText()
        assert settings.value("view/language") == CHINESE
        assert not win.navigator.can_go_back()  # the same page again, not a step in the history
        with qtbot.waitSignal(win.page_shown) as shown:
            win.commands.language_actions[ENGLISH].trigger()
        assert win.commands.file_menu.title() == "&File"
        assert win.commands.home_action.text() == "Home"
        assert win.search_pane.box.placeholderText() == "Search, e.g. lump under arm"
        assert shown.args[0].title == english_title
    finally:
        install_language(ENGLISH)


def test_lang_reaches_the_screenshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``breastedu --lang zh-TW screenshot`` asks for the Chinese window."""
    from breastedu.cli import main
    from breastedu.ui.shell import app

    asked: dict[str, object] = {}
    monkeypatch.setattr(app, "render_screenshot", lambda *args, **kwargs: asked.update(kwargs))
    assert (
        main(["--user-dir", str(tmp_path / "u"), "--lang", "zh-TW", "screenshot", str(tmp_path / "x.png")])
        == 0
    )
    assert asked["lang"] == CHINESE


def test_lang_then_her_choice_then_the_system() -> None:
    assert choose_language(CHINESE, ENGLISH) == CHINESE  # --lang wins for this run
    assert choose_language(None, CHINESE) == CHINESE  # then View → Language, remembered
    assert choose_language(None, None) == system_language()
    assert choose_language(None, "klingon") == system_language()  # a damaged settings file


def test_the_shipped_chinese_font_has_a_real_bold_face() -> None:
    """Bold Chinese (a sheet's "what to do" lines, headings) uses a bold face: made by
    thickening the regular one, it printed as black bars in the print preview."""
    from PySide6.QtGui import QFontDatabase

    from breastedu.core.render.sheet_words import CJK_FAMILY
    from breastedu.ui.common.i18n import register_cjk_font

    assert register_cjk_font()
    assert {"Regular", "Bold"} <= set(QFontDatabase.styles(CJK_FAMILY))
    assert QFontDatabase.weight(CJK_FAMILY, "Bold") >= 700
