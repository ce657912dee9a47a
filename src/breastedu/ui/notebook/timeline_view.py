"""Her follow-ups as a picture: the timeline core draws (two months back to a year ahead,
done, due soon, overdue), in the theme's colours, above the list. The list stays the way to
act on a follow-up; the picture says when, at a glance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from breastedu.core.notebook.dto import FollowUp
from breastedu.core.notebook.timeline import Timeline, build_timeline, timeline_svg
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.theme import current_palette

#: The narrowest width the picture is drawn at; a narrower pane shows it scaled down (its
#: words stay whole rather than overlapping).
MIN_DRAW_PX = 520


class TimelineView(QWidget):
    """The follow-up timeline, as wide as the pane, as tall as its rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupTimeline")
        self.setAccessibleName(translate("notebook.timeline_view", "My follow-ups on a timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.timeline: Timeline | None = None
        self._renderer = QSvgRenderer(self)
        self._drawn_width = 0

    def set_followups(self, items: Sequence[FollowUp], today: dt.date) -> None:
        """Show ``items`` as they stand on ``today`` (hidden while there are none)."""
        self.timeline = build_timeline(items, today, lang=current_language())
        self.setAccessibleDescription(self.timeline.describe())
        self.setToolTip(self.timeline.describe())
        self.setVisible(bool(items))
        self._redraw()

    def _redraw(self) -> None:
        if self.timeline is None:
            return
        width = max(MIN_DRAW_PX, self.width())
        svg = timeline_svg(self.timeline, current_palette(), width=width)
        self._renderer.load(QByteArray(svg.encode("utf-8")))
        self._drawn_width = width
        size = self._renderer.defaultSize()
        self.setFixedHeight(round(size.height() * self.width() / max(1, size.width())) if self.width() else 0)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if max(MIN_DRAW_PX, self.width()) != self._drawn_width:
            self._redraw()
        elif self.timeline is not None:
            size = self._renderer.defaultSize()
            self.setFixedHeight(round(size.height() * self.width() / max(1, size.width())))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._redraw()  # a new theme: the picture in its colours

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.timeline is None or not self._renderer.isValid():
            return
        painter = QPainter(self)
        self._renderer.render(painter, QRectF(0, 0, self.width(), self.height()))
        painter.end()
