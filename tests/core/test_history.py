"""Back and Forward behave like a browser's."""

from breastedu.core.render.history import History


def test_back_forward_and_new_visit_drops_forward() -> None:
    """Going back then visiting a new page forgets the old forward pages."""
    h = History()
    for target in ("home", "topic/a", "question/b"):
        h.visit(target)
    assert h.back() == "topic/a" and h.back() == "home" and h.back() is None
    assert h.forward() == "topic/a"
    h.visit("topic/c")
    assert not h.can_go_forward() and h.back() == "topic/a"


def test_revisiting_current_page_records_nothing() -> None:
    """Opening the page already shown does not add a Back step."""
    h = History()
    h.visit("home")
    h.visit("home")
    assert not h.can_go_back()


def test_limit_drops_oldest() -> None:
    """A long session keeps only the newest pages."""
    h = History(limit=3)
    for i in range(5):
        h.visit(f"p{i}")
    assert h.back() == "p3" and h.back() == "p2" and h.back() is None


def test_each_step_keeps_its_scroll_position() -> None:
    """Back and Forward return to where she had scrolled on each page; a new visit starts at the top."""
    h = History()
    h.visit("home")
    h.set_position(0.4)
    h.visit("topic/a")
    h.set_position(0.75)
    h.visit("question/b")
    assert h.position == 0.0
    assert h.back() == "topic/a" and h.position == 0.75
    assert h.back() == "home" and h.position == 0.4
    assert h.forward() == "topic/a" and h.position == 0.75
    h.visit("topic/c")
    assert h.position == 0.0 and h.back() == "topic/a" and h.position == 0.75
