"""Sheet HTML in Traditional Chinese, and the bilingual sheet a nurse reads with a patient."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re

from breastedu.core.catalogue import say
from breastedu.core.clinic import Clinic
from breastedu.core.content.dto import TopicPage
from breastedu.core.content.service import ContentService
from breastedu.core.dates import long_date
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.render import sheets
from breastedu.core.render.html import article_facts, editors_label
from breastedu.core.render.sheet_words import BLANK_PAGE
from breastedu.core.render.sheets import (
    GLOSSARY,
    KEY_POINTS,
    MY_QUESTIONS,
    SECTIONS,
    SheetBuilder,
    SheetOptions,
)

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


# The sheet's own words are written in Chinese as it is composed (core.catalogue.say), not
# swapped afterwards: what the swap missed is Chinese, and what it could wrongly hit is not hit.

#: What a Chinese topic sheet with every section writes around its guide, as the English said it.
_ENGLISH_FRAME = (
    ">Key points<",
    ">My questions<",
    "Write down what you want",
    "Next appointment:",
    ">Sources<",
    "Please note:",
    "Words used on this sheet",
    "Questions we have answered",
    "Questions people asked",
    " replied:",
    "named on this sheet",  # the authorship line, left English by the swap
    "Found a mistake?",  # how to report an error, left English by the swap
    "Checked against its guidelines",
)


def test_every_word_a_chinese_topic_sheet_writes_around_its_guide_is_chinese(seed: ContentService) -> None:
    clinic = Clinic(name="仁愛診所", phone="02-1234-5678")
    options = SheetOptions(sections=SECTIONS)
    [part] = SheetBuilder(seed, CHINESE).build(["calcifications"], options, clinic=clinic, printed=DAY).parts
    for english in _ENGLISH_FRAME:
        assert english not in part.html, english
    page = seed.topic_page("calcifications", CHINESE)
    assert page.guide is not None
    for chinese in (
        "<h2 style='margin-top:0'>重點</h2>",
        "<h2 style='margin-top:0'>我的問題</h2>",
        "<b>下次看診：</b>",
        "<b>請注意：</b>本指南是一般衛教資訊",  # no space after the full-width colon
        "<h2>本單張用到的詞</h2>",
        "<h2>我們回答過的問題</h2>",
        "<h2>病友問過的問題</h2>",
        "醫師回覆：</i>",
        say(CHINESE, sheets.EDITORS_LINE),
        "發現錯誤？請告訴 仁愛診所（02-1234-5678）。",
        # The screen's sentence, ending in a Chinese full stop (the swap left the English one).
        article_facts(page.guide, CHINESE)[0],
    ):
        assert chinese in part.html, chinese
    assert "日." not in part.html
    assert not re.search(r"檢查日期：\d{4}-", part.html)  # the translation's ISO "Checked:" line is editors'
    assert part.footer == "列印日期 2026年12月7日 · 資料來源檢查日期 " + long_date(
        page.guide.last_checked, CHINESE
    )


def test_a_chinese_answer_sheet_says_who_answered_and_when_as_the_screen_does(seed: ContentService) -> None:
    [part] = SheetBuilder(seed, CHINESE).build(["goiter-and-trouble-swallowing"], printed=DAY).parts
    answer = seed.question_page("goiter-and-trouble-swallowing", CHINESE).answer
    assert answer is not None
    assert html.escape(editors_label(answer, CHINESE)) in part.html  # the screen's words
    checked, due = long_date(answer.checked, CHINESE), long_date(answer.next_review, CHINESE)
    assert f"<p>檢查日期 {checked} · 下次審閱 {due}</p>" in part.html
    assert "<p>我們的指南：" in part.html and "<h2>延伸閱讀</h2>" in part.html
    assert "Answered by" not in part.html and "Found a mistake?" not in part.html


def test_the_english_half_of_a_bilingual_sheet_keeps_its_english_dates(seed: ContentService) -> None:
    """A date in the English text stays as the English writes it (the swap turned every
    English long date of the sheet into a Chinese one, the English half's too)."""

    class WithADate:  # the library, its English guide saying a date
        def __getattr__(self, name: str) -> object:
            return getattr(seed, name)

        def topic_page(self, slug: str, lang: str = ENGLISH) -> TopicPage:
            page = seed.topic_page(slug, lang)
            if lang != ENGLISH or page.guide is None:
                return page
            said = page.guide.body_md.replace(
                "## What it is\n", "## What it is\n\nSince 7 March 2024 it is new.\n", 1
            )
            return dataclasses.replace(page, guide=dataclasses.replace(page.guide, body_md=said))

    builder = SheetBuilder(WithADate(), CHINESE, bilingual=True)  # type: ignore[arg-type]
    [part] = builder.build(["calcifications"], printed=DAY).parts
    assert "Since 7 March 2024 it is new." in part.html and "2024年3月7日" not in part.html
    assert "<h2 style='margin-top:0'>重點</h2>" in part.html  # the frame is Chinese


def test_a_chinese_pack_names_its_contents_pages_and_corners_in_chinese(seed: ContentService) -> None:
    pack = SheetBuilder(seed, CHINESE).build(["goiter", "goiter-and-trouble-swallowing"], printed=DAY)
    contents = pack.contents_html([2, 5])
    assert pack.title == "講義包" and pack.page_title(None) == "目錄" and "<title>目錄</title>" in contents
    assert "本講義包共 2 份單張。" in contents and ">第 5 頁</td>" in contents
    assert "主題單張，BreastEdu 編輯群撰寫" in contents and "常見問題，由 BreastEdu 編輯群回答" in contents
    assert "font-family: 'BreastEdu CJK TC', sans-serif;" in contents
    assert sheets.page_label(2, 9, CHINESE) == "第 2 頁，共 9 頁"
    assert BLANK_PAGE[CHINESE] == "這一頁是空白的，方便雙面列印。"
    english = SheetBuilder(seed).build(["goiter", "calcifications"], printed=DAY)
    assert english.title == "Handout pack" and "2 sheets in this pack." in english.contents_html([2, 5])
    assert sheets.page_label(2, 9) == "Page 2 of 9" and english.page_title(None) == "Contents"


def test_a_chinese_visit_sheet_has_its_title_footer_and_font_in_chinese() -> None:
    from breastedu.core.notebook.visit_sheet import visit_sheet_html

    made = visit_sheet_html([], [], today=DAY, lang=CHINESE)
    visit = sheets.visit_sheet(made, printed=DAY, lang=CHINESE)
    [part] = visit.parts
    assert visit.title == part.title == "我的看診單" and part.footer == "列印日期 2026年12月7日"
    assert "font-family: 'BreastEdu CJK TC', sans-serif;" in part.html and visit.private
