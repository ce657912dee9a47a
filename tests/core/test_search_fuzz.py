"""Property tests: any text a person can type gives well-formed results, never an error."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.core.test_search_relevance import build_library

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.search.service import SearchService

_MARKS = re.compile(r"</?mark>")
# Words that exercise the index, FTS5 operators and punctuation that breaks naive escaping.
_PIECES = st.sampled_from(
    [
        "calc",
        "lump",
        "under",
        "arm",
        "thyroid",
        "乳",
        "钙化",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        '"',
        "*",
        "-",
        "(",
        ")",
        ":",
        "^",
        "covid-19",
        " ",
        "goitre",
        "fibroadenome",
        "🙂",
        "\x00",
        "'",
        "\\",
        "%",
        "_",
    ]
)
_QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(_PIECES, max_size=8).map(" ".join),
    st.lists(_PIECES, max_size=8).map("".join),
)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    """A service over the fixture library."""
    return SearchService(
        open_content_readonly(build_library(tmp_path_factory.mktemp("lib") / "content.sqlite"))
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_QUERIES, limit=st.integers(min_value=0, max_value=30))
def test_any_query_gives_well_formed_results(service: SearchService, query: str, limit: int) -> None:
    """No exception; at most ``limit`` hits, best first, each once, with safe snippets."""
    results = service.search(query, limit=limit)
    assert results.query == query and len(results.hits) <= limit
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    pages = [(h.kind == "question", h.slug) for h in results.hits]
    assert len(pages) == len(set(pages))
    for hit in results.hits:
        assert hit.kind in ("question", "guide", "topic") and hit.title and hit.topic_slug
        bare = _MARKS.sub("", hit.snippet_html)
        assert "<" not in bare and ">" not in bare
        assert html.escape(html.unescape(bare)) == bare  # properly escaped text
    assert all(isinstance(t, str) and t for t in results.terms)
    assert results.elapsed_ms >= 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_QUERIES)
def test_search_is_deterministic(service: SearchService, query: str) -> None:
    """The same query always gives the same hits in the same order."""
    first = service.search(query).hits
    assert service.search(query).hits == first


def test_library_path_is_a_file(tmp_path: Path) -> None:
    """The fixture library builds to a file (guards the fixture the properties rely on)."""
    assert build_library(tmp_path / "x.sqlite").stat().st_size > 0
