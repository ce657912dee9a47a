"""Each topic's warning signs, defined once: ``data/redflags/<topic-slug>.toml``.

One file per topic holds its signs at three levels, most urgent first::

    topic = "goiter"
    checked = 2026-12-07

    [[emergency]]                      # call emergency services now
    sign = "You have trouble breathing, or noisy or high-pitched breathing."
    keys = ["breath"]                  # phrases that name this sign in an answer's own text
    source = "StatPearls: Goiter (NCBI Bookshelf, NBK562161)"

    [[same_day]]                       # call your doctor the same day
    ...

    [[soon]]                           # call your doctor soon
    ...

The guide's "When to call your doctor" section is left empty in the guide file and filled
from here (:func:`as_markdown`) when the guide is loaded, so the guide page, the printed
topic sheet and the search index all carry these words; every answer page and answer sheet
of the topic shows the same list from the content DB's ``red_flag`` rows.

:func:`answer_contradictions` is the build's consistency check. It reads an answer's own
"When to call" section sentence by sentence, gives each sentence the level its words ask
for ("emergency" > "same day" > "soon"; a sentence without such words keeps the level of
the one before, so a list keeps its lead-in's level), and looks for each sign's ``keys`` in
it. A sign found in a sentence of a *less* urgent level than its own is a contradiction (a
same-day sign under "call soon"). Putting a sign under a more urgent level is not flagged:
it errs on the safe side. A key is matched at the start of a word, case-insensitively,
and may run on ("breath" finds "breathe" and "breathing"); keep keys specific to the sign.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from breastedu.core.errors import InputError
from breastedu.core.languages import ENGLISH, WARNING_WORDS

EMERGENCY = "emergency"
SAME_DAY = "same_day"
SOON = "soon"
#: The levels, most urgent first.
LEVELS: tuple[str, ...] = (EMERGENCY, SAME_DAY, SOON)
#: The bold lead-in each level prints under (the words the guides already use).
LEAD_INS: dict[str, str] = {
    EMERGENCY: (
        "**Call emergency services or go to the emergency department now** (do not drive yourself) if:"
    ),
    SAME_DAY: "**Call your doctor the same day** if:",
    SOON: "**Call your doctor soon** if:",
}
#: How a level is named in messages.
LEVEL_NAMES: dict[str, str] = {EMERGENCY: "emergency now", SAME_DAY: "same day", SOON: "call soon"}
#: The guide and answer section that holds the warning signs.
SECTION = "When to call your doctor"

_ENTRY_KEYS = frozenset({"sign", "keys", "source"})
_FILE_KEYS = frozenset({"topic", "checked", *LEVELS})

# What a sentence's own words ask for, most urgent first.
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (EMERGENCY, re.compile(r"\bemergency\b|\b911\b|\bambulance\b")),
    (SAME_DAY, re.compile(r"\bsame[ -]day\b|\btoday\b|\bright away\b|\bthat day\b|\bat once\b")),
    (SOON, re.compile(r"\bsoon\b|\bcall your doctor\b|\bsee your doctor\b|\bsee a doctor\b")),
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class RedFlag:
    """One warning sign: its level, the words a reader sees, how to find it in an answer's
    text, and the guideline it comes from."""

    level: str
    sign: str
    keys: tuple[str, ...]
    source: str
    line: int  # where its entry starts in the file, for messages


@dataclass(frozen=True)
class TopicRedFlags:
    """A topic's warning signs, most urgent level first, in file order within a level."""

    topic: str
    checked: dt.date
    flags: tuple[RedFlag, ...]
    path: Path

    def at(self, level: str) -> tuple[RedFlag, ...]:
        return tuple(f for f in self.flags if f.level == level)


class _Sign(Protocol):
    @property
    def level(self) -> str: ...

    @property
    def sign(self) -> str: ...


def as_markdown(flags: Sequence[_Sign], lang: str = ENGLISH) -> str:
    """The signs as Markdown: each level that has signs, its bold lead-in (in ``lang``, whose
    signs ``flags`` are) and a list."""
    lead_ins = WARNING_WORDS.get(lang, LEAD_INS)
    blocks = []
    for level in LEVELS:
        signs = [f.sign for f in flags if f.level == level]
        if signs:
            blocks.append(lead_ins[level] + "\n\n" + "\n".join(f"- {s}" for s in signs))
    return "\n\n".join(blocks) + "\n"


def load_redflags(path: Path, topics: Sequence[str] | None = None) -> TopicRedFlags:
    """Read and check one topic's file; ``InputError`` naming the file and line if bad.
    ``topics`` (when given) are the known topic slugs."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the warning signs: {exc}", where=f"{path}:1") from exc
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise InputError(f"invalid TOML: {exc}", where=f"{path}:{found.group(1) if found else 1}") from exc
    lines = text.split("\n")
    unknown = sorted(set(data) - _FILE_KEYS)
    if unknown:
        raise InputError(
            f"unknown key {unknown[0]!r} (known: topic, checked, {', '.join(LEVELS)})",
            where=f"{path}:{_line(lines, unknown[0])}",
        )
    topic = data.get("topic")
    if topic != path.stem:
        raise InputError(
            f"'topic' must be {path.stem!r}, the file's name", where=f"{path}:{_line(lines, 'topic')}"
        )
    if topics is not None and topic not in topics:
        raise InputError(
            f"unknown topic {topic!r} (see data/topics.toml)", where=f"{path}:{_line(lines, 'topic')}"
        )
    checked = data.get("checked")
    if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
        raise InputError(
            "'checked' must be a TOML date such as 2026-12-07", where=f"{path}:{_line(lines, 'checked')}"
        )
    flags: list[RedFlag] = []
    for level in LEVELS:
        entries = data.get(level, [])
        starts = [i for i, line in enumerate(lines, start=1) if line.strip() == f"[[{level}]]"]
        if not isinstance(entries, list) or len(starts) != len(entries):
            raise InputError(
                f"write each {level} sign as a [[{level}]] table", where=f"{path}:{_line(lines, level)}"
            )
        flags.extend(
            _flag(level, entry, f"{path}:{start}", start)
            for entry, start in zip(entries, starts, strict=True)
        )
    if not flags:
        raise InputError(
            "no warning signs: add at least one [[emergency]], [[same_day]] or [[soon]]", where=f"{path}:1"
        )
    return TopicRedFlags(topic=topic, checked=checked, flags=tuple(flags), path=path)


def _flag(level: str, entry: object, where: str, line: int) -> RedFlag:
    if not isinstance(entry, dict):
        raise InputError(f"a [[{level}]] entry must be a table", where=where)
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        raise InputError(f"unknown key {unknown[0]!r} (known: sign, keys, source)", where=where)
    sign, source, keys = entry.get("sign"), entry.get("source"), entry.get("keys")
    if not isinstance(sign, str) or not sign.strip():
        raise InputError("each sign needs a non-empty 'sign' (the words a reader sees)", where=where)
    if not isinstance(source, str) or not source.strip():
        raise InputError("each sign needs its 'source' (the guideline it comes from)", where=where)
    if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and _norm(k) for k in keys):
        raise InputError(
            "each sign needs 'keys': phrases that name it in an answer's text, e.g. [\"trouble breathing\"]",
            where=where,
        )
    return RedFlag(
        level=level, sign=sign.strip(), keys=tuple(k.strip() for k in keys), source=source.strip(), line=line
    )


def load_all(folder: Path, topics: Sequence[str] | None = None) -> dict[str, TopicRedFlags]:
    """Every ``<topic>.toml`` in ``folder`` (none when it does not exist), by topic slug."""
    if not folder.is_dir():
        return {}
    found = (load_redflags(p, topics) for p in sorted(folder.glob("*.toml")))
    return {flags.topic: flags for flags in found}


def _line(lines: list[str], key: str) -> int:
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.split("=", 1)[0].strip() == key or stripped == f"[[{key}]]":
            return number
    return 1


# The consistency check -------------------------------------------------------------------------


def _norm(text: str) -> str:
    """Lower case, every run of non-letters one space (so "red, hot" is "red hot")."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(_norm(key)))


def section_sentences(
    lines: Sequence[str], first_line: int, section: str = SECTION
) -> Iterator[tuple[int, str, str]]:
    """``(file line, level, sentence)`` for every sentence under ``## <section>`` in
    ``lines`` (Markdown whose first line is file line ``first_line``), each with the level
    its own words or the sentences before it ask for (``soon`` until one asks otherwise)."""
    inside = False
    level = SOON
    for number, line in enumerate(lines, start=first_line):
        if line.startswith("#"):
            inside = line.lstrip("#").strip().lower() == section.lower()
            level = SOON
            continue
        if not inside or not line.strip():
            continue
        text = _LIST_MARK.sub("", line).replace("*", "")
        for sentence in _SENTENCE.split(text):
            said = _norm(sentence)
            level = next((lvl for lvl, cue in _CUES if cue.search(said)), level)
            yield number, level, sentence.strip()


def contradictions(
    lines: Sequence[str], first_line: int, where: Path, flags: TopicRedFlags, section: str = SECTION
) -> list[str]:
    """``file:line: ...`` for every sign of ``flags`` that the ``## <section>`` text puts
    under a less urgent level than its own (see the module's description)."""
    patterns = [(flag, [(key, _key_pattern(key)) for key in flag.keys]) for flag in flags.flags]
    problems = []
    for number, placed, sentence in section_sentences(lines, first_line, section):
        said = _norm(sentence)
        for flag, keys in patterns:
            if LEVELS.index(flag.level) >= LEVELS.index(placed):
                continue
            key = next((k for k, pattern in keys if pattern.search(said)), None)
            if key is not None:
                problems.append(
                    f"{where}:{number}: {key!r} is under {LEVEL_NAMES[placed]} here, but the sign "
                    f"{_short(flag.sign)!r} is {LEVEL_NAMES[flag.level]} in {flags.path}:{flag.line}"
                )
    return problems


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def file_contradictions(path: Path, flags: TopicRedFlags, section: str = SECTION) -> list[str]:
    """:func:`contradictions` over a whole Markdown file (front matter has no ``##`` lines)."""
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    return contradictions(lines, 1, path, flags, section)
