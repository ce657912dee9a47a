"""The bundled drawings: their colours in each theme, their words, and their place on a page.

Every drawing in ``resources/illustrations`` is a plain SVG whose shapes carry class names
(``skin``, ``gland``, ``fluid``, ``t`` for text ...) and whose one ``<style>`` element says
what those classes look like in the light theme (:func:`drawing_css` of
:data:`~breastedu.core.palette.LIGHT`, checked by a test). :func:`themed_svg` swaps that
style for another theme's, so a drawing follows light, dark and high contrast on screen;
paper always gets the file as it is. Greyscale printing is safe because every part is named
in words and the shapes that must be told apart differ by pattern or outline too.

Each drawing has a ``<title>`` (its short name) and a ``<desc>`` (the drawing in words).
:func:`describe_images` puts that description under the picture on every page that shows
it, as text a screen reader reads and a search can find.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from breastedu.core import paths
from breastedu.core.palette import DARK, HIGH_CONTRAST, LIGHT, Palette

_SVG_NS = "{http://www.w3.org/2000/svg}"
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)


@dataclass(frozen=True)
class DrawingColours:
    """The fills and edges a drawing uses beyond the page's own text colours (``#rrggbb``).

    Each kind of part has a fill and an edge; the edges stay at least 3:1 against the page
    (a test checks), so a shape is seen by its outline even where fills look alike.
    """

    skin: str
    skin_edge: str
    tissue: str  # fatty tissue of the breast
    tissue_edge: str
    gland: str  # lobules, ducts, the thyroid
    gland_edge: str
    lump: str  # a solid lump or nodule
    lump_edge: str
    fluid: str  # a cyst's fluid
    fluid_edge: str
    node: str  # lymph nodes
    node_edge: str
    tool: str  # machines, needles, probes
    tool_edge: str
    accent: str  # what the drawing points at (a painful spot, the dose)
    accent_edge: str
    panel: str  # boxes behind words (the ladders' steps)


_COLOURS: dict[str, DrawingColours] = {
    LIGHT.name: DrawingColours(
        skin="#f6dfd0",
        skin_edge="#9a6a50",
        tissue="#fbefcf",
        tissue_edge="#9c7a3c",
        gland="#f0aebb",
        gland_edge="#a3405a",
        lump="#d9c6ee",
        lump_edge="#5b3d7a",
        fluid="#cfe6f7",
        fluid_edge="#2a6593",
        node="#bfe3b3",
        node_edge="#3a7332",
        tool="#d7dde3",
        tool_edge="#3e4c5a",
        accent="#ffe08a",
        accent_edge="#8a5a00",
        panel="#f1f4f7",
    ),
    DARK.name: DrawingColours(
        skin="#4d372d",
        skin_edge="#d8a88f",
        tissue="#3f3722",
        tissue_edge="#d9bf86",
        gland="#6e3343",
        gland_edge="#f2a2b4",
        lump="#41325a",
        lump_edge="#cdb3ef",
        fluid="#1c3f5c",
        fluid_edge="#8cc4ff",
        node="#274a22",
        node_edge="#9fd08f",
        tool="#33404d",
        tool_edge="#c0ccd8",
        accent="#5c4a10",
        accent_edge="#ffd866",
        panel="#1f2833",
    ),
    HIGH_CONTRAST.name: DrawingColours(
        skin="#1a1a1a",
        skin_edge="#ffffff",
        tissue="#1f1c00",
        tissue_edge="#ffff00",
        gland="#2e0014",
        gland_edge="#ff9cc0",
        lump="#1d0033",
        lump_edge="#d9a6ff",
        fluid="#001a33",
        fluid_edge="#8cc8ff",
        node="#002a00",
        node_edge="#66ff66",
        tool="#1a1a1a",
        tool_edge="#ffffff",
        accent="#2a2a00",
        accent_edge="#ffff00",
        panel="#141414",
    ),
}


def drawing_colours(palette: Palette) -> DrawingColours:
    """The drawing colours that go with ``palette`` (light for an unknown theme)."""
    return _COLOURS.get(palette.name, _COLOURS[LIGHT.name])


#: The text size of a drawing's labels, in its own units (drawings are 600 to 720 wide and
#: are shown at least at that width on a normal screen: 16 px is the reader's body size).
LABEL_PX = 17
SMALL_PX = 15


def drawing_css(palette: Palette = LIGHT) -> str:
    """The style sheet of every drawing in theme ``palette``: one rule per class name."""
    c = drawing_colours(palette)
    font = "font-family:DejaVu Sans,Arial,sans-serif"
    rules = [
        f".bg{{fill:{palette.surface}}}",
        f".t{{fill:{palette.ink};{font};font-size:{LABEL_PX}px}}",
        f".ts{{fill:{palette.ink};{font};font-size:{SMALL_PX}px}}",
        f".th{{fill:{palette.heading};{font};font-size:20px;font-weight:bold}}",
        f".tn{{fill:{palette.ink};{font};font-size:30px;font-weight:bold}}",
        f".ln{{fill:none;stroke:{palette.ink};stroke-width:1.5}}",
        f".ol{{fill:none;stroke:{palette.ink};stroke-width:2.5}}",
        f".dash{{fill:none;stroke:{palette.ink};stroke-width:2;stroke-dasharray:6,5}}",
        f".ink{{fill:{palette.ink}}}",
        f".pat{{fill:none;stroke:{palette.ink};stroke-width:1.6}}",
        f".patdot{{fill:{palette.ink}}}",
        f".panel{{fill:{c.panel};stroke:{palette.border};stroke-width:1.5}}",
        # A scan on a screen looks the same in every theme: fluid black, tissue grey.
        f".screen{{fill:#262626;stroke:{c.tool_edge};stroke-width:3}}",
        ".echo{fill:#8f8f8f}",
        ".echo-light{fill:#c8c8c8}",
        ".void{fill:#000000;stroke:#e0e0e0;stroke-width:1.5}",
        ".scan-text{fill:#ffffff;font-family:DejaVu Sans,Arial,sans-serif;font-size:15px}",
    ]
    for part in ("skin", "tissue", "gland", "lump", "fluid", "node", "tool", "accent"):
        fill, edge = getattr(c, part), getattr(c, part + "_edge")
        rules.append(f".{part}{{fill:{fill};stroke:{edge};stroke-width:2}}")
        rules.append(f".{part}-edge{{fill:none;stroke:{edge};stroke-width:3}}")
    return "".join(rules)


def themed_svg(svg_text: str, palette: Palette) -> str:
    """``svg_text`` with its style sheet replaced by the one for ``palette``.

    A drawing with no ``<style>`` element comes back unchanged.
    """
    return _STYLE.sub(lambda m: m.group(1) + drawing_css(palette) + m.group(3), svg_text, count=1)


def drawings_dir() -> Path:
    """The folder of bundled drawings."""
    return paths.resources_dir() / "illustrations"


def themed_drawing(name: str, palette: Palette, folder: Path | None = None) -> bytes | None:
    """The bundled drawing ``name`` (``"mammogram.svg"``) in theme ``palette``, or None when
    ``name`` is not a drawing inside the folder (no paths out of it, no other files)."""
    folder = (folder or drawings_dir()).resolve()
    path = (folder / name).resolve()
    if path.parent != folder or path.suffix != ".svg" or not path.is_file():
        return None
    return themed_svg(path.read_text(encoding="utf-8"), palette).encode("utf-8")


@dataclass(frozen=True)
class DrawingInfo:
    """A drawing's words: its short title and its long description."""

    name: str  # the file name, "mammogram.svg"
    title: str
    description: str


@functools.cache
def drawing_info(name: str, folder: Path | None = None) -> DrawingInfo | None:
    """The title and description of the bundled drawing ``name``, or None if there is none."""
    folder = folder or drawings_dir()
    path = folder / name
    if "/" in name or "\\" in name or path.suffix != ".svg" or not path.is_file():
        return None
    root = ET.parse(path).getroot()
    title = " ".join((root.findtext(f"{_SVG_NS}title") or "").split())
    desc = " ".join((root.findtext(f"{_SVG_NS}desc") or "").split())
    return DrawingInfo(name, title, desc)


_IMG = re.compile(r'<img [^>]*src="breastedu:image/([^"]+)"[^>]*>')
_PARA_WITH_IMG = re.compile(
    r"<p>((?:(?!</p>).)*?<img [^>]*src=\"breastedu:image/[^\"]+\"[^>]*>.*?)</p>", re.DOTALL
)


def describe_images(html_text: str, folder: Path | None = None) -> str:
    """Put each bundled drawing's description, in words, right after the paragraph that
    shows it (for a screen reader, a search in the page, and a greyscale printout)."""
    if "breastedu:image/" not in html_text:
        return html_text

    def add(match: re.Match[str]) -> str:
        words = []
        for name in _IMG.findall(match.group(1)):
            info = drawing_info(name, folder)
            if info is not None and info.description:
                words.append(
                    '<p class="picture-words muted"><small><b>The picture in words:</b> '
                    f"{_escape(info.description)}</small></p>"
                )
        return match.group(0) + "".join(words)

    return _PARA_WITH_IMG.sub(add, html_text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
