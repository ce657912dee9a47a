"""The search pane: a box always in reach, results as she types, arrow keys and Enter.

Every change of the box searches at once when a worker is free; keystrokes that come while
:data:`IN_FLIGHT` queries are running are coalesced, and only the newest text is searched when
one reports back (a debounce that adds no delay when the search keeps up). A result for text
no longer in the box is dropped, never shown. The GUI thread only sets the model. How results
are computed is the caller's business: the pane gets a
plain ``search(query) -> SearchResults`` function.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.errors import BreastEduError
from breastedu.core.search.service import SearchResults
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.search.models import SearchHitDelegate, SearchResultsModel, target_of

PLACEHOLDER = QT_TRANSLATE_NOOP(
    "search.panel", "Search, e.g. lump under arm"
)  # short: a 300 px sidebar shows it whole
HINT = QT_TRANSLATE_NOOP("search.panel", "Results appear as you type.")
HELD = QT_TRANSLATE_NOOP("search.panel", "Your results will appear as soon as it is.")
MIN_POINT_SIZE = 11.0
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
IN_FLIGHT = 2  # queries running at once; more keystrokes wait and only the newest is sent


def _readable(widget: QWidget, delta: float = 0.0) -> None:
    """At least :data:`MIN_POINT_SIZE` (plus ``delta``) points, larger if her system says so."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(font.pointSizeF(), MIN_POINT_SIZE) + delta)
        widget.setFont(font)


class SearchPane(QWidget):
    """The search box and its results list.

    Signals:
        result_activated(str, object): a result was opened: its target (``question/<slug>``
            or ``topic/<slug>``) and the tuple of words to highlight in the page.
        topic_requested(str): a topic offered after "no results" was clicked (its slug).
        cleared(): the box was emptied (Escape, its clear button, deleting the words): the
            marks of the last search should go from the page too.
    """

    result_activated = Signal(str, object)
    topic_requested = Signal(str)
    cleared = Signal()

    def __init__(
        self, search: Callable[[str], SearchResults], runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._runner = runner
        self._topics: tuple[tuple[str, str], ...] = ()
        self._seq = 0  # bumps with every query; a result for an older one is ignored
        self._pending: int | None = None
        self._sent = 0  # the newest query handed to a worker
        self._free = list(range(IN_FLIGHT))  # runner channels "search-<n>" not running a query
        self._open_when_ready = False  # Enter was pressed before the results arrived
        self._holding = False  # the search index is still being opened or built: wait for it
        self._expanded: bool | None = None  # see _fit_content

        self.box = QLineEdit(self)
        self.box.setPlaceholderText(translate("search.panel", PLACEHOLDER))
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(translate("search.panel", "Search"))
        self.box.setToolTip(
            translate("search.panel", "Search the library (Ctrl+F). ↓ moves to the results, Enter opens one.")
        )
        self.box.textChanged.connect(self._on_text_changed)
        self.box.installEventFilter(self)

        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("searchSuggestion")
        self.suggestion.setAccessibleName(translate("search.panel", "Did you mean"))
        self.suggestion.setAccessibleDescription(
            translate("search.panel", "A spelling the library knows; open it to search for it")
        )
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.suggestion.linkActivated.connect(self._on_suggestion)
        self.suggestion.hide()

        self.status = QLabel(translate("search.panel", HINT), self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        # When it is all there is under the box (search not ready, an error), it takes the
        # sidebar's height with its text at the top, so the box stays where it was.
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.results_model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(translate("search.panel", "Search results"))
        self.list.setAccessibleDescription(
            translate("search.panel", "Pages that match your search, best first. Enter opens one.")
        )
        self.list.setModel(self.results_model)
        self.delegate = SearchHitDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)  # every row has the delegate's one height
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMouseTracking(True)
        self.list.clicked.connect(self._open_index)
        self.list.installEventFilter(self)
        self.list.hide()

        self.no_results = QLabel(self)
        self.no_results.setObjectName("searchNoResults")
        self.no_results.setAccessibleName(translate("search.panel", "No results"))
        self.no_results.setAccessibleDescription(
            translate("search.panel", "Nothing matched; topics to look through instead")
        )
        self.no_results.setTextFormat(Qt.TextFormat.RichText)
        self.no_results.setWordWrap(True)
        self.no_results.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.no_results.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.no_results.linkActivated.connect(self.topic_requested)
        self.no_results.hide()

        for widget in (self.box, self.list):
            _readable(widget)
        for label in (self.suggestion, self.status, self.no_results):
            _readable(label)
            label.setContentsMargins(7, 0, 4, 0)  # line up with the text in the result rows
        # Keeps the box at the top while nothing is shown below it.
        self._filler = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout = self._box_layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.no_results, 1)
        layout.addItem(self._filler)
        self._fit_content(expanded=False)

    # Public -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the keyboard in the box, with its text selected so typing replaces it."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    @Slot(object)
    def set_topics(self, items: Sequence[tuple[str, str]]) -> None:
        """The topics (slug, title) offered when a query finds nothing."""
        self._topics = tuple((str(slug), str(title)) for slug, title in items)
        results = self.results_model.results
        if results is not None and not results.hits:
            self._show_no_results(results.query)

    def set_query(self, text: str) -> None:
        """Put ``text`` in the box and search for it now."""
        if self.box.text() == text:
            self._on_text_changed(text)
        else:
            self.box.setText(text)

    def query(self) -> str:
        """The text in the box."""
        return self.box.text()

    def hold(self) -> None:
        """Keep queries back until :meth:`resume`: the search index is not open yet (a large
        library's first start builds it), and a query would only wait on a worker meanwhile."""
        self._holding = True

    def show_preparing(self, done: int, total: int) -> None:
        """Say how far building the search index got (while held)."""
        share = 100 * done // total if total else 0
        self.status.setText(
            translate("search.panel", "Getting search ready: {share} % of {total} questions.").format(
                share=share, total=f"{total:,}"
            )
            + " "
            + translate("search.panel", HELD)
        )
        self.status.show()

    def resume(self) -> None:
        """The index is open: search for what she typed meanwhile, if anything."""
        self._holding = False
        if not self.box.text().strip():
            self.status.setText(translate("search.panel", HINT))
        self._send_newest()

    def is_idle(self) -> bool:
        """True when the results shown belong to the text in the box."""
        return self._pending is None

    def open_row(self, row: int) -> bool:
        """Open the result on ``row``; False when there is none."""
        return self._open_index(self.results_model.index(row, 0))

    # Searching --------------------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self._seq += 1
        self._open_when_ready = False
        if not text.strip():
            self._pending = None
            self.results_model.set_results(None)
            self.suggestion.hide()
            self.no_results.hide()
            self.list.hide()
            self.status.setText(translate("search.panel", HINT))
            self.status.show()
            self._fit_content(expanded=False)
            self.cleared.emit()
            return
        self._pending = self._seq
        if self._holding:
            if self.status.text() == translate("search.panel", HINT):
                self.status.setText(
                    translate("search.panel", "Getting search ready.") + " " + translate("search.panel", HELD)
                )
            self._fit_content(expanded=True)  # the tree makes way for the search: keep the box up
        self._send_newest()

    def _send_newest(self) -> None:
        """Search for the text in the box on a free worker, unless it has been sent already,
        every worker is busy (it goes when one reports back) or search is held."""
        if self._pending is None or self._sent == self._seq or not self._free or self._holding:
            return
        slot, seq = self._free.pop(), self._seq
        self._sent = seq
        self._runner.submit(
            f"search-{slot}",  # one channel per slot: a running query is never made stale
            self._search,
            self.box.text(),
            on_done=partial(self._on_results, slot, seq),
            on_error=partial(self._on_error, slot, seq),
            owner=self,
        )

    def _release(self, slot: int) -> None:
        """A worker reported back: send the newest text if it has not been sent yet."""
        self._free.append(slot)
        self._send_newest()

    def _on_results(self, slot: int, seq: int, results: SearchResults) -> None:
        self._release(slot)
        if seq != self._seq:
            return  # the box changed (or was cleared) since this query was sent
        self._pending = None
        self.results_model.set_results(results)
        count = len(results.hits)
        self._show_suggestion(results)
        if count:
            self.no_results.hide()
            self.list.show()
            self.status.setText(
                translate("search.panel", "1 result")
                if count == 1
                else translate("search.panel", "{count} results").format(count=count)
            )
            self.list.scrollToTop()
        else:
            self.list.hide()
            self.status.setText("")
            self._show_no_results(results.query)
        self.status.setVisible(bool(count))
        self._fit_content(expanded=True)
        if self._open_when_ready:
            self._open_when_ready = False
            self.open_row(0)

    def _on_error(self, slot: int, seq: int, error: BaseException) -> None:
        self._release(slot)
        if seq != self._seq:
            return
        self._pending = None
        self._open_when_ready = False
        self.results_model.set_results(None)
        self.list.hide()
        self.no_results.hide()
        self.suggestion.hide()
        detail = error.message.strip().rstrip(".") if isinstance(error, BreastEduError) else ""
        self.status.setText(
            translate("search.panel", "Search did not work: {detail}. Please try other words.").format(
                detail=detail
            )
            if detail
            else translate("search.panel", "Search did not work. Please try other words.")
        )
        self.status.show()
        self._fit_content(expanded=True)

    def _show_suggestion(self, results: SearchResults) -> None:
        word = results.did_you_mean
        if not word:
            self.suggestion.hide()
            return
        link = f'<a href="{html.escape(word)}"><b>{html.escape(word)}</b></a>'
        shown = (
            translate("search.panel", "Showing results for {word}")
            if results.hits
            else translate("search.panel", "Did you mean {word}?")
        )
        self.suggestion.setText(shown.format(word=link))
        self.suggestion.setToolTip(translate("search.panel", "Search for '{word}'").format(word=word))
        self.suggestion.show()

    def _show_no_results(self, query: str) -> None:
        shown = query if len(query) <= 60 else query[:59] + "…"
        links = "<br>".join(
            f'<a href="{html.escape(slug)}">{html.escape(title)}</a>' for slug, title in self._topics
        )
        browse = translate("search.panel", "Browse a topic instead:")
        offer = f"<p>{browse}</p><p style='line-height:140%'>{links}</p>" if links else ""
        none = translate("search.panel", "No results for '{query}'.").format(query=html.escape(shown))
        self.no_results.setText(f"<p>{none}</p>{offer}")
        self.no_results.show()

    def _fit_content(self, *, expanded: bool) -> None:
        """Take the sidebar's height only while there is something to show below the box
        (the sidebar is laid out again only when that changes, not for every result)."""
        if expanded == self._expanded:
            return
        self._expanded = expanded
        policy = QSizePolicy.Policy.Expanding if expanded else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self._filler.changeSize(
            0,
            0,
            QSizePolicy.Policy.Minimum,
            QSizePolicy.Policy.Fixed if expanded else QSizePolicy.Policy.Expanding,
        )
        self._box_layout.invalidate()
        self.updateGeometry()

    @Slot(str)
    def _on_suggestion(self, word: str) -> None:
        self.set_query(word)
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    # Opening and keys -------------------------------------------------------------------

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> bool:
        hit = self.results_model.hit_at(index.row()) if index.isValid() else None
        results = self.results_model.results
        if hit is None or results is None:
            return False
        self.result_activated.emit(target_of(hit), tuple(results.terms))
        return True

    def _open_first(self) -> None:
        if self._pending is not None:
            self._open_when_ready = True  # she pressed Enter before the results came back
        else:
            self.open_row(0)

    def _clear(self) -> None:
        self.box.clear()
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key == Qt.Key.Key_Escape and (self.box.text() or watched is self.list):
            self._clear()
            return True
        if watched is self.box:
            if key in _ENTER_KEYS:
                self._open_first()
                return True
            if key == Qt.Key.Key_Down and self.results_model.rowCount() and self.list.isVisible():
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                self.list.setCurrentIndex(self.results_model.index(0, 0))
                return True
        elif watched is self.list:
            if key in _ENTER_KEYS:
                self._open_index(self.list.currentIndex())
                return True
            if key == Qt.Key.Key_Up and self.list.currentIndex().row() <= 0:
                self.box.setFocus(Qt.FocusReason.OtherFocusReason)  # back up into the box
                return True
            text = event.text()
            if (
                text
                and text.isprintable()
                and not event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                self.box.setFocus(Qt.FocusReason.OtherFocusReason)  # typing goes on in the box
                self.box.insert(text)
                return True
        return super().eventFilter(watched, event)
