"""Warning signs defined once per topic: the file format, how guides are filled from it, and
the check that refuses an answer whose own "When to call" text contradicts its topic's levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from breastedu.core.content import redflags
from breastedu.core.content.guides import load_guide
from breastedu.core.errors import InputError

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"

GOOD = """\
topic = "goiter"
checked = 2026-12-07

[[emergency]]
sign = "You have trouble breathing."
keys = ["breath"]
source = "StatPearls: Goiter"

[[same_day]]
sign = "Your neck suddenly swells and hurts."
keys = ["suddenly swell"]
source = "StatPearls: Goiter"

[[soon]]
sign = "Your goiter grows fast."
keys = ["grows fast"]
source = "StatPearls: Goiter"
"""


def _flags(tmp_path: Path, text: str = GOOD, name: str = "goiter.toml") -> redflags.TopicRedFlags:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return redflags.load_redflags(path, ["goiter", "thyroid-nodules"])


def _answer(tmp_path: Path, when_to_call: str) -> Path:
    path = tmp_path / "answer.md"
    path.write_text(
        '+++\nquestion = "Q?"\n+++\nSome text about breathing.\n\n## When to call your doctor\n\n'
        f"{when_to_call}\n",
        encoding="utf-8",
    )
    return path


def test_every_topic_has_warning_signs_at_three_levels_with_sources() -> None:
    """Each of the ten topics has its file; every sign names its source; emergency comes first."""
    every = redflags.load_all(DATA / "redflags")
    assert len(every) == 10
    for topic, flags in every.items():
        assert flags.at(redflags.EMERGENCY) and flags.at(redflags.SOON), topic
        assert all(f.source and f.keys for f in flags.flags), topic
    markdown = redflags.as_markdown(every["goiter"].flags)
    assert markdown.index("emergency department now") < markdown.index("same day") < markdown.index("soon")


def test_a_sign_without_its_source_names_the_file_and_line(tmp_path: Path) -> None:
    text = GOOD.replace('source = "StatPearls: Goiter"\n\n[[soon]]', "\n[[soon]]")
    with pytest.raises(InputError, match="'source'") as info:
        _flags(tmp_path, text)
    assert info.value.where == f"{tmp_path / 'goiter.toml'}:9"  # the [[same_day]] entry


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("[[soon]]", "[[later]]", 1), "unknown key 'later'"),
        (GOOD.replace('topic = "goiter"', 'topic = "thyroid-nodules"'), "file's name"),
        (GOOD.replace('keys = ["grows fast"]', "keys = []"), "'keys'"),
    ],
)
def test_a_malformed_file_is_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        _flags(tmp_path, text)


def test_a_same_day_sign_under_call_soon_is_a_contradiction(tmp_path: Path) -> None:
    """The planted contradiction: a same-day sign in a "call soon" sentence, at its line."""
    flags = _flags(tmp_path)
    path = _answer(tmp_path, "Call your doctor soon if your goiter grows fast or your neck suddenly swells.")
    (problem,) = redflags.file_contradictions(path, flags)
    assert problem.startswith(f"{path}:8: 'suddenly swell' is under call soon")
    assert f"same day in {flags.path}:9" in problem


def test_an_emergency_sign_in_a_list_keeps_its_lead_ins_level(tmp_path: Path) -> None:
    """A list item has the level of the lead-in above it; "Also call ..." keeps the level."""
    flags = _flags(tmp_path)
    path = _answer(tmp_path, "Call your doctor soon if:\n\n- it grows fast,\n- it is harder to breathe.")
    (problem,) = redflags.file_contradictions(path, flags)
    assert problem.startswith(f"{path}:11: 'breath' is under call soon")
    path = _answer(
        tmp_path, "**Call the same day** if your neck swells. Also call if you have trouble breathing."
    )
    (problem,) = redflags.file_contradictions(path, flags)
    assert "is under same day here" in problem and "is emergency now" in problem


def test_signs_at_their_own_level_or_more_urgent_pass(tmp_path: Path) -> None:
    """Each sign at its level, or sent to more urgent care (the safe side), is no contradiction;
    text outside the "When to call" section is not read."""
    flags = _flags(tmp_path)
    text = (
        "Call your doctor soon if your goiter grows fast.\n\n"
        "**Call the same day** if your neck suddenly swells and hurts, or it grows fast.\n\n"
        "**Call emergency services now** if you have trouble breathing."
    )
    assert redflags.file_contradictions(_answer(tmp_path, text), flags) == []


def test_the_bundled_answers_and_key_points_agree_with_their_topics() -> None:
    every = redflags.load_all(DATA / "redflags")
    problems = []
    for topic, flags in every.items():
        for path in sorted((DATA / "questions" / topic).glob("*.md")):
            problems += redflags.file_contradictions(path, flags)
        problems += redflags.file_contradictions(DATA / "guides" / f"{topic}.md", flags, "Key points")
    assert problems == []


def test_a_guide_is_filled_from_its_topics_signs_and_may_not_repeat_them(tmp_path: Path) -> None:
    """The guide file leaves "When to call your doctor" empty; loading fills it from the one
    file. Signs written into the guide too are refused at their line (defined once)."""
    flags = redflags.load_all(DATA / "redflags")["goiter"]
    guide = load_guide(DATA / "guides" / "goiter.md", flags)
    section = guide.body_md.split("## When to call your doctor", 1)[1].split("\n## ", 1)[0]
    assert section.strip() == redflags.as_markdown(flags.flags).strip()
    lines = (DATA / "guides" / "goiter.md").read_text(encoding="utf-8").split("\n")
    at = lines.index("## When to call your doctor")
    lines.insert(at + 2, "Call your doctor soon if your goiter grows fast.")
    copy = tmp_path / "goiter.md"
    copy.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match="leave this section empty") as info:
        load_guide(copy, flags)
    assert info.value.where == f"{copy}:{at + 3}"
