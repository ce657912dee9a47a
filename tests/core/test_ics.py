"""The .ics export parses back in icalendar, and re-exporting updates instead of duplicating."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from breastedu.core.errors import InputError
from breastedu.core.notebook.dto import LinkRef, RepeatBasis, RepeatRule
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.ics import build_calendar, write_ics
from breastedu.core.notebook.userdb import UserDB

NOW = dt.datetime(2026, 6, 15, 12, 30, tzinfo=dt.UTC)


@pytest.fixture
def service(user_dir: Path) -> Iterator[FollowUpService]:
    """Follow-ups on a fixed today."""
    with UserDB.open(user_dir) as db:
        yield FollowUpService(db, today=lambda: dt.date(2026, 6, 15))


def _events(data: bytes) -> dict[str, object]:
    return {str(e["uid"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_follow_ups_become_all_day_events_with_a_reminder(service: FollowUpService) -> None:
    """Each follow-up is an all-day event on its date, reminding her the day before."""
    item = service.add(
        "Mammogram; left, right",
        dt.date(2026, 7, 1),
        repeat=RepeatRule(RepeatBasis.FROM_DUE, 12),
        note="fasting\nbring CD",
        link=LinkRef("topic", "breast-calcifications", "Breast calcifications", ""),
    )
    event = next(iter(_events(build_calendar(service.list(), now=NOW)).values()))
    assert event["summary"] == "Mammogram; left, right"  # type: ignore[index]
    assert event["dtstart"].dt == dt.date(2026, 7, 1)  # type: ignore[index]
    assert event["dtend"].dt == dt.date(2026, 7, 2)  # type: ignore[index]
    assert event["dtstamp"].dt == NOW  # type: ignore[index]
    assert "fasting\nbring CD" in str(event["description"])  # type: ignore[index]
    assert "every 12 months from the due date" in str(event["description"])  # type: ignore[index]
    alarms = event.walk("VALARM")  # type: ignore[attr-defined]
    assert len(alarms) == 1 and alarms[0]["trigger"].dt == -dt.timedelta(hours=15)
    assert str(event["uid"]) == f"{item.uuid}@followup.breastedu"  # type: ignore[index]


def test_a_second_export_updates_the_same_events(service: FollowUpService) -> None:
    """UIDs are stable and SEQUENCE grows, so calendars update instead of duplicating."""
    item = service.add("Mammogram", dt.date(2026, 6, 1), repeat=RepeatRule(RepeatBasis.FROM_DUE, 12))
    first = _events(build_calendar(service.list(), now=NOW))
    result = service.complete(item.id, on=dt.date(2026, 6, 3))
    second = _events(build_calendar(service.list(), now=NOW + dt.timedelta(days=1)))
    uid = f"{item.uuid}@followup.breastedu"
    assert set(first) < set(second) and len(second) == 2
    assert int(second[uid]["sequence"]) > int(first[uid]["sequence"])  # type: ignore[index]
    assert "done 2026-06-03" in str(second[uid]["summary"])  # type: ignore[index]
    assert second[uid].walk("VALARM") == []  # type: ignore[attr-defined]
    assert result.next is not None
    assert build_calendar(service.list(), now=NOW) == build_calendar(service.list(), now=NOW)


def test_write_ics_needs_an_ics_name_and_writes_a_parsable_file(
    service: FollowUpService, tmp_path: Path
) -> None:
    """The file is written whole and parses; a wrong extension is refused."""
    service.add("Ultrasound", dt.date(2026, 8, 1))
    out = write_ics(tmp_path / "followups.ics", service.list(), now=NOW)
    assert len(Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 1
    with pytest.raises(InputError):
        write_ics(tmp_path / "followups.txt", service.list(), now=NOW)
    assert not (tmp_path / "followups.txt").exists()
