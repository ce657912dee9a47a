"""Her folder: checked before anything is read from it, and kept private.

What :func:`check_folder` refuses (one plain :class:`~breastedu.core.errors.UserFolderError`
naming the folder and how to fix it), as ``ssh`` refuses a home folder others can write to:

- a folder that cannot be read or entered (another account's folder, a broken mount);
- a folder that belongs to another user account;
- a folder that other users can change (world-writable, or group-writable by a group with
  other members): they could replace ``user.sqlite`` with a link to a file they read, and read
  every note she writes after. A folder writable only by her private group (umask 002 on
  systems with user-private groups) is hers alone: it is tightened like any other.

What :func:`make_private` does to an existing install (the app before December created
everything 0755/0644): the folder and its ``backups`` folder become 0700 and her files in them
0600, without following a link. It returns what it changed, so opening can say so once.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from breastedu.core.catalogue import Said
from breastedu.core.errors import NO_PERMISSION, UserFolderError, os_reason

#: The window settings file kept in her folder (geometry, zoom, theme).
SETTINGS_NAME = "settings.ini"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_POSIX = sys.platform != "win32"


def check_folder(folder: Path) -> None:
    """Raise :class:`UserFolderError` if ``folder`` cannot be used safely for her notes.

    A folder that does not exist yet passes (it is created private). The folder itself may be
    a link (to a USB stick, say): what it points to is what is checked.
    """
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserFolderError(cannot_use_folder(folder, os_reason(exc))) from None
    if not stat.S_ISDIR(info.st_mode):
        raise UserFolderError(
            Said("cannot use {folder} for your notes: it is a file, not a folder", folder=folder)
        )
    if not _POSIX:  # pragma: no cover - Windows folders carry ACLs, not modes
        return
    if info.st_uid != os.geteuid():
        raise UserFolderError(
            Said(
                "the folder {folder} belongs to another user account, so BreastEdu does not keep "
                "your notes there; choose a folder of your own (--user-dir)",
                folder=folder,
            )
        )
    if info.st_mode & 0o002 or (info.st_mode & 0o020 and not _own_group(info.st_gid)):
        raise UserFolderError(
            Said(
                "other users of this computer can change the folder {folder} (mode {mode}), so "
                "BreastEdu does not keep your notes there; make it yours only with: chmod 700 '{folder}'",
                folder=folder,
                mode=f"{stat.S_IMODE(info.st_mode):o}",
            )
        )
    if not os.access(folder, os.R_OK | os.X_OK):
        raise UserFolderError(cannot_use_folder(folder, NO_PERMISSION))


def cannot_use_folder(folder: Path, reason: str) -> Said:
    """Her notes cannot be kept in ``folder``, for ``reason`` (plain words: "permission denied")."""
    return Said("cannot use the folder {folder} for your notes ({reason})", folder=folder, reason=reason)


def _own_group(gid: int) -> bool:
    """True when ``gid`` is her private group (her primary group, no other members), so a
    group-writable folder lets nobody else in; ssh makes the same exception."""
    import grp
    import pwd

    try:
        me = pwd.getpwuid(os.geteuid())
        members = grp.getgrgid(gid).gr_mem
    except KeyError:
        return False
    return me.pw_gid == gid and set(members) <= {me.pw_name}


def make_private(folder: Path, backups: str) -> list[str]:
    """Tighten ``folder``, ``folder/backups`` and the files in them; return the names changed.

    Links are never followed (a link's target is not hers to change; only ``folder`` itself may
    be a link, checked by :func:`check_folder`), and a file that cannot be changed is left as it
    is: this is hardening, never a reason to refuse her notes.
    """
    if not _POSIX:  # pragma: no cover
        return []
    changed: list[str] = []
    for place, prefix, follow in ((folder, "", True), (folder / backups, f"{backups}/", False)):
        try:
            info = os.stat(place) if follow else os.lstat(place)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            continue
        if _chmod_private(place, info, PRIVATE_DIR):
            changed.append(prefix or f"{place.name}/")
        with contextlib.suppress(OSError):
            for entry in sorted(os.scandir(place), key=lambda e: e.name):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and _chmod_private(Path(entry.path), info, PRIVATE_FILE):
                    changed.append(prefix + entry.name)
    return changed


def _chmod_private(path: Path, info: os.stat_result, mode: int) -> bool:
    """Drop every permission bit of ``path`` outside ``mode``; True when something changed."""
    extra = stat.S_IMODE(info.st_mode) & ~mode
    if not extra or info.st_uid != os.geteuid():
        return False
    try:
        os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
    except OSError:
        return False
    return True


def ensure_settings_file(folder: Path) -> None:
    """Create an empty, private ``settings.ini`` if there is none.

    The window's QSettings keeps the mode of a file that exists when it rewrites it, so her
    window settings are 0600 from the first start instead of the umask's 0644.
    """
    with contextlib.suppress(OSError):
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        os.close(os.open(folder / SETTINGS_NAME, flags, PRIVATE_FILE))


def usable_settings_file(folder: Path) -> Path | None:
    """``folder/settings.ini`` if the window may read it, else None; never raises.

    The window calls this before its start frame instead of ``(folder / "settings.ini").is_file()``,
    which raises PermissionError for a folder she cannot enter (another account's), so the app
    died with one line on stderr and no window (the review's D3).
    """
    try:
        check_folder(folder)
        path = folder / SETTINGS_NAME
        return path if path.is_file() and os.access(path, os.R_OK) else None
    except (OSError, UserFolderError):
        return None
