"""The "My data" menu: export all her data to a JSON file, import it back, delete it all.

Every step runs through the TaskRunner's writer thread, so an export includes the note she
typed a moment ago (its save is queued ahead) and nothing is written while an import runs.
Before exporting or erasing it emits ``flush_requested`` so the window can flush the panes.
The file dialogs and the confirmation are methods tests replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from breastedu.core.errors import BreastEduError
from breastedu.core.notebook.dto import EraseResult, ImportResult
from breastedu.core.notebook.mydata import MyDataService
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.user_data import ALL
from breastedu.ui.common.workers import TaskRunner, error_text


def _notes(n: int) -> str:
    return (
        translate("notebook.my_data", "{n} note").format(n=n)
        if n == 1
        else translate("notebook.my_data", "{n} notes").format(n=n)
    )


def _followups(n: int) -> str:
    return (
        translate("notebook.my_data", "{n} follow-up").format(n=n)
        if n == 1
        else translate("notebook.my_data", "{n} follow-ups").format(n=n)
    )


def import_summary(result: ImportResult) -> str:
    """One plain sentence of what an import did."""
    parts = []
    added = translate("notebook.my_data", "{what} added, {n} updated")
    if result.notes_added or result.notes_updated:
        parts.append(added.format(what=_notes(result.notes_added), n=result.notes_updated))
    if result.followups_added or result.followups_updated:
        parts.append(added.format(what=_followups(result.followups_added), n=result.followups_updated))
    if not parts:
        return translate("notebook.my_data", "Nothing new in that file: everything in it was already here.")
    unchanged = (
        translate("notebook.my_data", " ({n} already here)").format(n=result.unchanged)
        if result.unchanged
        else ""
    )
    return translate("notebook.my_data", "Imported: {parts}{unchanged}.").format(
        parts=translate("notebook.my_data", "; ").join(parts), unchanged=unchanged
    )


class MyDataActions(QObject):
    """Export, import and "Delete all my data", as QActions for the window's menu.

    Signals:
        user_data_changed(str): ``ALL`` after her data was imported or erased (see ui/common/user_data.py).
        flush_requested(): about to export or erase; panes should save what is typed.
        status_changed(str): one plain sentence on what happened (for the status bar).
    """

    user_data_changed = Signal(str)
    flush_requested = Signal()
    status_changed = Signal(str)

    def __init__(self, data: MyDataService, runner: TaskRunner, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.data, self.runner, self.parent_widget = data, runner, parent_widget
        self.export_action = QAction(translate("notebook.my_data", "Export all my data…"), self)
        self.export_action.setToolTip(
            translate("notebook.my_data", "Save every note and follow-up to a file (a backup)")
        )
        self.export_action.triggered.connect(self.export_all)
        self.import_action = QAction(translate("notebook.my_data", "Import my data…"), self)
        self.import_action.setToolTip(
            translate("notebook.my_data", "Add notes and follow-ups from a file you exported")
        )
        self.import_action.triggered.connect(self.import_file)
        self.erase_action = QAction(translate("notebook.my_data", "Delete all my data…"), self)
        self.erase_action.setToolTip(
            translate("notebook.my_data", "Erase every note and follow-up from this computer")
        )
        self.erase_action.triggered.connect(self.erase)

    def actions(self) -> list[QAction]:
        """The menu's actions, in order."""
        return [self.export_action, self.import_action, self.erase_action]

    # Operations -------------------------------------------------------------------------------

    def export_all(self) -> None:
        """Ask for a file name and write every note and follow-up to it as JSON."""
        path = self.choose_save_path()
        if path is None:
            return
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        self.flush_requested.emit()
        self.runner.submit(
            "my-data-export",
            self.data.export_to,
            path,
            write=True,
            on_done=lambda result: self._report(result.describe(current_language())),
            on_error=self._failed,
            owner=self,
        )

    def import_file(self) -> None:
        """Ask for an export file and merge it in (all or nothing), then report the counts."""
        path = self.choose_open_path()
        if path is None:
            return
        self.flush_requested.emit()

        def job() -> ImportResult:
            return self.data.import_from(path)

        def done(result: ImportResult) -> None:
            self.user_data_changed.emit(ALL)
            self._report(import_summary(result))

        self.runner.submit("my-data-import", job, write=True, on_done=done, on_error=self._failed, owner=self)

    def erase(self) -> None:
        """Count what there is, ask (naming it), then erase it all; nothing without a yes."""
        self.runner.submit(
            "my-data-count",
            self.data.counts,
            write=True,
            on_done=self._ask_erase,
            on_error=self._failed,
            owner=self,
        )

    def _ask_erase(self, counts: tuple[int, int]) -> None:
        notes, followups = counts
        dates = (
            translate("notebook.my_data", "{n} follow-up date").format(n=followups)
            if followups == 1
            else translate("notebook.my_data", "{n} follow-up dates").format(n=followups)
        )
        what = translate(
            "notebook.my_data",
            "This deletes {notes} (with your questions for your doctor), {followups}, the "
            "automatic backups of them and any crash reports in {folder}. It cannot be undone.",
        ).format(notes=_notes(notes), followups=dates, folder=self.data.user_dir)
        if not self.confirm_erase(what):
            self._report(translate("notebook.my_data", "Nothing was deleted."))
            return
        self.flush_requested.emit()

        def done(result: EraseResult) -> None:
            self.user_data_changed.emit(ALL)
            self._report(
                translate("notebook.my_data", "Deleted {notes} and {followups}.").format(
                    notes=_notes(result.notes), followups=_followups(result.followups)
                )
            )

        self.runner.submit(
            "my-data-erase",
            lambda: self.data.erase(confirmed=True),
            write=True,
            on_done=done,
            on_error=self._failed,
            owner=self,
        )

    # Injectable dialogs (tests replace these) ---------------------------------------------------

    def choose_save_path(self) -> Path | None:
        """Where to export; None when she cancels."""
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            translate("notebook.my_data", "Export all my data"),
            str(Path.home() / "breastedu-my-data.json"),
            translate("notebook.my_data", "BreastEdu data (*.json)"),
        )
        return Path(chosen) if chosen else None

    def choose_open_path(self) -> Path | None:
        """Which file to import; None when she cancels."""
        chosen, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            translate("notebook.my_data", "Import my data"),
            str(Path.home()),
            translate("notebook.my_data", "BreastEdu data (*.json)"),
        )
        return Path(chosen) if chosen else None

    def confirm_erase(self, what: str) -> bool:
        """Ask before erasing, naming what will go; No is the default."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("notebook.my_data", "Delete all my data?"),
            what,
            QMessageBox.StandardButton.NoButton,
            self.parent_widget,
        )
        erase = box.addButton(
            translate("notebook.my_data", "Delete all my data"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(translate("notebook.my_data", "Keep my data"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is erase

    def inform(self, text: str) -> None:
        """Tell her the outcome without blocking (a non-modal message box)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("notebook.my_data", "My data"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # Reporting --------------------------------------------------------------------------------

    def _report(self, text: str) -> None:
        self.status_changed.emit(text)
        self.inform(text)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, BreastEduError):
            # (an import's input error names the place in her file)
            text = translate("notebook.my_data", "Not done. {why}").format(
                why=error_text(error, input_where=True)
            )
        else:
            text = translate("notebook.my_data", "Not done: something went wrong ({error}).").format(
                error=error
            )
        self._report(text)
