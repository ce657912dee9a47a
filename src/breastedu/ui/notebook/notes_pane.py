"""The notes pane: her note on the page being read, all her notes, and questions for her doctor.

The note is saved as she types (800 ms after the last keystroke), when she opens another page,
and on :meth:`NotesPane.flush` (the window calls it when closing): there is no Save button to
forget. *When* to save and what to say about it is decided by
:class:`~breastedu.core.notebook.autosave.Autosave` (pure, unit-tested); this pane only feeds
it events and shows its state. Every write goes through the TaskRunner's single writer thread,
in order; the editor's note (its id and revision) lives in a :class:`_Draft` that only the
writer thread changes, so a second save queued behind a first *create* updates that note
instead of making another. A conflict (another copy changed the note) keeps her text in the
editor and offers "Keep mine". A save that fails (locked file, full disk) keeps her text
pending and is retried, also after she moves to another page; closing the window with text
still unsaved asks her: save it to a file, keep trying, or discard it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.catalogue import in_language
from breastedu.core.errors import BreastEduError, ConflictError, InputError, NotFoundError
from breastedu.core.files import write_atomic
from breastedu.core.notebook.autosave import Autosave, SaveState
from breastedu.core.notebook.dto import LinkRef, Note
from breastedu.core.notebook.notes import SEARCH_MAX, EditorChange, NotesService, editor_change
from breastedu.ui.common.flow_layout import FlowLayout
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.tabs import fit_tabs
from breastedu.ui.common.user_data import ALL, NOTES
from breastedu.ui.common.widgets import TARGET_PX, button, error_label
from breastedu.ui.common.workers import TaskRunner, error_text
from breastedu.ui.notebook.notes_models import NotesListModel, QuestionsModel

#: What she can choose when closing with a note that could not be saved.
SAVE_TO_FILE, KEEP_TRYING, DISCARD = "file", "retry", "discard"


class _Draft:
    """The note in the editor as the writer thread sees it. Its methods run on that thread only.

    ``note`` is None until the first save creates it; ``link`` is the page a new note is about
    (None: a free note).
    """

    def __init__(self, notes: NotesService, link: LinkRef | None, note: Note | None) -> None:
        self.notes, self.link, self.note = notes, link, note
        self.for_doctor = note.for_doctor if note else False

    def write(self, text: str) -> tuple[EditorChange, Note | None]:
        change = editor_change(text, self.note.text if self.note else None)
        if change is EditorChange.CREATE:
            self.note = self.notes.save(text, link=self.link, for_doctor=self.for_doctor)
        elif change is EditorChange.UPDATE and self.note is not None:
            self.note = self.notes.save(text, note_id=self.note.id, revision=self.note.revision)
        elif change is EditorChange.DELETE and self.note is not None:
            self.notes.delete(self.note.id, revision=self.note.revision)
            self.note, self.for_doctor = None, False
        return change, self.note

    def keep_mine(self, text: str) -> tuple[EditorChange, Note | None]:
        """Save over whatever the other copy stored (or re-create a note it deleted)."""
        if self.note is not None:
            try:
                self.note = self.notes.get(self.note.id)
            except NotFoundError:
                self.note = None
        return self.write(text)

    def save_copy(self, text: str) -> tuple[EditorChange, Note | None]:
        """Unresolved conflict on leaving: keep her text as a note of its own."""
        self.note = None
        return self.write(text)

    def set_for_doctor(self, on: bool) -> tuple[EditorChange, Note | None]:
        self.for_doctor = on
        if self.note is None:
            return EditorChange.NONE, None  # applied when the note is created
        self.note = self.notes.set_for_doctor(self.note.id, on)
        return EditorChange.UPDATE, self.note


@dataclass(eq=False)
class _Edit:
    """One note being saved: its draft (writer side), its autosave state (GUI side), and the
    text of its newest save (what a retry writes once the note has left the editor)."""

    draft: _Draft
    autosave: Autosave
    text: str = ""


class NotesPane(QWidget):
    """Her note on the current page (saved as she types), her notes, and her doctor checklist.

    Signals:
        open_requested(str): open an app target, ``"question/<slug>"`` or ``"topic/<slug>"``.
        user_data_changed(str): ``NOTES`` after each completed write of a note (see ui/common/user_data.py).
    """

    open_requested = Signal(str)
    user_data_changed = Signal(str)

    def __init__(self, notes: NotesService, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes, self.runner = notes, runner
        self._writes = itertools.count(1)
        self._flags_in_flight = 0
        self._page: LinkRef | None = None
        self._edit: _Edit | None = self._new_edit(_Draft(notes, None, None))
        #: Notes that left the editor with a save still in flight or failed (retried here).
        self._left: list[_Edit] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._save_due)
        self._build()
        self._show_heading()
        self._allow_writing()
        self.refresh_lists()

    # Building -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        # Two choices of one kind: radio buttons, so a screen reader says "radio button, 1 of 2"
        # (checkable push buttons were announced as check boxes). They wrap when narrow.
        modes = FlowLayout()
        self.page_button = QRadioButton(translate("notebook.notes_pane", "Note on this page"), self)
        self.free_button = QRadioButton(translate("notebook.notes_pane", "New free note"), self)
        for choice in (self.page_button, self.free_button):
            choice.setMinimumHeight(TARGET_PX)
        self.page_button.setToolTip(translate("notebook.notes_pane", "Write about the page you are reading"))
        self.page_button.setEnabled(False)  # until a topic or question is open
        self.free_button.setChecked(True)  # the note box starts as a free note
        self.free_button.setToolTip(
            translate("notebook.notes_pane", "Start a note that is not about one page")
        )
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.page_button)
        group.addButton(self.free_button)
        self.page_button.clicked.connect(self._edit_page_note)
        self.free_button.clicked.connect(lambda: self.edit_note(None))
        modes.addWidget(self.page_button)
        modes.addWidget(self.free_button)
        layout.addLayout(modes)

        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(translate("notebook.notes_pane", "My note"))
        self.editor.setPlaceholderText(
            translate(
                "notebook.notes_pane", "Write what you want to remember or ask. It is saved as you type."
            )
        )
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(120)
        self.editor.textChanged.connect(self._on_text_changed)
        layout.addWidget(self.editor, 2)
        self.editor_error = error_label(self)
        layout.addWidget(self.editor_error)

        self.ask_box = QCheckBox(translate("notebook.notes_pane", "Ask my doctor"), self)
        self.ask_box.setMinimumHeight(TARGET_PX)
        self.ask_box.setToolTip(
            translate("notebook.notes_pane", "Put this note on your list of questions for your doctor")
        )
        self.ask_box.clicked.connect(self._on_ask_clicked)
        layout.addWidget(self.ask_box, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel(self)
        self.status.setAccessibleName(translate("notebook.notes_pane", "Save status"))
        self.status.setWordWrap(True)  # "Not saved: …" can be long; the pane is narrow
        layout.addWidget(self.status)

        self.conflict_bar = QFrame(self)
        self.conflict_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_bar.setObjectName("conflictBar")  # coloured by the theme's style sheet
        bar = QVBoxLayout(self.conflict_bar)
        self.conflict_text = QLabel(self.conflict_bar)
        self.conflict_text.setWordWrap(True)
        bar.addWidget(self.conflict_text)
        self.keep_mine_button = button(translate("notebook.notes_pane", "Keep mine"), self.conflict_bar)
        self.keep_mine_button.setToolTip(
            translate("notebook.notes_pane", "Save the text in the editor over the other version")
        )
        self.keep_mine_button.clicked.connect(self.keep_mine)
        bar.addWidget(self.keep_mine_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.conflict_bar.hide()
        layout.addWidget(self.conflict_bar)

        self.others_label = QLabel(translate("notebook.notes_pane", "Your other notes on this page:"), self)
        self.others_label.setWordWrap(True)
        self.others_model = NotesListModel(self)
        self.others_model.by_date = True
        self.others_view = self._list_view(
            self.others_model, translate("notebook.notes_pane", "Other notes on this page")
        )
        self.others_view.activated.connect(lambda index: self._activate(self.others_model, index))
        for widget in (self.others_label, self.others_view):
            widget.hide()
            layout.addWidget(widget)

        self.tabs = QTabWidget(self)
        fit_tabs(self.tabs)  # whole tab names, on two lines when narrow
        self.tabs.setAccessibleName(
            translate("notebook.notes_pane", "All my notes, and questions for my doctor")
        )
        layout.addWidget(self.tabs, 3)
        mine = QWidget(self.tabs)
        mine_layout = QVBoxLayout(mine)
        self.search = QLineEdit(mine)
        self.search.setMaxLength(SEARCH_MAX)
        self.search.setPlaceholderText(translate("notebook.notes_pane", "Search my notes"))
        self.search.setAccessibleName(translate("notebook.notes_pane", "Search my notes"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(TARGET_PX)
        self.search.textChanged.connect(lambda _text: self.refresh_lists())
        mine_layout.addWidget(self.search)
        self.search_error = error_label(mine)
        mine_layout.addWidget(self.search_error)
        self.list_model = NotesListModel(self)
        self.list_view = self._list_view(self.list_model, translate("notebook.notes_pane", "My notes"))
        self.list_view.activated.connect(lambda index: self._activate(self.list_model, index))
        mine_layout.addWidget(self.list_view)
        self.empty_hint = QLabel(
            translate(
                "notebook.notes_pane", "No notes yet. Write in the box above: your note is saved as you type."
            ),
            mine,
        )
        self.empty_hint.setWordWrap(True)
        mine_layout.addWidget(self.empty_hint)
        # "My notes" is the notebook's own tab; this one lists all of them.
        self.tabs.addTab(mine, translate("notebook.notes_pane", "All my notes"))

        doctor = QWidget(self.tabs)
        doctor_layout = QVBoxLayout(doctor)
        hint = QLabel(translate("notebook.notes_pane", "Tick a question once you have asked it."), doctor)
        hint.setWordWrap(True)
        doctor_layout.addWidget(hint)
        self.questions_model = QuestionsModel(self)
        self.questions_model.asked_toggled.connect(self._on_asked_toggled)
        self.questions_view = self._list_view(
            self.questions_model, translate("notebook.notes_pane", "Questions for my doctor")
        )
        doctor_layout.addWidget(self.questions_view)
        self.remove_question_button = button(translate("notebook.notes_pane", "Take off the list"), doctor)
        self.remove_question_button.clicked.connect(self._remove_selected_question)
        doctor_layout.addWidget(self.remove_question_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(doctor, translate("notebook.notes_pane", "Questions for my doctor"))

    def _list_view(self, model: QAbstractListModel, name: str) -> QListView:
        view = QListView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setWordWrap(True)
        view.setSpacing(2)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return view

    # Public API -----------------------------------------------------------------------------

    def set_context(self, page: LinkRef | None) -> None:
        """The page being read changed (its :attr:`RenderedPage.link`): save the note being
        edited, open that page's note."""
        if page == self._page and self._draft is not None and self._draft.link == page:
            return
        self._page = page
        self.page_button.setEnabled(page is not None)
        if page is None:
            if self._draft is None or self._draft.link is not None:
                self.edit_note(None)
            else:
                self._show_heading()  # a free note stays open on pages without a note
            return
        self._edit_page_note()

    def focus_first(self) -> None:
        """Put the keyboard focus in the note box (opening the notebook: she came to write)."""
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_topic_titles(self, titles: Mapping[str, str]) -> None:
        """Topic display names by slug, to label notes in the lists."""
        for model in (self.list_model, self.others_model):
            model.topic_titles = dict(titles)
            model.set_notes(model.notes())

    def edit_note(self, note: Note | None) -> None:
        """Edit ``note`` (an existing note), or a new free note when None."""
        self._leave_draft()
        link = note.link if note is not None else None
        self._start_draft(_Draft(self.notes, link, note))

    @property
    def _draft(self) -> _Draft | None:
        return self._edit.draft if self._edit is not None else None

    def _new_edit(self, draft: _Draft) -> _Edit:
        return _Edit(draft, Autosave())

    def flush(self) -> None:
        """Submit every pending save now (the window then waits with ``runner.wait_for_done``)."""
        self._timer.stop()
        edit = self._edit
        if edit is not None and edit.autosave.state is SaveState.CONFLICT:
            # Leaving with a conflict unresolved: her text becomes a note of its own.
            self._set_conflict(None)
            self._submit(edit, edit.draft.save_copy, self.editor.toPlainText())
        elif edit is not None and edit.autosave.has_unsaved_text():
            self._submit(edit, edit.draft.write, self.editor.toPlainText())
        for left in self._left:
            if left.autosave.has_unsaved_text():
                self._submit(left, left.draft.write, left.text)

    def keep_mine(self) -> None:
        """Resolve a conflict by saving her text over the other copy's version."""
        if self._edit is None:
            return
        self._set_conflict(None)
        self._submit(self._edit, self._edit.draft.keep_mine, self.editor.toPlainText())

    def unsaved_texts(self) -> list[str]:
        """The texts she typed that are not written (after every save has reported back)."""
        texts = [left.text for left in self._left if not left.autosave.is_saved()]
        if self._edit is not None and not self._edit.autosave.is_saved():
            texts.append(self.editor.toPlainText())
        return [text for text in texts if text.strip()]

    def may_close(self) -> bool:
        """Closing: True when nothing typed would be lost, or she chose what to do with it.

        Call after :meth:`flush` and after every save has reported back. Asks her (through
        :meth:`ask_unsaved`) to save the unsaved text to a file, keep trying (the window stays
        open and the saves are retried), or discard it.
        """
        texts = self.unsaved_texts()
        if not texts:
            return True
        reason = next(
            (e.autosave.failure for e in [*self._left, self._edit] if e is not None and e.autosave.failure),
            translate("notebook.notes_pane", "it could not be written"),
        )
        choice = self.ask_unsaved(len(texts), reason)
        if choice == SAVE_TO_FILE:
            path = self.choose_unsaved_file()
            if path is None:
                return False
            try:
                write_atomic(path, ("\n\n---\n\n".join(texts) + "\n").encode("utf-8"))
            except BreastEduError as exc:
                self.status.setText(
                    translate("notebook.notes_pane", "Not saved to the file: {why}").format(
                        why=error_text(exc)
                    )
                )
                return False
            return True
        if choice == DISCARD:
            return True
        self.flush()  # keep trying: the window stays open and the saves are retried
        return False

    # Injectable dialogs (tests replace these) ---------------------------------------------------

    def ask_unsaved(self, count: int, reason: str) -> str:
        """Ask what to do with ``count`` unsaved notes: SAVE_TO_FILE, KEEP_TRYING or DISCARD."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("notebook.notes_pane", "Your note is not saved"))
        box.setText(
            (
                translate("notebook.notes_pane", "Your note could not be saved ({why}).")
                if count == 1
                else translate("notebook.notes_pane", "{n} of your notes could not be saved ({why}).")
            ).format(n=count, why=in_language(reason, current_language()))
        )
        box.setInformativeText(
            translate("notebook.notes_pane", "Save the text to a file, keep trying, or discard it?")
        )
        to_file = box.addButton(
            translate("notebook.notes_pane", "Save to a file…"), QMessageBox.ButtonRole.AcceptRole
        )
        keep = box.addButton(
            translate("notebook.notes_pane", "Keep trying"), QMessageBox.ButtonRole.RejectRole
        )
        box.addButton(translate("notebook.notes_pane", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(to_file)
        box.exec()
        clicked = box.clickedButton()
        return SAVE_TO_FILE if clicked is to_file else KEEP_TRYING if clicked is keep else DISCARD

    def choose_unsaved_file(self) -> Path | None:
        """Ask where to save the unsaved text; None when she cancels."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            translate("notebook.notes_pane", "Save your note to a file"),
            str(Path.home() / "my-note.txt"),
            translate("notebook.notes_pane", "Text (*.txt)"),
        )
        return Path(chosen) if chosen else None

    def on_user_data_changed(self, kind: str) -> None:
        """Her data changed: after an import or erase, reload everything (notes are ours)."""
        if kind == ALL:
            self.refresh()

    def refresh(self) -> None:
        """Her data changed elsewhere (import, erase): reload the lists and the open note."""
        self.flush()
        self.refresh_lists()
        if self._draft is not None and self._draft.link is not None:
            self._load_page(self._draft.link)
        else:
            self._start_draft(_Draft(self.notes, None, None))

    def refresh_lists(self) -> None:
        """Reload her notes (or the search results) and the doctor checklist."""
        query = self.search.text()
        self.runner.submit(
            "notes-list",
            self.notes.search if query.strip() else self.notes.list,
            *([query] if query.strip() else []),
            on_done=self._on_list,
            on_error=self._on_list_error,
            owner=self,
        )
        self.runner.submit(
            "notes-questions", self.notes.questions_for_doctor, on_done=self._on_questions, owner=self
        )

    def is_saved(self) -> bool:
        """True when everything typed has been written (nothing due, in flight, failed or in conflict)."""
        edits = [e for e in (self._edit, *self._left) if e is not None]
        return not self._flags_in_flight and all(e.autosave.is_saved() for e in edits)

    # Editing --------------------------------------------------------------------------------

    def _edit_page_note(self) -> None:
        if self._page is None:
            return
        self._leave_draft()
        self._load_page(self._page)

    def _load_page(self, page: LinkRef) -> None:
        self._park()
        self.editor.setReadOnly(True)
        self.editor.setPlaceholderText(translate("notebook.notes_pane", "Opening your note…"))
        self._set_text("")
        self._show_heading(page)
        # On the writer thread, so it reads after any save of this page still queued there.
        self.runner.submit(
            "notes-load",
            self.notes.for_slug,
            page.slug,
            write=True,
            on_done=lambda notes: self._on_page_loaded(page, notes),
            on_error=self._on_load_error,
            owner=self,
        )

    def _on_page_loaded(self, page: LinkRef, notes: tuple[Note, ...]) -> None:
        newest = max(notes, key=lambda n: (n.updated_at, n.id)) if notes else None
        self.others_model.set_notes([n for n in notes if newest is None or n.id != newest.id])
        self._start_draft(_Draft(self.notes, page, newest))

    def _on_load_error(self, error: BaseException) -> None:
        # The editor stays read-only: typing into a note that could not be read would fork it.
        self.status.setText(
            translate("notebook.notes_pane", "Your note could not be opened: {why}").format(
                why=error_text(error)
            )
        )

    def _start_draft(self, draft: _Draft) -> None:
        self._park()
        self._edit = self._new_edit(draft)
        self._set_conflict(None)
        self.editor_error.hide()
        self._allow_writing()
        self._set_text(draft.note.text if draft.note else "")
        self.ask_box.setChecked(draft.for_doctor)
        on_page = draft.link is not None
        self.page_button.setChecked(on_page)
        self.free_button.setChecked(not on_page)
        has_others = on_page and self.others_model.rowCount() > 0
        self.others_label.setVisible(has_others)
        self.others_view.setVisible(has_others)
        if has_others:  # as tall as two rows at most, so her notes list keeps its room
            rows = min(2, self.others_model.rowCount())
            height = sum(self.others_view.sizeHintForRow(r) + 4 for r in range(rows))
            self.others_view.setMaximumHeight(height + 2 * self.others_view.frameWidth() + 4)
        self.status.setText(translate("notebook.notes_pane", "Saved") if draft.note else "")
        self._show_heading(draft.link, free=not on_page)

    def _leave_draft(self) -> None:
        self.flush()
        self._park()
        self.others_model.set_notes([])

    def _park(self) -> None:
        """The note leaves the editor; one not yet saved is still tracked (and retried)."""
        edit = self._edit
        if edit is not None and not edit.autosave.is_saved() and edit not in self._left:
            edit.text = self.editor.toPlainText() if edit.autosave.has_unsaved_text() else edit.text
            self._left.append(edit)  # its save reports back (and is retried) after it leaves
        self._edit = None

    def _show_heading(self, link: LinkRef | None = None, *, free: bool = True) -> None:
        self.heading.setText(
            translate("notebook.notes_pane", "My note on: {title}").format(title=link.title)
            if link is not None
            else translate("notebook.notes_pane", "A free note (not about one page)")
            if free
            else translate("notebook.notes_pane", "My notes")
        )

    def _set_text(self, text: str) -> None:
        blocked = self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(blocked)

    def _on_text_changed(self) -> None:
        if self._edit is None:
            return
        self._edit.autosave.edited()
        self._show_state()
        self._schedule()

    def _schedule(self) -> None:
        """Start the timer for the next save due, in the editor or among the notes that left."""
        waits = [e.autosave.seconds_until_due() for e in (self._edit, *self._left) if e is not None]
        due = [w for w in waits if w is not None]
        if due:
            self._timer.start(int(min(due) * 1000))
        else:
            self._timer.stop()

    def _save_due(self) -> None:
        if self._edit is not None and self._edit.autosave.due():
            self._submit(self._edit, self._edit.draft.write, self.editor.toPlainText())
        for left in self._left:
            if left.autosave.due():
                self._submit(left, left.draft.write, left.text)
        self._schedule()

    def _submit(self, edit: _Edit, job: Callable[[str], tuple[EditorChange, Note | None]], text: str) -> None:
        number = edit.autosave.started()
        edit.text = text
        self._show_state()
        self.runner.submit(
            f"note-write-{next(self._writes)}",
            job,
            text,
            write=True,
            on_done=lambda result: self._on_saved(edit, number, result),
            on_error=lambda error: self._on_save_error(edit, number, error),
            owner=self,
        )

    def _on_saved(self, edit: _Edit, number: int, result: tuple[EditorChange, Note | None]) -> None:
        edit.autosave.succeeded(number)
        change, _note = result
        if edit is self._edit:
            self.editor_error.hide()
        elif edit.autosave.is_saved() and edit in self._left:
            self._left.remove(edit)
        self._show_state()
        self._schedule()
        if change is not EditorChange.NONE:
            self.user_data_changed.emit(NOTES)
            self.refresh_lists()

    def _on_save_error(self, edit: _Edit, number: int, error: BaseException) -> None:
        if isinstance(error, ConflictError | NotFoundError):
            edit.autosave.conflicted(number, "changed" if isinstance(error, ConflictError) else "deleted")
            if edit is self._edit:
                self._set_conflict(
                    translate(
                        "notebook.notes_pane",
                        "This note was changed in another BreastEdu window. "
                        "Your text is still here and has not been saved.",
                    )
                    if edit.autosave.conflict == "changed"
                    else translate(
                        "notebook.notes_pane",
                        "This note was deleted in another BreastEdu window. "
                        "Your text is still here and has not been saved.",
                    )
                )
            else:  # it left the editor: keep her text as a note of its own
                edit.autosave.resolved()
                self._submit(edit, edit.draft.save_copy, edit.text)
            return
        reason = (
            error.message
            if isinstance(error, BreastEduError)
            else translate("notebook.notes_pane", "something went wrong")
        )
        edit.autosave.failed(number, reason)
        if edit is self._edit and isinstance(error, InputError):
            self.editor_error.setText(
                translate("notebook.notes_pane", "Not saved: this note {why}.").format(why=error_text(error))
            )
            self.editor_error.show()
        self._show_state()
        self._schedule()

    def _show_state(self) -> None:
        """The status line says what the autosave state is (and about notes that left)."""
        if self._edit is None:
            return
        text = self._edit.autosave.describe(current_language())
        failed = [e for e in self._left if e.autosave.state is SaveState.FAILED]
        if failed and self._edit.autosave.state is not SaveState.FAILED:
            text += " · " + translate(
                "notebook.notes_pane", "An earlier note is not saved yet ({why}). Trying again…"
            ).format(why=in_language(failed[0].autosave.failure, current_language()))
        self.status.setText(text)

    def _set_conflict(self, message: str | None) -> None:
        if message is None and self._edit is not None:
            self._edit.autosave.resolved()
        self.conflict_bar.setVisible(message is not None)
        if message is not None:
            self.conflict_text.setText(message)
            self.status.setText(translate("notebook.notes_pane", "Not saved"))

    # Questions for my doctor ------------------------------------------------------------------

    def _allow_writing(self) -> None:
        """Let her type, unless her notes cannot be saved (a read-only folder, a full disk):
        then the note is shown but cannot be changed, so nothing she types is lost."""
        saving_off = self.notes.read_only is not None
        self.editor.setReadOnly(saving_off)
        self.ask_box.setEnabled(not saving_off)
        self.editor.setPlaceholderText(
            translate("notebook.notes_pane", "Saving is off: your notes can be read, not changed.")
            if saving_off
            else translate(
                "notebook.notes_pane", "Write what you want to remember or ask. It is saved as you type."
            )
        )

    def _on_ask_clicked(self, on: bool) -> None:
        if self._draft is not None:
            self._submit_flag(self._draft.set_for_doctor, on)

    def _submit_flag(self, job: Callable[[bool], tuple[EditorChange, Note | None]], on: bool) -> None:
        self._flags_in_flight += 1
        self.runner.submit(
            f"note-write-{next(self._writes)}",
            job,
            on,
            write=True,
            on_done=self._on_flag_saved,
            on_error=self._on_flag_error,
            owner=self,
        )

    def _on_flag_saved(self, result: tuple[EditorChange, Note | None]) -> None:
        self._flags_in_flight -= 1
        if result[0] is not EditorChange.NONE:
            self.user_data_changed.emit(NOTES)
            self.refresh_lists()

    def _on_flag_error(self, error: BaseException) -> None:
        self._flags_in_flight -= 1
        self.status.setText(
            translate("notebook.notes_pane", "Not changed: {why}").format(why=error_text(error))
        )
        self.refresh_lists()

    def _on_asked_toggled(self, note_id: int, asked: bool) -> None:
        self._submit_flag(lambda on: (EditorChange.UPDATE, self.notes.set_asked(note_id, on)), asked)

    def _remove_selected_question(self) -> None:
        note = self.questions_model.note_at(self.questions_view.currentIndex().row())
        if note is None:
            return
        if self._draft is not None and self._draft.note is not None and self._draft.note.id == note.id:
            self.ask_box.setChecked(False)
            self._on_ask_clicked(False)
        else:
            self._submit_flag(lambda on: (EditorChange.UPDATE, self.notes.set_for_doctor(note.id, on)), False)

    # Lists ------------------------------------------------------------------------------------

    def _on_list(self, notes: tuple[Note, ...]) -> None:
        self.search_error.hide()
        self.list_model.set_notes(notes)
        self.empty_hint.setVisible(not notes and not self.search.text().strip())

    def _on_list_error(self, error: BaseException) -> None:
        self.search_error.setText(
            translate("notebook.notes_pane", "Search {why}.").format(why=error_text(error))
            if isinstance(error, InputError)
            else error_text(error)
        )
        self.search_error.show()

    def _on_questions(self, notes: tuple[Note, ...]) -> None:
        self.questions_model.set_notes(notes)
        open_count = sum(1 for n in notes if not n.asked)
        self.tabs.setTabText(
            1,
            translate("notebook.notes_pane", "Questions for my doctor")
            + (f" ({open_count})" if open_count else ""),
        )

    def _activate(self, model: NotesListModel, index: QModelIndex) -> None:
        note = model.note_at(index.row())
        if note is not None and (note.link is None or model is self.others_model):
            self.edit_note(note)
        elif note is not None and note.link is not None:
            self.open_requested.emit(f"{note.link.kind}/{note.link.slug}")
