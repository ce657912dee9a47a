"""Frozen dataclasses that core services hand out. ORM objects never leave core."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from breastedu.core.catalogue import say_count
from breastedu.core.languages import ENGLISH


@dataclass(frozen=True)
class PageLanguage:
    """The language a page is shown in: ``wanted`` was asked for, ``lang`` is what it is in
    (English when it has no translation yet); a translation names the English version it
    ``follows`` and whether that English has changed since (``stale``). See ``content.i18n``."""

    lang: str
    wanted: str
    follows: str = ""
    stale: bool = False


@dataclass(frozen=True)
class TopicRef:
    """A topic as listed in the tree or on a card."""

    slug: str
    title: str
    group_slug: str
    group_title: str
    summary: str
    question_count: int  # questions people asked, with a doctor's reply
    answer_count: int = 0  # questions answered by the BreastEdu editors

    @property
    def counts_text(self) -> str:
        """Both counts in words: ``1 doctor's reply · 7 answered questions``."""
        return counts_text(self.question_count, self.answer_count)


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
    ask_date: dt.date | None  # None for an editors' answered question (nobody asked it)
    answered_by_editors: bool = False


@dataclass(frozen=True)
class RedFlagView:
    """One warning sign of a topic: ``level`` is ``emergency``, ``same_day`` or ``soon``."""

    level: str
    sign: str
    source: str


@dataclass(frozen=True)
class EditorAnswerView:
    """The BreastEdu editors' answer to a common question, with where it comes from."""

    short_answer: str
    body_md: str
    sources: tuple[str, ...]
    checked: dt.date
    next_review: dt.date
    guide_title: str | None  # the topic guide it is drawn from, when the topic has one
    #: The topic's warning signs (``data/redflags``), shown with every answer of the topic.
    red_flags: tuple[RedFlagView, ...] = ()


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
    """A Related FAQ entry; ``topic_slug`` and ``topic_title`` (our title for it, shown
    instead of the site's label) are set when it names a topic of the tree."""

    name: str
    department: str
    topic_slug: str | None
    topic_title: str | None = None


@dataclass(frozen=True)
class PageProvenance:
    """Where an imported page comes from, as an editor recorded it (never guessed)."""

    site: str
    site_owner: str
    country: str
    translated_from: str
    url: str
    evidence: str
    more_info_author: str


@dataclass(frozen=True)
class EditorNoteView:
    """An editor's sourced note beside one paragraph of a page's imported text.

    ``part`` is ``question``, ``reply`` or ``more_info``; ``paragraph`` counts from 1.
    """

    part: str
    paragraph: int
    note: str
    sources: tuple[str, ...]
    guide_slug: str | None
    guide_title: str | None
    checked: dt.date


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
    reading_grade_dc: float | None = None  # Dale–Chall raw score (reported, not gated)
    review_due: dt.date | None = None  # a guide's next review against its guidelines


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
    ask_date: dt.date | None  # None for an editors' answered question
    source: str
    replies: tuple[ReplyView, ...]
    more_info: ArticleView | None
    similar: tuple[SimilarView, ...]
    related: tuple[RelatedView, ...]
    #: Set for a question answered by the BreastEdu editors (it then has no asker and no reply).
    answer: EditorAnswerView | None = None
    related_questions: tuple[QuestionRef, ...] = ()
    provenance: PageProvenance | None = None
    editor_notes: tuple[EditorNoteView, ...] = ()
    language: PageLanguage | None = None  # set when another language than English was asked for


@dataclass(frozen=True)
class TopicPage:
    """A topic: its guide (if written) and its newest questions (``topic.question_count`` in
    all; the rest come page by page from ``ContentService.topic_questions``)."""

    topic: TopicRef
    guide: ArticleView | None
    questions: tuple[QuestionRef, ...]  # asked by patients, with doctors' replies
    answers: tuple[QuestionRef, ...] = ()  # answered by the BreastEdu editors
    language: PageLanguage | None = None  # set when another language than English was asked for


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
    questions: int  # with doctors' replies
    guides: int
    glossary_terms: int
    content_version: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    answers: int = 0  # answered by the BreastEdu editors
    last_checked: dt.date | None = None  # the newest "checked" date among the guides

    @property
    def counts_text(self) -> str:
        """Both counts in words: ``1 doctor's reply · 7 answered questions``."""
        return counts_text(self.questions, self.answers)


def counts_text(replies: int, answers: int, lang: str = ENGLISH) -> str:
    """``1 doctor's reply · 7 answered questions`` (either part left out when zero), in ``lang``."""
    parts = []
    if replies or not answers:
        parts.append(say_count(lang, replies, "{n} doctor's reply", "{n} doctor's replies"))
    if answers:
        parts.append(say_count(lang, answers, "{n} answered question", "{n} answered questions"))
    return " · ".join(parts)
