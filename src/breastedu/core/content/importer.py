"""Import Q&A pages into a content DB: parse all, then write all in one transaction.

Every page is parsed before anything is written, so a malformed page leaves the target DB
exactly as it was. A page is identified by its content (title, asker, ask date and doctor)
as well as by its file name: re-importing it, under the same name or another, updates its
question (keeping its slug, so her notes stay attached) instead of adding a second one.
Each question lands in one topic of the tree, chosen from its text and
its Related FAQ lines unless ``data/pages/topic-overrides.toml`` pins it.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from breastedu.core.content.pagefmt import (
    PageParts,
    ParsedPage,
    parse_page,
    parts_lost,
    read_page_text,
    related_gap,
)
from breastedu.core.content.schema import (
    Article,
    Department,
    Doctor,
    Question,
    RelatedTopic,
    Reply,
    SimilarQuestion,
    Topic,
    TopicGroup,
)
from breastedu.core.errors import InputError

PAGE_SUFFIX = ".txt"


@dataclass(frozen=True)
class TopicSpec:
    """A topic as declared in ``data/topics.toml``."""

    slug: str
    group: str
    title: str
    faq_name: str
    summary: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TreeSpec:
    """The whole topic tree: groups (slug, title) in order and topics in order."""

    groups: tuple[tuple[str, str], ...]
    topics: tuple[TopicSpec, ...]
    #: Words that name a group's body part ("thyroid", "breast"): they give every topic of
    #: the group a smaller score, so an ambiguous word ("adenoma", "ultrasound") lands in
    #: the group the page is about.
    group_keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Refusal:
    """A page that was not imported, and why (``where`` is ``file:line``)."""

    where: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did, in file order: slugs added, updated (changed) and unchanged;
    pages found under a new file name (``(file, slug)``); pages refused; warnings."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()
    refused: tuple[Refusal, ...] = ()
    warnings: tuple[str, ...] = ()


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", where=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML ({exc})", where=str(path)) from None


def load_tree(path: Path) -> TreeSpec:
    """Read the topic tree from ``topics.toml``, or raise InputError naming the field."""
    data = _read_toml(path)
    try:
        groups = tuple((str(g["slug"]), str(g["title"])) for g in data["group"])  # type: ignore[attr-defined]
        group_keywords = {
            str(g["slug"]): tuple(str(k).lower() for k in g.get("keywords", ()))
            for g in data["group"]  # type: ignore[attr-defined]
        }
        group_slugs = {slug for slug, _ in groups}
        topics = []
        for entry in data["topic"]:  # type: ignore[attr-defined]
            spec = TopicSpec(
                slug=str(entry["slug"]),
                group=str(entry["group"]),
                title=str(entry["title"]),
                faq_name=str(entry.get("faq_name", "")),
                summary=str(entry.get("summary", "")),
                keywords=tuple(str(k).lower() for k in entry.get("keywords", ())),
            )
            if spec.group not in group_slugs:
                raise InputError(f"topic {spec.slug!r} names unknown group {spec.group!r}", where=str(path))
            topics.append(spec)
    except (KeyError, TypeError) as exc:
        raise InputError(f"missing or malformed field {exc}", where=str(path)) from None
    return TreeSpec(groups=groups, topics=tuple(topics), group_keywords=group_keywords)


def load_overrides(path: Path | None) -> dict[str, str]:
    """Page file name -> topic slug pins, from ``topic-overrides.toml`` (may be absent)."""
    if path is None or not path.exists():
        return {}
    table = _read_toml(path).get("overrides", {})
    if not isinstance(table, dict):
        raise InputError('[overrides] must be a table of "file" = "topic"', where=str(path))
    return {str(k): str(v) for k, v in table.items()}


def collect_page_files(paths: Iterable[Path]) -> list[Path]:
    """The page files named: files as given, folders' ``*.txt`` files sorted by name."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix == PAGE_SUFFIX and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such file or folder", where=str(path))
    return files


def source_key(path: Path) -> str:
    """The page's identity: the site's id from ``NNN_<id>.txt``, else the file stem."""
    match = re.fullmatch(r"\d+_([0-9a-fA-F]{6,})", path.stem)
    return match[1].lower() if match else path.stem


def slugify(text: str, max_words: int = 8) -> str:
    """ASCII, lower-case, hyphenated words: "Clustered calcification" -> "clustered-calcification"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:max_words]
    return "-".join(words) or "question"


def question_slug(title: str, key: str) -> str:
    """A stable, unique slug: the title's words plus a short hash of the page's identity."""
    return f"{slugify(title)}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def classify(page: ParsedPage, tree: TreeSpec) -> str:
    """Choose the page's topic from its title and text and its Related FAQ lines.

    A page's Related FAQ lists every topic of its department except its own (whose name the
    site leaves empty), so a single topic missing from a list that has an empty entry is
    strong evidence. Keywords in the title count three times those in the question. A group's keywords
    ("thyroid", "breast") add half as much to each of its topics, so a page about a thyroid
    adenoma or a thyroid ultrasound stays in the thyroid group.
    """
    title = f" {_normal(page.title)} "
    text = f" {_normal(page.question_md)} "
    listed = {_normal(name) for name, _ in page.related if name}
    has_blank = any(not name for name, _ in page.related)
    missing = [t for t in tree.topics if _normal(t.faq_name) not in listed]

    def hits(keywords: Iterable[str]) -> float:
        return sum(3 * title.count(f" {_normal(k)} ") + text.count(f" {_normal(k)} ") for k in keywords)

    group_scores = {slug: 0.5 * hits(words) for slug, words in tree.group_keywords.items()}
    scores: dict[str, float] = {}
    for topic in tree.topics:
        score = hits(topic.keywords) + group_scores.get(topic.group, 0.0)
        if has_blank and len(missing) == 1 and missing[0].slug == topic.slug:
            score += 5
        scores[topic.slug] = score
    # Ties go to the earlier topic in the tree, so the choice never depends on dict order.
    best = max(tree.topics, key=lambda t: (scores[t.slug], -tree.topics.index(t)))
    return best.slug


def ensure_tree(session: Session, tree: TreeSpec) -> dict[str, Topic]:
    """Insert or update the groups and topics of ``tree``; returns topics by slug."""
    groups: dict[str, TopicGroup] = {
        g.slug: g for g in session.scalars(select(TopicGroup).order_by(TopicGroup.id))
    }
    for position, (slug, title) in enumerate(tree.groups):
        group = groups.get(slug) or TopicGroup(slug=slug)
        group.title, group.position = title, position
        groups[slug] = group
        session.add(group)
    session.flush()
    topics: dict[str, Topic] = {t.slug: t for t in session.scalars(select(Topic).order_by(Topic.id))}
    for position, spec in enumerate(tree.topics):
        topic = topics.get(spec.slug) or Topic(slug=spec.slug)
        topic.title, topic.position, topic.summary = spec.title, position, spec.summary
        topic.faq_name, topic.group_id = spec.faq_name, groups[spec.group].id
        topics[spec.slug] = topic
        session.add(topic)
    session.flush()
    return topics


def parse_pages(
    files: Sequence[Path], *, keep_going: bool = False, progress: Callable[[int, int], None] | None = None
) -> tuple[list[tuple[Path, ParsedPage]], list[Refusal]]:
    """Parse every file before anything is written.

    Without ``keep_going`` the first malformed page raises (and nothing is imported); with it,
    malformed pages are returned as refusals and the good ones are imported.
    """
    parsed: list[tuple[Path, ParsedPage]] = []
    refused: list[Refusal] = []
    for number, path in enumerate(files, start=1):
        try:
            parsed.append((path, parse_page(read_page_text(path), str(path))))
        except InputError as exc:
            if not keep_going:
                raise
            refused.append(Refusal(exc.where or str(path), exc.message))
        if progress is not None:
            progress(number, len(files))
    return parsed, refused


class _Upserter:
    """Writes parsed pages into a session, reusing departments and doctors."""

    def __init__(self, session: Session, topics: Mapping[str, Topic]) -> None:
        self.session, self.topics = session, topics
        self._departments = {d.name: d for d in session.scalars(select(Department).order_by(Department.id))}
        self._doctors = {
            (d.name, d.department_id): d for d in session.scalars(select(Doctor).order_by(Doctor.id))
        }
        self._identities: dict[tuple[object, ...], int] | None = None

    def department(self, name: str) -> Department:
        if name not in self._departments:
            dept = Department(name=name)
            self.session.add(dept)
            self.session.flush()
            self._departments[name] = dept
        return self._departments[name]

    def doctor(self, name: str, department: str, title_line: str) -> Doctor:
        dept = self.department(department)
        doctor = self._doctors.get((name, dept.id))
        if doctor is None:
            doctor = Doctor(name=name, department_id=dept.id, title_line=title_line)
            self.session.add(doctor)
            self.session.flush()
            self._doctors[(name, dept.id)] = doctor
        elif title_line:
            doctor.title_line = title_line
        return doctor

    def same_page(self, page: ParsedPage) -> Question | None:
        """The stored question with this page's title, asker, ask date and doctor, if any.

        The identities of all stored questions are read once per import (one query), so an
        import of many pages into a large library stays linear.
        """
        if self._identities is None:
            rows = self.session.execute(
                select(Question.title, Question.asker_alias, Question.ask_date, Doctor.name, Question.id)
                .join(Reply, Reply.question_id == Question.id)
                .join(Doctor, Doctor.id == Reply.doctor_id)
                .order_by(Question.id)
            )
            self._identities = {}
            for title, alias, asked, doctor, stored_id in rows:
                self._identities.setdefault((title, alias, asked, doctor), stored_id)
        found = self._identities.get(_identity(page))
        return self.session.get(Question, found) if found is not None else None

    def signature(self, question: Question) -> tuple[object, ...]:
        """What a reader sees of a stored question, to tell an unchanged page from an update."""
        s = self.session
        reply = s.execute(
            select(Reply.body_md, Reply.reply_date, Doctor.name, Doctor.title_line, Department.name)
            .join(Doctor, Doctor.id == Reply.doctor_id)
            .join(Department, Department.id == Doctor.department_id)
            .where(Reply.question_id == question.id)
            .order_by(Reply.id)
        ).first()
        more = s.scalar(
            select(Article.body_md).where(Article.question_id == question.id, Article.kind == "more_info")
        )
        similar = s.execute(
            select(SimilarQuestion.title, SimilarQuestion.question_excerpt, SimilarQuestion.doctor_name,
                   SimilarQuestion.department, SimilarQuestion.reply_excerpt)
            .where(SimilarQuestion.question_id == question.id).order_by(SimilarQuestion.position)
        ).all()  # fmt: skip
        related = s.execute(
            select(RelatedTopic.name, RelatedTopic.department)
            .where(RelatedTopic.question_id == question.id).order_by(RelatedTopic.position)
        ).all()  # fmt: skip
        return (
            question.title, question.body_md, question.asker_alias, question.age_band, question.sex,
            question.ask_date, question.topic_id, tuple(reply) if reply else None, more or "",
            tuple(tuple(r) for r in similar), tuple(tuple(r) for r in related),
        )  # fmt: skip

    def parsed_signature(self, page: ParsedPage, topic_slug: str) -> tuple[object, ...]:
        return (
            page.title, page.question_md, page.asker_alias, page.age_band, page.sex, page.ask_date,
            self.topics[topic_slug].id,
            (page.reply_md, page.reply_date, page.doctor, page.title_line, page.department),
            page.more_info_md,
            tuple((s.title, s.question_excerpt, s.doctor, s.department, s.reply_excerpt)
                  for s in page.similar),
            tuple(page.related),
        )  # fmt: skip

    def page(self, path: Path, page: ParsedPage, topic_slug: str) -> tuple[str, str, bool]:
        """Insert or update one page: (slug, "added" | "updated" | "unchanged", found by content).

        "Found by content" means the same page was stored under another file name.
        """
        key = source_key(path)
        question = self.session.scalars(select(Question).where(Question.source_key == key)).first()
        by_content = False
        if question is None:
            question = self.same_page(page)
            by_content = question is not None
        if question is None:
            question = Question(source_key=key)
            status = "added"
        elif (stored := self.signature(question)) == self.parsed_signature(page, topic_slug):
            return question.slug, "unchanged", by_content
        elif by_content and (
            lost := parts_lost(PageParts.stored(*stored[8:11]), PageParts.of(page))  # type: ignore[arg-type]
        ):
            raise InputError(
                f"is a copy of the stored page {question.source} without {', '.join(lost)}; "
                "the stored page was kept",
                where=str(path),
            )
        else:
            status = "updated"
        key = question.source_key
        question.slug = question_slug(page.title, key)
        question.source = question.source if by_content else path.name
        question.topic_id = self.topics[topic_slug].id
        question.title, question.body_md = page.title, page.question_md
        question.asker_alias, question.age_band = page.asker_alias, page.age_band
        question.sex, question.ask_date = page.sex, page.ask_date
        self.session.add(question)
        self.session.flush()
        for table in (Reply, SimilarQuestion, RelatedTopic, Article):
            self.session.execute(delete(table).where(table.question_id == question.id))
        doctor = self.doctor(page.doctor, page.department, page.title_line)
        self.session.add(
            Reply(
                question_id=question.id,
                doctor_id=doctor.id,
                body_md=page.reply_md,
                reply_date=page.reply_date,
            )
        )
        if page.more_info_md:
            self.session.add(
                Article(
                    slug=f"{question.slug}/more-info",
                    kind="more_info",
                    question_id=question.id,
                    title=f"More about: {page.title}",
                    body_md=page.more_info_md,
                    sources="",
                )
            )
        for position, sim in enumerate(page.similar):
            self.session.add(
                SimilarQuestion(
                    question_id=question.id,
                    position=position,
                    title=sim.title,
                    question_excerpt=sim.question_excerpt,
                    doctor_name=sim.doctor,
                    department=sim.department,
                    reply_excerpt=sim.reply_excerpt,
                )
            )
        by_name = {_normal(t.faq_name): t for t in self.topics.values() if t.faq_name}
        by_name.update({_normal(t.title): t for t in self.topics.values()})
        for position, (name, dept) in enumerate(page.related):
            target = by_name.get(_normal(name)) if name else None
            self.session.add(
                RelatedTopic(
                    question_id=question.id,
                    position=position,
                    name=name,
                    department=dept,
                    topic_id=target.id if target else None,
                )
            )
        if self._identities is not None:
            self._identities.setdefault(_identity(page), question.id)
        return question.slug, status, by_content


def _identity(page: ParsedPage) -> tuple[object, ...]:
    """A page's identity by content: what the site shows of who asked whom, when."""
    return (page.title, page.asker_alias, page.ask_date, page.doctor)


def relink_similar(session: Session) -> None:
    """Point every Similar Q&A at the local question with the same title or opening text."""
    by_title: dict[str, int] = {}
    by_opening: dict[str, int] = {}
    for qid, title, body in session.execute(
        select(Question.id, Question.title, Question.body_md).order_by(Question.id)
    ):
        by_title.setdefault(_normal(title), qid)
        by_opening.setdefault(_normal(body)[:60], qid)
    for sim in session.scalars(select(SimilarQuestion).order_by(SimilarQuestion.id)):
        opening = _normal(sim.question_excerpt.rstrip("…"))[:60]
        target = by_title.get(_normal(sim.title))
        if target is None and len(opening) >= 40:
            target = by_opening.get(opening)
        sim.local_question_id = target if target != sim.question_id else None


def import_into(
    conn: Connection,
    parsed: Sequence[tuple[Path, ParsedPage]],
    tree: TreeSpec,
    overrides: Mapping[str, str] | None = None,
) -> ImportReport:
    """Write parsed pages through ``conn`` (the caller owns the transaction)."""
    overrides = overrides or {}
    known = {t.slug for t in tree.topics}
    for name, slug in overrides.items():
        if slug not in known:
            raise InputError(
                f"override for {name!r} names unknown topic {slug!r}", where="topic-overrides.toml"
            )
    session = Session(bind=conn, autoflush=False)
    topics = ensure_tree(session, tree)
    upserter = _Upserter(session, topics)
    done: dict[str, list[str]] = {"added": [], "updated": [], "unchanged": []}
    renamed: list[tuple[str, str]] = []
    for path, page in parsed:
        if gap := related_gap(page, [t.faq_name for t in tree.topics]):
            raise InputError(gap, where=str(path))
        topic = overrides.get(path.name) or classify(page, tree)
        slug, status, by_content = upserter.page(path, page, topic)
        if by_content:
            renamed.append((path.name, slug))
        done[status].append(slug)
        session.flush()
    relink_similar(session)
    session.flush()
    return ImportReport(
        added=tuple(done["added"]),
        updated=tuple(done["updated"]),
        unchanged=tuple(done["unchanged"]),
        renamed=tuple(renamed),
    )
