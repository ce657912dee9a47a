"""Issue 21.3: writes by another process (the CLI while the window is open) are noticed through
SQLite's PRAGMA data_version; this app's own writes are not reported as changes made elsewhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import add_followup_elsewhere

from breastedu.core.notebook.service import Notebook


def test_another_processs_write_is_noticed_once_and_our_own_never(tmp_path: Path) -> None:
    user_dir = tmp_path / "me"
    with Notebook.open(user_dir, backup=False) as window:
        assert window.changed_elsewhere() is False
        window.followups.add("Mammogram", dt.date(2027, 1, 5))  # the window's own write
        assert window.changed_elsewhere() is False
        add_followup_elsewhere(user_dir)
        assert window.changed_elsewhere() is True
        assert window.changed_elsewhere() is False  # reported once
        assert [f.title for f in window.followups.list()] == ["Mammogram", "Ultrasound"]
