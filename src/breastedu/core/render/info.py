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
from breastedu.core.catalogue import say, say_count
from breastedu.core.clinic import Clinic
from breastedu.core.content.dto import LibraryStats, counts_text
from breastedu.core.languages import ENGLISH
from breastedu.core.render.html import WHO_WRITES_TITLE, _box, _page, e, link, long_date, who_writes_link

WELCOME = "welcome"
PRIVACY = "privacy"
ABOUT = "about"

#: Where a reader reports an error when no clinic is configured. Empty until the project
#: publishes an address: no address is made up.
PROJECT_CONTACT = ""


def report_error_text(clinic: Clinic | None, lang: str = ENGLISH) -> str:
    """How a reader reports an error: the clinic's contact, else the project's."""
    if clinic is not None:
        how = ", ".join(part for part in (clinic.phone, clinic.website) if part)
        if how:
            return say(lang, "Found a mistake? Tell {clinic} ({how}).", clinic=clinic.name, how=how)
        return say(lang, "Found a mistake? Tell {clinic}.", clinic=clinic.name)
    if PROJECT_CONTACT:
        return say(lang, "Found a mistake? Tell the BreastEdu project: {contact}.", contact=PROJECT_CONTACT)
    return say(lang, "Found a mistake? Tell the clinic or the person who gave you BreastEdu.")


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


def _where(user_dir: Path | None, lang: str) -> str:
    if user_dir is None:
        return say(
            lang,
            "<p>This screen is in <b>kiosk mode</b>: it keeps no notes and saves nothing. "
            "When you leave, everything you opened is cleared.</p>",
        )
    return say(
        lang,
        "<p>Your notes, follow-up dates and window settings are kept in one folder on this "
        "computer:</p><p><code>{folder}</code></p>"
        "<p>It holds <code>user.sqlite</code> (your notes and dates), the folder "
        "<code>backups</code> (copies from the last five starts) and <code>settings.ini</code> "
        "(window size and text size).</p>",
        folder=e(str(user_dir)),
    )


def _your_data(user_dir: Path | None, lang: str) -> str:
    if user_dir is None:
        return ""
    return say(
        lang,
        "<h2>Take your notes with you, or erase them</h2><ul>"
        "<li>To keep a copy: <b>My data</b> → <b>Export all my data…</b> saves one file you can "
        "open again on another computer.</li>"
        "<li>For your calendar: <b>My data</b> → <b>Export follow-ups to a calendar (.ics)…</b></li>"
        "<li>To delete everything: <b>My data</b> → <b>Delete all my data…</b> It cannot be undone.</li>"
        "</ul>",
    )


def welcome_html(user_dir: Path | None, lang: str = ENGLISH) -> str:
    """The page shown once, on the very first start (never in kiosk mode)."""
    title = say(lang, "Welcome to BreastEdu")
    body = [
        f"<h1>{e(title)}</h1>",
        _box(
            say(
                lang,
                "<p><b>BreastEdu helps you learn about breast and thyroid health.</b> It has a plain "
                "guide for each topic and answers to common questions, both written by the BreastEdu "
                "editors from named guidelines, a list of medical words, and some real questions with "
                "a doctor's reply to that patient. You can keep your own notes and follow-up dates.</p>",
            )
            + f"<p>{who_writes_link(lang)}</p>",
            "reply",
            edge=True,
        ),
        say(
            lang,
            "<h2>What it is not</h2>"
            "<p>It is not medical advice for you. It cannot tell you what your own test result "
            "means: your doctor, who knows your history, can. If something new worries you, call "
            "your doctor. In an emergency, call your local emergency number.</p>",
        ),
        say(
            lang,
            "<h2>Nothing leaves this computer</h2>"
            "<p>BreastEdu works without the internet. There is no account, and it sends nothing "
            "anywhere. A web link opens only after you say yes.</p>",
        ),
        f"<h2>{e(say(lang, 'Where your notes live'))}</h2>",
        _where(user_dir, lang),
        _your_data(user_dir, lang),
        say(
            lang,
            "<p>This page shows only once. You can open it again from <b>Help → Welcome</b>, and "
            "read about your data in <b>Help → Privacy and your data</b>.</p>",
        ),
        f"<p><b>{link('home', say(lang, 'Start reading →'))}</b></p>",
    ]
    return _page("".join(body), title, lang=lang)


def privacy_html(user_dir: Path | None, lang: str = ENGLISH) -> str:
    """Help → Privacy and your data."""
    title = say(lang, "Privacy and your data")
    body = [
        f"<h1>{e(title)}</h1>",
        say(
            lang,
            "<p>BreastEdu never connects to the internet, has no account and sends nothing "
            "anywhere: no statistics, no crash reports. What you read is not recorded.</p>",
        ),
        f"<h2>{e(say(lang, 'Where your data lives'))}</h2>",
        _where(user_dir, lang),
        _your_data(user_dir, lang),
        say(
            lang,
            "<h2>What the library itself is</h2>"
            "<p>The questions, guides and word list come in one read-only file that ships with the "
            "app. BreastEdu never writes to it.</p>",
        ),
    ]
    return _page("".join(body), title, disclaimer=False, lang=lang)


def about_html(stats: LibraryStats, lang: str = ENGLISH) -> str:
    """Help → About: the app's version, the library's version and date, the licences."""
    checked = (
        say(lang, ", guides last checked {date}", date=long_date(stats.last_checked, lang))
        if stats.last_checked
        else ""
    )
    rows = "".join(f"<li>{e(name)}: {e(licence)}</li>" for name, licence in THIRD_PARTY)
    counts = say(lang, ", ").join(
        (
            say_count(lang, stats.topics, "{n} topic", "{n} topics"),
            counts_text(stats.questions, stats.answers, lang),
            say_count(lang, stats.guides, "{n} guide", "{n} guides"),
            say_count(lang, stats.glossary_terms, "{n} glossary word", "{n} glossary words"),
        )
    )
    title = say(lang, "About BreastEdu")
    body = [
        f"<h1>{e(title)}</h1>",
        say(
            lang,
            "<p><b>BreastEdu {version}</b>: an offline library of breast and thyroid "
            "questions. The guides and the answers to common questions are written by the BreastEdu "
            "editors from named guidelines; no doctor or nurse has reviewed them yet. Some real "
            "questions come with a doctor's reply to that patient. It also has a word list and a "
            "private notebook. {who}.</p>",
            version=e(__version__),
            who=who_writes_link(lang),
        ),
        say(
            lang,
            "<p>Library: content version <code>{version}</code>{checked}; {counts}.</p>",
            version=e(stats.content_version or say(lang, "unknown")),
            checked=e(checked),
            counts=e(counts),
        ),
        say(
            lang,
            "<h2>Licences</h2><ul>"
            "<li>The program: {code}.</li>"
            "<li>Our guides, answers, glossary and pictures: {content}.</li>"
            "<li>The real questions and doctors' replies keep their source's rights; each page "
            "names its source.</li></ul>",
            code=CODE_LICENCE,
            content=CONTENT_LICENCE,
        ),
        f"<h2>{e(say(lang, 'Built with'))}</h2><ul>{rows}</ul>",
        f"<p>{link(PRIVACY, say(lang, 'Privacy and your data'))}</p>",
    ]
    return _page("".join(body), title, disclaimer=False, lang=lang)


def who_writes_html(
    guides: Sequence[tuple[str, dt.date | None]], clinic: Clinic | None, lang: str = ENGLISH
) -> str:
    """Help → Who writes this: who writes the guides and answers, from what, that no
    clinician has reviewed them, when each guide was checked, how to report an error.
    ``guides`` is each guide's title and the date it was last checked."""
    rows = "".join(
        f"<li>{e(say(lang, '{title}: checked {date}', title=title, date=long_date(checked, lang)))}</li>"
        for title, checked in guides
        if checked
    )
    title = say(lang, WHO_WRITES_TITLE)
    body = [
        f"<h1>{e(title)}</h1>",
        say(
            lang,
            "<p>The <b>BreastEdu editors</b> write the guides, the answers to common questions, the "
            "warning signs and the word list. They write each one from the guidelines named under "
            "it, such as those of the American Thyroid Association or the American College of "
            "Radiology.</p>",
        ),
        _box(
            say(
                lang,
                "<p><b>No doctor or nurse has reviewed them yet.</b> When a clinician has checked "
                "them, this page will give that person's name, role and the date.</p>",
            ),
            "note",
        ),
        say(
            lang,
            "<p>Some questions in the library are different: a real patient asked them, and a "
            "doctor replied to that patient. Those pages say where they come from, and show the "
            "reply as it was published.</p>",
        ),
        say(
            lang,
            "<h2>When they were last checked</h2>"
            "<p>The editors check each guide and answer against its guidelines at least once a "
            "year. Every answer says at its end when it was checked.</p>",
        ),
    ]
    if rows:
        body.append(f"<ul>{rows}</ul>")
    body.append(f"<h2>{e(say(lang, 'Found a mistake?'))}</h2><p>{e(report_error_text(clinic, lang))}</p>")
    return _page("".join(body), title, lang=lang)
