"""Where the window goes on a screen, and which panes fit in it (presentation rules only).

- First start: about 85 % of the screen's free area, centred; the whole free area (maximised)
  on a screen narrower than :data:`MAXIMISE_BELOW`.
- A saved geometry that no longer fits the screen (a smaller monitor, a lower resolution) is
  shrunk to fit and moved back onto it.
- The notebook dock starts closed in a window narrower than :data:`NOTEBOOK_BELOW`; the sidebar
  folds into a drawer (a toolbar button) in one narrower than :data:`DRAWER_BELOW`.
"""

from __future__ import annotations

from PySide6.QtCore import QRect

FIRST_START_SHARE = 0.85
MAXIMISE_BELOW = 1280
NOTEBOOK_BELOW = 1200
DRAWER_BELOW = 900
#: A laptop's screen, the size ``breastedu screenshot`` pretends to start on.
LAPTOP_SCREEN = (1366, 768)


def first_start_geometry(available: QRect) -> tuple[QRect, bool]:
    """The window's first geometry on a screen with free area ``available``, and whether to
    show it maximised."""
    if available.width() < MAXIMISE_BELOW:
        return QRect(available), True
    width = round(available.width() * FIRST_START_SHARE)
    height = round(available.height() * FIRST_START_SHARE)
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect, False


def start_geometry(saved: QRect | None, available: QRect) -> tuple[QRect, bool]:
    """Where a window starts on a screen with free area ``available``, and whether to show it
    maximised: its saved geometry (None on a first start) kept on the screen, else the
    first-start one. (A saved maximised state comes back with the saved geometry itself.)"""
    if saved is not None:
        return fit_into(saved, available), False
    return first_start_geometry(available)


def fit_into(geometry: QRect, available: QRect) -> QRect:
    """``geometry`` shrunk to ``available`` if larger, and moved so all of it is on it."""
    rect = QRect(geometry)
    rect.setWidth(min(rect.width(), available.width()))
    rect.setHeight(min(rect.height(), available.height()))
    if rect.right() > available.right():
        rect.moveRight(available.right())
    if rect.bottom() > available.bottom():
        rect.moveBottom(available.bottom())
    if rect.left() < available.left():
        rect.moveLeft(available.left())
    if rect.top() < available.top():
        rect.moveTop(available.top())
    return rect


def notebook_open_at_start(window_width: int) -> bool:
    """The notebook dock is open on first start only where the page keeps room to read."""
    return window_width >= NOTEBOOK_BELOW


def sidebar_as_drawer(window_width: int, notebook_docked: bool) -> bool:
    """The sidebar folds into a drawer when the window is narrow, or when the docked notebook
    would otherwise squeeze the page under a comfortable line length."""
    return window_width < DRAWER_BELOW or (notebook_docked and window_width < NOTEBOOK_BELOW)
