"""Build a content DB: ``breastedu build-seed`` and ``breastedu import ... --into DB``.

The seed is built into a temporary file and moved over the old one only when complete, so
a failed build never leaves a half-written seed. The same sources always give the same
bytes (sorted inputs, no timestamps, VACUUM at the end), and ``meta.content_version`` is a
hash of the sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Connection, Engine, ScalarSelect, delete, func, insert, select, text
from sqlalchemy.orm import Session

from breastedu.core.content.checks import EditorsContent, Finding, check, load_editors_content
from breastedu.core.content.engine import open_content_writable
from breastedu.core.content.importer import (
    ImportReport,
    Progress,
    TreeSpec,
    collect_page_files,
    import_files,
    load_overrides,
    load_tree,
)
from breastedu.core.content.schema import (
    SCHEMA_VERSION,
    Article,
    EditorAnswer,
    GlossaryTerm,
    GuideFacts,
    Meta,
    Question,
    RedFlag,
    RelatedTopic,
    Topic,
    TopicCount,
    create_schema,
)
from breastedu.core.errors import InputError
from breastedu.core.files import PUBLIC, atomic_path


@dataclass(frozen=True)
class SearchStep:
    """The search part of building a content DB, given by the caller (search is built on
    content, so content never imports it): ``store(conn, synonyms)`` runs last inside the
    build's transaction; ``index(db, progress)``, when given, builds the search index
    beside the finished DB, so that it ships with it."""

    store: Callable[[Connection, Path | None], None]
    index: Callable[[Path, Progress | None], object] | None = None


@dataclass(frozen=True)
class SeedReport:
    """What a seed build produced."""

    path: Path
    content_version: str
    questions: int
    guides: int
    glossary_terms: int
    answers: int = 0
    #: Build warnings (a guide, answer or warning-sign file whose review is overdue; reading
    #: grades over the ceiling when waived); the seed is built anyway.
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
    def redflags(self) -> Path:
        """Each topic's warning signs, ``redflags/<topic>.toml``."""
        return self.root / "redflags"

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
        for folder, pattern in (
            (self.pages, "*"),
            (self.guides, "*.md"),
            (self.questions, "*/*.md"),
            (self.redflags, "*.toml"),
        ):
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


def _store_guides_and_glossary(session: Session, sources: DataSources, content: EditorsContent) -> None:
    """Store the topic guides (with their reading grades), each topic's warning signs and the
    glossary, if written."""
    from breastedu.core.content.glossary import load_glossary

    session.execute(delete(GuideFacts))
    session.execute(delete(Article).where(Article.kind == "guide"))
    session.execute(delete(GlossaryTerm))
    session.execute(delete(RedFlag))
    topics = {t.slug: t for t in session.scalars(select(Topic).order_by(Topic.id))}
    for guide in content.guides:
        article = Article(
            slug=f"guide/{guide.slug}",
            kind="guide",
            topic_id=topics[guide.slug].id,
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
    for slug, flags in sorted(content.red_flags.items()):
        for position, flag in enumerate(flags.flags):
            session.add(
                RedFlag(
                    topic_id=topics[slug].id,
                    position=position,
                    level=flag.level,
                    sign=flag.sign,
                    source=flag.source,
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


def _store_answers(session: Session, content: EditorsContent) -> None:
    """Store the editors' answered questions: a question row each (so notes, search and
    printing treat them like any question) with its ``editor_answer`` row."""
    topics = {t.slug: t for t in session.scalars(select(Topic).order_by(Topic.id))}
    taken = set(session.scalars(select(Question.slug).order_by(Question.slug)))
    for answer in content.answers:
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


class ContentCheckError(InputError):
    """The editors' checks refused the build: one ``file:line: what`` line per problem."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        lines = "\n".join(f.message for f in findings)
        super().__init__(
            f"the editors' content checks failed ({len(findings)} problem"
            f"{'s' if len(findings) != 1 else ''}; see 'breastedu check-content'):\n{lines}"
        )


def build_seed(
    data_dir: Path,
    out: Path,
    *,
    search: SearchStep,
    allow_hard_reading: bool = False,
    today: dt.date | None = None,
) -> SeedReport:
    """Rebuild the content DB at ``out`` from the sources in ``data_dir``, and its search
    index beside it (``search``).

    The editors' checks (``checks``) run first: a failed one refuses the build with
    :class:`ContentCheckError` before anything is written. ``allow_hard_reading`` waives
    the reading gate (its findings become warnings)."""
    sources = DataSources(data_dir)
    if not sources.topics.is_file():
        raise InputError("no topics.toml: is this a BreastEdu data folder?", where=str(data_dir))
    tree = load_tree(sources.topics)
    content = load_editors_content(data_dir, [t.slug for t in tree.topics])
    report = check(content, today or dt.date.today())
    refused = report.blocking(allow_hard_reading=allow_hard_reading)
    if refused:
        raise ContentCheckError(refused)
    warnings = [f.message for f in report.findings if f not in refused]
    files = collect_page_files([sources.pages]) if sources.pages.is_dir() else []
    version = sources.content_version()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out, mode=PUBLIC, tag="building") as tmp:
        engine = open_content_writable(tmp)
        try:
            with engine.begin() as conn:
                create_schema(conn)
                import_files(conn, files, tree, load_overrides(sources.overrides))
                session = Session(bind=conn, autoflush=False)
                _store_guides_and_glossary(session, sources, content)
                _store_answers(session, content)
                warnings += _load_translations(session, sources)
                session.merge(Meta(key="content_version", value=version))
                session.flush()
                finish_build(conn, sources.synonyms_file, search.store)
                counts = _counts(conn)
        finally:
            engine.dispose()
        _vacuum(tmp)
    if search.index is not None:
        search.index(out, None)
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


def finish_build(
    conn: Connection, synonyms: Path | None, search: Callable[[Connection, Path | None], None]
) -> None:
    """The last step of every content DB build (``build-seed``, ``import``), inside the
    build's transaction once its content is written: the data derived from the content
    tables (each topic's counts; the search part, ``search``: see :class:`SearchStep`), then
    the schema version, which says that they are there."""
    _refresh_topic_counts(conn)
    search(conn, synonyms)
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
    search: SearchStep,
    keep_going: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    index_progress: Progress | None = None,
) -> ImportReport:
    """Import pages (files or folders) into the content DB ``db``, creating it if needed,
    then build its search index beside it when the step has one (``search``).

    The topic tree and synonyms come from ``data_dir`` (the bundled data when None). All or
    nothing: the pages, the topic links and the search data are written in one transaction,
    so on any error the DB is left exactly as it was. Pages stream (see
    :func:`~breastedu.core.content.importer.import_files`): unchanged pages are neither
    parsed nor written. ``keep_going`` imports the good pages and reports the refused ones
    (still one transaction); ``dry_run`` does the whole import on a scratch copy and reports
    what it would do, never touching ``db``.
    """
    from breastedu.core.paths import bundled

    sources = DataSources(data_dir or bundled("data"))
    tree = load_tree(sources.topics)
    files = collect_page_files(paths)
    if not files:
        raise InputError("no .txt pages found", where=", ".join(str(p) for p in paths))
    overrides = load_overrides(sources.overrides)

    def run(target: Path) -> ImportReport:
        return _import_file(target, files, tree, overrides, sources, search, keep_going, progress)

    if dry_run:
        with tempfile.TemporaryDirectory(prefix="breastedu-dry-run-") as scratch:
            copy = Path(scratch) / "content.sqlite"
            if db.exists():
                shutil.copyfile(db, copy)
            return run(copy)
    report = run(db)
    if search.index is not None:
        search.index(db, index_progress)
    return report


def _import_file(
    db: Path,
    files: Sequence[Path],
    tree: TreeSpec,
    overrides: dict[str, str],
    sources: DataSources,
    search: SearchStep,
    keep_going: bool,
    progress: Progress | None,
) -> ImportReport:
    """Import ``files`` into ``db`` in one transaction; a new file is removed on failure."""
    existed = db.exists()
    engine: Engine = open_content_writable(db)
    try:
        with engine.begin() as conn:
            create_schema(conn)
            report = import_files(conn, files, tree, overrides, keep_going=keep_going, progress=progress)
            finish_build(conn, sources.synonyms_file, search.store)
    except BaseException:
        engine.dispose()
        if not existed:
            db.unlink(missing_ok=True)
        raise
    engine.dispose()
    return report
