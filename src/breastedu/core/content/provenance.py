"""Where an imported page comes from, and editors' notes beside its paragraphs.

A page ``data/pages/NNN_<id>.txt`` may have a sidecar ``NNN_<id>.provenance.toml`` written
by an editor::

    [source]
    site = "台灣e院 (Taiwan e-Hospital)"
    site_owner = "Ministry of Health and Welfare"
    country = "Taiwan"
    translated_from = "Chinese"
    url = ""                       # only if the page carried one: never invented
    evidence = "Why we say so."    # e.g. the page's format and signature
    more_info_author = ""          # "" = unknown

    [[editor_note]]
    part = "more_info"             # question | reply | more_info
    paragraph = 4                  # counted from 1, paragraphs split at blank lines
    quote = "Regular self-examinations"   # must be in that paragraph (guards against drift)
    note = "Plain, sourced note."
    sources = ["..."]
    guide = "breast-screening"     # optional: the topic whose guide has current advice
    checked = 2026-11-30

The imported text is never changed: a note is shown beside its paragraph. A page without a
sidecar says that its origin was not recorded. Everything here is pure (no DB, no Qt), so the
seed build, the page HTML and ``breastedu show`` share one wording.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from breastedu.core.catalogue import ENGLISH, say, say_count
from breastedu.core.content.dto import PageProvenance
from breastedu.core.errors import InputError

SIDECAR_SUFFIX = ".provenance.toml"
PARTS = ("question", "reply", "more_info")

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class NoteRecord:
    """One ``[[editor_note]]`` of a sidecar."""

    part: str
    paragraph: int
    quote: str
    note: str
    sources: tuple[str, ...]
    guide: str
    checked: dt.date


@dataclass(frozen=True)
class Sidecar:
    """A page's provenance and editors' notes, as written by an editor."""

    path: Path
    source: PageProvenance  # the [source] table: stored as read, shown as stored
    notes: tuple[NoteRecord, ...]


def sidecar_path(page: Path) -> Path:
    """``000_abc.txt`` -> ``000_abc.provenance.toml`` beside it."""
    return page.with_name(page.stem + SIDECAR_SUFFIX)


def split_paragraphs(markdown: str) -> list[str]:
    """A Markdown text's paragraphs (blocks between blank lines), in order, non-empty."""
    return [p.strip("\n") for p in _PARAGRAPH_BREAK.split(markdown.strip()) if p.strip()]


def _text(table: dict[str, object], key: str, where: str, *, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string", where=where)
    if required and not value.strip():
        raise InputError(f"'{key}' is required and may not be empty", where=where)
    return value.strip()


def load_sidecar(page: Path) -> Sidecar | None:
    """The sidecar of ``page``, or None when it has none; InputError naming the file if bad."""
    path = sidecar_path(page)
    if not path.is_file():
        return None
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the provenance sidecar: {exc}", where=where) from exc
    table = data.get("source")
    if not isinstance(table, dict):
        raise InputError("a provenance sidecar needs a [source] table", where=where)
    source = PageProvenance(
        site=_text(table, "site", where, required=True),
        site_owner=_text(table, "site_owner", where),
        country=_text(table, "country", where, required=True),
        translated_from=_text(table, "translated_from", where),
        url=_text(table, "url", where),
        evidence=_text(table, "evidence", where),
        more_info_author=_text(table, "more_info_author", where),
    )
    if source.url and not source.url.startswith(("https://", "http://")):
        raise InputError("'url' must be a web address (https://...) or empty", where=where)
    notes = []
    raw_notes = data.get("editor_note", [])
    if not isinstance(raw_notes, list):
        raise InputError("editor notes must be [[editor_note]] tables", where=where)
    for number, raw in enumerate(raw_notes, start=1):
        at = f"{where} (editor_note {number})"
        if not isinstance(raw, dict):
            raise InputError("an editor note must be a table", where=at)
        part = _text(raw, "part", at, required=True)
        if part not in PARTS:
            raise InputError(f"'part' must be one of {', '.join(PARTS)}, not {part!r}", where=at)
        paragraph = raw.get("paragraph")
        if not isinstance(paragraph, int) or isinstance(paragraph, bool) or paragraph < 1:
            raise InputError("'paragraph' must be a whole number from 1", where=at)
        checked = raw.get("checked")
        if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
            raise InputError("'checked' must be a TOML date such as 2026-11-30", where=at)
        sources = raw.get("sources")
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
            raise InputError("'sources' must be a non-empty list: a note is always sourced", where=at)
        notes.append(
            NoteRecord(
                part=part,
                paragraph=paragraph,
                quote=_text(raw, "quote", at, required=True),
                note=_text(raw, "note", at, required=True),
                sources=tuple(s.strip() for s in sources if s.strip()),
                guide=_text(raw, "guide", at),
                checked=checked,
            )
        )
    return Sidecar(path=path, source=source, notes=tuple(notes))


def check_note_targets(sidecar: Sidecar, texts: dict[str, str]) -> None:
    """Each note's paragraph exists in its part and holds its quote (InputError if not).

    ``texts`` maps a part to the imported Markdown it was stored as.
    """
    for number, note in enumerate(sidecar.notes, start=1):
        at = f"{sidecar.path} (editor_note {number})"
        paragraphs = split_paragraphs(texts.get(note.part, ""))
        if note.paragraph > len(paragraphs):
            raise InputError(
                f"the {note.part} text has {len(paragraphs)} paragraphs, not {note.paragraph}", where=at
            )
        if note.quote.lower() not in paragraphs[note.paragraph - 1].lower():
            raise InputError(
                f"paragraph {note.paragraph} of the {note.part} text does not contain {note.quote!r}",
                where=at,
            )


_NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)


def time_ago(day: dt.date, today: dt.date, lang: str = ENGLISH) -> str:
    """How long before ``today`` ``day`` was, in words in ``lang``: "11 years ago", "three
    months ago"; "11 年前", "3 個月前"."""
    months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
    if months < 0:
        return say(lang, "a future date")  # (imports refuse one; a clock set back)
    if months < 1:
        return say(lang, "less than a month ago")
    count = months if months < 12 else months // 12
    # English spells the small numbers ("two months ago"); Chinese writes digits.
    number = _NUMBER_WORDS[count] if lang == ENGLISH and count < len(_NUMBER_WORDS) else str(count)
    if months < 12:
        return say_count(lang, count, "{number} month ago", "{number} months ago", number=number)
    return say_count(lang, count, "{number} year ago", "{number} years ago", number=number)
