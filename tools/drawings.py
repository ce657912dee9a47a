"""Keep the bundled drawings' style sheets in step with the palette, and picture them.

    python tools/drawings.py restyle            # write drawing_css(LIGHT) into every SVG
    python tools/drawings.py render OUT_DIR     # one PNG per drawing and theme, for looking at
    python tools/drawings.py sheets OUT_DIR     # contact sheets for docs/screenshots (see below)

``sheets`` writes drawings-<theme>.png (every drawing, as the reader shows it in that theme),
drawings-print-grey.png (every drawing through the print path to PDF, then ``pdftoppm -gray``)
and timeline.png (a sample notebook timeline in the three themes, and the visit sheet's grid
printed in greys).

The render uses Qt's own SVG renderer (what the app uses), on the theme's page colour.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from breastedu.core.palette import LIGHT, THEMES
from breastedu.core.render.drawings import drawing_css, drawings_dir, themed_svg

#: The scales drawn as ladders, in the guides' own words: (number, name, usually means,
#: usually next). Edit here, then run ``python tools/drawings.py ladders``.
BI_RADS = (
    (
        "0",
        "Incomplete",
        "More pictures are needed, or old ones to compare.",
        "A call back for a diagnostic mammogram, an ultrasound, or both.",
    ),
    ("1", "Negative", "Nothing was found.", "Keep your regular screening plan."),
    ("2", "Benign", "Something was found, and it is not cancer.", "Keep your regular screening plan."),
    (
        "3",
        "Probably benign",
        "2 in 100 or fewer turn out to be cancer.",
        "A follow-up scan in about 6 months, then at about 1 and 2 years.",
    ),
    (
        "4",
        "Suspicious",
        "It may be split into 4A, 4B and 4C, from low to high concern.",
        "A biopsy, most often with a needle.",
    ),
    (
        "5",
        "Highly suggestive of cancer",
        "95 in 100 or more turn out to be cancer.",
        "A biopsy, most often with a needle.",
    ),
    ("6", "Known cancer", "A biopsy has already shown cancer.", "Your care team plans treatment with you."),
)
TI_RADS = (
    ("TR1", "Benign", "Not a worry.", "No needle test and no follow-up scan."),
    ("TR2", "Not suspicious", "Not a worry.", "No needle test and no follow-up scan."),
    (
        "TR3",
        "Mildly suspicious",
        "A needle test at 2.5 cm or more; a follow-up scan at 1.5 cm or more.",
        "If watched: scans at 1, 3 and 5 years.",
    ),
    (
        "TR4",
        "Moderately suspicious",
        "A needle test at 1.5 cm or more; a follow-up scan at 1 cm or more.",
        "If watched: scans at 1, 2, 3 and 5 years.",
    ),
    (
        "TR5",
        "Highly suspicious",
        "A needle test at 1 cm or more; a follow-up scan at 0.5 cm or more.",
        "If watched: a scan each year for up to 5 years.",
    ),
)


def _ladder(
    title: str,
    heading: str,
    rows: tuple[tuple[str, str, str, str], ...],
    prefix: str,
    cols: tuple[str, str],
    desc_intro: str,
    foot: str,
) -> str:
    import textwrap
    from xml.sax.saxutils import escape

    width, top, row_h, badge = 640, 84, 98, 64
    height = top + row_h * len(rows) + 46
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f"  <title>{escape(title)}</title>",
        "  <desc>"
        + escape(
            desc_intro
            + " "
            + " ".join(
                f"{prefix}{n}, {name}. {means} What usually happens next: {nxt}"
                for n, name, means, nxt in rows
            )
            + " "
            + foot
        )
        + "</desc>",
        "  <style></style>",
        f'  <rect class="bg" x="0" y="0" width="{width}" height="{height}"/>',
        f'  <text class="th" x="20" y="32">{escape(heading)}</text>',
        f'  <text class="ts" x="{20 + badge + 12}" y="68" font-weight="bold">{escape(cols[0])}</text>',
        f'  <text class="ts" x="400" y="68" font-weight="bold">{escape(cols[1])}</text>',
    ]
    for i, (number, name, means, nxt) in enumerate(rows):
        y = top + i * row_h
        out.append(f'  <g id="{prefix.strip().lower().replace(" ", "-")}{number.lower()}">')
        out.append(
            f'    <rect class="panel" x="20" y="{y}" width="{width - 40}" height="{row_h - 6}" rx="6"/>'
        )
        out.append(f'    <rect class="bg" x="24" y="{y + 4}" width="{badge}" height="{row_h - 14}" rx="4"/>')
        out.append(f'    <rect class="ol" x="24" y="{y + 4}" width="{badge}" height="{row_h - 14}" rx="4"/>')
        out.append(
            f'    <text class="tn" x="{24 + badge / 2}" y="{y + 56}" text-anchor="middle">'
            f"{escape(number)}</text>"
        )
        out.append(
            f'    <text class="ts" x="{24 + badge + 12}" y="{y + 22}" font-weight="bold">'
            f"{escape(prefix + number)}: {escape(name)}</text>"
        )
        for j, line in enumerate(textwrap.wrap(means, 31)[:3]):
            out.append(
                f'    <text class="ts" x="{24 + badge + 12}" y="{y + 44 + j * 18}">{escape(line)}</text>'
            )
        for j, line in enumerate(textwrap.wrap(nxt, 27)[:3]):
            out.append(f'    <text class="ts" x="400" y="{y + 44 + j * 18}">{escape(line)}</text>')
        out.append("  </g>")
    out.append(f'  <text class="ts" x="20" y="{height - 16}">{escape(foot)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def ladders() -> None:
    foot = "Only your own doctor can tell you what your report means for you."
    (drawings_dir() / "bi-rads-ladder.svg").write_text(
        _ladder(
            "The BI-RADS categories 0 to 6",
            "BI-RADS categories: what each number usually means",
            BI_RADS,
            "BI-RADS ",
            ("What it usually means", "What usually happens next"),
            "A ladder of the seven BI-RADS categories a breast scan report ends with, from 0 at the top to 6 "
            "at the bottom.",
            foot,
        ),
        encoding="utf-8",
    )
    (drawings_dir() / "ti-rads-ladder.svg").write_text(
        _ladder(
            "The TI-RADS levels TR1 to TR5",
            "TI-RADS levels: what each level usually means",
            TI_RADS,
            "",
            ("When a test is usually advised", "What usually happens next"),
            "A ladder of the five TI-RADS levels a thyroid ultrasound report gives a nodule, "
            "from TR1 at the top to TR5 at the bottom. The sizes are the nodule's largest size.",
            foot,
        ),
        encoding="utf-8",
    )
    restyle()


def restyle() -> None:
    for path in sorted(drawings_dir().glob("*.svg")):
        text = path.read_text(encoding="utf-8")
        new = themed_svg(text, LIGHT)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print("restyled", path.name)
    assert drawing_css(LIGHT)


def _qt() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _picture(svg: str, width: int, background: str) -> object:
    """``svg`` drawn ``width`` pixels wide on ``background``, as a QImage."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode()))
    size = renderer.defaultSize()
    image = QImage(width, round(size.height() * width / size.width()), QImage.Format.Format_RGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _grid(images: list, columns: int, background: str, gap: int = 16) -> object:
    from PySide6.QtGui import QColor, QImage, QPainter

    width = max(i.width() for i in images)
    rows = [images[k : k + columns] for k in range(0, len(images), columns)]
    heights = [max(i.height() for i in row) for row in rows]
    sheet = QImage(
        columns * (width + gap) + gap, sum(heights) + gap * (len(rows) + 1), QImage.Format.Format_RGB32
    )
    sheet.fill(QColor(background))
    painter = QPainter(sheet)
    y = gap
    for row, height in zip(rows, heights, strict=True):
        for col, image in enumerate(row):
            painter.drawImage(gap + col * (width + gap), y, image)
        y += height + gap
    painter.end()
    return sheet


def _save(image: object, path: Path) -> None:
    """Save as PNG; with ImageMagick at hand, with an adaptive 128-colour palette (flat
    drawings lose nothing visible and the file is a quarter of the size)."""
    import shutil
    import subprocess

    image.save(str(path))  # type: ignore[attr-defined]
    if shutil.which("convert"):
        subprocess.run(["convert", str(path), "+dither", "-colors", "128", f"PNG8:{path}"], check=True)


def _sample_followups(today: object) -> list:
    import datetime as dt

    from breastedu.core.notebook.dto import FollowUp, RepeatBasis, RepeatRule
    from breastedu.core.notebook.followups import state_on

    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = [
        (1, "Mammogram", today - dt.timedelta(days=35), today - dt.timedelta(days=34)),
        (2, "Blood test (TSH)", today - dt.timedelta(days=17), None),
        (3, "Breast ultrasound", today + dt.timedelta(days=13), None),
        (4, "Thyroid ultrasound", today + dt.timedelta(days=176), None),
        (5, "Yearly mammogram", today + dt.timedelta(days=330), None),
    ]
    out = []
    for fid, title, due, done in rows:
        state, days = state_on(due, done, today)
        rule = RepeatRule(RepeatBasis.NONE, None)
        out.append(
            FollowUp(fid, f"u{fid}", title, due, rule, None, "", done, state, days, None, stamp, stamp, 1)
        )
    return out


def sheets(out: Path) -> None:
    import datetime as dt
    import subprocess
    import tempfile

    from PySide6.QtGui import QImage

    from breastedu.core.notebook.timeline import build_timeline, timeline_svg
    from breastedu.core.notebook.visit_sheet import visit_sheet_html
    from breastedu.core.render.sheets import Sheet, SheetPart
    from breastedu.ui.printing.painter import write_pdf

    app = _qt()
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(drawings_dir().glob("*.svg"))
    for theme in THEMES.values():
        images = [
            _picture(themed_svg(p.read_text(encoding="utf-8"), theme), 400, theme.surface) for p in paths
        ]
        _save(_grid(images, 3, theme.surface), out / f"drawings-{theme.name}.png")

    def grey_pages(html: str, title: str, dpi: int) -> list:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "x.pdf"
            write_pdf(Sheet(title, (SheetPart(title, html, title),)), pdf, paper="a4")
            subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), str(pdf), f"{tmp}/p"], check=True)
            return [QImage(str(p)) for p in sorted(Path(tmp).glob("p-*.png"))]

    body = "".join(f'<h3>{p.name}</h3><p><img src="breastedu:image/{p.name}" alt=""></p>' for p in paths)
    pages = grey_pages(f"<html><body>{body}</body></html>", "Drawings in print", 45)
    _save(_grid(pages, 5, "#ffffff", 8), out / "drawings-print-grey.png")

    today = dt.date(2026, 12, 7)
    items = _sample_followups(today)
    timeline = build_timeline(items, today)
    shots = [_picture(timeline_svg(timeline, theme), 640, theme.surface) for theme in THEMES.values()]
    visit = grey_pages(visit_sheet_html(items, [], today=today), "My visit sheet", 70)[0]
    shots.append(visit.copy(0, 0, visit.width(), visit.height() * 11 // 20))
    _save(_grid(shots, 2, "#808080", 8), out / "timeline.png")
    del app


def render(out: Path, names: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    out.mkdir(parents=True, exist_ok=True)
    paths = [drawings_dir() / n for n in names] if names else sorted(drawings_dir().glob("*.svg"))
    for path in paths:
        for theme in THEMES.values():
            renderer = QSvgRenderer(QByteArray(themed_svg(path.read_text(encoding="utf-8"), theme).encode()))
            size = renderer.defaultSize()
            image = QImage(size, QImage.Format.Format_ARGB32)
            image.fill(QColor(theme.surface))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            image.save(str(out / f"{path.stem}-{theme.name}.png"))
    del _app, Qt


if __name__ == "__main__":
    if sys.argv[1:2] == ["restyle"]:
        restyle()
    elif sys.argv[1:2] == ["ladders"]:
        ladders()
    elif sys.argv[1:2] == ["sheets"]:
        sheets(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["render"]:
        render(Path(sys.argv[2]), sys.argv[3:])
    else:
        sys.exit(__doc__)
