"""Kiosk mode writes nothing: a scripted visit in a child process, the file system watched.

The visit runs as a machine that tempts it most: no session bus (so libdbus would start a
daemon and write ``~/.dbus``) and no system font cache (so fontconfig would write one in
``~/.cache/fontconfig``). .ci/run also runs it as an unprivileged user, who cannot write the
system's folders either.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO, SEED
from tests.system_tools import tool

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


SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")


def _fonts_conf_without_system_cache(folder: Path) -> Path | None:
    """The system's fonts.conf as on a machine without the fontconfig package: its system cache
    folder is one nobody can create (under /proc, not even root), so only a per-user cache
    could be written. None when the system has no fonts.conf."""
    if not SYSTEM_FONTS_CONF.is_file():
        return None
    text = SYSTEM_FONTS_CONF.read_text(encoding="utf-8")
    text = re.sub(r"<cachedir>/[^<]*</cachedir>", "<cachedir>/proc/no-system-font-cache</cachedir>", text)
    text = text.replace(">conf.d</include>", f">{SYSTEM_FONTS_CONF.parent / 'conf.d'}</include>")
    conf = folder / "fonts.conf"
    conf.write_text(text, encoding="utf-8")
    return conf


def _fake_dbus_launch(folder: Path, called: Path) -> Path:
    """A ``dbus-launch`` that only records that libdbus tried to start a session bus."""
    folder.mkdir()
    script = folder / "dbus-launch"
    script.write_text(f"#!/bin/sh\necho \"$@\" >> '{called}'\nexit 1\n", encoding="utf-8")
    script.chmod(0o755)
    return folder


def _dbus_daemons(home: Path) -> set[int]:
    """Process ids of every dbus-daemon and dbus-launch running with ``home`` as HOME: started
    for the kiosk (other programs' buses on this machine are not its doing)."""
    found = set()
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() not in {"dbus-daemon", "dbus-launch"}:
                continue
            environ = (comm.parent / "environ").read_bytes().split(b"\0")
        except OSError:
            continue  # ended while we looked, or another user's
        if f"HOME={home}".encode() in environ:
            found.add(int(comm.parent.name))
    return found


@pytest.mark.parametrize(
    ("platform", "language"), [("offscreen", "en"), ("xcb", "en"), ("offscreen", "zh-TW")]
)
def test_a_kiosk_visit_writes_nothing(tmp_path: Path, platform: str, language: str) -> None:
    """Search, pages, a definition, bigger text, a printed sheet, the clipboard, a reset and staff
    exit: zero writes (the sheet goes to a PDF printer writing outside the watched folders), no
    session bus started and no process left behind; offscreen, and in a real X window (Xvfb),
    where Qt also talks to D-Bus."""
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
        f'[clinic]\nname = "Riverside"\n\n[kiosk]\npin_hash = "{hash_pin(PIN)}"\nallow_print = true\n'
        f'language = "{language}"\n',
        encoding="utf-8",
    )
    user = tmp_path / "user"  # must never be created
    printed = tmp_path / "printer" / "sheet.pdf"  # the "printer"
    printed.parent.mkdir()
    fonts_conf = _fonts_conf_without_system_cache(tmp_path)
    bus_tried = tmp_path / "dbus-launch-called"
    fake_bin = _fake_dbus_launch(tmp_path / "bin", bus_tried)
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DBUS_SESSION_BUS_ADDRESS", "FONTCONFIG_FILE"}},
        **({"FONTCONFIG_FILE": str(fonts_conf)} if fonts_conf else {}),
        "PATH": os.pathsep.join([str(fake_bin), os.environ.get("PATH", "/usr/bin:/bin")]),
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "XDG_RUNTIME_DIR": str(runtime),
        "BREASTEDU_USER_DIR": str(user),
        "QT_QPA_PLATFORM": platform,
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)]),
        "PYTHONDONTWRITEBYTECODE": "1",
        **{name: str(path) for name, path in xdg.items()},
    }
    watched = (home, tmp, runtime, user, SEED)
    before = _snapshot(*watched)
    visit = [sys.executable, str(REPO / "tests" / "ui" / "kiosk_visit.py"), str(clinic), PIN, str(printed)]
    if platform == "xcb":  # xvfb-run keeps its X authority file in its own TMPDIR, not the kiosk's
        (tmp_path / "xvfb").mkdir()
        visit = [tool("xvfb-run"), "-a", "-s", "-screen 0 1280x800x24", "env", f"TMPDIR={tmp}", *visit]
        env = {**env, "TMPDIR": str(tmp_path / "xvfb")}
        tool("xauth")
    done = subprocess.run(
        visit,
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
    assert not bus_tried.exists(), "libdbus tried to start a session bus: " + bus_tried.read_text()
    assert _dbus_daemons(home) == set(), "a D-Bus daemon was left running"
    assert printed.read_bytes().startswith(b"%PDF")
