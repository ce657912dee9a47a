"""Export all her data to JSON, import it back all-or-nothing, and delete it all."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from breastedu.core.errors import InputError
from breastedu.core.notebook.dto import LinkRef, RepeatBasis, RepeatRule
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.mydata import (
    FORMAT_VERSION,
    erase_all,
    export_data,
    export_file,
    import_data,
    read_export,
)
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB, backup_file, utc_now

SECRET = "my private worry about the left breast ZQXJ"


@pytest.fixture
def db(user_dir: Path) -> Iterator[UserDB]:
    """An open user DB holding two notes and a completed repeating follow-up."""
    with UserDB.open(user_dir) as opened:
        notes = NotesService(opened)
        notes.save(
            SECRET, link=LinkRef("topic", "breast-calcifications", "Breast calcs", ""), for_doctor=True
        )
        notes.save("free note ünïcödé\nline two")
        service = FollowUpService(opened, today=lambda: dt.date(2026, 6, 15))
        item = service.add(
            "Mammogram", dt.date(2026, 6, 1), repeat=RepeatRule(RepeatBasis.FROM_DUE, 12), note="annual"
        )
        service.complete(item.id, on=dt.date(2026, 6, 2))
        yield opened


def _content(document: dict[str, Any]) -> dict[str, Any]:
    """The document without the export time (and without local-only fields)."""
    return {k: v for k, v in document.items() if k != "exported_at"}


def test_export_then_import_into_an_empty_notebook_round_trips(db: UserDB, tmp_path: Path) -> None:
    """Everything exported comes back identical after erasing and importing."""
    path = export_file(db, tmp_path / "mine.json").path
    before = export_data(db)
    assert before["version"] == FORMAT_VERSION and len(before["followups"]) == 2
    erase_all(db, confirmed=True)
    assert export_data(db)["notes"] == []
    result = import_data(db, read_export(path))
    assert (result.notes_added, result.followups_added) == (2, 2)
    assert _content(export_data(db)) == _content(before)
    series = FollowUpService(db).list()
    assert series[0].previous_id == series[1].id  # the "next of" chain survives


def test_importing_the_same_export_twice_changes_nothing(db: UserDB) -> None:
    """A second import of the same file adds no duplicates."""
    document = export_data(db)
    result = import_data(db, document)
    assert (result.notes_added, result.notes_updated, result.unchanged) == (0, 0, 4)
    assert _content(export_data(db)) == _content(document)


def test_a_newer_version_in_the_file_replaces_the_older_one(db: UserDB) -> None:
    """Import keeps whichever version of a note was edited last."""
    document = export_data(db)
    newer = copy.deepcopy(document)
    newer["notes"][1]["text"] = "edited on the other laptop"
    newer["notes"][1]["updated_at"] = "2099-01-01T00:00:00+00:00"
    result = import_data(db, newer)
    assert result.notes_updated == 1
    assert [n.text for n in NotesService(db).list()][-1] == "edited on the other laptop"
    assert import_data(db, document).notes_updated == 0  # the older file does not undo it


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d["followups"][1].update(due="2026-02-30"), "followups[1].due"),
        (lambda d: d["notes"][1].update(text="x\x00y"), "notes[1].text"),
        (lambda d: d["followups"][0]["repeat"].update(months=0), "followups[0].repeat.months"),
        (lambda d: d["notes"].append(dict(d["notes"][0])), "notes[2].uuid"),
        (lambda d: d.update(version=FORMAT_VERSION + 1), "version"),
        (lambda d: d.update(format="something else"), "format"),
        (lambda d: d["notes"][0].pop("created_at"), "notes[0]"),
        (lambda d: d["followups"][0].update(done_on="2099-01-01"), "followups[0].done_on"),
        (
            lambda d: d["followups"][1].update(previous_uuid=d["followups"][1]["uuid"]),
            "followups[1].previous_uuid",
        ),
        (
            lambda d: d["followups"][0].update(previous_uuid=d["followups"][1]["uuid"]),
            "followups[0].previous_uuid",
        ),
        (lambda d: d["notes"][0].update(uuid=d["followups"][0]["uuid"]), "followups[0].uuid"),
    ],
)
def test_a_bad_file_is_refused_whole_and_changes_nothing(db: UserDB, mutate: Any, where: str) -> None:
    """One bad field anywhere: a message naming it, and not a single row imported."""
    before = export_data(db)
    erase_all(db, confirmed=True)
    document = copy.deepcopy(before)
    for note in document["notes"]:
        note["uuid"] = note["uuid"][:-1] + ("0" if note["uuid"][-1] != "0" else "1")
    mutate(document)
    with pytest.raises(InputError) as caught:
        import_data(db, document)
    assert caught.value.where == where
    assert export_data(db)["notes"] == [] and export_data(db)["followups"] == []


def test_a_file_that_is_not_json_is_a_clear_error(tmp_path: Path) -> None:
    """A non-JSON or missing file names the file, no traceback."""
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a JSON data export"):
        read_export(tmp_path / "x.json")
    with pytest.raises(InputError, match="no such file"):
        read_export(tmp_path / "missing.json")


def test_deeply_nested_or_huge_json_is_refused_in_one_line_at_bounded_cost(tmp_path: Path) -> None:
    """200,000 nested brackets (a RecursionError traceback in November) and a file past the size
    limit are refused naming the file, in well under a second each, without reading it all."""
    import time

    from breastedu.core.notebook.mydata import MAX_IMPORT_BYTES

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no disk used
    for path, words in ((deep, "nests too deeply"), (huge, "too big")):
        started = time.perf_counter()
        with pytest.raises(InputError, match=words) as caught:
            read_export(path)
        assert time.perf_counter() - started < 1.0
        assert caught.value.where == str(path)


def test_erase_needs_confirmation(db: UserDB) -> None:
    """Without confirmation nothing is deleted."""
    with pytest.raises(InputError):
        erase_all(db, confirmed=False)
    assert NotesService(db).count() == 2


def test_erase_removes_rows_backups_and_leaves_no_readable_text(db: UserDB) -> None:
    """After 'Delete all my data' her words are not in the file, its WAL or any backup."""
    backup_file(db.path, db.user_dir, utc_now)
    (db.user_dir / "user.sqlite.unreadable-20260101T000000000000Z").write_bytes(b"old")
    result = erase_all(db, confirmed=True)
    assert (result.notes, result.followups) == (2, 2)
    assert any(name.startswith("user-") for name in result.files)
    assert "user.sqlite.unreadable-20260101T000000000000Z" in result.files
    leftovers = [p for p in db.user_dir.rglob("*") if p.is_file()]
    for path in leftovers:
        assert SECRET.encode() not in path.read_bytes(), path.name
    assert json.dumps(export_data(db)["notes"]) == "[]"


def test_erase_removes_the_crash_reports_too(db: UserDB) -> None:
    """A crash report says what the app was doing when it failed: her data, so it goes too;
    a file of hers that only looks alike stays."""
    (db.user_dir / "crash-20261207-101010-000001.txt").write_text("Traceback ...", "utf-8")
    (db.user_dir / "crash-faults.log").write_text("Fatal Python error", "utf-8")
    (db.user_dir / "crash-notes-of-mine.md").write_text("mine", "utf-8")
    result = erase_all(db, confirmed=True)
    assert {"crash-20261207-101010-000001.txt", "crash-faults.log"} <= set(result.files)
    assert sorted(p.name for p in db.user_dir.glob("crash-*")) == ["crash-notes-of-mine.md"]
