"""The editors' checks (``breastedu check-content`` and ``build-seed``): the reading gate on
guides and on each topic's answers pooled, the warning-sign consistency check, review dates."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from breastedu.core.content import checks
from breastedu.core.content.importer import load_tree
from breastedu.core.content.readability import GuideGrades
from breastedu.core.content.seed import ContentCheckError, build_seed
from breastedu.core.search.build import build_step

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
TODAY = dt.date(2026, 12, 7)
TOPICS = [t.slug for t in load_tree(DATA / "topics.toml").topics]
HARD = (
    "Comprehensive multidisciplinary evaluation of indeterminate cytological characteristics "
    "necessitates individualized consideration of molecular diagnostic methodologies. "
) * 40


def copy_data(tmp_path: Path) -> Path:
    """The repo's content sources, without the built seed, in a scratch folder."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("seed.sqlite*", "*.tantivy*"))
    return data


def report(data: Path) -> checks.ContentReport:
    return checks.check(checks.load_editors_content(data, TOPICS), TODAY)


def plant_contradiction(data: Path) -> Path:
    """A same-day sign (sudden painful neck swelling) put under "call soon" in one answer."""
    path = data / "questions" / "goiter" / "what-causes-a-goiter.md"
    text = path.read_text(encoding="utf-8")
    before = "Call your doctor soon if the swelling grows fast,"
    assert before in text, "the answer changed: plant the contradiction elsewhere"
    text = text.replace(
        before, "Call your doctor soon if your neck suddenly swells and hurts, the swelling grows fast,"
    )
    path.write_text(text, encoding="utf-8")
    return path


def plant_hard_guide(data: Path) -> Path:
    path = data / "guides" / "goiter.md"
    text = path.read_text(encoding="utf-8").replace("## What it is\n", f"## What it is\n\n{HARD}\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_repo_content_passes_every_check() -> None:
    """Every guide and every topic's answers pooled read at grade 8 or below (FK and SMOG),
    no answer contradicts its topic's warning signs, every topic has them, nothing overdue."""
    found = report(DATA)
    assert found.findings == ()
    assert {(r.what, r.topic) for r in found.grades} == {(w, t) for w in ("guide", "answers") for t in TOPICS}
    for row in found.grades:
        assert 0 < row.grades.fk <= checks.MAX_GRADE and 0 < row.grades.smog <= checks.MAX_GRADE, row
    # Pooled, every topic has enough sentences for SMOG to mean something (it assumes 30).
    assert all(r.grades.sentences >= 30 for r in found.grades if r.what == "answers")


@pytest.mark.parametrize(("grade", "fails"), [(8.0, False), (8.1, True)])
def test_the_reading_gate_fails_one_step_past_its_ceiling(grade: float, fails: bool) -> None:
    """Grades are rounded to 0.1: 8.0 passes and 8.1, the next step, fails (each formula)."""
    for fk, smog in ((grade, 5.0), (5.0, grade)):
        row = checks.GradeRow(
            "guide", "goiter", DATA / "guides" / "goiter.md", 1, GuideGrades(fk, smog, 6.0, 4.0, 40)
        )
        assert bool(checks.grade_problems(row)) is fails


def test_a_planted_contradiction_fails_with_file_and_line(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = plant_contradiction(data)
    (finding,) = report(data).findings
    line = (
        path.read_text(encoding="utf-8")
        .split("\n")
        .index(next(x for x in path.read_text(encoding="utf-8").split("\n") if "suddenly swells" in x))
    )
    assert finding.kind == checks.RED_FLAGS
    assert finding.message.startswith(f"{path}:{line + 1}: 'suddenly swell' is under call soon")


def test_a_planted_hard_guide_fails_the_reading_gate(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = plant_hard_guide(data)
    findings = report(data).findings
    assert [f.kind for f in findings] == [checks.READING, checks.READING]
    assert all(f.message.startswith(f"{path}:1: this guide read at ") for f in findings)
    assert "Flesch–Kincaid" in findings[0].message and "SMOG" in findings[1].message


def test_answers_are_gated_pooled_per_topic_not_one_by_one(tmp_path: Path) -> None:
    """One hard answer among easy ones is judged with its topic; a topic whose pool is hard
    fails, naming the answer that reads hardest."""
    data = copy_data(tmp_path)
    hardest = data / "questions" / "goiter" / "what-causes-a-goiter.md"
    hardest.write_text(hardest.read_text(encoding="utf-8") + f"\n{HARD}\n", encoding="utf-8")
    findings = report(data).findings
    assert findings and all(f.kind == checks.READING for f in findings)
    assert all(f.message.startswith(f"{hardest}:1: the 8 goiter answers, pooled,") for f in findings)


def test_build_seed_refuses_what_check_content_refuses(tmp_path: Path) -> None:
    """The same checks run where content is made: a contradiction always refuses; hard
    reading refuses unless waived, and the waiver turns it into a warning."""
    data = copy_data(tmp_path)
    plant_hard_guide(data)
    out = tmp_path / "seed.sqlite"
    with pytest.raises(ContentCheckError, match=r"goiter\.md:1: this guide read at"):
        build_seed(data, out, search=build_step(index=False), today=TODAY)
    assert not out.exists()
    built = build_seed(data, out, search=build_step(index=False), allow_hard_reading=True, today=TODAY)
    assert out.exists() and any("this guide read at" in w for w in built.warnings)
    plant_contradiction(data)
    with pytest.raises(ContentCheckError, match="is under call soon") as info:
        build_seed(
            data,
            tmp_path / "other.sqlite",
            search=build_step(index=False),
            allow_hard_reading=True,
            today=TODAY,
        )
    assert len(info.value.findings) == 1


def test_overdue_reviews_are_reported_but_do_not_stop_a_build(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    guide = data / "guides" / "goiter.md"
    text = re.sub(r"^checked = .*$", "checked = 2024-01-15", guide.read_text(encoding="utf-8"), flags=re.M)
    guide.write_text(text.replace("Checked: 2026-12-07", "Checked: 2024-01-15"), encoding="utf-8")
    found = report(data)
    (finding,) = found.findings
    assert finding.kind == checks.REVIEW and finding.message.startswith(
        f"{guide}:1: review overdue since 2025-01-15"
    )
    assert found.blocking() == ()
