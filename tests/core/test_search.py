"""SearchService: ranking rules, forgiveness, filters, snippets, safety and threads."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.core.test_search_relevance import build_library

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.errors import NotFoundError
from breastedu.core.search import index as ix
from breastedu.core.search.build import build_step
from breastedu.core.search.highlight import Marker, unmark
from breastedu.core.search.service import SearchHit, SearchResults, SearchService
from breastedu.core.search.text import stem


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


#: Every shape of query a topic filter must hold for: a word, all words, some words (the
#: second phase), a word being typed, one or two letters, a typo, another topic's name, a
#: query describing another topic's summary, a number beside a word, a number alone, CJK.
QUERY_SHAPES = (
    "ultrasound ",
    "lump pain ",
    "thyroid lump zebrafish ",
    "calc",
    "c",
    "ly",
    "fibroadnoma ",
    "thyroid nodules",
    "breast cysts",
    "lump in my breast",
    "tirads 4",
    "4",
    "乳腺",
)


def test_a_topic_filter_never_leaks_another_topic(service: SearchService) -> None:
    """With a topic, every hit is in that topic, for every query shape and every topic,
    named topics and described topics included."""
    topics = service._ready().topic_ids
    leaks = [
        (topic, query, hit.slug, hit.topic_slug)
        for topic in sorted(topics)
        for query in QUERY_SHAPES
        for hit in service.search(query, topic=topic, limit=50).hits
        if hit.topic_slug != topic
    ]
    assert leaks == []
    found = {topic for topic in topics for q in QUERY_SHAPES if service.search(q, topic=topic).hits}
    assert len(found) == len(topics)  # the check above saw hits in every topic


@pytest.fixture(scope="module")
def seed() -> SearchService:
    """A service over the bundled library."""
    from tests.conftest import SEED

    return SearchService(open_content_readonly(SEED), path=SEED)


def test_a_topic_filtered_ranking_is_the_ranking_restricted_to_the_topic(
    service: SearchService, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``ranking`` with a topic is the unfiltered ranking's pages of that topic, in the same
    order with the same scores, for every topic."""
    import sqlite3

    db = build_library(tmp_path_factory.mktemp("lib2") / "content.sqlite")
    assert ix.KIND_QUESTION == 0
    with sqlite3.connect(db) as con:
        topic_of_question = dict(con.execute("SELECT id, topic_id FROM question ORDER BY id").fetchall())
    filtered = SearchService(open_content_readonly(db))
    for topic, tid in sorted(filtered._ready().topic_ids.items()):
        for query in ("lump ", "thyroid nod", "breast pain "):
            everywhere = filtered.ranking(query, limit=1000)
            mine = [
                r
                for r in everywhere
                if (topic_of_question[r.ref] if r.kind == ix.KIND_QUESTION else r.ref) == tid
            ]
            assert filtered.ranking(query, limit=1000, topic=topic) == mine, (topic, query)
    assert filtered.ranking("lump", limit=0) == []


def test_a_service_over_a_content_service_opens_the_shipped_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``SearchService.over`` reads the same DB as the content service, so it finds the index
    shipped beside it and builds none, and it may tidy the cache folder it is given."""
    from tests.conftest import REPO

    from breastedu.core.content.seed import build_seed
    from breastedu.core.content.service import ContentService
    from breastedu.core.search.build import build_step

    out = tmp_path / "seed.sqlite"
    build_seed(REPO / "data", out, search=build_step())
    cache = tmp_path / "cache"
    cache.mkdir()
    left = cache / f"k{ix._BUILDING}{2**22 + 7}-x"
    left.mkdir()
    monkeypatch.setattr(ix, "build", lambda *a, **k: pytest.fail("the index was built, not opened"))
    content = ContentService.open(out)
    try:
        assert SearchService.over(content, cache_dir=cache).search("calcifications").hits
    finally:
        content.close()
    assert not left.exists()


def test_a_bare_number_never_outranks_the_named_system(seed: SearchService) -> None:
    """In "tirads 4" every page about TI-RADS ranks above every page that only has a 4, and
    a number is never a word being typed: "4" matches 4, not 40 (on the bundled library)."""
    service = seed
    tirads = {(r.kind, r.ref) for r in service.ranking("tirads ", limit=1000)}
    fours = {(r.kind, r.ref) for r in service.ranking("4 ", limit=1000)}
    assert tirads and fours - tirads
    for query in ("tirads 4", "tirads 4 ", "4 tirads "):
        # A translated page is a second document of the same page: each page counts once.
        order = list(dict.fromkeys((r.kind, r.ref) for r in service.ranking(query, limit=1000)))
        named = [n for n, page in enumerate(order) if page in tirads]
        assert named == list(range(len(tirads))), query
        assert set(order) <= tirads | fours
    assert [(r.kind, r.ref) for r in service.ranking("4", limit=1000)] == [
        (r.kind, r.ref) for r in service.ranking("4 ", limit=1000)
    ]


def test_a_number_marks_only_itself() -> None:
    """ "4" marks the 4 of "4 weeks", never the 40 of "age 40" nor the 4 of "4th"."""
    text = "At age 40, wait 4 weeks; the 4th visit, 4."
    assert [text[a:b] for a, b in Marker.of(["4"]).spans(text)] == ["4", "4"]
    assert [text[a:b] for a, b in Marker.of(["4", "wait"]).spans(text)] == ["wait", "4", "4"]


def test_seed_search_details_from_the_reviews(seed: SearchService) -> None:
    """On the bundled library: "TI-RADS 4" leads with the TI-RADS answer and marks no 40;
    "lump in my breast" has fibroadenoma and breast cysts in its top four."""
    results = seed.search("TI-RADS 4")
    assert results.hits[0].slug == "what-does-ti-rads-mean"
    assert all(h.snippet[a:b] != "40" for h in results.hits for a, b in h.snippet_spans)
    assert all("<mark>40" not in h.snippet_html for h in seed.search("4").hits)
    top = [h.slug for h in seed.search("lump in my breast").hits[:4]]
    assert "fibroadenoma" in top and ("breast-cysts" in top or any("cyst" in s for s in top)), top


def test_hits_carry_their_snippet_as_text_and_spans(service: SearchService) -> None:
    """A hit's snippet text and spans are exactly what its HTML shows and marks."""
    for query in ("tumour", "lump pain ", "calc", "乳腺", "fibroadnoma "):
        for hit in service.search(query).hits:
            assert unmark(hit.snippet_html) == (hit.snippet, hit.snippet_spans), (query, hit.slug)
            assert all(hit.snippet[a:b] for a, b in hit.snippet_spans)


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


def test_patients_typos_are_corrected(service: SearchService) -> None:
    """The misspellings the reviews saw are corrected and said, typed whole or still being
    typed, alone or beside a word spelt right; a transposition counts as one edit."""
    cases = {
        "mamogram ": "mammogram",
        "fibroadnoma ": "fibroadenoma",
        "thyriod ": "thyroid",
        "calcifcation ": "calcification",
        "calsification ": "calcification",
        "fibraodenoma ": "fibroadenoma",
        "calsif": "calcification",
        "thyriod nodule ": "thyroid nodule",
    }
    for query, meant in cases.items():
        results = service.search(query)
        assert results.did_you_mean == meant, query
        assert results.hits, query


def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance, written out plainly (the reference for the test below)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def test_correction_is_the_nearest_then_most_frequent_word(service: SearchService) -> None:
    """For every indexed word of 4+ letters, each one-letter slip (dropped, doubled, swapped)
    that matches nothing is corrected to what a full scan of the vocabulary says: the
    nearest word (the nearest start of a word while it is being typed), then the most
    frequent, then the first in order."""
    r = service._ready()
    checked = 0
    for letter in "cfmt":
        vocabulary = service._most_frequent(r, letter, None)  # most frequent first
        known = {term for term, _ in vocabulary}
        for word, _df in vocabulary[:40]:
            if len(word) < 4 or not word.isalpha() or not word.isascii():
                continue
            slips = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
            slips |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
            for typo in sorted(slips):
                if len(typo) < 4 or stem(typo) in known or any(t.startswith(typo) for t in known):
                    continue
                if (stem(typo),) in r.synonyms.phrases:  # another spelling that finds its word
                    continue
                most = 1 if len(typo) < 8 else 2
                target = stem(typo)  # a finished word is looked up by its stem, as indexed
                whole = [(d, n, t) for n, (t, _) in enumerate(vocabulary) if (d := _osa(target, t)) <= most]
                typing = [
                    (d, n, t)
                    for n, (t, _) in enumerate(vocabulary)
                    if (d := min(_osa(typo, t[:k]) for k in range(len(t) + 1))) <= most
                ]
                got = service.search(typo + " ").did_you_mean
                assert got == (min(whole)[2] if whole else None), typo
                got = service.search(typo).did_you_mean
                assert got == (min(typing)[2] if typing else None), typo
                checked += 1
    assert checked > 50


def test_service_reads_a_real_seed_build(tmp_path: Path) -> None:
    """The seed builder's DB (real page, guides, synonyms) answers a real query."""
    from breastedu.core.content.seed import build_seed

    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "seed.sqlite"
    build_seed(repo / "data", out, search=build_step(index=False))
    results = SearchService(open_content_readonly(out)).search("calsification")
    assert results.hits and results.hits[0].topic_slug == "calcifications"


@pytest.mark.parametrize(
    "query",
    ["ultrasound", "breast lump", "thyroid nod", "c", "is it cancer", "painful cyst ", "lump under ar"],
)
def test_top_k_is_exact(service: SearchService, query: str) -> None:
    """The first k pages are exactly the first k of the whole ranking (no shortlist)."""
    whole = service.ranking(query, limit=10_000)
    assert whole
    for k in (1, 3, 5):
        assert service.ranking(query, limit=k) == whole[:k]


@pytest.mark.parametrize(
    "query",
    [
        "often benign",
        "check calcifications ",
        "breast lump",
        "painful cyst ",
        "thyroid nod",
        "TI-RADS 4 nodule",
    ],
)
def test_pages_with_every_word_are_all_found_with_their_whole_score(
    service: SearchService, query: str
) -> None:
    """Pages matching every word are found in two parts (every word in their text; some word
    only in their title or captions): together exactly the pages tantivy's nested query
    finds, each with the same score (the same sum, to float rounding), best first."""
    r = service._ready()
    groups = service._parse(r, query)
    weighted, groups, _dym = service._resolve(r, groups)
    optional = [g.typed.isdigit() for g in groups]  # a bare number beside words is optional
    must, should = r.tv.Occur.Must, r.tv.Occur.Should
    nested = r.tv.Query.boolean_query(
        [
            (should if extra else must, service._group_query(r, w))
            for w, extra in zip(weighted, optional, strict=True)
        ]
    )
    expected = {(a.segment_ord, a.doc): s for s, a in r.searcher.search(nested, 1000).hits}
    found = service._every(r, weighted, optional, 1000, [])
    assert expected and {(a.segment_ord, a.doc) for _s, a in found} == set(expected)
    assert all(s == pytest.approx(expected[(a.segment_ord, a.doc)], rel=1e-5) for s, a in found)
    assert [s for s, _a in found] == sorted((s for s, _a in found), reverse=True)
    for k in (1, 2, 3):  # and the first k are the first k of them all
        assert service._every(r, weighted, optional, k, []) == found[:k]


def test_a_word_only_in_a_title_or_caption_still_counts_as_every_word(service: SearchService) -> None:
    """ "enlargement" is in the titles of the topic "Thyroid enlargement (goiter)" and of its
    guide, not in their text; "breast" and "lump" are only in the captions of that guide's
    picture: those pages still have every word of "enlargement thyroid" and "breast lump"."""
    for query, pages in (
        ("enlargement thyroid", {(ix.KIND_TOPIC, 10), (ix.KIND_GUIDE, 10)}),
        ("breast lump", {(ix.KIND_GUIDE, 10)}),
    ):
        ranked = service.ranking(query, limit=30)
        assert pages <= {(r.kind, r.ref) for r in ranked if r.score >= 1000}, query  # every word


def test_all_words_rank_above_some_words(service: SearchService) -> None:
    """Every page that has all the words comes before any page that has only some."""
    found = slugs(service.search("painful cyst", limit=30))
    assert found.index("cyst-aspiration") < found.index("complicated-cyst")
    scores = [r.score for r in service.ranking("painful cyst", limit=100)]
    every = [s for s in scores if s >= 1000]
    assert every and scores[: len(every)] == every


def test_a_letter_typed_after_words_waits_for_the_next(service: SearchService) -> None:
    """ "lump under a" ranks as "lump under " (one letter names no word yet); a second
    letter counts again."""
    assert service.ranking("lump under a", limit=50) == service.ranking("lump under ", limit=50)
    assert service.search("lump under a").terms == service.search("lump under ").terms
    assert service.ranking("lump under ar", limit=50) != service.ranking("lump under ", limit=50)
    assert service.ranking("a", limit=5)  # a letter typed alone still searches


def test_snippets_are_built_when_asked_for(service: SearchService, monkeypatch: pytest.MonkeyPatch) -> None:
    """A search cuts no snippet; a hit's is cut when first read, once."""
    from breastedu.core.search import service as module

    calls: list[str] = []
    cut = module.snippet_parts

    def counted(body: str, marker: Marker) -> tuple[str, tuple[tuple[int, int], ...]]:
        calls.append(body)
        return cut(body, marker)

    monkeypatch.setattr(module, "snippet_parts", counted)
    hits = service.search("lump ", limit=30).hits
    assert len(hits) > 3 and calls == []
    first = hits[0]
    assert "<mark>" in first.snippet_html and first.snippet and first.snippet_spans
    assert len(calls) == 1
