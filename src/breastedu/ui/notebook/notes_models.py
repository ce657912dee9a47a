"""List models of the notes pane: her notes labelled with their topic, and the
questions-for-my-doctor checklist. Both are flat lists over :class:`Note` DTOs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from breastedu.core.dates import long_date
from breastedu.core.notebook.dto import Note
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, current_language, translate

ModelIndex = QModelIndex | QPersistentModelIndex
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


def _first_line(text: str, limit: int = 90) -> str:
    line = next((part.strip() for part in text.split("\n") if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def topic_label(slug: str | None, titles: Mapping[str, str]) -> str:
    """A topic's display name: its title when known, else its slug in words."""
    if slug is None:
        return translate("notebook.notes_models", "Free notes")
    return titles.get(slug) or slug.replace("-", " ").capitalize()


class _NoteRows(QAbstractListModel):
    """Rows over :class:`Note` DTOs: what both note lists share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes: list[Note] = []

    def set_notes(self, notes: Sequence[Note]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._notes = list(notes)
        self.endResetModel()

    def note_at(self, row: int) -> Note | None:
        """The note on ``row`` (None when out of range)."""
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def notes(self) -> tuple[Note, ...]:
        """Every row's note."""
        return tuple(self._notes)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)


class NotesListModel(_NoteRows):
    """A flat list over :class:`Note` DTOs, each row labelled with its topic and page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic_titles: dict[str, str] = {}
        #: Label rows with the date written instead of the topic (notes on one page).
        self.by_date = False

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None:
            return None
        where = topic_label(note.topic_slug, self.topic_titles)
        if note.link is not None and note.link.kind == "question":
            where = f"{where} · {note.link.title}"
        if self.by_date:
            when = note.updated_at.astimezone()
            written = long_date(when.date(), current_language())
            where = translate("notebook.notes_models", "Written {date}").format(date=written)
        if note.damaged:
            where = f"{where} · {translate('notebook.notes_models', DAMAGED_LABEL)}"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{where}\n{_first_line(note.text)}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{where}: {note.text[:500]}"
        if role == NOTE_ROLE:
            return note
        return None


#: Shown on a note whose stored text was partly unreadable (bad bytes show as U+FFFD).
DAMAGED_LABEL = QT_TRANSLATE_NOOP("notebook.notes_models", "some characters could not be read")


class QuestionsModel(_NoteRows):
    """The questions-for-my-doctor checklist: one checkable row per note, ticked when asked.

    Signals:
        asked_toggled(int, bool): she ticked or unticked the note with this id.
    """

    asked_toggled = Signal(int, bool)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None:
            return None
        about = f"\nAbout: {note.link.title}" if note.link is not None else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return _first_line(note.text) + about
        if role == Qt.ItemDataRole.FontRole and note.asked:
            font = QFont()
            font.setStrikeOut(True)  # asked: ticked AND struck through, not colour alone
            return font
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if note.asked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            asked = (
                translate("notebook.notes_models", "Asked")
                if note.asked
                else translate("notebook.notes_models", "Not asked yet")
            )
            return f"{asked}: {note.text[:500]}{about}"
        if role == NOTE_ROLE:
            return note
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        asked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        # Shown at once; the pane writes it and the next refresh shows what was stored.
        self._notes[index.row()] = replace(note, asked=asked)
        self.dataChanged.emit(index, index, [role])
        self.asked_toggled.emit(note.id, asked)
        return True
