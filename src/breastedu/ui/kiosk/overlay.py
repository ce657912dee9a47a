"""The kiosk's overlays: a dimmed layer over the whole window with a centred white card.

Not a dialog window: under a bare X server there is no window manager to place one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class Overlay(QWidget):
    """Covers its parent; subclasses fill ``card_layout`` under the title."""

    def __init__(self, title: str, parent: QWidget, *, min_width: int, opaque: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        # An opaque overlay hides what is behind it (the style sheet paints it in the window colour).
        self.setProperty("opaque", opaque)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card = QFrame(self)
        self.card.setObjectName("overlayCard")
        self.card.setMinimumWidth(min_width)
        heading = QLabel(title, self.card)
        heading.setObjectName("overlayTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(40, 24, 40, 24)
        self.card_layout.setSpacing(12)
        self.card_layout.addWidget(heading)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()

    def centred_label(self) -> QLabel:
        """A centred label on the card; lines are broken by hand (a wrapped label under-sizes it)."""
        label = QLabel(self.card)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return label

    def show_over_parent(self) -> None:
        """Show over the whole parent, on top of everything else."""
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()
