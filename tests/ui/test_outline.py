"""A page a screen reader can walk: "On this page" lists the page's headings and links as
separate, named items; Enter on a heading scrolls the page there, on a link follows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from tests.conftest import REAL_SLUG
from tests.ui.conftest import open_page

from breastedu.ui.library.outline import HREF_ROLE, read_outline
from breastedu.ui.shell.main_window import MainWindow


def _items(win: MainWindow) -> list[tuple[str, str]]:
    """(accessible text, href) of every outline item, depth first."""
    model, found = win.outline.model, []

    def walk(parent: object) -> None:
        for row in range(model.rowCount(parent)):  # type: ignore[arg-type]
            index = model.index(row, 0, parent)  # type: ignore[arg-type]
            found.append((index.data(Qt.ItemDataRole.AccessibleTextRole), index.data(HREF_ROLE) or ""))
            walk(index)

    walk(model.index(-1, -1))
    return found


def test_question_page_outline_names_its_headings_and_links(qtbot: QtBot, laptop_window: MainWindow) -> None:
    open_page(qtbot, laptop_window, f"question/{REAL_SLUG}")
    items = _items(laptop_window)
    headings = [text for text, href in items if not href]
    links = [text for text, href in items if href]
    assert headings and all(", heading level " in t for t in headings)
    assert links and all(t.endswith(", link") for t in links)
    # The same headings the page shows, in its order.
    shown = [e.text for e in read_outline(laptop_window.reader.browser.document()) if e.level > 1]
    assert [t.split(", heading level")[0] for t in headings] == shown
    assert laptop_window.outline.isVisible()
    assert laptop_window.outline.toggle.accessibleName().startswith("On this page: ")


def test_enter_on_a_heading_scrolls_the_page_to_it(qtbot: QtBot, laptop_window: MainWindow) -> None:
    open_page(qtbot, laptop_window, f"question/{REAL_SLUG}")
    laptop_window.resize(900, 500)  # a page longer than the window
    laptop_window.outline.toggle.click()
    view = laptop_window.outline.view
    last = laptop_window.outline.model.index(laptop_window.outline.model.rowCount() - 1, 0)
    view.setCurrentIndex(last)
    bar = laptop_window.reader.browser.verticalScrollBar()
    assert bar.value() == 0
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert bar.value() > 0
    assert laptop_window.reader.browser.hasFocus() or not laptop_window.isActiveWindow()


def test_outline_items_reach_accessibility_as_their_own_objects(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    """Through QAccessible (what AT-SPI reads): each item is an object with its own name."""
    open_page(qtbot, laptop_window, f"question/{REAL_SLUG}")
    laptop_window.outline.toggle.click()
    tree = QAccessible.queryAccessibleInterface(laptop_window.outline.view)
    assert tree is not None
    names = []
    for i in range(tree.childCount()):
        child = tree.child(i)
        if child is not None and child.role() in (QAccessible.Role.TreeItem, QAccessible.Role.Cell):
            names.append(child.text(QAccessible.Text.Name))
    assert any(", heading level" in n for n in names)


def test_clearing_the_search_clears_the_marks_on_the_page(qtbot: QtBot, laptop_window: MainWindow) -> None:
    open_page(qtbot, laptop_window, f"question/{REAL_SLUG}")
    assert laptop_window.reader.highlight_terms(["calcification"]) > 0
    laptop_window.search_pane.set_query("calcification")
    laptop_window.search_pane.set_query("")
    assert laptop_window.reader.browser.extraSelections() == []


def test_opening_my_notebook_puts_the_keyboard_in_the_note(qtbot: QtBot, laptop_window: MainWindow) -> None:
    """N16: the toolbar's My notebook, and she can type her note at once."""
    assert laptop_window.notebook is not None
    laptop_window.notebook.hide()
    laptop_window.activateWindow()
    qtbot.waitActive(laptop_window)
    laptop_window.wiring.notebook_action.trigger()
    assert laptop_window.notebook.isVisible()
    qtbot.waitUntil(laptop_window.notes_pane.editor.hasFocus)
