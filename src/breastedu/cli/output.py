"""JSON output of the CLI: core's frozen dataclasses, tuples, dates and enums as plain JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import sys
import unicodedata
from collections.abc import Iterable
from typing import Any

from breastedu.core.notebook.dto import BASIS_BY_WORD, RepeatBasis

# The same short words as the JSON data export uses for a repeat rule's basis.
_BASIS_WORDS = {basis: word for word, basis in BASIS_BY_WORD.items()}


def jsonable(value: Any) -> Any:
    """``value`` with dataclasses as objects, tuples as lists, dates as ISO text, enums as words."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, RepeatBasis):
        return _BASIS_WORDS[value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON on stdout."""
    print(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def print_json_streamed(value: Any, key: str, items: Iterable[Any]) -> None:
    """Print ``value`` (a dataclass) exactly as :func:`print_json` would, but with its list
    ``key`` taken from ``items`` and written one item at a time, so that a list of any length
    is never held in memory whole."""
    write = sys.stdout.write
    fields = jsonable(value)
    write("{")
    for n, (name, field) in enumerate(fields.items()):
        write(("," if n else "") + "\n  " + json.dumps(name) + ": ")
        if name != key:
            write(_indented(field, "  "))
            continue
        count = 0
        for count, item in enumerate(items, start=1):
            write(("[" if count == 1 else ",") + "\n    " + _indented(jsonable(item), "    "))
        write("\n  ]" if count else "[]")
    write("\n}\n")


def _indented(value: Any, indent: str) -> str:
    # json.dumps escapes newlines inside strings, so every raw newline starts a JSON line.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def padded(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (a Chinese character takes
    two)."""
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, columns - width)
