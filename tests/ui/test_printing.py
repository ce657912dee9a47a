"""Sheets painted to PDF: pages, running header and footer, paper, large print, atomic writes."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from tests.conftest import SEED

from breastedu.core.clinic import Clinic
from breastedu.core.content.service import ContentService
from breastedu.core.errors import InputError
from breastedu.core.render import sheets
from breastedu.ui.printing import painter as printing

DAY = dt.date(2026, 11, 30)
CLINIC = Clinic(name="Riverside Breast Clinic", phone="555-0100", footer="Call the nurse line.")

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils not installed"
)


@pytest.fixture(scope="module")
def builder() -> Iterator[sheets.SheetBuilder]:
    service = ContentService.open(SEED)
    yield sheets.SheetBuilder(service)
    service.close()


def pdf_text(path: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", "-layout", *args, str(path), "-"], capture_output=True, text=True)
    return unicodedata.normalize("NFKC", out.stdout)  # "ﬁ" ligatures back to "fi"


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def word_height(path: Path, word: str) -> float:
    """The height of the first box of ``word`` on page 1 (its type size, near enough)."""
    out = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"], capture_output=True, text=True
    ).stdout
    match = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}<', out)
    assert match, word
    return float(match[2]) - float(match[1])


@pytest.fixture(scope="module")
def topic_pdf(builder: sheets.SheetBuilder, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    sheet = builder.build(["calcifications"], clinic=CLINIC, printed=DAY)
    path = tmp_path_factory.mktemp("pdf") / "calcifications.pdf"
    return path, printing.write_pdf(sheet, path, paper="a4")


@needs_poppler
def test_topic_pdf_text_pages_and_frame(qapp: object, topic_pdf: tuple[Path, int]) -> None:
    """Clinic name and phone, key points, sources and the disclaimer; "Page X of N" everywhere."""
    path, pages = topic_pdf
    info = pdf_info(path)
    assert int(info["Pages"]) == pages >= 2
    assert info["Page size"].startswith("595 x 842")
    text = pdf_text(path)
    for needle in (
        "Riverside Breast Clinic",
        "555-0100",
        "Key points",
        "Go to every extra test or follow-up visit",
        "Sources",
        "American College of Radiology",
        "This guide is general information, not medical advice.",
        "My questions",
        "Next appointment:",
        "Call the nurse line.",
        "Printed 30 November 2026",
    ):
        assert needle in text, needle
    per_page = text.split("\f")[:pages]
    for number, page in enumerate(per_page, start=1):
        assert f"Page {number} of {pages}" in page
        assert "Breast calcifications" in page and "Riverside Breast Clinic" in page
    assert "Key points" in per_page[0] and "Sources" in per_page[-1]


@needs_poppler
def test_letter_paper_and_large_print(
    qapp: object, builder: sheets.SheetBuilder, tmp_path: Path, topic_pdf: tuple[Path, int]
) -> None:
    """--paper letter gives 612 x 792 pt pages; large print sets visibly bigger type."""
    sheet = builder.build(["calcifications"], sheets.SheetOptions(large_print=True), printed=DAY)
    path = tmp_path / "large.pdf"
    pages = printing.write_pdf(sheet, path, paper="letter")
    assert pdf_info(path)["Page size"].startswith("612 x 792")
    assert pages > topic_pdf[1]
    normal = word_height(topic_pdf[0], "calcium")
    assert word_height(path, "calcium") >= 1.3 * normal
    if shutil.which("qpdf"):
        subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)


def test_pack_numbers_pages_through(qapp: object, builder: sheets.SheetBuilder) -> None:
    """A pack: contents first, each item on a new page, the contents giving real start pages."""
    pack = builder.build(["calcifications", "goiter"], printed=DAY)
    layout = printing.SheetLayout(pack, printing.page_layout("a4"))
    total = layout.total_pages
    contents, first, second = layout.laid
    assert contents.part is None and contents.pages == 1
    assert total == 1 + first.pages + second.pages
    assert contents.doc is not None
    text = contents.doc.toPlainText()
    assert f"page {1 + first.pages + 1}" in text and "page 2" in text


def test_nothing_is_split_at_a_page_foot(qapp: object, builder: sheets.SheetBuilder) -> None:
    """No heading ends a page, no list item or short paragraph straddles two, no block is blank."""
    for large in (False, True):
        sheet = builder.build(
            builder.all_topics()[:4], sheets.SheetOptions(large_print=large, sections=sheets.SECTIONS)
        )
        for item in printing.SheetLayout(sheet, printing.page_layout("letter")).laid:
            assert item.doc is not None
            doc, layout = item.doc, item.doc.documentLayout()
            height = doc.pageSize().height()
            block = doc.begin()
            while block.isValid():
                rect = layout.blockBoundingRect(block)
                if block.text().strip():
                    assert block.layout().lineCount() > 0, block.text()
                top, bottom = (
                    printing._page_of(rect.top(), height),
                    printing._page_of(rect.bottom() - 2, height),
                )
                if block.blockFormat().headingLevel() and QTextCursor(block).currentTable() is None:
                    after = layout.blockBoundingRect(block.next())
                    assert printing._page_of(after.top(), height) == top, block.text()
                if block.textList() is not None and rect.height() < height / 2:
                    assert top == bottom, block.text()
                block = block.next()


def test_cancel_leaves_no_file(qapp: object, builder: sheets.SheetBuilder, tmp_path: Path) -> None:
    """Cancelling a pack midway raises PrintCancelled and writes nothing."""
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 3

    path = tmp_path / "pack.pdf"
    with pytest.raises(printing.PrintCancelled):
        printing.write_pdf(builder.build(builder.all_topics()), path, progress=progress)
    assert seen[-1][0] == 3 and not path.exists() and list(tmp_path.iterdir()) == []


def test_unwritable_path_is_one_error(qapp: object, builder: sheets.SheetBuilder, tmp_path: Path) -> None:
    sheet = builder.build(["goiter"])
    with pytest.raises(InputError, match="no such folder"):
        printing.write_pdf(sheet, tmp_path / "missing" / "x.pdf")
    with pytest.raises(InputError, match="folder"):
        printing.write_pdf(sheet, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_print_to_an_unknown_printer_is_one_error(qapp: object, builder: sheets.SheetBuilder) -> None:
    """The kiosk prints to a named printer; a name no printer has is a clear error."""
    with pytest.raises(InputError, match="no printer called 'No Such Printer'"):
        printing.print_to_printer(builder.build(["goiter"]), "No Such Printer")
