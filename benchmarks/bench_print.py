"""Printing speed: one topic sheet and the ten-topic pack to PDF, in one warm process.

Each run composes the sheet from the content DB (core) and paints it into a PDF in memory
(``ui.printing.pdf_bytes``: layout, page breaks, header and footer, SVG illustrations), as
"Save as PDF" and ``breastedu print`` do; writing the bytes to disk is left out. The table
gives the median and p95 over the runs and pages per second. Targets (issue 9): a single
topic (~4-10 pages) in at most 0.5 s, the whole pack in at most 3 s.

    python benchmarks/bench_print.py [--runs 15] [--large-print] [--paper a4|letter]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from stats import p95


def _measure(job: Callable[[], int], runs: int) -> tuple[list[float], list[float], int]:
    """Wall-clock and CPU seconds per run (CPU shows the cost when other work shares the cores)."""
    job()  # warm-up: fonts, the glossary, SVG parsing
    times, cpu, pages = [], [], 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        pages = job()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times, cpu, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--large-print", action="store_true")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    from breastedu.core import paths
    from breastedu.core.content.service import ContentService
    from breastedu.core.render.sheets import SheetBuilder, SheetOptions
    from breastedu.ui.printing.painter import pdf_bytes

    app = QGuiApplication([])
    content = ContentService.open(paths.default_content_db())
    builder = SheetBuilder(content)
    options = SheetOptions(large_print=args.large_print)
    topics = list(builder.all_topics())

    def job(slugs: list[str]) -> Callable[[], int]:
        def run() -> int:
            return pdf_bytes(builder.build(slugs, options), paper=args.paper)[1]

        return run

    cases = [("single topic (calcifications)", ["calcifications"]), (f"pack of {len(topics)} topics", topics)]
    print(
        f"{'case':<32} {'pages':>5} {'median s':>9} {'p95 s':>7} {'pages/s':>8} {'cpu median s':>13}"
        f"   runs={args.runs}"
    )
    for name, slugs in cases:
        times, cpu, pages = _measure(job(slugs), args.runs)
        median = statistics.median(times)
        print(
            f"{name:<32} {pages:>5} {median:>9.3f} {p95(times):>7.3f} {pages / median:>8.1f}"
            f" {statistics.median(cpu):>13.3f}"
        )
    content.close()
    del app


if __name__ == "__main__":
    main()
