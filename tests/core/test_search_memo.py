"""Memos: bounded, least recently used first, and a remembered answer is always the answer
worked out afresh for the same query, topic and limit."""

from __future__ import annotations

import pytest
from tests.core.test_search_relevance import build_library

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.search.memo import Memo
from breastedu.core.search.service import SearchResults, SearchService


def test_a_memo_is_bounded_and_forgets_the_least_recently_used() -> None:
    memo: Memo[str, int] = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # "a" is now the most recently used
    memo.put("c", 3)
    assert len(memo) == 2 and memo.get("b") is None and memo.get("a") == 1 and memo.get("c") == 3
    made: list[str] = []
    assert memo.get_or("a", lambda: made.append("a") or 9) == 1 and not made
    assert memo.get_or("d", lambda: made.append("d") or 4) == 4 and made == ["d"]
    memo.clear()
    assert len(memo) == 0 and memo.get("d") is None


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    db = build_library(tmp_path_factory.mktemp("lib") / "content.sqlite")
    return SearchService(open_content_readonly(db))


def _seen(results: SearchResults) -> tuple[object, ...]:
    return (results.hits, results.did_you_mean, results.terms)


CALLS = [
    ("c", None, 30),
    ("c", "calcifications", 30),
    ("c", "thyroid-nodules", 30),
    ("c", None, 3),
    ("ca", None, 30),
    ("ca", "calcifications", 5),
    ("calc", None, 30),
    ("calsification", None, 30),
    ("lump under a", None, 30),
    ("乳", None, 30),
]


def test_remembered_answers_equal_fresh_ones(service: SearchService) -> None:
    """Short prefixes under several topics and limits, corrections and pages shown before:
    each answer, with the memos full of the others, is the one a fresh service gives."""
    fresh = {}
    for query, topic, limit in CALLS:
        service.forget()
        fresh[(query, topic, limit)] = _seen(service.search(query, topic=topic, limit=limit))
    for order in (CALLS, CALLS[::-1]):  # each memo filled first by a larger, then a smaller limit
        service.forget()
        for _ in range(2):
            for query, topic, limit in order:
                assert _seen(service.search(query, topic=topic, limit=limit)) == fresh[(query, topic, limit)]
    assert fresh[("c", None, 30)] != fresh[("c", "calcifications", 30)]
    assert fresh[("c", None, 3)][0] == fresh[("c", None, 30)][0][:3]
