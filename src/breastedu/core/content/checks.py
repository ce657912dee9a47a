"""The editors' checks on what the editors write: guides, answers and warning signs.

``breastedu check-content`` prints them as a report; ``breastedu build-seed`` runs the same
checks and refuses to build when one fails (the reading gate may be waived with
``--allow-hard-reading``). Imported Q&A pages are never checked here: they are someone
else's words, shown as published.

- **Reading gate.** Flesch–Kincaid and SMOG of the running prose (``readability``), at most
  :data:`MAX_GRADE` each. A guide is scored on its own. Answers are scored *pooled per
  topic*: a single answer has 5–17 sentences and SMOG needs about 30, so one answer's
  figure means little. Grades are rounded to 0.1; 8.0 passes, 8.1 fails.
- **Warning signs.** Each topic with a guide or answers has ``data/redflags/<topic>.toml``;
  no answer's "When to call your doctor" text and no guide's "Key points" puts a sign under
  a less urgent level than that file (``redflags.contradictions``).
- **Sources.** Every guide, answer and sign names its sources (the loaders refuse a file
  without them; the report counts them).
- **Review dates.** A guide a year past its check, an answer past its ``next_review`` and
  a warning-sign file a year past its ``checked`` date are reported (a build warning, not
  a refusal: a clinic's build must not break on a date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from breastedu.core.content.answers import Answer, load_answers
from breastedu.core.content.guides import Guide, load_guides, next_review_due
from breastedu.core.content.readability import SECOND_FORMULA, GuideGrades, guide_grades
from breastedu.core.content.redflags import TopicRedFlags, contradictions, load_all
from breastedu.core.errors import InputError

#: The highest reading grade (Flesch–Kincaid and SMOG) a guide or a topic's answers may have.
MAX_GRADE = 8.0

READING = "reading"
RED_FLAGS = "red flags"
REVIEW = "review"


@dataclass(frozen=True)
class Finding:
    """One problem: its kind (:data:`READING`, ...) and a ``file:line: what`` message."""

    kind: str
    message: str


@dataclass(frozen=True)
class GradeRow:
    """The reading grades of one guide, or of one topic's answers pooled."""

    what: str  # "guide" or "answers"
    topic: str
    path: Path  # the guide, or the answer that reads hardest (Flesch–Kincaid) in the pool
    texts: int  # 1 for a guide, the number of answers in a pool
    grades: GuideGrades


@dataclass(frozen=True)
class EditorsContent:
    """Everything the editors wrote, loaded and checked for shape."""

    red_flags: Mapping[str, TopicRedFlags]
    guides: Sequence[Guide]
    answers: Sequence[Answer]


@dataclass(frozen=True)
class ContentReport:
    """What :func:`check` found."""

    grades: tuple[GradeRow, ...]
    findings: tuple[Finding, ...]
    sources: int  # sources named by guides, answers and warning signs, counted once per file

    def blocking(self, *, allow_hard_reading: bool = False) -> tuple[Finding, ...]:
        """What stops ``build-seed``: everything but review dates (and reading, if waived)."""
        waived = {REVIEW} | ({READING} if allow_hard_reading else set())
        return tuple(f for f in self.findings if f.kind not in waived)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == REVIEW)


def load_editors_content(data_dir: Path, topics: Sequence[str]) -> EditorsContent:
    """Load ``redflags/``, ``guides/`` and ``questions/`` under ``data_dir`` (each may be
    missing); ``InputError`` naming the file and line of the first malformed one."""
    red_flags = load_all(data_dir / "redflags", topics)
    guides_dir, questions_dir = data_dir / "guides", data_dir / "questions"
    guides = load_guides(guides_dir, red_flags) if guides_dir.is_dir() else []
    for guide in guides:
        if guide.slug not in topics:
            raise InputError(f"guide for unknown topic {guide.slug!r}", where=f"{guide.path}:1")
    guide_sources = {slug: () for slug in topics} | {g.slug: g.sources for g in guides}
    answers = load_answers(questions_dir, guide_sources) if questions_dir.is_dir() else []
    return EditorsContent(red_flags=red_flags, guides=guides, answers=answers)


def grade_problems(row: GradeRow) -> list[Finding]:
    """One finding per grade above :data:`MAX_GRADE` (none at or below it)."""
    where = f"{row.path}:1"
    subject = "this guide" if row.what == "guide" else f"the {row.texts} {row.topic} answers, pooled,"
    hint = "" if row.what == "guide" else " (this answer reads hardest by Flesch–Kincaid)"
    return [
        Finding(
            READING,
            f"{where}: {subject} read at {name} grade {grade:.1f}, above {MAX_GRADE:.0f}{hint}; "
            "use shorter sentences, and keep needed medical words with a plain explanation",
        )
        for name, grade in (("Flesch–Kincaid", row.grades.fk), (SECOND_FORMULA, row.grades.smog))
        if grade > MAX_GRADE
    ]


def reading_grades(content: EditorsContent) -> tuple[GradeRow, ...]:
    """Each guide's grades, then each topic's answers pooled, by topic slug."""
    rows = [GradeRow("guide", g.slug, g.path, 1, g.grades or guide_grades(g.body_md)) for g in content.guides]
    by_topic: dict[str, list[Answer]] = {}
    for answer in content.answers:
        by_topic.setdefault(answer.topic, []).append(answer)
    for topic, answers in sorted(by_topic.items()):
        pooled = guide_grades("\n\n".join(a.prose_md for a in answers))
        hardest = max(answers, key=lambda a: (guide_grades(a.prose_md).fk, a.slug))
        rows.append(GradeRow("answers", topic, hardest.path, len(answers), pooled))
    return tuple(rows)


def check(content: EditorsContent, today: dt.date) -> ContentReport:
    """Run every check on ``content`` (see the module's description)."""
    grades = reading_grades(content)
    findings = [f for row in grades for f in grade_problems(row)]
    findings.extend(_red_flag_findings(content))
    findings.extend(_review_findings(content, today))
    sources = sum(len(g.sources) for g in content.guides) + sum(len(a.sources) for a in content.answers)
    sources += sum(len({f.source for f in flags.flags}) for flags in content.red_flags.values())
    return ContentReport(grades=grades, findings=tuple(findings), sources=sources)


def _red_flag_findings(content: EditorsContent) -> list[Finding]:
    out = []
    covered = {g.slug: g.path for g in content.guides} | {a.topic: a.path for a in content.answers}
    for topic, path in sorted(covered.items()):
        if topic not in content.red_flags:
            out.append(
                Finding(
                    RED_FLAGS,
                    f"{path}:1: the {topic} topic has no warning signs: write them once in "
                    f"data/redflags/{topic}.toml (see data/redflags/README.md)",
                )
            )
    for guide in content.guides:
        flags = content.red_flags.get(guide.slug)
        if flags is not None:
            lines = guide.path.read_text(encoding="utf-8").split("\n")
            out.extend(
                Finding(RED_FLAGS, m) for m in contradictions(lines, 1, guide.path, flags, "Key points")
            )
    for answer in content.answers:
        flags = content.red_flags.get(answer.topic)
        if flags is not None:
            lines = answer.path.read_text(encoding="utf-8").split("\n")
            out.extend(Finding(RED_FLAGS, m) for m in contradictions(lines, 1, answer.path, flags))
    return out


def _review_findings(content: EditorsContent, today: dt.date) -> list[Finding]:
    out = [
        Finding(
            REVIEW,
            f"{g.path}:1: review overdue since {g.review_due.isoformat()} (checked "
            f"{g.checked.isoformat()}); check it against its guidelines and update 'checked'",
        )
        for g in content.guides
        if g.review_due < today
    ]
    out.extend(
        Finding(
            REVIEW,
            f"{a.path}:1: review overdue since {a.next_review.isoformat()}; check it "
            "against its guide and update 'checked' and 'next_review'",
        )
        for a in content.answers
        if a.next_review < today
    )
    out.extend(
        Finding(
            REVIEW,
            f"{f.path}:1: review overdue since {next_review_due(f.checked).isoformat()}; "
            "check the signs against their guidelines and update 'checked'",
        )
        for f in content.red_flags.values()
        if next_review_due(f.checked) < today
    )
    return out
