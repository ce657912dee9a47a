"""What a fresh install meets first: the display checks, --self-test, a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from breastedu.cli import display, main

NOWHERE = ":93"  # no X server listens there (asserted below)


def _env(tmp_path: Path, **changes: str | None) -> dict[str, str]:
    env = dict(os.environ, BREASTEDU_USER_DIR=str(tmp_path / "user"), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir(exist_ok=True)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _breastedu(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "breastedu", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_display_pointing_nowhere_is_one_line_exit_2(tmp_path: Path) -> None:
    assert not Path(f"/tmp/.X11-unix/X{NOWHERE[1:]}").exists()
    env = _env(tmp_path, DISPLAY=NOWHERE, QT_QPA_PLATFORM=None, WAYLAND_DISPLAY=None)
    for args in ([], ["--self-test"]):
        result = _breastedu(env, *args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert f"DISPLAY={NOWHERE}" in result.stderr and "xvfb-run" in result.stderr
    assert not (tmp_path / "user").exists()  # nothing was created for a window that never opened


def test_no_display_at_all_is_one_line_exit_2(tmp_path: Path) -> None:
    result = _breastedu(_env(tmp_path, DISPLAY=None, QT_QPA_PLATFORM=None, WAYLAND_DISPLAY=None))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "DISPLAY is not set" in result.stderr


def test_screenshot_on_xcb_checks_the_display_too(tmp_path: Path) -> None:
    """`screenshot` renders offscreen, but an explicit xcb platform gets the same one-line check."""
    env = _env(tmp_path, DISPLAY=NOWHERE, QT_QPA_PLATFORM="xcb", WAYLAND_DISPLAY=None)
    result = _breastedu(env, "screenshot", str(tmp_path / "shot.png"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert f"DISPLAY={NOWHERE}" in result.stderr
    assert not (tmp_path / "shot.png").exists()


def test_missing_xcb_library_is_named_with_its_packages(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library the xcb plugin needs and the loader cannot find: named, with apt and dnf hints."""
    libraries = dict(display.XCB_LIBRARIES)
    libraries["libxcb-gone.so.4"] = ("libxcb-gone4", "xcb-util-gone")
    monkeypatch.setattr(display, "XCB_LIBRARIES", libraries)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libxcb-gone.so.4" in err
    assert "sudo apt install libxcb-gone4" in err and "sudo dnf install xcb-util-gone" in err


def test_every_xcb_library_loads_here() -> None:
    """CI installs what a desktop user needs (.ci/run); a package missing there fails here."""
    assert display.missing_libraries() == []


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_only_the_xcb_platform_is_checked(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert display.uses_xcb(environ, platform) is expected


def test_self_test_passes_offscreen_and_erases_its_traces(tmp_path: Path) -> None:
    result = _breastedu(_env(tmp_path, QT_QPA_PLATFORM="offscreen"), "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    steps = [line.split()[1] for line in lines if line.startswith("ok ")]
    assert steps == ["qt", "content", "window", "search", "question", "pdf", "erase"]
    assert all(" ms " in line or line.endswith(" ms") for line in lines if line.startswith("ok "))
    assert lines[-1].startswith("self-test passed: 7 steps")
    assert not (tmp_path / "user").exists()  # her notebook is never opened
    assert list((tmp_path / "tmp").iterdir()) == []  # the throw-away notebook and PDF are gone


def test_self_test_failure_names_the_step_and_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "no-such.sqlite"
    result = _breastedu(
        _env(tmp_path, QT_QPA_PLATFORM="offscreen"), "--content-db", str(missing), "--self-test"
    )
    assert result.returncode == 1
    fail = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(fail) == 1 and fail[0].split()[1] == "content" and str(missing) in fail[0]
    assert "Traceback" not in result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """``breastedu topics --json | head``: no BrokenPipeError traceback, SIGPIPE's status.

    The reading end is closed before the command writes anything, so every run meets the
    closed pipe (with ``head`` itself, a small output may fit in the pipe before it exits).
    """
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-m", "breastedu", "topics", "--json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
    )
    os.close(write_end)
    os.close(read_end)  # the reader is gone
    _, err = proc.communicate(timeout=60)
    assert err.decode() == ""
    assert proc.returncode == 141
