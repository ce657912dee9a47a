"""Frozen dataclasses the user-data services hand out, and the limits of what they accept.

ORM rows of the user DB never leave core: :mod:`breastedu.core.notebook.notes` and
:mod:`breastedu.core.notebook.followups` turn them into these. The limits live here because they are
part of the data contract: the UI uses the same constants for the maximum length of its fields.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from breastedu.core.catalogue import ENGLISH, Said, said_count, say, say_count
from breastedu.core.errors import InputError
from breastedu.core.links import LinkRef

#: Longest follow-up title, in characters ("Mammogram", "Thyroid ultrasound").
TITLE_MAX = 200
#: Longest note text, in characters (a long letter to the doctor fits comfortably).
NOTE_MAX = 20_000
#: Longest note attached to a follow-up.
FOLLOWUP_NOTE_MAX = 2_000
#: Longest repeat interval a person can enter: 10 years.
REPEAT_MONTHS_MAX = 120
#: Dates outside this range are typing mistakes, not follow-ups.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
#: A follow-up due within this many days (inclusive) is "due soon".
DUE_SOON_DAYS = 14


class FollowUpState(enum.Enum):
    """Where a follow-up stands on a given day."""

    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    UPCOMING = "upcoming"
    DONE = "done"


class RepeatBasis(enum.Enum):
    """What "every N months" counts from."""

    NONE = "none"
    FROM_DUE = "from due date"
    FROM_DONE = "from done date"


#: The one-word name of each basis in exported data and on the command line.
BASIS_BY_WORD = {"none": RepeatBasis.NONE, "due": RepeatBasis.FROM_DUE, "done": RepeatBasis.FROM_DONE}
WORD_BY_BASIS = {basis: word for word, basis in BASIS_BY_WORD.items()}


@dataclass(frozen=True)
class RepeatRule:
    """A repeat rule: none, or every ``months`` months from the due date or the done date."""

    basis: RepeatBasis = RepeatBasis.NONE
    months: int | None = None

    def __post_init__(self) -> None:
        if self.basis is RepeatBasis.NONE:
            if self.months is not None:
                raise InputError(Said("a follow-up that does not repeat has no interval"), where="repeat")
            return
        months = self.months
        if not isinstance(months, int) or isinstance(months, bool):
            raise InputError(Said("the repeat interval must be a whole number of months"), where="repeat")
        if not 1 <= months <= REPEAT_MONTHS_MAX:
            raise InputError(
                Said(
                    "the repeat interval must be between 1 and {most} months, not {months}",
                    most=REPEAT_MONTHS_MAX,
                    months=months,
                ),
                where="repeat",
            )

    @property
    def repeats(self) -> bool:
        """True when completing the follow-up schedules the next one."""
        return self.basis is not RepeatBasis.NONE

    def describe(self, lang: str = ENGLISH) -> str:
        """Plain words: "does not repeat", "every 12 months from the due date" (in ``lang``)."""
        if self.basis is RepeatBasis.NONE or self.months is None:
            return say(lang, "does not repeat")
        if self.basis is RepeatBasis.FROM_DUE:
            return say_count(
                lang, self.months, "every month from the due date", "every {n} months from the due date"
            )
        return say_count(
            lang,
            self.months,
            "every month from the day it was done",
            "every {n} months from the day it was done",
        )


@dataclass(frozen=True)
class Note:
    """A note on a topic or question (``link``), or a free note (``link`` is None).

    ``revision`` grows with every text change; pass it back to ``NotesService.save`` so a
    second running copy cannot silently overwrite this one's edits.
    """

    id: int
    uuid: str
    link: LinkRef | None
    text: str
    for_doctor: bool
    asked: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    revision: int
    #: Part of the stored row could not be read (a damaged file): text bytes that are not UTF-8
    #: show as U+FFFD, a damaged date as 1970-01-01.
    damaged: bool = False

    @property
    def topic_slug(self) -> str | None:
        """The topic the note is listed under (None for free notes)."""
        return self.link.topic_slug if self.link else None


@dataclass(frozen=True)
class NoteGroup:
    """Notes listed under one topic (``topic_slug`` None: free notes)."""

    topic_slug: str | None
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class FollowUp:
    """A follow-up date with its rule and its state on the day it was read."""

    id: int
    uuid: str
    title: str
    due: dt.date
    repeat: RepeatRule
    link: LinkRef | None
    note: str
    done_on: dt.date | None
    state: FollowUpState
    days_left: int
    previous_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    revision: int
    #: Part of the stored row could not be read (a damaged file): shown, flagged, exported.
    damaged: bool = False


@dataclass(frozen=True)
class CompleteResult:
    """What ``FollowUpService.complete`` changed: the one marked done and the next, if any."""

    done: FollowUp
    next: FollowUp | None


@dataclass(frozen=True)
class IntervalSuggestion:
    """An interval found in a text ("annual" -> 12), for the person to confirm.

    A range ("every 6 to 12 months") has ``min_months < max_months``: the person chooses.
    """

    phrase: str
    min_months: int
    max_months: int
    repeating: bool

    @property
    def exact(self) -> bool:
        """True when the text names one interval, not a range."""
        return self.min_months == self.max_months


@dataclass(frozen=True)
class ImportResult:
    """What ``userdata.import_data`` did: rows added, updated (newer), and already present."""

    notes_added: int
    notes_updated: int
    followups_added: int
    followups_updated: int
    unchanged: int


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: rows saved, rows saved with damaged text, rows it could not read."""

    path: Path
    notes: int
    followups: int
    #: Saved, but some of their text was not valid UTF-8 (shown as U+FFFD in the file).
    damaged: int = 0
    #: Could not be read at all (a damaged part of the file), so they are not in the export.
    unreadable: int = 0

    def describe(self, lang: str = ENGLISH) -> str:
        """One plain sentence for her (in ``lang``)."""
        text = say(
            lang,
            "Saved {notes} note(s) and {followups} follow-up(s) to {file}.",
            notes=self.notes,
            followups=self.followups,
            file=self.path.name,
        )
        if self.damaged:
            text += say(
                lang,
                " {n} of them had damaged characters, saved as \N{REPLACEMENT CHARACTER}.",
                n=self.damaged,
            )
        if self.unreadable:
            text += say(
                lang,
                " {n} could not be read from the damaged notes file and are not in it.",
                n=self.unreadable,
            )
        return text


def row_label(table: str, row_id: int) -> str:
    """What a row of each table of her data is called in a sentence: "note 12"."""
    if table == "note":
        return Said("note {id}", id=row_id)
    if table == "followup":
        return Said("follow-up {id}", id=row_id)
    if table == "basket_item":
        return Said("print-basket sheet {id}", id=row_id)
    return f"{table} {row_id}"


def rows_counted(table: str, count: int) -> str:
    """How many rows of one table: "1 note", "2 follow-ups"."""
    if table == "note":
        return said_count(count, "{n} note", "{n} notes")
    if table == "followup":
        return said_count(count, "{n} follow-up", "{n} follow-ups")
    if table == "basket_item":
        return said_count(count, "{n} print-basket sheet", "{n} print-basket sheets")
    return f"{count} {table}"


@dataclass(frozen=True)
class DamagedRow:
    """A row of her data that no longer matched its checksum: damage on disk had changed it."""

    table: str
    id: int
    #: The date (YYYY-MM-DD) of the automatic backup its good copy was put back from; None when
    #: no backup held one and it was kept as it was found.
    restored_from: str | None = None
    #: Its first words as it reads now (a note's text, a follow-up's or sheet's title), so she
    #: can find it in the window, which shows no numbers.
    excerpt: str = ""

    @property
    def label(self) -> str:
        """How it is named to her: "note 12", "follow-up 3"."""
        return row_label(self.table, self.id)

    @property
    def described(self) -> str:
        """Its label with its first words: 'note 12 ("Ask about the biopsy")'."""
        return (
            Said('{label} ("{words}")', label=self.label, words=self.excerpt) if self.excerpt else self.label
        )


@dataclass(frozen=True)
class RowCheck:
    """What checking every row's checksum found (at open, or by ``data check``)."""

    #: Rows that failed, in table then id order, each restored from a backup or kept.
    rows: tuple[DamagedRow, ...] = ()
    #: The file in her folder holding the damaged rows as they were found, when any were.
    saved_to: Path | None = None


@dataclass(frozen=True)
class EraseResult:
    """What ``userdata.erase_all`` removed."""

    notes: int
    followups: int
    files: tuple[str, ...]


_ALLOWED_CONTROLS_MULTILINE = frozenset("\n\t")


def clean_text(value: object, *, field: str, limit: int, multiline: bool, required: bool) -> str:
    """Return ``value`` checked for use as stored text, or raise :class:`InputError`.

    Refuses control characters (they break export, printing and terminals), lone
    surrogates (they cannot be stored as UTF-8) and text over ``limit``. Windows line ends
    become ``\\n`` so exports compare equal across machines. Single-line text is stripped.
    """
    if not isinstance(value, str):
        raise InputError(Said("must be text"), where=field)
    text = value.replace("\r\n", "\n")
    if not multiline:
        text = text.strip()
    if len(text) > limit:
        raise InputError(
            Said(
                "is {length} characters long; the limit is {limit}",
                length=f"{len(text):,}",
                limit=f"{limit:,}",
            ),
            where=field,
        )
    allowed = _ALLOWED_CONTROLS_MULTILINE if multiline else frozenset()
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category == "Cc" and char not in allowed:
            raise InputError(
                Said(
                    "contains a control character ({code}) at position {position}",
                    code=f"U+{ord(char):04X}",
                    position=index + 1,
                ),
                where=field,
            )
        if category == "Cs":
            raise InputError(
                Said("contains an invalid character at position {position}", position=index + 1), where=field
            )
    if required and not text.strip():
        raise InputError(Said("is empty"), where=field)
    return text


def check_date(value: object, *, field: str) -> dt.date:
    """Return ``value`` as a date within :data:`DATE_MIN`..:data:`DATE_MAX`, else InputError."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(Said("must be a date"), where=field)
    if not DATE_MIN <= value <= DATE_MAX:
        raise InputError(
            Said(
                "{day} is outside {first}-{last}",
                day=value.isoformat(),
                first=DATE_MIN.year,
                last=DATE_MAX.year,
            ),
            where=field,
        )
    return value


def parse_date(text: str, *, field: str) -> dt.date:
    """Parse ``YYYY-MM-DD``; impossible dates (2026-02-30) raise InputError naming ``field``."""
    stripped = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped):
        raise InputError(Said("{text} is not a date in the form YYYY-MM-DD", text=repr(text)), where=field)
    try:
        value = dt.date.fromisoformat(stripped)
    except ValueError:
        raise InputError(Said("{day} is not a real calendar date", day=stripped), where=field) from None
    return check_date(value, field=field)


_LINK_KINDS = ("topic", "question")


def check_link(ref: object | None, *, field: str = "link") -> LinkRef | None:
    """Turn a :class:`LinkRef` or :class:`~breastedu.core.content.dto.SlugRef` into a checked LinkRef.

    Core stays independent of the content DB: callers look the slug up and pass what they
    found (kind, slug, display title, topic slug).
    """
    if ref is None:
        return None
    kind = getattr(ref, "kind", None)
    if kind not in _LINK_KINDS:
        raise InputError(Said("must be a topic or a question, not {kind}", kind=repr(kind)), where=field)
    slug = clean_text(getattr(ref, "slug", None), field=field, limit=200, multiline=False, required=True)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._~-]*", slug):
        raise InputError(Said("{slug} is not a topic or question slug", slug=repr(slug)), where=field)
    title = clean_text(getattr(ref, "title", ""), field=field, limit=500, multiline=False, required=False)
    topic = getattr(ref, "topic_slug", None) or (slug if kind == "topic" else "")
    topic = clean_text(topic, field=field, limit=200, multiline=False, required=False)
    return LinkRef(kind=kind, slug=slug, title=title or slug, topic_slug=topic)


def to_db_time(value: dt.datetime) -> dt.datetime:
    """An aware datetime as the naive UTC value stored in the user DB."""
    if value.tzinfo is None:
        raise ValueError("clock returned a naive datetime; give it a timezone")
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def from_db_time(value: dt.datetime) -> dt.datetime:
    """A stored naive UTC datetime as an aware one."""
    return value.replace(tzinfo=dt.UTC)
