"""The languages pages can be shown in (light: imported by the command line at start-up)."""

from __future__ import annotations

from breastedu.core.content.dto import PageLanguage
from breastedu.core.errors import InputError

ENGLISH = "en"
CHINESE = "zh-TW"
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
        "translated": "中文版，譯自英文版 {version}。",
        "stale": "中文版，譯自英文版 {version}；英文版之後已更新，內容以英文版為準。",
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
