"""A Chinese window says in Chinese why her follow-up, her data file or her note was not
saved, where an English window says what it always said: the follow-up form and its Done bar,
My data's import and export, the notes pane's save-to-file, and a failed task's status line."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from tests.ui.test_followups_panel import TODAY, _make_pane
from tests.ui.test_notice_language_window import _english_after  # noqa: F401  (the next test starts in English)

from breastedu.core import files
from breastedu.core.catalogue import in_language
from breastedu.core.errors import storage_error
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.notebook.dto import FollowUp, LinkRef
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.mydata import MyDataService
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB
from breastedu.ui.common.i18n import install_language
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.notebook.followups_pane import FollowUpsPane
from breastedu.ui.notebook.my_data import MyDataActions
from breastedu.ui.notebook.notes_pane import SAVE_TO_FILE, NotesPane

TOPIC = LinkRef("topic", "thyroid-nodules", "Thyroid nodules", "thyroid-nodules")
#: Three or more Latin letters in a row: an English word (names and paths are taken out first).
ENGLISH_WORD = re.compile("[A-Za-z]{3}")


@pytest.fixture
def service(db: UserDB) -> FollowUpService:
    return FollowUpService(db, today=lambda: TODAY)


@pytest.fixture
def item(service: FollowUpService) -> FollowUp:
    """One follow-up, there when the pane opens."""
    return service.add("Mammogram", dt.date(2026, 6, 22))


@pytest.fixture
def pane(qtbot: QtBot, service: FollowUpService, db: UserDB, item: FollowUp) -> Iterator[FollowUpsPane]:
    yield from _make_pane(qtbot, service, db)


@contextlib.contextmanager
def _refused(path: Path, **_: object) -> Iterator[Path]:
    """``files.atomic_path`` in a folder she may not write to (as root, chmod would not refuse)."""
    raise PermissionError(errno.EACCES, "Permission denied", str(path.with_name(f".{path.name}.tmp")))
    yield path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [(CHINESE, "項目名稱是空的"), (ENGLISH, "The title is empty")],
)
def test_an_empty_follow_up_title_is_said_in_the_windows_language(
    qtbot: QtBot, pane: FollowUpsPane, service: FollowUpService, lang: str, expected: str
) -> None:
    install_language(lang)
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    pane.form.title_edit.setText("")
    qtbot.mouseClick(pane.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.form.errors["title"].isVisible())
    assert pane.form.errors["title"].text() == expected
    assert [f.title for f in service.list()] == ["Mammogram"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (CHINESE, "2026-07-01 還沒到；追蹤檢查只能記為今天或更早的日子完成"),
        (
            ENGLISH,
            "2026-07-01 is in the future; you can only mark a follow-up done on today or an earlier day",
        ),
    ],
)
def test_done_on_a_day_not_yet_come_is_said_in_the_windows_language(
    qtbot: QtBot, pane: FollowUpsPane, service: FollowUpService, item: FollowUp, lang: str, expected: str
) -> None:
    install_language(lang)
    pane.select(item.id)
    qtbot.mouseClick(pane.done_button, Qt.MouseButton.LeftButton)
    pane.done_bar.date_edit.setDate(QDate(2026, 7, 1))
    qtbot.mouseClick(pane.done_bar.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.done_bar.error.isVisible())
    assert pane.done_bar.error.text() == expected[:1].upper() + expected[1:]
    assert service.get(item.id).done_on is None


def test_a_follow_up_changed_in_another_window_is_said_in_chinese(
    qtbot: QtBot, pane: FollowUpsPane, service: FollowUpService, item: FollowUp
) -> None:
    """She changes a follow-up that another copy changed meanwhile: why, in Chinese, nothing lost."""
    install_language(CHINESE)
    pane.select(item.id)
    qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    assert pane.form.isVisible()
    service.update(  # another copy, meanwhile
        item.id, revision=item.revision, title="Mammogram and ultrasound", due=item.due, repeat=item.repeat
    )
    pane.form.title_edit.setText("Yearly mammogram")
    qtbot.mouseClick(pane.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.form.form_error.isVisible())
    assert pane.form.form_error.text() == (
        "您打開「Mammogram and ultrasound」之後，它在另一個 BreastEdu 視窗裡被改過了；請重新打開它再試一次"
    )
    assert service.get(item.id).title == "Mammogram and ultrasound"


@pytest.fixture
def actions(db: UserDB, runner: TaskRunner) -> MyDataActions:
    result = MyDataActions(MyDataService(db), runner)
    result.inform = lambda text: None  # type: ignore[method-assign]
    return result


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (CHINESE, "沒有完成。format: 不是 BreastEdu 的資料匯出檔"),
        (ENGLISH, "Not done. format: is not a BreastEdu data export"),
    ],
)
def test_importing_a_file_that_is_not_an_export_is_said_in_the_windows_language(
    qtbot: QtBot, actions: MyDataActions, tmp_path: Path, lang: str, expected: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "something else"}), "utf-8")
    actions.choose_open_path = lambda: bad  # type: ignore[method-assign]
    install_language(lang)
    with qtbot.waitSignal(actions.status_changed) as told:
        actions.import_file()
    assert told.args == [expected]


def test_importing_a_follow_up_done_in_the_future_is_said_in_chinese(
    qtbot: QtBot, actions: MyDataActions, tmp_path: Path
) -> None:
    """Which entry of the file is wrong stays as the file names it; why is in Chinese."""
    with UserDB.open(tmp_path / "other", backup=False) as other:
        FollowUpService(other).add("Mammogram", dt.date(2027, 3, 3))
        target = tmp_path / "mine.json"
        MyDataService(other).export_to(target)
    data = json.loads(target.read_text("utf-8"))
    data["followups"][0]["done_on"] = "2199-01-01"
    target.write_text(json.dumps(data), "utf-8")
    actions.choose_open_path = lambda: target  # type: ignore[method-assign]
    install_language(CHINESE)
    with qtbot.waitSignal(actions.status_changed) as told:
        actions.import_file()
    assert told.args == ["沒有完成。followups[0].done_on: 2199-01-01 還沒到"]


@pytest.mark.parametrize(
    ("lang", "why"),
    [(CHINESE, "無法寫入這個檔案（沒有權限）"), (ENGLISH, "cannot write the file (Permission denied)")],
)
def test_an_export_to_a_folder_she_cannot_write_is_said_in_the_windows_language(
    qtbot: QtBot,
    actions: MyDataActions,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    why: str,
) -> None:
    target = tmp_path / "locked" / "my-data.json"
    actions.choose_save_path = lambda: target  # type: ignore[method-assign]
    monkeypatch.setattr(files, "atomic_path", _refused)
    install_language(lang)
    with qtbot.waitSignal(actions.status_changed) as told:
        actions.export_action.trigger()
    prefix = "沒有完成。" if lang == CHINESE else "Not done. "
    assert told.args == [f"{prefix}{target}: {why}"]
    assert not target.exists()


@pytest.fixture
def notes_pane(qtbot: QtBot, db: UserDB) -> Iterator[NotesPane]:
    runner = TaskRunner()
    widget = NotesPane(NotesService(db), runner)
    widget.resize(420, 700)
    widget.show()
    yield widget
    runner.wait_for_done()
    qtbot.waitUntil(runner.is_idle)
    widget.close()
    widget.deleteLater()


def test_a_note_that_cannot_be_saved_to_a_file_either_is_said_in_chinese(
    qtbot: QtBot, notes_pane: NotesPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk refuses her note, and then the file she chose: both reasons in Chinese."""

    def full(*args: object, **kwargs: object) -> object:
        raise storage_error(OSError(errno.ENOSPC, "No space left on device"))

    notes_pane.set_context(TOPIC)
    qtbot.waitUntil(lambda: not notes_pane.editor.isReadOnly())
    install_language(CHINESE)
    monkeypatch.setattr(NotesService, "save", full)
    qtbot.keyClicks(notes_pane.editor, "Ask about the scan")
    notes_pane.flush()
    qtbot.waitUntil(lambda: "磁碟已滿" in notes_pane.status.text(), timeout=10000)
    asked: list[str] = []

    def to_a_file(count: int, reason: str) -> str:
        asked.append(reason)
        return SAVE_TO_FILE

    notes_pane.ask_unsaved = to_a_file  # type: ignore[method-assign]
    notes_pane.choose_unsaved_file = lambda: tmp_path / "locked" / "note.txt"  # type: ignore[method-assign]
    monkeypatch.setattr(files, "atomic_path", _refused)
    assert not notes_pane.may_close()
    assert notes_pane.status.text() == "沒有存到檔案：無法寫入這個檔案（沒有權限）"
    assert [in_language(reason, CHINESE) for reason in asked] == ["無法使用您的筆記資料夾（磁碟已滿）"]
    monkeypatch.undo()  # space again: the retry saves it
    notes_pane.flush()
    qtbot.waitUntil(notes_pane.is_saved, timeout=10000)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (CHINESE, ["沒有第 7 則筆記", "出了點問題：boom"]),
        (ENGLISH, ["there is no note number 7", "Something went wrong: boom"]),
    ],
)
def test_a_failed_task_nobody_handles_is_said_in_the_windows_language(
    qtbot: QtBot, runner: TaskRunner, db: UserDB, lang: str, expected: list[str]
) -> None:
    """The status bar's line for a failed task (``task_failed``): core's sentence, or that
    something went wrong, in the window's language."""
    from PySide6.QtCore import QObject

    owner = QObject()
    install_language(lang)

    def bug() -> None:
        raise RuntimeError("boom")

    told: list[str] = []
    runner.task_failed.connect(lambda _channel, text: told.append(text))
    runner.submit("a", lambda: NotesService(db).get(7), owner=owner)
    qtbot.waitUntil(lambda: len(told) == 1)
    runner.submit("b", bug, owner=owner)
    qtbot.waitUntil(lambda: len(told) == 2)
    assert told == expected
    if lang == CHINESE:
        assert not ENGLISH_WORD.search(told[0])


def test_a_storage_error_names_its_file_and_an_input_error_leaves_its_field_to_the_form() -> None:
    """The window's text of an error keeps the file a storage error names (where it happened);
    an input error's ``where`` is its field, under which the form shows the message."""
    from breastedu.core.errors import InputError, UserDataError
    from breastedu.ui.common.workers import error_text

    assert error_text(UserDataError("the disk is full", where="/home/me/user.sqlite")) == (
        "/home/me/user.sqlite: the disk is full"
    )
    assert error_text(InputError("is empty", where="title")) == "is empty"
    assert error_text(InputError("is empty", where="followups[0].title"), input_where=True) == (
        "followups[0].title: is empty"  # an imported file's place
    )
    assert error_text(ValueError("odd")) == "odd"
