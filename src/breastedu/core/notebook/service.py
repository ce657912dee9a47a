"""Her notebook as one object: the services the window and the CLI use, over one open user DB.

The UI receives a :class:`Notebook` and never the DB handle inside it (an import-linter
contract keeps ``breastedu.ui`` away from :mod:`breastedu.core.notebook.userdb`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from breastedu.core.notebook.basket import BasketService
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.mydata import MyDataService
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB


class Notebook:
    """Notes, follow-ups, "My data" and the print basket over her user DB; close it once when done."""

    def __init__(self, db: UserDB, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self.notes = NotesService(db)
        self.followups = FollowUpService(db, today=today)
        self.data = MyDataService(db)
        self.basket = BasketService(db)

    @classmethod
    def open(
        cls, user_dir: Path, *, backup: bool = True, today: Callable[[], dt.date] = dt.date.today
    ) -> Notebook:
        """Open (lock, repair, back up, migrate) the user DB in ``user_dir``.

        Raises :class:`~breastedu.core.errors.UserDataError` with one plain sentence when it
        cannot be opened; :attr:`notice` says what opening repaired, if anything.
        """
        return cls(UserDB.open(Path(user_dir), backup=backup), today=today)

    @property
    def notice(self) -> str | None:
        """One plain sentence about a repair or upgrade done while opening, else None.

        English as a ``str`` (the CLI prints it); the window says it in its own language with
        :func:`breastedu.core.catalogue.in_language` (it is a :class:`~breastedu.core.catalogue.Said`).
        """
        return self._db.notice

    @property
    def read_only(self) -> str | None:
        """Why saving is off (her folder is read-only, the disk is full), or None when she can save
        (a :class:`~breastedu.core.catalogue.Said`, like :attr:`notice`).

        Reads and exports work; every write raises :class:`~breastedu.core.errors.ReadOnlyError`.
        """
        return self._db.read_only

    def changed_elsewhere(self) -> bool:
        """True when another process (the CLI, a second window) wrote her notebook since the
        last time this was asked or since this app's own last write. Safe on a worker thread."""
        return self._db.changed_elsewhere()

    @property
    def user_dir(self) -> Path:
        return self._db.user_dir

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Notebook:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
