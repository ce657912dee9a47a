"""Opening the app: a window paints before anything heavy loads, then the real window takes
its place, in the same spot, and the command line behaves as before."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from breastedu.cli import build_parser, parse_args
from breastedu.core.content.service import ContentService
from breastedu.ui.shell.launch import OPENING, StartFrame
from breastedu.ui.shell.main_window import MainWindow
from breastedu.ui.shell.qt_app import settings_for

#: What the window may not wait for before its first paint.
HEAVY = (
    "sqlalchemy",
    "tantivy",
    "markdown",
    "nh3",
    "breastedu.ui.shell.main_window",
    "breastedu.core.content",
)

# Runs the real start path (``breastedu`` with no command) and, at each traced moment, says
# which heavy modules were loaded by then.
DRIVER = textwrap.dedent(
    """
    import sys
    from breastedu.ui.shell import launch
    heavy = sys.argv[1].split(",")

    def trace(moment):
        loaded = [m for m in heavy if m in sys.modules]
        print(f"{moment} loaded={','.join(loaded) or '-'}", flush=True)
        if moment == "ready":
            launch.QApplication.instance().quit()

    launch.trace = trace
    launch.os.environ[launch.TRACE_ENV] = "1"
    from breastedu.cli import main
    sys.exit(main([]))
    """
)


def start_up(tmp_path: Path, modules: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    """Run the real start path (a first start, offscreen) until "ready", saying at each traced
    moment which of ``modules`` were loaded by then."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BREASTEDU_USER_DIR=str(tmp_path / "user"))
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, ",".join(modules)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


def loaded_at_ready(tmp_path: Path, modules: tuple[str, ...]) -> list[str]:
    """The "ready" line of :func:`start_up`."""
    return [line for line in start_up(tmp_path, modules).stdout.splitlines() if line.startswith("ready")]


def test_the_window_paints_before_the_library_loads_then_becomes_ready(tmp_path: Path) -> None:
    done = start_up(tmp_path, HEAVY)
    lines = [line for line in done.stdout.splitlines() if line.startswith(("first-paint", "ready"))]
    assert [line.split()[0] for line in lines] == ["first-paint", "ready"]
    assert lines[0] == "first-paint loaded=-"  # nothing heavy before the first paint
    assert "sqlalchemy" in lines[1]  # ...and the library really is open by "ready"
    assert "Traceback" not in done.stderr


def test_an_english_start_loads_no_chinese_converter(tmp_path: Path) -> None:
    # OpenCC (some 85 ms and 44 MiB) folds Chinese text; the start-up tasks (the search index
    # among them) need none, so it loads with the first Chinese query, not before "ready"; nor
    # does rapidfuzz, which loads with the first misspelling.
    ready = loaded_at_ready(tmp_path, ("opencc", "rapidfuzz", "breastedu.core.search.service"))
    assert ready == ["ready loaded=breastedu.core.search.service"]  # searching is set up, OpenCC not


#: Not needed by the first screen (issue 26.4): printing (Qt's print support, the sheets and
#: their painter) loads with the first print, preview or PDF, and each notebook pane with its
#: tab (on the offscreen screen, 800x600, the notebook starts closed: no pane at all).
LAZY = (
    "PySide6.QtPrintSupport",
    "breastedu.core.render.sheets",
    "breastedu.ui.printing.painter",
    "breastedu.ui.printing.sheet_options",
    "breastedu.ui.notebook.notes_pane",
    "breastedu.ui.notebook.followups_pane",
    "breastedu.ui.notebook.basket_pane",
)


def test_printing_and_the_notebook_panes_are_not_loaded_before_ready(tmp_path: Path) -> None:
    ready = loaded_at_ready(tmp_path, (*LAZY, "breastedu.ui.shell.notebook_dock"))
    assert ready == ["ready loaded=breastedu.ui.shell.notebook_dock"]  # her notebook is there, closed


def test_the_app_opens_without_loading_any_command_group() -> None:
    """Global options alone are parsed without importing the command modules (which pull in
    the content and notebook services); any command still gets the full parser."""
    code = textwrap.dedent(
        """
        import sys
        from breastedu.cli import parse_args
        args = parse_args(["--theme", "dark", "--kiosk"])
        print(args.theme, args.kiosk, args.handler.__name__)
        print(sorted(m for m in sys.modules if m.startswith("breastedu.cli.") and m.endswith("_cmds")))
        print([m for m in ("sqlalchemy", "markdown", "PySide6") if m in sys.modules])
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.splitlines() == ["dark True run_gui", "['breastedu.cli.gui_cmds']", "[]"]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--theme", "high-contrast", "--user-dir", "/tmp/x", "--content-db", "c.sqlite"],
        ["--kiosk", "--clinic-config", "clinic.toml"],
        ["--self-test"],
    ],
)
def test_the_quick_parse_equals_the_full_parser(argv: list[str]) -> None:
    quick = vars(parse_args(argv))
    full = vars(build_parser().parse_args(argv))
    full.pop("command")
    assert quick == full


def test_a_command_goes_through_the_full_parser() -> None:
    args = parse_args(["--theme", "dark", "topics", "--json"])
    assert args.command == "topics" and args.json and args.theme == "dark"
    with pytest.raises(SystemExit):
        parse_args(["no-such-command"])


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080), (1024, 600)])
def test_the_frame_takes_the_place_the_window_will_take(
    qtbot: QtBot, library_db: Path, user_dir: Path, screen: tuple[int, int]
) -> None:
    """First start and a saved place: the frame and the real window get the same rectangle,
    so the window appears where the frame was."""
    available = QRect(0, 0, *screen)
    frame = StartFrame("light", None)
    qtbot.addWidget(frame)
    win = MainWindow(ContentService.open(library_db), settings=None)
    qtbot.addWidget(win)
    assert frame.place(available) == win.place_on_screen(available)
    assert frame.geometry() == win.geometry()

    first = MainWindow(ContentService.open(library_db), settings=settings_for(user_dir))
    qtbot.addWidget(first)
    first.setGeometry(QRect(40, 30, 700, 500))
    first.close()  # saves its place
    frame = StartFrame("light", settings_for(user_dir))
    qtbot.addWidget(frame)
    again = MainWindow(ContentService.open(library_db), settings=settings_for(user_dir))
    qtbot.addWidget(again)
    assert frame.place(available) == again.place_on_screen(available)
    assert frame.geometry() == again.geometry() == QRect(40, 30, 700, 500)


def test_the_frame_says_the_library_is_opening_and_paints(qtbot: QtBot) -> None:
    frame = StartFrame("dark", None)
    qtbot.addWidget(frame)
    frame.place(QRect(0, 0, 1366, 768))
    frame.paint_now(maximise=False)
    assert frame.painted and frame.isVisible()
    assert frame.message.text() == OPENING
    # Her theme from the first moment: a dark frame for the dark theme.
    assert frame.palette().color(frame.backgroundRole()).lightness() < 80


@pytest.mark.parametrize("lang", [None, "zh-TW"])
def test_lang_on_the_command_line_is_the_kiosks_default_for_this_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library_db: Path, lang: str | None
) -> None:
    """``breastedu --kiosk --lang zh-TW`` opens the kiosk in Chinese (resets return to it),
    in place of the clinic's ``[kiosk] language``; without ``--lang`` the clinic's stands."""
    import breastedu.ui.kiosk as kiosk
    from breastedu.ui.shell.launch import run_app

    config = tmp_path / "clinic.toml"
    config.write_text('[kiosk]\nlanguage = "en"\n', encoding="utf-8")
    seen: list[str] = []
    monkeypatch.setattr(
        kiosk, "run_kiosk", lambda app, db, cfg, theme=None: seen.append(cfg.kiosk.language) or 0
    )
    assert run_app(library_db, tmp_path / "user", kiosk=True, clinic_config=str(config), lang=lang) == 0
    assert seen == [lang or "en"]
