"""A topic's whole question list as a lazy list: rows are read a page at a time as she
scrolls (``canFetchMore``/``fetchMore``), so a topic of 50,000 questions opens as fast as one
of 5. Each page is one indexed read of :data:`PAGE` rows: bounded work, whatever the size, and
with a runner (as the window and the kiosk give) it runs on a worker, never the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from breastedu.core.content.dto import QuestionRef
from breastedu.core.dates import long_date
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.workers import TaskRunner

ModelIndex = QModelIndex | QPersistentModelIndex
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200

Fetch = Callable[[int, int], tuple[QuestionRef, ...]]  # (offset, limit) -> rows


class QuestionListModel(QAbstractListModel):
    """``total`` questions, of which the first pages are read when a view asks for them."""

    def __init__(
        self, fetch: Fetch, total: int, parent: QWidget | None = None, *, runner: TaskRunner | None = None
    ) -> None:
        """Without ``runner`` a page is read where it is asked for (tests, small lists)."""
        super().__init__(parent)
        self._fetch = fetch
        self._total = max(0, total)
        self._rows: list[QuestionRef] = []
        self._runner = runner
        self._reading = False  # a page is being read on the runner

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._reading and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._reading:
            return
        if self._runner is None:
            self._add(self._fetch(len(self._rows), PAGE))
            return
        self._reading = True
        self._runner.submit(
            f"question-list-{id(self)}", self._fetch, len(self._rows), PAGE, owner=self, on_done=self._on_read
        )

    def _on_read(self, batch: tuple[QuestionRef, ...]) -> None:
        self._reading = False
        self._add(batch)

    def _add(self, batch: tuple[QuestionRef, ...]) -> None:
        if not batch:
            self._total = len(self._rows)  # the library has fewer than it said: stop asking
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        q = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return q.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            if q.ask_date is None:
                return None
            when = long_date(q.ask_date, current_language())
            return translate("library.question_list", "Asked {date}").format(date=when)
        if role == SLUG_ROLE:
            return q.slug
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class QuestionListPane(QWidget):
    """A heading (rich text with its links) over the lazy list.

    Signals:
        link_activated(str): a link of the heading, or ``question/<slug>`` for an opened row.
    """

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.heading = QLabel(self)
        self.heading.setObjectName("questionListHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(8, 4, 8, 4)
        self.heading.linkActivated.connect(self._on_heading_link)
        self.list = QListView(self)
        self.list.setAccessibleName(translate("library.question_list", "Questions people asked"))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.model: QuestionListModel | None = None

    def show_list(self, heading_html: str, fetch: Fetch, total: int) -> None:
        """Show ``heading_html`` and a fresh lazy list of ``total`` questions."""
        self.heading.setText(heading_html)
        old = self.model
        self.model = QuestionListModel(fetch, total, self, runner=self._runner)
        self.list.setModel(self.model)
        if old is not None:
            old.deleteLater()
        self.list.scrollToTop()

    @Slot(str)
    def _on_heading_link(self, href: str) -> None:
        self.link_activated.emit(href.split(":", 1)[1] if href.startswith("breastedu:") else href)

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if slug:
            self.link_activated.emit(f"question/{slug}")
