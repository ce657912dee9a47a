"""The window's keyboard order: Tab between its parts, and F6 / Shift+F6 to jump between them."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


class FocusChain:
    """The parts of a window in order (search box, results, topics, the page, the notebook)."""

    def __init__(
        self, window: QWidget, parts: Callable[[], list[QWidget]], last_part: QWidget | None
    ) -> None:
        """``parts`` lists them; focus anywhere inside ``last_part`` (the notebook) counts as on it."""
        self._window, self._parts, self._last = window, parts, last_part
        for first, second in itertools.pairwise(parts()):
            QWidget.setTabOrder(first, second)

    def shown(self) -> list[QWidget]:
        """The parts F6 visits now (those shown and enabled), in Tab order."""
        return [w for w in self._parts() if w.isVisibleTo(self._window) and w.isEnabled()]

    def cycle(self, step: int) -> None:
        """Focus the next (+1) or previous (-1) part (a folded sidebar is skipped)."""
        parts, focus = self.shown(), QApplication.focusWidget()
        if not parts:
            return
        current = next(
            (i for i, w in enumerate(parts) if focus is w or (focus and w.isAncestorOf(focus))), -1
        )
        if current < 0 and self._last is not None and focus is not None and self._last.isAncestorOf(focus):
            current = len(parts) - 1
        reason = Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
        parts[(current + step) % len(parts)].setFocus(reason)
