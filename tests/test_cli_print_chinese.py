"""Sheets in Traditional Chinese: `--lang zh-TW print` gives a sheet whose text is Chinese and
prints every character with a font embedded in the PDF, also on a machine without any CJK
font (the shipped subset of Noto Sans CJK TC then does it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.system_tools import tool

from breastedu.core.render.sheet_words import CJK_FONT, CJK_FONT_BOLD, shipped_characters

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


@pytest.mark.parametrize("face", [CJK_FONT, CJK_FONT_BOLD])
def test_the_shipped_font_covers_every_character_of_the_shipped_chinese(face: str) -> None:
    """Fails when a translation gains a character: run tools/font_subset.py again. The bold
    face too: without it bold Chinese was a thickened regular, black bars in the preview."""
    covered = _cmap(REPO / face)
    missing = sorted(c for c in shipped_characters(REPO) if ord(c) not in covered)
    assert not missing, f"not in {face}: {''.join(missing)} (run tools/font_subset.py)"
    assert (REPO / face).stat().st_size < 3 << 20  # a few MB at most in the bundle


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
    # The drawings' labels and descriptions are Chinese too, in the embedded font.
    assert "乳房的內部（正面）" in text and "甲狀腺腫：變大的甲狀腺" in text and "圖片說明" in text
    assert "Inside the breast" not in text and "The picture in words" not in text
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


def _pdf_text(path: Path) -> list[str]:
    """The text of each page of ``path`` (pdftotext puts a form feed between pages)."""
    text = subprocess.run([tool("pdftotext"), str(path), "-"], check=True, capture_output=True, text=True)
    return [page for page in text.stdout.split("\f") if page.strip()]


def _breastedu(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "breastedu", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        cwd=tmp_path,
    )


def test_a_pack_prints_each_sheet_in_its_own_language_with_its_own_footer(tmp_path: Path) -> None:
    """``SLUG:LANG`` gives one sheet of a pack its own language: the English sheet's pages are
    English with an English footer, the Chinese sheet's Chinese with a Chinese footer; the
    contents page and the page corners follow --lang (here: English, the default)."""
    out = tmp_path / "pack.pdf"
    done = _breastedu(tmp_path, "print", "calcifications:en", "goiter:zh-TW", "--out", str(out))
    assert done.returncode == 0, done.stderr
    pages = _pdf_text(out)
    assert "Contents" in pages[0] and "Page 1 of" in pages[0]
    english = [p for p in pages[1:] if "Breast calcifications" in p.splitlines()[3:5] or "Key points" in p]
    chinese = [p for p in pages[1:] if "甲狀腺腫" in p and "Breast calcifications" not in p]
    assert english and chinese
    for page in english:
        assert "Printed 7" in page or "Printed " in page, page
        assert "列印" not in page and not HAN.search(page.replace("·", "")), page
    for page in chinese:
        assert "列印" in page and "Printed" not in page, page
    assert all("Page " in p for p in pages)  # the corners follow the pack's language


def test_a_chinese_pack_with_one_english_sheet_has_chinese_corners(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    done = _breastedu(tmp_path, "--lang", "zh-TW", "print", "goiter", "calcifications:en", "--out", str(out))
    assert done.returncode == 0, done.stderr
    pages = _pdf_text(out)
    assert "目錄" in pages[0] and all(re.search(r"第 \d+ .，共 \d+ .", p) for p in pages)
    last = pages[-1]
    assert "Printed" in last and "列印" not in last  # the English sheet keeps its English footer


def test_a_chinese_visit_sheet_is_chinese_and_its_fonts_cover_it(tmp_path: Path) -> None:
    """`--lang zh-TW visit-sheet`: headings, the follow-up list with Chinese dates, the month
    grid, the notes heading and the footer are Chinese; every character is drawn by an embedded
    font that has it (no CJK font on the machine: the shipped one); the PDF is hers only."""
    user = ["--user-dir", str(tmp_path / "me")]
    for args in (
        ["followups", "add", "甲狀腺超音波", "--due", "2099-03-01", "--every-months", "12"],
        ["followups", "add", "Mammogram", "--due", "2020-01-20"],
        ["notes", "add", "--doctor", "-", "鈣化點需要切片嗎？"],
    ):
        assert _breastedu(tmp_path, *user, *args).returncode == 0
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_CJK_FONTS.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    out = tmp_path / "visit.pdf"
    done = _breastedu(
        tmp_path,
        *user,
        "--lang",
        "zh-TW",
        "visit-sheet",
        "--out",
        str(out),
        env={"FONTCONFIG_FILE": str(conf)},
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    [page] = _pdf_text(out)
    for words in (
        "我的看診單",
        "我的追蹤檢查",
        "時間軸",
        "本月",
        "要問醫師的問題",
        "已逾期",
        "2099年3月1日",
        "2020年1月20日",
    ):
        assert words in page, words
    assert "不是醫療建議" in page and re.search(r"第 1 .，共 1 .", page)
    for english in (
        "Printed",
        "Follow-up",
        "Overdue",
        "Upcoming",
        "Questions",
        "Page",
        "Key",
        "now",
        "repeat",
    ):
        assert english not in page, english
    fonts = subprocess.run([tool("pdffonts"), str(out)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), fonts
    covered = _cmap(REPO / CJK_FONT)
    assert not sorted({c for c in HAN.findall(page) if ord(c) not in covered})


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "fr", "print", "goiter"],
        ["--lang", "zh", "visit-sheet"],
        ["print", "goiter:fr"],
        ["print", ":zh-TW"],
        ["print", "goiter", "--bilingual"],
    ],
)
def test_a_bad_language_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    done = _breastedu(tmp_path, "--user-dir", str(tmp_path / "me"), *args, "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "x.pdf").exists()


def test_the_pdf_text_of_a_chinese_pack_has_no_look_alike_radicals(tmp_path: Path) -> None:
    """With a system Noto Sans CJK installed (it maps 日 and the radical ⽇ to one glyph), the
    PDF's text must still read 日: Chinese in the body, header, footer and drawings is drawn
    with the shipped subset, which maps each glyph once (copy, search, screen readers)."""
    out = tmp_path / "pack.pdf"
    done = _breastedu(tmp_path, "--lang", "zh-TW", "print", "calcifications", "goiter", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = "".join(_pdf_text(out))
    radicals = re.findall("[\u2e80-\u2fdf]", text)
    assert not radicals, "".join(sorted(set(radicals)))
    assert "列印日期" in text and "變大的甲狀腺" in text and "血管「火車軌道」" in text
    # Digits among Latin letters in Chinese text keep their characters too (the subset has no
    # "locl" glyph swaps, whose glyphs have no character: "從 TR 到 TR" before).
    nodules = tmp_path / "nodules.pdf"
    assert (
        _breastedu(tmp_path, "--lang", "zh-TW", "print", "thyroid-nodules", "--out", str(nodules)).returncode
        == 0
    )
    assert "從 TR1 到 TR5" in "".join(_pdf_text(nodules))
    user = ["--user-dir", str(tmp_path / "me")]
    assert (
        _breastedu(tmp_path, *user, "followups", "add", "甲狀腺超音波", "--due", "2099-03-01").returncode == 0
    )
    visit = tmp_path / "visit.pdf"
    assert _breastedu(tmp_path, *user, "--lang", "zh-TW", "visit-sheet", "--out", str(visit)).returncode == 0
    [page] = _pdf_text(visit)
    assert "列印日期" in page and not re.findall("[\u2e80-\u2fdf]", page)
