"""Her folder and its links: checked before use, private on every install, never followed
where following would hurt, and readable even when it cannot be written (December review)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from breastedu.core.errors import ReadOnlyError, UserDataError, UserFolderError
from breastedu.core.notebook.schema import USER_SCHEMA_VERSION
from breastedu.core.notebook.service import Notebook
from breastedu.core.notebook.userdb import UserDB, list_backups

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and links")

#: Capabilities that let root ignore file modes; dropped so modes apply as to her.
_DAC_CAPS = "-dac_override,-dac_read_search,-fowner,-chown"
REPO = Path(__file__).resolve().parents[2]


def _notebook_with(user_dir: Path, *texts: str) -> None:
    with Notebook.open(user_dir) as book:
        for text in texts:
            book.notes.save(text)
    Notebook.open(user_dir).close()  # the next start backs them up


def _breastedu(user_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the real CLI as a person whose file modes apply (root drops its override rights)."""
    command = [sys.executable, "-m", "breastedu", "--user-dir", str(user_dir), *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv to drop root's rights over file modes")
        command = ["setpriv", "--bounding-set", _DAC_CAPS, "--", *command]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(command, capture_output=True, text=True, env=env, input=stdin, timeout=120)


# --- D9, D3: a folder others can change, or hers no longer, is refused with how to fix it ----------


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722, 0o703])
def test_a_folder_other_users_can_change_is_refused_with_the_fix(user_dir: Path, mode: int) -> None:
    """As ssh refuses a group-writable home: another user could plant user.sqlite -> their file."""
    _notebook_with(user_dir, "private")
    if mode & 0o020:
        if os.geteuid() != 0:
            pytest.skip("giving the folder to a shared group needs root")
        os.chown(user_dir, -1, 4243)  # a group that is not hers alone
    os.chmod(user_dir, mode)
    with pytest.raises(UserFolderError, match=r"other users .* can change .*chmod 700"):
        Notebook.open(user_dir)
    assert stat.S_IMODE(user_dir.stat().st_mode) == mode  # refused, not silently changed


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another account needs root")
def test_a_folder_of_another_account_is_refused_naming_it(user_dir: Path) -> None:
    _notebook_with(user_dir, "private")
    os.chown(user_dir, 4243, 4243)
    with pytest.raises(UserFolderError, match="belongs to another user account") as caught:
        Notebook.open(user_dir)
    assert str(user_dir) in str(caught.value)


def test_a_folder_she_cannot_read_is_one_clear_error(user_dir: Path) -> None:
    _notebook_with(user_dir, "private")
    os.chmod(user_dir, 0o000)
    try:
        result = _breastedu(user_dir, "notes", "list")
    finally:
        os.chmod(user_dir, 0o700)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "permission denied" in result.stderr
    assert str(user_dir) in result.stderr and "Traceback" not in result.stderr


# --- D8: an existing install is tightened, and told so once -------------------------------------


def test_an_old_install_is_made_private_on_open_and_told_once(user_dir: Path) -> None:
    _notebook_with(user_dir, "private")
    (user_dir / "settings.ini").write_text("[view]\n")
    os.chmod(user_dir, 0o755)
    os.chmod(user_dir / "backups", 0o755)
    for path in [user_dir / "user.sqlite", user_dir / "settings.ini", *list_backups(user_dir)]:
        os.chmod(path, 0o644)
    outside = user_dir.parent / "shared.txt"
    outside.write_text("not hers to change")
    os.chmod(outside, 0o644)
    (user_dir / "link-to-shared").symlink_to(outside)
    with Notebook.open(user_dir) as book:
        assert book.notice is not None and "now private" in book.notice
    files = [p for p in user_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: 0o600 for p in files}
    assert stat.S_IMODE(user_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((user_dir / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644  # a link is never followed
    with Notebook.open(user_dir) as book:
        assert book.notice is None  # said once


def test_a_folder_writable_by_her_own_group_only_is_tightened_not_refused(user_dir: Path) -> None:
    """umask 002 with user-private groups made 0775 folders: only she is in that group."""
    import grp
    import pwd

    me = pwd.getpwuid(os.geteuid())
    if set(grp.getgrgid(me.pw_gid).gr_mem) - {me.pw_name}:
        pytest.skip("her primary group has other members here")
    _notebook_with(user_dir, "private")
    os.chown(user_dir, -1, me.pw_gid)
    os.chmod(user_dir, 0o775)
    with Notebook.open(user_dir) as book:
        assert [n.text for n in book.notes.list()] == ["private"]
        assert book.notice is not None and "now private" in book.notice
    assert stat.S_IMODE(user_dir.stat().st_mode) == 0o700


def test_settings_ini_is_private_from_the_first_start(tmp_path: Path) -> None:
    user_dir = tmp_path / "new"
    old = os.umask(0o022)
    try:
        Notebook.open(user_dir).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((user_dir / "settings.ini").stat().st_mode) == 0o600
    qt = pytest.importorskip("PySide6.QtCore")  # the window's QSettings keeps the file's mode
    settings = qt.QSettings(str(user_dir / "settings.ini"), qt.QSettings.Format.IniFormat)
    settings.setValue("view/zoom", 3)
    settings.sync()
    assert stat.S_IMODE((user_dir / "settings.ini").stat().st_mode) == 0o600


# --- D4: a link that leads nowhere is an error naming it, never a new empty notebook --------------


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_user_sqlite_link_that_leads_nowhere_is_an_error_naming_it(
    user_dir: Path, tmp_path: Path, kind: str
) -> None:
    db = user_dir / "user.sqlite"
    if kind == "dangling":
        db.symlink_to(tmp_path / "usb-stick-not-mounted" / "user.sqlite")
    else:
        db.symlink_to(db)
    with pytest.raises(UserDataError, match="link") as caught:
        UserDB.open(user_dir)
    assert str(db) in str(caught.value)
    assert db.is_symlink()  # the way back to her notes is kept
    assert sorted(p.name for p in user_dir.iterdir() if p.name.startswith("user.sqlite")) == ["user.sqlite"]


def test_the_link_works_again_when_the_drive_is_back(user_dir: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    _notebook_with(stick, "on the stick")
    (user_dir / "user.sqlite").symlink_to(stick / "user.sqlite")
    away = tmp_path / "away"
    stick.rename(away)
    with pytest.raises(UserDataError):
        UserDB.open(user_dir)
    away.rename(stick)
    with Notebook.open(user_dir) as book:
        assert [n.text for n in book.notes.list()] == ["on the stick"]


# --- D5: erase removes her files only; backups never go through a link --------------------------


def test_erase_never_deletes_what_a_backups_link_points_to(user_dir: Path, tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    for name in ("letter1.pdf", "letter2.pdf", "user-notmine.sqlite"):
        (documents / name).write_text("hers, not the app's")
    _notebook_with(user_dir, "private")
    shutil.rmtree(user_dir / "backups")
    (user_dir / "backups").symlink_to(documents, target_is_directory=True)
    with Notebook.open(user_dir) as book:
        assert book.notice is not None and "link" in book.notice  # no backup written through it
        result = book.data.erase(confirmed=True)
    assert sorted(p.name for p in documents.iterdir()) == [
        "letter1.pdf",
        "letter2.pdf",
        "user-notmine.sqlite",
    ]
    assert not (user_dir / "backups").exists() and "backups" in result.files


def test_erase_removes_only_backups_it_made(user_dir: Path) -> None:
    _notebook_with(user_dir, "private")
    (user_dir / "backups" / "holiday.jpg").write_text("not a backup")
    with Notebook.open(user_dir) as book:
        book.data.erase(confirmed=True)
    assert [p.name for p in (user_dir / "backups").iterdir()] == ["holiday.jpg"]


# --- D11: a read-only folder opens read-only: read and export, saving is off ------------------------


def test_a_read_only_folder_still_lists_and_exports_her_notes(user_dir: Path, tmp_path: Path) -> None:
    _notebook_with(user_dir, "first", "second")
    for path in user_dir.rglob("*"):
        if path.is_file():
            os.chmod(path, 0o400)
    os.chmod(user_dir / "backups", 0o500)
    os.chmod(user_dir, 0o500)
    out = tmp_path / "export"
    out.mkdir()
    try:
        listed = _breastedu(user_dir, "notes", "list")
        exported = _breastedu(user_dir, "data", "export", str(out / "mine.json"))
        refused = _breastedu(user_dir, "notes", "add", "-", "third")
        before = sorted(p.name for p in user_dir.iterdir())
    finally:
        os.chmod(user_dir, 0o700)
    assert listed.returncode == 0, listed.stderr
    assert "first" in listed.stdout and "second" in listed.stdout
    assert "saving is off" in listed.stderr
    assert exported.returncode == 0 and "Saved 2 note(s)" in exported.stdout, exported.stderr
    assert refused.returncode == 2 and "saving is off" in refused.stderr
    assert refused.stderr.splitlines()[-1].startswith("breastedu:") and "Traceback" not in refused.stderr
    assert before == sorted(p.name for p in user_dir.iterdir())


def test_a_read_only_notebook_refuses_writes_with_a_plain_error(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process, the same fallback: the lock file cannot be made, so it opens read-only."""
    import errno

    from breastedu.core.notebook import userdb

    _notebook_with(user_dir, "first")

    def refuse(path: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(userdb._ProcessLock, "__init__", lambda self, path: refuse(path))
    with UserDB.open(user_dir) as db:
        book = Notebook(db)
        assert book.read_only is not None and [n.text for n in book.notes.list()] == ["first"]
        with pytest.raises(ReadOnlyError, match="saving is off"):
            book.notes.save("second")
    monkeypatch.undo()
    with Notebook.open(user_dir) as book:
        assert [n.text for n in book.notes.list()] == ["first"]


# --- D10: a full disk tells the truth, and she can still read ----------------------------------------


def _in_full_disk(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) with $DISK a nearly full 512 KB tmpfs, in a private mount namespace."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare for a small private tmpfs")
    disk = tmp_path / "disk"
    disk.mkdir()
    fill = "dd if=/dev/zero of=$DISK/filler bs=1k 2>/dev/null; sync"
    body = f"mount -t tmpfs -o size=512k tmpfs $DISK || exit 99; {script.replace('FILL', fill)}"
    env = {**os.environ, "DISK": str(disk), "PY": sys.executable, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", body], capture_output=True, text=True, env=env, timeout=240
    )
    if result.returncode == 99:
        pytest.skip("cannot mount a tmpfs here")
    return result


def test_with_a_full_disk_she_still_reads_her_notes_and_is_told_the_disk_is_full(
    user_dir: Path, tmp_path: Path
) -> None:
    _notebook_with(user_dir, "read me on a full disk")
    result = _in_full_disk(
        tmp_path,
        f"cp -a '{user_dir}' $DISK/u && FILL && $PY -m breastedu --user-dir $DISK/u notes list; "
        f"echo rc=$?; $PY -m breastedu --user-dir $DISK/u notes add - more; echo rc=$?",
    )
    assert "read me on a full disk" in result.stdout, result.stderr
    assert result.stdout.count("rc=0") == 1 and "rc=2" in result.stdout, result.stdout
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    assert "disk I/O error" not in result.stderr


def test_an_upgrade_or_new_notebook_on_a_full_disk_says_so_and_changes_nothing(tmp_path: Path) -> None:
    fixture = REPO / "tests" / "core" / "fixtures" / "user_v1.sqlite"
    result = _in_full_disk(
        tmp_path,
        f"mkdir -m 700 $DISK/old $DISK/new && cp '{fixture}' $DISK/old/user.sqlite && FILL; "
        "$PY -m breastedu --user-dir $DISK/old notes list; echo rc=$?; "
        "$PY -c \"import sqlite3,os; print('version', sqlite3.connect(os.environ['DISK']+'/old/user.sqlite')"
        ".execute('pragma user_version').fetchone()[0])\"; "
        "$PY -m breastedu --user-dir $DISK/new notes list; echo rc=$?; ls $DISK/new",
    )
    assert "rc=0" in result.stdout and "rc=2" in result.stdout, (result.stdout, result.stderr)
    assert "version 1" in result.stdout  # the upgrade changed nothing on disk
    assert "cannot rollback" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("disk is full") >= 2, result.stderr
    assert "user.sqlite" not in result.stdout.split("rc=2")[-1]  # no half-made notebook


# --- D12: an impossible version number is damage, repaired from the backup --------------------------


def test_a_corrupt_version_number_is_repaired_not_called_newer(user_dir: Path) -> None:
    _notebook_with(user_dir, "kept")
    con = sqlite3.connect(user_dir / "user.sqlite")
    con.execute("PRAGMA user_version = 67108867")
    con.close()
    with Notebook.open(user_dir) as book:
        assert book.notice is not None and "restored" in book.notice
        assert "newer version" not in book.notice
        assert [n.text for n in book.notes.list()] == ["kept"]


def test_a_real_newer_version_is_still_called_newer(user_dir: Path) -> None:
    _notebook_with(user_dir, "kept")
    con = sqlite3.connect(user_dir / "user.sqlite")
    con.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(UserDataError, match="newer version"):
        UserDB.open(user_dir)


def test_the_window_settings_file_is_looked_up_without_raising(user_dir: Path, tmp_path: Path) -> None:
    from breastedu.core.notebook.folder import usable_settings_file

    Notebook.open(user_dir).close()
    assert usable_settings_file(user_dir) == user_dir / "settings.ini"
    assert usable_settings_file(tmp_path / "missing") is None
    os.chmod(user_dir, 0o777)
    assert usable_settings_file(user_dir) is None  # a folder that is refused
    os.chmod(user_dir, 0o700)


def _sqlite_error(code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("from the disk")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "cannot_write", "full"),
    [
        (_sqlite_error(8), True, False),  # SQLITE_READONLY
        (_sqlite_error(13), True, True),  # SQLITE_FULL
        (_sqlite_error(14 | (1 << 8)), True, False),  # an extended CANTOPEN code
        (_sqlite_error(5), False, False),  # locked: waiting helps, read-only does not
        (_sqlite_error(11), False, False),  # corrupt: repair, not read-only
        (PermissionError(13, "Permission denied"), True, False),
        (OSError(28, "No space left on device"), True, True),
        (OSError(122, "Disk quota exceeded"), True, True),
        (FileNotFoundError(2, "No such file"), False, False),
    ],
)
def test_which_failures_open_her_notes_read_only(
    tmp_path: Path, error: BaseException, cannot_write: bool, full: bool
) -> None:
    from sqlalchemy.exc import OperationalError

    from breastedu.core.notebook import userdb

    wrapped = OperationalError("statement", {}, error)  # as SQLAlchemy hands it on
    for exc in (error, wrapped):
        assert userdb._cannot_write(exc) is cannot_write
        if cannot_write:  # a folder with room on its disk: only the error itself says "full"
            assert userdb._disk_full(exc, tmp_path) is full


@pytest.mark.parametrize(
    ("failure", "says"),
    [
        (PermissionError(13, "Permission denied"), "cannot be written to"),
        (OSError(28, "No space"), "disk is full"),
    ],
)
def test_a_read_only_notebook_is_a_snapshot_and_says_why(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch, failure: OSError, says: str
) -> None:
    """Opened read-only, she reads a copy in memory: nothing is written to (or through) the file,
    and the notice and ``read_only`` say why saving is off."""
    from breastedu.core.notebook import userdb

    _notebook_with(user_dir, "first")

    def refuse(self: object, path: Path) -> None:
        raise failure

    monkeypatch.setattr(userdb._ProcessLock, "__init__", refuse)
    with Notebook.open(user_dir) as book:
        con = sqlite3.connect(user_dir / "user.sqlite")
        con.execute("UPDATE note SET text = 'changed by another program'")
        con.commit()
        con.close()
        assert [n.text for n in book.notes.list()] == ["first"]  # the copy, not the file
        assert book.notice is not None and says in book.notice and "saving is off" in book.notice
        assert book.read_only is not None and ("disk is full" in book.read_only) == (says == "disk is full")
        with pytest.raises(ReadOnlyError):
            book.data.erase(confirmed=True)
