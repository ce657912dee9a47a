"""App-wide input rules, installed once on the QApplication (:func:`install`):

- **The wheel never edits a value she is not editing.** A date, spin or combo box takes the
  mouse wheel only while it has the keyboard focus; otherwise the wheel goes on to the pane
  under it, which scrolls (a pane full of fields is scrolled with the wheel all the time).
  Such fields also stop taking the focus from the wheel itself.
- **The focused field is in view.** When the keyboard focus moves to a widget inside a scroll
  area, the area scrolls so that widget shows (WCAG 2.4.11, "focus not obscured").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QWidget,
)

_GUARDED = (QAbstractSpinBox, QComboBox)
_PROPERTY = "breasteduInputGuards"


class InputGuards(QObject):
    """The application's event filter behind :func:`install`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the cheap test first (asking an event
        # its type makes a Python enum member each time, some 2,000 while the window is built).
        if not isinstance(watched, _GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            if not watched.hasFocus():
                scroll_pane(watched, event)
                return True
        elif kind == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False

    def on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            # After the layout settles: a form that has just been shown has no geometry yet.
            QTimer.singleShot(0, lambda: reveal(new))


def scroll_pane(widget: QWidget, event: QWheelEvent) -> None:
    """Give ``event`` (a wheel turn over ``widget``) to the nearest scrolling pane around it.

    Qt passes an ignored wheel event on to the parent only when it came from the system, so
    it is handed over here, to the pane's viewport, the same way for every event."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        event.ignore()  # nothing scrolls around it: the wheel does nothing here
        return
    viewport = parent.viewport()
    position = QPointF(widget.mapTo(viewport, event.position().toPoint()))
    handed = QWheelEvent(
        position,
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QApplication.sendEvent(viewport, handed)
    event.accept()


def install(app: QApplication) -> InputGuards:
    """Install the guards on ``app`` (once: a second call returns the first guards)."""
    existing = app.property(_PROPERTY)
    if isinstance(existing, InputGuards):
        return existing
    guards = InputGuards(app)
    app.installEventFilter(guards)
    app.focusChanged.connect(guards.on_focus_changed)
    app.setProperty(_PROPERTY, guards)
    return guards


def reveal(widget: QWidget) -> None:
    """Scroll every scroll area holding ``widget`` so that it shows (nearest area first)."""
    try:
        parent = widget.parentWidget()
    except RuntimeError:  # deleted meanwhile
        return
    for _ in range(3):  # a form just shown: lay it out (wrapped labels take a second pass)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    while parent is not None:
        area = parent.parentWidget()
        content = area.widget() if isinstance(area, QScrollArea) else None
        if isinstance(area, QScrollArea) and content is not None and area.viewport() is parent:
            # The whole field, not only its text cursor (what ensureWidgetVisible shows of a line edit).
            centre = widget.mapTo(content, widget.rect().center())
            area.ensureVisible(centre.x(), centre.y(), widget.width() // 2 + 8, widget.height() // 2 + 8)
        parent = area
