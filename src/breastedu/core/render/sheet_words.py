"""What a sheet in another language needs besides its words: the Chinese font (shipped for
machines without one) and every character it may print (for that font's subset), the line
that says which English version a page follows, the bilingual pages, and the words the
painter writes on a blank back page.

The sheet composer (:mod:`breastedu.core.render.sheets`) writes its own words in the sheet's
language as it composes, with :func:`~breastedu.core.catalogue.say` (their Chinese is in
``core.catalogue_zh``, with the screen's); the pages themselves come translated from
``content.i18n``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from breastedu.core.catalogue import say
from breastedu.core.content.dto import QuestionPage, TopicPage
from breastedu.core.dates import long_date
from breastedu.core.languages import (
    CHINESE,
    DISCLAIMERS,
    ENGLISH,
    GUIDE_SECTIONS,
    LANGUAGES,
    NOTICES,
    WARNING_WORDS,
    section_key,
)
from breastedu.core.render.drawings import PICTURE_WORDS
from breastedu.core.render.html import e

if TYPE_CHECKING:
    from breastedu.core.render.sheets import SheetPart

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

_BLANK = "This page is left blank for double-sided printing."
#: What a blank back page of a pack says (``SheetOptions.new_leaf``), per language.
BLANK_PAGE: dict[str, str] = {lang: say(lang, _BLANK) for lang in LANGUAGES}


def with_notice(part: SheetPart, notice: str) -> SheetPart:
    """``part`` with ``notice`` (the page's language line) at the top of its first page."""
    if not notice:
        return part
    return dataclasses.replace(
        part, html=part.html.replace("<body>", f"<body><p class='small'>{e(notice)}</p>", 1)
    )


def shipped_characters(root: Path) -> str:
    """Every character BreastEdu may print in Chinese, from the source checkout at ``root``:
    the translations (``data/i18n``), the interface translations (``resources/translations``,
    when there are any), the drawings' words (``resources/illustrations/i18n``), core's words
    (``core.catalogue``: the pages' frame, the sheets', the notebook's and the visit sheet's),
    dates, digits, ASCII and punctuation."""
    from breastedu.core.catalogue_zh import WORDS as CORE_WORDS  # (the font tool's question only)

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
    texts += [
        *DISCLAIMERS.values(),
        *(w for n in (*NOTICES.values(), *WARNING_WORDS.values()) for w in n.values()),
        *CORE_WORDS.values(),  # core's own words (core.catalogue): pages' frame, sheets, notebook
        *FONT_FAMILIES.values(),
        *PICTURE_WORDS.values(),
        long_date(dt.date(2026, 12, 7), CHINESE),  # a date's 年月日
    ]
    texts += [h for names in GUIDE_SECTIONS.values() for h in names]
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
