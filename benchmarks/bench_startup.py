"""Start-up time: ``breastedu screenshot`` against a bare PySide6 window, side by side.

Each run is a fresh process (what a person waits for): the bare baseline creates a
QApplication and a QMainWindow, shows it, grabs it and writes a PNG; ours does the same
through ``python -m breastedu screenshot`` with the real window and the real page loaded.
Runs alternate between the two so machine noise hits both alike.

    python benchmarks/bench_startup.py [--runs 15] [--open SLUG]
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


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--open", default="clustered-calcification-92d1c5")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
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
            results["bare PySide6 window"].append(_time(bare, env))
            results["breastedu screenshot"].append(_time(ours, env))
    base = statistics.median(results["bare PySide6 window"])
    print(f"start-up to first PNG, {args.runs} runs each, fresh process per run (ms)")
    print(f"{'':24} {'median':>8} {'p95':>8} {'x bare':>7}")
    for name, values in results.items():
        median = statistics.median(values)
        print(f"{name:24} {median:8.0f} {_p95(values):8.0f} {median / base:7.2f}")


if __name__ == "__main__":
    main()
