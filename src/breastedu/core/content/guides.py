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
(``next_review_due``); a guide past that date is a build warning (``review_warnings``). A
guide that breaks a rule is an ``InputError`` naming the file and line, so ``build-seed``
stops with one clear line instead of shipping it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from breastedu.core.content.frontmatter import line_of, read_front_matter_file
from breastedu.core.content.readability import SECOND_FORMULA, GuideGrades, guide_grades
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

MAX_GRADE = 8.0

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


def load_guide(path: Path) -> Guide:
    """Read and validate one guide file; raise ``InputError`` naming file and line if bad."""
    doc = read_front_matter_file(path, "guide")
    meta, lines, body_start, body_md = doc.meta, doc.lines, doc.body_start, doc.body_md

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


#: Files in the guides folder that are notes about the guides, not guides.
NOT_GUIDES = frozenset({"PEMAT.md", "README.md"})


def load_guides(folder: Path) -> list[Guide]:
    """Load every ``*.md`` guide in ``folder`` (not ``NOT_GUIDES``), sorted by slug so builds
    are deterministic."""
    paths = (p for p in folder.glob("*.md") if p.name not in NOT_GUIDES)
    return sorted((load_guide(p) for p in paths), key=lambda g: g.slug)


def readability_problems(guide: Guide) -> list[str]:
    """Plain sentences saying which grade is above ``MAX_GRADE``; empty when both pass."""
    problems = []
    for name, grade in (("Flesch–Kincaid", guide.grade_fk), (SECOND_FORMULA, guide.grade_2)):
        if grade > MAX_GRADE:
            problems.append(
                f"{guide.path.name}: {name} grade {grade:.1f} is above "
                f"{MAX_GRADE:.0f}; use shorter sentences and shorter words"
            )
    return problems


def review_warnings(guides: list[Guide], today: dt.date) -> list[str]:
    """One line per guide whose review date has passed (a build warning, not an error)."""
    return [
        f"{g.path.name}: review overdue since {g.review_due.isoformat()} "
        f"(checked {g.checked.isoformat()}); check it against its guidelines and update 'checked'"
        for g in guides
        if g.review_due < today
    ]


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
