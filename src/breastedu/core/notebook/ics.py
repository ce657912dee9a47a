"""Export follow-ups as an iCalendar (.ics) file her calendar app can import.

Each follow-up is an all-day event on its due date with a reminder at 09:00 the day before.
The UID comes from the uuid stored with the follow-up, and SEQUENCE from its revision, so
importing a second export *updates* the events instead of duplicating them. Done follow-ups
stay in the file (marked done, no reminder) so a re-import updates the old event too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from breastedu.core.catalogue import Said
from breastedu.core.errors import InputError
from breastedu.core.files import write_atomic
from breastedu.core.notebook.dto import FollowUp

PRODID = "-//BreastEdu//Follow-ups//EN"
UID_DOMAIN = "followup.breastedu"
#: Reminder time relative to the start (midnight) of the all-day event: 09:00 the day before.
ALARM_BEFORE = dt.timedelta(hours=15)


def followup_uid(followup: FollowUp) -> str:
    """The stable iCalendar UID of a follow-up (the same in every export)."""
    return f"{followup.uuid}@{UID_DOMAIN}"


def build_calendar(followups: Iterable[FollowUp], *, now: dt.datetime) -> bytes:
    """The .ics bytes for ``followups``; ``now`` (aware) becomes every event's DTSTAMP."""
    # Imported here: icalendar (with dateutil) costs ~20 ms at start-up and only exports use it.
    from icalendar import Alarm, Calendar, Event

    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "My follow-ups (BreastEdu)")
    for item in sorted(followups, key=lambda f: (f.due, f.id)):
        event = Event()
        event.add("uid", followup_uid(item))
        event.add("dtstamp", stamp)
        event.add("last-modified", item.updated_at.astimezone(dt.UTC).replace(microsecond=0))
        event.add("sequence", item.revision)
        event.add("dtstart", item.due)  # a date, so VALUE=DATE: an all-day, fixed-date event
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy block in her calendar
        done = item.done_on is not None
        summary = f"{item.title} (done {item.done_on.isoformat()})" if done and item.done_on else item.title
        event.add("summary", summary)
        lines = []
        if item.note:
            lines.append(item.note)
        if item.link is not None:
            lines.append(f"About: {item.link.title}")
        if item.repeat.repeats:
            lines.append(f"Repeats {item.repeat.describe()}.")
        if lines:
            event.add("description", "\n".join(lines))
        if not done:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Tomorrow: {item.title}")
            alarm.add("trigger", -ALARM_BEFORE)
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def write_ics(path: Path, followups: Iterable[FollowUp], *, now: dt.datetime | None = None) -> Path:
    """Write the .ics file atomically (a half-written calendar is never left behind)."""
    now = now or dt.datetime.now(dt.UTC)
    path = Path(path)
    if path.suffix.lower() != ".ics":
        raise InputError(Said("the calendar file name must end in .ics"), where=str(path))
    return write_atomic(path, build_calendar(followups, now=now))
