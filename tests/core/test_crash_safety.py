"""kill -9 at random moments loses no note that was reported saved (issue 5, section 5).

A writer process (plain Python, no Qt) opens the user DB the way the app does (lock, backup,
migration) and saves notes, edits them, adds and completes follow-ups, printing an ACK line
only *after* each core operation returned. The test SIGKILLs it at random moments and then
checks, after every kill, that ``PRAGMA integrity_check`` is ok and that every acknowledged
note is there with its exact text.

Starting a Python interpreter and importing SQLAlchemy 200+ times would take minutes, so a
"zygote" process imports everything once and forks one writer per run: each writer is still
a separate process killed with SIGKILL, it just starts in milliseconds. Every
``FRESH_DIR_EVERY`` runs the writer starts in an empty folder, so kills also land while the
file is being created and migrated.

Run it alone with::

    BREASTEDU_CRASH_KILLS=240 python -m pytest tests/core/test_crash_safety.py -q -s
"""

from __future__ import annotations

import datetime as dt
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

#: How many times the writer is killed: the full 240 in CI (CI=true), a short 40 in the local
#: loop; ``BREASTEDU_CRASH_KILLS`` overrides both.
CRASH_KILLS = int(os.environ.get("BREASTEDU_CRASH_KILLS", "240" if os.environ.get("CI") else "40"))
FRESH_DIR_EVERY = 40
#: Acknowledgements to wait for before killing; 0 kills during open / first write.
ACKS_BEFORE_KILL = (0, 0, 1, 1, 2, 3, 5, 8, 13)
OPS_PER_WRITER = 400  # a writer that is never killed stops here and exits normally
LINE_TIMEOUT_S = 30.0


def note_text(run: int, index: int, version: int) -> str:
    """The exact, reproducible text of version ``version`` of note ``index`` in ``run``."""
    rng = random.Random(f"{run}/{index}/{version}")
    alphabet = "abcdefghij klmnop ÄÖÜ é ß 乳腺 甲状腺 \n\t%_'\"\\"
    body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000)))
    return f"run {run} note {index} v{version}: {body}"


def _writer(user_dir: Path, run: int) -> None:
    """The child: save things for ever, acknowledging each only after it returned."""
    from breastedu.core.notebook.dto import RepeatBasis, RepeatRule
    from breastedu.core.notebook.followups import FollowUpService
    from breastedu.core.notebook.notes import NotesService
    from breastedu.core.notebook.userdb import UserDB

    def out(line: str) -> None:
        os.write(1, (line + "\n").encode())

    out(f"PID {os.getpid()}")
    db = UserDB.open(user_dir)
    if db.notice:
        out(f"NOTICE {db.notice}")
    notes, followups = NotesService(db), FollowUpService(db, today=lambda: dt.date(2026, 6, 1))
    for index in range(1, OPS_PER_WRITER + 1):
        if index % 3:
            note = notes.save(note_text(run, index, 0))
            out(f"N {note.id} {run} {index}")
            notes.save(note_text(run, index, 1), note_id=note.id, revision=note.revision)
            out(f"U {note.id} {run} {index}")
        else:
            item = followups.add(
                f"check {run}-{index}", dt.date(2026, 5, 1), repeat=RepeatRule(RepeatBasis.FROM_DUE, 6)
            )
            out(f"F {item.id}")
            result = followups.complete(item.id, on=dt.date(2026, 5, 2))
            assert result.next is not None
            out(f"D {item.id} {result.next.id}")
    db.close()


def _zygote() -> None:
    """Import everything once, then fork one writer per ``RUN dir n`` line on stdin."""
    import breastedu.core.notebook.followups
    import breastedu.core.notebook.notes  # noqa: F401 - imported so that children start fast

    for line in sys.stdin:
        _, folder, run = line.split()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _writer(Path(folder), int(run))
                os._exit(0)
            except BaseException as exc:  # report, never fall back into the zygote loop
                os.write(1, f"ERROR {type(exc).__name__}: {exc}\n".encode())
                os._exit(3)
        _, status = os.waitpid(pid, 0)
        print(f"EXIT {status}", flush=True)


class _Lines:
    """Lines from a pipe with a timeout, so a hung writer fails the test instead of hanging it."""

    def __init__(self, stream: object) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self._queue.put(line.rstrip("\n"))
        self._queue.put("EOF")

    def get(self) -> str:
        return self._queue.get(timeout=LINE_TIMEOUT_S)


def _check(
    db_path: Path, acked_notes: dict[int, tuple[int, int, int]], acked_followups: dict[int, int | None]
) -> None:
    """Integrity ok; every acknowledged note and follow-up present and exact."""
    if not db_path.exists():
        assert not acked_notes and not acked_followups
        return
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master ORDER BY name")}
        if "note" not in tables:
            assert not acked_notes and not acked_followups
            return
        texts = dict(con.execute("SELECT id, text FROM note ORDER BY id").fetchall())
        done = dict(con.execute("SELECT id, done_on FROM followup ORDER BY id").fetchall())
    finally:
        con.close()
    for note_id, (run, index, version) in acked_notes.items():
        assert note_id in texts, f"acknowledged note {note_id} is missing"
        allowed = {note_text(run, index, version), note_text(run, index, 1)}
        assert texts[note_id] in allowed, f"note {note_id} has the wrong text"
    for text in texts.values():  # nothing half-written or mixed up either
        head = text.split(":", 1)[0].split()
        assert text == note_text(int(head[1]), int(head[3]), int(head[4][1:]))
    for item_id, next_id in acked_followups.items():
        assert item_id in done, f"acknowledged follow-up {item_id} is missing"
        if next_id is not None:
            assert done[item_id] == "2026-05-02" and next_id in done


@pytest.mark.slow
def test_kill_minus_nine_never_loses_an_acknowledged_note(tmp_path: Path) -> None:
    """Every note reported saved survives SIGKILL at random moments; the file stays intact."""
    if not hasattr(os, "fork"):
        pytest.skip("the zygote needs fork (POSIX)")
    rng = random.Random(int(os.environ.get("BREASTEDU_CRASH_SEED", "20261125")))
    zygote = subprocess.Popen(
        [sys.executable, __file__, "--zygote"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
        cwd=tmp_path,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    lines = _Lines(zygote.stdout)
    acked_notes: dict[int, tuple[int, int, int]] = {}
    acked_followups: dict[int, int | None] = {}
    total_acks = kills = 0
    try:
        for run in range(CRASH_KILLS):
            if run % FRESH_DIR_EVERY == 0:
                folder = tmp_path / f"user{run}"
                acked_notes, acked_followups = {}, {}
            zygote.stdin.write(f"RUN {folder} {run}\n")
            zygote.stdin.flush()
            first = lines.get()
            assert first.startswith("PID "), first
            pid = int(first.split()[1])
            wanted, seen = rng.choice(ACKS_BEFORE_KILL), 0
            line = ""
            while seen < wanted:
                line = lines.get()
                if line.startswith("EXIT"):
                    break
                seen += _record(line, acked_notes, acked_followups)
            if not line.startswith("EXIT"):
                time.sleep(rng.uniform(0, 0.004))  # land anywhere in the next operation
                os.kill(pid, signal.SIGKILL)
                while not (line := lines.get()).startswith("EXIT"):
                    seen += _record(line, acked_notes, acked_followups)
            status = int(line.split()[1])
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
                kills += 1
            total_acks += seen
            _check(folder / "user.sqlite", acked_notes, acked_followups)
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    print(
        f"\ncrash test: {kills} SIGKILLs over {CRASH_KILLS} writer runs, "
        f"{total_acks} acknowledged operations, 0 lost, integrity ok after every kill"
    )
    assert kills == CRASH_KILLS


def _record(line: str, notes: dict[int, tuple[int, int, int]], followups: dict[int, int | None]) -> int:
    """Remember one ACK line; fail on anything unexpected (a repair notice, an error)."""
    kind, *rest = line.split()
    if kind == "N":
        notes[int(rest[0])] = (int(rest[1]), int(rest[2]), 0)
    elif kind == "U":
        notes[int(rest[0])] = (int(rest[1]), int(rest[2]), 1)
    elif kind == "F":
        followups[int(rest[0])] = None
    elif kind == "D":
        followups[int(rest[0])] = int(rest[1])
    else:
        raise AssertionError(f"writer said: {line}")
    return 1


if __name__ == "__main__" and sys.argv[1:] == ["--zygote"]:
    _zygote()
