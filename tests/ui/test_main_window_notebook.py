"""The window with her notebook: notes follow the page, nothing typed is lost on close,
follow-ups due soon show without a dialog, and kiosk mode keeps no notebook at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG

from breastedu.core.content.service import ContentService
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.service import Notebook
from breastedu.core.notebook.userdb import UserDB
from breastedu.ui.app import open_user_services
from breastedu.ui.main_window import MainWindow, UserServices

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def make_window(qtbot: QtBot, library_db: Path, user_dir: Path) -> Iterator[object]:
    made: list[MainWindow] = []

    def make(*, kiosk: bool = False) -> MainWindow:
        user = (
            None if kiosk else UserServices(Notebook.open(user_dir, today=lambda: TODAY), today=lambda: TODAY)
        )
        problem = None
        win = MainWindow(ContentService.open(library_db), kiosk=kiosk, user=user, user_problem=problem)
        qtbot.addWidget(win)
        win.resize(1200, 700)
        win.show()
        made.append(win)
        return win

    yield make
    for win in made:
        win.runner.wait_for_done()
        if win.user is not None:
            win.user.notebook.close()


def _open(qtbot: QtBot, win: MainWindow, target: str) -> None:
    with qtbot.waitSignal(win.page_shown):
        win.open_target(target)


def test_note_follows_the_page_and_survives_close(qtbot: QtBot, make_window: object, user_dir: Path) -> None:
    """She opens a question, types a note, closes the app at once: the note is saved on it."""
    win = make_window()  # type: ignore[operator]
    _open(qtbot, win, f"question/{REAL_SLUG}")
    assert "Clustered calcification" in win.notes_pane.heading.text()
    qtbot.waitUntil(lambda: not win.notes_pane.editor.isReadOnly())  # "Opening your note…"
    qtbot.keyClicks(win.notes_pane.editor, "Ask about the 6-month check")
    win.close()  # before the autosave timer fires
    win.user.notebook.close()
    db = UserDB.open(user_dir)
    notes = NotesService(db).for_slug(REAL_SLUG)
    db.close()
    assert [n.text for n in notes] == ["Ask about the 6-month check"]


def test_due_follow_ups_show_a_quiet_banner(qtbot: QtBot, make_window: object, user_dir: Path) -> None:
    """An overdue and a due-soon follow-up are announced in the window, not in a dialog."""
    db = UserDB.open(user_dir)
    service = FollowUpService(db, today=lambda: TODAY)
    service.add("Mammogram", TODAY - dt.timedelta(days=3))
    service.add("Thyroid ultrasound", TODAY + dt.timedelta(days=10))
    db.close()
    win = make_window()  # type: ignore[operator]
    qtbot.waitUntil(lambda: win.banner.isVisible())
    assert win.banner.text() == "1 follow-up is overdue and 1 is due soon."
    win.banner.button.click()
    assert win.followups_pane.isVisible() and not win.banner.isVisible()


def test_follow_up_from_reply_prefills_without_saving(qtbot: QtBot, make_window: object) -> None:
    """'+ Follow-up' on the real question reads 'Annual' from the reply: 12 months, to confirm."""
    win = make_window()  # type: ignore[operator]
    _open(qtbot, win, f"question/{REAL_SLUG}")
    win.follow_up_action.trigger()
    form = win.followups_pane.form
    assert form.isVisible() and form.months_spin.value() == 12
    assert "Mammography" in form.title_edit.text()
    assert win.user.notebook.followups.list() == ()


def test_kiosk_mode_has_no_notebook_and_writes_nothing(
    qtbot: QtBot, make_window: object, user_dir: Path
) -> None:
    """Kiosk mode builds no notebook and creates no user DB."""
    win = make_window(kiosk=True)  # type: ignore[operator]
    _open(qtbot, win, f"question/{REAL_SLUG}")
    assert win.notes_pane is None and win.followups_pane is None
    assert not any(user_dir.iterdir())


def test_unopenable_notebook_keeps_the_library_usable(qtbot: QtBot, library_db: Path) -> None:
    """If her notes cannot be opened, the window says so in one sentence and still reads."""
    win = MainWindow(
        ContentService.open(library_db),
        user=None,
        user_problem="Your notes cannot be opened: it was written by a newer BreastEdu.",
    )
    qtbot.addWidget(win)
    win.show()
    assert win.banner.isVisible() and "newer BreastEdu" in win.banner.text()
    _open(qtbot, win, "topic/goiter")
    assert "Thyroid enlargement" in win.reader.plain_text()


def test_user_services_type_is_what_the_app_builds(user_dir: Path) -> None:
    """open_user_services hands the window a notebook over one user DB."""
    user, problem = open_user_services(user_dir)
    assert problem is None and isinstance(user, UserServices)
    user.notebook.close()


def test_a_read_only_user_folder_still_opens_the_library_with_a_banner(
    qtbot: QtBot, library_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Her folder cannot be created (read-only file system): the library opens, the notebook
    does not, and a banner says why."""
    import errno

    from breastedu.ui.app import build_window

    real_mkdir = Path.mkdir
    user_dir = tmp_path / "ro" / "user"

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if user_dir.is_relative_to(self) and self != tmp_path:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", mkdir)
    win = build_window(library_db, user_dir)
    qtbot.addWidget(win)
    win.show()
    assert win.user is None and win.settings is None
    assert win.banner.isVisible() and "read-only" in win.banner.text()
    _open(qtbot, win, f"question/{REAL_SLUG}")
    win.runner.wait_for_done()


def test_a_damaged_note_is_listed_flagged_and_the_others_stay(
    qtbot: QtBot, make_window: object, user_dir: Path
) -> None:
    import sqlite3

    with Notebook.open(user_dir) as book:
        book.notes.save("readable")
        bad = book.notes.save("to be damaged")
    con = sqlite3.connect(user_dir / "user.sqlite")
    con.execute("UPDATE note SET text = CAST(X'4869FFFE21' AS TEXT) WHERE id = ?", (bad.id,))
    con.commit()
    con.close()
    win = make_window()  # type: ignore[operator]
    model = win.notes_pane.list_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    texts = [model.data(model.index(row)) for row in range(2)]
    assert any("readable" in t for t in texts)
    assert any("could not be read" in t and "Hi\ufffd" in t for t in texts)
