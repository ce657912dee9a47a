"""Start-up time: ``breastedu screenshot`` against a bare PySide6 window, side by side.

Each run is a fresh process (what a person waits for): the bare baseline creates a
QApplication and a QMainWindow, shows it, grabs it and writes a PNG; ours does the same
through ``python -m breastedu screenshot`` with the real window and the real page loaded.
Runs alternate between the two so machine noise hits both alike. Peak RSS of each process
comes from ``wait4``. ``--size N`` runs ours over the synthetic N-question library of
``make_corpus.py`` (its search index cached by ``bench_search.py``) instead of the seed.

    python benchmarks/bench_startup.py [--runs 15] [--open SLUG] [--size 100000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 800); w.show()
app.processEvents()
w.grab().save(sys.argv[1])
"""


RSS: dict[str, list[float]] = {}


def _time(cmd: list[str], env: dict[str, str], name: str = "") -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({status})")
    RSS.setdefault(name, []).append(usage.ru_maxrss / 1024)  # KiB -> MiB (Linux)
    return elapsed


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--open", default="clustered-calcification-92d1c5")
    parser.add_argument("--size", type=int, default=0, help="use the synthetic N-question library")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if args.size:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_corpus

        env["BREASTEDU_CONTENT_DB"] = str(make_corpus.ensure(args.size))
        env["BREASTEDU_CACHE_DIR"] = str(make_corpus.index_cache())
        if args.open == "clustered-calcification-92d1c5":
            args.open = "q1"
    with tempfile.TemporaryDirectory() as tmp:
        env["BREASTEDU_USER_DIR"] = str(Path(tmp) / "user")
        bare = [sys.executable, "-c", BARE, str(Path(tmp) / "bare.png")]
        ours = [
            sys.executable,
            "-m",
            "breastedu",
            "screenshot",
            str(Path(tmp) / "ours.png"),
            "--open",
            args.open,
        ]
        _time(bare, env), _time(ours, env)  # warm the OS file cache once
        results: dict[str, list[float]] = {"bare PySide6 window": [], "breastedu screenshot": []}
        for _ in range(args.runs):
            results["bare PySide6 window"].append(_time(bare, env, "bare PySide6 window"))
            results["breastedu screenshot"].append(_time(ours, env, "breastedu screenshot"))
    base = statistics.median(results["bare PySide6 window"])
    print(f"start-up to first PNG, {args.runs} runs each, fresh process per run (ms)")
    bare_rss = statistics.median(RSS["bare PySide6 window"])
    print(f"{'':24} {'median':>8} {'p95':>8} {'x bare':>7} {'peak RSS MiB':>13} {'x bare':>7}")
    for name, values in results.items():
        median = statistics.median(values)
        rss = statistics.median(RSS[name])
        cells = f"{median:8.0f} {_p95(values):8.0f} {median / base:7.2f}"
        print(f"{name:24} {cells} {rss:13.0f} {rss / bare_rss:7.2f}")


if __name__ == "__main__":
    main()
