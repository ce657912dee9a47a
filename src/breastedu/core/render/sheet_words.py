"""A sheet's own words in the patient's language (the pages themselves come translated from
``content.i18n``): box titles, headings, the closing note, the footer, dates, and the line that
says which English version a page follows.

The sheet composer (:mod:`breastedu.core.render.sheets`) writes these words in English; a
sheet in another language has each of them replaced, as whole HTML fragments, by the
translation listed here. Fragments are matched exactly, tags included, so text inside a page
is never touched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from breastedu.core.catalogue import say
from breastedu.core.catalogue_zh import WORDS as CORE_WORDS
from breastedu.core.content.dto import QuestionPage, TopicPage
from breastedu.core.content.guides import DISCLAIMER as GUIDE_DISCLAIMER
from breastedu.core.dates import MONTHS, long_date
from breastedu.core.languages import (
    CHINESE,
    DISCLAIMERS,
    ENGLISH,
    GUIDE_SECTIONS,
    NOTICES,
    WARNING_WORDS,
    section_key,
)
from breastedu.core.render.drawings import PICTURE_WORDS, localize_descriptions
from breastedu.core.render.html import DISCLAIMER, EDITORS_NOTE, e

if TYPE_CHECKING:
    from breastedu.core.render.sheets import Sheet, SheetPart

#: The sentence a topic without a guide shows (its Chinese is in core.catalogue).
_NO_GUIDE = "A plain-language guide for this topic is not in the library yet."
_BOX_TITLE = "<h2 style='margin-top:0'>{}</h2>"

#: The Chinese font shipped for machines without one (tools/font_subset.py makes it), and its
#: family name. A sheet in Chinese asks for it first, then the system's sans-serif (for what
#: she typed that the subset lacks): a system Noto Sans CJK maps some Kangxi radicals
#: (U+2F00-) and the usual characters to one glyph, and the PDF's text then reads ⽇ for 日
#: (copy, search and screen readers get it wrong); the subset maps each glyph once.
CJK_FONT = "resources/fonts/BreastEduCJK-TC-Regular.otf"
#: Its bold face: without it Qt makes bold Chinese by thickening the regular one, which the
#: print preview (a recorded page replayed small) turned into black bars.
CJK_FONT_BOLD = "resources/fonts/BreastEduCJK-TC-Bold.otf"
CJK_FAMILY = "BreastEdu CJK TC"
FONT_FAMILIES: dict[str, str] = {
    # English: the system's sans-serif only. (Naming the shipped font after it makes Qt draw
    # the digits of an English sheet with it too, and the PDF's text then loses them.)
    ENGLISH: "sans-serif",
    CHINESE: f"'{CJK_FAMILY}', sans-serif",
}

#: English HTML fragment -> its translation, per language.
FRAGMENTS: dict[str, tuple[tuple[str, str], ...]] = {
    CHINESE: (
        (_BOX_TITLE.format("Key points"), _BOX_TITLE.format("重點")),
        (_BOX_TITLE.format("Not written yet"), _BOX_TITLE.format("還沒有寫好")),
        (
            f"<p>{_NO_GUIDE}</p>",
            f"<p>{say(CHINESE, _NO_GUIDE)}</p>",
        ),
        (_BOX_TITLE.format("My questions"), _BOX_TITLE.format("我的問題")),
        (
            "Write down what you want to ask your doctor or nurse.",
            "寫下您想問醫師或護理師的問題。",
        ),
        ("<b>Next appointment:</b>", "<b>下次看診：</b>"),
        (_BOX_TITLE.format("Short answer"), _BOX_TITLE.format(say(CHINESE, "Short answer"))),
        ("<h2>Sources</h2>", "<h2>資料來源</h2>"),
        ("'>Sources</a></h2>", "'>資料來源</a></h2>"),  # the closing's anchored heading
        ("<h2>Words used on this sheet</h2>", "<h2>本單張用到的詞</h2>"),
        ("<h2>Questions we have answered</h2>", "<h2>我們回答過的問題</h2>"),
        ("<h2>Questions people asked</h2>", "<h2>病友問過的問題</h2>"),
        ("<h2>Read more</h2><p>Our guide: ", "<h2>延伸閱讀</h2><p>我們的指南："),
        ("<h2>Related questions</h2>", f"<h2>{say(CHINESE, 'Related questions')}</h2>"),
        (f"<p class='small'>{e(EDITORS_NOTE)} ", f"<p class='small'>{e(say(CHINESE, EDITORS_NOTE))} "),
        ("<b>Please note:</b> ", "<b>請注意：</b>"),
        ("<b>Please note:</b></a> ", "<b>請注意：</b></a>"),
        (e(GUIDE_DISCLAIMER), e(DISCLAIMERS[CHINESE])),
        (e(DISCLAIMER), e(say(CHINESE, DISCLAIMER))),
        ("Answered by the BreastEdu editors from ", "由 BreastEdu 編輯群依據以下資料回答："),
        (" · checked ", " · 檢查日期 "),
        (" · next review due ", " · 下次審閱 "),
        ("<p>Checked ", "<p>檢查日期 "),
        ("Checked against its guidelines on ", "依照指引檢查的日期："),
        (". Next review due: ", "。下次審閱："),
        # The warning-signs box of an answer (its signs come translated from content.i18n).
        (
            _BOX_TITLE.format("Warning signs: ")[:-5],
            _BOX_TITLE.format(WARNING_WORDS[CHINESE]["title"].format(topic=""))[:-5],
        ),
        ("<p class='small'>From: ", f"<p class='small'>{WARNING_WORDS[CHINESE]['from']}"),
        # (Its lead-ins are written in the signs' language by the composer: as fragments they
        # would also turn the English lead-ins of a bilingual sheet's English half.)
    ),
}
_MUTED = "<span class='muted'>{}</span>"
#: The contents page of a pack (``Sheet.contents_html``), and what its pages' header says.
CONTENTS_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    CHINESE: (
        (r"<title>Contents</title>", "<title>目錄</title>"),
        (
            r"<p class='muted'>(\d+) sheets? in this pack\.</p>",
            r"<p class='muted'>本講義包共 \1 份單張。</p>",
        ),
        (
            _MUTED.format("Topic sheet, by the BreastEdu editors"),
            _MUTED.format("主題單張，BreastEdu 編輯群撰寫"),
        ),
        (
            _MUTED.format("A patient's question and a doctor's reply to that patient"),
            _MUTED.format("一位病友的問題，以及醫師給這位病友的回覆"),
        ),
        (
            _MUTED.format("A common question, answered by the BreastEdu editors"),
            _MUTED.format("常見問題，由 BreastEdu 編輯群回答"),
        ),
        (r">page (\d+)</td>", r">第 \1 頁</td>"),
    ),
}
CONTENTS_TITLE = {CHINESE: "目錄"}
PACK_TITLES = {CHINESE: "講義包"}
#: A link on paper (``sheets.print_links``): to the page's own sheet, and to another sheet.
LINK_WORDS: dict[str, tuple[str, str]] = {
    ENGLISH: (" (see its own sheet)", " (see the sheet: {title})"),
    CHINESE: ("（請看它自己的單張）", "（請看單張：{title}）"),
}
#: What a blank back page of a pack says (``SheetOptions.new_leaf``), per language.
BLANK_PAGE: dict[str, str] = {
    ENGLISH: "This page is left blank for double-sided printing.",
    CHINESE: "這一頁是空白的，方便雙面列印。",
}
#: What every page says in its corner (``sheets.page_label``), per language.
PAGE_LABELS: dict[str, str] = {ENGLISH: "Page {number} of {total}", CHINESE: "第 {number} 頁，共 {total} 頁"}
#: The footer's words (``sheets._footer``).
FOOTER_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    CHINESE: (
        ("Printed ", "列印日期 "),
        ("content ", "內容版本 "),
        ("sources checked ", "資料來源檢查日期 "),
    ),
}
_MONTHS = {name: number for number, name in enumerate(MONTHS, start=1)}  # never the locale's
_LONG_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b")
_BODY_FONT = re.compile(r"font-family: sans-serif(?:, '[^']*')?;")
_REPLIED = re.compile(r"<p><i>Dr\. (.*?) replied:</i>")


def _dates(text: str, lang: str) -> str:
    """``text`` with each English long date ("7 December 2026") as ``lang`` writes it."""
    return _LONG_DATE.sub(lambda m: long_date(dt.date(int(m[3]), _MONTHS[m[2]], int(m[1])), lang), text)


def translate(html: str, lang: str) -> str:
    """``html`` with the sheet's own words in ``lang`` (unchanged for English)."""
    if lang not in FRAGMENTS:
        return html
    for english, translated in FRAGMENTS[lang]:
        html = html.replace(english, translated)
    html = _REPLIED.sub(r"<p><i>\1 醫師回覆：</i>", html)
    # The body's font: the sheet's stylesheet names FONT_FAMILIES[ENGLISH], the visit sheet's
    # (core.notebook, which cannot import this) plain sans-serif.
    html = _BODY_FONT.sub(f"font-family: {FONT_FAMILIES.get(lang, FONT_FAMILIES[ENGLISH])};", html, count=1)
    return _dates(localize_descriptions(html, lang), lang)


def contents(html: str, lang: str) -> str:
    """A pack's contents page (``Sheet.contents_html``) in ``lang``."""
    for pattern, translated in CONTENTS_WORDS.get(lang, ()):
        html = re.sub(pattern, translated, html)
    return translate(html, lang)


def _footer(text: str, lang: str) -> str:
    for english, translated in FOOTER_WORDS.get(lang, ()):
        text = text.replace(english, translated)
    return _dates(text, lang)


def with_notice(part: SheetPart, notice: str) -> SheetPart:
    """``part`` with ``notice`` (the page's language line) at the top of its first page."""
    if not notice:
        return part
    return dataclasses.replace(
        part, html=part.html.replace("<body>", f"<body><p class='small'>{e(notice)}</p>", 1)
    )


def part_in_language(part: SheetPart, lang: str) -> SheetPart:
    """``part`` (composed in English words) with its own words and footer in ``lang``."""
    if lang == ENGLISH:
        return dataclasses.replace(part, lang=ENGLISH)
    return dataclasses.replace(
        part, html=translate(part.html, lang), footer=_footer(part.footer, lang), lang=lang
    )


def in_language(sheet: Sheet, lang: str) -> Sheet:
    """``sheet`` with its own words in ``lang``: every part's HTML and footer, and the
    title of a pack."""
    parts = tuple(part_in_language(p, lang) for p in sheet.parts)
    return dataclasses.replace(sheet, parts=parts, title=pack_title(sheet.title, lang), lang=lang)


def pack_title(title: str, lang: str) -> str:
    """A pack's title in ``lang`` (only the default "Handout pack" is translated)."""
    return PACK_TITLES.get(lang, title) if title == "Handout pack" else title


def shipped_characters(root: Path) -> str:
    """Every character BreastEdu may print in Chinese, from the source checkout at ``root``:
    the translations (``data/i18n``), the interface translations (``resources/translations``,
    when there are any), the drawings' words (``resources/illustrations/i18n``), the sheet's own
    words, core's (``core.catalogue``: the pages' frame, the notebook's and the visit sheet's),
    digits, ASCII and punctuation."""
    texts = [chr(c) for c in range(0x20, 0x7F)]
    texts.append("，。、；：？！「」『』（）《》〈〉…—–・·％／＋－＝～　")
    folders = (
        (root / "data" / "i18n", "*"),
        (root / "resources" / "translations", "*.ts"),
        (root / "resources" / "illustrations" / "i18n", "*.toml"),  # the drawings' words
    )
    for folder, pattern in folders:
        if folder.is_dir():
            texts += [
                p.read_text("utf-8")
                for p in sorted(folder.rglob(pattern))
                if p.suffix in (".md", ".toml", ".ts") and p.name != "REVIEW.md"
            ]
    for lang, pairs in (*FRAGMENTS.items(), *FOOTER_WORDS.items()):
        texts += [t for _e, t in pairs] + [FONT_FAMILIES.get(lang, "")]
    texts += [
        *DISCLAIMERS.values(),
        *(w for n in (*NOTICES.values(), *WARNING_WORDS.values()) for w in n.values()),
        *CORE_WORDS.values(),  # core's own words (core.catalogue): pages' frame, notebook, visit sheet
    ]
    texts += [h for names in GUIDE_SECTIONS.values() for h in names]
    texts += [
        "年月日醫師回覆全部主題",
        *PACK_TITLES.values(),
        *CONTENTS_TITLE.values(),
        *PAGE_LABELS.values(),
        *BLANK_PAGE.values(),
        *(w for pair in LINK_WORDS.values() for w in pair),
        *PICTURE_WORDS.values(),
    ]
    texts += [t for pairs in CONTENTS_WORDS.values() for _p, t in pairs]
    # (U+FFFD, the mark of a damaged character in an import notice, is in no CJK font.)
    return "".join(sorted(set("".join(texts)) - set("\n\r\t\ufffd")))


# Bilingual sheets ----------------------------------------------------------------------------

_PICTURE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$", re.MULTILINE)


def bilingual_text(translated: str, english: str) -> str:
    """Markdown with each section in the translation, then in English under a ``###`` heading
    of its English name (sections paired by ``languages.section_key``; pictures once)."""
    from breastedu.core.render.sheets import split_sections  # sheets imports this module

    others = {section_key(h): (h, t) for h, t in split_sections(english)}
    out = []
    for heading, text in split_sections(translated):
        name, other = others.pop(section_key(heading), ("", ""))
        other = _PICTURE.sub("", other).strip()
        both = text.strip() + (
            f"\n\n### {name}\n\n{other}" if name and other else f"\n\n{other}" if other else ""
        )
        out.append(f"## {heading}\n\n{both}" if heading else both)
    return "\n\n".join(out) + "\n"


def _both(translated: str, english: str) -> str:
    return translated if translated == english else f"{translated} · {english}"


def bilingual_topic(translated: TopicPage, english: TopicPage) -> TopicPage:
    """A topic page with its guide in both languages, section by section (a nurse reads it
    with the patient). As ``translated`` when it has no translated guide."""
    guide, other = translated.guide, english.guide
    if guide is None or other is None or translated.language is None or translated.language.lang == ENGLISH:
        return translated
    topic = dataclasses.replace(
        translated.topic,
        title=_both(translated.topic.title, english.topic.title),
        summary=f"{translated.topic.summary} {english.topic.summary}",
    )
    both = dataclasses.replace(guide, body_md=bilingual_text(guide.body_md, other.body_md))
    return dataclasses.replace(translated, topic=topic, guide=both)


def bilingual_question(translated: QuestionPage, english: QuestionPage) -> QuestionPage:
    """An editors' answer in both languages (short answer and text); as ``translated`` when
    it is not translated."""
    answer, other = translated.answer, english.answer
    if answer is None or other is None or translated.language is None or translated.language.lang == ENGLISH:
        return translated
    both = dataclasses.replace(
        answer,
        short_answer=f"{answer.short_answer}\n{other.short_answer}",
        body_md=bilingual_text(answer.body_md, other.body_md),
    )
    return dataclasses.replace(translated, title=_both(translated.title, english.title), answer=both)
