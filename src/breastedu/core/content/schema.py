"""The content DB schema (SQLAlchemy 2 typed models).

The content DB is built by ``breastedu build-seed`` (or ``breastedu import``) and opened
read-only at run time. User data never points at these integer ids: it uses slugs.
Derived data (each topic's counts, ``topic_count``) is written by the build step of
``build-seed`` and ``import`` in the same transaction as the content; the search index is
derived outside the DB (``breastedu.core.search.index``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.schema import CreateIndex, CreateTable

#: Bump when the content schema changes; the app refuses a content DB of another version.
#: 2: editor_answer; 3: page_source, editor_note (provenance sidecars) and guide_facts (guides'
#: Dale–Chall score and next review date); 4: topic_count (derived counts, so that nothing at
#: start-up counts the questions); 5: red_flag (each topic's warning signs, shown on every
#: answer page), and editor_answer loses its per-answer reading grades (editors' data, scored
#: per topic by ``breastedu check-content``). Only tables are added, so ``import`` into an
#: older DB upgrades it (its build step creates the missing tables and fills the derived ones).
#: ``page_hash`` (what an import compares pages with) is read by imports only, so it did not
#: change the version: an import into a DB without it creates it and checks every page once.
#: 6: translation (pages in another language, with the English version each follows).
SCHEMA_VERSION = 6


class ContentBase(DeclarativeBase):
    """Declarative base of the content DB (separate metadata from the user DB)."""


class Meta(ContentBase):
    """Key/value facts about the DB: ``schema_version``, ``content_version``, ``built_by``."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Department(ContentBase):
    """A hospital department that answers questions, e.g. "Breast and Thyroid"."""

    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)


class TopicGroup(ContentBase):
    """A top-level branch of the topic tree: Breast or Thyroid."""

    __tablename__ = "topic_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String, unique=True)
    title: Mapped[str] = mapped_column(String)
    position: Mapped[int] = mapped_column(Integer)


class Topic(ContentBase):
    """A topic of the tree, e.g. calcifications. ``faq_name`` is its Related FAQ label."""

    __tablename__ = "topic"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String, unique=True)
    title: Mapped[str] = mapped_column(String)
    group_id: Mapped[int] = mapped_column(ForeignKey("topic_group.id"))
    position: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    faq_name: Mapped[str] = mapped_column(String, default="")
    group: Mapped[TopicGroup] = relationship()


class Doctor(ContentBase):
    """A doctor who answers; ``title_line`` is the signature's title/hospital line."""

    __tablename__ = "doctor"
    __table_args__ = (UniqueConstraint("name", "department_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    title_line: Mapped[str] = mapped_column(String, default="")
    department: Mapped[Department] = relationship()


class Question(ContentBase):
    """A question a patient asked. ``source_key`` identifies the page it came from."""

    __tablename__ = "question"
    # A topic's questions newest first, read a page at a time (the topic page's lazy list).
    __table_args__ = (Index("ix_question_topic_date", "topic_id", text("ask_date DESC"), "slug"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String, unique=True)
    source_key: Mapped[str] = mapped_column(String, unique=True)
    source: Mapped[str] = mapped_column(String)  # the page file name, for attribution
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id"), index=True)
    title: Mapped[str] = mapped_column(String)
    body_md: Mapped[str] = mapped_column(Text)
    asker_alias: Mapped[str] = mapped_column(String)
    age_band: Mapped[str] = mapped_column(String)
    sex: Mapped[str] = mapped_column(String)
    ask_date: Mapped[dt.date] = mapped_column(Date)
    topic: Mapped[Topic] = relationship()


class Reply(ContentBase):
    """A doctor's reply to a question."""

    __tablename__ = "reply"
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"))
    body_md: Mapped[str] = mapped_column(Text)
    reply_date: Mapped[dt.date] = mapped_column(Date)
    doctor: Mapped[Doctor] = relationship()


class Article(ContentBase):
    """Long-form Markdown: a question's "More Info" (kind ``more_info``) or a topic guide
    (kind ``guide``). ``sources`` is one source per line; ``reading_grade`` is stored by
    the seed build for guides."""

    __tablename__ = "article"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str] = mapped_column(String)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id"), index=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id"), index=True)
    title: Mapped[str] = mapped_column(String)
    body_md: Mapped[str] = mapped_column(Text)
    sources: Mapped[str] = mapped_column(Text, default="")
    last_checked: Mapped[dt.date | None] = mapped_column(Date)
    reading_grade: Mapped[float | None] = mapped_column(Float)
    reading_grade_2: Mapped[float | None] = mapped_column(Float)


class SimilarQuestion(ContentBase):
    """A "Similar Q&A" excerpt on a question page; ``local_question_id`` links to the full
    question when that page is in the library too."""

    __tablename__ = "similar_question"
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String)
    question_excerpt: Mapped[str] = mapped_column(Text)
    doctor_name: Mapped[str] = mapped_column(String)
    department: Mapped[str] = mapped_column(String)
    reply_excerpt: Mapped[str] = mapped_column(Text)
    local_question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id"))


class RelatedTopic(ContentBase):
    """A "Related FAQ" line of a question page; ``topic_id`` is set when it names a topic."""

    __tablename__ = "related_topic"
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    department: Mapped[str] = mapped_column(String)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id"))


class GlossaryTerm(ContentBase):
    """A term a patient meets, with a plain definition; ``aliases`` one per line."""

    __tablename__ = "glossary_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String, unique=True)
    term: Mapped[str] = mapped_column(String)
    aliases: Mapped[str] = mapped_column(Text, default="")
    definition: Mapped[str] = mapped_column(Text)


class Synonym(ContentBase):
    """A lay <-> medical word group for forgiving search; ``words`` one per line."""

    __tablename__ = "synonym_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    words: Mapped[str] = mapped_column(Text)


class EditorAnswer(ContentBase):
    """The BreastEdu editors' answer to a common question (``data/questions/``).

    Its question row holds the question as a patient asks it (``title``) and the short
    answer (``body_md``), so everything that works on a question works on it; it has no
    asker and no reply. ``related`` is the slugs of 1-3 related questions, one per line.
    """

    __tablename__ = "editor_answer"
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), unique=True)
    body_md: Mapped[str] = mapped_column(Text)
    sources: Mapped[str] = mapped_column(Text)
    checked: Mapped[dt.date] = mapped_column(Date)
    next_review: Mapped[dt.date] = mapped_column(Date)
    related: Mapped[str] = mapped_column(Text, default="")


class RedFlag(ContentBase):
    """One warning sign of a topic (``data/redflags/<topic>.toml``): ``level`` is
    ``emergency``, ``same_day`` or ``soon``; ``position`` orders the signs within the topic."""

    __tablename__ = "red_flag"
    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String)
    sign: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)


class GuideFacts(ContentBase):
    """A guide's reported facts beside its article row: its Dale–Chall score (not gated) and
    the date its next review against its guidelines is due (a year after it was checked)."""

    __tablename__ = "guide_facts"
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), primary_key=True)
    reading_grade_dc: Mapped[float] = mapped_column(Float)
    review_due: Mapped[dt.date] = mapped_column(Date)


class PageSource(ContentBase):
    """Where an imported page comes from, as an editor recorded it in the page's sidecar
    (``data/pages/<page>.provenance.toml``). Empty fields were not recorded: never guessed."""

    __tablename__ = "page_source"
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), primary_key=True)
    site: Mapped[str] = mapped_column(String)
    site_owner: Mapped[str] = mapped_column(String, default="")
    country: Mapped[str] = mapped_column(String)
    translated_from: Mapped[str] = mapped_column(String, default="")
    url: Mapped[str] = mapped_column(String, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    more_info_author: Mapped[str] = mapped_column(String, default="")


class EditorNote(ContentBase):
    """A short, sourced note an editor puts beside one paragraph of imported text that
    conflicts with current guidance. The imported text itself is never changed.
    ``part`` is ``question``, ``reply`` or ``more_info``; ``paragraph`` counts from 1."""

    __tablename__ = "editor_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    part: Mapped[str] = mapped_column(String)
    paragraph: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    sources: Mapped[str] = mapped_column(Text, default="")
    guide_topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id"))
    checked: Mapped[dt.date] = mapped_column(Date)


class PageHash(ContentBase):
    """The digest of what an imported page was stored from (its file's name and bytes, its
    sidecar, the topic tree): an import skips, unread, every page whose digest is unchanged."""

    __tablename__ = "page_hash"
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), primary_key=True)
    hash: Mapped[str] = mapped_column(String)


class TopicCount(ContentBase):
    """Derived: how many questions each topic holds, so that the tree, the home page and a
    topic page read one row per topic instead of counting the questions. Written for every
    topic by the build step (``seed.finish_build``) in the transaction that changes them."""

    __tablename__ = "topic_count"
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id"), primary_key=True)
    questions: Mapped[int] = mapped_column(Integer)  # asked by patients, with a doctor's reply
    answers: Mapped[int] = mapped_column(Integer)  # answered by the BreastEdu editors


class Translation(ContentBase):
    """A page's text in another language (``data/i18n/<lang>/``, see ``content.i18n``).

    ``kind`` is ``topic``, ``guide``, ``answer`` or ``glossary``; ``slug`` is the English
    page's (topic slug, question slug or glossary slug). ``follows`` is the hash of the
    English text it was translated from, ``english`` the hash of the English text the build
    saw: when they differ the translation is stale (the page says so)."""

    __tablename__ = "translation"
    __table_args__ = (UniqueConstraint("lang", "kind", "slug"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    slug: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(String)
    summary: Mapped[str] = mapped_column(Text, default="")  # a topic's summary, an answer's short answer
    body_md: Mapped[str] = mapped_column(Text, default="")  # a glossary entry's definition
    aliases: Mapped[str] = mapped_column(Text, default="")  # one per line (glossary)
    follows: Mapped[str] = mapped_column(String)
    english: Mapped[str] = mapped_column(String)


def create_schema(conn: Connection) -> None:
    """Create the missing content tables and indexes in a fixed order.

    ``metadata.create_all`` takes a table's indexes from a set, whose order changes from one
    process to the next; the order lands in ``sqlite_master`` and so in the file's bytes.
    """
    existing = {
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name"
        )
    }
    for table in ContentBase.metadata.sorted_tables:
        if table.name not in existing:
            conn.execute(CreateTable(table))
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if index.name not in existing:
                conn.execute(CreateIndex(index))
