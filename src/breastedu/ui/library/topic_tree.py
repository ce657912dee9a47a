"""The topic tree pane: Breast and Thyroid groups with their topics and question counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.content.dto import TopicGroupRef, TopicRef, counts_text
from breastedu.ui.common.i18n import current_language, translate

ModelIndex = QModelIndex | QPersistentModelIndex
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1

# internalId 0 marks a group row; a topic row carries its group's row + 1, so no Python
# object has to be kept alive behind an index pointer.
_GROUP = 0


def _counts(topic: TopicRef) -> str:
    """A topic's counts in words, in the interface's language."""
    return counts_text(topic.question_count, topic.answer_count, current_language())


class TopicTreeModel(QAbstractItemModel):
    """A two-level tree model over :class:`TopicGroupRef` DTOs."""

    def __init__(self, groups: Sequence[TopicGroupRef] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: tuple[TopicGroupRef, ...] = tuple(groups)

    def set_groups(self, groups: Sequence[TopicGroupRef]) -> None:
        """Replace the whole tree."""
        self.beginResetModel()
        self._groups = tuple(groups)
        self.endResetModel()

    def topic_at(self, index: ModelIndex) -> TopicRef | None:
        """The topic behind ``index``, or None for a group row."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1].topics[index.row()]

    def index_of(self, slug: str) -> QModelIndex:
        """The index of the topic or group with ``slug`` (invalid if none)."""
        for g_row, group in enumerate(self._groups):
            if group.slug == slug:
                return self.index(g_row, 0)
            for t_row, topic in enumerate(group.topics):
                if topic.slug == slug:
                    return self.index(t_row, 0, self.index(g_row, 0))
        return QModelIndex()

    # Qt API -----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP:
            return len(self._groups[parent.row()].topics)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        topic = self.topic_at(index)
        group = self._groups[index.row()] if topic is None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if topic is not None:
                return f"{topic.title} ({topic.question_count + topic.answer_count})"
            assert group is not None
            return group.title
        if role == Qt.ItemDataRole.ToolTipRole and topic is not None:
            return f"{topic.summary}\n{_counts(topic)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if topic is not None:
                return f"{topic.title}, {_counts(topic)}"
            assert group is not None
            return translate("library.topic_tree", "{group} topics").format(group=group.title)
        if role == SLUG_ROLE:
            return topic.slug if topic is not None else (group.slug if group else None)
        if role == Qt.ItemDataRole.FontRole and topic is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped name at the view's width (the style sheet's item padding
    makes Qt size every row for one line, and the rest of a long name became "…")."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else option.fontMetrics  # type: ignore[attr-defined]
        depth = 2 if index.parent().isValid() else 1
        room = self.view.viewport().width() - self.view.indentation() * depth - 12
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        wrapped = metrics.boundingRect(QRect(0, 0, max(40, room), 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(
            min(size.width(), max(40, room)), size.height() + max(0, wrapped.height() - metrics.height())
        )


class TopicTreePane(QWidget):
    """The tree view. Signals: ``topic_selected(str)`` with the topic's slug."""

    topic_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TopicTreeModel(parent=self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        # Long names ("Thyroid enlargement (goiter)") wrap onto a second line, never "…".
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(_WrappingDelegate(self.view))
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # wrap at the view's width
        self.view.viewport().installEventFilter(self)  # and wrap again when it changes
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(translate("library.topic_tree", "Topics"))
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.view.scheduleDelayedItemsLayout()  # row heights follow the new line breaks
        return super().eventFilter(watched, event)

    def set_groups(self, groups: Sequence[TopicGroupRef]) -> None:
        """Show ``groups`` fully expanded."""
        self.model.set_groups(groups)
        self.view.expandAll()

    def select_topic(self, slug: str | None) -> None:
        """Highlight the topic being read (or nothing) without emitting a signal."""
        index = self.model.index_of(slug) if slug else QModelIndex()
        blocked = self.view.blockSignals(True)
        if index.isValid():
            self.view.setCurrentIndex(index)
        else:
            self.view.clearSelection()
        self.view.blockSignals(blocked)

    def _on_activated(self, index: QModelIndex) -> None:
        topic = self.model.topic_at(index)
        if topic is not None:
            self.topic_selected.emit(topic.slug)
