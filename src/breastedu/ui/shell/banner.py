"""A quiet, non-modal message over the page with an optional button (never a dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from breastedu.ui.common.i18n import translate


class Banner(QWidget):
    """A message over the page with an optional button.

    Signals:
        action_clicked(): the button was pressed.
    """

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(translate("shell.banner", "Notice"))
        self.button = QPushButton(self)
        self.button.setAccessibleName(translate("shell.banner", "Notice action"))
        self.button.clicked.connect(self.action_clicked)
        close = QPushButton(translate("shell.banner", "Dismiss"), self)
        close.setAccessibleDescription(translate("shell.banner", "Hide this notice"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(close)
        self.hide()

    def show_text(self, text: str, action: str | None = None) -> None:
        """Show ``text``; ``action`` labels the button (hidden when None)."""
        self.label.setText(text)
        self.button.setText(action or "")
        self.button.setAccessibleName(action or "Notice action")
        self.button.setVisible(bool(action))
        self.show()

    def action_text(self) -> str:
        """The button's label while the banner shows one, else ``""``."""
        return self.button.text() if self.isVisible() and self.button.isVisible() else ""

    def text(self) -> str:
        """The message shown."""
        return self.label.text()
