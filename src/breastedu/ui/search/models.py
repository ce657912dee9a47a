"""The search results list: a model over :class:`SearchHit` DTOs and the delegate that paints
each hit as a few short lines (where it is, its title, the snippet with the words marked).

The snippet and the marks come from core's one highlighter
(:mod:`breastedu.core.search.highlight`), cut and worked out once per row, when the row is
first shown (painted, spoken or asked for), not for rows below the fold; the delegate paints
plain text with QTextLayout format ranges, at a fixed row height, so painting a row costs the
same whatever the text (no HTML is parsed and no document is laid out per row)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from breastedu.core.search.highlight import Marker
from breastedu.core.search.service import SearchHit, SearchResults
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from breastedu.ui.common.theme import current_palette

ModelIndex = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE_HTML_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_ROLE = Qt.ItemDataRole.UserRole + 4

KIND_LABELS = {
    "question": QT_TRANSLATE_NOOP("search.models", "Question"),
    "guide": QT_TRANSLATE_NOOP("search.models", "Topic guide"),
    "topic": QT_TRANSLATE_NOOP("search.models", "Topic"),
}
TITLE_LINES, SNIPPET_LINES = 2, 2  # longer text is cut at a line end
PADDING = 6.0
#: Measured for a line's height: Latin with ascender and descender, and a Chinese character,
#: whose fallback font (Noto Sans CJK, the shipped subset) stands taller than most Latin fonts.
_TALLEST = "Ág鈣"
_LINE_HEIGHTS: dict[str, float] = {}  # font key -> line_height (fonts change with A+/A-)

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ResultRow:
    """What the delegate paints for one hit: plain texts and where their marks are."""

    where: str
    title: str
    title_marks: Spans
    snippet: str
    snippet_marks: Spans


def target_of(hit: SearchHit) -> str:
    """The page a hit opens: its question, or its topic's page (a guide's slug is its topic's)."""
    return f"question/{hit.slug}" if hit.kind == "question" else f"topic/{hit.slug}"


def where_label(hit: SearchHit) -> str:
    """ "Question · Breast calcifications", or just the kind when the hit is the topic itself."""
    label = translate("search.models", KIND_LABELS.get(hit.kind, hit.kind.capitalize()))
    if hit.kind == "question" or hit.topic_title != hit.title:
        return f"{label} · {hit.topic_title}"
    return label


class SearchResultsModel(QAbstractListModel):
    """A flat, read-only list over the hits of one :class:`SearchResults`, best first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: SearchResults | None = None
        self._hits: tuple[SearchHit, ...] = ()
        self._marker = Marker.of(())
        self._rows: list[ResultRow | None] = []  # worked out when first asked for

    @property
    def results(self) -> SearchResults | None:
        """The results shown (None when nothing has been searched)."""
        return self._results

    def set_results(self, results: SearchResults | None) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._results = results
        self._hits = results.hits if results is not None else ()
        self._marker = Marker.of(results.terms if results is not None else ())
        self._rows = [None] * len(self._hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        """The hit on ``row`` (None when out of range)."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def _row(self, row: int) -> ResultRow:
        found = self._rows[row]
        if found is None:
            hit = self._hits[row]  # its snippet is built here, for a row shown
            title_marks = tuple(self._marker.spans(hit.title))
            found = self._rows[row] = ResultRow(
                where_label(hit), hit.title, title_marks, hit.snippet, hit.snippet_spans
            )
        return found

    # Qt API -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit_at(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == HIT_ROLE:
            return hit
        if role == TARGET_ROLE:
            return target_of(hit)
        if role == TITLE_HTML_ROLE:
            return self._marker.mark(hit.title)
        if role == ROW_ROLE:
            return self._row(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._row(index.row())
            return f"{row.where}\n{row.snippet}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title}, {hit.topic_title}: {self._row(index.row()).snippet}"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SearchHitDelegate(QStyledItemDelegate):
    """Paints a :class:`ResultRow`: a small "where" line, the title (bold, up to two lines)
    and the snippet (up to two lines), marked words on a warm background and in bold (so a
    hit shows without colour vision too). Every row has the same height."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)  # type: ignore[attr-defined]
        small = QFont(base)
        if base.pointSizeF() > 0:
            small.setPointSizeF(max(base.pointSizeF() - 1.5, 8.0))
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        return small, bold, base

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        small, bold, base = self._fonts(option)
        height = (
            2 * PADDING
            + line_height(small)
            + TITLE_LINES * line_height(bold)
            + SNIPPET_LINES * line_height(base)
            + 4
        )
        return QSize(max(120, self._view.viewport().width()), int(height + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            super().paint(painter, option, index)
            return
        rect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        look = current_palette()
        painter.save()
        accent = palette.color(QPalette.ColorRole.Highlight)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            # The theme's own selection colours, solid, with a bar in its focus colour: a pale
            # wash was barely visible in the light theme.
            painter.fillRect(rect, QColor(look.selection))
            painter.fillRect(rect.x(), rect.y(), 6, rect.height(), QColor(look.focus))
            painter.setPen(QPen(QColor(look.focus), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -2))
        elif state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(accent)
            hover.setAlpha(25)
            painter.fillRect(rect, hover)
        painter.fillRect(rect.x(), rect.bottom(), rect.width(), 1, QColor(0, 0, 0, 28))  # the rule below
        painter.setClipRect(rect)
        small, bold, base = self._fonts(option)
        width = rect.width() - 2 * PADDING
        x, y = rect.x() + PADDING, rect.y() + PADDING
        mark = QTextCharFormat()
        mark.setBackground(QColor(look.mark_bg))
        mark.setForeground(QColor(look.mark_text))
        mark.setFontWeight(QFont.Weight.Bold)
        on_selection = QColor(look.selection_text)
        muted, heading, text = (
            (on_selection, on_selection, on_selection)
            if selected
            else (QColor(look.muted), QColor(look.heading), QColor(look.text))
        )
        y = _draw_lines(painter, row.where, (), small, muted, mark, x, y, width, 1)
        y = _draw_lines(painter, row.title, row.title_marks, bold, heading, mark, x, y, width, TITLE_LINES)
        _draw_lines(
            painter,
            row.snippet,
            row.snippet_marks,
            base,
            text,
            mark,
            x,
            y + 2,
            width,
            SNIPPET_LINES,
        )
        painter.restore()


def line_height(font: QFont) -> float:
    """The height one line of ``font`` takes, Chinese included (a row in zh-TW, or a Chinese
    page in English, must not spill into the next line or row)."""
    known = _LINE_HEIGHTS.get(font.key())
    if known is not None:
        return known
    layout = QTextLayout(_TALLEST, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    _LINE_HEIGHTS[font.key()] = height = max(QFontMetricsF(font).lineSpacing(), line.height())
    return height


def _draw_lines(
    painter: QPainter,
    text: str,
    marks: Spans,
    font: QFont,
    color: QColor,
    mark: QTextCharFormat,
    x: float,
    y: float,
    width: float,
    most: int,
) -> float:
    """Lay ``text`` out in at most ``most`` lines of ``width``, paint it at (x, y) with
    ``marks`` formatted as ``mark``; returns the y below the last line drawn."""
    layout = QTextLayout(text, font)
    ranges = []
    for a, b in marks:
        fr = QTextLayout.FormatRange()
        fr.start, fr.length, fr.format = a, b - a, mark  # type: ignore[misc]
        ranges.append(fr)
    layout.setFormats(ranges)
    step = line_height(font)
    layout.beginLayout()
    drawn = 0
    for drawn in range(1, most + 1):
        line = layout.createLine()
        if not line.isValid():
            drawn -= 1
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, (drawn - 1) * step))
    layout.endLayout()
    painter.setPen(color)
    layout.draw(painter, QPointF(x, y))
    return y + step * (most if most > 1 else drawn)
