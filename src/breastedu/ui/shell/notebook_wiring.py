"""Her notebook joined to the window: the dock in its place, its toolbar buttons, menu and
keys, the one change notification, the follow-up banner, and the handout pack's printing.
Built by the main window when her notebook opened (never in the kiosk)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from breastedu.core.navigation.navigator import Navigator
from breastedu.core.notebook.followups import attention_sentence
from breastedu.core.search.service import SearchResults
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.tabs import focus_tab
from breastedu.ui.common.user_data import ALL
from breastedu.ui.printing.actions import PrintActions
from breastedu.ui.shell.actions import WindowActions
from breastedu.ui.shell.banner import Banner
from breastedu.ui.shell.notebook_dock import FOLLOWUPS_TAB, NOTEBOOK_PX, PACK_TAB, NotebookDock

if TYPE_CHECKING:  # made when the pack's tab is first shown
    from breastedu.ui.notebook.basket_pane import BasketPane

PACK = "Handout pack"


class NotebookWiring(QObject):
    """The notebook's commands and notifications in a window (see the module docstring)."""

    def __init__(
        self,
        window: QMainWindow,
        dock: NotebookDock,
        commands: WindowActions,
        navigator: Navigator,
        *,
        hub: SignalInstance,
        banner: Banner,
        open_target: Callable[[str], None],
        selected_text: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._window, self.dock, self._navigator, self._banner = window, dock, navigator, banner
        self._selected_text = selected_text
        self._hub, self._open_target = hub, open_target
        self._pack: tuple[PrintActions, Callable[[str], SearchResults]] | None = None
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.resizeDocks([dock], [NOTEBOOK_PX], Qt.Orientation.Horizontal)
        dock.pane_built.connect(self._wire_pane)  # each pane when first shown (see NotebookDock)
        hub.connect(dock.on_user_data_changed)
        dock.my_data.user_data_changed.connect(hub)  # one notification about her data
        dock.changed_elsewhere.connect(lambda: hub.emit(ALL))  # the CLI wrote while we are open
        dock.attention_changed.connect(self._on_attention)
        dock.my_data.status_changed.connect(lambda text: window.statusBar().showMessage(text, 10000))
        banner.action_clicked.connect(self.show_followups)
        self.follow_up_action = commands.add_action(
            translate("shell.main_window", "Follow-up"),
            "Ctrl+Shift+F",
            self.follow_up_from_page,
            translate("shell.main_window", "Add a follow-up date from this page"),
        )
        self.notebook_action = dock.toggleViewAction()
        self.notebook_action.setText(translate("shell.main_window", "My notebook"))
        self.notebook_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.notebook_action.triggered.connect(lambda shown: self._focus_notebook(shown))  # N16
        commands.add_to_toolbar({"follow-up": self.follow_up_action, "notebook": self.notebook_action})
        dock.build_menu(window.menuBar().addMenu(translate("shell.main_window", "My &data")))
        commands.view_menu.addAction(self.notebook_action)
        self.add_to_pack_action = commands.add_action(
            translate("shell.main_window", "&Add to handout pack"),
            "Ctrl+Shift+A",
            self.add_page_to_pack,
            translate("shell.main_window", "Put this page in the handout pack"),
        )

    def wire_pack(self, printing: PrintActions, search: Callable[[str], SearchResults]) -> None:
        """The handout pack prints, previews and saves through the window's printing; its
        builder adds many topics and answers at once (issue 22 C8). Joined when its pane is made."""
        self._pack = (printing, search)
        if self.dock.is_built(PACK_TAB):
            self._wire_basket(self.dock.basket_pane)

    def _wire_pane(self, index: int, pane: QWidget) -> None:
        """A notebook pane was just made: it opens pages, hears and feeds the one notification
        about her data, and the pack prints through the window."""
        pane.open_requested.connect(self._open_target)  # type: ignore[attr-defined]
        self._hub.connect(pane.on_user_data_changed)  # type: ignore[attr-defined]
        pane.user_data_changed.connect(self._hub)  # type: ignore[attr-defined]
        if index == PACK_TAB and self._pack is not None:
            self._wire_basket(pane)  # type: ignore[arg-type]

    def _wire_basket(self, pack: BasketPane) -> None:
        assert self._pack is not None
        printing, search = self._pack
        pack.print_requested.connect(lambda s: printing.print_slugs(s, PACK))
        pack.preview_requested.connect(lambda s: printing.preview_slugs(s, PACK))
        pack.save_requested.connect(lambda s: printing.save_slugs_pdf(s, PACK))
        pack.builder_requested.connect(lambda: printing.open_pack_builder(pack.slugs(), pack.add, search))

    def _focus_notebook(self, shown: bool) -> None:
        """Opening the notebook puts the keyboard in its tab (the pane made first if need be)."""
        if shown:
            self.dock.current_pane()
        focus_tab(self.dock.tabs, shown)

    def add_page_to_pack(self) -> None:
        """Add to handout pack: the topic or question in the reader goes into the basket."""
        if self._navigator.link is not None:
            self._window.statusBar().showMessage(self.dock.add_to_pack(self._navigator.link), 8000)

    def show_basket(self) -> None:
        """Bring the handout pack into view."""
        self.dock.show_tab(PACK_TAB)

    def show_followups(self) -> None:
        """Bring the follow-up tracker into view."""
        self.dock.show_tab(FOLLOWUPS_TAB)
        self._banner.hide()

    def _on_attention(self, overdue: int, due_soon: int) -> None:
        sentence = attention_sentence(overdue, due_soon, current_language())
        # Not while she is looking at them (A12: it came back right after each save).
        if sentence and not self.dock.showing(FOLLOWUPS_TAB):
            self._banner.show_text(sentence, action=translate("shell.main_window", "Show follow-ups"))
        elif self._banner.action_text() == translate("shell.main_window", "Show follow-ups"):
            self._banner.hide()

    def follow_up_from_page(self) -> None:
        """Prefill a follow-up from the selected text or this page's reply, for her to confirm."""
        self.show_followups()
        self.dock.follow_up_from(self._navigator.current, self._selected_text())
