"""Start-up: the app against a bare PySide6 window, side by side, a fresh process per run.

- **bare PySide6 window**: a QApplication and a QMainWindow with a label, shown; timed until
  the window's first paint event has run (the least any PySide6 app can do);
- **breastedu first paint**: ``python -m breastedu`` (the real start path: the CLI, the
  clinic settings, the start frame) until the start frame has painted;
- **breastedu ready**: the same process until the start page is shown in the real window and
  every start-up task (topic tree, glossary, search index) has reported back.

Each process says when it gets there on stderr (``startup first-paint`` / ``startup ready``,
and on the way ``window-modules``, the window's modules imported, and ``window-built``), with
the peak RSS so far from ``/proc/self/status`` and the CPU time the process has used so far,
all its threads; the wall time is taken here, when the line arrives, from the moment the
process was started. On a shared machine the wall time measures the scheduler too: the CPU
time and the load average (printed before and after) say how much. Bytecode is cached as in
an installed app (the first, untimed run of each writes it). Runs alternate between the
programs so machine noise hits them alike. ``--size N`` opens the synthetic N-question library
of ``make_corpus.py`` (its search index cached by ``bench_search.py``) instead of the seed.
``--before [NAME=]SRC`` (repeatable) adds the app as it was (the ``src`` folder of a ``git
archive`` of the old commit, unpacked whole: the app finds its seed and resources beside it)
to the same interleaved runs, so a change is measured against its base under the same load
(a tree older than the CPU field in the trace shows nan for CPU). The offscreen screen is
800x600 unless ``--screen WxH`` gives another (through the offscreen platform's screen
config): on a first start the window then takes what it would on that screen, e.g. her
notebook open at 1920x1080 and closed at 1366x768 and 800x600 (ui/common/window_fit.py).

    python benchmarks/bench_startup.py [--runs 15] [--size 100000] [--screen 1920x1080]
        [--before [NAME=]/tmp/old/src]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
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
import time
peak = [l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
cpu = time.process_time() * 1000
print(f"startup first-paint peak_kib={peak} cpu_ms={cpu:.0f}", file=sys.stderr, flush=True)
"""

BARE_NAME = "bare PySide6 window"
TIMEOUT_S = 120

#: One moment of one run: wall ms since the start, peak RSS MiB so far, CPU ms so far.
Moment = tuple[float, float, float]


def _field(parts: list[str], name: str, scale: float) -> float:
    return next((float(p.split("=")[1]) * scale for p in parts if p.startswith(f"{name}=")), float("nan"))


def _run(cmd: list[str], env: dict[str, str], moments: list[str]) -> dict[str, Moment]:
    """Start ``cmd``; for each moment it traces (``moments`` at least): (wall ms, peak RSS MiB,
    CPU ms)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    seen: dict[str, Moment] = {}
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)  # a start that never gets ready fails the run
    watchdog.start()
    for line in proc.stderr:
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "startup":
            elapsed = (time.perf_counter() - start) * 1000
            seen[parts[1]] = (elapsed, _field(parts, "peak_kib", 1 / 1024), _field(parts, "cpu_ms", 1.0))
    watchdog.cancel()
    if proc.wait() != 0 or not set(moments) <= set(seen):
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}; saw {sorted(seen)})")
    return seen


def _offscreen_screen(size: str, folder: Path) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of ``size`` ("1920x1080")."""
    try:
        width, height = (int(n) for n in size.lower().split("x"))
    except ValueError:
        raise SystemExit(f"--screen must be WIDTHxHEIGHT, e.g. 1920x1080, not {size!r}") from None
    screen = {"name": "bench", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--size", type=int, default=0, help="use the synthetic N-question library")
    parser.add_argument(
        "--before",
        action="append",
        default=[],
        metavar="[NAME=]SRC",
        help="also run the app from this src folder (repeat for several, each named)",
    )
    parser.add_argument("--screen", metavar="WxH", help="the offscreen screen's size (default 800x600)")
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
    apps = {"breastedu": env}
    if args.before:
        apps = {}
        for given in args.before:
            name, _, src = given.rpartition("=")
            apps[name or "before"] = dict(env, PYTHONPATH=str(Path(src).resolve()))
        apps["after"] = env
    results: dict[str, list[Moment]] = {BARE_NAME: []}
    load_before = _load()
    with tempfile.TemporaryDirectory() as tmp:
        if args.screen:
            env["QT_QPA_PLATFORM"] = _offscreen_screen(args.screen, Path(tmp))
            for app_env in apps.values():
                app_env["QT_QPA_PLATFORM"] = env["QT_QPA_PLATFORM"]
        for app_env in apps.values():
            app_env["BREASTEDU_USER_DIR"] = str(Path(tmp) / "user")
        bare = [sys.executable, "-c", BARE]
        ours = [sys.executable, "-m", "breastedu"]
        _run(bare, env, ["first-paint"])  # warm the file cache and write the bytecode
        for app_env in apps.values():
            _run(ours, app_env, ["first-paint", "ready"])
        for _ in range(args.runs):
            results[BARE_NAME].append(_run(bare, env, ["first-paint"])["first-paint"])
            for name, app_env in apps.items():
                seen = _run(ours, app_env, ["first-paint", "ready"])
                for moment in sorted(seen, key=lambda m: seen[m][0]):  # in the order they came
                    results.setdefault(f"{name} {moment.replace('-', ' ')}", []).append(seen[moment])
    base_ms = statistics.median(ms for ms, _, _ in results[BARE_NAME])
    base_rss = statistics.median(rss for _, rss, _ in results[BARE_NAME])
    base_cpu = statistics.median(cpu for _, _, cpu in results[BARE_NAME])
    platform = f"offscreen, {args.screen} screen" if args.screen else env["QT_QPA_PLATFORM"]
    print(f"start-up over {library}, {args.runs} runs each, a fresh process per run ({platform})")
    print(f"load average before: {load_before}; after: {_load()}")
    head = f"{'':24} {'median ms':>10} {'p95 ms':>8} {'x bare':>7} {'CPU ms':>7} {'p95':>6} {'x bare':>7}"
    print(f"{head} {'peak RSS MiB':>13} {'x bare':>7}")
    for name, values in results.items():
        ms, rss, cpu = ([v[i] for v in values] for i in range(3))
        wall = f"{statistics.median(ms):10.0f} {p95(ms):8.0f} {statistics.median(ms) / base_ms:7.2f}"
        cpus = f"{statistics.median(cpu):7.0f} {p95(cpu):6.0f} {statistics.median(cpu) / base_cpu:7.2f}"
        peak = statistics.median(rss)
        print(f"{name:24} {wall} {cpus} {peak:13.0f} {peak / base_rss:7.2f}")


if __name__ == "__main__":
    main()
