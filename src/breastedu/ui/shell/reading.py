"""The window's middle: a notice banner over the reader, or over a topic's lazy question list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from breastedu.core import paths
from breastedu.core.content.service import ContentService
from breastedu.core.navigation.navigator import Arrival
from breastedu.core.render.pages import glossary_query
from breastedu.ui.common.i18n import translate
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.library.outline import OutlinePane
from breastedu.ui.library.question_list import QuestionListPane
from breastedu.ui.library.reader import ReaderPane
from breastedu.ui.shell.banner import Banner


class ReadingArea(QWidget):
    """The banner, and the reader or a topic's whole question list (a lazy list, not HTML)."""

    def __init__(
        self, content: ContentService, runner: TaskRunner, open_target: Callable[[str], None], parent: QWidget
    ) -> None:
        """``open_target`` opens an app link of the page or of the question list."""
        super().__init__(parent)
        self._content = content
        self.banner = Banner(self)
        self.reader = ReaderPane(paths.resources_dir() / "illustrations", self)
        self.reader.browser.setAccessibleDescription(
            translate(
                "shell.reading", "The page you are reading. Tab moves through its links; Backspace goes back."
            )
        )
        self.outline = OutlinePane(self.reader, self)  # "On this page": headings and links
        self.question_list = QuestionListPane(self, runner=runner)  # pages read off the GUI thread
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.reader)
        self.stack.addWidget(self.question_list)
        self.reader.link_activated.connect(open_target)
        self.reader.external_link_requested.connect(self.open_external)
        self.question_list.link_activated.connect(open_target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.outline)
        layout.addWidget(self.stack, 1)

    def open_external(self, url: QUrl) -> None:
        """A web link on the page: opened in her browser once she says yes (never in the kiosk,
        whose reader shows a notice instead)."""
        if self.confirm_external_link(url):
            QDesktopServices.openUrl(url)

    def confirm_external_link(self, url: QUrl) -> bool:
        """Ask before a web page opens in the browser (tests replace this)."""
        answer = QMessageBox.question(
            self.window(),
            translate("shell.main_window", "Open a web page?"),
            translate(
                "shell.main_window",
                "This link leads to a web page outside BreastEdu:\n\n{url}\n\n"
                "Open it in your web browser? You need an internet connection for it.",
            ).format(url=url.toString()),
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_arrival(self, arrival: Arrival) -> None:
        """Put the page on screen, scrolled where the Navigator says, its search words marked."""
        page = arrival.page
        if page.question_list is not None:
            topic = page.question_list
            self.question_list.show_list(
                page.html,
                lambda offset, limit: self._content.topic_questions(topic, offset=offset, limit=limit),
                page.question_count,
            )
            self.stack.setCurrentWidget(self.question_list)
        else:
            self.stack.setCurrentWidget(self.reader)
            self.reader.show_html(page.html)
            self.reader.set_glossary_filter(glossary_query(page.target))
        if arrival.highlight:
            self.reader.highlight_terms(arrival.highlight)
        if arrival.scroll is not None:
            self.reader.set_scroll_fraction(arrival.scroll)
