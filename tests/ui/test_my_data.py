"""The "My data" menu: export, import with counts, and erase only after a confirmation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from breastedu.core.notebook.dto import LinkRef
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.mydata import MyDataService
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.notebook.my_data import MyDataActions
from breastedu.ui.notebook.notes_pane import NotesPane

QUESTION = LinkRef(
    "question", "clustered-calcs-a1b2c3", "Clustered calcifications after surgery", "calcifications"
)


@pytest.fixture
def actions(db: UserDB, runner: TaskRunner) -> MyDataActions:
    result = MyDataActions(MyDataService(db), runner)
    result.told = []  # type: ignore[attr-defined]
    result.inform = result.told.append  # type: ignore[attr-defined, method-assign]
    return result


def _fill(db: UserDB) -> None:
    NotesService(db).save("Ask about a biopsy", link=QUESTION, for_doctor=True)
    FollowUpService(db).add("Mammogram", dt.date(2027, 3, 3))


def test_export_then_import_elsewhere_reports_counts(
    qtbot: QtBot, actions: MyDataActions, db: UserDB, tmp_path: Path, runner: TaskRunner
) -> None:
    """Her export opens in another notebook with the same notes and follow-ups."""
    _fill(db)
    target = tmp_path / "backup"
    actions.choose_save_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(actions.flush_requested), qtbot.waitSignal(actions.status_changed) as told:
        actions.export_action.trigger()
    assert told.args[0].startswith("Saved ") and told.args[0].endswith("follow-up(s) to backup.json.")
    assert json.loads((tmp_path / "backup.json").read_text("utf-8"))["format"] == "breastedu-user-data"

    with UserDB.open(tmp_path / "other", backup=False) as other:
        elsewhere = MyDataActions(MyDataService(other), runner)
        elsewhere.inform = lambda text: None  # type: ignore[method-assign]
        elsewhere.choose_open_path = lambda: tmp_path / "backup.json"  # type: ignore[method-assign]
        with (
            qtbot.waitSignal(elsewhere.user_data_changed),
            qtbot.waitSignal(elsewhere.status_changed) as told,
        ):
            elsewhere.import_action.trigger()
        assert told.args == ["Imported: 1 note added, 0 updated; 1 follow-up added, 0 updated."]
        assert [n.text for n in NotesService(other).list()] == ["Ask about a biopsy"]
        with qtbot.waitSignal(elsewhere.status_changed) as told:
            elsewhere.import_action.trigger()  # the same file again: nothing doubled
        assert told.args == ["Nothing new in that file: everything in it was already here."]
        assert NotesService(other).count() == 1
        runner.wait_for_done()


def test_a_bad_file_changes_nothing(qtbot: QtBot, actions: MyDataActions, db: UserDB, tmp_path: Path) -> None:
    """A file that is not an export: one plain sentence, no user_data_changed, nothing written."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', "utf-8")
    actions.choose_open_path = lambda: bad  # type: ignore[method-assign]
    with qtbot.assertNotEmitted(actions.user_data_changed), qtbot.waitSignal(actions.status_changed) as told:
        actions.import_file()
    assert told.args[0] == "Not done. format: is not a BreastEdu data export"
    assert NotesService(db).count() == 0


def test_erase_needs_a_yes_that_names_what_goes(qtbot: QtBot, actions: MyDataActions, db: UserDB) -> None:
    """'No' keeps everything; the question names the counts; 'yes' empties the notebook."""
    _fill(db)
    asked: list[str] = []
    answers = iter([False, True])
    actions.confirm_erase = lambda what: asked.append(what) or next(answers)  # type: ignore[method-assign]
    with qtbot.assertNotEmitted(actions.user_data_changed), qtbot.waitSignal(actions.status_changed) as told:
        actions.erase_action.trigger()
    assert told.args == ["Nothing was deleted."]
    assert "1 note (with your questions for your doctor), 1 follow-up date" in asked[0]
    assert NotesService(db).count() == 1
    with qtbot.waitSignal(actions.user_data_changed), qtbot.waitSignal(actions.status_changed) as told:
        actions.erase_action.trigger()
    assert told.args == ["Deleted 1 note and 1 follow-up."]
    assert NotesService(db).count() == 0 and FollowUpService(db).list() == ()


def test_erase_with_the_notes_pane_wired(
    qtbot: QtBot, actions: MyDataActions, db: UserDB, runner: TaskRunner
) -> None:
    """Wired like the window: what she typed is flushed, then erased, and the pane shows empty."""
    pane = NotesPane(NotesService(db), runner)
    actions.flush_requested.connect(pane.flush)
    actions.user_data_changed.connect(pane.on_user_data_changed)
    actions.confirm_erase = lambda what: True  # type: ignore[method-assign]
    pane.set_context(QUESTION)
    qtbot.waitUntil(lambda: not pane.editor.isReadOnly())
    qtbot.keyClicks(pane.editor, "Typed just now")
    with qtbot.waitSignal(actions.user_data_changed):
        actions.erase()
    qtbot.waitUntil(lambda: not pane.editor.isReadOnly() and pane.editor.toPlainText() == "")
    assert NotesService(db).count() == 0
    qtbot.waitUntil(lambda: pane.list_model.rowCount() == 0)
    runner.wait_for_done()
    qtbot.waitUntil(runner.is_idle)
    pane.deleteLater()
