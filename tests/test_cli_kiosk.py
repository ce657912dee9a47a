"""``breastedu kiosk set-pin`` and ``breastedu kiosk check``."""

from __future__ import annotations

import io
import os
import stat
import sys
import tomllib
from pathlib import Path

import pytest

from breastedu.cli import main
from breastedu.core.kiosk import verify_pin

CONFIG = '# Riverside\n[clinic]\nname = "Riverside"  # on sheets\n\n[kiosk]\nidle_seconds = 90\n'


def _set_pin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *args: str):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main([*args, "kiosk", "set-pin"])
    out, err = capsys.readouterr()
    return code, out, err


def test_set_pin_from_stdin_writes_only_a_hash_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text(CONFIG, encoding="utf-8")
    config.chmod(0o640)
    code, out, _ = _set_pin(monkeypatch, capsys, "246813\n", "--clinic-config", str(config))
    assert code == 0 and str(config) in out
    text = config.read_text(encoding="utf-8")
    assert "246813" not in text.replace(tomllib.loads(text)["kiosk"]["pin_hash"], "")
    stored = tomllib.loads(text)["kiosk"]["pin_hash"]
    assert verify_pin("246813", stored) and not verify_pin("246814", stored)
    assert text.startswith('# Riverside\n[clinic]\nname = "Riverside"  # on sheets\n')
    assert tomllib.loads(text)["kiosk"]["idle_seconds"] == 90
    assert stat.S_IMODE(config.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["clinic.toml"]  # no temporary file left


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize(("before", "after"), [(0o644, 0o600), (0o666, 0o600), (0o600, 0o600), (None, 0o600)])
def test_set_pin_leaves_the_config_readable_by_its_owner_only(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    before: int | None,
    after: int,
) -> None:
    """A copy of the hash can be guessed offline: a 0644 config becomes 0600 (0640 is kept, above)."""
    config = tmp_path / "clinic.toml"
    if before is not None:
        config.write_text(CONFIG, encoding="utf-8")
        config.chmod(before)
    old = os.umask(0o022)
    try:
        code, out, _ = _set_pin(monkeypatch, capsys, "246813\n", "--clinic-config", str(config))
    finally:
        os.umask(old)
    assert code == 0 and "owner only" in out
    assert stat.S_IMODE(config.stat().st_mode) == after


def test_set_pin_uses_the_variable_and_creates_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "new" / "clinic.toml"
    monkeypatch.setenv("BREASTEDU_CLINIC_CONFIG", str(config))
    code, _, _ = _set_pin(monkeypatch, capsys, "135791\n")
    assert code == 0
    assert verify_pin("135791", tomllib.loads(config.read_text(encoding="utf-8"))["kiosk"]["pin_hash"])


@pytest.mark.parametrize("pin", ["12\n", "abcd\n", "\n"])
def test_a_bad_pin_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pin: str
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text(CONFIG, encoding="utf-8")
    code, _, err = _set_pin(monkeypatch, capsys, pin, "--clinic-config", str(config))
    assert code == 2 and "6 to 12 digits" in err and err.count("\n") == 1
    assert config.read_text(encoding="utf-8") == CONFIG


def test_a_broken_config_is_not_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text("[kiosk]\nidle_seconds = 'soon'\n", encoding="utf-8")
    code, _, err = _set_pin(monkeypatch, capsys, "246813\n", "--clinic-config", str(config))
    assert code == 2 and f"{config}:2" in err and "idle_seconds" in err
    assert config.read_text(encoding="utf-8") == "[kiosk]\nidle_seconds = 'soon'\n"


def test_the_pin_is_not_an_argument() -> None:
    """argv would show the PIN to other users (ps) and in the shell history."""
    with pytest.raises(SystemExit) as exited:
        main(["kiosk", "set-pin", "2468"])
    assert exited.value.code == 2


def test_check_hides_the_hash_and_exits_2_on_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text(CONFIG, encoding="utf-8")
    _set_pin(monkeypatch, capsys, "246813\n", "--clinic-config", str(config))
    stored = tomllib.loads(config.read_text(encoding="utf-8"))["kiosk"]["pin_hash"]
    code = main(["--clinic-config", str(config), "kiosk", "check"])
    out, _ = capsys.readouterr()
    assert code == 0 and stored not in out and "pin_hash = (set, hidden)" in out
    assert "idle_seconds = 90" in out and "No problems found." in out

    config.write_text('[kiosk]\npin_hash = "2468"\nwarning_seconds = 5\n', encoding="utf-8")
    code = main(["--clinic-config", str(config), "kiosk", "check"])
    out, _ = capsys.readouterr()
    assert code == 2 and "2468" not in out
    assert out.index("error: pin_hash") < out.index("warning: warning_seconds = 5")


def test_check_without_a_config_shows_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["kiosk", "check"])
    out, _ = capsys.readouterr()
    assert code == 0 and "no clinic config file found" in out and "idle_seconds = 120" in out
    assert "warning: no staff PIN" in out


def test_set_pin_prompts_twice_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal the PIN is asked for twice and never echoed (run under a pseudo-terminal)."""
    pty = pytest.importorskip("pty")
    config = tmp_path / "clinic.toml"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command with a terminal as stdin
        os.execvpe(
            sys.executable,
            [sys.executable, "-m", "breastedu", "--clinic-config", str(config), "kiosk", "set-pin"],
            env,
        )
    seen = b""
    for answer in (b"246813\n", b"246813\n"):
        while b": " not in seen.split(b"\n")[-1]:
            seen += os.read(fd, 1024)
        os.write(fd, answer)
        seen += b"\n"
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert b"246813" not in seen  # not echoed
    assert verify_pin("246813", tomllib.loads(config.read_text(encoding="utf-8"))["kiosk"]["pin_hash"])
