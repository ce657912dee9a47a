"""Errors core raises. Their message is one plain sentence a person can act on.

A message may be a :class:`~breastedu.core.catalogue.Said` (English as a ``str``, for the CLI
and logs): the window says it in its own language with :meth:`BreastEduError.message_in`.
"""

from __future__ import annotations

from typing import Any

from breastedu.core.catalogue import ENGLISH, Said, in_language


class BreastEduError(Exception):
    """Base of every error that should reach a person as one clear line, not a traceback."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)

    def message_in(self, lang: str) -> str:
        """The message (without ``where``) in ``lang``, when it was written to be said in it."""
        return in_language(self.message, lang)


class InputError(BreastEduError):
    """Bad input from a person or a file: a malformed page, an invalid date, a bad argument.

    ``where`` names the file and line, or the field, e.g. ``"pages/x.txt:12"`` or ``"due"``.
    The CLI exits with status 2 for these.
    """


class NotFoundError(InputError):
    """A slug, id or file that does not exist."""


class ContentDBError(BreastEduError):
    """The content DB is missing, unreadable or of another schema version."""


class UserDataError(BreastEduError):
    """The user DB cannot be opened, migrated or written (locked, corrupt, newer than the app)."""


class UserFolderError(UserDataError):
    """Her folder cannot be used at all (unreadable, another account's, writable by others).

    The window shows this one in a dialog as well as the banner: nothing of her notebook opens
    until she fixes the folder, and the message says how.
    """


class ReadOnlyError(UserDataError):
    """A write to a notebook opened read-only (a read-only folder or disc, or a full disk)."""


class ConflictError(UserDataError):
    """The row was changed (or deleted) by another copy since it was read."""


# SQLite primary result codes (the low byte of an extended code) and what they mean to her.
_LOCKED = Said(
    "your notes file is in use by another program (database is locked); close it or try again in a moment"
)
_DAMAGED = Said("your notes file is damaged; restart BreastEdu to repair it from a backup")
_SQLITE_PLAIN = {
    5: _LOCKED,
    6: _LOCKED,
    8: Said("your notes file cannot be changed: the file or its folder is read-only"),
    10: Said("the disk reported an error while reading or writing your notes (disk I/O error)"),
    11: _DAMAGED,
    13: Said("the disk is full, so your notes could not be saved; free some space and try again"),
    14: Said("your notes file cannot be opened: its folder is missing or not writable"),
    26: _DAMAGED,
}
NO_PERMISSION = Said("permission denied")
_ERRNO_PLAIN = {
    28: Said("the disk is full"),  # ENOSPC
    122: Said("the disk quota is full"),  # EDQUOT
    13: NO_PERMISSION,  # EACCES
    1: NO_PERMISSION,  # EPERM
    30: Said("the disk is read-only"),  # EROFS
    5: Said("disk I/O error"),  # EIO
}


def cannot_be_used(detail: object) -> Said:
    """Her notes file failed in a way without plain words of its own; ``detail`` is the error."""
    return Said("your notes file cannot be used ({detail})", detail=str(detail))


def storage_error(exc: BaseException, *, where: str | None = None) -> UserDataError | None:
    """One plain :class:`UserDataError` for a storage failure, or None if ``exc`` is not one.

    Understands ``sqlite3`` errors (also wrapped by SQLAlchemy, as ``exc.orig``), OSError
    (disk full, read-only, permission denied, I/O error) and text that is not valid UTF-8.
    """
    if isinstance(exc, UserDataError):
        return exc
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException) and orig is not exc:
        found = storage_error(orig, where=where)
        if found is not None:
            return found
    if isinstance(exc, UnicodeError):
        return UserDataError(Said("your notes file holds text that is not valid UTF-8"), where=where)
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and exc.__class__.__module__ == "sqlite3":
        message = _SQLITE_PLAIN.get(code & 0xFF)
        return UserDataError(message or cannot_be_used(exc), where=where)
    if exc.__class__.__module__ == "sqlite3" and isinstance(exc, Exception):
        text = str(exc)
        for needle, code in (("locked", 5), ("readonly", 8), ("disk I/O", 10), ("full", 13)):
            if needle in text:
                return UserDataError(_SQLITE_PLAIN[code], where=where)
        return UserDataError(cannot_be_used(text), where=where)
    if isinstance(exc, OSError):
        name = exc.filename if isinstance(exc.filename, str) else None
        reason = os_reason(exc)
        return UserDataError(
            Said("cannot use {name} ({reason})", name=name, reason=reason)
            if name
            else Said("cannot use your notes folder ({reason})", reason=reason),
            where=where,
        )
    return None


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in plain words ("the disk is full", "permission denied"): a
    :class:`Said` for the failures we name, else the system's own words."""
    return _ERRNO_PLAIN.get(exc.errno or 0) or exc.strerror or str(exc)


class _SystemWords(Said):
    """The system's words for a failure (its English, as the CLI has always printed it), said
    in another language as the plain :class:`Said` that names the same failure."""

    def __new__(cls, english: str, plain: Said) -> _SystemWords:
        self = str.__new__(cls, english)
        object.__setattr__(self, "template", plain.template)
        object.__setattr__(self, "fields", plain.fields)
        object.__setattr__(self, "plain", plain)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_SystemWords, (str(self), self.__dict__["plain"]))

    def text(self, lang: str) -> str:
        return str(self) if lang == ENGLISH else super().text(lang)


def system_reason(exc: OSError) -> str:
    """Why a file operation failed in the system's own words (``strerror``, e.g. "Permission
    denied"), said in another language in :func:`os_reason`'s plain words where it has them."""
    words = str(exc.strerror)
    plain = _ERRNO_PLAIN.get(exc.errno or 0)
    return words if plain is None else _SystemWords(words, plain)
