"""Topic guides: Markdown files with TOML front matter, checked for shape and reading grade.

A guide lives at ``data/guides/<topic-slug>.md``::

    +++
    slug = "thyroid-nodules"
    title = "Thyroid nodules"
    summary = "One plain sentence."
    checked = 2026-11-25
    sources = ["...", "..."]
    +++
    ## Key points
    ...

Every guide has the sections of ``REQUIRED_SECTIONS`` as ``## `` headings, in that order and
no others, and ends with ``DISCLAIMER``. Its next review is due a year after ``checked``
(``next_review_due``); a guide past that date is a build warning (``checks``). A
guide that breaks a rule is an ``InputError`` naming the file and line, so ``build-seed``
stops with one clear line instead of shipping it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from breastedu.core.content.frontmatter import line_of, read_front_matter_file
from breastedu.core.content.readability import GuideGrades, guide_grades
from breastedu.core.content.redflags import SECTION as WHEN_TO_CALL
from breastedu.core.content.redflags import TopicRedFlags, as_markdown
from breastedu.core.errors import InputError

REQUIRED_SECTIONS: tuple[str, ...] = (
    "Key points",
    "What it is",
    "How it is found and checked",
    "What the results mean",
    "What usually happens next",
    "What you can do",
    "When to call your doctor",
    "Questions to ask your doctor",
    "Sources",
)

DISCLAIMER = (
    "This guide is general information, not medical advice. It cannot tell you what your own "
    "results mean. Talk with your doctor or nurse about your own health. In an emergency, call "
    "your local emergency number."
)

_HEADING = re.compile(r"^##\s+(.*?)\s*$")


@dataclass(frozen=True)
class Guide:
    """One topic guide, validated, with its reading grades."""

    slug: str
    title: str
    summary: str
    checked: dt.date
    sources: tuple[str, ...]
    body_md: str  # Markdown without the front matter
    grade_fk: float  # Flesch–Kincaid grade of the running prose (gated)
    grade_2: float  # SMOG grade of the running prose (readability.SECOND_FORMULA, gated)
    path: Path
    grades: GuideGrades | None = None  # every score, Dale–Chall and the list items' FK too

    @property
    def review_due(self) -> dt.date:
        """When the guide must next be checked against its guidelines."""
        return next_review_due(self.checked)


def next_review_due(checked: dt.date) -> dt.date:
    """The same day a year after ``checked`` (29 February moves to 1 March)."""
    try:
        return checked.replace(year=checked.year + 1)
    except ValueError:
        return dt.date(checked.year + 1, 3, 1)


def load_guide(path: Path, red_flags: TopicRedFlags | None = None) -> Guide:
    """Read and validate one guide file; raise ``InputError`` naming file and line if bad.

    With the topic's ``red_flags`` (``data/redflags/<slug>.toml``), the guide's "When to call
    your doctor" section must be empty in the file: it is filled from them here, so the
    guide's page, its printed sheet and search all carry the one list of warning signs."""
    doc = read_front_matter_file(path, "guide")
    meta, lines, body_start, body_md = doc.meta, doc.lines, doc.body_start, doc.body_md
    if red_flags is not None:
        body_md = _with_red_flags(lines, body_start, path, red_flags)

    slug = _text_field(meta, "slug", path)
    if slug != path.stem:
        raise InputError(
            f"slug {slug!r} must equal the file name {path.stem!r}",
            where=f"{path}:{line_of(lines, 'slug') or 2}",
        )
    checked = meta.get("checked")
    if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
        raise InputError(
            "'checked' must be a TOML date such as 2026-11-25",
            where=f"{path}:{line_of(lines, 'checked') or 2}",
        )
    sources = meta.get("sources")
    if (
        not isinstance(sources, list)
        or not sources
        or not all(isinstance(s, str) and s.strip() for s in sources)
    ):
        raise InputError(
            "'sources' must be a non-empty list of guideline names",
            where=f"{path}:{line_of(lines, 'sources') or 2}",
        )

    _check_sections(lines, body_start, path)
    _check_sources_section(body_md, checked, path, len(lines))
    if not body_md.rstrip().endswith(DISCLAIMER):
        raise InputError(
            "the guide must end with the standard disclaimer paragraph (guides.DISCLAIMER)",
            where=f"{path}:{len(lines)}",
        )

    grades = guide_grades(body_md)
    return Guide(
        slug=slug,
        title=_text_field(meta, "title", path),
        summary=_text_field(meta, "summary", path),
        checked=checked,
        sources=tuple(s.strip() for s in sources),
        body_md=body_md,
        grade_fk=grades.fk,
        grade_2=grades.smog,
        path=path,
        grades=grades,
    )


def _with_red_flags(lines: list[str], body_start: int, path: Path, red_flags: TopicRedFlags) -> str:
    """The body with the empty "When to call your doctor" section filled from ``red_flags``."""
    heading = f"## {WHEN_TO_CALL}"
    at = next((i for i in range(body_start, len(lines)) if lines[i].strip() == heading), None)
    if at is None:
        raise InputError(f"missing section '{heading}'", where=f"{path}:{len(lines)}")
    end = next((i for i in range(at + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    written = next((i for i in range(at + 1, end) if lines[i].strip()), None)
    if written is not None:
        raise InputError(
            f"leave this section empty: the warning signs of this topic are written once, in "
            f"{red_flags.path}, and filled in here",
            where=f"{path}:{written + 1}",
        )
    filled = [*lines[body_start : at + 1], "", as_markdown(red_flags.flags), *lines[end:]]
    return "\n".join(filled).strip("\n") + "\n"


#: Files in the guides folder that are notes about the guides, not guides.
NOT_GUIDES = frozenset({"PEMAT.md", "README.md"})


def load_guides(folder: Path, red_flags: Mapping[str, TopicRedFlags] | None = None) -> list[Guide]:
    """Load every ``*.md`` guide in ``folder`` (not ``NOT_GUIDES``), sorted by slug so builds
    are deterministic; each with its topic's warning signs from ``red_flags``, if any."""
    flags = red_flags or {}
    paths = (p for p in folder.glob("*.md") if p.name not in NOT_GUIDES)
    return sorted((load_guide(p, flags.get(p.stem)) for p in paths), key=lambda g: g.slug)


def _text_field(meta: dict[str, Any], key: str, path: Path) -> str:
    """A required non-empty string field of the front matter."""
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"the front matter needs a non-empty '{key}' string", where=f"{path}:1")
    return value.strip()


def _check_sections(lines: list[str], body_start: int, path: Path) -> None:
    """The ``## `` headings must be exactly ``REQUIRED_SECTIONS``, in order."""
    found: list[tuple[str, int]] = []
    in_code = False
    for index in range(body_start, len(lines)):
        line = lines[index]
        if line.lstrip().startswith("```"):
            in_code = not in_code
        heading = None if in_code else _HEADING.match(line)
        if heading:
            found.append((heading.group(1), index + 1))
    for position, expected in enumerate(REQUIRED_SECTIONS):
        if position >= len(found):
            raise InputError(f"missing section '## {expected}'", where=f"{path}:{len(lines)}")
        name, line_no = found[position]
        if name != expected:
            what = "out of order" if name in REQUIRED_SECTIONS else "not a known section"
            raise InputError(
                f"expected section '## {expected}' here, found '## {name}' ({what})",
                where=f"{path}:{line_no}",
            )
    if len(found) > len(REQUIRED_SECTIONS):
        name, line_no = found[len(REQUIRED_SECTIONS)]
        raise InputError(f"unexpected section '## {name}' after '## Sources'", where=f"{path}:{line_no}")


def _check_sources_section(body_md: str, checked: dt.date, path: Path, last_line: int) -> None:
    """The Sources section states the same checked date as the front matter."""
    sources = body_md.split("\n## Sources", 1)[-1]
    if f"Checked: {checked.isoformat()}" not in sources:
        raise InputError(
            f"the Sources section must say 'Checked: {checked.isoformat()}'", where=f"{path}:{last_line}"
        )
