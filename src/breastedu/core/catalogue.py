"""The app's own words in each language, Qt-free: what core writes around the content (the
frame of every page, the app's own pages, the notebook's sentences; dates: ``core.dates``).

Qt's ``translate()`` serves the window; core cannot use it, so core marks its words with
:func:`say`, whose key is the English text itself (as a ``.ts`` file's source): when the
English changes, its translation no longer matches, the page shows the new English until it
is translated again, and ``tests/core/test_catalogue.py`` (which finds every ``say`` call in
the source, as ``pyside6-lupdate`` finds ``translate``) fails on the missing translation.
The translations themselves are in :mod:`breastedu.core.catalogue_zh`.

Light: imports nothing of BreastEdu, so the library and the notebook both use it.
"""

from __future__ import annotations

#: The language codes (``core.languages`` says what each language carries); here, so that the
#: notebook, which may not reach into the library, can say its words without importing it.
ENGLISH = "en"
CHINESE = "zh-TW"

#: English text -> its translation, per language (filled by the language's module).
WORDS: dict[str, dict[str, str]] = {}


def _words(lang: str) -> dict[str, str] | None:
    if lang == ENGLISH:
        return None
    if not WORDS:
        from breastedu.core import catalogue_zh  # the words, read only when first asked for

        WORDS[CHINESE] = catalogue_zh.WORDS
    return WORDS.get(lang)


def say(lang: str, english: str, **fields: object) -> str:
    """``english`` in ``lang`` (English where it has no translation), with ``fields`` filled in
    (``{name}`` in the text)."""
    table = _words(lang)
    text = english if table is None else table.get(english, english)
    return text.format(**fields) if fields else text


def say_count(lang: str, count: int, one: str, many: str, **fields: object) -> str:
    """``one`` or ``many`` (each with ``{n}``, and ``fields``) in ``lang``, for ``count``:
    "1 topic", "2 topics"."""
    return say(lang, one if count == 1 else many, n=f"{count:,}", **fields)
