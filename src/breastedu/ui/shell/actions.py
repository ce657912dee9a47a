"""The window's commands: every QAction with its keys, the toolbar, and the File, View and Help
menus. The window gives the slots; this module decides where each command shows and its keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from breastedu.core.render import info
from breastedu.core.render.html import WHO_WRITES
from breastedu.ui.common.i18n import LANGUAGE_NAMES, translate
from breastedu.ui.common.icons import line_icon
from breastedu.ui.common.theme import THEME_LABELS, ZOOM_LEVELS, Appearance
from breastedu.ui.shell.shortcuts import unique_keys


@dataclass(frozen=True)
class Slots:
    """What the commands do (the window's methods)."""

    back: Callable[[], None]
    forward: Callable[[], None]
    open_target: Callable[[str], None]
    cycle_panes: Callable[[int], None]
    find: Callable[[], None]
    choose_theme: Callable[[str], None]
    quit: Callable[[], object]


class WindowActions(QObject):
    """Every command of the main window, its toolbar and menus."""

    def __init__(self, window: QMainWindow, appearance: Appearance, slots: Slots) -> None:
        super().__init__(window)
        self._window = window
        self._appearance = appearance
        seq = QKeySequence
        self.back_action = self._action(
            translate("shell.actions", "Back"),
            [seq(seq.StandardKey.Back)],
            slots.back,
            translate("shell.actions", "Go back"),
        )
        self.next_pane_action = self._action(
            translate("shell.actions", "Next part of the window"),
            [seq("F6")],
            lambda: slots.cycle_panes(+1),
            translate("shell.actions", "Jump to the next part"),
        )
        self.previous_pane_action = self._action(
            translate("shell.actions", "Previous part of the window"),
            [seq("Shift+F6")],
            lambda: slots.cycle_panes(-1),
            translate("shell.actions", "Jump to the previous part"),
        )
        self.forward_action = self._action(
            translate("shell.actions", "Forward"),
            [seq(seq.StandardKey.Forward)],
            slots.forward,
            translate("shell.actions", "Go forward"),
        )
        self.home_action = self._action(
            translate("shell.actions", "Home"),
            [seq("Alt+Home")],
            lambda: slots.open_target("home"),
            translate("shell.actions", "Go to the home page"),
        )
        self.glossary_action = self._action(
            translate("shell.actions", "Glossary"),
            [seq("Ctrl+G")],
            lambda: slots.open_target("glossary"),
            translate("shell.actions", "Open the glossary of words"),
        )
        self.smaller_action = self._action(
            "A−",
            unique_keys(seq(seq.StandardKey.ZoomOut), seq("Ctrl+-")),
            lambda: appearance.step_zoom(-1),
            translate("shell.actions", "Smaller text in the whole window"),
        )
        # Ctrl++ is StandardKey.ZoomIn on Linux: each sequence once, or Qt calls it ambiguous.
        self.larger_action = self._action(
            "A+",
            unique_keys(seq(seq.StandardKey.ZoomIn), seq("Ctrl++"), seq("Ctrl+=")),
            lambda: appearance.step_zoom(+1),
            translate("shell.actions", "Larger text in the whole window"),
        )
        self.find_action = self._action(
            translate("shell.actions", "Search"),
            unique_keys(seq(seq.StandardKey.Find), seq("Ctrl+K")),
            slots.find,
            translate("shell.actions", "Search the library"),
        )
        self.reset_size_action = self._action(
            "A",
            [seq("Ctrl+0")],
            lambda: appearance.set_zoom("normal"),
            translate("shell.actions", "Normal text size"),
        )
        self.drawer_action = QAction(translate("shell.actions", "Topics"), window)
        self.drawer_action.setCheckable(True)
        self.drawer_action.setShortcut(QKeySequence("Ctrl+T"))
        self.drawer_action.setToolTip(
            translate("shell.actions", "Show or hide the search and the topics (Ctrl+T)")
        )
        self.drawer_action.setVisible(False)
        window.addAction(self.drawer_action)
        self.toolbar = QToolBar(translate("shell.actions", "Navigation"), window)
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
        self.toolbar.addActions([self.smaller_action, self.larger_action])  # "A" (normal) is in View
        window.addToolBar(self.toolbar)
        self.file_menu = self._file_menu(slots.quit)
        self.view_menu = self._view_menu(slots.choose_theme)
        self._slots = slots
        self.icons: dict[str, QAction] = {
            "topics": self.drawer_action,
            "back": self.back_action,
            "forward": self.forward_action,
            "home": self.home_action,
            "glossary": self.glossary_action,
        }

    def _action(self, text: str, shortcuts: list[QKeySequence], slot: object, tip: str) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts(shortcuts)
        action.setToolTip(f"{tip} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def show_shortcuts(self) -> None:
        """A window listing every keyboard shortcut, read from the window's actions themselves."""
        from breastedu.ui.shell.shortcuts import ShortcutsDialog

        ShortcutsDialog(self._window.actions(), self._window).exec()

    def add_action(self, text: str, keys: str, slot: Callable[[], None], tip: str) -> QAction:
        """A command of another part of the window (her notebook, the handout pack)."""
        return self._action(text, [QKeySequence(keys)], slot, tip)

    def add_to_toolbar(self, icons: dict[str, QAction]) -> None:
        """Her notebook's buttons (by icon name), before the text size."""
        self.toolbar.insertActions(self.size_separator, list(icons.values()))
        self.icons.update(icons)

    def paint_icons(self) -> None:
        """Toolbar icons in the theme's text colour, sized with the text (labels stay beside)."""
        colour = self._appearance.palette().text
        for name, action in self.icons.items():
            action.setIcon(line_icon(name, colour))
        side = round(20 * self._appearance.scale)
        self.toolbar.setIconSize(QSize(side, side))

    def show_appearance(self) -> None:
        """The View menu and the size buttons show the theme and text size in force."""
        appearance = self._appearance
        self.theme_actions[appearance.theme].setChecked(True)
        self.zoom_actions[appearance.zoom].setChecked(True)
        self.smaller_action.setEnabled(appearance.zoom != ZOOM_LEVELS[0][0])
        self.larger_action.setEnabled(appearance.zoom != ZOOM_LEVELS[-1][0])

    # Menus --------------------------------------------------------------------------------

    def _file_menu(self, quit_slot: Callable[[], object]) -> QMenu:
        """File: Quit last (other commands, e.g. printing, are inserted above it)."""
        menu = self._window.menuBar().addMenu(translate("shell.actions", "&File"))
        menu.setObjectName("fileMenu")
        self.quit_action = QAction(translate("shell.actions", "&Quit"), self._window)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(quit_slot)
        menu.addAction(self.quit_action)
        return menu

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Put ``actions`` in the File menu above Quit, followed by a separator."""
        self.file_menu.insertActions(self.quit_action, actions)
        self.file_menu.insertSeparator(self.quit_action)

    def _view_menu(self, choose_theme: Callable[[str], None]) -> QMenu:
        """View: theme, text size, and the panes."""
        menu = self._window.menuBar().addMenu(translate("shell.actions", "&View"))
        themes = menu.addMenu(translate("shell.actions", "&Colours"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in THEME_LABELS.items():
            action = QAction(translate("common.theme", label), self.theme_group)
            action.setCheckable(True)
            action.setChecked(key == self._appearance.theme)
            action.triggered.connect(lambda _checked=False, key=key: choose_theme(key))
            themes.addAction(action)
            self.theme_actions[key] = action
        sizes = menu.addMenu(translate("shell.actions", "&Text size"))
        self.zoom_group = QActionGroup(self)
        self.zoom_actions: dict[str, QAction] = {}
        for key, label, _scale in ZOOM_LEVELS:
            action = QAction(translate("common.theme", label), self.zoom_group)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, key=key: self._appearance.set_zoom(key))
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

    def add_language_menu(self, current: str, choose: Callable[[str], None]) -> QMenu:
        """View → Language: each language named in its own words; ``choose`` switches live."""
        menu = self.view_menu.addMenu(translate("shell.actions", "&Language"))
        menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(lang == current)
            action.triggered.connect(lambda _checked=False, lang=lang: choose(lang))
            menu.addAction(action)
            self.language_actions[lang] = action
        return menu

    def add_help_menu(self) -> QMenu:
        """Help, last in the menu bar: keyboard shortcuts, the welcome page, privacy, About."""
        open_target = self._slots.open_target
        menu = self._window.menuBar().addMenu(translate("shell.actions", "&Help"))
        menu.setObjectName("helpMenu")
        self.shortcuts_action = QAction(translate("shell.actions", "&Keyboard shortcuts"), self._window)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self._window.addAction(self.shortcuts_action)
        menu.addAction(self.shortcuts_action)
        menu.addSeparator()
        self.help_actions: dict[str, QAction] = {}
        for target, text in (
            (info.WELCOME, translate("shell.actions", "Welcome")),
            (info.PRIVACY, translate("shell.actions", "Privacy and your data")),
            (WHO_WRITES, translate("shell.actions", "Who writes this")),
            (info.ABOUT, translate("shell.actions", "About BreastEdu")),
        ):
            action = QAction(text, self._window)
            action.triggered.connect(lambda _=False, t=target: open_target(t))
            menu.addAction(action)
            self.help_actions[target] = action
        self.help_actions[info.ABOUT].setMenuRole(QAction.MenuRole.AboutRole)
        self.help_menu = menu
        return menu
