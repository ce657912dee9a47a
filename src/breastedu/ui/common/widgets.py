"""Small widget helpers the panes share: large touch targets and field error labels."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

#: Minimum height of a button, in pixels (big enough for a finger and for weak eyesight).
TARGET_PX = 36


def button(text: str, parent: QWidget, *, checkable: bool = False) -> QPushButton:
    """A push button at least :data:`TARGET_PX` high."""
    widget = QPushButton(text, parent)
    widget.setMinimumHeight(TARGET_PX)
    widget.setCheckable(checkable)
    return widget


def error_label(parent: QWidget) -> QLabel:
    """A hidden, wrapping label in the theme's error colour for one field's error."""
    label = QLabel(parent)
    label.setProperty("tone", "error")  # the theme's style sheet colours it
    label.setWordWrap(True)
    label.hide()
    return label
