"""The drawings in 繁體中文: every label, title and description has its Chinese, a drawing shown
or printed in zh-TW carries it (with a font that has its characters), and a zh-TW sheet
describes each picture in Chinese."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from breastedu.core.content.service import ContentService
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.palette import DARK
from breastedu.core.render.drawings import (
    drawing_info,
    drawing_words,
    drawings_dir,
    localized_svg,
    printed_drawing,
    svg_labels,
    themed_drawing,
)
from breastedu.core.render.sheets import SheetBuilder

DRAWINGS = sorted(p.name for p in drawings_dir().glob("*.svg"))


@pytest.mark.parametrize("name", DRAWINGS)
def test_every_label_of_every_drawing_has_its_chinese(name: str) -> None:
    """Fails on a label added to (or changed in) a drawing without its entry in
    resources/illustrations/i18n/zh-TW.toml, and on an entry no label uses any more."""
    words = drawing_words(CHINESE).get(name)
    assert words is not None, f'{name}: no ["{name}"] table in zh-TW.toml'
    assert words.title and words.description, f"{name}: title or desc missing"
    labels = svg_labels((drawings_dir() / name).read_text(encoding="utf-8"))
    missing = [label for label in labels if label not in words.labels]
    assert not missing, f"{name}: no Chinese for {missing}"
    unused = [key for key in words.labels if key not in labels]
    assert not unused, f"{name}: entries no label uses: {unused}"
    # A label that says something in English says it in Chinese (numbers and codes such as
    # "TR1" may stay as they are).
    for english, chinese in words.labels.items():
        if " " in english and chinese:
            assert any("\u4e00" <= c <= "\u9fff" for c in chinese), (name, english, chinese)


@pytest.mark.parametrize("name", DRAWINGS)
def test_a_drawing_in_chinese_carries_its_chinese_words(name: str) -> None:
    svg = printed_drawing(name, CHINESE)
    assert svg is not None
    root = ET.fromstring(svg)  # still a well-formed SVG (labels escaped)
    ns = "{http://www.w3.org/2000/svg}"
    texts = ["".join(t.itertext()) for t in root.iter(f"{ns}text")]
    words = drawing_words(CHINESE)[name]
    assert texts == [words.labels[label] for label in svg_labels((drawings_dir() / name).read_text("utf-8"))]
    assert root.findtext(f"{ns}title") == words.title and root.findtext(f"{ns}desc") == words.description
    assert "font-family:BreastEdu CJK TC" in svg.decode("utf-8")  # the shipped font first
    # English and the screen's themes are untouched apart from the words.
    assert printed_drawing(name, ENGLISH) == (drawings_dir() / name).read_bytes()
    dark = themed_drawing(name, DARK, lang=CHINESE)
    assert dark is not None and words.title.encode("utf-8") in dark


def test_an_english_label_with_no_entry_stays_english() -> None:
    svg = (
        "<svg><style>.t{font-family:DejaVu Sans,Arial,sans-serif}</style>"
        '<text class="t">Nipple</text><text>New label</text></svg>'
    )
    out = localized_svg(svg, "breast-anatomy.svg", CHINESE)
    assert ">乳頭<" in out and ">New label<" in out
    assert localized_svg(svg, "breast-anatomy.svg", ENGLISH) == svg


def test_a_chinese_sheet_describes_each_picture_in_chinese(seed: ContentService) -> None:
    [part] = SheetBuilder(seed, CHINESE).build(["breast-screening"]).parts
    words = drawing_words(CHINESE)
    info = drawing_info("mammogram.svg")
    assert info is not None and "mammogram.svg" in part.html
    assert "<b>圖片說明：</b>" + words["mammogram.svg"].description in part.html
    assert "The picture in words" not in part.html and info.description not in part.html
    assert part.lang == CHINESE  # the painter draws its drawings with Chinese labels


def test_an_english_sheet_in_a_chinese_pack_keeps_english_pictures(seed: ContentService) -> None:
    sheet = SheetBuilder(seed, CHINESE).build(
        ["breast-screening", "breast-screening"], languages=[None, ENGLISH], printed=dt.date(2026, 12, 7)
    )
    chinese, english = sheet.parts
    assert (chinese.lang, english.lang) == (CHINESE, ENGLISH)
    assert "The picture in words" in english.html and "圖片說明" not in english.html
    assert english.footer.startswith("Printed 7 December 2026") and chinese.footer.startswith("列印日期")


@pytest.mark.parametrize("lang", [CHINESE, ENGLISH])
def test_a_page_on_screen_describes_each_picture_in_its_language(seed: ContentService, lang: str) -> None:
    """The reader's page (as the window builds it) says "The picture in words" and the
    description in the page's language, as its printed sheet does."""
    from breastedu.core.render.pages import PageBuilder

    pages = PageBuilder(seed)
    pages.lang = lang
    page = pages.build("topic/breast-screening").html
    info, words = drawing_info("mammogram.svg"), drawing_words(CHINESE)["mammogram.svg"]
    assert info is not None and "mammogram.svg" in page
    if lang == CHINESE:
        assert "<b>圖片說明：</b>" + words.description in page
        assert "The picture in words" not in page and info.description not in page
    else:
        assert f"<b>The picture in words:</b> {info.description}" in page and "圖片說明" not in page
