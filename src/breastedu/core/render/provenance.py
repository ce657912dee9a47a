"""The words that frame an imported page: where it comes from, how old the reply is, who
wrote its "More Info" article. Plain text, shared by the page HTML and ``breastedu show``,
so the screen, a printout and the terminal say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from breastedu.core.content.dto import QuestionPage
from breastedu.core.content.provenance import time_ago
from breastedu.core.dates import long_date  # one date format (issue 22 C11)


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


def provenance_text(page: QuestionPage, today: dt.date) -> ProvenanceText:
    """Where ``page`` comes from and how old its reply is, from its recorded provenance."""
    prov = page.provenance
    if prov is None:
        origin = (
            "A real question from a doctor-answers-patient Q&A service. Where this page comes "
            "from was not recorded."
        )
        address, evidence = "", ""
    else:
        owner = f", run by the {prov.site_owner}" if prov.site_owner else ""
        origin = f"A real question and reply from {prov.site}, a Q&A site in {prov.country}{owner}."
        if prov.translated_from:
            origin += f" Translated from {prov.translated_from}."
        address = (
            f"Web address: {prov.url}" if prov.url else "The web address of the original page was not kept."
        )
        evidence = prov.evidence
    if page.replies:
        first = page.replies[0]
        replied = (
            f"Dr. {first.doctor} replied on {long_date(first.reply_date)}, "
            f"{time_ago(first.reply_date, today)}."
        )
        year = first.reply_date.year
    elif page.ask_date is not None:
        replied = f"Asked on {long_date(page.ask_date)}, {time_ago(page.ask_date, today)}."
        year = page.ask_date.year
    else:  # not a page someone asked (an editors' answer has no provenance block)
        replied, year = "", today.year
    where = f"Care in {prov.country}" if prov else "Care where it was written"
    currency = (
        f"{where} may differ from care where you live, and guidelines may have changed since "
        f"{year}. For current advice, see our guide:"
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


def more_info_label(page: QuestionPage) -> str:
    """Who wrote the "More Info" article: a general article, not the replying doctor."""
    doctor = f"Dr. {page.replies[0].doctor}" if page.replies else "the doctor"
    author = page.provenance.more_info_author if page.provenance else ""
    who = f"It was written by {author}." if author else "Its author and date are unknown."
    return (
        f"A general article that came with this page. It was not written by {doctor}, who "
        f"replied above. {who} No one has checked it against current guidelines. It is not a "
        "reply to this patient and does not describe your own case."
    )


def source_line(page: QuestionPage) -> str:
    """The page's attribution line: the site and its country, never a file name."""
    if page.provenance is None:
        return (
            "Source: an imported doctor-answers-patient page; its origin was not recorded. "
            "Its rights stay with its source."
        )
    prov = page.provenance
    return (
        f"Source: {prov.site}, {prov.country}. A real question with the doctor's own reply; "
        "its rights stay with its source."
    )
