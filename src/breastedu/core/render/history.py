"""Back/Forward navigation over app targets (``home``, ``topic/<slug>``, ...), Qt-free.

Each step also keeps where she had scrolled to on that page (a fraction of its height), so
Back returns her to the paragraph she left, not to the top.
"""

from __future__ import annotations


class History:
    """A browser-style history: visiting a new target drops the forward list."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[str] = []
        self._positions: list[float] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        """The target being shown, or None before the first visit."""
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, target: str) -> None:
        """Record a newly opened target (re-opening the current one records nothing)."""
        if target == self.current:
            return
        del self._items[self._index + 1 :]
        del self._positions[self._index + 1 :]
        self._items.append(target)
        self._positions.append(0.0)
        if len(self._items) > self._limit:
            del self._items[0]
            del self._positions[0]
        self._index = len(self._items) - 1

    def set_position(self, fraction: float) -> None:
        """Remember how far down the current page she is (0.0 top to 1.0 bottom)."""
        if self._index >= 0:
            self._positions[self._index] = min(1.0, max(0.0, fraction))

    @property
    def position(self) -> float:
        """How far down the current page she was when she last left it (0.0 if never)."""
        return self._positions[self._index] if self._index >= 0 else 0.0

    def can_go_back(self) -> bool:
        """True when there is a page to go back to."""
        return self._index > 0

    def can_go_forward(self) -> bool:
        """True when Back was used and there is a page to go forward to."""
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        """Step back and return the target to show, or None at the start."""
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> str | None:
        """Step forward and return the target to show, or None at the end."""
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

    def clear(self) -> None:
        """Forget everything (kiosk reset)."""
        self._items.clear()
        self._positions.clear()
        self._index = -1
