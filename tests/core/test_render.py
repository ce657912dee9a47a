"""Rendering: content is sanitised, fields are escaped, pages show what a reader needs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.conftest import REAL_SLUG

from breastedu.core.content.dto import GlossaryEntry
from breastedu.core.content.glossary import load_glossary
from breastedu.core.content.service import ContentService
from breastedu.core.render import html as render


def test_markdown_is_sanitised() -> None:
    """Scripts, event handlers, javascript: links and outside images never reach the reader."""
    html = render.markdown_to_html(
        '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src="file:///etc/passwd" onerror="x()">'
        "\n\n![ok](breastedu:image/breast-anatomy.svg) ![web](https://example.org/a.png)"
    )
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
    assert "file:///" not in html and "example.org" not in html
    assert 'src="breastedu:image/breast-anatomy.svg"' in html


def test_fields_are_escaped(library: ContentService) -> None:
    """An asker alias with HTML in it shows as text."""
    page = dataclasses.replace(library.question_page(REAL_SLUG), asker_alias="<b>Eve</b>")
    html = render.question_html(page)
    assert "&lt;b&gt;Eve&lt;/b&gt;" in html and "<b>Eve</b>" not in html


def test_question_page_parts(library: ContentService) -> None:
    """The page shows who asked, the reply with doctor and date, More Info and the disclaimer."""
    html = render.question_html(library.question_page(REAL_SLUG))
    for text in (
        "Clustered calcification",
        "Asked by Zhou Zhuzhu",
        "20 August 2015",
        "Dr. Zhou Jiazhen",
        "Director of Surgery, Taoyuan Hospital",
        "More Info: a general article",
        "Similar questions",
        "Related topics",
        render.e(render.DISCLAIMER),
    ):
        assert text in html, text
    assert "Only this excerpt is in the library" in html
    assert 'href="breastedu:topic/thyroid-nodules"' in html


def test_home_lists_topics_as_cards(library: ContentService) -> None:
    """The home page links every topic with its summary."""
    html = render.home_html(library.tree(), "4 doctor's replies")
    assert html.count('href="breastedu:topic/') == 10
    assert "Fluid-filled sacs" in html


def test_markdown_renders_correctly_from_many_threads_at_once() -> None:
    """Two worker threads render pages at the same time: every page is its own, none mixed up."""
    import concurrent.futures

    texts = [
        f"# Page {i}\n\n"
        + "\n\n".join(f"Paragraph {i}.{j} with **bold {i}** and a [link](https://x/{i})." for j in range(15))
        + f"\n\n| a | b |\n|---|---|\n| {i} | {i * 2} |\n\n1. one {i}\n2. two {i}\n"
        for i in range(300)
    ]
    expected = [render.markdown_to_html(text) for text in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(render.markdown_to_html, texts))
    wrong = [i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b]
    assert wrong == []


def _glossary() -> list[GlossaryEntry]:
    return load_glossary(Path(__file__).resolve().parents[2] / "data" / "glossary.toml")


def test_glossary_page_has_an_a_to_z_index_of_anchors() -> None:
    """Each letter that has terms is a link to its heading's anchor, in order."""
    html = render.glossary_html(_glossary())
    assert '<a href="#letter-a">A</a> <a href="#letter-b">B</a>' in html
    assert '<a name="letter-t"></a>T</h2>' in html
    # A term sits under its own letter: Thyroid storm after the T heading, before U.
    assert (
        html.index('<a name="letter-t">')
        < html.index("<b>Thyroid storm</b>")
        < html.index('<a name="letter-u">')
    )


def test_glossary_filter_shows_only_matching_terms() -> None:
    """glossary?q=... shows the terms whose name or definition has every word, and a way back."""
    from breastedu.core.render.pages import glossary_query

    assert glossary_query("breastedu:glossary?q=fine+needle") == "fine needle"
    assert glossary_query("glossary") == "" and glossary_query("topic/goiter") is None
    html = render.glossary_html(_glossary(), "Bethesda")
    assert "<b>Nondiagnostic</b>" in html and "<b>Follicular neoplasm</b>" in html
    assert "<b>Mammogram</b>" not in html
    assert "match “Bethesda”" in html and 'href="breastedu:glossary">Show all terms' in html
    none = render.glossary_html(_glossary(), "zzzz")
    assert "No term matches" in none and "<dt>" not in none
