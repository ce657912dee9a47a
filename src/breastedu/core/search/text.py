"""The words of a text, the same at index and query time: folding, a light plural stem,
CJK runs as single characters and pairs, stopwords, Markdown to plain text. Pure
functions, no I/O."""

from __future__ import annotations

import html
import re
import unicodedata

from breastedu.core.search.cjk import fold_run

_STOP_TEXT = (
    "a about am an and any are as at be been but by can could did do does for from had has "
    "have how i if in into is it its me my no not of on or our should so that the their them "
    "then there these they this to was we were what when where which who why will with would "
    "you your"
)
STOPWORDS = frozenset(_STOP_TEXT.split(" "))

_WORD = re.compile(r"[^\W_]+")
_ASCII_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_MARKS = re.compile("[\u0300-\u036f]")
# No "[" inside the brackets: each attempt stops at the next "[", so a run of 64k "[" is linear.
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|#!])")
_SET_ASIDE = 0xE000  # private-use code points stand for escaped characters while stripping
_RESTORE = {_SET_ASIDE + ord(c): c for c in "\\`*_[]<>|#!"}
_MD_SYNTAX = "#*_>`|"
_MD_SYNTAX_CHARS = str.maketrans("", "", _MD_SYNTAX)
_MD_LIST = re.compile(r"^[ \t]*[-+][ \t]+", re.MULTILINE)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics (résumé -> resume); fast path for ASCII."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


def is_cjk(word: str) -> bool:
    """True when ``word`` starts with a Chinese, Japanese or Korean character."""
    return bool(_CJK_RUN.match(word))


def has_cjk(text: str) -> bool:
    """True when folded ``text`` holds a Chinese, Japanese or Korean character anywhere."""
    return not text.isascii() and _CJK_RUN.search(text) is not None


def stem(word: str) -> str:
    """A light English plural folding, the same at build and query time (cysts -> cyst)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word[-1] == "s" and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded words of ``text``; a run of CJK characters is one word (split later), in
    Taiwan Traditional form (:func:`breastedu.core.search.cjk.fold_run`: 钙化 -> 鈣化)."""
    folded = fold(text)
    if folded.isascii():  # the usual case: separators to spaces and split, both in C
        return folded.translate(_ASCII_SEPARATORS).split()
    found = _WORD.findall(folded)
    out: list[str] = []
    for w in found:
        if w.isascii():
            out.append(w)
            continue
        pos = 0
        for m in _CJK_RUN.finditer(w):
            if m.start() > pos:
                out.append(w[pos : m.start()])
            out.append(fold_run(m.group()))
            pos = m.end()
        if pos < len(w):
            out.append(w[pos:])
    return out


def cjk_runs(text: str) -> list[str]:
    """The runs of CJK characters of ``text`` as :func:`words` finds them, before folding."""
    return [m.group() for w in _WORD.findall(fold(text)) if not w.isascii() for m in _CJK_RUN.finditer(w)]


def cjk_terms(run: str) -> list[str]:
    """Index terms of a CJK run: every character and every pair (1-2 character queries)."""
    return [*run, *(run[i : i + 2] for i in range(len(run) - 1))]


def terms_of(text: str) -> list[str]:
    """The index terms of ``text`` in order: stemmed words, and CJK characters and pairs."""
    out: list[str] = []
    for w in words(text):
        if is_cjk(w):
            out.extend(cjk_terms(w))
        else:
            out.append(stem(w))
    return out


def _has(text: str, pair: str) -> bool:
    """``pair in text``, at once when its first character is absent (looking for one
    character runs at memory-scan speed, for two several times slower)."""
    return pair[0] in text and pair in text


def split_captions(markdown: str) -> tuple[str, str]:
    """(readable text, picture captions) of Markdown: links keep their text, pictures give
    their alt text to the second part only (it weighs little in search, shows in no snippet)."""
    # Imported text is escaped Markdown (pagefmt.escape_text): an escaped character is text, so
    # it is set aside from the syntax stripping and shown as typed.
    escaped = "\\" in markdown
    if escaped:
        markdown = _MD_ESCAPE.sub(lambda m: chr(_SET_ASIDE + ord(m.group(1))), markdown)
    captions = ""
    if _has(markdown, "]("):
        captions = "\n".join(m.group(1) for m in _MD_IMAGE.finditer(markdown))
        markdown = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", markdown))
    text = markdown
    if any(c in text for c in _MD_SYNTAX):
        text = text.translate(_MD_SYNTAX_CHARS)  # C-speed; a regex here was most of a search
    if _has(text, "- ") or _has(text, "+ "):
        text = _MD_LIST.sub("", text)
    if escaped:
        text, captions = text.translate(_RESTORE), captions.translate(_RESTORE)
    return html.unescape(text), html.unescape(captions)


def index_text(markdown: str) -> tuple[str, str]:
    """(text, picture captions) of Markdown for indexing: like :func:`split_captions` but
    leaves Markdown punctuation in place (the tokenizer skips it anyway), which is cheaper."""
    if not _has(markdown, "]("):
        return markdown, ""
    captions = "\n".join(m.group(1) for m in _MD_IMAGE.finditer(markdown))
    return _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", markdown)), captions


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable text for snippets (links keep their text, no pictures)."""
    return split_captions(markdown)[0]
