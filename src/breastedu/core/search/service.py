"""Search over questions, topic guides and topics: ranked, forgiving, as you type.

The engine is tantivy (see :mod:`breastedu.core.search.index` and the README's "Search"
section for why); this module is the thin layer on top of it:

- a query becomes *groups*, one per word, synonym phrase or CJK pair (stopwords dropped);
  the last word, while still being typed, also stands for the most frequent words it
  begins (:data:`EXPANSIONS`), weighted down when it is already a word itself, so that
  "breast" prefers "breast" to "breastbone". Typed after other words, it stands for no
  stopword (as a finished stopword is dropped), and a single letter there waits for the
  next one ("lump under a" searches "lump under"): one letter names no word yet, and its
  most frequent words would be scored on nearly every page;
- pages matching every group rank above pages matching some; within each, tantivy's
  bm25 over the fields, with titles weighted above text and picture captions far below
  (:data:`FIELD_BOOSTS`). Both are tantivy's exact top k: no shortlist, no cut-off;
- a topic the query names comes first; a word matching nothing is corrected ("did you
  mean"); snippets and marks come from :mod:`breastedu.core.search.highlight`;
- what a question's result row shows (slug, title, topic, the start of its text) is
  stored in its document and read by address: a search never reads the content DB;
- what searches work out again and again from the read-only index is remembered in
  bounded memos (:mod:`breastedu.core.search.memo`): the words a prefix stands for, a
  letter's vocabulary and its candidates (for "did you mean"), and the ranking of a word of
  one or two letters typed alone (it matches much of the library, and there are few such
  words). The index build works out those rankings (in each topic too, for those standing
  for frequent words), and the words those prefixes stand for, and each letter's
  vocabulary, ahead (:mod:`breastedu.core.search.short`): even the first such search reads
  them from the index folder;
- a question hit's row is read from the index, and a hit's snippet cut, when first asked
  for (:class:`SearchHit`): a result list reads and cuts those of the rows it shows.

Any text is safe: a query is only tokenized into terms, never parsed by a query language.
Thread-safe: the index is opened once (:meth:`SearchService.prepare`, under a lock); calls
share its searcher, which tantivy allows.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Engine

from breastedu.core.content.service import ContentService
from breastedu.core.errors import NotFoundError
from breastedu.core.search import cjk, short
from breastedu.core.search import index as ix
from breastedu.core.search.highlight import Marker, marked_html, snippet_parts
from breastedu.core.search.memo import Memo
from breastedu.core.search.short import ShortRankings
from breastedu.core.search.synonyms import Synonyms
from breastedu.core.search.text import STOPWORDS, is_cjk, plain_text, stem, words
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
_NO_MARKS = Marker.of(())
_set = object.__setattr__  # how a (frozen) SearchHit sets its own attributes


Row = tuple[str, str, str, str, str]  # a hit's slug, title, topic slug, topic title, text


#: The fields of a hit's stored row, in its order.
ROW_FIELDS = ("slug", "title", "topic_slug", "topic_title", "text")


class _RowField:
    """One field of a hit's stored row, read with the row when first asked for."""

    def __init__(self, index: int) -> None:
        self.index = index

    def __get__(self, hit: SearchHit, owner: type | None = None) -> str:
        return hit._fields()[self.index]


class SearchHit:
    """One result. For a guide or topic hit, ``slug`` is the topic's slug (open its page).

    A question hit found by a search reads what its row shows (slug, title, topic, text)
    from the index when first asked for, and its snippet is cut from ``text`` and marked
    with ``marker`` when first asked for (both then kept): a result list reads the rows it
    shows, not all 30. Equal hits: the same kind, row and score. Immutable (as a frozen
    dataclass: setting an attribute raises ``FrozenInstanceError``)."""

    __slots__ = ("_read", "_row", "_snippet", "kind", "marker", "score")

    def __init__(
        self,
        kind: HitKind,
        slug: str,
        title: str,
        topic_slug: str,
        topic_title: str,
        text: str,  # the plain text the snippet is cut from (the start of the page's text)
        score: float,
        marker: Marker = _NO_MARKS,  # the query's
    ) -> None:
        self.kind: HitKind
        self.score: float
        self.marker: Marker
        self._row: Row | None
        self._read: Callable[[], Row] | None
        self._snippet: tuple[str, tuple[tuple[int, int], ...]] | None
        _set(self, "kind", kind)
        _set(self, "score", score)
        _set(self, "marker", marker)
        _set(self, "_row", (slug, title, topic_slug, topic_title, text))
        _set(self, "_read", None)
        _set(self, "_snippet", None)

    @classmethod
    def stored(cls, kind: HitKind, score: float, marker: Marker, read: Callable[[], Row]) -> SearchHit:
        """A hit whose row ``read()`` reads when first asked for."""
        hit = cls(kind, "", "", "", "", "", score, marker)
        _set(hit, "_row", None)
        _set(hit, "_read", read)
        return hit

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def _fields(self) -> Row:
        row = self._row
        if row is None:
            assert self._read is not None
            row = self._read()  # two threads may both read it: the same row
            _set(self, "_row", row)
        return row

    slug = _RowField(0)
    title = _RowField(1)
    topic_slug = _RowField(2)
    topic_title = _RowField(3)
    text = _RowField(4)  # the plain text the snippet is cut from (the start of the page's text)

    def replace(self, **changes: str) -> SearchHit:
        """This hit with some of ``slug``, ``title``, ``topic_slug``, ``topic_title`` and
        ``text`` changed."""
        row = dict(zip(ROW_FIELDS, self._fields(), strict=True))
        row.update(changes)
        return SearchHit(self.kind, **row, score=self.score, marker=self.marker)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SearchHit):
            return NotImplemented
        return (self.kind, self._fields(), self.score) == (other.kind, other._fields(), other.score)

    def __hash__(self) -> int:
        return hash((self.kind, self._fields(), self.score))

    def __repr__(self) -> str:
        slug, title, topic_slug, topic_title, _text = self._fields()
        return (
            f"SearchHit(kind={self.kind!r}, slug={slug!r}, title={title!r}, topic_slug={topic_slug!r},"
            f" topic_title={topic_title!r}, score={self.score!r})"
        )

    def _parts(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        found = self._snippet
        if found is None:
            found = snippet_parts(self.text, self.marker)
            _set(self, "_snippet", found)
        return found

    @property
    def snippet(self) -> str:
        """About 180 characters of ``text`` around its first match, as plain text ("…" where
        it is cut)."""
        return self._parts()[0]

    @property
    def snippet_spans(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each match in :attr:`snippet`."""
        return self._parts()[1]

    @property
    def snippet_html(self) -> str:
        """:attr:`snippet` escaped, with <mark>...</mark> around the matched words."""
        return marked_html(*self._parts())

    def as_dict(self) -> dict[str, object]:
        """What a hit shows, its snippet built, as plain data (the CLI's ``--json``)."""
        return {
            "kind": self.kind,
            "slug": self.slug,
            "title": self.title,
            "topic_slug": self.topic_slug,
            "topic_title": self.topic_title,
            "snippet_html": self.snippet_html,
            "score": self.score,
            "snippet": self.snippet,
            "snippet_spans": [list(span) for span in self.snippet_spans],
        }


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
    address: tantivy.DocAddress | None = field(default=None, compare=False)  # its document in the index


@dataclass(frozen=True)
class _Group:
    """One required part of the query."""

    typed: str  # the word(s) as typed (folded), for "did you mean"
    terms: tuple[str, ...]  # exact index terms (words, concepts, CJK pairs)
    prefix: str | None  # a word still being typed: the words it begins match too
    marks: tuple[str, ...]  # words and phrases to highlight
    after_words: bool = False  # a word being typed after others: it stands for no stopword


@dataclass(frozen=True)
class _Candidates:
    """What "did you mean" compares a word with: candidate texts (words, or their starts for
    a word being typed), each with its frequency rank (lower: more frequent; only their order
    counts) and the word of its best indexed word."""

    texts: tuple[str, ...]
    rank: Sequence[int]
    words: tuple[str, ...]


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
    vocabulary: Memo[str, tuple[str, ...]]  # first letter -> its words, most frequent first
    candidates: Memo[tuple[str, int, int, bool], _Candidates]  # (letter, length, edits, prefix)
    rankings: Memo[tuple[object, ...], tuple[Ranked, ...]]  # of a short prefix typed alone
    short: ShortRankings  # the same, worked out at index build (read from the index folder)

    @classmethod
    def of(
        cls,
        index: tantivy.Index,
        folder: Path | None,
        synonyms: Synonyms,
        rows: Sequence[tuple[int, str, str, str, str, str]],
        guides: dict[int, tuple[str, str]],
    ) -> _Ready:
        """The state of a service over ``index`` (kept in ``folder``; None: in memory)."""
        import tantivy

        index.reload()
        searcher = index.searcher()
        return cls(
            tv=tantivy,
            index=index,
            searcher=searcher,
            schema=index.schema,
            synonyms=synonyms,
            names=TopicNames.build(rows, synonyms),
            topics={tid: (slug, title, summary) for tid, slug, title, _f, summary, _g in rows},
            topic_ids={slug: tid for tid, slug, *_ in rows},
            guides={tid: (title, plain_text(body)) for tid, (title, body) in guides.items()},
            expansions=Memo(4096),
            vocabulary=Memo(64),
            candidates=Memo(256),
            rankings=Memo(512),
            short=ShortRankings(folder, searcher.num_docs),
        )


def _optional(groups: Sequence[_Group]) -> list[bool]:
    """Which groups a page need not match to count as matching every group: bare numbers,
    when the query has words too (a number alone must never outrank the named system)."""
    numbers = [g.typed.isdigit() for g in groups]
    return numbers if not all(numbers) else [False] * len(groups)


class SearchService:
    """Searches one content DB. ``search`` may be called from several threads at once.

    Construction is cheap; the index is opened or built on first use, or ahead of it by
    :meth:`prepare`: the one shipped beside the content DB when it is current, else one
    built (see :mod:`breastedu.core.search.index`). ``cache_dir`` is where a large library
    without a current shipped index keeps one between runs, and says that this service may
    write (it then also removes build folders a killed process left); None: it writes
    nothing and builds in memory when it must, as in kiosk mode."""

    def __init__(
        self, engine: Engine | None, *, path: Path | None = None, cache_dir: Path | None = None
    ) -> None:
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

    def prepare(self, progress: ix.Progress | None = None) -> None:
        """Open the index, building it first when missing or stale (``progress`` hears how
        far a build got). Safe to call from any thread, any number of times."""
        with self._lock:
            if self._state is not None:
                return
            assert self._engine is not None  # only a build-time ranker has none, and is ready
            with self._engine.connect() as conn:
                con = conn.connection.driver_connection
                assert isinstance(con, sqlite3.Connection)
                synonyms = Synonyms.read(conn)
                index, folder = self._open_index(con, synonyms, progress)
                rows = ix.topic_rows(con)
                guides = ix.guide_rows(con)
            self._state = _Ready.of(index, folder, synonyms, rows, guides)

    def _open_index(
        self, con: sqlite3.Connection, synonyms: Synonyms, progress: ix.Progress | None
    ) -> tuple[tantivy.Index, Path | None]:
        """The index, and the folder it is kept in (None: built in memory)."""
        path, cache = self._path, self._cache_dir
        if path is not None:
            if cache is not None:  # a build killed half-way (where this service may write)
                ix.remove_half_built(ix.beside(path).parent, ix.beside(path).name)
                ix.remove_half_built(cache)
            shipped = ix.open_beside(path, ix.stored_key(con))
            if shipped is not None:
                return shipped, ix.beside(path)
        if path is not None and cache is not None and ix.wants_disk(path, cache):
            found = ix.open_cached(path, cache)
            if found is None:
                try:
                    found = ix.build_cached(con, synonyms, path, cache, progress=progress)
                except OSError:
                    found = None  # the cache folder is not writable: keep the index in memory
            if found is not None:
                return found, cache / ix.cache_key(path)
        return ix.build(con, synonyms, None, progress=progress), None

    def _ready(self) -> _Ready:
        if self._state is None:
            self.prepare()
        assert self._state is not None
        return self._state

    def forget(self) -> None:
        """Empty the memos and put back what was read from the index folder: the next
        searches work everything out again (what a benchmark measures as a first search)."""
        r = self._state
        if r is not None:
            for memo in (r.expansions, r.vocabulary, r.candidates, r.rankings):
                memo.clear()
            r.short.forget()

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
                text = did_you_mean or q
                tops = [t for t in r.names.named_by(text, r.synonyms) if topic_id in (None, t)]
                near = [t for t in r.names.described_by(text, r.synonyms) if topic_id in (None, t)]
                ranked = self._ranked(r, groups, weighted, limit + len(tops) + len(near) + 10, topic_id)
                hits = self._hits(r, tops, near, ranked, groups, limit)
        terms = tuple(dict.fromkeys(m for g in groups for m in g.marks))
        return SearchResults(query, tuple(hits), did_you_mean, terms, (time.perf_counter() - start) * 1000.0)

    def chinese_words(self) -> tuple[str, ...]:
        """The Chinese entries of the synonym groups (``data/synonyms.toml``), in group order:
        the lay and medical words a Chinese reader may search for (the kiosk's pick list)."""
        entries = self._ready().synonyms.entries
        return tuple(entry for group in entries.values() for entry in group if is_cjk(entry))

    def ranking(self, query: str, *, limit: int, topic: str | None = None) -> list[Ranked]:
        """The engine's ranking of ``query`` alone (no topic first, no page merging): what
        the benchmark compares with an exhaustive scoring of every matching page."""
        r = self._ready()
        topic_id = self._topic_id(r, topic)
        groups = self._parse(r, query[:MAX_QUERY_CHARS])
        weighted, groups, _dym = self._resolve(r, groups) if groups else ([], [], None)
        if not weighted or limit <= 0:
            return []
        return self._rank(r, weighted, _optional(groups), limit, topic_id)

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
                # A number is never a word being typed: "4" stands for 4, not 40 or 4x.
                last = ends_query and as_prefix and i + n == len(stems) and not latin[i].isdigit()
                typed = " ".join(latin[i : i + n])
                if concept:
                    prefix = latin[i] if last and n == 1 else None
                    entries = r.synonyms.entries.get(concept, ())
                    groups.append(_Group(typed, (concept,), prefix, (typed, *entries)))
                elif last:
                    groups.append(_Group(typed, (stems[i],), latin[i], (latin[i],)))
                else:
                    marks = (latin[i],) if latin[i] == stems[i] else (latin[i], stems[i])
                    groups.append(_Group(typed, (stems[i],), None, marks))
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
        last = content[-1] if len(content) > 1 else None
        if last is not None and last.prefix is not None:  # a word being typed after others
            if len(last.prefix) == 1:
                content.pop()  # a single letter waits for the next one (see the module docstring)
            else:
                content[-1] = dataclasses.replace(last, after_words=True)
        return (content or groups)[:MAX_GROUPS]

    # Terms ---------------------------------------------------------------------------------

    def _df(self, r: _Ready, term: str) -> int:
        return sum(r.searcher.doc_freq(field, term) for field, _boost in FIELD_BOOSTS)

    def _expand(self, r: _Ready, prefix: str) -> tuple[tuple[str, int], ...]:
        """The :data:`EXPANSIONS` most frequent words that begin with ``prefix``."""

        def work_out() -> tuple[tuple[str, int], ...]:
            # A word of one or two letters: kept at index build.
            kept = r.short.expansions(prefix) if len(prefix) <= SHORT_PREFIX else None
            return kept if kept is not None else self._most_frequent(r, prefix, EXPANSIONS)

        return r.expansions.get_or(prefix, work_out)

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
            if g.after_words:
                out = {t: w for t, w in out.items() if t not in STOPWORDS}
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
        close enough (edit distance 1, or 2 for words of 8+ letters; the first letter as
        typed); of equally close words the most frequent."""
        word = group.typed
        if " " in word or len(word) < 4 or not word.isalpha() or not word.isascii():
            return None
        as_prefix = group.prefix is not None
        target = word if as_prefix else stem(word)
        most = 1 if len(word) < 8 else 2
        found = self._closest(r, target, most, as_prefix)
        if found is None:
            return None
        concept = r.synonyms.phrases.get((found,))
        terms = (concept,) if concept else (found,)
        return _Group(found, terms, None, (found, *r.synonyms.entries.get(concept or "", ())))

    def _closest(self, r: _Ready, target: str, most: int, as_prefix: bool) -> str | None:
        """The indexed word within ``most`` edits of ``target`` (of its start when
        ``as_prefix``), nearest first, then the most frequent, then the first in order.

        rapidfuzz compares ``target`` with every candidate of a length that can be within
        ``most`` edits (its optimal string alignment distance, in C); the candidates are the
        words of the first letter's vocabulary, cut to those lengths for a prefix, worked
        out once per letter and length and remembered."""
        choices = r.candidates.get_or(
            (target[0], len(target), most, as_prefix),
            lambda: self._candidates(r, target, most, as_prefix),
        )
        if not choices.texts:
            return None
        # Here, not at import: the first misspelling loads rapidfuzz, the app's start does not.
        from rapidfuzz.distance import OSA
        from rapidfuzz.process import extract

        close = extract(target, choices.texts, scorer=OSA.distance, score_cutoff=most, limit=None)
        if not close:
            return None
        _text, _d, best = min(close, key=lambda c: (c[1], choices.rank[c[2]]))
        return choices.words[best]

    def _letter_words(self, r: _Ready, letter: str) -> tuple[str, ...]:
        """Every indexed word that begins with ``letter``, most frequent first (kept at index
        build for a-z: listing them from the index reads all of them and their counts)."""
        kept = r.short.vocabulary(letter)
        return kept if kept is not None else tuple(t for t, _n in self._most_frequent(r, letter, None))

    def _candidates(self, r: _Ready, target: str, most: int, as_prefix: bool) -> _Candidates:
        vocabulary = r.vocabulary.get_or(target[0], lambda: self._letter_words(r, target[0]))
        low, high = len(target) - most, len(target) + most
        # Listed in the vocabulary's order (most frequent first), so that a candidate's place
        # in the list is its rank: ties of distance go to the more frequent word.
        if not as_prefix:  # the words of those lengths (each word is listed once)
            texts = tuple(t for t in vocabulary if low <= len(t) <= high)
            return _Candidates(texts, range(len(texts)), texts)
        best: dict[str, str] = {}  # candidate -> its most frequent word (the first listed)
        for term in vocabulary:
            for n in range(low, min(high, len(term)) + 1):
                best.setdefault(term[:n], term)
        return _Candidates(tuple(best), range(len(best)), tuple(best.values()))

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
        optional = _optional(groups)
        if prefix is None or len(prefix) > SHORT_PREFIX:
            return self._rank(r, weighted, optional, wanted, topic_id)
        kept = r.short.get(prefix, wanted) if topic_id is None else r.short.in_topic(prefix, topic_id, wanted)
        if kept is not None:  # worked out at index build
            address = r.tv.DocAddress
            return [Ranked(kind, ref, score, address(seg, doc)) for seg, doc, kind, ref, score in kept]
        key = (tuple(map(tuple, weighted)), wanted, topic_id)
        return r.rankings.get_or(key, lambda: tuple(self._rank(r, weighted, optional, wanted, topic_id)))

    @staticmethod
    def _term_clauses(
        r: _Ready, weighted: list[tuple[str, float]], body: bool | None = None
    ) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        """One optional clause per term and field, boosted by the field and the term's weight
        (``body``: True, only those of the text; False, only the others)."""
        clauses = []
        for term, weight in weighted:
            for name, boost in FIELD_BOOSTS if weight == 1.0 else FIELD_BOOSTS[:2]:
                if body is None or body == (name == "body"):
                    q = r.tv.Query.term_query(r.schema, name, term, index_option="freq")
                    clauses.append((r.tv.Occur.Should, r.tv.Query.boost_query(q, boost * weight)))
        return clauses

    def _group_query(self, r: _Ready, weighted: list[tuple[str, float]]) -> tantivy.Query:
        return r.tv.Query.boolean_query(self._term_clauses(r, weighted))

    def _rank(
        self,
        r: _Ready,
        weighted: list[list[tuple[str, float]]],
        optional: Sequence[bool],
        wanted: int,
        topic_id: int | None,
    ) -> list[Ranked]:
        """The best ``wanted`` pages: those matching every group first, then those matching
        some (each part tantivy's exact top k by bm25). A group that is ``optional`` (a bare
        number beside words: "TI-RADS 4") is not needed to count as matching every group; it
        adds to the score of pages that have it. A plain union of terms goes to tantivy as it
        is, so that it skips the pages that cannot reach the top k (block-max WAND) instead of
        scoring every match: one group alone, in no topic; and the pages matching some
        groups, whose score (the sum of their terms' scores) is the flat union's: its best
        ``wanted`` pages, less those already found as matching every group, are exactly the
        best of the others. The pages matching every group of several: :meth:`_every`."""
        must = r.tv.Occur.Must
        only: list[tuple[tantivy.Occur, tantivy.Query]] = []
        if topic_id is not None:
            topic_q = r.tv.Query.term_query(r.schema, "topic", topic_id)
            only = [(must, r.tv.Query.const_score_query(topic_q, 0.0))]
        if len(weighted) == 1:
            group = self._group_query(r, weighted[0])
            first = r.tv.Query.boolean_query([(must, group), *only]) if only else group
            hits = r.searcher.search(first, wanted, count=False).hits
        else:
            hits = self._every(r, weighted, optional, wanted, only)
        found = [(ALL_WORDS + s, a) for s, a in hits]
        if len(found) < wanted and len(weighted) > 1:
            some = r.tv.Query.boolean_query([c for w in weighted for c in self._term_clauses(r, w)])
            query = r.tv.Query.boolean_query([(must, some), *only]) if only else some
            # Every page matching every group is in ``found`` (fewer than ``wanted`` did).
            every_page = {(a.segment_ord, a.doc) for _s, a in found}
            hits = r.searcher.search(query, wanted, count=False).hits
            others = [(s, a) for s, a in hits if (a.segment_ord, a.doc) not in every_page]
            found += [(min(s, ALL_WORDS - 1.0), a) for s, a in others[: wanted - len(found)]]
        if not found:
            return []
        addresses = [a for _s, a in found]
        kinds = r.searcher.fast_field_values("kind", addresses)
        refs = r.searcher.fast_field_values("ref", addresses)
        return [
            Ranked(int(k or 0), int(ref or 0), float(s), a)
            for (s, a), k, ref in zip(found, kinds, refs, strict=True)
        ]

    def _every(
        self,
        r: _Ready,
        weighted: list[list[tuple[str, float]]],
        optional: Sequence[bool],
        wanted: int,
        only: list[tuple[tantivy.Occur, tantivy.Query]],
    ) -> list[tuple[float, tantivy.DocAddress]]:
        """The best ``wanted`` (score, page) matching every group (but the ``optional`` ones),
        best first, by the sum of their terms' scores.

        Tantivy intersects unions by scoring every page of each union near the pages it
        visits, so that groups of one word over three fields cost as much as scoring all of
        their pages. The pages are found in two parts instead, which together are every
        such page:
        - those with a term of every group in their text: the intersection of the groups'
          text terms (term lists, which tantivy intersects by skipping), the title and
          caption terms adding to their score as optional clauses: the same sum;
        - those matching some group only in their title or captions: each has that term in
          its ``xbody`` field (the title and caption terms its text lacks, few), which leads
          the usual nested query.
        A page found by both (a group in its text, another word of it in its title only)
        keeps its first score (the same sum, added up in another order)."""
        tq, must, should = r.tv.Query, r.tv.Occur.Must, r.tv.Occur.Should
        in_text: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for w, extra in zip(weighted, optional, strict=True):
            text = self._term_clauses(r, w, body=True)
            group = text[0][1] if len(text) == 1 else tq.boolean_query(text)
            in_text.append((should if extra else must, group))
        in_text += [c for w in weighted for c in self._term_clauses(r, w, body=False)]
        found = r.searcher.search(tq.boolean_query([*in_text, *only]), wanted, count=False).hits
        rare = [
            (should, tq.term_query(r.schema, "xbody", t, index_option="basic"))
            for w, extra in zip(weighted, optional, strict=True)
            if not extra
            for t, _weight in w
            if r.searcher.doc_freq("xbody", t)
        ]
        if not rare:  # no page has any of the words in its title or captions only
            return found
        nested = [
            (should if extra else must, self._group_query(r, w))
            for w, extra in zip(weighted, optional, strict=True)
        ]
        lead = tq.const_score_query(tq.boolean_query(rare), 0.0)
        more = r.searcher.search(tq.boolean_query([(must, lead), *nested, *only]), wanted, count=False).hits
        if not more:
            return found
        seen = {(a.segment_ord, a.doc) for _s, a in found}
        both = found + [(s, a) for s, a in more if (a.segment_ord, a.doc) not in seen]
        both.sort(key=lambda sa: (-sa[0], sa[1].segment_ord, sa[1].doc))
        return both[:wanted]

    @classmethod
    def keep_short_rankings(
        cls, index: tantivy.Index, synonyms: Synonyms, folder: Path, topics: Sequence[int] = ()
    ) -> None:
        """Rank every word of one or two letters typed alone, with the code a search runs,
        and keep the best pages of each in the index ``folder``, and of the most frequent of
        them in each of ``topics`` (see :mod:`breastedu.core.search.short`). Part of the
        index build."""
        service = cls(None)  # ranks the index alone: no content DB is read
        r = service._state = _Ready.of(index, None, synonyms, [], {})
        rankings: dict[str, list[short.Row]] = {}
        expansions: dict[str, short.Expansion] = {}
        in_topics: dict[int, dict[str, list[short.Row]]] = {t: {} for t in topics}

        def kept(ranked: list[Ranked]) -> list[short.Row]:
            return [
                (x.address.segment_ord, x.address.doc, x.kind, x.ref, x.score)
                for x in ranked
                if x.address is not None
            ]

        for word in short.words():
            expansions[word] = service._expand(r, word)
            groups = service._parse(r, word)
            if len(groups) != 1 or groups[0].prefix != word:
                continue
            weighted, groups, _dym = service._resolve(r, groups)
            if not weighted:
                continue
            optional = _optional(groups)
            rankings[word] = kept(service._rank(r, weighted, optional, short.KEPT, None))
            if sum(n for _w, n in expansions[word]) >= short.TOPIC_PAGES:
                for topic, ranked in in_topics.items():
                    ranked[word] = kept(service._rank(r, weighted, optional, short.KEPT, topic))
        short.write(folder, rankings, expansions, r.searcher.num_docs)
        short.write_in_topics(folder, in_topics, r.searcher.num_docs)
        letters = {w: service._letter_words(r, w) for w in short.words() if len(w) == 1}
        short.write_vocabulary(folder, letters, r.searcher.num_docs)

    # Hits ----------------------------------------------------------------------------------

    def _hits(
        self,
        r: _Ready,
        tops: list[int],
        near: list[int],
        ranked: Sequence[Ranked],
        groups: list[_Group],
        limit: int,
    ) -> list[SearchHit]:
        """Topics the query names first, then the best page, then topics whose summary the
        query describes, then the rest of the ranking; one entry per page."""
        best = ranked[0].score if ranked else 0.0
        order = [
            *(Ranked(ix.KIND_TOPIC, tid, best + len(tops) - n) for n, tid in enumerate(tops)),
            *ranked[:1],
            *(Ranked(ix.KIND_TOPIC, tid, best) for tid in near),
            *ranked[1:],
        ]
        shown: list[Ranked] = []
        seen: set[tuple[bool, int]] = set()  # one entry per page: a guide opens its topic's
        for item in order:
            page = (item.kind == ix.KIND_QUESTION, item.ref)
            if page not in seen:
                seen.add(page)
                shown.append(item)
                if len(shown) == limit:
                    break
        marker = Marker.of([m for g in groups for m in g.marks])
        hits = []
        for item in shown:
            kind = _KINDS[item.kind]
            if item.kind == ix.KIND_QUESTION:
                # What the row shows is stored in the question's document: read by address
                # when the row is first asked for.
                assert item.address is not None  # every question ranked comes from the index
                hits.append(
                    SearchHit.stored(kind, item.score, marker, partial(_question_row, r, item.address))
                )
                continue
            topic_slug, topic_title, summary = r.topics[item.ref]
            title, body = r.guides[item.ref] if item.kind == ix.KIND_GUIDE else (topic_title, summary)
            hits.append(SearchHit(kind, topic_slug, title, topic_slug, topic_title, body, item.score, marker))
        return hits


def _question_row(r: _Ready, address: tantivy.DocAddress) -> Row:
    """What the result row of the question at ``address`` shows, from its stored document."""
    raw = r.searcher.doc(address).get_first("page")
    question = ix.stored_page(raw) if isinstance(raw, bytes) else ix.StoredPage("", "", 0, "")
    topic_slug, topic_title, _summary = r.topics.get(question.topic_id, ("", "", ""))
    return question.slug, question.title, topic_slug, topic_title, question.text
