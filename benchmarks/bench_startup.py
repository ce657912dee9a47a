"""Start-up: the app against a bare PySide6 window, side by side, a fresh process per run.

- **bare PySide6 window**: a QApplication and a QMainWindow with a label, shown; timed until
  the window's first paint event has run (the least any PySide6 app can do);
- **breastedu first paint**: ``python -m breastedu`` (the real start path: the CLI, the
  clinic settings, the start frame) until the start frame has painted;
- **breastedu ready**: the same process until the start page is shown in the real window and
  every start-up task (topic tree, glossary, search index) has reported back.

Each process says when it gets there on stderr (``startup first-paint`` / ``startup ready``,
with the peak RSS so far from ``/proc/self/status``); the time is taken here, when the line
arrives, from the moment the process was started. Bytecode is cached as in an installed app
(the first, untimed run of each writes it). Runs alternate between the two programs
so machine noise hits both alike. ``--size N`` opens the synthetic N-question library of
``make_corpus.py`` (its search index cached by ``bench_search.py``) instead of the seed.

    python benchmarks/bench_startup.py [--runs 15] [--size 100000]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stats import p95

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Painted(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            Painted.seen = True
        return False

app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 800)
probe = Painted(); w.installEventFilter(probe)
w.show()
while not Painted.seen:
    app.processEvents()
peak = [l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(f"startup first-paint peak_kib={peak}", file=sys.stderr, flush=True)
"""

BARE_NAME, FIRST, READY = "bare PySide6 window", "breastedu first paint", "breastedu ready"


def _run(cmd: list[str], env: dict[str, str], moments: list[str]) -> dict[str, tuple[float, float]]:
    """Start ``cmd``; for each moment in ``moments``: (ms since start, peak RSS MiB then)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    seen: dict[str, tuple[float, float]] = {}
    for line in proc.stderr:
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "startup" and parts[1] in moments:
            elapsed = (time.perf_counter() - start) * 1000
            peak = next((int(p.split("=")[1]) / 1024 for p in parts[2:] if p.startswith("peak_kib=")), 0.0)
            seen[parts[1]] = (elapsed, peak)
    if proc.wait() != 0 or set(seen) != set(moments):
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}; saw {sorted(seen)})")
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--size", type=int, default=0, help="use the synthetic N-question library")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["BREASTEDU_STARTUP_TRACE"] = "exit"
    # An installed app runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE (set on some
    # build machines) every run would compile our modules from source first.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    library = "the bundled seed"
    if args.size:
        import make_corpus

        env["BREASTEDU_CONTENT_DB"] = str(make_corpus.ensure(args.size))
        env["BREASTEDU_CACHE_DIR"] = str(make_corpus.index_cache())
        library = f"the {args.size:,}-question library"
    results: dict[str, list[tuple[float, float]]] = {BARE_NAME: [], FIRST: [], READY: []}
    with tempfile.TemporaryDirectory() as tmp:
        env["BREASTEDU_USER_DIR"] = str(Path(tmp) / "user")
        bare = [sys.executable, "-c", BARE]
        ours = [sys.executable, "-m", "breastedu"]
        _run(bare, env, ["first-paint"]), _run(ours, env, ["first-paint", "ready"])  # warm the file cache
        for _ in range(args.runs):
            results[BARE_NAME].append(_run(bare, env, ["first-paint"])["first-paint"])
            seen = _run(ours, env, ["first-paint", "ready"])
            results[FIRST].append(seen["first-paint"])
            results[READY].append(seen["ready"])
    base_ms = statistics.median(ms for ms, _ in results[BARE_NAME])
    base_rss = statistics.median(rss for _, rss in results[BARE_NAME])
    platform = env["QT_QPA_PLATFORM"]
    print(f"start-up over {library}, {args.runs} runs each, a fresh process per run ({platform})")
    print(f"{'':24} {'median ms':>10} {'p95 ms':>8} {'x bare':>7} {'peak RSS MiB':>13} {'x bare':>7}")
    for name, values in results.items():
        ms = [m for m, _ in values]
        rss = statistics.median(r for _, r in values)
        cells = f"{statistics.median(ms):10.0f} {p95(ms):8.0f} {statistics.median(ms) / base_ms:7.2f}"
        print(f"{name:24} {cells} {rss:13.0f} {rss / base_rss:7.2f}")


if __name__ == "__main__":
    main()
