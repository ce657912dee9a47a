"""The ``breastedu`` command: argparse over core. With no command it opens the app.

Each command group lives in its own module with a ``register(subparsers)`` function; a
command's handler takes ``(args, ctx)`` and returns the exit status. Errors from core
(:class:`~breastedu.core.errors.BreastEduError`) become one line on stderr and exit 2.
Importing this package does not import Qt: only the GUI commands load ``breastedu.ui``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from breastedu import __version__
from breastedu.cli import gui_cmds
from breastedu.cli.context import CliContext
from breastedu.core.errors import BreastEduError, InputError, storage_error
from breastedu.core.languages import LANGUAGES
from breastedu.core.palette import THEME_CHOICES

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `yes | head`


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line, not a usage dump, and whose closing
    lines (the examples) keep their line breaks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


#: The command groups besides ``gui_cmds``, imported only when a command is named: opening
#: the app needs none of them, and its window paints sooner without them.
COMMAND_MODULES = ("content_cmds", "check_cmds", "search_cmds", "user_cmds", "print_cmds", "kiosk_cmds")

#: The environment variables the app reads, shown by ``breastedu --help`` (and in the README).
ENVIRONMENT = """environment:
  BREASTEDU_USER_DIR       folder for your notes and settings (what --user-dir sets)
  BREASTEDU_CONTENT_DB     content database to read (what --content-db sets)
  BREASTEDU_CLINIC_CONFIG  the clinic's settings file (what --clinic-config sets)
  BREASTEDU_CACHE_DIR      where a large library's search index is kept (default: the user cache)
  QT_QPA_PLATFORM          Qt's window system; 'offscreen' runs --self-test without a display"""

#: One example per command, shown at the end of its ``--help``: the command as a user types it.
EXAMPLES: dict[str, str] = {
    "": "breastedu --theme dark\n  breastedu search 'lump under arm'\n  breastedu COMMAND --help",
    "gui": "breastedu gui",
    "screenshot": "breastedu screenshot page.png --open calcifications --screen 1024x600",
    "topics": "breastedu topics --json",
    "show": "breastedu show calcifications",
    "search": "breastedu search 'lump under arm' --limit 5",
    "print": "breastedu print calcifications breast-cysts --out sheets.pdf --large-print",
    "visit-sheet": "breastedu visit-sheet --out visit.pdf",
    "import": "breastedu import pages/ --into clinic.sqlite --dry-run",
    "build-seed": "breastedu build-seed",
    "check-content": "breastedu check-content",
    "notes": "breastedu notes add calcifications 'Ask about a second mammogram' --doctor",
    "notes add": "breastedu notes add calcifications 'Ask about a second mammogram' --doctor\n"
    "  breastedu notes add - 'Bring my last report'",
    "notes list": "breastedu notes list --json",
    "notes search": "breastedu notes search mammogram",
    "followups": "breastedu followups add 'Thyroid ultrasound' --due 2027-03-01 --every-months 12",
    "followups add": "breastedu followups add 'Thyroid ultrasound' --due 2027-03-01 --every-months 12",
    "followups list": "breastedu followups list",
    "followups done": "breastedu followups done 3 --on 2027-03-02",
    "followups export-ics": "breastedu followups export-ics my-dates.ics",
    "data": "breastedu data export my-notes.json",
    "data export": "breastedu data export my-notes.json",
    "data import": "breastedu data import my-notes.json",
    "data check": "breastedu data check",
    "data erase": "breastedu data erase --yes",
    "kiosk": "breastedu --clinic-config clinic.toml kiosk set-pin",
    "kiosk set-pin": "echo 246813 | breastedu --clinic-config clinic.toml kiosk set-pin",
    "kiosk check": "breastedu --clinic-config clinic.toml kiosk check",
}


def build_parser() -> argparse.ArgumentParser:
    """The full parser: global options plus every registered command group."""
    parser = _with_global_options(
        _Parser(
            prog="breastedu",
            description=(
                "Offline breast and thyroid library: guides and answers written by the BreastEdu "
                "editors from named guidelines, and real questions with doctors' replies."
            ),
        )
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (gui_cmds, *(importlib.import_module(f"breastedu.cli.{name}") for name in COMMAND_MODULES)):
        module.register(sub)
    parser.set_defaults(handler=gui_cmds.run_gui)
    for name, command in commands(parser).items():
        if command.description is None and command is not parser:
            command.description = _summaries(parser).get(name)  # what the command list says
        example = EXAMPLES.get(name)  # a command without one is caught by tests/test_cli_help.py
        if example:
            label = "examples" if "\n" in example else "example"
            command.epilog = f"{label}:\n  {example}"
    parser.epilog = f"{parser.epilog}\n\n{ENVIRONMENT}"
    return parser


def _summaries(parser: argparse.ArgumentParser, name: str = "") -> dict[str, str]:
    """Each command's one-line help from its group's command list, by its words."""
    found: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for listed in action._choices_actions:
                words = f"{name} {listed.dest}".strip()
                if listed.help:
                    found[words] = listed.help[0].upper() + listed.help[1:] + "."
                found.update(_summaries(action.choices[listed.dest], words))
    return found


def commands(parser: argparse.ArgumentParser, name: str = "") -> dict[str, argparse.ArgumentParser]:
    """Every command's parser by its words ("" for ``breastedu`` itself, "notes add", ...)."""
    found = {name: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for word, child in action.choices.items():
                found.update(commands(child, f"{name} {word}".strip()))
    return found


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line. With global options alone (how the app is opened) they are
    parsed without loading any command group; anything else goes through the full parser."""
    quick = _with_global_options(_Parser(prog="breastedu", add_help=False))
    quick.set_defaults(handler=gui_cmds.run_gui)
    args, rest = quick.parse_known_args(argv)
    return args if not rest else build_parser().parse_args(argv)


def _with_global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--version", action="version", version=f"breastedu {__version__}")
    parser.add_argument(
        "--content-db",
        metavar="PATH",
        help="content database to read (or BREASTEDU_CONTENT_DB; default: the bundled one)",
    )
    parser.add_argument(
        "--user-dir", metavar="PATH", help="folder for your notes and settings (or BREASTEDU_USER_DIR)"
    )
    parser.add_argument(
        "--clinic-config", metavar="FILE", help="the clinic's settings file (or BREASTEDU_CLINIC_CONFIG)"
    )
    parser.add_argument("--kiosk", action="store_true", help="open in kiosk mode (writes no user data)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the real window, search, open a question, print a PDF, erase it all; exit 0 if it works",
    )
    parser.add_argument(
        "--theme",
        choices=THEME_CHOICES,
        help="colours for this run: light, dark, high-contrast or system (default: your last choice)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of pages, search results and sheets: en or zh-TW (繁體中文); default en",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``breastedu`` and ``python -m breastedu``; returns the exit status."""
    args = parse_args(argv)
    bad = _not_utf8(args)
    if bad is not None:
        print(f"breastedu: {bad}: is not valid UTF-8 text", file=sys.stderr)
        return EXIT_BAD_INPUT
    ctx = CliContext(
        content_db=args.content_db, user_dir=args.user_dir, kiosk=args.kiosk, clinic_config=args.clinic_config
    )
    handler = gui_cmds.run_self_test if args.self_test else args.handler
    try:
        status = int(handler(args, ctx) or EXIT_OK)
        sys.stdout.flush()  # inside the try: a closed pipe is reported here, not at exit
        return status
    except BrokenPipeError:
        return _closed_pipe()
    except InputError as exc:
        print(f"breastedu: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BreastEduError as exc:
        print(f"breastedu: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        # A storage failure outside the services' own handling (locked, disk full, I/O error,
        # read-only folder): one line, never a traceback.
        problem = storage_error(exc)
        if problem is None:
            raise
        print(f"breastedu: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


def _closed_pipe() -> int:
    """The reader of our output went away (``breastedu topics --json | head``): stop quietly.

    stdout is pointed at /dev/null so that Python's final flush does not complain, and the
    status is the shell's usual one for a process stopped by SIGPIPE.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def _not_utf8(args: argparse.Namespace) -> str | None:
    """The name of the first argument that is not valid UTF-8, else None.

    On POSIX, Python keeps undecodable argv bytes as lone surrogates; they would fail deep
    inside SQLite or the terminal instead of here, in one line.
    """
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            text = str(item) if isinstance(item, str | Path) else None
            if text is None:
                continue
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return (
                    name.upper()
                    if name in {"slug", "text", "query", "title", "file"}
                    else f"--{name.replace('_', '-')}"
                )
    return None
