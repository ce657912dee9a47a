"""A Chinese window says in Chinese what went wrong with her notes: the banner after a repair at
start-up, the banner and dialog text when her folder cannot be used, the notes pane's reason
when a save failed. An English window keeps saying it in English."""

from __future__ import annotations

import errno
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG
from tests.ui.conftest import open_page

from breastedu.core.errors import storage_error
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.service import Notebook
from breastedu.ui.common.i18n import install_language
from breastedu.ui.shell.app import build_window
from breastedu.ui.shell.main_window import MainWindow

#: Three or more Latin letters in a row: an English word (file names are taken out first).
ENGLISH_WORD = re.compile("[A-Za-z]{3}")


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The interface's language is the application's: the next test starts in English."""
    yield
    install_language(ENGLISH)


@pytest.fixture
def window(
    qtbot: QtBot, library_db: Path, track_window: Callable[[MainWindow], MainWindow]
) -> Callable[[Path, str], MainWindow]:
    """The real window as ``run_app`` builds it, over ``user_dir``, in ``lang``."""

    def make(user_dir: Path, lang: str) -> MainWindow:
        win = track_window(build_window(library_db, user_dir, remember=False, lang=lang))
        win.resize(1200, 700)
        win.show()
        return win

    return make


def _backed_up(user_dir: Path, *texts: str) -> list[int]:
    with Notebook.open(user_dir) as book:
        ids = [book.notes.save(text).id for text in texts]
    Notebook.open(user_dir).close()  # this start backs them up
    return ids


def _corrupt(user_dir: Path) -> None:
    for side in ("-wal", "-shm"):
        (user_dir / f"user.sqlite{side}").unlink(missing_ok=True)
    (user_dir / "user.sqlite").write_bytes(b"this is no database " * 400)


@pytest.mark.parametrize("lang", [CHINESE, ENGLISH])
def test_a_restored_notebook_is_said_in_the_windows_language(
    window: Callable[[Path, str], MainWindow], user_dir: Path, lang: str
) -> None:
    _backed_up(user_dir, "Ask about the biopsy")
    _corrupt(user_dir)
    win = window(user_dir, lang)
    moved = next(user_dir.glob("user.sqlite.unreadable-*")).name
    assert win.banner.isVisible()
    text = win.banner.text()
    if lang == CHINESE:
        assert text.startswith(f"您的筆記檔無法讀取，所以已把它改名為 {moved} 留在一旁")
        assert "的自動備份還原了您的筆記。" in text
        assert not ENGLISH_WORD.search(text.replace(moved, ""))
    else:
        assert text.startswith(f"Your notes file could not be read, so it was set aside as {moved} and")


def test_a_row_put_back_is_said_in_chinese(window: Callable[[Path, str], MainWindow], user_dir: Path) -> None:
    (note,) = _backed_up(user_dir, "Bring the CD")
    con = sqlite3.connect(user_dir / "user.sqlite", isolation_level=None)
    con.execute("UPDATE note SET text = 'Bring the DVD' WHERE id = ?", (note,))  # no checksum kept
    con.close()
    win = window(user_dir, CHINESE)
    saved = next(user_dir.glob("user.sqlite.damaged-*.txt")).name
    text = win.banner.text()
    assert text.startswith(f"磁碟上的損壞改動了您筆記檔裡的第 {note} 則筆記（「Bring the CD」），所以已從 ")
    assert text.endswith(f"存在您筆記資料夾裡的 {saved}。")
    assert not ENGLISH_WORD.search(text.replace(saved, "").replace("Bring the CD", ""))


@pytest.mark.parametrize("lang", [CHINESE, ENGLISH])
def test_a_folder_that_cannot_be_used_is_said_in_the_windows_language(
    window: Callable[[Path, str], MainWindow], tmp_path: Path, lang: str
) -> None:
    """The banner, and the dialog run_app shows (``startup_warning``), in her language."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    win = window(folder, lang)
    assert win.user is None
    warning = win.startup_warning or ""
    assert win.banner.text() == warning
    if lang == CHINESE:
        assert warning.startswith(
            f"無法打開您的筆記：這台電腦的其他使用者可以更改資料夾 {folder}（權限 777）"
        )
        assert not ENGLISH_WORD.search(
            warning.replace(str(folder), "").replace("BreastEdu", "").replace("chmod", "")
        )
    else:
        assert warning.startswith(
            f"Your notes cannot be opened: other users of this computer can change the folder {folder}"
        )


def test_a_save_that_fails_says_why_in_chinese(
    qtbot: QtBot, window: Callable[[Path, str], MainWindow], user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while she types: the status line says why in Chinese, and keeps trying."""

    def full(*args: object, **kwargs: object) -> object:
        raise storage_error(OSError(errno.ENOSPC, "No space left on device"))

    win = window(user_dir, CHINESE)
    open_page(qtbot, win, f"question/{REAL_SLUG}")
    pane = win.notes_pane
    qtbot.waitUntil(lambda: not pane.editor.isReadOnly())
    monkeypatch.setattr(NotesService, "save", full)
    try:
        qtbot.keyClicks(pane.editor, "Ask about the six-month check")
        qtbot.waitUntil(lambda: "無法使用您的筆記資料夾（磁碟已滿）" in pane.status.text(), timeout=10000)
        assert pane.status.text().startswith("還沒有儲存（")
    finally:  # space again: the retry saves it, so closing the window asks nothing
        monkeypatch.undo()
        pane.flush()
        qtbot.waitUntil(pane.is_saved, timeout=10000)
