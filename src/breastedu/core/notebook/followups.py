"""Follow-up dates: pure rules (month arithmetic, states, the next date, intervals in a text)
and :class:`FollowUpService`, the named operations over the user DB.

The tracker never invents an interval: a repeat is whatever the person entered or confirmed.
:func:`find_intervals` only *suggests* one from a reply ("Annual mammography screening." -> 12
months) for her to confirm with one click.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import uuid as uuidlib
from collections.abc import Callable

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from breastedu.core.catalogue import ENGLISH, Said, say, say_count
from breastedu.core.errors import ConflictError, InputError, NotFoundError
from breastedu.core.notebook.dto import (
    DUE_SOON_DAYS,
    FOLLOWUP_NOTE_MAX,
    TITLE_MAX,
    CompleteResult,
    FollowUp,
    FollowUpState,
    IntervalSuggestion,
    LinkRef,
    RepeatBasis,
    RepeatRule,
    check_date,
    check_link,
    clean_text,
    from_db_time,
    to_db_time,
)
from breastedu.core.notebook.schema import FollowUpRow
from breastedu.core.notebook.userdb import Clock, UserDB, is_damaged, utc_now

_BASIS_TO_DB = {RepeatBasis.NONE: "none", RepeatBasis.FROM_DUE: "due", RepeatBasis.FROM_DONE: "done"}
_BASIS_FROM_DB = {value: key for key, value in _BASIS_TO_DB.items()}


# --- pure rules -----------------------------------------------------------------------------


def add_months(day: dt.date, months: int, *, anchor_day: int | None = None) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the end of the month.

    Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year); Feb 29 + 12 months = Feb 28.
    ``anchor_day`` (1-31) replaces ``day.day`` as the wanted day of month, so a series set
    on the 31st comes back to the 31st after a short month instead of drifting.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    wanted = anchor_day if anchor_day is not None else day.day
    return dt.date(year, month0 + 1, min(wanted, calendar.monthrange(year, month0 + 1)[1]))


def next_due(
    rule: RepeatRule, due: dt.date, done_on: dt.date, anchor_day: int | None = None
) -> dt.date | None:
    """The due date of the next follow-up after one due ``due`` was done on ``done_on``.

    From the due date: the schedule stays fixed however late she was (it may already be
    overdue; the tracker then says so rather than quietly moving it). From the done date: it
    counts from the day she actually went. None when the rule does not repeat.
    """
    if rule.basis is RepeatBasis.NONE or rule.months is None:
        return None
    if rule.basis is RepeatBasis.FROM_DUE:
        return add_months(due, rule.months, anchor_day=anchor_day or due.day)
    return add_months(done_on, rule.months)


def state_on(due: dt.date, done_on: dt.date | None, today: dt.date) -> tuple[FollowUpState, int]:
    """The state of a follow-up on ``today`` and the days left until it is due (negative: late)."""
    days_left = (due - today).days
    if done_on is not None:
        return FollowUpState.DONE, days_left
    if days_left < 0:
        return FollowUpState.OVERDUE, days_left
    if days_left <= DUE_SOON_DAYS:
        return FollowUpState.DUE_SOON, days_left
    return FollowUpState.UPCOMING, days_left


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_RANGE = _NUM + r"(?:\s*(?:-|–|to|or)\s*" + _NUM + r")?"
# Longest, most specific phrases first; a later pattern never matches inside an earlier match.
_FIXED: tuple[tuple[str, int], ...] = (
    (r"semi-?annual(?:ly)?|twice (?:a|per|each) year|every half[- ]year|half-?yearly", 6),
    (r"biennial(?:ly)?|every other year|every second year", 24),
    (r"annual(?:ly)?|yearly|every year|once (?:a|per|each) year|each year", 12),
    (r"quarterly|every quarter", 3),
    (r"monthly|every month|once a month", 1),
)
_COUNTED = re.compile(r"\b(every|in|after|within)\s+" + _RANGE + r"\s+(months?|years?)\b", re.I)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


def find_intervals(text: str) -> tuple[IntervalSuggestion, ...]:
    """Every interval phrase in ``text``, in reading order, as suggestions to confirm.

    "annual", "every 2 years", "twice a year" repeat; "in 3 months" / "after 6 months" are a
    one-time date (``repeating`` False); "every 6 to 12 months" is a range she chooses from.
    Ambiguous words ("biannual": twice a year or every two years?) are not suggested.
    """
    found: list[tuple[int, int, IntervalSuggestion]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in found)

    for match in _COUNTED.finditer(text):
        unit = 12 if match[4].lower().startswith("year") else 1
        low = _number(match[2]) * unit
        high = _number(match[3]) * unit if match[3] else low
        if 0 < low <= high:
            found.append(
                (
                    match.start(),
                    match.end(),
                    IntervalSuggestion(match[0], low, high, repeating=match[1].lower() == "every"),
                )
            )
    for pattern, months in _FIXED:
        for match in re.finditer(r"\b(?:" + pattern + r")\b", text, re.I):
            if free(match.start(), match.end()):
                found.append(
                    (match.start(), match.end(), IntervalSuggestion(match[0], months, months, repeating=True))
                )
    return tuple(item for _, _, item in sorted(found, key=lambda entry: entry[0]))


def advice_for_someone_else(advice_date: dt.date | None) -> str:
    """The caution a prefill from a doctor's reply to another patient carries, or "".

    The interval in a Q&A reply was advice for the person who asked, years ago and maybe in
    another country; hers is for her own doctor to decide. The form stays a suggestion.
    """
    if advice_date is None:
        return ""
    return (
        f"This interval was given to another patient, in {advice_date.year}. Your own doctor "
        "decides yours. It is only a suggestion until you check it and save."
    )


def suggest_repeat(text: str) -> IntervalSuggestion | None:
    """The first exact repeating interval in ``text`` ("copy 'annual' from the reply"), or None."""
    for item in find_intervals(text):
        if item.repeating and item.exact:
            return item
    return None


# --- the service ----------------------------------------------------------------------------


def _link_of(row: FollowUpRow) -> LinkRef | None:
    """The page a stored follow-up points at, if any."""
    if row.link_slug is None:
        return None
    return LinkRef(
        row.link_kind or "question", row.link_slug, row.link_title or row.link_slug, row.link_topic_slug or ""
    )


def repeat_of(row: FollowUpRow) -> RepeatRule | None:
    """The row's repeat rule, or None when the stored rule is damaged."""
    basis = _BASIS_FROM_DB.get(row.repeat_basis)
    if basis is None:
        return None
    try:
        return RepeatRule(basis, row.repeat_months if basis is not RepeatBasis.NONE else None)
    except InputError:
        return None


def _dto(row: FollowUpRow, today: dt.date) -> FollowUp:
    state, days_left = state_on(row.due, row.done_on, today)
    link = _link_of(row)
    repeat = repeat_of(row)
    return FollowUp(
        id=row.id,
        uuid=row.uuid,
        title=row.title,
        due=row.due,
        # A damaged rule is shown as "does not repeat" (and flagged): completing the row never
        # schedules a next one from a rule nobody set.
        repeat=repeat or RepeatRule(),
        link=link,
        note=row.note,
        done_on=row.done_on,
        state=state,
        days_left=days_left,
        previous_id=row.previous_id,
        created_at=from_db_time(row.created_at),
        updated_at=from_db_time(row.updated_at),
        revision=row.revision,
        damaged=repeat is None or is_damaged(row),
    )


# Open ones first, soonest due first; then done ones, most recently done first.
_LIST_ORDER = (
    case((FollowUpRow.done_on.is_(None), 0), else_=1),
    case((FollowUpRow.done_on.is_(None), FollowUpRow.due), else_=None),
    FollowUpRow.done_on.desc(),
    FollowUpRow.id,
)


class FollowUpService:
    """Named operations on follow-ups. ``today`` is injected so states are testable."""

    def __init__(
        self, db: UserDB, *, today: Callable[[], dt.date] = dt.date.today, clock: Clock = utc_now
    ) -> None:
        self._db = db
        self._today = today
        self._clock = clock

    def _now(self) -> dt.datetime:
        return to_db_time(self._clock())

    def add(
        self,
        title: str,
        due: dt.date,
        *,
        repeat: RepeatRule | None = None,
        link: object | None = None,
        note: str = "",
    ) -> FollowUp:
        """Create a follow-up and return it. Bad input raises InputError naming the field."""
        title = clean_text(title, field="title", limit=TITLE_MAX, multiline=False, required=True)
        due = check_date(due, field="due")
        repeat = repeat or RepeatRule()
        ref = check_link(link)
        note = clean_text(note, field="note", limit=FOLLOWUP_NOTE_MAX, multiline=True, required=False)
        with self._db.write() as session:
            row = self._new_row(title, due, repeat, ref, note, previous_id=None)
            session.add(row)
            session.flush()
            return _dto(row, self._today())

    def _new_row(
        self,
        title: str,
        due: dt.date,
        repeat: RepeatRule,
        ref: LinkRef | None,
        note: str,
        *,
        previous_id: int | None,
        anchor_day: int | None = None,
    ) -> FollowUpRow:
        now = self._now()
        return FollowUpRow(
            uuid=str(uuidlib.uuid4()),
            title=title,
            due=due,
            repeat_basis=_BASIS_TO_DB[repeat.basis],
            repeat_months=repeat.months,
            anchor_day=(anchor_day or due.day) if repeat.basis is RepeatBasis.FROM_DUE else None,
            link_kind=ref.kind if ref else None,
            link_slug=ref.slug if ref else None,
            link_title=ref.title if ref else None,
            link_topic_slug=(ref.topic_slug or None) if ref else None,
            note=note,
            done_on=None,
            previous_id=previous_id,
            created_at=now,
            updated_at=now,
            revision=1,
        )

    def update(
        self,
        followup_id: int,
        *,
        revision: int,
        title: str,
        due: dt.date,
        repeat: RepeatRule,
        link: object | None = None,
        note: str = "",
    ) -> FollowUp:
        """Replace a follow-up's fields; ConflictError if another copy changed it meanwhile."""
        title = clean_text(title, field="title", limit=TITLE_MAX, multiline=False, required=True)
        due = check_date(due, field="due")
        ref = check_link(link)
        note = clean_text(note, field="note", limit=FOLLOWUP_NOTE_MAX, multiline=True, required=False)
        with self._db.write() as session:
            row = self._row(session, followup_id)
            self._check_revision(row, revision)
            if row.due != due or _BASIS_FROM_DB[row.repeat_basis] is not repeat.basis:
                row.anchor_day = due.day if repeat.basis is RepeatBasis.FROM_DUE else None
            row.title, row.due, row.note = title, due, note
            row.repeat_basis, row.repeat_months = _BASIS_TO_DB[repeat.basis], repeat.months
            row.link_kind = ref.kind if ref else None
            row.link_slug = ref.slug if ref else None
            row.link_title = ref.title if ref else None
            row.link_topic_slug = (ref.topic_slug or None) if ref else None
            row.revision += 1
            row.updated_at = self._now()
            session.flush()
            return _dto(row, self._today())

    def complete(
        self, followup_id: int, *, on: dt.date | None = None, revision: int | None = None
    ) -> CompleteResult:
        """Mark done on ``on`` (default today; back-dating allowed, the future is not) and
        create the next follow-up by its repeat rule, in one transaction."""
        today = self._today()
        on = check_date(on if on is not None else today, field="done on")
        if on > today:
            raise InputError(
                Said(
                    "{day} is in the future; you can only mark a follow-up done on today or an earlier day",
                    day=on.isoformat(),
                ),
                where="done on",
            )
        with self._db.write() as session:
            row = self._row(session, followup_id)
            if revision is not None:
                self._check_revision(row, revision)
            if row.done_on is not None:
                raise InputError(
                    Said(
                        "'{title}' was already marked done on {day}",
                        title=row.title,
                        day=row.done_on.isoformat(),
                    ),
                    where="done on",
                )
            row.done_on = on
            row.revision += 1
            row.updated_at = self._now()
            rule = RepeatRule(_BASIS_FROM_DB[row.repeat_basis], row.repeat_months)
            nxt = None
            due = next_due(rule, row.due, on, row.anchor_day)
            if due is not None:
                ref = _link_of(row)
                nxt = self._new_row(
                    row.title,
                    check_date(due, field="due"),
                    rule,
                    ref,
                    row.note,
                    previous_id=row.id,
                    anchor_day=row.anchor_day,
                )
                session.add(nxt)
            session.flush()
            return CompleteResult(_dto(row, today), _dto(nxt, today) if nxt else None)

    def delete(self, followup_id: int, *, revision: int | None = None) -> int:
        """Delete a follow-up; return its id. With ``revision``, refuse if it changed."""
        with self._db.write() as session:
            row = self._row(session, followup_id)
            if revision is not None:
                self._check_revision(row, revision)
            session.delete(row)
        return followup_id

    def get(self, followup_id: int, *, today: dt.date | None = None) -> FollowUp:
        """One follow-up with its state on ``today``."""
        with self._db.read() as session:
            return _dto(self._row(session, followup_id), today or self._today())

    def list(self, *, today: dt.date | None = None, include_done: bool = True) -> tuple[FollowUp, ...]:
        """Open follow-ups (soonest first), then done ones (most recent first)."""
        query = select(FollowUpRow).order_by(*_LIST_ORDER)
        if not include_done:
            query = query.where(FollowUpRow.done_on.is_(None))
        day = today or self._today()
        with self._db.read() as session:
            return tuple(_dto(row, day) for row in session.scalars(query).all())

    @staticmethod
    def _check_revision(row: FollowUpRow, revision: int) -> None:
        if row.revision != revision:
            raise ConflictError(
                Said(
                    "'{title}' was changed in another BreastEdu window since you opened it; "
                    "reopen it and try again",
                    title=row.title,
                )
            )

    @staticmethod
    def _row(session: Session, followup_id: int) -> FollowUpRow:
        row = session.get(FollowUpRow, followup_id)
        if row is None:
            raise NotFoundError(Said("there is no follow-up number {id}", id=followup_id), where="follow-up")
        return row


# Names of tests and visits a reply may mention, most specific first, with the title to use.
_TEST_NAMES: tuple[tuple[str, str], ...] = (
    (r"(?:breast\s+)?mri|magnetic resonance", "Breast MRI"),
    (r"mammogra(?:m|ms|phy|phic)", "Mammography"),
    (r"(?:thyroid|neck)\s+(?:ultrasound|ultrasonography|sonography|scan)", "Thyroid ultrasound"),
    (r"(?:breast|axillary|armpit)\s+(?:ultrasound|ultrasonography|sonography)", "Breast ultrasound"),
    (r"ultrasound|ultrasonography|sonography", "Ultrasound"),
    (r"(?:thyroid function|tsh|t3|t4|blood)\s+tests?|tsh", "Thyroid blood test"),
    (r"fine[- ]needle aspiration|fna|biopsy", "Biopsy"),
    (r"clinical breast exam(?:ination)?|breast exam(?:ination)?", "Breast examination"),
    (r"check-?ups?|follow-?up visits?|review", "Check-up"),
)


def suggest_title(text: str, fallback: str) -> str:
    """A short follow-up title for a reply's advice ("Annual mammography screening." ->
    "Mammography"): the first test or visit named in ``text``, else ``fallback`` (usually the
    page title), cut to :data:`TITLE_MAX`. A suggestion for her to confirm or edit.
    """
    best: tuple[int, str] | None = None
    for pattern, title in _TEST_NAMES:
        match = re.search(r"\b(?:" + pattern + r")\b", text, re.I)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), title)
    title = best[1] if best else " ".join(fallback.split())
    return title[:TITLE_MAX]


def attention_sentence(overdue: int, due_soon: int, lang: str = ENGLISH) -> str:
    """The quiet start-up notice, e.g. "1 follow-up is overdue and 2 are due soon." ("" if
    none), in ``lang``."""
    late = say_count(lang, overdue, "1 follow-up is overdue", "{n} follow-ups are overdue")
    if overdue and due_soon:
        soon = say_count(lang, due_soon, "1 is due soon", "{n} are due soon")
        return say(lang, "{late} and {soon}.", late=late, soon=soon)
    if overdue:
        return say(lang, "{late}.", late=late)
    if due_soon:
        return say_count(
            lang, due_soon, "1 follow-up is due within 14 days.", "{n} follow-ups are due within 14 days."
        )
    return ""
