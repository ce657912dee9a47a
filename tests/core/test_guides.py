"""Topic guides load, keep their sections and disclaimer, and stay at grade 8 or below."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from breastedu.core.content.checks import MAX_GRADE
from breastedu.core.content.guides import (
    DISCLAIMER,
    REQUIRED_SECTIONS,
    load_guide,
    load_guides,
)
from breastedu.core.content.redflags import load_all
from breastedu.core.errors import InputError

REPO = Path(__file__).resolve().parents[2]
GUIDES = REPO / "data" / "guides"
ILLUSTRATIONS = REPO / "resources" / "illustrations"
TOPIC_SLUGS = sorted(
    t["slug"] for t in tomllib.loads((REPO / "data" / "topics.toml").read_text(encoding="utf-8"))["topic"]
)
SAMPLE = GUIDES / "thyroid-nodules.md"
RED_FLAGS = load_all(REPO / "data" / "redflags")


def _copy(tmp_path: Path, text: str, name: str = "thyroid-nodules.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_topic_has_a_guide_that_loads() -> None:
    """Each of the ten topics opens with a valid guide, listed in slug order."""
    guides = load_guides(GUIDES, RED_FLAGS)
    assert [g.slug for g in guides] == TOPIC_SLUGS
    for guide in guides:
        assert guide.title and guide.summary and guide.sources
        headings = re.findall(r"^## (.+)$", guide.body_md, flags=re.MULTILINE)
        assert tuple(headings) == REQUIRED_SECTIONS, guide.slug
        assert guide.body_md.rstrip().endswith(DISCLAIMER), guide.slug
        assert f"Checked: {guide.checked.isoformat()}" in guide.body_md


def test_every_guide_says_when_to_get_emergency_care() -> None:
    """The 'When to call your doctor' section of every guide, filled from its topic's warning
    signs, names emergency care."""
    for guide in load_guides(GUIDES, RED_FLAGS):
        section = guide.body_md.split("## When to call your doctor", 1)[1].split("\n## ", 1)[0]
        assert "emergency" in section.lower(), guide.slug


def test_every_picture_in_a_guide_exists_and_has_alt_text() -> None:
    """Images point at bundled illustrations and describe themselves for screen readers."""
    used = set()
    for guide in load_guides(GUIDES, RED_FLAGS):
        for alt, name in re.findall(r"!\[([^\]]*)\]\(breastedu:image/([^)]+)\)", guide.body_md):
            assert len(alt.split()) >= 5, (guide.slug, alt)
            assert (ILLUSTRATIONS / name).is_file(), (guide.slug, name)
            used.add(name)
    assert {"breast-anatomy.svg", "calcification-patterns.svg", "thyroid-nodule.svg"} <= used


def test_a_missing_section_names_the_file_and_line(tmp_path: Path) -> None:
    """A guide without 'What you can do' stops the build at the heading found in its place."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    cut = lines.index("## What you can do")
    kept = lines[:cut] + lines[cut + 1 :]
    path = _copy(tmp_path, "\n".join(kept))
    with pytest.raises(InputError, match="What you can do") as info:
        load_guide(path)
    # The error points at the heading found where the missing one should be.
    assert info.value.where == f"{path}:{kept.index('## When to call your doctor') + 1}"


def test_sections_out_of_order_are_rejected(tmp_path: Path) -> None:
    """Swapping two sections is an error that says which one was expected."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = (
        text.replace("## What it is", "## TMP")
        .replace("## How it is found and checked", "## What it is")
        .replace("## TMP", "## How it is found and checked")
    )
    with pytest.raises(InputError, match="out of order"):
        load_guide(_copy(tmp_path, text))


def test_a_missing_disclaimer_is_rejected(tmp_path: Path) -> None:
    """Every guide must end with the shared disclaimer."""
    text = SAMPLE.read_text(encoding="utf-8").replace(DISCLAIMER, "Be well.")
    with pytest.raises(InputError, match="disclaimer"):
        load_guide(_copy(tmp_path, text))


def test_slug_must_match_file_name(tmp_path: Path) -> None:
    """A guide copied under another name without a new slug is caught."""
    path = _copy(tmp_path, SAMPLE.read_text(encoding="utf-8"), name="goiter.md")
    with pytest.raises(InputError, match="slug") as info:
        load_guide(path)
    assert info.value.where == f"{path}:2"


def test_broken_front_matter_points_at_its_line(tmp_path: Path) -> None:
    """A TOML error in the front matter is reported at its line in the guide file."""
    text = SAMPLE.read_text(encoding="utf-8").replace('title = "Thyroid nodules"', "title = ")
    path = _copy(tmp_path, text)
    with pytest.raises(InputError, match="front matter") as info:
        load_guide(path)
    assert info.value.where == f"{path}:3"


def test_checked_must_be_a_date_and_match_sources(tmp_path: Path) -> None:
    """The checked date is a real date and the Sources section repeats it."""
    text = SAMPLE.read_text(encoding="utf-8")
    bad_type = re.sub(r"^checked = .*$", 'checked = "soon"', text, flags=re.MULTILINE)
    with pytest.raises(InputError, match="checked"):
        load_guide(_copy(tmp_path, bad_type))
    other_day = re.sub(r"^checked = .*$", "checked = 2020-01-01", text, flags=re.MULTILINE)
    with pytest.raises(InputError, match="Checked: 2020-01-01"):
        load_guide(_copy(tmp_path, other_day))


def test_missing_front_matter_is_rejected(tmp_path: Path) -> None:
    """A plain Markdown file without front matter is not a guide."""
    with pytest.raises(InputError, match=r"\+\+\+") as info:
        load_guide(_copy(tmp_path, "## Key points\n- hi\n"))
    assert info.value.where is not None and info.value.where.endswith(":1")


def test_illustrations_use_only_what_qt_svg_renders() -> None:
    """Each picture has a size, title and description, and no feature QSvgRenderer drops.

    Qt 6.8+ (our floor) draws class-based ``<style>`` rules and ``<pattern>`` fills; the one
    style element is the palette's (checked in test_drawings), so no ``style=`` attributes."""
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    forbidden = {"filter", "mask", "foreignObject", "image", "script"}
    svgs = sorted(ILLUSTRATIONS.glob("*.svg"))
    assert len(svgs) >= 3
    for path in svgs:
        root = ET.parse(path).getroot()
        assert root.get("viewBox") and root.get("width", "").isdigit(), path.name
        assert 480 <= int(root.get("width", "0")) <= 640, path.name
        assert (root.findtext(f"{ns}title") or "").strip(), path.name
        assert (root.findtext(f"{ns}desc") or "").strip(), path.name
        for element in root.iter():
            assert element.tag.removeprefix(ns) not in forbidden, (path.name, element.tag)
            assert "style" not in element.attrib, path.name
            assert not any("href" in k for k in element.attrib), (path.name, element.tag)
            font = element.get("font-family")
            assert font is None or font.startswith("DejaVu Sans"), path.name


def test_next_review_is_due_a_year_after_checked() -> None:
    """Every guide is due for review a year after it was checked; 29 February moves to 1 March."""
    import datetime as dt

    from breastedu.core.content.guides import next_review_due

    for guide in load_guides(GUIDES, RED_FLAGS):
        assert guide.review_due == guide.checked.replace(year=guide.checked.year + 1), guide.slug
    assert next_review_due(dt.date(2028, 2, 29)) == dt.date(2029, 3, 1)


def test_every_guide_passes_the_prose_gate_with_enough_prose() -> None:
    """The gate scores running prose only (no list fragments): FK and SMOG at most 8, on at
    least 15 prose sentences per guide."""
    for guide in load_guides(GUIDES, RED_FLAGS):
        assert guide.grades is not None
        assert guide.grades.fk <= MAX_GRADE and guide.grades.smog <= MAX_GRADE, guide.slug
        assert guide.grades.sentences >= 15, guide.slug


def test_every_guide_gives_numbered_steps_before_the_appointment() -> None:
    """PEMAT item 22: each guide's 'What you can do' has a numbered 'Before your appointment' list."""
    for guide in load_guides(GUIDES, RED_FLAGS):
        section = guide.body_md.split("## What you can do", 1)[1].split("\n## ", 1)[0]
        assert "**Before your appointment:**" in section, guide.slug
        assert re.search(r"^1\. .+\n2\. .+\n3\. ", section, flags=re.MULTILINE), guide.slug


def test_pemat_self_scores_cover_every_guide_at_70_percent_or_more() -> None:
    """data/guides/PEMAT.md keeps a self-score per guide; both scores reach the 70 % pass mark."""
    sheet = (GUIDES / "PEMAT.md").read_text(encoding="utf-8")
    for guide in load_guides(GUIDES, RED_FLAGS):
        row = next(line for line in sheet.splitlines() if line.startswith(f"| {guide.slug} |"))
        scores = [int(s) for s in re.findall(r"= (\d+) %", row)]
        assert len(scores) == 2 and min(scores) >= 70, (guide.slug, scores)


def test_acronyms_are_spelled_out_before_they_are_used_alone() -> None:
    """PEMAT item 4: the first use of each organisation's or system's acronym in a guide's body
    comes with its full name in the same sentence."""
    names = {
        "ACR": "American College of Radiology",
        "ATA": "American Thyroid Association",
        "USPSTF": "Preventive Services Task Force",
        "ACOG": "American College of Obstetricians",
        "NCCN": "National Comprehensive Cancer Network",
        "AAFP": "American Academy of Family Physicians",
        "BI-RADS": "Breast Imaging Reporting and Data System",
    }
    for guide in load_guides(GUIDES, RED_FLAGS):
        body = guide.body_md.split("## Sources", 1)[0]
        for acronym, name in names.items():
            found = re.search(rf"\b{re.escape(acronym)}\b", body)
            if found:
                sentence_end = body.find("\n", found.start())
                assert name in body[: sentence_end if sentence_end > 0 else None], (guide.slug, acronym)
