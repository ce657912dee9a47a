"""Why core refused a note, a follow-up or a data file can be said in Chinese (the window's
``message_in``), while the English, which the CLI prints, is what it always was."""

from __future__ import annotations

import copy
import datetime as dt
import errno
import pickle
from pathlib import Path

import pytest

from breastedu.cli import main
from breastedu.core.errors import ConflictError, InputError, NotFoundError, system_reason
from breastedu.core.files import write_atomic
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.mydata import read_export
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB


@pytest.fixture
def db(user_dir: Path) -> UserDB:
    with UserDB.open(user_dir, backup=False) as opened:
        yield opened  # type: ignore[misc]


def test_a_note_changed_by_another_copy_is_refused_in_both_languages(db: UserDB) -> None:
    notes = NotesService(db)
    note = notes.save("Ask about the scan")
    notes.save("Ask about the scan results", note_id=note.id, revision=note.revision)
    with pytest.raises(ConflictError) as caught:
        notes.save("Ask about the scan today", note_id=note.id, revision=note.revision)
    assert caught.value.message == (
        "this note was changed in another BreastEdu window since you opened it; "
        "reopen it to see that version (your text is still in the editor)"
    )
    assert caught.value.message_in(CHINESE) == (
        "您打開這則筆記之後，它在另一個 BreastEdu 視窗裡被改過了；"
        "請重新打開它看那個版本（您寫的文字還在編輯區裡）"
    )
    with pytest.raises(NotFoundError) as missing:
        notes.get(99)
    assert str(missing.value) == "note: there is no note number 99"
    assert missing.value.message_in(CHINESE) == "沒有第 99 則筆記"


def test_follow_up_dates_are_refused_in_both_languages(db: UserDB) -> None:
    service = FollowUpService(db, today=lambda: dt.date(2026, 6, 15))
    item = service.add("Mammogram", dt.date(2026, 6, 22))
    with pytest.raises(InputError) as future:
        service.complete(item.id, on=dt.date(2026, 7, 1))
    assert future.value.where == "done on" and future.value.message == (
        "2026-07-01 is in the future; you can only mark a follow-up done on today or an earlier day"
    )
    assert future.value.message_in(CHINESE) == "2026-07-01 還沒到；追蹤檢查只能記為今天或更早的日子完成"
    with pytest.raises(InputError) as early:
        service.add("Mammogram", dt.date(1800, 1, 1))
    assert early.value.message == "1800-01-01 is outside 1900-2199"
    assert early.value.message_in(CHINESE) == "1800-01-01 不在 1900 到 2199 年之間"
    with pytest.raises(ConflictError) as changed:
        service.delete(item.id, revision=item.revision + 1)
    assert changed.value.message_in(CHINESE).startswith(
        "您打開「Mammogram」之後，它在另一個 BreastEdu 視窗裡被改過了"
    )


def test_a_file_that_cannot_be_read_or_written_says_why_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's reason stays its own English words; in Chinese it is said plainly."""
    reason = system_reason(PermissionError(errno.EACCES, "Permission denied"))
    assert reason == "Permission denied" and reason.text(ENGLISH) == "Permission denied"  # type: ignore[attr-defined]
    for again in (pickle.loads(pickle.dumps(reason)), copy.deepcopy(reason)):
        assert again == reason and again.text(CHINESE) == "沒有權限"  # type: ignore[attr-defined]
    assert system_reason(OSError(errno.ENOTDIR, "Not a directory")) == "Not a directory"
    with pytest.raises(InputError) as unwritten:
        write_atomic(tmp_path / "no-such-folder" / "x.json", b"{}")
    assert unwritten.value.message == "cannot write the file (No such file or directory)"
    assert unwritten.value.message_in(CHINESE) == "無法寫入這個檔案（No such file or directory）"
    with pytest.raises(InputError) as missing:
        read_export(tmp_path / "gone.json")
    assert missing.value.message_in(CHINESE) == "找不到這個檔案"


def test_the_cli_still_prints_the_english_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', "utf-8")
    code = main(["--user-dir", str(tmp_path / "me"), "--lang", "zh-TW", "data", "import", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and "format: is not a BreastEdu data export" in err
