"""Paint a composed :class:`~breastedu.core.render.sheets.Sheet` on paper or into a PDF.

One path for everything that prints: the print dialog, the preview, "Save as PDF", the CLI,
the kiosk and the self-test all call :func:`paint_sheet` (or :func:`write_pdf`, which wraps
it). Each item of the sheet is laid out in its own :class:`QTextDocument` at the page's size,
page breaks are moved so no heading, list item, short paragraph or box is split at a page foot,
then every page gets the running header (clinic, page title, "Page X of Y") and footer.

Illustrations are drawn by :class:`_PrintDocument` straight from their SVG files, so they stay
vectors in a PDF. Nothing here needs a window: it runs offscreen and off the GUI thread (a
QGuiApplication must exist).

Example (what the kiosk and the self-test do)::

    sheet = SheetBuilder(content).build(["calcifications"], SheetOptions(large_print=True))
    write_pdf(sheet, Path("calcifications.pdf"), paper="letter")
"""

from __future__ import annotations

import math
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

from breastedu.core import paths
from breastedu.core.errors import BreastEduError, InputError
from breastedu.core.files import write_atomic
from breastedu.core.palette import PRINT
from breastedu.core.render.html import IMAGE_PREFIX
from breastedu.core.render.sheets import BODY_PT, PAPERS, Sheet, first_pages, page_label

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
    stay vectors in a PDF. Any other image source gives nothing (no files, no web).
    """

    def __init__(self, max_width_px: float) -> None:
        super().__init__()
        self._dir = (paths.resources_dir() / "illustrations").resolve()
        self._max_width = max_width_px  # in CSS px (96 per inch), what Qt scales images from
        self._renderers: dict[str, QSvgRenderer] = {}
        #: Where each illustration sits once laid out (set by the painter).
        self.images: list[tuple[QRectF, QSvgRenderer]] = []

    def _renderer(self, name: str) -> QSvgRenderer | None:
        if name not in self._renderers and name.startswith(IMAGE_PREFIX):
            path = (self._dir / name[len(IMAGE_PREFIX) :]).resolve()
            if path.parent == self._dir and path.suffix == ".svg" and path.is_file():
                renderer = QSvgRenderer(str(path))
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


@dataclass
class _Laid:
    """One laid-out document: the contents page or one item of the sheet."""

    doc: _PrintDocument
    part: int | None  # None: the contents page
    pages: int


class SheetPainter:
    """Lays a sheet out for one paint device, then paints its pages."""

    def __init__(self, sheet: Sheet, device: QPagedPaintDevice, progress: Progress | None = None) -> None:
        self.sheet, self.device, self._progress = sheet, device, progress
        dpi = device.logicalDpiY()  # a printer's or PDF writer's resolution
        self._px = dpi / 72.0  # device pixels per point
        layout = device.pageLayout()
        # A painter on a paged device starts at the top left of the area inside the margins.
        self.paint_rect = QRectF(QPointF(0, 0), QSizeF(layout.paintRectPixels(dpi).size()))
        # The running header and footer grow less than the body, so the footer line still fits.
        scale = min(1.2, sheet.body_pt / BODY_PT)
        self.header_font = QFont("sans-serif")
        self.header_font.setPointSizeF(9.5 * scale)
        self.header_bold = QFont(self.header_font)
        self.header_bold.setBold(True)
        self.footer_font = QFont("sans-serif")
        self.footer_font.setPointSizeF(8.5 * scale)
        line = QFontMetricsF(self.header_font, device).lineSpacing()
        foot = QFontMetricsF(self.footer_font, device).lineSpacing()
        gap = 8 * self._px
        self.header_height = 2 * line + gap
        self.footer_height = (2 if sheet.header.note else 1) * foot + gap
        self.body = QRectF(
            self.paint_rect.left(),
            self.paint_rect.top() + self.header_height,
            self.paint_rect.width(),
            self.paint_rect.height() - self.header_height - self.footer_height,
        )
        # Qt sizes images in CSS px (96 per inch) and scales them to the device.
        self._image_width = self.body.width() * IMAGE_WIDTH_SHARE * 96 / dpi
        self._steps = 2 * len(sheet.parts) + (1 if sheet.contents else 0)
        self._done = 0
        self.laid: list[_Laid] = []
        self.total_pages = 0

    def _step(self) -> None:
        self._done += 1
        if self._progress is not None and not self._progress(self._done, self._steps):
            raise PrintCancelled()

    def _document(self, html: str) -> _PrintDocument:
        doc = _PrintDocument(self._image_width)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        use_css_sizes(doc)  # before the page size: the one full layout comes after it
        doc.documentLayout().setPaintDevice(self.device)
        doc.setPageSize(self.body.size())
        keep_together(doc)
        doc.pageCount()  # finish the layout before asking where the illustrations went
        doc.images = [(rect, r) for rect, r in doc.image_rects() if not rect.isEmpty()]
        return doc

    def layout(self) -> int:
        """Lay every item out; returns the number of pages."""
        parts: list[_Laid] = []
        for index, part in enumerate(self.sheet.parts):
            doc = self._document(part.html)
            parts.append(_Laid(doc, index, doc.pageCount()))
            self._step()
        laid = parts
        if self.sheet.contents:
            counts = [p.pages for p in parts]
            contents_pages = 1
            doc = self._document(self.sheet.contents_html(first_pages(contents_pages, counts)))
            for _ in range(3):  # settles at once unless the contents run past a page
                if doc.pageCount() == contents_pages:
                    break
                contents_pages = doc.pageCount()
                doc = self._document(self.sheet.contents_html(first_pages(contents_pages, counts)))
            laid = [_Laid(doc, None, doc.pageCount()), *parts]
            self._step()
        self.laid = laid
        self.total_pages = sum(item.pages for item in laid)
        return self.total_pages

    def paint(self, painter: QPainter) -> int:
        """Paint every page on ``painter`` (already begun on the device); returns the page count."""
        if not self.laid:
            self.layout()
        number = 0
        for item in self.laid:
            for page in range(item.pages):
                if number:
                    self.device.newPage()
                number += 1
                self._paint_frame(painter, item.part, number)
                self._paint_body(painter, item.doc, page)
            if item.part is not None:
                self._step()
        return number

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
        painter.save()
        painter.setPen(QColor("black"))
        left = rect.left()
        line = QFontMetricsF(self.header_font, self.device).lineSpacing()
        if header.logo is not None:
            size = 2 * line
            _draw_logo(painter, header.logo, QRectF(left, rect.top(), size, size))
            left += size + 6 * self._px
        top_line = QRectF(left, rect.top(), rect.right() - left, line)
        second = top_line.translated(0, line)
        painter.setFont(self.header_bold)
        painter.drawText(top_line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, header.name)
        painter.drawText(
            top_line,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            page_label(number, self.total_pages),
        )
        painter.setFont(self.header_font)
        metrics = QFontMetricsF(self.header_font, self.device)
        detail_width = metrics.horizontalAdvance(header.detail) if header.detail else 0.0
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, header.detail)
        title_room = max(0.0, second.width() - detail_width - 12 * self._px)
        title = metrics.elidedText(self.sheet.page_title(part), Qt.TextElideMode.ElideRight, title_room)
        painter.drawText(second, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, title)
        pen = QPen(QColor(PRINT.rule))
        pen.setWidthF(0.75 * self._px)
        painter.setPen(pen)
        rule_y = rect.top() + 2 * line + 3 * self._px
        painter.drawLine(QPointF(rect.left(), rule_y), QPointF(rect.right(), rule_y))
        foot_metrics = QFontMetricsF(self.footer_font, self.device)
        foot_line = foot_metrics.lineSpacing()
        foot_top = rect.bottom() - self.footer_height + 5 * self._px
        painter.drawLine(QPointF(rect.left(), foot_top), QPointF(rect.right(), foot_top))
        painter.setPen(QColor("black"))
        painter.setFont(self.footer_font)
        footer = self.sheet.parts[part].footer if part is not None else self.sheet.parts[0].footer
        text_top = foot_top + 3 * self._px
        painter.drawText(
            QRectF(rect.left(), text_top, rect.width(), foot_line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            foot_metrics.elidedText(footer, Qt.TextElideMode.ElideRight, rect.width()),
        )
        if header.note:
            painter.drawText(
                QRectF(rect.left(), text_top + foot_line, rect.width(), foot_line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                foot_metrics.elidedText(header.note, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()


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


def _break_before(cursor: QTextCursor, block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(fmt)


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
    items: list[QTextBlock | QTextFrame] = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        items.append(frame if frame is not None else it.currentBlock())
        it += 1
    for index, item in enumerate(items):
        if isinstance(item, QTextFrame):
            rect = layout.frameBoundingRect(item)
            if rect.height() < height * 0.9 and _page_of(rect.top(), height) != _page_of(
                rect.bottom() - 2, height
            ):
                fmt = item.frameFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                item.setFrameFormat(fmt)
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
            following = next((x for x in items[index + 1 :]), None)
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
            # A heading just above on the same page goes too, never left alone at the foot.
            previous = items[index - 1] if index > 0 else None
            if (
                isinstance(previous, QTextBlock)
                and previous.blockFormat().headingLevel() > 0
                and _page_of(layout.blockBoundingRect(previous).top(), height) == page
            ):
                block = previous
            _break_before(QTextCursor(block), block)
            added += 1
    if added:
        doc.markContentsDirty(0, doc.characterCount())
    return added


# Entry points ----------------------------------------------------------------------------------------


def paint_sheet(sheet: Sheet, device: QPagedPaintDevice, progress: Progress | None = None) -> int:
    """Paint ``sheet`` on a printer or PDF writer; returns the number of pages."""
    painter_ = SheetPainter(sheet, device, progress)
    painter_.layout()
    painter = QPainter()
    if not painter.begin(device):
        raise BreastEduError("the printer could not be started")
    try:
        return painter_.paint(painter)
    finally:
        painter.end()


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
    sheet: Sheet, *, paper: str | None = None, progress: Progress | None = None
) -> tuple[bytes, int]:
    """``sheet`` as the bytes of a PDF file, and its number of pages."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(sheet.title)
    writer.setCreator("BreastEdu")
    pages = paint_sheet(sheet, writer, progress)
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(sheet: Sheet, path: Path, *, paper: str | None = None, progress: Progress | None = None) -> int:
    """Write ``sheet`` as a PDF at ``path``, atomically; returns the number of pages.

    Nothing is left at ``path`` when it fails or is cancelled (InputError names an unwritable
    path; PrintCancelled when ``progress`` returned False).
    """
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder, not a file name", where=str(path))
    if not path.parent.is_dir():
        raise InputError("cannot write the file (no such folder)", where=str(path))
    data, pages = pdf_bytes(sheet, paper=paper, progress=progress)
    write_atomic(path, data)
    return pages
