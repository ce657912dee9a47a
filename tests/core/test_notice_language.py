"""What core writes about her notes (a repair at start-up, why they cannot be opened or saved)
is said in the window's language, while the CLI and the logs keep the English."""

from __future__ import annotations

import copy
import errno
import pickle
import re
import sqlite3
from pathlib import Path

import pytest

from breastedu.cli import main
from breastedu.core.catalogue import Said, in_language, said_list, said_together
from breastedu.core.errors import UserDataError, UserFolderError, storage_error
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.notebook.autosave import Autosave
from breastedu.core.notebook.service import Notebook

HAN = re.compile(r"[\u4e00-\u9fff]")


def _backed_up(user_dir: Path, *texts: str) -> list[int]:
    """Save ``texts`` as notes, then open once more so the start-up backup holds them."""
    with Notebook.open(user_dir) as book:
        ids = [book.notes.save(text).id for text in texts]
    Notebook.open(user_dir).close()
    return ids


def _corrupt(user_dir: Path) -> None:
    for side in ("-wal", "-shm"):
        (user_dir / f"user.sqlite{side}").unlink(missing_ok=True)
    (user_dir / "user.sqlite").write_bytes(b"this is no database " * 400)


def _change_behind_its_back(user_dir: Path, note_id: int, text: str) -> None:
    """Another program (no triggers, so no checksum) changes a note: damage that stays UTF-8."""
    con = sqlite3.connect(user_dir / "user.sqlite", isolation_level=None)
    try:
        con.execute("UPDATE note SET text = ? WHERE id = ?", (text, note_id))
    finally:
        con.close()


def test_a_said_sentence_is_english_text_that_can_be_said_again_in_chinese() -> None:
    reason = Said("the disk is full")
    sentence = Said("cannot use {name} ({reason})", name="/media/usb", reason=reason)
    assert sentence == "cannot use /media/usb (the disk is full)"  # the str: what the CLI prints
    assert sentence.text(CHINESE) == "無法使用 /media/usb（磁碟已滿）"  # the field too, in Chinese
    assert sentence.text(ENGLISH) == str(sentence)
    assert in_language(sentence, CHINESE) == sentence.text(CHINESE)
    assert in_language("a name", CHINESE) == "a name"  # a plain str is left as it is
    for again in (pickle.loads(pickle.dumps(sentence)), copy.deepcopy(sentence)):
        assert again == sentence and again.text(CHINESE) == sentence.text(CHINESE)
    with pytest.raises(AttributeError):
        sentence.template = "something else"  # type: ignore[misc]


def test_lists_and_sentences_are_joined_each_language_its_way() -> None:
    three = said_list([Said("note {id}", id=1), Said("note {id}", id=2), Said("follow-up {id}", id=3)])
    assert three == "note 1, note 2 and follow-up 3"
    assert three.text(CHINESE) == "第 1 則筆記、第 2 則筆記和第 3 個追蹤檢查"  # type: ignore[attr-defined]
    both = said_together([Said("the disk is full"), None, Said("permission denied")])
    assert both == "the disk is full permission denied"
    assert in_language(both, CHINESE) == "磁碟已滿沒有權限"
    assert said_together([None, ""]) is None


def test_a_restored_notebook_says_so_in_chinese_and_in_english(user_dir: Path) -> None:
    """The notice the window shows after a corrupt file was set aside and a backup restored."""
    _backed_up(user_dir, "Ask about the biopsy")
    _corrupt(user_dir)
    with Notebook.open(user_dir) as book:
        notice = book.notice
        assert notice is not None and book.notes.list()[0].text == "Ask about the biopsy"
    moved = next(user_dir.glob("user.sqlite.unreadable-*")).name
    assert notice.startswith(f"Your notes file could not be read, so it was set aside as {moved} and")
    chinese = in_language(notice, CHINESE)
    assert chinese.startswith(f"您的筆記檔無法讀取，所以已把它改名為 {moved} 留在一旁，並從 ")
    assert chinese.endswith(" 的自動備份還原了您的筆記。")
    assert not re.search("[A-Za-z]{3}", chinese.replace(moved, ""))


def test_a_row_put_back_from_a_backup_is_said_in_chinese(user_dir: Path) -> None:
    """The row checksums' notice: which note damage had changed, and where its damaged copy is."""
    (note,) = _backed_up(user_dir, "Biopsy result on Tuesday at 10")
    _change_behind_its_back(user_dir, note, "Biopsy result on Thursday at 10")
    with Notebook.open(user_dir) as book:
        notice = book.notice
        assert notice is not None and book.notes.get(note).text == "Biopsy result on Tuesday at 10"
    saved = next(user_dir.glob("user.sqlite.damaged-*.txt")).name
    assert notice.startswith(f'Damage on disk had changed note {note} ("Biopsy result on Tuesday at 10")')
    chinese = in_language(notice, CHINESE)
    assert chinese.startswith(
        f"磁碟上的損壞改動了您筆記檔裡的第 {note} 則筆記（「Biopsy result on Tuesday at 10」），"
    )
    assert "的自動備份把它放回" in chinese and chinese.endswith(f"存在您筆記資料夾裡的 {saved}。")


def test_a_folder_others_can_change_is_refused_in_both_languages(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    with pytest.raises(UserFolderError) as caught:
        Notebook.open(folder)
    assert caught.value.message.startswith(f"other users of this computer can change the folder {folder}")
    chinese = caught.value.message_in(CHINESE)
    assert chinese.startswith(f"這台電腦的其他使用者可以更改資料夾 {folder}（權限 777），")
    assert chinese.endswith(f"chmod 700 '{folder}'")


def test_a_save_that_failed_says_why_in_the_language_of_the_status_line(user_dir: Path) -> None:
    """The notes pane's status line (Autosave.describe) gives the storage error's reason."""
    error = storage_error(OSError(errno.ENOSPC, "No space left on device"))
    assert (
        isinstance(error, UserDataError)
        and error.message == "cannot use your notes folder (the disk is full)"
    )
    autosave = Autosave()
    autosave.edited()
    autosave.failed(autosave.started(), error.message)
    assert (
        autosave.describe(ENGLISH)
        == "Not saved yet (cannot use your notes folder (the disk is full)). Trying again…"
    )
    assert "無法使用您的筆記資料夾（磁碟已滿）" in autosave.describe(CHINESE)
    with Notebook.open(user_dir) as book:  # a read-only notebook refuses a write: said in Chinese too
        book._db.read_only = Said("the disk is full")  # as UserDB.open sets it on a full disk
        with pytest.raises(UserDataError) as refused:
            book.notes.save("x")
    assert refused.value.message_in(CHINESE) == "目前無法儲存，因為磁碟已滿；您的筆記只能閱讀和匯出"


def test_the_cli_says_the_notice_in_english_even_with_lang(
    capsys: pytest.CaptureFixture[str], user_dir: Path
) -> None:
    """The CLI prints what it printed before, whatever --lang (which is for pages and sheets)."""
    _backed_up(user_dir, "Ask about the biopsy")
    _corrupt(user_dir)
    code = main(["--user-dir", str(user_dir), "--lang", "zh-TW", "notes", "list"])
    out, err = capsys.readouterr()
    moved = next(user_dir.glob("user.sqlite.unreadable-*")).name
    assert code == 0 and "Ask about the biopsy" in out
    assert re.fullmatch(
        rf"Your notes file could not be read, so it was set aside as {re.escape(moved)} and your notes "
        r"were restored from the automatic backup of \d{4}-\d\d-\d\d\.\n",
        err,
    )
