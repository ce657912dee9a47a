"""The clinic config: one TOML file with the clinic's own settings, read by printing and the kiosk.

Where it is found, first match wins:

1. ``--clinic-config FILE`` on the command line;
2. the ``BREASTEDU_CLINIC_CONFIG`` environment variable;
3. ``clinic.toml`` in the platformdirs *site* config folder (set up by the clinic's IT);
4. ``clinic.toml`` in the user config folder.

No file means no clinic: sheets carry a plain BreastEdu header and the kiosk runs on its
defaults. A malformed file raises :class:`~breastedu.core.errors.InputError` naming the file,
the line and the key. Example::

    [clinic]
    name = "Riverside Breast Clinic"
    phone = "555-0100"
    address = "1 River Road, Springfield"
    website = "riverside.example"
    logo = "logo.svg"            # relative to this file; SVG or PNG
    footer = "Questions? Call the breast care nurse line."

    [kiosk]
    enabled = false
    idle_seconds = 120
    warning_seconds = 30
    pin_hash = "..."             # written by `breastedu kiosk set-pin`, never the PIN itself
    allow_print = false
    printer = "Waiting room"
    prints_per_session = 3
    language = "en"              # the kiosk's language after every reset: "en" or "zh-TW"

``[kiosk] language`` is what the kiosk shows to each new visitor (she may switch with the
language button on its screens; every reset, idle or "Finish", brings the default back).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from breastedu.core.errors import InputError
from breastedu.core.languages import ENGLISH, LANGUAGES

CONFIG_ENV = "BREASTEDU_CLINIC_CONFIG"
CONFIG_NAME = "clinic.toml"
APP_NAME = "breastedu"
LOGO_SUFFIXES = (".svg", ".png")


@dataclass(frozen=True)
class Clinic:
    """What a printed sheet's header and footer say about the clinic."""

    name: str
    phone: str = ""
    address: str = ""
    website: str = ""
    logo: Path | None = None
    footer: str = ""


@dataclass(frozen=True)
class KioskSettings:
    """How the waiting-room kiosk behaves; the defaults are what runs without a config."""

    enabled: bool = False
    idle_seconds: int = 120
    warning_seconds: int = 30
    pin_hash: str | None = None
    allow_print: bool = False
    printer: str | None = None
    prints_per_session: int = 3
    #: The language each new visitor finds the kiosk in (``en`` or ``zh-TW``).
    language: str = ENGLISH


@dataclass(frozen=True)
class ClinicConfig:
    """The whole file: the clinic (None when not configured) and the kiosk settings."""

    clinic: Clinic | None = None
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    path: Path | None = None
    #: the raw tables, so a later feature can read its own keys without a new loader
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


def candidate_paths() -> list[Path]:
    """Where the config is looked for when neither the option nor the variable names one."""
    return [
        platformdirs.site_config_path(APP_NAME, appauthor=False) / CONFIG_NAME,
        platformdirs.user_config_path(APP_NAME, appauthor=False) / CONFIG_NAME,
    ]


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The config file to read: ``explicit``, else the variable, else the first existing one.

    A file named explicitly (option or variable) must exist; a missing one is an error, since
    the person asked for it. The default places are only used when a file is there.
    """
    named = explicit or os.environ.get(CONFIG_ENV)
    if named:
        path = Path(named)
        if not path.is_file():
            raise InputError("no clinic config file there", where=str(path))
        return path
    for path in candidate_paths():
        if path.is_file():
            return path
    return None


def load(explicit: str | os.PathLike[str] | None = None) -> ClinicConfig:
    """Find and read the clinic config; an empty :class:`ClinicConfig` when there is none."""
    path = find_config(explicit)
    return ClinicConfig() if path is None else read_config(path)


def _line_of(text: str, table: str, key: str) -> int:
    """The line where ``key`` is set inside ``[table]`` (1 when it cannot be found)."""
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([A-Za-z0-9_.-]+)\s*\]", stripped)
        if header:
            current = header.group(1)
        elif current == table and re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    return 1


class _Reader:
    """Typed access to one table of the file, with errors that name file, line and key."""

    def __init__(self, path: Path, text: str, table: str, values: Any) -> None:
        self.path, self.text, self.table = path, text, table
        if not isinstance(values, dict):
            raise InputError(f"[{table}] must be a table", where=f"{path}:{_line_of(text, table, '')}")
        self.values: dict[str, Any] = values

    def fail(self, key: str, problem: str) -> InputError:
        where = f"{self.path}:{_line_of(self.text, self.table, key)}"
        return InputError(f"{self.table}.{key} {problem}", where=where)

    def text_value(self, key: str, default: str = "", *, limit: int = 200) -> str:
        value = self.values.get(key, default)
        if not isinstance(value, str):
            raise self.fail(key, "must be text in quotes")
        value = value.strip()
        if len(value) > limit or any(ord(c) < 32 for c in value):
            raise self.fail(key, f"must be one line of at most {limit} characters")
        return value

    def bool_value(self, key: str, default: bool) -> bool:
        value = self.values.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def int_value(self, key: str, default: int, low: int, high: int) -> int:
        value = self.values.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(key, f"must be a whole number from {low} to {high}")
        return value

    def choice_value(self, key: str, default: str, choices: tuple[str, ...]) -> str:
        value = self.values.get(key, default)
        if value not in choices:
            quoted = " or ".join(f'"{c}"' for c in choices)
            raise self.fail(key, f"must be {quoted}, not {value!r}")
        return str(value)

    def unknown_keys(self, known: set[str]) -> None:
        for key in sorted(set(self.values) - known):
            raise self.fail(key, f"is not a setting (known: {', '.join(sorted(known))})")


def read_config(path: Path) -> ClinicConfig:
    """Read and check the config at ``path`` (InputError naming file, line and key)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read the clinic config ({exc.__class__.__name__})", where=str(path)
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f"{path}:{line.group(1)}" if line else str(path)
        raise InputError(f"not valid TOML ({str(exc).split(' (at')[0]})", where=where) from exc
    for table in sorted(set(data) - {"clinic", "kiosk"}):
        raise InputError(f"[{table}] is not a section (known: [clinic], [kiosk])", where=f"{path}:1")
    clinic = _read_clinic(path, text, data["clinic"]) if "clinic" in data else None
    kiosk = _read_kiosk(path, text, data.get("kiosk", {}))
    return ClinicConfig(clinic=clinic, kiosk=kiosk, path=path, raw=data)


def _read_clinic(path: Path, text: str, values: Any) -> Clinic:
    r = _Reader(path, text, "clinic", values)
    r.unknown_keys({"name", "phone", "address", "website", "logo", "footer"})
    name = r.text_value("name")
    if not name:
        raise r.fail("name", "is required in [clinic]")
    logo_text = r.text_value("logo", limit=1000)
    logo = None
    if logo_text:
        logo = (path.parent / logo_text).resolve()
        if logo.suffix.lower() not in LOGO_SUFFIXES:
            raise r.fail("logo", "must be an .svg or .png file")
        if not logo.is_file():
            raise r.fail("logo", f"names a file that does not exist ({logo})")
    return Clinic(
        name=name,
        phone=r.text_value("phone"),
        address=r.text_value("address"),
        website=r.text_value("website"),
        logo=logo,
        footer=r.text_value("footer", limit=300),
    )


def _read_kiosk(path: Path, text: str, values: Any) -> KioskSettings:
    r = _Reader(path, text, "kiosk", values)
    defaults = KioskSettings()
    r.unknown_keys(
        {
            "enabled",
            "idle_seconds",
            "warning_seconds",
            "pin_hash",
            "allow_print",
            "printer",
            "prints_per_session",
            "language",
        }
    )
    pin_hash = r.text_value("pin_hash", limit=500) or None
    printer = r.text_value("printer") or None
    return KioskSettings(
        enabled=r.bool_value("enabled", defaults.enabled),
        idle_seconds=r.int_value("idle_seconds", defaults.idle_seconds, 5, 24 * 3600),
        # 20 s is WCAG 2.2.1's minimum; lower values are allowed for testing.
        warning_seconds=r.int_value("warning_seconds", defaults.warning_seconds, 1, 600),
        pin_hash=pin_hash,
        allow_print=r.bool_value("allow_print", defaults.allow_print),
        printer=printer,
        prints_per_session=r.int_value("prints_per_session", defaults.prints_per_session, 0, 100),
        language=r.choice_value("language", defaults.language, LANGUAGES),
    )
