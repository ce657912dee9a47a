"""Opening the user DB: durable settings, automatic backups, repair, and two running copies."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from breastedu.core.errors import ConflictError, UserDataError
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import (
    KEEP_BACKUPS,
    LOCK_NAME,
    UserDB,
    _ProcessLock,
    list_backups,
)


def _ticking_clock() -> Callable[[], dt.datetime]:
    """A clock one minute later at every call, so backups get distinct, ordered names."""
    counter = itertools.count()
    start = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    return lambda: start + dt.timedelta(minutes=next(counter))


def _add_note(user_dir: Path, text: str, clock: Callable[[], dt.datetime] | None = None) -> None:
    with UserDB.open(user_dir, clock=clock or _ticking_clock()) as db:
        NotesService(db).save(text)


def test_open_sets_wal_full_sync_foreign_keys_and_busy_timeout(user_dir: Path) -> None:
    """Every connection is WAL with synchronous=FULL, so a reported save is on disk."""
    with UserDB.open(user_dir) as db, db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
    assert (user_dir / "user.sqlite").is_file()


def test_each_open_backs_up_and_keeps_the_last_five(user_dir: Path) -> None:
    """Start-up backups accumulate with time-stamped names; only the newest five are kept."""
    clock = _ticking_clock()
    for number in range(8):
        _add_note(user_dir, f"note {number}", clock)
    with UserDB.open(user_dir, clock=clock):
        pass
    backups = list_backups(user_dir)
    assert len(backups) == KEEP_BACKUPS
    assert backups == sorted(backups)
    assert all(b.name.startswith("user-2026030") and b.suffix == ".sqlite" for b in backups)
    newest = sqlite3.connect(backups[-1])
    try:
        assert newest.execute("SELECT count(*) FROM note").fetchone()[0] == 8
    finally:
        newest.close()


def test_an_unchanged_file_is_not_backed_up_twice(user_dir: Path) -> None:
    """Opening without changes does not push older, different backups out of the five."""
    clock = _ticking_clock()
    _add_note(user_dir, "one", clock)
    for _ in range(3):
        UserDB.open(user_dir, clock=clock).close()
    assert len(list_backups(user_dir)) == 1


def test_a_corrupt_file_is_moved_aside_and_the_backup_restored(user_dir: Path) -> None:
    """A corrupt notes file is kept aside, the last backup comes back, and she is told."""
    clock = _ticking_clock()
    _add_note(user_dir, "kept in the backup", clock)
    UserDB.open(user_dir, clock=clock).close()  # this open backs up the note
    db_file = user_dir / "user.sqlite"
    db_file.write_bytes(b"this is not a database" * 500)
    with UserDB.open(user_dir, clock=clock) as db:
        assert db.notice is not None
        assert "restored from the automatic backup of 2026-03-01" in db.notice
        assert [n.text for n in NotesService(db).list()] == ["kept in the backup"]
    aside = sorted(p.name for p in user_dir.glob("user.sqlite.unreadable-*"))
    main_file = user_dir / aside[0]
    assert main_file.read_bytes().startswith(b"this is not a database")


def test_a_corrupt_file_without_backup_starts_empty_but_is_kept(user_dir: Path) -> None:
    """With no backup she gets an empty notebook and the unreadable file is never deleted."""
    (user_dir / "user.sqlite").write_bytes(b"\x00garbage" * 1000)
    with UserDB.open(user_dir, backup=False) as db:
        assert db.notice is not None and "new, empty notebook" in db.notice
        assert NotesService(db).list() == ()
    aside = list(user_dir.glob("user.sqlite.unreadable-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00garbage" * 1000


def test_a_damaged_page_is_detected_not_only_a_bad_header(user_dir: Path) -> None:
    """quick_check at open catches corruption inside the file, not just a wrong header."""
    clock = _ticking_clock()
    _add_note(user_dir, "x" * 5000, clock)
    UserDB.open(user_dir, clock=clock).close()
    db_file = user_dir / "user.sqlite"
    con = sqlite3.connect(db_file)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db_file.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), page):  # scribble over every b-tree page header
        data[offset : offset + 8] = b"\xff" * 8
    db_file.write_bytes(bytes(data))
    with UserDB.open(user_dir, clock=clock) as db:
        assert db.notice is not None
        assert [n.text for n in NotesService(db).list()] == ["x" * 5000]


def test_an_interrupted_backup_is_cleaned_up_not_restored(user_dir: Path) -> None:
    """A half-written backup (killed mid-copy) is never mistaken for a good one."""
    _add_note(user_dir, "hello")
    (user_dir / "backups").mkdir(exist_ok=True)
    (user_dir / "backups" / ".user-20990101T000000000000Z.sqlite.tmp").write_bytes(b"half")
    UserDB.open(user_dir).close()
    assert not list((user_dir / "backups").glob(".*.tmp"))


def test_two_copies_can_run_and_neither_overwrites_the_other(user_dir: Path) -> None:
    """A second open copy works, but saving over the first copy's newer edit is refused."""
    with UserDB.open(user_dir) as first, UserDB.open(user_dir) as second:
        in_first = NotesService(first).save("draft")
        in_second = NotesService(second).get(in_first.id)
        NotesService(first).save("first copy's edit", note_id=in_first.id, revision=in_first.revision)
        with pytest.raises(ConflictError, match="changed in another BreastEdu window"):
            NotesService(second).save("second copy's edit", note_id=in_second.id, revision=in_second.revision)
        assert NotesService(second).get(in_first.id).text == "first copy's edit"


def test_a_second_copy_never_repairs_or_upgrades_the_file_in_use(user_dir: Path) -> None:
    """While another copy runs, a file needing an upgrade is refused, not changed under it."""
    (user_dir / "user.sqlite").unlink(missing_ok=True)
    con = sqlite3.connect(user_dir / "user.sqlite", isolation_level=None)
    from breastedu.core.notebook.userdb import migrate

    migrate(con, target=1)
    con.close()
    other = _ProcessLock(user_dir / LOCK_NAME)  # stands for the other running copy
    try:
        assert other.try_lock(exclusive=False)
        with pytest.raises(UserDataError, match="close it and start again"):
            UserDB.open(user_dir)
        check = sqlite3.connect(user_dir / "user.sqlite")
        assert check.execute("PRAGMA user_version").fetchone()[0] == 1
        check.close()
    finally:
        other.close()
    with UserDB.open(user_dir) as db:  # alone again: the upgrade runs
        assert NotesService(db).list() == ()


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    """A user folder path that is a file gives one sentence, not a traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserDataError, match="cannot use the folder"):
        UserDB.open(blocker / "user")
