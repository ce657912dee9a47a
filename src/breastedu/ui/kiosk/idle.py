"""Idle detection for the kiosk and the "Are you still reading?" overlay with its countdown.

The watcher filters the whole application's events and restarts its timer on any real
(spontaneous) input: a touch, a click, a key, the wheel or a moving mouse. Synthetic events
Qt sends itself (a widget appearing under the pointer) do not count as a visitor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from breastedu.ui.common.i18n import translate
from breastedu.ui.kiosk.overlay import Overlay

_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``idle_ms`` without input, and ``activity`` on each input.

    Signals:
        idle_changed(bool): True when the time ran out, False on the next input after that.
        activity_seen(): any real input (sent at most once per event loop turn is not promised).
    """

    idle_changed = Signal(bool)
    activity_seen = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self._on_timeout)
        self._idle = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (the kiosk is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def restart(self) -> None:
        """Count the idle time from now."""
        self._timer.start()

    def is_idle(self) -> bool:
        """True between the time running out and the next input."""
        return self._idle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and event.spontaneous():
            self._timer.start()
            self.activity_seen.emit()
            if self._idle:
                self._idle = False
                self.idle_changed.emit(False)
        return False

    def _on_timeout(self) -> None:
        self._idle = True
        self.idle_changed.emit(True)


class IdleOverlay(Overlay):
    """A large overlay asking "Are you still reading?" with a countdown.

    It is opaque: the next person may be standing at the screen while it counts down, so the
    last visitor's search words and page are hidden behind it, not just dimmed.

    Signals:
        expired(): the countdown reached zero.
        continued(): the visitor pressed "I'm still reading".
    """

    expired = Signal()
    continued = Signal()

    def __init__(self, parent: QWidget, *, tick_ms: int = 1000) -> None:
        super().__init__(
            translate("kiosk.idle", "Are you still reading?"), parent, min_width=640, opaque=True
        )
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self.countdown = self.centred_label()
        self.countdown.setObjectName("countdown")
        self.message = self.centred_label()
        self.button = QPushButton(translate("kiosk.idle", "I'm still reading"), self.card)
        self.button.clicked.connect(self._continue)
        for widget in (self.countdown, self.message, self.button):
            self.card_layout.addWidget(widget)

    def start(self, seconds: int) -> None:
        """Show the overlay over the whole parent and count down from ``seconds``."""
        self._left = seconds
        self._show_left()
        self.show_over_parent()
        self._timer.start()

    def cancel(self) -> None:
        """Hide it without resetting (any touch does this)."""
        self._timer.stop()
        self.hide()

    def seconds_left(self) -> int:
        """What the countdown shows."""
        return self._left

    def _continue(self) -> None:
        self.cancel()
        self.continued.emit()

    def _show_left(self) -> None:
        self.countdown.setText(str(self._left))
        if self._left == 1:
            text = translate("kiosk.idle", "This screen starts over for the next person\nin 1 second.")
        else:
            text = translate("kiosk.idle", "This screen starts over for the next person\nin {n} seconds.")
        touch = translate("kiosk.idle", "Touch anywhere to keep reading.")
        self.message.setText(f"{text.format(n=self._left)}\n{touch}")

    def _tick(self) -> None:
        self._left = max(0, self._left - 1)
        self._show_left()
        if self._left == 0:
            self.cancel()
            self.expired.emit()
