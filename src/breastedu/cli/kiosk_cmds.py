"""``breastedu kiosk set-pin`` and ``breastedu kiosk check``: the waiting-room kiosk's settings.

The PIN is read from a prompt (twice, not echoed) or, when stdin is not a terminal, from its
first line; never from the command line, where other users and the shell history would see it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path

from breastedu.cli.context import CliContext
from breastedu.core import clinic
from breastedu.core.errors import InputError
from breastedu.core.files import write_atomic
from breastedu.core.kiosk import check_pin, check_settings, hash_pin, settings_lines, with_pin_hash


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kiosk set-pin`` and ``kiosk check``."""
    kiosk = sub.add_parser("kiosk", help="the waiting-room kiosk's settings")
    commands = kiosk.add_subparsers(dest="kiosk_command", metavar="COMMAND", required=True)
    set_pin = commands.add_parser(
        "set-pin",
        help="set the staff PIN (asked for, or read from stdin; stored only as a salted hash)",
    )
    set_pin.set_defaults(handler=run_set_pin)
    check = commands.add_parser("check", help="show the effective kiosk settings and what is wrong")
    check.set_defaults(handler=run_check)


def _config_path(ctx: CliContext) -> Path:
    """The file to write: the one named (created if missing), else the one found, else the user's."""
    named = ctx.clinic_config or os.environ.get(clinic.CONFIG_ENV)
    if named:
        return Path(named)
    found = clinic.find_config(None)
    return found if found is not None else clinic.candidate_paths()[-1]


def _read_pin() -> str:
    if sys.stdin.isatty():
        pin = getpass.getpass("New staff PIN (6 to 12 digits): ")
        check_pin(pin)
        if getpass.getpass("The same PIN again: ") != pin:
            raise InputError("the two PINs differ; nothing was changed")
        return pin
    return check_pin(sys.stdin.readline().strip())


def run_set_pin(args: argparse.Namespace, ctx: CliContext) -> int:
    """Hash the PIN and write it into the clinic config, keeping the rest of the file."""
    path = _config_path(ctx)
    text = ""
    if path.is_file():
        clinic.read_config(path)  # never edit a file that is already broken
        text = path.read_text(encoding="utf-8")
    pin = _read_pin()
    updated = with_pin_hash(text, hash_pin(pin))
    mode = config_mode(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({exc.strerror})", where=str(path.parent)) from None
    write_atomic(path, updated.encode("utf-8"), mode=mode)
    clinic.read_config(path)
    print(f"Staff PIN saved (as a salted hash) in {path}, readable by {_READERS[mode]}")
    return 0


_READERS = {
    0o600: "its owner only (for a kiosk account: chgrp GROUP FILE; chmod 640 FILE)",
    0o640: "its owner and its group",
}


def config_mode(path: Path) -> int:
    """The mode to write the clinic config with: 0600, or 0640 if it is already 0640.

    The PIN hash must not be readable by every account (a copy can be guessed offline), so a
    0644 file becomes 0600; a clinic that gave the file to the kiosk's group on purpose (0640)
    keeps it.
    """
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o600
    return 0o640 if current & 0o077 == 0o040 else 0o600


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the effective kiosk settings (PIN hash hidden) and problems; 2 on an error."""
    config = ctx.clinic()
    where = str(config.path) if config.path else "no clinic config file found: the defaults apply"
    print(f"Clinic config: {where}")
    if config.clinic is not None:
        print(f"Clinic: {config.clinic.name}")
    print("[kiosk]")
    for line in settings_lines(config.kiosk):
        print(f"  {line}")
    problems = check_settings(config.kiosk)
    for problem in problems:
        print(f"{problem.level}: {problem.text}")
    if not problems:
        print("No problems found.")
    return 2 if any(p.level == "error" for p in problems) else 0
