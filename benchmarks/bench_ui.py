"""The window at library scale: keystroke -> results painted, and opening topic pages.

Builds the real main window (offscreen) over a synthetic content DB (``make_corpus.py``,
cached; its search index cached too, see ``bench_search.py``), then:

- types each query of ``QUERIES`` a key at a time; for every keystroke, the time from the
  key event until the results for the box's text are in the list and the list has painted
  (a synchronous repaint of its viewport, so the delegate's work is included);
- opens the largest topic's page (its guide and newest questions) and its whole question
  list (the lazy list), until shown and painted.

    python benchmarks/bench_ui.py --size 100000 [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import make_corpus

QUERIES = [
    "breast lump pain",
    "lump under arm",
    "thyroid nodule biopsy",
    "calcifications",
    "nipple discharge",
]


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) > 1 else xs[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    db = make_corpus.ensure(args.size)
    os.environ["BREASTEDU_CACHE_DIR"] = str(make_corpus.index_cache())

    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtTest import QTest

    from breastedu.ui.app import build_window, ensure_app, wait_until_idle

    ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
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

        def settle(done: object) -> None:
            while not done():  # type: ignore[operator]
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

        def shown() -> bool:
            results = pane.results_model.results
            return pane.is_idle() and results is not None and results.query == pane.box.text()

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
                        pane.list.viewport().repaint()
                    keystrokes.append((time.perf_counter() - start) * 1000.0)
        pane.box.clear()

        topics = sorted(
            ((t.question_count, t.slug) for g in window.content.tree() for t in g.topics), reverse=True
        )
        count, slug = topics[0]
        opens: dict[str, list[float]] = {"topic page": [], "whole question list": []}
        for _ in range(args.rounds):
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
        window.close()

    print(f"\n{args.size:,} questions, offscreen, {args.rounds} rounds (ms)")
    print(f"{'':34}{'median':>9}{'p95':>9}{'max':>9}")
    print(
        f"{'keystroke -> results painted':34}{statistics.median(keystrokes):9.1f}{p95(keystrokes):9.1f}"
        f"{max(keystrokes):9.1f}   ({len(keystrokes)} keystrokes)"
    )
    for name, xs in opens.items():
        print(
            f"{name + f' ({count:,} questions)':34}{statistics.median(xs):9.1f}{p95(xs):9.1f}{max(xs):9.1f}"
        )
    print(f"(the whole list had read {rows:,} of its {count:,} rows when shown)")


if __name__ == "__main__":
    main()
