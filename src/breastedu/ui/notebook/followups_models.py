"""The follow-up list model: each row says its state in words *and* with a coloured icon.

Colour is never the only sign (WCAG 1.4.1): the state is written out ("Overdue, 5 days
late"), the icon carries a symbol as well as a colour, and every colour used for text or
background keeps at least 4.5:1 contrast with the text on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from breastedu.core import dates
from breastedu.core.notebook.dto import FollowUp, FollowUpState
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, current_language, translate
from breastedu.ui.common.theme import current_palette

ModelIndex = QModelIndex | QPersistentModelIndex
FOLLOWUP_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_PX = 28


#: state -> (label, palette role of the icon, icon symbol, palette role of the row tint)
_LOOK: dict[FollowUpState, tuple[str, str, str, str]] = {
    FollowUpState.OVERDUE: (
        QT_TRANSLATE_NOOP("notebook.followups_models", "Overdue"),
        "overdue",
        "!",
        "overdue_bg",
    ),
    FollowUpState.DUE_SOON: (
        QT_TRANSLATE_NOOP("notebook.followups_models", "Due soon"),
        "due_soon",
        "◷",
        "due_soon_bg",
    ),
    FollowUpState.UPCOMING: (QT_TRANSLATE_NOOP("notebook.followups_models", "Upcoming"), "upcoming", "›", ""),
    FollowUpState.DONE: (QT_TRANSLATE_NOOP("notebook.followups_models", "Done"), "done", "✓", ""),
}
_icons: dict[tuple[FollowUpState, str], QIcon] = {}


def long_date(day: dt.date) -> str:
    """A date with the month spelled out ("3 March 2027"): never mistaken for 03/03 vs 3/3;
    in Chinese ``2027年3月3日`` (``core.dates``, as on every page)."""
    return dates.long_date(day, current_language())


def state_text(item: FollowUp) -> str:
    """The state in words: "Overdue, 5 days late", "Due soon, in 3 days", "Done on 2 March 2026"."""
    if item.state is FollowUpState.DONE and item.done_on is not None:
        return translate("notebook.followups_models", "Done on {date}").format(date=long_date(item.done_on))
    label = translate("notebook.followups_models", _LOOK[item.state][0])
    days = abs(item.days_left)
    if item.days_left < 0:
        late = (
            translate("notebook.followups_models", "{label}, 1 day late")
            if days == 1
            else translate("notebook.followups_models", "{label}, {n} days late")
        )
        return late.format(label=label, n=days)
    if item.days_left == 0:
        return translate("notebook.followups_models", "Due today")  # not "Due soon: today"
    soon = (
        translate("notebook.followups_models", "{label}, in 1 day")
        if days == 1
        else translate("notebook.followups_models", "{label}, in {n} days")
    )
    return soon.format(label=label, n=days)


def state_icon(state: FollowUpState) -> QIcon:
    """A filled circle in the state's colour with a symbol (drawn once per theme, then cached)."""
    look = current_palette()
    key = (state, look.name)
    if key not in _icons:
        _label, role, symbol, _bg = _LOOK[state]
        colour = look.role(role)
        pixmap = QPixmap(ICON_PX * 2, ICON_PX * 2)
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(1, 1, ICON_PX - 2, ICON_PX - 2))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(ICON_PX * 0.6))
        painter.setFont(font)
        painter.setPen(QColor(look.base))
        painter.drawText(QRectF(0, 0, ICON_PX, ICON_PX), Qt.AlignmentFlag.AlignCenter, symbol)
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


class FollowUpsModel(QAbstractListModel):
    """A flat list over :class:`FollowUp` DTOs in the service's order (open ones first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[FollowUp, ...] = ()

    def set_followups(self, items: Sequence[FollowUp]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._items = tuple(items)
        self.endResetModel()

    def followup_at(self, row: int) -> FollowUp | None:
        """The follow-up on ``row`` (None when out of range)."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, followup_id: int) -> int:
        """The row showing ``followup_id``, or -1."""
        return next((r for r, f in enumerate(self._items) if f.id == followup_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.followup_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            due = translate("notebook.followups_models", "due {date}").format(date=long_date(item.due))
            lines = [item.title, f"{state_text(item)} · {due}"]
            extra = [item.repeat.describe(current_language()).capitalize()] if item.repeat.repeats else []
            if item.link is not None:
                extra.append(
                    translate("notebook.followups_models", "About: {title}").format(title=item.link.title)
                )
            if extra:
                lines.append(" · ".join(extra))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(item.state)
        if role == Qt.ItemDataRole.BackgroundRole and _LOOK[item.state][3]:
            return QBrush(QColor(current_palette().role(_LOOK[item.state][3])))
        if role == Qt.ItemDataRole.ForegroundRole and _LOOK[item.state][3]:
            return QBrush(QColor(current_palette().tint_text))  # readable on the tint
        if role == Qt.ItemDataRole.FontRole and item.state is not FollowUpState.DONE:
            font = QFont()
            font.setBold(item.state is FollowUpState.OVERDUE)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            note = (
                translate("notebook.followups_models", ". Note: {note}").format(note=item.note)
                if item.note
                else ""
            )
            due = translate("notebook.followups_models", "due {date}").format(date=long_date(item.due))
            return (
                f"{item.title}: {state_text(item)}, {due}, {item.repeat.describe(current_language())}{note}"
            )
        if role == FOLLOWUP_ROLE:
            return item
        return None
