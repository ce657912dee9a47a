"""The languages pages can be shown in, and the words each page and guide carries about its
language (light: the command line imports it at start-up, before the library loads)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from breastedu.core.catalogue import CHINESE, ENGLISH
from breastedu.core.errors import InputError

if TYPE_CHECKING:  # the command line imports this module at start-up: no content package yet
    from breastedu.core.content.dto import PageLanguage

#: The first is the one every page is written in; the others are translations (content.i18n).
LANGUAGES: tuple[str, ...] = (ENGLISH, CHINESE)


def check_language(lang: str) -> str:
    """``lang`` if pages can be shown in it, else :class:`InputError` naming the choices."""
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})", where="--lang")
    return lang


#: The one line a page shows about its language (see :class:`~breastedu.core.content.dto.PageLanguage`).
NOTICES: dict[str, dict[str, str]] = {
    CHINESE: {
        "untranslated": "這一頁還沒有中文版，以下是英文原文。",
        "translated": "中文版，譯自英文版（版本代號 {version}）。",
        "stale": "中文版，譯自英文版（版本代號 {version}）；英文版之後已更新，內容以英文版為準。",
    },
}


def notice(language: PageLanguage) -> str:
    """The one line that says what language a page is in and which English it follows ("" for
    a page shown in English because English was asked for)."""
    words = NOTICES.get(language.wanted)
    if words is None:
        return ""
    if language.lang != language.wanted:
        return words["untranslated"]
    return words["stale" if language.stale else "translated"].format(version=language.follows)


#: The words around a topic's warning signs (``data/redflags``) in each translation: the bold
#: lead-in of each level (English: ``content.redflags.LEAD_INS``), the box title and the line
#: that names the sources (the sources themselves stay in English).
WARNING_WORDS: dict[str, dict[str, str]] = {
    CHINESE: {
        "emergency": "有下面情形時，**請馬上打緊急求救電話或去急診室**（不要自己開車）：",
        "same_day": "有下面情形時，**請當天打電話給醫師**：",
        "soon": "有下面情形時，**請盡快打電話給您的醫師**：",
        "title": "警訊：{topic}",
        "from": "資料來源：",
    },
}


#: The guide sections in Chinese, in the English order (``guides.REQUIRED_SECTIONS``).
GUIDE_SECTIONS: dict[str, tuple[str, ...]] = {
    CHINESE: (
        "重點",
        "這是什麼",
        "怎麼發現、怎麼檢查",
        "檢查結果是什麼意思",
        "接下來通常會怎樣",
        "您可以做什麼",
        "什麼時候要找醫師",
        "可以問醫師的問題",
        "資料來源",
    ),
}
#: The closing paragraph of every translated guide (``guides.DISCLAIMER`` in that language).
DISCLAIMERS: dict[str, str] = {
    CHINESE: (
        "本指南是一般衛教資訊，不是醫療建議。它不能告訴您，您自己的檢查結果是什麼意思。"
        "您自己的健康問題，請和您的醫師或護理師討論。緊急時，請撥打當地的緊急求救電話。"
    ),
}


def section_key(heading: str) -> str:
    """The English name of a guide section heading in any language (itself when unknown), so
    that code finding "Key points" or "Sources" finds their translations too."""
    from breastedu.core.content.guides import REQUIRED_SECTIONS  # not at start-up

    for names in GUIDE_SECTIONS.values():
        if heading in names:
            return REQUIRED_SECTIONS[names.index(heading)]
    return heading
