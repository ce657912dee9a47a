"""Every row of her data carries a checksum: a change on disk that quick_check cannot see is
noticed at open, the damaged version is kept in her folder, and the good copy comes back from
the newest backup that has one (reliability review D15)."""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
import json
import re
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from breastedu.core.links import LinkRef
from breastedu.core.notebook import rowsum
from breastedu.core.notebook.basket import BasketService
from breastedu.core.notebook.dto import RepeatBasis, RepeatRule
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.mydata import MyDataService, export_data
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.service import Notebook
from breastedu.core.notebook.userdb import UserDB, list_backups

TODAY = dt.date(2026, 3, 20)
TOPIC = LinkRef("topic", "breast-calcifications", "Breast calcifications", "breast-calcifications")


def _clock() -> Callable[[], dt.datetime]:
    """One minute later at every call: backups get distinct names, all dated 2026-03-01."""
    counter = itertools.count()
    start = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    return lambda: start + dt.timedelta(minutes=next(counter))


def _raw(user_dir: Path) -> sqlite3.Connection:
    """A plain connection to her file, as another program (the review's scripts) would open it."""
    return sqlite3.connect(user_dir / "user.sqlite", isolation_level=None)


def _damaged(user_dir: Path) -> list[tuple[str, int]]:
    con = _raw(user_dir)
    try:
        rowsum.register(con)
        return [(row.table, row.id) for row in rowsum.find_damaged(con)]
    finally:
        con.close()


def _quick_check(user_dir: Path) -> str:
    con = _raw(user_dir)
    try:
        return str(con.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        con.close()


def _edit_behind_its_back(user_dir: Path, sql: str, *params: object) -> None:
    """Change her file without BreastEdu (no triggers): what damage that stays valid UTF-8 does."""
    con = _raw(user_dir)
    try:
        con.execute(sql, params)
    finally:
        con.close()


@pytest.fixture
def clock() -> Callable[[], dt.datetime]:
    return _clock()


def _open(user_dir: Path, clock: Callable[[], dt.datetime]) -> UserDB:
    return UserDB.open(user_dir, clock=clock)


def _notes_backed_up(user_dir: Path, clock: Callable[[], dt.datetime], *texts: str) -> list[int]:
    """Save ``texts`` as notes, then open once more so the start-up backup holds them."""
    with _open(user_dir, clock) as db:
        ids = [NotesService(db).save(text).id for text in texts]
    _open(user_dir, clock).close()
    assert list_backups(user_dir)
    return ids


# --- noticed and put back -------------------------------------------------------------------------


def test_a_note_changed_on_disk_is_put_back_from_the_backup_and_the_damage_kept(
    user_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    """The review's D15: the text turns into other valid UTF-8 and quick_check passes. At the
    next open the note reads as she wrote it, the notice says what happened and where the
    damaged version is, and that file (hers only) holds the damaged text."""
    first, second = _notes_backed_up(user_dir, clock, "Biopsy result on Tuesday at 10", "Bring the CD")
    _edit_behind_its_back(
        user_dir, "UPDATE note SET text = 'Biopsy result on Thursday at 10' WHERE id = ?", first
    )
    assert _quick_check(user_dir) == "ok"
    with _open(user_dir, clock) as db:
        assert db.notice is not None
        assert (
            f'Damage on disk had changed note {first} ("Biopsy result on Tuesday at 10") in your' in db.notice
        )
        assert "put back from the automatic backup of 2026-03-01" in db.notice
        saved = sorted(user_dir.glob("user.sqlite.damaged-*.txt"))
        assert len(saved) == 1 and saved[0].name in db.notice
        notes = NotesService(db)
        assert notes.get(first).text == "Biopsy result on Tuesday at 10"
        assert notes.get(second).text == "Bring the CD"
    assert "text: Biopsy result on Thursday at 10" in saved[0].read_text("utf-8")
    assert stat.S_IMODE(saved[0].stat().st_mode) == 0o600 or sys.platform == "win32"
    assert _damaged(user_dir) == []
    with _open(user_dir, clock) as db:  # repaired for good: the next start says nothing
        assert db.notice is None


def test_a_byte_flipped_inside_the_file_is_noticed_and_put_back(
    user_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    """A real flip of one byte of the stored text (the file itself, not SQL)."""
    (note,) = _notes_backed_up(user_dir, clock, "Thyroid ultrasound follow-up in six months")
    db_file = user_dir / "user.sqlite"
    data = bytearray(db_file.read_bytes())
    assert not (user_dir / "user.sqlite-wal").exists()  # closed cleanly: everything is in the file
    where = data.find(b"six months")
    assert where > 0 and data.count(b"six months") == 1
    data[where] ^= 0x01  # "six" -> "rix": still valid UTF-8
    db_file.write_bytes(bytes(data))
    assert _quick_check(user_dir) == "ok"
    with _open(user_dir, clock) as db:
        assert db.notice is not None and f"note {note}" in db.notice and "put back" in db.notice
        assert NotesService(db).get(note).text == "Thyroid ultrasound follow-up in six months"
    (saved,) = user_dir.glob("user.sqlite.damaged-*.txt")
    assert "follow-up in rix months" in saved.read_text("utf-8")


def test_a_changed_key_is_put_back_and_its_index_made_to_match(
    user_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    """A byte of a note's uuid turned into one that is not UTF-8 (in the table, not in its unique
    index): quick_check passes, the row is found by its id in the backup, the file is whole
    afterwards, and another damaged note in the same backup comes back too."""
    first, second = _notes_backed_up(user_dir, clock, "first", "second")
    _edit_behind_its_back(user_dir, "UPDATE note SET text = 'firsT' WHERE id = ?", first)
    con = _raw(user_dir)
    uuid = con.execute("SELECT uuid FROM note WHERE id = ?", (second,)).fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'note'").fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    db_file = user_dir / "user.sqlite"
    data = bytearray(db_file.read_bytes())
    start = (root - 1) * page  # the table's only page: the index keeps its own copy elsewhere
    where = data.find(uuid.encode(), start, start + page)
    assert where > 0
    data[where] = 0xFF
    db_file.write_bytes(bytes(data))
    assert _quick_check(user_dir) == "ok"
    with _open(user_dir, clock) as db:
        assert db.notice is not None
        assert f'note {first} ("first") and note {second} ("second") in your notes file, so they' in db.notice
        assert NotesService(db).get(second).uuid == uuid
        assert NotesService(db).get(first).text == "first"
    con = _raw(user_dir)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


def test_a_follow_up_and_a_damaged_timestamp_are_put_back_too(
    user_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    """Every column counts, not only the text: a date changed on disk is damage as well."""
    with _open(user_dir, clock) as db:
        item = FollowUpService(db, today=lambda: TODAY).add("Mammogram", dt.date(2026, 9, 1))
    _open(user_dir, clock).close()
    _edit_behind_its_back(user_dir, "UPDATE followup SET due = '2026-09-07' WHERE id = ?", item.id)
    with _open(user_dir, clock) as db:
        assert db.notice is not None and f"follow-up {item.id}" in db.notice
        assert FollowUpService(db, today=lambda: TODAY).get(item.id).due == dt.date(2026, 9, 1)


def test_the_newest_backup_whose_copy_passes_is_the_one_used(
    user_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    """A newer backup holding the same damage is passed over for an older good one."""
    (note,) = _notes_backed_up(user_dir, clock, "good words")
    _edit_behind_its_back(user_dir, "UPDATE note SET text = 'bad words' WHERE id = ?", note)
    newer = user_dir / "backups" / "user-20260305T080000000000Z.sqlite"
    newer.write_bytes((user_dir / "user.sqlite").read_bytes())  # a backup made after the damage
    assert list_backups(user_dir)[-1] == newer
    with _open(user_dir, clock) as db:
        assert db.notice is not None and "backup of 2026-03-01" in db.notice
        assert NotesService(db).get(note).text == "good words"


def test_a_row_no_backup_holds_is_kept_flagged_and_saved_once(
    user_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    """A note written after the last backup: nothing to put back, so it stays as found, the
    notice names it, and editing it is how she accepts it (the next start is quiet)."""
    (old,) = _notes_backed_up(user_dir, clock, "in the backup")
    with _open(user_dir, clock) as db:
        new = NotesService(db).save("written after the backup").id
    _edit_behind_its_back(user_dir, "UPDATE note SET text = 'written after the backuq' WHERE id = ?", new)
    _edit_behind_its_back(user_dir, "UPDATE note SET text = 'in the backuq' WHERE id = ?", old)
    with _open(user_dir, clock) as db:
        assert db.notice is not None
        assert db.notice.startswith("Damage on disk had changed 2 notes in your notes file: ")
        assert (
            f'note {old} ("in the backup") was put back from the automatic backup of 2026-03-01' in db.notice
        )
        assert (
            f'and note {new} ("written after the backuq"), which no backup holds, was kept as found'
            in db.notice
        )
        notes = NotesService(db)
        assert notes.get(old).text == "in the backup"
        assert notes.get(new).text == "written after the backuq"
        check = MyDataService(db).check()
        assert [(r.label, r.restored_from) for r in check.rows] == [
            (f"note {old}", "2026-03-01"),
            (f"note {new}", None),
        ]
    with _open(user_dir, clock) as db:  # still flagged, but its copy is not saved again
        assert db.notice is not None and f"note {new}" in db.notice and "no backup" in db.notice
        assert len(list(user_dir.glob("user.sqlite.damaged-*.txt"))) == 1
        note = NotesService(db).get(new)
        NotesService(db).save("written after the backup", note_id=new, revision=note.revision)
    with _open(user_dir, clock) as db:
        assert db.notice is None
        assert MyDataService(db).check().rows == ()


def test_a_second_copy_does_not_repair_but_data_check_reports(
    user_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    """Repair needs the file to itself; a copy opened beside a running one still sees damage."""
    (note,) = _notes_backed_up(user_dir, clock, "kept")
    with _open(user_dir, clock) as first:
        _edit_behind_its_back(user_dir, "UPDATE note SET text = 'kepT' WHERE id = ?", note)
        with _open(user_dir, clock) as second:
            assert second.notice is None
            assert [r.label for r in MyDataService(second).check().rows] == [f"note {note}"]
        assert [r.label for r in MyDataService(first).check().rows] == [f"note {note}"]


# --- every write keeps the checksum -----------------------------------------------------------------


@pytest.fixture
def book(user_dir: Path) -> Iterator[Notebook]:
    """A notebook with a linked note on the doctor list, a repeating follow-up done once (so a
    chain of two), and two sheets in the print basket."""
    with Notebook.open(user_dir, today=lambda: TODAY) as notebook:
        notebook.notes.save("Ask about calcium", link=TOPIC, for_doctor=True)
        first = notebook.followups.add(
            "Mammogram", dt.date(2026, 3, 1), repeat=RepeatRule(RepeatBasis.FROM_DUE, 12), link=TOPIC
        )
        notebook.followups.complete(first.id, on=dt.date(2026, 3, 2))
        notebook.basket.add("topic", "breast-calcifications", "Breast calcifications")
        notebook.basket.add("topic", "thyroid-nodules", "Thyroid nodules")
        yield notebook


def _import(book: Notebook, tmp_path: Path) -> None:
    document = export_data(book._db)
    document["notes"][0]["text"] = "Ask about calcium and vitamin D"
    document["notes"][0]["updated_at"] = "2026-03-19T10:00:00+00:00"
    document["notes"].append({**document["notes"][0], "uuid": "6f1c1e0a-8d63-4a43-9a36-1b0b57d0c0de"})
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(document), "utf-8")
    book.data.import_from(path)


def _first_note(book: Notebook) -> int:
    return book.notes.list()[0].id


def _followups(book: Notebook) -> list[int]:
    return [item.id for item in sorted(book.followups.list(), key=lambda item: item.id)]


def _edit_followup(book: Notebook) -> None:
    item = book.followups.get(_followups(book)[-1])
    book.followups.update(
        item.id, revision=item.revision, title="Mammogram, both sides", due=item.due, repeat=item.repeat
    )


#: Every write operation of the notebook's services (the test below checks none is missing).
WRITES: dict[str, Callable[[Notebook, Path], object]] = {
    "NotesService.save/create": lambda b, _: b.notes.save("A new free note"),
    "NotesService.save/edit": lambda b, _: b.notes.save(
        "Ask about calcium tablets", note_id=_first_note(b), revision=b.notes.list()[0].revision
    ),
    "NotesService.set_for_doctor": lambda b, _: b.notes.set_for_doctor(_first_note(b), False),
    "NotesService.set_asked": lambda b, _: b.notes.set_asked(_first_note(b), True),
    "NotesService.delete": lambda b, _: b.notes.delete(_first_note(b)),
    "FollowUpService.add": lambda b, _: b.followups.add("Thyroid ultrasound", dt.date(2026, 6, 1)),
    "FollowUpService.update": lambda b, _: _edit_followup(b),
    "FollowUpService.complete": lambda b, _: b.followups.complete(_followups(b)[-1], on=TODAY),
    # Deleting the first of a chain sets the next one's previous_id to NULL (a foreign-key action).
    "FollowUpService.delete": lambda b, _: b.followups.delete(_followups(b)[0]),
    "BasketService.add": lambda b, _: b.basket.add("question", "q-1", "A question"),
    "BasketService.remove": lambda b, _: b.basket.remove(b.basket.list()[0].id),
    "BasketService.move": lambda b, _: b.basket.move(b.basket.list()[0].id, 1),
    "BasketService.clear": lambda b, _: b.basket.clear(),
    "MyDataService.import_from": _import,
    "MyDataService.erase": lambda b, _: b.data.erase(confirmed=True),
}


def _sums(user_dir: Path) -> set[tuple[str, int, str]]:
    con = _raw(user_dir)
    try:
        return {
            (table, int(row_id), str(row_sum))
            for table in rowsum.TABLES
            for row_id, row_sum in con.execute(f"SELECT id, row_sum FROM {table} ORDER BY id")
        }
    finally:
        con.close()


@pytest.mark.parametrize("operation", list(WRITES))
def test_every_write_leaves_every_row_with_a_valid_checksum(
    operation: str, book: Notebook, user_dir: Path, tmp_path: Path
) -> None:
    """Each named write operation changes rows and leaves each one matching its checksum."""
    before = _sums(user_dir)
    assert before and all(len(row_sum) == 32 for _, _, row_sum in before)
    WRITES[operation](book, tmp_path)
    after = _sums(user_dir)
    assert after != before  # the operation wrote something
    assert all(len(row_sum) == 32 for _, _, row_sum in after)
    assert _damaged(user_dir) == []


def _writes(cls: type, name: str) -> bool:
    """True when ``cls.name`` opens a write session, itself or through a function of its module."""
    source = inspect.getsource(getattr(cls, name))
    if ".write()" in source:
        return True
    module = sys.modules[cls.__module__]
    for called in re.findall(r"\b(\w+)\(", source):
        function = getattr(module, called, None)
        if inspect.isfunction(function) and ".write()" in inspect.getsource(function):
            return True
    return False


def test_the_write_list_names_every_write_operation() -> None:
    """A new write operation must join WRITES, so the test above checks its checksums."""
    found = {
        f"{cls.__name__}.{name}"
        for cls in (NotesService, FollowUpService, BasketService, MyDataService)
        for name, _ in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_") and _writes(cls, name)
    }
    assert found == {name.split("/")[0] for name in WRITES}


def test_a_plain_sql_write_without_the_app_is_noticed(user_dir: Path) -> None:
    """The checksum is not the app's own opinion: any change made without it shows."""
    with Notebook.open(user_dir) as notebook:
        notebook.followups.add("Blood test", dt.date(2026, 4, 1), note="fasting")
        notebook.basket.add("topic", "thyroid-nodules", "Thyroid nodules")
    _edit_behind_its_back(user_dir, "UPDATE followup SET note = 'fastinG'")
    _edit_behind_its_back(user_dir, "UPDATE basket_item SET title = 'Thyroid nodulEs'")
    assert _damaged(user_dir) == [("followup", 1), ("basket_item", 1)]


def test_checking_ten_thousand_notes_is_cheap(tmp_path: Path) -> None:
    """The check at open reads every row once; at 10,000 notes it stays well under a second
    (60-120 ms measured on the shared 2-core build machine; the bound allows for a loaded one)."""
    import time

    con = sqlite3.connect(tmp_path / "big.sqlite", isolation_level=None)
    try:
        from breastedu.core.notebook.userdb import migrate

        migrate(con)
        rowsum.install(con)
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO note (uuid, text, created_at, updated_at, revision, asked) "
            "VALUES (?, ?, ?, ?, 1, 0)",
            (
                (
                    f"00000000-0000-4000-8000-{n:012d}",
                    f"note {n} " + "words " * 40,
                    "2026-03-01 08:00:00",
                    "2026-03-01",
                )
                for n in range(10_000)
            ),
        )
        con.execute("COMMIT")
        started = time.perf_counter()
        assert rowsum.find_damaged(con) == []
        assert time.perf_counter() - started < 2.0
    finally:
        con.close()


def test_nothing_is_put_back_when_the_damaged_version_cannot_be_saved_first(
    user_dir: Path, clock: Callable[[], dt.datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Putting back the backup's copy would lose the damaged one (maybe with her latest words)."""
    from breastedu.core.errors import InputError
    from breastedu.core.notebook import userdb

    (note,) = _notes_backed_up(user_dir, clock, "my latest words")
    _edit_behind_its_back(user_dir, "UPDATE note SET text = 'my latest wordz' WHERE id = ?", note)

    def full(path: Path, data: bytes) -> Path:
        raise InputError("cannot write the file (No space left on device)", where=str(path))

    monkeypatch.setattr(userdb, "write_atomic", full)
    with _open(user_dir, clock) as db:
        assert db.notice is not None and "nothing was put back" in db.notice
        assert NotesService(db).get(note).text == "my latest wordz"
    assert _damaged(user_dir) == [("note", note)]
