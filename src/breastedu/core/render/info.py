"""The app's own pages: the first-run welcome, "Privacy and your data" and "About".

Pure functions from plain values to page HTML, like the rest of ``render``. The words are
short and plain (grade 6-8): what the app is and is not, that nothing leaves the computer,
where her notes live, and how to take them with her or erase them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from breastedu import __version__
from breastedu.core.clinic import Clinic
from breastedu.core.content.dto import LibraryStats
from breastedu.core.render.html import WHO_WRITES, WHO_WRITES_TITLE, _box, _page, e, link, long_date

WELCOME = "welcome"
PRIVACY = "privacy"
ABOUT = "about"

#: Where a reader reports an error when no clinic is configured. Empty until the project
#: publishes an address: no address is made up.
PROJECT_CONTACT = ""

#: The authorship line on a printed topic sheet (the long form is the "Who writes this" page).
EDITORS_LINE = (
    "Written by the BreastEdu editors from the guidelines named on this sheet. "
    "No doctor or nurse has reviewed it yet."
)


def report_error_text(clinic: Clinic | None) -> str:
    """How a reader reports an error: the clinic's contact, else the project's."""
    if clinic is not None:
        how = ", ".join(part for part in (clinic.phone, clinic.website) if part)
        return f"Found a mistake? Tell {clinic.name}" + (f" ({how})." if how else ".")
    if PROJECT_CONTACT:
        return f"Found a mistake? Tell the BreastEdu project: {PROJECT_CONTACT}."
    return "Found a mistake? Tell the clinic or the person who gave you BreastEdu."


CODE_LICENCE = "GNU General Public License, version 3 or later (GPL-3.0-or-later)"
CONTENT_LICENCE = "Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)"

# What the app is built on, with each project's licence (shown on the About page).
THIRD_PARTY = (
    ("Qt and Qt for Python (PySide6-Essentials)", "LGPL-3.0"),
    ("Python", "PSF License"),
    ("SQLite", "public domain"),
    ("SQLAlchemy", "MIT"),
    ("Tantivy and tantivy-py", "MIT"),
    ("Python-Markdown", "BSD-3-Clause"),
    ("nh3 (ammonia)", "MIT"),
    ("platformdirs", "MIT"),
    ("icalendar", "BSD-2-Clause"),
)

_MENU = "<b>My data</b>"


def _where(user_dir: Path | None) -> str:
    if user_dir is None:
        return (
            "<p>This screen is in <b>kiosk mode</b>: it keeps no notes and saves nothing. "
            "When you leave, everything you opened is cleared.</p>"
        )
    return (
        "<p>Your notes, follow-up dates and window settings are kept in one folder on this "
        f"computer:</p><p><code>{e(str(user_dir))}</code></p>"
        "<p>It holds <code>user.sqlite</code> (your notes and dates), the folder "
        "<code>backups</code> (copies from the last five starts) and <code>settings.ini</code> "
        "(window size and text size).</p>"
    )


def _your_data(user_dir: Path | None) -> str:
    if user_dir is None:
        return ""
    return (
        "<h2>Take your notes with you, or erase them</h2><ul>"
        f"<li>To keep a copy: {_MENU} → <b>Export all my data…</b> saves one file you can "
        "open again on another computer.</li>"
        f"<li>For your calendar: {_MENU} → <b>Export follow-ups to a calendar (.ics)…</b></li>"
        f"<li>To delete everything: {_MENU} → <b>Delete all my data…</b> It cannot be undone.</li>"
        "</ul>"
    )


def welcome_html(user_dir: Path | None) -> str:
    """The page shown once, on the very first start (never in kiosk mode)."""
    body = [
        "<h1>Welcome to BreastEdu</h1>",
        _box(
            "<p><b>BreastEdu helps you learn about breast and thyroid health.</b> It has a plain "
            "guide for each topic and answers to common questions, both written by the BreastEdu "
            "editors from named guidelines, a list of medical words, and some real questions with "
            "a doctor's reply to that patient. You can keep your own notes and follow-up dates.</p>"
            f"<p>{link(WHO_WRITES, WHO_WRITES_TITLE)}</p>",
            "reply",
            edge=True,
        ),
        "<h2>What it is not</h2>"
        "<p>It is not medical advice for you. It cannot tell you what your own test result "
        "means: your doctor, who knows your history, can. If something new worries you, call "
        "your doctor. In an emergency, call your local emergency number.</p>",
        "<h2>Nothing leaves this computer</h2>"
        "<p>BreastEdu works without the internet. There is no account, and it sends nothing "
        "anywhere. A web link opens only after you say yes.</p>",
        "<h2>Where your notes live</h2>",
        _where(user_dir),
        _your_data(user_dir),
        "<p>This page shows only once. You can open it again from <b>Help → Welcome</b>, and "
        "read about your data in <b>Help → Privacy and your data</b>.</p>",
        f"<p><b>{link('home', 'Start reading →')}</b></p>",
    ]
    return _page("".join(body), "Welcome to BreastEdu")


def privacy_html(user_dir: Path | None) -> str:
    """Help → Privacy and your data."""
    body = [
        "<h1>Privacy and your data</h1>",
        "<p>BreastEdu never connects to the internet, has no account and sends nothing "
        "anywhere: no statistics, no crash reports. What you read is not recorded.</p>",
        "<h2>Where your data lives</h2>",
        _where(user_dir),
        _your_data(user_dir),
        "<h2>What the library itself is</h2>"
        "<p>The questions, guides and word list come in one read-only file that ships with the "
        "app. BreastEdu never writes to it.</p>",
    ]
    return _page("".join(body), "Privacy and your data", disclaimer=False)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def about_html(stats: LibraryStats) -> str:
    """Help → About: the app's version, the library's version and date, the licences."""
    checked = f", guides last checked {long_date(stats.last_checked)}" if stats.last_checked else ""
    rows = "".join(f"<li>{e(name)}: {e(licence)}</li>" for name, licence in THIRD_PARTY)
    body = [
        "<h1>About BreastEdu</h1>",
        f"<p><b>BreastEdu {e(__version__)}</b>: an offline library of breast and thyroid "
        "questions. The guides and the answers to common questions are written by the BreastEdu "
        "editors from named guidelines; no doctor or nurse has reviewed them yet. Some real "
        "questions come with a doctor's reply to that patient. It also has a word list and a "
        f"private notebook. {link(WHO_WRITES, WHO_WRITES_TITLE)}.</p>",
        f"<p>Library: content version <code>{e(stats.content_version or 'unknown')}</code>{checked}; "
        f"{_count(stats.topics, 'topic')}, {e(stats.counts_text)}, "
        f"{_count(stats.guides, 'guide')}, "
        f"{_count(stats.glossary_terms, 'glossary word')}.</p>",
        "<h2>Licences</h2><ul>"
        f"<li>The program: {CODE_LICENCE}.</li>"
        f"<li>Our guides, answers, glossary and pictures: {CONTENT_LICENCE}.</li>"
        "<li>The real questions and doctors' replies keep their source's rights; each page "
        "names its source.</li></ul>",
        f"<h2>Built with</h2><ul>{rows}</ul>",
        f"<p>{link(PRIVACY, 'Privacy and your data')}</p>",
    ]
    return _page("".join(body), "About BreastEdu", disclaimer=False)


def who_writes_html(guides: Sequence[tuple[str, dt.date | None]], clinic: Clinic | None) -> str:
    """Help → Who writes this: who writes the guides and answers, from what, that no
    clinician has reviewed them, when each guide was checked, how to report an error.
    ``guides`` is each guide's title and the date it was last checked."""
    rows = "".join(
        f"<li>{e(title)}: checked {e(long_date(checked))}</li>" for title, checked in guides if checked
    )
    body = [
        f"<h1>{e(WHO_WRITES_TITLE)}</h1>",
        "<p>The <b>BreastEdu editors</b> write the guides, the answers to common questions, the "
        "warning signs and the word list. They write each one from the guidelines named under "
        "it, such as those of the American Thyroid Association or the American College of "
        "Radiology.</p>",
        _box(
            "<p><b>No doctor or nurse has reviewed them yet.</b> When a clinician has checked "
            "them, this page will give that person's name, role and the date.</p>",
            "note",
        ),
        "<p>Some questions in the library are different: a real patient asked them, and a "
        "doctor replied to that patient. Those pages say where they come from, and show the "
        "reply as it was published.</p>",
        "<h2>When they were last checked</h2>"
        "<p>The editors check each guide and answer against its guidelines at least once a "
        "year. Every answer says at its end when it was checked.</p>",
    ]
    if rows:
        body.append(f"<ul>{rows}</ul>")
    body.append(f"<h2>Found a mistake?</h2><p>{e(report_error_text(clinic))}</p>")
    return _page("".join(body), WHO_WRITES_TITLE)
