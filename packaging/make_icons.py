"""Render the application icon's PNG sizes (and .ico) from resources/icons/breastedu.svg.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

The PNGs are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "breastedu.svg"))
    if not renderer.isValid():
        print("the SVG does not load", file=sys.stderr)
        return 1
    for size in SIZES:
        out = ICONS / f"breastedu-{size}.png"
        if not render(renderer, size).save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
    render(renderer, 256).save(str(ICONS / "breastedu.png"))
    render(renderer, 256).save(str(ICONS / "breastedu.ico"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
