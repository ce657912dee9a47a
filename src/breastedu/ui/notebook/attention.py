"""How many of her follow-ups want attention: the counts behind the follow-up banner and the
tracker's summary (a small module: the window reads them at start without the tracker pane)."""

from __future__ import annotations

from collections.abc import Iterable

from breastedu.core.notebook.dto import FollowUp, FollowUpState


def attention(items: Iterable[FollowUp]) -> tuple[int, int]:
    """The overdue and the due-soon follow-ups among ``items``."""
    states = [item.state for item in items]
    return states.count(FollowUpState.OVERDUE), states.count(FollowUpState.DUE_SOON)
