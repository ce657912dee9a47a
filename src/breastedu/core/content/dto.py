"""Frozen dataclasses that core services hand out. ORM objects never leave core."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TopicRef:
    """A topic as listed in the tree or on a card."""

    slug: str
    title: str
    group_slug: str
    group_title: str
    summary: str
    question_count: int


@dataclass(frozen=True)
class TopicGroupRef:
    """A branch of the tree (Breast, Thyroid) with its topics in order."""

    slug: str
    title: str
    topics: tuple[TopicRef, ...]


@dataclass(frozen=True)
class QuestionRef:
    """A question as listed on a topic page or in Similar Q&A."""

    slug: str
    title: str
    topic_slug: str
    ask_date: dt.date


@dataclass(frozen=True)
class ReplyView:
    """A doctor's reply, with the signature fields a reader sees."""

    doctor: str
    department: str
    title_line: str
    body_md: str
    reply_date: dt.date


@dataclass(frozen=True)
class SimilarView:
    """A Similar Q&A excerpt; ``local_slug`` is set when the full page is in the library."""

    title: str
    question_excerpt: str
    doctor: str
    department: str
    reply_excerpt: str
    local_slug: str | None


@dataclass(frozen=True)
class RelatedView:
    """A Related FAQ entry; ``topic_slug`` is set when it names a topic of the tree."""

    name: str
    department: str
    topic_slug: str | None


@dataclass(frozen=True)
class ArticleView:
    """Long-form Markdown (a More Info article or a topic guide)."""

    slug: str
    kind: str
    title: str
    body_md: str
    sources: tuple[str, ...]
    last_checked: dt.date | None
    reading_grade: float | None = None
    reading_grade_2: float | None = None


@dataclass(frozen=True)
class QuestionPage:
    """Everything a reader sees on a question page."""

    slug: str
    title: str
    topic: TopicRef
    body_md: str
    asker_alias: str
    age_band: str
    sex: str
    ask_date: dt.date
    source: str
    replies: tuple[ReplyView, ...]
    more_info: ArticleView | None
    similar: tuple[SimilarView, ...]
    related: tuple[RelatedView, ...]


@dataclass(frozen=True)
class TopicPage:
    """A topic: its guide (if written) and its newest questions (``topic.question_count`` in
    all; the rest come page by page from ``ContentService.topic_questions``)."""

    topic: TopicRef
    guide: ArticleView | None
    questions: tuple[QuestionRef, ...]


@dataclass(frozen=True)
class GlossaryEntry:
    """A glossary term with its plain definition."""

    slug: str
    term: str
    aliases: tuple[str, ...]
    definition: str


@dataclass(frozen=True)
class SlugRef:
    """What a slug names: ``kind`` is ``"topic"`` or ``"question"``."""

    kind: str
    slug: str
    title: str
    topic_slug: str


@dataclass(frozen=True)
class LibraryStats:
    """Counts shown on the home page."""

    topics: int
    questions: int
    guides: int
    glossary_terms: int
    content_version: str = ""
    extra: dict[str, str] = field(default_factory=dict)
