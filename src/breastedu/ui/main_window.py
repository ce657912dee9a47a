"""The main window: wires the panes to core services. The only module that knows them all.

Page loads run on the TaskRunner's ``page`` channel, so the GUI thread never waits on the
content DB and a quick second click makes the first load stale instead of flashing it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from breastedu.core import paths
from breastedu.core.content import ContentService
from breastedu.core.history import History
from breastedu.core.pages import HOME, PageBuilder, RenderedPage
from breastedu.ui.reader import BASE_POINT_SIZE, ReaderPane
from breastedu.ui.topic_tree import TopicTreePane
from breastedu.ui.workers import TaskRunner

MIN_TEXT, MAX_TEXT = 10, 28


class MainWindow(QMainWindow):
    """Topic tree and search on the left, the reader in the middle.

    Signals:
        page_shown(object): a :class:`RenderedPage` has just been shown.
    """

    page_shown = Signal(object)

    def __init__(self, content: ContentService, *, settings: QSettings | None = None,
                 kiosk: bool = False, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.content = content
        self.kiosk = kiosk
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self.runner.task_failed.connect(self._on_task_failed)
        self.pages = PageBuilder(content)
        self.history = History()
        self.current_page: RenderedPage | None = None
        self.setWindowTitle("BreastEdu")

        self.tree = TopicTreePane(self)
        self.tree.topic_selected.connect(lambda slug: self.open_target(f"topic/{slug}"))
        self.reader = ReaderPane(paths.resources_dir() / "illustrations", self)
        self.reader.link_activated.connect(self.open_target)
        self.reader.external_link_requested.connect(self._on_external_link)

        self.sidebar = QWidget(self)
        self.sidebar_layout = QVBoxLayout(self.sidebar)
        self.sidebar_layout.setContentsMargins(6, 6, 0, 6)
        heading = QLabel("<b>Topics</b>", self.sidebar)
        self.sidebar_layout.addWidget(heading)
        self.sidebar_layout.addWidget(self.tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 920])
        self.setCentralWidget(self.splitter)
        self._build_actions()
        self.statusBar().showMessage("Loading…")
        self._restore_settings()

        self.runner.submit("tree", content.tree, on_done=self.tree.set_groups)
        self.runner.submit("glossary", lambda: self.pages.glossary, on_done=self.reader.set_glossary)

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
        self.back_action = self._action("◀ Back", [seq(seq.StandardKey.Back), seq("Backspace")],
                                        self.go_back, "Go back")
        self.forward_action = self._action("Forward ▶", [seq(seq.StandardKey.Forward)],
                                           self.go_forward, "Go forward")
        self.home_action = self._action("Home", [seq("Alt+Home")], lambda: self.open_target(HOME),
                                        "Go to the home page")
        self.glossary_action = self._action("Glossary", [seq("Ctrl+G")],
                                            lambda: self.open_target("glossary"), "All words explained")
        self.smaller_action = self._action("A−", [seq(seq.StandardKey.ZoomOut), seq("Ctrl+-")],
                                           lambda: self.change_text_size(-1), "Smaller text")
        self.larger_action = self._action("A+", [seq(seq.StandardKey.ZoomIn), seq("Ctrl+="), seq("Ctrl++")],
                                          lambda: self.change_text_size(+1), "Larger text")
        self.reset_size_action = self._action("A", [seq("Ctrl+0")],
                                              lambda: self.set_text_size(BASE_POINT_SIZE), "Normal text size")
        self.toolbar = QToolBar("Navigation", self)
        self.toolbar.setObjectName("navigation")
        self.toolbar.setMovable(False)
        for action in (self.back_action, self.forward_action, self.home_action, self.glossary_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.smaller_action, self.reset_size_action, self.larger_action):
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)
        self._update_nav_actions()

    def _update_nav_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    # Navigation ---------------------------------------------------------------------------

    def open_target(self, target: str, *, record: bool = True,
                    highlight: tuple[str, ...] = ()) -> None:
        """Load ``target`` (``home``, ``topic/x``, ``question/y``, ``glossary``) off the GUI thread."""
        self.statusBar().showMessage("Opening…")
        self.runner.submit("page", self.pages.build, target,
                           on_done=lambda page: self._show_page(page, record, highlight))

    def open_slug(self, slug: str) -> None:
        """Open a topic or question by its bare slug (used by ``screenshot --open``)."""
        self.runner.submit("page", lambda: self.pages.build(self.pages.target_for_slug(slug)),
                           on_done=lambda page: self._show_page(page, True, ()))

    def _show_page(self, page: RenderedPage, record: bool, highlight: tuple[str, ...]) -> None:
        self.current_page = page
        self.reader.show_html(page.html)
        if highlight:
            self.reader.highlight_terms(highlight)
        if record:
            self.history.visit(page.target)
        self._update_nav_actions()
        self.tree.select_topic(page.topic_slug)
        self.setWindowTitle(f"{page.title} — BreastEdu")
        self.statusBar().clearMessage()
        self.page_shown.emit(page)

    def go_back(self) -> None:
        """Show the previous page."""
        target = self.history.back()
        if target:
            self.open_target(target, record=False)

    def go_forward(self) -> None:
        """Show the next page after going back."""
        target = self.history.forward()
        if target:
            self.open_target(target, record=False)

    def change_text_size(self, step: int) -> None:
        """Grow or shrink the reading text by ``step`` points."""
        self.set_text_size(self.reader.text_size() + step)

    def set_text_size(self, points: int) -> None:
        """Set the reading text size, within readable bounds."""
        self.reader.set_text_size(max(MIN_TEXT, min(MAX_TEXT, points)))

    def _on_external_link(self, url: QUrl) -> None:
        if self.kiosk:
            self.statusBar().showMessage("Web links cannot be opened on this screen.", 8000)
            return
        if self.confirm_external_link(url):
            QDesktopServices.openUrl(url)

    def confirm_external_link(self, url: QUrl) -> bool:
        """Ask before a web page opens in the browser (tests replace this)."""
        answer = QMessageBox.question(
            self, "Open a web page?",
            f"This link leads to a web page outside BreastEdu:\n\n{url.toString()}\n\n"
            "Open it in your web browser? You need an internet connection for it.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_task_failed(self, channel: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # Settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        try:
            size = int(self.settings.value("reader/text_size", BASE_POINT_SIZE))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            size = BASE_POINT_SIZE
        self.set_text_size(size)

    def save_settings(self) -> None:
        """Remember window geometry and text size (never in kiosk mode)."""
        if self.settings is None or self.kiosk:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("reader/text_size", self.reader.text_size())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.runner.wait_for_done(5000)
        super().closeEvent(event)


def settings_for(user_dir: Path) -> QSettings:
    """Window settings kept beside the user's data (so ``--user-dir`` moves them too)."""
    return QSettings(str(user_dir / "settings.ini"), QSettings.Format.IniFormat)
