"""Sheet HTML in Traditional Chinese, and the bilingual sheet a nurse reads with a patient."""

from __future__ import annotations

import datetime as dt

from breastedu.core.content.service import ContentService
from breastedu.core.languages import CHINESE
from breastedu.core.render.sheets import GLOSSARY, KEY_POINTS, MY_QUESTIONS, SheetBuilder, SheetOptions

DAY = dt.date(2026, 12, 7)


def test_a_chinese_topic_sheet_has_its_key_points_box_and_chinese_words(seed: ContentService) -> None:
    options = SheetOptions(sections=(KEY_POINTS, "guide", GLOSSARY, MY_QUESTIONS))
    [part] = SheetBuilder(seed, CHINESE).build(["goiter"], options, printed=DAY).parts
    assert "<h2 style='margin-top:0'>重點</h2>" in part.html  # the box, found by its Chinese heading
    assert part.html.count(">資料來源</a></h2>") == 1 and "本單張用到的詞" in part.html
    assert part.html.count("本指南是一般衛教資訊") == 1  # the disclaimer once, in the closing
    assert "Key points" not in part.html and "Please note" not in part.html
    assert part.footer.startswith("列印日期 2026年12月7日")
    assert "Reading level" not in part.html  # the English text's grades say nothing of the Chinese


def test_a_bilingual_sheet_gives_each_section_in_chinese_then_english(seed: ContentService) -> None:
    [part] = SheetBuilder(seed, CHINESE, bilingual=True).build(["calcifications"], printed=DAY).parts
    html = part.html
    for chinese, english in (
        ("重點", "Key points"),
        ("這是什麼", "What it is"),
        ("什麼時候要找醫師", "When to call"),
    ):
        assert chinese in html and english in html
        assert html.index(chinese) < html.index(english)
    assert html.count("breast-anatomy.svg") == 1  # pictures once
    assert html.count("本指南是一般衛教資訊") == 1 and "This guide is general information" not in html
    assert "乳房鈣化點 · Breast calcifications" in part.title


def test_a_bilingual_answer_has_both_short_answers(seed: ContentService) -> None:
    builder = SheetBuilder(seed, CHINESE, bilingual=True)
    [part] = builder.build(["what-is-thyroid-storm"], printed=DAY).parts
    assert "甲狀腺風暴" in part.html and "Thyroid storm is a rare flare" in part.html


def test_an_untranslated_page_prints_in_english_with_the_notice_in_a_chinese_frame(
    seed: ContentService,
) -> None:
    """The imported doctor's page has no Chinese version (its original is not available): its
    own text prints in English under the notice, and the sheet's words around it are Chinese,
    as the screen frames it (they were left in English before)."""
    imported = seed.topic_page("calcifications").questions[0]
    page = seed.question_page(imported.slug)
    [part] = SheetBuilder(seed, CHINESE, bilingual=True).build([imported.slug], printed=DAY).parts
    assert "這一頁還沒有中文版，以下是英文原文。" in part.html and imported.title in part.html
    assert page.replies[0].body_md.split()[0] in part.html  # the reply itself, as written
    for chinese in (
        "這一頁從哪裡來",
        ">問題</h2>",
        "<h2>醫師的回覆</h2>",
        f"{page.replies[0].doctor} 醫師",
        "提問",
    ):
        assert chinese in part.html, chinese
    for english in ("The doctor's reply", "Where this page comes from", "Asked by", "Replied ", "Dr. "):
        assert english not in part.html, english


def test_a_chinese_answer_sheet_has_the_warning_signs_in_chinese(seed: ContentService) -> None:
    [part] = SheetBuilder(seed, CHINESE).build(["goiter-and-trouble-swallowing"], printed=DAY).parts
    assert "<h2 style='margin-top:0'>警訊：" in part.html and "資料來源：" in part.html
    assert "<strong>請馬上打緊急求救電話或去急診室</strong>" in part.html and "您無法吞嚥。" in part.html
    assert "Warning signs" not in part.html and "Call your doctor" not in part.html


def test_a_link_on_a_chinese_sheet_names_the_sheet_in_chinese() -> None:
    from breastedu.core.render.sheets import print_links

    link = '<a href="breastedu:topic/goiter">{}</a>'
    html = f"<p>{link.format('甲狀腺腫')} · {link.format('甲狀腺腫大')}</p>"
    out = print_links(html, lambda _slug: "甲狀腺腫大", CHINESE)
    assert out == "<p>甲狀腺腫（請看單張：甲狀腺腫大） · 甲狀腺腫大（請看它自己的單張）</p>"
    assert "(see the sheet: Goiter)" in print_links(html, lambda _slug: "Goiter")


def test_a_bilingual_answer_gives_its_warning_signs_in_chinese_then_english(seed: ContentService) -> None:
    """The warning-signs box of a bilingual answer: the Chinese signs with their Chinese
    lead-ins, then the English signs with their English lead-ins (as every other section)."""
    [part] = SheetBuilder(seed, CHINESE, bilingual=True).build(["goiter-and-trouble-swallowing"]).parts
    html = part.html
    box = html[html.index("<h2 style='margin-top:0'>警訊：") :]
    box = box[: box.index("</table>")]
    chinese, english = "<strong>請馬上打緊急求救電話或去急診室</strong>", "<strong>Call emergency services"
    assert chinese in box and "您無法吞嚥。" in box
    assert english in box and "You cannot swallow." in box and "<h3>Warning signs</h3>" in box
    assert box.index(chinese) < box.index("<h3>Warning signs</h3>") < box.index(english)
    assert box.count("資料來源：") == 1  # the sources once


def test_the_english_half_of_a_bilingual_guide_keeps_its_english_lead_ins(seed: ContentService) -> None:
    [part] = SheetBuilder(seed, CHINESE, bilingual=True).build(["goiter"], printed=DAY).parts
    assert "<strong>Call emergency services or go to the emergency department now</strong>" in part.html
    assert "<strong>請馬上打緊急求救電話或去急診室</strong>" in part.html
