"""The print basket pane: the sheets of her handout pack, in print order.

She reorders (Move up / Move down, or Ctrl+Up / Ctrl+Down), removes, clears, and prints,
previews or saves the pack. Each change is a named operation of the core
:class:`~breastedu.core.notebook.basket.BasketService`, run on the TaskRunner's writer
thread; the pane shows the basket each write returns. Printing itself belongs to the window:
the pane only asks for it with the slugs in order.

Signals:
    print_requested(list), preview_requested(list), save_requested(list): the pack's slugs.
    builder_requested(): "Add topics and answers…": the window opens the pack builder.
    open_requested(str): open ``topic/<slug>`` or ``question/<slug>`` in the reader.
    basket_changed(int): the basket now holds this many sheets.
    user_data_changed(str): ``"basket"`` after each completed write (see ``ui/common/user_data.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.notebook.basket import BasketItem, BasketService
from breastedu.ui.common.flow_layout import FlowLayout
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from breastedu.ui.common.user_data import ALL, BASKET
from breastedu.ui.common.widgets import TARGET_PX
from breastedu.ui.common.workers import TaskRunner

ModelIndex = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_KIND_WORDS = {
    "topic": QT_TRANSLATE_NOOP("notebook.basket_pane", "Topic sheet"),
    "question": QT_TRANSLATE_NOOP("notebook.basket_pane", "Question and its answer"),
}


class BasketModel(QAbstractListModel):
    """The basket's sheets as a flat list, numbered in print order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[BasketItem] = []

    def set_items(self, items: Sequence[BasketItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> tuple[BasketItem, ...]:
        return tuple(self._items)

    def item_at(self, row: int) -> BasketItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {item.title}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return translate("notebook.basket_pane", _KIND_WORDS.get(item.kind, item.kind))
        if role == ITEM_ROLE:
            return item
        return None


class BasketPane(QWidget):
    """Her handout pack: list, reorder, remove, clear, print, preview, save as PDF."""

    print_requested = Signal(list)
    preview_requested = Signal(list)
    save_requested = Signal(list)
    builder_requested = Signal()
    open_requested = Signal(str)
    basket_changed = Signal(int)
    user_data_changed = Signal(str)

    def __init__(self, basket: BasketService, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.basket, self.runner = basket, runner
        self._writes = 0
        self.model = BasketModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(translate("notebook.basket_pane", "Sheets in the handout pack"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._open)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.hint = QLabel(
            translate(
                "notebook.basket_pane",
                "Add topics and answers with the button below (or a page with File → Add to handout "
                "pack), then print them together with a contents page.",
            ),
            self,
        )
        # Issue 22 C8: many sheets at once, from the tree, a search or all topics.
        self.builder_button = QPushButton(translate("notebook.basket_pane", "Add topics and answers…"), self)
        self.builder_button.clicked.connect(self.builder_requested.emit)
        self.hint.setWordWrap(True)
        self.up_button = QPushButton(translate("notebook.basket_pane", "Move up"), self)
        self.down_button = QPushButton(translate("notebook.basket_pane", "Move down"), self)
        self.remove_button = QPushButton(translate("notebook.basket_pane", "Remove"), self)
        self.clear_button = QPushButton(translate("notebook.basket_pane", "Clear all"), self)
        self.print_button = QPushButton(translate("notebook.basket_pane", "Print pack…"), self)
        self.preview_button = QPushButton(translate("notebook.basket_pane", "Preview"), self)
        self.save_button = QPushButton(translate("notebook.basket_pane", "Save pack as PDF…"), self)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.slugs()))
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.slugs()))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.slugs()))
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.activated.connect(lambda step=step: self.move_selected(step))
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.activated.connect(self.remove_selected)
        # Rows that wrap (and stack at a large text size) in a narrow dock: editing the pack,
        # then what to do with it.
        edit_row, out_row = FlowLayout(), FlowLayout()
        for widget in (self.up_button, self.down_button, self.remove_button, self.clear_button):
            widget.setMinimumHeight(TARGET_PX)
            edit_row.addWidget(widget)
        for widget in (self.print_button, self.save_button, self.preview_button, self.builder_button):
            widget.setMinimumHeight(TARGET_PX)
            out_row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(edit_row)
        layout.addLayout(out_row)
        self._update_buttons()
        self.refresh()

    # Reading and writing ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the basket again (after another pane or an import changed her data)."""
        self.runner.submit("basket-read", self.basket.list, owner=self, on_done=self._show)

    def _write(
        self, fn: Callable[..., tuple[BasketItem, ...]], *args: object, select: int | None = None
    ) -> None:
        self._writes += 1
        self.runner.submit(
            f"basket-write-{self._writes}",
            fn,
            *args,
            owner=self,
            write=True,
            on_done=lambda items: self._written(items, select),
        )

    def _written(self, items: tuple[BasketItem, ...], select: int | None) -> None:
        self._show(items, select)
        self.user_data_changed.emit(BASKET)

    def on_user_data_changed(self, kind: str) -> None:
        """Another writer changed her data: an import or an erase may have changed the basket."""
        if kind == ALL:
            self.refresh()

    def _show(self, items: tuple[BasketItem, ...], select: int | None = None) -> None:
        self.model.set_items(items)
        if select is not None and items:
            self.view.setCurrentIndex(self.model.index(max(0, min(select, len(items) - 1))))
        self._update_buttons()
        self.basket_changed.emit(len(items))

    def add(self, kind: str, slug: str, title: str) -> None:
        """Put a topic or question page at the end of the pack."""
        self._write(self.basket.add, kind, slug, title, select=10**6)

    def move_selected(self, step: int) -> None:
        item, row = self._selected()
        if item is not None and 0 <= row + step < self.model.rowCount():
            self._write(self.basket.move, item.id, row + step, select=row + step)

    def remove_selected(self) -> None:
        item, row = self._selected()
        if item is not None:
            self._write(self.basket.remove, item.id, select=row)

    def clear(self) -> None:
        if self.model.rowCount() and self.confirm_clear():
            self._write(self.basket.clear)

    # Helpers --------------------------------------------------------------------------------------

    def slugs(self) -> list[str]:
        """The pack's slugs in print order."""
        return [item.slug for item in self.model.items()]

    def _selected(self) -> tuple[BasketItem | None, int]:
        row = self.view.currentIndex().row()
        return self.model.item_at(row), row

    def _open(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None:
            self.open_requested.emit(f"{item.kind}/{item.slug}")

    def _update_buttons(self) -> None:
        count = self.model.rowCount()
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        for button in (self.clear_button, self.print_button, self.preview_button, self.save_button):
            button.setEnabled(count > 0)
        self.hint.setVisible(count == 0)

    def confirm_clear(self) -> bool:
        """Ask before emptying the pack (tests replace this)."""
        answer = QMessageBox.question(
            self,
            translate("notebook.basket_pane", "Clear the handout pack?"),
            translate("notebook.basket_pane", "Take every sheet out of the handout pack?"),
        )
        return answer == QMessageBox.StandardButton.Yes
