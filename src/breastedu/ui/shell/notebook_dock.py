"""Her notebook in the window: notes, follow-ups and the handout pack as tabs of one dock, and
the "My data" menu. Built only when her notebook opened (never in the kiosk).

Each tab's pane is made the first time it is shown or asked for (:class:`PaneTab`), not with
the window: at start the dock shows one tab at most, and on a laptop screen none. Until the
follow-ups and the handout pack have their panes, the dock itself reads what the window shows of
them (the follow-up banner's counts, the pack's count on its tab), at start and after an import
or a write by another process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QWidget,
)

from breastedu.core.catalogue import in_language
from breastedu.core.links import LinkRef
from breastedu.core.notebook.service import Notebook
from breastedu.core.render.pages import RenderedPage
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.tabs import fit_tabs
from breastedu.ui.common.user_data import ALL
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.notebook.attention import attention
from breastedu.ui.notebook.my_data import MyDataActions

if TYPE_CHECKING:  # each pane's module is imported when its tab is first shown
    from breastedu.ui.notebook.basket_pane import BasketPane
    from breastedu.ui.notebook.followups_pane import FollowUpsPane
    from breastedu.ui.notebook.notes_pane import NotesPane

NOTEBOOK_PX = 340
NOTES_TAB, FOLLOWUPS_TAB, PACK_TAB = 0, 1, 2


@dataclass
class UserServices:
    """Her notebook's services and today's date (never in the kiosk)."""

    notebook: Notebook
    today: Callable[[], dt.date] = dt.date.today


#: How often the window looks for writes by another process (the CLI, a second window).
WATCH_MS = 2000


def startup_notice(user: UserServices) -> str | None:
    """What the window says of her notebook as it opens: that saving is off (a read-only
    folder, a full disk: reading and export still work), or what opening repaired, or None."""
    notice = user.notebook.notice  # read-only: whole sentences saying why, and that she can still export
    return in_language(notice, current_language()) if notice else None


class PaneTab(QScrollArea):
    """A notebook tab: its pane in a frameless scroll area that scrolls only when the room is
    too small, the pane made by ``make`` the first time the tab is shown or :meth:`pane` is
    called.

    Signals:
        built(QWidget): the pane has just been made and put in the tab.
    """

    built = Signal(QWidget)

    def __init__(self, make: Callable[[], QWidget], name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._make: Callable[[], QWidget] | None = make
        self.setObjectName(f"{name}Scroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def pane(self) -> QWidget:
        """The tab's pane, made now if it was not yet."""
        if self._make is not None:
            make, self._make = self._make, None  # once, even if making it shows the tab
            made = make()
            self.setWidget(made)
            self.built.emit(made)
        pane = self.widget()
        assert pane is not None, "a pane asked for while it is being made"
        return pane

    def is_built(self) -> bool:
        """True once the pane has been made and put in the tab."""
        return self.widget() is not None

    def showEvent(self, event: QShowEvent) -> None:
        self.pane()  # before the first paint of the tab
        super().showEvent(event)


class NotebookDock(QDockWidget):
    """The "My notebook" dock: a tab each for notes, follow-ups and the handout pack.

    Signals:
        changed_elsewhere(): another process wrote her notebook (the window refreshes every pane).
        pane_built(int, QWidget): the pane of tab ``index`` has just been made (the window
            wires it up).
        attention_changed(int, int): overdue and due-soon follow-ups (from the follow-ups pane
            once it is made, read by the dock before).
    """

    changed_elsewhere = Signal()
    pane_built = Signal(int, QWidget)
    attention_changed = Signal(int, int)

    def __init__(self, user: UserServices, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(translate("shell.notebook_dock", "My notebook"), parent)
        self.setObjectName("notebook")
        self._user, self._runner, self._window = user, runner, parent
        self._context: LinkRef | None = None
        self._topic_titles: dict[str, str] = {}
        self._counts: tuple[int, int] | None = None  # the follow-ups wanting attention, as read here
        notebook = user.notebook
        self.my_data = MyDataActions(notebook.data, runner, parent)
        self.my_data.flush_requested.connect(self.flush_notes)
        self.tabs = QTabWidget(self)
        fit_tabs(self.tabs)  # whole tab names, on two lines when the dock is narrow
        # Each tab scrolls rather than forcing its height (and width) on the whole window.
        self._tabs = (
            PaneTab(self._make_notes, "NotesPane", parent),
            PaneTab(self._make_followups, "FollowUpsPane", parent),
            PaneTab(self._make_basket, "BasketPane", parent),
        )
        for index, tab in enumerate(self._tabs):
            tab.built.connect(self._after_tab_bar)
            tab.built.connect(lambda pane, index=index: self.pane_built.emit(index, pane))
        self.tabs.addTab(self._tabs[NOTES_TAB], translate("shell.notebook_dock", "My notes"))
        self.tabs.addTab(self._tabs[FOLLOWUPS_TAB], translate("shell.notebook_dock", "Follow-ups"))
        self.tabs.addTab(self._tabs[PACK_TAB], translate("shell.notebook_dock", "Handout pack"))
        self.setWidget(self.tabs)
        self.setTitleBarWidget(DockTitle(self))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        # Writes by another process are noticed (PRAGMA data_version), off the GUI thread.
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(
            lambda: runner.submit(
                "notebook-watch", notebook.changed_elsewhere, owner=self,
                on_done=self._on_watched,
            )
        )  # fmt: skip
        self.watch.start()
        # Tab reaches the tab bar itself; the tab widget taking Tab focus too (it hands it to
        # its bar) closed the loop after the pane's last field, so Tab never left the notebook.
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.setAccessibleName(translate("shell.notebook_dock", "My notebook"))
        self.tabs.tabBar().setAccessibleName(
            translate("shell.notebook_dock", "My notebook: notes, follow-ups or the handout pack")
        )
        self.tabs.tabBar().setAccessibleDescription(
            translate("shell.notebook_dock", "Left and right arrows switch the tab")
        )
        self.on_user_data_changed(ALL)  # the banner's counts and the pack's, without their panes

    # The panes, made when first needed ------------------------------------------------------------

    def _make_notes(self) -> NotesPane:
        from breastedu.ui.notebook.notes_pane import NotesPane

        pane = NotesPane(self._user.notebook.notes, self._runner, self._window)
        if self._topic_titles:
            pane.set_topic_titles(self._topic_titles)
        pane.set_context(self._context)
        return pane

    def _make_followups(self) -> FollowUpsPane:
        from breastedu.ui.notebook.followups_pane import FollowUpsPane

        notebook = self._user.notebook
        pane = FollowUpsPane(
            notebook.followups,
            self._runner,
            self._user.today,
            self._window,
            questions_for_doctor=notebook.notes.questions_for_doctor,
        )
        pane.set_context(self._context)
        first = True

        def counted(overdue: int, due_soon: int) -> None:
            # The pane's first list repeats what the dock read: said again, it would hide the
            # banner as the tab opens (the banner goes when she is looking at them after a
            # change, as it did when the pane was made with the window).
            nonlocal first
            if not (first and (overdue, due_soon) == self._counts):
                self.attention_changed.emit(overdue, due_soon)
            first = False

        pane.attention_changed.connect(counted)
        return pane

    def _make_basket(self) -> BasketPane:
        from breastedu.ui.notebook.basket_pane import BasketPane

        pane = BasketPane(self._user.notebook.basket, self._runner, self._window)
        pane.basket_changed.connect(self._show_pack_count)
        return pane

    def _after_tab_bar(self, pane: QWidget) -> None:
        """Tab goes from the tab bar into the pane just made, as into the panes made with the
        window (a widget made later comes last in the window's Tab order)."""
        inside: list[QWidget] = []
        widget = pane.nextInFocusChain()
        while widget is not None and widget is not pane:  # the window's focus chain, once round
            if pane.isAncestorOf(widget) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                inside.append(widget)
            widget = widget.nextInFocusChain()
        previous: QWidget = self.tabs.tabBar()
        for widget in inside:
            QWidget.setTabOrder(previous, widget)
            previous = widget

    @property
    def notes_pane(self) -> NotesPane:
        """Her notes (made now if the tab has not been shown yet)."""
        return self._tabs[NOTES_TAB].pane()  # type: ignore[return-value]

    @property
    def followups_pane(self) -> FollowUpsPane:
        """Her follow-ups (made now if the tab has not been shown yet)."""
        return self._tabs[FOLLOWUPS_TAB].pane()  # type: ignore[return-value]

    @property
    def basket_pane(self) -> BasketPane:
        """The handout pack (made now if the tab has not been shown yet)."""
        return self._tabs[PACK_TAB].pane()  # type: ignore[return-value]

    def is_built(self, index: int) -> bool:
        """True once the pane of tab ``index`` has been made."""
        return self._tabs[index].is_built()

    # What the window tells every pane --------------------------------------------------------------

    def set_context(self, link: LinkRef | None) -> None:
        """The page being read (its :attr:`RenderedPage.link`), for the notes and follow-ups."""
        self._context = link
        if self.is_built(NOTES_TAB):
            self.notes_pane.set_context(link)
        if self.is_built(FOLLOWUPS_TAB):
            self.followups_pane.set_context(link)

    def set_topic_titles(self, titles: Mapping[str, str]) -> None:
        """Topic names by slug, to label her notes."""
        self._topic_titles = dict(titles)
        if self.is_built(NOTES_TAB):
            self.notes_pane.set_topic_titles(self._topic_titles)

    def flush_notes(self) -> None:
        """Submit the note being typed now (nothing to do while the notes were never shown)."""
        if self.is_built(NOTES_TAB):
            self.notes_pane.flush()

    def may_close(self) -> bool:
        """Closing: True when no typed note would be lost (see :meth:`NotesPane.may_close`)."""
        return not self.is_built(NOTES_TAB) or self.notes_pane.may_close()

    def on_user_data_changed(self, kind: str) -> None:
        """Her data changed (an import, an erase, another process): what the window shows of a
        pane not made yet is read again (a made pane refreshes itself)."""
        if kind != ALL:
            return  # only a made pane writes notes, follow-ups or the pack
        notebook = self._user.notebook
        if not self.is_built(FOLLOWUPS_TAB):
            self._runner.submit(
                "followups-attention",
                lambda day: attention(notebook.followups.list(today=day)),
                self._user.today(),
                on_done=self._on_counted,
                on_error=lambda _error: None,  # the tracker says what went wrong when opened
                owner=self,
            )
        if not self.is_built(PACK_TAB):
            self._runner.submit(
                "basket-count", lambda: len(notebook.basket.list()), on_done=self._show_pack_count, owner=self
            )

    def _on_counted(self, counts: tuple[int, int]) -> None:
        self._counts = counts
        self.attention_changed.emit(*counts)

    def _show_pack_count(self, count: int) -> None:
        self.tabs.setTabText(
            PACK_TAB, translate("shell.notebook_dock", "Handout pack") + (f" ({count})" if count else "")
        )

    def _on_watched(self, changed: bool) -> None:
        if changed:
            self.changed_elsewhere.emit()

    def showing(self, index: int) -> bool:
        """True while the dock is open on tab ``index``."""
        return self.isVisible() and self.tabs.currentIndex() == index

    def show_tab(self, index: int) -> None:
        """Open the dock on tab ``index`` (the tab chosen first: the one shown before is not made)."""
        self.tabs.setCurrentIndex(index)
        self.show()
        self._tabs[index].pane()  # made even while the window itself is hidden

    def current_pane(self) -> QWidget:
        """The pane of the tab shown (made now if need be)."""
        return self._tabs[self.tabs.currentIndex()].pane()

    def add_to_pack(self, link: LinkRef) -> str:
        """Put the page ``link`` in the handout pack; what the status bar says."""
        self.basket_pane.add(link.kind, link.slug, link.title)
        return f"Added “{link.title}” to the handout pack."

    def follow_up_from(self, page: RenderedPage | None, selected: str) -> None:
        """Prefill a follow-up from ``selected`` text, or from the reply on ``page`` (the tracker
        only suggests what the text says, "annual" -> every 12 months; nothing is saved here)."""
        text = selected or (page.reply_text if page else "")
        advice = page.reply_date if page and page.question_slug else None
        title, link = (page.title, page.link) if page else ("", None)
        self.followups_pane.suggest_from_text(text, title, link, advice_date=advice)

    def build_menu(self, menu: QMenu) -> None:
        """My data: calendar export, the visit sheet, then export/import/erase."""
        export_ics = QAction(
            translate("shell.notebook_dock", "Export follow-ups to a calendar (.ics)…"), self
        )
        export_ics.triggered.connect(lambda: self.followups_pane.export_ics())
        visit_sheet = QAction(translate("shell.notebook_dock", "Print my visit sheet (PDF)…"), self)
        visit_sheet.triggered.connect(lambda: self.followups_pane.print_visit_sheet())
        menu.addActions([export_ics, visit_sheet])
        menu.addSeparator()
        menu.addActions(self.my_data.actions())


class DockTitle(QWidget):
    """A dock's title in the window's text size, with a labelled Close button (the built-in
    title bar draws a small fixed font and an unnamed button)."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.setObjectName("dockTitle")
        title = QLabel(f"<b>{dock.windowTitle()}</b>", self)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName(
            translate("shell.notebook_dock", "Close {title}").format(title=dock.windowTitle())
        )
        close.setToolTip(
            translate(
                "shell.notebook_dock", "Close {title} (it opens again from the toolbar or the View menu)"
            ).format(title=dock.windowTitle())
        )
        close.clicked.connect(dock.close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 2)
        layout.addWidget(title, 1)
        layout.addWidget(close)
