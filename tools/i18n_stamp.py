"""Write the English version a translation follows (``follows = "..."``, see content.i18n).

Run it after translating a page, or after checking a stale translation against the new
English text. Without FILE arguments it stamps only the translations marked
``follows = "new"``; with them, every entry of the files named (you checked them all).

    python tools/i18n_stamp.py                       # new translations under data/i18n
    python tools/i18n_stamp.py data/i18n/zh-TW/guides/calcifications.md
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from breastedu.core.content.i18n import EnglishTexts, source_files  # noqa: E402

_FOLLOWS = re.compile(r'^follows = "([^"]*)"$', re.MULTILINE)
_SLUG = re.compile(r'^slug = "([^"]*)"$', re.MULTILINE)
_TABLES = {"[[group]]": "group", "[[topic]]": "topic", "[[term]]": "glossary"}


def _stamp(text: str, version: str, only_new: bool) -> str:
    def put(m: re.Match[str]) -> str:
        return m.group(0) if only_new and m.group(1) != "new" else f'follows = "{version}"'

    return _FOLLOWS.sub(put, text, count=1)


def stamp_file(path: Path, english: EnglishTexts, only_new: bool) -> str:
    """The text of ``path`` with its ``follows`` lines stamped."""
    text = path.read_text(encoding="utf-8")
    if path.parent.name == "redflags":  # one topic's warning signs: one version for the file
        return _stamp(text, english.version("redflags", path.stem, str(path)), only_new)
    if path.suffix == ".md":
        kind = "guide" if path.parent.name == "guides" else "answer"
        return _stamp(text, english.version(kind, path.stem, str(path)), only_new)
    blocks = re.split(r"^(?=\[\[)", text, flags=re.MULTILINE)
    out = []
    for block in blocks:
        kind = _TABLES.get(block.split("\n", 1)[0].strip())
        slug = _SLUG.search(block)
        if kind and slug:
            block = _stamp(block, english.version(kind, slug.group(1), f"{path}: {slug.group(1)}"), only_new)
        out.append(block)
    return "".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--data", type=Path, default=REPO / "data")
    args = parser.parse_args()
    english = EnglishTexts.read(args.data)
    files = args.files or source_files(args.data)
    for path in files:
        new = stamp_file(path, english, only_new=not args.files)
        if new != path.read_text(encoding="utf-8"):
            path.write_text(new, encoding="utf-8")
            print(f"stamped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
