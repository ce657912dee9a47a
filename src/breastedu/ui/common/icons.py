"""Toolbar icons: simple line drawings in the theme's text colour (redrawn when it changes)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

#: name -> the inside of a 24x24 SVG drawn with ``stroke="currentColor"``.
_SHAPES = {
    "topics": '<path d="M4 6h16M4 12h16M4 18h16"/>',
    "back": '<path d="M15 5l-7 7 7 7"/>',
    "forward": '<path d="M9 5l7 7-7 7"/>',
    "home": '<path d="M3 11l9-7 9 7"/><path d="M6 10v10h12V10"/><path d="M10 20v-6h4v6"/>',
    "glossary": '<path d="M4 5c3-1.5 6-1.5 8 0v15c-2-1.5-5-1.5-8 0z"/><path d="M20 5c-3-1.5-6-1.5-8 0v15'
    'c2-1.5 5-1.5 8 0z"/>',
    "follow-up": '<rect x="3.5" y="5" width="17" height="15" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4'
    'M12 12.5v5M9.5 15h5"/>',
    "notebook": '<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M9 8h6M9 12h6M9 16h4"/>',
}
ICON_NAMES = tuple(_SHAPES)


def line_icon(name: str, colour: str, size: int = 24) -> QIcon:
    """The icon ``name`` drawn in ``colour`` (``#rrggbb``), sharp at 1x and 2x."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="{colour}" '
        f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{_SHAPES[name]}</svg>'
    )
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    icon = QIcon()
    for ratio in (1, 2):
        pixmap = QPixmap(size * ratio, size * ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        icon.addPixmap(pixmap)
    return icon
