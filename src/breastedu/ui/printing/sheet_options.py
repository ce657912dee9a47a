"""The small "Sheet options" dialog: which sections a topic sheet has, large print, paper, and
whether each sheet of a pack starts on a new leaf (for double-sided printing).

The choice is remembered in the window settings (never in kiosk mode, which has none) and
read back as a :class:`~breastedu.core.render.sheets.SheetOptions`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.errors import InputError
from breastedu.core.render.sheets import (
    DEFAULT_SECTIONS,
    GLOSSARY,
    GUIDE,
    KEY_POINTS,
    MY_QUESTIONS,
    PAPERS,
    QUESTIONS,
    SECTIONS,
    SheetOptions,
)
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate

_KEY = "print/"
_CONTEXT = "printing.sheet_options"
PAPER_LABELS = {
    "a4": QT_TRANSLATE_NOOP("printing.sheet_options", "A4 (210 × 297 mm)"),
    "letter": QT_TRANSLATE_NOOP("printing.sheet_options", "US Letter (8.5 × 11 in)"),
}
#: What each section's check box says (core's SECTION_LABELS, marked for translation here).
SECTION_LABELS = {
    KEY_POINTS: QT_TRANSLATE_NOOP("printing.sheet_options", "Key points"),
    GUIDE: QT_TRANSLATE_NOOP("printing.sheet_options", "Full guide"),
    GLOSSARY: QT_TRANSLATE_NOOP("printing.sheet_options", "Words used on this sheet"),
    QUESTIONS: QT_TRANSLATE_NOOP("printing.sheet_options", "Related questions (titles and short answers)"),
    MY_QUESTIONS: QT_TRANSLATE_NOOP("printing.sheet_options", '"My questions" box to write in'),
}


def _tr(source: str) -> str:
    return translate(_CONTEXT, source)


def load_options(settings: QSettings | None) -> SheetOptions:
    """The options chosen last time; the defaults when none (or nothing valid) were saved."""
    if settings is None:
        return SheetOptions()
    raw = settings.value(_KEY + "sections", ",".join(DEFAULT_SECTIONS))
    # QSettings reads "a,b" back from an INI file as a list.
    text = raw if isinstance(raw, str) else ",".join(str(x) for x in raw) if isinstance(raw, list) else ""
    sections = [s for s in text.split(",") if s]
    paper = settings.value(_KEY + "paper", "")
    large = settings.value(_KEY + "large_print", False)
    new_leaf = settings.value(_KEY + "new_leaf", False)
    try:
        return SheetOptions(
            sections=tuple(s for s in sections if s in SECTIONS) or DEFAULT_SECTIONS,
            large_print=large in (True, "true", "1"),
            paper=paper if paper in PAPERS else None,
            new_leaf=new_leaf in (True, "true", "1"),
        )
    except InputError:
        return SheetOptions()


def save_options(settings: QSettings | None, options: SheetOptions) -> None:
    """Remember ``options`` for the next print."""
    if settings is None:
        return
    settings.setValue(_KEY + "sections", ",".join(options.sections))
    settings.setValue(_KEY + "large_print", options.large_print)
    settings.setValue(_KEY + "paper", options.paper or "")
    settings.setValue(_KEY + "new_leaf", options.new_leaf)
    settings.sync()


class SheetOptionsDialog(QDialog):
    """Check the sections, large print and the paper; OK needs at least one section."""

    def __init__(self, options: SheetOptions, default_paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("printing.sheet_options", "Sheet options"))
        sections = QGroupBox(translate("printing.sheet_options", "A topic sheet has"), self)
        column = QVBoxLayout(sections)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key in SECTIONS:
            box = QCheckBox(_tr(SECTION_LABELS[key]), sections)
            box.setChecked(key in options.sections)
            box.toggled.connect(self._update_ok)
            column.addWidget(box)
            self.section_boxes[key] = box
        always = translate(
            "printing.sheet_options",
            "A question's sheet always has the question and its answer (the editors' or a doctor's).",
        )
        note = QLabel(always, sections)
        note.setWordWrap(True)
        column.addWidget(note)
        self.large_print = QCheckBox(translate("printing.sheet_options", "Large print (16 pt text)"), self)
        self.large_print.setChecked(options.large_print)
        self.paper = QComboBox(self)
        for key in PAPERS:
            self.paper.addItem(_tr(PAPER_LABELS[key]), key)
        self.paper.setCurrentIndex(PAPERS.index(options.paper or default_paper))
        self.new_leaf = QCheckBox(
            translate(
                "printing.sheet_options",
                "In a pack, start each sheet on a new leaf (for double-sided printing)",
            ),
            self,
        )
        self.new_leaf.setToolTip(
            translate(
                "printing.sheet_options",
                "Each sheet starts on the front of a page, so a pack printed on both sides can be "
                "split into one handout per person. Adds a blank page where needed.",
            )
        )
        self.new_leaf.setChecked(options.new_leaf)
        form = QFormLayout()
        form.addRow(self.large_print)
        # A label with the combo as its buddy: a screen reader says "Paper", and Alt+A opens it
        # (ui-review-2026-12 D2: the combo was named only by its value).
        self.paper_label = QLabel(translate("printing.sheet_options", "P&aper:"), self)
        self.paper_label.setBuddy(self.paper)
        self.paper.setAccessibleName(translate("printing.sheet_options", "Paper"))
        form.addRow(self.paper_label, self.paper)
        form.addRow(self.new_leaf)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sections)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(any(box.isChecked() for box in self.section_boxes.values()))

    def options(self) -> SheetOptions:
        """What is chosen in the dialog now."""
        return SheetOptions(
            sections=tuple(k for k, box in self.section_boxes.items() if box.isChecked()),
            large_print=self.large_print.isChecked(),
            paper=str(self.paper.currentData()),
            new_leaf=self.new_leaf.isChecked(),
        )
