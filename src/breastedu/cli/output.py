"""JSON output of the CLI: core's frozen dataclasses, tuples, dates and enums as plain JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
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
