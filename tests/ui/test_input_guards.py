"""A wheel never edits a value she is not editing: over an unfocused date, spin or combo box
the wheel scrolls the pane, and the follow-up she saves has the date she chose."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from breastedu.core.notebook.followups import FollowUpService
from breastedu.core.notebook.userdb import UserDB
from breastedu.ui.common import input_guards
from breastedu.ui.common.workers import TaskRunner
from breastedu.ui.notebook.followups_pane import FollowUpsPane

TODAY = dt.date(2026, 12, 7)


def _wheel(widget: QWidget, steps: int) -> None:
    """``steps`` notches of the mouse wheel (negative: down) with the pointer over ``widget``."""
    centre = QPointF(widget.rect().center())
    for _ in range(abs(steps)):
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120 if steps > 0 else -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def test_wheel_over_an_unfocused_due_date_scrolls_and_the_saved_date_is_hers(
    qtbot: QtBot, db: UserDB, runner: TaskRunner
) -> None:
    """She sets 7 Dec 2027, scrolls the pane with the pointer over the date, saves: 7 Dec 2027."""
    input_guards.install(QApplication.instance())  # type: ignore[arg-type]
    service = FollowUpService(db, today=lambda: TODAY)
    pane = FollowUpsPane(service, runner, lambda: TODAY)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(pane)
    area.resize(340, 300)  # short: the pane scrolls, as in the dock
    qtbot.addWidget(area)
    area.show()
    pane.start_add()
    pane.form.title_edit.setText("Mammogram")
    pane.form.set_due(dt.date(2027, 12, 7))
    pane.form.title_edit.setFocus()
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    bar = area.verticalScrollBar()
    bar.setValue(bar.maximum())
    before = bar.value()
    due = pane.form.due_edit
    assert not due.hasFocus()
    _wheel(due, +2)  # up, over the field
    assert bar.value() < before, "the pane did not scroll"
    _wheel(due, -1)
    _wheel(pane.form.repeat_combo, -3)
    _wheel(pane.form.months_spin, +2)
    assert pane.form.repeat_combo.currentIndex() == 0 and pane.form.months_spin.value() == 12
    pane.form.save_button.click()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    assert [f.due for f in service.list()] == [dt.date(2027, 12, 7)]


def test_a_focused_date_field_still_takes_the_wheel(qtbot: QtBot) -> None:
    """Once she is in the field (clicked or tabbed into it), the wheel changes it as usual."""
    input_guards.install(QApplication.instance())  # type: ignore[arg-type]
    box = QWidget()
    combo = QComboBox(box)
    combo.addItems(["A4", "Letter"])
    QVBoxLayout(box).addWidget(combo)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    _wheel(combo, -1)
    assert combo.currentIndex() == 0
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not give it focus
    box.activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, -1)
    assert combo.currentIndex() == 1
