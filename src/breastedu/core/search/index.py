"""The search index: a tantivy index derived from the content DB, shipped beside it.

The content DB is the one source of truth; the index is derived data:
- ``breastedu build-seed`` and ``breastedu import`` build it beside the DB they write
  (``seed.sqlite`` -> ``seed.sqlite.index/``, :func:`build_beside`), as a ZIM file carries
  its full-text index, so the bundled library's first start builds nothing. The index
  records the DB's *search key* (:func:`search_key`: a digest of what the index is built
  from, kept in the DB's ``meta`` by the build, :func:`refresh_content`); an index whose
  key or :data:`INDEX_VERSION` differs is stale and is not opened;
- failing that (an older DB, a DB copied without its index), in the cache folder for a
  large library, keyed by the DB's path, size and modification time, or in memory for a
  small one or where nothing may be written (kiosk mode): building takes well under a second.
Every build goes to a temporary ``*.building-<pid>-*`` folder renamed into place only when
complete; one left by a killed process is removed at the next start (:func:`remove_half_built`).

Each page is one tantivy document with three scored text fields: ``title`` (a question's
title; a topic's name and FAQ label), ``body`` (the text, replies and More Info) and
``captions`` (picture alt text, which weighs little). Text is turned into terms here, in
Python (:mod:`breastedu.core.search.text`: folded, plural-stemmed words, CJK characters and
pairs, plus a concept term per synonym entry) and handed to tantivy joined by spaces
(its ``whitespace`` tokenizer), so query time uses exactly the same terms. Term frequencies
are kept (bm25), positions are not (nothing needs phrases; the index stays small). A fourth,
unscored field, ``xbody``, lists the title and caption terms a page's text lacks (documents
only): it finds the few pages that match a word of a query only there (see
``SearchService._every``).
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

from breastedu.core.search import cjk
from breastedu.core.search.highlight import SNIPPET_CHARS, SNIPPET_SCAN
from breastedu.core.search.synonyms import Synonyms, store_synonyms
from breastedu.core.search.text import cjk_runs, cjk_terms, index_text, is_cjk, plain_text, stem, words

if TYPE_CHECKING:
    import tantivy

#: Bump when the index's fields or terms change: every cached or shipped index is then stale.
#: 3: a question's stored "page" (what its result row shows); 4: Chinese folded to Taiwan
#: Traditional, Chinese synonyms, translated pages; 5: a translated answer's row is its English
#: page's (slug, title, snippet text); 6: the rankings of one- and two-letter words
#: (:mod:`breastedu.core.search.short`); 7: and the words they stand for, and each letter's
#: words for "did you mean"; 8: and the rankings of the most frequent of them in each topic;
#: 9: ``xbody``, the title and caption terms a page's text lacks.
INDEX_VERSION = 9
#: The ``meta`` key under which a content DB records its search key (see :func:`search_key`).
SEARCH_KEY = "search_key"
_BUILDING = ".building-"
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
    # The title and caption terms that the page's text (body) lacks: see SearchService._every.
    builder.add_text_field("xbody", tokenizer_name="whitespace", index_option="basic")
    builder.add_unsigned_field("topic", indexed=True, fast=True)
    builder.add_unsigned_field("kind", fast=True)
    builder.add_unsigned_field("ref", fast=True)  # question id, or topic id for guides/topics
    builder.add_bytes_field("page", stored=True)  # a question's result row: see :func:`page_bytes`
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
    slug: str = ""  # a question's
    snippet_text: str = ""  # a question's text as its snippets read it (see :func:`page_bytes`)
    translated: bool = False  # a page's text in another language (search.translated)
    shown_title: str = ""  # the title its result row shows, when not ``title`` (a translation's)


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
    for qid, slug, tid, title, body in con.cursor().execute(
        "SELECT id, slug, topic_id, title, body_md FROM question ORDER BY id"
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
        whole = "\n".join(parts)
        text, captions = index_text(whole)
        yield Doc(KIND_QUESTION, qid, tid, title, text, captions, slug, snippet_source(whole))


def snippet_source(markdown: str) -> str:
    """The part of a question's text (Markdown of the question, replies and More Info) that
    a snippet can show, as plain text: a snippet looks for a match in the first
    ``SNIPPET_SCAN`` characters and shows ``SNIPPET_CHARS`` from there (one more tells
    whether the text goes on). Cut before cleaning, which only shortens it."""
    return plain_text(markdown[: 2 * SNIPPET_SCAN])[: SNIPPET_SCAN + SNIPPET_CHARS + 1]


@dataclass(frozen=True)
class StoredPage:
    """What a question's result row shows, stored in its document (read by address)."""

    slug: str
    title: str
    topic_id: int
    text: str  # :func:`snippet_source`


def page_bytes(doc: Doc) -> bytes:
    """A question's :class:`StoredPage` as stored: its fields joined by NUL (which no text holds)."""
    title = doc.shown_title or doc.title
    return "\0".join((doc.slug, title, str(doc.topic_id), doc.snippet_text)).encode()


def stored_page(raw: bytes) -> StoredPage:
    """The :class:`StoredPage` of :func:`page_bytes`."""
    slug, title, topic, text = raw.decode().split("\0", 3)
    return StoredPage(slug, title, int(topic), text)


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
        title, body, captions = terms(doc.title), terms(doc.body), terms(doc.captions)
        d.add_text("title", title)
        d.add_text("body", body)
        d.add_text("captions", captions)
        lacking = set(title.split()).union(captions.split()).difference(body.split())
        if lacking:
            d.add_text("xbody", " ".join(sorted(lacking)))
        d.add_unsigned("topic", doc.topic_id)
        d.add_unsigned("kind", doc.kind)
        d.add_unsigned("ref", doc.ref)
        if doc.kind == KIND_QUESTION:
            d.add_bytes("page", page_bytes(doc))
        writer.add_document(d)
        if doc.kind == KIND_QUESTION and not doc.translated:
            done += 1
            if progress is not None and (done % 2000 == 0 or done == total):
                progress(done, total)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    if directory is not None:  # the rankings of one- and two-letter words, kept beside it
        from breastedu.core.search.service import SearchService  # it imports this module

        topics = [tid for tid, *_ in topic_rows(con)]
        SearchService.keep_short_rankings(index, synonyms, directory, topics)
        # and the synonym entries' Chinese folded (no OpenCC to load for their highlights)
        cjk.write_folds(directory, (run for entry, _c in synonyms.chinese for run in cjk_runs(entry)))
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
            found = tantivy.Index.open(str(folder))
        except (OSError, ValueError):
            return None
        cjk.read_folds(folder)
        return found
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
    tmp = _building(cache_dir, key)
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
        if folder.name == keep or not folder.is_dir() or _BUILDING in folder.name:
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
    """The search part of building a content DB, inside its transaction: (re)load
    ``synonym_group`` from ``synonyms_path`` when given, drop search tables an older app
    stored in the DB, and record the DB's search key (the index itself is built after the
    DB is complete, by :func:`build_beside`)."""
    if synonyms_path is not None:
        store_synonyms(conn, synonyms_path)
    for table in LEGACY_TABLES:
        conn.execute(text(f"DROP TABLE IF EXISTS {table}"))
    con = conn.connection.driver_connection
    assert isinstance(con, sqlite3.Connection)
    conn.execute(text("DELETE FROM meta WHERE key = :k"), {"k": SEARCH_KEY})
    conn.execute(
        text("INSERT INTO meta (key, value) VALUES (:k, :v)"), {"k": SEARCH_KEY, "v": search_key(con)}
    )


#: What the index is built from, in a fixed order. An imported page's question is stood for by
#: the digest its page was stored from (``page_hash``: its file, sidecar and topic); any other
#: question (an editors' answer) by its text.
_KEY_SOURCES = (
    "SELECT id, topic_id, hash FROM question JOIN page_hash ON question_id = id ORDER BY id",
    "SELECT id, topic_id, title, body_md FROM question WHERE id NOT IN (SELECT question_id FROM page_hash)"
    " ORDER BY id",
    "SELECT question_id, id, body_md FROM editor_answer ORDER BY question_id, id",
    _TOPICS_SQL,
    _GUIDES_SQL,
    "SELECT id, words FROM synonym_group ORDER BY id",
)


def search_key(con: sqlite3.Connection) -> str:
    """A digest of everything the index of the content DB ``con`` is built from (and of
    :data:`INDEX_VERSION`): equal keys, equal indexes. One pass over small columns."""
    from breastedu.core.search.translated import translated_key_rows  # it imports this module

    h = hashlib.blake2b(f"index {INDEX_VERSION}".encode(), digest_size=16)
    for sql in _KEY_SOURCES:
        for row in con.execute(sql):
            h.update(repr(row).encode())
    for row in translated_key_rows(con):
        h.update(repr(row).encode())
    return h.hexdigest()


def stored_key(con: sqlite3.Connection) -> str | None:
    """The search key the content DB ``con`` recorded when it was built, if any."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = ?", (SEARCH_KEY,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


# The index shipped beside its content DB --------------------------------------------------


def beside(db: Path) -> Path:
    """Where the index of the content DB ``db`` ships: ``<db file name>.index`` beside it."""
    return db.with_name(db.name + ".index")


def _marker(key: str) -> str:
    return f"{INDEX_VERSION}\n{key}\n"


def open_beside(db: Path, key: str | None) -> tantivy.Index | None:
    """The index shipped beside ``db`` if it was built from the DB as it is (``key``: the
    DB's recorded search key), or None. Opening only reads the folder."""
    import tantivy

    folder = beside(db)
    if key is None:
        return None
    try:
        if (folder / "complete").read_text(encoding="utf-8") != _marker(key):
            return None
        found = tantivy.Index.open(str(folder))
    except (OSError, ValueError):
        return None
    cjk.read_folds(folder)
    return found


def build_beside(db: Path, progress: Progress | None = None) -> bool:
    """Build the index of the finished content DB ``db`` beside it, replacing a stale one;
    False when the one there is current (nothing built). The step ``build-seed`` and
    ``import`` run last (:func:`breastedu.core.search.build.build_step`). OSError if the
    folder is not writable."""
    from breastedu.core.content.engine import open_content_readonly

    folder = beside(db)
    engine = open_content_readonly(db, immutable=False)
    try:
        with engine.connect() as conn:
            con = conn.connection.driver_connection
            assert isinstance(con, sqlite3.Connection)
            key = stored_key(con)
            if key is not None and open_beside(db, key) is not None:
                return False
            key = key or search_key(con)
            remove_half_built(folder.parent, folder.name)
            tmp = _building(folder.parent, folder.name)
            try:
                build(con, Synonyms.read(conn), tmp, progress=progress, threads=2)
                (tmp / "complete").write_text(_marker(key), encoding="utf-8")
                _readable_by_all(tmp)
                old = folder.with_name(f"{folder.name}.old-{os.getpid()}")
                if folder.exists():
                    os.rename(folder, old)
                os.rename(tmp, folder)
                shutil.rmtree(old, ignore_errors=True)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
    finally:
        engine.dispose()
    return True


def _readable_by_all(folder: Path) -> None:
    """A shipped index is read by every user of an installed app (tantivy writes some of its
    files, and mkdtemp the folder, readable by their owner only)."""
    folder.chmod(0o755)
    for item in folder.iterdir():
        item.chmod(0o644)


def _building(parent: Path, name: str) -> Path:
    """A fresh folder for a build of ``name`` in ``parent``, named after this process."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{name}{_BUILDING}{os.getpid()}-", dir=parent))


def remove_half_built(parent: Path, name: str | None = None) -> None:
    """Remove the build folders in ``parent`` (of ``name``, or of any index) that a killed
    process left: those whose process is gone. A running build's folder is left alone."""
    try:
        folders = sorted(parent.iterdir())
    except OSError:
        return
    for folder in folders:
        head, sep, tail = folder.name.partition(_BUILDING)
        old = ".old-" in folder.name and (name is None or folder.name.startswith(f"{name}.old-"))
        if not (old or (sep and (name is None or head == name))):
            continue
        pid = (tail if sep else folder.name.rpartition(".old-")[2]).split("-", 1)[0]
        if not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would signal it there; a file in use is not removed anyway
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: leave its folder alone
    return True
