"""Writing files so that a crash never leaves half a file: the one atomic-write helper.

Everything that replaces a file (exports, calendars, the user DB's backups and restores, a
new notebook, the built seed) goes through :func:`atomic_path`: the new content is written
under a temporary name beside the target, fsync'd, renamed over it, and the folder fsync'd,
so the target is always either the old file or the whole new one. Personal files are created
0600 (readable by her only) on POSIX.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from breastedu.core.catalogue import Said
from breastedu.core.errors import InputError, system_reason

#: Files that hold her data: readable and writable by her only.
PRIVATE = 0o600
#: Files anyone may read (the content DB).
PUBLIC = 0o644
#: The crash reports the window writes in her user folder (``ui.common.crash``): one
#: ``crash-<time>.txt`` per crash and the log of hard crashes; "delete all my data" removes them.
CRASH_PREFIX = "crash-"
FAULT_LOG = "crash-faults.log"
#: ``mode=SHARED``: an ordinary file as her umask makes it (0644 under the usual 022), e.g. a
#: handout saved to a clinic folder that colleagues open.
SHARED = None
# What SQLite may leave beside a database it wrote.
_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); Windows has no directory handles to sync."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_temporary(tmp: Path) -> None:
    """Remove a temporary file and whatever SQLite left beside it (``-journal``, ``-wal``...)."""
    for suffix in ("", *_SIDE_SUFFIXES):
        with contextlib.suppress(FileNotFoundError):
            tmp.with_name(tmp.name + suffix).unlink()


@contextlib.contextmanager
def atomic_path(path: Path, *, mode: int | None = PRIVATE, tag: str = "tmp") -> Iterator[Path]:
    """Yield a new, empty temporary file beside ``path``; on success it replaces ``path``.

    The block writes the temporary file (by name: SQLite may open it too). When the block
    ends without an exception, the file is fsync'd, renamed over ``path`` and the folder
    fsync'd; on an exception it is removed and ``path`` is untouched. The file is created
    with ``mode`` (SQLite gives a database's ``-wal``/``-shm`` the same permissions).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{tag}")
    remove_temporary(tmp)
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode))
        if mode is not None and sys.platform != "win32":
            os.chmod(tmp, mode)  # the mode given to open() is filtered by the umask
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        remove_temporary(tmp)
        raise
    fsync_dir(path.parent)


def write_atomic(path: Path, data: bytes, *, mode: int | None = PRIVATE) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_path`); private by default.

    Raises InputError naming the file when it cannot be written (no such folder, no rights,
    disk full).
    """
    path = Path(path)
    try:
        with atomic_path(path, mode=mode) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise InputError(
            Said("cannot write the file ({reason})", reason=system_reason(exc)), where=str(path)
        ) from None
    return path
