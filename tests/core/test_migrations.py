"""User DB migrations: each step tested from a fixture of the version before."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from breastedu.core.errors import UserDataError
from breastedu.core.notebook import rowsum, userdb
from breastedu.core.notebook.basket import BasketService
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.schema import MIGRATIONS, USER_SCHEMA_VERSION, Migration, UserBase
from breastedu.core.notebook.userdb import UserDB, migrate

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _fixture_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_user_fixtures", FIXTURES / "make_user_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _start(version: int, tmp_path: Path) -> sqlite3.Connection:
    """A connection to a copy of the fixture of ``version`` (0: a brand-new file)."""
    path = tmp_path / "user.sqlite"
    if version > 0:
        shutil.copy(FIXTURES / f"user_v{version}.sqlite", path)
    return sqlite3.connect(path, isolation_level=None)


def _columns(con: sqlite3.Connection) -> dict[str, list[tuple[str, str, int, int]]]:
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {
        t: sorted((r[1], r[2].upper(), r[3], r[5]) for r in con.execute(f"PRAGMA table_info({t})"))
        for t in tables
    }


def test_every_earlier_version_has_a_committed_fixture() -> None:
    """Each released version before the current one has a fixture to migrate from."""
    for step in MIGRATIONS[:-1]:
        assert (FIXTURES / f"user_v{step.version}.sqlite").is_file()


@pytest.mark.parametrize("step", MIGRATIONS, ids=lambda s: f"v{s.version - 1}-to-v{s.version}")
def test_each_step_upgrades_the_version_before(step: Migration, tmp_path: Path) -> None:
    """Each step takes a file of the previous version to its own version, keeping the rows."""
    con = _start(step.version - 1, tmp_path)
    try:
        before = con.execute("SELECT count(*) FROM note").fetchone()[0] if step.version > 1 else 0
        assert migrate(con, target=step.version) == step.version
        assert con.execute("PRAGMA user_version").fetchone()[0] == step.version
        assert con.execute("SELECT count(*) FROM note").fetchone()[0] == before
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def test_v1_notes_gain_the_doctor_checklist_unticked(tmp_path: Path) -> None:
    """Notes written by version 1 open in this app, off the doctor list and not asked."""
    shutil.copy(FIXTURES / "user_v1.sqlite", tmp_path / "user.sqlite")
    with UserDB.open(tmp_path) as db:
        notes = NotesService(db).list()
        assert [n.text.split("\n")[0] for n in notes] == [
            "Ask: how often should I have a mammogram now?",
            "Free note: bring last year's report (100% sure it's in the blue folder)",
        ]
        assert all(not n.for_doctor and not n.asked for n in notes)
        assert notes[0].link is not None and notes[0].link.topic_slug == "calcifications"
        assert NotesService(db).set_for_doctor(notes[0].id, True).for_doctor


def test_migrated_schema_equals_the_orm_schema(tmp_path: Path) -> None:
    """The migration steps build exactly the columns the ORM classes declare."""
    con = _start(0, tmp_path)
    try:
        migrate(con)
        migrated = _columns(con)
    finally:
        con.close()
    engine = create_engine(f"sqlite:///{tmp_path / 'orm.sqlite'}")
    UserBase.metadata.create_all(engine)
    engine.dispose()
    orm = sqlite3.connect(tmp_path / "orm.sqlite")
    try:
        assert migrated == _columns(orm)
    finally:
        orm.close()


def test_a_failing_step_leaves_the_file_at_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that fails half-way is rolled back entirely: no half-migrated file."""
    broken = (
        *MIGRATIONS,
        Migration(
            USER_SCHEMA_VERSION + 1,
            "broken",
            ("CREATE TABLE bookmark (id INTEGER PRIMARY KEY)", "THIS IS NOT SQL"),
        ),
    )
    monkeypatch.setattr(userdb, "MIGRATIONS", broken)
    monkeypatch.setattr(userdb, "USER_SCHEMA_VERSION", USER_SCHEMA_VERSION + 1)
    con = _start(1, tmp_path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrate(con)
        assert con.execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master ORDER BY name")}
        assert "bookmark" not in tables
    finally:
        con.close()


def test_a_file_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    """A notes file written by a newer BreastEdu is refused with a clear message, not changed."""
    shutil.copy(FIXTURES / "user_v1.sqlite", tmp_path / "user.sqlite")
    con = sqlite3.connect(tmp_path / "user.sqlite")
    con.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION + 1}")
    con.close()
    before = (tmp_path / "user.sqlite").read_bytes()
    with pytest.raises(UserDataError, match="newer version of BreastEdu"):
        UserDB.open(tmp_path)
    assert (tmp_path / "user.sqlite").read_bytes() == before
    assert not list(tmp_path.glob("user.sqlite.unreadable-*"))


def test_fixture_script_reproduces_the_committed_fixtures(tmp_path: Path) -> None:
    """The committed fixtures are exactly what the committed script writes."""
    module = _fixture_module()
    module.main(tmp_path)
    for version in module.FIXTURE_VERSIONS:
        name = f"user_v{version}.sqlite"
        made, committed = sqlite3.connect(tmp_path / name), sqlite3.connect(FIXTURES / name)
        try:
            assert list(made.iterdump()) == list(committed.iterdump())
            assert (
                made.execute("PRAGMA user_version").fetchone()
                == committed.execute("PRAGMA user_version").fetchone()
            )
        finally:
            made.close()
            committed.close()


# --- v4: a checksum on every row of her data -----------------------------------------------------


def test_v3_rows_get_a_checksum_each_and_keep_their_words(tmp_path: Path) -> None:
    """Her notes, follow-ups and basket of version 3 come through the upgrade unchanged, each
    row summed, so the first check after it finds nothing wrong."""
    shutil.copy(FIXTURES / "user_v3.sqlite", tmp_path / "user.sqlite")
    with UserDB.open(tmp_path) as db:
        assert db.notice is None or "Damage" not in db.notice
        notes = NotesService(db).list()
        assert [n.text.split("\n")[0] for n in notes] == [
            "Ask: how often should I have a mammogram now?",
            "Free note: bring last year's report (100% sure it's in the blue folder)",
        ]
        assert notes[0].for_doctor and notes[0].asked
        assert [item.title for item in BasketService(db).list()] == [
            "Breast calcifications",
            "Clustered calcifications after surgery",
        ]
    con = sqlite3.connect(tmp_path / "user.sqlite")
    try:
        rowsum.register(con)
        assert con.execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION
        assert rowsum.find_damaged(con) == []
        for table in rowsum.TABLES:
            sums = [r[0] for r in con.execute(f"SELECT row_sum FROM {table} ORDER BY id")]
            assert len(sums) == 2 and all(len(s) == 32 for s in sums)
        assert con.execute("SELECT previous_id FROM followup WHERE id = 2").fetchone()[0] == 1
    finally:
        con.close()


def test_the_last_checksum_fill_of_each_table_covers_all_its_columns() -> None:
    """A later step that adds a column must sum every row again over it (schema docstring)."""
    for table in rowsum.TABLES:
        fills = [
            statement
            for step in MIGRATIONS
            for statement in step.statements
            if statement.startswith(f"UPDATE {table} SET row_sum = ")
        ]
        assert fills and fills[-1] == f"UPDATE {table} SET row_sum = {rowsum.sum_sql(table)}"


def test_a_failing_checksum_step_leaves_the_file_at_version_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The column and the sums come together or not at all."""

    def broken(payload: bytes) -> str:
        raise ValueError("a failure half-way through the rows")

    monkeypatch.setattr(rowsum, "row_sum", broken)
    con = _start(3, tmp_path)
    try:
        with pytest.raises(sqlite3.Error):
            migrate(con)
        assert con.execute("PRAGMA user_version").fetchone()[0] == 3
        assert "row_sum" not in {r[1] for r in con.execute("PRAGMA table_info(note)")}
    finally:
        con.close()


def test_an_app_of_version_3_refuses_a_version_4_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app before checksums reads up to 3: it says to update rather than drop the sums."""
    shutil.copy(FIXTURES / "user_v3.sqlite", tmp_path / "user.sqlite")
    UserDB.open(tmp_path).close()
    before = (tmp_path / "user.sqlite").read_bytes()
    monkeypatch.setattr(userdb, "MIGRATIONS", MIGRATIONS[:3])
    monkeypatch.setattr(userdb, "USER_SCHEMA_VERSION", 3)
    with pytest.raises(
        UserDataError, match=r"newer version of BreastEdu \(data version 4, this app reads up to 3\)"
    ):
        UserDB.open(tmp_path)
    assert (tmp_path / "user.sqlite").read_bytes() == before
