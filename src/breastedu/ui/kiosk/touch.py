"""Touch settings for the kiosk: 48 px targets, finger scrolling, no drag selection, big text.

WCAG 2.5.5 (Target Size, AAA) asks for 44 x 44 CSS px; Android and Material use 48 dp, which
is what a kiosk screen gets here. Scroll bars stay as position indicators only (touches pass
through them): the finger scrolls the content itself, kinetically, through :class:`QScroller`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QScrollBar,
    QScroller,
    QTextBrowser,
    QWidget,
)

#: The smallest control in kiosk mode, in pixels, both ways.
TARGET_PX = 48
#: Reading text in points (the desktop app starts at 13).
KIOSK_TEXT_POINTS = 18
#: At most this many characters per line in the reading column.
MEASURE_CHARS = 75

# No font-size for QTextBrowser: a style sheet font would override the reader's text size.
KIOSK_QSS = f"""
QLabel, QAbstractButton, QLineEdit, QAbstractItemView {{ font-size: 15pt; }}
QPushButton, QToolButton {{ min-height: {TARGET_PX}px; min-width: {TARGET_PX}px; padding: 4px 16px;
    border: 1px solid #9fb3c4; border-radius: 8px; background: #f4f8fb; font-size: 15pt; }}
QPushButton:pressed, QToolButton:pressed {{ background: #cfe3ef; }}
QPushButton:disabled, QToolButton:disabled {{ color: #8795a3; background: #eef1f4; border-color: #d3dbe2; }}
QLineEdit {{ min-height: {TARGET_PX}px; font-size: 16pt; padding: 4px 10px; }}
QTreeView::item {{ min-height: {TARGET_PX}px; padding: 2px 6px; }}
QTreeView, QListView {{ font-size: 15pt; }}
QScrollBar:vertical {{ width: 14px; background: transparent; }}
QScrollBar:horizontal {{ height: 14px; background: transparent; }}
QScrollBar::handle {{ background: #b8c4cf; border-radius: 6px; min-height: 40px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QFrame#definitionBar QLabel {{ font-size: 16pt; }}
QWidget#kioskHeader {{ background: #15324a; }}
QWidget#kioskHeader QLabel {{ color: #ffffff; font-size: 18pt; font-weight: bold; }}
QWidget#kioskNav {{ background: #eef3f7; }}
QPushButton[tile="true"] {{ font-size: 16pt; text-align: left; padding: 12px 20px; background: #ffffff;
    border: 2px solid #9fb3c4; border-radius: 12px; }}
QPushButton#touchToStart {{ font-size: 26pt; font-weight: bold; color: #ffffff; background: #1f6f8b;
    border: none; border-radius: 16px; padding: 18px 48px; }}
QWidget#kioskOverlay {{ background: rgba(16, 33, 47, 190); }}
QFrame#overlayCard {{ background: #ffffff; border-radius: 16px; }}
QFrame#overlayCard QLabel {{ font-size: 18pt; }}
QFrame#overlayCard QLabel#overlayTitle {{ font-size: 28pt; font-weight: bold; color: #15324a; }}
QFrame#overlayCard QLabel#countdown {{ font-size: 48pt; font-weight: bold; color: #1f6f8b; }}
QFrame#overlayCard QPushButton {{ font-size: 18pt; min-height: 64px; }}
QWidget#keypad {{ background: #dde6ee; }}
QWidget#keypad QPushButton {{ font-size: 18pt; min-width: 64px; min-height: 60px; padding: 0 8px; }}
QWidget#keypad QPushButton[wide="2"] {{ min-width: 134px; }}
QWidget#keypad QPushButton[wide="3"] {{ min-width: 204px; }}
QWidget#keypad QPushButton[wide="6"] {{ min-width: 414px; }}
"""


def make_touch_friendly(root: QWidget) -> None:
    """Finger scrolling for every scroll area under ``root`` and pass-through scroll bars."""
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


def centre_column(browser: QTextBrowser, chars: int = MEASURE_CHARS) -> None:
    """Keep the text in a centred column of at most ``chars`` average characters."""
    metrics = QFontMetricsF(browser.font())
    column = round(metrics.averageCharWidth() * chars)
    spare = max(0, browser.width() - column - 2 * 24)
    side = spare // 2
    browser.setViewportMargins(side, 0, side, 0)
