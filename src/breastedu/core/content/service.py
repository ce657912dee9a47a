"""ContentService: the read-only content DB as frozen dataclasses.

One session per call, so the service may be used from worker threads; nothing it returns
holds a database handle.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from breastedu.core import paths
from breastedu.core.content.dto import (
    ArticleView,
    EditorAnswerView,
    EditorNoteView,
    GlossaryEntry,
    LibraryStats,
    PageProvenance,
    QuestionPage,
    QuestionRef,
    RedFlagView,
    RelatedView,
    ReplyView,
    SimilarView,
    SlugRef,
    TopicGroupRef,
    TopicPage,
    TopicRef,
)
from breastedu.core.content.engine import open_content_readonly
from breastedu.core.content.i18n import ENGLISH, Localizer
from breastedu.core.content.schema import (
    Article,
    Department,
    Doctor,
    EditorAnswer,
    EditorNote,
    GlossaryTerm,
    GuideFacts,
    Meta,
    PageSource,
    Question,
    RelatedTopic,
    Reply,
    SimilarQuestion,
    Topic,
    TopicCount,
    TopicGroup,
)
from breastedu.core.content.schema import RedFlag as RedFlagRow
from breastedu.core.errors import NotFoundError

#: Questions listed on a topic page itself; a larger topic offers its whole list, read lazily.
TOPIC_PAGE_QUESTIONS = 20


def _provenance(source: PageSource) -> PageProvenance:
    """The stored provenance of a page, field for field (the table has PageProvenance's fields)."""
    return PageProvenance(**{f.name: getattr(source, f.name) for f in dataclasses.fields(PageProvenance)})


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _article_view(article: Article, facts: GuideFacts | None = None) -> ArticleView:
    return ArticleView(
        slug=article.slug,
        kind=article.kind,
        title=article.title,
        body_md=article.body_md,
        sources=_lines(article.sources),
        last_checked=article.last_checked,
        reading_grade=article.reading_grade,
        reading_grade_2=article.reading_grade_2,
        reading_grade_dc=facts.reading_grade_dc if facts else None,
        review_due=facts.review_due if facts else None,
    )


class ContentService:
    """Topics, questions, guides and the glossary of one content DB."""

    def __init__(self, engine: Engine, *, path: Path | None = None) -> None:
        self._engine = engine
        self.path = path
        self._localizers: dict[str, Localizer] = {}

    @classmethod
    def open(cls, path: Path) -> ContentService:
        """Open and check the content DB at ``path`` read-only (ContentDBError if unusable)."""
        path = Path(path)
        # Only the bundled seed never changes under us; a clinic's own DB may be re-imported.
        immutable = path.resolve() == paths.bundled("data/seed.sqlite").resolve()
        # The search index is derived from the content tables by the search service.
        return cls(open_content_readonly(path, immutable=immutable), path=path)

    @property
    def engine(self) -> Engine:
        """The read-only engine, for other core services (search) over the same DB."""
        return self._engine

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()

    def localizer(self, lang: str) -> Localizer:
        """What shows pages in ``lang`` (its translations, read once); InputError if unknown."""
        found = self._localizers.get(lang)
        if found is None:
            found = self._localizers[lang] = Localizer.read(self._engine, lang)
        return found

    # Tree and topics ------------------------------------------------------------------

    @staticmethod
    def _topic_refs(session: Session, *where: ColumnElement[bool]) -> list[tuple[Topic, TopicRef]]:
        """Every topic (or those ``where`` picks) with its counts, in tree order: one row per
        topic, the counts being stored by the build step (``topic_count``), never counted here."""
        rows = session.execute(
            select(Topic, TopicGroup.slug, TopicGroup.title, TopicCount.questions, TopicCount.answers)
            .join(TopicGroup, Topic.group_id == TopicGroup.id)
            .outerjoin(TopicCount, TopicCount.topic_id == Topic.id)
            .where(*where)
            .order_by(TopicGroup.position, Topic.position)
        ).all()
        return [
            (
                t,
                TopicRef(
                    slug=t.slug,
                    title=t.title,
                    group_slug=g,
                    group_title=gt,
                    summary=t.summary,
                    question_count=questions or 0,
                    answer_count=answers or 0,
                ),
            )
            for t, g, gt, questions, answers in rows
        ]

    def tree(self, lang: str = ENGLISH) -> tuple[TopicGroupRef, ...]:
        """The Breast and Thyroid groups with their topics and question counts, in order
        (names in ``lang`` where translated)."""
        with Session(self._engine) as session:
            refs = self._topic_refs(session)
            groups = session.scalars(select(TopicGroup).order_by(TopicGroup.position)).all()
            tree = tuple(
                TopicGroupRef(
                    slug=g.slug,
                    title=g.title,
                    topics=tuple(ref for _, ref in refs if ref.group_slug == g.slug),
                )
                for g in groups
            )
        return tree if lang == ENGLISH else self.localizer(lang).tree(tree)

    def topic_page(self, slug: str, lang: str = ENGLISH) -> TopicPage:
        """A topic with its guide and its newest :data:`TOPIC_PAGE_QUESTIONS` questions (the
        rest through :meth:`topic_questions`; ``topic.question_count`` says how many), in
        ``lang``: translated where it is, else in English with ``language`` saying so."""
        page = self._topic_page(slug)
        return page if lang == ENGLISH else self.localizer(lang).topic_page(page)

    def _topic_page(self, slug: str) -> TopicPage:
        with Session(self._engine) as session:
            found = self._topic_refs(session, Topic.slug == slug)
            if not found:
                raise NotFoundError(f"there is no topic {slug!r}")
            topic, ref = found[0]
            guide = session.scalars(
                select(Article)
                .where(Article.topic_id == topic.id, Article.kind == "guide")
                .order_by(Article.id)
            ).first()
            return TopicPage(
                topic=ref,
                guide=_article_view(guide, session.get(GuideFacts, guide.id)) if guide else None,
                questions=self._topic_questions(session, topic.id, slug, 0, TOPIC_PAGE_QUESTIONS),
                answers=self._answer_refs(session, Question.topic_id == topic.id),
            )

    def topic_questions(self, slug: str, *, offset: int, limit: int) -> tuple[QuestionRef, ...]:
        """One page of a topic's questions, newest first (the lazy list of a large topic).

        Reads one index range (topic, newest date), so a page costs the same in a topic of
        5 questions or 50,000."""
        with Session(self._engine) as session:
            topic_id = session.scalar(select(Topic.id).where(Topic.slug == slug))
            if topic_id is None:
                raise NotFoundError(f"there is no topic {slug!r}")
            return self._topic_questions(session, topic_id, slug, offset, limit)

    @staticmethod
    def _topic_questions(
        session: Session, topic_id: int, slug: str, offset: int, limit: int
    ) -> tuple[QuestionRef, ...]:
        rows = session.execute(
            select(Question.slug, Question.title, Question.ask_date)
            .where(Question.topic_id == topic_id, Question.id.not_in(select(EditorAnswer.question_id)))
            .order_by(Question.ask_date.desc(), Question.slug)
            .offset(max(0, offset))
            .limit(max(0, limit))
        ).all()
        return tuple(QuestionRef(slug=s, title=t, topic_slug=slug, ask_date=d) for s, t, d in rows)

    def answered_questions(self) -> tuple[QuestionRef, ...]:
        """Every editors' answered question, by topic (in tree order), then by question."""
        with Session(self._engine) as session:
            return self._answer_refs(session)

    @staticmethod
    def _answer_refs(session: Session, *where: ColumnElement[bool]) -> tuple[QuestionRef, ...]:
        rows = session.execute(
            select(Question.slug, Question.title, Topic.slug)
            .join(EditorAnswer, EditorAnswer.question_id == Question.id)
            .join(Topic, Question.topic_id == Topic.id)
            .join(TopicGroup, Topic.group_id == TopicGroup.id)
            .where(*where)
            .order_by(TopicGroup.position, Topic.position, Question.title, Question.slug)
        ).all()
        return tuple(
            QuestionRef(slug=slug, title=title, topic_slug=topic, ask_date=None, answered_by_editors=True)
            for slug, title, topic in rows
        )

    # Questions -------------------------------------------------------------------------

    def question_page(self, slug: str, lang: str = ENGLISH) -> QuestionPage:
        """Everything on a question page, or NotFoundError; in ``lang`` as :meth:`topic_page`."""
        page = self._question_page(slug)
        return page if lang == ENGLISH else self.localizer(lang).question_page(page)

    def _question_page(self, slug: str) -> QuestionPage:
        with Session(self._engine) as session:
            question = session.scalars(select(Question).where(Question.slug == slug)).first()
            if question is None:
                raise NotFoundError(f"there is no question {slug!r}")
            [(_, topic_ref)] = self._topic_refs(session, Topic.id == question.topic_id)
            replies = session.execute(
                select(Reply, Doctor, Department)
                .join(Doctor, Reply.doctor_id == Doctor.id)
                .join(Department, Doctor.department_id == Department.id)
                .where(Reply.question_id == question.id)
                .order_by(Reply.reply_date, Reply.id)
            ).all()
            more = session.scalars(
                select(Article)
                .where(Article.question_id == question.id, Article.kind == "more_info")
                .order_by(Article.id)
            ).first()
            local = dict(
                session.execute(
                    select(Question.id, Question.slug)
                    .where(
                        Question.id.in_(
                            select(SimilarQuestion.local_question_id).where(
                                SimilarQuestion.question_id == question.id
                            )
                        )
                    )
                    .order_by(Question.id)
                ).all()
            )
            similar = session.scalars(
                select(SimilarQuestion)
                .where(SimilarQuestion.question_id == question.id)
                .order_by(SimilarQuestion.position)
            ).all()
            topics = {t.id: t for t in session.scalars(select(Topic).order_by(Topic.id))}
            source = session.get(PageSource, question.id)
            notes = session.scalars(
                select(EditorNote)
                .where(EditorNote.question_id == question.id)
                .order_by(EditorNote.part, EditorNote.paragraph, EditorNote.id)
            ).all()
            related = session.scalars(
                select(RelatedTopic)
                .where(RelatedTopic.question_id == question.id)
                .order_by(RelatedTopic.position)
            ).all()
            answer_row = session.scalars(
                select(EditorAnswer).where(EditorAnswer.question_id == question.id)
            ).first()
            answer = related_questions = None
            if answer_row is not None:
                guide_title = session.scalar(
                    select(Article.title)
                    .where(Article.topic_id == question.topic_id, Article.kind == "guide")
                    .order_by(Article.id)
                )
                answer = EditorAnswerView(
                    short_answer=question.body_md,
                    body_md=answer_row.body_md,
                    sources=_lines(answer_row.sources),
                    checked=answer_row.checked,
                    next_review=answer_row.next_review,
                    guide_title=guide_title,
                    red_flags=tuple(
                        RedFlagView(level=f.level, sign=f.sign, source=f.source)
                        for f in session.scalars(
                            select(RedFlagRow)
                            .where(RedFlagRow.topic_id == question.topic_id)
                            .order_by(RedFlagRow.position)
                        )
                    ),
                )
                wanted = _lines(answer_row.related)
                found = {r.slug: r for r in self._answer_refs(session, Question.slug.in_(wanted))}
                related_questions = tuple(found[s] for s in wanted if s in found)
            return QuestionPage(
                slug=question.slug,
                title=question.title,
                topic=topic_ref,
                body_md=question.body_md,
                asker_alias=question.asker_alias,
                age_band=question.age_band,
                sex=question.sex,
                ask_date=None if answer else question.ask_date,
                source=question.source,
                replies=tuple(
                    ReplyView(
                        doctor=d.name,
                        department=dept.name,
                        title_line=d.title_line,
                        body_md=r.body_md,
                        reply_date=r.reply_date,
                    )
                    for r, d, dept in replies
                ),
                more_info=_article_view(more) if more else None,
                similar=tuple(
                    SimilarView(
                        title=s.title,
                        question_excerpt=s.question_excerpt,
                        doctor=s.doctor_name,
                        department=s.department,
                        reply_excerpt=s.reply_excerpt,
                        local_slug=local.get(s.local_question_id) if s.local_question_id else None,
                    )
                    for s in similar
                ),
                related=tuple(
                    RelatedView(
                        name=r.name,
                        department=r.department,
                        topic_slug=topics[r.topic_id].slug if r.topic_id else None,
                        topic_title=topics[r.topic_id].title if r.topic_id else None,
                    )
                    for r in related
                    if r.name
                ),
                answer=answer,
                related_questions=related_questions or (),
                provenance=_provenance(source) if source else None,
                editor_notes=tuple(
                    EditorNoteView(
                        part=n.part,
                        paragraph=n.paragraph,
                        note=n.note,
                        sources=_lines(n.sources),
                        guide_slug=topics[n.guide_topic_id].slug if n.guide_topic_id else None,
                        guide_title=topics[n.guide_topic_id].title if n.guide_topic_id else None,
                        checked=n.checked,
                    )
                    for n in notes
                ),
            )

    def lookup(self, slug: str) -> SlugRef | None:
        """What ``slug`` names (a topic or a question), or None."""
        with Session(self._engine) as session:
            topic = session.scalars(select(Topic).where(Topic.slug == slug)).first()
            if topic is not None:
                return SlugRef(kind="topic", slug=slug, title=topic.title, topic_slug=slug)
            row = session.execute(
                select(Question.title, Topic.slug)
                .join(Topic, Question.topic_id == Topic.id)
                .where(Question.slug == slug)
            ).first()
            if row is not None:
                return SlugRef(kind="question", slug=slug, title=row[0], topic_slug=row[1])
            return None

    # Glossary and facts ----------------------------------------------------------------

    def glossary(self, lang: str = ENGLISH) -> tuple[GlossaryEntry, ...]:
        """Every glossary term, alphabetical by its English term; in ``lang`` each translated
        term has its English term among its aliases."""
        with Session(self._engine) as session:
            terms = session.scalars(
                select(GlossaryTerm).order_by(func.lower(GlossaryTerm.term), GlossaryTerm.slug)
            ).all()
            entries = tuple(
                GlossaryEntry(slug=t.slug, term=t.term, aliases=_lines(t.aliases), definition=t.definition)
                for t in terms
            )
        return entries if lang == ENGLISH else self.localizer(lang).glossary(entries)

    def stats(self) -> LibraryStats:
        """Counts for the home page and the content version (one row per topic is read, no
        more: the question counts are the stored per-topic ones)."""
        with Session(self._engine) as session:
            version = session.scalar(select(Meta.value).where(Meta.key == "content_version"))
            topics, questions, answers = session.execute(
                select(func.count(Topic.id), func.sum(TopicCount.questions), func.sum(TopicCount.answers))
                .select_from(Topic)
                .outerjoin(TopicCount, TopicCount.topic_id == Topic.id)
            ).one()
            # Guides through their topics: one index range, not a scan of every More Info article.
            guides, last_checked = session.execute(
                select(func.count(), func.max(Article.last_checked)).where(
                    Article.topic_id.in_(select(Topic.id)), Article.kind == "guide"
                )
            ).one()
            return LibraryStats(
                topics=topics,
                questions=questions or 0,
                answers=answers or 0,
                guides=guides,
                glossary_terms=session.scalar(select(func.count()).select_from(GlossaryTerm)) or 0,
                content_version=version or "",
                last_checked=last_checked,
            )
