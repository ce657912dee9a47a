"""The main window: wires the panes to core services. The only module that knows them all.

Page loads run on the TaskRunner's ``page`` channel, so the GUI thread never waits on the
content DB and a quick second click makes the first load stale instead of flashing it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from breastedu.core import paths
from breastedu.core.clinic import Clinic
from breastedu.core.content.dto import TopicGroupRef
from breastedu.core.content.service import ContentService
from breastedu.core.notebook.followups import attention_sentence
from breastedu.core.notebook.service import Notebook
from breastedu.core.render import info
from breastedu.core.render.history import History
from breastedu.core.render.pages import HOME, PageBuilder, RenderedPage, glossary_query
from breastedu.core.search.service import SearchResults, SearchService
from breastedu.ui.common import input_guards
from breastedu.ui.common.icons import line_icon
from breastedu.ui.common.tabs import fit_tabs, focus_tab
from breastedu.ui.common.theme import THEME_LABELS, ZOOM_LEVELS, Appearance, saved_theme
from breastedu.ui.common.window_fit import notebook_open_at_start, sidebar_as_drawer, start_geometry
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.library.outline import OutlinePane
from breastedu.ui.library.question_list import QuestionListPane
from breastedu.ui.library.reader import BASE_POINT_SIZE, ReaderPane
from breastedu.ui.library.topic_tree import TopicTreePane
from breastedu.ui.notebook.basket_pane import BasketPane
from breastedu.ui.notebook.followups_pane import FollowUpsPane
from breastedu.ui.notebook.my_data import MyDataActions
from breastedu.ui.notebook.notes_pane import NotesPane
from breastedu.ui.printing.actions import PrintActions
from breastedu.ui.search.panel import SearchPane
from breastedu.ui.shell.shortcuts import take_focus_on_show, unique_keys

SIDEBAR_PX = 300
NOTEBOOK_PX = 340


@dataclass
class UserServices:
    """Her notebook's services and today's date (never in kiosk mode)."""

    notebook: Notebook
    today: Callable[[], dt.date] = dt.date.today


class MainWindow(QMainWindow):
    """Topic tree and search on the left, the reader in the middle.

    Signals:
        page_shown(object): a :class:`RenderedPage` has just been shown.
        user_data_changed(str): her data changed (the one notification, see ui/common/user_data.py).
    """

    page_shown = Signal(object)
    user_data_changed = Signal(str)
    _index_progress = Signal(int, int)  # questions indexed, in all (a first start's build)

    def __init__(
        self,
        content: ContentService,
        *,
        settings: QSettings | None = None,
        kiosk: bool = False,
        runner: TaskRunner | None = None,
        user: UserServices | None = None,
        user_problem: str | None = None,
        theme: str | None = None,
        clinic: Clinic | None = None,
    ) -> None:
        """``theme`` (from ``--theme``) wins over the one she chose last time, for this run.

        ``clinic`` names the header of printed sheets (None: a plain BreastEdu header).
        """
        super().__init__()
        self.content = content
        self.user = None if kiosk else user
        self.kiosk = kiosk
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self.runner.task_failed.connect(self._on_task_failed)
        input_guards.install(QApplication.instance())  # type: ignore[arg-type]  # wheel, focus in view
        self.pages = PageBuilder(content, user_dir=self.user.notebook.user_dir if self.user else None)
        self.history = History()
        self.current_page: RenderedPage | None = None
        self.setWindowTitle("BreastEdu")
        self.appearance = Appearance(
            theme or saved_theme(self.settings), self._setting("view/zoom", "normal"), self
        )
        self.appearance.apply()

        self.tree = TopicTreePane(self)
        self.tree.topic_selected.connect(lambda slug: self.open_target(f"topic/{slug}"))
        self.reader = ReaderPane(paths.resources_dir() / "illustrations", self)
        self.reader.link_activated.connect(self.open_target)
        self.reader.external_link_requested.connect(self._on_external_link)

        self.banner = _Banner(self)
        self.sidebar = QWidget(self)
        self.sidebar_layout = QVBoxLayout(self.sidebar)
        self.sidebar_layout.setContentsMargins(6, 6, 0, 6)
        # A large library keeps its search index in the cache folder; kiosk mode writes nothing.
        self.search = SearchService.over(content, cache_dir=None if kiosk else paths.cache_dir())
        self.search_pane = SearchPane(self._run_search, self.runner, self.sidebar)
        self.search_pane.result_activated.connect(
            lambda target, terms: self.open_target(target, highlight=tuple(terms))
        )
        self.search_pane.topic_requested.connect(lambda slug: self.open_target(f"topic/{slug}"))
        # A choice made in the folded sidebar (the drawer) closes it, the page gets the room.
        self.tree.topic_selected.connect(lambda _slug: self.close_drawer())
        self.search_pane.result_activated.connect(lambda _target, _terms: self.close_drawer())
        self.topics_heading = QLabel("<b>Topics</b>", self.sidebar)
        self.sidebar_layout.addWidget(self.search_pane)
        self.sidebar_layout.addWidget(self.topics_heading)
        self.sidebar_layout.addWidget(self.tree, 1)
        # While she searches, the results get the whole sidebar; the tree comes back after.
        self.search_pane.box.textChanged.connect(self._on_search_text)
        self._index_progress.connect(self.search_pane.show_preparing)
        self.search_pane.cleared.connect(self.reader.clear_highlights)  # no stale marks (A10)
        take_focus_on_show(self, self.search_pane.box)  # keyboard focus even without a WM

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        reading = QWidget(self)
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.banner)
        self.outline = OutlinePane(self.reader, reading)  # "On this page": headings and links
        reading_layout.addWidget(self.outline)
        # A topic's whole question list replaces the reader while shown (a lazy list, not HTML).
        self.question_list = QuestionListPane(reading)
        self.question_list.link_activated.connect(self.open_target)
        self.reading_stack = QStackedWidget(reading)
        self.reading_stack.addWidget(self.reader)
        self.reading_stack.addWidget(self.question_list)
        reading_layout.addWidget(self.reading_stack, 1)
        self.splitter.addWidget(reading)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([SIDEBAR_PX, 900])
        self.setCentralWidget(self.splitter)
        self.notebook: QDockWidget | None = None
        self._drawer_mode = False
        self._splitter_state: QByteArray | None = None
        self._build_actions()
        self.file_menu = self._build_file_menu()
        self.view_menu = self._build_view_menu()
        self.notes_pane: NotesPane | None = None
        self.followups_pane: FollowUpsPane | None = None
        self.my_data: MyDataActions | None = None
        if self.user is not None:
            self._build_notebook(self.user)
        self._build_print_actions(clinic)
        self.help_menu = self._build_help_menu()
        self._add_help_pages()
        self._set_tab_order()
        self._describe_panes()
        self.statusBar().showMessage("Loading the library…")
        self._restored_geometry = self._restore_settings()
        self.appearance.appearance_changed.connect(self._on_appearance_changed)
        self._built = False
        self._on_appearance_changed()
        self._built = True
        if user_problem:
            self.banner.show_text(user_problem)
        elif self.user is not None and self.user.notebook.notice:
            self.banner.show_text(self.user.notebook.notice)

        self.runner.submit("tree", content.tree, on_done=self._on_tree_loaded, owner=self)
        self.runner.submit(
            "glossary", lambda: self.pages.glossary, on_done=self.reader.set_glossary, owner=self
        )
        # Open (or, the first time for a large library, build) the search index in the
        # background, so the first keystroke does not wait for it.
        self.search_pane.hold()
        self.runner.submit(
            "search-index",
            self.search.prepare,
            self._index_progress.emit,  # from the worker; the signal crosses to this thread
            owner=self,
            on_done=lambda _none: self.search_pane.resume(),
            on_error=lambda _error: self.search_pane.resume(),  # the search itself says what is wrong
        )

    # Actions ------------------------------------------------------------------------------

    def _action(self, text: str, shortcuts: list[QKeySequence], slot: object, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setToolTip(f"{tip} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        seq = QKeySequence
        self.back_action = self._action("Back", [seq(seq.StandardKey.Back)], self.go_back, "Go back")
        # Backspace goes back only while she reads: in a text field it deletes, as it should.
        back_in_reader = QShortcut(seq("Backspace"), self.reader.browser, self.go_back)
        back_in_reader.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.next_pane_action = self._action(
            "Next part of the window", [seq("F6")], lambda: self.cycle_panes(+1), "Jump to the next part"
        )
        self.previous_pane_action = self._action(
            "Previous part of the window",
            [seq("Shift+F6")],
            lambda: self.cycle_panes(-1),
            "Jump to the previous part",
        )
        self.forward_action = self._action(
            "Forward", [seq(seq.StandardKey.Forward)], self.go_forward, "Go forward"
        )
        self.home_action = self._action(
            "Home", [seq("Alt+Home")], lambda: self.open_target(HOME), "Go to the home page"
        )
        self.glossary_action = self._action(
            "Glossary", [seq("Ctrl+G")], lambda: self.open_target("glossary"), "Open the glossary of words"
        )
        self.smaller_action = self._action(
            "A−",
            unique_keys(seq(seq.StandardKey.ZoomOut), seq("Ctrl+-")),
            lambda: self.appearance.step_zoom(-1),
            "Smaller text in the whole window",
        )
        self.larger_action = self._action(
            "A+",
            unique_keys(seq(seq.StandardKey.ZoomIn), seq("Ctrl++"), seq("Ctrl+=")),
            lambda: self.appearance.step_zoom(+1),
            "Larger text in the whole window",
        )
        self.find_action = self._action(
            "Search",
            unique_keys(seq(seq.StandardKey.Find), seq("Ctrl+K")),
            self.show_search,
            "Search the library",
        )
        self.reset_size_action = self._action(
            "A", [seq("Ctrl+0")], lambda: self.appearance.set_zoom("normal"), "Normal text size"
        )
        self.drawer_action = QAction("Topics", self)
        self.drawer_action.setCheckable(True)
        self.drawer_action.setShortcut(QKeySequence("Ctrl+T"))
        self.drawer_action.setToolTip("Show or hide the search and the topics (Ctrl+T)")
        self.drawer_action.toggled.connect(self._on_drawer_toggled)
        self.drawer_action.setVisible(False)
        self.addAction(self.drawer_action)
        self.toolbar = QToolBar("Navigation", self)
        self.toolbar.setObjectName("navigation")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.drawer_action)
        for action in (self.back_action, self.forward_action, self.home_action, self.glossary_action):
            self.toolbar.addAction(action)
        # Her notebook's buttons go here; the text size last, the first to move into the »
        # overflow menu on a narrow screen (it is in the View menu and on Ctrl++/Ctrl+- too).
        self.notebook_separator = self.toolbar.addSeparator()
        self.size_separator = self.toolbar.addSeparator()
        for action in (self.smaller_action, self.larger_action):  # "A" (normal) is in View
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)
        self._update_nav_actions()

    # Menus --------------------------------------------------------------------------------

    def _build_file_menu(self) -> QMenu:
        """File: Quit last (other commands, e.g. printing, are inserted above it)."""
        menu = self.menuBar().addMenu("&File")
        menu.setObjectName("fileMenu")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        # A kiosk is left by staff only (the kiosk's own PIN exit), never by a visitor's Ctrl+Q.
        self.quit_action.setEnabled(not self.kiosk)
        self.quit_action.setVisible(not self.kiosk)
        menu.addAction(self.quit_action)
        return menu

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Put ``actions`` in the File menu above Quit, followed by a separator."""
        self.file_menu.insertActions(self.quit_action, actions)
        self.file_menu.insertSeparator(self.quit_action)

    def _build_view_menu(self) -> QMenu:
        """View: theme, text size, and the panes."""
        menu = self.menuBar().addMenu("&View")
        themes = menu.addMenu("&Colours")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in THEME_LABELS.items():
            action = QAction(label, self.theme_group)
            action.setCheckable(True)
            action.setChecked(key == self.appearance.theme)
            action.triggered.connect(lambda _checked=False, key=key: self.choose_theme(key))
            themes.addAction(action)
            self.theme_actions[key] = action
        sizes = menu.addMenu("&Text size")
        self.zoom_group = QActionGroup(self)
        self.zoom_actions: dict[str, QAction] = {}
        for key, label, _scale in ZOOM_LEVELS:
            action = QAction(label, self.zoom_group)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, key=key: self.appearance.set_zoom(key))
            sizes.addAction(action)
            self.zoom_actions[key] = action
        sizes.addSeparator()
        sizes.addActions([self.larger_action, self.smaller_action, self.reset_size_action])
        menu.addSeparator()
        # Every toolbar button is here too, so the menu bar (Alt) reaches all of them.
        menu.addActions([self.back_action, self.forward_action, self.home_action, self.glossary_action])
        menu.addActions([self.find_action, self.drawer_action])
        menu.addActions([self.next_pane_action, self.previous_pane_action])
        menu.addSeparator()
        return menu

    def _build_help_menu(self) -> QMenu:
        """Help: keyboard shortcuts (About and Privacy are added to it by their owners)."""
        menu = self.menuBar().addMenu("&Help")
        menu.setObjectName("helpMenu")
        self.shortcuts_action = QAction("&Keyboard shortcuts", self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.addAction(self.shortcuts_action)
        menu.addAction(self.shortcuts_action)
        return menu

    def show_shortcuts(self) -> None:
        """A window listing every keyboard shortcut, read from the actions themselves."""
        from breastedu.ui.shell.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.actions(), self).exec()

    # Layout -------------------------------------------------------------------------------

    def place_on_screen(self, available: QRect) -> bool:
        """Size and place the window for a screen whose free area is ``available``.

        :func:`start_geometry` (the start frame uses it too); on a first start the notebook is
        open only if the page keeps room to read.
        Returns True when the window should be shown maximised.
        """
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
        """Fold the sidebar into a drawer when the window is too narrow for it."""
        docked = self.notebook is not None and self.notebook.isVisible() and not self.notebook.isFloating()
        # Measured in normal-size pixels: larger text needs the room a narrower window lacks.
        drawer = sidebar_as_drawer(round(self.width() / self.appearance.scale), docked)
        if drawer == self._drawer_mode:
            return
        self._drawer_mode = drawer
        if drawer:
            self._splitter_state = self.splitter.saveState()
        self.drawer_action.setChecked(False)
        self.drawer_action.setVisible(drawer)
        self.sidebar.setVisible(not drawer)

    def _on_notebook_moved(self, _shown_or_floating: bool) -> None:
        if shiboken6.isValid(self):  # the dock hides itself while the window is destroyed
            self._update_layout()

    def _on_drawer_toggled(self, opened: bool) -> None:
        if not self._drawer_mode:
            return
        self.sidebar.setVisible(opened)
        if opened:
            self.search_pane.focus_search()

    def show_search(self) -> None:
        """Ctrl+F / Ctrl+K: the search box, in view (a folded sidebar opens as the drawer)."""
        if self._drawer_mode and not self.drawer_action.isChecked():
            self.drawer_action.setChecked(True)  # opening it focuses the box
        else:
            self.search_pane.focus_search()

    def close_drawer(self) -> None:
        """Fold the drawer away again (after she picked something in it)."""
        if self._drawer_mode and self.drawer_action.isChecked():
            self.drawer_action.setChecked(False)
            self.reader.browser.setFocus()

    def is_sidebar_a_drawer(self) -> bool:
        """True while the sidebar is folded into the ☰ Topics drawer."""
        return self._drawer_mode

    # Keyboard -----------------------------------------------------------------------------

    def _pane_chain(self) -> list[QWidget]:
        """Search box, results, topics, the page, the notebook: the Tab and F6 order."""
        chain: list[QWidget] = [self.search_pane.box, self.search_pane.list, self.tree.view]
        chain += [self.outline.toggle, self.outline.view]
        chain.append(self.reader.browser)
        if self.notebook is not None:
            chain.append(self.notebook_tabs.tabBar())
        return chain

    def panes(self) -> list[QWidget]:
        """The parts of the window F6 visits now (those shown), in Tab order."""
        return [w for w in self._pane_chain() if w.isVisibleTo(self) and w.isEnabled()]

    def _describe_panes(self) -> None:
        """What each part of the window is, for screen readers."""
        self.tree.view.setAccessibleDescription("Topics by group. Enter opens a topic.")
        self.reader.browser.setAccessibleDescription(
            "The page you are reading. Tab moves through its links; Backspace goes back."
        )
        if self.notebook is not None:
            self.notebook_tabs.setAccessibleName("My notebook")
            self.notebook_tabs.tabBar().setAccessibleName("My notebook: notes or follow-ups")
            self.notebook_tabs.tabBar().setAccessibleDescription("Left and right arrows switch the tab")

    def _set_tab_order(self) -> None:
        for first, second in itertools.pairwise(self._pane_chain()):
            QWidget.setTabOrder(first, second)

    def cycle_panes(self, step: int) -> None:
        """Move the keyboard focus to the next (+1) or previous (-1) part of the window (a
        folded sidebar is skipped: ☰ Topics, Ctrl+T, opens it)."""
        parts = self.panes()
        if not parts:
            return
        focus = QApplication.focusWidget()
        current = next(
            (i for i, w in enumerate(parts) if focus is w or (focus and w.isAncestorOf(focus))), -1
        )
        if current < 0 and self.notebook is not None and focus is not None:
            current = len(parts) - 1 if self.notebook.isAncestorOf(focus) else -1
        target = parts[(current + step) % len(parts)]
        target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)

    # Look ---------------------------------------------------------------------------------

    def choose_theme(self, theme: str) -> None:
        """Apply a theme chosen in the View menu and remember it."""
        self.appearance.set_theme(theme)
        if self.settings is not None and not self.kiosk:
            self.settings.setValue("view/theme", theme)

    def _on_appearance_changed(self) -> None:
        """A new theme or text size: the page re-renders, the menus show the choice."""
        scale = self.appearance.scale
        self.reader.set_text_size(round(BASE_POINT_SIZE * scale))
        self._paint_icons()
        self.theme_actions[self.appearance.theme].setChecked(True)
        self.zoom_actions[self.appearance.zoom].setChecked(True)
        self.smaller_action.setEnabled(self.appearance.zoom != ZOOM_LEVELS[0][0])
        self.larger_action.setEnabled(self.appearance.zoom != ZOOM_LEVELS[-1][0])
        if self._built:  # at start-up the saved sizes (or place_on_screen) decide
            self._size_sidebar()
        self._update_layout()

    def _paint_icons(self) -> None:
        """Toolbar icons in the theme's text colour, sized with the text (labels stay beside)."""
        colour = self.appearance.palette().text
        icons = {
            "topics": self.drawer_action,
            "back": self.back_action,
            "forward": self.forward_action,
            "home": self.home_action,
            "glossary": self.glossary_action,
        }
        if self.notebook is not None:
            icons.update({"follow-up": self.follow_up_action, "notebook": self.notebook_action})
        for name, action in icons.items():
            action.setIcon(line_icon(name, colour))
        side = round(20 * self.appearance.scale)
        self.toolbar.setIconSize(QSize(side, side))

    def _size_sidebar(self) -> None:
        """The sidebar and the notebook grow with their text, up to 40 % of the window each."""
        total = max(self.width(), self.splitter.width())
        sidebar = min(round(SIDEBAR_PX * self.appearance.scale), round(0.4 * total))
        self.splitter.setSizes([sidebar, max(1, total - sidebar)])
        if self.notebook is not None:
            width = min(round(NOTEBOOK_PX * self.appearance.scale), round(0.4 * self.width()))
            self.resizeDocks([self.notebook], [width], Qt.Orientation.Horizontal)

    def _setting(self, key: str, default: str) -> str:
        if self.settings is None:
            return default
        value = self.settings.value(key, default)
        return value if isinstance(value, str) else default

    # Help pages ---------------------------------------------------------------------------

    def _add_help_pages(self) -> None:
        """Help: the welcome page again, where her data lives, and About (pages in the reader)."""
        menu = self.help_menu
        menu.addSeparator()
        self.help_actions: dict[str, QAction] = {}
        for target, text in (
            (info.WELCOME, "Welcome"),
            (info.PRIVACY, "Privacy and your data"),
            (info.ABOUT, "About BreastEdu"),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, t=target: self.open_target(t))
            menu.addAction(action)
            self.help_actions[target] = action
        self.help_actions[info.ABOUT].setMenuRole(QAction.MenuRole.AboutRole)

    def start_page(self) -> str:
        """The first page: the welcome page on the very first start (never in kiosk), else home."""
        if self.kiosk or self.settings is None or self.settings.value("welcome/shown", False, bool):
            return HOME
        self.settings.setValue("welcome/shown", True)
        self.settings.sync()
        return info.WELCOME

    # Her notebook ---------------------------------------------------------------------------

    def _build_notebook(self, user: UserServices) -> None:
        """The notes pane and the follow-up tracker in a dock, and the My data menu."""
        self.notes_pane = NotesPane(user.notebook.notes, self.runner, self)
        self.followups_pane = FollowUpsPane(
            user.notebook.followups,
            self.runner,
            user.today,
            self,
            questions_for_doctor=user.notebook.notes.questions_for_doctor,
        )
        self.notebook_tabs = QTabWidget(self)
        fit_tabs(self.notebook_tabs)  # whole tab names, on two lines when the dock is narrow
        # Each tab scrolls rather than forcing its height (and width) on the whole window.
        self.notebook_tabs.addTab(_scrolling(self.notes_pane), "My notes")
        self.notebook_tabs.addTab(_scrolling(self.followups_pane), "Follow-ups")
        self.notebook = QDockWidget("My notebook", self)
        self.notebook.setObjectName("notebook")
        self.notebook.setWidget(self.notebook_tabs)
        self.notebook.setTitleBarWidget(_DockTitle(self.notebook))
        self.notebook.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notebook)
        self.resizeDocks([self.notebook], [NOTEBOOK_PX], Qt.Orientation.Horizontal)
        self.notebook.visibilityChanged.connect(self._on_notebook_moved)
        self.notebook.topLevelChanged.connect(self._on_notebook_moved)

        for pane in (self.notes_pane, self.followups_pane):
            pane.open_requested.connect(self.open_target)
        self.followups_pane.attention_changed.connect(self._on_attention)
        self.banner.action_clicked.connect(self.show_followups)

        self.follow_up_action = self._action(
            "Follow-up",
            [QKeySequence("Ctrl+Shift+F")],
            self.follow_up_from_page,
            "Add a follow-up date, using the selected text or this page's reply",
        )
        self.notebook_action = self.notebook.toggleViewAction()
        self.notebook_action.setText("My notebook")
        self.notebook_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.notebook_action.triggered.connect(lambda shown: focus_tab(self.notebook_tabs, shown))  # N16
        self.toolbar.insertActions(self.size_separator, [self.follow_up_action, self.notebook_action])

        self.my_data = MyDataActions(user.notebook.data, self.runner, self)
        self.my_data.flush_requested.connect(self.notes_pane.flush)
        self.my_data.status_changed.connect(lambda text: self.statusBar().showMessage(text, 10000))
        # One notification about her data: every writer feeds it, every pane hears it.
        for writer in (self.notes_pane, self.followups_pane, self.my_data):
            writer.user_data_changed.connect(self.user_data_changed)
        for pane in (self.notes_pane, self.followups_pane):
            self.user_data_changed.connect(pane.on_user_data_changed)
        menu = self.menuBar().addMenu("My &data")
        export_ics = QAction("Export follow-ups to a calendar (.ics)…", self)
        export_ics.triggered.connect(self.followups_pane.export_ics)
        visit_sheet = QAction("Print my visit sheet (PDF)…", self)
        visit_sheet.triggered.connect(self.followups_pane.print_visit_sheet)
        menu.addActions([export_ics, visit_sheet])
        menu.addSeparator()
        menu.addActions(self.my_data.actions())
        self.view_menu.addAction(self.notebook_action)

    # Printing -------------------------------------------------------------------------------

    def _build_print_actions(self, clinic: Clinic | None) -> None:
        """File: Print…, Print preview, Save as PDF…, Sheet options…, Add to handout pack; the
        handout pack (print basket) as a notebook tab. No basket in kiosk mode (no notebook)."""
        self.printing = PrintActions(
            self.content, self.runner, self._printable_slug, self, settings=self.settings, clinic=clinic
        )
        self.printing.status_changed.connect(lambda text: self.statusBar().showMessage(text, 10000))
        actions = self.printing.actions()
        self.basket_pane: BasketPane | None = None
        if self.user is not None:
            self.basket_pane = BasketPane(self.user.notebook.basket, self.runner, self)
            self.add_to_pack_action = QAction("&Add to handout pack", self)
            self.add_to_pack_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
            self.add_to_pack_action.setToolTip("Put this page in the handout pack, to print with others")
            self.add_to_pack_action.triggered.connect(self.add_page_to_pack)
            actions.append(self.add_to_pack_action)
            tab = self.notebook_tabs.addTab(_scrolling(self.basket_pane), "Handout pack")
            self.basket_pane.basket_changed.connect(
                lambda n: self.notebook_tabs.setTabText(tab, f"Handout pack ({n})" if n else "Handout pack")
            )
            self.basket_pane.open_requested.connect(self.open_target)
            self.basket_pane.user_data_changed.connect(self.user_data_changed)
            self.user_data_changed.connect(self.basket_pane.on_user_data_changed)
            self.basket_pane.print_requested.connect(lambda s: self.printing.print_slugs(s, "Handout pack"))
            self.basket_pane.preview_requested.connect(
                lambda s: self.printing.preview_slugs(s, "Handout pack")
            )
            self.basket_pane.save_requested.connect(lambda s: self.printing.save_slugs_pdf(s, "Handout pack"))
        for action in actions:
            self.addAction(action)
        self.add_file_actions(actions)
        self.page_shown.connect(lambda page: self._enable_print_actions())
        self._enable_print_actions()

    def _printable_slug(self) -> str | None:
        """The topic or question in the reader (home and the glossary do not print as sheets)."""
        page = self.current_page
        return (page.question_slug or page.topic_slug) if page else None

    def _enable_print_actions(self) -> None:
        printable = self._printable_slug() is not None
        self.printing.set_page_printable(printable)
        if self.basket_pane is not None:
            self.add_to_pack_action.setEnabled(printable)

    def add_page_to_pack(self) -> None:
        """Add to handout pack: the topic or question in the reader goes into the basket."""
        page, slug = self.current_page, self._printable_slug()
        if self.basket_pane is None or page is None or slug is None:
            return
        self.basket_pane.add("question" if page.question_slug else "topic", slug, page.title)
        self.statusBar().showMessage(f"Added “{page.title}” to the handout pack.", 8000)

    def show_basket(self) -> None:
        """Bring the handout pack into view."""
        if self.basket_pane is not None and self.notebook is not None:
            self.notebook.show()
            self.notebook_tabs.setCurrentIndex(self.notebook_tabs.count() - 1)

    def _run_search(self, query: str) -> SearchResults:
        """Runs on a worker thread (the search pane submits it to the runner)."""
        return self.search.search(query, limit=30)

    def _on_search_text(self, text: str) -> None:
        searching = bool(text.strip())
        self.topics_heading.setVisible(not searching)
        self.tree.setVisible(not searching)
        self.sidebar_layout.setStretchFactor(self.search_pane, 1 if searching else 0)

    def search_for(self, text: str) -> None:
        """Put ``text`` in the search box and search (used by ``screenshot --search``)."""
        self.search_pane.set_query(text)

    def _on_tree_loaded(self, groups: tuple[TopicGroupRef, ...]) -> None:
        self.tree.set_groups(groups)
        self.search_pane.set_topics([(t.slug, t.title) for g in groups for t in g.topics])
        if self.notes_pane is not None:
            self.notes_pane.set_topic_titles({t.slug: t.title for g in groups for t in g.topics})

    def _on_attention(self, overdue: int, due_soon: int) -> None:
        sentence = attention_sentence(overdue, due_soon)
        # Not while she is looking at them (A12: it came back right after each save).
        looking = (
            self.notebook is not None and self.notebook.isVisible() and self.notebook_tabs.currentIndex() == 1
        )
        if sentence and not looking:
            self.banner.show_text(sentence, action="Show follow-ups")
        elif self.banner.action_text() == "Show follow-ups":
            self.banner.hide()

    def show_followups(self) -> None:
        """Bring the follow-up tracker into view."""
        if self.followups_pane is not None and self.notebook is not None:
            self.notebook.show()
            self.notebook_tabs.setCurrentIndex(1)
            self.banner.hide()

    def follow_up_from_page(self) -> None:
        """Prefill a follow-up from the selected text, or from the reply on this page.

        The tracker only suggests what the text says ("annual" -> every 12 months) and she
        confirms it; nothing is saved here.
        """
        if self.followups_pane is None:
            return
        page = self.current_page
        selected = self.reader.browser.textCursor().selectedText().replace("\u2029", "\n")
        text = selected or (page.reply_text if page else "")
        kind = "question" if page and page.question_slug else ("topic" if page and page.topic_slug else None)
        slug = (page.question_slug or page.topic_slug) if page else None
        self.show_followups()
        self.followups_pane.suggest_from_text(
            text,
            page.title if page else "",
            slug,
            kind,
            page.topic_slug if page else None,
            advice_date=page.reply_date if page and page.question_slug else None,
        )

    def _update_nav_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    # Navigation ---------------------------------------------------------------------------

    def open_target(self, target: str, *, record: bool = True, highlight: tuple[str, ...] = ()) -> None:
        """Load ``target`` (``home``, ``topic/x``, ``question/y``, ``glossary``) off the GUI thread."""
        kind = target.split("/", 1)[0]
        what = {"topic": "the topic", "question": "the question", "glossary": "the glossary"}
        self.statusBar().showMessage(f"Opening {what.get(kind, 'the home page')}…")
        self.runner.submit(
            "page",
            self.pages.build,
            target,
            on_done=lambda page: self._show_page(page, record, highlight),
            owner=self,
        )

    def open_slug(self, slug: str) -> None:
        """Open a topic or question by its bare slug (used by ``screenshot --open``)."""
        self.runner.submit(
            "page",
            lambda: self.pages.build(self.pages.target_for_slug(slug)),
            on_done=lambda page: self._show_page(page, True, ()),
            owner=self,
        )

    def _show_page(self, page: RenderedPage, record: bool, highlight: tuple[str, ...]) -> None:
        if record:  # the page she leaves keeps its place for Back
            self.history.set_position(self.reader.scroll_fraction())
        self.current_page = page
        if page.question_list is not None:
            topic = page.question_list
            self.question_list.show_list(
                page.html,
                lambda offset, limit: self.content.topic_questions(topic, offset=offset, limit=limit),
                page.question_count,
            )
            self.reading_stack.setCurrentWidget(self.question_list)
        else:
            self.reading_stack.setCurrentWidget(self.reader)
            self.reader.show_html(page.html)
            self.reader.set_glossary_filter(glossary_query(page.target))
        if highlight:
            self.reader.highlight_terms(highlight)
        if record:
            self.history.visit(page.target)
        else:  # Back or Forward: where she was on that page
            self.reader.set_scroll_fraction(self.history.position)
        self._update_nav_actions()
        self.tree.select_topic(page.topic_slug)
        self.setWindowTitle(f"{page.title} — BreastEdu")
        self.statusBar().clearMessage()
        kind = "question" if page.question_slug else ("topic" if page.topic_slug else None)
        slug = page.question_slug or page.topic_slug
        title = page.title if kind else None
        for pane in (self.notes_pane, self.followups_pane):
            if pane is not None:
                pane.set_context(slug, kind, title, page.topic_slug)
        self.page_shown.emit(page)

    def go_back(self) -> None:
        """Show the previous page, scrolled to where she left it."""
        self.history.set_position(self.reader.scroll_fraction())
        target = self.history.back()
        if target:
            self.open_target(target, record=False)

    def go_forward(self) -> None:
        """Show the next page after going back, scrolled to where she left it."""
        self.history.set_position(self.reader.scroll_fraction())
        target = self.history.forward()
        if target:
            self.open_target(target, record=False)

    def _on_external_link(self, url: QUrl) -> None:
        if self.kiosk:
            self.statusBar().showMessage("Web links cannot be opened on this screen.", 8000)
            return
        if self.confirm_external_link(url):
            QDesktopServices.openUrl(url)

    def confirm_external_link(self, url: QUrl) -> bool:
        """Ask before a web page opens in the browser (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Open a web page?",
            f"This link leads to a web page outside BreastEdu:\n\n{url.toString()}\n\n"
            "Open it in your web browser? You need an internet connection for it.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_task_failed(self, channel: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # Settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> bool:
        """Restore the saved window; True if a saved geometry was found."""
        if self.settings is None:
            return False
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        geometry = self.settings.value("window/geometry")
        return isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)

    def save_settings(self) -> None:
        """Remember window geometry, panes and text size (never in kiosk mode)."""
        if self.settings is None or self.kiosk:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        splitter = self._splitter_state if self._drawer_mode else self.splitter.saveState()
        if splitter is not None:
            self.settings.setValue("window/splitter", splitter)
        self.settings.setValue("view/zoom", self.appearance.zoom)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        if self.notes_pane is not None:
            self.notes_pane.flush()  # a note typed a moment ago is written before we go
        self.runner.drain(10000)  # the saves run and their outcomes reach the pane
        if self.notes_pane is not None and not self.notes_pane.may_close():
            event.ignore()  # a save failed and she chose to keep trying
            return
        super().closeEvent(event)


class _DockTitle(QWidget):
    """A dock's title in the window's text size, with a labelled Close button (the built-in
    title bar draws a small fixed font and an unnamed button)."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.setObjectName("dockTitle")
        title = QLabel(f"<b>{dock.windowTitle()}</b>", self)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName(f"Close {dock.windowTitle()}")
        close.setToolTip(f"Close {dock.windowTitle()} (it opens again from the toolbar or the View menu)")
        close.clicked.connect(dock.close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 2)
        layout.addWidget(title, 1)
        layout.addWidget(close)


class _Banner(QWidget):
    """A quiet, non-modal message over the page with an optional button (never a dialog).

    Signals:
        action_clicked(): the button was pressed.
    """

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Notice")
        self.button = QPushButton(self)
        self.button.setAccessibleName("Notice action")
        self.button.clicked.connect(self.action_clicked)
        close = QPushButton("Dismiss", self)
        close.setAccessibleDescription("Hide this notice")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(close)
        self.hide()

    def show_text(self, text: str, action: str | None = None) -> None:
        """Show ``text``; ``action`` labels the button (hidden when None)."""
        self.label.setText(text)
        self.button.setText(action or "")
        self.button.setAccessibleName(action or "Notice action")
        self.button.setVisible(bool(action))
        self.show()

    def action_text(self) -> str:
        """The button's label while the banner shows one, else ``""``."""
        return self.button.text() if self.isVisible() and self.button.isVisible() else ""

    def text(self) -> str:
        """The message shown."""
        return self.label.text()


def _scrolling(pane: QWidget) -> QScrollArea:
    """``pane`` in a frameless scroll area that scrolls only when the room is too small."""
    area = QScrollArea(pane.parentWidget())
    area.setObjectName(f"{type(pane).__name__}Scroll")
    area.setWidget(pane)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
