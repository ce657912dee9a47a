"""Search latency at 10,000 and 100,000 questions: ours vs a plain FTS5 query, and tantivy
and libzim (Kiwix's engine) on the same corpus when those packages are importable.

Each engine answers the same as-you-type queries (prefixes of what a person types) in one
process; after a warm-up round, every query runs ``--rounds`` times and the table gives the
median and 95th percentile of single-call latencies. Ours is the full
``SearchService.search`` call (parse, synonyms, ranking, titles, snippets); the baseline is
``SELECT rowid ... MATCH ? ORDER BY rank LIMIT 20`` alone; tantivy and libzim fetch the
title of each of their 20 hits. "overlap@20" compares our bounded top 20 with an
exhaustive scoring of every match (same scores, no candidate bound).

    python benchmarks/bench_search.py                 # N = 10,000 and 100,000
    python benchmarks/bench_search.py --sizes 10000 --rounds 10
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sized
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus
from breastedu.core.content.engine import open_content_readonly
from breastedu.core.search import service as search_mod
from breastedu.core.search.service import SearchService

QUERIES = [
    "c",
    "ca",
    "cal",
    "calc",
    "calci",
    "calcif",
    "l",
    "lu",
    "lump",
    "lump u",
    "lump und",
    "lump under",
    "lump under a",
    "lump under arm",
    "th",
    "thyroid",
    "thyroid n",
    "thyroid nod",
    "m",
    "mammo",
    "mammogram",
    "breast p",
    "breast pain",
    "nipple dis",
    "fibro",
    "cyst",
    "goit",
    "hyperthy",
    "ultrasound res",
    "biopsy resu",
]


def fts_query(q: str) -> str:
    """The usual safe FTS5 escaping: quote every word, star the last (as you type)."""
    words = re.findall(r"[^\W_]+", q)
    return " ".join(f'"{w}"' for w in words) + ("*" if words else "")


def timed(fn: Callable[[str], Sized], rounds: int) -> tuple[list[float], float]:
    """Latencies of ``rounds`` passes over the queries, and the mean number of hits."""
    hits = statistics.mean(len(fn(q)) for q in QUERIES)  # also warms caches
    out = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t) * 1000.0)
    return out, hits


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1]


def ours(db: Path) -> Callable[[str], Sized]:
    service = SearchService(open_content_readonly(db))
    return lambda q: service.search(q, limit=20).hits


def baseline(db: Path) -> Callable[[str], Sized]:
    con = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20"
    return lambda q: con.execute(sql, (fts_query(q),)).fetchall() if fts_query(q) else []


def docs(db: Path) -> list[tuple[int, str, str]]:
    con = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    rows = con.execute("SELECT doc_id, title, body FROM search_doc ORDER BY doc_id").fetchall()
    con.close()
    return rows


def tantivy_engine(db: Path, n: int) -> Callable[[str], Sized] | None:
    try:
        import tantivy
    except ImportError:
        return None
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("title", stored=True)
    sb.add_text_field("body")
    sb.add_integer_field("doc_id", stored=True)
    schema = sb.build()
    where = make_corpus.CACHE / f"tantivy-{db.stem}"
    if not where.exists():
        t = time.perf_counter()
        tmp = Path(tempfile.mkdtemp(dir=make_corpus.CACHE))
        index = tantivy.Index(schema, path=str(tmp))
        writer = index.writer(heap_size=200_000_000, num_threads=2)
        for doc_id, title, body in docs(db):
            writer.add_document(tantivy.Document(doc_id=doc_id, title=title, body=body))
        writer.commit()
        writer.wait_merging_threads()
        tmp.rename(where)
        print(f"tantivy indexed {n:,} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    index = tantivy.Index.open(str(where))
    index.reload()
    searcher = index.searcher()

    def run(q: str) -> Sized:
        words = [w.lower() for w in re.findall(r"[^\W_]+", q)]
        if not words:
            return []
        musts = []
        for i, w in enumerate(words):
            last = i == len(words) - 1
            fields = []
            for field, boost in (("title", 2.0), ("body", 1.0)):
                sub = (
                    tantivy.Query.phrase_prefix_query(schema, field, [w])
                    if last
                    else tantivy.Query.term_query(schema, field, w)
                )
                fields.append(tantivy.Query.boost_query(sub, boost))
            musts.append((tantivy.Occur.Must, tantivy.Query.disjunction_max_query(fields)))
        hits = searcher.search(tantivy.Query.boolean_query(musts), 20, count=False).hits
        return [searcher.doc(addr)["title"][0] for _, addr in hits]

    return run


def libzim_engine(db: Path, n: int) -> Callable[[str], Sized] | None:
    try:
        from libzim.reader import Archive
        from libzim.search import Query, Searcher
        from libzim.writer import Creator, Hint, Item, StringProvider
    except ImportError:
        return None
    where = make_corpus.CACHE / f"libzim-{db.stem}.zim"
    if not where.exists():
        t = time.perf_counter()

        class Page(Item):  # type: ignore[misc]
            def __init__(self, doc_id: int, title: str, body: str) -> None:
                super().__init__()
                self.doc_id, self.title, self.body = doc_id, title, body

            def get_path(self) -> str:
                return f"d/{self.doc_id}"

            def get_title(self) -> str:
                return self.title

            def get_mimetype(self) -> str:
                return "text/html"

            def get_contentprovider(self) -> StringProvider:
                return StringProvider(
                    f"<html><head><title>{self.title}</title></head><body><p>{self.body}</p></body></html>"
                )

            def get_hints(self) -> dict[Hint, int]:
                return {Hint.FRONT_ARTICLE: True}

        tmp = where.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        with Creator(str(tmp)).config_indexing(True, "eng").config_nbworkers(2) as creator:
            creator.set_mainpath("d/1")
            for doc_id, title, body in docs(db):
                creator.add_item(Page(doc_id, title, body))
            for key, value in (
                ("Title", "bench"),
                ("Language", "eng"),
                ("Name", "bench"),
                ("Creator", "bench"),
                ("Publisher", "bench"),
                ("Date", "2026-01-01"),
                ("Description", "bench"),
            ):
                creator.add_metadata(key, value)
        tmp.rename(where)
        print(f"libzim indexed {n:,} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    archive = Archive(str(where))
    searcher = Searcher(archive)

    def run(q: str) -> Sized:
        if not q.strip():
            return []
        results = searcher.search(Query().set_query(q)).getResults(0, 20)
        return [archive.get_entry_by_path(p).title for p in results]

    return run


def overlap(db: Path) -> float:
    """Mean share of our bounded top 20 that an exhaustive scoring also ranks top 20."""
    service = SearchService(open_content_readonly(db))
    bounded = {q: [h.slug for h in service.search(q).hits] for q in QUERIES}
    saved = search_mod.CANDIDATES
    search_mod.CANDIDATES = 10**9
    try:
        exact = {q: [h.slug for h in service.search(q).hits] for q in QUERIES}
    finally:
        search_mod.CANDIDATES = saved
    shares = [len(set(bounded[q]) & set(exact[q])) / len(exact[q]) for q in QUERIES if exact[q]]
    return statistics.mean(shares)


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--per-query", action="store_true", help="also print each query's p95")
    args = parser.parse_args()
    print(f"{len(QUERIES)} as-you-type queries x {args.rounds} rounds, one thread, ms per call")
    print(f"{'N':>8} {'engine':<26} {'median':>8} {'p95':>8} {'p95 / ours':>11} {'hits':>6}")
    for n in args.sizes:
        db = make_corpus.ensure(n)
        engines: list[tuple[str, Callable[[str], Sized] | None]] = [
            ("ours (SearchService)", ours(db)),
            ("FTS5 ORDER BY rank", baseline(db)),
            ("tantivy", tantivy_engine(db, n)),
            ("libzim (Kiwix)", libzim_engine(db, n)),
        ]
        base = None
        for name, fn in engines:
            if fn is None:
                print(f"{n:>8,} {name:<26} {'not installed':>8}")
                continue
            xs, hits = timed(fn, args.rounds)
            base = base or p95(xs)
            print(
                f"{n:>8,} {name:<26} {statistics.median(xs):>8.3f} {p95(xs):>8.3f}"
                f" {p95(xs) / base:>10.1f}x {hits:>6.1f}",
                flush=True,
            )
            if args.per_query:
                for i, q in enumerate(QUERIES):
                    mine = xs[i :: len(QUERIES)]
                    print(f"{'':>10}{q!r:<20} p95 {p95(mine):8.3f}")
        print(f"{n:>8,} ours: overlap@20 with exhaustive scoring {overlap(db):.1%}")
    shutil.rmtree(make_corpus.CACHE / "tmp", ignore_errors=True)


if __name__ == "__main__":
    main()
