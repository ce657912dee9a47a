"""SearchService: ranking rules, forgiveness, filters, snippets, safety and threads."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.core.test_search_relevance import build_library

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.errors import NotFoundError
from breastedu.core.search.service import SearchHit, SearchResults, SearchService
from breastedu.core.search.text import edit_distance


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    """A service over the fixture library."""
    db = build_library(tmp_path_factory.mktemp("lib") / "content.sqlite")
    return SearchService(open_content_readonly(db))


def slugs(results: SearchResults) -> list[str]:
    return [h.slug for h in results.hits]


def test_title_hit_ranks_above_body_hit(service: SearchService) -> None:
    """A question with the word in its title comes before one that only mentions it."""
    found = slugs(service.search("ultrasound "))
    body_only = ["cyst-aspiration", "nodule-tirads", "goiter-swallowing"]
    assert all(found.index("dense-breasts") < found.index(s) for s in body_only), found


def test_exact_topic_name_puts_the_topic_first(service: SearchService) -> None:
    """Typing a topic's name, its FAQ label or a synonym of it shows that topic first."""
    for query, topic in [
        ("fibroadenoma", "fibroadenoma"),
        ("Thyroid nodules", "thyroid-nodules"),
        ("goitre", "goiter"),
        ("overactive thyroid", "hyperthyroidism"),
        ("breast cysts", "breast-cysts"),
        ("axillary lump", "axillary-lump"),
    ]:
        first = service.search(query).hits[0]
        assert (first.kind, first.slug) == ("topic", topic), query


def test_last_word_is_a_prefix_while_typing(service: SearchService) -> None:
    """'fibroad' already finds fibroadenoma pages; a trailing space ends the word."""
    assert "fibroadenoma-growing" in slugs(service.search("fibroad"))
    assert slugs(service.search("fibroad ")) == []


def test_synonyms_work_both_ways(service: SearchService) -> None:
    """Lay words find medical ones and back (armpit <-> axillary, goitre <-> goiter)."""
    assert "accessory-breast" in slugs(service.search("axilla swelling"))
    assert "armpit-lump-vaccine" in slugs(service.search("axillary lymph"))
    assert "goiter-iodine" in slugs(service.search("goitre iodine"))
    assert "pain-before-period" in slugs(service.search("mastalgia"))


def test_misspelling_is_corrected_and_said(service: SearchService) -> None:
    """A misspelled word still finds its pages, and the results say what was searched."""
    results = service.search("fibroadenome")
    assert results.did_you_mean == "fibroadenoma"
    assert results.hits[0].slug == "fibroadenoma"
    assert service.search("fibroadenoma").did_you_mean is None


def test_chinese_one_and_two_characters(service: SearchService) -> None:
    """Chinese text is found by one or two characters, which FTS5 trigram cannot do. 钙化 is
    also a synonym entry of "calcification" (data/synonyms.toml), so it finds the English
    pages about calcifications as well; the Chinese page matches every part of the query."""
    assert slugs(service.search("钙")) == ["zh-breast-lump"]
    assert slugs(service.search("乳腺钙化"))[0] == "zh-breast-lump"
    found = slugs(service.search("钙化"))
    assert "zh-breast-lump" in found and "calcifications" in found


def test_topic_filter(service: SearchService) -> None:
    """With a topic, only that topic's pages come back; an unknown topic is an input error."""
    hits = service.search("ultrasound", topic="thyroid-nodules").hits
    assert hits and all(h.topic_slug == "thyroid-nodules" for h in hits)
    with pytest.raises(NotFoundError):
        service.search("ultrasound", topic="no-such-topic")


def test_snippet_is_escaped_and_marked(service: SearchService) -> None:
    """Snippets are HTML-escaped text with <mark> around every matched word."""
    hit = next(h for h in service.search("tumour").hits if h.slug == "fibroadenoma-growing")
    assert "<mark>tumour</mark>" in hit.snippet_html
    assert "<" not in hit.snippet_html.replace("<mark>", "").replace("</mark>", "")
    assert "tumour" in service.search("tumour").terms


def test_guide_hit_opens_its_topic(service: SearchService) -> None:
    """A guide hit carries its topic's slug (the topic page shows the guide)."""
    hit = next(h for h in service.search("infection vaccine").hits if h.kind != "question")
    assert hit.slug == hit.topic_slug == "axillary-lump"


def test_one_page_appears_once(service: SearchService) -> None:
    """A topic and its guide open the same page, so only one of them is listed."""
    hits = service.search("goiter").hits
    pages = [(h.kind == "question", h.slug) for h in hits]
    assert len(pages) == len(set(pages))


def test_limit_and_frozen_results(service: SearchService) -> None:
    """At most ``limit`` hits come back, as frozen dataclasses."""
    results = service.search("breast", limit=3)
    assert len(results.hits) == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        results.hits[0].slug = "x"  # type: ignore[misc]
    assert isinstance(results.hits[0], SearchHit)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        "AND",
        "a OR",
        "NOT",
        "-",
        "*",
        "(",
        ")",
        "covid-19",
        "title:",
        "NEAR(",
        "don't",
        "🙂",
        "x" * 10_000,
    ],
)
def test_any_text_is_safe(service: SearchService, query: str) -> None:
    """Operators, quotes, emoji and a pasted page never raise."""
    assert isinstance(service.search(query), SearchResults)


def test_concurrent_searches_agree(service: SearchService) -> None:
    """Searches from several threads at once give the same answers as one at a time."""
    queries = ["calc", "lump under arm", "thyroid nod", "goitre", "乳"] * 8
    alone = [slugs(service.search(q)) for q in queries]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda q: slugs(service.search(q)), queries))
    assert together == alone


def test_edit_distance() -> None:
    """Transpositions count once; a word being typed is compared with prefixes."""
    assert edit_distance("calsification", "calcification") == 1
    assert edit_distance("fibraodenoma", "fibroadenoma") == 1
    assert edit_distance("calsif", "calcification", prefix=True) == 1
    assert edit_distance("", "abc") == 3


def test_service_reads_a_real_seed_build(tmp_path: Path) -> None:
    """The seed builder's DB (real page, guides, synonyms) answers a real query."""
    from breastedu.core.content.seed import build_seed

    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "seed.sqlite"
    build_seed(repo / "data", out)
    results = SearchService(open_content_readonly(out)).search("calsification")
    assert results.hits and results.hits[0].topic_slug == "calcifications"


@pytest.mark.parametrize("query", ["ultrasound", "breast lump", "thyroid nod", "c", "is it cancer"])
def test_top_k_is_exact(service: SearchService, query: str) -> None:
    """The first k pages are exactly the first k of the whole ranking (no shortlist)."""
    whole = service.ranking(query, limit=10_000)
    assert whole
    for k in (1, 3, 5):
        assert service.ranking(query, limit=k) == whole[:k]


def test_all_words_rank_above_some_words(service: SearchService) -> None:
    """Every page that has all the words comes before any page that has only some."""
    found = slugs(service.search("painful cyst", limit=30))
    assert found.index("cyst-aspiration") < found.index("complicated-cyst")
    scores = [r.score for r in service.ranking("painful cyst", limit=100)]
    every = [s for s in scores if s >= 1000]
    assert every and scores[: len(every)] == every
