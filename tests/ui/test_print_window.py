"""Printing in the window: File menu actions, the handout pack (print basket), the options
dialog, a long pack's progress and cancel, kiosk mode, and a malformed clinic config."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG, SEED
from tests.system_tools import tool
from tests.ui.conftest import open_page

from breastedu.core.clinic import Clinic
from breastedu.core.content.service import ContentService
from breastedu.core.notebook.service import Notebook
from breastedu.core.render.sheets import Sheet, SheetOptions
from breastedu.ui.printing.pack_builder import CHOICE_ROLE, PackBuilderDialog
from breastedu.ui.printing.sheet_options import SheetOptionsDialog, load_options, save_options
from breastedu.ui.shell.app import build_window
from breastedu.ui.shell.main_window import MainWindow, UserServices

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(user_dir: Path, track_window: Callable[[MainWindow], MainWindow]) -> MakeWindow:
    def make(*, notebook: bool = True, settings: QSettings | None = None) -> MainWindow:
        user = UserServices(Notebook.open(user_dir, backup=False)) if notebook else None
        win = track_window(
            MainWindow(
                ContentService.open(SEED),
                user=user,
                settings=settings,
                clinic=Clinic(name="Riverside Breast Clinic", phone="555-0100"),
            )
        )
        win.resize(1200, 700)
        win.show()
        return win

    return make


def _add(qtbot: QtBot, win: MainWindow, target: str) -> None:
    open_page(qtbot, win, target)
    assert win.basket_pane is not None
    with qtbot.waitSignal(win.basket_pane.basket_changed):
        win.wiring.add_to_pack_action.trigger()


def _text(path: Path) -> list[str]:
    out = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    return unicodedata.normalize("NFKC", out).split("\f")[:-1]


def test_file_menu_has_the_print_actions(qtbot: QtBot, make_window: MakeWindow) -> None:
    """Print… (Ctrl+P), Print preview, Save as PDF… (Ctrl+Shift+S) follow the page in the reader."""
    win = make_window()
    texts = [a.text().replace("&", "") for a in win.commands.file_menu.actions()]
    for name in ("Print…", "Print preview", "Save as PDF…", "Sheet options…", "Add to handout pack"):
        assert name in texts, texts
    assert win.printing.print_action.shortcut().toString() == "Ctrl+P"
    assert win.printing.save_pdf_action.shortcut().toString() == "Ctrl+Shift+S"
    open_page(qtbot, win, "home")
    assert not win.printing.print_action.isEnabled() and not win.wiring.add_to_pack_action.isEnabled()
    open_page(qtbot, win, "topic/goiter")
    assert win.printing.print_action.isEnabled() and win.wiring.add_to_pack_action.isEnabled()


def test_save_page_as_pdf(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    """Save as PDF… writes the sheet of the page in the reader, with the clinic header."""
    win = make_window()
    open_page(qtbot, win, "topic/goiter")
    target = tmp_path / "goiter"
    win.printing.choose_save_path = lambda name: target  # type: ignore[method-assign]
    with qtbot.waitSignal(win.printing.status_changed, check_params_cb=lambda t: t.startswith("Saved")):
        win.printing.save_pdf_action.trigger()
    pages = _text(tmp_path / "goiter.pdf")  # ".pdf" added to the chosen name
    assert "Riverside Breast Clinic" in pages[0] and "Key points" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_basket_add_reorder_remove_and_restart(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    """Pages go into the handout pack in order, can be moved and removed, and survive a restart;
    the pack prints as one PDF with a contents page."""
    win = make_window()
    pane = win.basket_pane
    assert pane is not None
    _add(qtbot, win, "topic/calcifications")
    _add(qtbot, win, f"question/{REAL_SLUG}")
    _add(qtbot, win, "topic/goiter")
    _add(qtbot, win, "topic/goiter")  # already there: nothing changes
    assert pane.slugs() == ["calcifications", REAL_SLUG, "goiter"]
    assert win.notebook.tabs.tabText(win.notebook.tabs.count() - 1) == "Handout pack (3)"
    pane.view.setCurrentIndex(pane.model.index(2))
    with qtbot.waitSignal(pane.basket_changed):
        pane.up_button.click()
    assert pane.slugs() == ["calcifications", "goiter", REAL_SLUG]
    assert pane.view.currentIndex().row() == 1  # the moved sheet stays selected
    with qtbot.waitSignal(pane.basket_changed):
        pane.remove_button.click()
    assert pane.slugs() == ["calcifications", REAL_SLUG]
    assert pane.model.data(pane.model.index(1)) == f"2. {pane.model.items()[1].title}"

    out = tmp_path / "pack.pdf"
    win.printing.choose_save_path = lambda name: out  # type: ignore[method-assign]
    with qtbot.waitSignal(win.printing.status_changed, timeout=20000, check_params_cb=lambda t: "Saved" in t):
        pane.save_button.click()
    pages = _text(out)
    assert "Handout pack" in pages[0] and "Breast calcifications" in pages[0] and "Clustered" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    win.close()
    win.runner.wait_for_done()
    win.user.notebook.close()  # type: ignore[union-attr]

    again = make_window()
    assert again.basket_pane is not None
    qtbot.waitUntil(lambda: again.basket_pane.slugs() == ["calcifications", REAL_SLUG])  # type: ignore[union-attr]
    again.basket_pane.confirm_clear = lambda: True  # type: ignore[method-assign]
    with qtbot.waitSignal(again.basket_pane.basket_changed):
        again.basket_pane.clear_button.click()
    assert again.basket_pane.slugs() == [] and not again.basket_pane.print_button.isEnabled()


def test_print_pack_to_the_printer_and_cancel(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    """Print pack… goes through the print dialog; cancelling a long pack prints nothing."""
    win = make_window()
    pane = win.basket_pane
    assert pane is not None
    for slug in ("calcifications", "goiter", "breast-cysts"):
        _add(qtbot, win, f"topic/{slug}")
    printed = tmp_path / "printer.pdf"

    def dialog(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    win.printing.exec_print_dialog = dialog  # type: ignore[method-assign]
    with qtbot.waitSignal(
        win.printing.status_changed, timeout=20000, check_params_cb=lambda t: "Printed" in t
    ):
        pane.print_button.click()
    assert len(_text(printed)) >= 4

    saved = tmp_path / "cancelled.pdf"
    win.printing.choose_save_path = lambda name: saved  # type: ignore[method-assign]
    win.printing.progressed.connect(lambda done, total: win.printing.cancel())
    with qtbot.waitSignal(
        win.printing.status_changed, timeout=20000, check_params_cb=lambda t: "Cancel" in t
    ):
        pane.save_button.click()
    assert not saved.exists() and sorted(p.name for p in tmp_path.glob("*.pdf")) == ["printer.pdf"]


def test_no_notebook_no_basket(qtbot: QtBot, make_window: MakeWindow) -> None:
    win = make_window(notebook=False)
    assert win.basket_pane is None and win.wiring is None


def test_options_dialog_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    """The sheet options come back next time; OK needs at least one section."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert load_options(settings) == SheetOptions()
    dialog = SheetOptionsDialog(SheetOptions(), "a4")
    qtbot.addWidget(dialog)
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.section_boxes["glossary"].setChecked(True)
    dialog.section_boxes["key-points"].setChecked(True)
    dialog.large_print.setChecked(True)
    dialog.paper.setCurrentIndex(1)
    chosen = dialog.options()
    assert chosen == SheetOptions(sections=("key-points", "glossary"), large_print=True, paper="letter")
    save_options(settings, chosen)
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert load_options(again) == chosen


def test_malformed_clinic_config_is_a_banner(qtbot: QtBot, tmp_path: Path) -> None:
    """The app still opens; a banner says the clinic settings were ignored."""
    bad = tmp_path / "clinic.toml"
    bad.write_text('[clinic]\nname = "X"\ncolour = "red"\n', encoding="utf-8")
    win = build_window(SEED, tmp_path / "user", remember=False, clinic_config=str(bad))
    qtbot.addWidget(win)
    try:
        assert "clinic settings were ignored" in win.banner.text() and "clinic.colour" in win.banner.text()
        assert win.printing.clinic is None
    finally:
        win.runner.wait_for_done()
        win.user.notebook.close()  # type: ignore[union-attr]


def test_preview_shows_the_pages_it_prints_and_saves(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Issue 22 C1 and C2: the preview shows Print… and Save as PDF… in plain sight, at a usable
    size; it shows as many pages as the PDF saved from it has, with the same contents page."""
    win = make_window()
    win.printing.options = SheetOptions(large_print=True, paper="letter")
    shown: list[Sheet] = []
    win.printing.show_preview = shown.append  # type: ignore[method-assign]
    win.printing.preview_slugs(["calcifications", "goiter", "breast-cysts"], "Handout pack")
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    layout = win.printing.lay_out(shown[0])
    dialog = win.printing.preview_dialog(layout)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    for button in (dialog.print_button, dialog.save_button):
        assert button.isVisible() and dialog.rect().contains(button.geometry())
    screen = dialog.screen().availableGeometry()
    assert dialog.width() >= 0.8 * screen.width() and dialog.height() >= 0.8 * screen.height()
    asked: list[str] = []
    out = tmp_path / "pack.pdf"

    def choose(name: str) -> Path:
        asked.append(name)
        return out

    win.printing.choose_save_path = choose  # type: ignore[method-assign]
    with qtbot.waitSignal(win.printing.status_changed, check_params_cb=lambda t: t.startswith("Saved")):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    pages = _text(out)
    assert asked == ["Handout pack.pdf"]
    assert len(pages) == dialog.page_count() == layout.total_pages
    assert re.findall(r"page \d+", pages[0]) == [f"page {n}" for n in layout.first_pages]


def test_a_saved_sheet_is_offered_under_its_title(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Issue 22 C9 and C10: Save as PDF… suggests the title, and the file is readable by others."""
    win = make_window()
    open_page(qtbot, win, "topic/goiter")
    asked: list[str] = []

    def choose(name: str) -> Path:
        asked.append(name)
        return tmp_path / name

    win.printing.choose_save_path = choose  # type: ignore[method-assign]
    old = os.umask(0o022)
    try:
        with qtbot.waitSignal(win.printing.status_changed, check_params_cb=lambda t: t.startswith("Saved")):
            win.printing.save_pdf_action.trigger()
    finally:
        os.umask(old)
    assert asked == ["Thyroid enlargement (goiter).pdf"]
    saved = tmp_path / asked[0]
    assert stat.S_IMODE(saved.stat().st_mode) == 0o644


def test_the_new_leaf_option_is_offered_and_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SheetOptionsDialog(SheetOptions(), "a4")
    qtbot.addWidget(dialog)
    assert not dialog.new_leaf.isChecked()
    dialog.new_leaf.setChecked(True)
    save_options(settings, dialog.options())
    assert load_options(settings).new_leaf


def test_the_pack_builder_adds_many_sheets_without_visiting_them(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """Issue 22 C8: from the pack tab, "all topics", a tick in the tree and a search result go
    into the pack at once, in tree order; what is already in the pack is shown and not added twice."""
    win = make_window()
    pane = win.basket_pane
    assert pane is not None
    _add(qtbot, win, "topic/goiter")
    opened: list[str] = []
    win.page_shown.connect(lambda page: opened.append(page.target))
    seen: list[PackBuilderDialog] = []

    def run(dialog: PackBuilderDialog) -> bool:
        seen.append(dialog)
        dialog.tick_all_topics()
        answers = [i for i in dialog._tree_items() if i.data(0, CHOICE_ROLE).kind == "question"]
        answers[0].setCheckState(0, Qt.CheckState.Checked)
        dialog.box.setText("clustered calcification")
        qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=10000)
        hit = next(
            dialog.results.item(r)
            for r in range(dialog.results.count())
            if dialog.results.item(r).data(CHOICE_ROLE).slug == REAL_SLUG
        )
        hit.setCheckState(Qt.CheckState.Checked)
        return True

    win.printing.exec_pack_builder = run  # type: ignore[method-assign]
    with qtbot.waitSignal(win.printing.status_changed, timeout=20000, check_params_cb=lambda t: "Added" in t):
        qtbot.mouseClick(pane.builder_button, Qt.MouseButton.LeftButton)
    dialog = seen[0]
    goiter = dialog._item_for("goiter")
    assert goiter is not None and not goiter.flags() & Qt.ItemFlag.ItemIsEnabled  # already in the pack
    chosen = dialog.chosen()
    topics = [c.slug for c in chosen if c.kind == "topic"]
    assert len(topics) == 9 and "goiter" not in topics  # the other nine topics
    assert chosen[-1].slug == REAL_SLUG and sum(c.kind == "question" for c in chosen) == 2
    qtbot.waitUntil(lambda: len(pane.slugs()) == 1 + len(chosen), timeout=10000)
    assert pane.slugs() == ["goiter", *(c.slug for c in chosen)]
    assert opened == []  # no page was opened to add them


def test_the_pack_builder_gives_each_sheet_its_language(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Issue 28 item 4: in the pack builder each sheet has a language (the window's, English,
    unless she picks another); the pack prints each sheet in its language with its own footer,
    and the choice is kept with the window settings."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = make_window(settings=settings)
    pane = win.basket_pane
    assert pane is not None

    def run(dialog: PackBuilderDialog) -> bool:
        assert dialog.language_of("goiter") == "en"  # the window's language
        for slug in ("calcifications", "goiter"):
            item = dialog._item_for(slug)
            assert item is not None
            item.setCheckState(0, Qt.CheckState.Checked)
        box = dialog.language_boxes["goiter"]
        box.setCurrentIndex(box.findData("zh-TW"))
        return True

    win.printing.exec_pack_builder = run  # type: ignore[method-assign]
    with qtbot.waitSignal(win.printing.status_changed, timeout=20000, check_params_cb=lambda t: "Added" in t):
        qtbot.mouseClick(pane.builder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.slugs() == ["calcifications", "goiter"], timeout=10000)
    assert win.printing.pack_languages == {"calcifications": "en", "goiter": "zh-TW"}
    out = tmp_path / "pack.pdf"
    win.printing.choose_save_path = lambda name: out  # type: ignore[method-assign]
    with qtbot.waitSignal(win.printing.status_changed, timeout=20000, check_params_cb=lambda t: "Saved" in t):
        pane.save_button.click()
    pages = _text(out)
    assert "Contents" in pages[0]  # the pack's own words: the window's language
    english = [p for p in pages[1:] if "Key points" in p]
    chinese = [p for p in pages[1:] if "重點" in p]
    assert english and chinese
    assert all("Printed" in p and "列印" not in p for p in english)
    assert all("列印日期" in p and "Printed" not in p for p in chinese)
    assert "Breast calcifications" in english[0] and "甲狀腺腫" in chinese[0]
    settings.sync()
    from breastedu.ui.printing.actions import _load_languages

    assert _load_languages(settings) == {"calcifications": "en", "goiter": "zh-TW"}


def test_the_paper_box_is_named_by_its_label(qtbot: QtBot) -> None:
    """ui-review-2026-12 D2: a screen reader hears "Paper", not only the value."""
    dialog = SheetOptionsDialog(SheetOptions(), "a4")
    qtbot.addWidget(dialog)
    assert dialog.paper_label.buddy() is dialog.paper
    assert dialog.paper.accessibleName() == "Paper"


def test_in_chinese_the_window_prints_in_chinese_and_its_dialogs_speak_it(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """With the interface in zh-TW the page's sheet is printed in zh-TW (its own words, page
    corners, footer), the pack builder offers 繁體中文 first, and the printing dialogs and
    messages are Chinese."""
    from breastedu.core.languages import CHINESE, ENGLISH
    from breastedu.ui.common.i18n import install_language
    from breastedu.ui.printing.pack_builder import PackBuilderDialog as Builder

    assert install_language(CHINESE)
    try:
        win = make_window()
        open_page(qtbot, win, "topic/goiter")
        target = tmp_path / "goiter.pdf"
        win.printing.choose_save_path = lambda name: target  # type: ignore[method-assign]
        with qtbot.waitSignal(
            win.printing.status_changed, timeout=20000, check_params_cb=lambda t: "已儲存" in t
        ):
            win.printing.save_pdf_action.trigger()
        pages = _text(target)
        assert "第 1 頁" in pages[0] and "列印日期" in pages[0] and "Printed" not in pages[0]
        dialog = SheetOptionsDialog(SheetOptions(), "a4")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "單張選項" and dialog.paper_label.text() == "紙張(&A)："
        builder = Builder((), lambda _q: None, win.runner, lang=CHINESE)  # type: ignore[arg-type,return-value]
        qtbot.addWidget(builder)
        assert (
            builder.all_language.currentData() == CHINESE and builder.all_language.currentText() == "繁體中文"
        )
        assert builder.windowTitle() == "加入講義包"
    finally:
        install_language(ENGLISH)
