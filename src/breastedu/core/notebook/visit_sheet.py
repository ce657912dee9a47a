"""The one-page "my visit sheet": her follow-ups and her questions for the doctor.

A pure function from DTOs to HTML. The HTML keeps to what QTextDocument renders and prints
the same on screen and paper: tables with cellpadding, a small class-based stylesheet, no flex or
grid. Everything she typed is escaped; the sheet is built fresh for each print.

In English or in Traditional Chinese (``lang``): the sheet's own words are said with
:func:`~breastedu.core.catalogue.say` (their Chinese is in ``core.catalogue_zh``, with the
notebook's and the pages' words), dates come from :func:`~breastedu.core.dates.long_date`, the
month grid of :func:`~breastedu.core.notebook.timeline.timeline_table_html` and the follow-up
states and repeats are said in ``lang`` where they are defined. What she typed stays as she
typed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from breastedu.core.catalogue import ENGLISH, say
from breastedu.core.dates import long_date
from breastedu.core.notebook.dto import FollowUp, FollowUpState, Note
from breastedu.core.notebook.timeline import build_timeline, state_word, timeline_table_html
from breastedu.core.palette import LIGHT, PRINT

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


#: The sheet's closing line.
FOOT = "Made with BreastEdu from my own notes. It is not medical advice; my doctor's advice comes first."


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
    title = say(lang, "My visit sheet") if title is None else title
    open_items = sorted(
        (f for f in followups if f.state is not FollowUpState.DONE), key=lambda f: (f.due, f.id)
    )
    to_ask = [q for q in questions if q.for_doctor and not q.asked]
    printed = say(lang, "Printed {date}", date=long_date(today, lang))
    parts = [
        "<html><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p class='meta'>{printed}</p>",
        f"<h2>{say(lang, 'My follow-ups')}</h2>",
    ]
    timeline = build_timeline(open_items, today, lang=lang)  # done ones are not on the sheet
    if timeline.marks:
        parts.append(f"<h2>{say(lang, 'On a timeline')}</h2>")
        parts.append(timeline_table_html(timeline))
        parts.append(f"<h2>{say(lang, 'The list')}</h2>")
    if open_items:
        heads = (
            say(lang, "What"),
            say(lang, "Due"),
            say(lang, "Status"),
            say(lang, "Repeats"),
            say(lang, "Notes"),
        )
        parts.append(
            "<table width='100%' cellspacing='0' cellpadding='4'><tr>"
            + "".join(f"<th>{h}</th>" for h in heads)
            + "</tr>"
        )
        for item in open_items:
            css = "state-" + item.state.name.lower().replace("_", "-")
            notes = _multiline(item.note)
            if item.link is not None:
                about = say(lang, "About: {title}", title=escape(item.link.title))
                notes = f"{notes}<br>{about}" if notes else about
            parts.append(
                f"<tr><td>{escape(item.title)}</td>"
                # Dates, never "in 176 days": paper goes stale (issue 22 C11).
                f"<td>{long_date(item.due, lang)}</td>"
                f"<td class='{css}'>{state_word(item.state, lang)}</td>"
                f"<td>{escape(item.repeat.describe(lang))}</td>"
                f"<td>{notes}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p class='empty'>{say(lang, 'No follow-ups planned.')}</p>")
    parts.append(f"<h2>{say(lang, 'Questions for my doctor')}</h2>")
    if to_ask:
        parts.append("<table width='100%' cellspacing='0' cellpadding='4'>")
        for number, note in enumerate(to_ask, start=1):
            about = (
                f"<br><span class='meta'>{say(lang, 'About: {title}', title=escape(note.link.title))}</span>"
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
        parts.append(f"<p class='empty'>{say(lang, 'No questions on the list.')}</p>")
    foot = say(lang, FOOT)
    parts.append(f"<p class='foot'>{foot}</p></body></html>")
    return "".join(parts)
