"""The on-screen keyboard for the kiosk's search box: digits, letters, space, backspace, clear,
and a 中文 key that swaps the letters for a pick list of the library's own Chinese words.

A kiosk often has no keyboard, and a visitor who reads Chinese may find no Chinese input method
on it. Zhuyin or Pinyin keys would need a dictionary of characters the library does not ship,
and handwriting an engine; the pick list offers instead the words the library itself is written
and searched with (:func:`breastedu.core.kiosk.pick_list`): its topic names, its glossary terms
and the Chinese lay words of its synonym list, each a big chip that types itself into the box
(which searches as it changes). The keys never take the focus, so the box keeps its cursor and a
physical keyboard keeps working alongside.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QScroller,
    QScrollerProperties,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.kiosk import EVERYDAY_WORDS, GLOSSARY_TERMS, TOPICS, TermGroup
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate

#: Digits first: "BI-RADS 4", "TI-RADS 4" and "TR4" are what visitors read on their reports.
ROWS = ("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm-")
#: The pick list's groups as the visitor reads them (translated where shown).
GROUP_NAMES = {
    TOPICS: QT_TRANSLATE_NOOP("kiosk.keypad", "Topics"),
    GLOSSARY_TERMS: QT_TRANSLATE_NOOP("kiosk.keypad", "Medical words"),
    EVERYDAY_WORDS: QT_TRANSLATE_NOOP("kiosk.keypad", "Everyday words"),
}
#: The key that shows the pick list, in its own words (as the language button), and the same
#: key while the pick list is shown (its spoken name is translated).
CHINESE_KEY = "中文"
LETTERS_KEY = "ABC"


class PickList(QWidget):
    """The Chinese words as chips, one group at a time (a row of group buttons above them).

    Signals:
        term_picked(str): a chip was tapped (its word).
    """

    term_picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickList")
        self._groups: tuple[TermGroup, ...] = ()
        self.group_buttons: list[QPushButton] = []
        self._choice = QButtonGroup(self)
        self._choice.idClicked.connect(self.show_group)
        self._row = QHBoxLayout()
        self._row.setSpacing(6)
        self.model = QStringListModel(self)
        self.chips = QListView(self)
        self.chips.setObjectName("termChips")
        self.chips.setAccessibleName(translate("kiosk.keypad", "Chinese words to search for"))
        self.chips.setModel(self.model)
        self.chips.setViewMode(QListView.ViewMode.ListMode)
        self.chips.setFlow(QListView.Flow.LeftToRight)
        self.chips.setWrapping(True)
        self.chips.setResizeMode(QListView.ResizeMode.Adjust)
        self.chips.setSpacing(5)
        self.chips.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.chips.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search box keeps its cursor
        self.chips.clicked.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._row)
        layout.addWidget(self.chips, 1)

    def showEvent(self, event: QShowEvent) -> None:
        # Finger scrolling (make_touch_friendly) holds a press back for a moment by default, and
        # on a list scrolled down a quick tap then never reached a chip: a chip takes the press
        # at once (a drag still scrolls, and cancels the press).
        scroller = QScroller.scroller(self.chips.viewport())
        properties = scroller.scrollerProperties()
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        scroller.setScrollerProperties(properties)
        super().showEvent(event)

    def set_groups(self, groups: Sequence[TermGroup]) -> None:
        """The words to offer (the shell reads them from the library once)."""
        self._groups = tuple(groups)
        for button in self.group_buttons:
            self._choice.removeButton(button)
            button.deleteLater()
        self.group_buttons = []
        while self._row.count():
            self._row.takeAt(0)
        for number, group in enumerate(self._groups):
            button = QPushButton(translate("kiosk.keypad", GROUP_NAMES[group.kind]), self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._choice.addButton(button, number)
            self._row.addWidget(button)
            self.group_buttons.append(button)
        self._row.addStretch(1)
        self.show_group(0)

    def show_group(self, number: int) -> None:
        """Show the words of the ``number``-th group."""
        if not 0 <= number < len(self._groups):
            self.model.setStringList([])
            return
        self.group_buttons[number].setChecked(True)
        self.model.setStringList(list(self._groups[number].terms))
        self.chips.scrollToTop()

    def terms(self) -> list[str]:
        """The words shown now."""
        return self.model.stringList()

    def pick(self, term: str) -> None:
        """Tap the chip of ``term`` (a test, or a physical keyboard's Enter)."""
        self.term_picked.emit(term)

    def _picked(self, index: QModelIndex) -> None:
        self.chips.clearSelection()  # a chip does not stay lit: it typed, and is ready again
        self.term_picked.emit(str(index.data()))


class Keypad(QWidget):
    """Types into one :class:`QLineEdit`.

    Signals:
        hide_requested(): the "Hide keyboard" key was pressed.
    """

    hide_requested = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.target = target
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.pages = QStackedWidget(self)
        self.letters = letters_page = QWidget(self.pages)
        letters = QVBoxLayout(letters_page)
        letters.setContentsMargins(0, 0, 0, 0)
        letters.setSpacing(6)
        for row_number, keys in enumerate(ROWS):
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addStretch(1)
            for letter in keys:
                row.addWidget(self._key(letter, letter, lambda _=False, c=letter: self.target.insert(c)))
            if row_number == 1:
                row.addWidget(
                    self._key("⌫", translate("kiosk.keypad", "Backspace"), self.target.backspace, wide=2)
                )
            row.addStretch(1)
            letters.addLayout(row)
        self.pick_list = PickList(self.pages)
        self.pick_list.term_picked.connect(self.type_term)
        self.pages.addWidget(letters_page)
        self.pages.addWidget(self.pick_list)
        layout.addWidget(self.pages, 1)
        last = QHBoxLayout()
        last.setSpacing(6)
        last.addStretch(1)
        self.chinese_key = self._key(
            CHINESE_KEY, translate("kiosk.keypad", "Chinese words"), self.toggle_chinese, wide=2
        )
        last.addWidget(self.chinese_key)
        last.addWidget(
            self._key(
                translate("kiosk.keypad", "Clear"),
                translate("kiosk.keypad", "Clear the search"),
                self.target.clear,
                wide=2,
            )
        )
        self.space_key = self._key(
            translate("kiosk.keypad", "Space"),
            translate("kiosk.keypad", "Space"),
            lambda: self.target.insert(" "),
            wide=6,
        )
        last.addWidget(self.space_key)
        self.erase_key = self._key("⌫", translate("kiosk.keypad", "Backspace"), self.target.backspace, wide=2)
        self.erase_key.hide()  # on the letters' page it sits beside the letters
        last.addWidget(self.erase_key)
        last.addWidget(
            self._key(
                translate("kiosk.keypad", "Hide keyboard"),
                translate("kiosk.keypad", "Hide the keyboard"),
                self.hide_requested.emit,
                wide=3,
            )
        )
        last.addStretch(1)
        layout.addLayout(last)

    def retranslate(self) -> None:
        """The group buttons in the kiosk's language (主題 is both "Topics" and "Topic" in
        Chinese, so a live switch sets them from their sources)."""
        for button, group in zip(self.pick_list.group_buttons, self.pick_list._groups, strict=True):
            button.setText(translate("kiosk.keypad", GROUP_NAMES[group.kind]))

    def set_terms(self, groups: Sequence[TermGroup]) -> None:
        """The Chinese words the 中文 key offers."""
        self.pick_list.set_groups(groups)

    def showing_chinese(self) -> bool:
        """True while the pick list stands where the letters were."""
        return self.pages.currentWidget() is self.pick_list

    def toggle_chinese(self) -> None:
        """The 中文 key: the pick list instead of the letters; then (as "ABC") the letters back."""
        self.show_chinese(not self.showing_chinese())

    def show_chinese(self, chinese: bool) -> None:
        """The pick list (True) or the letters where the letters are; the kiosk in Chinese
        opens its keyboard on the pick list."""
        self.pages.setCurrentWidget(self.pick_list if chinese else self.letters)
        self.chinese_key.setText(LETTERS_KEY if chinese else CHINESE_KEY)
        self.chinese_key.setAccessibleName(
            translate("kiosk.keypad", "Letters") if chinese else translate("kiosk.keypad", "Chinese words")
        )
        self.erase_key.setVisible(chinese)

    def type_term(self, term: str) -> None:
        """Type ``term`` at the cursor (after a space when it follows a Latin word)."""
        before = self.target.text()[: self.target.cursorPosition()]
        if before and before[-1].isascii() and before[-1].isalnum():
            term = f" {term}"
        self.target.insert(term)

    def _key(self, label: str, name: str, slot: object, *, wide: int = 1) -> QPushButton:
        key = QPushButton(label, self)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAccessibleName(name)
        key.setAutoRepeat(label == "⌫")
        key.setProperty("wide", str(wide))  # the style sheet sizes wide keys
        key.clicked.connect(slot)
        return key
