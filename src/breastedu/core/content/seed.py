"""Build a content DB: ``breastedu build-seed`` and ``breastedu import ... --into DB``.

The seed is built into a temporary file and moved over the old one only when complete, so
a failed build never leaves a half-written seed. The same sources always give the same
bytes (sorted inputs, no timestamps, VACUUM at the end), and ``meta.content_version`` is a
hash of the sources.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Connection, Engine, ScalarSelect, delete, func, insert, select, text
from sqlalchemy.orm import Session

from breastedu.core.content.engine import open_content_writable
from breastedu.core.content.importer import (
    ImportReport,
    TreeSpec,
    collect_page_files,
    import_into,
    load_overrides,
    load_tree,
    parse_pages,
    source_key,
)
from breastedu.core.content.pagefmt import ParsedPage
from breastedu.core.content.schema import (
    SCHEMA_VERSION,
    Article,
    EditorAnswer,
    EditorNote,
    GlossaryTerm,
    GuideFacts,
    Meta,
    PageSource,
    Question,
    RelatedTopic,
    Reply,
    Topic,
    TopicCount,
    create_schema,
)
from breastedu.core.errors import InputError
from breastedu.core.files import PUBLIC, atomic_path
from breastedu.core.search import index as search_index


@dataclass(frozen=True)
class SeedReport:
    """What a seed build produced."""

    path: Path
    content_version: str
    questions: int
    guides: int
    glossary_terms: int
    answers: int = 0
    #: Build warnings (a guide whose yearly review is overdue); the seed is built anyway.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DataSources:
    """The source files under a ``data/`` folder that a seed is built from."""

    root: Path

    @property
    def topics(self) -> Path:
        return self.root / "topics.toml"

    @property
    def pages(self) -> Path:
        return self.root / "pages"

    @property
    def overrides(self) -> Path:
        return self.root / "pages" / "topic-overrides.toml"

    @property
    def guides(self) -> Path:
        return self.root / "guides"

    @property
    def questions(self) -> Path:
        """The editors' answered questions, ``questions/<topic>/<slug>.md``."""
        return self.root / "questions"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary.toml"

    @property
    def synonyms(self) -> Path:
        return self.root / "synonyms.toml"

    @property
    def synonyms_file(self) -> Path | None:
        """:attr:`synonyms` if it exists (a data folder may have none)."""
        return self.synonyms if self.synonyms.is_file() else None

    def files(self) -> list[Path]:
        """Every source file, in a fixed order (for the content hash)."""
        from breastedu.core.content.i18n import source_files

        found = [self.topics, self.glossary, self.synonyms]
        for folder, pattern in ((self.pages, "*"), (self.guides, "*.md"), (self.questions, "*/*.md")):
            if folder.is_dir():
                found.extend(sorted(p for p in folder.glob(pattern) if p.is_file()))
        return [p for p in found if p.is_file()] + source_files(self.root)

    def content_version(self) -> str:
        """A hash of every source's relative path and bytes."""
        digest = hashlib.sha256()
        for path in self.files():
            digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        return digest.hexdigest()[:16]


def _load_guides_and_glossary(session: Session, sources: DataSources) -> list[str]:
    """Store topic guides (with their reading grades) and the glossary, if written; returns
    the build warnings (guides whose review is overdue)."""
    import datetime as dt

    from breastedu.core.content.glossary import load_glossary
    from breastedu.core.content.guides import load_guides, review_warnings

    session.execute(delete(GuideFacts))
    session.execute(delete(Article).where(Article.kind == "guide"))
    session.execute(delete(GlossaryTerm))
    topics = {t.slug: t for t in session.scalars(select(Topic).order_by(Topic.id))}
    guides = load_guides(sources.guides) if sources.guides.is_dir() else []
    if guides:
        for guide in guides:
            topic = topics.get(guide.slug)
            if topic is None:
                raise InputError(f"guide for unknown topic {guide.slug!r}", where=str(guide.path))
            article = Article(
                slug=f"guide/{guide.slug}",
                kind="guide",
                topic_id=topic.id,
                title=guide.title,
                body_md=guide.body_md,
                sources="\n".join(guide.sources),
                last_checked=guide.checked,
                reading_grade=round(guide.grade_fk, 1),
                reading_grade_2=round(guide.grade_2, 1),
            )
            session.add(article)
            session.flush()
            session.add(
                GuideFacts(
                    article_id=article.id,
                    reading_grade_dc=guide.grades.dale_chall if guide.grades else 0.0,
                    review_due=guide.review_due,
                )
            )
    if sources.glossary.is_file():
        for entry in load_glossary(sources.glossary):
            session.add(
                GlossaryTerm(
                    slug=entry.slug,
                    term=entry.term,
                    aliases="\n".join(entry.aliases),
                    definition=entry.definition,
                )
            )
    session.flush()
    return review_warnings(guides, dt.date.today())


def _store_provenance(session: Session, pages: Sequence[Path]) -> None:
    """Store each page's provenance sidecar (if any) and check its notes' targets."""
    from breastedu.core.content.provenance import check_note_targets, load_sidecar

    topics = {t.slug: t.id for t in session.scalars(select(Topic).order_by(Topic.id))}
    for path in pages:
        sidecar = load_sidecar(path)
        question = session.scalars(select(Question).where(Question.source_key == source_key(path))).first()
        if question is None:  # the importer matched it to a page imported under another name
            if sidecar is not None:
                raise InputError(
                    "this sidecar's page was matched to a page imported under another file name; "
                    "rename the sidecar to match that page",
                    where=str(sidecar.path),
                )
            continue
        for table in (PageSource, EditorNote):
            session.execute(delete(table).where(table.question_id == question.id))
        if sidecar is None:
            continue
        reply = session.scalars(
            select(Reply.body_md).where(Reply.question_id == question.id).order_by(Reply.id)
        ).first()
        more = session.scalars(
            select(Article.body_md)
            .where(Article.question_id == question.id, Article.kind == "more_info")
            .order_by(Article.id)
        ).first()
        check_note_targets(
            sidecar, {"question": question.body_md, "reply": reply or "", "more_info": more or ""}
        )
        session.add(PageSource(question_id=question.id, **dataclasses.asdict(sidecar.source)))
        for note in sidecar.notes:
            if note.guide and note.guide not in topics:
                raise InputError(f"editor note names unknown topic {note.guide!r}", where=str(sidecar.path))
            session.add(
                EditorNote(
                    question_id=question.id,
                    part=note.part,
                    paragraph=note.paragraph,
                    note=note.note,
                    sources="\n".join(note.sources),
                    guide_topic_id=topics[note.guide] if note.guide else None,
                    checked=note.checked,
                )
            )
    session.flush()


def _load_answers(session: Session, sources: DataSources) -> None:
    """Store the editors' answered questions: a question row each (so notes, search and
    printing treat them like any question) with its ``editor_answer`` row."""
    from breastedu.core.content.answers import load_answers

    if not sources.questions.is_dir():
        return
    topics = {t.slug: t for t in session.scalars(select(Topic).order_by(Topic.id))}
    guide_sources = {slug: () for slug in topics} | {
        slug: tuple(a.sources.splitlines())
        for a in session.scalars(select(Article).where(Article.kind == "guide").order_by(Article.id))
        for slug in [a.slug.removeprefix("guide/")]
    }
    taken = set(session.scalars(select(Question.slug).order_by(Question.slug)))
    for answer in load_answers(sources.questions, guide_sources):
        if answer.slug in taken:
            raise InputError(f"the slug {answer.slug!r} is already a question's", where=f"{answer.path}:1")
        topic = topics[answer.topic]
        question = Question(
            slug=answer.slug,
            source_key=f"editors:{answer.topic}/{answer.slug}",
            source=f"questions/{answer.topic}/{answer.slug}.md",
            topic_id=topic.id,
            title=answer.question,
            body_md=answer.short_answer,
            asker_alias="",
            age_band="",
            sex="",
            ask_date=answer.checked,  # never shown: an answered question has no asker or ask date
        )
        session.add(question)
        session.flush()
        session.add(
            EditorAnswer(
                question_id=question.id,
                body_md=answer.body_md,
                sources="\n".join(answer.sources),
                checked=answer.checked,
                next_review=answer.next_review,
                related="\n".join(answer.related),
                reading_grade=answer.grade_fk,
                reading_grade_2=answer.grade_2,
            )
        )
        for position, slug in enumerate(answer.related_topics):
            other = topics[slug]
            session.add(
                RelatedTopic(
                    question_id=question.id,
                    position=position,
                    name=other.title,
                    department="",
                    topic_id=other.id,
                )
            )
    session.flush()


def _load_translations(session: Session, sources: DataSources) -> list[str]:
    """Store the translated pages (``data/i18n``); returns a warning per stale translation."""
    from breastedu.core.content.i18n import load_translations, stale_warnings, store_translations

    texts = load_translations(sources.root)
    store_translations(session, texts)
    return stale_warnings(texts)


def build_seed(data_dir: Path, out: Path) -> SeedReport:
    """Rebuild the content DB at ``out`` from the sources in ``data_dir``."""
    sources = DataSources(data_dir)
    if not sources.topics.is_file():
        raise InputError("no topics.toml: is this a BreastEdu data folder?", where=str(data_dir))
    tree = load_tree(sources.topics)
    parsed, _ = parse_pages(collect_page_files([sources.pages]) if sources.pages.is_dir() else [])
    version = sources.content_version()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out, mode=PUBLIC, tag="building") as tmp:
        engine = open_content_writable(tmp)
        try:
            with engine.begin() as conn:
                create_schema(conn)
                import_into(conn, parsed, tree, load_overrides(sources.overrides))
                session = Session(bind=conn, autoflush=False)
                _store_provenance(session, [path for path, _ in parsed])
                warnings = _load_guides_and_glossary(session, sources)
                _load_answers(session, sources)
                warnings += _load_translations(session, sources)
                session.merge(Meta(key="content_version", value=version))
                session.flush()
                finish_build(conn, sources.synonyms_file)
                counts = _counts(conn)
        finally:
            engine.dispose()
        _vacuum(tmp)
    return SeedReport(out, version, *counts, warnings=tuple(warnings))


def _vacuum(path: Path) -> None:
    """Rewrite the file compactly and deterministically (outside any transaction)."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("VACUUM")
    finally:
        con.close()


def _counts(conn: Connection) -> tuple[int, int, int, int]:
    def count(sql: str) -> int:
        return int(conn.execute(text(sql)).scalar_one())

    return (
        count("SELECT coalesce(sum(questions), 0) FROM topic_count"),
        count("SELECT count(*) FROM article WHERE kind = 'guide'"),
        count("SELECT count(*) FROM glossary_term"),
        count("SELECT coalesce(sum(answers), 0) FROM topic_count"),
    )


def finish_build(conn: Connection, synonyms: Path | None) -> None:
    """The last step of every content DB build (``build-seed``, ``import``), inside the
    build's transaction once its content is written: the data derived from the content
    tables (each topic's counts; the search part, see ``search_index.refresh_content``), then
    the schema version, which says that they are there."""
    _refresh_topic_counts(conn)
    search_index.refresh_content(conn, synonyms)
    conn.execute(delete(Meta).where(Meta.key == "schema_version"))
    conn.execute(insert(Meta).values(key="schema_version", value=str(SCHEMA_VERSION)))


def _refresh_topic_counts(conn: Connection) -> None:
    """Count every topic's questions again (one pass over the question table: an import
    adds, moves and replaces pages, so the counts are recomputed, never patched)."""
    answered = Question.id.in_(select(EditorAnswer.question_id))

    def per_topic(*where: ColumnElement[bool]) -> ScalarSelect[int]:
        return select(func.count()).where(Question.topic_id == Topic.id, *where).scalar_subquery()

    conn.execute(delete(TopicCount))
    conn.execute(
        insert(TopicCount).from_select(
            ["topic_id", "questions", "answers"],
            select(Topic.id, per_topic(~answered), per_topic(answered)).order_by(Topic.id),
        )
    )


def import_pages(
    db: Path,
    paths: Sequence[Path],
    data_dir: Path | None,
    *,
    keep_going: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import pages (files or folders) into the content DB ``db``, creating it if needed.

    The topic tree and synonyms come from ``data_dir`` (the bundled data when None). All or
    nothing: the pages, the topic links and the search data are written in one transaction,
    so on any error the DB is left exactly as it was. ``keep_going`` imports the good pages
    and reports the refused ones (still one transaction); ``dry_run`` does the whole import
    on a scratch copy and reports what it would do, never touching ``db``.
    """
    from breastedu.core.paths import bundled

    sources = DataSources(data_dir or bundled("data"))
    tree = load_tree(sources.topics)
    files = collect_page_files(paths)
    if not files:
        raise InputError("no .txt pages found", where=", ".join(str(p) for p in paths))
    # Every page is parsed before the DB is touched: a bad page changes nothing.
    parsed, refused = parse_pages(files, keep_going=keep_going, progress=progress)
    overrides = load_overrides(sources.overrides)
    if dry_run:
        with tempfile.TemporaryDirectory(prefix="breastedu-dry-run-") as scratch:
            copy = Path(scratch) / "content.sqlite"
            if db.exists():
                shutil.copyfile(db, copy)
            report = _import_file(copy, parsed, tree, overrides, sources)
    else:
        report = _import_file(db, parsed, tree, overrides, sources)
    return dataclasses.replace(report, refused=tuple(refused))


def _import_file(
    db: Path,
    parsed: Sequence[tuple[Path, ParsedPage]],
    tree: TreeSpec,
    overrides: dict[str, str],
    sources: DataSources,
) -> ImportReport:
    """Write ``parsed`` into ``db`` in one transaction; a new file is removed on failure."""
    existed = db.exists()
    engine: Engine = open_content_writable(db)
    try:
        with engine.begin() as conn:
            create_schema(conn)
            report = import_into(conn, parsed, tree, overrides)
            session = Session(bind=conn, autoflush=False)
            _store_provenance(session, [path for path, _ in parsed])
            session.flush()
            finish_build(conn, sources.synonyms_file)
    except BaseException:
        engine.dispose()
        if not existed:
            db.unlink(missing_ok=True)
        raise
    engine.dispose()
    return report
