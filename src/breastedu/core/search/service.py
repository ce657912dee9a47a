"""Search over questions, topic guides and topics: ranked, forgiving, as you type.

Reads the tables that :mod:`breastedu.core.search.index` builds. A query becomes *groups*
(one per word, synonym phrase or CJK pair), each matching a few term-id ranges; a document
must match every group and scores the sum of its best impact per group. Work per query is
bounded: a one-group query reads the first rows of one impact-ordered list; a longer one
scores only the union of each list's best ``CANDIDATES`` documents, with one seek per group
in the forward index, and enumerates a whole (cheapest) list only when that finds too few.

Any text is safe: the query is never handed to FTS5's query language, only tokenized.
Thread-safe: each call takes its own connection from the engine's pool; the service keeps
only immutable data read at construction.
"""

from __future__ import annotations

import html
import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, text

from breastedu.core.content.service import ContentService
from breastedu.core.errors import NotFoundError
from breastedu.core.search import index as ix

MAX_QUERY_CHARS = 200  # a pasted page is cut: nobody types more into a search box
MAX_GROUPS = 8
CANDIDATES = 64  # documents read from each list's head for a multi-word query
ENUMERATE_CAP = 40_000  # never enumerate a list longer than this (bounded worst case)
SNIPPET_CHARS = 180
SNIPPET_SCAN = 3000  # a hit deeper in a long article shows the article's start instead

HitKind = Literal["question", "guide", "topic"]


@dataclass(frozen=True)
class SearchHit:
    """One result. For a guide or topic hit, ``slug`` is the topic's slug (open its page)."""

    kind: HitKind
    slug: str
    title: str
    topic_slug: str
    topic_title: str
    snippet_html: str  # escaped text with <mark>...</mark> around the matched words
    score: float


@dataclass(frozen=True)
class SearchResults:
    """The hits of one query, best first, and what to highlight in an opened page."""

    query: str
    hits: tuple[SearchHit, ...]
    did_you_mean: str | None
    terms: tuple[str, ...]  # words to highlight (match them as word prefixes, any case)
    elapsed_ms: float


@dataclass(frozen=True)
class _Group:
    """One required part of the query."""

    typed: str  # the word(s) as typed (folded), for "did you mean"
    terms: tuple[str, ...]  # exact index terms (words, concepts, CJK pairs)
    prefix: str | None  # a prefix whose whole term range matches too
    marks: tuple[str, ...]  # words and phrases to highlight


Range = tuple[int, int]


class SearchService:
    """Searches one content DB. ``search`` may be called from several threads at once."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        with engine.connect() as conn:
            self._phrases = ix.read_synonyms(conn)
            self._entries: dict[str, tuple[str, ...]] = {}
            for gid, blob in conn.execute(text("SELECT id, words FROM synonym_group ORDER BY id")):
                self._entries[f"{ix.CONCEPT}{gid}"] = tuple(
                    w.strip().lower() for w in str(blob).splitlines() if w.strip()
                )
            rows = conn.execute(
                text("SELECT slug, topic_id, doc_id FROM search_doc WHERE kind = 'topic' ORDER BY doc_id")
            ).all()
            guides = conn.execute(
                text("SELECT doc_id, topic_id FROM search_doc WHERE kind = 'guide' ORDER BY doc_id")
            ).all()
        self._topics = {str(slug): int(tid) for slug, tid, _doc in rows}
        self._topic_doc = {int(tid): int(doc) for _slug, tid, doc in rows}
        # which page a doc opens: a topic's page for topic and guide docs, else its own
        self._page_of = {int(doc): -int(tid) for _slug, tid, doc in rows}
        self._page_of.update({int(doc): -int(tid) for doc, tid in guides})
        self._max_entry = max((len(k) for k in self._phrases), default=1)

    @classmethod
    def over(cls, content: ContentService) -> SearchService:
        """A search service over the same content DB that ``content`` reads."""
        return cls(content.engine)

    # Public ------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, topic: str | None = None) -> SearchResults:
        """The best ``limit`` hits for ``query`` (any text; never raises for it), optionally
        only in ``topic`` (a topic slug; :class:`NotFoundError` if there is no such topic)."""
        start = time.perf_counter()
        topic_id = None
        if topic is not None:
            if topic not in self._topics:
                raise NotFoundError(f"no topic '{topic}'", where="topic")
            topic_id = self._topics[topic]
        limit = max(0, min(int(limit), 500))
        q = query[:MAX_QUERY_CHARS]
        groups = self._parse(q)
        hits: list[SearchHit] = []
        did_you_mean = None
        if groups and limit:
            with self._engine.connect() as conn:
                raw = conn.connection.driver_connection  # plain cursor: tens of µs per query
                assert raw is not None
                cur = raw.cursor()  # mmap is set per connection by open_content_readonly
                try:
                    hits, groups, did_you_mean = self._run(cur, q, groups, limit, topic_id)
                finally:
                    cur.close()
        terms = tuple(dict.fromkeys(m for g in groups for m in g.marks))
        return SearchResults(query, tuple(hits), did_you_mean, terms, (time.perf_counter() - start) * 1000.0)

    # Parsing -----------------------------------------------------------------------------

    def _parse(self, q: str) -> list[_Group]:
        words = ix.words(q)
        if not words:
            return []
        as_prefix = q[-1:].isalnum()  # still typing the last word
        groups: list[_Group] = []
        latin: list[str] = []  # a run of non-CJK words, for synonym phrases

        def flush(ends_query: bool) -> None:
            stems = [ix.stem(w) for w in latin]
            i = 0
            while i < len(stems):
                for n in range(min(self._max_entry, len(stems) - i), 0, -1):
                    concept = self._phrases.get(tuple(stems[i : i + n]))
                    if concept:
                        break
                else:
                    n, concept = 1, None
                last = ends_query and as_prefix and i + n == len(stems)
                typed = " ".join(latin[i : i + n])
                if concept:
                    prefix = stems[i] if last and n == 1 else None
                    groups.append(_Group(typed, (concept,), prefix, (typed, *self._entries.get(concept, ()))))
                elif last:
                    groups.append(_Group(typed, (), stems[i], (latin[i],)))
                else:
                    groups.append(_Group(typed, (stems[i],), None, (latin[i], stems[i])))
                i += n
            latin.clear()

        for n, w in enumerate(words):
            if ix.is_cjk(w):
                flush(False)
                pairs = [w] if len(w) <= 2 else [w[i : i + 2] for i in range(len(w) - 1)]
                groups.extend(_Group(w, (p,), None, (w,)) for p in pairs)
            else:
                latin.append(w)
            if n == len(words) - 1:
                flush(True)
        content = [g for g in groups if g.prefix or g.typed not in ix.STOPWORDS]
        return (content or groups)[:MAX_GROUPS]

    # Running -----------------------------------------------------------------------------

    def _run(
        self, cur: sqlite3.Cursor, q: str, groups: list[_Group], limit: int, topic_id: int | None
    ) -> tuple[list[SearchHit], list[_Group], str | None]:
        ranges = self._resolve(cur, groups)
        did_you_mean = None
        missing = [n for n, r in enumerate(ranges) if not r]
        if missing:
            fixed = list(groups)
            for n in missing:
                better = self._correct(cur, groups[n])
                if better is not None:
                    fixed[n] = better
            if fixed != groups:
                did_you_mean = " ".join(g.typed for g in fixed)
                groups = fixed
                ranges = self._resolve(cur, groups)
            # words that match nothing at all are left out rather than emptying the result
            kept = [(g, r) for g, r in zip(groups, ranges, strict=True) if r]
            groups, ranges = [g for g, _ in kept], [r for _, r in kept]
        if not ranges:
            return [], groups, did_you_mean
        tops = self._topic_matches(cur, did_you_mean or q, topic_id)
        wanted = limit + 10  # guides and topics may collapse onto a topic shown first
        ranked = self._ranked(cur, groups, ranges, wanted, topic_id)
        hits = self._hits(cur, tops, ranked, groups, limit)
        return hits, groups, did_you_mean

    def _resolve(self, cur: sqlite3.Cursor, groups: Sequence[_Group]) -> list[list[Range]]:
        """Term-id ranges of each group (empty when nothing in the index matches it)."""
        exact = sorted({t for g in groups for t in g.terms})
        ids: dict[str, int] = {}
        if exact:
            marks = ",".join("?" * len(exact))
            ids = dict(
                cur.execute(
                    f"SELECT term, term_id FROM search_term WHERE term IN ({marks}) ORDER BY term", exact
                ).fetchall()
            )
        out: list[list[Range]] = []
        for g in groups:
            found = [(ids[t], ids[t]) for t in g.terms if t in ids]
            if g.prefix:
                lo, hi = cur.execute(
                    "SELECT (SELECT term_id FROM search_term WHERE term >= ?1 AND term < ?2"
                    " ORDER BY term LIMIT 1), (SELECT term_id FROM search_term WHERE term >= ?1"
                    " AND term < ?2 ORDER BY term DESC LIMIT 1)",
                    (g.prefix, g.prefix + "\U0010ffff"),
                ).fetchone()
                if lo is not None:
                    found.append((lo, hi))
            out.append(sorted(set(found)))
        return out

    def _correct(self, cur: sqlite3.Cursor, group: _Group) -> _Group | None:
        """The group for the closest indexed word to a word that matches nothing, if any is
        close enough (edit distance 1, or 2 for words of 8+ letters)."""
        word = group.typed
        if " " in word or len(word) < 4 or not word.isalpha() or not word.isascii():
            return None
        grams = sorted(ix.trigrams(word))
        marks = ",".join("?" * len(grams))
        rows = cur.execute(
            "SELECT t.term, t.surface, t.df, count(*) AS shared FROM search_gram g"
            f" JOIN search_term t ON t.term = g.term WHERE g.gram IN ({marks})"
            " GROUP BY g.term ORDER BY shared DESC, t.df DESC, g.term LIMIT 200",
            grams,
        ).fetchall()
        as_prefix = group.prefix is not None
        best: tuple[int, int, str, str] | None = None
        limit = 1 if len(word) < 8 else 2
        for term, surface, df, _shared in rows:
            d = edit_distance(word, term, prefix=as_prefix)
            if d <= limit and (best is None or (d, -df, term) < (best[0], -best[1], best[2])):
                best = (d, df, term, surface)
        if best is None:
            return None
        term, surface = best[2], best[3]
        concept = self._phrases.get((term,))
        terms = (concept,) if concept else (term,)
        marks_ = (surface, term, *self._entries.get(concept or "", ()))
        return _Group(surface, terms, None, marks_)

    def _topic_matches(self, cur: sqlite3.Cursor, q: str, topic_id: int | None) -> list[int]:
        """Doc ids of topics the query names (exactly, or by synonyms), then of topics whose
        name starts with the query (3+ letters, while typing)."""
        terms = ix.terms_of(q)
        if not terms:
            return []
        keys = [ix.topic_key(ix.concept_units(terms, self._phrases, self._max_entry)), ix.plain_key(terms)]
        typed = " ".join(ix.words(q))
        params: list[object] = [*keys, typed, typed + "\U0010ffff", len(typed) >= 3]
        rows = cur.execute(
            "SELECT topic_id, 0 AS how FROM search_topic_key WHERE key IN (?, ?) UNION ALL"
            " SELECT topic_id, 1 FROM search_topic_name WHERE name >= ? AND name < ? AND ?"
            " ORDER BY how, topic_id",
            params,
        ).fetchall()
        found = sorted(
            (how, self._topic_doc[tid])
            for tid, how in rows
            if tid in self._topic_doc and topic_id in (None, tid)
        )
        return list(dict.fromkeys(doc for _how, doc in found))[:3]

    def _ranked(
        self,
        cur: sqlite3.Cursor,
        groups: list[_Group],
        ranges: list[list[Range]],
        wanted: int,
        topic_id: int | None,
    ) -> list[tuple[int, int]]:
        """(doc_id, score) best first; see the module docstring for the bounds."""
        if len(ranges) == 1 and len(ranges[0]) == 1 and topic_id is None:
            lo, hi = ranges[0][0]
            return cur.execute(
                "SELECT doc_id, impact FROM search_list WHERE lo = ? AND hi = ? ORDER BY rank LIMIT ?",
                (lo, hi, wanted),
            ).fetchall()
        k = max(CANDIDATES, wanted) * (4 if topic_id is not None else 1)
        found = self._score(cur, ranges, wanted, topic_id, heads=k)
        if len(found) < wanted:
            cheapest = self._cheapest(cur, groups)
            if cheapest is not None:
                found = self._score(cur, ranges, wanted, topic_id, enumerate_=cheapest)
        return found

    def _cheapest(self, cur: sqlite3.Cursor, groups: list[_Group]) -> int | None:
        """The group whose documents are fewest to list in full, if few enough."""
        sizes = []
        for n, g in enumerate(groups):
            size = 0
            if g.terms:
                marks = ",".join("?" * len(g.terms))
                size += cur.execute(
                    f"SELECT coalesce(sum(df), 0) FROM search_term WHERE term IN ({marks})", g.terms
                ).fetchone()[0]
            if g.prefix:
                size += cur.execute(
                    "SELECT coalesce(sum(df), 0) FROM (SELECT df FROM search_term WHERE term >= ?"
                    " AND term < ? ORDER BY term LIMIT ?)",
                    (g.prefix, g.prefix + "\U0010ffff", ENUMERATE_CAP),
                ).fetchone()[0]
            sizes.append((size, n))
        size, n = min(sizes)
        return n if size <= ENUMERATE_CAP else None

    def _score(
        self,
        cur: sqlite3.Cursor,
        ranges: list[list[Range]],
        wanted: int,
        topic_id: int | None,
        *,
        heads: int = 0,
        enumerate_: int | None = None,
    ) -> list[tuple[int, int]]:
        params: list[object] = []
        parts = []
        if enumerate_ is None:
            for group in ranges:
                for lo, hi in group:
                    parts.append("SELECT doc_id FROM search_list WHERE lo = ? AND hi = ? AND rank < ?")
                    params += [lo, hi, heads]
        else:
            for lo, hi in ranges[enumerate_]:
                parts.append("SELECT doc_id FROM search_list WHERE lo BETWEEN ? AND ? AND hi = lo")
                params += [lo, hi]
        cand = " UNION ".join(parts)
        cols = []
        for n, group in enumerate(ranges):
            subs = []
            for lo, hi in group:
                subs.append(
                    "coalesce((SELECT max(impact) FROM search_doc_term"
                    " WHERE doc_id = c.doc_id AND term_id BETWEEN ? AND ?), 0)"
                )
                params += [lo, hi]
            cols.append(f"{subs[0] if len(subs) == 1 else 'max(' + ', '.join(subs) + ')'} AS s{n}")
        where = ""
        if topic_id is not None:
            where = " WHERE c.doc_id IN (SELECT doc_id FROM search_doc WHERE topic_id = ?)"
            params.append(topic_id)
        total = " + ".join(f"s{n}" for n in range(len(ranges)))
        need = " AND ".join(f"s{n} > 0" for n in range(len(ranges)))
        params.append(wanted)
        sql = (
            f"WITH c(doc_id) AS MATERIALIZED ({cand}),"
            f" scored AS MATERIALIZED (SELECT c.doc_id, {', '.join(cols)} FROM c{where})"
            f" SELECT doc_id, {total} AS score FROM scored WHERE {need}"
            " ORDER BY score DESC, doc_id LIMIT ?"
        )
        return cur.execute(sql, params).fetchall()

    # Hits --------------------------------------------------------------------------------

    def _hits(
        self,
        cur: sqlite3.Cursor,
        tops: list[int],
        ranked: list[tuple[int, int]],
        groups: list[_Group],
        limit: int,
    ) -> list[SearchHit]:
        best = ranked[0][1] if ranked else 0
        order = [(d, best + 1000 * (len(tops) - n)) for n, d in enumerate(tops)] + ranked
        shown: dict[int, int] = {}  # doc -> score, one doc per page, best first
        pages: set[int] = set()
        for doc, score in order:
            page = self._page_of.get(doc, doc)
            if page not in pages:
                pages.add(page)
                shown[doc] = score
                if len(shown) == limit:
                    break
        marks = ",".join("?" * len(shown))
        rows = {
            r[0]: r
            for r in cur.execute(
                "SELECT doc_id, kind, slug, topic_slug, topic_title, title, body FROM search_doc"
                f" WHERE doc_id IN ({marks}) ORDER BY doc_id",
                list(shown),
            )
        }
        marker = Marker.of([m for g in groups for m in g.marks])
        hits = []
        for doc, score in shown.items():
            _, kind, slug, topic_slug, topic_title, title, body = rows[doc]
            hits.append(
                SearchHit(kind, slug, title, topic_slug, topic_title, snippet(body, marker), score / 1000.0)
            )
        return hits


# Helpers --------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Marker:
    """What to highlight: words (matched as word prefixes), phrases (consecutive words, the
    last as a prefix) and CJK strings (anywhere). Built once per query."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    cjk: tuple[str, ...]
    firsts: tuple[str, ...]  # first word of each, to locate the snippet window
    by_first: dict[str, tuple[tuple[str, ...], ...]]  # phrases by their first word

    @classmethod
    def of(cls, marks: Sequence[str]) -> Marker:
        """The marker for ``marks`` (words and phrases as typed or listed)."""
        words, phrases, cjk = set(), set(), set()
        for m in marks:
            ws = ix.words(m)
            if not ws:
                continue
            if ix.is_cjk(ws[0]):
                cjk.add("".join(ws))
            elif len(ws) == 1:
                words.add(ws[0])
            else:
                phrases.add(tuple(ws))
        firsts = words | {p[0] for p in phrases} | cjk
        by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
        for p in sorted(phrases):
            by_first[p[0]] = (*by_first.get(p[0], ()), p)
        return cls(
            tuple(sorted(words)), tuple(sorted(phrases)), tuple(sorted(cjk)), tuple(sorted(firsts)), by_first
        )

    def spans(self, window: str) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) of the matches in ``window``, in order."""
        found: list[tuple[int, int]] = []
        if window.isascii():  # the usual case: lower-case once, not word by word
            tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(window.lower())]
        else:
            tokens = [(m.start(), m.end(), ix.fold(m.group())) for m in _TOKEN.finditer(window)]
        for i, (a, b, w) in enumerate(tokens):
            for phrase in self.by_first.get(w, ()):
                n = len(phrase)
                if (
                    i + n <= len(tokens)
                    and all(tokens[i + k][2] == phrase[k] for k in range(1, n - 1))
                    and tokens[i + n - 1][2].startswith(phrase[-1])
                ):
                    found.append((a, tokens[i + n - 1][1]))
                    break
            else:
                if self.words and w.startswith(self.words):
                    found.append((a, b))
        for c in self.cjk:
            at = window.find(c)
            while at >= 0:
                found.append((at, at + len(c)))
                at = window.find(c, at + len(c))
        out: list[tuple[int, int]] = []
        for a, b in sorted(found):
            if not out or a >= out[-1][1]:
                out.append((a, b))
        return out


def snippet(body: str, marker: Marker) -> str:
    """About ``SNIPPET_CHARS`` of ``body`` around its first match (within the first
    ``SNIPPET_SCAN`` characters), HTML-escaped, with ``<mark>`` around every match.

    The window is found with ``str.find`` of each mark's first word, a few times over to
    land on a word start; only the window is tokenized and marked. (A regex over the
    body, or even over the window, was most of a query's time.)"""
    lower = body[:SNIPPET_SCAN].lower()
    pos = len(lower)
    for word in marker.firsts:
        at = lower.find(word, 0, pos)
        for _ in range(4):
            if at <= 0 or not lower[at - 1].isalnum() or ix.is_cjk(word):
                break
            at = lower.find(word, at + 1, pos)
        if 0 <= at < pos:
            pos = at
    pos = 0 if pos == len(lower) else pos
    start = 0 if pos < 60 else body.find(" ", pos - 60) + 1
    end = min(len(body), start + SNIPPET_CHARS)
    if end < len(body):
        cut = body.rfind(" ", start, end)
        end = cut if cut > start else end
    window = " ".join(body[start:end].split())
    out = ["…" if start > 0 else ""]
    at = 0
    for a, b in marker.spans(window):
        out += [html.escape(window[at:a]), "<mark>", html.escape(window[a:b]), "</mark>"]
        at = b
    out += [html.escape(window[at:]), "…" if end < len(body) else ""]
    return "".join(out)


def edit_distance(a: str, b: str, *, prefix: bool = False) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance from ``a`` to ``b``, or to the
    closest prefix of ``b`` when ``prefix`` (for a word still being typed)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev) if prefix else prev[-1]
