""" "On this page": the headings of the page being read, and the links under each, as a tree.

The page itself reaches a screen reader as one long text (Qt exposes a QTextBrowser that way),
so its structure is given here again as separate, named objects: each heading is an item
("Questions we have answered, heading"), each link an item under its heading ("Breast
calcifications, link"). Enter on a heading scrolls the page to it; on a link it does what a
click on the link does. For sighted readers it is the page's table of contents: a topic page
is many screens long with its questions last.

The outline is read from the shown page's document (block heading levels and anchors), so it
always matches what is on screen; it needs no anchors in the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QToolButton, QTreeView, QVBoxLayout, QWidget

from breastedu.ui.common.i18n import translate
from breastedu.ui.library.reader import ReaderPane

POSITION_ROLE = Qt.ItemDataRole.UserRole + 1
HREF_ROLE = Qt.ItemDataRole.UserRole + 2
#: Headings deeper than this (h4…) stay out of the outline; h1 is the page's title.
DEEPEST = 3


@dataclass(frozen=True)
class Entry:
    """One heading or link of a page: its text, heading level (0: a link), where it starts
    in the document, and a link's target."""

    text: str
    level: int
    position: int
    href: str = ""


def read_outline(document: QTextDocument) -> list[Entry]:
    """The headings (levels 1..DEEPEST) and links of ``document``, in reading order; a link
    split over several fragments (a bold word inside it) is one entry."""
    entries: list[Entry] = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        text = " ".join(block.text().split())
        if 0 < level <= DEEPEST and text:
            entries.append(Entry(text, level, block.position()))
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
            if href:
                last = entries[-1] if entries else None
                if last and last.href == href and last.position + len(last.text) >= fragment.position() - 1:
                    merged = f"{last.text}{fragment.text()}"
                    entries[-1] = Entry(merged, 0, last.position, href)
                else:
                    entries.append(Entry(fragment.text(), 0, fragment.position(), href))
            it += 1
        block = block.next()
    return [Entry(" ".join(e.text.split()), e.level, e.position, e.href) for e in entries if e.text.strip()]


class OutlinePane(QWidget):
    """A button "On this page (n)" that opens the outline tree above the page.

    Signals:
        shown_changed(bool): the tree was opened (True) or closed.
    """

    shown_changed = Signal(bool)

    def __init__(self, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.reader = reader
        # A plain button (a checkable one is announced as a "check box"); it opens and closes.
        self.toggle = QToolButton(self)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.setArrowType(Qt.ArrowType.NoArrow)
        self.toggle.setToolTip(
            translate("library.outline", "The headings and links of this page; Enter jumps to one")
        )
        self.toggle.clicked.connect(self._on_clicked)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setAccessibleName(translate("library.outline", "On this page"))
        self.view.setAccessibleDescription(
            translate(
                "library.outline",
                "Headings of the page, with its links under each. Enter jumps to a heading or opens a link.",
            )
        )
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.activated.connect(self._on_activated)
        self.view.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view)
        reader.page_changed.connect(self.rebuild)
        reader.installEventFilter(self)  # a topic's question list replaces the reader: we go too
        self.rebuild()

    def entries(self) -> list[Entry]:
        """What the outline lists now (headings and links, in page order)."""
        return self._entries

    def rebuild(self) -> None:
        """Read the page shown in the reader again."""
        self._entries = read_outline(self.reader.browser.document())
        self.model.clear()
        parents: dict[int, QStandardItem] = {}
        root = self.model.invisibleRootItem()
        for entry in self._entries:
            if entry.level == 1:  # the title: the page starts here anyway
                continue
            item = QStandardItem(entry.text)
            item.setData(entry.position, POSITION_ROLE)
            if entry.level:
                item.setData(f"{entry.text}, heading level {entry.level}", Qt.ItemDataRole.AccessibleTextRole)
                parent = parents.get(entry.level - 1, root) if entry.level > 2 else root
                parent.appendRow(item)
                parents = {k: v for k, v in parents.items() if k < entry.level}
                parents[entry.level] = item
            else:
                item.setData(entry.href, HREF_ROLE)
                item.setData(f"{entry.text}, link", Qt.ItemDataRole.AccessibleTextRole)
                item.setData(f"Link: {entry.text}", Qt.ItemDataRole.ToolTipRole)
                deepest = parents[max(parents)] if parents else root
                deepest.appendRow(item)
        headings = sum(1 for e in self._entries if e.level > 1)
        links = sum(1 for e in self._entries if not e.level)
        title = translate("library.outline", "On this page")
        self.toggle.setText(f"{title} ({headings})" if headings else title)
        self.toggle.setAccessibleName(
            translate("library.outline", "On this page: {headings} headings, {links} links").format(
                headings=headings, links=links
            )
        )
        self.setVisible(bool(self._entries) and self.reader.isVisibleTo(self.parentWidget() or self))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reader and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.setVisible(event.type() == QEvent.Type.Show and bool(self._entries))
        return super().eventFilter(watched, event)

    def _on_clicked(self) -> None:
        self._on_toggled(self.view.isHidden())

    def _on_toggled(self, opened: bool) -> None:
        self.view.setMaximumHeight(self.fontMetrics().height() * 14)  # the page keeps most of the room
        self.view.setVisible(opened)
        if opened:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid() and self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(0, 0))
        self.shown_changed.emit(opened)

    def _on_activated(self, index: QModelIndex) -> None:
        href = index.data(HREF_ROLE)
        if href:
            self.reader.follow_link(str(href))
        else:
            self.reader.scroll_to_position(int(index.data(POSITION_ROLE)))
