"""The tests' own rule for system programs: a missing one is one line naming its package."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.system_tools import PACKAGES, missing_packages, tool


def test_a_missing_program_fails_with_its_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH
    with pytest.raises(pytest.fail.Exception) as failed:
        tool("pdftotext")
    assert str(failed.value).startswith("pdftotext is missing: sudo apt install poppler-utils")
    assert "\n" not in str(failed.value)
    assert missing_packages() == sorted(set(PACKAGES.values()))


def test_a_program_on_path_is_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    program = tmp_path / "qpdf"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert tool("qpdf") == str(program)
    assert "qpdf" not in missing_packages()


def test_every_test_asks_for_programs_the_same_way() -> None:
    """No test runs a system program by its bare name or skips when it is missing (they go
    through tool()), and none runs a bare `python` (sys.executable is the venv's)."""
    names = "|".join(re.escape(name) for name in PACKAGES)
    bare = re.compile(rf'\[\s*"(?:{names}|python3?)"|shutil\.which\(\s*"(?:{names})"')
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "tests").rglob("*.py"))
        if path.name != "system_tools.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line)
    ]
    assert offenders == []
