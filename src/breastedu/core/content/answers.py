"""Answered questions: common patient questions answered by the BreastEdu editors.

One file per question at ``data/questions/<topic-slug>/<slug>.md``::

    +++
    question = "Can a fibroadenoma turn into cancer?"
    topic = "fibroadenoma"
    related_topics = ["breast-screening"]          # optional
    short_answer = "One or two plain sentences."
    sources = ["ACR Appropriateness Criteria: Palpable Breast Masses, 2022 update"]
    checked = 2026-11-30
    next_review = 2027-11-30
    related = ["fibroadenoma-grow-bigger"]          # 1 to 3 other answered questions
    +++
    The longer answer in Markdown, with "## What you can do" and
    "## When to call your doctor" where they apply.

Every source must be one of the topic guide's sources, or the start of one (up to a comma,
colon, semicolon or bracket), so an answer never cites what its guide does not. A file that
breaks a rule is an ``InputError`` naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from breastedu.core.content.frontmatter import FrontMatterFile, read_front_matter_file
from breastedu.core.errors import InputError

MAX_RELATED = 3
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_SOURCE_BREAK = (",", ":", ";", " (")


@dataclass(frozen=True)
class Answer:
    """One answered question, validated (its reading grade is scored with its topic's other
    answers: ``checks.reading_grades``)."""

    slug: str
    question: str
    topic: str
    related_topics: tuple[str, ...]
    short_answer: str
    sources: tuple[str, ...]
    checked: dt.date
    next_review: dt.date
    related: tuple[str, ...]
    body_md: str
    path: Path
    related_line: int  # where ``related`` is set, for errors found across files

    @property
    def prose_md(self) -> str:
        """The short answer and the body, as the reader reads them (for the reading gate)."""
        return f"{self.short_answer}\n\n{self.body_md}"


def source_in(source: str, allowed: Sequence[str]) -> bool:
    """True when ``source`` is one of ``allowed`` or the start of one, cut at a break."""
    return any(
        source == full or (full.startswith(source) and full[len(source) :].startswith(_SOURCE_BREAK))
        for full in allowed
    )


def load_answer(path: Path, guide_sources: Mapping[str, Sequence[str]]) -> Answer:
    """Read and validate one answer file. ``guide_sources`` maps every known topic slug to
    its guide's sources (empty when the topic has no guide)."""
    doc = read_front_matter_file(path, "answered question")
    slug = path.stem
    if not _SLUG.match(slug):
        raise InputError(
            f"the file name {slug!r} must be a slug: lower-case words joined by '-'", where=f"{path}:1"
        )
    topic = doc.text("topic")
    if topic not in guide_sources:
        raise InputError(f"unknown topic {topic!r} (see data/topics.toml)", where=doc.where("topic"))
    if path.parent.name != topic:
        raise InputError(
            f"topic {topic!r} must equal the folder name {path.parent.name!r}", where=doc.where("topic")
        )
    related_topics = doc.strings("related_topics", required=False)
    for other in related_topics:
        if other not in guide_sources:
            raise InputError(f"unknown related topic {other!r}", where=doc.where("related_topics"))
    short = doc.text("short_answer")
    if len(_SENTENCE_END.findall(short)) > 2:
        raise InputError("'short_answer' must be one or two sentences", where=doc.where("short_answer"))
    sources = doc.strings("sources", required=True)
    allowed = guide_sources[topic]
    for source in sources:
        if not source_in(source, allowed):
            raise InputError(
                f"source {source!r} is not in the {topic} guide's sources", where=doc.where("sources")
            )
    checked = doc.date("checked")
    next_review = doc.date("next_review")
    if next_review <= checked:
        raise InputError("'next_review' must come after 'checked'", where=doc.where("next_review"))
    related = _related(doc, slug)
    if not doc.body_md.strip():
        raise InputError("the answer needs a body under the front matter", where=f"{path}:{doc.body_start}")
    if "## Sources" in doc.body_md:
        raise InputError(
            "leave '## Sources' out of the body: sources and dates come from the front matter",
            where=f"{path}:{doc.body_start}",
        )
    return Answer(
        slug=slug,
        question=doc.text("question"),
        topic=topic,
        related_topics=related_topics,
        short_answer=short,
        sources=sources,
        checked=checked,
        next_review=next_review,
        related=related,
        body_md=doc.body_md,
        path=path,
        related_line=doc.line_of("related"),
    )


def _related(doc: FrontMatterFile, slug: str) -> tuple[str, ...]:
    related = doc.strings("related", required=True)
    if len(related) > MAX_RELATED or slug in related or len(set(related)) != len(related):
        raise InputError(
            f"'related' must name 1 to {MAX_RELATED} other answered questions, each once",
            where=doc.where("related"),
        )
    return related


def load_answers(folder: Path, guide_sources: Mapping[str, Sequence[str]]) -> list[Answer]:
    """Every ``<topic>/*.md`` under ``folder``, sorted by topic then slug; slugs unique and
    every ``related`` slug an answer that exists."""
    answers = sorted(
        (load_answer(p, guide_sources) for p in folder.glob("*/*.md")), key=lambda a: (a.topic, a.slug)
    )
    seen: dict[str, Answer] = {}
    for answer in answers:
        if answer.slug in seen:
            raise InputError(
                f"the slug {answer.slug!r} is used twice (also {seen[answer.slug].path})",
                where=f"{answer.path}:1",
            )
        seen[answer.slug] = answer
    for answer in answers:
        for other in answer.related:
            if other not in seen:
                raise InputError(
                    f"related question {other!r} is not an answered question",
                    where=f"{answer.path}:{answer.related_line}",
                )
    return answers
