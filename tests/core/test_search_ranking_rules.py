"""Ranking rules a patient relies on, checked on a library built for them (not on the seed):
a page with the word in its title comes before pages that only mention it in the text, and a
page with all the words before pages with some."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import FIXTURE_PAGES, REPO

from breastedu.core.content.service import ContentService
from breastedu.core.search.build import build_step
from breastedu.core.search.service import SearchService

TEMPLATE = (FIXTURE_PAGES / "101_aaaaaa000101.txt").read_text(encoding="utf-8").splitlines()


def _page(folder: Path, number: int, title: str, question: str, reply: str) -> None:
    lines = list(TEMPLATE)
    lines[0] = title
    lines[1] = f"Hello Doctor: {question}"
    lines[2] = "Thank you."
    lines[3] = f"Asker {number}, 40~49 year old female. Ask Date: 2016/03/05"
    lines[6] = reply
    (folder / f"{number}_rank{number:08d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    from breastedu.core.content.seed import import_pages

    folder = tmp_path_factory.mktemp("rank-pages")
    # Many body-only mentions, some of them repeated, against one title mention.
    for n in range(1, 9):
        word = " ".join(["zorvex"] * n)
        _page(
            folder,
            300 + n,
            f"Question about breast pain number {n}",
            f"My doctor said {word} twice.",
            f"The zorvex finding {word} is common.",
        )
    _page(folder, 399, "Zorvex and what it means", "I read a word in my report.", "This is common.")
    # all words vs some words
    _page(folder, 401, "Quillet lump near the collarbone", "A quillet lump appeared.", "See a doctor.")
    for n in range(402, 406):
        _page(folder, n, f"Quillet question {n}", "Quillet quillet quillet.", "Quillet is often harmless.")
    db = tmp_path_factory.mktemp("rank") / "rank.sqlite"
    import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    return SearchService.over(ContentService.open(db))


def test_a_title_hit_beats_any_number_of_body_only_hits(search: SearchService) -> None:
    hits = [h for h in search.search("zorvex", limit=30).hits if h.kind == "question"]
    assert len(hits) == 9
    assert hits[0].title == "Zorvex and what it means"


def test_a_page_with_all_the_words_beats_pages_with_some(search: SearchService) -> None:
    hits = [h for h in search.search("quillet lump", limit=30).hits if h.kind == "question"]
    assert hits and hits[0].title == "Quillet lump near the collarbone"
