"""When to save the note she is typing, and what the pane should say about it: a pure state machine.

The notes pane feeds it events (she typed, a save started, a save finished or failed, a
conflict) and asks it two questions: *is a save due now?* and *what is the state?* It runs on
one thread (the GUI thread): the pane reports a save's outcome when the writer thread's result
arrives, so no state is shared between threads. Time comes from an injectable clock, so every
rule is unit-tested without timers or sleeps.

States (:class:`SaveState`):
    SAVED     everything typed is written.
    PENDING   she typed; a save is due ``delay`` seconds after the last keystroke.
    SAVING    a save was handed to the writer and has not reported back.
    FAILED    the last save failed (locked file, full disk...). Her text is *still pending*:
              a retry is due after ``retry`` seconds (doubling up to ``max_retry``), and
              :meth:`is_saved` stays False, so closing the window asks her what to do.
    CONFLICT  another copy changed the note: nothing is saved automatically until she
              resolves it ("Keep mine", or a copy of her text when she leaves).

A failure only counts when it is the newest save: a later save carries the whole editor
text, so its success supersedes an earlier failure.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

from breastedu.core.catalogue import ENGLISH, say

#: Seconds after the last keystroke before a save.
SAVE_DELAY_S = 0.8
#: First wait before retrying a failed save; it doubles up to MAX_RETRY_S.
RETRY_S = 2.0
MAX_RETRY_S = 60.0


class SaveState(enum.Enum):
    SAVED = "saved"
    PENDING = "pending"
    SAVING = "saving"
    FAILED = "failed"
    CONFLICT = "conflict"


class Autosave:
    """The save state of one editor. Feed it events; ask :meth:`due` and :attr:`state`."""

    def __init__(
        self,
        *,
        delay: float = SAVE_DELAY_S,
        retry: float = RETRY_S,
        max_retry: float = MAX_RETRY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._delay, self._first_retry, self._max_retry, self._clock = delay, retry, max_retry, clock
        self._dirty = False  # text changed since the newest started save
        self._due_at: float | None = None
        self._started = 0  # sequence number of the newest save handed to the writer
        self._finished = 0  # how many of the started saves have reported back
        self._failure: str | None = None
        self._retry = retry
        self._conflict: str | None = None

    # Events -------------------------------------------------------------------------------

    def edited(self) -> None:
        """She changed the text: a save is due ``delay`` seconds from now (debounced)."""
        self._dirty = True
        if self._failure is None:
            self._due_at = self._clock() + self._delay

    def started(self) -> int:
        """A save of the whole current text was handed to the writer; returns its number."""
        self._dirty = False
        self._due_at = None
        self._started += 1
        return self._started

    def succeeded(self, number: int) -> None:
        """Save ``number`` was written."""
        self._finished += 1
        if number == self._started:
            self._failure = None
            self._retry = self._first_retry

    def failed(self, number: int, reason: str) -> None:
        """Save ``number`` failed for a reason that may pass (locked, full disk, I/O error).

        Her text is pending again and a retry is due after the back-off.
        """
        self._finished += 1
        if number != self._started:
            return  # a newer save carries the same text and more
        self._dirty = True
        self._failure = reason
        self._due_at = self._clock() + self._retry
        self._retry = min(self._retry * 2, self._max_retry)

    def conflicted(self, number: int, message: str) -> None:
        """Save ``number`` was refused because another copy changed the note."""
        self._finished += 1
        self._dirty = True
        self._due_at = None
        self._conflict = message

    def resolved(self) -> None:
        """The conflict was dealt with (her text is being saved over, or as a copy)."""
        self._conflict = None

    def reset(self) -> None:
        """A different note is in the editor now (after the old one's last save was started)."""
        self._dirty = False
        self._due_at = None
        self._failure = None
        self._retry = self._first_retry
        self._conflict = None

    # Questions ----------------------------------------------------------------------------

    def due(self) -> bool:
        """True when a save should be handed to the writer now."""
        return (
            self._dirty
            and self._conflict is None
            and self._due_at is not None
            and self._clock() >= self._due_at
        )

    def seconds_until_due(self) -> float | None:
        """How long until :meth:`due` turns True (0 if it is), or None when nothing is due."""
        if not self._dirty or self._conflict is not None or self._due_at is None:
            return None
        return max(0.0, self._due_at - self._clock())

    @property
    def state(self) -> SaveState:
        if self._conflict is not None:
            return SaveState.CONFLICT
        if self._failure is not None:
            return SaveState.FAILED
        if self._dirty:
            return SaveState.PENDING
        if self._finished < self._started:
            return SaveState.SAVING
        return SaveState.SAVED

    @property
    def failure(self) -> str | None:
        """Why the newest save failed (while FAILED), else None."""
        return self._failure

    @property
    def conflict(self) -> str | None:
        """The conflict message (while CONFLICT), else None."""
        return self._conflict

    def is_saved(self) -> bool:
        """True when everything typed has been written."""
        return self.state is SaveState.SAVED

    def has_unsaved_text(self) -> bool:
        """True when text she typed is not written and no save of it is in flight."""
        return self._dirty

    def describe(self, lang: str = ENGLISH) -> str:
        """The short status line the pane shows (in ``lang``)."""
        state = self.state
        if state is SaveState.SAVED:
            return say(lang, "Saved")
        if state in (SaveState.PENDING, SaveState.SAVING):
            return say(lang, "Saving…")
        if state is SaveState.FAILED:
            return say(lang, "Not saved yet ({why}). Trying again…", why=self._failure)
        return say(lang, "Not saved")
