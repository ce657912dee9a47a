"""`breastedu import` reports like a clinic needs: a summary, refusals with file:line,
--verbose, --dry-run that writes nothing, --keep-going that imports the good pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import FIXTURE_PAGES

from breastedu.cli import main

BASE = (FIXTURE_PAGES / "101_aaaaaa000101.txt").read_text(encoding="utf-8").split("\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """30 good pages and 2 bad ones (a reply dated 2099, no asker line)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(30):
        lines = list(BASE)
        lines[0] = f"Question number {n} about calcifications"
        lines[3] = f"Asker {n}, 40~49 year old female. Ask Date: 2016/03/05"
        (pages / f"{n:03d}_{n:08x}.txt").write_text("\n".join(lines), encoding="utf-8")
    future = list(BASE)
    future[0], future[9] = "A page from the future", "Reply Date: 2099/01/01"
    (pages / "900_future.txt").write_text("\n".join(future), encoding="utf-8")
    (pages / "901_broken.txt").write_text("Just a title\nand some words\n", encoding="utf-8")
    return pages


def test_one_bad_page_refuses_the_whole_import(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "content.sqlite"
    assert main(["import", str(folder), "--into", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"breastedu: {folder / '900_future.txt'}:10: the date 2099-01-01 is in the future")
    assert not db.exists()


def test_dry_run_reports_and_writes_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "content.sqlite"
    assert main(["import", str(folder), "--into", str(db), "--dry-run", "--keep-going"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"would import into {db}: 30 added, 0 updated, 0 unchanged, 2 refused"
    assert f"refused {folder / '901_broken.txt'}:2: no asker line" in out
    assert "dry run: nothing was written" in out
    assert not db.exists()


def test_keep_going_imports_the_good_pages_then_reports_unchanged(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "content.sqlite"
    assert main(["import", str(folder), "--into", str(db), "--keep-going"]) == 1
    assert capsys.readouterr().out.startswith(
        f"imported into {db}: 30 added, 0 updated, 0 unchanged, 2 refused"
    )
    before = db.read_bytes()
    assert main(["import", str(folder), "--into", str(db), "--dry-run", "--keep-going"]) == 1
    assert db.read_bytes() == before  # a dry run against an existing DB leaves it as it was
    assert main(["import", str(folder), "--into", str(db), "--keep-going", "--verbose"]) == 1
    out = capsys.readouterr().out
    assert f"imported into {db}: 0 added, 0 updated, 30 unchanged, 2 refused" in out
    assert out.count("  unchanged ") == 30
