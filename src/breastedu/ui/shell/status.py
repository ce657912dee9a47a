"""What the status bar says at rest (ui-review A20: it was an empty band): the library's size
and where her notes are kept. A passing message (opening a page, saving, printing) covers it
for a while; it comes back when the message goes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from breastedu.core.catalogue import say_count
from breastedu.core.content.dto import LibraryStats, counts_text
from breastedu.core.content.service import ContentService
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.workers import TaskRunner


class RestingStatus(QLabel):
    """The status bar's line at rest; ``notes_here``: her notebook is open (else nothing is
    saved, as in a window opened without one)."""

    def __init__(
        self, bar: QStatusBar, content: ContentService, runner: TaskRunner, *, notes_here: bool
    ) -> None:
        super().__init__(bar)
        self.setObjectName("restingStatus")
        self._notes_here = notes_here
        self._stats: LibraryStats | None = None
        bar.addWidget(self, 1)
        runner.submit("stats", content.stats, on_done=self._on_stats, owner=self)

    def _on_stats(self, stats: LibraryStats) -> None:
        self._stats = stats
        self._update()

    def _update(self) -> None:
        lang = current_language()
        parts = []
        if self._stats is not None:
            stats = self._stats
            parts.append(say_count(lang, stats.topics, "{n} topic", "{n} topics"))
            parts.append(counts_text(stats.questions, stats.answers, lang))
        parts.append(
            translate("shell.status", "Notes are saved on this computer only")
            if self._notes_here
            else translate("shell.status", "Nothing you do here is saved")
        )
        self.setText(" · ".join(parts))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()  # its counts are built with numbers: rebuilt, not retranslated
        super().changeEvent(event)
