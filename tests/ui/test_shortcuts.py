"""Keys do what the menus and the F1 list say: every shortcut of the window is one action's
only (Qt calls a key bound twice "ambiguous" and does nothing), pressing each triggers its
action with no Qt warning (the suite fails on any), Ctrl++ enlarges the text, and Ctrl+F /
Ctrl+K show the search box even when the sidebar is folded into the drawer."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from breastedu.ui.shell.main_window import MainWindow
from breastedu.ui.shell.shortcuts import shortcut_rows, unique_keys


def _keys(action: QAction) -> list[str]:
    return [
        k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts() if not k.isEmpty()
    ]


def test_no_key_is_bound_twice(laptop_window: MainWindow) -> None:
    """Every key in the F1 list belongs to one action, once (Ctrl++ was bound twice to A+)."""
    bound = Counter(key for action in laptop_window.actions() for key in _keys(action))
    assert [key for key, n in bound.items() if n > 1] == []
    assert shortcut_rows(laptop_window.actions())  # the F1 list is read from these very actions


def test_every_shortcut_in_the_f1_list_triggers_its_action(qtbot: QtBot, laptop_window: MainWindow) -> None:
    """Each key of the F1 list, pressed in the window, triggers its action (and Qt warns of
    nothing: no "Ambiguous shortcut overload")."""
    qtbot.waitActive(laptop_window)
    laptop_window.reader.browser.setFocus()
    fired: Counter[str] = Counter()
    listed = [a for a in laptop_window.actions() if _keys(a) and a.isEnabled()]
    listed_keys = {row[0] for row in shortcut_rows(listed)}
    assert listed_keys, "no shortcuts found"
    for action in listed:
        action.triggered.disconnect()  # count, do not act (Quit, Print… would end the test)
        action.triggered.connect(lambda _checked=False, a=action: fired.update([a.text()]))
    missed = []
    for action in listed:
        for key in action.shortcuts():
            before = fired[action.text()]
            QTest.keySequence(laptop_window, key)
            if fired[action.text()] != before + 1:
                missed.append(f"{key.toString()} ({action.text()})")
    assert missed == []


def test_ctrl_plus_enlarges_the_text(qtbot: QtBot, laptop_window: MainWindow) -> None:
    qtbot.waitActive(laptop_window)
    QTest.keyClick(laptop_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert laptop_window.appearance.zoom == "large"
    QTest.keyClick(laptop_window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert laptop_window.appearance.zoom == "normal"


@pytest.mark.parametrize("key", [Qt.Key.Key_F, Qt.Key.Key_K])
def test_find_opens_the_folded_drawer(qtbot: QtBot, laptop_window: MainWindow, key: Qt.Key) -> None:
    """With the notebook open on a laptop the sidebar is a drawer: Ctrl+F opens it, so what
    she types shows."""
    assert laptop_window.notebook is not None
    laptop_window.notebook.show()
    qtbot.waitUntil(laptop_window.is_sidebar_a_drawer)
    assert not laptop_window.search_pane.box.isVisible()
    qtbot.waitActive(laptop_window)
    QTest.keyClick(laptop_window, key, Qt.KeyboardModifier.ControlModifier)
    assert laptop_window.search_pane.box.isVisible() and laptop_window.search_pane.box.hasFocus()


def test_unique_keys_keeps_the_first_of_each() -> None:
    keys = unique_keys(QKeySequence("Ctrl++"), QKeySequence("Ctrl+="), QKeySequence("Ctrl++"))
    assert [k.toString() for k in keys] == ["Ctrl++", "Ctrl+="]
