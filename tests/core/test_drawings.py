"""The bundled drawings: every one is used, described, themed from the palette and indexed;
every page names only drawings that exist; every guide and procedure answer has its own."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from breastedu.core import paths
from breastedu.core.palette import DRAWING_COLOURS, THEMES, contrast_ratio
from breastedu.core.render.drawings import (
    describe_images,
    drawing_css,
    drawing_info,
    drawings_dir,
    themed_drawing,
    themed_svg,
)
from breastedu.core.render.html import markdown_to_html

SVG = "{http://www.w3.org/2000/svg}"
FOLDER = drawings_dir()
DRAWINGS = sorted(p.name for p in FOLDER.glob("*.svg"))
DATA = Path(paths.bundled("data"))
IMAGE = re.compile(r"!\[([^\]]*)\]\(breastedu:image/([^)\s]+)\)")

#: Questions that name a procedure, and the drawing of that procedure their answer must show.
PROCEDURES = {
    "stereotactic biopsy": "stereotactic-biopsy.svg",
    "drained": "cyst-aspiration.svg",
    "fine-needle aspiration": "thyroid-fna.svg",
    "needle test": "thyroid-fna.svg",
    "biopsy to know": "core-needle-biopsy.svg",
    "called back": "mammogram.svg",
    "screening mammogram and a diagnostic": "mammogram.svg",
    "ti-rads": "ti-rads-ladder.svg",
    "bi-rads": "bi-rads-ladder.svg",
    "treatment choices for graves": "radioiodine-day.svg",
}


def _pages() -> dict[str, list[tuple[str, str]]]:
    """Every guide and answer file -> the (alt, drawing) pairs it shows."""
    files = sorted((DATA / "guides").glob("*.md")) + sorted((DATA / "questions").glob("*/*.md"))
    return {str(f.relative_to(DATA)): IMAGE.findall(f.read_text(encoding="utf-8")) for f in files}


def test_every_page_names_an_existing_drawing_with_alt_text() -> None:
    bad = [
        (page, name, alt)
        for page, images in _pages().items()
        for alt, name in images
        if name not in DRAWINGS or len(alt.split()) < 4
    ]
    assert not bad, bad


def test_every_drawing_is_used_by_a_page() -> None:
    used = {name for images in _pages().values() for _alt, name in images}
    assert sorted(set(DRAWINGS) - used) == []


def test_every_guide_has_a_drawing_of_its_own() -> None:
    guides = {p: {n for _a, n in imgs} for p, imgs in _pages().items() if p.startswith("guides/")}
    guides.pop("guides/PEMAT.md", None)  # the editors' checklist, not a topic guide
    users: dict[str, int] = defaultdict(int)
    for names in guides.values():
        for name in names:
            users[name] += 1
    lacking = [page for page, names in guides.items() if not any(users[n] == 1 for n in names)]
    assert guides and not lacking, lacking


def test_procedure_answers_show_their_procedure() -> None:
    missing = []
    for path in sorted((DATA / "questions").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        question = re.search(r'^question = "(.*)"$', text, re.MULTILINE)
        assert question, path
        shown = {name for _alt, name in IMAGE.findall(text)}
        for phrase, drawing in PROCEDURES.items():
            if phrase in question.group(1).lower() and drawing not in shown:
                missing.append((path.name, drawing))
    assert not missing, missing


@pytest.mark.parametrize("name", DRAWINGS)
def test_each_drawing_has_words_real_text_and_the_palette_style(name: str) -> None:
    """A title and a long description; labels are text at 13 px or more, never pictures of
    words; the style is the light theme's from the palette (so the themes can swap it)."""
    info = drawing_info(name)
    assert info is not None and info.title and len(info.description.split()) >= 25, name
    root = ET.parse(FOLDER / name).getroot()
    assert root.find(f"{SVG}image") is None and not list(root.iter(f"{SVG}image"))
    texts = list(root.iter(f"{SVG}text"))
    assert texts, name
    style = root.find(f"{SVG}style")
    restyle = f"run: python tools/drawings.py restyle ({name})"
    assert style is not None and style.text == drawing_css(), restyle
    for t in texts:
        size = t.get("font-size")
        for parent in root.iter():
            if t in list(parent) and size is None:
                size = parent.get("font-size")
        assert size is None or float(size) >= 13, (name, t.text, size)


def test_readme_indexes_every_drawing_with_the_guides_that_use_it() -> None:
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([\w.-]+\.svg)` \|[^|]*\| ([^|]*) \|", readme, re.MULTILINE))
    assert sorted(rows) == DRAWINGS
    used: dict[str, set[str]] = defaultdict(set)
    for page, images in _pages().items():
        if page.startswith("guides/"):
            for _alt, name in images:
                used[name].add(Path(page).stem)
    wrong = {
        n: (rows[n], sorted(used[n])) for n in DRAWINGS if set(rows[n].replace(" ", "").split(",")) != used[n]
    }
    assert not wrong, wrong


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_themed_drawing_takes_the_themes_colours(theme: str) -> None:
    """The same drawing in another theme: its text in the theme's ink, its page in the
    theme's surface, and every outline at least 3:1 against the page."""
    p = THEMES[theme]
    svg = themed_drawing("cyst-types.svg", p)
    assert svg is not None
    text = svg.decode()
    assert f".t{{fill:{p.ink};" in text and f".bg{{fill:{p.surface}}}" in text
    other = next(t for t in THEMES.values() if t.name != theme)
    assert f".t{{fill:{other.ink};" not in text or other.ink == p.ink
    colours = DRAWING_COLOURS[theme]
    for part in ("skin", "tissue", "gland", "lump", "fluid", "node", "tool", "accent"):
        edge = getattr(colours, part + "_edge")
        assert contrast_ratio(edge, p.surface) >= 3.0, (theme, part)
    need = 7.0 if theme == "high-contrast" else 4.5
    assert contrast_ratio(p.ink, colours.panel) >= need
    assert contrast_ratio(p.ink, colours.accent) >= need  # the emergency boxes


def test_themed_drawing_refuses_anything_outside_the_folder(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "a.svg").write_text("<svg><style>x</style></svg>", encoding="utf-8")
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    p = THEMES["dark"]
    assert themed_drawing("a.svg", p, tmp_path / "app") is not None
    for name in ("../secret.svg", "missing.svg", "a.txt", "/etc/passwd"):
        assert themed_drawing(name, p, tmp_path / "app") is None, name
    assert themed_svg("<svg/>", p) == "<svg/>"


def test_a_page_shows_the_picture_in_words_under_the_drawing() -> None:
    page = "Before.\n\n![A short alt text here](breastedu:image/ti-rads-ladder.svg)\n\nAfter."
    html = markdown_to_html(page)
    picture, words = html.index("ti-rads-ladder.svg"), html.index("The picture in words")
    assert picture < words < html.index("After.")
    assert "TR4, Moderately suspicious" in html  # her level is findable by its number
    assert "The picture in words" not in markdown_to_html("![x](breastedu:image/missing.svg)")
    assert describe_images("<p>no pictures</p>") == "<p>no pictures</p>"
