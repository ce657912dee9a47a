"""``breastedu import`` at scale: a first import of N new pages, then the same folder again.

Pages come from ``make_pages.py`` (cached). Each import runs in a fresh process (the real
``import_pages`` with the real search step, as the CLI runs it), which reports its wall
time, its CPU time (user + system) and its peak resident memory, split into the pages (the
one transaction) and the search index built beside the DB afterwards: on Linux each phase's
``VmHWM``, with its anonymous memory and its mapped files apart (see :class:`Memory`),
elsewhere ``ru_maxrss``. The load average is printed before and after every run.

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
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PHASES = ("pages", "store", "index")


class Memory:
    """Resident memory by phase, from ``/proc/self/status`` (Linux): the peak of the whole
    (``VmHWM``, reset at each phase) and, sampled every 10 ms, the peaks of its anonymous part
    (``RssAnon``: Python's objects, SQLite's caches, tantivy's heap) and of its file-backed
    part (``RssFile``: mapped files, such as the index segments tantivy maps, and shared
    libraries). Elsewhere only ``ru_maxrss`` (the whole) is recorded."""

    def __init__(self) -> None:
        self.phase = ""
        self.peaks: dict[str, dict[str, float]] = {}
        self.linux = Path("/proc/self/status").is_file()
        if self.linux:
            threading.Thread(target=self._sample, daemon=True).start()

    @staticmethod
    def status() -> dict[str, float]:
        lines = Path("/proc/self/status").read_text().splitlines()
        fields = (line.split(":") for line in lines)
        return {k: int(v.split()[0]) / 1024 for k, v in fields if k in ("VmHWM", "RssAnon", "RssFile")}

    def start(self, phase: str) -> None:
        if self.linux:
            self._sample_once()  # the phase before ends here
            Path("/proc/self/clear_refs").write_text("5")  # VmHWM := the current RSS
        self.phase = phase
        self.peaks[phase] = {"anon": 0.0, "file": 0.0, "hwm": 0.0}

    def _sample_once(self) -> None:
        if not self.phase:
            return
        now, peak = self.status(), self.peaks[self.phase]
        peak["anon"] = max(peak["anon"], now["RssAnon"])
        peak["file"] = max(peak["file"], now["RssFile"])
        peak["hwm"] = max(peak["hwm"], now["VmHWM"])

    def _sample(self) -> None:
        while True:
            self._sample_once()
            time.sleep(0.01)

    def stop(self) -> dict[str, float]:
        if self.linux:
            self._sample_once()
        self.phase = ""
        return {f"{phase}_{k}_mb": v for phase, peak in self.peaks.items() for k, v in peak.items()}


def child(pages: Path, db: Path) -> None:
    """One import, in this process; prints its figures as JSON."""
    from breastedu.core.content.seed import SearchStep, import_pages
    from breastedu.core.search.build import build_beside, build_step

    phases: dict[str, float] = {}
    memory = Memory()
    memory.start("pages")
    w0, c0 = time.perf_counter(), time.process_time()
    store_search = build_step().store

    def store(conn: object, synonyms: Path | None) -> None:
        memory.start("store")  # the search data written into the DB (core/search)
        store_search(conn, synonyms)  # type: ignore[arg-type]

    def index(path: Path, progress: object) -> None:
        w, c = time.perf_counter(), time.process_time()
        phases["pages_wall"], phases["pages_cpu"] = w - w0, c - c0
        phases["pages_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        memory.start("index")
        phases["indexed"] = float(build_beside(path))
        phases["index_wall"], phases["index_cpu"] = time.perf_counter() - w, time.process_time() - c

    report = import_pages(db, [pages], None, search=SearchStep(store, index))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peaks = memory.stop()
    if memory.linux:  # resetting VmHWM for each phase resets ru_maxrss too: the peaks are the phases'
        phases["pages_rss_mb"] = max(peaks["pages_hwm_mb"], peaks.get("store_hwm_mb", 0.0))
    print(
        json.dumps(
            {
                **phases,
                **peaks,
                "wall": time.perf_counter() - w0,
                "cpu": usage.ru_utime + usage.ru_stime,
                "rss_mb": max((v for k, v in peaks.items() if k.endswith("_hwm_mb")), default=0.0)
                if memory.linux
                else usage.ru_maxrss / 1024,
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
        indexed = f"{f['index_wall']:.1f} / {f['index_cpu']:.1f}" if f["indexed"] else "kept"
        memory = f"{f['pages_rss_mb']:.0f} / {f['rss_mb']:.0f}"
        print(
            f"{n:>8,}  {run:22}{f['wall']:8.1f}{f['cpu']:8.1f}{f['pages_wall']:>9.1f} /{f['pages_cpu']:6.1f}"
            f"{indexed:>18}{memory:>20}  {result}; {l0:.1f}->{l1:.1f}"
        )
    if "pages_hwm_mb" in rows[0][2]:
        print(
            "\nPeak resident MB by phase, whole (VmHWM) = anonymous (RssAnon) + files (RssFile);"
            " pages: import_files, store: the search data in the DB, index: the index beside it"
        )
        print(f"{'pages':>8}  {'run':22}" + "".join(f"{p + ' whole/anon/file':>26}" for p in PHASES))
        for n, run, f, _l0, _l1 in rows:
            cells = (
                f"{f[p + '_hwm_mb']:.0f} / {f[p + '_anon_mb']:.0f} / {f[p + '_file_mb']:.0f}"
                if p + "_hwm_mb" in f
                else "-"
                for p in PHASES
            )
            print(f"{n:>8,}  {run:22}" + "".join(f"{c:>26}" for c in cells))


if __name__ == "__main__":
    main()
