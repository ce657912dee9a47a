"""The note autosave rules, with a clock the test moves: debounce, saving, failure, conflict."""

from __future__ import annotations

from breastedu.core.notebook.autosave import Autosave, SaveState


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _autosave() -> tuple[Autosave, Clock]:
    clock = Clock()
    return Autosave(delay=0.8, retry=2.0, max_retry=8.0, clock=clock), clock


def test_a_save_is_due_only_after_she_stops_typing() -> None:
    save, clock = _autosave()
    assert save.state is SaveState.SAVED and not save.due()
    save.edited()
    clock.now += 0.5
    save.edited()  # typing again pushes the save back
    clock.now += 0.5
    assert save.state is SaveState.PENDING and not save.due()
    remaining = save.seconds_until_due()
    assert remaining is not None and abs(remaining - 0.3) < 1e-9
    clock.now += 0.3
    assert save.due()


def test_saving_then_saved() -> None:
    save, clock = _autosave()
    save.edited()
    clock.now += 1
    number = save.started()
    assert save.state is SaveState.SAVING and not save.is_saved() and not save.due()
    save.succeeded(number)
    assert save.state is SaveState.SAVED and save.is_saved() and save.describe() == "Saved"


def test_typing_during_a_save_keeps_the_new_text_pending() -> None:
    save, _clock = _autosave()
    save.edited()
    first = save.started()
    save.edited()
    save.succeeded(first)
    assert save.state is SaveState.PENDING and not save.is_saved()


def test_a_failed_save_stays_pending_and_is_retried_with_back_off() -> None:
    """The text of a failed save is never dropped: it stays unsaved and is retried."""
    save, clock = _autosave()
    save.edited()
    number = save.started()
    save.failed(number, "database is locked")
    assert save.state is SaveState.FAILED and not save.is_saved() and save.has_unsaved_text()
    assert "database is locked" in save.describe()
    assert not save.due()
    clock.now += 2
    assert save.due()
    number = save.started()
    save.failed(number, "database is locked")
    clock.now += 2
    assert not save.due()  # the wait doubled
    clock.now += 2
    assert save.due()
    number = save.started()
    save.succeeded(number)
    assert save.state is SaveState.SAVED and save.failure is None


def test_typing_after_a_failure_does_not_postpone_the_retry_forever() -> None:
    save, clock = _autosave()
    save.edited()
    save.failed(save.started(), "disk full")
    clock.now += 1.9
    save.edited()
    clock.now += 0.1
    assert save.due()


def test_an_older_failure_is_superseded_by_a_newer_save() -> None:
    save, _clock = _autosave()
    save.edited()
    first = save.started()
    save.edited()
    second = save.started()
    save.failed(first, "locked")
    assert save.state is SaveState.SAVING
    save.succeeded(second)
    assert save.state is SaveState.SAVED


def test_a_conflict_saves_nothing_until_resolved() -> None:
    save, clock = _autosave()
    save.edited()
    save.conflicted(save.started(), "changed in another window")
    assert save.state is SaveState.CONFLICT and save.conflict == "changed in another window"
    save.edited()
    clock.now += 10
    assert not save.due() and save.seconds_until_due() is None and not save.is_saved()
    save.resolved()
    number = save.started()
    save.succeeded(number)
    assert save.is_saved()


def test_reset_after_a_failure() -> None:
    save, _clock = _autosave()
    save.edited()
    save.failed(save.started(), "locked")
    save.reset()
    assert save.is_saved() and not save.due()
