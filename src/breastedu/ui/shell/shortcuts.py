"""Help › Keyboard shortcuts: every shortcut of the window, read from its actions."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate

#: Keys that belong to no action (handled by the panes themselves).
EXTRA_KEYS = (
    (
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP(
            "shell.shortcuts", "Move between the search box, the topics, the page and your notebook"
        ),
    ),
    ("F6 / Shift+F6", QT_TRANSLATE_NOOP("shell.shortcuts", "Jump to the next / previous part of the window")),
    ("Backspace", QT_TRANSLATE_NOOP("shell.shortcuts", "Go back (while reading a page)")),
    ("Enter", QT_TRANSLATE_NOOP("shell.shortcuts", "Open the selected topic or search result")),
)


def unique_keys(*keys: QKeySequence) -> list[QKeySequence]:
    """``keys`` without repeats, in order. One action given the same key twice (a standard key
    that is also spelled out, e.g. ZoomIn and "Ctrl++") makes Qt call the key ambiguous and do
    nothing."""
    seen: dict[str, QKeySequence] = {}
    for key in keys:
        text = key.toString(QKeySequence.SequenceFormat.PortableText)
        if text and text not in seen:
            seen[text] = key
    return list(seen.values())


class _FocusOnShow(QObject):
    def __init__(self, window: QWidget, target: QWidget) -> None:
        super().__init__(window)
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: _activate(watched, self.target))
        return False


def _activate(window: QWidget, target: QWidget) -> None:
    window.activateWindow()
    if target.isVisible():
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def take_focus_on_show(window: QWidget, target: QWidget) -> None:
    """When ``window`` is first shown, ask for the keyboard focus and put it in ``target``.

    A window manager gives a new window the focus; a bare X server (a kiosk, a test display)
    does not, and keys typed before a click would go nowhere. ``activateWindow`` asks X for it.
    """
    window.installEventFilter(_FocusOnShow(window, target))


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for each action with a shortcut, in the order given."""
    rows = []
    for action in actions:
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            what = (action.toolTip() or action.text()).split(" (")[0].replace("&", "")
            rows.append((" or ".join(dict.fromkeys(keys)), what))
    return rows


class ShortcutsDialog(QDialog):
    """A plain list of keys and what they do."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("shell.shortcuts", "Keyboard shortcuts"))
        rows = shortcut_rows(actions) + [(k, translate("shell.shortcuts", w)) for k, w in EXTRA_KEYS]
        body = "".join(
            f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>" for keys, what in rows
        )
        view = QTextBrowser(self)
        view.setAccessibleName(translate("shell.shortcuts", "Keyboard shortcuts"))
        view.setAccessibleDescription(
            translate("shell.shortcuts", "Every key you can use in BreastEdu and what it does")
        )
        view.setHtml(f'<table cellpadding="6">{body}</table>')
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            translate("shell.shortcuts", "Close")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(560, 480)
