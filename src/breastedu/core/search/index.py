"""Builds the search index inside the content DB, from its content tables.

Design (why it is fast at 100,000 questions): ranking work is done here, once, at build time.
Every (document, term) pair gets an integer *impact* — a BM25F-style score with a title bonus
large enough that a title hit beats any body hit of the same term — so that a query's score
is a plain sum of impacts. The tables, all ordinary SQLite tables clustered for the reads
search makes:

``search_term``      the vocabulary; term ids follow the terms' sort order, so the words that
                     start with a prefix are one contiguous id range ``[lo, hi]``.
``search_list``      impact-ordered postings ("champion lists"), clustered on
                     ``(lo, hi, rank)``: the full list of every term, and the top
                     ``PREFIX_LIST_SIZE`` documents of every prefix range (best impact over the
                     words it covers), so search as you type reads a few rows, not every match.
``search_doc_term``  the forward index ``(doc_id, term_id) -> impact``: one seek tells whether
                     a candidate holds a term, or any word of a prefix range.
``search_doc``       what a hit shows (kind, slug, titles, plain text for snippets).
``search_gram``      letter trigrams of the vocabulary, for "did you mean".
(synonyms)           each ``synonym_group`` is a concept term ``~<group id>``; documents
                     are indexed under the concept of every entry they contain.
``search_topic_key`` topic names, their parts and synonyms, for "an exact topic name puts
                     that topic first"; ``search_topic_name`` their plain text, for prefixes.
``search_fts``       a plain FTS5 index (unicode61) over the same documents: the reference
                     bm25 ranking for the relevance test and the benchmark baseline.

Everything is deterministic: ids follow sorted orders and every read has an ORDER BY.
"""

from __future__ import annotations

import heapq
import math
import re
import tomllib
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from breastedu.core.errors import ContentDBError, InputError

#: Bump when the derived tables change shape; search refuses an index of another version.
INDEX_VERSION = 1
#: How many documents a prefix range keeps (a term keeps all of its documents).
PREFIX_LIST_SIZE = 256
TITLE_BONUS = 1.5  # a title hit scores idf * (1.5 + body part < 1): beats any body-only hit
K1, B = 1.2, 0.75
CONCEPT = "~"  # concept terms are "~<group id>"; the tokenizer never yields "~"

TABLES = (
    "search_info",
    "search_doc",
    "search_term",
    "search_list",
    "search_doc_term",
    "search_gram",
    "search_topic_key",
    "search_topic_name",
)
FTS_TABLE = "search_fts"

_STOP_TEXT = (
    "a about am an and any are as at be been but by can could did do does for from had has "
    "have how i if in into is it its me my no not of on or our should so that the their them "
    "then there these they this to was we were what when where which who why will with would "
    "you your"
)
STOPWORDS = frozenset(_STOP_TEXT.split(" "))

_WORD = re.compile(r"[^\W_]+")
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_MARKS = re.compile("[\u0300-\u036f]")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_SYNTAX = re.compile(r"[#*_>`|]+|^\s*[-+]\s+", re.MULTILINE)


# Text -------------------------------------------------------------------------------------


def fold(text_: str) -> str:
    """Lower-case ``text_`` and strip diacritics (résumé -> resume); fast path for ASCII."""
    if text_.isascii():
        return text_.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text_)).casefold()


def is_cjk(word: str) -> bool:
    """True when ``word`` starts with a Chinese, Japanese or Korean character."""
    return bool(_CJK_RUN.match(word))


def stem(word: str) -> str:
    """A light English plural folding, the same at build and query time (cysts -> cyst)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word[-1] == "s" and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text_: str) -> list[str]:
    """The folded words of ``text_``; a run of CJK characters is one word (split later)."""
    found = _WORD.findall(fold(text_))
    if all(w.isascii() for w in found):
        return found
    out: list[str] = []
    for w in found:
        if w.isascii():
            out.append(w)
            continue
        pos = 0
        for m in _CJK_RUN.finditer(w):
            if m.start() > pos:
                out.append(w[pos : m.start()])
            out.append(m.group())
            pos = m.end()
        if pos < len(w):
            out.append(w[pos:])
    return out


def terms_of(text_: str) -> list[str]:
    """The index terms of ``text_`` in order: stemmed words; for a CJK run, every character
    and every pair, so 1-2 character queries find it (FTS5's trigram tokenizer needs 3)."""
    out: list[str] = []
    for w in words(text_):
        if is_cjk(w):
            out.extend([*w, *(w[i : i + 2] for i in range(len(w) - 1))])
        else:
            out.append(stem(w))
    return out


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable text for snippets (links keep their text)."""
    return _MD_SYNTAX.sub("", _MD_LINK.sub(r"\1", markdown))


# Synonyms ---------------------------------------------------------------------------------


def load_synonyms(path: Path) -> list[list[str]]:
    """Read the synonym groups of ``path`` (see data/synonyms.toml); InputError if malformed."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the synonym list ({exc})", where=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML ({exc})", where=str(path)) from None
    groups = data.get("group", [])
    if not isinstance(groups, list):
        raise InputError("'group' must be a list of [[group]] tables", where=str(path))
    out: list[list[str]] = []
    for n, group in enumerate(groups, 1):
        entries = group.get("words") if isinstance(group, dict) else None
        if (
            not isinstance(entries, list)
            or len(entries) < 2
            or not all(isinstance(w, str) and w.strip() for w in entries)
        ):
            raise InputError("'words' must list at least two words or phrases", where=f"{path}: group {n}")
        out.append([w.strip() for w in entries])
    return out


def entry_key(entry: str) -> tuple[str, ...]:
    """A synonym entry as the term sequence it matches ("Under the arm" -> under, the, arm)."""
    return tuple(terms_of(entry))


def read_synonyms(conn: Connection) -> dict[tuple[str, ...], str]:
    """Entry term sequence -> concept term, from the synonym_group table (first group wins)."""
    phrases: dict[tuple[str, ...], str] = {}
    rows = conn.execute(text("SELECT id, words FROM synonym_group ORDER BY id"))
    for gid, blob in rows:
        for entry in str(blob).splitlines():
            key = entry_key(entry)
            if key:
                phrases.setdefault(key, f"{CONCEPT}{gid}")
    return phrases


def concept_units(terms: list[str], phrases: dict[tuple[str, ...], str], max_len: int) -> list[str]:
    """``terms`` with synonym entries (longest first) replaced by their concept term."""
    out: list[str] = []
    i = 0
    while i < len(terms):
        for n in range(min(max_len, len(terms) - i), 0, -1):
            concept = phrases.get(tuple(terms[i : i + n]))
            if concept:
                out.append(concept)
                i += n
                break
        else:
            out.append(terms[i])
            i += 1
    return out


def topic_key(units: Iterable[str]) -> str:
    """Order-free key of a name: its concepts and words, stopwords left out."""
    return " ".join(sorted({u for u in units if u not in STOPWORDS}))


# Building ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Doc:
    kind: str  # "topic" | "guide" | "question"
    slug: str  # the question slug, or the topic slug for topics and guides
    topic_id: int
    title: str
    body: str
    also_title: str = ""  # indexed as title words but not shown (a topic's FAQ label)


def check(conn: Connection) -> None:
    """Raise :class:`ContentDBError` unless the search tables exist and are of our version."""
    try:
        row = conn.execute(text("SELECT value FROM search_info WHERE key = 'index_version'")).first()
        conn.execute(text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH 'x' LIMIT 1"))
    except DBAPIError:
        raise ContentDBError(
            "the content database has no search index; rebuild it with 'breastedu build-seed'"
        ) from None
    if row is None or row[0] != str(INDEX_VERSION):
        raise ContentDBError(
            f"the content database's search index is version "
            f"{row[0] if row else '?'}, this app reads {INDEX_VERSION}; rebuild "
            "it with 'breastedu build-seed'"
        )


def rebuild(conn: Connection, synonyms_path: Path | None) -> None:
    """(Re)load ``synonym_group`` from ``synonyms_path`` when given, then drop and recreate
    every derived search table from the content tables, deterministically."""
    if synonyms_path is not None:
        groups = load_synonyms(synonyms_path)
        conn.execute(text("DELETE FROM synonym_group"))
        if groups:
            conn.execute(
                text("INSERT INTO synonym_group (id, words) VALUES (:id, :words)"),
                [{"id": n, "words": "\n".join(g)} for n, g in enumerate(groups, 1)],
            )
    for table in (FTS_TABLE, *TABLES):
        conn.execute(text(f"DROP TABLE IF EXISTS {table}"))
    for ddl in _DDL:
        conn.execute(text(ddl))
    raw = conn.connection.driver_connection  # bulk inserts in C: executemany on the DBAPI
    assert raw is not None
    phrases = read_synonyms(conn)
    docs = _collect_docs(conn)
    _Builder(raw, docs, phrases).build()
    _write_topic_names(conn, raw, phrases)
    raw.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
    raw.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('rank', 'bm25(10.0, 1.0)')")
    raw.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
    raw.executemany(
        "INSERT INTO search_info (key, value) VALUES (?, ?)",
        [
            ("index_version", str(INDEX_VERSION)),
            ("prefix_list_size", str(PREFIX_LIST_SIZE)),
            ("max_entry_terms", str(max((len(k) for k in phrases), default=1))),
            ("documents", str(len(docs))),
        ],
    )


_DDL = (
    "CREATE TABLE search_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE search_doc (doc_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, slug TEXT NOT NULL,"
    " topic_id INTEGER NOT NULL, topic_slug TEXT NOT NULL, topic_title TEXT NOT NULL,"
    " title TEXT NOT NULL, body TEXT NOT NULL)",
    "CREATE INDEX search_doc_topic ON search_doc (topic_id, doc_id)",
    "CREATE TABLE search_term (term TEXT PRIMARY KEY, term_id INTEGER NOT NULL,"
    " df INTEGER NOT NULL, surface TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE search_list (lo INTEGER NOT NULL, hi INTEGER NOT NULL, rank INTEGER NOT NULL,"
    " doc_id INTEGER NOT NULL, impact INTEGER NOT NULL, PRIMARY KEY (lo, hi, rank)) WITHOUT ROWID",
    "CREATE TABLE search_doc_term (doc_id INTEGER NOT NULL, term_id INTEGER NOT NULL,"
    " impact INTEGER NOT NULL, PRIMARY KEY (doc_id, term_id)) WITHOUT ROWID",
    "CREATE TABLE search_gram (gram TEXT NOT NULL, term TEXT NOT NULL,"
    " PRIMARY KEY (gram, term)) WITHOUT ROWID",
    "CREATE TABLE search_topic_key (key TEXT NOT NULL, topic_id INTEGER NOT NULL,"
    " PRIMARY KEY (key, topic_id)) WITHOUT ROWID",
    "CREATE TABLE search_topic_name (name TEXT NOT NULL, topic_id INTEGER NOT NULL,"
    " PRIMARY KEY (name, topic_id)) WITHOUT ROWID",
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, content='search_doc',"
    " content_rowid='doc_id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
)

_TOPICS_SQL = (
    "SELECT t.id, t.slug, t.title, t.faq_name, t.summary, g.title FROM topic t"
    " JOIN topic_group g ON g.id = t.group_id ORDER BY g.position, t.position, t.id"
)


def _collect_docs(conn: Connection) -> list[_Doc]:
    """Topics, then guides, then questions (with replies and More Info), in a fixed order."""
    topics = conn.execute(text(_TOPICS_SQL)).all()
    docs = [
        _Doc("topic", slug, tid, title, summary, faq) for tid, slug, title, faq, summary, _group in topics
    ]
    slug_of = {tid: slug for tid, slug, *_ in topics}
    order = {tid: n for n, (tid, *_) in enumerate(topics)}
    guides = conn.execute(
        text(
            "SELECT topic_id, title, body_md FROM article WHERE kind = 'guide'"
            " AND topic_id IS NOT NULL ORDER BY topic_id, id"
        )
    ).all()
    for tid, title, body in sorted(guides, key=lambda g: order.get(g[0], len(order))):
        if tid in slug_of:
            docs.append(_Doc("guide", slug_of[tid], tid, title, plain_text(body)))
    extra: dict[int, list[str]] = {}
    for qid, body in conn.execute(text("SELECT question_id, body_md FROM reply ORDER BY question_id, id")):
        extra.setdefault(qid, []).append(plain_text(body))
    for qid, title, body in conn.execute(
        text(
            "SELECT question_id, title, body_md FROM article WHERE kind = 'more_info'"
            " AND question_id IS NOT NULL ORDER BY question_id, id"
        )
    ):
        extra.setdefault(qid, []).append(f"{title}\n{plain_text(body)}")
    for qid, slug, tid, title, body in conn.execute(
        text("SELECT id, slug, topic_id, title, body_md FROM question ORDER BY id")
    ):
        docs.append(_Doc("question", slug, tid, title, "\n".join([plain_text(body), *extra.get(qid, [])])))
    return docs


class _Builder:
    """Turns documents into the term, list, forward-index and gram tables."""

    def __init__(self, raw: object, docs: list[_Doc], phrases: dict[tuple[str, ...], str]):
        self.raw = raw
        self.docs = docs
        self.phrases = phrases
        self.single = {k[0]: c for k, c in phrases.items() if len(k) == 1}
        self.multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for k, c in sorted(phrases.items()):
            if len(k) > 1:
                self.multi.setdefault(k[0], []).append((k, c))

    def _counts(self, text_: str) -> Counter[str]:
        terms = terms_of(text_)
        counts = Counter(terms)
        for word, concept in self.single.items():
            if word in counts:
                counts[concept] += counts[word]
        for first, entries in self.multi.items():
            if first in counts:
                for key, concept in entries:
                    if all(t in counts for t in key):
                        n = sum(1 for i in range(len(terms)) if tuple(terms[i : i + len(key)]) == key)
                        if n:
                            counts[concept] += n
        return counts

    def build(self) -> None:
        """Tokenize, score and write everything."""
        vocab: dict[str, int] = {}
        surfaces: dict[str, str] = {}
        per_doc: list[tuple[array[int], array[int], array[int], int]] = []
        df: list[int] = []
        topic_rows = {d.topic_id: (d.slug, d.title) for d in self.docs if d.kind == "topic"}
        for d in self.docs:
            for w in words(d.title + " " + d.body):
                if not is_cjk(w):
                    s = stem(w)
                    old = surfaces.get(s)
                    if old is None or (old != s and (w == s or (len(w), w) < (len(old), old))):
                        surfaces[s] = w
            title, body = self._counts(f"{d.title}\n{d.also_title}"), self._counts(d.body)
            ids, tft, tfb = array("i"), array("i"), array("i")
            for term in sorted(title.keys() | body.keys()):
                tid = vocab.setdefault(term, len(vocab))
                if tid == len(df):
                    df.append(0)
                df[tid] += 1
                ids.append(tid)
                tft.append(title.get(term, 0))
                tfb.append(body.get(term, 0))
            per_doc.append((ids, tft, tfb, sum(body.values())))
        ordered = sorted(vocab)
        final = [0] * len(vocab)
        for new, term in enumerate(ordered):
            final[vocab[term]] = new
        self.raw.executemany(  # type: ignore[attr-defined]
            "INSERT INTO search_doc VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (n, d.kind, d.slug, d.topic_id, *topic_rows.get(d.topic_id, ("", "")), d.title, d.body)
                for n, d in enumerate(self.docs, 1)
            ),
        )
        self.raw.executemany(  # type: ignore[attr-defined]
            "INSERT INTO search_term (term, term_id, df, surface) VALUES (?, ?, ?, ?)",
            ((t, n, df[vocab[t]], surfaces.get(t, t)) for n, t in enumerate(ordered)),
        )
        self._write_impacts(per_doc, final, df)
        self._write_prefix_lists(ordered)
        self._write_grams(ordered)

    def _write_impacts(
        self, per_doc: list[tuple[array[int], array[int], array[int], int]], final: list[int], df: list[int]
    ) -> None:
        n_docs = max(len(per_doc), 1)
        avg = sum(p[3] for p in per_doc) / n_docs or 1.0
        idf = [math.log(1.0 + (n_docs - f + 0.5) / (f + 0.5)) for f in df]

        def rows() -> Iterator[tuple[int, int, int]]:
            for doc_id, (ids, tft, tfb, length) in enumerate(per_doc, 1):
                norm = K1 * (1.0 - B + B * length / avg)
                out = []
                for tid, tt, tb in zip(ids, tft, tfb, strict=True):
                    score = (TITLE_BONUS if tt else 0.0) + tb / (tb + norm)
                    out.append((final[tid], max(1, round(1000.0 * idf[tid] * score))))
                out.sort()
                for term_id, impact in out:
                    yield doc_id, term_id, impact

        self.raw.executemany(  # type: ignore[attr-defined]
            "INSERT INTO search_doc_term (doc_id, term_id, impact) VALUES (?, ?, ?)", rows()
        )
        # Full impact-ordered list of every term; ties broken by document order.
        self.raw.execute(  # type: ignore[attr-defined]
            "INSERT INTO search_list (lo, hi, rank, doc_id, impact)"
            " SELECT term_id, term_id, row_number() OVER"
            " (PARTITION BY term_id ORDER BY impact DESC, doc_id) - 1, doc_id, impact"
            " FROM search_doc_term ORDER BY 1, 3"
        )

    def _write_prefix_lists(self, ordered: list[str]) -> None:
        """Top documents of every prefix range that covers more than one word, built bottom
        up: the best documents of a range are among the best of its sub-ranges."""
        ranges: dict[str, tuple[int, int]] = {}
        for n, term in enumerate(ordered):
            if term.startswith(CONCEPT) or is_cjk(term):
                continue
            for end in range(1, len(term) + 1):
                lo, _ = ranges.get(term[:end], (n, n))
                ranges[term[:end]] = (lo, n)
        wide = sorted({r for r in ranges.values() if r[0] < r[1]}, key=lambda r: (r[1] - r[0], r))
        cur = self.raw.cursor()  # type: ignore[attr-defined]
        top: dict[tuple[int, int], list[tuple[int, int]]] = {}  # range -> [(-impact, doc)]
        widest_from: dict[int, int] = {}  # start -> end of the widest range built so far

        def best_of(lo: int, hi: int) -> list[tuple[int, int]]:
            if lo == hi:
                return [
                    (-i, d)
                    for d, i in cur.execute(
                        "SELECT doc_id, impact FROM search_list WHERE lo = ? AND hi = ?"
                        " AND rank < ? ORDER BY rank",
                        (lo, lo, PREFIX_LIST_SIZE),
                    )
                ]
            return top[(lo, hi)]

        out: list[tuple[int, int, int, int, int]] = []
        for lo, hi in wide:
            # Prefix ranges nest like the trie they come from, and narrower ones are built
            # first, so [lo, hi] splits into already-built sub-ranges and single terms.
            best: dict[int, int] = {}
            n = lo
            while n <= hi:
                end = widest_from.get(n, n)
                for neg, doc in best_of(n, end):
                    if best.get(doc, 0) < -neg:
                        best[doc] = -neg
                n = end + 1
            ranked = heapq.nsmallest(PREFIX_LIST_SIZE, ((-i, d) for d, i in best.items()))
            top[(lo, hi)] = ranked
            widest_from[lo] = hi
            out.extend((lo, hi, r, d, -neg) for r, (neg, d) in enumerate(ranked))
        out.sort()
        self.raw.executemany(  # type: ignore[attr-defined]
            "INSERT INTO search_list (lo, hi, rank, doc_id, impact) VALUES (?, ?, ?, ?, ?)", out
        )

    def _write_grams(self, ordered: list[str]) -> None:
        rows = sorted(
            {(g, t) for t in ordered if len(t) >= 3 and t.isalpha() and t.isascii() for g in trigrams(t)}
        )
        self.raw.executemany(  # type: ignore[attr-defined]
            "INSERT INTO search_gram (gram, term) VALUES (?, ?)", rows
        )


def trigrams(word: str) -> set[str]:
    """Letter trigrams of ``word`` with boundary marks, for misspelling look-ups."""
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def topic_names(title: str, faq_name: str, group_title: str) -> list[tuple[str, bool]]:
    """Names a person may type for a topic, each with whether synonyms apply to it: the
    title, its parts around "(...)" and "&", and the FAQ label (with synonyms); the title
    without its group word ("Breast cysts" -> "cysts"; without synonyms, so that "lump"
    does not turn "nodules" of "Thyroid nodules" into its topic)."""
    names = {title, faq_name}
    m = re.fullmatch(r"(.*?)\s*\((.*?)\)\s*(.*)", title)
    if m:
        names |= {f"{m[1]} {m[3]}", f"{m[2]} {m[3]}"}
    for name in list(names):
        if "&" in name:
            left, right = (p.split() for p in name.split("&", 1))
            names |= {" ".join(right), " ".join(left + right[1:]), " ".join(left[:-1] + right)}
    out = {(n.strip(), True) for n in names if n.strip()}
    for name in names:
        first, _, rest = name.partition(" ")
        if rest.strip() and first.lower() == group_title.lower():
            out.add((rest.strip(), False))
    return sorted(out)


def plain_key(terms: Iterable[str]) -> str:
    """Order-free key of a name's own words (no synonyms), marked apart from concept keys."""
    return "=" + " ".join(sorted({t for t in terms if t not in STOPWORDS}))


def _write_topic_names(conn: Connection, raw: object, phrases: dict[tuple[str, ...], str]) -> None:
    max_len = max((len(k) for k in phrases), default=1)
    keys: set[tuple[str, int]] = set()
    plain: set[tuple[str, int]] = set()
    for tid, _slug, title, faq, _summary, group in conn.execute(text(_TOPICS_SQL)):
        for name, with_synonyms in topic_names(title, faq, group):
            terms = terms_of(name)
            keys.add((plain_key(terms), tid))
            if with_synonyms:
                keys.add((topic_key(concept_units(terms, phrases, max_len)), tid))
            plain.add((" ".join(words(name)), tid))
    cur = raw.cursor()  # type: ignore[attr-defined]
    cur.executemany(
        "INSERT INTO search_topic_key (key, topic_id) VALUES (?, ?)",
        sorted(k for k in keys if k[0] not in ("", "=")),
    )
    cur.executemany(
        "INSERT INTO search_topic_name (name, topic_id) VALUES (?, ?)", sorted(p for p in plain if p[0])
    )
