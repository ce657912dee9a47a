"""Did-you-mean at the app's k (30): how a misspelt word is corrected, engine against engine.

Compares, on one corpus (``make_corpus.py``), the ways the issue named to find the indexed
word closest to a word that matches nothing, all answering "which word did she mean":

  python      the pure-Python optimal-string-alignment loop over the first letter's
              vocabulary that the app used before (kept here only as the baseline)
  rapidfuzz   what the app uses: ``SearchService``'s correction (rapidfuzz's OSA distance
              in C over the first letter's words of a possible length, remembered per letter
              and length)
  symspellpy  a symmetric-delete spelling index over the whole vocabulary (build time and
              memory printed; lookups are dictionary probes)
  tantivy     tantivy's ``fuzzy_term_query`` top 30 (it finds pages, but does not say which
              word it matched, so it cannot say "Showing results for ..."; timed for scale)

and the whole app call ``SearchService.search(q, limit=30)`` for the same typos, warm (memos
kept) and cold (memos emptied before each call, not timed). Times are CPU ms
(``process_time``) and wall ms (``perf_counter``), median / p95 by nearest rank; the order of
the engines is shuffled for every query; the load average is printed before and after.

    python benchmarks/bench_typo.py --size 100000 [--rounds 10]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus
from breastedu.core.content.engine import open_content_readonly
from breastedu.core.search.service import SearchService
from breastedu.core.search.text import stem
from stats import p95

K = 30
#: Misspellings as a patient types them (a trailing space: the word is finished), with the
#: word each should become in this corpus.
TYPOS = {
    "mamogram ": "mammogram",
    "fibroadnoma ": "fibroadenoma",
    "thyriod ": "thyroid",
    "calcifcation ": "calcification",
    "mastitus ": "mastitis",
    "ultrasund ": "ultrasound",
    "biospy ": "biopsy",
    "nippel ": "nipple",
    "hyperthyrodism ": "hyperthyroidism",
    "lymph nodes swolen ": "swollen",
    "thyriod nodule ": "thyroid",
    "calcifcat": "calcification",
}


def osa_python(a: str, b: str, *, prefix: bool = False) -> int:
    """The app's former pure-Python Damerau-Levenshtein (OSA), the baseline."""
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


def misspelt(q: str) -> tuple[str, bool]:
    """The word of ``q`` that matches nothing (the one spelt unlike its word in
    :data:`TYPOS`) and whether it is still being typed (the query's last word, no space)."""
    parts = q.split()
    at = next(n for n, w in enumerate(parts) if not TYPOS[q].startswith(w) or n == len(parts) - 1)
    at = next((n for n, w in enumerate(parts) if w[:3] == TYPOS[q][:3]), at)
    word = parts[at]
    as_prefix = at == len(parts) - 1 and not q.endswith(" ")
    return (word if as_prefix else stem(word)), as_prefix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    db = make_corpus.ensure(args.size)
    service = SearchService(
        open_content_readonly(db, immutable=False), path=db, cache_dir=make_corpus.index_cache()
    )
    service.prepare()
    cold = SearchService(
        open_content_readonly(db, immutable=False), path=db, cache_dir=make_corpus.index_cache()
    )
    cold.prepare()
    r = service._ready()
    vocab = {ch: service._most_frequent(r, ch, None) for ch in {misspelt(q)[0][0] for q in TYPOS}}

    def python(q: str) -> str | None:
        target, as_prefix = misspelt(q)
        most = 1 if len(target) < 8 else 2
        best: tuple[int, int, str] | None = None
        for term, df in vocab[target[0]]:
            if len(term) < len(target) - most or (not as_prefix and len(term) > len(target) + most):
                continue
            d = osa_python(target, term, prefix=as_prefix)
            if d <= most and (best is None or (d, -df, term) < (best[0], -best[1], best[2])):
                best = (d, df, term)
        return best[2] if best else None

    def rapid(q: str) -> str | None:
        target, as_prefix = misspelt(q)
        return service._closest(r, target, 1 if len(target) < 8 else 2, as_prefix)

    from symspellpy import SymSpell, Verbosity

    tracemalloc.start()
    t = time.process_time()
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    words = 0
    for name in ("title", "body"):
        for term, n in r.searcher.terms_with_prefix(name, "", limit=None):
            if term.isalpha() and term.isascii():
                sym.create_dictionary_entry(term, n)
                words += 1
    sym_build = time.process_time() - t
    sym_mem = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    def symspell(q: str) -> str | None:
        target, _as_prefix = misspelt(q)
        found = sym.lookup(target, Verbosity.CLOSEST, max_edit_distance=1 if len(target) < 8 else 2)
        return found[0].term if found else None

    tv = r.tv

    def fuzzy(q: str) -> str | None:
        target, _ = misspelt(q)
        query = tv.Query.boolean_query(
            [
                (
                    tv.Occur.Should,
                    tv.Query.fuzzy_term_query(r.schema, f, target, distance=1 if len(target) < 8 else 2),
                )
                for f in ("title", "body")
            ]
        )
        r.searcher.search(query, K, count=False)
        return None

    def whole(q: str) -> str | None:
        return service.search(q, limit=K).did_you_mean

    def whole_cold(q: str) -> str | None:
        return cold.search(q, limit=K).did_you_mean

    engines: dict[str, Callable[[str], str | None]] = {
        "python": python,
        "rapidfuzz": rapid,
        "symspellpy": symspell,
        "tantivy-fuzzy": fuzzy,
        "search warm": whole,
        "search cold": whole_cold,
    }
    print(f"symspellpy: {words:,} words, built in {sym_build:.1f} s CPU, {sym_mem / 1e6:.0f} MB traced")
    print("\ncorrections (python / rapidfuzz / symspellpy / search):")
    for q, want in TYPOS.items():
        got = [python(q), rapid(q), symspell(q), whole(q)]
        print(f"  {q!r:24} want {want!r:18} {got}")
    for q in TYPOS:  # warm-up
        for fn in engines.values():
            fn(q)
    cpu: dict[str, list[float]] = {e: [] for e in engines}
    wall: dict[str, list[float]] = {e: [] for e in engines}
    rng = random.Random(26)
    for _ in range(args.rounds):
        for q in TYPOS:
            order = list(engines)
            rng.shuffle(order)
            for e in order:
                if e == "search cold":
                    cold.forget()
                w, c = time.perf_counter(), time.process_time()
                engines[e](q)
                cpu[e].append((time.process_time() - c) * 1000)
                wall[e].append((time.perf_counter() - w) * 1000)
    print(f"\n{args.size:,} questions, {len(TYPOS)} typos x {args.rounds} rounds; ms, median / p95")
    print(f"{'engine':16}{'CPU':>20}{'wall':>20}")
    for e in engines:
        print(
            f"{e:16}{statistics.median(cpu[e]):10.3f} /{p95(cpu[e]):7.3f}"
            f"{statistics.median(wall[e]):10.3f} /{p95(wall[e]):7.3f}"
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
