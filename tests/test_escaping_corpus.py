"""Text with ``< & ' "`` in it shows as text everywhere: search hits and snippets, the reader,
the definition bar. Nothing a page or a glossary entry says becomes markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.conftest import REPO

from breastedu.core import paths
from breastedu.core.content.dto import GlossaryEntry
from breastedu.core.content.service import ContentService
from breastedu.core.render import html as render
from breastedu.core.search.build import build_step
from breastedu.core.search.service import SearchService
from breastedu.ui.library.reader import ReaderPane

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
DANGEROUS = re.compile(r"<(?!/?(mark|b)\b)[a-z/!]", re.I)  # any tag but the ones we add ourselves


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> ContentService:
    from breastedu.core.content.seed import import_pages

    db = tmp_path_factory.mktemp("hostile") / "hostile.sqlite"
    import_pages(db, [HOSTILE], REPO / "data", search=build_step(index=False))
    return ContentService.open(db)


def _question_slug(content: ContentService) -> str:
    results = SearchService.over(content).search("zqmarker", limit=5)
    hits = [h for h in results.hits if h.kind == "question"]
    assert hits, "the hostile page is found by a word in its title"
    return hits[0].slug


def test_search_titles_and_snippets_are_escaped(hostile: ContentService) -> None:
    results = SearchService.over(hostile).search("zqmarker", limit=5)
    hit = next(h for h in results.hits if h.kind == "question")
    assert "<script>" in hit.title  # the title is plain text; the UI escapes it
    snippet = hit.snippet_html
    assert not DANGEROUS.search(snippet), snippet
    assert "<mark>" in snippet  # the only markup: the matched word
    plain = html.unescape(re.sub(r"</?mark>", "", snippet))
    assert "zqmarker" in plain.lower()


def test_question_page_html_escapes_every_field(hostile: ContentService) -> None:
    page = hostile.question_page(_question_slug(hostile))
    out = render.question_html(page)
    assert "<script" not in out and not re.search(r"<img[^>]*onerror", out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;i&gt;&amp;&lt;/i&gt;" in out  # the patient's own text, not markup
    assert "&lt;b&gt;&amp;amp; &quot;bumps&quot;&lt;/b&gt; it&#x27;s" in out


def test_the_reader_shows_the_characters_as_text(qtbot: QtBot, hostile: ContentService) -> None:
    pane = ReaderPane(paths.resources_dir() / "illustrations")
    qtbot.addWidget(pane)
    pane.show_html(render.question_html(hostile.question_page(_question_slug(hostile))))
    text = pane.plain_text()
    assert "<script>alert(1)</script>" in text
    assert '<b>&amp; "bumps"</b> it\'s' in text


def test_the_definition_bar_shows_a_definition_as_text(qtbot: QtBot) -> None:
    pane = ReaderPane(paths.resources_dir() / "illustrations")
    qtbot.addWidget(pane)
    pane.set_glossary([GlossaryEntry("odd", '<b>odd</b> & "term"', (), "Less < more & 'so' <i>on</i>.")])
    assert pane.show_definition("odd")
    label = pane.definition_label.text()
    assert "<i>" not in label and "&lt;i&gt;" in label and "&lt;b&gt;odd&lt;/b&gt;" in label


def test_a_search_for_the_characters_themselves_is_safe(hostile: ContentService) -> None:
    search = SearchService.over(hostile)
    for query in ("<script>", '"bumps"', "it's", "&amp;", "<&'\"", "'; DROP TABLE x; --"):
        for hit in search.search(query, limit=10).hits:
            assert not DANGEROUS.search(hit.snippet_html), (query, hit.snippet_html)


def test_fixture_really_holds_the_characters() -> None:
    text = next(Path(HOSTILE).glob("*.txt")).read_text(encoding="utf-8")
    assert all(c in text.splitlines()[0] for c in "<&'\"")
