"""The reader pane: shows a page's HTML; app links navigate, web links are never followed.

QTextBrowser would try to load any clicked URL itself (a web link blanks the page), so it
gets ``openLinks=False`` and every click goes through :meth:`ReaderPane._on_anchor`. Images
load only from the bundled illustrations, rendered from SVG at twice the pixel density so
they stay crisp. A glossary term shows its definition on hover, on keyboard focus (Tab) and
on click, in a bar under the page, without leaving it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from urllib.parse import urlencode

from PySide6.QtCore import QByteArray, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFocusEvent,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.content.dto import GlossaryEntry
from breastedu.core.render.drawings import themed_drawing
from breastedu.core.render.html import APP_SCHEME, page_css
from breastedu.core.search.highlight import Marker
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.theme import current_palette

BASE_POINT_SIZE = 13
_IMAGE_PREFIX = "image/"
_GLOSSARY_PREFIX = "glossary/"
#: The reading column never grows past this many characters per line (WCAG 1.4.8 says 80);
#: wider windows get margins instead, the column centred.
MAX_LINE_CHARS = 76
SIDE_MARGIN_PX = 14
# Measured on running English text, not on the font's average glyph (which overstates it).
_SAMPLE = (
    "The doctor said to come back in six months for another mammogram, and to call if anything changes. "
)


class _Browser(QTextBrowser):
    """A QTextBrowser that serves ``breastedu:image/NAME`` from the illustrations folder only.

    Signals:
        link_focused(str): Tab / Shift+Tab moved the keyboard focus onto a link (its href).
    """

    link_focused = Signal(str)

    def __init__(self, images_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images_dir = images_dir
        self.image_scale = 1.0
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Text always wraps and pictures fit the column, so nothing needs sideways scrolling; a
        # box's border a pixel past the column (Thyroid nodules) showed a useless scrollbar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._marks: list[QTextEdit.ExtraSelection] = []  # the search's
        self._ring: QTextEdit.ExtraSelection | None = None  # round the link Tab moved onto

    def char_width(self) -> float:
        """The width of an average character of running text at the page's font, in pixels."""
        return QFontMetricsF(self.document().defaultFont()).horizontalAdvance(_SAMPLE) / len(_SAMPLE)

    def chars_per_line(self) -> float:
        """How many characters of running text fit on one line of the page now."""
        width = self.viewport().width() - 2 * self.document().documentMargin()
        return width / self.char_width()

    def fit_column(self) -> None:
        """Centre a column of at most :data:`MAX_LINE_CHARS` characters, with equal margins."""
        column = MAX_LINE_CHARS * self.char_width() + 2 * self.document().documentMargin()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        room = self.contentsRect().width() - scrollbar
        side = max(SIDE_MARGIN_PX, int((room - column) / 2))
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_column()
        super().resizeEvent(event)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            if url.scheme() == APP_SCHEME and url.path().startswith(_IMAGE_PREFIX):
                return self._svg_image(url.path()[len(_IMAGE_PREFIX) :])
            return QImage()  # never read local files or anything else
        return None

    def focusNextPrevChild(self, next: bool) -> bool:
        # Qt moves the selection onto the next link here but emits no signal for it.
        moved = super().focusNextPrevChild(next)
        cursor = self.textCursor()
        on_link = moved and cursor.hasSelection() and cursor.charFormat().isAnchor()
        self._ring_link(cursor if on_link else None)
        if on_link:
            self.link_focused.emit(cursor.charFormat().anchorHref())
        return moved

    def set_marks(self, marks: list[QTextEdit.ExtraSelection]) -> None:
        """Show the search's marks (with the focused link's ring, if any)."""
        self._marks = marks
        self._show_selections()

    def _ring_link(self, cursor: QTextCursor | None) -> None:
        """Ring the link the keyboard is on as every other control's focus is ringed (2 px, solid,
        the theme's focus colour; UI review A14): Qt's own mark is a 1 px dotted box in the text
        colour. None: no ring."""
        ring = None
        if cursor is not None:
            ring = QTextEdit.ExtraSelection()
            ring.cursor = QTextCursor(cursor)  # type: ignore[misc]
            ring.format.setProperty(  # type: ignore[attr-defined]
                QTextFormat.Property.OutlinePen, QPen(QColor(current_palette().focus), 2)
            )
        if ring is not None or self._ring is not None:
            self._ring = ring
            self._show_selections()

    def _show_selections(self) -> None:
        self.setExtraSelections([*self._marks, *([self._ring] if self._ring is not None else [])])

    def setHtml(self, text: str) -> None:
        self._ring = None  # (the next line replaces the page the ring was on)
        super().setHtml(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._ring_link(None)
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._ring_link(None)  # a click moves on from the link Tab was on
        super().mousePressEvent(event)

    def _svg_image(self, name: str) -> QImage:
        # The drawing in the theme's colours (dark, high contrast); None for anything that is not
        # a drawing inside the folder (the one path guard, in core).
        data = themed_drawing(name, current_palette(), self.images_dir, current_language())
        if data is None:
            return QImage()
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return QImage()
        size = renderer.defaultSize()
        # Fit the page width, grow with the text size, and draw at 2x for sharp edges.
        # Inside the document margins too: a picture the width of the viewport made the page
        # scroll sideways by a pixel or two (the Thyroid nodules page).
        limit = max(240, self.viewport().width() - 2 * round(self.document().documentMargin()) - 48)
        width = min(limit, round(size.width() * self.image_scale))
        height = round(size.height() * width / max(1, size.width()))
        ratio = 2.0
        image = QImage(QSize(round(width * ratio), round(height * ratio)), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.setDevicePixelRatio(ratio)
        return image


class ReaderPane(QWidget):
    """Shows pages. Signals:

    - ``link_activated(str)``: an app link was clicked (``topic/x``, ``question/y``, ``home``).
    - ``external_link_requested(QUrl)``: a web link was clicked; the window decides.
    - ``page_changed()``: a new page is shown (its outline changed).
    """

    link_activated = Signal(str)
    external_link_requested = Signal(QUrl)
    page_changed = Signal()

    def __init__(self, images_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = _Browser(images_dir, self)
        self.browser.setAccessibleName(translate("library.reader", "Page"))
        # The page's colours come from the theme (glossary terms must not look like web links).
        self.browser.document().setDefaultStyleSheet(page_css(current_palette()))
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.highlighted.connect(self._on_highlighted)
        self.browser.link_focused.connect(self._on_link_focused)
        self._definitions: dict[str, tuple[str, str]] = {}
        self._html = ""

        self.definition_bar = QFrame(self)
        self.definition_bar.setObjectName("definitionBar")
        self.definition_label = QLabel(self.definition_bar)
        self.definition_label.setWordWrap(True)
        self.definition_label.setTextFormat(Qt.TextFormat.RichText)
        self.definition_label.setAccessibleName(translate("library.reader", "Definition"))
        close = QToolButton(self.definition_bar)
        close.setText("✕")
        close.setToolTip(translate("library.reader", "Close the definition"))
        close.setAccessibleName(translate("library.reader", "Close the definition"))
        close.clicked.connect(self.definition_bar.hide)
        bar_layout = QHBoxLayout(self.definition_bar)
        bar_layout.addWidget(self.definition_label, 1)
        bar_layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.definition_bar.hide()

        # On the glossary page only: type words and press Enter to show matching terms.
        self.glossary_filter = QLineEdit(self)
        self.glossary_filter.setPlaceholderText(
            translate("library.reader", "Filter the glossary: type a word, then press Enter")
        )
        self.glossary_filter.setAccessibleName(translate("library.reader", "Filter the glossary"))
        self.glossary_filter.setClearButtonEnabled(True)
        self.glossary_filter.returnPressed.connect(self._on_glossary_filter)
        self.glossary_filter.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.glossary_filter)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.definition_bar)
        self.set_text_size(BASE_POINT_SIZE)

    # Content ------------------------------------------------------------------------------

    def set_glossary(self, entries: Sequence[GlossaryEntry]) -> None:
        """Definitions to show for ``breastedu:glossary/<slug>`` links."""
        self._definitions = {g.slug: (g.term, g.definition) for g in entries}

    def show_html(self, html: str) -> None:
        """Show a page from the top, closing any open definition."""
        self._html = html
        self.definition_bar.hide()
        self.browser.document().clear()  # drop cached images so they re-render at this size
        self.browser.document().setDefaultStyleSheet(page_css(current_palette()))
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(0)
        self.page_changed.emit()

    def set_glossary_filter(self, query: str | None) -> None:
        """Show the glossary filter box holding ``query``; hide it when None (not the glossary)."""
        self.glossary_filter.setVisible(query is not None)
        if query is not None and self.glossary_filter.text() != query:
            self.glossary_filter.setText(query)

    def _on_glossary_filter(self) -> None:
        words = self.glossary_filter.text().strip()
        self.link_activated.emit(f"glossary?{urlencode({'q': words})}" if words else "glossary")

    def html(self) -> str:
        """The HTML being shown."""
        return self._html

    def plain_text(self) -> str:
        """What the page says, as text (for tests and accessibility checks)."""
        return self.browser.toPlainText()

    def scroll_fraction(self) -> float:
        """How far down the page the view is: 0.0 at the top, 1.0 at the bottom."""
        bar = self.browser.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to ``fraction`` of the way down the page (after it is laid out)."""
        self.browser.document().size()  # lays the whole page out, so the maximum is final
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def chars_per_line(self) -> float:
        """Characters of running text per line of the page at its current width."""
        return self.browser.chars_per_line()

    def text_size(self) -> int:
        """The reading text size in points."""
        return self.browser.font().pointSize()

    def set_text_size(self, points: int) -> None:
        """Change the reading text size; pictures grow with it."""
        font = self.browser.font()
        font.setPointSize(points)
        self.browser.setFont(font)
        self.browser.document().setDefaultFont(font)
        self.browser.fit_column()
        self.browser.image_scale = points / BASE_POINT_SIZE
        self.restyle()

    def restyle(self) -> None:
        """Re-render the page in the current theme and text size, keeping the scroll position."""
        self.browser.document().setDefaultStyleSheet(page_css(current_palette()))
        if self._html:
            position = self.browser.verticalScrollBar().value()
            self.browser.document().clear()
            self.browser.setHtml(self._html)
            self.browser.verticalScrollBar().setValue(position)

    def highlight_terms(self, terms: Sequence[str]) -> int:
        """Mark what the search matched (core's one highlighter: words as word prefixes,
        synonym phrases, CJK anywhere) and scroll to the first; returns the count."""
        document = self.browser.document()
        marks: list[QTextEdit.ExtraSelection] = []
        fmt = QTextCharFormat()
        look = current_palette()
        fmt.setBackground(QColor(look.mark_bg))
        fmt.setForeground(QColor(look.mark_text))
        # toRawText keeps one character per document position (block breaks included).
        for start, end in Marker.of(terms).spans(document.toRawText()):
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = fmt  # type: ignore[misc]
            marks.append(selection)
        marks.sort(key=lambda s: s.cursor.position())  # type: ignore[attr-defined]
        self.browser.set_marks(marks)
        if marks:
            first = QTextCursor(marks[0].cursor)  # type: ignore[attr-defined]
            first.clearSelection()
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()
        return len(marks)

    # Links ----------------------------------------------------------------------------------

    def show_definition(self, slug: str) -> bool:
        """Open the definition bar for a glossary term; False if the term is unknown."""
        if slug not in self._definitions:
            return False
        term, definition = self._definitions[slug]
        self.definition_label.setText(
            f"<b>{escape(term, quote=False)}</b>: {escape(definition, quote=False)}"
        )
        self.definition_bar.show()
        return True

    def clear_highlights(self) -> None:
        """Drop the search marks (the search they came from was cleared)."""
        self.browser.set_marks([])

    def scroll_to_position(self, position: int) -> None:
        """Put the block at document ``position`` at the top of the view, with the text
        cursor there (so Tab goes on to the next link from it), and focus the page."""
        document = self.browser.document()
        block = document.findBlock(position)
        layout = document.documentLayout()
        top = layout.blockBoundingRect(block).top() if block.isValid() else 0.0
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        self.browser.verticalScrollBar().setValue(round(top))
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def follow_link(self, href: str) -> None:
        """Do what a click on a link to ``href`` does."""
        self._on_anchor(QUrl(href))

    def _on_anchor(self, url: QUrl) -> None:
        if not url.scheme() and url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())  # an in-page link: the glossary's A–Z
        elif url.scheme() == APP_SCHEME:
            target = url.path() + (f"?{url.query()}" if url.hasQuery() else "")
            if target.startswith(_GLOSSARY_PREFIX):
                self.show_definition(target[len(_GLOSSARY_PREFIX) :])
            else:
                self.link_activated.emit(target)
        elif url.scheme() in ("http", "https", "mailto"):
            self.external_link_requested.emit(url)
        # Anything else (file:, javascript:, ...) is ignored on purpose.

    def _on_link_focused(self, href: str) -> None:
        prefix = f"{APP_SCHEME}:{_GLOSSARY_PREFIX}"
        if href.startswith(prefix):
            self.show_definition(href[len(prefix) :])

    def _on_highlighted(self, url: QUrl) -> None:
        """Hover or Tab focus on a link: a term shows its definition as a tooltip and in the bar."""
        if url.scheme() == APP_SCHEME and url.path().startswith(_GLOSSARY_PREFIX):
            slug = url.path()[len(_GLOSSARY_PREFIX) :]
            if slug in self._definitions:
                term, definition = self._definitions[slug]
                if self.browser.underMouse():
                    QToolTip.showText(QCursor.pos(), f"{term}: {definition}", self.browser)
                else:  # reached by keyboard: the bar is where a screen reader finds it
                    self.show_definition(slug)
