"""Her notebook survives faults: an empty file, odd corruption, damaged text, a full disk."""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import os
import shutil
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from breastedu.core.errors import UserDataError
from breastedu.core.notebook import userdb
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.service import Notebook
from breastedu.core.notebook.userdb import KEEP_BACKUPS, UserDB, list_backups


def _ticking_clock() -> Callable[[], dt.datetime]:
    counter = itertools.count()
    start = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    return lambda: start + dt.timedelta(minutes=next(counter))


def _texts(user_dir: Path, clock: Callable[[], dt.datetime]) -> list[str]:
    with UserDB.open(user_dir, clock=clock) as db:
        return [note.text for note in NotesService(db).list()]


def _start_with_notes(user_dir: Path, clock: Callable[[], dt.datetime], *texts: str) -> None:
    with UserDB.open(user_dir, clock=clock) as db:
        for text in texts:
            NotesService(db).save(text)
    UserDB.open(user_dir, clock=clock).close()  # the next start backs them up


def test_a_zero_byte_file_is_restored_from_the_backup_and_stays_recoverable(user_dir: Path) -> None:
    """0 bytes is a fault, not a new notebook: her notes come back, with a notice, and stay."""
    clock = _ticking_clock()
    _start_with_notes(user_dir, clock, "Ask about the biopsy", "Bring the CD")
    db_file = user_dir / "user.sqlite"
    for side in ("-wal", "-shm"):
        db_file.with_name(db_file.name + side).unlink(missing_ok=True)
    db_file.write_bytes(b"")
    with UserDB.open(user_dir, clock=clock) as db:
        assert db.notice is not None and "restored" in db.notice
        assert [n.text for n in NotesService(db).list()] == ["Ask about the biopsy", "Bring the CD"]
    assert any(p.name.startswith("user.sqlite.unreadable-") for p in user_dir.iterdir())
    for _ in range(6):
        assert _texts(user_dir, clock) == ["Ask about the biopsy", "Bring the CD"]


def test_rotation_keeps_the_last_backup_holding_more_than_the_current_file(user_dir: Path) -> None:
    """Her notebook was emptied by a fault; six changed starts later that copy is still there."""
    clock = _ticking_clock()
    _start_with_notes(user_dir, clock, "one", "two", "three")
    with UserDB.open(user_dir, clock=clock) as db:
        notes = NotesService(db)
        for note in notes.list():
            notes.delete(note.id)
        kept = notes.save("new start")
    for number in range(KEEP_BACKUPS + 1):
        with UserDB.open(user_dir, clock=clock) as db:
            kept = NotesService(db).save(f"new start {number}", note_id=kept.id, revision=kept.revision)
    rows = [userdb.data_rows(backup) for backup in list_backups(user_dir)]
    assert 3 in rows, rows
    assert len(rows) <= KEEP_BACKUPS + 1


def test_a_check_message_that_is_not_utf8_is_repaired_not_a_crash(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """quick_check quoting raw bytes of a damaged page: the file is set aside and restored."""
    clock = _ticking_clock()
    _start_with_notes(user_dir, clock, "kept")
    real_connect = sqlite3.connect

    class Damaged:
        """A connection whose check reports bytes that are not UTF-8, as SQLite can."""

        def __init__(self, con: sqlite3.Connection) -> None:
            self._con = con

        def __getattr__(self, name: str) -> Any:
            return getattr(self._con, name)

        def __setattr__(self, name: str, value: Any) -> None:
            if name == "_con":
                object.__setattr__(self, name, value)
            else:
                setattr(self._con, name, value)

        def execute(self, sql: str, *args: Any) -> Any:
            if "_check" in sql:
                if self._con.text_factory is not bytes:
                    raise sqlite3.OperationalError("Could not decode to UTF-8 column 'quick_check'")
                return self._con.execute("SELECT CAST(X'2A2A2A2070616765FFFE20626164' AS BLOB)")
            return self._con.execute(sql, *args)

    damaged_file = str(user_dir / "user.sqlite")

    def connect(target: Any, *args: Any, **kwargs: Any) -> Any:
        con = real_connect(target, *args, **kwargs)
        return Damaged(con) if damaged_file in str(target) and "mode=rw" in str(target) else con

    monkeypatch.setattr(userdb.sqlite3, "connect", connect)
    with UserDB.open(user_dir, clock=clock, backup=False) as db:
        assert db.notice is not None and "restored" in db.notice
    monkeypatch.setattr(userdb.sqlite3, "connect", real_connect)
    assert _texts(user_dir, clock) == ["kept"]


def _damage_note(user_dir: Path, note_id: int) -> None:
    con = sqlite3.connect(user_dir / "user.sqlite")
    try:
        con.execute("UPDATE note SET text = CAST(X'4869FFFE21' AS TEXT) WHERE id = ?", (note_id,))
        con.commit()
    finally:
        con.close()


def test_a_note_with_invalid_utf8_is_listed_flagged_and_exported(user_dir: Path, tmp_path: Path) -> None:
    """One damaged note does not hide the others; export saves all it can read and says so."""
    with Notebook.open(user_dir) as book:
        book.notes.save("fine")
        bad = book.notes.save("will be damaged")
    _damage_note(user_dir, bad.id)
    with Notebook.open(user_dir) as book:
        listed = book.notes.list()
        assert [n.text for n in listed] == ["fine", "Hi\ufffd\ufffd!"]
        assert [n.damaged for n in listed] == [False, True]
        result = book.data.export_to(tmp_path / "mine.json")
    assert (result.notes, result.damaged, result.unreadable) == (2, 1, 0)
    assert "1 of them had damaged characters" in result.describe()
    assert '"fine"' in (tmp_path / "mine.json").read_text(encoding="utf-8")


def test_a_new_notebook_that_cannot_be_created_leaves_no_file(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full while creating: one plain error, and no 0-byte user.sqlite for the next start."""

    def full(con: sqlite3.Connection, **_: Any) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(userdb, "migrate", full)
    with pytest.raises(UserDataError, match="disk is full"):
        UserDB.open(user_dir)
    assert sorted(p.name for p in user_dir.iterdir()) == ["settings.ini", "user.lock"]


def test_a_nearly_full_disk_skips_the_backup_with_a_notice_and_saves_still_work(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _ticking_clock()
    _start_with_notes(user_dir, clock, "one")
    before = list_backups(user_dir)
    monkeypatch.setattr(userdb, "_free_bytes", lambda folder: 1024)
    with UserDB.open(user_dir, clock=clock) as db:
        assert db.notice is not None and "no backup" in db.notice
        NotesService(db).save("two")
    assert list_backups(user_dir) == before
    assert not list((user_dir / "backups").glob(".*"))


def test_leftover_temporary_backup_files_are_removed(user_dir: Path) -> None:
    UserDB.open(user_dir).close()
    backups = user_dir / "backups"
    backups.mkdir(exist_ok=True)
    for name in (".user-1.sqlite.tmp", ".user-1.sqlite.tmp-wal", ".user-1.sqlite.tmp-shm"):
        (backups / name).write_bytes(b"x")
    UserDB.open(user_dir).close()
    assert not list(backups.glob(".*"))


def test_a_locked_file_is_one_plain_error(user_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds the write lock: a save says so in a sentence (no traceback)."""
    monkeypatch.setattr(userdb, "BUSY_TIMEOUT_MS", 50)
    with UserDB.open(user_dir) as db:
        other = sqlite3.connect(user_dir / "user.sqlite", isolation_level=None)
        try:
            other.execute("BEGIN EXCLUSIVE")
            with pytest.raises(UserDataError, match="database is locked"):
                NotesService(db).save("typed while locked")
        finally:
            other.close()
        assert NotesService(db).list() == ()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_her_folder_and_files_are_private(tmp_path: Path) -> None:
    """The user folder is 0700; the DB, its WAL/SHM, backups and exports are 0600."""
    user_dir = tmp_path / "new" / "user"
    old = os.umask(0o022)
    try:
        clock = _ticking_clock()
        with UserDB.open(user_dir, clock=clock) as db:
            NotesService(db).save("private")
        with Notebook.open(user_dir) as book:
            book.notes.save("and this")
            export = book.data.export_to(tmp_path / "export.json").path
            files = [
                user_dir / "user.sqlite",
                user_dir / "user.sqlite-wal",
                user_dir / "user.sqlite-shm",
                *list_backups(user_dir),
                export,
            ]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files}
    finally:
        os.umask(old)
    assert stat.S_IMODE(user_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((user_dir / "backups").stat().st_mode) == 0o700
    assert len(modes) == 5 and set(modes.values()) == {0o600}, modes


def test_a_read_only_file_system_is_one_plain_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(UserDataError, match=r"cannot use the folder .* read-only"):
        UserDB.open(tmp_path / "user")


def test_export_saves_every_readable_row_and_counts_the_rest(
    user_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row in a damaged part of the file costs that row, not the whole export."""
    from sqlalchemy.orm import Session

    with Notebook.open(user_dir) as book:
        book.notes.save("first")
        lost = book.notes.save("in a damaged page")
        book.notes.save("third")
        real_get = Session.get

        def get(self: Session, model: Any, ident: Any, **kwargs: Any) -> Any:
            if ident == lost.id and model.__name__ == "NoteRow":
                raise sqlite3.DatabaseError("database disk image is malformed")
            return real_get(self, model, ident, **kwargs)

        monkeypatch.setattr(Session, "get", get)
        result = book.data.export_to(tmp_path / "mine.json")
    assert (result.notes, result.unreadable) == (2, 1)
    assert "1 could not be read" in result.describe()
    text = (tmp_path / "mine.json").read_text(encoding="utf-8")
    assert '"first"' in text and '"third"' in text and "damaged page" not in text


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("note", "created_at", "2026/12-07 13:12:05.493244"),
        ("note", "updated_at", "not a time"),
        ("note", "revision", "x7"),
        ("note", "asked", "maybe"),
        ("note", "for_doctor_at", 12.5),
        ("followup", "due", "2026-13-45"),
        ("followup", "done_on", b"\xff\xfe"),
        ("followup", "anchor_day", "six"),
        ("followup", "previous_id", "abc"),
        ("followup", "created_at", 20261207),
    ],
)
def test_one_damaged_value_flags_its_row_and_shows_the_rest(
    user_dir: Path, tmp_path: Path, table: str, column: str, value: object
) -> None:
    """A flipped byte in a timestamp, date, number or flag passes quick_check: the lists, the
    search and the export still show every row, and the damaged one is flagged."""
    with Notebook.open(user_dir) as book:
        for text in ("first", "second", "third"):
            book.notes.save(text, for_doctor=True)
            book.followups.add(f"scan {text}", dt.date(2026, 3, 1))
    con = sqlite3.connect(user_dir / "user.sqlite")
    con.execute("PRAGMA ignore_check_constraints = ON")
    con.execute(f"UPDATE {table} SET {column} = ? WHERE id = 2", (value,))
    con.commit()
    con.close()
    with Notebook.open(user_dir) as book:
        notes = book.notes.list()
        followups = book.followups.list()
        assert [n.text for n in notes] and len(notes) == 3 and len(followups) == 3
        rows = notes if table == "note" else followups
        assert [r.id for r in rows if r.damaged] == [2]
        assert len(book.notes.search("second")) == 1
        assert len(book.notes.questions_for_doctor()) >= 2
        result = book.data.export_to(tmp_path / "mine.json")
    assert (result.notes, result.followups, result.damaged, result.unreadable) == (3, 3, 1, 0)
    with Notebook.open(tmp_path / "elsewhere") as fresh:  # what was saved can be brought back
        brought = fresh.data.import_from(tmp_path / "mine.json")
    assert (brought.notes_added, brought.followups_added) == (3, 3)


def _note_count(path: Path) -> int:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM note").fetchone()[0])
    finally:
        con.close()


def _backups_of_one_two_three(user_dir: Path, clock: Callable[[], dt.datetime]) -> list[Path]:
    """Three start-up backups, oldest to newest holding 1, 2 and 3 notes."""
    for number in range(1, 4):
        with UserDB.open(user_dir, clock=clock) as db:
            NotesService(db).save(f"note {number}")
    UserDB.open(user_dir, clock=clock).close()
    backups = list_backups(user_dir)
    assert [_note_count(b) for b in backups[-3:]] == [1, 2, 3]
    return backups[-3:]


@pytest.mark.parametrize("newest_damaged", [False, True])
def test_a_corrupt_notebook_comes_back_from_the_newest_good_backup(
    user_dir: Path, newest_damaged: bool
) -> None:
    """Never an older backup than needed: the newest one, or (if it is damaged too) the one before."""
    clock = _ticking_clock()
    oldest, middle, newest = _backups_of_one_two_three(user_dir, clock)
    if newest_damaged:
        newest.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    for side in ("-wal", "-shm"):
        (user_dir / f"user.sqlite{side}").unlink(missing_ok=True)
    (user_dir / "user.sqlite").write_bytes(b"\x00" * 8192)
    with UserDB.open(user_dir, clock=clock) as db:
        texts = [n.text for n in NotesService(db).list()]
        assert db.notice is not None and "restored" in db.notice
    assert texts == (["note 1", "note 2"] if newest_damaged else ["note 1", "note 2", "note 3"])
    assert oldest.exists() and middle.exists()  # restoring consumed no backup


def test_a_stray_wal_is_never_replayed_into_the_restored_notebook(user_dir: Path, tmp_path: Path) -> None:
    """A -wal left beside a corrupt file never reaches the restored backup: replayed onto it, it
    would write pages of another state into her notes (here: delete them all)."""
    clock = _ticking_clock()
    newest = _backups_of_one_two_three(user_dir, clock)[-1]
    # A WAL that really would replay onto this backup: made from a copy of it.
    donor = tmp_path / "donor.sqlite"
    shutil.copy(newest, donor)
    con = sqlite3.connect(donor, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("DELETE FROM note")
    stray = donor.with_name("donor.sqlite-wal").read_bytes()
    con.close()
    probe = tmp_path / "probe.sqlite"
    shutil.copy(newest, probe)
    probe.with_name("probe.sqlite-wal").write_bytes(stray)
    assert _note_count(probe) == 0  # left beside the file, the stray WAL empties it
    for side in ("-wal", "-shm"):
        (user_dir / f"user.sqlite{side}").unlink(missing_ok=True)
    (user_dir / "user.sqlite").write_bytes(b"this is no database " * 400)
    (user_dir / "user.sqlite-wal").write_bytes(stray)
    with UserDB.open(user_dir, clock=clock) as db:
        assert [n.text for n in NotesService(db).list()] == ["note 1", "note 2", "note 3"]
        assert _integrity(db) == "ok"
        beside = user_dir / "user.sqlite-wal"
        assert not beside.exists() or beside.read_bytes()[:32] != stray[:32]  # not left for a later open


def test_a_damaged_table_definition_is_repaired_from_the_backup(user_dir: Path) -> None:
    """A flipped byte in a CREATE statement passes quick_check but made every list fail with
    'no such column' (3 of 240 corruptions); it is now damage, restored from the backup."""
    clock = _ticking_clock()
    _start_with_notes(user_dir, clock, "kept")
    con = sqlite3.connect(user_dir / "user.sqlite")
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = replace(sql, 'link_kind', 'link_kinx') WHERE name = 'note'")
    con.commit()
    con.close()
    assert userdb._probe(user_dir / "user.sqlite").problem is not None
    with Notebook.open(user_dir) as book:
        assert book.notice is not None and "restored" in book.notice
        assert [n.text for n in book.notes.list()] == ["kept"]


def test_search_finds_notes_beside_one_with_damaged_text(user_dir: Path) -> None:
    """Bytes that are not UTF-8 made the search function fail for every note (5 of 240)."""
    with Notebook.open(user_dir) as book:
        book.notes.save("biopsy on Monday")
        damaged = book.notes.save("biopsy results")
    _damage_note(user_dir, damaged.id)
    with Notebook.open(user_dir) as book:
        assert [n.text for n in book.notes.search("biopsy")] == ["biopsy on Monday"]
        found = book.notes.search("hi")  # the damaged text reads "Hi\ufffd\ufffd!"
    assert [n.id for n in found] == [damaged.id] and found[0].damaged


def _integrity(db: UserDB) -> str:
    """``PRAGMA integrity_check`` of an open user DB: ``"ok"`` when healthy."""
    with db.engine.connect() as conn:
        return "; ".join(str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall())
