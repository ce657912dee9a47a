"""Content reads at start-up and on page opens over a synthetic library, each run a fresh process.

What the window asks of ``ContentService`` before it shows anything and when a page opens:
``ContentService.open`` (with its checks), ``tree()`` (the topic tree), ``stats()`` (the home
page's counts), ``topic_page`` of the largest topic and ``question_page`` of its newest
question. Each run is a fresh process (imports are done before the clock starts); runs are
warm (the OS file cache holds the DB). ``--show`` also times ``breastedu show --json`` of the
largest topic (its whole question list) with the process's peak RSS and its Python heap's
peak (``tracemalloc``, in one more run).

    python benchmarks/bench_content.py --size 100000 --runs 7 [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = """
import json, sys, time
from pathlib import Path
from breastedu.core.content.service import ContentService
db, topic, question = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
times = {}
t = time.perf_counter()
content = ContentService.open(db)
times["open"] = time.perf_counter() - t
for name, call in (
    ("tree", content.tree),
    ("stats", content.stats),
    ("topic_page", lambda: content.topic_page(topic)),
    ("question_page", lambda: content.question_page(question)),
):
    t = time.perf_counter()
    call()
    times[name] = time.perf_counter() - t
print(json.dumps({k: v * 1000 for k, v in times.items()}))
"""

# The Python heap's peak while 'show --json' writes a topic (stdout discarded).
SHOW_HEAP = """
import contextlib, os, sys, tracemalloc
from breastedu.cli import main
tracemalloc.start()
with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
    main(["--content-db", sys.argv[1], "show", "--json", sys.argv[2]])
print(tracemalloc.get_traced_memory()[1] / 2**20)
"""

STEPS = ("open", "tree", "stats", "topic_page", "question_page")


def _largest_topic(db: Path) -> tuple[str, str, int]:
    """(slug, its newest question's slug, its question count): found once, not timed."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        topic_id, slug, n = con.execute(
            "SELECT t.id, t.slug, count(*) AS n FROM question q JOIN topic t ON t.id = q.topic_id"
            " GROUP BY t.id ORDER BY n DESC, t.id LIMIT 1"
        ).fetchone()
        question = con.execute(
            "SELECT slug FROM question WHERE topic_id = ? ORDER BY ask_date DESC, slug LIMIT 1", (topic_id,)
        ).fetchone()[0]
    finally:
        con.close()
    return slug, question, n


def _run(cmd: list[str]) -> tuple[float, float, bytes]:
    """Wall ms, peak RSS MiB and stdout of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({status})")
    return (time.perf_counter() - start) * 1000, usage.ru_maxrss / 1024, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="the synthetic N-question library")
    parser.add_argument("--db", type=Path, help="a content DB instead of the synthetic one")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="also time 'breastedu show --json' of it")
    args = parser.parse_args()
    if args.db is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_corpus

        args.db = make_corpus.ensure(args.size)
    topic, question, n = _largest_topic(args.db)
    cmd = [sys.executable, "-c", CHILD, str(args.db), topic, question]
    _run(cmd)  # warm the OS file cache once
    runs = [json.loads(_run(cmd)[2]) for _ in range(args.runs)]
    print(f"{args.db.name}: largest topic {topic} ({n:,} questions), {args.runs} fresh processes, ms")
    print(f"{'step':<22}{'median':>10}{'max':>10}")
    for step in (*STEPS, "all"):
        values = [sum(r[s] for s in STEPS) if step == "all" else r[step] for r in runs]
        print(f"{step:<22}{statistics.median(values):>10.1f}{max(values):>10.1f}")
    if args.show:
        show = [sys.executable, "-m", "breastedu", "--content-db", str(args.db), "show", "--json", topic]
        results = [_run(show) for _ in range(3)]
        listed = len(json.loads(results[0][2])["questions"])
        heap = float(_run([sys.executable, "-c", SHOW_HEAP, str(args.db), topic])[2])
        print(
            f"show --json {topic}: {listed:,} questions listed, median "
            f"{statistics.median(r[0] for r in results):.0f} ms, peak RSS "
            f"{statistics.median(r[1] for r in results):.0f} MiB (3 runs; RSS counts the DB pages "
            f"read through mmap), Python heap peak {heap:.1f} MiB"
        )


if __name__ == "__main__":
    main()
