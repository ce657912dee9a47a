"""Importing her data file is one transaction: a failure while the follow-ups are written
(after the notes) leaves no note of that file behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from breastedu.core.errors import UserDataError
from breastedu.core.notebook import mydata
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB


def test_a_failure_writing_follow_ups_rolls_back_the_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with UserDB.open(tmp_path / "a", backup=False) as source:
        NotesService(source).save("Ask about the biopsy")
        FollowUpService(source).add("Mammogram", dt.date(2027, 3, 3))
        document = mydata.export_data(source)
    real = mydata._merge_row

    def failing(session: Any, model: Any, values: dict[str, Any], **kwargs: Any) -> str:
        if model is mydata.FollowUpRow:
            raise OSError("disk I/O error (injected)")
        return real(session, model, values, **kwargs)

    monkeypatch.setattr(mydata, "_merge_row", failing)
    with UserDB.open(tmp_path / "b", backup=False) as target:
        with pytest.raises(UserDataError, match="injected"):
            mydata.import_data(target, document)
        assert NotesService(target).count() == 0
        assert FollowUpService(target).list() == ()
    monkeypatch.setattr(mydata, "_merge_row", real)
    with UserDB.open(tmp_path / "b", backup=False) as target:
        mydata.import_data(target, document)
        assert NotesService(target).count() == 1 and len(FollowUpService(target).list()) == 1
