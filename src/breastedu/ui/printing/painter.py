"""Paint a composed :class:`~breastedu.core.render.sheets.Sheet` on paper or into a PDF.

One path for everything that prints: the print dialog, the preview, "Save as PDF", the CLI,
the kiosk and the self-test all paint a :class:`SheetLayout` (:func:`paint_sheet` and
:func:`write_pdf` make one). A layout is the one pagination pass: each item of the sheet is laid
out in its own :class:`QTextDocument` at the page's size and at :data:`LAYOUT_DPI`, page breaks
are moved so no heading, list item, short paragraph or box is split at a page foot and the
sources and disclaimer never stand alone on a page, then every page is painted, scaled to the
device, with the running header (clinic, page title, "Page X of Y") and footer. The preview
and the PDF saved from it are the same layout, so they have the same pages.

Illustrations are drawn by :class:`_PrintDocument` straight from their SVG files, so they stay
vectors in a PDF. Nothing here needs a window: it runs offscreen and off the GUI thread (a
QGuiApplication must exist).

Example (what the kiosk and the self-test do)::

    sheet = SheetBuilder(content).build(["calcifications"], SheetOptions(large_print=True))
    write_pdf(sheet, Path("calcifications.pdf"), paper="letter")
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextImageFormat,
    QTextLine,
)
from PySide6.QtSvg import QSvgRenderer

from breastedu.core.errors import BreastEduError, InputError
from breastedu.core.files import PRIVATE, SHARED, write_atomic
from breastedu.core.languages import ENGLISH
from breastedu.core.palette import PRINT
from breastedu.core.render.drawings import drawings_dir, printed_drawing
from breastedu.core.render.html import IMAGE_PREFIX
from breastedu.core.render.sheet_words import BLANK_PAGE, CJK_FAMILY
from breastedu.core.render.sheets import (
    BODY_PT,
    CLOSING_ANCHOR,
    PAPERS,
    Sheet,
    first_pages,
    page_label,
    total_pages,
)

#: Page margins in mm: a wide left one so hole-punching never takes words away.
MARGINS_MM = QMarginsF(25, 12, 15, 12)
#: PDF resolution (dots per inch); text and illustrations are vectors at any value.
PDF_DPI = 300
#: Largest share of the text width an illustration may take.
IMAGE_WIDTH_SHARE = 0.8

#: ``progress(done, total)`` is called as the work goes on; returning False cancels it.
Progress = Callable[[int, int], bool]


class PrintCancelled(BreastEduError):
    """The person cancelled a print or PDF while it was being made."""

    def __init__(self) -> None:
        super().__init__("printing was cancelled")


def default_paper() -> str:
    """``"letter"`` where the locale measures in US units, else ``"a4"`` (as Qt itself decides)."""
    from PySide6.QtCore import QLocale

    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def page_layout(paper: str | None = None) -> QPageLayout:
    """The page: A4 or Letter, portrait, with hole-punch-safe margins."""
    paper = paper or default_paper()
    if paper not in PAPERS:
        raise InputError(f"unknown paper {paper!r} (known: {', '.join(PAPERS)})", where="--paper")
    size_id = QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4
    return QPageLayout(
        QPageSize(size_id), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


# Illustrations as vectors ------------------------------------------------------------------------


class _PrintDocument(QTextDocument):
    """A document whose ``breastedu:image/NAME.svg`` images are drawn from the SVG itself.

    Qt lays the page out around a transparent stand-in of the right size; after each page is
    painted, :meth:`image_rects` says where to render the SVG into the stand-in's place, so illustrations
    stay vectors in a PDF. Any other image source gives nothing (no files, no web). The
    drawings' labels are in ``lang``, the language of the part the document prints.
    """

    def __init__(self, max_width_px: float, lang: str = ENGLISH) -> None:
        super().__init__()
        self._dir, self._lang = drawings_dir(), lang
        self._max_width = max_width_px  # in CSS px (96 per inch), what Qt scales images from
        self._renderers: dict[str, QSvgRenderer] = {}
        #: Where each illustration sits once laid out (set by the painter).
        self.images: list[tuple[QRectF, QSvgRenderer]] = []

    def _renderer(self, name: str) -> QSvgRenderer | None:
        if name not in self._renderers and name.startswith(IMAGE_PREFIX):
            data = printed_drawing(name[len(IMAGE_PREFIX) :], self._lang, self._dir)
            if data is not None:
                renderer = QSvgRenderer(QByteArray(data))
                if renderer.isValid():
                    self._renderers[name] = renderer
        return self._renderers.get(name)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return None
        renderer = self._renderer(QUrl(url).toString())
        if renderer is None:
            return QImage()
        size = QSizeF(renderer.defaultSize())
        if size.width() > self._max_width:
            size = size * (self._max_width / size.width())
        stand_in = QImage(
            max(1, round(size.width())), max(1, round(size.height())), QImage.Format.Format_ARGB32
        )
        stand_in.fill(Qt.GlobalColor.transparent)
        return stand_in

    def image_rects(self) -> list[tuple[QRectF, QSvgRenderer]]:
        """Where each illustration sits, in document coordinates."""
        out: list[tuple[QRectF, QSvgRenderer]] = []
        block = self.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                renderer = self._renderer(QTextImageFormat(fmt).name()) if fmt.isImageFormat() else None
                if renderer is not None:
                    out.append((self._object_rect(block, fragment.position(), renderer), renderer))
                it += 1
            block = block.next()
        return out

    def _object_rect(self, block: QTextBlock, position: int, renderer: QSvgRenderer) -> QRectF:
        """The box of the inline object at ``position``: it sits on the line's baseline."""
        relative = position - block.position()
        line = block.layout().lineForTextPosition(relative)
        if not line.isValid():
            return QRectF()
        x, x_next = _x_of(line, relative), _x_of(line, relative + 1)
        size = QSizeF(renderer.defaultSize())
        width = x_next - x
        height = width * size.height() / size.width() if size.width() else 0.0
        origin = self.documentLayout().blockBoundingRect(block).topLeft()
        top = origin.y() + line.y() + line.ascent() - height
        return QRectF(origin.x() + line.x() + x, top, width, height)


def _x_of(line: QTextLine, position: int) -> float:
    value: Any = line.cursorToX(position)  # PySide6 returns (x, position)
    return float(value[0] if isinstance(value, tuple) else value)


# Layout -----------------------------------------------------------------------------------------

#: The one resolution sheets are laid out at, whatever they are painted on: the preview, a
#: printer (often 600 or 1200 dpi) and a PDF get the same line breaks and page breaks.
LAYOUT_DPI = PDF_DPI


@dataclass
class _Laid:
    """One laid-out document: the contents page, one item of the sheet, or a blank back page."""

    doc: _PrintDocument | None  # None: a blank page before an item that starts a new leaf
    part: int | None  # None: the contents page
    pages: int


def _wrap_words(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a longer word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


class SheetLayout:
    """A sheet laid out once on its paper: every page break, the page count, the contents page.

    The one pagination pass: :meth:`paint` draws the same pages on any paint device (the print
    preview, a printer, a PDF writer), scaled from :data:`LAYOUT_DPI` to the device, so the
    preview, the printout and the saved PDF never differ in pages or page numbers.
    """

    def __init__(self, sheet: Sheet, page: QPageLayout, progress: Progress | None = None) -> None:
        self.sheet, self.page, self._progress = sheet, QPageLayout(page), progress
        # Laid out against a PDF writer at LAYOUT_DPI: font metrics without screen hinting.
        self._buffer = QBuffer()
        self._ref = QPdfWriter(self._buffer)
        self._ref.setResolution(LAYOUT_DPI)
        self._ref.setPageLayout(self.page)
        self._px = LAYOUT_DPI / 72.0  # layout pixels per point
        self.paint_rect = QRectF(QPointF(0, 0), QSizeF(self.page.paintRectPixels(LAYOUT_DPI).size()))
        # The running header and footer grow less than the body; long words wrap onto more
        # lines instead of being cut (large print on narrow paper).
        scale = min(1.2, sheet.body_pt / BODY_PT)
        self.header_font = self._font(9.5 * scale)
        self.header_bold = QFont(self.header_font)
        self.header_bold.setBold(True)
        self.footer_font = self._font(8.5 * scale)
        self.line = QFontMetricsF(self.header_font, self._ref).lineSpacing()
        self.foot_line = QFontMetricsF(self.footer_font, self._ref).lineSpacing()
        self.logo_width = 2 * self.line + 6 * self._px if sheet.header.logo is not None else 0.0
        titles = [sheet.page_title(None), *(sheet.page_title(i) for i in range(len(sheet.parts)))]
        self.header_height = max(len(self._header_rows(t, 99999)) for t in titles) * self.line + 8 * self._px
        footers = [part.footer for part in sheet.parts] or [""]
        self.footer_height = max(len(self._footer_lines(f)) for f in footers) * self.foot_line + 8 * self._px
        self.body = QRectF(
            self.paint_rect.left(),
            self.paint_rect.top() + self.header_height,
            self.paint_rect.width(),
            self.paint_rect.height() - self.header_height - self.footer_height,
        )
        # Qt sizes images in CSS px (96 per inch) and scales them to the device.
        self._image_width = self.body.width() * IMAGE_WIDTH_SHARE * 96 / LAYOUT_DPI
        self._steps = 2 * len(sheet.parts) + (1 if sheet.contents else 0)
        self._done = 0
        self.laid: list[_Laid] = []
        self.total_pages = 0
        self.first_pages: tuple[int, ...] = ()
        self._layout()

    def _font(self, points: float) -> QFont:
        """A font sized in layout pixels, so a scaled painter draws it the same on any device."""
        font = QFont("sans-serif")
        font.setPixelSize(max(1, round(points * self._px)))
        return font

    def _step(self) -> None:
        self._done += 1
        if self._progress is not None and not self._progress(self._done, self._steps):
            raise PrintCancelled()

    # Header and footer words ---------------------------------------------------------------

    def _header_rows(self, title: str, total: int) -> list[tuple[str, str]]:
        """The header's rows (left words, right words): the clinic and "Page X of Y", its
        contacts with the page's title beside them when both fit, else on rows of their own."""
        header = self.sheet.header
        metrics = QFontMetricsF(self.header_font, self._ref)
        width = self.paint_rect.width() - self.logo_width
        rows = [(header.name, page_label(total, total, self.sheet.lang))]
        detail = _wrap_words(header.detail, metrics, width) if header.detail else [""]
        gap = 12 * self._px
        if metrics.horizontalAdvance(detail[-1]) + gap + metrics.horizontalAdvance(title) <= width:
            rows += [(line, "") for line in detail[:-1]] + [(detail[-1], title)]
        else:
            rows += [(line, "") for line in detail if line]
            rows += [("", line) for line in _wrap_words(title, metrics, width)]
        return rows

    def _footer_lines(self, footer: str) -> list[str]:
        """The footer's lines: the item's own line, broken between its pieces (" · ") when
        too long, then the clinic's note, wrapped."""
        metrics = QFontMetricsF(self.footer_font, self._ref)
        width = self.paint_rect.width()
        lines: list[str] = []
        for piece in footer.split(" · "):
            if lines and metrics.horizontalAdvance(f"{lines[-1]} · {piece}") <= width:
                lines[-1] = f"{lines[-1]} · {piece}"
            else:
                lines.append(piece)
        if self.sheet.header.note:
            lines += _wrap_words(self.sheet.header.note, metrics, width)
        return lines

    # Layout --------------------------------------------------------------------------------

    def _document(self, html: str, lang: str = ENGLISH) -> _PrintDocument:
        doc = _PrintDocument(self._image_width, lang)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        use_css_sizes(doc)  # before the page size: the one full layout comes after it
        doc.documentLayout().setPaintDevice(self._ref)
        doc.setPageSize(self.body.size())
        keep_together(doc)
        doc.pageCount()  # lay out again with the moved breaks before looking at the closing
        keep_closing(doc)
        doc.pageCount()  # finish the layout before asking where the illustrations went
        doc.images = [(rect, r) for rect, r in doc.image_rects() if not rect.isEmpty()]
        return doc

    def _layout(self) -> None:
        sheet = self.sheet
        parts: list[_Laid] = []
        for index, part in enumerate(sheet.parts):
            doc = self._document(part.html, part.lang)
            parts.append(_Laid(doc, index, doc.pageCount()))
            self._step()
        counts = [p.pages for p in parts]
        contents: list[_Laid] = []
        contents_pages = 0
        if sheet.contents:
            contents_pages = 1
            doc = self._document(
                sheet.contents_html(first_pages(contents_pages, counts, new_leaf=sheet.new_leaf))
            )
            for _ in range(3):  # settles at once unless the contents run past a page
                if doc.pageCount() == contents_pages:
                    break
                contents_pages = doc.pageCount()
                doc = self._document(
                    sheet.contents_html(first_pages(contents_pages, counts, new_leaf=sheet.new_leaf))
                )
            contents = [_Laid(doc, None, doc.pageCount())]
            self._step()
        self.first_pages = first_pages(contents_pages, counts, new_leaf=sheet.new_leaf)
        laid = list(contents)
        number = contents_pages
        for item, first in zip(parts, self.first_pages, strict=True):
            if first > number + 1:  # a blank back page, so the item starts on a new leaf
                laid.append(_Laid(None, laid[-1].part if laid else None, first - number - 1))
            laid.append(item)
            number = first + item.pages - 1
        self.laid = laid
        self.total_pages = total_pages(contents_pages, counts, new_leaf=sheet.new_leaf)
        assert self.total_pages == sum(item.pages for item in laid)

    def fits(self, device: QPagedPaintDevice) -> bool:
        """True when ``device`` has this layout's paper (else lay out again for it). A printer
        driver that nudges the margins (CUPS keeps to a printer's own) gets these very pages:
        they are drawn from its printable area's corner, within our wider margins."""
        theirs = device.pageLayout()
        return theirs.pageSize().isEquivalentTo(self.page.pageSize()) and (
            theirs.orientation() == self.page.orientation()
        )

    # Painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, device: QPagedPaintDevice) -> int:
        """Paint every page on ``painter`` (already begun on ``device``); returns the page count."""
        number = 0
        painter.save()
        painter.scale(device.logicalDpiX() / LAYOUT_DPI, device.logicalDpiY() / LAYOUT_DPI)
        try:
            for item in self.laid:
                for page in range(item.pages):
                    if number:
                        device.newPage()
                    number += 1
                    self._paint_frame(painter, item.part, number)
                    if item.doc is None:
                        self._paint_blank(painter)
                    else:
                        self._paint_body(painter, item.doc, page)
                if item.part is not None and item.doc is not None:
                    self._step()
        finally:
            painter.restore()
        return number

    def _paint_blank(self, painter: QPainter) -> None:
        painter.save()
        words = BLANK_PAGE.get(self.sheet.lang, BLANK_PAGE[ENGLISH])
        painter.setFont(_for_words(self.footer_font, words))
        painter.setPen(QColor(PRINT.muted))
        painter.drawText(self.body, Qt.AlignmentFlag.AlignCenter, words)
        painter.restore()

    def _paint_body(self, painter: QPainter, doc: _PrintDocument, page: int) -> None:
        height = self.body.height()
        painter.save()
        painter.translate(self.body.left(), self.body.top() - page * height)
        clip = QRectF(0, page * height, self.body.width(), height)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette.setColor(context.palette.ColorRole.Text, QColor("black"))
        doc.documentLayout().draw(painter, context)
        for rect, renderer in doc.images:
            if rect.intersects(clip):
                renderer.render(painter, rect)
        painter.restore()

    def _paint_frame(self, painter: QPainter, part: int | None, number: int) -> None:
        header, rect = self.sheet.header, self.paint_rect
        line = self.line
        painter.save()
        painter.setPen(QColor("black"))
        left = rect.left()
        if header.logo is not None:
            size = 2 * line
            _draw_logo(painter, header.logo, QRectF(left, rect.top(), size, size))
            left += self.logo_width
        rows = self._header_rows(self.sheet.page_title(part), self.total_pages)
        rows[0] = (rows[0][0], page_label(number, self.total_pages, self.sheet.lang))
        centre = Qt.AlignmentFlag.AlignVCenter
        for index, (left_words, right_words) in enumerate(rows):
            row = QRectF(left, rect.top() + index * line, rect.right() - left, line)
            painter.setFont(_for_words(self.header_bold if index == 0 else self.header_font, left_words))
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | centre, left_words)
            painter.setFont(_for_words(self.header_font, right_words))
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | centre, right_words)
        pen = QPen(QColor(PRINT.rule))
        pen.setWidthF(0.75 * self._px)
        painter.setPen(pen)
        rule_y = rect.top() + len(rows) * line + 3 * self._px
        painter.drawLine(QPointF(rect.left(), rule_y), QPointF(rect.right(), rule_y))
        foot_top = rect.bottom() - self.footer_height + 5 * self._px
        painter.drawLine(QPointF(rect.left(), foot_top), QPointF(rect.right(), foot_top))
        painter.setPen(QColor("black"))
        painter.setFont(self.footer_font)
        footer = self.sheet.parts[part].footer if part is not None else self.sheet.parts[0].footer
        for index, words in enumerate(self._footer_lines(footer)):
            painter.setFont(_for_words(self.footer_font, words))
            painter.drawText(
                QRectF(
                    rect.left(),
                    foot_top + 3 * self._px + index * self.foot_line,
                    rect.width(),
                    self.foot_line,
                ),
                Qt.AlignmentFlag.AlignLeft | centre,
                words,
            )
        painter.restore()


_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _for_words(font: QFont, words: str) -> QFont:
    """``font``, or for words with Chinese in them the shipped CJK font first (as the sheet's
    body, see ``sheet_words.FONT_FAMILIES``): its glyphs map to one character each, so the
    PDF's text says 日, never the look-alike radical ⽇ a system CJK font can give."""
    if not _CJK.search(words):
        return font
    chinese = QFont(font)
    chinese.setFamilies([CJK_FAMILY, *font.families()])
    return chinese


def _draw_logo(painter: QPainter, path: Path, rect: QRectF) -> None:
    """The clinic's logo inside ``rect``, keeping its shape (SVG stays a vector)."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if renderer.isValid():
            size = QSizeF(renderer.defaultSize()).scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(painter, QRectF(rect.topLeft(), size))
        return
    image = QImage(str(path))
    if not image.isNull():
        size = QSizeF(image.size()).scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(rect.topLeft(), size), image)


def use_css_sizes(doc: QTextDocument) -> None:
    """Let the stylesheet's pt sizes win over the size steps Qt gives <h1>-<h6>.

    Qt's HTML import marks headings with a font size *adjustment* that overrides a CSS
    font-size, so large print would enlarge the text but not its headings. Call it before
    the document is paginated: Qt's incremental relayout after these changes can leave later
    blocks of a paginated document without lines.
    """
    adjustment = QTextFormat.Property.FontSizeAdjustment
    fixes = []  # collected first: changing formats while iterating fragments invalidates them
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.hasProperty(adjustment) and fmt.hasProperty(QTextFormat.Property.FontPointSize):
                fmt.clearProperty(adjustment)
                fixes.append((fragment.position(), fragment.length(), fmt))
            it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    for position, length, fmt in fixes:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)


# Keeping things together ---------------------------------------------------------------------------


def _page_of(y: float, height: float) -> int:
    """The page a y position falls on; Qt rounds positions, so allow a device pixel."""
    return math.floor((y + 1) / height)


def _lines_on_first_page(block: QTextBlock, top: float, height: float) -> tuple[int, int]:
    """How many of ``block``'s lines sit on its first page, and how many in all."""
    layout = block.layout()
    first = _page_of(top, height)
    count = layout.lineCount()
    on_first = sum(1 for i in range(count) if _page_of(top + layout.lineAt(i).y(), height) == first)
    return on_first, count


def keep_together(doc: QTextDocument) -> int:
    """Move page breaks so nothing short is split at a page foot; returns the breaks added.

    A heading goes with the first lines of what follows it; a list item, a paragraph of up to
    four lines, or a box (table) shorter than a page moves whole to the next page; a longer
    paragraph keeps at least two lines on each side (no widows or orphans).
    """
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    added = 0
    items = _top_level(doc)
    for index, item in enumerate(items):
        if isinstance(item, QTextFrame):
            rect = layout.frameBoundingRect(item)
            if rect.height() < height * 0.9 and _page_of(rect.top(), height) != _page_of(
                rect.bottom() - 2, height
            ):
                _set_break(item, QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                added += 1
            continue
        block = item
        rect = layout.blockBoundingRect(block)
        if not block.isValid() or rect.height() <= 0:
            continue
        page = _page_of(rect.top(), height)
        if page != _page_of(rect.top() - 2, height) or rect.top() <= 0:
            continue  # already at the top of a page
        move = False
        if block.blockFormat().headingLevel() > 0:
            # A heading goes with the first lines of the text under it, past any subheadings.
            following = next((x for x in items[index + 1 :] if not _is_heading(x)), None)
            if isinstance(following, QTextBlock):
                next_rect = layout.blockBoundingRect(following)
                if _page_of(next_rect.top(), height) != page:
                    move = True
                else:
                    on_first, count = _lines_on_first_page(following, next_rect.top(), height)
                    move = on_first < min(2, count)
            elif isinstance(following, QTextFrame):
                move = _page_of(layout.frameBoundingRect(following).top(), height) != page
        elif _page_of(rect.bottom() - 2, height) != page and rect.height() < height / 2:
            on_first, count = _lines_on_first_page(block, rect.top(), height)
            move = block.textList() is not None or count <= 4 or on_first < 2 or count - on_first < 2
        if move:
            first = index  # the headings right above it go with it
            while first > 0 and _is_heading(items[first - 1]):
                first -= 1
            _set_break(items[first], QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            added += 1
    if added:
        doc.markContentsDirty(0, doc.characterCount())
    return added


def keep_closing(doc: QTextDocument) -> bool:
    """Keep an item's sources and disclaimer on a page with some of its content.

    They start at the :data:`~breastedu.core.render.sheets.CLOSING_ANCHOR`. When they would
    open a page of their own, or be split so the disclaimer ends up alone, the item before them
    (with the headings right above it) moves to the next page with them. A closing that
    cannot share a page with anything flows as it is. Returns True when a break was moved.
    """
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    items = _top_level(doc)
    mark = next(
        (i for i, item in enumerate(items) if isinstance(item, QTextBlock) and _has_closing(item)), None
    )
    if not mark:
        return False

    def rect(item: QTextBlock | QTextFrame) -> QRectF:
        if isinstance(item, QTextFrame):
            return layout.frameBoundingRect(item)
        return layout.blockBoundingRect(item)

    # Up to the "My questions" box, if any (a table: the sources and disclaimer have none).
    end = next((i for i in range(mark, len(items)) if isinstance(items[i], QTextFrame)), len(items))
    closing = items[mark:end]
    top = rect(closing[0]).top()
    page = _page_of(top, height)
    # Nothing of the item above them on this page (a block's top may sit below a page's top
    # by its margin, so look at where the block before it ends).
    alone = _page_of(rect(items[mark - 1]).bottom() - 2, height) != page
    split = any(_page_of(rect(item).bottom() - 2, height) != page for item in closing)
    natural = sum(rect(item).height() for item in closing)  # without the gap of a page break
    if not (alone or split) or natural > height * 0.9:
        return False
    first = mark - 1
    while first > 0 and _is_blank(items[first]):
        first -= 1  # the empty block Qt puts after a table goes with the table
    while first > 0 and _is_heading(items[first - 1]):
        first -= 1  # headings go with what follows them
    if first <= 0 or natural + sum(rect(item).height() for item in items[first:mark]) > height * 0.95:
        return False
    for item in items[first + 1 : end]:  # breaks moved earlier by keep_together no longer apply
        _set_break(item, QTextFormat.PageBreakFlag.PageBreak_Auto)
    _set_break(items[first], QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    doc.markContentsDirty(0, doc.characterCount())
    return True


def _set_break(item: QTextBlock | QTextFrame, policy: QTextFormat.PageBreakFlag) -> None:
    if isinstance(item, QTextFrame):
        frame_format = item.frameFormat()
        frame_format.setPageBreakPolicy(policy)
        item.setFrameFormat(frame_format)
        return
    block_format = item.blockFormat()
    block_format.setPageBreakPolicy(policy)
    QTextCursor(item).setBlockFormat(block_format)


def _top_level(doc: QTextDocument) -> list[QTextBlock | QTextFrame]:
    """The document's blocks and frames (tables) in order, not looking inside frames."""
    items: list[QTextBlock | QTextFrame] = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        items.append(frame if frame is not None else it.currentBlock())
        it += 1
    return items


def _is_heading(item: QTextBlock | QTextFrame) -> bool:
    return isinstance(item, QTextBlock) and item.blockFormat().headingLevel() > 0


def _is_blank(item: QTextBlock | QTextFrame) -> bool:
    return isinstance(item, QTextBlock) and not item.text().strip()


def _has_closing(block: QTextBlock) -> bool:
    it = block.begin()
    while not it.atEnd():
        if CLOSING_ANCHOR in it.fragment().charFormat().anchorNames():
            return True
        it += 1
    return False


# Entry points ----------------------------------------------------------------------------------------


def paint_layout(layout: SheetLayout, device: QPagedPaintDevice) -> int:
    """Paint an already laid-out sheet on a printer, preview or PDF writer; returns its pages.

    A device with other paper than the layout's (chosen in the print dialog) gets a layout of
    its own first."""
    if not layout.fits(device):
        layout = SheetLayout(layout.sheet, paper_of(device))
    painter = QPainter()
    if not painter.begin(device):
        raise BreastEduError("the printer could not be started")
    try:
        return layout.paint(painter, device)
    finally:
        painter.end()


def paint_sheet(sheet: Sheet, device: QPagedPaintDevice, progress: Progress | None = None) -> int:
    """Lay ``sheet`` out for the device's paper and paint it there; returns the number of pages."""
    return paint_layout(SheetLayout(sheet, paper_of(device), progress), device)


def paper_of(device: QPagedPaintDevice) -> QPageLayout:
    """The device's paper and orientation with our margins: a driver's own margins never change
    where the pages break."""
    theirs = device.pageLayout()
    return QPageLayout(theirs.pageSize(), theirs.orientation(), MARGINS_MM, QPageLayout.Unit.Millimeter)


def print_to_printer(
    sheet: Sheet,
    printer_name: str | None = None,
    *,
    paper: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Print ``sheet`` on the printer called ``printer_name`` (None: the default), no dialog.

    For the kiosk, which prints to the printer its clinic config names. InputError when no
    printer has that name (or there is no printer at all); returns the number of pages.
    """
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise InputError(
            f"there is no printer called {printer_name!r}" if printer_name else "there is no printer set up",
            where="printer",
        )
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(paper))
    printer.setDocName(sheet.title)
    return paint_sheet(sheet, printer, progress)


def pdf_bytes(
    sheet: Sheet | SheetLayout, *, paper: str | None = None, progress: Progress | None = None
) -> tuple[bytes, int]:
    """``sheet`` (or a sheet already laid out) as the bytes of a PDF file, and its pages."""
    layout = sheet if isinstance(sheet, SheetLayout) else SheetLayout(sheet, page_layout(paper), progress)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout.page)
    writer.setTitle(layout.sheet.title)
    writer.setCreator("BreastEdu")
    pages = paint_layout(layout, writer)
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(
    sheet: Sheet | SheetLayout, path: Path, *, paper: str | None = None, progress: Progress | None = None
) -> int:
    """Write ``sheet`` (or a sheet already laid out) as a PDF at ``path``, atomically; returns
    the number of pages.

    A handout gets ordinary permissions (as her umask makes them: colleagues can open it in a
    shared folder); her own data (the visit sheet) is readable by her only. Nothing is left at
    ``path`` when it fails or is cancelled (InputError names an unwritable path; PrintCancelled
    when ``progress`` returned False).
    """
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder, not a file name", where=str(path))
    if not path.parent.is_dir():
        raise InputError("cannot write the file (no such folder)", where=str(path))
    data, pages = pdf_bytes(sheet, paper=paper, progress=progress)
    private = (sheet.sheet if isinstance(sheet, SheetLayout) else sheet).private
    write_atomic(path, data, mode=PRIVATE if private else SHARED)
    return pages
