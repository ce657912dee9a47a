"""The notes pane: saved as she types, on page change and on close; conflicts keep her text."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from breastedu.core.notebook.dto import NOTE_MAX, LinkRef
from breastedu.core.notebook.mydata import UserDB
from breastedu.core.notebook.notes import EditorChange, NotesService, editor_change
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.notebook.notes_models import NotesListModel, QuestionsModel
from breastedu.ui.notebook.notes_pane import NotesPane

QUESTION = LinkRef(
    "question", "clustered-calcs-a1b2c3", "Clustered calcifications after surgery", "calcifications"
)
TOPIC = LinkRef("topic", "thyroid-nodules", "Thyroid nodules", "thyroid-nodules")


def _clock() -> object:
    ticks = itertools.count()
    start = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
    return lambda: start + dt.timedelta(seconds=next(ticks))


@pytest.fixture
def notes(db: UserDB) -> NotesService:
    return NotesService(db, clock=_clock())  # type: ignore[arg-type]


@pytest.fixture
def pane(qtbot: QtBot, notes: NotesService) -> Iterator[NotesPane]:
    runner = TaskRunner()
    widget = NotesPane(notes, runner)
    widget.resize(420, 700)
    widget.show()
    yield widget
    # Like the window's closeEvent: flush, let the writes land, then close.
    widget.flush()
    runner.wait_for_done()
    qtbot.waitUntil(runner.is_idle)
    widget.close()
    widget.deleteLater()


def _open(qtbot: QtBot, pane: NotesPane, ref: LinkRef) -> None:
    pane.set_context(ref)
    qtbot.waitUntil(lambda: not pane.editor.isReadOnly())


def _stored(db: UserDB, slug: str) -> list[str]:
    """What a fresh service (a new look at the file) finds for ``slug``."""
    return [n.text for n in NotesService(db).for_slug(slug)]


def test_editor_change_rules() -> None:
    """New text creates, changed text updates, emptied text deletes, nothing else writes."""
    assert editor_change("", None) is EditorChange.NONE
    assert editor_change("  \n", None) is EditorChange.NONE
    assert editor_change("hi", None) is EditorChange.CREATE
    assert editor_change("hi", "hi") is EditorChange.NONE
    assert editor_change("hi\r\n", "hi\n") is EditorChange.NONE
    assert editor_change("hello", "hi") is EditorChange.UPDATE
    assert editor_change(" ", "hi") is EditorChange.DELETE


def test_models_pass_qtmodeltester(qtmodeltester: ModelTester, notes: NotesService) -> None:
    """Both list models obey Qt's model rules, empty and filled."""
    notes.save("Ask about biopsy", link=QUESTION, for_doctor=True)
    notes.save("A free thought", for_doctor=True)
    listed, checklist = NotesListModel(), QuestionsModel()
    qtmodeltester.check(listed)
    qtmodeltester.check(checklist)
    listed.set_notes(notes.list())
    checklist.set_notes(notes.questions_for_doctor())
    qtmodeltester.check(listed)
    qtmodeltester.check(checklist)


def test_typing_then_waiting_saves(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """She types on a question's page and stops: the note is in the file, once, and says Saved."""
    _open(qtbot, pane, QUESTION)
    assert pane.heading.text() == f"My note on: {QUESTION.title}"
    with qtbot.waitSignal(pane.user_data_changed, timeout=5000):
        qtbot.keyClicks(pane.editor, "Ask about a biopsy")
    assert _stored(db, QUESTION.slug) == ["Ask about a biopsy"]
    qtbot.waitUntil(lambda: pane.status.text() == "Saved")
    assert pane.is_saved()


def test_switching_page_saves_the_previous_note(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """Opening another page before the save delay still saves what she typed."""
    _open(qtbot, pane, QUESTION)
    qtbot.keyClicks(pane.editor, "Bring the old report")
    with qtbot.waitSignal(pane.user_data_changed):
        _open(qtbot, pane, TOPIC)
    assert _stored(db, QUESTION.slug) == ["Bring the old report"]
    assert pane.editor.toPlainText() == "" and pane.heading.text() == "My note on: Thyroid nodules"
    _open(qtbot, pane, QUESTION)
    assert pane.editor.toPlainText() == "Bring the old report"


def test_flush_submits_the_save_at_once(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """On close: flush, then the window waits for the runner; the text is stored, one note."""
    _open(qtbot, pane, QUESTION)
    qtbot.keyClicks(pane.editor, "First")
    pane.flush()
    qtbot.keyClicks(pane.editor, " and second")  # queued behind the create: updates it
    pane.flush()
    assert pane.runner.wait_for_done()
    assert _stored(db, QUESTION.slug) == ["First and second"]
    qtbot.waitUntil(pane.is_saved)


def test_a_conflict_keeps_her_text_until_keep_mine(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """Another copy changed the note: her text stays, one sentence says so, Keep mine saves it."""
    other = NotesService(db)
    first = other.save("Old text", link=QUESTION)
    _open(qtbot, pane, QUESTION)
    other.save("Changed elsewhere", note_id=first.id, revision=first.revision)
    pane.editor.setPlainText("My new text")
    qtbot.waitUntil(lambda: pane.conflict_bar.isVisible(), timeout=5000)
    assert "changed in another BreastEdu window" in pane.conflict_text.text()
    assert pane.editor.toPlainText() == "My new text" and not pane.is_saved()
    assert _stored(db, QUESTION.slug) == ["Changed elsewhere"]
    with qtbot.waitSignal(pane.user_data_changed):
        qtbot.mouseClick(pane.keep_mine_button, Qt.MouseButton.LeftButton)
    assert _stored(db, QUESTION.slug) == ["My new text"]
    assert not pane.conflict_bar.isVisible()


def test_leaving_an_unresolved_conflict_keeps_both(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """Closing with a conflict open saves her text as a note of its own: nothing is lost."""
    other = NotesService(db)
    first = other.save("Old text", link=QUESTION)
    _open(qtbot, pane, QUESTION)
    other.save("Theirs", note_id=first.id, revision=first.revision)
    pane.editor.setPlainText("Mine")
    qtbot.waitUntil(lambda: pane.conflict_bar.isVisible(), timeout=5000)
    pane.flush()
    assert pane.runner.wait_for_done()
    assert sorted(_stored(db, QUESTION.slug)) == ["Mine", "Theirs"]


def test_newest_note_is_edited_and_the_others_listed(
    qtbot: QtBot, pane: NotesPane, notes: NotesService
) -> None:
    """Several notes on one page: the newest opens, the others are listed and can be opened."""
    notes.save("Older", link=QUESTION)
    notes.save("Newer", link=QUESTION)
    _open(qtbot, pane, QUESTION)
    assert pane.editor.toPlainText() == "Newer"
    assert pane.others_view.isVisible() and pane.others_model.rowCount() == 1
    assert "Older" in pane.others_model.index(0, 0).data()
    pane.others_view.activated.emit(pane.others_model.index(0, 0))
    qtbot.waitUntil(lambda: pane.editor.toPlainText() == "Older")


def test_too_long_text_is_refused_at_the_field(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """Over the limit: a plain message under the editor, nothing written, her text kept."""
    _open(qtbot, pane, QUESTION)
    pane.editor.setPlainText("x" * (NOTE_MAX + 1))
    pane.flush()
    qtbot.waitUntil(lambda: pane.editor_error.isVisible())
    assert "the limit is 20,000" in pane.editor_error.text()
    assert _stored(db, QUESTION.slug) == []
    assert len(pane.editor.toPlainText()) == NOTE_MAX + 1


def test_emptying_a_note_deletes_it(qtbot: QtBot, pane: NotesPane, notes: NotesService, db: UserDB) -> None:
    """She clears the whole note: it is gone, not kept as an invisible empty note."""
    notes.save("Temporary", link=QUESTION)
    _open(qtbot, pane, QUESTION)
    pane.editor.clear()
    with qtbot.waitSignal(pane.user_data_changed):
        pane.flush()
    assert _stored(db, QUESTION.slug) == []


def test_list_labels_searches_and_opens(qtbot: QtBot, pane: NotesPane, notes: NotesService) -> None:
    """Her notes carry their topic; search narrows them; a page note opens its page."""
    notes.save("Ask about a biopsy", link=QUESTION)
    notes.save("Bring the ultrasound CD", link=TOPIC)
    notes.save("Coffee and cysts?")
    pane.set_topic_titles({"calcifications": "Breast calcifications"})
    pane.refresh_lists()
    qtbot.waitUntil(lambda: pane.list_model.rowCount() == 3)
    rows = [pane.list_model.index(r, 0).data() for r in range(3)]
    assert rows[0].startswith(f"Breast calcifications · {QUESTION.title}\nAsk about a biopsy")
    assert rows[1].startswith("Thyroid nodules\n") and rows[2].startswith("Free notes\n")
    pane.search.setText("ultrasound")
    qtbot.waitUntil(lambda: pane.list_model.rowCount() == 1)
    with qtbot.waitSignal(pane.open_requested) as blocker:
        pane.list_view.activated.emit(pane.list_model.index(0, 0))
    assert blocker.args == ["topic/thyroid-nodules"]


def test_a_free_note(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """The free-note option starts a note about no page; it is listed under Free notes."""
    _open(qtbot, pane, QUESTION)
    qtbot.mouseClick(pane.free_button, Qt.MouseButton.LeftButton)
    assert pane.heading.text().startswith("A free note")
    with qtbot.waitSignal(pane.user_data_changed, timeout=5000):
        qtbot.keyClicks(pane.editor, "General worry")
    stored = NotesService(db).list()
    assert [(n.text, n.link) for n in stored] == [("General worry", None)]


def test_questions_for_my_doctor(qtbot: QtBot, pane: NotesPane, db: UserDB) -> None:
    """'Ask my doctor' puts the note on the checklist; ticking it marks it asked in the file."""
    _open(qtbot, pane, QUESTION)
    qtbot.mouseClick(pane.ask_box, Qt.MouseButton.LeftButton)  # before the note exists
    qtbot.keyClicks(pane.editor, "Do I need a biopsy?")
    with qtbot.waitSignal(pane.user_data_changed):
        pane.flush()
    qtbot.waitUntil(lambda: pane.questions_model.rowCount() == 1)
    assert pane.tabs.tabText(1) == "Questions for my doctor (1)"
    index = pane.questions_model.index(0, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(pane.user_data_changed):
        pane.questions_model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert [(n.text, n.asked) for n in NotesService(db).questions_for_doctor()] == [
        ("Do I need a biopsy?", True)
    ]
    qtbot.waitUntil(lambda: pane.tabs.tabText(1) == "Questions for my doctor")


def test_when_saving_is_off_the_note_is_shown_but_cannot_be_typed_into(
    qtbot: QtBot, user_dir: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """D11: a read-only folder opens her notes read-only; the editor shows her note and takes
    no typing (typing that cannot be saved would be lost), and "Ask my doctor" is off."""
    import errno
    from pathlib import Path

    from breastedu.core.notebook import userdb

    with UserDB.open(Path(str(user_dir))) as db:
        NotesService(db).save("bring my scans", link=TOPIC)

    def refuse(self: object, path: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(userdb._ProcessLock, "__init__", refuse)
    with UserDB.open(Path(str(user_dir))) as db:
        runner = TaskRunner()
        widget = NotesPane(NotesService(db), runner)
        widget.show()
        assert widget.editor.isReadOnly() and not widget.ask_box.isEnabled()
        widget.set_context(TOPIC)
        qtbot.waitUntil(lambda: widget.editor.toPlainText() == "bring my scans")
        qtbot.wait(50)
        assert widget.editor.isReadOnly() and not widget.ask_box.isEnabled()
        assert "Saving is off" in widget.editor.placeholderText()
        runner.wait_for_done()
        qtbot.waitUntil(runner.is_idle)
        widget.close()
        widget.deleteLater()
