"""The on-screen keyboard for the kiosk's search box: digits, letters, space, backspace, clear.

A kiosk often has no keyboard. The keys never take the focus, so the box keeps its cursor
and a physical keyboard keeps working alongside.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

#: Digits first: "BI-RADS 4", "TI-RADS 4" and "TR4" are what visitors read on their reports.
ROWS = ("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm-")


class Keypad(QWidget):
    """Types into one :class:`QLineEdit`.

    Signals:
        hide_requested(): the "Hide keyboard" key was pressed.
    """

    hide_requested = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.target = target
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        for row_number, letters in enumerate(ROWS):
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addStretch(1)
            for letter in letters:
                row.addWidget(self._key(letter, letter, lambda _=False, c=letter: self.target.insert(c)))
            if row_number == 1:
                row.addWidget(self._key("⌫", "Backspace", self.target.backspace, wide=2))
            row.addStretch(1)
            layout.addLayout(row)
        last = QHBoxLayout()
        last.setSpacing(6)
        last.addStretch(1)
        last.addWidget(self._key("Clear", "Clear the search", self.target.clear, wide=2))
        last.addWidget(self._key("Space", "Space", lambda: self.target.insert(" "), wide=6))
        last.addWidget(self._key("Hide keyboard", "Hide the keyboard", self.hide_requested.emit, wide=3))
        last.addStretch(1)
        layout.addLayout(last)

    def _key(self, label: str, name: str, slot: object, *, wide: int = 1) -> QPushButton:
        key = QPushButton(label, self)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAccessibleName(name)
        key.setAutoRepeat(label == "⌫")
        key.setProperty("wide", str(wide))  # the style sheet sizes wide keys
        key.clicked.connect(slot)
        return key
