"""``breastedu import`` at scale: a first import of N new pages, then the same folder again.

Pages come from ``make_pages.py`` (cached). Each import runs in a fresh process (the real
``import_pages`` with the real search step, as the CLI runs it), which reports its wall
time, its CPU time (user + system) and its peak resident memory (``ru_maxrss``), split into
the pages (the one transaction) and the search index built beside the DB afterwards. The
load average is printed before and after every run.

    python benchmarks/bench_import.py --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def child(pages: Path, db: Path) -> None:
    """One import, in this process; prints its figures as JSON."""
    from breastedu.core.content.seed import SearchStep, import_pages
    from breastedu.core.search.build import build_beside, build_step

    phases: dict[str, float] = {}
    w0, c0 = time.perf_counter(), time.process_time()

    def index(path: Path, progress: object) -> None:
        w, c = time.perf_counter(), time.process_time()
        phases["pages_wall"], phases["pages_cpu"] = w - w0, c - c0
        phases["pages_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        phases["indexed"] = float(build_beside(path))
        phases["index_wall"], phases["index_cpu"] = time.perf_counter() - w, time.process_time() - c

    report = import_pages(db, [pages], None, search=SearchStep(build_step().store, index))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                **phases,
                "wall": time.perf_counter() - w0,
                "cpu": usage.ru_utime + usage.ru_stime,
                "rss_mb": usage.ru_maxrss / 1024,
                "added": len(report.added),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--child", nargs=2, metavar=("PAGES", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    import make_pages

    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        pages = make_pages.ensure(n)
        scratch = Path(tempfile.mkdtemp(prefix="bench-import-"))
        db = scratch / "content.sqlite"
        try:
            for run in ("first import", "re-import, unchanged"):
                load = os.getloadavg()[0]
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(pages), str(db)],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "BREASTEDU_CACHE_DIR": str(scratch / "cache")},
                ).stdout
                figures = json.loads(out.strip().splitlines()[-1])
                rows.append((n, run, figures, load, os.getloadavg()[0]))
                print(n, run, figures, file=sys.stderr)
            size = db.stat().st_size / 1e6
            index = sum(p.stat().st_size for p in (scratch / "content.sqlite.index").iterdir()) / 1e6
            text = sum(p.stat().st_size for p in pages.glob("*.txt")) / 1e6
            print(f"{n:,} pages: {text:.0f} MB of page text; content DB {size:.0f} MB; index {index:.0f} MB")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    print(
        f"\n{'pages':>8}  {'run':22}{'wall s':>8}{'CPU s':>8}{'pages wall/CPU s':>18}"
        f"{'index wall/CPU s':>18}{'peak MB: pages/all':>20}  result; load"
    )
    for n, run, f, l0, l1 in rows:
        result = f"{f['added']} added, {f['updated']} updated, {f['unchanged']} unchanged"
        index = f"{f['index_wall']:.1f} / {f['index_cpu']:.1f}" if f["indexed"] else "kept"
        memory = f"{f['pages_rss_mb']:.0f} / {f['rss_mb']:.0f}"
        print(
            f"{n:>8,}  {run:22}{f['wall']:8.1f}{f['cpu']:8.1f}{f['pages_wall']:>9.1f} /{f['pages_cpu']:6.1f}"
            f"{index:>18}{memory:>20}  {result}; {l0:.1f}->{l1:.1f}"
        )


if __name__ == "__main__":
    main()
