"""The search results list: a model over :class:`SearchHit` DTOs and the delegate that draws
each hit as three short lines (where it is, its title, the snippet with the words marked)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from breastedu.core.palette import Palette
from breastedu.core.search.service import SearchHit, SearchResults
from breastedu.ui.theme import current_palette

ModelIndex = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE_HTML_ROLE = Qt.ItemDataRole.UserRole + 3

KIND_LABELS = {"question": "Question", "guide": "Topic guide", "topic": "Topic"}
_TAG = re.compile(r"<[^>]*>")
BLOCK_LINES = (1, 2, 2)  # lines shown of kind/topic, title and snippet; the rest is clipped
PADDING = 6.0


def _styled_marks(fragment: str, look: Palette) -> str:
    # QTextDocument does not know <mark>: give it an inline-styled span instead. A warm
    # background plus weight, so the hit shows without colour vision too.
    mark = f'<span style="background-color:{look.mark_bg}; color:{look.mark_text}; font-weight:600;">'
    return fragment.replace("<mark>", mark).replace("</mark>", "</span>")


def target_of(hit: SearchHit) -> str:
    """The page a hit opens: its question, or its topic's page (a guide's slug is its topic's)."""
    return f"question/{hit.slug}" if hit.kind == "question" else f"topic/{hit.slug}"


def plain_snippet(hit: SearchHit) -> str:
    """The snippet without its marks, as plain text."""
    return html.unescape(_TAG.sub("", hit.snippet_html))


def mark_words(text: str, terms: Sequence[str]) -> str:
    """``text`` escaped, with ``<mark>`` around words that start with one of ``terms`` (any
    case), the way the page highlights them. CJK terms match anywhere (no word breaks)."""
    parts = [
        rf"(?<!\w){re.escape(t)}\w*" if t[:1].isascii() else re.escape(t)
        for t in sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    ]
    if not parts:
        return html.escape(text)
    out, last = [], 0
    for match in re.finditer("|".join(parts), text, flags=re.IGNORECASE):
        out += [html.escape(text[last : match.start()]), "<mark>", html.escape(match.group()), "</mark>"]
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def where_label(hit: SearchHit) -> str:
    """ "Question · Breast calcifications", or just the kind when the hit is the topic itself."""
    label = KIND_LABELS.get(hit.kind, hit.kind.capitalize())
    if hit.kind == "question" or hit.topic_title != hit.title:
        return f"{label} · {hit.topic_title}"
    return label


class SearchResultsModel(QAbstractListModel):
    """A flat, read-only list over the hits of one :class:`SearchResults`, best first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: SearchResults | None = None
        self._hits: tuple[SearchHit, ...] = ()
        self._titles: tuple[str, ...] = ()

    @property
    def results(self) -> SearchResults | None:
        """The results shown (None when nothing has been searched)."""
        return self._results

    def set_results(self, results: SearchResults | None) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._results = results
        self._hits = results.hits if results is not None else ()
        terms = results.terms if results is not None else ()
        self._titles = tuple(mark_words(hit.title, terms) for hit in self._hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        """The hit on ``row`` (None when out of range)."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    # Qt API -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit_at(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{where_label(hit)}\n{plain_snippet(hit)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title}, {hit.topic_title}: {plain_snippet(hit)}"
        if role == HIT_ROLE:
            return hit
        if role == TARGET_ROLE:
            return target_of(hit)
        if role == TITLE_HTML_ROLE:
            return self._titles[index.row()]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SearchHitDelegate(QStyledItemDelegate):
    """Paints a hit as rich text (QTextDocument): a few lines, the matched words marked.

    Rows wrap to the view's width, so the view should use ``ResizeMode.Adjust``.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._cache: dict[tuple[SearchHit, str, int, str, str], tuple[QTextDocument, float]] = {}

    def clear_cache(self) -> None:
        """Forget laid-out rows (call when the results or the font change)."""
        self._cache.clear()

    def _layout(
        self, index: ModelIndex, hit: SearchHit, option: QStyleOptionViewItem
    ) -> tuple[QTextDocument, float]:
        """The row's document laid out at the view's width, and the bottom of the last line
        shown (see :data:`BLOCK_LINES`): text below it is clipped, never half a line."""
        width = max(120, self._view.viewport().width())
        title = str(index.data(TITLE_HTML_ROLE) or html.escape(hit.title))
        look = current_palette()
        key = (hit, title, width, option.font.key(), look.name)  # type: ignore[attr-defined]
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        font = option.font  # type: ignore[attr-defined]
        size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(PADDING)
        doc.setHtml(
            f'<div style="font-size:{size - 1.5:.1f}pt; color:{look.muted};">'
            f"{html.escape(where_label(hit))}</div>"
            f'<div style="font-weight:600; color:{look.heading};">{_styled_marks(title, look)}</div>'
            f'<div style="color:{look.text};">{_styled_marks(hit.snippet_html, look)}</div>'
        )
        doc.setTextWidth(width)
        bottom = PADDING
        layout = doc.documentLayout()
        block = doc.begin()
        for most in BLOCK_LINES:  # kind/topic, title, snippet: each shows at most so many lines
            if not block.isValid():
                break
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            for i in range(min(most, text_layout.lineCount())):
                line = text_layout.lineAt(i)
                bottom = top + line.y() + line.height()
            block = block.next()
        result = (doc, bottom)
        if len(self._cache) > 500:  # rows re-lay out on resize; keep the cache bounded
            self._cache.clear()
        self._cache[key] = result
        return result

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return super().sizeHint(option, index)
        _doc, bottom = self._layout(index, hit, option)
        return QSize(max(120, self._view.viewport().width()), int(bottom + PADDING + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        rect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        painter.save()
        # A light wash of the highlight colour keeps the dark text and the marks readable.
        accent = palette.color(QPalette.ColorRole.Highlight)
        if state & QStyle.StateFlag.State_Selected:
            wash = QColor(accent)
            wash.setAlpha(70)
            painter.fillRect(rect, wash)
            painter.fillRect(rect.x(), rect.y(), 4, rect.height(), accent)
        elif state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(accent)
            hover.setAlpha(25)
            painter.fillRect(rect, hover)
        painter.setPen(QColor(0, 0, 0, 28))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        doc, bottom = self._layout(index, hit, option)
        painter.translate(QPointF(rect.topLeft()))
        clip = QRectF(0, 0, rect.width(), min(bottom, rect.height()))
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, context)
        painter.restore()
