"""The search pane: results as she types, did-you-mean, no results, keys, stale results."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG

from breastedu.core.content.service import ContentService
from breastedu.core.errors import BreastEduError
from breastedu.core.search.highlight import Marker
from breastedu.core.search.service import SearchHit, SearchResults, SearchService
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.search.models import TITLE_HTML_ROLE, SearchResultsModel
from breastedu.ui.search.panel import SearchPane

Search = Callable[[str], SearchResults]


@pytest.fixture
def service(library: ContentService) -> SearchService:
    return SearchService(library.engine)


def _pane(qtbot: QtBot, runner: TaskRunner, search: Search) -> SearchPane:
    pane = SearchPane(search, runner)
    qtbot.addWidget(pane)
    pane.resize(360, 700)
    pane.show()
    return pane


@pytest.fixture
def pane(qtbot: QtBot, runner: TaskRunner, service: SearchService, library: ContentService) -> SearchPane:
    widget = _pane(qtbot, runner, lambda q: service.search(q, limit=30))
    widget.set_topics([(t.slug, t.title) for g in library.tree() for t in g.topics])
    return widget


def _shown(pane: SearchPane) -> str | None:
    results = pane.results_model.results
    return results.query if results is not None else None


def _wait_for(qtbot: QtBot, pane: SearchPane, query: str) -> SearchResults:
    qtbot.waitUntil(lambda: pane.is_idle() and _shown(pane) == query)
    results = pane.results_model.results
    assert results is not None
    return results


def _slugs(pane: SearchPane) -> list[str]:
    model = pane.results_model
    return [hit.slug for row in range(model.rowCount()) if (hit := model.hit_at(row))]


def _hit(slug: str, kind: str = "question") -> SearchHit:
    return SearchHit(
        kind,
        slug,
        slug.title(),
        "calcifications",
        "Breast calcifications",  # type: ignore[arg-type]
        f"a {slug} hit",
        1.0,
        Marker.of([slug]),
    )


def _results(query: str, *slugs: str) -> SearchResults:
    return SearchResults(query, tuple(_hit(s) for s in slugs), None, (query,), 0.1)


def test_typing_calc_shows_calcifications_highlighted(qtbot: QtBot, pane: SearchPane) -> None:
    """Each keystroke searches; the last word is a prefix; hits are marked in snippet and title."""
    qtbot.keyClicks(pane.box, "calc")
    _wait_for(qtbot, pane, "calc")
    assert pane.list.isVisible() and not pane.no_results.isVisible()
    assert "calcifications" in _slugs(pane) and REAL_SLUG in _slugs(pane)
    assert pane.status.text() == "3 results"
    model = pane.results_model
    row = _slugs(pane).index(REAL_SLUG)
    hit = model.hit_at(row)
    assert hit is not None and "<mark>calcification</mark>" in hit.snippet_html
    assert model.data(model.index(row, 0), TITLE_HTML_ROLE) == "Clustered <mark>calcification</mark>"
    spoken = model.data(model.index(row, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Clustered calcification, Breast calcifications: ") and "<" not in spoken
    assert pane.list.visualRect(model.index(row, 0)).height() > 3 * pane.list.fontMetrics().height()


def test_misspelling_offers_the_right_word(qtbot: QtBot, pane: SearchPane) -> None:
    """'calsification' still finds the topic; clicking the suggestion searches for it."""
    pane.set_query("calsification")
    results = _wait_for(qtbot, pane, "calsification")
    assert results.did_you_mean == "calcification" and "calcifications" in _slugs(pane)
    assert pane.suggestion.isVisible()
    assert "Showing results for" in pane.suggestion.text() and "calcification" in pane.suggestion.text()
    pane.suggestion.linkActivated.emit("calcification")
    assert pane.box.text() == "calcification"
    _wait_for(qtbot, pane, "calcification")
    assert REAL_SLUG in _slugs(pane)


def test_no_results_offers_the_topics(qtbot: QtBot, pane: SearchPane, library: ContentService) -> None:
    """Nothing found: a plain sentence and every topic as a link that opens it."""
    pane.set_query("xyzzy")
    _wait_for(qtbot, pane, "xyzzy")
    assert not pane.list.isVisible() and pane.no_results.isVisible()
    text = pane.no_results.text()
    assert "No results for 'xyzzy'." in text
    titles = [t.title for g in library.tree() for t in g.topics]
    assert len(titles) == 10 and all(title.replace("&", "&amp;") in text for title in titles)
    pane.set_topics([("fibroadenoma", "Fibroadenoma")])  # a later topic list replaces the offer
    assert "Breast cysts" not in pane.no_results.text()
    with qtbot.waitSignal(pane.topic_requested) as signal:
        pane.no_results.linkActivated.emit("fibroadenoma")
    assert signal.args == ["fibroadenoma"]


def test_enter_in_the_box_opens_the_first_result(qtbot: QtBot, pane: SearchPane) -> None:
    qtbot.keyClicks(pane.box, "calc")
    results = _wait_for(qtbot, pane, "calc")
    with qtbot.waitSignal(pane.result_activated) as signal:
        qtbot.keyClick(pane.box, Qt.Key.Key_Return)
    assert signal.args == ["topic/calcifications", results.terms] and results.terms == ("calc",)


def test_arrows_and_enter_open_the_second_result(qtbot: QtBot, pane: SearchPane) -> None:
    """Down moves from the box into the list, Down again, Enter opens; Up from the top goes back."""
    pane.set_query("calc")
    _wait_for(qtbot, pane, "calc")
    second = pane.results_model.hit_at(1)
    assert second is not None and second.kind == "question"
    qtbot.keyClick(pane.box, Qt.Key.Key_Down)
    assert pane.list.currentIndex().row() == 0
    qtbot.keyClick(pane.list, Qt.Key.Key_Down)
    assert pane.list.currentIndex().row() == 1
    with qtbot.waitSignal(pane.result_activated) as signal:
        qtbot.keyClick(pane.list, Qt.Key.Key_Enter)
    assert signal.args == [f"question/{second.slug}", ("calc",)]
    qtbot.keyClick(pane.list, Qt.Key.Key_Up)
    qtbot.keyClick(pane.list, Qt.Key.Key_Up)  # from the first row: back into the box
    qtbot.keyClicks(pane.list, "i")  # typing in the list goes on in the box
    assert pane.box.text() == "calci"


def test_click_opens_a_result(qtbot: QtBot, pane: SearchPane) -> None:
    pane.set_query("lump under arm")
    results = _wait_for(qtbot, pane, "lump under arm")
    index = pane.results_model.index(1, 0)
    with qtbot.waitSignal(pane.result_activated) as signal:
        qtbot.mouseClick(
            pane.list.viewport(), Qt.MouseButton.LeftButton, pos=pane.list.visualRect(index).center()
        )
    assert signal.args == ["question/lump-under-my-arm-913207", results.terms]
    assert "armpit" in results.terms  # lay words find the medical ones: highlighted in the page


def test_escape_clears_and_empty_box_searches_nothing(qtbot: QtBot, runner: TaskRunner) -> None:
    calls: list[str] = []
    pane = _pane(qtbot, runner, lambda q: calls.append(q) or _results(q, "a", "b"))
    pane.set_query("calc")
    _wait_for(qtbot, pane, "calc")
    pane.focus_search()
    assert pane.box.selectedText() == "calc"
    qtbot.keyClick(pane.box, Qt.Key.Key_Escape)
    assert pane.box.text() == "" and pane.results_model.rowCount() == 0
    assert not pane.list.isVisible() and pane.status.text() == "Results appear as you type."
    pane.set_query("   ")
    assert pane.is_idle() and calls == ["calc"]
    pane.set_query("b")
    _wait_for(qtbot, pane, "b")
    qtbot.keyClick(pane.box, Qt.Key.Key_Down)
    qtbot.keyClick(pane.list, Qt.Key.Key_Escape)  # from the list too
    assert pane.box.text() == "" and pane.results_model.rowCount() == 0


def test_stale_results_are_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """A slow first query finishing after a quick second one never replaces it, nor does a
    query whose box has since been cleared."""
    release = threading.Event()

    def search(query: str) -> SearchResults:
        if query.startswith("slow"):
            release.wait(5)  # a gate on the worker thread, opened by the test
        return _results(query, f"{query}-hit")

    pane = _pane(qtbot, runner, search)
    pane.set_query("slow")
    pane.set_query("fast")
    _wait_for(qtbot, pane, "fast")
    pane.set_query("slow again")
    pane.set_query("")
    release.set()
    runner.wait_for_done()
    qtbot.waitUntil(runner.is_idle)
    assert pane.is_idle() and _shown(pane) is None and pane.results_model.rowCount() == 0
    pane.set_query("fast")
    _wait_for(qtbot, pane, "fast")
    assert _slugs(pane) == ["fast-hit"]


def test_while_the_index_is_built_queries_wait_and_the_newest_runs_after(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """A first start that builds the index holds queries back (no worker waits on it) and says
    how far it got; once the index is open, only the text now in the box is searched."""
    calls: list[str] = []
    pane = _pane(qtbot, runner, lambda q: calls.append(q) or _results(q, "a"))
    pane.hold()
    pane.show_preparing(40_000, 100_000)
    assert pane.status.text().startswith("Getting search ready: 40 % of 100,000 questions.")
    qtbot.keyClicks(pane.box, "lump")
    pane.set_query("lump under arm")
    qtbot.wait(50)
    assert calls == [] and not pane.is_idle()
    pane.resume()
    _wait_for(qtbot, pane, "lump under arm")
    assert calls == ["lump under arm"] and _slugs(pane) == ["a"]


def test_an_empty_box_gets_its_hint_back_when_search_is_ready(qtbot: QtBot, runner: TaskRunner) -> None:
    calls: list[str] = []
    pane = _pane(qtbot, runner, lambda q: calls.append(q) or _results(q, "a"))
    pane.hold()
    pane.show_preparing(2_000, 100_000)
    pane.resume()
    assert pane.is_idle() and calls == [] and pane.status.text() == "Results appear as you type."


def test_enter_before_the_results_arrive_opens_the_first(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()

    def search(query: str) -> SearchResults:
        release.wait(5)
        return _results(query, "first", "second")

    pane = _pane(qtbot, runner, search)
    pane.set_query("cyst")
    qtbot.keyClick(pane.box, Qt.Key.Key_Return)
    with qtbot.waitSignal(pane.result_activated) as signal:
        release.set()
    assert signal.args == ["question/first", ("cyst",)]


def test_model_passes_the_model_tester(qtbot: QtBot, pane: SearchPane, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(SearchResultsModel())
    pane.set_query("calc")
    _wait_for(qtbot, pane, "calc")
    qtmodeltester.check(pane.results_model)
    pane.results_model.set_results(_results("x", "a", "b", "c"))
    qtmodeltester.check(pane.results_model)


@pytest.mark.parametrize("text", ['"', "AND", "covid-19", "(OR*", "腺 😀", "lump " * 2000])
def test_odd_input_never_shows_an_error(qtbot: QtBot, pane: SearchPane, text: str) -> None:
    pane.set_query(text)
    _wait_for(qtbot, pane, text)
    assert "did not work" not in pane.status.text()
    assert pane.list.isVisible() or pane.no_results.isVisible()


@pytest.mark.parametrize("error", [BreastEduError("The search index is missing."), ValueError("boom")])
def test_worker_errors_show_one_plain_line(
    qtbot: QtBot, runner: TaskRunner, capsys: pytest.CaptureFixture[str], error: Exception
) -> None:
    def search(query: str) -> SearchResults:
        raise error

    pane = _pane(qtbot, runner, search)
    pane.set_query("calc")
    qtbot.waitUntil(pane.is_idle)
    message = pane.status.text()
    assert message.startswith("Search did not work") and message.endswith("Please try other words.")
    assert "\n" not in message and "Traceback" not in message and "boom" not in message
    assert not pane.list.isVisible() and not pane.no_results.isVisible()
    capsys.readouterr()  # the runner logs a bug's traceback to stderr, never to her


def test_only_the_rows_on_screen_cut_their_snippet(
    qtbot: QtBot, runner: TaskRunner, service: SearchService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of the results in a short list, the rows painted have their snippet cut; the others not."""
    from breastedu.core.search import service as module

    pane = _pane(qtbot, runner, lambda q: service.search(q, limit=30))
    pane.list.setFixedHeight(200)  # room for two rows
    results = service.search("breast ", limit=30)
    assert len(results.hits) >= 6
    calls: list[str] = []
    cut = module.snippet_parts
    monkeypatch.setattr(module, "snippet_parts", lambda body, marker: calls.append(body) or cut(body, marker))
    pane.results_model.set_results(results)
    pane.list.show()
    qtbot.waitExposed(pane.list)
    qtbot.waitUntil(lambda: len(calls) > 0)
    pane.list.viewport().repaint()
    shown = sum(
        pane.list.visualRect(pane.results_model.index(r, 0)).intersects(pane.list.viewport().rect())
        for r in range(len(results.hits))
    )
    assert 0 < len(calls) <= shown < len(results.hits)


def test_a_chinese_row_fits_its_height(qtbot: QtBot, pane: SearchPane) -> None:
    """A result in Chinese (two title lines, two snippet lines) fits inside the row's height:
    Chinese characters come from a taller fallback font than the Latin one the row was
    measured with, and its lines spilled into the next row."""
    from PySide6.QtGui import QTextLayout
    from PySide6.QtWidgets import QStyleOptionViewItem

    from breastedu.ui.common.i18n import register_cjk_font
    from breastedu.ui.search.models import PADDING, SearchHitDelegate

    assert register_cjk_font()
    delegate = pane.list.itemDelegate()
    assert isinstance(delegate, SearchHitDelegate)
    option = QStyleOptionViewItem()
    option.font = pane.list.font()  # type: ignore[attr-defined]
    small, bold, base = delegate._fonts(option)

    def lines_height(font: object, count: int) -> float:
        layout = QTextLayout("乳房攝影上看到的小鈣化點" * 8, font)  # type: ignore[call-overload]
        layout.beginLayout()
        total = 0.0
        for _ in range(count):
            line = layout.createLine()
            line.setLineWidth(200)
            total += line.height()
        layout.endLayout()
        return total

    needed = 2 * PADDING + lines_height(small, 1) + lines_height(bold, 2) + lines_height(base, 2)
    assert delegate.sizeHint(option, pane.results_model.index(0, 0)).height() >= needed
