"""Search at the app's k (30): ours against tantivy, SQLite FTS5 and libzim on one corpus.

All engines run in one process, interleaved query by query, on the same synthetic corpus
(``make_corpus.py``; cached), answering the same queries with the same matching rules:

- every completed word is required (pages with all the words first; if fewer than k match
  all, pages with some follow: the same two-phase ranking for every engine);
- the word still being typed (no trailing space) matches itself or any of the 32 most
  frequent words it begins in that engine's own vocabulary (tantivy ``terms_with_prefix``,
  FTS5 ``fts5vocab``; libzim gets the same expanded words as an OR group);
- bm25 with titles weighted 4x the body.

- a word that matches nothing (the "typo" class) is corrected: ours by its did-you-mean,
  the tantivy peers by tantivy's own fuzzy term query (distance 1, 2 from 8 letters).

Engines:
  ours        ``SearchService.search(q, limit=30)``: the whole app call (synonyms, topic
              first, did-you-mean), and what the window reads of the first :data:`ON_SCREEN`
              hits, the rows it paints: each one's stored row (title, topic) read from the
              index and its snippet cut (a hit reads its row and cuts its snippet when
              first asked for; rows below the fold are neither read nor cut),
              warm: its memos (prefix expansions, vocabularies, short-prefix rankings, all
              far larger than this query set) hold what the warm-up pass and earlier
              rounds worked out, as in the app once a word has been typed before
  ours-cold   the same call on a second service whose memos are emptied before every
              query (not timed): every query as if it were the first one typed
  ours-rank   ``SearchService.ranking``: our layer's ranking alone (no titles/snippets;
              the words a prefix stands for are remembered, rankings are not)
  tantivy     plain tantivy (its default tokenizer) over title + body, no layer on top:
              keys only
  tantivy+rows  the same, then what a result row needs read from its own stored field
              (title and the start of the text) for each of its top 30: the same work as
              our whole call minus the layer, the fair peer for "ours"
  fts5        an FTS5 table (unicode61, prefix index on 1-3 letters) with
              ``ORDER BY bm25(t, 4, 1) LIMIT 30``; the word being typed is FTS5's own
              prefix query (``"ca"*``), which its prefix index serves
  libzim      Kiwix's engine (Xapian) over the same pages (AND of the words; libzim ranks
              by its own bm25 and does not take weights)

Quality: "exact" is how often an engine's top 30 equals its own exhaustive ranking of every
match (same scoring, no limit); "overlap" is the share of its top 30 found in FTS5's
exhaustive bm25 top 30 for the same query (a common reference; tokenizers differ a little).

Latency is the median and the p95 (nearest rank) over every query of a class and round,
in CPU time (``process_time``: what the call cost, not counting time the process waited
for a core; the figure to trust on a loaded machine) and wall time (``perf_counter``). The
order of the engines is shuffled for every query (seeded); the load average is printed
before and after. Also printed: index build time, content DB + index size against the raw
text.

    python benchmarks/bench_search.py --size 100000 [--rounds 10] [--engines ours,ours-cold,tantivy+rows,fts5]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus
from breastedu.core.content.engine import open_content_readonly
from breastedu.core.search import index as search_index
from breastedu.core.search.service import EXPANSIONS, SearchHit, SearchService
from stats import p95

K = 30
ON_SCREEN = 8  # result rows a window shows at once (about 5 at 1366 x 768): their snippets are cut
TOPIC = "calcifications"
CLASSES: dict[str, list[str]] = {
    "1-2 letters": ["c", "l", "t", "m", "b", "n", "ca", "lu", "th", "ma", "br", "ni", "cy", "bi"],
    "single word": [
        "calcification ",
        "lump ",
        "thyroid ",
        "mammogram ",
        "cyst ",
        "goiter ",
        "biopsy ",
        "ultrasound ",
        "nipple ",
        "pain ",
        "fibroad",
        "hyperthy",
    ],
    "multi-word": [
        "breast lump pain ",
        "lump under arm ",
        "thyroid nodule biopsy ",
        "nipple discharge ",
        "breast pain period ",
        "mammogram dense breast ",
        "lump under a",
        "thyroid nod",
        "ultrasound res",
        "biopsy resu",
    ],
    "6 words": [
        "breast lump pain left side worried ",
        "thyroid nodule ultrasound biopsy result benign ",
        "mammogram calcifications follow up six months ",
        "nipple discharge blood check doctor ultrasound ",
        "cyst aspiration needle fluid painful breast ",
        "goiter swelling neck iodine thyroid hormone ",
    ],
    "topic-filtered": ["c", "ca", "lump ", "biopsy ", "breast pain ", "mammogram follow up "],
    "typo": [
        "mamogram ",
        "fibroadnoma ",
        "thyriod ",
        "calcifcation ",
        "thyriod nodule ",
        "mastitus ",
        "ultrasund ",
        "biospy ",
        "nippel discharge ",
        "calcifcat",
    ],
    # Chinese (issue 28): one and two characters, Simplified, lay words, longer and mixed phrasings.
    # The synthetic corpus is English: these match it through the Chinese synonym entries.
    "Chinese": [
        "鈣",
        "鈣化",
        "钙化",
        "硬塊",
        "乳房攝影",
        "甲狀腺結節",
        "大脖子",
        "腋下淋巴結腫大",
        "TI-RADS 4 結節",
    ],
}


def split(q: str) -> tuple[list[str], str | None]:
    """(completed words, the word being typed or None), lower-case, as every engine sees them."""
    import re

    words = re.findall(r"[^\W_]+", q.lower())
    if q[-1:].isalnum() and words:
        return words[:-1], words[-1]
    return words, None


# Engines -----------------------------------------------------------------------------------

Ranker = Callable[[str, str | None, int], list[object]]  # (query, topic slug, k) -> page keys


def ours_engines(db: Path, cache: Path) -> tuple[Ranker, Ranker, SearchService, float]:
    service = _service(db, cache)
    t = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r  ours: indexing {done:,} / {total:,}", end="", file=sys.stderr, flush=True)

    service.prepare(progress)
    build = time.perf_counter() - t
    print(file=sys.stderr)

    def full(q: str, topic: str | None, k: int) -> list[object]:
        return _shown(service.search(q, limit=k, topic=topic).hits)

    def rank(q: str, topic: str | None, k: int) -> list[object]:
        return [(r.kind, r.ref) for r in service.ranking(q, limit=k, topic=topic)]

    return full, rank, service, build


def _shown(hits: tuple[SearchHit, ...]) -> list[object]:
    """The hits' kinds and scores, once the rows on screen were read as the window paints
    them (where, title, snippet and its marks)."""
    for hit in hits[:ON_SCREEN]:
        _ = hit.topic_title, hit.title, hit.snippet, hit.snippet_spans
    return [(h.kind, h.score) for h in hits]


def _service(db: Path, cache: Path) -> SearchService:
    return SearchService(open_content_readonly(db, immutable=False), path=db, cache_dir=cache)


def ours_cold_engine(db: Path, cache: Path) -> tuple[Ranker, Callable[[], None]]:
    """The whole app call on a service of its own, and what empties its memos."""
    service = _service(db, cache)
    service.prepare()

    def first(q: str, topic: str | None, k: int) -> list[object]:
        return _shown(service.search(q, limit=k, topic=topic).hits)

    return first, service.forget


def _pages(con: sqlite3.Connection) -> list[search_index.Doc]:
    return list(search_index.iter_docs(con))


def tantivy_engine(db: Path, n: int) -> tuple[Ranker, Ranker, float]:
    """Plain tantivy: (keys only, keys and each hit's stored row read, build seconds)."""
    import tantivy

    folder = make_corpus.CACHE / f"peer-tantivy-rows-{n}"
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("title", index_option="freq")
    sb.add_text_field("body", index_option="freq")
    sb.add_unsigned_field("topic", indexed=True, fast=True)
    sb.add_unsigned_field("key", fast=True)
    sb.add_bytes_field("row", stored=True)  # title and the start of the text, as ours stores
    schema = sb.build()
    build = 0.0
    if not (folder / "complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        t = time.perf_counter()
        index = tantivy.Index(schema, path=str(folder))
        writer = index.writer(128 << 20, 2)
        con = sqlite3.connect(db)
        for i, d in enumerate(search_index.iter_docs(con)):
            doc = tantivy.Document()
            doc.add_text("title", d.title)
            doc.add_text("body", d.body + "\n" + d.captions)
            doc.add_unsigned("topic", d.topic_id)
            doc.add_unsigned("key", d.kind * 10_000_000 + d.ref)
            doc.add_bytes("row", f"{d.title}\0{d.snippet_text or d.body[:3181]}".encode())
            writer.add_document(doc)
            if i % 5000 == 0:
                print(f"\r  tantivy: indexing {i:,}", end="", file=sys.stderr, flush=True)
        writer.commit()
        writer.wait_merging_threads()
        build = time.perf_counter() - t
        (folder / "complete").write_text(f"{build:.1f}")
        print(file=sys.stderr)
    else:
        build = float((folder / "complete").read_text())
    index = tantivy.Index.open(str(folder))
    index.reload()
    searcher = index.searcher()
    topics = dict(sqlite3.connect(db).execute("SELECT slug, id FROM topic ORDER BY id").fetchall())
    Q, Occ = tantivy.Query, tantivy.Occur

    def term(f: str, t: str) -> object:
        if searcher.doc_freq(f, t):
            return Q.term_query(schema, f, t, index_option="freq")
        return Q.fuzzy_term_query(schema, f, t, distance=1 if len(t) < 8 else 2)  # a typo

    def group(terms: list[str]) -> object:
        return Q.boolean_query(
            [
                (Occ.Should, Q.boost_query(term(f, t), b))
                for t in terms
                for f, b in (("title", 4.0), ("body", 1.0))
            ]
        )

    def expand(prefix: str) -> list[str]:
        counts: dict[str, int] = {}
        for f in ("title", "body"):
            for t, c in searcher.terms_with_prefix(f, prefix, limit=EXPANSIONS):
                counts[t] = counts.get(t, 0) + c
        return sorted(counts, key=lambda t: (-counts[t], t))[:EXPANSIONS]

    def hits(q: str, topic: str | None, k: int) -> list[tuple[float, object]]:
        done, typing = split(q)
        groups = [group([w]) for w in done]
        if typing:
            groups.append(group(sorted({typing, *expand(typing)})))
        if not groups:
            return []
        only = []
        if topic:
            only = [(Occ.Must, Q.const_score_query(Q.term_query(schema, "topic", topics[topic]), 0.0))]
        every = Q.boolean_query([(Occ.Must, g) for g in groups])
        found = searcher.search(Q.boolean_query([(Occ.Must, every), *only]), k, count=False).hits
        if len(found) < k and len(groups) > 1:
            some = Q.boolean_query([(Occ.Should, g) for g in groups])
            more = Q.boolean_query([(Occ.Must, some), (Occ.MustNot, every), *only])
            found += searcher.search(more, k - len(found), count=False).hits
        return found

    def rank(q: str, topic: str | None, k: int) -> list[object]:
        return list(searcher.fast_field_values("key", [a for _s, a in hits(q, topic, k)]))

    def rank_rows(q: str, topic: str | None, k: int) -> list[object]:
        found = hits(q, topic, k)
        keys = searcher.fast_field_values("key", [a for _s, a in found])
        rows = [searcher.doc(a).get_first("row").decode().split("\0", 1) for _s, a in found]
        return [(key, title, text[:180]) for key, (title, text) in zip(keys, rows, strict=True)]

    return rank, rank_rows, build


def fts_engine(db: Path, n: int) -> tuple[Ranker, Ranker, float, int]:
    path = make_corpus.CACHE / f"peer-fts5-prefix-{n}.sqlite"
    build = 0.0
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        t = time.perf_counter()
        con = sqlite3.connect(tmp)
        con.execute(
            "CREATE VIRTUAL TABLE t USING fts5(title, body, topic UNINDEXED, key UNINDEXED,"
            " tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
        )
        src = sqlite3.connect(db)
        batch = []
        for i, d in enumerate(search_index.iter_docs(src)):
            batch.append((d.title, d.body + "\n" + d.captions, d.topic_id, d.kind * 10_000_000 + d.ref))
            if len(batch) == 5000:
                con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", batch)
                batch.clear()
                print(f"\r  fts5: indexing {i:,}", end="", file=sys.stderr, flush=True)
        con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", batch)
        con.execute("INSERT INTO t(t) VALUES ('optimize')")
        con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
        con.commit()
        con.close()
        build = time.perf_counter() - t
        tmp.rename(path)
        print(file=sys.stderr)
    size = path.stat().st_size
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    topics = dict(sqlite3.connect(db).execute("SELECT slug, id FROM topic ORDER BY id").fetchall())

    def make(limit: bool) -> Ranker:
        def rank(q: str, topic: str | None, k: int) -> list[object]:
            done, typing = split(q)
            groups = [f'"{w}"' for w in done]
            if typing:
                groups.append(f'"{typing}"*')  # FTS5's own prefix query, served by its prefix index
            if not groups:
                return []
            where = " AND topic = ?" if topic else ""
            params: list[object] = [topics[topic]] if topic else []
            lim = f" LIMIT {k}" if limit else ""
            every = " AND ".join(groups)
            sql = f"SELECT key FROM t WHERE t MATCH ?{where} ORDER BY bm25(t, 4.0, 1.0){lim}"
            out = [r[0] for r in con.execute(sql, [f"{{title body}}: ({every})", *params])]
            if len(out) < k and len(groups) > 1:
                some = " OR ".join(groups)
                query = f"{{title body}}: (({some}) NOT ({every}))"
                lim2 = f" LIMIT {k - len(out)}" if limit else ""
                sql = f"SELECT key FROM t WHERE t MATCH ?{where} ORDER BY bm25(t, 4.0, 1.0){lim2}"
                out += [r[0] for r in con.execute(sql, [query, *params])]
            return out

        return rank

    return make(True), make(False), build, size


def libzim_engine(db: Path, n: int) -> tuple[Ranker, float] | None:
    try:
        from libzim.reader import Archive
        from libzim.search import Query, Searcher
        from libzim.writer import Creator, Hint, Item, StringProvider
    except ImportError:
        return None
    path = make_corpus.CACHE / f"peer-libzim-{n}.zim"
    build = 0.0
    if not path.exists():

        class Page(Item):  # type: ignore[misc]
            def __init__(self, key: int, title: str, body: str) -> None:
                super().__init__()
                self.key, self.title, self.body = key, title, body

            def get_path(self) -> str:
                return f"p/{self.key}"

            def get_title(self) -> str:
                return self.title

            def get_mimetype(self) -> str:
                return "text/html"

            def get_contentprovider(self) -> StringProvider:
                return StringProvider(
                    f"<html><head><title>{self.title}</title></head><body>{self.body}</body></html>"
                )

            def get_hints(self) -> dict[Hint, int]:
                return {Hint.FRONT_ARTICLE: True}

        tmp = path.with_suffix(".tmp")
        t = time.perf_counter()
        with Creator(str(tmp)).config_indexing(True, "eng") as creator:
            creator.set_mainpath("p/1")
            for i, d in enumerate(search_index.iter_docs(sqlite3.connect(db))):
                creator.add_item(Page(d.kind * 10_000_000 + d.ref, d.title, d.body))
                if i % 5000 == 0:
                    print(f"\r  libzim: indexing {i:,}", end="", file=sys.stderr, flush=True)
        build = time.perf_counter() - t
        tmp.rename(path)
        print(file=sys.stderr)
    searcher = Searcher(Archive(str(path)))

    def rank(q: str, topic: str | None, k: int) -> list[object]:
        done, typing = split(q)
        parts = list(done)
        if typing:
            parts.append(typing + "*")
        if not parts or topic:
            return []
        found = searcher.search(Query().set_query(" ".join(parts)))
        return [int(p.split("/")[1]) for p in found.getResults(0, k)]

    return rank, build


# Run -----------------------------------------------------------------------------------------


def raw_text_bytes(db: Path) -> int:
    con = sqlite3.connect(db)
    total = 0
    for sql in (
        "SELECT sum(length(title) + length(body_md)) FROM question",
        "SELECT sum(length(body_md)) FROM reply",
        "SELECT sum(length(title) + length(body_md)) FROM article",
    ):
        total += int(con.execute(sql).fetchone()[0] or 0)
    return total


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--engines", default="ours,ours-cold,ours-rank,tantivy,tantivy+rows,fts5,libzim")
    parser.add_argument("--fresh-index", action="store_true", help="rebuild our index (time it)")
    args = parser.parse_args()
    wanted = args.engines.split(",")
    db = make_corpus.ensure(args.size)
    cache = make_corpus.index_cache()
    if args.fresh_index and cache.is_dir():  # drop this corpus's index only
        for folder in cache.iterdir():
            source = folder / "source"
            if source.is_file() and source.read_text(encoding="utf-8") == str(db.resolve()):
                shutil.rmtree(folder)
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    full, rank, service, build = ours_engines(db, cache)
    engines: dict[str, Ranker] = {}
    before: dict[str, Callable[[], None]] = {}  # run ahead of each timed call, not timed
    builds: dict[str, float] = {"ours": build}
    if "ours" in wanted:
        engines["ours"] = full
    if "ours-cold" in wanted:
        engines["ours-cold"], before["ours-cold"] = ours_cold_engine(db, cache)
    if "ours-rank" in wanted:
        engines["ours-rank"] = rank
    if "tantivy" in wanted or "tantivy+rows" in wanted:
        keys, rows, builds["tantivy"] = tantivy_engine(db, args.size)
        engines["tantivy"] = keys
        if "tantivy+rows" in wanted:
            engines["tantivy+rows"] = rows
    fts_all: Ranker | None = None
    fts_size = 0
    if "fts5" in wanted:
        engines["fts5"], fts_all, builds["fts5"], fts_size = fts_engine(db, args.size)
    if "libzim" in wanted:
        found = libzim_engine(db, args.size)
        if found is not None:
            engines["libzim"], builds["libzim"] = found

    cpu: dict[tuple[str, str], list[float]] = {(e, c): [] for e in engines for c in CLASSES}
    wall: dict[tuple[str, str], list[float]] = {(e, c): [] for e in engines for c in CLASSES}
    for cls, queries in CLASSES.items():  # warm-up
        for q in queries:
            for fn in engines.values():
                fn(q, TOPIC if cls == "topic-filtered" else None, K)
    order = list(engines)
    shuffle = random.Random(26).shuffle
    for _ in range(args.rounds):
        for cls, queries in CLASSES.items():
            topic = TOPIC if cls == "topic-filtered" else None
            for q in queries:
                shuffle(order)  # interleaved, in a new order every query: noise hits all alike
                for e in order:
                    if e in before:
                        before[e]()
                    w, c = time.perf_counter(), time.process_time()
                    engines[e](q, topic, K)
                    cpu[(e, cls)].append((time.process_time() - c) * 1000.0)
                    wall[(e, cls)].append((time.perf_counter() - w) * 1000.0)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    names = list(engines)
    peers = [p for p in ("tantivy", "tantivy+rows") if p in engines]
    for label, times in (("CPU", cpu), ("wall", wall)):
        print(f"\n{args.size:,} questions, k = {K}, {args.rounds} rounds: {label} ms, median / p95")
        print(
            f"{'query class':16}"
            + "".join(f"{e:>17}" for e in names)
            + "".join(f"{'ours p95 / ' + p:>24}" for p in peers if "ours" in engines)
        )
        for cls in CLASSES:
            cells = [f"{statistics.median(times[(e, cls)]):7.2f} /{p95(times[(e, cls)]):7.2f}" for e in names]
            ratio = "".join(
                f"{p95(times[('ours', cls)]) / p95(times[(p, cls)]):24.2f}"
                for p in peers
                if "ours" in engines
            )
            print(f"{cls:16}" + "".join(f"{c:>17}" for c in cells) + ratio)

    print("\nquality at k = 30 (exact: equal to the engine's own exhaustive ranking; overlap: share in")
    print("FTS5's exhaustive bm25 top 30)")
    exhaustive: dict[str, Callable[[str, str | None], list[object]]] = {
        "ours-rank": lambda q, t: rank(q, t, 10_000_000)[:K]
    }
    if "tantivy" in engines:
        exhaustive["tantivy"] = lambda q, t: engines["tantivy"](q, t, 10_000_000)[:K]
    if fts_all is not None:
        every_match = fts_all
        exhaustive["fts5"] = lambda q, t: every_match(q, t, K)[:K]
    print(
        f"{'query class':16}"
        + "".join(f"{e + ' exact':>16}" for e in exhaustive)
        + f"{'tantivy overlap':>18}"
    )
    for cls, queries in CLASSES.items():
        topic = TOPIC if cls == "topic-filtered" else None
        exact = {e: 0 for e in exhaustive}
        overlap = []
        for q in queries:
            for e, ex in exhaustive.items():
                top = (rank if e == "ours-rank" else engines.get(e, lambda *_: []))(q, topic, K)
                exact[e] += top == ex(q, topic)
            ref = set(fts_all(q, topic, K)[:K]) if fts_all is not None else set()
            if "tantivy" in engines and ref:
                overlap.append(len(set(engines["tantivy"](q, topic, K)) & ref) / len(ref))
        cells = "".join(f"{100 * exact[e] / len(queries):15.0f}%" for e in exhaustive)
        ov = f"{100 * statistics.mean(overlap):17.0f}%" if overlap else f"{'-':>18}"
        print(f"{cls:16}{cells}{ov}")

    raw = raw_text_bytes(db)
    ours_index = sum(
        folder_bytes(f)
        for f in cache.iterdir()
        if (f / "source").is_file() and (f / "source").read_text(encoding="utf-8") == str(db.resolve())
    )
    content_mb = db.stat().st_size / 1e6
    print(
        f"\nraw text {raw / 1e6:.0f} MB; content DB {content_mb:.0f} MB; our index {ours_index / 1e6:.0f} MB;"
    )
    print(f"content DB + index = {(db.stat().st_size + ours_index) / raw:.2f} x the raw text")
    peer = folder_bytes(make_corpus.CACHE / f"peer-tantivy-rows-{args.size}") / 1e6
    print(f"FTS5 table alone {fts_size / 1e6:.0f} MB; tantivy peer (with its stored rows) {peer:.0f} MB")
    print(
        "index build (s): "
        + ", ".join(f"{e} {b:.0f}" for e, b in builds.items() if b)
        + "  (0 = cached, not timed)"
    )
    del service


if __name__ == "__main__":
    main()
