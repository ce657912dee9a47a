"""The notebook fits its dock on every screen she may have, at the normal and the largest text
size, on every tab and with the follow-up form open: nothing scrolls sideways, no control is
off the window, no label or button text is cut, every tab shows its whole name; the field
that has the focus is in view.

Geometry is checked against each scroll area's viewport (not pixels), so the test names the
control that does not fit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionTab,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG
from tests.ui.conftest import open_page

from breastedu.core.content.service import ContentService
from breastedu.core.notebook.service import Notebook
from breastedu.ui.common.tabs import FittingTabBar
from breastedu.ui.shell.main_window import MainWindow, UserServices

TODAY = dt.date(2026, 12, 7)
SCREENS = [(1024, 600), (1366, 768), (1920, 1080)]
TEXT_SIZES = ["normal", "largest"]


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    return f"{type(widget).__name__} {widget.objectName() or widget.accessibleName() or label!r}"


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _problems_in_area(area: QScrollArea) -> list[str]:
    """Everything in ``area`` that scrolls sideways, sticks out of its viewport, or is cut."""
    problems = []
    content, viewport = area.widget(), area.viewport()
    assert content is not None
    if area.horizontalScrollBar().maximum() > 0 or content.width() > viewport.width():
        problems.append(
            f"{area.objectName()} scrolls sideways: content {content.width()} px (needs "
            f"{content.minimumSizeHint().width()}) in {viewport.width()} px"
        )
    for child in content.findChildren(QWidget):
        if not child.isVisibleTo(content) or child.width() <= 0:
            continue
        rect = _rect_in(child, content)
        if rect.left() < 0 or rect.right() >= viewport.width() + 1:
            problems.append(f"{_name(child)} at x {rect.left()}..{rect.right()} of {viewport.width()}")
        cut = child.sizeHint().width() > child.width() + 1
        if cut and isinstance(child, QLabel) and not child.wordWrap() and child.text():
            problems.append(f"{_name(child)} cut: needs {child.sizeHint().width()}, has {child.width()}")
        if cut and isinstance(child, QAbstractButton) and child.text():
            problems.append(f"{_name(child)} cut: needs {child.sizeHint().width()}, has {child.width()}")
        if isinstance(child, QComboBox) and child.currentText():
            option = QStyleOptionComboBox()
            child.initStyleOption(option)
            field = child.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, child
            )
            need = child.fontMetrics().horizontalAdvance(child.currentText())
            if need > field.width():
                problems.append(
                    f"{_name(child)} shows {child.currentText()!r} cut: needs {need}, has {field.width()}"
                )
        if isinstance(child, QTabBar):
            problems += _tab_problems(child)
    return problems


def _tab_problems(bar: QTabBar) -> list[str]:
    problems = []
    if bar.usesScrollButtons():
        problems.append(f"tab bar {bar.accessibleName()!r} uses scroll arrows")
    for i in range(bar.count()):
        rect = bar.tabRect(i)
        if rect.left() < 0 or rect.right() > bar.width():
            problems.append(f"tab {bar.tabText(i)!r} outside its bar")
        if isinstance(bar, FittingTabBar):
            option = QStyleOptionTab()
            bar.initStyleOption(option, i)
            need = option.fontMetrics.size(0, bar.shown_text(i))
            room = bar.text_rect(i)
            if need.width() > room.width() or need.height() > room.height():
                problems.append(f"tab {bar.tabText(i)!r} cut: needs {need}, has {room.size()}")
        else:
            problems.append(f"tab bar with {bar.tabText(i)!r} may elide (not a FittingTabBar)")
    return problems


def notebook_problems(win: MainWindow, screen: tuple[int, int]) -> list[str]:
    """Why the notebook does not fit ``win`` on ``screen`` now (an empty list: it fits)."""
    QApplication.processEvents()
    dock = win.notebook
    assert dock is not None and dock.isVisible()
    problems = []
    if win.width() > screen[0] or win.height() > screen[1]:
        problems.append(f"window {win.size()} is larger than the screen {screen}")
    if not win.rect().contains(_rect_in(dock, win)):
        problems.append(f"notebook {_rect_in(dock, win)} sticks out of the window {win.rect()}")
    problems += _tab_problems(win.notebook.tabs.tabBar())
    area = win.notebook.tabs.currentWidget()
    assert isinstance(area, QScrollArea)
    problems += _problems_in_area(area)
    return problems


@pytest.fixture
def notebook_window(
    library_db: Path, user_dir: Path, track_window: Callable[[MainWindow], MainWindow]
) -> Callable[[tuple[int, int], str], MainWindow]:
    def make(screen: tuple[int, int], text_size: str) -> MainWindow:
        notebook = Notebook.open(user_dir, today=lambda: TODAY)
        user = UserServices(notebook, today=lambda: TODAY)
        win = track_window(MainWindow(ContentService.open(library_db), user=user))
        win.appearance.set_zoom(text_size)
        win.place_on_screen(QRect(0, 0, *screen))
        win.show()
        assert win.notebook is not None
        win.notebook.show()
        return win

    return make


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_notebook_fits_on_every_tab(
    qtbot: QtBot,
    notebook_window: Callable[[tuple[int, int], str], MainWindow],
    screen: tuple[int, int],
    text_size: str,
) -> None:
    """Notes, follow-ups (list, form, "Done on…") and the handout pack, each fit their dock."""
    win = notebook_window(screen, text_size)
    open_page(qtbot, win, f"question/{REAL_SLUG}")
    tabs = win.notebook.tabs
    seen: dict[str, list[str]] = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        seen[tabs.tabText(index)] = notebook_problems(win, screen)
    # The follow-up form pre-filled from the reply: the longest hint and link title there are.
    win.wiring.follow_up_action.trigger()
    pane = win.followups_pane
    assert pane is not None
    qtbot.waitUntil(lambda: pane.form.title_edit.hasFocus() or QApplication.focusWidget() is None)
    seen["follow-up form"] = notebook_problems(win, screen)
    pane.form.repeat_combo.setCurrentIndex(pane.form.repeat_combo.count() - 1)  # the longest choice
    seen["follow-up form, longest repeat"] = notebook_problems(win, screen)
    # The field she types in is in view (WCAG 2.4.11), not below the fold of the pane.
    area = tabs.currentWidget()
    assert isinstance(area, QScrollArea)
    field = pane.form.title_edit

    def field_in_view() -> bool:
        QApplication.processEvents()
        return area.viewport().rect().contains(_rect_in(field, area.viewport()))

    qtbot.waitUntil(field_in_view)
    pane.form.hide()
    # The done bar on a saved follow-up.
    pane.followups.add("Mammogram", TODAY)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    pane.select(pane.model.followup_at(0).id)  # type: ignore[union-attr]
    pane.done_button.click()
    seen["done bar"] = notebook_problems(win, screen)
    assert {tab: found for tab, found in seen.items() if found} == {}
