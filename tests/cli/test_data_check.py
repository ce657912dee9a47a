"""``breastedu data check``: every row of her data against its checksum, exit 2 on damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from breastedu.cli import main
from breastedu.core.notebook.userdb import backup_date, list_backups


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _change_behind_its_back(user_dir: Path, note_id: int, text: str) -> None:
    """What the review's D15 corruption does: other valid UTF-8, quick_check still passes."""
    con = sqlite3.connect(user_dir / "user.sqlite", isolation_level=None)
    try:
        con.execute("UPDATE note SET text = ? WHERE id = ?", (text, note_id))
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        con.close()


def test_a_clean_notebook_passes(capsys: pytest.CaptureFixture[str], user_dir: Path) -> None:
    assert run(capsys, "--user-dir", str(user_dir), "notes", "add", "-", "Bring the CD")[0] == 0
    code, out, err = run(capsys, "--user-dir", str(user_dir), "data", "check")
    assert code == 0 and err == ""
    assert (
        out.strip() == "No damage found: every note, follow-up and print-basket sheet matches its checksum."
    )


def test_damage_is_reported_by_kind_and_id_and_put_back(
    capsys: pytest.CaptureFixture[str], user_dir: Path
) -> None:
    """The note the backup holds is put back (reported once, exit 2); the one it does not hold
    is kept as found and reported at every run until she corrects it."""
    folder = str(user_dir)
    assert run(capsys, "--user-dir", folder, "notes", "add", "-", "Biopsy on Tuesday")[0] == 0
    assert run(capsys, "--user-dir", folder, "notes", "add", "-", "Call the clinic")[0] == 0  # backs up both
    assert run(capsys, "--user-dir", folder, "notes", "add", "-", "Ask about tamoxifen")[0] == 0
    _change_behind_its_back(user_dir, 1, "Biopsy on Thursday")
    _change_behind_its_back(user_dir, 3, "Ask about tamoxifem")
    when = backup_date(list_backups(user_dir)[-1])
    code, out, err = run(capsys, "--user-dir", folder, "data", "check")
    assert code == 2
    assert "Damage on disk had changed 2 notes in your notes file: " in err
    lines = out.splitlines()
    assert lines[:2] == [
        f'note 1 ("Biopsy on Tuesday"): changed by damage on disk; '
        f"put back from the automatic backup of {when}",
        'note 3 ("Ask about tamoxifem"): changed by damage on disk; no backup holds a good copy; '
        "kept as found (check it and correct it)",
    ]
    (saved,) = user_dir.glob("user.sqlite.damaged-*.txt")
    assert lines[2] == f"The damaged versions are saved in {saved}"
    assert "Biopsy on Thursday" in saved.read_text("utf-8")
    assert "Biopsy on Tuesday" in run(capsys, "--user-dir", folder, "notes", "list")[1]
    code, out, _ = run(capsys, "--user-dir", folder, "data", "check")
    assert code == 2
    assert out.splitlines()[0].startswith(
        'note 3 ("Ask about tamoxifem"): changed by damage on disk; no backup'
    )
    assert len(out.splitlines()) == 2


def test_erase_removes_the_saved_damaged_copies(capsys: pytest.CaptureFixture[str], user_dir: Path) -> None:
    """The damaged versions are her words too: "delete all my data" deletes them."""
    folder = str(user_dir)
    assert run(capsys, "--user-dir", folder, "notes", "add", "-", "private words")[0] == 0
    _change_behind_its_back(user_dir, 1, "private wordz")
    assert run(capsys, "--user-dir", folder, "data", "check")[0] == 2
    assert list(user_dir.glob("user.sqlite.damaged-*.txt"))
    assert run(capsys, "--user-dir", folder, "data", "erase", "--yes")[0] == 0
    assert not list(user_dir.glob("user.sqlite.damaged-*.txt"))


def test_kiosk_mode_refuses_before_creating_anything(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "kiosk-user"
    code, _, err = run(capsys, "--kiosk", "--user-dir", str(folder), "data", "check")
    assert code == 2 and "kiosk mode keeps no personal data" in err
    assert not folder.exists()
