"""The one-page "my visit sheet": her follow-ups and her questions for the doctor.

A pure function from DTOs to HTML. The HTML keeps to what QTextDocument renders and prints
the same on screen and paper: tables with cellpadding, a small class-based stylesheet, no flex or
grid. Everything she typed is escaped; the sheet is built fresh for each print.

In English or in Traditional Chinese (``lang``): the sheet's own words come from :data:`WORDS`,
dates from :func:`~breastedu.core.dates.long_date`, and the month grid of
:func:`~breastedu.core.notebook.timeline.timeline_table_html` gets its month names, states and
key in that language (:func:`_timeline_html`). What she typed stays as she typed it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from html import escape

from breastedu.core.dates import long_date
from breastedu.core.notebook.dto import FollowUp, FollowUpState, Note, RepeatBasis, RepeatRule
from breastedu.core.notebook.timeline import (
    STATE_SYMBOLS,
    STATE_WORDS,
    Timeline,
    TimelineMark,
    build_timeline,
    timeline_table_html,
)
from breastedu.core.palette import LIGHT, PRINT
from breastedu.core.visit_words import ENGLISH, VISIT_WORDS

_INK = LIGHT  # paper is always printed in the light theme's colours
_STYLE = f"""
body {{ font-family: sans-serif; font-size: 11pt; color: {_INK.ink}; }}
h1 {{ font-size: 18pt; margin-bottom: 2px; }}
h2 {{ font-size: 13pt; margin-top: 14px; margin-bottom: 4px; }}
p.meta {{ color: {_INK.muted}; font-size: 9pt; margin-top: 0; }}
table {{ border-collapse: collapse; }}
th {{ background-color: {_INK.question_bg}; text-align: left; font-weight: bold; }}
td, th {{ border: 1px solid {_INK.border}; padding: 4px; vertical-align: top; }}
td.box {{ width: 18px; text-align: center; }}
td.state-overdue {{ font-weight: bold; color: {_INK.error}; }}
td.state-due-soon {{ font-weight: bold; color: {_INK.due_soon}; }}
p.empty {{ color: {_INK.muted}; font-style: italic; }}
p.foot {{ color: {_INK.muted}; font-size: 8pt; margin-top: 16px; }}
table.timeline td, table.timeline th {{ font-size: 7.5pt; padding: 1px; }}
th.now, td.now {{ background-color: {PRINT.tint}; font-weight: bold; }}
span.mark {{ font-size: 11pt; }}
"""


#: The sheet's own words in each language (English is the source).
WORDS: dict[str, dict[str, str]] = {
    ENGLISH: {
        "title": "My visit sheet",
        "printed": "Printed {date}",
        "followups": "My follow-ups",
        "timeline": "On a timeline",
        "list": "The list",
        "what": "What",
        "due": "Due",
        "status": "Status",
        "repeats": "Repeats",
        "notes": "Notes",
        "about": "About: {title}",
        "no_followups": "No follow-ups planned.",
        "questions": "Questions for my doctor",
        "no_questions": "No questions on the list.",
        "foot": "Made with BreastEdu from my own notes. It is not medical advice; "
        "my doctor's advice comes first.",
    },
    **VISIT_WORDS,
}
#: Each follow-up state in words, per language (English: ``timeline.STATE_WORDS``).
STATES: dict[str, dict[FollowUpState, str]] = {
    ENGLISH: STATE_WORDS,
    **{lang: {s: words[s.name.lower()] for s in FollowUpState} for lang, words in VISIT_WORDS.items()},
}


def _words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS[ENGLISH])


def repeat_words(rule: RepeatRule, lang: str = ENGLISH) -> str:
    """How a follow-up repeats, in ``lang`` (English: ``RepeatRule.describe``)."""
    if lang not in WORDS or lang == ENGLISH:
        return rule.describe()
    w = WORDS[lang]
    if rule.basis is RepeatBasis.NONE or not rule.months:
        return w["no_repeat"]
    every = w["every_month"] if rule.months == 1 else w["every_months"].format(months=rule.months)
    return every + w["from_due" if rule.basis is RepeatBasis.FROM_DUE else "from_done"]


def _mark_words(mark: TimelineMark, lang: str) -> str:
    w, when = WORDS[lang], long_date(mark.day, lang)
    if mark.state is FollowUpState.DONE:
        return w["done_on"].format(date=when)
    return w["due_on"].format(state=STATES[lang][mark.state], date=when)


_MONTH_HEAD = re.compile(r"<th([^>]*)>[^<]+(<br>\d\d)?(<br>now)?</th>")


def _timeline_html(timeline: Timeline, lang: str) -> str:
    """The month grid of ``timeline`` with its words in ``lang``: the grid is drawn by
    ``timeline_table_html`` in English; its header (months, "now"), each row's state and date,
    and its key are put into ``lang`` here (the titles she typed are left alone)."""
    html = timeline_table_html(timeline)
    if lang == ENGLISH or lang not in WORDS:
        return html
    w = WORDS[lang]
    if not timeline.marks:
        return f"<p class='empty'>{w['empty_timeline']}</p>"
    head_end = html.index("</tr>")
    first_end = html.index("</th>") + len("</th>")
    months = iter(timeline.months)

    def month(match: re.Match[str]) -> str:
        day = next(months)
        label = w["month"].format(month=day.month)
        label += f"<br>{day.year}" if match[2] else ""
        label += f"<br>{w['now']}" if match[3] else ""
        return f"<th{match[1]}>{label}</th>"

    first = html[:first_end].replace(">Follow-up</th>", f">{w['followup']}</th>")
    head = _MONTH_HEAD.sub(month, html[first_end:head_end])
    key_at = html.rindex("<p class='meta'>")
    rows = html[head_end:key_at]
    for mark in timeline.marks:
        english = f"<span class='meta'>{escape(mark.words)}</span>"
        rows = rows.replace(english, f"<span class='meta'>{escape(_mark_words(mark, lang))}</span>", 1)
    key = " · ".join(f"{STATE_SYMBOLS[s]} {STATES[lang][s]}" for s in STATE_SYMBOLS)
    more = w["more"].format(count=timeline.left_off) if timeline.left_off else ""
    return f"{first}{head}{rows}<p class='meta'>{w['key']}{key}。{more}</p>"


def _multiline(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def visit_sheet_html(
    followups: Iterable[FollowUp],
    questions: Iterable[Note],
    *,
    today: dt.date,
    title: str | None = None,
    lang: str = ENGLISH,
) -> str:
    """The visit sheet as one HTML document, in ``lang`` (English or Traditional Chinese).

    Shows her open follow-ups on a month grid (two months back to a year ahead), lists them
    (soonest first, with their state on ``today``) and the questions
    for her doctor not yet ticked as asked, each with an empty box to tick on paper.
    """
    w = _words(lang)
    title = w["title"] if title is None else title
    states = STATES.get(lang, STATE_WORDS)
    open_items = sorted(
        (f for f in followups if f.state is not FollowUpState.DONE), key=lambda f: (f.due, f.id)
    )
    to_ask = [q for q in questions if q.for_doctor and not q.asked]
    parts = [
        "<html><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p class='meta'>{w['printed'].format(date=long_date(today, lang))}</p>",
        f"<h2>{w['followups']}</h2>",
    ]
    timeline = build_timeline(open_items, today)  # done ones are not on the sheet
    if timeline.marks:
        parts.append(f"<h2>{w['timeline']}</h2>")
        parts.append(_timeline_html(timeline, lang))
        parts.append(f"<h2>{w['list']}</h2>")
    if open_items:
        heads = "".join(f"<th>{w[k]}</th>" for k in ("what", "due", "status", "repeats", "notes"))
        parts.append(f"<table width='100%' cellspacing='0' cellpadding='4'><tr>{heads}</tr>")
        for item in open_items:
            css = "state-" + item.state.name.lower().replace("_", "-")
            notes = _multiline(item.note)
            if item.link is not None:
                about = w["about"].format(title=escape(item.link.title))
                notes = f"{notes}<br>{about}" if notes else about
            parts.append(
                f"<tr><td>{escape(item.title)}</td>"
                # Dates, never "in 176 days": paper goes stale (issue 22 C11).
                f"<td>{long_date(item.due, lang)}</td>"
                f"<td class='{css}'>{states[item.state]}</td>"
                f"<td>{escape(repeat_words(item.repeat, lang))}</td>"
                f"<td>{notes}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p class='empty'>{w['no_followups']}</p>")
    parts.append(f"<h2>{w['questions']}</h2>")
    if to_ask:
        parts.append("<table width='100%' cellspacing='0' cellpadding='4'>")
        for number, note in enumerate(to_ask, start=1):
            about = (
                f"<br><span class='meta'>{w['about'].format(title=escape(note.link.title))}</span>"
                if note.link is not None
                else ""
            )
            parts.append(
                # Qt's table layout ignores CSS widths on cells: size columns by attribute.
                f"<tr><td class='box' width='24'>&#9744;</td><td width='24'>{number}.</td>"
                f"<td width='100%'>{_multiline(note.text)}{about}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p class='empty'>{w['no_questions']}</p>")
    parts.append(f"<p class='foot'>{w['foot']}</p></body></html>")
    return "".join(parts)
