"""Writing files a person keeps (exports, calendars) so that a crash never leaves half a file."""

from __future__ import annotations

import os
from pathlib import Path

from breastedu.core.errors import InputError


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file, fsync'd and renamed into place.

    Raises InputError naming the file when it cannot be written (no such folder, no rights).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write the file ({exc.strerror})", where=str(path)) from None
    return path
