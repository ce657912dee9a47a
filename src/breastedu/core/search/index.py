"""The search index: a tantivy index derived from the content DB, never shipped.

The content DB is the one source of truth. The index is built from it:
- in memory, for a small library (the bundled seed, a test library) or where nothing may be
  written (kiosk mode): building takes well under a second;
- in the cache folder for a large one, by ``breastedu import`` or at first start, keyed by
  the content DB's path, size and modification time and :data:`INDEX_VERSION`, so that an
  edited or replaced content DB gets a fresh index automatically. A build goes to a
  temporary folder that is renamed into place only when complete.

Each page is one tantivy document with three scored text fields: ``title`` (a question's
title; a topic's name and FAQ label), ``body`` (the text, replies and More Info) and
``captions`` (picture alt text, which weighs little). Text is turned into terms here, in
Python (:mod:`breastedu.core.search.text`: folded, plural-stemmed words, CJK characters and
pairs, plus a concept term per synonym entry) and handed to tantivy joined by spaces
(its ``whitespace`` tokenizer), so query time uses exactly the same terms. Term frequencies
are kept (bm25), positions are not (nothing needs phrases; the index stays small).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from breastedu.core.search.synonyms import Synonyms, store_synonyms
from breastedu.core.search.text import cjk_terms, index_text, is_cjk, stem, words

if TYPE_CHECKING:
    import tantivy

#: Bump when the index's fields or terms change: every cached index is then rebuilt.
INDEX_VERSION = 3  # 3: Chinese folded to Taiwan Traditional, Chinese synonyms, translated pages
#: Content DBs smaller than this get an in-memory index (built at start-up in well under 1 s).
ON_DISK_MIN_BYTES = 16 << 20
TEXT_FIELDS = ("title", "body", "captions")
KIND_QUESTION, KIND_GUIDE, KIND_TOPIC = 0, 1, 2
_HEAP = 64 << 20  # tantivy writer memory

Progress = Callable[[int, int], None]  # (documents done, documents in all)


def schema() -> tantivy.Schema:
    """The index's fields (see the module docstring)."""
    import tantivy  # here, not at import: the window shows before the engine loads

    builder = tantivy.SchemaBuilder()
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    builder.add_unsigned_field("topic", indexed=True, fast=True)
    builder.add_unsigned_field("kind", fast=True)
    builder.add_unsigned_field("ref", fast=True)  # question id, or topic id for guides/topics
    return builder.build()


@dataclass(frozen=True)
class Doc:
    """One page to index (``ref`` is the question's id, or the topic's for guides/topics)."""

    kind: int
    ref: int
    topic_id: int
    title: str
    body: str
    captions: str = ""
    translated: bool = False  # a page's text in another language (search.translated)


_TOPICS_SQL = (
    "SELECT t.id, t.slug, t.title, t.faq_name, t.summary, g.title FROM topic t"
    " JOIN topic_group g ON g.id = t.group_id ORDER BY g.position, t.position, t.id"
)
_GUIDES_SQL = (
    "SELECT topic_id, title, body_md FROM article WHERE kind = 'guide' AND topic_id IS NOT NULL"
    " ORDER BY topic_id, id"
)


def topic_rows(con: sqlite3.Connection) -> list[tuple[int, str, str, str, str, str]]:
    """(id, slug, title, faq_name, summary, group title) of every topic, in tree order."""
    return [tuple(r) for r in con.execute(_TOPICS_SQL)]  # type: ignore[misc]


def guide_rows(con: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """topic id -> (guide title, guide Markdown), the first guide of each topic."""
    out: dict[int, tuple[str, str]] = {}
    for tid, title, body in con.execute(_GUIDES_SQL):
        out.setdefault(int(tid), (str(title), str(body)))
    return out


#: What answers a question, as ``(question_id, id, body_md)`` rows: doctors' replies and the
#: editors' long answers (an editors' answered question's short answer is its own body).
ANSWER_TEXTS = (
    "SELECT question_id, id, body_md FROM reply UNION ALL SELECT question_id, id, body_md FROM editor_answer"
)


def question_count(con: sqlite3.Connection) -> int:
    """How many questions the content DB holds."""
    return int(con.execute("SELECT count(*) FROM question").fetchone()[0])


def iter_docs(con: sqlite3.Connection) -> Iterator[Doc]:
    """Topics, guides, translated pages, then questions with their replies and More Info, in a
    fixed order.

    Questions stream in id order with their replies and articles merged alongside (three
    ordered cursors), so memory stays flat at any library size."""
    topics = topic_rows(con)
    for tid, _slug, title, faq, summary, _group in topics:
        yield Doc(KIND_TOPIC, tid, tid, f"{title}\n{faq}", summary)
    guides = guide_rows(con)
    for tid, *_ in topics:
        if tid in guides:
            title, body = guides[tid]
            text, captions = index_text(body)
            yield Doc(KIND_GUIDE, tid, tid, title, text, captions)
    from breastedu.core.search.translated import translated_docs

    yield from translated_docs(con)
    replies = con.execute(f"SELECT question_id, body_md FROM ({ANSWER_TEXTS}) ORDER BY question_id, id")
    infos = con.cursor().execute(
        "SELECT question_id, title, body_md FROM article WHERE kind = 'more_info'"
        " AND question_id IS NOT NULL ORDER BY question_id, id"
    )
    next_reply, next_info = replies.fetchone(), infos.fetchone()
    for qid, tid, title, body in con.cursor().execute(
        "SELECT id, topic_id, title, body_md FROM question ORDER BY id"
    ):
        parts = [body]
        while next_reply is not None and next_reply[0] <= qid:
            if next_reply[0] == qid:
                parts.append(next_reply[1])
            next_reply = replies.fetchone()
        while next_info is not None and next_info[0] <= qid:
            if next_info[0] == qid:
                parts.append(f"{next_info[1]}\n{next_info[2]}")
            next_info = infos.fetchone()
        text, captions = index_text("\n".join(parts))
        yield Doc(KIND_QUESTION, qid, tid, title, text, captions)


class _Stems(dict[str, str]):
    """word -> stem, computed once per distinct word (``map`` over it runs in C)."""

    def __missing__(self, word: str) -> str:
        self[word] = found = stem(word)
        return found


class _Terms:
    """Text -> the space-joined terms tantivy indexes (words, CJK parts, concepts)."""

    def __init__(self, synonyms: Synonyms) -> None:
        self._synonyms = synonyms
        self._stems = _Stems()

    def __call__(self, text: str) -> str:
        found = words(text)
        chinese: list[str] = []  # concept terms of the Chinese synonym entries
        if text.isascii():
            terms = list(map(self._stems.__getitem__, found))
        else:
            terms = []
            for w in found:
                if is_cjk(w):
                    terms.extend(cjk_terms(w))
                    chinese += self._synonyms.cjk.concepts(w)
                else:
                    terms.append(self._stems[w])
        joined = " ".join(terms)
        concepts = self._synonyms.concepts_in(terms, joined) + chinese
        return f"{joined} {' '.join(concepts)}" if concepts else joined


def build(
    con: sqlite3.Connection,
    synonyms: Synonyms,
    directory: Path | None = None,
    *,
    progress: Progress | None = None,
    threads: int = 1,
) -> tantivy.Index:
    """Index every page of the content DB ``con`` into ``directory`` (None: in memory)."""
    import tantivy

    index = tantivy.Index(schema(), path=None if directory is None else str(directory), reuse=False)
    writer = index.writer(_HEAP, threads)
    total = question_count(con)
    terms = _Terms(synonyms)
    done = 0
    for doc in iter_docs(con):
        d = tantivy.Document()
        d.add_text("title", terms(doc.title))
        d.add_text("body", terms(doc.body))
        d.add_text("captions", terms(doc.captions))
        d.add_unsigned("topic", doc.topic_id)
        d.add_unsigned("kind", doc.kind)
        d.add_unsigned("ref", doc.ref)
        writer.add_document(d)
        if doc.kind == KIND_QUESTION and not doc.translated:
            done += 1
            if progress is not None and (done % 2000 == 0 or done == total):
                progress(done, total)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


# Where the index lives ----------------------------------------------------------------------


def cache_key(db: Path) -> str:
    """Names the index of the content DB ``db`` as it is now (path, size, mtime, version)."""
    st = db.stat()
    raw = f"{INDEX_VERSION}|{db.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def wants_disk(db: Path | None, cache_dir: Path | None) -> bool:
    """True when ``db`` is large enough to keep its index in ``cache_dir`` between runs."""
    return (
        db is not None and cache_dir is not None and db.is_file() and db.stat().st_size >= ON_DISK_MIN_BYTES
    )


def open_cached(db: Path, cache_dir: Path) -> tantivy.Index | None:
    """The complete, current cached index of ``db``, or None."""
    import tantivy

    folder = cache_dir / cache_key(db)
    if (folder / "complete").is_file():
        try:
            return tantivy.Index.open(str(folder))
        except (OSError, ValueError):
            return None
    return None


def build_cached(
    con: sqlite3.Connection,
    synonyms: Synonyms,
    db: Path,
    cache_dir: Path,
    *,
    progress: Progress | None = None,
) -> tantivy.Index:
    """Build the index of ``db`` into ``cache_dir`` (atomically) and drop its stale ones."""
    import tantivy

    cache_dir.mkdir(parents=True, exist_ok=True)
    key = cache_key(db)
    final = cache_dir / key
    tmp = Path(tempfile.mkdtemp(prefix=f"{key}.building-", dir=cache_dir))
    try:
        build(con, synonyms, tmp, progress=progress, threads=2)
        (tmp / "source").write_text(str(db.resolve()), encoding="utf-8")
        (tmp / "complete").write_text(str(INDEX_VERSION), encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:  # another process finished first: use its index
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _drop_stale(db, cache_dir, keep=key)
    return tantivy.Index.open(str(final))


def _drop_stale(db: Path, cache_dir: Path, *, keep: str) -> None:
    source = str(db.resolve())
    for folder in sorted(cache_dir.iterdir()):
        if folder.name == keep or not folder.is_dir() or ".building-" in folder.name:
            continue
        try:
            stale = (folder / "source").read_text(encoding="utf-8") == source
        except OSError:
            stale = not (folder / "complete").exists()
        if stale:
            shutil.rmtree(folder, ignore_errors=True)


# The build step of build-seed and import ----------------------------------------------------

#: Tables an older app built inside the content DB; dropped so that nothing unread ships.
LEGACY_TABLES = (
    "search_fts",
    "search_info",
    "search_doc",
    "search_term",
    "search_list",
    "search_doc_term",
    "search_gram",
    "search_topic_key",
    "search_topic_name",
)


def refresh_content(conn: Connection, synonyms_path: Path | None) -> None:
    """The search part of building a content DB: (re)load ``synonym_group`` from
    ``synonyms_path`` when given, and drop search tables an older app stored in the DB.
    (The index itself is derived at run time or by :func:`build_cached`.)"""
    if synonyms_path is not None:
        store_synonyms(conn, synonyms_path)
    for table in LEGACY_TABLES:
        conn.execute(text(f"DROP TABLE IF EXISTS {table}"))
