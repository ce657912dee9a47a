"""One write transaction on a plain ``sqlite3`` connection (the steps of opening, which run
before the SQLAlchemy engine exists): migrations and putting damaged rows back."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


@contextlib.contextmanager
def immediate(con: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` on ``con`` (autocommit mode); rolled back on any failure.

    SQLite has already rolled back by itself after some failures (a full disk): a second
    ROLLBACK would raise and hide the real reason, so it is only sent inside a transaction.
    """
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
        raise
