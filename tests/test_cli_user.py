"""The notes, followups and data commands: exit 0 means saved, bad input is one line, exit 2."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from breastedu.cli import main
from breastedu.cli.context import CliContext
from breastedu.core.content.dto import SlugRef
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB

_REAL_CONTENT = CliContext.content
KNOWN = {
    "breast-calcifications": SlugRef(
        "topic", "breast-calcifications", "Breast calcifications", "breast-calcifications"
    ),
    "clustered-calcs-a1b2c3": SlugRef(
        "question", "clustered-calcs-a1b2c3", "Clustered calcifications", "breast-calcifications"
    ),
}


class _FakeContent:
    """Stands in for ContentService: the CLI only asks it what a slug names."""

    def lookup(self, slug: str) -> SlugRef | None:
        return KNOWN.get(slug)

    def close(self) -> None:
        """Nothing to release."""


@pytest.fixture(autouse=True)
def _content(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slug lookups answer from KNOWN, independent of any content DB."""
    monkeypatch.setattr(CliContext, "content", lambda self: _FakeContent())


def run(capsys: pytest.CaptureFixture[str], user_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run breastedu with --user-dir; return (status, stdout, stderr)."""
    code = main(["--user-dir", str(user_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(err: str, *words: str) -> None:
    assert "Traceback" not in err and err.count("\n") == 1
    for word in words:
        assert word in err


def test_notes_add_and_list(capsys: pytest.CaptureFixture[str], user_dir: Path) -> None:
    """A note on a question and a free note ('-') are saved and listed under their topic's
    title, as the window names it (newcomer m6: not the raw slug)."""
    assert run(capsys, user_dir, "notes", "add", "clustered-calcs-a1b2c3", "How often?")[0] == 0
    code, out, _ = run(capsys, user_dir, "notes", "add", "-", "Bring the CD", "--doctor")
    assert code == 0 and "saved note #2" in out
    code, out, _ = run(capsys, user_dir, "notes", "list")
    assert out.splitlines() == [
        "Breast calcifications",
        "  #1 (Clustered calcifications): How often?",
        "Free notes",
        "  #2 [ask doctor]: Bring the CD",
    ]
    notes = json.loads(run(capsys, user_dir, "notes", "list", "--json")[1])
    assert notes[0]["link"]["slug"] == "clustered-calcs-a1b2c3" and notes[1]["for_doctor"]
    assert json.loads(run(capsys, user_dir, "notes", "search", "cd", "--json")[1])[0]["id"] == 2


def test_an_unknown_slug_is_refused_and_nothing_saved(
    capsys: pytest.CaptureFixture[str], user_dir: Path
) -> None:
    """A typo in the slug: exit 2, one line naming SLUG, no note."""
    code, _, err = run(capsys, user_dir, "notes", "add", "no-such-slug", "text")
    assert code == 2
    _one_line_error(err, "SLUG", "no-such-slug")
    with UserDB.open(user_dir) as db:
        assert NotesService(db).count() == 0


def test_followups_add_list_done(capsys: pytest.CaptureFixture[str], user_dir: Path) -> None:
    """Add a repeating follow-up, mark it done back-dated, and the next one appears."""
    today = dt.date.today()
    due = today - dt.timedelta(days=3)
    code, out, _ = run(
        capsys,
        user_dir,
        "followups",
        "add",
        "Mammogram",
        "--due",
        due.isoformat(),
        "--every-months",
        "12",
        "--link",
        "breast-calcifications",
        "--note",
        "annual",
    )
    assert code == 0 and "(overdue)" in out
    code, out, _ = run(
        capsys, user_dir, "followups", "done", "1", "--on", (today - dt.timedelta(days=1)).isoformat()
    )
    assert code == 0 and "next: #2 Mammogram" in out
    items = json.loads(run(capsys, user_dir, "followups", "list", "--json")[1])
    assert [(i["id"], i["state"]) for i in items] == [(2, "upcoming"), (1, "done")]
    assert items[0]["repeat"] == {"basis": "due", "months": 12}
    assert items[0]["link"]["title"] == "Breast calcifications"


def test_from_done_repeat(capsys: pytest.CaptureFixture[str], user_dir: Path) -> None:
    """--from-done counts the months from the day it was done."""
    run(
        capsys,
        user_dir,
        "followups",
        "add",
        "Ultrasound",
        "--due",
        "2024-01-31",
        "--every-months",
        "1",
        "--from-done",
    )
    code, out, _ = run(capsys, user_dir, "followups", "done", "1", "--on", "2024-01-31")
    assert code == 0 and "due 2024-02-29" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["followups", "add", "M", "--due", "2026-02-30"], ["--due", "not a real calendar date"]),
        (["followups", "add", "M", "--due", "2026-03-01", "--every-months", "0"], ["--every-months"]),
        (["followups", "add", "x" * 100_000, "--due", "2026-03-01"], ["title", "100,000"]),
        (["followups", "add", "Mam\x07mo", "--due", "2026-03-01"], ["title", "control character"]),
        (["followups", "add", "M", "--due", "2026-03-01", "--from-done"], ["--from-done"]),
        (["followups", "add", "M", "--due", "2026-03-01", "--link", "nope"], ["--link", "nope"]),
        (["notes", "add", "-", "\x1b[2J"], ["text", "control character"]),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    capsys: pytest.CaptureFixture[str], user_dir: Path, args: list[str], words: list[str]
) -> None:
    """Impossible dates, zero repeats, huge titles, control characters: one line, nothing saved."""
    code, out, err = run(capsys, user_dir, *args)
    assert code == 2 and out == ""
    _one_line_error(err, *words)
    assert json.loads(run(capsys, user_dir, "followups", "list", "--json")[1]) == []
    assert json.loads(run(capsys, user_dir, "notes", "list", "--json")[1]) == []


def test_done_in_the_future_is_refused(capsys: pytest.CaptureFixture[str], user_dir: Path) -> None:
    """'done --on' a future date: exit 2, the follow-up stays open."""
    run(capsys, user_dir, "followups", "add", "M", "--due", "2026-03-01")
    future = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    code, _, err = run(capsys, user_dir, "followups", "done", "1", "--on", future)
    assert code == 2
    _one_line_error(err, "done on", "future")
    assert json.loads(run(capsys, user_dir, "followups", "list", "--json")[1])[0]["done_on"] is None


def test_export_ics(capsys: pytest.CaptureFixture[str], user_dir: Path, tmp_path: Path) -> None:
    """export-ics writes a calendar with one event per follow-up."""
    run(capsys, user_dir, "followups", "add", "M", "--due", "2030-03-01")
    code, _, _ = run(capsys, user_dir, "followups", "export-ics", str(tmp_path / "f.ics"))
    assert code == 0
    assert len(Calendar.from_ical((tmp_path / "f.ics").read_bytes()).walk("VEVENT")) == 1


def test_data_export_erase_import(capsys: pytest.CaptureFixture[str], user_dir: Path, tmp_path: Path) -> None:
    """Export, erase (only with --yes) and import back restores every note."""
    run(capsys, user_dir, "notes", "add", "-", "keep me")
    assert run(capsys, user_dir, "data", "export", str(tmp_path / "d.json"))[0] == 0
    code, _, err = run(capsys, user_dir, "data", "erase")
    assert code == 2 and "--yes" in err
    assert "keep me" in run(capsys, user_dir, "notes", "list")[1]
    assert run(capsys, user_dir, "data", "erase", "--yes")[0] == 0
    assert run(capsys, user_dir, "notes", "list")[1] == "no notes yet\n"
    code, out, _ = run(capsys, user_dir, "data", "import", str(tmp_path / "d.json"))
    assert code == 0 and "1 note(s) added" in out
    assert "keep me" in run(capsys, user_dir, "notes", "list")[1]
    code, _, err = run(capsys, user_dir, "data", "import", str(tmp_path / "missing.json"))
    assert code == 2
    _one_line_error(err, "missing.json")


@pytest.mark.parametrize(
    "args",
    [
        ["notes", "list"],
        ["notes", "add", "-", "x"],
        ["followups", "list"],
        ["data", "erase", "--yes"],
        ["data", "export", "OUT/mine.json"],
        ["visit-sheet", "--out", "OUT/visit.pdf"],
    ],
)
def test_kiosk_mode_never_creates_or_writes_a_user_db(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    """In kiosk mode every command that opens her notebook refuses in one line and creates nothing
    (the visit sheet included: it prints her follow-ups and questions)."""
    folder = tmp_path / "kiosk-user"
    out = tmp_path / "out"
    out.mkdir()
    code = main(["--kiosk", "--user-dir", str(folder), *(a.replace("OUT", str(out)) for a in args)])
    err = capsys.readouterr().err
    assert code == 2 and "kiosk mode keeps no personal data" in err
    _one_line_error(err)
    assert not folder.exists()
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("form", ["relative", "env", "tilde"])
def test_a_relative_or_tilde_user_folder_works_in_every_command(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    form: str,
) -> None:
    """--user-dir notes, BREASTEDU_USER_DIR=notes and a quoted "~/notes" all name one folder,
    made absolute where it enters: a note saved there is listed from another current folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    start = tmp_path / "home" if form == "tilde" else tmp_path / "stick"
    start.mkdir(exist_ok=True)
    monkeypatch.chdir(start)
    options = {"relative": ["--user-dir", "notes"], "env": [], "tilde": ["--user-dir", "~/notes"]}[form]
    if form == "env":
        monkeypatch.setenv("BREASTEDU_USER_DIR", "notes")
    for _ in range(2):  # the first run creates the folder, the second reads what it saved
        assert main([*options, "notes", "add", "-", "on the stick"]) == 0, capsys.readouterr().err
    assert (start / "notes" / "user.sqlite").is_file()
    monkeypatch.chdir(tmp_path)
    code = main(["--user-dir", str(start / "notes"), "notes", "list"])
    out, err = capsys.readouterr()
    assert code == 0 and out.count("on the stick") == 2, err


def test_the_cli_works_while_the_app_has_the_notebook_open(
    capsys: pytest.CaptureFixture[str], user_dir: Path
) -> None:
    """With another copy holding the user DB open, CLI saves still succeed."""
    with UserDB.open(user_dir) as app_db:
        NotesService(app_db).save("from the app")
        code, _, _ = run(capsys, user_dir, "notes", "add", "-", "from the CLI")
        assert code == 0
        assert [n.text for n in NotesService(app_db).list()] == ["from the app", "from the CLI"]


def test_slugs_are_checked_against_the_real_content_db(
    capsys: pytest.CaptureFixture[str],
    user_dir: Path,
    library_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the real ContentService, a note on the real question is listed under its topic."""
    from tests.conftest import REAL_SLUG

    monkeypatch.setattr(CliContext, "content", _REAL_CONTENT)
    base = ["--content-db", str(library_db)]
    assert run(capsys, user_dir, *base, "notes", "add", REAL_SLUG, "Ask about this")[0] == 0
    note = json.loads(run(capsys, user_dir, *base, "notes", "list", "--json")[1])[0]
    assert note["link"]["kind"] == "question" and note["link"]["topic_slug"]
    assert run(capsys, user_dir, *base, "notes", "add", "not-a-real-slug", "x")[0] == 2


def test_a_file_locked_by_another_program_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection holds BEGIN EXCLUSIVE: the CLI says so in one line, exit 2."""
    import sqlite3

    from breastedu.core.notebook import userdb

    assert run(capsys, user_dir, "notes", "add", "-", "first")[0] == 0
    monkeypatch.setattr(userdb, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(user_dir / "user.sqlite", isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        code, _, err = run(capsys, user_dir, "notes", "add", "-", "second")
    finally:
        other.close()
    assert code == 2
    _one_line_error(err, "database is locked")


@pytest.mark.parametrize("command", [["notes", "add"], ["show"]])
def test_a_slug_that_is_not_utf8_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], user_dir: Path, command: list[str]
) -> None:
    """argv bytes that are not UTF-8 (kept by Python as lone surrogates): one line, exit 2."""
    slug = b"calc\xff\xfe".decode("utf-8", "surrogateescape")
    args = [*command, slug] + (["text"] if command[0] == "notes" else [])
    code, _, err = run(capsys, user_dir, *args)
    assert code == 2
    _one_line_error(err, "SLUG", "not valid UTF-8")
    assert not (user_dir / "user.sqlite").exists()


def test_a_note_with_bytes_that_are_not_utf8_still_lists_and_exports(
    capsys: pytest.CaptureFixture[str], user_dir: Path, tmp_path: Path
) -> None:
    import sqlite3

    assert run(capsys, user_dir, "notes", "add", "-", "readable")[0] == 0
    assert run(capsys, user_dir, "notes", "add", "-", "to be damaged")[0] == 0
    con = sqlite3.connect(user_dir / "user.sqlite")
    con.execute("UPDATE note SET text = CAST(X'4869FFFE21' AS TEXT) WHERE id = 2")
    con.commit()
    con.close()
    code, out, err = run(capsys, user_dir, "notes", "list")
    assert code == 0 and "readable" in out and "Hi\ufffd\ufffd!" in out, err
    code, out, err = run(capsys, user_dir, "data", "export", str(tmp_path / "out.json"))
    assert code == 0, err
    assert "Saved 2 note(s)" in out and "1 of them had damaged characters" in out
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [n["text"] for n in document["notes"]] == ["readable", "Hi\ufffd\ufffd!"]


def test_an_unwritable_user_folder_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, blocker / "user", "notes", "list")
    assert code == 2
    _one_line_error(err, "cannot use the folder")


def test_a_zero_byte_notes_file_is_restored_with_a_notice(
    capsys: pytest.CaptureFixture[str], user_dir: Path
) -> None:
    """The file was emptied (0 bytes): her notes come back from the backup and she is told."""
    assert run(capsys, user_dir, "notes", "add", "-", "Ask about the biopsy")[0] == 0
    assert run(capsys, user_dir, "notes", "list")[0] == 0  # this start backs it up
    for side in ("-wal", "-shm"):
        (user_dir / f"user.sqlite{side}").unlink(missing_ok=True)
    (user_dir / "user.sqlite").write_bytes(b"")
    code, out, err = run(capsys, user_dir, "notes", "list")
    assert code == 0 and "Ask about the biopsy" in out
    assert "restored from the automatic backup" in err and err.count("\n") == 1
    for number in range(6):
        assert run(capsys, user_dir, "notes", "add", "-", f"start {number}")[0] == 0
    assert "Ask about the biopsy" in run(capsys, user_dir, "notes", "list")[1]


@pytest.mark.parametrize(
    ("error", "words"),
    [
        ("database is locked", "database is locked"),
        ("database or disk is full", "disk is full"),
        ("disk I/O error", "disk I/O error"),
        ("attempt to write a readonly database", "read-only"),
    ],
)
def test_storage_failures_while_saving_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    user_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: str,
    words: str,
) -> None:
    import sqlite3

    def fail(self: NotesService, *args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr(NotesService, "save", fail)
    code, _, err = run(capsys, user_dir, "notes", "add", "-", "text")
    assert code == 2
    _one_line_error(err, words)
