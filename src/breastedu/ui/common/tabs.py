"""A tab bar for a narrow pane: every tab shows its whole name, never "Handout …" behind 16 px
scroll arrows. When the names do not fit on one line side by side, each name of two or more
words breaks onto two lines (at the space nearest its middle), and the tabs share the width."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QStyle,
    QStyleOptionTab,
    QStylePainter,
    QTabBar,
    QTabWidget,
    QWidget,
)


def two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle ("Handout pack (3)" ->
    "Handout\\npack (3)"); a single word stays whole."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    middle = len(text) / 2
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


class FittingTabBar(QTabBar):
    """Whole tab names, on two lines when one line does not fit (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wrapped = False
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setExpanding(True)
        self.setDrawBase(True)

    def is_wrapped(self) -> bool:
        """True while the names are shown on two lines."""
        return self._wrapped

    def shown_text(self, index: int) -> str:
        """The name of tab ``index`` as drawn (with its line break when wrapped)."""
        text = self.tabText(index)
        return two_lines(text) if self._wrapped else text

    def _size_for(self, index: int, text: str) -> QSize:
        """What QTabBar itself computes for a tab, for ``text``: the text in the tab's own font
        (the style sheet may set one), its spacing, then the style's padding and borders."""
        option = QStyleOptionTab()
        self.initStyleOption(option, index)
        option.text = text
        text_size = option.fontMetrics.size(0, text.replace("&", ""))
        style = self.style()
        hspace = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, option, self)
        vspace = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabVSpace, option, self)
        contents = QSize(text_size.width() + hspace, text_size.height() + vspace)
        return style.sizeFromContents(QStyle.ContentsType.CT_TabBarTab, option, contents, self)

    def text_rect(self, index: int) -> QRect:
        """Where the style draws the text of tab ``index`` (inside its padding)."""
        option = QStyleOptionTab()
        self.initStyleOption(option, index)
        option.text = self.shown_text(index)
        return self.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, self)

    def tabSizeHint(self, index: int) -> QSize:
        return self._size_for(index, self.shown_text(index))

    def minimumTabSizeHint(self, index: int) -> QSize:
        return self._size_for(index, two_lines(self.tabText(index)))

    def minimumSizeHint(self) -> QSize:
        sizes = [self.minimumTabSizeHint(i) for i in range(self.count())]
        return QSize(sum(s.width() for s in sizes), max((s.height() for s in sizes), default=0))

    def one_line_width(self) -> int:
        """The width the tabs need with every name on one line."""
        return sum(self._size_for(i, self.tabText(i)).width() for i in range(self.count()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self.refit()

    def tabLayoutChange(self) -> None:
        super().tabLayoutChange()
        self.refit()

    def refit(self) -> None:
        """Choose one or two lines for the width the bar has now."""
        room = self.width() if self.isVisible() or self.width() > 0 else 0
        wrapped = room > 0 and self.one_line_width() > room
        if wrapped != self._wrapped:
            self._wrapped = wrapped
            for i in range(self.count()):
                self.setAccessibleTabName(i, self.tabText(i))
            self.setElideMode(self.elideMode())  # makes Qt lay the tabs out again
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        for i in range(self.count()):
            option = QStyleOptionTab()
            self.initStyleOption(option, i)
            option.text = self.shown_text(i)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTab, option)


def fit_tabs(tabs: QTabWidget) -> FittingTabBar:
    """Give ``tabs`` a :class:`FittingTabBar` (call before adding tabs)."""
    bar = FittingTabBar(tabs)
    tabs.setTabBar(bar)
    return bar


def focus_tab(tabs: QTabWidget, shown: bool = True) -> None:
    """When ``shown`` (the tabs were just opened), put the keyboard focus in the current tab:
    its pane's ``focus_first()`` when it has one (the notes pane: the note box), else its
    first focusable widget. A pane in a scroll area
    counts as the tab's pane."""
    page = tabs.currentWidget()
    if not shown:
        return
    pane = page.widget() if isinstance(page, QScrollArea) else page
    if pane is None:
        return
    first = getattr(pane, "focus_first", None)
    if callable(first):
        first()
    else:
        pane.setFocus(Qt.FocusReason.OtherFocusReason)
        pane.focusNextChild()
