"""The print preview: the real pages of a laid-out sheet, with Print… and Save as PDF… in plain
sight (Qt's own preview dialog hides Print behind its toolbar's overflow and cannot save).

It shows a :class:`~breastedu.ui.printing.painter.SheetLayout`, the same one Print… and Save
as PDF… then use, so the preview, the printout and the PDF have the same pages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from breastedu.ui.common.i18n import translate
from breastedu.ui.printing.painter import SheetLayout, paint_layout

_CONTEXT = "printing.preview"


#: Share of the screen the preview opens at.
SCREEN_SHARE = 0.85


class PreviewDialog(QDialog):
    """The pages of ``layout``, a button row (Print…, Save as PDF…, zoom, Close) above them.

    ``on_print`` and ``on_save`` get the layout when she presses Print… or Save as PDF…; the
    dialog closes first, so the print dialog or file dialog is not behind it.
    """

    def __init__(
        self,
        layout: SheetLayout,
        parent: QWidget | None,
        *,
        on_print: Callable[[SheetLayout], object],
        on_save: Callable[[SheetLayout], object],
    ) -> None:
        super().__init__(parent)
        self.layout_ = layout
        self.setWindowTitle(
            translate("printing.preview", "Print preview: {title}").format(title=layout.sheet.title)
        )
        # Kept alive here: the preview widget does not own its printer.
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(layout.page)
        self.pages = QPrintPreviewWidget(self.printer, self)
        self.pages.setAccessibleName(translate("printing.preview", "Printed pages"))
        self.pages.paintRequested.connect(lambda printer: paint_layout(self.layout_, printer))

        self.print_button = QPushButton(translate("printing.preview", "&Print…"), self)
        self.print_button.setDefault(True)
        self.save_button = QPushButton(translate("printing.preview", "Save as P&DF…"), self)
        self.zoom_out_button = QPushButton(translate("printing.preview", "Zoom out"), self)
        self.zoom_in_button = QPushButton(translate("printing.preview", "Zoom in"), self)
        self.fit_button = QPushButton(translate("printing.preview", "Fit width"), self)
        self.close_button = QPushButton(translate("printing.preview", "Close"), self)
        self.count = QLabel(_pages(layout.total_pages), self)
        self.count.setAccessibleName(translate("printing.preview", "Number of pages"))
        self.print_button.clicked.connect(lambda: self._hand_over(on_print))
        self.save_button.clicked.connect(lambda: self._hand_over(on_save))
        self.zoom_out_button.clicked.connect(lambda: self.pages.zoomOut())
        self.zoom_in_button.clicked.connect(lambda: self.pages.zoomIn())
        self.fit_button.clicked.connect(self.pages.fitToWidth)
        self.close_button.clicked.connect(self.reject)
        self.zoom_in_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.zoom_out_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))

        row = QHBoxLayout()
        for button in (self.print_button, self.save_button):
            row.addWidget(button)
        row.addSpacing(16)
        row.addWidget(self.count)
        row.addStretch(1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.close_button):
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.pages, 1)
        self._fit_screen()

    def _fit_screen(self) -> None:
        screen = (self.parentWidget() or self).screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        self.resize(round(room.width() * SCREEN_SHARE), round(room.height() * SCREEN_SHARE))

    def _hand_over(self, action: Callable[[SheetLayout], object]) -> None:
        self.accept()
        action(self.layout_)

    def page_count(self) -> int:
        """How many pages the preview shows (after it has painted them)."""
        return int(self.pages.pageCount())

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.pages.setFocus(Qt.FocusReason.OtherFocusReason)


def _pages(count: int) -> str:
    return (
        translate("printing.preview", "1 page")
        if count == 1
        else translate("printing.preview", "{count} pages").format(count=count)
    )
