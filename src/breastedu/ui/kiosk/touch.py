"""Touch settings for the kiosk: 48 px targets, finger scrolling, no drag selection, big text.

WCAG 2.5.5 (Target Size, AAA) asks for 44 x 44 CSS px; Android and Material use 48 dp, which
is what a kiosk screen gets here. Scroll bars stay as position indicators only (touches pass
through them): the finger scrolls the content itself, kinetically, through :class:`QScroller`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QLineEdit,
    QScrollBar,
    QScroller,
    QTextBrowser,
    QWidget,
)

from breastedu.core.palette import Palette

#: The smallest control in kiosk mode, in pixels, both ways.
TARGET_PX = 48
#: Reading text in points (the desktop app starts at 13).
KIOSK_TEXT_POINTS = 18
#: The dimmed layer behind an overlay's card: a neutral scrim, the same in every theme.
_SCRIM = "rgba(0, 0, 0, 150)"


def kiosk_stylesheet(p: Palette) -> str:
    """The kiosk's style sheet over the app's theme: big type, 48 px targets, the start screen.

    No font size for QTextBrowser: a style sheet font would override the reader's text size.
    """
    return f"""
QLabel, QAbstractButton, QLineEdit, QAbstractItemView {{ font-size: 15pt; }}
QPushButton, QToolButton {{ min-height: {TARGET_PX}px; min-width: {TARGET_PX}px; padding: 4px 16px;
    color: {p.text}; border: 1px solid {p.border}; border-radius: 8px; background: {p.button};
    font-size: 15pt; }}
QPushButton:pressed, QToolButton:pressed {{ background: {p.selection}; color: {p.selection_text}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {p.disabled}; }}
QLineEdit {{ min-height: {TARGET_PX}px; font-size: 16pt; padding: 4px 10px; }}
QTreeView::item {{ min-height: {TARGET_PX}px; padding: 2px 6px; }}
QScrollBar:vertical {{ width: 14px; background: transparent; }}
QScrollBar:horizontal {{ height: 14px; background: transparent; }}
QFrame#definitionBar QLabel {{ font-size: 16pt; }}
QWidget#kioskHeader, QWidget#kioskNav {{ background: {p.toolbar}; }}
QWidget#kioskHeader QLabel {{ color: {p.heading}; font-size: 18pt; font-weight: bold; }}
QLabel#startTitle {{ font-size: 26pt; font-weight: bold; color: {p.heading}; }}
QLabel#startLead {{ font-size: 17pt; color: {p.muted}; }}
QLabel#tileHeading {{ font-size: 18pt; font-weight: bold; color: {p.heading}; }}
QPushButton[tile="true"] {{ font-size: 16pt; text-align: left; padding: 0; background: {p.base};
    border: 2px solid {p.border}; border-radius: 12px; }}
QPushButton[tile="true"]:pressed {{ background: {p.selection}; }}
QLabel#tileTitle {{ font-size: 16pt; font-weight: bold; color: {p.text}; }}
QLabel#tileSummary {{ font-size: 14pt; color: {p.text}; }}
QPushButton#touchToStart {{ font-size: 26pt; font-weight: bold; color: {p.base}; background: {p.focus};
    border: none; border-radius: 16px; padding: 18px 48px; }}
QWidget#kioskOverlay {{ background: {_SCRIM}; }}
QWidget#kioskOverlay[opaque="true"] {{ background: {p.window}; }}
QFrame#overlayCard {{ background: {p.base}; border-radius: 16px; }}
QFrame#overlayCard QLabel {{ font-size: 18pt; color: {p.text}; }}
QFrame#overlayCard QLabel#overlayTitle {{ font-size: 28pt; font-weight: bold; color: {p.heading}; }}
QFrame#overlayCard QLabel#countdown {{ font-size: 48pt; font-weight: bold; color: {p.focus}; }}
QFrame#overlayCard QLabel#pinDisplay {{ font-size: 28pt; }}
QFrame#overlayCard QPushButton {{ font-size: 18pt; min-height: 64px; }}
QWidget#keypad {{ background: {p.toolbar}; }}
QWidget#keypad QPushButton {{ font-size: 18pt; min-width: 64px; min-height: 60px; padding: 0 8px; }}
QWidget#keypad QPushButton[wide="2"] {{ min-width: 134px; }}
QWidget#keypad QPushButton[wide="3"] {{ min-width: 204px; }}
QWidget#keypad QPushButton[wide="6"] {{ min-width: 414px; }}
QWidget#keypad QPushButton:checked {{ background: {p.selection}; color: {p.selection_text}; }}
QListView#termChips {{ background: transparent; border: none; font-size: 18pt; }}
QListView#termChips::item {{ min-height: 54px; min-width: {TARGET_PX}px; padding: 0 14px;
    color: {p.text}; background: {p.base}; border: 1px solid {p.border}; border-radius: 8px; }}
QListView#termChips::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
QPushButton#languageButton {{ font-size: 18pt; font-weight: bold; min-width: 120px; }}
"""


def make_touch_friendly(root: QWidget) -> None:
    """Finger scrolling for every scroll area under ``root``, pass-through scroll bars, and no
    desktop context menus (Undo / Cut / Paste... in small desktop text) on a right-click or a
    long press."""
    for widget in (root, *root.findChildren(QWidget)):
        if isinstance(widget, QLineEdit | QAbstractScrollArea):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    for area in root.findChildren(QAbstractScrollArea):
        if isinstance(area, QAbstractItemView):
            area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            area.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            area.setDragEnabled(False)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    for bar in root.findChildren(QScrollBar):
        bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    for browser in root.findChildren(QTextBrowser):
        # Links open by tap and by keyboard; a finger drag scrolls instead of selecting text.
        browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
