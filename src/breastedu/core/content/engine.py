"""Engines for the content DB: read-only at run time, writable only while building.

The read-only engine uses an SQLite URI (``mode=ro``, plus ``immutable=1`` for the bundled
seed, which never changes while the app runs) so that the app can never write content and
works from read-only install folders. Start-up checks that the schema version is the one
this app knows (search needs nothing of SQLite: its index is tantivy's).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import QueuePool

from breastedu.core.content.schema import SCHEMA_VERSION
from breastedu.core.errors import ContentDBError

#: Memory-mapped reads of the content DB, bounded: mapped pages count in the app's resident
#: memory, and a 200,000-question DB is half a gigabyte. Reads beyond this go through SQLite's
#: page cache as usual.
MMAP_BYTES = 64 << 20


def open_content_readonly(path: Path, *, immutable: bool = True) -> Engine:
    """Open a content DB read-only and check it, or raise :class:`ContentDBError`.

    ``immutable`` skips locking; only pass True for a file nothing writes while we run.
    """
    path = Path(path)
    if not path.is_file():
        raise ContentDBError(f"content database not found: {path}")
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        # Reads through mmap skip a copy per page (the first MMAP_BYTES of the file).
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        return conn

    # A "sqlite://" URL would get SingletonThreadPool (meant for :memory:), which closes other
    # threads' connections past five threads; search runs on several workers at once.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=4, max_overflow=8)
    check_content_db(engine, path)
    return engine


def check_content_db(engine: Engine, path: Path) -> None:
    """Raise :class:`ContentDBError` unless ``engine`` is a content DB of our schema version."""
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    except (OperationalError, DatabaseError) as exc:
        raise ContentDBError(f"{path} is not a BreastEdu content database ({exc.orig})") from None
    if row is None:
        raise ContentDBError(f"{path} has no schema version; rebuild it with 'breastedu build-seed'")
    if row[0] != str(SCHEMA_VERSION):
        older = row[0].isdigit() and int(row[0]) < SCHEMA_VERSION
        fix = (
            "rebuild it with 'breastedu build-seed', or import its pages into it again "
            "('breastedu import PATH... --into DB' brings it up to date)"
            if older
            else "update the app"
        )
        raise ContentDBError(
            f"{path} has content schema version {row[0]}, but this app reads version {SCHEMA_VERSION}; {fix}"
        )


def open_content_writable(path: Path) -> Engine:
    """Open (creating if needed) a content DB for building or importing.

    Uses the rollback journal, not WAL, so the finished file is one self-contained file.
    Every ``engine.begin()`` block is one real SQLite transaction, DDL included; the
    caller creates the schema inside it with ``content_schema.create_schema(conn)``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's BEGIN below own transactions: pysqlite's own handling would
        # commit before DDL, and an import must be all-or-nothing, new tables included.
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        dbapi_conn.execute("PRAGMA journal_mode = DELETE")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
