"""What the window remembers between runs in her ``settings.ini``: its place and size, the
panes' sizes and the text size (never in the kiosk, which has no settings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def restore(window: QMainWindow, splitter: QSplitter, settings: QSettings | None) -> bool:
    """Restore the saved window and panes; True if a saved geometry was found."""
    if settings is None:
        return False
    for key, restore_state in (
        ("window/splitter", splitter.restoreState),
        ("window/state", window.restoreState),
    ):
        value = settings.value(key)
        if isinstance(value, QByteArray):
            restore_state(value)
    geometry = settings.value("window/geometry")
    return isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)


def save(
    window: QMainWindow, splitter_state: QByteArray | None, zoom: str, settings: QSettings | None
) -> None:
    """Remember the window's place and panes, the splitter (as before the drawer folded it) and
    the text size."""
    if settings is None:
        return
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    if splitter_state is not None:
        settings.setValue("window/splitter", splitter_state)
    settings.setValue("view/zoom", zoom)
    settings.sync()


def saved_zoom(settings: QSettings | None) -> str:
    """The text size she chose last time ("normal" when none or unreadable)."""
    value = settings.value("view/zoom", "normal") if settings is not None else "normal"
    return value if isinstance(value, str) else "normal"
