"""The bundled seed is reproducible from data/ and never stale."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO, SEED

from breastedu.core.content.schema import SCHEMA_VERSION
from breastedu.core.content.seed import DataSources, build_seed
from breastedu.core.errors import InputError
from breastedu.core.search.build import build_step


@pytest.fixture(scope="module")
def fresh_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    build_seed(REPO / "data", out, search=build_step(index=False))
    return out


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_build_is_byte_for_byte_reproducible(fresh_seed: Path, tmp_path: Path) -> None:
    """The same sources give the same file, byte for byte, even from another process.

    A second process has other hash seeds, which is what once reordered set-ordered DDL.
    """
    again = tmp_path / "again.sqlite"
    subprocess.run(
        [sys.executable, "-m", "breastedu", "build-seed", "--data", str(REPO / "data"), "--out", str(again)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": "random"},
    )
    assert again.read_bytes() == fresh_seed.read_bytes()


def test_committed_seed_is_not_stale(fresh_seed: Path) -> None:
    """data/seed.sqlite holds exactly what build-seed makes from data/ today.

    Compared row by row (not byte by byte) so that another SQLite version's file header
    does not count as staleness. Fix: run 'breastedu build-seed' and commit the seed.
    """
    assert SEED.is_file(), "data/seed.sqlite is missing: run 'breastedu build-seed'"
    assert _dump(SEED) == _dump(fresh_seed), "data/seed.sqlite is stale: run 'breastedu build-seed'"


def test_meta_records_versions(fresh_seed: Path) -> None:
    """The seed carries its schema version and a hash of its sources."""
    con = sqlite3.connect(fresh_seed)
    meta = dict(con.execute("SELECT key, value FROM meta ORDER BY key").fetchall())
    con.close()
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["content_version"] == DataSources(REPO / "data").content_version()


def test_seed_is_a_single_file_in_rollback_mode(fresh_seed: Path) -> None:
    """The shipped seed is not in WAL mode, so it opens from read-only folders."""
    con = sqlite3.connect(fresh_seed)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_failed_build_keeps_the_old_seed(tmp_path: Path) -> None:
    """A broken source stops the build and leaves the previous seed untouched."""
    data = tmp_path / "data"
    (data / "pages").mkdir(parents=True)
    (data / "topics.toml").write_bytes((REPO / "data" / "topics.toml").read_bytes())
    out = tmp_path / "seed.sqlite"
    out.write_bytes(b"previous seed")
    (data / "pages" / "bad.txt").write_text("Only a title\n")
    with pytest.raises(InputError):
        build_seed(data, out, search=build_step(index=False))
    assert out.read_bytes() == b"previous seed"
    assert not list(tmp_path.glob("*.building"))


def test_every_topic_has_a_guide_at_grade_8_or_below(fresh_seed: Path) -> None:
    """Each of the ten topics carries its guide, and its stored reading grades are 8 or below."""
    con = sqlite3.connect(fresh_seed)
    rows = con.execute(
        "SELECT t.slug, a.reading_grade, a.reading_grade_2 FROM topic t "
        "LEFT JOIN article a ON a.topic_id = t.id AND a.kind = 'guide' ORDER BY t.slug"
    ).fetchall()
    con.close()
    assert len(rows) == 10
    for slug, grade_fk, grade_2 in rows:
        assert grade_fk is not None and grade_2 is not None, f"{slug} has no guide"
        assert grade_fk <= 8.0 and grade_2 <= 8.0, f"{slug}: grade {grade_fk} / {grade_2}"
