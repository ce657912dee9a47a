"""A checksum on every row of her data, so a change on disk that SQLite cannot see is noticed.

``PRAGMA quick_check`` checks the file's structure, not what a row says: one changed byte in
a note's text can leave valid UTF-8 in a file that passes (reliability review D15: 5 of 240
random corruptions). So every row of :data:`TABLES` (notes, follow-ups, the print basket)
carries ``row_sum``: BLAKE2b with a 16-byte digest, as 32 hex digits, of the row's canonical
form, which is the table name and every other column as SQLite's ``quote()`` prints it
(type-exact: ``NULL``, ``12``, ``'it''s'``, ``X'FF'``), joined by commas, as bytes.

Who writes it: the database itself, so no write path can forget it. Every connection the app
opens (:func:`install`) gets TEMP triggers (per connection, in memory, never stored in the
file) that set ``row_sum`` after each INSERT and after each UPDATE of another column, inside
the same statement, whoever issued it: the ORM's unit of work, a bulk ``update()``, a foreign
key's ``ON DELETE SET NULL``, ``data import``. No Python code sets the column. A program that
is not BreastEdu (the ``sqlite3`` shell) writes without the triggers, and its change is
reported like damage: the app cannot tell it from a changed byte.

Frozen like a released migration: :func:`row_sum` and the canonical form are what every stored
sum was made with; changing either makes every row look damaged. Schema step 4 spells out the
SQL that summed the rows that existed before it.

What opening does with a row that fails (:func:`put_back`, called by ``userdb`` while it holds
the file exclusively): the row as found is first written to a text file in her folder; then
the newest backup holding a copy of that row that passes *its* checksum is copied over it.
When no backup holds one, the row stays as it is and the notice names it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from breastedu.core.catalogue import Said, said_count, said_list
from breastedu.core.notebook.dto import DamagedRow, rows_counted
from breastedu.core.notebook.schema import UserBase
from breastedu.core.notebook.sqltx import immediate

#: The checksum column.
COLUMN = "row_sum"
#: The SQL function that computes it (registered on every connection by :func:`register`).
FUNCTION = "bedu_rowsum"
#: The tables of her data, each with the column that names a row in every copy of the file
#: (ids are local to one file, and a changed byte may hit the id itself).
TABLES = {"note": "uuid", "followup": "uuid", "basket_item": "slug"}
#: The column whose first words name a row to her.
_NAMED_BY = {"note": "text", "followup": "title", "basket_item": "title"}
#: How many characters of it.
EXCERPT_CHARS = 40


def row_sum(payload: bytes) -> str:
    """The checksum of one row's canonical form (see the module docstring). Frozen."""
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def register(con: sqlite3.Connection) -> None:
    """Make :data:`FUNCTION` available on ``con`` (migrations and checks call it)."""
    con.create_function(FUNCTION, 1, row_sum, deterministic=True)


def data_columns(table: str) -> list[str]:
    """The columns the checksum covers: all but the checksum itself, in table order."""
    return [column.name for column in UserBase.metadata.tables[table].columns if column.name != COLUMN]


def sum_sql(table: str) -> str:
    """The SQL expression of a row's checksum over the columns of ``table`` in scope."""
    parts = " || ',' || ".join(f"quote({name})" for name in data_columns(table))
    return f"{FUNCTION}(CAST('{table}' || ',' || {parts} AS BLOB))"


def install(con: sqlite3.Connection) -> None:
    """Register the function and create this connection's TEMP triggers that keep the sums."""
    register(con)
    for table in TABLES:
        refresh = f"UPDATE {table} SET {COLUMN} = {sum_sql(table)} WHERE rowid = NEW.rowid;"
        con.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS bedu_sum_{table}_insert AFTER INSERT ON main.{table} "
            f"BEGIN {refresh} END"
        )
        con.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS bedu_sum_{table}_update "
            f"AFTER UPDATE OF {', '.join(data_columns(table))} ON main.{table} BEGIN {refresh} END"
        )


def find_damaged(con: sqlite3.Connection) -> list[DamagedRow]:
    """Every row whose checksum does not match its columns, by table then id.

    ``con`` needs :func:`register` (every connection of the app has it). Reads every row once:
    60-120 ms for 10,000 notes of 300 characters (a 5 MB file) on the shared 2-core build
    machine, most of it SQLite printing the columns; under 1 ms for a hundred notes.
    """
    found: list[DamagedRow] = []
    for table in TABLES:
        rows = con.execute(
            f"SELECT rowid FROM main.{table} WHERE {COLUMN} IS NOT {sum_sql(table)} ORDER BY rowid"
        ).fetchall()
        found.extend(DamagedRow(table, int(row[0])) for row in rows)
    return found


def _text(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def with_excerpts(con: sqlite3.Connection, rows: Sequence[DamagedRow]) -> list[DamagedRow]:
    """``rows``, each with the first words it reads now (see ``DamagedRow.excerpt``)."""
    named = []
    for row in rows:
        found = con.execute(
            f"SELECT CAST({_NAMED_BY[row.table]} AS BLOB) FROM main.{row.table} WHERE rowid = ?", (row.id,)
        ).fetchone()
        value = found[0] if found else None
        words = " ".join(_text(value).split()) if value else ""
        if len(words) > EXCERPT_CHARS:
            words = words[: EXCERPT_CHARS - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
        named.append(DamagedRow(row.table, row.id, row.restored_from, words))
    return named


def damaged_copy(con: sqlite3.Connection, rows: Sequence[DamagedRow], when: str) -> str:
    """The text of the file that keeps ``rows`` as they were found (for her to read)."""
    lines = [
        f"BreastEdu: parts of your notebook that damage on disk had changed, as they were found on {when}.",
        "The notice at start-up says which were put back from a backup; this is the damaged version.",
        "",
    ]
    saved = con.text_factory
    con.text_factory = bytes  # as stored, even where the damage left bytes that are not UTF-8
    try:
        for row in rows:
            columns = data_columns(row.table)
            values = con.execute(
                f"SELECT {', '.join(columns)} FROM main.{row.table} WHERE rowid = ?", (row.id,)
            ).fetchone()
            lines.append(f"== {row.label} ==")  # (no excerpt: a saved row is found by its label)
            lines.extend(
                f"{name}: {_text(value)}" for name, value in zip(columns, values or (), strict=False)
            )
            lines.append("")
    finally:
        con.text_factory = saved
    return "\n".join(lines)


def put_back(
    con: sqlite3.Connection, rows: Sequence[DamagedRow], backups: Sequence[tuple[Path, str]]
) -> list[DamagedRow]:
    """Copy a good copy of each damaged row over it from the newest backup that has one.

    ``backups`` are ``(file, date)``, newest first, each of the same data version as the file
    of ``con`` (autocommit mode) and already checked by ``quick_check``. A backup's row counts
    when it has the damaged row's key (or, if the damage hit the key, its id) and passes its
    own checksum. Each backup's rows are put back in one transaction. Returns ``rows`` with
    ``restored_from`` set for those put back.
    """
    restored: dict[DamagedRow, str] = {}
    for path, date in backups:
        todo = [row for row in rows if row not in restored]
        if not todo:
            break
        try:
            restored.update(_put_back_from(con, path, date, todo))
        except sqlite3.Error:
            continue  # this backup cannot be read after all (or the disk is full): try the next
    return [DamagedRow(row.table, row.id, restored.get(row)) for row in rows]


def _put_back_from(
    con: sqlite3.Connection, path: Path, date: str, rows: list[DamagedRow]
) -> dict[DamagedRow, str]:
    """One backup's good copies of ``rows``, copied over them in one transaction."""
    restored = {}
    con.execute("ATTACH DATABASE ? AS backup", (path.as_uri() + "?mode=ro",))
    try:
        with immediate(con):
            for row in rows:
                try:
                    copied = _copy_row(con, row)
                except sqlite3.DatabaseError:
                    if not con.in_transaction:  # SQLite gave the transaction up (disk full)
                        raise
                    copied = False  # this row cannot be read here: the others still can
                if copied:
                    restored[row] = date
    finally:
        con.execute("DETACH DATABASE backup")
    return restored


def _copy_row(con: sqlite3.Connection, row: DamagedRow) -> bool:
    """Inside a transaction: copy the attached backup's good copy of ``row`` over it."""
    table, key = row.table, TABLES[row.table]
    # The damaged key is compared inside SQL: its bytes may no longer be UTF-8.
    found = f"(SELECT {key} FROM main.{table} WHERE rowid = :id)"
    good = con.execute(
        f"SELECT rowid FROM backup.{table} WHERE ({key} = {found} OR rowid = :id) "
        f"AND {COLUMN} = {sum_sql(table)} ORDER BY {key} IS {found} DESC, rowid = :id DESC, rowid LIMIT 1",
        {"id": row.id},
    ).fetchone()
    if good is None:
        return False
    columns = ", ".join([*data_columns(table), COLUMN])
    copy = (
        f"UPDATE main.{table} SET ({columns}) = (SELECT {columns} FROM backup.{table} WHERE rowid = ?) "
        f"WHERE rowid = ?"
    )
    # A changed key leaves the table's index holding the old value, which quick_check does not
    # read and which makes the UPDATE fail as "malformed": rebuilt from the table, it matches
    # the row again (all inside this transaction). Either failing keeps the row as found.
    for repair in ((), (f"REINDEX main.{table}",)):
        con.execute("SAVEPOINT put_back")
        try:
            for statement in repair:
                con.execute(statement)
            if con.execute(copy, (good[0], row.id)).rowcount != 1:
                raise sqlite3.IntegrityError("the row is gone")
        except sqlite3.IntegrityError:  # its key or id now belongs to another row
            con.execute("ROLLBACK TO put_back")
            con.execute("RELEASE put_back")
            return False
        except sqlite3.DatabaseError:
            con.execute("ROLLBACK TO put_back")
            con.execute("RELEASE put_back")
            continue
        con.execute("RELEASE put_back")
        return True
    return False


def _names(rows: Sequence[DamagedRow], most: int = 5) -> str:
    labels = [row.described for row in rows[:most]]
    if len(rows) > most:
        labels.append(Said("{n} more", n=len(rows) - most))
    return said_list(labels)


def _counted(rows: Sequence[DamagedRow]) -> str:
    """ "2 notes and 1 follow-up"."""
    counts = Counter(row.table for row in rows)  # (in the order the tables first come)
    return said_list([rows_counted(table, n) for table, n in counts.items()])


def notice(rows: Sequence[DamagedRow], saved: str | None) -> str:
    """One plain sentence for her: what was damaged, what was put back, where the copy is.

    ``saved`` None: no copy of the damaged rows could be saved, so none was put back.
    """
    if saved is None:
        return Said(
            "Damage on disk had changed {rows} in your notes file; nothing was put back from the "
            "backups, because a copy of the damaged version could not be saved first (is the disk full?).",
            rows=_names(rows),
        )
    back = [row for row in rows if row.restored_from is not None]
    kept = [row for row in rows if row.restored_from is None]
    dates = said_list(sorted({row.restored_from or "" for row in back}, reverse=True))
    if not kept:
        return said_count(
            len(rows),
            "Damage on disk had changed {rows} in your notes file, so it was put back from the "
            "automatic backup of {dates}; the damaged version, which may hold your latest changes, "
            "is saved in {file} in your notes folder.",
            "Damage on disk had changed {rows} in your notes file, so they were put back from the "
            "automatic backup of {dates}; the damaged versions are saved in {file} in your notes folder.",
            rows=_names(rows),
            dates=dates,
            file=saved,
        )
    if not back:
        return said_count(
            len(rows),
            "Damage on disk had changed {rows} in your notes file and no backup holds a good copy, so "
            "it was kept as found for you to check and correct (a copy is saved in {file} in your "
            "notes folder).",
            "Damage on disk had changed {rows} in your notes file and no backup holds a good copy, so "
            "they were kept as found for you to check and correct (a copy is saved in {file} in your "
            "notes folder).",
            rows=_names(rows),
            file=saved,
        )
    return Said(
        "Damage on disk had changed {counted} in your notes file: {back}, and {kept}; the damaged "
        "versions are saved in {file} in your notes folder.",
        counted=_counted(rows),
        back=said_count(
            len(back),
            "{rows} was put back from the automatic backup of {dates}",
            "{rows} were put back from the automatic backup of {dates}",
            rows=_names(back),
            dates=dates,
        ),
        kept=said_count(
            len(kept),
            "{rows}, which no backup holds, was kept as found for you to check and correct",
            "{rows}, which no backup holds, were kept as found for you to check and correct",
            rows=_names(kept),
        ),
        file=saved,
    )
