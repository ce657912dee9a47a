"""One visitor's session: everything she touches lives in this widget and goes with it.

Search text and results, Back history, scroll positions, text size, an open definition,
the on-screen keyboard: all of it is owned here. The shell resets the kiosk by throwing the
session away (``deleteLater``) and showing a freshly built start screen, so nothing has to
be remembered to be cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from breastedu.core.content.dto import GlossaryEntry, TopicGroupRef
from breastedu.core.kiosk import TermGroup
from breastedu.core.languages import CHINESE
from breastedu.core.navigation.navigator import Navigator, Visit
from breastedu.core.render.pages import HOME, PageBuilder, RenderedPage
from breastedu.core.search.service import SearchResults
from breastedu.ui.common.i18n import current_language, retranslate, translate
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.kiosk.keypad import Keypad
from breastedu.ui.kiosk.touch import KIOSK_TEXT_POINTS, make_touch_friendly
from breastedu.ui.library.reader import ReaderPane
from breastedu.ui.library.topic_tree import TopicTreePane
from breastedu.ui.search.panel import SearchPane

MIN_TEXT, MAX_TEXT = 14, 32
TEXT_STEP = 2
#: At the kiosk's first text size: lists and labels, and the search box (as kiosk_stylesheet).
LIST_POINTS, BOX_POINTS = 15.0, 16.0


class KioskSession(QWidget):
    """The reading screen for one visitor: navigation bar, search and topics, the reader.

    Signals:
        page_shown(object): a :class:`RenderedPage` is on screen.
        finish_requested(): she pressed "Finish" (the shell resets at once).
        print_requested(str): "Print this page" on a topic or question (its slug).
    """

    page_shown = Signal(object)
    finish_requested = Signal()
    print_requested = Signal(str)

    def __init__(
        self,
        pages: PageBuilder,
        search: Callable[[str], SearchResults],
        runner: TaskRunner,
        images_dir: Path,
        groups: Sequence[TopicGroupRef],
        glossary: Sequence[GlossaryEntry],
        parent: QWidget | None = None,
        *,
        prints: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskSession")
        self.pages = pages
        self.runner = runner
        #: Back history, the page on screen and its identity: the same Navigator as the window's,
        #: one per visitor (it goes with the session).
        self.navigator = Navigator(pages)

        self.nav = QWidget(self)
        self.nav.setObjectName("kioskNav")
        self.nav.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.back_button = self._nav_button(self.go_back)
        self.home_button = self._nav_button(lambda: self.open_target(HOME))
        self.glossary_button = self._nav_button(lambda: self.open_target("glossary"))
        self.smaller_button = self._nav_button(lambda: self.change_text_size(-TEXT_STEP))
        self.larger_button = self._nav_button(lambda: self.change_text_size(+TEXT_STEP))
        self.finish_button = self._nav_button(self.finish_requested.emit)
        #: Sheets this visitor may still print (0: printing is off, or the limit is reached).
        self.prints_left = prints
        self._prints_allowed = prints
        self.print_button = self._nav_button(self._print_page)
        self.print_button.setVisible(prints > 0)
        self.notice = QLabel(self.nav)
        self.notice.setObjectName("kioskNotice")
        self.notice.setWordWrap(True)
        nav_layout = QHBoxLayout(self.nav)
        nav_layout.setContentsMargins(12, 8, 12, 8)
        nav_layout.setSpacing(10)
        for button in (self.back_button, self.home_button, self.glossary_button):
            nav_layout.addWidget(button)
        nav_layout.addWidget(self.notice, 1)
        self.text_label = QLabel(self.nav)
        nav_layout.addWidget(self.text_label)
        for button in (self.smaller_button, self.larger_button, self.print_button, self.finish_button):
            nav_layout.addWidget(button)

        self.sidebar = QWidget(self)
        sidebar_layout = QVBoxLayout(self.sidebar)
        sidebar_layout.setContentsMargins(12, 12, 6, 12)
        self.search_pane = SearchPane(search, runner, self.sidebar)
        self.search_pane.box.setClearButtonEnabled(False)  # a 16 px target: the keypad has Clear
        self.search_pane.result_activated.connect(self._on_result)
        self.search_pane.topic_requested.connect(lambda slug: self.open_target(f"topic/{slug}"))
        self.search_pane.box.textChanged.connect(self._on_search_text)
        self.topics_heading = QLabel(self.sidebar)
        self.topics_heading.setStyleSheet("font-weight: bold;")
        self.tree = TopicTreePane(self.sidebar)
        self.set_groups(groups)
        self.tree.topic_selected.connect(lambda slug: self.open_target(f"topic/{slug}"))
        sidebar_layout.addWidget(self.search_pane)
        sidebar_layout.addWidget(self.topics_heading)
        sidebar_layout.addWidget(self.tree, 1)

        self.reader = ReaderPane(images_dir, self)
        self.reader.set_glossary(glossary)
        self.reader.link_activated.connect(self.open_target)
        self.reader.external_link_requested.connect(self._on_external_link)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.reader, 1)

        self.keypad = Keypad(self.search_pane.box, self)
        self.keypad.hide_requested.connect(self.keypad.hide)
        self.keypad.show_chinese(current_language() == CHINESE)
        self.keypad.hide()
        self.search_pane.box.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addLayout(body, 1)
        layout.addWidget(self.keypad)

        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(8000)
        self._notice_timer.timeout.connect(self.notice.clear)
        seq = QKeySequence
        for keys, slot in (
            ([seq(seq.StandardKey.ZoomIn), seq("Ctrl+="), seq("Ctrl++")], self.larger_button.click),
            ([seq(seq.StandardKey.ZoomOut), seq("Ctrl+-")], self.smaller_button.click),
            ([seq(seq.StandardKey.Back)], self.back_button.click),
        ):
            # A physical keyboard gets the desktop app's keys; each sequence once, since two
            # shortcuts on one sequence are ambiguous and neither fires.
            for key in dict.fromkeys(k.toString() for k in keys if not k.isEmpty()):
                shortcut = QShortcut(seq(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self.set_text_size(KIOSK_TEXT_POINTS)
        make_touch_friendly(self)
        self._set_texts()
        self._update_nav()

    def _set_texts(self) -> None:
        """The navigation bar's and the sidebar's words in the kiosk's language. Set here rather
        than by ``retranslate``, which cannot tell 名詞解釋 "Glossary" from 名詞解釋 "Definition"."""
        for button, text, name in (
            (self.back_button, translate("kiosk.session", "◀ Back"), translate("kiosk.session", "Go back")),
            (
                self.home_button,
                translate("kiosk.session", "Home"),
                translate("kiosk.session", "Go to the home page"),
            ),
            # The same name as the window's menu and the page's own title.
            (
                self.glossary_button,
                translate("kiosk.session", "Glossary"),
                translate("kiosk.session", "Glossary: all words explained"),
            ),
            (self.smaller_button, "A−", translate("kiosk.session", "Smaller text")),
            (self.larger_button, "A+", translate("kiosk.session", "Larger text")),
            (
                self.finish_button,
                translate("kiosk.session", "Finish"),
                translate("kiosk.session", "Finish and clear the screen"),
            ),
            (
                self.print_button,
                translate("kiosk.session", "Print this page"),
                translate("kiosk.session", "Print this page"),
            ),
        ):
            button.setText(text)
            button.setAccessibleName(name)
        self.text_label.setText(translate("kiosk.session", "Text size"))
        self.topics_heading.setText(translate("kiosk.session", "Topics"))

    def _nav_button(self, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(self.nav)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def set_groups(self, groups: Sequence[TopicGroupRef]) -> None:
        """The topics of the tree and of "no results", in the kiosk's language."""
        self.search_pane.set_topics([(t.slug, t.title) for g in groups for t in g.topics])
        self.tree.set_groups(groups)
        page = self.navigator.current
        if page is not None:
            self.tree.select_topic(page.topic_slug)

    def set_terms(self, groups: Sequence[TermGroup]) -> None:
        """The Chinese words the keyboard's 中文 key offers."""
        self.keypad.set_terms(groups)

    def language_changed(self, groups: Sequence[TopicGroupRef], glossary: Sequence[GlossaryEntry]) -> None:
        """The kiosk switched language: the buttons and labels, the topics, the definitions, the
        page on screen (again, without a step in Back) and the results of her search."""
        retranslate(self)  # the search box and the reader
        self._set_texts()
        self._update_nav()
        self.keypad.retranslate()
        self.keypad.show_chinese(current_language() == CHINESE)
        self.notice.clear()
        self.set_groups(groups)
        self.reader.set_glossary(glossary)
        query = self.search_pane.query()
        if query:
            self.search_pane.set_query(query)
        page = self.navigator.current
        if page is not None:
            self._load(Visit(page.target, record=False))

    # Navigation ---------------------------------------------------------------------------

    @property
    def current_page(self) -> RenderedPage | None:
        """The page on screen."""
        return self.navigator.current

    def open_target(self, target: str, *, highlight: tuple[str, ...] = ()) -> None:
        """Load ``target`` off the GUI thread and show it."""
        self._load(self.navigator.request(target, highlight=highlight))

    def start(self, target: str) -> None:
        """The visitor's first page. A tile on the start screen opens a topic with the library's
        home one step back, so Back works from the first page on."""
        if target == HOME:
            self.open_target(HOME)
            return
        home, visit = self.navigator.request(HOME), self.navigator.request(target)

        def both() -> tuple[RenderedPage, RenderedPage]:
            return self.navigator.build(HOME), self.navigator.build(target)

        def arrive(pages: tuple[RenderedPage, RenderedPage]) -> None:
            self.navigator.arrive(pages[0], home, 0.0)
            self._show_page(pages[1], visit)

        self.runner.submit("page", both, owner=self, on_done=arrive)

    def _load(self, visit: Visit) -> None:
        # Owned by this session, so the runner drops the page if the session is gone meanwhile;
        # the "page" channel drops older requests.
        self.runner.submit(
            "page",
            self.navigator.build,
            visit.target,
            owner=self,
            on_done=lambda page: self._show_page(page, visit),
        )

    def _on_result(self, target: str, terms: tuple[str, ...]) -> None:
        self.keypad.hide()
        self.open_target(target, highlight=tuple(terms))

    def _show_page(self, page: RenderedPage, visit: Visit) -> None:
        arrival = self.navigator.arrive(page, visit, self.reader.scroll_fraction())
        self.reader.show_html(page.html)
        if arrival.highlight:
            self.reader.highlight_terms(arrival.highlight)
        if arrival.scroll is not None:
            self.reader.set_scroll_fraction(arrival.scroll)
        self.tree.select_topic(page.topic_slug)
        self._update_nav()
        self.page_shown.emit(page)

    def go_back(self) -> None:
        """Show the previous page, where the visitor left it."""
        visit = self.navigator.back(self.reader.scroll_fraction())
        if visit is not None:
            self._load(visit)

    def _printable_slug(self) -> str | None:
        page = self.navigator.current
        return page.printable_slug if page is not None else None

    def limit_message(self) -> str:
        """What a visitor reads once her prints are used up: why, and where to get more."""
        count = self._prints_allowed
        if count == 1:
            return translate(
                "kiosk.session",
                "This screen prints one sheet for each visitor. For more copies, please ask at the desk.",
            )
        return translate(
            "kiosk.session",
            "This screen prints {count} sheets for each visitor. For more copies, please ask at the desk.",
        ).format(count=count)

    def _print_page(self) -> None:
        slug = self._printable_slug()
        if self.prints_left <= 0:
            # The button stays tappable after the limit, so a tap explains it in plain words.
            self.show_notice(self.limit_message())
            return
        if slug is None:
            return
        self.prints_left -= 1
        self._update_nav()
        self.show_notice(translate("kiosk.session", "Printing…"))
        self.print_requested.emit(slug)

    def _update_nav(self) -> None:
        self.back_button.setEnabled(self.navigator.can_go_back())
        used_up = self.prints_left <= 0
        self.print_button.setEnabled(used_up or self._printable_slug() is not None)
        if self._prints_allowed > 0 and used_up:
            self.print_button.setText(translate("kiosk.session", "No prints left"))
            self.print_button.setAccessibleName(translate("kiosk.session", "No prints left: ask at the desk"))
        size = self.text_size()
        self.smaller_button.setEnabled(size > MIN_TEXT)
        self.larger_button.setEnabled(size < MAX_TEXT)

    def _on_search_text(self, text: str) -> None:
        searching = bool(text.strip())
        self.topics_heading.setVisible(not searching)
        self.tree.setVisible(not searching)

    def _on_external_link(self, url: QUrl) -> None:
        self.show_notice(translate("kiosk.session", "Web links cannot be opened on this screen."))

    def show_notice(self, text: str) -> None:
        """A short message in the navigation bar for a few seconds."""
        self.notice.setText(text)
        self._notice_timer.start()

    # Text size ----------------------------------------------------------------------------

    def text_size(self) -> int:
        """The reading text size in points."""
        return self.reader.text_size()

    def change_text_size(self, step: int) -> None:
        """Grow or shrink the reading text."""
        self.set_text_size(self.text_size() + step)

    def set_text_size(self, points: int) -> None:
        """Set the reading text size within bounds (the reader keeps its column centred)."""
        points = max(MIN_TEXT, min(MAX_TEXT, points))
        # The theme's style sheet gives every QTextEdit its font size, which would win over
        # the reader's own font: the page's size goes in a style sheet of its own.
        self.reader.browser.setStyleSheet(f"font-size: {points}pt;")
        self.reader.set_text_size(points)
        # Everything else a standing reader reads grows with the page: the search box and its
        # results, the topic tree, the definition bar and the notices (the buttons keep theirs).
        scale = points / KIOSK_TEXT_POINTS
        self.sidebar.setStyleSheet(
            f"QLabel, QAbstractItemView {{ font-size: {LIST_POINTS * scale:.1f}pt; }}"
            f"QLineEdit {{ font-size: {BOX_POINTS * scale:.1f}pt; }}"
        )
        self.reader.definition_bar.setStyleSheet(f"QLabel {{ font-size: {BOX_POINTS * scale:.1f}pt; }}")
        self.notice.setStyleSheet(f"font-size: {LIST_POINTS * scale:.1f}pt;")
        for view in (self.search_pane.list, self.tree.view):
            view.doItemsLayout()  # rows are measured again at the new size
        self._update_nav()

    # Events -------------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:
        self.sidebar.setFixedWidth(max(340, min(460, self.width() * 3 // 10)))
        super().resizeEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_pane.box and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.MouseButtonPress,
        ):
            self.keypad.show()
        return super().eventFilter(watched, event)
