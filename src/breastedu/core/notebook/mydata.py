"""Her data as a file, and "Delete all my data".

Export writes every note and follow-up to a versioned JSON document (ids are local to one
file, so rows are identified by uuid). Import checks the whole document first and then
writes it in one transaction: a bad file changes nothing. Importing merges by uuid: new rows
are added, a row already present is replaced only by a newer version (``updated_at``), so
importing the same export twice, or an older backup, loses nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid as uuidlib
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from breastedu.core.catalogue import Said
from breastedu.core.errors import InputError, system_reason
from breastedu.core.files import CRASH_PREFIX, FAULT_LOG, write_atomic
from breastedu.core.notebook import rowsum
from breastedu.core.notebook.dto import (
    BASIS_BY_WORD,
    FOLLOWUP_NOTE_MAX,
    NOTE_MAX,
    TITLE_MAX,
    WORD_BY_BASIS,
    EraseResult,
    ExportResult,
    ImportResult,
    LinkRef,
    RepeatRule,
    RowCheck,
    check_date,
    check_link,
    clean_text,
    from_db_time,
    to_db_time,
)
from breastedu.core.notebook.followups import repeat_of
from breastedu.core.notebook.schema import BasketRow, FollowUpRow, NoteRow
from breastedu.core.notebook.userdb import BACKUP_DIR, DB_NAME, UserDB, is_damaged, utc_now

FORMAT_NAME = "breastedu-user-data"
FORMAT_VERSION = 1
#: A data file bigger than this is not an export of ours: 1,000 notes of 1,000 characters export
#: to about 1.3 MB. The bound keeps what parsing a hostile file can cost (memory, time) small.
MAX_IMPORT_BYTES = 32 * 1024 * 1024


def _link_json(kind: str | None, slug: str | None, title: str | None, topic: str | None) -> Any:
    if slug is None:
        return None
    return {"kind": kind, "slug": slug, "title": title, "topic_slug": topic}


def _time(value: dt.datetime) -> str:
    return from_db_time(value).isoformat()


def _note_json(n: NoteRow) -> dict[str, Any]:
    return {
        "uuid": n.uuid,
        "link": _link_json(n.link_kind, n.link_slug, n.link_title, n.topic_slug),
        "text": n.text,
        "for_doctor_at": _time(n.for_doctor_at) if n.for_doctor_at else None,
        "asked": bool(n.asked),
        "created_at": _time(n.created_at),
        "updated_at": _time(n.updated_at),
        "revision": max(1, n.revision),  # a damaged number reads as 0
    }


def _followup_json(f: FollowUpRow, uuid_of: dict[int, str]) -> dict[str, Any]:
    # A damaged rule is exported as the app shows it: "does not repeat" (see followups.repeat_of).
    rule = repeat_of(f) or RepeatRule()
    return {
        "uuid": f.uuid,
        "title": f.title,
        "due": f.due.isoformat(),
        "repeat": {"basis": WORD_BY_BASIS[rule.basis], "months": rule.months},
        "anchor_day": f.anchor_day or None,
        "link": _link_json(f.link_kind, f.link_slug, f.link_title, f.link_topic_slug),
        "note": f.note,
        "done_on": f.done_on.isoformat() if f.done_on else None,
        "previous_uuid": uuid_of.get(f.previous_id) if f.previous_id else None,
        "created_at": _time(f.created_at),
        "updated_at": _time(f.updated_at),
        "revision": max(1, f.revision),
    }


_Row = TypeVar("_Row", NoteRow, FollowUpRow)


def _readable_rows(session: Session, model: type[_Row]) -> tuple[list[_Row], int]:
    """Every row of ``model`` that can be read, oldest first, and how many could not be.

    Rows are read one by one, so one row in a damaged part of the file costs that row, not
    the whole export.
    """
    ids = session.scalars(select(model.id).order_by(model.created_at, model.id)).all()
    rows: list[_Row] = []
    lost = 0
    for row_id in ids:
        try:
            row = session.get(model, row_id)
            if row is not None:
                _ = (row.created_at, row.updated_at)  # every column loaded and converted
                rows.append(row)
        except (sqlite3.DatabaseError, DatabaseError, ValueError):
            session.rollback()
            lost += 1
    return rows, lost


def collect_export(db: UserDB, *, now: dt.datetime | None = None) -> tuple[dict[str, Any], int, int]:
    """The export document, how many rows in it hold damaged text, how many were unreadable."""
    with db.read() as session:
        notes, lost_notes = _readable_rows(session, NoteRow)
        followups, lost_followups = _readable_rows(session, FollowUpRow)
        uuid_of = {row.id: row.uuid for row in followups}
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "exported_at": (now or utc_now()).isoformat(),
            "notes": [_note_json(n) for n in notes],
            "followups": [_followup_json(f, uuid_of) for f in followups],
        }
        damaged = sum(map(is_damaged, notes)) + sum(map(is_damaged, followups))
    return document, damaged, lost_notes + lost_followups


def export_data(db: UserDB, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """Everything readable in the user DB as a JSON-ready dict (see the module docstring)."""
    return collect_export(db, now=now)[0]


def export_file(db: UserDB, path: Path) -> ExportResult:
    """Write everything readable to ``path`` (atomically) and say what was and was not saved."""
    path = Path(path)
    document, damaged, unreadable = collect_export(db)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    write_atomic(path, (text + "\n").encode("utf-8"))
    return ExportResult(
        path=path,
        notes=len(document["notes"]),
        followups=len(document["followups"]),
        damaged=damaged,
        unreadable=unreadable,
    )


# --- import: check everything first -----------------------------------------------------------


def _get(obj: Any, key: str, where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise InputError(Said("is missing '{key}'", key=key), where=where)
    return obj[key]


def _date(value: Any, where: str) -> dt.date:
    try:
        return check_date(dt.date.fromisoformat(value), field=where)
    except (TypeError, ValueError):
        raise InputError(Said("{value} is not a date (YYYY-MM-DD)", value=repr(value)), where=where) from None


def _stamp(value: Any, where: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(Said("{value} is not a date and time", value=repr(value)), where=where) from None
    if parsed.tzinfo is None:
        raise InputError(Said("has no time zone"), where=where)
    return to_db_time(parsed)


def _int(value: Any, where: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InputError(Said("must be a whole number from {low} to {high}", low=low, high=high), where=where)
    return value


def _uuid(value: Any, where: str) -> str:
    try:
        return str(uuidlib.UUID(value))
    except (TypeError, ValueError, AttributeError):
        raise InputError(Said("{value} is not a uuid", value=repr(value)), where=where) from None


def _link(value: Any, where: str) -> LinkRef | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError(Said("must be an object or null"), where=where)
    # check_link validates every attribute, whatever its type in the file.
    kind, slug = value.get("kind"), value.get("slug")
    ref = LinkRef(kind, slug, value.get("title") or "", value.get("topic_slug") or "")  # type: ignore[arg-type]
    return check_link(ref, field=where)


def _parse_note(raw: Any, where: str) -> dict[str, Any]:
    link = _link(_get(raw, "link", where), f"{where}.link")
    for_doctor = _get(raw, "for_doctor_at", where)
    asked = _get(raw, "asked", where)
    if not isinstance(asked, bool):
        raise InputError(Said("must be true or false"), where=f"{where}.asked")
    return {
        "uuid": _uuid(_get(raw, "uuid", where), f"{where}.uuid"),
        "link_kind": link.kind if link else None,
        "link_slug": link.slug if link else None,
        "link_title": link.title if link else None,
        "topic_slug": (link.topic_slug or None) if link else None,
        "text": clean_text(
            _get(raw, "text", where), field=f"{where}.text", limit=NOTE_MAX, multiline=True, required=True
        ),
        "for_doctor_at": None if for_doctor is None else _stamp(for_doctor, f"{where}.for_doctor_at"),
        "asked": asked,
        "created_at": _stamp(_get(raw, "created_at", where), f"{where}.created_at"),
        "updated_at": _stamp(_get(raw, "updated_at", where), f"{where}.updated_at"),
        "revision": _int(_get(raw, "revision", where), f"{where}.revision", 1, 2**31),
    }


def _parse_followup(raw: Any, where: str) -> dict[str, Any]:
    repeat = _get(raw, "repeat", where)
    basis = _get(repeat, "basis", f"{where}.repeat")
    if basis not in BASIS_BY_WORD:
        raise InputError(
            Said("{basis} is not none, due or done", basis=repr(basis)), where=f"{where}.repeat.basis"
        )
    try:
        rule = RepeatRule(BASIS_BY_WORD[basis], _get(repeat, "months", f"{where}.repeat"))
    except InputError as exc:
        raise InputError(exc.message, where=f"{where}.repeat.months") from None
    link = _link(_get(raw, "link", where), f"{where}.link")
    anchor = raw.get("anchor_day")
    done_on = _get(raw, "done_on", where)
    previous = raw.get("previous_uuid")
    return {
        "uuid": _uuid(_get(raw, "uuid", where), f"{where}.uuid"),
        "title": clean_text(
            _get(raw, "title", where), field=f"{where}.title", limit=TITLE_MAX, multiline=False, required=True
        ),
        "due": _date(_get(raw, "due", where), f"{where}.due"),
        "repeat_basis": basis,
        "repeat_months": rule.months,
        "anchor_day": None if anchor is None else _int(anchor, f"{where}.anchor_day", 1, 31),
        "link_kind": link.kind if link else None,
        "link_slug": link.slug if link else None,
        "link_title": link.title if link else None,
        "link_topic_slug": (link.topic_slug or None) if link else None,
        "note": clean_text(
            _get(raw, "note", where),
            field=f"{where}.note",
            limit=FOLLOWUP_NOTE_MAX,
            multiline=True,
            required=False,
        ),
        "done_on": None if done_on is None else _date(done_on, f"{where}.done_on"),
        "previous_uuid": None if previous is None else _uuid(previous, f"{where}.previous_uuid"),
        "created_at": _stamp(_get(raw, "created_at", where), f"{where}.created_at"),
        "updated_at": _stamp(_get(raw, "updated_at", where), f"{where}.updated_at"),
        "revision": _int(_get(raw, "revision", where), f"{where}.revision", 1, 2**31),
    }


def parse_export(
    document: Any, *, today: dt.date | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Check a whole export document; return (notes, follow-ups) as row values, or InputError.

    Besides each field: a follow-up cannot have been done in the future (one day of slack for
    another time zone), a chain of previous follow-ups cannot loop, and a uuid names one row.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InputError(Said("is not a BreastEdu data export"), where="format")
    version = document.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
        raise InputError(
            Said(
                "is data format version {version}; this app reads up to {newest}",
                version=repr(version),
                newest=FORMAT_VERSION,
            ),
            where="version",
        )
    notes_raw, followups_raw = _get(document, "notes", "file"), _get(document, "followups", "file")
    if not isinstance(notes_raw, list) or not isinstance(followups_raw, list):
        raise InputError(Said("notes and followups must be lists"), where="file")
    notes = [_parse_note(raw, f"notes[{i}]") for i, raw in enumerate(notes_raw)]
    followups = [_parse_followup(raw, f"followups[{i}]") for i, raw in enumerate(followups_raw)]
    seen: set[str] = set()
    for name, rows in (("notes", notes), ("followups", followups)):
        for i, row in enumerate(rows):
            if row["uuid"] in seen:
                raise InputError(Said("appears twice in the file"), where=f"{name}[{i}].uuid")
            seen.add(row["uuid"])
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    for i, row in enumerate(followups):
        if row["done_on"] is not None and row["done_on"] > latest:
            raise InputError(
                Said("{day} is in the future", day=row["done_on"].isoformat()),
                where=f"followups[{i}].done_on",
            )
    _check_chains(followups)
    return notes, followups


def _check_chains(followups: list[dict[str, Any]]) -> None:
    """InputError naming the first follow-up whose chain of previous ones comes back to itself."""
    previous = {row["uuid"]: row["previous_uuid"] for row in followups}
    for i, row in enumerate(followups):
        seen = {row["uuid"]}
        step = previous.get(row["uuid"])
        while step is not None:
            if step in seen:
                raise InputError(
                    Said("its chain of previous follow-ups comes back to itself"),
                    where=f"followups[{i}].previous_uuid",
                )
            seen.add(step)
            step = previous.get(step)


def read_export(path: Path) -> Any:
    """Load an export file's JSON, with file-level errors as InputError naming the file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise InputError(Said("is too big to be a BreastEdu data export"), where=str(path))
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except RecursionError:
        # The C decoder stops at Python's recursion limit, so this costs one pass at most.
        raise InputError(
            Said("is not a BreastEdu data export (it nests too deeply)"), where=str(path)
        ) from None
    except FileNotFoundError:
        raise InputError(Said("no such file"), where=str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            Said("is not a JSON data export ({detail})", detail=str(exc)), where=str(path)
        ) from None
    except OSError as exc:
        raise InputError(
            Said("cannot be read ({reason})", reason=system_reason(exc)), where=str(path)
        ) from None


def _merge_row(session: Session, model: type[_Row], values: dict[str, Any], **new_only: Any) -> str:
    """Insert a row by uuid, or take the imported values when they are newer.

    Returns ``"added"``, ``"updated"`` or ``"same"``. ``new_only`` are columns set only on a
    new row (a follow-up's ``previous_id`` is linked after every row exists).
    """
    existing = session.scalars(select(model).where(model.uuid == values["uuid"]).order_by(model.id)).first()
    if existing is None:
        session.add(model(**values, **new_only))
        return "added"
    if values["updated_at"] <= existing.updated_at:
        return "same"
    for key, value in values.items():
        setattr(existing, key, value)
    # A bump past both histories: an editor open on the old text sees a conflict.
    existing.revision = max(existing.revision, values["revision"]) + 1
    return "updated"


def import_data(db: UserDB, document: Any) -> ImportResult:
    """Merge an export into the user DB, all or nothing (see the module docstring)."""
    notes, followups = parse_export(document)
    note_counts = {"added": 0, "updated": 0, "same": 0}
    followup_counts = dict(note_counts)
    with db.write() as session:
        for values in notes:
            note_counts[_merge_row(session, NoteRow, values)] += 1
        previous: dict[str, str] = {}
        for values in followups:
            prev_uuid = values.pop("previous_uuid")
            if prev_uuid:
                previous[values["uuid"]] = prev_uuid
            followup_counts[_merge_row(session, FollowUpRow, values, previous_id=None)] += 1
        session.flush()
        if previous:
            ids = {
                uuid: row_id
                for uuid, row_id in session.execute(
                    select(FollowUpRow.uuid, FollowUpRow.id).order_by(FollowUpRow.id)
                )
            }
            for row_uuid, prev_uuid in sorted(previous.items()):
                row = session.scalars(
                    select(FollowUpRow).where(FollowUpRow.uuid == row_uuid).order_by(FollowUpRow.id)
                ).one()
                if row.previous_id is None and prev_uuid in ids:
                    row.previous_id = ids[prev_uuid]
    return ImportResult(
        note_counts["added"],
        note_counts["updated"],
        followup_counts["added"],
        followup_counts["updated"],
        note_counts["same"] + followup_counts["same"],
    )


def erase_all(db: UserDB, *, confirmed: bool) -> EraseResult:
    """Delete every note, follow-up and print-basket sheet, the automatic backups and set-aside files.

    Only her own files go: ``backups/user-*.sqlite``, ``user.sqlite.unreadable-*``, the saved
    damaged rows ``user.sqlite.damaged-*.txt`` and the crash reports (``crash-*.txt``,
    ``crash-faults.log``: what the app was doing). Links are removed, never followed, so
    nothing a link points to outside her folder is touched.

    ``confirmed`` must be True: the UI or CLI asks first. Deleted text is overwritten in the
    file (``secure_delete``) and the WAL is truncated, so it cannot be read back from disk.
    """
    if not confirmed:
        raise InputError(Said("deleting all your data needs a confirmation"), where="confirm")
    with db.write() as session:
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        notes = session.execute(delete(NoteRow)).rowcount  # type: ignore[attr-defined]
        session.execute(update(FollowUpRow).values(previous_id=None))
        followups = session.execute(delete(FollowUpRow)).rowcount  # type: ignore[attr-defined]
        session.execute(delete(BasketRow))
    with db.engine.connect() as conn:
        # Best effort: another open copy may hold a read snapshot; the rows are gone anyway.
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    removed: list[str] = []
    backups = db.user_dir / BACKUP_DIR
    if backups.is_symlink():
        # Never delete through a link: the folder it points to may hold her other files.
        backups.unlink()
        removed.append(BACKUP_DIR)
    elif backups.is_dir():
        for path in sorted(backups.glob("user-*.sqlite")):
            path.unlink()  # her own backup, or a link in its place (unlink never follows it)
            removed.append(path.name)
    crashes = [*db.user_dir.glob(f"{CRASH_PREFIX}*.txt"), db.user_dir / FAULT_LOG]
    aside = [*db.user_dir.glob(f"{DB_NAME}.unreadable-*"), *db.user_dir.glob(f"{DB_NAME}.damaged-*.txt")]
    for path in sorted({*aside, *crashes}):
        if path.is_file() or path.is_symlink():
            with contextlib.suppress(OSError):  # the open fault log, on Windows: it goes next time
                path.unlink()
                removed.append(path.name)
    return EraseResult(int(notes or 0), int(followups or 0), tuple(removed))


class MyDataService:
    """Her data as a whole, for the window's "My data" menu: export, import, count, erase.

    The UI holds this service, never the DB handle it works on.
    """

    def __init__(self, db: UserDB) -> None:
        self._db = db

    @property
    def user_dir(self) -> Path:
        """The folder her notebook lives in (named when asking before erasing it)."""
        return self._db.user_dir

    def export_to(self, path: Path) -> ExportResult:
        """Write every readable note and follow-up to ``path`` as JSON (atomically)."""
        return export_file(self._db, path)

    def import_from(self, path: Path) -> ImportResult:
        """Merge an export file in, all or nothing."""
        return import_data(self._db, read_export(path))

    def counts(self) -> tuple[int, int]:
        """How many notes and follow-ups there are (what erasing would delete)."""
        with self._db.read() as session:
            notes = session.scalar(select(func.count()).select_from(NoteRow)) or 0
            followups = session.scalar(select(func.count()).select_from(FollowUpRow)) or 0
        return int(notes), int(followups)

    def check(self) -> RowCheck:
        """Every row's checksum now, with what opening found and put back from the backups.

        A row that opening put back is listed with the backup's date; a row still damaged
        (no backup held a good copy, or another copy of BreastEdu had the file open, so it
        could not be repaired) without one.
        """
        with self._db.read() as session:
            con = session.connection().connection.dbapi_connection
            now = rowsum.with_excerpts(con, rowsum.find_damaged(con))  # type: ignore[arg-type]
        at_open = self._db.row_check
        seen = {(row.table, row.id) for row in at_open.rows}
        rows = [*at_open.rows, *(row for row in now if (row.table, row.id) not in seen)]
        order = list(rowsum.TABLES)
        rows.sort(key=lambda row: (order.index(row.table), row.id))
        return RowCheck(tuple(rows), at_open.saved_to)

    def erase(self, *, confirmed: bool) -> EraseResult:
        """Delete all her data; see :func:`erase_all`."""
        return erase_all(self._db, confirmed=confirmed)
