"""Follow-up rules (month ends, leap days, states) and FollowUpService operations."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from breastedu.core.errors import ConflictError, InputError
from breastedu.core.notebook.dto import FollowUpState, LinkRef, RepeatBasis, RepeatRule, parse_date
from breastedu.core.notebook.followups import (
    FollowUpService,
    add_months,
    find_intervals,
    next_due,
    state_on,
    suggest_repeat,
)
from breastedu.core.notebook.userdb import UserDB

D = dt.date
TODAY = D(2026, 6, 15)
EVERY_12_DUE = RepeatRule(RepeatBasis.FROM_DUE, 12)
EVERY_6_DONE = RepeatRule(RepeatBasis.FROM_DONE, 6)


@pytest.fixture
def service(user_dir: Path) -> Iterator[FollowUpService]:
    """A FollowUpService whose 'today' is fixed at 2026-06-15."""
    with UserDB.open(user_dir) as db:
        yield FollowUpService(db, today=lambda: TODAY)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2026, 11, 15), 3, D(2027, 2, 15)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
    ],
)
def test_month_arithmetic_clamps_to_the_end_of_the_month(
    start: dt.date, months: int, expected: dt.date
) -> None:
    """Jan 31 + 1 month is the last day of February; Feb 29 + 12 months is Feb 28."""
    assert add_months(start, months) == expected


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2150, 12, 31)), st.integers(1, 120))
def test_adding_months_moves_exactly_that_many_months(start: dt.date, months: int) -> None:
    """The result is N calendar months on, same day or the month's last day if shorter."""
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(start.day, last)


def test_a_series_set_on_the_31st_comes_back_to_the_31st() -> None:
    """Every month from Jan 31: Feb 28, then Mar 31 again, not stuck on the 28th."""
    rule = RepeatRule(RepeatBasis.FROM_DUE, 1)
    feb = next_due(rule, D(2026, 1, 31), D(2026, 1, 31), anchor_day=31)
    assert feb == D(2026, 2, 28)
    assert feb is not None and next_due(rule, feb, feb, anchor_day=31) == D(2026, 3, 31)


@pytest.mark.parametrize(
    ("due", "done", "state", "days"),
    [
        (D(2026, 6, 14), None, FollowUpState.OVERDUE, -1),
        (D(2026, 6, 15), None, FollowUpState.DUE_SOON, 0),
        (D(2026, 6, 29), None, FollowUpState.DUE_SOON, 14),
        (D(2026, 6, 30), None, FollowUpState.UPCOMING, 15),
        (D(2026, 1, 1), D(2026, 1, 2), FollowUpState.DONE, -165),
    ],
)
def test_states_on_a_fixed_today(due: dt.date, done: dt.date | None, state: FollowUpState, days: int) -> None:
    """Overdue before today, due soon within 14 days, upcoming after, done once done."""
    assert state_on(due, done, TODAY) == (state, days)


def test_done_from_due_date_keeps_the_schedule(service: FollowUpService) -> None:
    """'Every 12 months from the due date': done late, the next is still a year after the due date."""
    item = service.add("Mammogram", D(2026, 3, 10), repeat=EVERY_12_DUE)
    result = service.complete(item.id, on=D(2026, 5, 2))
    assert result.done.state is FollowUpState.DONE and result.done.done_on == D(2026, 5, 2)
    assert result.next is not None and result.next.due == D(2027, 3, 10)
    assert result.next.repeat == EVERY_12_DUE and result.next.previous_id == item.id


def test_done_from_done_date_counts_from_the_visit(service: FollowUpService) -> None:
    """'Every 6 months from the day done': the next is six months after she actually went."""
    item = service.add(
        "Thyroid ultrasound",
        D(2026, 6, 1),
        repeat=EVERY_6_DONE,
        link=LinkRef("topic", "thyroid-nodules", "Thyroid nodules", ""),
        note="bring the old report",
    )
    result = service.complete(item.id, on=D(2026, 6, 10))
    assert result.next is not None and result.next.due == D(2026, 12, 10)
    assert result.next.link == item.link and result.next.note == "bring the old report"


def test_a_one_off_follow_up_creates_no_next(service: FollowUpService) -> None:
    """Without a repeat rule, done is done: nothing new appears."""
    item = service.add("Biopsy results", D(2026, 6, 20))
    assert service.complete(item.id).next is None
    assert [f.id for f in service.list()] == [item.id]


def test_done_on_defaults_to_today_and_may_be_back_dated(service: FollowUpService) -> None:
    """'Done' without a date means today; an earlier date is accepted."""
    a = service.add("A", D(2026, 6, 1))
    b = service.add("B", D(2026, 6, 1))
    assert service.complete(a.id).done.done_on == TODAY
    assert service.complete(b.id, on=D(2025, 12, 24)).done.done_on == D(2025, 12, 24)


def test_done_in_the_future_is_refused_and_nothing_written(service: FollowUpService) -> None:
    """A 'done on' date after today is an error on that field, and the follow-up stays open."""
    item = service.add("Mammogram", D(2026, 6, 1), repeat=EVERY_12_DUE)
    with pytest.raises(InputError) as caught:
        service.complete(item.id, on=D(2026, 6, 16))
    assert caught.value.where == "done on"
    assert service.list() == (service.get(item.id),)
    assert service.get(item.id).done_on is None


def test_completing_twice_is_refused(service: FollowUpService) -> None:
    """A follow-up cannot be done twice (that would schedule two next ones)."""
    item = service.add("Mammogram", D(2026, 6, 1), repeat=EVERY_12_DUE)
    service.complete(item.id)
    with pytest.raises(InputError, match="already marked done"):
        service.complete(item.id)
    assert len(service.list()) == 2


def test_list_shows_open_soonest_first_then_done(service: FollowUpService) -> None:
    """The tracker lists what is coming first and what was done last."""
    late = service.add("Late", D(2026, 5, 1))
    soon = service.add("Soon", D(2026, 6, 20))
    later = service.add("Later", D(2026, 9, 1))
    done = service.add("Done", D(2026, 1, 1))
    service.complete(done.id, on=D(2026, 1, 2))
    listed = service.list()
    assert [f.id for f in listed] == [late.id, soon.id, later.id, done.id]
    assert [f.state for f in listed] == [
        FollowUpState.OVERDUE,
        FollowUpState.DUE_SOON,
        FollowUpState.UPCOMING,
        FollowUpState.DONE,
    ]


def test_an_edit_from_an_out_of_date_copy_conflicts(service: FollowUpService) -> None:
    """Editing a follow-up that changed elsewhere is refused; the newer version stays."""
    item = service.add("Mammogram", D(2026, 7, 1))
    newer = service.update(
        item.id,
        revision=item.revision,
        title="Mammogram + ultrasound",
        due=D(2026, 7, 2),
        repeat=EVERY_12_DUE,
    )
    assert newer.revision == 2
    with pytest.raises(ConflictError):
        service.update(item.id, revision=item.revision, title="x", due=D(2026, 7, 1), repeat=RepeatRule())
    assert service.get(item.id).title == "Mammogram + ultrasound"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": "x" * 100_000}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "Mammo\x1b[31m"}, "title"),
        ({"title": "two\nlines"}, "title"),
        ({"due": D(1800, 1, 1)}, "due"),
        ({"note": "n" * 2001}, "note"),
        ({"link": LinkRef("video", "x", "x", "x")}, "link"),
    ],
)
def test_bad_follow_up_input_names_the_field_and_writes_nothing(
    service: FollowUpService, kwargs: dict[str, object], field: str
) -> None:
    """Huge or empty titles, control characters, odd dates: an error at the field, no row."""
    values: dict[str, object] = {"title": "Mammogram", "due": D(2026, 7, 1)} | kwargs
    with pytest.raises(InputError) as caught:
        service.add(**values)  # type: ignore[arg-type]
    assert caught.value.where == field
    assert service.list() == ()


@pytest.mark.parametrize("months", [0, -1, 121])
def test_a_repeat_of_zero_or_absurd_months_is_refused(months: int) -> None:
    """A repeat of 0 months (or negative, or over 10 years) is an error on the repeat field."""
    with pytest.raises(InputError) as caught:
        RepeatRule(RepeatBasis.FROM_DUE, months)
    assert caught.value.where == "repeat"


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2026-2-3", "tomorrow", "20260101"])
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    """Dates that do not exist or are not YYYY-MM-DD are errors naming the field."""
    with pytest.raises(InputError) as caught:
        parse_date(text, field="due")
    assert caught.value.where == "due"


def test_the_doctors_annual_advice_is_suggested_not_imposed() -> None:
    """'Annual mammography screening.' suggests 12 months, for her to confirm."""
    suggestion = suggest_repeat("Annual mammography screening.")
    assert suggestion is not None
    assert (suggestion.phrase, suggestion.min_months, suggestion.exact) == ("Annual", 12, True)


def test_ranges_and_one_off_intervals_are_reported_as_such() -> None:
    """A range is offered as a range, 'in 3 months' as a one-off, in reading order."""
    text = (
        "routine mammograms every 6 to 12 months for a few years, followed by annual "
        "screenings; see me again in three months, ultrasound every two years."
    )
    found = [(s.phrase, s.min_months, s.max_months, s.repeating) for s in find_intervals(text)]
    assert found == [
        ("every 6 to 12 months", 6, 12, True),
        ("annual", 12, 12, True),
        ("in three months", 3, 3, False),
        ("every two years", 24, 24, True),
    ]
    assert suggest_repeat(text) is not None and suggest_repeat(text).min_months == 12  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["Biannual check.", "See your doctor.", "semi-annually"])
def test_ambiguous_or_absent_intervals_are_never_guessed(text: str) -> None:
    """'Biannual' (twice a year or every two years?) and plain text suggest nothing; semi-annual is 6."""
    result = suggest_repeat(text)
    if text == "semi-annually":
        assert result is not None and result.min_months == 6
    else:
        assert result is None


def test_editing_the_due_day_moves_the_series_anchor(service: FollowUpService) -> None:
    """A monthly series set on the 31st keeps month ends; after she moves one to the 15th, the
    next ones follow the 15th, not the old 31st."""
    monthly = RepeatRule(RepeatBasis.FROM_DUE, 1)
    first = service.add("Breast self-check reminder", D(2026, 1, 31), repeat=monthly)
    feb = service.complete(first.id, on=D(2026, 1, 31)).next
    assert feb is not None and feb.due == D(2026, 2, 28)
    march = service.complete(feb.id, on=D(2026, 2, 28)).next
    assert march is not None and march.due == D(2026, 3, 31)  # anchored on the 31st
    moved = service.update(
        march.id, revision=march.revision, title=march.title, due=D(2026, 3, 15), repeat=monthly
    )
    after = service.complete(moved.id, on=D(2026, 3, 15)).next
    assert after is not None and after.due == D(2026, 4, 15)
    april = service.complete(after.id, on=D(2026, 4, 15)).next
    assert april is not None and april.due == D(2026, 5, 15)


def test_editing_only_the_title_keeps_the_anchor(service: FollowUpService) -> None:
    """Renaming a follow-up of a month-end series does not pull it off the month's end."""
    monthly = RepeatRule(RepeatBasis.FROM_DUE, 1)
    first = service.add("Check", D(2026, 1, 31), repeat=monthly)
    feb = service.complete(first.id, on=D(2026, 1, 31)).next
    assert feb is not None
    renamed = service.update(
        feb.id, revision=feb.revision, title="Monthly check", due=feb.due, repeat=monthly
    )
    march = service.complete(renamed.id, on=D(2026, 2, 28)).next
    assert march is not None and march.due == D(2026, 3, 31)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "two\nlines"}, "title"),
        ({"due": D(1800, 1, 1)}, "due"),
        ({"note": "n" * 2001}, "note"),
        ({"link": LinkRef("video", "x", "x", "x")}, "link"),
    ],
)
def test_an_edit_checks_its_input_like_adding_does(
    service: FollowUpService, kwargs: dict[str, object], field: str
) -> None:
    """A bad edit names the field and leaves the follow-up as it was."""
    item = service.add("Mammogram", D(2026, 7, 1), note="bring the old films")
    values: dict[str, object] = {
        "revision": item.revision, "title": "Mammogram", "due": D(2026, 7, 1), "repeat": RepeatRule(),
    } | kwargs  # fmt: skip
    with pytest.raises(InputError) as caught:
        service.update(item.id, **values)  # type: ignore[arg-type]
    assert caught.value.where == field
    assert service.get(item.id) == item


def test_an_edit_keeps_changes_and_clears_the_link(service: FollowUpService) -> None:
    """Every field of a link survives add and edit exactly; editing without a link removes it."""
    link = LinkRef("topic", "breast-cysts", "Breast cysts", "breast-cysts")
    item = service.add("Ultrasound", D(2026, 7, 1), link=link)
    assert service.get(item.id).link == link
    other = LinkRef("question", "clustered-calcification-92d1c5", "Clustered calcification", "calcifications")
    edited = service.update(
        item.id, revision=item.revision, title="Ultrasound", due=D(2026, 7, 1), repeat=RepeatRule(),
        link=other, note="ask about the cyst",
    )  # fmt: skip
    assert service.get(item.id).link == other and edited.note == "ask about the cyst"
    cleared = service.update(
        item.id, revision=edited.revision, title="Ultrasound", due=D(2026, 7, 1), repeat=RepeatRule()
    )
    assert cleared.link is None and service.get(item.id).link is None and cleared.note == ""


def test_switching_to_repeat_from_the_due_date_anchors_on_the_new_day(service: FollowUpService) -> None:
    """A series changed from 'after each visit' to 'from the due date' keeps month ends from then on."""
    item = service.add("Check", D(2026, 3, 10), repeat=RepeatRule(RepeatBasis.FROM_DONE, 1))
    switched = service.update(
        item.id,
        revision=item.revision,
        title="Check",
        due=D(2026, 3, 31),
        repeat=RepeatRule(RepeatBasis.FROM_DUE, 1),
    )
    april = service.complete(switched.id, on=D(2026, 3, 31)).next
    assert april is not None and april.due == D(2026, 4, 30)
    may = service.complete(april.id, on=D(2026, 4, 30)).next
    assert may is not None and may.due == D(2026, 5, 31)


def test_a_one_off_has_no_months(service: FollowUpService) -> None:
    item = service.add("Biopsy result call", D(2026, 7, 1))
    assert item.repeat.basis is RepeatBasis.NONE and item.repeat.months is None
    repeating = service.add("Mammogram", D(2026, 7, 1), repeat=EVERY_12_DUE)
    assert service.get(repeating.id).repeat == EVERY_12_DUE
