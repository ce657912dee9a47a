"""Fault runs on her notebook (the reliability review's 1a and 2c, repeatable and smaller).

    python tools/notebook_faults.py kills 300          # kill -9 during writes: nothing confirmed lost
    python tools/notebook_faults.py corruptions 240    # random damage: repaired, flagged or refused

``kills``: a forked child opens the notebook and saves notes and follow-ups in a loop, writing
each one's id to a log only after the save returned; the parent kills it (SIGKILL) at a random
moment, then opens the notebook as the next start would and checks that every logged save is
there and ``integrity_check`` is ok. ``corruptions``: a notebook of 40 notes and 10 follow-ups
(with backups) is damaged in one of six ways (1 bit, 2-40 bits, a 64-byte burst, header bytes,
page-1 bytes, a zeroed page), opened, listed and exported; every outcome is counted, and any
exception other than the app's one-line errors is a crash. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from breastedu.core.errors import BreastEduError
from breastedu.core.notebook.service import Notebook


def _child(user_dir: Path, log: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Notebook.open(user_dir) as book, open(log, "a", encoding="utf-8") as out:
        for number in range(10_000):
            if rng.random() < 0.7:
                note = book.notes.save(f"note {seed}-{number}")
                out.write(f"n {note.id} note {seed}-{number}\n")
            else:
                item = book.followups.add(f"scan {seed}-{number}", dt.date(2027, 1, 1))
                out.write(f"f {item.id} scan {seed}-{number}\n")
            out.flush()


def kills(runs: int, seed: int) -> int:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="kills-"))
    user_dir, log = folder / "user", folder / "acked.log"
    user_dir.mkdir(mode=0o700)
    counts: collections.Counter[str] = collections.Counter()
    for run in range(runs):
        pid = os.fork()
        if pid == 0:  # the child never returns
            try:
                _child(user_dir, log, seed * 100_000 + run)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        counts["killed" if os.WIFSIGNALED(status) else "finished first"] += 1
        with Notebook.open(user_dir) as book:
            notes = {n.id: n.text for n in book.notes.list()}
            items = {f.id: f.title for f in book.followups.list()}
        con = sqlite3.connect(user_dir / "user.sqlite")
        check = "; ".join(row[0] for row in con.execute("PRAGMA integrity_check"))
        con.close()
        acked = (
            [line.split(" ", 2) for line in log.read_text(encoding="utf-8").splitlines()]
            if log.exists()
            else []
        )
        lost = [a for a in acked if (notes if a[0] == "n" else items).get(int(a[1])) != a[2]]
        counts["acknowledged"] = len(acked)
        counts["lost"] += len(lost)
        counts["integrity not ok"] += check != "ok"
        if lost or check != "ok":
            print(f"run {run}: lost {lost[:3]} integrity {check}", flush=True)
    leftovers = sorted(p.name for p in user_dir.rglob("*") if ".tmp" in p.name or ".unreadable" in p.name)
    print(dict(counts), "temporary or set-aside files left:", leftovers)
    shutil.rmtree(folder)
    return 1 if counts["lost"] or counts["integrity not ok"] else 0


def _damage(data: bytearray, rng: random.Random, kind: str) -> None:
    size = len(data)
    if kind == "bit":
        spot = rng.randrange(size)
        data[spot] ^= 1 << rng.randrange(8)
    elif kind == "bits":
        for _ in range(rng.randint(2, 40)):
            spot = rng.randrange(size)
            data[spot] ^= 1 << rng.randrange(8)
    elif kind == "burst":
        spot = rng.randrange(size - 64)
        data[spot : spot + 64] = rng.randbytes(64)
    elif kind == "header":
        spot = rng.randrange(100)
        data[spot] = rng.randrange(256)
    elif kind == "page1":
        spot = rng.randrange(100, 4096)
        data[spot] = rng.randrange(256)
    else:  # a zeroed page
        page = rng.randrange(size // 4096)
        data[page * 4096 : (page + 1) * 4096] = bytes(4096)


def corruptions(runs: int, seed: int) -> int:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="corrupt-"))
    base = folder / "base"
    with Notebook.open(base) as book:
        for number in range(40):
            book.notes.save(f"note number {number} about the biopsy and the follow-up scan")
        for number in range(10):
            book.followups.add(f"scan {number}", dt.date(2027, 1, 1 + number))
    for _ in range(2):
        Notebook.open(base).close()  # backups of the full notebook
    expected = sorted(f"note number {n} about the biopsy and the follow-up scan" for n in range(40))
    kinds = ("bit", "bits", "burst", "header", "page1", "page")
    counts: collections.Counter[str] = collections.Counter()
    for run in range(runs):
        user_dir = folder / f"run{run}"
        shutil.copytree(base, user_dir)
        for side in ("-wal", "-shm"):
            (user_dir / f"user.sqlite{side}").unlink(missing_ok=True)
        data = bytearray((user_dir / "user.sqlite").read_bytes())
        _damage(data, rng, kinds[run % len(kinds)])
        (user_dir / "user.sqlite").write_bytes(bytes(data))
        try:
            with Notebook.open(user_dir) as book:
                notes = book.notes.list()
                book.followups.list()
                book.notes.search("biopsy")
                result = book.data.export_to(folder / "export.json")
                repaired = book.notice is not None and "restored" in book.notice
            texts = sorted(n.text for n in notes)
            if repaired:
                outcome = "repaired from backup" if texts == expected else "repaired, notes differ"
            elif texts == expected and not result.damaged:
                outcome = "not affected"
            elif result.damaged or result.unreadable:
                outcome = "damage flagged"
            else:
                outcome = "text changed silently"
        except BreastEduError as exc:
            outcome = "refused in one line"
            counts[f"  refused: {exc.message[:70]}"] += 1
        except Exception as exc:  # a crash is what this run counts
            outcome = "CRASH"
            print(f"run {run} ({kinds[run % len(kinds)]}): {type(exc).__name__}: {exc}", flush=True)
        counts[outcome] += 1
        shutil.rmtree(user_dir)
    for outcome, count in sorted(counts.items()):
        print(f"{count:5}  {outcome}")
    shutil.rmtree(folder)
    return 1 if counts["CRASH"] else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", choices=("kills", "corruptions"))
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if sys.platform == "win32":  # pragma: no cover
        print("notebook_faults.py: POSIX only", file=sys.stderr)
        return 2
    return (kills if args.run == "kills" else corruptions)(args.count, args.seed)


if __name__ == "__main__":
    sqlite3.enable_callback_tracebacks(False)
    sys.exit(main())
