"""The window's printing: Print…, Print preview, Save as PDF…, sheet options, and packs.

Sheets are composed on the TaskRunner (core reads the content DB) and PDFs are painted there
too (QPdfWriter works off the GUI thread); a printer gets its pages on a worker thread after
the system dialog. The preview lays the sheet out once on the GUI thread (the preview widget
asks for its pages there) and its Print… and Save as PDF… use that same layout, so what she
saw is what prints. A PDF is offered under the sheet's title. A pack of several sheets shows
a progress dialog that can cancel it. The dialogs are methods tests replace.

Sheets print in the window's language (``ui.common.i18n.current_language``, asked at each
print). A sheet added to the handout pack by the pack builder keeps the language picked there
(English, 繁體中文 or both), remembered with the window settings; a pack prints each sheet in
its own language, its contents page in the window's.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from breastedu.core.errors import BreastEduError
from breastedu.ui.common.i18n import current_language, translate
from breastedu.ui.common.workers import TaskRunner, error_text

# The sheets, their painter and Qt's print support load with the first print, preview, PDF or
# sheet options, not with the window (issue 26.4): the menu's actions are all the start needs.
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from breastedu.core.clinic import Clinic
    from breastedu.core.content.service import ContentService
    from breastedu.core.render.sheets import Sheet, SheetBuilder, SheetOptions
    from breastedu.core.search.service import SearchResults
    from breastedu.ui.printing.pack_builder import Catalogue, PackBuilderDialog
    from breastedu.ui.printing.painter import SheetLayout
    from breastedu.ui.printing.preview import PreviewDialog

#: Packs of at least this many sheets show a progress dialog.
PROGRESS_FROM = 2
#: Where the pack's sheet languages are kept in the window settings (JSON: slug -> language).
PACK_LANGUAGES_KEY = "print/pack_languages"


class PrintActions(QObject):
    """Printing for the page in the reader and for her handout pack.

    Signals:
        status_changed(str): one plain sentence on what happened (for the status bar).
        progressed(int, int): steps done and in all, from the worker painting a pack.
    """

    status_changed = Signal(str)
    progressed = Signal(int, int)

    def __init__(
        self,
        content: ContentService,
        runner: TaskRunner,
        current_slug: Callable[[], str | None],
        parent_widget: QWidget,
        *,
        settings: QSettings | None = None,
        clinic: Clinic | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.content = content
        self._builders: dict[str, SheetBuilder] = {}
        self.runner, self.current_slug, self.parent_widget = runner, current_slug, parent_widget
        self.settings, self.clinic = settings, clinic
        self._options: SheetOptions | None = None  # read from the settings on first use
        self._pack_languages: dict[str, str] | None = None
        self._cancel = threading.Event()
        self._progress: QProgressDialog | None = None
        self.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

        def action(text: str, slot: Callable[[], object], tip: str, shortcut: str | None = None) -> QAction:
            made = QAction(text, self)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            made.setToolTip(tip)
            made.triggered.connect(slot)
            return made

        self.print_action = action(
            translate("printing.actions", "&Print…"),
            self.print_page,
            translate("printing.actions", "Print this page as a sheet"),
            "Ctrl+P",
        )
        self.preview_action = action(
            translate("printing.actions", "Print pre&view"),
            self.preview_page,
            translate("printing.actions", "See the printed pages first"),
        )
        self.save_pdf_action = action(
            translate("printing.actions", "Save as P&DF…"),
            self.save_page_pdf,
            translate("printing.actions", "Save this page as a PDF sheet"),
            "Ctrl+Shift+S",
        )
        self.options_action = action(
            translate("printing.actions", "Sheet &options…"),
            self.choose_options,
            translate("printing.actions", "Sections, large print, paper"),
        )

    def actions(self) -> list[QAction]:
        """The File menu's printing actions, in menu order."""
        return [self.print_action, self.preview_action, self.save_pdf_action, self.options_action]

    def set_page_printable(self, printable: bool) -> None:
        """Only topic and question pages print; the actions follow the page in the reader."""
        for act in (self.print_action, self.preview_action, self.save_pdf_action):
            act.setEnabled(printable)

    # Options ------------------------------------------------------------------------------------

    @property
    def options(self) -> SheetOptions:
        """The sheet options chosen last time (the defaults when none were saved)."""
        if self._options is None:
            from breastedu.ui.printing.sheet_options import load_options

            self._options = load_options(self.settings)
        return self._options

    @options.setter
    def options(self, chosen: SheetOptions) -> None:
        self._options = chosen

    @property
    def pack_languages(self) -> dict[str, str]:
        """slug -> the language the pack builder gave it (a SHEET_LANGUAGES), kept for next time."""
        if self._pack_languages is None:
            self._pack_languages = _load_languages(self.settings)
        return self._pack_languages

    @property
    def paper(self) -> str:
        from breastedu.ui.printing.painter import default_paper

        return self.options.paper or default_paper()

    def choose_options(self) -> bool:
        """Show the options dialog; the choice is kept for next time. False if cancelled."""
        chosen = self.ask_options(self.options)
        if chosen is None:
            return False
        from breastedu.ui.printing.sheet_options import save_options

        self.options = chosen
        save_options(self.settings, chosen)
        return True

    @property
    def builder(self) -> SheetBuilder:
        """The sheet builder in the window's language now."""
        from breastedu.core.render.sheets import SheetBuilder

        lang = current_language()
        if lang not in self._builders:
            self._builders[lang] = SheetBuilder(self.content, lang)
        return self._builders[lang]

    def _compose(self, slugs: Sequence[str], title: str | None = None) -> Sheet:
        """Runs on a worker thread. A pack (``title`` given) prints each sheet in the language
        the pack builder gave it; the page in the reader, in the window's language."""
        languages = [self.pack_languages.get(slug) for slug in slugs] if title is not None else None
        return self.builder.build(
            list(slugs), self.options, clinic=self.clinic, title=title, languages=languages
        )

    def _printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from breastedu.ui.printing.painter import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        return printer

    # The page in the reader ---------------------------------------------------------------------

    def print_page(self) -> None:
        """Print…: the system print dialog, then the sheet goes to the printer."""
        slug = self.current_slug()
        if slug:
            self.print_slugs([slug])

    def preview_page(self) -> None:
        """Print preview of the page in the reader, showing the real pages."""
        slug = self.current_slug()
        if slug:
            self.preview_slugs([slug])

    def save_page_pdf(self) -> None:
        """Save as PDF…: ask where, then write the sheet there."""
        slug = self.current_slug()
        if slug:
            self.save_slugs_pdf([slug])

    # Any list of slugs (the page, or the handout pack) -------------------------------------------

    def print_slugs(self, slugs: Sequence[str], title: str | None = None) -> None:
        """Compose, ask the print dialog, paint on a worker; a pack shows progress."""
        from breastedu.ui.printing.painter import paint_sheet

        printer = self._printer()
        if not self.exec_print_dialog(printer):
            return
        self._run(
            slugs,
            title,
            lambda sheet, progress: paint_sheet(sheet, printer, progress),
            translate("printing.actions", "Printed"),
        )

    def save_slugs_pdf(self, slugs: Sequence[str], title: str | None = None) -> None:
        """Compose on a worker, ask for a file name (the sheet's title), write the PDF on a worker."""
        self._compose_then(
            slugs, title, self._save_composed, translate("printing.actions", "Preparing the sheets…")
        )

    def _save_composed(self, sheet: Sheet) -> None:
        from breastedu.ui.printing.painter import write_pdf

        path = self._ask_pdf_path(sheet.title)
        if path is None:
            self.status_changed.emit("")
            return
        paper = self.paper
        self._paint(
            sheet,
            lambda sheet, progress: write_pdf(sheet, path, paper=paper, progress=progress),
            translate("printing.actions", "Saved {name}:").format(name=path.name),
        )

    def _ask_pdf_path(self, title: str) -> Path | None:
        from breastedu.core.render.sheets import pdf_file_name

        path = self.choose_save_path(pdf_file_name(title))
        if path is not None and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path

    def preview_slugs(self, slugs: Sequence[str], title: str | None = None) -> None:
        """Compose on a worker, then show the preview (Qt paints a preview on the GUI thread)."""
        self._compose_then(
            slugs, title, self.show_preview, translate("printing.actions", "Preparing the preview…")
        )

    def _compose_then(
        self, slugs: Sequence[str], title: str | None, then: Callable[[Sheet], None], words: str
    ) -> None:
        """Compose the sheet on a worker, then hand it to ``then`` on the GUI thread."""
        self.status_changed.emit(words)
        self.runner.submit(
            "print-compose",
            self._compose,
            list(slugs),
            title,
            owner=self,
            on_done=then,
            on_error=self._on_error,
        )

    def _run(
        self,
        slugs: Sequence[str],
        title: str | None,
        paint: Callable[[Sheet, Callable[[int, int], bool]], int],
        done_words: str,
    ) -> None:
        self._cancel.clear()
        if len(slugs) >= PROGRESS_FROM:
            self._show_progress(len(slugs))

        def job() -> int:
            sheet = self._compose(slugs, title)
            return paint(sheet, self._report)

        self.status_changed.emit(translate("printing.actions", "Preparing the sheets…"))
        self.runner.submit(
            "print",
            job,
            owner=self,
            on_done=lambda pages: self._finish(_done(done_words, pages)),
            on_error=self._on_error,
        )

    def _paint(
        self, sheet: Sheet, paint: Callable[[Sheet, Callable[[int, int], bool]], int], done_words: str
    ) -> None:
        """Paint an already composed ``sheet`` on a worker (a pack shows progress)."""
        self._cancel.clear()
        if len(sheet.parts) >= PROGRESS_FROM:
            self._show_progress(len(sheet.parts))
        self.status_changed.emit(translate("printing.actions", "Preparing the sheets…"))
        self.runner.submit(
            "print",
            lambda: paint(sheet, self._report),
            owner=self,
            on_done=lambda pages: self._finish(_done(done_words, pages)),
            on_error=self._on_error,
        )

    def _report(self, done: int, total: int) -> bool:
        """Called on the worker: pass progress to the GUI thread; False once cancelled."""
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        """Stop the pack being printed or saved (nothing is left half-written)."""
        self._cancel.set()

    def _show_progress(self, count: int) -> None:
        dialog = QProgressDialog(
            translate("printing.actions", "Preparing {count} sheets…").format(count=count),
            translate("printing.actions", "Cancel"),
            0,
            0,
            self.parent_widget,
        )
        dialog.setWindowTitle(translate("printing.actions", "Handout pack"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(self.cancel)
        self._progress = dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _finish(self, sentence: str) -> None:
        self._close_progress()
        self.status_changed.emit(sentence)

    def _on_error(self, error: BaseException) -> None:
        from breastedu.ui.printing.painter import PrintCancelled

        self._close_progress()
        if isinstance(error, PrintCancelled):
            self.status_changed.emit(
                translate("printing.actions", "Cancelled: nothing was printed or saved.")
            )
        elif isinstance(error, BreastEduError):
            self.status_changed.emit(
                translate("printing.actions", "Could not print: {error}").format(error=error_text(error))
            )
        else:
            self.status_changed.emit(
                translate("printing.actions", "Could not print: something went wrong ({error}).").format(
                    error=error
                )
            )

    # The handout pack builder ---------------------------------------------------------------------

    def open_pack_builder(
        self,
        in_pack: Sequence[str],
        add: Callable[[str, str, str], object],
        search: Callable[[str], SearchResults],
    ) -> None:
        """Tick topics and answers (tree, search, all topics) and ``add(kind, slug, title)`` them."""
        from breastedu.ui.printing.pack_builder import load_catalogue

        self.status_changed.emit(translate("printing.actions", "Preparing the list of topics…"))
        self.runner.submit(
            "pack-catalogue",
            load_catalogue,
            self.content,
            owner=self,
            on_done=lambda catalogue: self._show_pack_builder(catalogue, in_pack, add, search),
            on_error=self._on_error,
        )

    def _show_pack_builder(
        self,
        catalogue: Catalogue,
        in_pack: Sequence[str],
        add: Callable[[str, str, str], object],
        search: Callable[[str], SearchResults],
    ) -> None:
        from breastedu.ui.printing.pack_builder import PackBuilderDialog, add_choices

        dialog = PackBuilderDialog(
            catalogue, search, self.runner, in_pack, self.parent_widget, lang=current_language()
        )
        added = self.exec_pack_builder(dialog)
        if added:
            chosen = dialog.chosen()
            self.set_pack_languages({c.slug: c.lang for c in chosen})
            self.status_changed.emit(add_choices(chosen, add))
        else:
            self.status_changed.emit("")
        dialog.deleteLater()

    def set_pack_languages(self, languages: dict[str, str]) -> None:
        """Remember the language each of these pack sheets prints in (kept for next time)."""
        self.pack_languages.update(languages)
        if self.settings is not None:
            self.settings.setValue(PACK_LANGUAGES_KEY, json.dumps(self.pack_languages, sort_keys=True))

    # Injectable dialogs (tests replace these) ---------------------------------------------------

    def exec_pack_builder(self, dialog: PackBuilderDialog) -> bool:
        return dialog.exec() == dialog.DialogCode.Accepted

    def ask_options(self, options: SheetOptions) -> SheetOptions | None:
        from breastedu.ui.printing.painter import default_paper
        from breastedu.ui.printing.sheet_options import SheetOptionsDialog

        dialog = SheetOptionsDialog(options, default_paper(), self.parent_widget)
        return dialog.options() if dialog.exec() == SheetOptionsDialog.DialogCode.Accepted else None

    def exec_print_dialog(self, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self.parent_widget)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def choose_save_path(self, name: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            translate("printing.actions", "Save as PDF"),
            str(Path.home() / name),
            translate("printing.actions", "PDF files (*.pdf)"),
        )
        return Path(chosen) if chosen else None

    def show_preview(self, sheet: Sheet) -> None:
        """The preview of ``sheet``: laid out once, and printed or saved from that layout."""
        self.status_changed.emit("")
        dialog = self.preview_dialog(self.lay_out(sheet))
        dialog.exec()

    def lay_out(self, sheet: Sheet) -> SheetLayout:
        """``sheet`` laid out on the chosen paper (on the GUI thread: the preview paints there)."""
        from breastedu.ui.printing.painter import SheetLayout, page_layout

        return SheetLayout(sheet, page_layout(self.paper))

    def preview_dialog(self, layout: SheetLayout) -> PreviewDialog:
        from breastedu.ui.printing.preview import PreviewDialog

        return PreviewDialog(
            layout, self.parent_widget, on_print=self.print_layout, on_save=self.save_layout_pdf
        )

    def print_layout(self, layout: SheetLayout) -> None:
        """Print… from the preview: the print dialog, then the pages she saw."""
        from breastedu.ui.printing.painter import paint_layout

        printer = self._printer()
        printer.setDocName(layout.sheet.title)
        if not self.exec_print_dialog(printer):
            return
        self._on_gui_thread(lambda: paint_layout(layout, printer), translate("printing.actions", "Printed"))

    def save_layout_pdf(self, layout: SheetLayout) -> None:
        """Save as PDF… from the preview: the pages she saw, under the sheet's title."""
        from breastedu.ui.printing.painter import write_pdf

        path = self._ask_pdf_path(layout.sheet.title)
        if path is not None:
            self._on_gui_thread(
                lambda: write_pdf(layout, path),
                translate("printing.actions", "Saved {name}:").format(name=path.name),
            )

    def _on_gui_thread(self, paint: Callable[[], int], done_words: str) -> None:
        """Paint the preview's layout (its documents belong to the GUI thread), with a busy cursor."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = paint()
        except BreastEduError as error:
            self._on_error(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.status_changed.emit(_done(done_words, pages))


def _done(words: str, pages: int) -> str:
    """What the status bar says when it is done: "Printed 3 pages." """
    return translate("printing.actions", "{done} {pages}.").format(done=words, pages=_pages(pages))


def _pages(count: int) -> str:
    return (
        translate("printing.actions", "1 page")
        if count == 1
        else translate("printing.actions", "{count} pages").format(count=count)
    )


def _load_languages(settings: QSettings | None) -> dict[str, str]:
    """The pack's sheet languages saved last time (nothing valid: none)."""
    from breastedu.core.render.sheets import SHEET_LANGUAGES

    raw = settings.value(PACK_LANGUAGES_KEY, "") if settings is not None else ""
    try:
        found = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): v for k, v in found.items() if v in SHEET_LANGUAGES}
