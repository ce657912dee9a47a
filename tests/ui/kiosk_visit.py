"""A scripted kiosk visit run in a child process by test_kiosk_privacy.py.

It starts the real command (``breastedu --kiosk --clinic-config FILE``) and drives the window
from a timer: search, open pages, the language button and the Chinese pick list, a definition,
bigger text, the clipboard, a reset, then the staff PIN. Usage:
``python kiosk_visit.py CLINIC.toml PIN PRINTED.pdf``: the clinic's printer is replaced by a PDF
printer writing PRINTED.pdf.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from breastedu.cli import main
from breastedu.ui.common.i18n import translate
from breastedu.ui.kiosk import shell as shell_module
from breastedu.ui.kiosk.shell import KioskShell

Wait = Callable[[], bool]


def visit(shell: KioskShell, pin: str) -> Iterator[Wait]:
    yield lambda: bool(shell.groups) and shell.runner.is_idle()
    session = shell.start_session("home")
    yield shell.runner.is_idle
    session.search_pane.set_query("lump under arm")
    yield lambda: session.search_pane.results_model.rowCount() > 0
    session.search_pane.open_row(0)
    yield lambda: session.current_page is not None and session.current_page.target != "home"
    shell.language_button.click()  # the other language, then a word from the 中文 key's list
    yield shell.runner.is_idle
    yield lambda: bool(shell.terms)
    session.keypad.show()
    session.keypad.toggle_chinese()
    session.search_pane.box.clear()
    session.keypad.pick_list.pick("鈣化")
    yield lambda: session.search_pane.is_idle() and session.search_pane.results_model.rowCount() > 0
    session.change_text_size(+4)
    session.open_target("topic/calcifications")
    yield shell.runner.is_idle
    session.print_button.click()
    printed = translate("kiosk.shell", "Printed. Please take your sheet from the printer.")
    yield lambda: printed in session.notice.text()
    session.reader.show_definition(shell.glossary[0].slug)
    QGuiApplication.clipboard().setText("lump under arm")
    session.go_back()
    yield shell.runner.is_idle
    shell.reset()
    yield lambda: shell.session is None
    shell.start_session("glossary")
    yield shell.runner.is_idle
    shell.open_staff_pad()
    shell.pin_pad.type_pin(pin)
    shell.pin_pad.submit()


def run(clinic: str, pin: str, printed: str) -> int:
    def pdf_printer(_name: str | None) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(printed)
        return printer

    shell_module.system_printer = pdf_printer

    def step(steps: Iterator[Wait], waiting: list[Wait]) -> None:
        if waiting and not waiting[0]():
            return
        try:
            waiting[:] = [next(steps)]
        except StopIteration:
            timer.stop()

    def begin() -> None:
        shells = [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskShell)]
        steps = visit(shells[0], pin)
        waiting: list[Wait] = []
        timer.timeout.connect(lambda: step(steps, waiting))
        timer.start(20)

    timer = QTimer()
    QTimer.singleShot(0, begin)
    return main(["--kiosk", "--clinic-config", clinic])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2], sys.argv[3]))
