"""Import Q&A pages into a content DB: parse all, then write all in one transaction.

Every page is parsed before anything is written, so a malformed page leaves the target DB
exactly as it was. A page is identified by its content (title, asker, ask date and doctor)
as well as by its file name: re-importing it, under the same name or another, updates its
question (keeping its slug, so her notes stay attached) instead of adding a second one.
Each question lands in one topic of the tree, chosen from its text and
its Related FAQ lines unless ``data/pages/topic-overrides.toml`` pins it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
import re
import sqlite3
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

from sqlalchemy import Connection, CursorResult, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from breastedu.core.content.pagefmt import (
    MAX_PAGE_CHARS,
    PageParts,
    ParsedPage,
    parse_page,
    parts_lost,
    read_page_text,
    related_gap,
)
from breastedu.core.content.provenance import Sidecar, check_note_targets, load_sidecar, sidecar_path
from breastedu.core.content.schema import (
    Article,
    ContentBase,
    Department,
    Doctor,
    EditorNote,
    PageHash,
    PageSource,
    Question,
    RelatedTopic,
    Reply,
    SimilarQuestion,
    Topic,
    TopicGroup,
)
from breastedu.core.errors import InputError

PAGE_SUFFIX = ".txt"
T = TypeVar("T")


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


#: How many items of each kind an :class:`ImportReport` names (it counts them all): a report
#: of a large library's import stays small.
REPORT_SAMPLE = 1000


class Sample(Generic[T]):
    """A count of items and the first :data:`REPORT_SAMPLE` of them: ``len()`` is the count
    (``total``); indexing and iteration give the first ones (``first``), so it is not a
    sequence of all the items."""

    __slots__ = ("first", "total")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.total = 0
        self.first: list[T] = []
        for item in items:
            self.append(item)

    def append(self, item: T) -> None:
        self.total += 1
        if len(self.first) < REPORT_SAMPLE:
            self.first.append(item)

    @property
    def more(self) -> int:
        """How many items there are beyond the ones named."""
        return self.total - len(self.first)

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: int) -> T:
        return self.first[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self.first)

    def __eq__(self, other: object) -> bool:
        """Equal to the same items, as a Sample, a tuple or a list."""
        if isinstance(other, Sample):
            return (self.total, self.first) == (other.total, other.first)
        if isinstance(other, (tuple, list)):
            return self.total == len(other) and self.first == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Sample({self.first!r}{f' + {self.more} more' if self.more else ''})"


@dataclass(frozen=True)
class ImportReport:
    """What an import did, in file order: slugs added, updated (changed) and unchanged;
    pages found under a new file name (``(file, slug)``); pages refused; warnings. Each is
    counted in full and named up to :data:`REPORT_SAMPLE` times (see :class:`Sample`)."""

    added: Sample[str] = field(default_factory=Sample)
    updated: Sample[str] = field(default_factory=Sample)
    unchanged: Sample[str] = field(default_factory=Sample)
    renamed: Sample[tuple[str, str]] = field(default_factory=Sample)
    refused: Sample[Refusal] = field(default_factory=Sample)
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


class PageFiles(Sequence[Path]):
    """Page files in order, listed in a private temporary SQLite database on disk, where
    SQLite also sorts each folder's names: however many files there are, the list takes no
    memory (a list of path strings would take some 140 bytes a file). Each file is a ``Path``
    only while it is used."""

    def __init__(self) -> None:
        self._folders: list[str] = []
        self._db = sqlite3.connect("")  # "": a temporary database on disk, removed when closed
        self._db.execute("CREATE TABLE listed (folder INTEGER, name BLOB)")
        self._db.execute("CREATE TABLE file (folder INTEGER, name BLOB)")  # its rowid: position + 1
        self._count = 0
        self._sorted = 0  # how many of the files are in table file

    def extend(self, folder: str, names: Iterable[str]) -> None:
        """Add the files ``names`` of ``folder`` (a path string), sorted by name."""
        self._folders.append(folder)
        number = len(self._folders) - 1
        self._db.executemany("INSERT INTO listed VALUES (?, ?)", ((number, os.fsencode(n)) for n in names))
        self._count = self._db.execute("SELECT count(*) FROM listed").fetchone()[0] + self._sorted
        self._db.execute("INSERT INTO file SELECT folder, name FROM listed ORDER BY name")
        self._db.execute("DELETE FROM listed")
        self._sorted = self._count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            rows = self._db.execute(
                "SELECT folder, name FROM file WHERE rowid > ? AND rowid <= ? ORDER BY rowid", (start, stop)
            )
            return [Path(self._folders[f], os.fsdecode(name)) for f, name in rows][::step]
        position = index + len(self) if index < 0 else index
        row = self._db.execute("SELECT folder, name FROM file WHERE rowid = ?", (position + 1,)).fetchone()
        if row is None:
            raise IndexError(index)
        return Path(self._folders[row[0]], os.fsdecode(row[1]))


def _is_page(name: str) -> bool:
    return os.path.splitext(name)[1] == PAGE_SUFFIX  # as Path(name).suffix, without the Path


def collect_page_files(paths: Iterable[Path]) -> PageFiles:
    """The page files named: files as given, folders' ``*.txt`` files sorted by name."""
    files = PageFiles()
    for path in paths:
        if path.is_dir():
            with os.scandir(path) as found:
                files.extend(str(path), (e.name for e in found if _is_page(e.name) and e.is_file()))
        elif path.is_file():
            files.extend(str(path.parent), [path.name])
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


@functools.lru_cache(maxsize=4096)
def _normal_name(name: str) -> str:
    """:func:`_normal` of a short name that recurs on page after page (a Related FAQ line)."""
    return _normal(name)


def classify(page: ParsedPage, tree: TreeSpec) -> str:
    """Choose the page's topic from its title and text and its Related FAQ lines.

    A page's Related FAQ lists every topic of its department except its own (whose name the
    site leaves empty), so a single topic missing from a list that has an empty entry is
    strong evidence. Keywords in the title count three times those in the question. A group's keywords
    ("thyroid", "breast") add half as much to each of its topics, so a page about a thyroid
    adenoma or a thyroid ultrasound stays in the thyroid group.
    """
    return Classifier(tree)(page)


class Classifier:
    """:func:`classify` for many pages: the tree's names and keywords are normalised once."""

    def __init__(self, tree: TreeSpec) -> None:
        def padded(keywords: Iterable[str]) -> tuple[tuple[str, frozenset[str]], ...]:
            # Each keyword with its words: one whose words are not all on the page is not counted.
            return tuple((f" {_normal(k)} ", frozenset(_normal(k).split())) for k in keywords)

        self._groups = {slug: padded(words) for slug, words in tree.group_keywords.items()}
        self._topics = [(t.slug, t.group, _normal(t.faq_name), padded(t.keywords)) for t in tree.topics]

    def __call__(self, page: ParsedPage) -> str:
        title = f" {_normal(page.title)} "
        text = f" {_normal(page.question_md)} "
        present = {*title.split(), *text.split()}
        listed = {_normal_name(name) for name, _ in page.related if name}
        has_blank = any(not name for name, _ in page.related)
        missing = [slug for slug, _group, faq, _keys in self._topics if faq not in listed]

        def hits(keywords: tuple[tuple[str, frozenset[str]], ...]) -> float:
            return sum(3 * title.count(k) + text.count(k) for k, words in keywords if words <= present)

        group_scores = {slug: 0.5 * hits(words) for slug, words in self._groups.items()}
        best, best_score = "", -1.0
        for slug, group, _faq, keywords in self._topics:
            score = hits(keywords) + group_scores.get(group, 0.0)
            if has_blank and len(missing) == 1 and missing[0] == slug:
                score += 5
            # Ties go to the earlier topic in the tree, so the choice never depends on dict order.
            if score > best_score:
                best, best_score = slug, score
        return best


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


#: A page file larger than this cannot be a page (MAX_PAGE_CHARS characters of UTF-8, at
#: most 4 bytes each, and a BOM): it is refused before it is read.
MAX_PAGE_BYTES = 4 * MAX_PAGE_CHARS + 3
#: Pages written per batch (one executemany per table); the whole import stays one transaction.
BATCH = 1000

Progress = Callable[[int, int], None]  # (files done, files in all)


def read_page(path: Path) -> ParsedPage:
    """The page in the file ``path``, or InputError naming the file (a file too large to
    be a page is refused before it is read)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read the page ({exc.strerror})", where=str(path)) from None
    if size > MAX_PAGE_BYTES:
        raise InputError(
            f"the file has {size:,} bytes; a Q&A page has at most {MAX_PAGE_CHARS:,} characters",
            where=str(path),
        )
    return parse_page(read_page_text(path), str(path))


def page_digest(path: Path, setting: str) -> str:
    """What decides how the page ``path`` is stored, as one hash: its file name and bytes,
    its provenance sidecar's bytes and ``setting`` (the tree and this page's topic pin). A
    page whose digest is the stored one is unchanged and is neither parsed nor written."""
    h = hashlib.blake2b(digest_size=16)
    for part in (setting.encode(), path.name.encode(), _bytes(path), _bytes(sidecar_path(path))):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:  # one open and fstat: this runs for every file
            if os.fstat(handle.fileno()).st_size > MAX_PAGE_BYTES:
                return b"\0too large\0"  # refused when parsed; never read whole
            return handle.read()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", where=str(path)) from None


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _identity(title: str, asker_alias: str, ask_date: dt.date, doctor: str) -> bytes:
    """A page's identity by content (what the site shows of who asked whom, when), hashed."""
    raw = repr((title, asker_alias, ask_date.isoformat(), doctor))
    return hashlib.blake2b(raw.encode(), digest_size=16).digest()


@dataclass(slots=True)
class _Stored:
    """A stored question as the import needs it: id, slug and the digest it was stored from."""

    id: int
    slug: str
    digest: str | None


def _sqlite(conn: Connection) -> sqlite3.Connection:
    """The SQLite connection under ``conn`` (in its transaction), for the temporary tables
    that keep an import's lookups out of memory."""
    db = conn.connection.driver_connection
    assert isinstance(db, sqlite3.Connection)
    return db


def _table(model: type[ContentBase]) -> Table:
    return cast(Table, model.__table__)


_Q, _R, _A = _table(Question), _table(Reply), _table(Article)
_S, _T, _H = _table(SimilarQuestion), _table(RelatedTopic), _table(PageHash)
_DOC, _DEPT = _table(Doctor), _table(Department)
_PAGE_ROWS: tuple[Table, ...] = (_R, _S, _T, _A)  # what a page file says beside its question
_PROVENANCE: tuple[Table, ...] = (_table(PageSource), _table(EditorNote))  # what its sidecar says


class _Batch:
    """Rows of up to :data:`BATCH` pages, written table by table (Core executemany)."""

    def __init__(self) -> None:
        self.replaced: dict[int, tuple[Table, ...]] = {}  # question -> its rows written again
        self.new: list[dict[str, object]] = []
        self.changed: list[dict[str, object]] = []
        self.rows: dict[Table, list[dict[str, object]]] = {t: [] for t in (*_PAGE_ROWS, *_PROVENANCE, _H)}

    def __len__(self) -> int:
        return len(self.new) + len(self.changed) + len(self.rows[_H])

    def write(self, conn: Connection) -> None:
        for tables in (_PAGE_ROWS + _PROVENANCE, _PAGE_ROWS, _PROVENANCE):
            ids = [qid for qid, which in self.replaced.items() if which == tables]
            for n in range(0, len(ids), 500):
                for table in tables:
                    conn.execute(delete(table).where(table.c.question_id.in_(ids[n : n + 500])))
        if self.new:
            conn.execute(insert(_Q), self.new)
        if self.changed:
            conn.execute(update(_Q).where(_Q.c.id == bindparam("qid")), self.changed)
        for table, rows in self.rows.items():
            if rows:
                conn.execute(insert(table).prefix_with("OR REPLACE") if table is _H else insert(table), rows)
        self.__init__()  # type: ignore[misc]


class _Importer:
    """Streams page files into a content DB (see :func:`import_files`)."""

    def __init__(self, conn: Connection, tree: TreeSpec, overrides: Mapping[str, str]) -> None:
        self.conn, self.overrides = conn, overrides
        session = Session(bind=conn, autoflush=False)
        topics = ensure_tree(session, tree)
        session.flush()
        self.topics = {slug: t.id for slug, t in topics.items()}
        # A Related FAQ line names a topic by its FAQ label or its title (titles win).
        self.topic_names = {_normal(t.faq_name): t.id for t in topics.values() if t.faq_name}
        self.topic_names.update({_normal(t.title): t.id for t in topics.values()})
        self.classify = Classifier(tree)
        self.faq_names = [t.faq_name for t in tree.topics]
        self.tree_digest = hashlib.blake2b(repr(tree).encode(), digest_size=16).hexdigest()
        self.stored: dict[str, _Stored] = {}  # of the files being imported (see :meth:`look_up`)
        self.next_id = int(conn.execute(select(func.coalesce(func.max(_Q.c.id), 0))).scalar_one()) + 1
        self.departments = dict(
            conn.execute(select(Department.name, Department.id).order_by(Department.id)).all()
        )
        self.doctors = {
            (name, dept): (did, line)
            for did, name, dept, line in conn.execute(
                select(Doctor.id, Doctor.name, Doctor.department_id, Doctor.title_line).order_by(Doctor.id)
            )
        }
        self.db = _sqlite(conn)
        self._identities = False  # whether the stored identities are in temp.import_identity
        self.new_identities: dict[bytes, int] = {}  # of the pages queued in the batch
        self.batch = _Batch()
        self.pending: set[int] = set()  # questions queued in the batch, not yet written
        self.wrote = False  # whether any question was added or changed

    # Finding the stored page -----------------------------------------------------------------

    def look_up(self, keys: Sequence[str]) -> None:
        """Read the stored questions of the source ``keys`` (the files of the next batch):
        :attr:`stored` holds them, and the pages of the batch stored under a new key."""
        self.flush()  # the DB then holds every page before these
        unique = list(dict.fromkeys(keys))
        self.stored = {}
        for n in range(0, len(unique), 500):
            rows = self.conn.execute(
                select(_Q.c.source_key, _Q.c.id, _Q.c.slug, _H.c.hash)
                .outerjoin(_H, _H.c.question_id == _Q.c.id)
                .where(_Q.c.source_key.in_(unique[n : n + 500]))
            )
            self.stored.update((key, _Stored(qid, slug, digest)) for key, qid, slug, digest in rows)

    def identity(self, identity: bytes) -> int | None:
        """The first stored or queued question with this content identity. The stored
        identities are hashed into a temporary table once per import, when the first page
        is parsed (a first import's are none): memory stays flat."""
        if not self._identities:
            self.flush()
            self.db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS import_identity "
                "(identity BLOB PRIMARY KEY, question_id INTEGER NOT NULL) WITHOUT ROWID"
            )
            self.db.execute("DELETE FROM temp.import_identity")
            rows = self.conn.execute(
                select(_Q.c.title, _Q.c.asker_alias, _Q.c.ask_date, Doctor.name, _Q.c.id)
                .join(_R, _R.c.question_id == _Q.c.id)
                .join(_DOC, Doctor.id == _R.c.doctor_id)
                .order_by(_Q.c.id)
            )
            while chunk := rows.fetchmany(BATCH):
                self._remember((_identity(*row[:4]), row[4]) for row in chunk)
            self._identities = True
        found = self.db.execute(
            "SELECT question_id FROM temp.import_identity WHERE identity = ?", (identity,)
        ).fetchone()
        return int(found[0]) if found else self.new_identities.get(identity)

    def _remember(self, identities: Iterable[tuple[bytes, int]]) -> None:
        """Add (identity, question) pairs; an identity already known keeps its question."""
        self.db.executemany("INSERT OR IGNORE INTO temp.import_identity VALUES (?, ?)", identities)

    def drop_identities(self) -> None:
        if self._identities:
            self.db.execute("DROP TABLE temp.import_identity")
            self._identities = False

    def signature(self, qid: int) -> tuple[object, ...]:
        """What a reader sees of a stored question, to tell an unchanged page from an update."""
        if qid in self.pending:
            self.flush()
        c = self.conn
        question = c.execute(
            select(_Q.c.title, _Q.c.body_md, _Q.c.asker_alias, _Q.c.age_band, _Q.c.sex, _Q.c.ask_date,
                   _Q.c.topic_id).where(_Q.c.id == qid)
        ).one()  # fmt: skip
        reply = c.execute(
            select(_R.c.body_md, _R.c.reply_date, Doctor.name, Doctor.title_line, Department.name)
            .join(_DOC, Doctor.id == _R.c.doctor_id)
            .join(_DEPT, Department.id == Doctor.department_id)
            .where(_R.c.question_id == qid)
            .order_by(_R.c.id)
        ).first()
        more = c.scalar(
            select(_A.c.body_md).where(_A.c.question_id == qid, _A.c.kind == "more_info").order_by(_A.c.id)
        )
        similar = c.execute(
            select(_S.c.title, _S.c.question_excerpt, _S.c.doctor_name, _S.c.department, _S.c.reply_excerpt)
            .where(_S.c.question_id == qid).order_by(_S.c.position)
        ).all()  # fmt: skip
        related = c.execute(
            select(_T.c.name, _T.c.department).where(_T.c.question_id == qid).order_by(_T.c.position)
        ).all()
        return (
            *question, tuple(reply) if reply else None, more or "",
            tuple(tuple(r) for r in similar), tuple(tuple(r) for r in related),
        )  # fmt: skip

    def parsed_signature(self, page: ParsedPage, topic_id: int) -> tuple[object, ...]:
        return (
            page.title, page.question_md, page.asker_alias, page.age_band, page.sex, page.ask_date,
            topic_id,
            (page.reply_md, page.reply_date, page.doctor, page.title_line, page.department),
            page.more_info_md,
            tuple((s.title, s.question_excerpt, s.doctor, s.department, s.reply_excerpt)
                  for s in page.similar),
            tuple(page.related),
        )  # fmt: skip

    # Writing ---------------------------------------------------------------------------------

    def department(self, name: str) -> int:
        if name not in self.departments:
            result = self.conn.execute(insert(_DEPT).values(name=name))
            self.departments[name] = _new_id(result)
        return self.departments[name]

    def doctor(self, name: str, department: str, title_line: str) -> int:
        dept = self.department(department)
        found = self.doctors.get((name, dept))
        if found is None:
            result = self.conn.execute(
                insert(_DOC).values(name=name, department_id=dept, title_line=title_line)
            )
            found = (_new_id(result), title_line)
        elif title_line and title_line != found[1]:
            self.conn.execute(update(_DOC).where(Doctor.id == found[0]).values(title_line=title_line))
            found = (found[0], title_line)
        self.doctors[(name, dept)] = found
        return found[0]

    def flush(self) -> None:
        """Write the pages queued so far."""
        self.wrote = self.wrote or bool(self.batch.new or self.batch.changed)
        self.batch.write(self.conn)
        self.pending.clear()
        if self._identities and self.new_identities:
            self._remember(self.new_identities.items())
            self.new_identities.clear()

    def page(self, path: Path, digest: str) -> tuple[str, str, bool]:
        """Store one page whose digest is not the stored one: (slug, "added" | "updated" |
        "unchanged", found by content under another file name)."""
        page = read_page(path)
        if gap := related_gap(page, self.faq_names):  # a page cut off in its Related FAQ list
            raise InputError(gap, where=str(path))
        sidecar = load_sidecar(path)
        key = source_key(path)
        stored = self.stored.get(key)
        identity = _identity(page.title, page.asker_alias, page.ask_date, page.doctor)
        by_identity = self.identity(identity) if stored is None else None
        qid = stored.id if stored is not None else by_identity
        by_content = stored is None and qid is not None
        if by_content and sidecar is not None:
            raise InputError(
                "this sidecar's page was matched to a page imported under another file name; "
                "rename the sidecar to match that page",
                where=str(sidecar.path),
            )
        topic_id = self.topics[self.overrides.get(path.name) or self.classify(page)]
        b = self.batch
        if qid is None:
            qid, self.next_id, status = self.next_id, self.next_id + 1, "added"
        elif (stored_signature := self.signature(qid)) == self.parsed_signature(page, topic_id):
            status = "unchanged"
        elif by_content and (
            lost := parts_lost(PageParts.stored(*stored_signature[8:11]), PageParts.of(page))  # type: ignore[arg-type]
        ):
            raise InputError(
                f"is a copy of the stored page {self._key_and_source(qid)[1]} without {', '.join(lost)}; "
                "the stored page was kept",
                where=str(path),
            )
        else:
            status = "updated"
        # A page found by content keeps its first file's key and name (and that file's sidecar).
        key, source = self._key_and_source(qid) if by_content else (key, path.name)
        provenance = [] if by_content else self._provenance(qid, page, sidecar)  # checked before queuing
        slug = question_slug(page.title, key)
        if status != "unchanged":
            row = {
                "slug": slug, "topic_id": topic_id, "title": page.title, "body_md": page.question_md,
                "asker_alias": page.asker_alias, "age_band": page.age_band, "sex": page.sex,
                "ask_date": page.ask_date,
            }  # fmt: skip
            row["source"] = source
            if status == "added":
                b.new.append({"id": qid, "source_key": key, **row})
            else:
                b.changed.append({"qid": qid, **row})
                b.replaced[qid] = _PAGE_ROWS
            self._page_rows(qid, slug, page)
        if not by_content:
            if status != "added":
                b.replaced[qid] = b.replaced.get(qid, ()) + _PROVENANCE
            for table, row in provenance:
                b.rows[table].append(row)
            b.rows[_H].append({"question_id": qid, "hash": digest})
            self.stored[key] = _Stored(qid, slug, digest)
        if (by_identity if stored is None else self.identity(identity)) is None:
            self.new_identities[identity] = qid  # later pages of the import find it
        self.pending.add(qid)
        return slug, status, by_content

    def _key_and_source(self, qid: int) -> tuple[str, str]:
        """The stored question's key and file name (what a page found by content keeps)."""
        if qid in self.pending:
            self.flush()
        key, source = self.conn.execute(select(_Q.c.source_key, _Q.c.source).where(_Q.c.id == qid)).one()
        return str(key), str(source)

    def _page_rows(self, qid: int, slug: str, page: ParsedPage) -> None:
        rows = self.batch.rows
        rows[_R].append({
            "question_id": qid, "doctor_id": self.doctor(page.doctor, page.department, page.title_line),
            "body_md": page.reply_md, "reply_date": page.reply_date,
        })  # fmt: skip
        if page.more_info_md:
            rows[_A].append({
                "slug": f"{slug}/more-info", "kind": "more_info", "question_id": qid, "topic_id": None,
                "title": f"More about: {page.title}", "body_md": page.more_info_md, "sources": "",
                "last_checked": None, "reading_grade": None, "reading_grade_2": None,
            })  # fmt: skip
        for position, sim in enumerate(page.similar):
            rows[_S].append({
                "question_id": qid, "position": position, "title": sim.title,
                "question_excerpt": sim.question_excerpt, "doctor_name": sim.doctor,
                "department": sim.department, "reply_excerpt": sim.reply_excerpt, "local_question_id": None,
            })  # fmt: skip
        for position, (name, dept) in enumerate(page.related):
            rows[_T].append({
                "question_id": qid, "position": position, "name": name, "department": dept,
                "topic_id": self.topic_names.get(_normal_name(name)) if name else None,
            })  # fmt: skip

    def _provenance(
        self, qid: int, page: ParsedPage, sidecar: Sidecar | None
    ) -> list[tuple[Table, dict[str, object]]]:
        """The rows of the page's provenance sidecar (if any), its notes checked against the
        page (InputError, raised before any row of the page is queued)."""
        if sidecar is None:
            return []
        check_note_targets(
            sidecar, {"question": page.question_md, "reply": page.reply_md, "more_info": page.more_info_md}
        )
        rows: list[tuple[Table, dict[str, object]]] = [
            (_PROVENANCE[0], {"question_id": qid, **dataclasses.asdict(sidecar.source)})
        ]
        for note in sidecar.notes:
            if note.guide and note.guide not in self.topics:
                raise InputError(f"editor note names unknown topic {note.guide!r}", where=str(sidecar.path))
            rows.append((_PROVENANCE[1], {
                "question_id": qid, "part": note.part, "paragraph": note.paragraph, "note": note.note,
                "sources": "\n".join(note.sources), "checked": note.checked,
                "guide_topic_id": self.topics[note.guide] if note.guide else None,
            }))  # fmt: skip
        return rows


def import_files(
    conn: Connection,
    files: Sequence[Path],
    tree: TreeSpec,
    overrides: Mapping[str, str] | None = None,
    *,
    keep_going: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import page files through ``conn`` (the caller owns the transaction: all or nothing).

    Streams: each file is hashed (:func:`page_digest`) and compared with the digest its
    question was stored from, read once per import; only a page whose digest differs is
    parsed, classified and written, in batches, so memory does not grow with the number of
    pages. Without ``keep_going`` the first malformed page raises (the caller rolls back);
    with it, malformed pages are reported as refused and the good ones imported.
    """
    overrides = overrides or {}
    known = {t.slug for t in tree.topics}
    for name, slug in overrides.items():
        if slug not in known:
            raise InputError(
                f"override for {name!r} names unknown topic {slug!r}", where="topic-overrides.toml"
            )
    importer = _Importer(conn, tree, overrides)
    report = ImportReport()
    done = {"added": report.added, "updated": report.updated, "unchanged": report.unchanged}
    for start in range(0, len(files), BATCH):
        chunk = files[start : start + BATCH]
        keys = [source_key(path) for path in chunk]
        importer.look_up(keys)
        for number, (path, key) in enumerate(zip(chunk, keys, strict=True), start=start + 1):
            digest = page_digest(path, f"{importer.tree_digest}|{overrides.get(path.name, '')}")
            stored = importer.stored.get(key)
            if stored is not None and stored.digest == digest:
                report.unchanged.append(stored.slug)
            else:
                try:
                    slug, status, by_content = importer.page(path, digest)
                except InputError as exc:
                    if not keep_going:
                        raise
                    report.refused.append(Refusal(exc.where or str(path), exc.message))
                else:
                    done[status].append(slug)
                    if by_content:
                        report.renamed.append((path.name, slug))
            if progress is not None:
                progress(number, len(files))
    importer.flush()
    importer.drop_identities()
    if importer.wrote:
        relink_similar(conn)
    return report


def _opening(text: str) -> str:
    """The first 60 characters of ``_normal(text)``, normalising only as much of it as that needs."""
    for size in (240, 960):
        if len(text) <= size:
            break
        head = _normal(text[:size])
        if head.rfind(" ") >= 60:  # the words up to there are whole, so they are exact
            return head[:60]
    return _normal(text)[:60]


def _excerpt_opening(excerpt: str) -> str | None:
    """The opening of a Similar Q&A's question excerpt when it is long enough to name a
    question (40 characters), else None."""
    opening = _opening(excerpt.rstrip("…"))
    return opening if len(opening) >= 40 else None


def relink_similar(conn: Connection) -> None:
    """Point every Similar Q&A at the local question with the same title or opening text
    (in SQL, through temporary tables, so memory does not grow with the library; only links
    that change are written)."""
    db = _sqlite(conn)
    db.create_function("import_normal", 1, _normal, deterministic=True)
    db.create_function("import_opening", 1, _opening, deterministic=True)
    db.create_function("import_excerpt_opening", 1, _excerpt_opening, deterministic=True)
    temp = ("relink_title", "relink_body", "relink_change")
    for name in temp:
        db.execute(f"DROP TABLE IF EXISTS temp.{name}")
    # The first question (by id) of each title and of each opening.
    for name in temp[:2]:
        db.execute(f"CREATE TEMP TABLE {name} (key TEXT PRIMARY KEY, question_id INTEGER) WITHOUT ROWID")
    db.execute("CREATE TEMP TABLE relink_change (id INTEGER PRIMARY KEY, target INTEGER)")
    for name, key in (("relink_title", "import_normal(title)"), ("relink_body", "import_opening(body_md)")):
        db.execute(f"INSERT OR IGNORE INTO {name} SELECT {key}, id FROM question ORDER BY id")
    # A title names its question, else a long enough opening; a page never names itself.
    db.execute(
        """WITH similar AS MATERIALIZED (
            SELECT s.id, s.local_question_id AS linked, nullif(coalesce(
                (SELECT question_id FROM relink_title WHERE key = import_normal(s.title)),
                (SELECT question_id FROM relink_body WHERE key = import_excerpt_opening(s.question_excerpt))
            ), s.question_id) AS target
            FROM similar_question AS s
        )
        INSERT INTO relink_change SELECT id, target FROM similar WHERE linked IS NOT target"""
    )
    db.execute(
        """UPDATE similar_question SET local_question_id =
            (SELECT target FROM relink_change WHERE relink_change.id = similar_question.id)
        WHERE id IN (SELECT id FROM relink_change)"""
    )
    for name in temp:
        db.execute(f"DROP TABLE temp.{name}")
