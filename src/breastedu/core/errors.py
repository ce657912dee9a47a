"""Errors core raises. Their message is one plain sentence a person can act on."""

from __future__ import annotations


class BreastEduError(Exception):
    """Base of every error that should reach a person as one clear line, not a traceback."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(BreastEduError):
    """Bad input from a person or a file: a malformed page, an invalid date, a bad argument.

    ``where`` names the file and line, or the field, e.g. ``"pages/x.txt:12"`` or ``"due"``.
    The CLI exits with status 2 for these.
    """


class NotFoundError(InputError):
    """A slug, id or file that does not exist."""


class ContentDBError(BreastEduError):
    """The content DB is missing, unreadable, of an unknown schema, or SQLite lacks FTS5."""


class UserDataError(BreastEduError):
    """The user DB cannot be opened, migrated or written (locked, corrupt, newer than the app)."""


class ConflictError(UserDataError):
    """The row was changed (or deleted) by another copy since it was read."""
