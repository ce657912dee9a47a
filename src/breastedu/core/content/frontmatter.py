"""Markdown files with TOML front matter between ``+++`` lines (guides, answered questions).

Errors are ``InputError`` naming the file and line, so ``build-seed`` stops with one clear
line instead of shipping a broken file.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from breastedu.core.errors import InputError

FENCE = "+++"
_TOML_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True)
class FrontMatterFile:
    """A file split into its parsed front matter and its Markdown body."""

    path: Path
    meta: dict[str, Any]
    lines: list[str]  # every line of the file, for line numbers
    body_start: int  # index in ``lines`` of the first body line (file line = index + 1)
    body_md: str  # the body, stripped of blank lines at both ends, ending in one newline

    def line_of(self, key: str) -> int:
        """The 1-based line where front-matter ``key`` is set (1 when it is not set)."""
        return line_of(self.lines, key) or 1

    def where(self, key: str) -> str:
        """``path:line`` of front-matter ``key``, for error messages."""
        return f"{self.path}:{self.line_of(key)}"

    def text(self, key: str) -> str:
        """A required non-empty string field."""
        value = self.meta.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"the front matter needs a non-empty '{key}' string", where=self.where(key))
        return value.strip()

    def date(self, key: str) -> dt.date:
        """A required TOML date field such as ``2026-11-30``."""
        value = self.meta.get(key)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise InputError(f"'{key}' must be a TOML date such as 2026-11-30", where=self.where(key))
        return value

    def strings(self, key: str, *, required: bool) -> tuple[str, ...]:
        """A list of non-empty strings; empty when not set and not ``required``."""
        value = self.meta.get(key)
        if value is None and not required:
            return ()
        if (
            not isinstance(value, list)
            or (required and not value)
            or not all(isinstance(s, str) and s.strip() for s in value)
        ):
            need = "a non-empty list" if required else "a list"
            raise InputError(f"'{key}' must be {need} of strings", where=self.where(key))
        return tuple(s.strip() for s in value)


def read_front_matter_file(path: Path, what: str) -> FrontMatterFile:
    """Read ``path`` and split it; ``what`` names the kind of file in error messages."""
    try:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the {what}: {exc}", where=f"{path}:1") from exc
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise InputError(f"a {what} must start with a '+++' line opening its front matter", where=f"{path}:1")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise InputError("the front matter has no closing '+++' line", where=f"{path}:1") from None
    meta = parse_front_matter("\n".join(lines[1:close]), path)
    body_start = close + 1
    body_md = "\n".join(lines[body_start:]).strip("\n") + "\n"
    return FrontMatterFile(path=path, meta=meta, lines=lines, body_start=body_start, body_md=body_md)


def parse_front_matter(toml_text: str, path: Path) -> dict[str, Any]:
    """Parse the TOML between the fences; a syntax error points at its line in the file."""
    try:
        return tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) + 1 if found else 1  # +1: the opening fence line
        raise InputError(f"invalid front matter: {exc}", where=f"{path}:{line}") from exc


def line_of(lines: list[str], key: str) -> int | None:
    """The 1-based line where front-matter ``key`` is set, for error messages."""
    for number, line in enumerate(lines, start=1):
        if line.split("=", 1)[0].strip() == key:
            return number
        if number > 1 and line.strip() == FENCE:
            return None
    return None
