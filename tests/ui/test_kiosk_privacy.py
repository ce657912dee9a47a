"""Kiosk mode writes nothing: a scripted visit in a child process, the file system watched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SEED

from breastedu.core.kiosk import hash_pin

PIN = "2468"


def _snapshot(*roots: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder under ``roots``: (size, mtime in ns, mode)."""
    seen: dict[str, tuple[int, int, int]] = {}
    for root in roots:
        for path in [root, *root.rglob("*")] if root.exists() else []:
            info = path.lstat()
            seen[str(path)] = (info.st_size if path.is_file() else 0, info.st_mtime_ns, info.st_mode)
    return seen


def test_a_kiosk_visit_writes_nothing(tmp_path: Path) -> None:
    """Search, pages, a definition, bigger text, a printed sheet, the clipboard, a reset and staff
    exit: zero writes (the sheet goes to a PDF printer writing outside the watched folders)."""
    home, tmp, runtime = tmp_path / "home", tmp_path / "tmp", tmp_path / "runtime"
    xdg = {
        name: home / sub
        for name, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CACHE_HOME", ".cache"),
            ("XDG_STATE_HOME", ".local/state"),
        )
    }
    for folder in (home, tmp, runtime, *xdg.values()):
        folder.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    clinic = home / ".config" / "breastedu" / "clinic.toml"
    clinic.parent.mkdir()
    clinic.write_text(
        f'[clinic]\nname = "Riverside"\n\n[kiosk]\npin_hash = "{hash_pin(PIN)}"\nallow_print = true\n',
        encoding="utf-8",
    )
    user = tmp_path / "user"  # must never be created
    printed = tmp_path / "printer" / "sheet.pdf"  # the "printer"
    printed.parent.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "XDG_RUNTIME_DIR": str(runtime),
        "BREASTEDU_USER_DIR": str(user),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)]),
        "PYTHONDONTWRITEBYTECODE": "1",
        **{name: str(path) for name, path in xdg.items()},
    }
    watched = (home, tmp, runtime, user, SEED)
    before = _snapshot(*watched)
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "ui" / "kiosk_visit.py"), str(clinic), PIN, str(printed)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    after = _snapshot(*watched)
    assert after == before
    assert not user.exists()
    assert printed.read_bytes().startswith(b"%PDF")
