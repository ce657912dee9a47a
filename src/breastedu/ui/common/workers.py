"""The one threading policy: core calls run on a QThreadPool, results come back by signal.

Tasks must call core only and never touch widgets. Reads run on a shared pool; writes to
the user DB go through a one-thread pool so they are serialised in submission order.
Each task belongs to a *channel* (e.g. ``"search"``, ``"page"``); submitting a new task on a
channel makes any older, unfinished one stale, and a stale result or error is dropped, never shown.
Each task also has an *owner*, the QObject (usually the pane) its result is for: when the
owner is deleted, the task's callbacks are dropped, whatever they are (bound methods,
lambdas, partials), so a result never reaches a deleted widget.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from breastedu.core.errors import BreastEduError, InputError
from breastedu.ui.common.i18n import current_language, translate


def error_text(error: BaseException, *, input_where: bool = False) -> str:
    """What ``error`` says, in the window's language: a core error's message, said in the language
    it was written to be said in, after the file it names (``where``); any other error's own text.

    An input error's ``where`` is its field, which a form shows the message under instead, so it
    is left out unless ``input_where`` (an imported file's place, say ``followups[0].done_on``)."""
    if not isinstance(error, BreastEduError):
        return str(error)
    text = error.message_in(current_language())
    named = error.where and (input_where or not isinstance(error, InputError))
    return f"{error.where}: {text}" if named else text


class _Relay(QObject):
    """Carries a task's outcome back to the GUI thread (queued across threads)."""

    finished = Signal(str, int, object, object)  # channel, generation, result, error


class _Task(QRunnable):
    def __init__(
        self, relay: _Relay, channel: str, generation: int, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> None:
        super().__init__()
        self._relay, self._channel, self._generation = relay, channel, generation
        self._fn, self._args = fn, args

    def run(self) -> None:
        result: object
        error: BaseException | None
        try:
            result, error = self._fn(*self._args), None
        except BreastEduError as exc:
            result, error = None, exc
        except Exception as exc:  # a bug: keep the app alive, report it plainly
            traceback.print_exc()
            result, error = None, exc
        self._relay.finished.emit(self._channel, self._generation, result, error)


@dataclass
class _Pending:
    owner: QObject
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None


class TaskRunner(QObject):
    """Runs core calls off the GUI thread and delivers only the latest result per channel.

    Signals:
        task_failed(str, str): channel and a plain message, for any task that raised.
        idle_changed(bool): True when no task is pending any more.
    """

    task_failed = Signal(str, str)
    idle_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_readers: int = 2) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(max_readers)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._generation: dict[str, int] = {}
        self._callbacks: dict[tuple[str, int], _Pending] = {}

    def submit(
        self,
        channel: str,
        fn: Callable[..., Any],
        *args: Any,
        owner: QObject,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        write: bool = False,
    ) -> int:
        """Run ``fn(*args)`` in the background; call ``on_done(result)`` on the GUI thread.

        ``owner`` is the object the result is for: once it is deleted, neither ``on_done`` nor
        ``on_error`` is called (the task itself still runs to its end, so a write completes).
        Returns the task's generation on ``channel``. ``write=True`` queues it on the single
        writer thread; write channels should be unique per write so none is dropped.
        """
        generation = self._generation.get(channel, 0) + 1
        self._generation[channel] = generation
        self._callbacks[(channel, generation)] = _Pending(owner, on_done, on_error)
        if len(self._callbacks) == 1:
            self.idle_changed.emit(False)
        pool = self._writer if write else self._readers
        pool.start(_Task(self._relay, channel, generation, fn, args))
        return generation

    def drop(self, channel: str) -> None:
        """Make any unfinished task on ``channel`` stale: its result will not be delivered."""
        self._generation[channel] = self._generation.get(channel, 0) + 1

    def is_idle(self) -> bool:
        """True when every submitted task has reported back."""
        return not self._callbacks

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until the pools are empty (shutdown and tests only; never in a slot)."""
        return self._writer.waitForDone(msecs) and self._readers.waitForDone(msecs)

    def drain(self, msecs: int = 30000) -> bool:
        """Wait for every task, then deliver their outcomes now (closing: never in a slot)."""
        done = self.wait_for_done(msecs)
        QCoreApplication.sendPostedEvents(self)  # the relay's queued calls are posted to us
        return done

    @Slot(str, int, object, object)
    def _on_finished(self, channel: str, generation: int, result: object, error: object) -> None:
        pending = self._callbacks.pop((channel, generation), None)
        # Delivery and deletion both happen on the GUI thread: a deleted owner is seen here.
        alive = pending is not None and shiboken6.isValid(pending.owner)
        current = self._generation.get(channel) == generation
        # An error is an outcome like a result: a stale task's error, or one whose owner is
        # gone, is dropped, never shown over the page she has moved on to.
        if pending is None or not alive or not current:
            pass
        elif isinstance(error, BaseException):
            if pending.on_error is not None:
                pending.on_error(error)
            else:  # nobody handles it: the window says it
                message = (
                    error_text(error)
                    if isinstance(error, BreastEduError)
                    else translate("common.workers", "Something went wrong: {error}").format(error=error)
                )
                self.task_failed.emit(channel, message)
        elif pending.on_done is not None:
            pending.on_done(result)
        if not self._callbacks:
            self.idle_changed.emit(True)
