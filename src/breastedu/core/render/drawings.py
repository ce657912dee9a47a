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

In another language (``resources/illustrations/i18n/<lang>.toml``: each drawing's title,
description and every ``<text>`` label, keyed by its English) :func:`localized_svg` puts the
translated words into the SVG and asks for the shipped CJK font first, and
:func:`localize_descriptions` puts the translated description under the picture.
"""

from __future__ import annotations

import functools
import html
import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from breastedu.core import paths
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.palette import DRAWING_COLOURS, LIGHT, SCAN, DrawingColours, Palette

_SVG_NS = "{http://www.w3.org/2000/svg}"
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)


def drawing_colours(palette: Palette) -> DrawingColours:
    """The drawing colours that go with ``palette`` (light for an unknown theme)."""
    return DRAWING_COLOURS.get(palette.name, DRAWING_COLOURS[LIGHT.name])


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
        f".tn{{fill:{palette.ink};{font};font-size:26px;font-weight:bold}}",
        f".ln{{fill:none;stroke:{palette.ink};stroke-width:1.5}}",
        f".ol{{fill:none;stroke:{palette.ink};stroke-width:2.5}}",
        f".dash{{fill:none;stroke:{palette.ink};stroke-width:2;stroke-dasharray:6,5}}",
        f".ink{{fill:{palette.ink}}}",
        f".pat{{fill:none;stroke:{palette.ink};stroke-width:1.6}}",
        f".patdot{{fill:{palette.ink}}}",
        f".panel{{fill:{c.panel};stroke:{palette.border};stroke-width:1.5}}",
        # A scan on a screen looks the same in every theme: fluid black, tissue grey.
        f".screen{{fill:{SCAN.screen};stroke:{c.tool_edge};stroke-width:3}}",
        f".echo{{fill:{SCAN.echo}}}",
        f".void{{fill:{SCAN.fluid};stroke:{SCAN.edge};stroke-width:1.5}}",
    ]
    for part in ("skin", "tissue", "gland", "lump", "fluid", "node", "tool", "accent"):
        fill, edge = getattr(c, part), getattr(c, part + "_edge")
        rules.append(f".{part}{{fill:{fill};stroke:{edge};stroke-width:2}}")
        rules.append(f".{part}-edge{{fill:none;stroke:{edge};stroke-width:3}}")
    # Single-property classes, for drawings that set their own line widths.
    singles = {"ink": palette.ink, "muted": palette.muted, "bg": palette.surface}
    for part in ("skin", "tissue", "gland", "lump", "fluid", "node", "tool", "accent"):
        singles[part] = getattr(c, part)
        singles[part + "-edge"] = getattr(c, part + "_edge")
    for name, colour in singles.items():
        rules.append(f".f-{name}{{fill:{colour}}}.s-{name}{{stroke:{colour}}}")
    return "".join(rules)


def themed_svg(svg_text: str, palette: Palette) -> str:
    """``svg_text`` with its style sheet replaced by the one for ``palette``.

    A drawing with no ``<style>`` element comes back unchanged.
    """
    return _STYLE.sub(lambda m: m.group(1) + drawing_css(palette) + m.group(3), svg_text, count=1)


def drawings_dir() -> Path:
    """The folder of bundled drawings."""
    return paths.resources_dir() / "illustrations"


def drawing_path(name: str, folder: Path | None = None) -> Path | None:
    """The file of the bundled drawing ``name`` (``"mammogram.svg"``), or None when ``name`` is
    not a drawing inside the folder (no paths out of it, no other files): the one guard the
    screen and the printed sheet both go through."""
    folder = (folder or drawings_dir()).resolve()
    path = (folder / name).resolve()
    return path if path.parent == folder and path.suffix == ".svg" and path.is_file() else None


def themed_drawing(
    name: str, palette: Palette, folder: Path | None = None, lang: str = ENGLISH
) -> bytes | None:
    """The bundled drawing ``name`` in theme ``palette`` with its words in ``lang``, or None
    (see :func:`drawing_path`)."""
    path = drawing_path(name, folder)
    if path is None:
        return None
    return localized_svg(themed_svg(path.read_text(encoding="utf-8"), palette), name, lang).encode("utf-8")


def printed_drawing(name: str, lang: str = ENGLISH, folder: Path | None = None) -> bytes | None:
    """The bundled drawing ``name`` for paper (the file's own light colours), its words in
    ``lang``; None as :func:`drawing_path`."""
    path = drawing_path(name, folder)
    return (
        None if path is None else localized_svg(path.read_text(encoding="utf-8"), name, lang).encode("utf-8")
    )


# Words in other languages ------------------------------------------------------------------

#: The font a drawing in Chinese asks for: the shipped subset (it has every character of the
#: label tables, tools/font_subset.py, and ASCII). One family only: given a list, Qt SVG takes
#: a system CJK font first, whose look-alike radicals make the PDF's text read ⼤ for 大.
DRAWING_FONTS: dict[str, str] = {CHINESE: "BreastEdu CJK TC"}
_FONT_RULE = re.compile(r"font-family:[^;}\"]*")
_FONT_ATTRIBUTE = re.compile(r'font-family="[^"]*"')
_TEXT = re.compile(r"(<text\b[^>]*>)(.*?)(</text>)", re.DOTALL)
_TITLE = re.compile(r"(<title>)(.*?)(</title>)", re.DOTALL)
_DESC = re.compile(r"(<desc>)(.*?)(</desc>)", re.DOTALL)


@dataclass(frozen=True)
class DrawingWords:
    """A drawing's words in one language: title, description and labels (English -> translated)."""

    title: str
    description: str
    labels: dict[str, str]


def words_file(lang: str) -> Path:
    """The table of the drawings' words in ``lang``."""
    return drawings_dir() / "i18n" / f"{lang}.toml"


@functools.cache
def drawing_words(lang: str) -> dict[str, DrawingWords]:
    """Each drawing's words in ``lang`` (file name -> words); empty for English or a language
    with no table."""
    path = words_file(lang)
    if lang == ENGLISH or not path.is_file():
        return {}
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        name: DrawingWords(
            " ".join(str(entry.get("title", "")).split()),
            " ".join(str(entry.get("desc", "")).split()),
            {str(k): str(v) for k, v in entry.get("labels", {}).items()},
        )
        for name, entry in table.items()
    }


def svg_labels(svg_text: str) -> list[str]:
    """The words of every ``<text>`` label of a drawing, as a reader sees them."""
    return [html.unescape(m.group(2)) for m in _TEXT.finditer(svg_text)]


def localized_svg(svg_text: str, name: str, lang: str) -> str:
    """``svg_text`` (the drawing ``name``) with its title, description and labels in ``lang``
    and the fonts that have its characters; unchanged in English or with no table for it. A
    label the table lacks stays in English (a test keeps the tables whole)."""
    words = drawing_words(lang).get(name)
    if words is None:
        return svg_text

    def label(match: re.Match[str]) -> str:
        english = html.unescape(match.group(2))
        return match.group(1) + _escape(words.labels.get(english, english)) + match.group(3)

    out = _TEXT.sub(label, svg_text)
    if words.title:
        out = _TITLE.sub(lambda m: m.group(1) + _escape(words.title) + m.group(3), out, count=1)
    if words.description:
        out = _DESC.sub(lambda m: m.group(1) + _escape(words.description) + m.group(3), out, count=1)
    font = DRAWING_FONTS.get(lang)
    if not font:
        return out
    out = _FONT_RULE.sub(f"font-family:{font}", out)  # the style sheet's rules
    return _FONT_ATTRIBUTE.sub(f'font-family="{font}"', out)  # a group's own attribute


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
                    f'<p class="picture-words muted"><small><b>{PICTURE_WORDS[ENGLISH]}</b> '
                    f"{_escape(info.description)}</small></p>"
                )
        return match.group(0) + "".join(words)

    return _PARA_WITH_IMG.sub(add, html_text)


#: "The picture in words:" in each language (:func:`describe_images` writes the English).
PICTURE_WORDS: dict[str, str] = {ENGLISH: "The picture in words:", CHINESE: "圖片說明："}


def localize_descriptions(html_text: str, lang: str, folder: Path | None = None) -> str:
    """``html_text`` (with :func:`describe_images`' descriptions in English) with each bundled
    drawing's description in ``lang`` where its table has one."""
    words, lead = drawing_words(lang), PICTURE_WORDS.get(lang)
    if not words or lead is None or "breastedu:image/" not in html_text:
        return html_text
    for name in dict.fromkeys(_IMG.findall(html_text)):
        info, translated = drawing_info(name, folder), words.get(name)
        if info is None or translated is None or not translated.description:
            continue
        english = f"<b>{PICTURE_WORDS[ENGLISH]}</b> {_escape(info.description)}"
        html_text = html_text.replace(english, f"<b>{lead}</b>{_escape(translated.description)}")
    return html_text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
