"""Shared fixtures. Qt runs offscreen; every test gets its own empty user folder."""

from __future__ import annotations

import os

# Must happen before any Qt import: without a display the qapp fixture would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from breastedu.core.content.service import ContentService
from breastedu.core.search.build import build_step

REPO = Path(__file__).resolve().parent.parent
SHARED_PAGE = REPO / "data" / "pages" / "000_37194c49921cb46b.txt"
SEED = REPO / "data" / "seed.sqlite"
FIXTURE_PAGES = REPO / "tests" / "fixtures" / "pages"
REAL_SLUG = "clustered-calcification-92d1c5"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real home folder and user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BREASTEDU_USER_DIR", str(home / "user"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("BREASTEDU_CONTENT_DB", raising=False)


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    """An empty user folder for this test, private as the app makes it (0700)."""
    path = tmp_path / "user"
    path.mkdir(mode=0o700)
    return path


@pytest.fixture(scope="session")
def library_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content DB imported from the real page plus the fixture pages (read it, don't write)."""
    from breastedu.core.content.seed import import_pages

    db = tmp_path_factory.mktemp("library") / "library.sqlite"
    import_pages(db, [SHARED_PAGE, FIXTURE_PAGES], REPO / "data", search=build_step(index=False))
    return db


@pytest.fixture
def library(library_db: Path) -> Iterator[ContentService]:
    """A ContentService over :func:`library_db`."""
    service = ContentService.open(library_db)
    yield service
    service.close()


def pytest_report_header() -> str | None:
    """Say at the start, in one line, which system programs the tests need and do not find."""
    from tests.system_tools import missing_packages

    missing = missing_packages()
    return (
        f"missing system programs: the tests that run them will fail; sudo apt install {' '.join(missing)}"
        if missing
        else None
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that collected no tests is a failure, never a silent pass (exit 5 -> 1)."""
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        print("\nno tests were collected: that is a failure for this project")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def add_followup_elsewhere(user_dir: Path) -> None:
    """Another process (the command line) adds the follow-up "Ultrasound" to her notebook."""
    import subprocess
    import sys

    cli = subprocess.run(
        [sys.executable, "-m", "breastedu", "--user-dir", str(user_dir), "followups", "add", "Ultrasound",
         "--due", "2027-02-01"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
