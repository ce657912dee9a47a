"""The user DB schema: a DeclarativeBase of its own, and the migration steps that build it.

User rows refer to the library by SLUG (topic or question), never by content integer ids, so
a new content DB never orphans a note. Each row also keeps the title it pointed at when saved,
so the notebook stays readable if a slug disappears from the library.

The schema is built by :data:`MIGRATIONS`, not by ``create_all``: a person's file is upgraded
step by step from whatever version it has. Each step's SQL is frozen once released (never edit
a released step, append a new one); ``tests/core/test_migrations.py`` checks that the steps
produce exactly the columns declared by the ORM classes below. Room for later tables
(bookmarks): add the class here and a step at the end of :data:`MIGRATIONS`.

Every row of her data carries ``row_sum`` (since version 4), a checksum over its other
columns (:mod:`breastedu.core.notebook.rowsum`). A later step that adds a column to one of
those tables must end with ``UPDATE <table> SET row_sum = <rowsum.sum_sql(table)>`` spelled
out, so every row is summed over its new columns; ``test_migrations`` checks it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean as _Boolean,
)
from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy import (
    Date as _Date,
)
from sqlalchemy import (
    DateTime as _DateTime,
)
from sqlalchemy import (
    Integer as _Integer,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class DamagedValue:
    """Marks a value read from a damaged row: the row is listed, flagged, and exported as is.

    A flipped byte can leave a timestamp, date, number or flag that no longer parses while
    ``quick_check`` still passes; reading it must cost that value, never the whole list.
    """


class DamagedTime(dt.datetime, DamagedValue):
    """A timestamp that could not be read (shown as 1970-01-01)."""


class DamagedDate(dt.date, DamagedValue):
    """A date that could not be read (shown as 1970-01-01)."""


class DamagedInt(int, DamagedValue):
    """A whole number (or flag) that could not be read (read as 0)."""


def _guarded(
    inner: Callable[[Any], Any] | None, check: Callable[[Any], Any], damaged: Any
) -> Callable[[Any], Any]:
    def process(value: Any) -> Any:
        if value is None:
            return None
        try:
            value = check(value)
            return inner(value) if inner is not None else value
        except (ValueError, TypeError, OverflowError):
            return damaged

    return process


class _Guarded(TypeDecorator[Any]):
    """A column type whose reads never raise: a value that cannot be read becomes ``damaged``."""

    cache_ok = True
    damaged: Any = None

    def check(self, value: Any) -> Any:
        """The raw stored value, or TypeError/ValueError when it cannot be this type's."""
        return value

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        inner = self.impl_instance.dialect_impl(dialect).result_processor(dialect, coltype)
        return _guarded(inner, self.check, self.damaged)


def _int_only(value: Any) -> int:
    if type(value) is not int:  # bool, float, text and bytes are all damage here
        raise TypeError(value)
    return value


class DateTime(_Guarded):
    impl = _DateTime
    cache_ok = True
    damaged = DamagedTime(1970, 1, 1)


class Date(_Guarded):
    impl = _Date
    cache_ok = True
    damaged = DamagedDate(1970, 1, 1)


class Integer(_Guarded):
    impl = _Integer
    cache_ok = True
    damaged = DamagedInt(0)

    def check(self, value: Any) -> Any:
        return _int_only(value)


class Boolean(_Guarded):
    impl = _Boolean
    cache_ok = True
    damaged = DamagedInt(0)

    def check(self, value: Any) -> Any:
        if _int_only(value) not in (0, 1):
            raise ValueError(value)
        return value


class UserBase(DeclarativeBase):
    """Base of the user DB tables only (the content DB has its own base)."""


def _row_sum_column() -> Mapped[str]:
    """v4: the row's checksum over its other columns, written by the database itself on every
    insert and update (see :mod:`breastedu.core.notebook.rowsum`); never set it in Python.
    Deferred: only the checks read it."""
    return mapped_column(String(32), server_default=sql_text("''"), deferred=True)


class NoteRow(UserBase):
    """A note; ``link_slug`` None means a free note."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable identity across export/import and machines (ids are local to one file).
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    link_kind: Mapped[str | None] = mapped_column(String(16))
    link_slug: Mapped[str | None] = mapped_column(String(200), index=True)
    link_title: Mapped[str | None] = mapped_column(String(500))
    topic_slug: Mapped[str | None] = mapped_column(String(200), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Optimistic concurrency: bumped on every text change (see NotesService.save).
    revision: Mapped[int] = mapped_column(Integer)
    # v2: "questions for my doctor" checklist. Set when the note was put on the list.
    for_doctor_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    asked: Mapped[bool] = mapped_column(Boolean, server_default=sql_text("0"))
    row_sum: Mapped[str] = _row_sum_column()


class FollowUpRow(UserBase):
    """A follow-up date; a repeating one creates the next row when it is completed."""

    __tablename__ = "followup"
    __table_args__ = (
        CheckConstraint("repeat_basis IN ('none', 'due', 'done')", name="ck_followup_basis"),
        CheckConstraint(
            "(repeat_basis = 'none' AND repeat_months IS NULL) OR "
            "(repeat_basis <> 'none' AND repeat_months BETWEEN 1 AND 120)",
            name="ck_followup_months",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    due: Mapped[dt.date] = mapped_column(Date, index=True)
    repeat_basis: Mapped[str] = mapped_column(String(8))
    repeat_months: Mapped[int | None] = mapped_column(Integer)
    # Day of month the "from due date" series was set on, so Jan 31 -> Feb 28 -> Mar 31
    # instead of drifting to the 28th for ever.
    anchor_day: Mapped[int | None] = mapped_column(Integer)
    link_kind: Mapped[str | None] = mapped_column(String(16))
    link_slug: Mapped[str | None] = mapped_column(String(200))
    link_title: Mapped[str | None] = mapped_column(String(500))
    link_topic_slug: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    previous_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("followup.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revision: Mapped[int] = mapped_column(Integer)
    row_sum: Mapped[str] = _row_sum_column()


class BasketRow(UserBase):
    """A sheet in her print basket (handout pack), in the order it prints."""

    __tablename__ = "basket_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "topic" or "question"
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(Integer, index=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    row_sum: Mapped[str] = _row_sum_column()


@dataclass(frozen=True)
class Migration:
    """One schema step: ``statements`` take a file from ``version - 1`` to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


# Frozen SQL, one step per released version. The runner executes each step in one
# transaction together with the PRAGMA user_version bump, so a step is all-or-nothing.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "notes and follow-ups",
        (
            """CREATE TABLE note (
                id INTEGER NOT NULL PRIMARY KEY,
                uuid VARCHAR(36) NOT NULL UNIQUE,
                link_kind VARCHAR(16),
                link_slug VARCHAR(200),
                link_title VARCHAR(500),
                topic_slug VARCHAR(200),
                text TEXT NOT NULL,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL,
                revision INTEGER NOT NULL
            )""",
            "CREATE INDEX ix_note_link_slug ON note (link_slug)",
            "CREATE INDEX ix_note_topic_slug ON note (topic_slug)",
            """CREATE TABLE followup (
                id INTEGER NOT NULL PRIMARY KEY,
                uuid VARCHAR(36) NOT NULL UNIQUE,
                title VARCHAR(200) NOT NULL,
                due DATE NOT NULL,
                repeat_basis VARCHAR(8) NOT NULL,
                repeat_months INTEGER,
                anchor_day INTEGER,
                link_kind VARCHAR(16),
                link_slug VARCHAR(200),
                link_title VARCHAR(500),
                link_topic_slug VARCHAR(200),
                note TEXT NOT NULL,
                done_on DATE,
                previous_id INTEGER REFERENCES followup (id) ON DELETE SET NULL,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL,
                revision INTEGER NOT NULL,
                CONSTRAINT ck_followup_basis CHECK (repeat_basis IN ('none', 'due', 'done')),
                CONSTRAINT ck_followup_months CHECK (
                    (repeat_basis = 'none' AND repeat_months IS NULL) OR
                    (repeat_basis <> 'none' AND repeat_months BETWEEN 1 AND 120))
            )""",
            "CREATE INDEX ix_followup_due ON followup (due)",
        ),
    ),
    Migration(
        2,
        "questions-for-my-doctor checklist on notes",
        (
            "ALTER TABLE note ADD COLUMN for_doctor_at DATETIME",
            "ALTER TABLE note ADD COLUMN asked BOOLEAN NOT NULL DEFAULT 0",
        ),
    ),
    Migration(
        3,
        "print basket",
        (
            """CREATE TABLE basket_item (
                id INTEGER NOT NULL PRIMARY KEY,
                kind VARCHAR(16) NOT NULL,
                slug VARCHAR(200) NOT NULL UNIQUE,
                title VARCHAR(500) NOT NULL,
                position INTEGER NOT NULL,
                added_at DATETIME NOT NULL
            )""",
            "CREATE INDEX ix_basket_item_position ON basket_item (position)",
        ),
    ),
    Migration(
        4,
        "a checksum on every row of her data (see rowsum.py; bedu_rowsum is blake2b-128)",
        (
            "ALTER TABLE note ADD COLUMN row_sum VARCHAR(32) NOT NULL DEFAULT ''",
            "ALTER TABLE followup ADD COLUMN row_sum VARCHAR(32) NOT NULL DEFAULT ''",
            "ALTER TABLE basket_item ADD COLUMN row_sum VARCHAR(32) NOT NULL DEFAULT ''",
            "UPDATE note SET row_sum = bedu_rowsum(CAST('note' || ',' || quote(id) || ',' || "
            "quote(uuid) || ',' || quote(link_kind) || ',' || quote(link_slug) || ',' || "
            "quote(link_title) || ',' || quote(topic_slug) || ',' || quote(text) || ',' || "
            "quote(created_at) || ',' || quote(updated_at) || ',' || quote(revision) || ',' || "
            "quote(for_doctor_at) || ',' || quote(asked) AS BLOB))",
            "UPDATE followup SET row_sum = bedu_rowsum(CAST('followup' || ',' || quote(id) || ',' || "
            "quote(uuid) || ',' || quote(title) || ',' || quote(due) || ',' || quote(repeat_basis) || "
            "',' || quote(repeat_months) || ',' || quote(anchor_day) || ',' || quote(link_kind) || "
            "',' || quote(link_slug) || ',' || quote(link_title) || ',' || quote(link_topic_slug) || "
            "',' || quote(note) || ',' || quote(done_on) || ',' || quote(previous_id) || ',' || "
            "quote(created_at) || ',' || quote(updated_at) || ',' || quote(revision) AS BLOB))",
            "UPDATE basket_item SET row_sum = bedu_rowsum(CAST('basket_item' || ',' || quote(id) || "
            "',' || quote(kind) || ',' || quote(slug) || ',' || quote(title) || ',' || "
            "quote(position) || ',' || quote(added_at) AS BLOB))",
        ),
    ),
)

#: The first version whose rows carry a checksum (``row_sum``).
ROW_SUMS_SINCE = 4

#: The user DB version this app writes; a file with a higher user_version is refused.
USER_SCHEMA_VERSION = MIGRATIONS[-1].version
