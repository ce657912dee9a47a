"""The follow-up tracker pane: her follow-up dates, their state today, add/edit, "Done on…",
delete, export to her calendar (.ics) and "Print my visit sheet" (PDF).

Rules live in core (:mod:`breastedu.core.notebook.followups`): states, the next date after "done", what
an interval in a reply means. The pane never saves a suggestion by itself: she confirms it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.catalogue import ENGLISH
from breastedu.core.dates import long_date
from breastedu.core.notebook.dto import (
    CompleteResult,
    FollowUp,
    FollowUpState,
    LinkRef,
    Note,
    RepeatBasis,
    RepeatRule,
)
from breastedu.core.notebook.followups import (
    FollowUpService,
    add_months,
    advice_for_someone_else,
    find_intervals,
    suggest_repeat,
    suggest_title,
)
from breastedu.core.notebook.ics import write_ics
from breastedu.core.notebook.visit_sheet import visit_sheet_html
from breastedu.ui.common.flow_layout import FlowLayout
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.input_guards import reveal
from breastedu.ui.common.user_data import FOLLOWUPS
from breastedu.ui.common.widgets import button
from breastedu.ui.common.workers import TaskRunner, error_text
from breastedu.ui.notebook.attention import attention
from breastedu.ui.notebook.followups_form import DoneBar, FollowUpForm, FormValues
from breastedu.ui.notebook.followups_models import ICON_PX, FollowUpsModel
from breastedu.ui.notebook.timeline_view import TimelineView


def _no_questions() -> tuple[Note, ...]:
    return ()


def print_html_to_pdf(html: str, path: Path, lang: str = ENGLISH) -> Path:
    """The visit sheet's HTML (made in ``lang``) as a PDF, through the sheet painter (page
    numbers, atomic write), its header, footer and font in ``lang``. (The sheets and their
    painter load with the first visit sheet, not with the tracker.)"""
    from breastedu.core.render.sheets import visit_sheet
    from breastedu.ui.printing.painter import write_pdf

    write_pdf(visit_sheet(html, printed=dt.date.today(), lang=lang), path)
    return path


class FollowUpsPane(QWidget):
    """Her follow-up dates with their state today; add, change, "Done on…", delete, export.

    Signals:
        open_requested(str): open an app target, ``"question/<slug>"`` or ``"topic/<slug>"``.
        attention_changed(int, int): overdue and due-soon counts, after every refresh.
        user_data_changed(str): ``FOLLOWUPS`` after each completed write (see ui/common/user_data.py).
    """

    open_requested = Signal(str)
    attention_changed = Signal(int, int)
    user_data_changed = Signal(str)

    def __init__(
        self,
        followups: FollowUpService,
        runner: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        *,
        questions_for_doctor: Callable[[], tuple[Note, ...]] = _no_questions,
    ) -> None:
        super().__init__(parent)
        self.followups, self.runner, self.today = followups, runner, today
        self.questions_for_doctor = questions_for_doctor
        self._writes = itertools.count(1)
        self._page: LinkRef | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        heading = QLabel(translate("notebook.followups_pane", "My follow-ups"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout.addWidget(heading)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.timeline = TimelineView(self)  # the same follow-ups as a picture (issue 27)
        layout.addWidget(self.timeline)
        self.model = FollowUpsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(translate("notebook.followups_pane", "My follow-ups"))
        self.view.setIconSize(QSize(ICON_PX, ICON_PX))
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)

        # One row when there is room, wrapping (and stacking at large text) when there is not.
        actions = FlowLayout()
        self.add_button = button(translate("notebook.followups_pane", "Add…"), self)
        self.edit_button = button(translate("notebook.followups_pane", "Change…"), self)
        self.done_button = button(translate("notebook.followups_pane", "Done on…"), self)
        self.delete_button = button(translate("notebook.followups_pane", "Delete"), self)
        self.ics_button = button(translate("notebook.followups_pane", "Calendar file (.ics)…"), self)
        self.print_button = button(translate("notebook.followups_pane", "Visit sheet (PDF)…"), self)
        self.add_button.setToolTip(translate("notebook.followups_pane", "Add a follow-up date"))
        self.done_button.setToolTip(
            translate(
                "notebook.followups_pane", "Record the day you had it; the next one is planned by its repeat"
            )
        )
        self.ics_button.setToolTip(
            translate(
                "notebook.followups_pane", "Save your follow-ups as a file your calendar app can import"
            )
        )
        self.print_button.setToolTip(
            translate(
                "notebook.followups_pane", "Save a one-page sheet of follow-ups and questions for your doctor"
            )
        )
        self.add_button.clicked.connect(lambda: self.start_add())
        self.edit_button.clicked.connect(self._start_edit)
        self.done_button.clicked.connect(self._start_done)
        self.delete_button.clicked.connect(self._delete_selected)
        self.ics_button.clicked.connect(self.export_ics)
        self.print_button.clicked.connect(self.print_visit_sheet)
        for widget in (self.add_button, self.edit_button, self.done_button, self.delete_button):
            actions.addWidget(widget)
        layout.addLayout(actions)
        files = FlowLayout()
        files.addWidget(self.ics_button)
        files.addWidget(self.print_button)
        layout.addLayout(files)

        self.done_bar = DoneBar(self)
        self.done_bar.submitted.connect(self._record_done)
        self.done_bar.cancelled.connect(self.done_bar.hide)
        self.done_bar.hide()
        layout.addWidget(self.done_bar)
        self.form = FollowUpForm(self)
        self.form.submitted.connect(self._save_form)
        self.form.cancelled.connect(self.form.hide)
        self.form.escape_pressed.connect(self._close_form)
        self.done_bar.escape_pressed.connect(self.done_bar.hide)
        self.form.hide()
        # Under the summary, above the list: an opened form is in view at once, not below the
        # list and its buttons (the pane still scrolls to the focused field, see _show_form).
        layout.insertWidget(layout.indexOf(self.summary) + 1, self.form)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("notebook.followups_pane", "Follow-up status"))
        layout.addWidget(self.status)
        self._update_buttons()

    # Public API -------------------------------------------------------------------------------

    def focus_first(self) -> None:
        """The keyboard goes to her list of follow-ups (to "Add…" while it is empty)."""
        target = self.view if self.model.rowCount() else self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_context(self, link: LinkRef | None) -> None:
        """The page being read (its :attr:`RenderedPage.link`): what "Link to this page" links to."""
        self._page = link

    def on_user_data_changed(self, kind: str) -> None:
        """Her data changed: reload, unless it was this pane's own write (already reloaded)."""
        if kind != FOLLOWUPS:
            self.refresh()

    def refresh(self) -> None:
        """Reload the list with every state as of ``today()``."""
        self.runner.submit(
            "followups-list",
            lambda day: self.followups.list(today=day),
            self.today(),
            on_done=self._on_list,
            on_error=self._show_status_error,
            owner=self,
        )

    def selected(self) -> FollowUp | None:
        """The follow-up selected in the list."""
        return self.model.followup_at(self.view.currentIndex().row())

    def select(self, followup_id: int) -> None:
        """Select the row of ``followup_id`` (if shown)."""
        self.view.setCurrentIndex(self.model.index(self.model.row_of(followup_id), 0))

    def start_add(self, *, link_checked: bool = False) -> None:
        """Show the form empty, due today."""
        self.done_bar.hide()
        self.form.start(self.today(), self._page, link_checked=link_checked)
        self._show_form()

    def suggest_from_text(
        self,
        text: str,
        title: str,
        link: LinkRef | None,
        advice_date: dt.date | None = None,
    ) -> None:
        """Pre-fill the form from a reply's words ("Annual mammography screening." -> every
        12 months) for her to confirm. Saves nothing; never makes up an interval.
        ``advice_date`` is the date of a reply to another patient: the hint then says so."""
        caution = advice_for_someone_else(advice_date)

        def hint(text: str) -> None:
            self.form.set_hint(f"{text} {caution}".strip())

        self.set_context(link)
        self.start_add(link_checked=self._page is not None)
        self.form.title_edit.setText(suggest_title(text, title))
        today = self.today()
        repeat = suggest_repeat(text)
        if repeat is not None:
            self.form.set_repeat(RepeatBasis.FROM_DONE, repeat.min_months)
            self.form.set_due(add_months(today, repeat.min_months))
            hint(
                translate(
                    "notebook.followups_pane",
                    "From the text: “{phrase}”, every {months} months. Check the date and repeat, then save.",
                ).format(phrase=repeat.phrase, months=repeat.min_months)
            )
            return
        found = find_intervals(text)
        once = next((f for f in found if not f.repeating and f.exact), None)
        if once is not None:
            self.form.set_due(add_months(today, once.min_months))
            hint(
                translate(
                    "notebook.followups_pane", "From the text: “{phrase}”. Check the date, then save."
                ).format(phrase=once.phrase)
            )
        elif found:
            hint(
                translate(
                    "notebook.followups_pane",
                    "The text says “{phrase}”. Choose the date and repeat with your doctor's advice, "
                    "then save.",
                ).format(phrase=found[0].phrase)
            )
        else:
            self.form.set_hint(
                translate(
                    "notebook.followups_pane",
                    "No interval found in this text: enter the date and repeat yourself.",
                )
            )

    def export_ics(self) -> None:
        """Save every follow-up to an .ics file she chooses (her calendar app imports it)."""
        path = self.choose_save_path(
            translate("notebook.followups_pane", "Save follow-ups for your calendar"),
            "my-follow-ups.ics",
            translate("notebook.followups_pane", "Calendar files (*.ics)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")

        def job() -> int:
            items = self.followups.list(today=self.today())
            write_ics(path, items, now=dt.datetime.now(dt.UTC))
            return len(items)

        self.runner.submit(
            "followups-ics",
            job,
            write=True,
            on_error=self._show_status_error,
            on_done=lambda n: self.status.setText(
                f"Saved {n} follow-up{'s' if n != 1 else ''} to {path.name}."
            ),
            owner=self,
        )

    def print_visit_sheet(self) -> None:
        """Save the one-page visit sheet (follow-ups + questions for the doctor) as a PDF."""
        path = self.choose_save_path(
            translate("notebook.followups_pane", "Save my visit sheet"),
            "my-visit-sheet.pdf",
            translate("notebook.followups_pane", "PDF files (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        day, lang = self.today(), current_language()  # the sheet is in the window's language

        def job() -> str:
            return visit_sheet_html(
                self.followups.list(today=day), self.questions_for_doctor(), today=day, lang=lang
            )

        def done(html: str) -> None:
            print_html_to_pdf(html, path, lang)
            self.status.setText(
                translate("notebook.followups_pane", "Saved your visit sheet to {file}.").format(
                    file=path.name
                )
            )

        self.runner.submit(
            "followups-sheet", job, write=True, on_done=done, on_error=self._show_status_error, owner=self
        )

    # Injectable dialogs (tests replace these) ---------------------------------------------------

    def choose_save_path(self, caption: str, name: str, filter_text: str) -> Path | None:
        """Ask where to save a file; None when she cancels."""
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(Path.home() / name), filter_text)
        return Path(chosen) if chosen else None

    def confirm_delete(self, item: FollowUp) -> bool:
        """Ask before deleting a follow-up."""
        answer = QMessageBox.question(
            self,
            translate("notebook.followups_pane", "Delete this follow-up?"),
            translate(
                "notebook.followups_pane", "Delete “{title}”, due {date}? This cannot be undone."
            ).format(title=item.title, date=long_date(item.due, current_language())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # Actions ----------------------------------------------------------------------------------

    def _write(
        self,
        job: Callable[[], object],
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        def done(result: object) -> None:
            on_done(result)
            self.user_data_changed.emit(FOLLOWUPS)
            self.refresh()

        self.runner.submit(
            f"followup-write-{next(self._writes)}",
            job,
            write=True,
            on_done=done,
            on_error=on_error,
            owner=self,
        )

    def _save_form(self) -> None:
        values = self.form.values()
        self.form.clear_errors()

        def job() -> FollowUp:
            return self._store(values)

        self._write(job, self._on_form_saved, self.form.show_error)

    def _store(self, values: FormValues) -> FollowUp:
        # Runs on the writer thread; RepeatRule and the service check every field.
        rule = RepeatRule(values.basis, values.months)
        if values.followup is None:
            return self.followups.add(
                values.title, values.due, repeat=rule, link=values.link, note=values.note
            )
        return self.followups.update(
            values.followup.id,
            revision=values.followup.revision,
            title=values.title,
            due=values.due,
            repeat=rule,
            link=values.link,
            note=values.note,
        )

    def _on_form_saved(self, item: object) -> None:
        assert isinstance(item, FollowUp)
        self.form.hide()
        self.status.setText(
            translate("notebook.followups_pane", "Saved “{title}”, due {date}.").format(
                title=item.title, date=long_date(item.due, current_language())
            )
        )
        self._select_after_refresh = item.id

    def _start_edit(self) -> None:
        item = self.selected()
        if item is not None:
            self.done_bar.hide()
            self.form.start(self.today(), self._page, item)
            self._show_form()

    def _show_form(self) -> None:
        """Show the form with its first field focused and scrolled into view."""
        self.form.show()
        self.form.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, lambda: reveal(self.form.title_edit))  # once the form is laid out

    def _close_form(self) -> None:
        """Escape in the form: close it, after asking if it holds changes she has not saved."""
        if self.form.is_changed() and not self.confirm_discard():
            return
        self.form.hide()

    def confirm_discard(self) -> bool:
        """Ask before closing a form with unsaved changes (tests replace this)."""
        answer = QMessageBox.question(
            self,
            translate("notebook.followups_pane", "Close without saving?"),
            translate(
                "notebook.followups_pane",
                "This follow-up has changes you have not saved. Close it and lose them?",
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _start_done(self) -> None:
        item = self.selected()
        if item is not None and item.state is not FollowUpState.DONE:
            self.form.hide()
            self.done_bar.start(item, self.today())

    def _record_done(self) -> None:
        item, day = self.done_bar.followup, self.done_bar.day()
        if item is None:
            return
        self._write(
            lambda: self.followups.complete(item.id, on=day, revision=item.revision),
            self._on_done_recorded,
            self.done_bar.show_error,
        )

    def _on_done_recorded(self, result: object) -> None:
        assert isinstance(result, CompleteResult)
        self.done_bar.hide()
        text = (
            translate("notebook.followups_pane", "Recorded “{title}” as done on {date}.").format(
                title=result.done.title, date=long_date(day, current_language())
            )
            if (day := result.done.done_on)
            else translate("notebook.followups_pane", "Recorded.")
        )
        if result.next is not None:
            text += " " + translate("notebook.followups_pane", "Next: {date}.").format(
                date=long_date(result.next.due, current_language())
            )
            self._select_after_refresh = result.next.id
        self.status.setText(text)

    def _delete_selected(self) -> None:
        item = self.selected()
        if item is None or not self.confirm_delete(item):
            return
        self._write(
            lambda: self.followups.delete(item.id, revision=item.revision),
            lambda _id: self.status.setText(
                translate("notebook.followups_pane", "Deleted “{title}”.").format(title=item.title)
            ),
            self._show_status_error,
        )

    # Results ----------------------------------------------------------------------------------

    _select_after_refresh: int | None = None

    def _on_list(self, items: tuple[FollowUp, ...]) -> None:
        current = self.selected()
        self.model.set_followups(items)
        self.timeline.set_followups(items, self.today())
        wanted = self._select_after_refresh or (current.id if current else None)
        self._select_after_refresh = None
        if wanted is not None and self.model.row_of(wanted) >= 0:
            self.select(wanted)
        overdue, soon = attention(items)
        parts = [translate("notebook.followups_pane", "{n} overdue").format(n=overdue)] if overdue else []
        parts += [translate("notebook.followups_pane", "{n} due soon").format(n=soon)] if soon else []
        if not items:
            self.summary.setText(
                translate("notebook.followups_pane", "No follow-ups yet. Press “Add…” to plan one.")
            )
        else:
            self.summary.setText(
                translate("notebook.followups_pane", "{parts}.").format(
                    parts=translate("notebook.followups_pane", ", ").join(parts)
                )
                if parts
                else translate("notebook.followups_pane", "Nothing due in the next 14 days.")
            )
        self._update_buttons()
        self.attention_changed.emit(overdue, soon)

    def _show_status_error(self, error: BaseException) -> None:
        message = error_text(error)
        self.status.setText(translate("notebook.followups_pane", "Not done: {why}").format(why=message))

    def _update_buttons(self) -> None:
        item = self.selected()
        for widget in (self.edit_button, self.delete_button):
            widget.setEnabled(item is not None)
        self.done_button.setEnabled(item is not None and item.state is not FollowUpState.DONE)

    def _on_activated(self, index: QModelIndex) -> None:
        item = self.model.followup_at(index.row())
        if item is not None and item.link is not None:
            self.open_requested.emit(f"{item.link.kind}/{item.link.slug}")
        elif item is not None:
            self._start_edit()
