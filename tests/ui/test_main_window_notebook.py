"""The window with her notebook: notes follow the page, nothing typed is lost on close,
follow-ups due soon show without a dialog, and kiosk mode keeps no notebook at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG, add_followup_elsewhere
from tests.ui.conftest import open_page

from breastedu.core.content.service import ContentService
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.service import Notebook
from breastedu.core.notebook.userdb import UserDB
from breastedu.ui.shell.app import open_user_services
from breastedu.ui.shell.main_window import MainWindow, UserServices

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def make_window(library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]) -> object:
    def make(*, notebook: bool = True) -> MainWindow:
        user = (
            UserServices(Notebook.open(user_dir, today=lambda: TODAY), today=lambda: TODAY)
            if notebook
            else None
        )
        win = track_window(MainWindow(ContentService.open(library_db), user=user))
        win.resize(1200, 700)
        win.show()
        return win

    return make


def test_note_follows_the_page_and_survives_close(qtbot: QtBot, make_window: object, user_dir: Path) -> None:
    """She opens a question, types a note, closes the app at once: the note is saved on it."""
    win = make_window()  # type: ignore[operator]
    open_page(qtbot, win, f"question/{REAL_SLUG}")
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
    open_page(qtbot, win, f"question/{REAL_SLUG}")
    win.wiring.follow_up_action.trigger()
    form = win.followups_pane.form
    assert form.isVisible() and form.months_spin.value() == 12
    assert "Mammography" in form.title_edit.text()
    assert "given to another patient, in 2015" in form.hint.text()
    assert "Your own doctor decides yours" in form.hint.text()
    assert win.user.notebook.followups.list() == ()


def test_a_window_without_her_notebook_has_no_notebook_and_writes_nothing(
    qtbot: QtBot, make_window: object, user_dir: Path
) -> None:
    """No notebook (it could not be opened): no notebook panes and no user DB is created."""
    win = make_window(notebook=False)  # type: ignore[operator]
    open_page(qtbot, win, f"question/{REAL_SLUG}")
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
    open_page(qtbot, win, "topic/goiter")
    assert "Thyroid enlargement" in win.reader.plain_text()


def test_user_services_type_is_what_the_app_builds(user_dir: Path) -> None:
    """open_user_services hands the window a notebook over one user DB."""
    user, problem, blocking = open_user_services(user_dir)
    assert problem is None and not blocking and isinstance(user, UserServices)
    user.notebook.close()


def test_a_read_only_user_folder_still_opens_the_library_with_a_banner(
    qtbot: QtBot, library_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Her folder cannot be created (read-only file system): the library opens, the notebook
    does not, and a banner says why."""
    import errno

    from breastedu.ui.shell.app import build_window

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
    open_page(qtbot, win, f"question/{REAL_SLUG}")
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


def _type_while_saves_fail(qtbot: QtBot, win: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Open a question and type a note while every save fails as on a locked file."""
    from breastedu.core.errors import UserDataError

    attempts: list[str] = []

    def locked(text: str, **_: object) -> object:
        attempts.append(text)
        raise UserDataError("your notes file is in use by another program (database is locked)")

    monkeypatch.setattr(win.user.notebook.notes, "save", locked)
    open_page(qtbot, win, f"question/{REAL_SLUG}")
    qtbot.waitUntil(lambda: not win.notes_pane.editor.isReadOnly())
    qtbot.keyClicks(win.notes_pane.editor, "Ask about the 6-month check")
    return attempts


@pytest.mark.parametrize("choice", ["file", "retry", "discard"])
def test_a_failed_save_is_never_lost_on_close(
    qtbot: QtBot, make_window: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, choice: str
) -> None:
    """Her note cannot be written (locked file): closing asks her, and her choice is kept."""
    win = make_window()  # type: ignore[operator]
    attempts = _type_while_saves_fail(qtbot, win, monkeypatch)
    asked: list[tuple[int, str]] = []
    win.notes_pane.ask_unsaved = lambda count, reason: asked.append((count, reason)) or choice  # type: ignore[method-assign]
    win.notes_pane.choose_unsaved_file = lambda: tmp_path / "note.txt"  # type: ignore[method-assign]
    win.close()
    assert attempts and asked and "database is locked" in asked[0][1]
    assert not win.notes_pane.is_saved()
    if choice == "file":
        assert not win.isVisible()
        assert (tmp_path / "note.txt").read_text(encoding="utf-8") == "Ask about the 6-month check\n"
    elif choice == "retry":
        assert win.isVisible()  # the window stays open and keeps trying
        assert "database is locked" in win.notes_pane.status.text()
        monkeypatch.undo()  # the other program let go of the file
        qtbot.waitUntil(win.notes_pane.is_saved, timeout=10000)
        assert [n.text for n in win.user.notebook.notes.for_slug(REAL_SLUG)] == [
            "Ask about the 6-month check"
        ]
        win.notes_pane.ask_unsaved = lambda count, reason: pytest.fail("nothing is unsaved")  # type: ignore[method-assign]
        win.close()
        assert not win.isVisible()
    else:
        assert not win.isVisible()


def test_a_failed_save_is_retried_after_she_moves_to_another_page(
    qtbot: QtBot, make_window: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note leaves the editor while its save fails: it is still retried and then written."""
    win = make_window()  # type: ignore[operator]
    attempts = _type_while_saves_fail(qtbot, win, monkeypatch)
    win.notes_pane.flush()
    qtbot.waitUntil(lambda: len(attempts) >= 1)
    open_page(qtbot, win, "home")
    assert not win.notes_pane.is_saved()
    monkeypatch.undo()
    qtbot.waitUntil(win.notes_pane.is_saved, timeout=10000)
    assert [n.text for n in win.user.notebook.notes.for_slug(REAL_SLUG)] == ["Ask about the 6-month check"]


def test_one_user_data_notification_reaches_every_pane(
    qtbot: QtBot, make_window: object, user_dir: Path
) -> None:
    """Each writer emits user_data_changed; the window passes it to every pane (no pairwise wires)."""
    from breastedu.ui.common.user_data import ALL, FOLLOWUPS, NOTES

    win = make_window()  # type: ignore[operator]
    heard: list[str] = []
    win.user_data_changed.connect(heard.append)
    # Written by another copy (the CLI): nothing shows until her data is announced as changed.
    win.user.notebook.notes.save("from the CLI")
    win.user.notebook.followups.add("Mammogram", TODAY + dt.timedelta(days=30))
    with qtbot.waitSignal(win.user_data_changed):
        win.my_data.user_data_changed.emit(ALL)  # as after an import
    qtbot.waitUntil(lambda: win.notes_pane.list_model.rowCount() == 1)
    qtbot.waitUntil(lambda: win.followups_pane.model.rowCount() == 1)
    # A pane's own write reaches the window's one signal too.
    open_page(qtbot, win, f"question/{REAL_SLUG}")
    qtbot.waitUntil(lambda: not win.notes_pane.editor.isReadOnly())
    with qtbot.waitSignal(win.user_data_changed, check_params_cb=lambda kind: kind == NOTES):
        qtbot.keyClicks(win.notes_pane.editor, "x")
        win.notes_pane.flush()
    win.followups_pane.user_data_changed.emit(FOLLOWUPS)
    assert heard[0] == ALL and NOTES in heard and heard[-1] == FOLLOWUPS


def test_a_notes_file_failing_its_check_opens_the_window_with_the_notice(
    qtbot: QtBot, library_db: Path, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reports damage (in bytes that were not UTF-8): the window opens, restored, and says so."""
    from breastedu.core.notebook import userdb
    from breastedu.ui.shell.app import build_window

    with Notebook.open(user_dir) as book:
        book.notes.save("kept")
    Notebook.open(user_dir).close()  # backed up
    real_check = userdb._check_lines
    calls: list[str] = []

    def damaged_once(con: object, pragma: str) -> list[str]:  # the notes file; its backup is fine
        calls.append(pragma)
        return ["*** page 3: \ufffd\ufffd is damaged"] if len(calls) == 1 else real_check(con, pragma)  # type: ignore[arg-type]

    monkeypatch.setattr(userdb, "_check_lines", damaged_once)
    win = build_window(library_db, user_dir, remember=False)
    qtbot.addWidget(win)
    win.show()
    assert win.user is not None and "restored" in win.banner.text()
    qtbot.waitUntil(lambda: win.notes_pane.list_model.rowCount() == 1)
    win.runner.wait_for_done()
    win.user.notebook.close()


def test_banner_stays_away_while_her_follow_ups_are_in_front(
    qtbot: QtBot, make_window: object, user_dir: Path
) -> None:
    """A12: saving a follow-up due soon, with the Follow-ups tab in front, brings no banner back."""
    win = make_window()  # type: ignore[operator]
    win.show_followups()
    pane = win.followups_pane
    pane.start_add()
    pane.form.title_edit.setText("Breast ultrasound")
    pane.form.set_due(TODAY + dt.timedelta(days=3))
    pane.form.save_button.click()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    qtbot.waitUntil(lambda: "due soon" in pane.summary.text())
    assert not win.banner.isVisible()


@pytest.mark.parametrize(
    ("failure", "says"),
    [
        (PermissionError(13, "Permission denied"), "cannot be written to, so your notes are open read-only"),
        (OSError(28, "No space"), "The disk is full, so your notes are open read-only"),
    ],
)
def test_a_read_only_notebook_says_saving_is_off(
    qtbot: QtBot,
    library_db: Path,
    user_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: OSError,
    says: str,
) -> None:
    """Issue 25 D3: a notebook opened read-only (a read-only folder, a full disk) says so in the
    window, in a banner of whole sentences, and still opens: she can read and export her notes."""
    from breastedu.core.notebook import userdb

    Notebook.open(user_dir).close()  # her notebook exists; now writing to it fails

    def refuse(self: object, path: Path) -> None:
        raise failure

    monkeypatch.setattr(userdb._ProcessLock, "__init__", refuse)
    notebook = Notebook.open(user_dir, today=lambda: TODAY)
    assert notebook.read_only is not None
    win = MainWindow(ContentService.open(library_db), user=UserServices(notebook, today=lambda: TODAY))
    qtbot.addWidget(win)
    win.show()
    assert win.banner.isVisible()
    text = win.banner.text()
    assert says in text and "read and export them" in text and "saving is off" in text
    assert text.rstrip().endswith(".")  # a sentence, not a fragment run into the next one
    win.close()
    notebook.close()


def test_a_write_by_another_process_refreshes_the_panes(
    qtbot: QtBot, make_window: object, user_dir: Path
) -> None:
    """Issue 21.3: the CLI adds a follow-up while the window is open; the follow-ups list shows
    it without a restart (the window notices the write through PRAGMA data_version)."""

    win = make_window()  # type: ignore[operator]
    win.notebook.watch.setInterval(50)
    qtbot.waitUntil(lambda: win.followups_pane.summary.text() != "")
    assert win.followups_pane.model.rowCount() == 0
    add_followup_elsewhere(user_dir)
    with qtbot.waitSignal(win.user_data_changed, timeout=10000) as changed:
        pass
    assert changed.args == ["all"]
    qtbot.waitUntil(lambda: win.followups_pane.model.rowCount() == 1, timeout=10000)


def test_a_folder_others_can_change_is_said_in_a_dialog_not_only_a_banner(
    qtbot: QtBot, library_db: Path, tmp_path: Path
) -> None:
    """Issue 25 D3/D9: her folder cannot be used (writable by others): the window still opens,
    the banner says why, and run_app shows the same words in a dialog (startup_warning)."""
    from breastedu.ui.shell.app import build_window

    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    win = build_window(library_db, folder, remember=False)
    qtbot.addWidget(win)
    assert win.user is None
    assert win.startup_warning and "chmod" in win.startup_warning
    assert win.banner.text() == win.startup_warning
    ok = build_window(library_db, tmp_path / "mine", remember=False)
    qtbot.addWidget(ok)
    assert ok.startup_warning is None
    ok.user.notebook.close()


def test_the_status_bar_at_rest_says_the_library_size_and_where_notes_are_kept(
    qtbot: QtBot, make_window: object
) -> None:
    """A20: not an empty band. A passing message covers the line; it comes back after."""
    win = make_window()  # type: ignore[operator]
    open_page(qtbot, win, "topic/calcifications")
    line = win.resting
    qtbot.waitUntil(lambda: "topic" in line.text())
    assert line.isVisible() and "Notes are saved on this computer only" in line.text()
    win.statusBar().showMessage("Printed.", 10000)
    assert not line.isVisible()
    win.statusBar().clearMessage()
    assert line.isVisible()
    bare = make_window(notebook=False)  # type: ignore[operator]
    qtbot.waitUntil(lambda: "topic" in bare.resting.text())
    assert "Nothing you do here is saved" in bare.resting.text()


def test_view_language_puts_the_page_frame_and_the_status_line_in_chinese(
    qtbot: QtBot, make_window: object
) -> None:
    """View → Language → 中文: the page's own frame (breadcrumbs, headings the page builder
    writes) and the resting status line follow; back to English, they are English again."""
    from breastedu.core.languages import CHINESE, ENGLISH
    from breastedu.ui.common.i18n import install_language

    win = make_window()  # type: ignore[operator]
    open_page(qtbot, win, "topic/calcifications")
    qtbot.waitUntil(lambda: "topic" in win.resting.text())
    try:
        with qtbot.waitSignal(win.page_shown):
            win.commands.language_actions[CHINESE].trigger()
        text = win.reader.browser.toPlainText()
        assert "首頁" in text and "Home" not in text and "Questions we have answered" not in text
        assert "筆記只存在這台電腦裡" in win.resting.text() and "個主題" in win.resting.text()
        with qtbot.waitSignal(win.page_shown):
            win.commands.language_actions[ENGLISH].trigger()
        assert "Home" in win.reader.browser.toPlainText()
        assert "Notes are saved on this computer only" in win.resting.text()
    finally:
        install_language(ENGLISH)


def test_the_notebook_tabs_are_made_when_first_shown(
    qtbot: QtBot, library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> None:
    """Issue 26.4: on a laptop the notebook starts closed and none of its panes is made at
    start; the follow-up banner and the pack's count show all the same; each pane is made,
    with her data in it, when its tab is first shown, and the others wait."""
    from PySide6.QtCore import QRect

    from breastedu.core.notebook.basket import BasketService
    from breastedu.ui.shell.notebook_dock import FOLLOWUPS_TAB, NOTES_TAB, PACK_TAB

    db = UserDB.open(user_dir)
    FollowUpService(db, today=lambda: TODAY).add("Mammogram", TODAY - dt.timedelta(days=3))
    BasketService(db).add("topic", "goiter", "Goiter")
    db.close()
    user = UserServices(Notebook.open(user_dir, today=lambda: TODAY), today=lambda: TODAY)
    win = track_window(MainWindow(ContentService.open(library_db), user=user))
    win.place_on_screen(QRect(0, 0, 1366, 768))
    win.show()
    dock = win.notebook
    assert dock is not None and not dock.isVisible()
    open_page(qtbot, win, f"question/{REAL_SLUG}")
    qtbot.waitUntil(lambda: win.banner.isVisible())
    assert win.banner.text() == "1 follow-up is overdue."
    qtbot.waitUntil(lambda: dock.tabs.tabText(PACK_TAB) == "Handout pack (1)")
    qtbot.waitUntil(win.runner.is_idle)
    assert not any(dock.is_built(tab) for tab in (NOTES_TAB, FOLLOWUPS_TAB, PACK_TAB))

    win.wiring.notebook_action.trigger()  # Ctrl+Shift+N: the notes, on the page being read
    assert dock.is_built(NOTES_TAB) and not dock.is_built(FOLLOWUPS_TAB) and not dock.is_built(PACK_TAB)
    assert "Clustered calcification" in win.notes_pane.heading.text()
    qtbot.waitUntil(win.notes_pane.editor.hasFocus)

    dock.tabs.setCurrentIndex(FOLLOWUPS_TAB)
    assert dock.is_built(FOLLOWUPS_TAB) and not dock.is_built(PACK_TAB)
    followups = win.followups_pane
    qtbot.waitUntil(lambda: followups.model.rowCount() == 1)
    assert followups.summary.text() == "1 overdue."
    qtbot.waitUntil(win.runner.is_idle)
    assert win.banner.isVisible()  # opening the tab alone leaves it, as when the pane was made at start
    win.banner.button.click()  # "Show follow-ups": the banner goes
    assert not win.banner.isVisible()

    win.wiring.show_basket()
    pack = win.basket_pane
    qtbot.waitUntil(lambda: pack.slugs() == ["goiter"])
    win.wiring.add_page_to_pack()  # File → Add to handout pack, through the pane made just now
    qtbot.waitUntil(lambda: dock.tabs.tabText(PACK_TAB) == "Handout pack (2)")
    assert pack.slugs() == ["goiter", REAL_SLUG]


def test_an_import_reaches_the_banner_and_the_pack_before_their_tabs_are_made(
    qtbot: QtBot, library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> None:
    """A change to her data while the follow-ups and the pack have no pane yet (an import, the
    command line) still updates the banner and the pack's count."""
    from PySide6.QtCore import QRect

    from breastedu.ui.common.user_data import ALL
    from breastedu.ui.shell.notebook_dock import FOLLOWUPS_TAB, PACK_TAB

    user = UserServices(Notebook.open(user_dir, today=lambda: TODAY), today=lambda: TODAY)
    win = track_window(MainWindow(ContentService.open(library_db), user=user))
    win.place_on_screen(QRect(0, 0, 1366, 768))
    win.show()
    qtbot.waitUntil(win.runner.is_idle)
    assert not win.banner.isVisible() and win.notebook.tabs.tabText(PACK_TAB) == "Handout pack"
    user.notebook.followups.add("Ultrasound", TODAY + dt.timedelta(days=5))
    user.notebook.basket.add("topic", "goiter", "Goiter")
    win.user_data_changed.emit(ALL)  # what My data → Import says when it is done
    qtbot.waitUntil(lambda: win.banner.isVisible())
    assert win.banner.text() == "1 follow-up is due within 14 days."
    qtbot.waitUntil(lambda: win.notebook.tabs.tabText(PACK_TAB) == "Handout pack (1)")
    assert not win.notebook.is_built(FOLLOWUPS_TAB) and not win.notebook.is_built(PACK_TAB)


def test_tab_goes_from_the_notebook_tabs_into_a_pane_made_later(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    """A pane made when its tab is first shown takes its place in the Tab order right after the
    tab bar (and the notebook's Close button), as the panes made with the window did (not last
    in the window)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from breastedu.ui.shell.notebook_dock import FOLLOWUPS_TAB

    win = laptop_window
    win.wiring.notebook_action.trigger()  # the notes pane is made now
    dock = win.notebook
    for pane in (win.notes_pane, None):
        if pane is None:  # then the follow-ups, made by opening their tab
            dock.tabs.setCurrentIndex(FOLLOWUPS_TAB)
            pane = win.followups_pane
        bar = dock.tabs.tabBar()
        bar.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.waitUntil(bar.hasFocus)
        qtbot.keyClick(bar, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is not None and focused.parent() is dock.titleBarWidget():  # its Close button
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
        assert focused is not None and pane.isAncestorOf(focused), type(focused).__name__


def test_show_follow_ups_opens_the_notebook_on_them_without_making_the_notes(
    qtbot: QtBot, library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> None:
    """The banner's "Show follow-ups" on a laptop (the notebook closed): the dock opens on the
    follow-ups, the only pane it makes."""
    from PySide6.QtCore import QRect

    from breastedu.ui.shell.notebook_dock import FOLLOWUPS_TAB, NOTES_TAB, PACK_TAB

    user = UserServices(Notebook.open(user_dir, today=lambda: TODAY), today=lambda: TODAY)
    user.notebook.followups.add("Mammogram", TODAY - dt.timedelta(days=3))
    win = track_window(MainWindow(ContentService.open(library_db), user=user))
    win.place_on_screen(QRect(0, 0, 1366, 768))
    win.show()
    qtbot.waitUntil(lambda: win.banner.isVisible())
    win.banner.button.click()
    dock = win.notebook
    assert dock.isVisible() and dock.tabs.currentIndex() == FOLLOWUPS_TAB and not win.banner.isVisible()
    assert dock.is_built(FOLLOWUPS_TAB) and not dock.is_built(NOTES_TAB) and not dock.is_built(PACK_TAB)
    qtbot.waitUntil(lambda: win.followups_pane.model.rowCount() == 1)


def test_tab_leaves_the_notebook_after_its_last_field(qtbot: QtBot, laptop_window: MainWindow) -> None:
    """WCAG 2.1.2 (no keyboard trap): Tab walks through her notes and on, out of the notebook,
    and Shift+Tab walks back in."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    win = laptop_window
    win.wiring.notebook_action.trigger()
    dock = win.notebook
    bar = dock.tabs.tabBar()
    bar.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    seen = []
    for _ in range(12):  # the notes tab has fewer than 12 stops
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        if not dock.isAncestorOf(focused):
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    outside = seen[-1]
    assert not dock.isAncestorOf(outside), [type(w).__name__ for w in seen]
    assert any(win.notes_pane.isAncestorOf(w) for w in seen)  # ...after going through her notes
    qtbot.keyClick(outside, Qt.Key.Key_Backtab)
    back = QApplication.focusWidget()
    assert back is not None and dock.isAncestorOf(back)
