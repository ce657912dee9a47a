"""Sheets painted to PDF: pages, running header and footer, paper, large print, atomic writes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QTextBlock, QTextCursor, QTextFrame
from PySide6.QtPrintSupport import QPrinter
from tests.conftest import SEED
from tests.system_tools import tool

from breastedu.core.clinic import Clinic
from breastedu.core.content.service import ContentService
from breastedu.core.errors import InputError
from breastedu.core.render import sheets
from breastedu.ui.printing import painter as printing

DAY = dt.date(2026, 11, 30)
CLINIC = Clinic(name="Riverside Breast Clinic", phone="555-0100", footer="Call the nurse line.")


@pytest.fixture(scope="module")
def builder() -> Iterator[sheets.SheetBuilder]:
    service = ContentService.open(SEED)
    yield sheets.SheetBuilder(service)
    service.close()


def pdf_text(path: Path, *args: str) -> str:
    out = subprocess.run(
        [tool("pdftotext"), "-layout", *args, str(path), "-"], capture_output=True, text=True
    )
    return unicodedata.normalize("NFKC", out.stdout)  # "ﬁ" ligatures back to "fi"


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def word_height(path: Path, word: str) -> float:
    """The height of the first box of ``word`` on page 1 (its type size, near enough)."""
    out = subprocess.run(
        [tool("pdftotext"), "-f", "1", "-l", "1", "-bbox", str(path), "-"], capture_output=True, text=True
    ).stdout
    match = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}<', out)
    assert match, word
    return float(match[2]) - float(match[1])


@pytest.fixture(scope="module")
def topic_pdf(builder: sheets.SheetBuilder, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    sheet = builder.build(["calcifications"], clinic=CLINIC, printed=DAY)
    path = tmp_path_factory.mktemp("pdf") / "calcifications.pdf"
    return path, printing.write_pdf(sheet, path, paper="a4")


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
    assert "Key points" in per_page[0] and "My questions" in per_page[-1]
    # The sources and the disclaimer share a page with the sheet's own words (issue 22 C3).
    closing = next(page for page in per_page if "Sources" in page)
    assert "This guide is general information" in closing and "Questions to ask your doctor" in closing


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
    subprocess.run([tool("qpdf"), "--check", str(path)], check=True, capture_output=True)


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


def test_preview_printer_and_pdf_paginate_alike(
    qapp: object, builder: sheets.SheetBuilder, tmp_path: Path
) -> None:
    """Issue 22 C1: a large-print Letter pack has the same pages and the same contents page on
    a 1200 dpi printer whose driver nudged the margins (what the preview paints on) as in the
    300 dpi PDF."""
    pack = builder.build(
        builder.all_topics()[:6], sheets.SheetOptions(large_print=True, paper="letter"), printed=DAY
    )
    pdf = tmp_path / "pack.pdf"
    pdf_pages = printing.write_pdf(pack, pdf, paper="letter")
    printed = tmp_path / "printer.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPageLayout(printing.page_layout("letter"))
    printer.setPageMargins(QMarginsF(20, 10, 12, 10), QPageLayout.Unit.Millimeter)  # as a driver may
    assert printer.logicalDpiY() != printing.LAYOUT_DPI  # a device of another resolution
    printer_pages = printing.paint_sheet(pack, printer)
    assert printer_pages == pdf_pages == int(pdf_info(printed)["Pages"]) == int(pdf_info(pdf)["Pages"])

    def contents(path: Path) -> list[str]:
        return re.findall(r"page \d+", pdf_text(path, "-f", "1", "-l", "1"))

    assert contents(printed) == contents(pdf) and len(contents(pdf)) == 6


def test_every_item_of_a_pack_carries_its_own_footer(
    qapp: object, builder: sheets.SheetBuilder, tmp_path: Path
) -> None:
    """Issue 21: each page of an item shows that item's footer (its own sources-checked date),
    never the one of the item before or after it."""
    options = sheets.SheetOptions()
    days = (dt.date(2026, 1, 5), dt.date(2026, 2, 6), dt.date(2026, 3, 7))
    parts = [
        replace(builder.part(slug, options, printed=DAY), footer=f"sources checked {day:%d %B %Y}")
        for slug, day in zip(("calcifications", "goiter", "breast-cysts"), days, strict=True)
    ]
    pack = sheets.sheet(parts, header=sheets.header_for(CLINIC))
    layout = printing.SheetLayout(pack, printing.page_layout("a4"))
    path = tmp_path / "pack.pdf"
    printing.write_pdf(layout, path)
    pages = pdf_text(path).split("\f")[:-1]
    assert len(pages) == layout.total_pages
    ends = [*layout.first_pages[1:], layout.total_pages + 1]
    for part, start, end in zip(parts, layout.first_pages, ends, strict=True):
        for number in range(start, end):
            page = pages[number - 1]
            # Word for word in order: pdftotext may interleave the footer with the clipped
            # text of a drawing that starts on the next page (its words sit at the same height).
            assert _in_order(part.footer, page), (part.title, number)
            assert sum(_in_order(p.footer, page) for p in parts) == 1, (part.title, number)
            assert "Call the nurse line." in page


def _in_order(words: str, text: str) -> bool:
    """Every word of ``words`` appears in ``text``, in that order (other words may come between)."""
    found = iter(text.split())
    return all(word in found for word in words.split())


def _closing_alone_or_split(layout: printing.SheetLayout) -> list[str]:
    """Items whose sources and disclaimer start a page of their own or run over two pages."""
    bad = []
    for item in layout.laid:
        if item.doc is None or item.part is None:
            continue
        doc = item.doc
        geometry = doc.documentLayout()
        height = doc.pageSize().height()
        items = printing._top_level(doc)
        rects = [
            geometry.frameBoundingRect(x) if isinstance(x, QTextFrame) else geometry.blockBoundingRect(x)
            for x in items
        ]
        mark = next(i for i, x in enumerate(items) if isinstance(x, QTextBlock) and printing._has_closing(x))
        end = next((i for i in range(mark, len(items)) if isinstance(items[i], QTextFrame)), len(items))
        page = printing._page_of(rects[mark].top(), height)
        alone = printing._page_of(rects[mark - 1].bottom() - 2, height) != page
        split = any(printing._page_of(r.bottom() - 2, height) != page for r in rects[mark:end])
        if alone or split:
            bad.append(layout.sheet.parts[item.part].title)
    return bad


@pytest.mark.parametrize(("large", "paper"), [(False, "a4"), (True, "letter"), (False, "letter")])
def test_sources_and_disclaimer_never_stand_alone(
    qapp: object, builder: sheets.SheetBuilder, large: bool, paper: str
) -> None:
    """Issue 22 C3: on every topic sheet, with every section, the sources and the disclaimer
    share a page with the sheet's own content and are not split from each other."""
    sheet = builder.build(
        builder.all_topics(), sheets.SheetOptions(sections=sheets.SECTIONS, large_print=large), printed=DAY
    )
    assert _closing_alone_or_split(printing.SheetLayout(sheet, printing.page_layout(paper))) == []


def test_large_print_never_cuts_the_header_or_footer(
    qapp: object, builder: sheets.SheetBuilder, tmp_path: Path
) -> None:
    """Issue 22 C4: a long clinic line, a long title and the footer print whole in large print."""
    clinic = Clinic(
        name="Riverside Breast Clinic",
        phone="555-0100",
        website="riverside-breast-clinic.example.org",
        address="12 River Road, Springfield, Riverside County",
        footer="Questions about this sheet? Call the nurse line on weekdays, 8 am to 6 pm: 555-0100.",
    )
    slug = "hyperthyroidism-and-pregnancy"
    sheet = builder.build([slug], sheets.SheetOptions(large_print=True), clinic=clinic, printed=DAY)
    path = tmp_path / "large.pdf"
    printing.write_pdf(sheet, path, paper="letter")
    for page in pdf_text(path).split("\f")[:-1]:
        flat = " ".join(page.split())
        words = " ".join(sheet.title.split())
        assert words in flat or all(w in flat for w in words.split()), page[:400]
        assert "…" not in page.split("\n")[0]
        for whole in (clinic.address, clinic.website, clinic.footer, "sources checked 7 December 2026"):
            # Every word there (clipped text of a box may interleave with the header, see above).
            assert all(word in flat.split() for word in whole.split()), whole
