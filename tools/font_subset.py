"""Cut the shipped Chinese font down to the characters BreastEdu prints.

Sheets in Traditional Chinese print with the system's CJK font when there is one, and else
with ``resources/fonts/BreastEduCJK-TC-Regular.otf`` and its bold face ``…-Bold.otf``:
Noto Sans CJK TC (SIL Open Font License 1.1, Adobe and Google) cut down with fontTools to
every character of the shipped Chinese content (``data/i18n``), the words the app prints
around it (``core.catalogue`` and the sheets' words:
``render.sheet_words.shipped_characters``), and printable ASCII, and renamed
"BreastEdu CJK TC" so that it never shadows an installed Noto. Run it again after
the translations change (a test fails while a shipped character is missing):

    python tools/font_subset.py [--source …/NotoSansCJK-Regular.ttc] [--source-bold …/NotoSansCJK-Bold.ttc]
    # Debian/Ubuntu: apt-get install fonts-noto-cjk fonts-noto-cjk-extra (the bold face)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from breastedu.core.render.sheet_words import CJK_FAMILY, CJK_FONT, CJK_FONT_BOLD, shipped_characters  # noqa: E402

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
#: The bold face (Debian/Ubuntu: fonts-noto-cjk-extra): real bold, not a thickened regular.
SOURCE_BOLD = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
SOURCE_FAMILY = "Noto Sans CJK TC"


def subset(source: Path, out: Path, text: str, style: str = "Regular") -> None:
    """Write the subset of ``source``'s Traditional Chinese face holding ``text``'s characters."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() == ".ttc":
        faces = TTCollection(str(source)).fonts
        [font] = [f for f in faces if f["name"].getDebugName(1) == SOURCE_FAMILY]
    else:
        font = TTFont(str(source))
    options = ft_subset.Options()
    # No "locl": the TC face's own glyphs are Taiwan's, and its locl swaps (a digit after Latin
    # letters in Chinese text, "TR1") give glyphs with no character, lost from a PDF's text.
    options.layout_features = ["ccmp", "vert", "vrt2", "kern"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(
                CJK_FAMILY if record.nameID != 4 else f"{CJK_FAMILY} {style}",
                record.nameID,
                record.platformID,
                record.platEncID,
                record.langID,
            )
        elif record.nameID == 6:
            names.setName(f"BreastEduCJKTC-{style}", 6, record.platformID, record.platEncID, record.langID)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False  # the same sources give the same bytes
    font.save(str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--source-bold", type=Path, default=SOURCE_BOLD)
    args = parser.parse_args()
    for source, package in ((args.source, "fonts-noto-cjk"), (args.source_bold, "fonts-noto-cjk-extra")):
        if not source.is_file():
            print(f"font_subset: {source}: no such font (apt-get install {package})", file=sys.stderr)
            return 2
    text = shipped_characters(REPO)
    for source, name, style in (
        (args.source, CJK_FONT, "Regular"),
        (args.source_bold, CJK_FONT_BOLD, "Bold"),
    ):
        out = REPO / name
        subset(source, out, text, style)
        print(f"{out}: {len(set(text))} characters, {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
