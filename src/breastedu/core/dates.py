"""How a date reads for a person: one format everywhere, on screen and on paper.

``7 December 2026``: the month spelled out in English (whatever the system's locale), so
"03/04" is never read as March or April; in Chinese ``2026年12月7日`` (year, month, day, as
Taiwan writes a date). Qt-free and import-free, so the
notebook and the renderer both use it without reaching into each other.
"""

from __future__ import annotations

import datetime as dt

from breastedu.core.catalogue import CHINESE, ENGLISH

#: The months' names in English (the library's language).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date, lang: str = ENGLISH) -> str:
    """``20 August 2015`` (month names spelled out: no day/month ambiguity); ``2015年8月20日``
    in Chinese."""
    if lang == CHINESE:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
