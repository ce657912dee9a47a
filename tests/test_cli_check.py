"""``breastedu check-content`` (the editors' report) and ``build-seed``'s refusal, as run."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.core.test_checks import copy_data, plant_contradiction, plant_hard_guide

from breastedu.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_content_passes_on_the_repo_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check-content")
    assert (code, err) == (0, "")
    assert "No problems found." in out
    assert "answers  goiter" in out and "guide    goiter" in out  # per guide and pooled per topic


def test_check_content_fails_on_a_planted_contradiction(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = copy_data(tmp_path)
    path = plant_contradiction(data)
    code, _, err = run(capsys, "check-content", "--data", str(data))
    assert code == 2
    assert f"{path}:" in err and "'suddenly swell' is under call soon" in err and "[red flags]" in err


def test_check_content_fails_on_a_planted_hard_guide(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = copy_data(tmp_path)
    path = plant_hard_guide(data)
    code, _, err = run(capsys, "check-content", "--data", str(data))
    assert code == 2
    assert f"{path}:1: this guide read at Flesch–Kincaid grade" in err and "[reading]" in err


def test_build_seed_refuses_hard_reading_unless_allowed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = copy_data(tmp_path)
    path = plant_hard_guide(data)
    out = tmp_path / "seed.sqlite"
    code, _, err = run(capsys, "build-seed", "--data", str(data), "--out", str(out))
    assert code == 2 and f"{path}:1: this guide read at" in err and "Traceback" not in err
    assert not out.exists()
    code, printed, err = run(
        capsys, "build-seed", "--data", str(data), "--out", str(out), "--allow-hard-reading"
    )
    assert code == 0 and out.exists() and "warning: " in err and "built " in printed


def test_help_does_not_say_doctors_wrote_the_answers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "answered by doctors" not in out and "written by the BreastEdu editors" in " ".join(out.split())
