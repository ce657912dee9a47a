"""Staff exit: a hidden gesture on the clinic's name, then a PIN pad that locks after 3 wrong tries.

The gesture is five taps on the clinic name in the header within three seconds: easy for
staff who know it, unlikely by accident, and nothing on screen gives it away.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from breastedu.core.kiosk import PinLock, PinOutcome
from breastedu.ui.common.i18n import translate
from breastedu.ui.kiosk.overlay import Overlay

TAPS = 5
TAP_WINDOW_S = 3.0
MAX_DIGITS = 12
#: The pad's key that empties what was typed (its label is translated; this is its identity).
CLEAR = "Clear"


class SecretTapLabel(QLabel):
    """A label that emits ``taps_completed`` after :data:`TAPS` taps within :data:`TAP_WINDOW_S`.

    Signals:
        taps_completed(): the hidden gesture was made.
    """

    taps_completed = Signal()

    def __init__(
        self, text: str, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ):
        super().__init__(text, parent)
        self._clock = clock
        self._taps: list[float] = []

    def mousePressEvent(self, event: QMouseEvent) -> None:
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= TAP_WINDOW_S] + [now]
        if len(self._taps) >= TAPS:
            self._taps = []
            self.taps_completed.emit()
        event.accept()


class PinPad(Overlay):
    """A PIN pad over the whole kiosk window (no separate window: there may be no window manager).

    Signals:
        accepted(): the right PIN was entered.
    """

    accepted = Signal()

    def __init__(self, lock: PinLock, parent: QWidget, *, tick_ms: int = 1000) -> None:
        super().__init__(translate("kiosk.staff", "Staff exit"), parent, min_width=560)
        self.lock = lock
        self._digits = ""
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._refresh_lock)
        self.display = self.centred_label()
        self.display.setAccessibleName(translate("kiosk.staff", "PIN entered"))
        self.display.setObjectName("pinDisplay")
        self.message = self.centred_label()

        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: list[QPushButton] = []
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", CLEAR, "0", "⌫"]
        for number, label in enumerate(labels):
            key = QPushButton(translate("kiosk.staff", "Clear") if label == CLEAR else label, self.card)
            key.setMinimumSize(104, 60)
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.clicked.connect(lambda _=False, text=label: self.press(text))
            grid.addWidget(key, number // 3, number % 3)
            self.keys.append(key)
        self.cancel_button = QPushButton(translate("kiosk.staff", "Cancel"), self.card)
        self.cancel_button.clicked.connect(self.close_pad)
        self.ok_button = QPushButton(translate("kiosk.staff", "Exit kiosk"), self.card)
        self.ok_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        for button in (self.cancel_button, self.ok_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        self.card_layout.addWidget(self.display)
        self.card_layout.addWidget(self.message)
        self.card_layout.addLayout(grid)
        self.card_layout.addLayout(buttons)

    def open_pad(self) -> None:
        """Show the pad, empty, over the whole window."""
        self._digits = ""
        self._show_digits()
        if not self.lock.has_pin:
            self._set_keys_enabled(False)
            self.message.setText(
                translate(
                    "kiosk.staff",
                    "No staff PIN is set.\nStop the kiosk from a terminal (Ctrl+C),\n"
                    "then run 'breastedu kiosk set-pin'.",
                )
            )
        else:
            self.message.setText(translate("kiosk.staff", "Enter the staff PIN."))
            self._refresh_lock()
        self.show_over_parent()

    def close_pad(self) -> None:
        """Hide the pad and forget what was typed."""
        self._digits = ""
        self._show_digits()
        self._timer.stop()
        self.hide()

    def digits(self) -> str:
        """What has been typed (for tests)."""
        return self._digits

    def press(self, key: str) -> None:
        if key == CLEAR:
            self._digits = ""
        elif key == "⌫":
            self._digits = self._digits[:-1]
        elif len(self._digits) < MAX_DIGITS:
            self._digits += key
        self._show_digits()

    def type_pin(self, pin: str) -> None:
        """Press the digit keys of ``pin`` (a physical keyboard or a test)."""
        for digit in pin:
            if digit.isdigit():
                self.press(digit)

    def submit(self) -> PinOutcome:
        """Check what was typed."""
        outcome = self.lock.attempt(self._digits)
        self._digits = ""
        self._show_digits()
        if outcome is PinOutcome.ACCEPTED:
            self.close_pad()
            self.accepted.emit()
        elif outcome is PinOutcome.WRONG:
            left = self.lock.tries_left()
            if left == 1:
                self.message.setText(translate("kiosk.staff", "Wrong PIN. 1 try left."))
            else:
                self.message.setText(translate("kiosk.staff", "Wrong PIN. {n} tries left.").format(n=left))
        elif outcome is PinOutcome.LOCKED:
            self._refresh_lock()
        return outcome

    def _refresh_lock(self) -> None:
        seconds = self.lock.seconds_locked()
        self._set_keys_enabled(not seconds)
        if seconds:
            self.message.setText(
                translate("kiosk.staff", "Too many wrong tries.\nThe pad is locked for {n} s.").format(
                    n=seconds
                )
            )
            self._timer.start()
        elif self._timer.isActive():
            self._timer.stop()
            self.message.setText(translate("kiosk.staff", "Enter the staff PIN."))

    def _set_keys_enabled(self, enabled: bool) -> None:
        for key in [*self.keys, self.ok_button]:
            key.setEnabled(enabled)

    def _show_digits(self) -> None:
        self.display.setText("●" * len(self._digits) if self._digits else "–")
