"""The app's own words in each language, Qt-free: what core writes around the content (the
frame of every page, the app's own pages, the notebook's sentences; dates: ``core.dates``).

Qt's ``translate()`` serves the window; core cannot use it, so core marks its words with
:func:`say`, whose key is the English text itself (as a ``.ts`` file's source): when the
English changes, its translation no longer matches, the page shows the new English until it
is translated again, and ``tests/core/test_catalogue.py`` (which finds every ``say`` call in
the source, as ``pyside6-lupdate`` finds ``translate``) fails on the missing translation.
The translations themselves are in :mod:`breastedu.core.catalogue_zh`.

A sentence core writes *before* it knows the reader's language (a notice from opening her
notebook, an error's message) is a :class:`Said`: the English text as a ``str`` (what the CLI
prints and the logs keep), carrying its template and fields so the window can say it again in
its own language with ``Said.text(lang)`` (or :func:`in_language` for any text). One piece of
code writes each sentence; its Chinese is an entry of the catalogue like every other.

Light: imports nothing of BreastEdu, so the library and the notebook both use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

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
    if not fields:
        return text
    return text.format(**{name: _in(value, lang) for name, value in fields.items()})


def say_count(lang: str, count: int, one: str, many: str, **fields: object) -> str:
    """``one`` or ``many`` (each with ``{n}``, and ``fields``) in ``lang``, for ``count``:
    "1 topic", "2 topics"."""
    return say(lang, one if count == 1 else many, n=f"{count:,}", **fields)


class Said(str):
    """A sentence of core's in English (this ``str``), ready to be said again in another language.

    ``Said("the disk is full")``; ``Said("cannot use {name} ({reason})", name=..., reason=...)``
    where a field may itself be a :class:`Said` (said in the same language). The test of the
    catalogue finds every ``Said("...")`` as it finds ``say(lang, "...")``, so each template has
    its Chinese. Frozen: it is a value, like the ``str`` it is.
    """

    template: str
    fields: Mapping[str, object]

    def __new__(cls, template: str, **fields: object) -> Said:
        self = super().__new__(cls, say(ENGLISH, template, **fields))
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "fields", MappingProxyType(dict(fields)))
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Said is frozen (cannot set {name})")

    def __reduce__(self) -> tuple[Any, ...]:  # pickle and copy keep the template and fields
        return (_said, (self.template, dict(self.fields)))

    def text(self, lang: str) -> str:
        """This sentence in ``lang`` (English where it has no translation)."""
        return say(lang, self.template, **self.fields)


def _in(value: object, lang: str) -> object:
    return value.text(lang) if isinstance(value, Said) else value


def _said(template: str, fields: dict[str, object]) -> Said:
    return Said(template, **fields)


def in_language(text: object, lang: str) -> str:
    """``text`` in ``lang`` when it is a :class:`Said`, else as it is (a name, a number, a path)."""
    return text.text(lang) if isinstance(text, Said) else str(text)


def said_count(count: int, one: str, many: str, **fields: object) -> Said:
    """:class:`Said` ``one`` or ``many`` for ``count`` (each may use ``{n}``), as :func:`say_count`."""
    return Said(one if count == 1 else many, n=f"{count:,}", **fields)


def said_list(items: Iterable[str]) -> str:
    """``items`` as one list in a sentence: "a", "a and b", "a, b and c" (each language its way);
    ``""`` for none."""
    *head, last = [*items] or [""]
    if not head:
        return last
    body = head[0]
    for item in head[1:]:
        body = Said("{items}, {item}", items=body, item=item)
    return Said("{items} and {last}", items=body, last=last)


def said_together(sentences: Iterable[str | None]) -> str | None:
    """Whole sentences one after the other (None, or ``""``, left out); None when there are none."""
    text: str | None = None
    for sentence in sentences:
        if sentence:
            text = sentence if text is None else Said("{first} {then}", first=text, then=sentence)
    return text
