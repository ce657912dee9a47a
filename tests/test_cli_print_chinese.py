"""Sheets in Traditional Chinese: `--lang zh-TW print` gives a sheet whose text is Chinese and
prints every character with a font embedded in the PDF, also on a machine without any CJK
font (the shipped subset of Noto Sans CJK TC then does it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.system_tools import tool

from breastedu.core.render.sheet_words import CJK_FONT, shipped_characters

HAN = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
NO_CJK_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def _cmap(path: Path) -> set[int]:
    from fontTools.ttLib import TTFont

    return set(TTFont(str(path)).getBestCmap())


def _print(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[str, str]:
    out = tmp_path / "sheet.pdf"
    subprocess.run(
        [sys.executable, "-m", "breastedu", "--lang", "zh-TW", "print", *args, "--out", str(out)],
        check=True,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        cwd=tmp_path,
    )
    fonts = subprocess.run([tool("pdffonts"), str(out)], check=True, capture_output=True, text=True).stdout
    text = subprocess.run(
        [tool("pdftotext"), str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    return fonts, text


def test_the_shipped_font_covers_every_character_of_the_shipped_chinese() -> None:
    """Fails when a translation gains a character: run tools/font_subset.py again."""
    covered = _cmap(REPO / CJK_FONT)
    missing = sorted(c for c in shipped_characters(REPO) if ord(c) not in covered)
    assert not missing, f"not in {CJK_FONT}: {''.join(missing)} (run tools/font_subset.py)"
    assert (REPO / CJK_FONT).stat().st_size < 3 << 20  # a few MB at most in the bundle


def test_a_chinese_sheet_prints_every_character_without_system_cjk_fonts(tmp_path: Path) -> None:
    """No CJK font on the machine (fontconfig sees only /usr/share/fonts/truetype): the sheet's
    Chinese is drawn with the shipped font, embedded, and it has every character."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_CJK_FONTS.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    fonts, text = _print(tmp_path, "calcifications", "goiter", env={"FONTCONFIG_FILE": str(conf)})
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), fonts  # every font embedded
    assert any(row[0].endswith("BreastEduCJKTC-Regular") for row in rows), fonts
    chinese = HAN.findall(text)
    assert len(chinese) > 2000 and "乳房鈣化點" in text and "甲狀腺腫" in text
    covered = _cmap(REPO / CJK_FONT)
    assert not sorted({c for c in chinese if ord(c) not in covered})
    assert "\ufffd" not in text


def test_a_chinese_pack_names_each_pages_language(tmp_path: Path) -> None:
    """A pack in Chinese: its contents page and the sheet's own words are Chinese; a
    translated page names the English version it follows, an untranslated one says it is
    English (and is printed whole, in English)."""
    from breastedu.core.content.service import ContentService

    content = ContentService.open(REPO / "data" / "seed.sqlite")
    imported = content.topic_page("calcifications").questions[0]  # the doctor's page, not translated
    content.close()
    _fonts, text = _print(tmp_path, "thyroid-nodules", imported.slug)
    assert "本講義包共 2 份單張。" in text and "主題單張" in text
    assert "中文版，譯自英文版" in text and "資料來源" in text and "請注意" in text
    assert "這一頁還沒有中文版，以下是英文原文。" in text and imported.title.split()[0] in text
    assert "Key points" not in text and "Please note" not in text
