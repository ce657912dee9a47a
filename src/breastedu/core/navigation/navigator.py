"""The one Navigator: history (Back/Forward with where she had scrolled), target -> page, and
the page on screen with its identity (:attr:`RenderedPage.link`).

Thread-safety, declared (as calibre declares its API's): :meth:`Navigator.build` and
:meth:`Navigator.build_slug` are safe on worker threads (they only read the content DB through
:class:`PageBuilder`); every other method belongs to the thread that owns the shell (the GUI
thread) and is never called from a worker.

A shell asks for a page with :meth:`request`, builds it off its GUI thread with :meth:`build`,
and hands it back with :meth:`arrive`, which records the visit and says where to scroll.
"""

from __future__ import annotations

from dataclasses import dataclass

from breastedu.core.links import LinkRef
from breastedu.core.render.history import History
from breastedu.core.render.pages import HOME, PageBuilder, RenderedPage


@dataclass(frozen=True)
class Visit:
    """One request to show a page: where to, whether it is a new step in the history (False for
    Back and Forward), and the search words to mark on it."""

    target: str
    record: bool = True
    highlight: tuple[str, ...] = ()


@dataclass(frozen=True)
class Arrival:
    """What the shell does with a built page: show ``page``; scroll to ``scroll`` (a fraction of
    its height) or stay at the top when None; mark ``highlight``."""

    page: RenderedPage
    scroll: float | None
    highlight: tuple[str, ...]


class Navigator:
    """History, target -> page, and the page on screen, for one window or one kiosk visitor."""

    def __init__(self, pages: PageBuilder, *, history_limit: int = 200) -> None:
        self.pages = pages
        self._history = History(history_limit)
        self._current: RenderedPage | None = None

    # Any thread ---------------------------------------------------------------------------

    def build(self, target: str) -> RenderedPage:
        """The page for ``target`` (worker-thread safe)."""
        return self.pages.build(target)

    def build_slug(self, slug: str) -> RenderedPage:
        """The page of a bare topic or question slug (worker-thread safe; NotFoundError if none)."""
        return self.pages.build(self.pages.target_for_slug(slug))

    # The shell's thread -------------------------------------------------------------------

    @staticmethod
    def request(target: str, *, highlight: tuple[str, ...] = ()) -> Visit:
        """A new step to ``target`` (a link, a search result, a topic in the tree)."""
        return Visit(target, True, tuple(highlight))

    def arrive(self, page: RenderedPage, visit: Visit, leaving_at: float) -> Arrival:
        """``page`` (built for ``visit``) goes on screen; ``leaving_at`` is how far down the
        page she leaves she had scrolled, kept for Back."""
        if visit.record:
            self._history.set_position(leaving_at)
            self._history.visit(page.target)
            scroll = None
        else:  # Back or Forward: where she was on that page
            scroll = self._history.position
        self._current = page
        return Arrival(page, scroll, visit.highlight)

    def back(self, leaving_at: float) -> Visit | None:
        """The step back (None at the start), remembering where she was on this page."""
        self._history.set_position(leaving_at)
        target = self._history.back()
        return Visit(target, record=False) if target else None

    def forward(self, leaving_at: float) -> Visit | None:
        """The step forward after Back (None at the end)."""
        self._history.set_position(leaving_at)
        target = self._history.forward()
        return Visit(target, record=False) if target else None

    def can_go_back(self) -> bool:
        return self._history.can_go_back()

    def can_go_forward(self) -> bool:
        return self._history.can_go_forward()

    @property
    def current(self) -> RenderedPage | None:
        """The page on screen (None before the first one arrives)."""
        return self._current

    @property
    def link(self) -> LinkRef | None:
        """The identity of the page on screen: a topic or question, else None."""
        return self._current.link if self._current is not None else None

    def reset(self) -> None:
        """Forget every step and the page on screen (a kiosk visitor leaves)."""
        self._history.clear()
        self._current = None


__all__ = ["HOME", "Arrival", "Navigator", "Visit"]
