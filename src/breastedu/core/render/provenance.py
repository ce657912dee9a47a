"""The words that frame an imported page: where it comes from, how old the reply is, who
wrote its "More Info" article. Plain text, shared by the page HTML and ``breastedu show``,
so the screen, a printout and the terminal say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from breastedu.core.catalogue import say
from breastedu.core.content.dto import QuestionPage
from breastedu.core.content.provenance import time_ago
from breastedu.core.dates import long_date  # one date format (issue 22 C11)
from breastedu.core.languages import ENGLISH


@dataclass(frozen=True)
class ProvenanceText:
    """The provenance block's sentences; ``guide_title``/``guide_slug`` end the currency line."""

    origin: str
    replied: str
    currency: str
    guide_slug: str
    guide_title: str
    address: str
    evidence: str


def provenance_text(page: QuestionPage, today: dt.date, lang: str = ENGLISH) -> ProvenanceText:
    """Where ``page`` comes from and how old its reply is, from its recorded provenance (in
    ``lang``; in Chinese the reply's date says how old it is)."""
    prov = page.provenance
    if prov is None:
        origin = say(
            lang,
            "A real question from a doctor-answers-patient Q&A service. Where this page comes "
            "from was not recorded.",
        )
        address, evidence = "", ""
    else:
        origin = (
            say(
                lang,
                "A real question and reply from {site}, a Q&A site in {country}, run by the {owner}.",
                site=prov.site,
                country=prov.country,
                owner=prov.site_owner,
            )
            if prov.site_owner
            else say(
                lang,
                "A real question and reply from {site}, a Q&A site in {country}.",
                site=prov.site,
                country=prov.country,
            )
        )
        if prov.translated_from:
            source = say(lang, "Chinese") if prov.translated_from == "Chinese" else prov.translated_from
            origin += say(lang, " Translated from {language}.", language=source)
        address = (
            say(lang, "Web address: {url}", url=prov.url)
            if prov.url
            else say(lang, "The web address of the original page was not kept.")
        )
        evidence = prov.evidence
    if page.replies:
        first = page.replies[0]
        replied = say(
            lang,
            "Dr. {name} replied on {date}, {ago}.",
            name=first.doctor,
            date=long_date(first.reply_date, lang),
            ago=time_ago(first.reply_date, today, lang),
        )
        year = first.reply_date.year
    elif page.ask_date is not None:
        replied = say(
            lang,
            "Asked on {date}, {ago}.",
            date=long_date(page.ask_date, lang),
            ago=time_ago(page.ask_date, today, lang),
        )
        year = page.ask_date.year
    else:  # not a page someone asked (an editors' answer has no provenance block)
        replied, year = "", today.year
    currency = (
        say(
            lang,
            "Care in {country} may differ from care where you live, and guidelines may have "
            "changed since {year}. For current advice, see our guide:",
            country=prov.country,
            year=year,
        )
        if prov
        else say(
            lang,
            "Care where it was written may differ from care where you live, and guidelines may "
            "have changed since {year}. For current advice, see our guide:",
            year=year,
        )
    )
    return ProvenanceText(
        origin=origin,
        replied=replied,
        currency=currency,
        guide_slug=page.topic.slug,
        guide_title=page.topic.title,
        address=address,
        evidence=evidence,
    )


def more_info_label(page: QuestionPage, lang: str = ENGLISH) -> str:
    """Who wrote the "More Info" article: a general article, not the replying doctor."""
    doctor = say(lang, "Dr. {name}", name=page.replies[0].doctor) if page.replies else say(lang, "the doctor")
    author = page.provenance.more_info_author if page.provenance else ""
    who = (
        say(lang, "It was written by {author}.", author=author)
        if author
        else say(lang, "Its author and date are unknown.")
    )
    return say(
        lang,
        "A general article that came with this page. It was not written by {doctor}, who "
        "replied above. {who} No one has checked it against current guidelines. It is not a "
        "reply to this patient and does not describe your own case.",
        doctor=doctor,
        who=who,
    )


def source_line(page: QuestionPage, lang: str = ENGLISH) -> str:
    """The page's attribution line: the site and its country, never a file name."""
    if page.provenance is None:
        return say(
            lang,
            "Source: an imported doctor-answers-patient page; its origin was not recorded. "
            "Its rights stay with its source.",
        )
    prov = page.provenance
    return say(
        lang,
        "Source: {site}, {country}. A real question with the doctor's own reply; "
        "its rights stay with its source.",
        site=prov.site,
        country=prov.country,
    )
