"""Search over questions, topic guides and topics: ranked, forgiving, as you type.

The engine is tantivy (see :mod:`breastedu.core.search.index` and the README's "Search"
section for why); this module is the thin layer on top of it:

- a query becomes *groups*, one per word, synonym phrase or CJK pair (stopwords dropped);
  the last word, while still being typed, also stands for the most frequent words it
  begins (:data:`EXPANSIONS`), weighted down when it is already a word itself, so that
  "breast" prefers "breast" to "breastbone";
- pages matching every group rank above pages matching some; within each, tantivy's
  bm25 over the fields, with titles weighted above text and picture captions far below
  (:data:`FIELD_BOOSTS`). Both are tantivy's exact top k: no shortlist, no cut-off;
- a topic the query names comes first; a word matching nothing is corrected ("did you
  mean"); snippets and marks come from :mod:`breastedu.core.search.highlight`;
- what searches work out again and again from the read-only index and content DB is
  remembered in bounded memos (:mod:`breastedu.core.search.memo`): the words a prefix
  stands for, a letter's vocabulary (for "did you mean"), the ranking of a word of one or
  two letters typed alone (it matches much of the library, and there are few such words),
  and the text of the pages shown as hits.

Any text is safe: a query is only tokenized into terms, never parsed by a query language.
Thread-safe: the index is opened once (:meth:`SearchService.prepare`, under a lock) and
each call reads the content DB through its own pooled connection.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Engine

from breastedu.core.content.service import ContentService
from breastedu.core.errors import NotFoundError
from breastedu.core.search import cjk
from breastedu.core.search import index as ix
from breastedu.core.search.highlight import SNIPPET_SCAN, Marker, snippet
from breastedu.core.search.memo import Memo
from breastedu.core.search.synonyms import Synonyms
from breastedu.core.search.text import STOPWORDS, edit_distance, is_cjk, plain_text, stem, words
from breastedu.core.search.topics import TopicNames

if TYPE_CHECKING:
    import tantivy

MAX_QUERY_CHARS = 200  # a pasted page is cut: nobody types more into a search box
MAX_GROUPS = 8
EXPANSIONS = 32  # words a prefix being typed stands for, most frequent first
EXPANSION_WEIGHT = 0.25  # their weight when the prefix is a whole word itself
FIELD_BOOSTS = (("title", 4.0), ("body", 1.0), ("captions", 0.15))
ALL_WORDS = 1000.0  # added to the score of a page that matches every group
SHORT_PREFIX = 2  # a word being typed alone up to this long has its ranking remembered

HitKind = Literal["question", "guide", "topic"]
_KINDS: dict[int, HitKind] = {ix.KIND_QUESTION: "question", ix.KIND_GUIDE: "guide", ix.KIND_TOPIC: "topic"}


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
    terms: tuple[str, ...]  # words to highlight (see highlight.Marker)
    elapsed_ms: float


@dataclass(frozen=True)
class Ranked:
    """One page of the ranking before titles and snippets: its kind, id and score."""

    kind: int
    ref: int  # question id, or topic id for a guide or topic
    score: float


@dataclass(frozen=True)
class _Group:
    """One required part of the query."""

    typed: str  # the word(s) as typed (folded), for "did you mean"
    terms: tuple[str, ...]  # exact index terms (words, concepts, CJK pairs)
    prefix: str | None  # a word still being typed: the words it begins match too
    marks: tuple[str, ...]  # words and phrases to highlight


@dataclass(frozen=True)
class _Page:
    """What a question hit shows: its slug, title, topic and the text its snippet comes from."""

    slug: str
    title: str
    topic_id: int
    text: str


@dataclass
class _Ready:
    """What :meth:`SearchService.prepare` loads once, and the memos searches fill."""

    tv: ModuleType  # tantivy, imported on first use (not at start-up)
    index: tantivy.Index
    searcher: tantivy.Searcher
    schema: tantivy.Schema
    synonyms: Synonyms
    names: TopicNames
    topics: dict[int, tuple[str, str, str]]  # id -> (slug, title, summary)
    topic_ids: dict[str, int]
    guides: dict[int, tuple[str, str]]  # topic id -> (title, plain text)
    expansions: Memo[str, tuple[tuple[str, int], ...]]  # prefix -> what it stands for
    vocabulary: Memo[str, tuple[tuple[str, int], ...]]  # first letter -> its words (did you mean)
    rankings: Memo[tuple[object, ...], tuple[Ranked, ...]]  # of a short prefix typed alone
    pages: Memo[int, _Page]  # question id -> its page


class SearchService:
    """Searches one content DB. ``search`` may be called from several threads at once.

    Construction is cheap; the index is opened or built on first use, or ahead of it by
    :meth:`prepare`. ``cache_dir`` is where a large library keeps its index between runs
    (None: always in memory, as in kiosk mode)."""

    def __init__(self, engine: Engine, *, path: Path | None = None, cache_dir: Path | None = None) -> None:
        self._engine = engine
        self._path = path
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._state: _Ready | None = None

    @classmethod
    def over(cls, content: ContentService, *, cache_dir: Path | None = None) -> SearchService:
        """A search service over the same content DB that ``content`` reads."""
        return cls(content.engine, path=content.path, cache_dir=cache_dir)

    # Preparing -----------------------------------------------------------------------------

    def keeps_index_on_disk(self) -> bool:
        """True when this library is large enough to keep its index in the cache folder."""
        return self._path is not None and ix.wants_disk(self._path, self._cache_dir)

    def is_ready(self) -> bool:
        """True once the index is open (searches no longer wait for it)."""
        return self._state is not None

    def prepare(self, progress: ix.Progress | None = None) -> None:
        """Open the index, building it first when missing or stale (``progress`` hears how
        far a build got). Safe to call from any thread, any number of times."""
        with self._lock:
            if self._state is not None:
                return
            with self._engine.connect() as conn:
                con = conn.connection.driver_connection
                assert isinstance(con, sqlite3.Connection)
                synonyms = Synonyms.read(conn)
                index = self._open_index(con, synonyms, progress)
                rows = ix.topic_rows(con)
                guides = ix.guide_rows(con)
            index.reload()
            import tantivy

            self._state = _Ready(
                tv=tantivy,
                index=index,
                searcher=index.searcher(),
                schema=index.schema,
                synonyms=synonyms,
                names=TopicNames.build(rows, synonyms),
                topics={tid: (slug, title, summary) for tid, slug, title, _f, summary, _g in rows},
                topic_ids={slug: tid for tid, slug, *_ in rows},
                guides={tid: (title, plain_text(body)) for tid, (title, body) in guides.items()},
                expansions=Memo(4096),
                vocabulary=Memo(64),
                rankings=Memo(512),
                pages=Memo(1024),
            )

    def _open_index(
        self, con: sqlite3.Connection, synonyms: Synonyms, progress: ix.Progress | None
    ) -> tantivy.Index:
        path, cache = self._path, self._cache_dir
        if path is not None and cache is not None and ix.wants_disk(path, cache):
            found = ix.open_cached(path, cache)
            if found is not None:
                return found
            try:
                return ix.build_cached(con, synonyms, path, cache, progress=progress)
            except OSError:
                pass  # the cache folder is not writable: keep the index in memory
        return ix.build(con, synonyms, None, progress=progress)

    def _ready(self) -> _Ready:
        if self._state is None:
            self.prepare()
        assert self._state is not None
        return self._state

    def forget(self) -> None:
        """Empty the memos: the next searches work everything out again (what a benchmark
        measures as a first search)."""
        r = self._state
        if r is not None:
            for memo in (r.expansions, r.vocabulary, r.rankings, r.pages):
                memo.clear()

    # Public --------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, topic: str | None = None) -> SearchResults:
        """The best ``limit`` hits for ``query`` (any text; never raises for it), optionally
        only in ``topic`` (a topic slug; :class:`NotFoundError` if there is no such topic)."""
        start = time.perf_counter()
        r = self._ready()
        topic_id = self._topic_id(r, topic)
        limit = max(0, min(int(limit), 500))
        q = query[:MAX_QUERY_CHARS]
        groups = self._parse(r, q)
        hits: list[SearchHit] = []
        did_you_mean = None
        if groups and limit:
            weighted, groups, did_you_mean = self._resolve(r, groups)
            if weighted:
                tops = [t for t in r.names.named_by(did_you_mean or q, r.synonyms) if topic_id in (None, t)]
                ranked = self._ranked(r, groups, weighted, limit + len(tops) + 10, topic_id)
                hits = self._hits(r, tops, ranked, groups, limit)
        terms = tuple(dict.fromkeys(m for g in groups for m in g.marks))
        return SearchResults(query, tuple(hits), did_you_mean, terms, (time.perf_counter() - start) * 1000.0)

    def ranking(self, query: str, *, limit: int, topic: str | None = None) -> list[Ranked]:
        """The engine's ranking of ``query`` alone (no topic first, no page merging): what
        the benchmark compares with an exhaustive scoring of every matching page."""
        r = self._ready()
        topic_id = self._topic_id(r, topic)
        groups = self._parse(r, query[:MAX_QUERY_CHARS])
        weighted, _groups, _dym = self._resolve(r, groups) if groups else ([], [], None)
        return self._rank(r, weighted, limit, topic_id) if weighted and limit > 0 else []

    def _topic_id(self, r: _Ready, topic: str | None) -> int | None:
        if topic is None:
            return None
        if topic not in r.topic_ids:
            raise NotFoundError(f"no topic '{topic}'", where="topic")
        return r.topic_ids[topic]

    # Parsing -------------------------------------------------------------------------------

    def _parse(self, r: _Ready, q: str) -> list[_Group]:
        typed_words = words(q)
        if not typed_words:
            return []
        as_prefix = q[-1:].isalnum()  # still typing the last word
        groups: list[_Group] = []
        latin: list[str] = []  # a run of non-CJK words, for synonym phrases
        phrases, longest = r.synonyms.phrases, r.synonyms.max_len

        def flush(ends_query: bool) -> None:
            stems = [stem(w) for w in latin]
            i = 0
            while i < len(stems):
                for n in range(min(longest, len(stems) - i), 0, -1):
                    concept = phrases.get(tuple(stems[i : i + n]))
                    if concept:
                        break
                else:
                    n, concept = 1, None
                last = ends_query and as_prefix and i + n == len(stems)
                typed = " ".join(latin[i : i + n])
                if concept:
                    prefix = latin[i] if last and n == 1 else None
                    entries = r.synonyms.entries.get(concept, ())
                    groups.append(_Group(typed, (concept,), prefix, (typed, *entries)))
                elif last:
                    groups.append(_Group(typed, (stems[i],), latin[i], (latin[i],)))
                else:
                    groups.append(_Group(typed, (stems[i],), None, (latin[i], stems[i])))
                i += n
            latin.clear()

        for n, w in enumerate(typed_words):
            if is_cjk(w):
                flush(False)
                for piece in r.synonyms.cjk.pieces(w):  # synonym entries, and pairs between
                    if piece.concept:
                        marks = (piece.text, *r.synonyms.entries.get(piece.concept, ()))
                        groups.append(_Group(piece.text, (piece.concept,), None, marks))
                    else:
                        groups.extend(_Group(w, (p,), None, (piece.text,)) for p in cjk.pairs(piece.text))
            else:
                latin.append(w)
            if n == len(typed_words) - 1:
                flush(True)
        content = [g for g in groups if g.prefix or g.typed not in STOPWORDS]
        return (content or groups)[:MAX_GROUPS]

    # Terms ---------------------------------------------------------------------------------

    def _df(self, r: _Ready, term: str) -> int:
        return sum(r.searcher.doc_freq(field, term) for field, _boost in FIELD_BOOSTS)

    def _expand(self, r: _Ready, prefix: str) -> tuple[tuple[str, int], ...]:
        """The :data:`EXPANSIONS` most frequent words that begin with ``prefix``."""
        return r.expansions.get_or(prefix, lambda: self._most_frequent(r, prefix, EXPANSIONS))

    @staticmethod
    def _most_frequent(r: _Ready, prefix: str, most: int | None) -> tuple[tuple[str, int], ...]:
        """(word, documents) of the ``most`` most frequent words that begin with ``prefix``
        in titles and text (None: every such word)."""
        counts: dict[str, int] = {}
        for name in ("title", "body"):
            for term, n in r.searcher.terms_with_prefix(name, prefix, limit=most):
                counts[term] = counts.get(term, 0) + n
        return tuple(sorted(counts.items(), key=lambda tn: (-tn[1], tn[0]))[:most])

    def _weighted(self, r: _Ready, g: _Group) -> list[tuple[str, float]]:
        """The terms a group matches, each with its weight (empty: it matches nothing)."""
        out = {t: 1.0 for t in g.terms if self._df(r, t)}
        if g.prefix:
            whole = bool(out) or self._df(r, g.prefix) > 0
            for term, _n in self._expand(r, g.prefix):
                out.setdefault(term, EXPANSION_WEIGHT if whole else 1.0)
        return sorted(out.items())

    def _resolve(
        self, r: _Ready, groups: list[_Group]
    ) -> tuple[list[list[tuple[str, float]]], list[_Group], str | None]:
        """Weighted terms per group; words matching nothing corrected, or else left out."""
        weighted = [self._weighted(r, g) for g in groups]
        did_you_mean = None
        if not all(weighted):
            fixed = [g if w else (self._correct(r, g) or g) for g, w in zip(groups, weighted, strict=True)]
            if fixed != groups:
                did_you_mean = " ".join(g.typed for g in fixed)
                groups = fixed
                weighted = [self._weighted(r, g) for g in groups]
            kept = [(g, w) for g, w in zip(groups, weighted, strict=True) if w]
            groups, weighted = [g for g, _ in kept], [w for _, w in kept]
        return weighted, groups, did_you_mean

    def _correct(self, r: _Ready, group: _Group) -> _Group | None:
        """The group for the closest indexed word to a word that matches nothing, if any is
        close enough (edit distance 1, or 2 for words of 8+ letters)."""
        word = group.typed
        if " " in word or len(word) < 4 or not word.isalpha() or not word.isascii():
            return None
        as_prefix = group.prefix is not None
        target = word if as_prefix else stem(word)
        most = 1 if len(word) < 8 else 2
        letters = set(target)
        best: tuple[int, int, str] | None = None
        vocabulary = r.vocabulary.get_or(target[0], lambda: self._most_frequent(r, target[0], None))
        for term, df in vocabulary:
            if (len(term) < len(target) - most) or (not as_prefix and len(term) > len(target) + most):
                continue
            if len(letters - set(term)) > most:
                continue
            d = edit_distance(target, term, prefix=as_prefix)
            if d <= most and (best is None or (d, -df, term) < (best[0], -best[1], best[2])):
                best = (d, df, term)
        if best is None:
            return None
        term = best[2]
        concept = r.synonyms.phrases.get((term,))
        terms = (concept,) if concept else (term,)
        return _Group(term, terms, None, (term, *r.synonyms.entries.get(concept or "", ())))

    # Ranking -------------------------------------------------------------------------------

    def _ranked(
        self,
        r: _Ready,
        groups: list[_Group],
        weighted: list[list[tuple[str, float]]],
        wanted: int,
        topic_id: int | None,
    ) -> Sequence[Ranked]:
        """:meth:`_rank`, remembered for a word of up to :data:`SHORT_PREFIX` letters typed
        alone (see the module docstring)."""
        prefix = groups[0].prefix if len(groups) == 1 else None
        if prefix is None or len(prefix) > SHORT_PREFIX:
            return self._rank(r, weighted, wanted, topic_id)
        key = (tuple(map(tuple, weighted)), wanted, topic_id)
        return r.rankings.get_or(key, lambda: tuple(self._rank(r, weighted, wanted, topic_id)))

    def _group_query(self, r: _Ready, weighted: list[tuple[str, float]]) -> tantivy.Query:
        clauses = []
        for term, weight in weighted:
            for field, boost in FIELD_BOOSTS if weight == 1.0 else FIELD_BOOSTS[:2]:
                q = r.tv.Query.term_query(r.schema, field, term, index_option="freq")
                clauses.append((r.tv.Occur.Should, r.tv.Query.boost_query(q, boost * weight)))
        return r.tv.Query.boolean_query(clauses)

    def _rank(
        self, r: _Ready, weighted: list[list[tuple[str, float]]], wanted: int, topic_id: int | None
    ) -> list[Ranked]:
        """The best ``wanted`` pages: those matching every group first, then those matching
        some (each part tantivy's exact top k by bm25). One group alone, in no topic, goes to
        tantivy as it is, a plain union of terms: tantivy then skips the pages that cannot
        reach the top k (block-max WAND) instead of scoring every match."""
        must = r.tv.Occur.Must
        groups = [self._group_query(r, w) for w in weighted]
        every = groups[0] if len(groups) == 1 else r.tv.Query.boolean_query([(must, g) for g in groups])
        only: list[tuple[tantivy.Occur, tantivy.Query]] = []
        if topic_id is not None:
            topic_q = r.tv.Query.term_query(r.schema, "topic", topic_id)
            only = [(must, r.tv.Query.const_score_query(topic_q, 0.0))]
        first = r.tv.Query.boolean_query([(must, every), *only]) if only else every
        found = [(ALL_WORDS + s, a) for s, a in r.searcher.search(first, wanted, count=False).hits]
        if len(found) < wanted and len(groups) > 1:
            some = r.tv.Query.boolean_query([(r.tv.Occur.Should, g) for g in groups])
            query = r.tv.Query.boolean_query([(must, some), (r.tv.Occur.MustNot, every), *only])
            hits = r.searcher.search(query, wanted - len(found), count=False).hits
            found += [(min(s, ALL_WORDS - 1.0), a) for s, a in hits]
        if not found:
            return []
        addresses = [a for _s, a in found]
        kinds = r.searcher.fast_field_values("kind", addresses)
        refs = r.searcher.fast_field_values("ref", addresses)
        return [
            Ranked(int(k or 0), int(ref or 0), float(s))
            for (s, _a), k, ref in zip(found, kinds, refs, strict=True)
        ]

    # Hits ----------------------------------------------------------------------------------

    def _hits(
        self, r: _Ready, tops: list[int], ranked: Sequence[Ranked], groups: list[_Group], limit: int
    ) -> list[SearchHit]:
        best = ranked[0].score if ranked else 0.0
        order = [*(Ranked(ix.KIND_TOPIC, tid, best + len(tops) - n) for n, tid in enumerate(tops)), *ranked]
        shown: list[Ranked] = []
        seen: set[tuple[bool, int]] = set()  # one entry per page: a guide opens its topic's
        for item in order:
            page = (item.kind == ix.KIND_QUESTION, item.ref)
            if page not in seen:
                seen.add(page)
                shown.append(item)
                if len(shown) == limit:
                    break
        questions = self._pages(r, [item.ref for item in shown if item.kind == ix.KIND_QUESTION])
        marker = Marker.of([m for g in groups for m in g.marks])
        hits = []
        for item in shown:
            kind = _KINDS[item.kind]
            if item.kind == ix.KIND_QUESTION:
                question = questions.get(item.ref)
                if question is None:
                    continue
                slug, title, body = question.slug, question.title, question.text
                topic_slug, topic_title, _summary = r.topics.get(question.topic_id, ("", "", ""))
            else:
                topic_slug, topic_title, summary = r.topics[item.ref]
                slug = topic_slug
                title, body = r.guides[item.ref] if item.kind == ix.KIND_GUIDE else (topic_title, summary)
            hits.append(
                SearchHit(kind, slug, title, topic_slug, topic_title, snippet(body, marker), item.score)
            )
        return hits

    def _pages(self, r: _Ready, ids: Sequence[int]) -> dict[int, _Page]:
        """The pages of the questions ``ids`` (remembered, or read for those that are not)."""
        found: dict[int, _Page] = {}
        missing = []
        for qid in ids:
            page = r.pages.get(qid)
            if page is None:
                missing.append(qid)
            else:
                found[qid] = page
        for qid, page in self._read_pages(sorted(missing)).items():
            r.pages.put(qid, page)
            found[qid] = page
        return found

    def _read_pages(self, ids: Sequence[int]) -> dict[int, _Page]:
        """The pages of the questions ``ids`` from the content DB: the snippet text is the
        question with its replies and More Info, as plain text."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self._engine.connect() as conn:
            con = conn.connection.driver_connection
            assert isinstance(con, sqlite3.Connection)
            rows = con.execute(
                f"SELECT id, slug, title, topic_id, body_md FROM question WHERE id IN ({marks}) ORDER BY id",
                list(ids),
            ).fetchall()
            extra: dict[int, list[str]] = {}
            for qid, body in con.execute(
                f"SELECT question_id, body_md FROM ({ix.ANSWER_TEXTS}) WHERE question_id IN ({marks})"
                " ORDER BY question_id, id",
                list(ids),
            ):
                extra.setdefault(qid, []).append(body)
            for qid, title, body in con.execute(
                f"SELECT question_id, title, body_md FROM article WHERE kind = 'more_info'"
                f" AND question_id IN ({marks}) ORDER BY question_id, id",
                list(ids),
            ):
                extra.setdefault(qid, []).append(f"{title}\n{body}")
        # A snippet only looks at the text's start (highlight.SNIPPET_SCAN): cut before cleaning.
        return {
            qid: _Page(
                slug, title, tid, plain_text("\n".join([body, *extra.get(qid, [])])[: 2 * SNIPPET_SCAN])
            )
            for qid, slug, title, tid, body in rows
        }
