"""The tests' own rule for system programs: a missing one is one line naming its package."""

from __future__ import annotations

from pathlib import Path

import pytest
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
