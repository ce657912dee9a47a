"""The add/edit form of the follow-up tracker and the "Done on…" bar.

Both only collect values and show errors; core decides what is valid (an :class:`InputError`'s
``where`` names the field, and its message appears right under that field).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.errors import BreastEduError
from breastedu.core.notebook.dto import (
    DATE_MAX,
    DATE_MIN,
    REPEAT_MONTHS_MAX,
    TITLE_MAX,
    FollowUp,
    LinkRef,
    RepeatBasis,
)
from breastedu.ui.common.flow_layout import FlowLayout
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from breastedu.ui.common.widgets import TARGET_PX, button, error_label
from breastedu.ui.common.workers import error_text

#: Short, to read after the field's label ("Repeat: From the due date") and to fit a narrow
#: pane at the largest text size (a combo box cannot wrap its text).
_BASES = (
    (RepeatBasis.NONE, QT_TRANSLATE_NOOP("notebook.followups_form", "Does not repeat")),
    (RepeatBasis.FROM_DUE, QT_TRANSLATE_NOOP("notebook.followups_form", "From the due date")),
    (RepeatBasis.FROM_DONE, QT_TRANSLATE_NOOP("notebook.followups_form", "From when it was done")),
)


def _qdate(day: dt.date) -> QDate:
    """A QDate for ``day`` (spelled out: not every PySide6 release takes a date object)."""
    return QDate(day.year, day.month, day.day)


def date_edit(parent: QWidget) -> QDateEdit:
    """A date field with a calendar and the month spelled out."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(translate("notebook.followups_form", "d MMMM yyyy"))  # zh: numbers only
    edit.setMinimumDate(_qdate(DATE_MIN))
    edit.setMaximumDate(_qdate(DATE_MAX))
    edit.setMinimumHeight(TARGET_PX)
    return edit


def on_escape(widget: QWidget, signal: SignalInstance) -> None:
    """Escape anywhere inside ``widget`` emits ``signal`` (an open popup takes it first)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(signal)


@dataclass(frozen=True)
class FormValues:
    """What the form holds, unchecked: core checks it."""

    followup: FollowUp | None  # None: a new follow-up
    title: str
    due: dt.date
    basis: RepeatBasis
    months: int | None
    link: LinkRef | None
    note: str


class FollowUpForm(QGroupBox):
    """Title, due date, repeat rule, optional link and note, with an error under each field.

    Signals:
        submitted(): she pressed "Save follow-up" (or Enter in the title).
        cancelled(): she pressed "Cancel".
    """

    submitted = Signal()
    cancelled = Signal()
    escape_pressed = Signal()

    #: Narrower than this many average characters, each label goes above its field.
    ONE_COLUMN_CHARS = 48

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("notebook.followups_form", "New follow-up"), parent)
        self._started: FormValues | None = None
        on_escape(self, self.escape_pressed)
        self._editing: FollowUp | None = None
        self._link: LinkRef | None = None
        form = self.form_layout = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText(translate("notebook.followups_form", "e.g. Mammogram"))
        self.title_edit.setMinimumHeight(TARGET_PX)
        self.title_edit.returnPressed.connect(self.submitted)
        self.due_edit = date_edit(self)
        self.repeat_combo = QComboBox(self)
        self.repeat_combo.setMinimumHeight(TARGET_PX)
        self.repeat_combo.setAccessibleName(
            translate("notebook.followups_form", "Repeat")
        )  # not its value: the label she sees
        # Its longest choice must not set the width of a narrow pane.
        self.repeat_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.repeat_combo.setMinimumContentsLength(12)
        for basis, text in _BASES:
            self.repeat_combo.addItem(translate("notebook.followups_form", text), basis)
        self.months_spin = QSpinBox(self)
        self.months_spin.setRange(1, REPEAT_MONTHS_MAX)
        self.months_spin.setPrefix(translate("notebook.followups_form", "every "))
        self.months_spin.setSuffix(translate("notebook.followups_form", " months"))
        self.months_spin.setValue(12)
        self.months_spin.setMinimumHeight(TARGET_PX)
        self.months_spin.setAccessibleName(
            translate("notebook.followups_form", "Repeat every how many months")
        )
        self.repeat_combo.currentIndexChanged.connect(self._on_basis)
        self.link_box = QCheckBox(translate("notebook.followups_form", "Link to this page"), self)
        self.link_box.setMinimumHeight(TARGET_PX)
        # The page's title wraps under the box (a check box's own text never wraps).
        self.link_title = QLabel(self)
        self.link_title.setWordWrap(True)
        self.link_title.setTextFormat(Qt.TextFormat.PlainText)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            translate("notebook.followups_form", "Optional, e.g. bring the old films")
        )
        self.note_edit.setFixedHeight(64)
        self.errors = {name: error_label(self) for name in ("title", "due", "repeat", "link", "note")}
        self.form_error = error_label(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.hide()

        def add(label: str, widget: QWidget, name: str, buddy: QWidget | None = None) -> None:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.errors[name])
            caption = QLabel(label, self)
            # The buddy is also the "labelled by" relation a screen reader announces with a
            # combo box (on Linux Qt names a combo box by its value, not its label).
            caption.setBuddy(buddy or widget)
            form.addRow(caption, box)

        add(translate("notebook.followups_form", "&What"), self.title_edit, "title")
        add(translate("notebook.followups_form", "&Due on"), self.due_edit, "due")
        repeat_row = QWidget(self)
        repeat_box = QVBoxLayout(repeat_row)
        repeat_box.setContentsMargins(0, 0, 0, 0)
        repeat_box.addWidget(self.repeat_combo)
        repeat_box.addWidget(self.months_spin)
        add(translate("notebook.followups_form", "&Repeat"), repeat_row, "repeat", self.repeat_combo)
        link_row = QVBoxLayout()
        link_row.setSpacing(2)
        link_row.addWidget(self.link_box, 0, Qt.AlignmentFlag.AlignLeft)
        link_row.addWidget(self.link_title)
        link_row.addWidget(self.errors["link"])
        form.addRow(link_row)  # the checkbox names itself; a "Link" caption would only crowd it
        add(translate("notebook.followups_form", "&Note"), self.note_edit, "note")
        self.save_button = button(translate("notebook.followups_form", "Save follow-up"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submitted)
        self.cancel_button = button(translate("notebook.followups_form", "Cancel"), self)
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = FlowLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.hint)
        outer.addLayout(form)
        outer.addWidget(self.form_error)
        outer.addLayout(buttons)
        self._on_basis()

    def start(
        self,
        today: dt.date,
        page: LinkRef | None,
        followup: FollowUp | None = None,
        *,
        link_checked: bool = False,
    ) -> None:
        """Empty for a new follow-up (due today), or filled from ``followup`` to edit it."""
        self._editing = followup
        self.setTitle(
            translate("notebook.followups_form", "Change follow-up")
            if followup
            else translate("notebook.followups_form", "New follow-up")
        )
        self.clear_errors()
        self.hint.hide()
        self.title_edit.setText(followup.title if followup else "")
        self.set_due(followup.due if followup else today)
        basis = followup.repeat.basis if followup else RepeatBasis.NONE
        self.set_repeat(basis, followup.repeat.months if followup else None)
        self._link = followup.link if followup and followup.link else page
        self.link_box.setEnabled(self._link is not None)
        about = (
            self._link.title
            if self._link
            else translate("notebook.followups_form", "(open a topic or question first)")
        )
        self.link_title.setText(about)
        self.link_box.setAccessibleName(
            translate("notebook.followups_form", "Link to this page: {title}").format(title=about)
        )
        self.link_box.setChecked(
            self._link is not None and (link_checked or bool(followup and followup.link))
        )
        self.note_edit.setPlainText(followup.note if followup else "")
        self.title_edit.setFocus()
        self.mark_started()

    def mark_started(self) -> None:
        """The values as they are now count as unchanged (after the form was filled in)."""
        self._started = self.values()

    def is_changed(self) -> bool:
        """True when a field differs from what the form was opened (or pre-filled) with."""
        return self._started is not None and self.values() != self._started

    def resizeEvent(self, event: QResizeEvent) -> None:
        """One column (each label above its field) when the pane is narrow."""
        chars = self.width() / max(1, self.fontMetrics().averageCharWidth())
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if chars < self.ONE_COLUMN_CHARS
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        if self.form_layout.rowWrapPolicy() != policy:
            self.form_layout.setRowWrapPolicy(policy)
        super().resizeEvent(event)

    def set_due(self, day: dt.date) -> None:
        """Put ``day`` in the due field."""
        self.due_edit.setDate(_qdate(day))

    def set_repeat(self, basis: RepeatBasis, months: int | None) -> None:
        """Choose a repeat rule in the fields."""
        self.repeat_combo.setCurrentIndex([b for b, _ in _BASES].index(basis))
        if months is not None:
            self.months_spin.setValue(months)

    def set_hint(self, text: str) -> None:
        """One line above the form saying where a pre-filled value came from (set after the
        values it speaks of: they then count as unchanged, see :meth:`is_changed`)."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.mark_started()

    def values(self) -> FormValues:
        """The fields as they are."""
        basis = self.repeat_combo.currentData()
        return FormValues(
            followup=self._editing,
            title=self.title_edit.text(),
            due=self.due_edit.date().toPython(),  # type: ignore[arg-type]
            basis=basis,
            months=None if basis is RepeatBasis.NONE else self.months_spin.value(),
            link=self._link if self.link_box.isChecked() else None,
            note=self.note_edit.toPlainText(),
        )

    def show_error(self, error: BaseException) -> None:
        """Show a core error under its field (or under the form when it names none)."""
        self.clear_errors()
        message = error_text(error)
        where = error.where if isinstance(error, BreastEduError) else None
        label = self.errors.get(where or "", self.form_error)
        prefix = {
            "title": translate("notebook.followups_form", "The title"),
            "note": translate("notebook.followups_form", "The note"),
        }.get(where or "", "")
        label.setText(
            translate("notebook.followups_form", "{field} {why}").format(field=prefix, why=message)
            if prefix
            else message[:1].upper() + message[1:]
        )
        label.show()

    def clear_errors(self) -> None:
        """Hide every error message."""
        for label in (*self.errors.values(), self.form_error):
            label.hide()

    def _on_basis(self) -> None:
        self.months_spin.setEnabled(self.repeat_combo.currentData() is not RepeatBasis.NONE)


class DoneBar(QWidget):
    """ "Done on [date] [Record it] [Cancel]" for the selected follow-up.

    Signals:
        submitted(): record it as done on the chosen date.
        cancelled(): close the bar.
    """

    submitted = Signal()
    cancelled = Signal()
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.followup: FollowUp | None = None
        on_escape(self, self.escape_pressed)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.date_edit = date_edit(self)
        self.date_edit.setAccessibleName(translate("notebook.followups_form", "Done on"))
        self.record_button = button(translate("notebook.followups_form", "Record it"), self)
        self.record_button.clicked.connect(self.submitted)
        self.cancel_button = button(translate("notebook.followups_form", "Cancel"), self)
        self.cancel_button.clicked.connect(self.cancelled)
        self.error = error_label(self)
        row = FlowLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.date_edit)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def start(self, followup: FollowUp, today: dt.date) -> None:
        """Ask for the day ``followup`` was done, today by default (earlier days allowed)."""
        self.followup = followup
        self.label.setText(
            translate("notebook.followups_form", "When did you have “{title}”?").format(title=followup.title)
        )
        self.date_edit.setDate(_qdate(today))
        self.error.hide()
        self.show()
        self.date_edit.setFocus()

    def day(self) -> dt.date:
        """The chosen day."""
        return self.date_edit.date().toPython()  # type: ignore[return-value]

    def show_error(self, error: BaseException) -> None:
        """Show why it was not recorded."""
        message = error_text(error)
        self.error.setText(message[:1].upper() + message[1:])
        self.error.show()
