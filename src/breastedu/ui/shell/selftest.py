"""``breastedu --self-test``: the real window, end to end, for CI, the bundle and a clinic's IT.

Each step prints one line with its time. Everything it writes (a throw-away notebook and
the question's sheet as a PDF) lives in a temporary folder that is erased at the end, pass or
fail: her own notes and settings are never opened.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from breastedu import __version__
from breastedu.core.content.service import ContentService
from breastedu.core.errors import BreastEduError
from breastedu.core.render.sheets import SheetBuilder, SheetOptions
from breastedu.ui.printing.painter import write_pdf
from breastedu.ui.shell.app import build_window
from breastedu.ui.shell.main_window import MainWindow
from breastedu.ui.shell.qt_app import ensure_app

SEARCH_QUERY = "lump"
TIMEOUT_S = 30.0


class SelfTestFailed(BreastEduError):
    """A step did not do what it should."""


def _wait_for(condition: Callable[[], bool], what: str, timeout_s: float = TIMEOUT_S) -> None:
    """Run the event loop until ``condition()`` holds, or fail naming ``what``."""
    app = QCoreApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestFailed(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


class _Steps:
    """Times each step and prints ``ok  name  12 ms  detail``."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        self.started = time.perf_counter()

    @contextmanager
    def step(self, name: str) -> Iterator[list[str]]:
        detail: list[str] = []
        start = time.perf_counter()
        try:
            yield detail
        except BaseException as exc:
            ms = (time.perf_counter() - start) * 1000
            reason = exc.message if isinstance(exc, BreastEduError) else f"{type(exc).__name__}: {exc}"
            print(f"FAIL  {name:<10} {ms:7.0f} ms  {reason}", file=self.out, flush=True)
            raise
        ms = (time.perf_counter() - start) * 1000
        self.count += 1
        print(f"ok    {name:<10} {ms:7.0f} ms  {' '.join(detail)}".rstrip(), file=self.out, flush=True)

    def total_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000


def _settled(window: MainWindow) -> bool:
    return window.runner.is_idle() and window.search_pane.is_idle()


def run_self_test(content_db: Path, out: TextIO) -> int:
    """Run every step; 0 when all pass, 1 (after erasing what it wrote) when one fails."""
    steps = _Steps(out)
    print(f"breastedu {__version__} self-test", file=out, flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="breastedu-self-test-"))
    window: MainWindow | None = None
    try:
        with steps.step("qt") as detail:
            ensure_app()
            detail.append(f"platform {QGuiApplication.platformName()}")
        with steps.step("content") as detail:
            content = ContentService.open(content_db)
            try:
                stats = content.stats()
                topics = sum(len(group.topics) for group in content.tree())
            finally:
                content.close()
            if not topics or not (stats.questions or stats.answers):
                raise SelfTestFailed(f"the content DB {content_db} holds no topics or questions")
            detail.append(f"{topics} topics, {stats.counts_text} ({content_db.name})")
        with steps.step("window") as detail:
            window = build_window(content_db, scratch / "user", remember=False)
            window.resize(1024, 700)
            window.open_target("home")
            window.show()
            shown = window
            handle = shown.windowHandle()
            _wait_for(lambda: handle is not None and handle.isExposed(), "the window on the screen")
            _wait_for(lambda: shown.current_page is not None and _settled(shown), "the home page")
            if shown.grab().isNull():
                raise SelfTestFailed("the window painted nothing")
            detail.append(f"home page shown, {window.width()}x{window.height()}")
        with steps.step("search") as detail:
            shown = window
            shown.search_for(SEARCH_QUERY)
            _wait_for(lambda: _settled(shown), "search results")
            rows = shown.search_pane.results_model.rowCount()
            if not rows:
                raise SelfTestFailed(f"searching for {SEARCH_QUERY!r} found nothing")
            detail.append(f"{SEARCH_QUERY!r}: {rows} results")
        with steps.step("question") as detail:
            shown = window
            hits = shown.search.search(SEARCH_QUERY, limit=30).hits
            question = next((hit for hit in hits if hit.kind == "question"), None)
            if question is None:
                raise SelfTestFailed(f"no question among the results for {SEARCH_QUERY!r}")
            target = f"question/{question.slug}"
            shown.open_target(target)
            _wait_for(
                lambda: shown.current_page is not None and shown.current_page.target == target,
                f"the question {question.slug}",
            )
            _wait_for(lambda: _settled(shown), "the question page")
            if question.title not in shown.reader.browser.toPlainText():
                raise SelfTestFailed(f"the question page does not show its title {question.title!r}")
            detail.append(question.slug)
        with steps.step("pdf") as detail:
            pdf = scratch / "sheet.pdf"
            pages = write_pdf(SheetBuilder(window.content).build([question.slug], SheetOptions()), pdf)
            if not pages or not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
                raise SelfTestFailed("the question's sheet was not written as a PDF")
            detail.append(f"the question's sheet, {pages} page{'s' if pages != 1 else ''}")
    except BaseException:
        _erase(window, scratch)
        print(f"self-test FAILED after {steps.count} steps", file=out, flush=True)
        return 1
    with steps.step("erase") as detail:
        _erase(window, scratch)
        if scratch.exists():
            raise SelfTestFailed(f"could not erase {scratch}")
        detail.append("temporary notebook and PDF removed")
    print(f"self-test passed: {steps.count} steps in {steps.total_ms():.0f} ms", file=out, flush=True)
    return 0


def _erase(window: MainWindow | None, scratch: Path) -> None:
    """Close the window and its throw-away notebook, then remove the scratch folder."""
    if window is not None:
        window.close()
        if window.user is not None:
            window.user.notebook.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents()
    shutil.rmtree(scratch, ignore_errors=True)
