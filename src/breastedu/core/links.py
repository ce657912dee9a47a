"""A page's identity in the library, shared by the pages that show it and the notebook that
points at it: one :class:`LinkRef`, built in one place (:class:`~breastedu.core.render.pages.PageBuilder`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkRef:
    """What a note or follow-up points at in the library, as remembered when it was saved.

    ``kind`` is ``"topic"`` or ``"question"``; ``title`` and ``topic_slug`` are the display
    values at save time, so the notebook stays readable even if a new content DB lacks the slug.
    """

    kind: str
    slug: str
    title: str
    topic_slug: str
