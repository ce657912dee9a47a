"""Her notebook in the window: notes, follow-ups and the handout pack as tabs of one dock, and
the "My data" menu. Built only when her notebook opened (never in the kiosk)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
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
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.notebook.basket_pane import BasketPane
from breastedu.ui.notebook.followups_pane import FollowUpsPane
from breastedu.ui.notebook.my_data import MyDataActions
from breastedu.ui.notebook.notes_pane import NotesPane

NOTEBOOK_PX = 340
FOLLOWUPS_TAB = 1


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
    notebook = user.notebook
    if notebook.read_only:
        return translate(
            "shell.main_window", "Saving is off: {why} You can still read and export your notes."
        ).format(why=in_language(notebook.read_only, current_language()))
    return in_language(notebook.notice, current_language()) if notebook.notice else None


class NotebookDock(QDockWidget):
    """The "My notebook" dock: a tab each for notes, follow-ups and the handout pack.

    Signals:
        changed_elsewhere(): another process wrote her notebook (the window refreshes every pane).
    """

    changed_elsewhere = Signal()

    def __init__(self, user: UserServices, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(translate("shell.notebook_dock", "My notebook"), parent)
        self.setObjectName("notebook")
        notebook = user.notebook
        self.notes_pane = NotesPane(notebook.notes, runner, parent)
        self.followups_pane = FollowUpsPane(
            notebook.followups,
            runner,
            user.today,
            parent,
            questions_for_doctor=notebook.notes.questions_for_doctor,
        )
        self.basket_pane = BasketPane(notebook.basket, runner, parent)
        self.my_data = MyDataActions(notebook.data, runner, parent)
        self.my_data.flush_requested.connect(self.notes_pane.flush)
        self.tabs = QTabWidget(self)
        fit_tabs(self.tabs)  # whole tab names, on two lines when the dock is narrow
        # Each tab scrolls rather than forcing its height (and width) on the whole window.
        self.tabs.addTab(scrolling(self.notes_pane), translate("shell.notebook_dock", "My notes"))
        self.tabs.addTab(scrolling(self.followups_pane), translate("shell.notebook_dock", "Follow-ups"))
        pack_tab = self.tabs.addTab(
            scrolling(self.basket_pane), translate("shell.notebook_dock", "Handout pack")
        )
        self.basket_pane.basket_changed.connect(
            lambda n: self.tabs.setTabText(
                pack_tab, translate("shell.notebook_dock", "Handout pack") + (f" ({n})" if n else "")
            )
        )
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
        self.tabs.setAccessibleName(translate("shell.notebook_dock", "My notebook"))
        self.tabs.tabBar().setAccessibleName(
            translate("shell.notebook_dock", "My notebook: notes, follow-ups or the handout pack")
        )
        self.tabs.tabBar().setAccessibleDescription(
            translate("shell.notebook_dock", "Left and right arrows switch the tab")
        )

    def _on_watched(self, changed: bool) -> None:
        if changed:
            self.changed_elsewhere.emit()

    def writers(self) -> tuple[QWidget, ...]:
        """Every pane that writes her data (each has ``user_data_changed`` and a matching slot)."""
        return (self.notes_pane, self.followups_pane, self.basket_pane, self.my_data)  # type: ignore[return-value]

    def showing(self, index: int) -> bool:
        """True while the dock is open on tab ``index``."""
        return self.isVisible() and self.tabs.currentIndex() == index

    def show_tab(self, index: int) -> None:
        """Open the dock on tab ``index``."""
        self.show()
        self.tabs.setCurrentIndex(index)

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
        export_ics.triggered.connect(self.followups_pane.export_ics)
        visit_sheet = QAction(translate("shell.notebook_dock", "Print my visit sheet (PDF)…"), self)
        visit_sheet.triggered.connect(self.followups_pane.print_visit_sheet)
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


def scrolling(pane: QWidget) -> QScrollArea:
    """``pane`` in a frameless scroll area that scrolls only when the room is too small."""
    area = QScrollArea(pane.parentWidget())
    area.setObjectName(f"{type(pane).__name__}Scroll")
    area.setWidget(pane)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
