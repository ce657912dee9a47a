"""A topic's whole question list is a lazy model: only the pages a view needs are read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.core.test_search_relevance import build_library

from breastedu.core.content import service as content_service
from breastedu.core.content.dto import QuestionRef
from breastedu.core.content.service import ContentService
from breastedu.core.render import html as render
from breastedu.ui.library.question_list import PAGE, SLUG_ROLE, QuestionListModel, QuestionListPane


def _refs(offset: int, limit: int, total: int) -> tuple[QuestionRef, ...]:
    day = dt.date(2020, 1, 1)
    return tuple(
        QuestionRef(slug=f"q{n}", title=f"Question {n}", topic_slug="t", ask_date=day)
        for n in range(offset, min(total, offset + limit))
    )


def test_a_huge_list_reads_only_the_pages_shown(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    """50,000 questions: opening reads one page; scrolling to the end reads the next ones."""
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> tuple[QuestionRef, ...]:
        calls.append((offset, limit))
        return _refs(offset, limit, 50_000)

    pane = QuestionListPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show_list("<h1>Questions</h1>", fetch, 50_000)
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.model is not None
    qtbot.waitUntil(lambda: pane.model is not None and pane.model.rowCount() > 0)
    assert calls[0] == (0, PAGE) and pane.model.rowCount() <= 2 * PAGE
    pane.list.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model is not None and pane.model.rowCount() >= 2 * PAGE)
    assert all(offset % PAGE == 0 for offset, _ in calls) and len(calls) < 10
    qtmodeltester.check(pane.model)


def test_opening_a_row_asks_for_its_question(qtbot: QtBot) -> None:
    pane = QuestionListPane()
    qtbot.addWidget(pane)
    pane.show_list("<p>x</p>", lambda o, n: _refs(o, n, 3), 3)
    model = pane.model
    assert model is not None
    model.fetchMore()
    assert model.rowCount() == 3 and model.data(model.index(2, 0), SLUG_ROLE) == "q2"
    with qtbot.waitSignal(pane.link_activated) as signal:
        pane.list.activated.emit(model.index(1, 0))
    assert signal.args == ["question/q1"]


def test_a_short_list_stops_asking() -> None:
    """A fetch that returns fewer rows than announced ends the list (no endless fetching)."""
    model = QuestionListModel(lambda o, n: _refs(o, n, 5), total=1000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> ContentService:
    return ContentService.open(build_library(tmp_path_factory.mktemp("lib") / "content.sqlite"))


def test_topic_page_lists_the_newest_and_pages_the_rest(
    library: ContentService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The topic page holds its newest questions only; pages of the rest follow in order,
    and the page offers the whole list when it has more."""
    monkeypatch.setattr(content_service, "TOPIC_PAGE_QUESTIONS", 1)
    page = library.topic_page("calcifications")
    assert len(page.questions) == 1 and page.topic.question_count == 3
    whole = library.topic_questions("calcifications", offset=0, limit=100)
    paged = [q for n in range(3) for q in library.topic_questions("calcifications", offset=n, limit=1)]
    assert paged == list(whole) and whole[0] == page.questions[0]
    assert 'href="breastedu:questions/calcifications">Show all 3 questions' in render.topic_html(page)


def test_topic_page_html_stays_small_for_a_small_topic(library: ContentService, tmp_path: Path) -> None:
    page = library.topic_page("calcifications")
    assert "Show all" not in render.topic_html(page)


def test_with_a_runner_pages_are_read_off_the_gui_thread(qtbot: QtBot) -> None:
    """Issue 21.4: content-DB reads never run on the GUI thread, the lazy list's included."""
    import threading

    from breastedu.ui.common.workers import TaskRunner

    threads: list[int] = []

    def fetch(offset: int, limit: int) -> tuple[QuestionRef, ...]:
        threads.append(threading.get_ident())
        return _refs(offset, limit, 500)

    runner = TaskRunner()
    pane = QuestionListPane(runner=runner)
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show_list("<h1>Questions</h1>", fetch, 500)
    pane.show()
    qtbot.waitUntil(lambda: pane.model is not None and pane.model.rowCount() > 0)
    pane.list.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model is not None and pane.model.rowCount() >= 2 * PAGE)
    assert threads and threading.get_ident() not in threads
    runner.wait_for_done()
