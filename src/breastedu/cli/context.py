"""What every command shares: the resolved paths and lazily opened services."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from breastedu.core import clinic, paths
from breastedu.core.clinic import ClinicConfig


@dataclass
class CliContext:
    """Global options of one ``breastedu`` run, and services opened on first use."""

    content_db: str | None = None
    user_dir: str | None = None
    kiosk: bool = False
    clinic_config: str | None = None
    _content: Any = field(default=None, repr=False)

    @property
    def content_db_path(self) -> Path:
        """The content DB named by ``--content-db``, else the default one."""
        return paths.entered_path(self.content_db) if self.content_db else paths.default_content_db()

    @property
    def user_dir_path(self) -> Path:
        """The user folder named by ``--user-dir``, else the env var or platformdirs one."""
        return paths.user_dir(self.user_dir)

    def notebook_dir(self) -> Path:
        """Her folder, for a command that opens her notebook; refused in kiosk mode.

        Every command that reads or writes her notes (notes, follow-ups, data, the visit sheet)
        asks here, so kiosk mode refuses them all before any file is created.
        """
        if self.kiosk:
            from breastedu.core.errors import UserDataError

            raise UserDataError(
                "kiosk mode keeps no personal data, so notes, follow-ups, data and visit-sheet "
                "commands are turned off (run without --kiosk)"
            )
        return self.user_dir_path

    def content(self) -> Any:
        """The :class:`~breastedu.core.content.service.ContentService` over the content DB (read-only)."""
        if self._content is None:
            from breastedu.core.content.service import ContentService

            self._content = ContentService.open(self.content_db_path)
        return self._content

    def clinic(self) -> ClinicConfig:
        """The clinic config (``--clinic-config``, the variable, or the default places)."""
        return clinic.load(self.clinic_config)

    def close(self) -> None:
        """Release what was opened."""
        if self._content is not None:
            self._content.close()
            self._content = None
