"""Commands that need Qt: opening the app and rendering the real window to a PNG.

``breastedu.ui`` is imported inside the handlers so that other commands never load Qt.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from breastedu.cli.context import CliContext
from breastedu.cli.display import check_display
from breastedu.cli.window_env import without_bus_autolaunch, without_font_cache_writes
from breastedu.core.errors import InputError
from breastedu.core.palette import THEME_CHOICES


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})x(\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}")
    return int(match[1]), int(match[2])


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``gui`` and ``screenshot``."""
    gui = sub.add_parser("gui", help="open the app (the default command)")
    gui.set_defaults(handler=run_gui)
    shot = sub.add_parser("screenshot", help="render the real main window to a PNG, offscreen")
    shot.add_argument("out", metavar="OUT.png", type=Path, help="the picture to write (a .png file)")
    shot.add_argument("--open", dest="open_slug", metavar="SLUG", help="topic or question to show")
    shot.add_argument("--search", metavar="TEXT", help="type this into the search box first")
    shot.add_argument(
        "--size",
        type=_size,
        metavar="WxH",
        help="window size (default: a first start on --screen)",
    )
    shot.add_argument(
        "--screen",
        type=_size,
        metavar="WxH",
        help="screen to pretend to start on (default: a 1366x768 laptop)",
    )
    shot.add_argument("--tab", choices=("notes", "followups"), help="notebook tab to show")
    shot.add_argument(
        "--text-size", metavar="SIZE", help="normal, large, larger or largest (the View menu's text sizes)"
    )
    shot.add_argument(
        "--theme",
        dest="shot_theme",
        choices=THEME_CHOICES,
        help="colours of the picture (default: the global --theme, else light)",
    )
    shot.set_defaults(handler=run_screenshot)


def run_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    """Open the main window and run until it closes."""
    check_display()  # Qt would abort the process with a core dump; say what is wrong instead
    without_bus_autolaunch(os.environ)
    if _kiosk_requested(ctx):
        without_font_cache_writes(os.environ)  # the kiosk writes nothing, a font cache included
    from breastedu.ui.shell.launch import run_app

    return run_app(
        ctx.content_db_path,
        ctx.user_dir_path,
        kiosk=ctx.kiosk,
        theme=args.theme,
        clinic_config=ctx.clinic_config,
        lang=args.lang,
    )


def _kiosk_requested(ctx: CliContext) -> bool:
    """``--kiosk``, or ``[kiosk] enabled`` in a clinic config that can be read."""
    if ctx.kiosk:
        return True
    try:
        return ctx.clinic().kiosk.enabled
    except InputError:
        return False  # the window reports the unreadable config itself


def run_self_test(args: argparse.Namespace, ctx: CliContext) -> int:
    """``--self-test``: the real window end to end, on the display or offscreen; 0 when it works."""
    check_display()
    without_bus_autolaunch(os.environ)
    from breastedu.ui.shell.app import _without_offscreen_noise as without_offscreen_noise
    from breastedu.ui.shell.selftest import run_self_test as self_test

    with without_offscreen_noise():  # only real problems on stderr, as for `screenshot`
        return self_test(ctx.content_db_path, sys.stdout)


def run_screenshot(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write a PNG of the real main window, rendered offscreen."""
    if args.out.suffix.lower() != ".png":
        raise InputError("the screenshot file name must end in .png", where=str(args.out))
    # Rendered offscreen unless a platform is chosen explicitly (e.g. xcb under Xvfb).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    check_display()  # only when xcb was chosen: a missing library is one line, not a core dump
    without_bus_autolaunch(os.environ)
    from breastedu.ui.shell.app import render_screenshot

    render_screenshot(
        ctx.content_db_path,
        ctx.user_dir_path,
        args.out,
        open_slug=args.open_slug,
        search=args.search,
        size=args.size,
        screen=args.screen,
        text_size=args.text_size,
        kiosk=ctx.kiosk,
        tab=args.tab,
        theme=args.shot_theme or args.theme,
        lang=args.lang,
    )
    print(args.out)
    return 0
