"""The editors' answered questions: the file format and its validator, and how an answered
question reaches the reader (service, page, CLI) as what it is: the editors', not a doctor's."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from breastedu.core import paths
from breastedu.core.content.answers import load_answer, load_answers
from breastedu.core.content.guides import load_guides
from breastedu.core.content.service import ContentService
from breastedu.core.errors import InputError
from breastedu.core.render import html as render
from breastedu.core.render.pages import PageBuilder

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
GUIDE_SOURCES = {"calcifications": ("ACR BI-RADS Atlas, 5th edition (2013): mammography lexicon",)}
GUIDE_SOURCES |= {"fibroadenoma": ()}

GOOD = """\
+++
question = "Can calcifications spread?"
topic = "calcifications"
short_answer = "The spots do not spread. Some patterns are checked more closely."
sources = ["ACR BI-RADS Atlas, 5th edition (2013)"]
checked = 2026-11-30
next_review = 2027-11-30
related = ["other-question"]
+++
Calcifications are tiny bits of calcium.
"""


def write(tmp_path: Path, text: str, topic: str = "calcifications", slug: str = "spread") -> Path:
    path = tmp_path / topic / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_answer_loads_with_its_fields(tmp_path: Path) -> None:
    answer = load_answer(write(tmp_path, GOOD), GUIDE_SOURCES)
    assert answer.slug == "spread"
    assert answer.question == "Can calcifications spread?"
    assert answer.sources == ("ACR BI-RADS Atlas, 5th edition (2013)",)
    assert answer.related == ("other-question",)
    assert answer.body_md == "Calcifications are tiny bits of calcium.\n"


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        (
            'short_answer = "The spots do not spread. Some patterns are checked more closely."\n',
            "",
            1,
            "short_answer",
        ),
        ('sources = ["ACR BI-RADS Atlas, 5th edition (2013)"]\n', "", 1, "sources"),
        ('sources = ["ACR BI-RADS Atlas, 5th edition (2013)"]', "sources = []", 5, "sources"),
        ('topic = "calcifications"', 'topic = "elbows"', 3, "unknown topic 'elbows'"),
        ('(2013)"]', '(2013)", "Dr. Google"]', 5, "'Dr. Google' is not in the calcifications guide"),
        ("ACR BI-RADS Atlas, 5th edition (2013)", "ACR BI-RADS Atlas, 5th", 5, "not in the calcifications"),
        ("next_review = 2027-11-30", "next_review = 2025-01-01", 7, "after 'checked'"),
        ("checked = 2026-11-30", 'checked = "last week"', 6, "TOML date"),
        ('related = ["other-question"]', "related = []", 8, "related"),
        ('related = ["other-question"]', 'related = ["a", "b", "c", "d"]', 8, "1 to 3"),
        ("closely.", "closely. Really. Truly.", 4, "one or two sentences"),
    ],
)
def test_a_bad_answer_names_file_and_line(tmp_path: Path, old: str, new: str, line: int, words: str) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(InputError) as caught:
        load_answer(path, GUIDE_SOURCES)
    assert caught.value.where == f"{path}:{line}"
    assert words in caught.value.message


def test_the_topic_must_match_its_folder_and_have_the_source(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder name 'fibroadenoma'"):
        load_answer(write(tmp_path, GOOD, topic="fibroadenoma"), GUIDE_SOURCES)
    moved = GOOD.replace('topic = "calcifications"', 'topic = "fibroadenoma"')
    with pytest.raises(InputError, match="not in the fibroadenoma guide"):
        load_answer(write(tmp_path, moved, topic="fibroadenoma"), GUIDE_SOURCES)


def test_related_questions_must_exist_and_slugs_be_unique(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    with pytest.raises(InputError, match="'other-question' is not an answered question") as caught:
        load_answers(tmp_path, GUIDE_SOURCES)
    assert caught.value.where is not None and caught.value.where.endswith("spread.md:8")
    write(tmp_path, GOOD.replace("other-question", "spread"), slug="other-question")
    assert [a.slug for a in load_answers(tmp_path, GUIDE_SOURCES)] == ["other-question", "spread"]


def test_build_seed_stops_on_an_answer_without_sources(tmp_path: Path) -> None:
    """A question without sources never reaches the library: build-seed exits 2 naming it."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("topics.toml", "glossary.toml", "synonyms.toml"):
        (data / name).write_bytes((DATA / name).read_bytes())
    (data / "guides").mkdir()
    for guide in (DATA / "guides").glob("*.md"):
        (data / "guides" / guide.name).write_bytes(guide.read_bytes())
    bad = write(data / "questions", GOOD.replace('sources = ["ACR BI-RADS Atlas, 5th edition (2013)"]\n', ""))
    out = tmp_path / "seed.sqlite"
    run = subprocess.run(
        [sys.executable, "-m", "breastedu", "build-seed", "--data", str(data), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert f"{bad}:" in run.stderr and "sources" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists()


# The bundled answers ------------------------------------------------------------------


def bundled_answers() -> list:  # type: ignore[type-arg]
    guides = {g.slug: g.sources for g in load_guides(DATA / "guides")}
    topics = {
        line.split('"')[1]
        for line in (DATA / "topics.toml").read_text().splitlines()
        if line.startswith("slug")
    }
    return load_answers(DATA / "questions", {t: guides.get(t, ()) for t in topics})


def test_every_topic_has_at_least_eight_answered_questions_and_86_in_all() -> None:
    """Counted from what the CLI prints, as a reader of ``topics --json`` would."""
    import json

    run = run_cli("topics", "--json")
    assert run.returncode == 0, run.stderr
    topics = [t for group in json.loads(run.stdout) for t in group["topics"]]
    assert len(topics) == 10
    assert sum(len(t["answered_questions"]) for t in topics) >= 86
    for topic in topics:
        assert len(topic["answered_questions"]) >= 8, topic["slug"]
        assert topic["answer_count"] == len(topic["answered_questions"])


# How the reader sees one ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Iterator[ContentService]:
    service = ContentService.open(paths.bundled("data/seed.sqlite"))
    yield service
    service.close()


SLUG = "does-a-call-back-mean-cancer"


def test_an_answered_question_is_the_editors_with_no_asker_or_doctor(seed: ContentService) -> None:
    page = seed.question_page(SLUG)
    assert page.answer is not None
    assert page.replies == () and page.ask_date is None and page.asker_alias == ""
    assert page.answer.sources and page.answer.checked.isoformat() == "2026-11-30"
    assert 1 <= len(page.related_questions) <= 3
    assert all(q.answered_by_editors for q in page.related_questions)
    html = PageBuilder(seed).build(f"question/{SLUG}").html
    assert "Answered by the BreastEdu editors from ACR BI-RADS Atlas" in html
    assert "checked 30 November 2026" in html
    assert render.e(page.answer.short_answer) in re.sub(r"<[^>]+>", "", html)  # glossary marks split it
    assert f'href="breastedu:topic/{page.topic.slug}"' in html  # back to its guide
    for q in page.related_questions:
        assert f'href="breastedu:question/{q.slug}"' in html
    for absent in ("Dr.", "Asked by", "The doctor's reply", "Replied"):
        assert absent not in html, absent


def test_an_answer_page_shows_its_topics_warning_signs_and_who_writes_it(seed: ContentService) -> None:
    """Every answer of a topic renders the topic's one list of signs (from data/redflags),
    links "Who writes this", says no clinician has reviewed it, and prints no reading grade."""
    from breastedu.core.content.redflags import load_all

    flags = load_all(DATA / "redflags")
    for ref in seed.answered_questions():
        page = seed.question_page(ref.slug)
        assert page.answer is not None
        assert [f.sign for f in page.answer.red_flags] == [f.sign for f in flags[ref.topic_slug].flags]
    html = PageBuilder(seed).build("question/can-a-goiter-shrink").html
    plain = re.sub(r"<[^>]+>", "", html)
    assert "Warning signs: Thyroid enlargement (goiter)" in plain
    assert "You have trouble breathing, or noisy or high-pitched breathing." in plain
    assert 'href="breastedu:who-writes-this"' in html and "No doctor or nurse has reviewed it yet." in plain
    for absent in ("SMOG", "Flesch", "reading level", "Reading level"):
        assert absent not in plain, absent


def test_who_writes_this_names_the_editors_and_no_reviewer(seed: ContentService) -> None:
    """The page says the editors write from named guidelines, that no clinician has reviewed
    the text, when each guide was checked, and whom to tell: the clinic when configured."""
    from breastedu.core.clinic import Clinic

    plain = re.sub(r"<[^>]+>", "", PageBuilder(seed).build("who-writes-this").html)
    assert "BreastEdu editors" in plain and "No doctor or nurse has reviewed them yet." in plain
    assert "Breast calcifications: checked 7 December 2026" in plain
    assert "Found a mistake? Tell the clinic or the person who gave you BreastEdu." in plain
    clinic = Clinic(name="Riverside Clinic", phone="555-0100", website="riverside.example")
    plain = re.sub(r"<[^>]+>", "", PageBuilder(seed, clinic=clinic).build("who-writes-this").html)
    assert "Found a mistake? Tell Riverside Clinic (555-0100, riverside.example)." in plain
    for page in ("welcome", "about", "topic/goiter"):
        html = PageBuilder(seed).build(page).html
        assert 'href="breastedu:who-writes-this"' in html, page
        assert "doctors answered" not in html and "answered by doctors" not in html, page


def test_topic_page_lists_replies_and_answers_as_two_groups(seed: ContentService) -> None:
    page = seed.topic_page("calcifications")
    assert page.answers and all(q.answered_by_editors and q.ask_date is None for q in page.answers)
    assert page.questions and not any(q.answered_by_editors for q in page.questions)
    html = PageBuilder(seed).build("topic/calcifications").html
    answered = html.index(f"Questions we have answered ({len(page.answers)})")
    replies = html.index(f"Questions patients asked, with a doctor's reply ({len(page.questions)})")
    sources = html.index(">Sources</h2>")
    assert answered < replies < sources  # under the guide's "Questions to ask", above its Sources
    assert html.index(f"breastedu:question/{page.answers[0].slug}") < replies


def test_counts_say_both_kinds(seed: ContentService) -> None:
    calcs = next(t for g in seed.tree() for t in g.topics if t.slug == "calcifications")
    assert calcs.counts_text == f"1 doctor's reply · {calcs.answer_count} answered questions"
    stats = seed.stats()
    assert stats.questions == 1 and stats.answers == len(seed.answered_questions())
    assert render.e(stats.counts_text) in PageBuilder(seed).build("home").html


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "breastedu", *args], capture_output=True, text=True, check=False, cwd=REPO
    )


def test_cli_show_prints_the_editors_label_and_no_doctor(seed: ContentService) -> None:
    page = seed.question_page(SLUG)
    assert page.answer is not None
    run = run_cli("show", SLUG)
    assert run.returncode == 0, run.stderr
    assert render.editors_label(page.answer) in run.stdout
    assert page.answer.short_answer in run.stdout
    assert "Sources:" in run.stdout and "Checked: 2026-11-30" in run.stdout
    assert "Dr." not in run.stdout and "Asked by" not in run.stdout


def test_a_printed_answer_is_the_editors_with_sources_and_dates(seed: ContentService) -> None:
    import datetime as dt

    from breastedu.core.render.sheets import SheetBuilder, SheetOptions

    page = seed.question_page(SLUG)
    assert page.answer is not None
    part = SheetBuilder(seed).part(SLUG, SheetOptions(), printed=dt.date(2026, 12, 1))
    text = re.sub(r"<[^>]+>", "", part.html)
    assert render.e(render.editors_label(page.answer)) in text
    assert render.e(page.answer.short_answer) in text
    assert "next review due 30 November 2027" in text
    for source in page.answer.sources:
        assert render.e(source) in text
    for absent in ("Dr.", "Asked by", "The doctor's reply"):
        assert absent not in text, absent


def test_a_topic_sheet_lists_answered_questions_with_their_short_answers(seed: ContentService) -> None:
    import datetime as dt

    from breastedu.core.render.sheets import GUIDE, QUESTIONS, SheetBuilder, SheetOptions

    topic = seed.topic_page("goiter")
    part = SheetBuilder(seed).part(
        "goiter", SheetOptions(sections=(GUIDE, QUESTIONS)), printed=dt.date(2026, 12, 1)
    )
    text = re.sub(r"<[^>]+>", "", part.html)
    assert "Questions we have answered" in text
    first = seed.question_page(topic.answers[0].slug)
    assert first.answer is not None
    assert render.e(first.title) in text and render.e(first.answer.short_answer) in text
    without = SheetBuilder(seed).part("goiter", SheetOptions(sections=(GUIDE,)), printed=dt.date(2026, 12, 1))
    assert "Questions we have answered" not in without.html
