"""The window at library scale: keystroke -> results painted, and opening topic pages.

Builds the real main window (offscreen unless QT_QPA_PLATFORM says otherwise; the table
names the platform it ran on) over a synthetic content DB (``make_corpus.py``,
cached; its search index cached too, see ``bench_search.py``), then:

- types each query of ``QUERIES`` a key at a time; for every keystroke, the time from the
  key event until the results for the box's text are in the list and the list has painted
  them (the paint Qt does by itself after the list changed, seen by an event filter on its
  viewport: the delegate's work is included, and nothing is painted twice);
- opens the largest topic's page (its guide and newest questions) and its whole question
  list (the lazy list), ``--opens`` times each per round, until shown and painted (a
  synchronous repaint of the page).

While it waits, the benchmark sleeps in the event loop as the app does (it does not spin,
which would take the interpreter from the search thread). p95 is by nearest rank.

    python benchmarks/bench_ui.py --size 100000 [--rounds 3] [--opens 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import make_corpus
from stats import p95

QUERIES = [
    "breast lump pain",
    "lump under arm",
    "thyroid nodule biopsy",
    "calcifications",
    "nipple discharge",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--opens", type=int, default=10, help="opens of each page per round")
    args = parser.parse_args()
    db = make_corpus.ensure(args.size)
    os.environ["BREASTEDU_CACHE_DIR"] = str(make_corpus.index_cache())

    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtTest import QTest

    from breastedu.ui.shell.app import _without_offscreen_noise, build_window, ensure_app, wait_until_idle

    class Paints(QObject):
        """Counts the paint events of the widget it filters."""

        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    ensure_app()
    with _without_offscreen_noise(), tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        window = build_window(db, Path(tmp) / "user", remember=False)
        window.resize(1366, 768)
        window.show()
        window.open_target("home")
        wait_until_idle(window, timeout_s=600)  # includes opening (or building) the index
        print(f"window ready (index open) in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        app = QCoreApplication.instance()
        assert app is not None
        pane = window.search_pane

        wake = QTimer()  # a safety net: the loop never sleeps longer than this
        wake.start(50)

        def settle(done: Callable[[], bool]) -> None:
            while not done():
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

        paints = Paints()
        pane.list.viewport().installEventFilter(paints)
        reset_at = [0]  # paints counted when the list last changed
        pane.results_model.modelReset.connect(lambda: reset_at.__setitem__(0, paints.count))

        def shown() -> bool:
            results = pane.results_model.results
            return (
                pane.is_idle()
                and results is not None
                and results.query == pane.box.text()
                and (paints.count > reset_at[0] or not pane.list.isVisible())
            )

        keystrokes: list[float] = []
        for _ in range(args.rounds):
            for query in QUERIES:
                pane.box.clear()
                settle(pane.is_idle)
                for ch in query:
                    start = time.perf_counter()
                    QTest.keyClick(pane.box, ch)
                    if pane.box.text().strip():
                        settle(shown)
                    keystrokes.append((time.perf_counter() - start) * 1000.0)
        pane.box.clear()

        topics = sorted(
            ((t.question_count, t.slug) for g in window.content.tree() for t in g.topics), reverse=True
        )
        count, slug = topics[0]
        opens: dict[str, list[float]] = {"topic page": [], "whole question list": []}
        for _ in range(args.rounds * args.opens):
            for name, target in (
                ("topic page", f"topic/{slug}"),
                ("whole question list", f"questions/{slug}"),
            ):
                window.open_target("home")
                wait_until_idle(window)
                start = time.perf_counter()
                window.open_target(target)
                settle(
                    lambda target=target: (
                        window.current_page is not None and window.current_page.target == target
                    )
                )
                if target.startswith("questions/"):  # until its first rows are read and laid out
                    model = window.question_list.model
                    settle(lambda model=model: model is not None and model.rowCount() > 0)
                window.reading_stack.currentWidget().repaint()
                opens[name].append((time.perf_counter() - start) * 1000.0)
        if window.current_page is not None:
            assert window.question_list.model is not None
            rows = window.question_list.model.rowCount()
        wake.stop()
        window.close()

    from PySide6.QtGui import QGuiApplication

    platform = QGuiApplication.platformName()  # what the window really ran on (xcb under Xvfb)
    print(f"\n{args.size:,} questions, {platform}, {args.rounds} rounds, {args.opens} opens a round (ms)")
    print(f"{'':34}{'median':>9}{'p95':>9}{'max':>9}")
    print(
        f"{'keystroke -> results painted':34}{statistics.median(keystrokes):9.1f}{p95(keystrokes):9.1f}"
        f"{max(keystrokes):9.1f}   ({len(keystrokes)} keystrokes)"
    )
    for name, xs in opens.items():
        print(
            f"{name + f' ({count:,} questions)':34}{statistics.median(xs):9.1f}{p95(xs):9.1f}{max(xs):9.1f}"
            f"   ({len(xs)} opens)"
        )
    print(f"(the whole list had read {rows:,} of its {count:,} rows when shown)")


if __name__ == "__main__":
    main()
