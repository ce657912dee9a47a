"""The main window: composes the panes over core services and one Navigator, and decides no
business. Commands live in :mod:`.actions`, her notebook in :mod:`.notebook_dock`, the sides in
:mod:`.sidebar` and :mod:`.reading`, navigation in :class:`~breastedu.core.navigation.navigator.Navigator`
(the kiosk shell uses the same one). Page loads run on the runner's ``page`` channel, so the GUI
thread never waits on the content DB and a quick second click makes the first load stale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QRect, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from breastedu.core import paths
from breastedu.core.clinic import Clinic
from breastedu.core.content.dto import TopicGroupRef
from breastedu.core.content.service import ContentService
from breastedu.core.languages import ENGLISH
from breastedu.core.navigation.navigator import Navigator, Visit
from breastedu.core.render import info
from breastedu.core.render.pages import HOME, PageBuilder, RenderedPage
from breastedu.core.search.service import SearchResults, SearchService
from breastedu.core.search.translated import localized
from breastedu.ui.common import input_guards
from breastedu.ui.common.i18n import current_language, install_language, retranslate, translate
from breastedu.ui.common.theme import Appearance, saved_theme
from breastedu.ui.common.user_data import ALL
from breastedu.ui.common.window_fit import notebook_open_at_start, start_geometry
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.library.reader import BASE_POINT_SIZE
from breastedu.ui.printing.actions import PrintActions
from breastedu.ui.shell import window_state
from breastedu.ui.shell.actions import Slots, WindowActions
from breastedu.ui.shell.focus import FocusChain
from breastedu.ui.shell.notebook_dock import NOTEBOOK_PX, NotebookDock, UserServices, startup_notice
from breastedu.ui.shell.notebook_wiring import NotebookWiring
from breastedu.ui.shell.reading import ReadingArea
from breastedu.ui.shell.shortcuts import take_focus_on_show
from breastedu.ui.shell.sidebar import Sidebar, SidebarDrawer, side_by_side
from breastedu.ui.shell.status import RestingStatus

if TYPE_CHECKING:
    from breastedu.ui.notebook.basket_pane import BasketPane
    from breastedu.ui.notebook.followups_pane import FollowUpsPane
    from breastedu.ui.notebook.notes_pane import NotesPane

SIDEBAR_PX = 300

__all__ = ["MainWindow", "UserServices"]


class MainWindow(QMainWindow):
    """Search and topics on the left, the reader in the middle, her notebook on the right.

    Signals:
        page_shown(object): a :class:`RenderedPage` has just been shown.
        user_data_changed(str): her data changed (the one notification, see ui/common/user_data.py).
    """

    page_shown = Signal(object)
    user_data_changed = Signal(str)
    focus_chain: FocusChain  # (both are made once the commands that use them exist)
    drawer: SidebarDrawer  # questions indexed, in all (a first start's build)

    def __init__(
        self,
        content: ContentService,
        *,
        settings: QSettings | None = None,
        runner: TaskRunner | None = None,
        user: UserServices | None = None,
        user_problem: str | None = None,
        theme: str | None = None,
        clinic: Clinic | None = None,
        lang: str | None = None,
    ) -> None:
        """``theme`` (``--theme``) wins over her saved one for this run; ``clinic`` heads sheets."""
        super().__init__()
        self.content, self.user, self.settings = content, user, settings
        self.startup_warning: str | None = None  # set by build_window; run_app shows it in a dialog
        self.runner = runner or TaskRunner(self)
        self.runner.task_failed.connect(lambda _channel, text: self.statusBar().showMessage(text, 10000))
        input_guards.install(QApplication.instance())  # type: ignore[arg-type]  # wheel, focus in view
        self.pages = PageBuilder(content, user_dir=user.notebook.user_dir if user else None, clinic=clinic)
        self.pages.lang = current_language() if lang is None else lang
        self.navigator = Navigator(self.pages)
        self.setWindowTitle("BreastEdu")
        self.appearance = Appearance(theme or saved_theme(settings), window_state.saved_zoom(settings), self)
        self.appearance.apply()
        self.search = SearchService.over(content, cache_dir=paths.cache_dir())
        self.sidebar = Sidebar(self._run_search, self.runner, self.open_target, self)
        self.search_pane, self.tree = self.sidebar.search_pane, self.sidebar.tree
        take_focus_on_show(self, self.search_pane.box)  # keyboard focus even without a WM
        self.reading = ReadingArea(content, self.runner, self.open_target, self)
        self.reader, self.banner = self.reading.reader, self.reading.banner
        self.outline = self.reading.outline
        self.question_list = self.reading.question_list
        self.search_pane.cleared.connect(self.reader.clear_highlights)  # no stale marks (A10)
        self.splitter = side_by_side(self.sidebar, self.reading, self, SIDEBAR_PX)
        self.setCentralWidget(self.splitter)

        c = self.commands = WindowActions(
            self,
            self.appearance,
            Slots(self.go_back, self.go_forward, self.open_target, lambda step: self.focus_chain.cycle(step),
                  lambda: self.drawer.focus_search(),
                  self.choose_theme, self.close),
        )  # fmt: skip
        self.drawer = SidebarDrawer(self.sidebar, self.splitter, c.drawer_action, self.reader.browser)
        # Backspace goes back only while she reads: in a text field it deletes, as it should.
        back_key = QShortcut(QKeySequence("Backspace"), self.reader.browser, self.go_back)
        back_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.notebook = NotebookDock(user, self.runner, self) if user is not None else None
        dock = self.notebook
        self.my_data = dock.my_data if dock else None
        self.wiring = None if dock is None else NotebookWiring(
            self, dock, c, self.navigator, hub=self.user_data_changed, banner=self.banner,
            open_target=self.open_target, selected_text=self._selected_text,
        )  # fmt: skip
        if dock is not None:  # the sidebar folds when the docked notebook takes its room
            dock.visibilityChanged.connect(self._on_notebook_moved)
            dock.topLevelChanged.connect(self._on_notebook_moved)
        self.printing = PrintActions(
            content, self.runner, self._printable_slug, self, settings=settings, clinic=clinic
        )
        self._wire_printing()
        c.add_language_menu(self.pages.lang, self.choose_language)
        c.add_help_menu()
        self.focus_chain = FocusChain(self, self._pane_chain, self.notebook)
        self.resting = RestingStatus(self.statusBar(), content, self.runner, notes_here=bool(user))
        self.statusBar().showMessage(translate("shell.main_window", "Loading the library…"))
        self._restored_geometry = window_state.restore(self, self.splitter, settings)
        self.appearance.appearance_changed.connect(self._on_appearance_changed)
        self._built = False
        self._on_appearance_changed()
        self._built = True
        notice = user_problem or (startup_notice(user) if user is not None else None)
        if notice:
            self.banner.show_text(notice)
        self.runner.submit("tree", content.tree, self.pages.lang, on_done=self._on_tree_loaded, owner=self)
        self.runner.submit(
            "glossary", lambda: self.pages.glossary, on_done=self.reader.set_glossary, owner=self
        )
        self.sidebar.prepare_search(self.search.prepare)  # the first keystroke does not wait

    # Her notebook's panes: each made the first time it is shown or asked for (see NotebookDock).

    @property
    def notes_pane(self) -> NotesPane | None:
        return self.notebook.notes_pane if self.notebook is not None else None

    @property
    def followups_pane(self) -> FollowUpsPane | None:
        return self.notebook.followups_pane if self.notebook is not None else None

    @property
    def basket_pane(self) -> BasketPane | None:
        return self.notebook.basket_pane if self.notebook is not None else None

    def _wire_printing(self) -> None:
        """File: Print…, Print preview, Save as PDF…, Sheet options…, Add to handout pack."""
        self.printing.status_changed.connect(lambda text: self.statusBar().showMessage(text, 10000))
        actions = self.printing.actions()
        if self.wiring is not None:
            actions.append(self.wiring.add_to_pack_action)
            self.wiring.wire_pack(self.printing, self._run_search)
        self.addActions(actions)
        self.commands.add_file_actions(actions)
        self.page_shown.connect(lambda _page: self._enable_print_actions())
        self._enable_print_actions()

    # Layout and keys ------------------------------------------------------------------------

    def place_on_screen(self, available: QRect) -> bool:
        """Size and place the window for a screen (True: show it maximised); on a first start the
        notebook is open only if the page keeps room to read."""
        rect, maximise = start_geometry(self.geometry() if self._restored_geometry else None, available)
        self.setGeometry(rect)
        if not self._restored_geometry:
            self._size_sidebar()
            if self.notebook is not None:
                self.notebook.setVisible(notebook_open_at_start(rect.width()))
        self._update_layout()
        return maximise

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_layout()

    def _update_layout(self) -> None:
        docked = self.notebook is not None and self.notebook.isVisible() and not self.notebook.isFloating()
        self.drawer.update(round(self.width() / self.appearance.scale), docked)

    def _on_notebook_moved(self, _shown_or_floating: bool) -> None:
        if shiboken6.isValid(self):  # the dock hides itself while the window is destroyed
            self._update_layout()

    def is_sidebar_a_drawer(self) -> bool:
        """True while the sidebar is folded into the ☰ Topics drawer."""
        return self.drawer.folded

    def _pane_chain(self) -> list[QWidget]:
        """Search box, results, topics, the page, the notebook: the Tab and F6 order."""
        chain: list[QWidget] = [self.search_pane.box, self.search_pane.list, self.tree.view]
        chain += [self.outline.toggle, self.outline.view]
        return [*chain, self.reader.browser] + ([self.notebook.tabs.tabBar()] if self.notebook else [])

    def panes(self) -> list[QWidget]:
        """The parts of the window F6 visits now (those shown), in Tab order."""
        return self.focus_chain.shown()

    # Look -----------------------------------------------------------------------------------

    def choose_theme(self, theme: str) -> None:
        """Apply a theme chosen in the View menu and remember it."""
        self.appearance.set_theme(theme)
        if self.settings is not None:
            self.settings.setValue("view/theme", theme)

    def choose_language(self, lang: str) -> None:
        """View → Language: the interface and the pages switch now, and the choice is kept."""
        if self.settings is not None:
            self.settings.setValue("view/language", lang)
        if lang == self.pages.lang:
            return
        install_language(lang)
        retranslate(self)
        self.commands.language_actions[lang].setChecked(True)
        self.pages.lang = lang
        content = self.content
        self.runner.submit("tree", content.tree, lang, on_done=self._on_tree_loaded, owner=self)
        if self.notebook is not None:  # texts with counts and dates are rebuilt by a refresh
            self.user_data_changed.emit(ALL)
        if self.search_pane.query():  # her results again, in the new language
            self.search_pane.set_query(self.search_pane.query())
        page = self.current_page
        if page is not None:  # the same page again, in the new language, without a history step
            self._load(Visit(page.target, record=False), self.navigator.build)

    def _on_appearance_changed(self) -> None:
        """A new theme or text size: the page re-renders, the menus show the choice."""
        self.reader.set_text_size(round(BASE_POINT_SIZE * self.appearance.scale))
        self.commands.paint_icons()
        self.commands.show_appearance()
        if self._built:  # at start-up the saved sizes (or place_on_screen) decide
            self._size_sidebar()
        self._update_layout()

    def _size_sidebar(self) -> None:
        """The sidebar and the notebook grow with their text, up to 40 % of the window each."""
        total = max(self.width(), self.splitter.width())
        sidebar = min(round(SIDEBAR_PX * self.appearance.scale), round(0.4 * total))
        self.splitter.setSizes([sidebar, max(1, total - sidebar)])
        if self.notebook is not None:
            width = min(round(NOTEBOOK_PX * self.appearance.scale), round(0.4 * self.width()))
            self.resizeDocks([self.notebook], [width], Qt.Orientation.Horizontal)

    def start_page(self) -> str:
        """The first page: the welcome page on the very first start, else home."""
        if self.settings is None or self.settings.value("welcome/shown", False, bool):
            return HOME
        self.settings.setValue("welcome/shown", True)
        self.settings.sync()
        return info.WELCOME

    # Her notebook, printing and search --------------------------------------------------------

    @property
    def current_page(self) -> RenderedPage | None:
        """The page on screen (the Navigator's)."""
        return self.navigator.current

    def _printable_slug(self) -> str | None:
        return self.current_page.printable_slug if self.current_page is not None else None

    def _enable_print_actions(self) -> None:
        printable = self._printable_slug() is not None
        self.printing.set_page_printable(printable)
        if self.wiring is not None:
            self.wiring.add_to_pack_action.setEnabled(printable)

    def show_followups(self) -> None:
        """Bring the follow-up tracker into view."""
        if self.wiring is not None:
            self.wiring.show_followups()

    def _selected_text(self) -> str:
        return self.reader.browser.textCursor().selectedText().replace("\u2029", "\n")

    def _run_search(self, query: str) -> SearchResults:
        """Runs on a worker thread (the search pane submits it to the runner)."""
        results = self.search.search(query, limit=30)
        lang = self.pages.lang
        if lang != ENGLISH:  # titles and snippets in her language where translated (as the CLI)
            results = localized(results, self.content.localizer(lang))
        return results

    def search_for(self, text: str) -> None:
        """Put ``text`` in the search box and search (used by ``screenshot --search``)."""
        self.search_pane.set_query(text)

    def _on_tree_loaded(self, groups: tuple[TopicGroupRef, ...]) -> None:
        self.sidebar.set_groups(groups)
        if self.notebook is not None:
            self.notebook.set_topic_titles({t.slug: t.title for g in groups for t in g.topics})

    # Navigation: the Navigator decides, the window shows ---------------------------------------

    def open_target(self, target: str, *, highlight: tuple[str, ...] = ()) -> None:
        """Load ``target`` (``home``, ``topic/x``, ``question/y``, ``glossary``) off the GUI thread."""
        self._load(self.navigator.request(target, highlight=highlight), self.navigator.build)

    def open_slug(self, slug: str) -> None:
        """Open a topic or question by its bare slug (used by ``screenshot --open``)."""
        self._load(self.navigator.request(slug), self.navigator.build_slug)

    def _load(self, visit: Visit, build: Callable[[str], RenderedPage]) -> None:
        self.statusBar().showMessage(translate("shell.main_window", "Opening the page…"))
        show = lambda page: self._show_page(page, visit)  # noqa: E731
        self.runner.submit("page", build, visit.target, on_done=show, owner=self)

    def _show_page(self, page: RenderedPage, visit: Visit) -> None:
        self.reading.show_arrival(self.navigator.arrive(page, visit, self.reader.scroll_fraction()))
        self.commands.back_action.setEnabled(self.navigator.can_go_back())
        self.commands.forward_action.setEnabled(self.navigator.can_go_forward())
        self.tree.select_topic(page.topic_slug)
        self.setWindowTitle(f"{page.title} — BreastEdu")
        self.statusBar().clearMessage()
        if self.notebook is not None:
            self.notebook.set_context(page.link)
        self.page_shown.emit(page)

    def go_back(self) -> None:
        """Show the previous page, scrolled to where she left it."""
        visit = self.navigator.back(self.reader.scroll_fraction())
        if visit is not None:
            self._load(visit, self.navigator.build)

    def go_forward(self) -> None:
        """Show the next page after going back, scrolled to where she left it."""
        visit = self.navigator.forward(self.reader.scroll_fraction())
        if visit is not None:
            self._load(visit, self.navigator.build)

    # Settings -------------------------------------------------------------------------------

    def save_settings(self) -> None:
        """Remember window geometry, panes and text size."""
        splitter = self.drawer.splitter_state if self.drawer.folded else self.splitter.saveState()
        window_state.save(self, splitter, self.appearance.zoom, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        if self.notebook is not None:
            self.notebook.flush_notes()  # a note typed a moment ago is written before we go
        self.runner.drain(10000)  # the saves run and their outcomes reach the pane
        if self.notebook is not None and not self.notebook.may_close():
            event.ignore()  # a save failed and she chose to keep trying
            return
        super().closeEvent(event)
