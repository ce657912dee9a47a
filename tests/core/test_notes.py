"""NotesService: her notes on topics, questions and free notes; search; the doctor checklist."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from breastedu.core.content.dto import SlugRef
from breastedu.core.errors import ConflictError, InputError, NotFoundError
from breastedu.core.notebook.dto import NOTE_MAX, LinkRef
from breastedu.core.notebook.notes import NotesService
from breastedu.core.notebook.userdb import UserDB

QUESTION = SlugRef(
    kind="question",
    slug="clustered-calcs-a1b2c3",
    title="Clustered calcifications after surgery",
    topic_slug="calcifications",
)
TOPIC = LinkRef(kind="topic", slug="thyroid-nodules", title="Thyroid nodules", topic_slug="thyroid-nodules")


@pytest.fixture
def db(user_dir: Path) -> Iterator[UserDB]:
    """An open user DB in the test's folder."""
    with UserDB.open(user_dir) as opened:
        yield opened


@pytest.fixture
def notes(db: UserDB) -> NotesService:
    """A NotesService whose clock advances one second per call (stable ordering)."""
    ticks = itertools.count()
    start = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
    return NotesService(db, clock=lambda: start + dt.timedelta(seconds=next(ticks)))


def test_a_note_keeps_its_question_and_topic(notes: NotesService) -> None:
    """A note on a question remembers the question's title and is listed under its topic."""
    saved = notes.save("What size is worrying?", link=QUESTION)
    assert saved.link == LinkRef("question", QUESTION.slug, QUESTION.title, "calcifications")
    assert saved.topic_slug == "calcifications" and saved.revision == 1
    assert notes.get(saved.id) == saved


def test_notes_are_listed_by_topic_with_free_notes_last(notes: NotesService) -> None:
    """The notebook groups notes under their topic; free notes come last."""
    free = notes.save("Bring the report")
    thyroid = notes.save("TSH was 2.1", link=TOPIC)
    calc = notes.save("Ask about follow-up", link=QUESTION)
    groups = notes.grouped()
    assert [(g.topic_slug, [n.id for n in g.notes]) for g in groups] == [
        ("calcifications", [calc.id]),
        ("thyroid-nodules", [thyroid.id]),
        (None, [free.id]),
    ]
    assert notes.for_slug(QUESTION.slug) == (calc,)


def test_editing_bumps_the_revision_and_stale_edits_conflict(notes: NotesService) -> None:
    """An edit from an out-of-date copy is refused and the newer text stays."""
    first = notes.save("v1")
    second = notes.save("v2", note_id=first.id, revision=first.revision)
    assert (second.text, second.revision) == ("v2", 2)
    with pytest.raises(ConflictError):
        notes.save("stale", note_id=first.id, revision=first.revision)
    assert notes.get(first.id).text == "v2"


def test_saving_the_same_text_writes_nothing(notes: NotesService) -> None:
    """Autosave of unchanged text keeps the revision, so it never causes a false conflict."""
    first = notes.save("same")
    again = notes.save("same", note_id=first.id, revision=first.revision)
    assert again == first


def test_delete_removes_and_reports_the_id(notes: NotesService) -> None:
    """Deleting returns the id (for the UI) and the note is gone."""
    note = notes.save("to go")
    assert notes.delete(note.id, revision=note.revision) == note.id
    with pytest.raises(NotFoundError):
        notes.get(note.id)


def test_delete_of_a_note_changed_elsewhere_is_refused(notes: NotesService) -> None:
    """A delete based on an old revision does not throw away newer text."""
    note = notes.save("old")
    notes.save("newer", note_id=note.id, revision=note.revision)
    with pytest.raises(ConflictError):
        notes.delete(note.id, revision=note.revision)
    assert notes.get(note.id).text == "newer"


@pytest.mark.parametrize("query", ["100%", "a_b", "it's", '"quoted"', "back\\slash"])
def test_search_treats_wildcards_and_quotes_as_plain_text(notes: NotesService, query: str) -> None:
    """Search finds exactly the note containing the typed characters, wildcards included."""
    target = notes.save(f"contains {query} here")
    notes.save("contains 100 percent, ab, its, quoted, backslash")
    assert [n.id for n in notes.search(query)] == [target.id]


def test_search_ignores_case_across_languages_and_needs_every_word(notes: NotesService) -> None:
    """'échographie' finds 'ÉCHOGRAPHIE'; several words must all appear; titles count too."""
    echo = notes.save("ÉCHOGRAPHIE demain")
    linked = notes.save("ask this", link=QUESTION)
    assert notes.search("échographie") == (echo,)
    assert notes.search("CALCIFICATIONS ask") == (linked,)
    assert notes.search("échographie absent") == ()
    assert notes.search("   ") == ()


def test_questions_for_my_doctor_checklist(notes: NotesService) -> None:
    """She builds the checklist from notes, in the order added, and ticks questions off."""
    a = notes.save("Is a biopsy needed?", link=QUESTION)
    b = notes.save("Can I wait six months?")
    notes.save("private thought")
    notes.set_for_doctor(b.id, True)
    notes.set_for_doctor(a.id, True)
    assert [n.id for n in notes.questions_for_doctor()] == [b.id, a.id]
    ticked = notes.set_asked(b.id, True)
    assert ticked.asked and ticked.revision == b.revision  # a tick never conflicts an editor
    assert [n.id for n in notes.questions_for_doctor(include_asked=False)] == [a.id]
    assert not notes.set_for_doctor(b.id, False).for_doctor
    with pytest.raises(InputError):
        notes.set_asked(b.id, True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("   \n ", "is empty"),
        ("x" * (NOTE_MAX + 1), "limit is 20,000"),
        ("bell\x07", "control character"),
        ("nul\x00", "control character"),
        ("lone \ud800 surrogate", "invalid character"),
    ],
)
def test_bad_note_text_is_refused_and_nothing_written(notes: NotesService, text: str, message: str) -> None:
    """Empty, too long or control-character text: a clear error on the text field, no note."""
    with pytest.raises(InputError, match=message) as caught:
        notes.save(text)
    assert caught.value.where == "text"
    assert notes.count() == 0


def test_tabs_and_line_breaks_are_kept(notes: NotesService) -> None:
    """Multi-line notes keep their lines (Windows line ends become plain newlines)."""
    assert notes.save("a\tb\r\nc\n").text == "a\tb\nc\n"


def test_a_link_that_is_not_a_slug_is_refused(notes: NotesService) -> None:
    """A note can only point at a topic or question by slug."""
    with pytest.raises(InputError) as caught:
        notes.save("x", link=LinkRef("article", "a", "A", "a"))
    assert caught.value.where == "link"
    with pytest.raises(InputError):
        notes.save("x", link=LinkRef("topic", "../etc", "A", "a"))
    assert notes.count() == 0
