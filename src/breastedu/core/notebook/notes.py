"""Her notebook: notes on topics and questions, free notes, and "questions for my doctor".

Every write is a named operation that returns what changed (a :class:`Note`, or the id of a
deleted one), so the UI can emit one change signal and let panes refresh themselves.
Edits use optimistic concurrency: :meth:`NotesService.save` of an existing note names the
``revision`` it started from, and fails with :class:`ConflictError` if another running copy
changed the note since (see :mod:`breastedu.core.notebook.userdb`).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid as uuidlib

from sqlalchemy import ColumnElement, LargeBinary, and_, case, cast, func, select, update
from sqlalchemy.orm import Session

from breastedu.core.catalogue import Said
from breastedu.core.errors import ConflictError, InputError, NotFoundError
from breastedu.core.notebook.dto import (
    NOTE_MAX,
    LinkRef,
    Note,
    NoteGroup,
    check_link,
    clean_text,
    from_db_time,
    to_db_time,
)
from breastedu.core.notebook.schema import NoteRow
from breastedu.core.notebook.userdb import Clock, UserDB, fold, is_damaged, utc_now

#: Longest search text; longer input is a paste by mistake, not a search.
SEARCH_MAX = 200


class EditorChange(enum.Enum):
    """What saving an editor's text means for the note behind it."""

    NONE = "none"  # nothing to write: no note and no text, or the text is unchanged
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"  # she emptied the note: an empty note is no note


def editor_change(text: str, saved_text: str | None) -> EditorChange:
    """The write an editor showing ``text`` needs, given the note's saved text (None: no note).

    Whitespace-only text counts as empty, which the store refuses (``clean_text`` with
    ``required``): emptying an existing note deletes it rather than keeping an invisible note.
    """
    empty = not text.strip()
    if saved_text is None:
        return EditorChange.NONE if empty else EditorChange.CREATE
    if empty:
        return EditorChange.DELETE
    return EditorChange.NONE if text.replace("\r\n", "\n") == saved_text else EditorChange.UPDATE


def note_dto(row: NoteRow) -> Note:
    """The frozen view of a note row."""
    link = None
    if row.link_slug is not None:
        link = LinkRef(
            kind=row.link_kind or "question",
            slug=row.link_slug,
            title=row.link_title or row.link_slug,
            topic_slug=row.topic_slug or "",
        )
    return Note(
        id=row.id,
        uuid=row.uuid,
        link=link,
        text=row.text,
        for_doctor=row.for_doctor_at is not None,
        asked=bool(row.asked),
        created_at=from_db_time(row.created_at),
        updated_at=from_db_time(row.updated_at),
        revision=row.revision,
        damaged=is_damaged(row),
    )


# Topic notes first (grouped by topic), free notes last; oldest first inside a group so a
# list reads like a notebook. Every query orders explicitly: SQLite's order is otherwise unset.
_LIST_ORDER = (
    case((NoteRow.topic_slug.is_(None), 1), else_=0),
    NoteRow.topic_slug,
    NoteRow.created_at,
    NoteRow.id,
)


class NotesService:
    """Named operations on her notes, over an open :class:`UserDB`."""

    def __init__(self, db: UserDB, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    @property
    def read_only(self) -> str | None:
        """Why her notes cannot be changed (a read-only folder, a full disk), or None."""
        return self._db.read_only

    def _now(self) -> dt.datetime:
        return to_db_time(self._clock())

    def save(
        self,
        text: str,
        *,
        link: object | None = None,
        note_id: int | None = None,
        revision: int | None = None,
        for_doctor: bool = False,
    ) -> Note:
        """Create a note (``note_id`` None) or change the text of one; return it as saved.

        ``link`` is a LinkRef/SlugRef of a topic or question, or None for a free note; it is
        fixed at creation. Updating needs the ``revision`` the editor loaded: a note changed
        or deleted meanwhile by another copy raises :class:`ConflictError`, nothing written.
        Saving unchanged text writes nothing and returns the note as it is.
        """
        text = clean_text(text, field="text", limit=NOTE_MAX, multiline=True, required=True)
        if note_id is None:
            ref = check_link(link)
            now = self._now()
            row = NoteRow(
                uuid=str(uuidlib.uuid4()),
                link_kind=ref.kind if ref else None,
                link_slug=ref.slug if ref else None,
                link_title=ref.title if ref else None,
                topic_slug=(ref.topic_slug or None) if ref else None,
                text=text,
                created_at=now,
                updated_at=now,
                revision=1,
                for_doctor_at=now if for_doctor else None,
                asked=False,
            )
            with self._db.write() as session:
                session.add(row)
                session.flush()
                return note_dto(row)
        if revision is None:
            raise InputError(
                Said("saving a change to a note needs the revision it was loaded at"), where="revision"
            )
        with self._db.write() as session:
            row = self._row(session, note_id)
            if row.revision != revision:
                raise ConflictError(
                    Said(
                        "this note was changed in another BreastEdu window since you opened it; "
                        "reopen it to see that version (your text is still in the editor)"
                    )
                )
            if row.text != text:
                # The WHERE on revision makes the check and the write one atomic step.
                result = session.execute(
                    update(NoteRow)
                    .where(NoteRow.id == note_id, NoteRow.revision == revision)
                    .values(text=text, revision=revision + 1, updated_at=self._now())
                    .execution_options(synchronize_session="fetch")
                )
                if result.rowcount != 1:  # type: ignore[attr-defined]
                    raise ConflictError(Said("this note was changed in another BreastEdu window"))
                session.refresh(row)
            return note_dto(row)

    def delete(self, note_id: int, *, revision: int | None = None) -> int:
        """Delete a note; return its id. With ``revision``, refuse if it changed meanwhile."""
        with self._db.write() as session:
            row = self._row(session, note_id)
            if revision is not None and row.revision != revision:
                raise ConflictError(
                    Said("this note was changed in another BreastEdu window; it was not deleted")
                )
            session.delete(row)
        return note_id

    def get(self, note_id: int) -> Note:
        """One note, or :class:`NotFoundError`."""
        with self._db.read() as session:
            return note_dto(self._row(session, note_id))

    def list(self) -> tuple[Note, ...]:
        """All notes: by topic (free notes last), oldest first within a topic."""
        with self._db.read() as session:
            rows = session.scalars(select(NoteRow).order_by(*_LIST_ORDER)).all()
            return tuple(note_dto(row) for row in rows)

    def grouped(self) -> tuple[NoteGroup, ...]:
        """All notes listed with their topic: one group per topic, free notes last."""
        groups: dict[str | None, list[Note]] = {}
        for note in self.list():
            groups.setdefault(note.topic_slug, []).append(note)
        return tuple(NoteGroup(topic, tuple(notes)) for topic, notes in groups.items())

    def for_slug(self, slug: str) -> tuple[Note, ...]:
        """Notes on one topic or question (the notes pane beside the reader), oldest first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(NoteRow).where(NoteRow.link_slug == slug).order_by(NoteRow.created_at, NoteRow.id)
            ).all()
            return tuple(note_dto(row) for row in rows)

    def search(self, query: str) -> tuple[Note, ...]:
        """Notes containing every word of ``query`` (in the text or the linked title).

        Matching is substring, case- and width-insensitive (``bedu_fold``) and uses ``instr``,
        so ``%``, ``_`` and quotes in the query are plain characters with no escaping to get
        wrong. Newest first: a search is usually for something written recently.
        """
        query = clean_text(query, field="search", limit=SEARCH_MAX, multiline=False, required=False)
        words = [fold(word) for word in query.split()]
        if not words:
            return ()
        haystack = func.bedu_fold(
            cast(NoteRow.text + " " + func.coalesce(NoteRow.link_title, ""), LargeBinary)
        )
        condition = and_(*(func.instr(haystack, word) > 0 for word in words))
        with self._db.read() as session:
            rows = session.scalars(
                select(NoteRow).where(condition).order_by(NoteRow.updated_at.desc(), NoteRow.id.desc())
            ).all()
            return tuple(note_dto(row) for row in rows)

    def questions_for_doctor(self, *, include_asked: bool = True) -> tuple[Note, ...]:
        """The "questions for my doctor" checklist, in the order she added them."""
        condition: ColumnElement[bool] = NoteRow.for_doctor_at.is_not(None)
        if not include_asked:
            condition = and_(condition, NoteRow.asked.is_(False))
        with self._db.read() as session:
            rows = session.scalars(
                select(NoteRow).where(condition).order_by(NoteRow.for_doctor_at, NoteRow.id)
            ).all()
            return tuple(note_dto(row) for row in rows)

    def set_for_doctor(self, note_id: int, on: bool) -> Note:
        """Put a note on (or take it off) the questions-for-my-doctor checklist.

        Flags are single-field writes that leave ``revision`` alone, so ticking the checklist
        never makes an open editor's next save look like a conflict.
        """
        with self._db.write() as session:
            row = self._row(session, note_id)
            if on and row.for_doctor_at is None:
                row.for_doctor_at = self._now()
                row.asked = False
            elif not on:
                row.for_doctor_at = None
                row.asked = False
            else:
                return note_dto(row)
            row.updated_at = self._now()
            session.flush()
            return note_dto(row)

    def set_asked(self, note_id: int, asked: bool) -> Note:
        """Tick (or untick) a checklist question as asked. Idempotent: a value, not a toggle."""
        with self._db.write() as session:
            row = self._row(session, note_id)
            if row.for_doctor_at is None:
                raise InputError(Said("this note is not on your questions-for-my-doctor list"), where="asked")
            if bool(row.asked) != asked:
                row.asked = asked
                row.updated_at = self._now()
                session.flush()
            return note_dto(row)

    def count(self) -> int:
        """How many notes she has."""
        with self._db.read() as session:
            return int(session.scalar(select(func.count()).select_from(NoteRow)) or 0)

    @staticmethod
    def _row(session: Session, note_id: int) -> NoteRow:
        row = session.get(NoteRow, note_id)
        if row is None:
            raise NotFoundError(Said("there is no note number {id}", id=note_id), where="note")
        return row
