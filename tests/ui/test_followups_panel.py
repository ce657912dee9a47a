"""The follow-up tracker pane: states on a fixed day, Done on, the form, suggestions, exports."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.system_tools import tool

from breastedu.core.dates import long_date
from breastedu.core.notebook.dto import FollowUpState, LinkRef, RepeatBasis, RepeatRule
from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.mydata import UserDB
from breastedu.core.notebook.notes import NotesService
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.notebook.followups_models import FollowUpsModel
from breastedu.ui.notebook.followups_pane import FollowUpsPane

D = dt.date
TODAY = D(2026, 6, 15)
QUESTION = LinkRef(
    "question", "clustered-calcs-a1b2c3", "Clustered calcifications after surgery", "calcifications"
)


@pytest.fixture
def service(db: UserDB) -> FollowUpService:
    return FollowUpService(db, today=lambda: TODAY)


@pytest.fixture
def sample(service: FollowUpService) -> dict[str, int]:
    """One follow-up in every state on TODAY."""
    ids = {
        "overdue": service.add("Thyroid blood test", D(2026, 6, 2)).id,
        "today": service.add("Breast ultrasound", TODAY, repeat=RepeatRule(RepeatBasis.FROM_DONE, 6)).id,
        "soon": service.add(
            "Mammogram", D(2026, 6, 22), repeat=RepeatRule(RepeatBasis.FROM_DUE, 12), link=QUESTION
        ).id,
        "upcoming": service.add("Thyroid ultrasound", D(2026, 11, 3)).id,
    }
    done = service.add("Biopsy results", D(2026, 5, 20))
    service.complete(done.id, on=D(2026, 5, 21))
    ids["done"] = done.id
    return ids


def _make_pane(qtbot: QtBot, service: FollowUpService, db: UserDB) -> Iterator[FollowUpsPane]:
    runner = TaskRunner()
    widget = FollowUpsPane(
        service, runner, today=lambda: TODAY, questions_for_doctor=NotesService(db).questions_for_doctor
    )
    widget.resize(420, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.summary.text() != "")
    yield widget
    runner.wait_for_done()
    qtbot.waitUntil(runner.is_idle)
    widget.close()
    widget.deleteLater()


@pytest.fixture
def pane(qtbot: QtBot, service: FollowUpService, db: UserDB) -> Iterator[FollowUpsPane]:
    yield from _make_pane(qtbot, service, db)


@pytest.fixture
def full_pane(
    qtbot: QtBot, service: FollowUpService, db: UserDB, sample: dict[str, int]
) -> Iterator[FollowUpsPane]:
    yield from _make_pane(qtbot, service, db)


def _rows(pane: FollowUpsPane) -> list[str]:
    return [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]


def test_model_passes_qtmodeltester(
    qtbot: QtBot, qtmodeltester: ModelTester, service: FollowUpService, sample: dict[str, int]
) -> None:
    """The list model obeys Qt's model rules, empty and filled."""
    model = FollowUpsModel()
    qtmodeltester.check(model)
    model.set_followups(service.list())
    qtmodeltester.check(model)


def test_states_on_a_fixed_day_read_right(
    qtbot: QtBot, service: FollowUpService, db: UserDB, sample: dict[str, int]
) -> None:
    """Each row says its state in words, with the month spelled out, plus a state icon."""
    runner = TaskRunner()
    pane = FollowUpsPane(service, runner, today=lambda: TODAY)
    with qtbot.waitSignal(pane.attention_changed) as blocker:
        pass
    assert blocker.args == [1, 2]
    rows = _rows(pane)
    assert rows[0].startswith("Thyroid blood test\nOverdue, 13 days late · due 2 June 2026")
    assert rows[1].startswith("Breast ultrasound\nDue today · due 15 June 2026")
    assert rows[2] == (
        "Mammogram\nDue soon, in 7 days · due 22 June 2026\n"
        f"Every 12 months from the due date · About: {QUESTION.title}"
    )
    assert rows[3].startswith("Thyroid ultrasound\nUpcoming, in 141 days · due 3 November 2026")
    assert rows[4].startswith("Biopsy results\nDone on 21 May 2026")
    icons = {pane.model.index(r, 0).data(Qt.ItemDataRole.DecorationRole).cacheKey() for r in range(5)}
    assert len(icons) == 4  # one look per state, never colour alone: the words are there too
    assert pane.summary.text() == "1 overdue, 2 due soon."
    assert long_date(D(2027, 3, 3)) == "3 March 2027"
    runner.wait_for_done()
    qtbot.waitUntil(runner.is_idle)
    pane.deleteLater()


def test_done_on_creates_the_next_by_the_rule(
    qtbot: QtBot, full_pane: FollowUpsPane, service: FollowUpService, sample: dict[str, int]
) -> None:
    """Back-dated "Done on" for a yearly-from-due-date mammogram plans the next a year after due."""
    full_pane.select(sample["soon"])
    qtbot.mouseClick(full_pane.done_button, Qt.MouseButton.LeftButton)
    assert full_pane.done_bar.isVisible() and full_pane.done_bar.day() == TODAY
    full_pane.done_bar.date_edit.setDate(QDate(2026, 6, 10))
    with qtbot.waitSignal(full_pane.user_data_changed):
        qtbot.mouseClick(full_pane.done_bar.record_button, Qt.MouseButton.LeftButton)
    done = service.get(sample["soon"])
    assert done.state is FollowUpState.DONE and done.done_on == D(2026, 6, 10)
    nxt = [f for f in service.list() if f.previous_id == done.id]
    assert [(f.title, f.due, f.link) for f in nxt] == [("Mammogram", D(2027, 6, 22), QUESTION)]
    assert "Next: 22 June 2027" in full_pane.status.text()
    qtbot.waitUntil(lambda: full_pane.selected() is not None and full_pane.selected().id == nxt[0].id)


def test_done_in_the_future_is_refused_at_the_field(
    qtbot: QtBot, full_pane: FollowUpsPane, service: FollowUpService, sample: dict[str, int]
) -> None:
    """A date after today: core's sentence under the date, nothing recorded."""
    full_pane.select(sample["upcoming"])
    qtbot.mouseClick(full_pane.done_button, Qt.MouseButton.LeftButton)
    full_pane.done_bar.date_edit.setDate(QDate(2026, 7, 1))
    qtbot.mouseClick(full_pane.done_bar.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: full_pane.done_bar.error.isVisible())
    assert "is in the future" in full_pane.done_bar.error.text()
    assert service.get(sample["upcoming"]).done_on is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("", "The title is empty"),
        ("Mam\x07mogram", "The title contains a control character (U+0007) at position 4"),
    ],
)
def test_invalid_input_shows_at_the_field_and_writes_nothing(
    qtbot: QtBot, pane: FollowUpsPane, service: FollowUpService, title: str, expected: str
) -> None:
    """Bad input: the message sits under the title field; the DB stays empty."""
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    pane.form.title_edit.setText(title)
    qtbot.mouseClick(pane.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.form.errors["title"].isVisible())
    assert pane.form.errors["title"].text() == expected
    assert pane.form.isVisible() and service.list() == ()


def test_adding_with_repeat_and_link(qtbot: QtBot, pane: FollowUpsPane, service: FollowUpService) -> None:
    """She fills the form on a question's page: stored with its rule, link and note."""
    pane.set_context(QUESTION)
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(pane.form.title_edit, "Mammogram")
    pane.form.set_due(D(2026, 9, 30))
    pane.form.repeat_combo.setCurrentIndex(1)
    pane.form.months_spin.setValue(12)
    pane.form.link_box.setChecked(True)
    pane.form.note_edit.setPlainText("Bring old films")
    with qtbot.waitSignal(pane.user_data_changed):
        qtbot.mouseClick(pane.form.save_button, Qt.MouseButton.LeftButton)
    [item] = service.list()
    assert (item.title, item.due, item.repeat, item.link, item.note) == (
        "Mammogram",
        D(2026, 9, 30),
        RepeatRule(RepeatBasis.FROM_DUE, 12),
        QUESTION,
        "Bring old films",
    )
    assert not pane.form.isVisible()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)


def test_suggest_from_text_prefills_without_saving(
    qtbot: QtBot, pane: FollowUpsPane, service: FollowUpService
) -> None:
    """'Annual mammography screening.' fills the form for her to confirm; nothing is saved."""
    pane.suggest_from_text(
        "Annual mammography screening.",
        QUESTION.title,
        QUESTION,
        advice_date=D(2015, 8, 20),
    )
    values = pane.form.values()
    hint = pane.form.hint.text()
    assert pane.form.isVisible() and "“Annual”" in hint
    # Someone else's 2015 advice is labelled as such; her own doctor decides her interval.
    assert "given to another patient, in 2015" in hint and "Your own doctor decides yours" in hint
    assert (values.title, values.basis, values.months, values.due, values.link) == (
        "Mammography",
        RepeatBasis.FROM_DONE,
        12,
        D(2027, 6, 15),
        QUESTION,
    )
    pane.suggest_from_text("Repeat the ultrasound in 3 months.", "Thyroid nodules", None)
    assert "another patient" not in pane.form.hint.text()  # her own text: no such caution
    values = pane.form.values()
    assert (values.title, values.basis, values.due, values.link) == (
        "Ultrasound",
        RepeatBasis.NONE,
        D(2026, 9, 15),
        None,
    )
    pane.suggest_from_text("Follow up every 6 to 12 months.", "Goiter", None)
    assert pane.form.values().basis is RepeatBasis.NONE  # a range: she chooses, we don't
    assert "every 6 to 12 months" in pane.form.hint.text()
    pane.suggest_from_text("See your doctor.", "Breast pain", None)
    assert pane.form.values().title == "Breast pain"
    assert "No interval" in pane.form.hint.text()
    assert pane.runner.wait_for_done() and service.list() == ()


def test_delete_asks_first(
    qtbot: QtBot, full_pane: FollowUpsPane, service: FollowUpService, sample: dict[str, int]
) -> None:
    """Declining the confirmation keeps it; confirming deletes it."""
    answers = iter([False, True])
    full_pane.confirm_delete = lambda item: next(answers)  # type: ignore[method-assign]
    full_pane.select(sample["upcoming"])
    qtbot.mouseClick(full_pane.delete_button, Qt.MouseButton.LeftButton)
    assert full_pane.runner.wait_for_done() and len(service.list()) == 5
    with qtbot.waitSignal(full_pane.user_data_changed):
        qtbot.mouseClick(full_pane.delete_button, Qt.MouseButton.LeftButton)
    assert sample["upcoming"] not in {f.id for f in service.list()}


def test_activating_a_linked_row_opens_its_page(
    qtbot: QtBot, full_pane: FollowUpsPane, sample: dict[str, int]
) -> None:
    """A follow-up about a question opens that question."""
    index = full_pane.model.index(full_pane.model.row_of(sample["soon"]), 0)
    with qtbot.waitSignal(full_pane.open_requested) as blocker:
        full_pane.view.activated.emit(index)
    assert blocker.args == [f"question/{QUESTION.slug}"]


def test_ics_export_parses_back(qtbot: QtBot, full_pane: FollowUpsPane, tmp_path: Path) -> None:
    """The .ics file has one event per follow-up, readable by icalendar."""
    target = tmp_path / "mine"  # the extension is added
    full_pane.choose_save_path = lambda *args: target  # type: ignore[method-assign]
    qtbot.mouseClick(full_pane.ics_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: full_pane.status.text().startswith("Saved 5 follow-ups"))
    calendar = icalendar.Calendar.from_ical((tmp_path / "mine.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events)[:2] == [
        "Biopsy results (done 2026-05-21)",
        "Breast ultrasound",
    ]
    assert {e["dtstart"].dt for e in events} >= {D(2026, 6, 22), D(2026, 11, 3)}


def test_visit_sheet_pdf_is_written(
    qtbot: QtBot, full_pane: FollowUpsPane, db: UserDB, tmp_path: Path
) -> None:
    """'Print my visit sheet' writes a PDF with her follow-ups and questions for the doctor."""
    NotesService(db).save("Do I need a biopsy?", for_doctor=True)
    target = tmp_path / "sheet.pdf"
    full_pane.choose_save_path = lambda *args: target  # type: ignore[method-assign]
    qtbot.mouseClick(full_pane.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: full_pane.status.text() == "Saved your visit sheet to sheet.pdf.")
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        [tool("pdftotext"), str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Mammogram" in text and "Do I need a biopsy?" in text
    assert "Biopsy results" not in text  # done ones are not on the sheet


def test_the_visit_sheet_printed_from_a_chinese_window_is_in_chinese(
    qtbot: QtBot, full_pane: FollowUpsPane, db: UserDB, tmp_path: Path
) -> None:
    """With the window in 繁體中文, the visit sheet she prints is Chinese: its headings, states,
    dates, month grid and its running header and footer; what she typed stays as typed."""
    from breastedu.core.languages import CHINESE, ENGLISH
    from breastedu.ui.common.i18n import install_language, register_cjk_font

    assert register_cjk_font()  # as the app does at start (the PDF's text then reads 日, not ⽇)
    NotesService(db).save("Do I need a biopsy?", for_doctor=True)
    target = tmp_path / "sheet.pdf"
    full_pane.choose_save_path = lambda *args: target  # type: ignore[method-assign]
    install_language(CHINESE)
    try:
        full_pane.print_visit_sheet()
        qtbot.waitUntil(lambda: target.exists() and full_pane.runner.is_idle(), timeout=20000)
    finally:
        install_language(ENGLISH)
    text = subprocess.run(
        [tool("pdftotext"), str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in (
        "我的看診單",
        "我的追蹤檢查",
        "要問醫師的問題",
        "已逾期",
        "列印日期",
        "2026年6月2日",
        "本月",
    ):
        assert words in text, words
    assert "Mammogram" in text and "Do I need a biopsy?" in text  # her words, as typed
    for english in ("My visit sheet", "Printed", "Questions for my doctor", "Overdue", "June"):
        assert english not in text, english


def test_cancelled_file_dialog_writes_nothing(qtbot: QtBot, full_pane: FollowUpsPane, tmp_path: Path) -> None:
    """Cancelling the save dialog does nothing at all."""
    full_pane.choose_save_path = lambda *args: None  # type: ignore[method-assign]
    full_pane.export_ics()
    full_pane.print_visit_sheet()
    assert full_pane.runner.is_idle() and full_pane.status.text() == ""


def test_escape_closes_the_form_and_asks_only_about_changes(qtbot: QtBot, pane: FollowUpsPane) -> None:
    """Escape closes an untouched form at once; with a typed title it asks first, and
    "Cancel" keeps the form and her words."""
    asked: list[bool] = []
    pane.confirm_discard = lambda: asked.append(True) or False  # type: ignore[method-assign]
    pane.start_add()
    assert pane.form.isVisible()
    QTest.keyClick(pane.form.title_edit, Qt.Key.Key_Escape)
    assert not pane.form.isVisible() and asked == []
    pane.start_add()
    qtbot.keyClicks(pane.form.title_edit, "Mammogram")
    QTest.keyClick(pane.form.title_edit, Qt.Key.Key_Escape)
    assert asked == [True] and pane.form.isVisible() and pane.form.title_edit.text() == "Mammogram"
    pane.confirm_discard = lambda: True  # type: ignore[method-assign]
    QTest.keyClick(pane.form.title_edit, Qt.Key.Key_Escape)
    assert not pane.form.isVisible()


def test_the_timeline_shows_her_follow_ups_and_says_them_in_words(
    qtbot: QtBot, full_pane: FollowUpsPane
) -> None:
    """Issue 27: the follow-ups as a picture above the list, in words for a screen reader."""
    timeline = full_pane.timeline
    assert timeline.isVisible() and timeline.height() > 60
    assert timeline.height() <= full_pane.height()  # scaled to the pane, never wider than it
    words = timeline.accessibleDescription()
    for title in ("Thyroid blood test", "Breast ultrasound", "Mammogram", "Thyroid ultrasound"):
        assert title in words
    assert "overdue" in words.lower()
    image = timeline.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 3  # something is drawn, not an empty box


def test_no_follow_ups_no_timeline(qtbot: QtBot, pane: FollowUpsPane) -> None:
    assert not pane.timeline.isVisible()
