"""The window's left side: the search box over the topic tree. While she searches, the results
take the whole side and the tree comes back after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from breastedu.core.content.dto import TopicGroupRef
from breastedu.core.search.service import SearchResults
from breastedu.ui.common.i18n import translate
from breastedu.ui.common.window_fit import sidebar_as_drawer
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.library.topic_tree import TopicTreePane
from breastedu.ui.search.panel import SearchPane


class Sidebar(QWidget):
    """Search and topics; ``open_target(target, highlight)`` opens what she picks."""

    _index_progress = Signal(int, int)  # questions indexed, in all (from the worker's thread)

    def __init__(
        self,
        search: Callable[[str], SearchResults],
        runner: TaskRunner,
        open_target: Callable[..., None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.tree = TopicTreePane(self)
        self.tree.topic_selected.connect(lambda slug: open_target(f"topic/{slug}"))
        self.tree.view.setAccessibleDescription(
            translate("shell.sidebar", "Topics by group. Enter opens a topic.")
        )
        self.search_pane = SearchPane(search, runner, self)
        self.search_pane.result_activated.connect(
            lambda target, terms: open_target(target, highlight=tuple(terms))
        )
        self.search_pane.topic_requested.connect(lambda slug: open_target(f"topic/{slug}"))
        self.topics_heading = QLabel(translate("shell.sidebar", "<b>Topics</b>"), self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 0, 6)
        for widget, stretch in ((self.search_pane, 0), (self.topics_heading, 0), (self.tree, 1)):
            self.layout_.addWidget(widget, stretch)
        self.search_pane.box.textChanged.connect(self._on_search_text)
        self._runner = runner
        self._index_progress.connect(self.search_pane.show_preparing)

    def _on_search_text(self, text: str) -> None:
        searching = bool(text.strip())
        self.topics_heading.setVisible(not searching)
        self.tree.setVisible(not searching)
        self.layout_.setStretchFactor(self.search_pane, 1 if searching else 0)

    def prepare_search(self, prepare: Callable[[Callable[[int, int], None] | None], None]) -> None:
        """Open (or build) the search index on the runner; the box holds what she types until
        it is ready, and resumes on an error too (the search itself then says what is wrong)."""
        self.search_pane.hold()
        resume = self.search_pane.resume
        self._runner.submit(
            "search-index", prepare, self._index_progress.emit, owner=self,
            on_done=lambda _none: resume(), on_error=lambda _error: resume(),
        )  # fmt: skip

    def set_groups(self, groups: tuple[TopicGroupRef, ...]) -> None:
        """The topic tree has loaded: the tree and the search's topic names."""
        self.tree.set_groups(groups)
        self.search_pane.set_topics([(t.slug, t.title) for g in groups for t in g.topics])


class SidebarDrawer(QObject):
    """Folds the sidebar into a ☰ Topics drawer when the window is too narrow for it, and
    remembers the splitter's sizes from before it folded."""

    def __init__(self, sidebar: Sidebar, splitter: QSplitter, action: QAction, page: QWidget) -> None:
        super().__init__(sidebar)
        self._sidebar, self._splitter, self._action, self._page = sidebar, splitter, action, page
        self.folded = False
        self.splitter_state: QByteArray | None = None
        action.toggled.connect(self._on_toggled)
        # A choice made in the open drawer closes it: the page gets the room.
        sidebar.tree.topic_selected.connect(lambda _slug: self.close())
        sidebar.search_pane.result_activated.connect(lambda _target, _terms: self.close())

    def update(self, width: int, notebook_docked: bool) -> None:
        """The window is ``width`` normal-size pixels wide (larger text needs more room)."""
        folded = sidebar_as_drawer(width, notebook_docked)
        if folded == self.folded:
            return
        self.folded = folded
        if folded:
            self.splitter_state = self._splitter.saveState()
        self._action.setChecked(False)
        self._action.setVisible(folded)
        self._sidebar.setVisible(not folded)

    def _on_toggled(self, opened: bool) -> None:
        if self.folded:
            self._sidebar.setVisible(opened)
            if opened:
                self._sidebar.search_pane.focus_search()

    def focus_search(self) -> None:
        """Ctrl+F / Ctrl+K: the search box, opening the drawer first when the sidebar is folded."""
        if self.folded and not self._action.isChecked():
            self._action.setChecked(True)  # opens the drawer and focuses the box
        else:
            self._sidebar.search_pane.focus_search()

    def close(self) -> None:
        """Fold the drawer away again (after she picked something in it)."""
        if self.folded and self._action.isChecked():
            self._action.setChecked(False)
            self._page.setFocus()


def side_by_side(sidebar: QWidget, page: QWidget, parent: QWidget, sidebar_px: int) -> QSplitter:
    """The sidebar beside the page, in a splitter where only the page stretches."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(sidebar)
    splitter.addWidget(page)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(1, False)
    splitter.setSizes([sidebar_px, 900])
    return splitter
