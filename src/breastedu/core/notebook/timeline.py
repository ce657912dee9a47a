"""Her follow-ups as a picture: a timeline from a little before today to a year ahead.

:func:`build_timeline` decides what is on it (one row per follow-up, placed at its date, with
its state on the day); :func:`timeline_svg` draws that as an SVG for the notebook (in the
theme's colours, every state with its own shape and word, never colour alone) and
:func:`timeline_table_html` as a month grid for the printed visit sheet (greys only: Qt's
print path draws HTML tables, not inline SVG).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from breastedu.core.catalogue import CHINESE, ENGLISH, say, say_count
from breastedu.core.dates import long_date
from breastedu.core.notebook.dto import FollowUp, FollowUpState
from breastedu.core.palette import Palette

#: How far back and ahead the timeline reaches, in whole months around today's month.
MONTHS_BEFORE = 2
MONTHS_AFTER = 12
#: Rows drawn at most; the rest are counted in :attr:`Timeline.left_off`.
MAX_ROWS = 12

#: The word for each state, as the notebook and the visit sheet say it.
STATE_WORDS = {
    FollowUpState.OVERDUE: "Overdue",
    FollowUpState.DUE_SOON: "Due soon",
    FollowUpState.UPCOMING: "Upcoming",
    FollowUpState.DONE: "Done",
}
#: A shape for each state, so the states differ without colour (SVG) and in print (text).
STATE_SYMBOLS = {
    FollowUpState.OVERDUE: "▲",
    FollowUpState.DUE_SOON: "◆",
    FollowUpState.UPCOMING: "○",
    FollowUpState.DONE: "✓",
}


@dataclass(frozen=True)
class TimelineMark:
    """One follow-up on the timeline."""

    followup_id: int
    title: str
    day: dt.date  # when it was done, or when it is due
    state: FollowUpState
    position: float  # 0.0 (the window's start) to 1.0 (its end), clamped
    outside: str  # "" inside the window, "earlier" or "later" when clamped to an edge
    lang: str = ENGLISH  # the language its words are in

    @property
    def words(self) -> str:
        """``"Overdue: due 1 Jun 2026"``, ``"Done: 3 Mar 2026"`` ..."""
        when = long_date(self.day, self.lang)  # one date format, on screen and on paper (issue 22 C11)
        if self.state is FollowUpState.DONE:
            return say(self.lang, "Done: {date}", date=when)
        return say(self.lang, "{state}: due {date}", state=state_word(self.state, self.lang), date=when)

    @property
    def outside_words(self) -> str:
        """``" (earlier)"``, ``" (later)"`` or "" (in the window)."""
        if not self.outside:
            return ""
        return say(self.lang, " (earlier)") if self.outside == "earlier" else say(self.lang, " (later)")


def state_word(state: FollowUpState, lang: str = ENGLISH) -> str:
    """The word for ``state`` in ``lang`` (:data:`STATE_WORDS` in English)."""
    return {
        FollowUpState.OVERDUE: say(lang, "Overdue"),
        FollowUpState.DUE_SOON: say(lang, "Due soon"),
        FollowUpState.UPCOMING: say(lang, "Upcoming"),
        FollowUpState.DONE: say(lang, "Done"),
    }[state]


def month_word(month: dt.date, lang: str = ENGLISH) -> str:
    """A month's short name: ``Mar``; ``3月`` in Chinese."""
    return f"{month.month}月" if lang == CHINESE else f"{month:%b}"


def month_year(month: dt.date, lang: str = ENGLISH) -> str:
    """``March 2027``; ``2027年3月`` in Chinese."""
    return f"{month.year}年{month.month}月" if lang == CHINESE else f"{month:%B %Y}"


@dataclass(frozen=True)
class Timeline:
    """What the timeline shows: its window, today, the month starts and the marks."""

    start: dt.date
    end: dt.date
    today: dt.date
    months: tuple[dt.date, ...]  # the first day of each month in the window
    marks: tuple[TimelineMark, ...]
    left_off: int  # follow-ups not drawn (more than MAX_ROWS)
    lang: str = ENGLISH  # the language its words are in

    def position(self, day: dt.date) -> float:
        """Where ``day`` falls along the window, 0.0 to 1.0 (clamped)."""
        span = (self.end - self.start).days
        return min(1.0, max(0.0, (day - self.start).days / span))

    @property
    def today_position(self) -> float:
        return self.position(self.today)

    def describe(self) -> str:
        """The whole timeline in words (a screen reader's version of the picture)."""
        lang = self.lang
        if not self.marks:
            return say(lang, "No follow-ups to show from the last two months to a year ahead.")
        items = say(lang, "; ").join(
            say(lang, "{title}, {words}", title=m.title, words=f"{m.words[0].lower()}{m.words[1:]}")
            for m in self.marks
        )
        more = say(lang, " And {n} more in the list.", n=self.left_off) if self.left_off else ""
        return say(
            lang,
            "My follow-ups, from {start} to {end}: {items}.{more}",
            start=month_year(self.start, lang),
            end=month_year(self.end, lang),
            items=items,
            more=more,
        )


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def build_timeline(
    followups: Iterable[FollowUp],
    today: dt.date,
    *,
    max_rows: int = MAX_ROWS,
    include_done: bool = True,
    lang: str = ENGLISH,
) -> Timeline:
    """Lay out ``followups`` (read on ``today``) from two months back to a year ahead.

    Every open follow-up is on it (one due long ago or far ahead sits at the edge, marked
    "earlier" or "later"); done ones are on it while they were done inside the window. When
    there are more than ``max_rows``, the soonest open ones win, then the latest done ones.
    ``include_done=False`` leaves done ones off (the printed visit sheet shows open ones only).
    Its words are in ``lang``.
    """
    start = _add_months(today, -MONTHS_BEFORE)
    end = _add_months(today, MONTHS_AFTER + 1)
    months = tuple(_add_months(start, i) for i in range(MONTHS_BEFORE + MONTHS_AFTER + 1))
    followups = list(followups)
    open_items = sorted(
        (f for f in followups if f.state is not FollowUpState.DONE), key=lambda f: (f.due, f.id)
    )
    done_items = sorted(
        (
            f
            for f in followups
            if include_done and f.state is FollowUpState.DONE and (f.done_on or f.due) >= start
        ),
        key=lambda f: (f.done_on or f.due, f.id),
        reverse=True,
    )
    chosen = (open_items + done_items)[:max_rows]
    left_off = len(open_items) + len(done_items) - len(chosen)
    shell = Timeline(start, end, today, months, (), left_off)
    marks = []
    for item in chosen:
        day = item.done_on if item.state is FollowUpState.DONE and item.done_on else item.due
        outside = "earlier" if day < start else "later" if day >= end else ""
        marks.append(TimelineMark(item.id, item.title, day, item.state, shell.position(day), outside, lang))
    marks.sort(key=lambda m: (m.day, m.followup_id))
    return Timeline(start, end, today, months, tuple(marks), left_off, lang)


# The picture ------------------------------------------------------------------------------------

_ROW = 34
_TOP = 70
_LABEL_W = 190
_FONT = "DejaVu Sans,Arial,sans-serif"


def _fit(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _symbol(state: FollowUpState, x: float, y: float, colour: str, surface: str) -> str:
    """The state's shape at (x, y): a triangle, diamond, ring or ticked disc."""
    if state is FollowUpState.OVERDUE:
        return (
            f'<path d="M{x:.1f},{y - 10:.1f} L{x + 10:.1f},{y + 8:.1f} L{x - 10:.1f},{y + 8:.1f} Z" '
            f'fill="{colour}"/><text x="{x:.1f}" y="{y + 6:.1f}" text-anchor="middle" '
            f'font-family="{_FONT}" font-size="12" font-weight="bold" fill="{surface}">!</text>'
        )
    if state is FollowUpState.DUE_SOON:
        return (
            f'<path d="M{x:.1f},{y - 10:.1f} L{x + 10:.1f},{y:.1f} L{x:.1f},{y + 10:.1f} '
            f'L{x - 10:.1f},{y:.1f} Z" fill="{colour}"/>'
        )
    if state is FollowUpState.DONE:
        return (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{colour}"/>'
            f'<path d="M{x - 5:.1f},{y:.1f} L{x - 1:.1f},{y + 4:.1f} L{x + 5:.1f},{y - 4:.1f}" '
            f'fill="none" stroke="{surface}" stroke-width="2.5"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{surface}" stroke="{colour}" stroke-width="3"/>'


def _state_colour(p: Palette, state: FollowUpState) -> str:
    return {
        FollowUpState.OVERDUE: p.overdue,
        FollowUpState.DUE_SOON: p.due_soon,
        FollowUpState.UPCOMING: p.upcoming,
        FollowUpState.DONE: p.done,
    }[state]


def timeline_svg(timeline: Timeline, p: Palette, *, width: int = 640) -> str:
    """The timeline as an SVG in theme ``p``: a row per follow-up with its title at the left,
    its state's shape at its date with the state and date in words, month marks, a "Today" line
    and a key. Text is real text (15 px); the picture scales with the window's zoom."""
    left, right = _LABEL_W, width - 16
    span = right - left
    rows = max(1, len(timeline.marks))
    height = _TOP + rows * _ROW + 70
    x_today = left + span * timeline.today_position
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(say(timeline.lang, 'My follow-ups on a timeline'))}</title>",
        f"<desc>{escape(timeline.describe())}</desc>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="{p.surface}"/>',
        f'<g font-family="{_FONT}" font-size="15" fill="{p.ink}">',
    ]
    # Months: a tick and a short name; January and the first month carry the year.
    for i, month in enumerate(timeline.months):
        x = left + span * timeline.position(month)
        out.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 8}" x2="{x:.1f}" y2="{height - 62}" stroke="{p.border}"/>'
        )
        if i % 2 == 0 or len(timeline.months) <= 8:
            out.append(
                f'<text x="{x + 3:.1f}" y="{_TOP - 24}" font-size="13" fill="{p.muted}">'
                f"{month_word(month, timeline.lang)}</text>"
            )
        if month.month == 1 or i == 0:
            out.append(
                f'<text x="{x + 3:.1f}" y="{_TOP - 10}" font-size="13" fill="{p.muted}">{month:%Y}</text>'
            )
    # Today: a solid line and its word above the months.
    out.append(
        f'<line x1="{x_today:.1f}" y1="{_TOP - 44}" x2="{x_today:.1f}" y2="{height - 62}" '
        f'stroke="{p.ink}" stroke-width="3"/>'
        f'<text x="{x_today:.1f}" y="{_TOP - 48}" text-anchor="middle" font-weight="bold">'
        f"{escape(say(timeline.lang, 'Today'))}</text>"
    )
    if not timeline.marks:
        none = escape(say(timeline.lang, "No follow-ups to show."))
        out.append(f'<text x="{left + 8}" y="{_TOP + 22}" fill="{p.muted}">{none}</text>')
    for row, mark in enumerate(timeline.marks):
        y = _TOP + row * _ROW + _ROW / 2
        x = left + span * mark.position
        colour = _state_colour(p, mark.state)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{p.border}" '
            'stroke-dasharray="2,4"/>'
        )
        out.append(f'<text x="8" y="{y + 5:.1f}">{escape(_fit(mark.title, 20))}</text>')
        out.append(_symbol(mark.state, x, y, colour, p.surface))
        words = mark.words + mark.outside_words
        # The words go on the side with more room, on a patch of page so no line crosses them.
        room = _text_px(words) + 6
        if x + 12 + room > width and x - 12 - room < left:  # no room either side: the date alone
            words = re.split(r": |：", words, maxsplit=1)[-1]  # (the shape and the key say the state)
            room = _text_px(words) + 6
        # Right of the mark when the words fit before the edge, else left of it if they fit there.
        on_right = x + 12 + room <= width or (mark.position < 0.55 and x - 12 - room < left)
        patch_x = x + 12 if on_right else x - 12 - room
        out.append(
            f'<rect x="{patch_x:.1f}" y="{y - 10:.1f}" width="{room:.1f}" height="20" fill="{p.surface}"/>'
        )
        if on_right:
            out.append(f'<text x="{x + 15:.1f}" y="{y + 5:.1f}" font-size="13">{escape(words)}</text>')
        else:
            out.append(
                f'<text x="{x - 14:.1f}" y="{y + 5:.1f}" font-size="13" text-anchor="end">'
                f"{escape(words)}</text>"
            )
    # Key: each state's shape and word.
    key_y = height - 40
    x = 8.0
    for state in (FollowUpState.DONE, FollowUpState.OVERDUE, FollowUpState.DUE_SOON, FollowUpState.UPCOMING):
        out.append(_symbol(state, x + 10, key_y, _state_colour(p, state), p.surface))
        word = state_word(state, timeline.lang)
        out.append(f'<text x="{x + 26:.1f}" y="{key_y + 5}" font-size="14">{escape(word)}</text>')
        x += 40 + _text_px(word, 9)
    if timeline.left_off:
        more = say_count(
            timeline.lang,
            timeline.left_off,
            "{n} more follow-up in the list.",
            "{n} more follow-ups in the list.",
        )
        out.append(f'<text x="8" y="{height - 12}" font-size="14" fill="{p.muted}">{escape(more)}</text>')
    out.append("</g></svg>")
    return "".join(out)


def _text_px(text: str, latin: float = 7.6) -> float:
    """About how wide ``text`` is at 13 px: a Chinese character is as wide as it is tall."""
    return sum(14.0 if unicodedata.east_asian_width(c) in "WF" else latin for c in text)


# The printed grid -------------------------------------------------------------------------------


def timeline_table_html(timeline: Timeline) -> str:
    """The timeline as a month grid for paper: a row per follow-up, its state's symbol in its
    month, this month headed "now" (shaded by the sheet's ``.now`` rule), and the state and
    date in words (greys only), in the timeline's language."""
    lang = timeline.lang
    this_month = timeline.today.replace(day=1)
    # Qt sizes table columns by attribute, not CSS: the months share three quarters.
    share = f"{75 / len(timeline.months):.1f}%"
    head = [f"<th width='25%'>{say(lang, 'Follow-up')}</th>"]
    for i, month in enumerate(timeline.months):
        year = str(month.year) if lang == CHINESE else f"{month:%y}"
        label = month_word(month, lang) + (f"<br>{year}" if month.month == 1 or i == 0 else "")
        if month == this_month:
            head.append(f"<th class='now' width='{share}'>{label}<br>{say(lang, 'now')}</th>")
        else:
            head.append(f"<th width='{share}'>{label}</th>")
    rows = []
    for mark in timeline.marks:
        cells = [f"<td>{escape(mark.title)}<br><span class='meta'>{escape(mark.words)}</span></td>"]
        month_of_mark = (
            timeline.months[0]
            if mark.outside == "earlier"
            else timeline.months[-1]
            if mark.outside == "later"
            else mark.day.replace(day=1)
        )
        for month in timeline.months:
            now = " class='now'" if month == this_month else ""
            symbol = (
                f"<span class='mark'>{STATE_SYMBOLS[mark.state]}</span>" if month == month_of_mark else ""
            )
            cells.append(f"<td{now} align='center'>{symbol}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:
        return f"<p class='empty'>{say(lang, 'No follow-ups to show on the timeline.')}</p>"
    key = " · ".join(f"{STATE_SYMBOLS[s]} {state_word(s, lang)}" for s in STATE_SYMBOLS)
    more = say(lang, " {n} more are in the list below.", n=timeline.left_off) if timeline.left_off else ""
    return (
        "<table class='timeline' width='100%' cellspacing='0' cellpadding='2'>"
        f"<tr>{''.join(head)}</tr>{''.join(rows)}</table>"
        f"<p class='meta'>{say(lang, 'Key: {key}.{more}', key=key, more=more)}</p>"
    )
