"""The Navigator: history with scroll positions and the current page's identity, Qt-free."""

from __future__ import annotations

from pathlib import Path

import pytest

from breastedu.core.content.service import ContentService
from breastedu.core.links import LinkRef
from breastedu.core.navigation.navigator import Navigator, Visit
from breastedu.core.render.pages import HOME, PageBuilder


@pytest.fixture
def nav(library_db: Path) -> Navigator:
    return Navigator(PageBuilder(ContentService.open(library_db)))


def _go(nav: Navigator, visit: Visit, leaving_at: float = 0.0):
    return nav.arrive(nav.build(visit.target), visit, leaving_at)


def test_back_returns_to_where_she_had_scrolled_and_forward_too(nav: Navigator) -> None:
    home = _go(nav, nav.request(HOME))
    assert home.scroll is None and not nav.can_go_back()
    topic = nav.pages.target_for_slug(nav.pages._content.tree()[0].topics[0].slug)
    _go(nav, nav.request(topic), leaving_at=0.4)  # she leaves home 40 % down
    assert nav.can_go_back()
    back = nav.back(leaving_at=0.7)
    assert back == Visit(HOME, record=False)
    arrival = _go(nav, back)
    assert arrival.scroll == pytest.approx(0.4)
    assert nav.can_go_forward()
    forward = nav.forward(leaving_at=0.1)
    assert forward is not None and forward.target == topic
    assert _go(nav, forward).scroll == pytest.approx(0.7)


def test_a_new_step_drops_the_forward_list(nav: Navigator) -> None:
    _go(nav, nav.request(HOME))
    _go(nav, nav.request("glossary"))
    _go(nav, nav.back(0.0))  # type: ignore[arg-type]
    _go(nav, nav.request("about"))
    assert not nav.can_go_forward()


def test_the_current_pages_link_is_built_once_by_the_page(nav: Navigator) -> None:
    topic = nav.pages._content.tree()[0].topics[0]
    _go(nav, nav.request(f"topic/{topic.slug}"))
    assert nav.link == LinkRef("topic", topic.slug, topic.title, topic.slug)
    assert nav.current is not None and nav.current.printable_slug == topic.slug
    _go(nav, nav.request("glossary"))
    assert nav.link is None and nav.current is not None and nav.current.printable_slug is None


def test_highlight_travels_with_the_visit_and_reset_forgets_everything(nav: Navigator) -> None:
    arrival = _go(nav, nav.request(HOME, highlight=("cyst",)))
    assert arrival.highlight == ("cyst",)
    _go(nav, nav.request("glossary"))
    nav.reset()
    assert nav.current is None and not nav.can_go_back() and nav.back(0.0) is None
