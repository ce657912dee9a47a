"""Open the user DB (``<user_dir>/user.sqlite``): safely, repairably, one writer at a time.

What opening does, in order:

1. Take the process lock (below). Only the copy that gets it exclusively does step 2-5.
2. Check the file (``PRAGMA quick_check``). A corrupt or unreadable file is *moved aside*
   (renamed with its ``-wal``/``-shm``, never deleted), the newest good backup is restored,
   and :attr:`UserDB.notice` holds one plain sentence for the UI to show. Then every row's
   checksum (:mod:`~breastedu.core.notebook.rowsum`): a row changed on disk is saved as found
   into ``user.sqlite.damaged-<stamp>.txt`` and its good copy put back from the newest backup
   that has one (kept as found, and named in the notice, when none has); nothing is deleted.
3. Back up the file with SQLite's online backup API into ``<user_dir>/backups/``
   (``user-<UTC timestamp>.sqlite``, the newest :data:`KEEP_BACKUPS` kept; a backup equal to
   the newest one is not kept twice).
4. Migrate: :data:`~breastedu.core.notebook.schema.MIGRATIONS` in order, each step and its
   ``PRAGMA user_version`` bump in one transaction. A file newer than the app is refused.
5. Every connection: WAL, ``synchronous=FULL`` (a commit that returned is on disk, even after
   a power cut), ``foreign_keys=ON``, ``busy_timeout``. Writes use ``BEGIN IMMEDIATE`` so two
   writers queue on the busy timeout instead of failing half-way.

Two running copies (the app twice, or the app and the CLI):
    Both may run. Edits are protected by *optimistic concurrency*: every note and follow-up
    carries a ``revision``; an update names the revision it was based on and fails with
    :class:`ConflictError` if the row changed in the meantime, so one copy can never silently
    overwrite the other's edits, and the CLI keeps working while the app is open. What must not
    happen under a running copy is repair, restore or migration of the file it has open, so
    every open holds a *shared* lock on ``<user_dir>/user.lock`` for its lifetime (``flock`` on
    POSIX, ``LockFileEx`` on Windows; the OS drops it when a process dies, even by kill -9)
    and steps 2-4 run only while holding it *exclusively*. A second copy that finds the file
    needing repair or an upgrade says so in a clear :class:`UserDataError` instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import filecmp
import os
import shutil
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from breastedu.core.catalogue import Said, said_together
from breastedu.core.errors import (
    InputError,
    ReadOnlyError,
    UserDataError,
    cannot_be_used,
    os_reason,
    storage_error,
)
from breastedu.core.files import atomic_path, fsync_dir, remove_temporary, write_atomic
from breastedu.core.notebook import rowsum
from breastedu.core.notebook.dto import RowCheck
from breastedu.core.notebook.folder import cannot_use_folder, check_folder, ensure_settings_file, make_private
from breastedu.core.notebook.schema import (
    MIGRATIONS,
    ROW_SUMS_SINCE,
    USER_SCHEMA_VERSION,
    DamagedValue,
    UserBase,
)
from breastedu.core.notebook.sqltx import immediate

DB_NAME = "user.sqlite"
LOCK_NAME = "user.lock"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 5
BUSY_TIMEOUT_MS = 10_000
#: How long a copy waits for another copy that is busy repairing or upgrading the file.
LOCK_WAIT_S = 15.0
#: Free space a start-up backup must leave on the disk, so it never takes her next save's room.
SPARE_BYTES = 64 * 1024 * 1024

_SIDE_FILES = ("-wal", "-shm", "-journal")
# Error codes meaning "this is not (or no longer) a readable database", as opposed to
# locked, read-only or disk-full, which moving the file aside would not fix.
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
# Failures that mean "this file or folder cannot be written now" (read-only, no rights, a full
# disk): her notes can still be read, so opening falls back to a read-only copy.
_NO_WRITE_SQLITE = {8, 10, 13, 14}  # READONLY, IOERR, FULL, CANTOPEN
_NO_WRITE_ERRNO = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}
_FULL_ERRNO = {errno.ENOSPC, errno.EDQUOT}
#: Below this much free space a failure to write is put down to the full disk.
NEARLY_FULL_BYTES = 1024 * 1024
#: A ``user_version`` above this is a damaged header, not a file from a newer app: releases
#: add one step at a time, and this leaves room for a thousand of them.
MAX_PLAUSIBLE_VERSION = 1000

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current time in UTC (the default clock)."""
    return dt.datetime.now(dt.UTC)


def fold(value: str | bytes | None) -> str | None:
    """Text as compared by search: NFKC-normalised and case-folded ("Straße" ~ "STRASSE").

    SQL passes it the column as a BLOB (``CAST(... AS BLOB)``): text that is not valid UTF-8
    (a damaged row) is folded with U+FFFD in place of the bad bytes instead of failing the
    whole search.
    """
    if value is None:
        return None
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return unicodedata.normalize("NFKC", text).casefold()


class _ProcessLock:
    """A shared/exclusive lock on one file, released by the OS when the process dies.

    portalocker does the locking (``flock`` on POSIX, ``LockFileEx`` on Windows).
    """

    def __init__(self, path: Path) -> None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        self._file: IO[bytes] | None = os.fdopen(fd, "rb+", buffering=0)

    def try_lock(self, *, exclusive: bool) -> bool:
        """Take (or convert to) the lock without waiting; True when held."""
        assert self._file is not None, "the lock was closed"
        # Imported here, not at the top: portalocker calls tempfile.gettempdir() on import,
        # which writes a probe file into the temp folder; kiosk mode must write nothing.
        import portalocker

        kind = portalocker.LockFlags.EXCLUSIVE if exclusive else portalocker.LockFlags.SHARED
        try:
            portalocker.lock(self._file, kind | portalocker.LockFlags.NON_BLOCKING)
        except portalocker.exceptions.AlreadyLocked:
            return False
        return True

    def lock_shared(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a shared lock."""
        deadline = time.monotonic() + timeout
        while not self.try_lock(exclusive=False):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)  # another copy is repairing or upgrading: it takes a moment
        return True

    def close(self) -> None:
        """Release the lock."""
        if self._file is not None:
            self._file.close()  # closing the descriptor releases the lock
            self._file = None


@dataclass(frozen=True)
class _Probe:
    exists: bool
    version: int
    problem: str | None  # None: readable and passes the check


def _check_lines(con: sqlite3.Connection, pragma: str) -> list[str]:
    """The rows of ``PRAGMA quick_check`` / ``integrity_check``, read as bytes.

    Its messages quote bytes from the damaged file, which need not be UTF-8: decoding them
    strictly would turn a repairable file into a crash at every start.
    """
    con.text_factory = bytes
    try:
        rows = con.execute(f"PRAGMA {pragma}").fetchall()
    finally:
        con.text_factory = str
    return [_as_text(row[0]) for row in rows]


def _as_text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _probe(path: Path, *, full: bool = False) -> _Probe:
    """Look at the file without changing it; raise sqlite3.Error if it cannot be looked at.

    A file that exists but holds no notebook (0 bytes, or never finished being created) is a
    problem like a corrupt one: treating it as a new, empty notebook would hide her notes and
    let backup rotation remove the last copies of them. ``full`` runs ``integrity_check``
    instead of ``quick_check`` (cheap at notebook size; it also checks the indexes' contents).
    """
    if not path.exists():
        return _Probe(False, 0, None)
    try:
        con = sqlite3.connect(path.as_uri() + "?mode=rw", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            check = _check_lines(con, "integrity_check" if full else "quick_check")
            tables = {
                _as_text(row[0])
                for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            schema = _schema_problem(con) if version == USER_SCHEMA_VERSION and check == ["ok"] else None
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeError) as exc:
        # SQLITE_ERROR here (not locked, read-only or full) means the schema itself cannot be
        # read: "unsupported file format", a damaged CREATE statement.
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(exc, UnicodeError) or code in _CORRUPT_CODES or code == sqlite3.SQLITE_ERROR:
            return _Probe(True, 0, str(exc))
        raise  # locked, read-only, disk full: the caller decides (opening may fall back to read-only)
    if check != ["ok"]:
        return _Probe(True, version, "; ".join(check[:3]))
    if not 0 <= version <= MAX_PLAUSIBLE_VERSION:
        return _Probe(True, 0, f"the file's data version number ({version}) is damaged")
    if version == 0:
        return _Probe(True, 0, "the file holds no notebook (it is empty)")
    if not {"note", "followup"} <= tables:
        return _Probe(True, version, "the notes tables are missing")
    if schema is not None:
        return _Probe(True, version, schema)
    return _Probe(True, version, None)


def _schema_problem(con: sqlite3.Connection) -> str | None:
    """Why the tables cannot be read or written as this app's version declares them, or None.

    A flipped byte in a CREATE statement passes ``quick_check`` yet makes every list fail
    ("no such column"); compiling (never running) a read and a write of every column finds it.
    """
    for table in UserBase.metadata.sorted_tables:
        columns = ", ".join(column.name for column in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        try:
            con.execute(f"EXPLAIN SELECT {columns} FROM {table.name}").fetchall()
            con.execute(
                f"EXPLAIN INSERT INTO {table.name} ({columns}) VALUES ({marks})", [None] * len(table.columns)
            ).fetchall()
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) in (5, 6):  # busy or locked: not damage
                raise
            return f"the {table.name} table cannot be read ({exc})"
    return None


def _storage_error(exc: BaseException) -> UserDataError:
    return storage_error(exc) or UserDataError(cannot_be_used(exc))


def _newer_app(version: int) -> UserDataError:
    return UserDataError(
        Said(
            "your notes were saved by a newer version of BreastEdu (data version {version}, "
            "this app reads up to {known}); please update the app",
            version=version,
            known=USER_SCHEMA_VERSION,
        )
    )


#: Said when the start-up backup is skipped for want of room (saving still works).
NEARLY_FULL = Said("The disk is nearly full, so no backup of your notes was made this time.")


def data_rows(path: Path) -> int:
    """How many notes and follow-ups a notebook file holds (-1 when it cannot be read)."""
    try:
        con = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            return sum(
                int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("note", "followup")
            )
        finally:
            con.close()
    except sqlite3.Error:
        return -1


class DamagedText(str, DamagedValue):
    """Text read from the file that was not valid UTF-8; the bad bytes are shown as U+FFFD."""


def is_damaged(row: object) -> bool:
    """True when any column of ``row`` (an ORM row) came back damaged: text that is not UTF-8,
    or a timestamp, date, number or flag that cannot be read (see ``schema.DamagedValue``)."""
    return any(isinstance(value, DamagedValue) for value in vars(row).values())


def read_text(raw: bytes) -> str:
    """How every text value is read: bad bytes never make a row (or a whole list) unreadable.

    Valid UTF-8 comes back as a plain ``str``; anything else as :class:`DamagedText`, so the
    services can flag the row and an export can count it.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return DamagedText(raw.decode("utf-8", "replace"))


def _stamp(clock: Clock) -> str:
    return clock().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def list_backups(user_dir: Path) -> list[Path]:
    """The automatic backups in ``user_dir``, oldest first (names sort by time)."""
    folder = Path(user_dir) / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob("user-*.sqlite"))


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing; a folder created here is hers only (0700)."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
    return path


def _free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def _file_size(db_path: Path) -> int:
    return sum(p.stat().st_size for p in (db_path, db_path.with_name(db_path.name + "-wal")) if p.exists())


class BackupSkipped(UserDataError):
    """No start-up backup was made (saving still works); the message says why, for a notice."""


class NoSpaceForBackup(BackupSkipped):
    """The disk is too full for a start-up backup (it was skipped, so saving still works)."""


def backup_file(db_path: Path, user_dir: Path, clock: Clock = utc_now) -> Path | None:
    """Back up ``db_path`` into ``user_dir/backups``; keep the newest KEEP_BACKUPS, and more.

    Returns the new backup, or None when it equals the newest backup already kept. The copy
    is written under a temporary name and renamed when complete, so an interrupted backup is
    never mistaken for a good one. Rotation never removes the newest backup that holds more
    notes and follow-ups than the file backed up now: if her notebook was emptied by a fault,
    the last copy that still had her notes stays. Raises :class:`NoSpaceForBackup` (nothing
    written) when the copy would leave less than :data:`SPARE_BYTES` free, so a backup never
    takes the space her next save needs.
    """
    folder = Path(user_dir) / BACKUP_DIR
    if folder.is_symlink():
        raise BackupSkipped(
            Said(
                "No backup of your notes was made, because {folder} is a link to {target}: BreastEdu "
                "writes backups only into a folder of its own (remove the link to have them again).",
                folder=folder,
                target=os.readlink(folder),
            )
        )
    private_dir(folder)
    if _free_bytes(folder) < _file_size(db_path) + SPARE_BYTES:
        raise NoSpaceForBackup(NEARLY_FULL)
    final = folder / f"user-{_stamp(clock)}.sqlite"
    counter = 1
    while final.exists():  # two opens in the same microsecond: keep names unique and sorted
        final = folder / f"user-{_stamp(clock)}-{counter}.sqlite"
        counter += 1
    existing = list_backups(user_dir)
    try:
        with atomic_path(final) as tmp:
            _copy_db(db_path, tmp)
            if existing and filecmp.cmp(existing[-1], tmp, shallow=False):
                raise _SameAsNewest
    except _SameAsNewest:
        return None
    backups = list_backups(user_dir)
    old = backups[:-KEEP_BACKUPS]
    if old:
        now_rows = data_rows(final)
        richer = [b for b in backups if data_rows(b) > now_rows]
        for backup in old:
            if not richer or backup != richer[-1]:
                backup.unlink()  # older *good* snapshots; corrupt files are moved aside, never here
    return final


class _SameAsNewest(Exception):
    """The backup just made equals the newest one: it is not kept."""


def _copy_db(src_path: Path, dst_path: Path) -> None:
    """Copy a notebook with SQLite's backup API into a self-contained file."""
    src = sqlite3.connect(src_path.as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(dst_path)
        try:
            src.backup(dst)
            # A self-contained file: restoring it needs no -wal next to it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _move_aside(db_path: Path, clock: Clock) -> Path:
    """Rename the DB and its side files to ``<name>.unreadable-<stamp>``; return the new name."""
    target = db_path.with_name(f"{db_path.name}.unreadable-{_stamp(clock)}")
    # Side files first: a stray -wal must never be replayed into the restored file.
    for suffix in _SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    if db_path.exists():
        os.replace(db_path, target)
    fsync_dir(db_path.parent)
    return target


def backup_date(backup: Path) -> str:
    """The day (YYYY-MM-DD, UTC) an automatic backup was made, from its name."""
    when = backup.stem.removeprefix("user-")[:8]
    return f"{when[:4]}-{when[4:6]}-{when[6:8]}"


def _restore_latest(db_path: Path, user_dir: Path) -> Path | None:
    """Copy the newest backup that passes quick_check to ``db_path``; None if there is none."""
    for candidate in reversed(list_backups(user_dir)):
        probe = _probe(candidate)
        if probe.problem is not None or probe.version > USER_SCHEMA_VERSION:
            continue
        with atomic_path(db_path, tag="restore.tmp") as tmp:
            _copy_db(candidate, tmp)
        return candidate
    return None


def migrate(con: sqlite3.Connection, *, target: int | None = None) -> int:
    """Run the migration steps after the file's version up to ``target``; return the new version.

    ``con`` must be in autocommit mode (``isolation_level=None``). Each step runs in one
    ``BEGIN IMMEDIATE`` transaction with its ``user_version`` bump, so a crash leaves the file
    at the previous version, never half-way.
    """
    target = USER_SCHEMA_VERSION if target is None else target
    rowsum.register(con)  # step 4 sums the rows already there
    version = int(con.execute("PRAGMA user_version").fetchone()[0])
    if version > USER_SCHEMA_VERSION:
        raise _newer_app(version)
    for step in MIGRATIONS:
        if step.version <= version or step.version > target:
            continue
        with immediate(con):
            for statement in step.statements:
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {int(step.version)}")
        version = step.version
    return version


class UserDB:
    """An open user DB: an engine for the services, the notice from opening, and the lock.

    Use :meth:`open`; pass ``.read()`` / ``.write()`` (session context managers) to services.
    """

    def __init__(
        self,
        user_dir: Path,
        engine: Engine,
        lock: _ProcessLock | None,
        notice: str | None,
        *,
        read_only: str | None = None,
    ) -> None:
        self.user_dir = user_dir
        self.path = user_dir / DB_NAME
        self.engine = engine
        #: One plain sentence for the UI when opening repaired (or could not write) the file, else None.
        self.notice = notice
        #: Why saving is off (a read-only folder, a full disk), or None when she can save.
        self.read_only = read_only
        #: What opening found checking every row's checksum (and put back from the backups).
        self.row_check = RowCheck()
        self._lock: _ProcessLock | None = lock
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(engine.execution_options(breastedu_write=True), expire_on_commit=False)
        # Watching for writes by another process (the CLI while the window is open): SQLite's
        # PRAGMA data_version on a connection of its own changes when any other connection
        # commits; the version after each of our own writes is remembered, so ours do not count.
        self._watch_lock = threading.Lock()
        self._watch: sqlite3.Connection | None = None
        # The baseline is taken now: a write by another process before the first look counts.
        self._seen_version: int | None = self._data_version() if read_only is None else None

    @classmethod
    def open(cls, user_dir: Path, *, backup: bool = True, clock: Clock = utc_now) -> UserDB:
        """Open (creating, repairing, backing up and migrating as needed) the user DB.

        Before anything is read: the folder is checked (:func:`folder.check_folder`), made
        private if an older app left it readable by others (said once, in :attr:`notice`), and
        a ``user.sqlite`` link that leads nowhere is an error naming it. When the file cannot be
        written (a read-only folder or disc, a full disk) her notes open *read-only*: every
        read and export works, :attr:`read_only` says why saving is off, and a write raises
        :class:`~breastedu.core.errors.ReadOnlyError`.
        """
        user_dir = Path(user_dir).absolute()  # the CLI and window pass it absolute already
        check_folder(user_dir)
        db_path = user_dir / DB_NAME
        try:
            private_dir(user_dir)
        except OSError as exc:
            raise UserDataError(cannot_use_folder(user_dir, os_reason(exc))) from None
        notices: list[str] = []
        if make_private(user_dir, BACKUP_DIR):
            notices.append(
                Said(
                    "Your notes folder could be read by other people using this computer; "
                    "it is now private (only your account can open it)."
                )
            )
        ensure_settings_file(user_dir)
        _check_link(db_path)
        try:
            lock = _ProcessLock(user_dir / LOCK_NAME)
        except OSError as exc:
            if _cannot_write(exc) and db_path.exists():
                return cls._open_read_only(user_dir, exc, notices)
            raise UserDataError(cannot_use_folder(user_dir, os_reason(exc))) from None
        try:
            if lock.try_lock(exclusive=True):
                notice, rows = _maintain(user_dir, backup=backup, clock=clock)
                if not lock.try_lock(exclusive=False):
                    raise UserDataError(Said("could not share the lock on your notes file with other copies"))
            else:
                if not lock.lock_shared(LOCK_WAIT_S):
                    raise UserDataError(
                        Said(
                            "another copy of BreastEdu is busy repairing or upgrading your notes; "
                            "try again in a moment"
                        )
                    )
                notice, rows = None, RowCheck()
                _check_shared(db_path)
            engine = _make_engine(db_path)
            with engine.connect():
                pass  # fail here, in one plain line, rather than at her first save
        except (sqlite3.Error, OSError, SQLAlchemyError) as exc:
            lock.close()
            if _cannot_write(exc) and db_path.exists():
                return cls._open_read_only(user_dir, exc, notices)
            raise _storage_error(exc) from None
        except BaseException:
            lock.close()
            raise
        db = cls(user_dir, engine, lock, said_together([*notices, notice]))
        db.row_check = rows
        return db

    @classmethod
    def _open_read_only(cls, user_dir: Path, cause: BaseException, notices: list[str]) -> UserDB:
        """Her notes from a file that cannot be written now, as a read-only copy in memory.

        Raises the error that made writing fail when the file cannot be read either.
        """
        try:
            snapshot = _read_only_copy(user_dir / DB_NAME)
        except UserDataError:
            raise
        except (sqlite3.Error, OSError) as exc:
            raise (_storage_error(cause) if not isinstance(cause, UserDataError) else cause) from exc
        if _disk_full(cause, user_dir):
            why = Said("the disk is full")
            reason = Said(
                "The disk is full, so your notes are open read-only: you can read and export them, "
                "but saving is off until you free some space and restart BreastEdu."
            )
        else:
            why = Said("the folder {folder} is read-only", folder=user_dir)
            reason = Said(
                "Your notes folder {folder} cannot be written to, so your notes are open "
                "read-only: you can read and export them, but saving is off.",
                folder=user_dir,
            )
        engine = _make_engine(user_dir / DB_NAME, snapshot=snapshot)
        return cls(user_dir, engine, None, said_together([*notices, reason]), read_only=why)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (deferred transaction, ends when the block ends).

        A storage failure (locked, disk I/O error, ...) becomes one plain UserDataError.
        """
        try:
            with self._reader() as session:
                yield session
        except (sqlite3.Error, SQLAlchemyError) as exc:
            raise _storage_error(exc) from None

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one write operation: ``BEGIN IMMEDIATE``, commit on success.

        A storage failure (locked, disk full, read-only, ...) rolls back and becomes one plain
        UserDataError: nothing of the operation is written.
        """
        if self.read_only is not None:
            raise ReadOnlyError(
                Said(
                    "saving is off, because {why}; your notes can only be read and exported",
                    why=self.read_only,
                )
            )
        try:
            with self._writer.begin() as session:
                yield session
        except (sqlite3.Error, SQLAlchemyError, OSError) as exc:
            raise _storage_error(exc) from None
        with self._watch_lock:  # our own commit: not a change made elsewhere
            self._seen_version = self._data_version()

    def changed_elsewhere(self) -> bool:
        """True when another process has committed to the file since this was last asked (or
        since our own last write). A commit by another process in the same instant as one of
        ours can go unseen until its next one. Never raises: a failed look says False."""
        if self.read_only is not None:
            return False  # a snapshot in memory: nothing else writes to it
        with self._watch_lock:
            version = self._data_version()
            changed = version is not None and self._seen_version is not None and version != self._seen_version
            self._seen_version = version if version is not None else self._seen_version
            return changed

    def _data_version(self) -> int | None:
        """``PRAGMA data_version`` on the watching connection (opened read-only on first use)."""
        try:
            if self._watch is None:
                self._watch = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
                )
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def close(self) -> None:
        """Close every connection and release the lock (idempotent)."""
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> UserDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _maintain(user_dir: Path, *, backup: bool, clock: Clock) -> tuple[str | None, RowCheck]:
    """Steps 2-4 of opening; only called while holding the lock exclusively."""
    db_path = user_dir / DB_NAME
    backups = user_dir / BACKUP_DIR
    for stale in backups.glob(".*.tmp*") if backups.is_dir() and not backups.is_symlink() else ():
        stale.unlink()  # an interrupted backup (and its -wal/-shm): never complete, never a backup
    remove_temporary(user_dir / f".{DB_NAME}.restore.tmp")
    remove_temporary(user_dir / f".{DB_NAME}.new.tmp")
    notices: list[str | None] = []
    # A -wal left behind means the last run did not close cleanly: check everything then.
    unclean = db_path.with_name(DB_NAME + "-wal").exists()
    probe = _probe(db_path, full=unclean)
    if not probe.exists and any(db_path.with_name(DB_NAME + s).exists() for s in _SIDE_FILES):
        _move_aside(db_path, clock)  # orphan -wal without its file: keep it, but out of the way
    if probe.problem is not None:
        moved = _move_aside(db_path, clock)
        restored = _restore_latest(db_path, user_dir)
        if restored is not None:
            notices.append(
                Said(
                    "Your notes file could not be read, so it was set aside as {file} and your "
                    "notes were restored from the automatic backup of {date}.",
                    file=moved.name,
                    date=backup_date(restored),
                )
            )
        else:
            notices.append(
                Said(
                    "Your notes file could not be read and there was no backup, so it was set "
                    "aside as {file} and a new, empty notebook was started.",
                    file=moved.name,
                )
            )
        probe = _probe(db_path)
    if probe.version > USER_SCHEMA_VERSION:
        raise _newer_app(probe.version)
    rows = RowCheck()
    if probe.exists and probe.problem is None and probe.version >= ROW_SUMS_SINCE:
        # Before the start-up backup, so the backup made now holds the rows as put back.
        rows = _check_rows(db_path, user_dir, probe.version, clock)
        if rows.rows:
            notices.append(rowsum.notice(rows.rows, rows.saved_to.name if rows.saved_to else None))
    if backup and probe.exists and probe.version > 0:
        try:
            backup_file(db_path, user_dir, clock)
        except BackupSkipped as exc:
            notices.append(exc.message)
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            notices.append(NEARLY_FULL)
    if not probe.exists:
        _create(db_path)
    con = sqlite3.connect(
        db_path.as_uri() + "?mode=rw", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        migrate(con)
    finally:
        con.close()
    return said_together(notices), rows


def _check_rows(db_path: Path, user_dir: Path, version: int, clock: Clock) -> RowCheck:
    """Step 2b of opening: every row's checksum; a damaged row is saved aside, then put back.

    The rows as found go to ``user.sqlite.damaged-<stamp>.txt`` (0600) before anything in the
    file changes; then each one gets the good copy from the newest backup of the same data
    version that has one (:func:`rowsum.put_back`). A row no backup holds stays as it is.
    """
    con = sqlite3.connect(
        db_path.as_uri() + "?mode=rw", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        rowsum.register(con)
        found = rowsum.find_damaged(con)
        if not found:
            return RowCheck()
        stamp = _stamp(clock)
        when = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]} UTC"
        text = rowsum.damaged_copy(con, found, when)
        try:
            saved = _same_copy(db_path, text) or write_atomic(
                db_path.with_name(f"{DB_NAME}.damaged-{stamp}.txt"), text.encode("utf-8")
            )
        except InputError:  # no room or no rights: never overwrite what cannot be kept first
            return RowCheck(tuple(rowsum.with_excerpts(con, found)), None)
        backups = []
        for candidate in reversed(list_backups(user_dir)):
            probe = _probe(candidate)
            if probe.problem is None and probe.version == version:  # same columns as the file
                backups.append((candidate, backup_date(candidate)))
        return RowCheck(tuple(rowsum.with_excerpts(con, rowsum.put_back(con, found, backups))), saved)
    finally:
        con.close()


def _create(db_path: Path) -> None:
    """Create a new, fully migrated notebook under a temporary name, then rename it in place.

    If the disk fills up half-way, no half-made (or 0-byte) ``user.sqlite`` is left to be
    mistaken for her notebook at the next start.
    """
    with atomic_path(db_path, tag="new.tmp") as tmp:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode = DELETE")
            con.execute("PRAGMA synchronous = FULL")
            migrate(con)
        finally:
            con.close()


def _same_copy(db_path: Path, text: str) -> Path | None:
    """The newest saved copy of damaged rows that already holds every row of ``text`` as it is
    now, so a row kept as found is not saved again at every start."""
    sections = text.split("\n== ")[1:]
    for saved in sorted(db_path.parent.glob(f"{DB_NAME}.damaged-*.txt"), reverse=True):
        try:
            old = saved.read_text("utf-8")
        except (OSError, UnicodeError):
            continue
        if all(f"\n== {section}" in old for section in sections):
            return saved
    return None


def _check_shared(db_path: Path) -> None:
    """What a second copy checks: the file is readable and at this app's version."""
    probe = _probe(db_path)
    if probe.problem is not None:
        raise UserDataError(
            Said(
                "your notes file needs repair, which cannot be done while another copy of "
                "BreastEdu is open; close it and start again"
            )
        )
    if probe.version > USER_SCHEMA_VERSION:
        raise _newer_app(probe.version)
    if probe.version < USER_SCHEMA_VERSION:
        raise UserDataError(
            Said(
                "your notes need a one-time upgrade, which cannot be done while an older copy of "
                "BreastEdu is open; close it and start again"
            )
        )


def _make_engine(db_path: Path, *, snapshot: bytes | None = None) -> Engine:
    """The engine over ``db_path``; with ``snapshot``, over private in-memory copies of it."""
    uri = db_path.as_uri() + "?mode=rw"

    def connect() -> sqlite3.Connection:
        # isolation_level=None: SQLAlchemy's "begin" hook below emits BEGIN itself, so pysqlite's
        # implicit transactions never hide a write outside a transaction.
        if snapshot is not None:
            con = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            con.deserialize(snapshot)
        else:
            con = sqlite3.connect(
                uri,
                uri=True,
                check_same_thread=False,
                isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = FULL")  # durable on return, not just after a checkpoint
        con.text_factory = read_text
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA temp_store = MEMORY")  # the TEMP triggers (and sorts) never touch a disk
        # Every write on this connection keeps each row's checksum (see rowsum.py).
        rowsum.install(con)
        # Unicode-aware case folding for note search (SQLite's own LIKE folds ASCII only).
        con.create_function("bedu_fold", 1, fold, deterministic=True)
        return con

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=2)

    @event.listens_for(engine, "begin")
    def _begin(conn: object) -> None:
        # IMMEDIATE takes the write lock up front: two writers wait on busy_timeout rather than
        # failing mid-transaction when a read lock cannot be upgraded (SQLITE_BUSY_SNAPSHOT).
        immediate = conn.get_execution_options().get("breastedu_write")  # type: ignore[attr-defined]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")  # type: ignore[attr-defined]

    return engine


def _check_link(db_path: Path) -> None:
    """Refuse a ``user.sqlite`` link that leads nowhere (a drive not mounted, a loop).

    Treating it as a first start would put a new, empty notebook in its place, and the link
    (the way back to her notes) would be gone.
    """
    if not db_path.is_symlink():
        return
    try:
        os.stat(db_path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserDataError(
                Said(
                    "{file} is a link that leads back to itself (a loop); point it at your notes "
                    "file or remove it",
                    file=db_path,
                )
            ) from None
        raise UserDataError(
            Said(
                "{file} is a link to {target}, which cannot be found ({reason}); connect the drive "
                "or folder it points to, or remove the link",
                file=db_path,
                target=os.readlink(db_path),
                reason=os_reason(exc),
            )
        ) from None


def _cannot_write(exc: BaseException) -> bool:
    """True for a failure that means "cannot write here now" (read-only, no rights, disk full)."""
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException) and orig is not exc:
        return _cannot_write(orig)
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _NO_WRITE_SQLITE
    return isinstance(exc, OSError) and exc.errno in _NO_WRITE_ERRNO


def _disk_full(exc: BaseException, folder: Path) -> bool:
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException) and orig is not exc:
        return _disk_full(orig, folder)
    code = getattr(exc, "sqlite_errorcode", None)
    if (isinstance(code, int) and code & 0xFF == 13) or (
        isinstance(exc, OSError) and exc.errno in _FULL_ERRNO
    ):
        return True
    try:
        return _free_bytes(folder) < NEARLY_FULL_BYTES
    except OSError:
        return False


def _read_only_copy(db_path: Path) -> bytes:
    """A migrated copy of the notebook as bytes, read without writing a byte beside it.

    ``mode=ro`` reads a WAL file whose ``-shm`` exists; in a folder where none can be made
    (read-only, or a full disk) and with no ``-wal`` holding saves, ``immutable=1`` reads the
    file alone. Raises UserDataError when the copy is damaged or from a newer app.
    """
    wal = db_path.with_name(DB_NAME + "-wal")
    uris = [db_path.as_uri() + "?mode=ro"]
    if not wal.exists() or wal.stat().st_size == 0:
        uris.append(db_path.as_uri() + "?immutable=1")
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for number, uri in enumerate(uris, 1):
            try:
                source = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
                try:
                    source.backup(memory)
                finally:
                    source.close()
                break
            except sqlite3.Error:
                if number == len(uris):
                    raise
        check = _check_lines(memory, "quick_check")
        version = int(memory.execute("PRAGMA user_version").fetchone()[0])
        if check != ["ok"] or not 0 < version <= MAX_PLAUSIBLE_VERSION:
            raise UserDataError(
                Said(
                    "your notes file is damaged, and it cannot be repaired from a backup here "
                    "because its folder cannot be written to"
                )
            )
        migrate(memory)  # an older file is upgraded in memory only
        image = bytearray(memory.serialize())
        # Header bytes 18-19 say "WAL" for a file saved in WAL mode; a copy in memory has no
        # -wal beside it, so mark it a plain rollback-journal image (1, 1) before loading it.
        image[18:20] = b"\x01\x01"
        return bytes(image)
    finally:
        memory.close()
