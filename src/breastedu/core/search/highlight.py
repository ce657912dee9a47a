"""The one highlighter: what a query marks, found the same way in snippets, result titles
and an opened page. Words match as word prefixes in any case ("calc" marks
"Calcifications"), synonym phrases as consecutive words, CJK strings anywhere."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from breastedu.core.search.text import fold, is_cjk, words

SNIPPET_CHARS = 180
SNIPPET_SCAN = 3000  # a hit deeper in a long text shows the text's start instead

_TOKEN = re.compile(r"[^\W_]+")
_WORD_START = r"(?<![^\W_])"  # not inside a word
_GAP = r"[\W_]+"  # what separates two words
_REST = r"[^\W_]*"  # the rest of a word


def _pattern(single: set[str], phrases: set[tuple[str, ...]]) -> re.Pattern[str] | None:
    """One regular expression for every word and phrase, over folded text: a phrase is its
    words in a row (the last one begun), a word any word it begins, a number itself only.
    Phrases come first, so that where both start, the phrase is marked."""
    alternatives = [_GAP.join(map(re.escape, p)) + _REST for p in sorted(phrases)]
    numbers = sorted(w for w in single if w.isdigit())
    begun = sorted(w for w in single if not w.isdigit())
    if begun:
        alternatives.append(f"(?:{'|'.join(map(re.escape, begun))}){_REST}")
    if numbers:  # a number marks only itself: "4" never marks "40"
        alternatives.append(f"(?:{'|'.join(numbers)})(?![^\\W_])")
    return re.compile(f"{_WORD_START}(?:{'|'.join(alternatives)})") if alternatives else None


@dataclass(frozen=True)
class Marker:
    """What to highlight, built once per query from the words and phrases it matched."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    cjk: tuple[str, ...]
    firsts: tuple[str, ...]  # first word of each, to locate the snippet window
    pattern: re.Pattern[str] | None  # finds the words and phrases (see _pattern)

    @classmethod
    def of(cls, marks: Sequence[str]) -> Marker:
        """The marker for ``marks`` (words and phrases as typed or listed); the same marks
        get the same (immutable) marker, made once while it is among the latest few hundred."""
        return _marker(tuple(marks))

    @classmethod
    def _make(cls, marks: tuple[str, ...]) -> Marker:
        single, phrases, cjk = set(), set(), set()
        for m in marks:
            ws = words(m)
            if not ws:
                continue
            if is_cjk(ws[0]):
                cjk.add("".join(ws))
            elif len(ws) == 1:
                single.add(ws[0])
            else:
                phrases.add(tuple(ws))
        firsts = single | {p[0] for p in phrases} | cjk
        return cls(
            tuple(sorted(single)),
            tuple(sorted(phrases)),
            tuple(sorted(cjk)),
            tuple(sorted(firsts)),
            _pattern(single, phrases),
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) offsets of the matches in ``text``, in order."""
        found: list[tuple[int, int]] = []
        if self.pattern is not None:
            if text.isascii():  # the usual case: lower-case keeps every offset
                found = [m.span() for m in self.pattern.finditer(text.lower())]
            else:
                found = _folded_spans(self.pattern, text)
        if not self.cjk:
            return found
        for c in self.cjk:
            at = text.find(c)
            while at >= 0:
                found.append((at, at + len(c)))
                at = text.find(c, at + len(c))
        out: list[tuple[int, int]] = []
        for a, b in sorted(found):
            if not out or a >= out[-1][1]:
                out.append((a, b))
        return out

    def mark(self, text: str) -> str:
        """``text`` HTML-escaped, with ``<mark>...</mark>`` around every match."""
        return marked_html(text, self.spans(text))


@lru_cache(maxsize=512)
def _marker(marks: tuple[str, ...]) -> Marker:
    return Marker._make(marks)


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` HTML-escaped, with ``<mark>...</mark>`` around each (start, end) of ``spans``."""
    out, at = [], 0
    for a, b in spans:
        out += [html.escape(text[at:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        at = b
    out.append(html.escape(text[at:]))
    return "".join(out)


def _folded_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Matches of ``pattern`` in text that folding may lengthen or shorten (résumé, ß): the
    words are folded one by one, joined by spaces, and each match is mapped back to the
    words of ``text`` it covers."""
    starts: list[int] = []  # where each word begins in the folded text
    bounds: list[tuple[int, int]] = []  # and where it is in ``text``
    parts: list[str] = []
    at = 0
    for m in _TOKEN.finditer(text):
        word = fold(m.group())
        starts.append(at)
        bounds.append(m.span())
        parts.append(word)
        at += len(word) + 1
    found = []
    for m in pattern.finditer(" ".join(parts)):
        first = bisect.bisect_right(starts, m.start()) - 1
        last = bisect.bisect_right(starts, m.end() - 1) - 1
        found.append((bounds[first][0], bounds[last][1]))
    return found


def snippet(body: str, marker: Marker) -> str:
    """:func:`snippet_parts` as HTML: escaped, with ``<mark>`` around every match."""
    return marked_html(*snippet_parts(body, marker))


def snippet_parts(body: str, marker: Marker) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About ``SNIPPET_CHARS`` of ``body`` around its first match (within the first
    ``SNIPPET_SCAN`` characters), as plain text ("…" where it is cut), and the (start, end)
    offsets of every match in it.

    The window is found with ``str.find`` of each mark's first word, a few times over to
    land on a word start; only the window is tokenized and marked."""
    lower = body[:SNIPPET_SCAN].lower()
    pos = len(lower)
    for word in marker.firsts:
        at = lower.find(word, 0, pos)
        for _ in range(4):
            if at <= 0 or not lower[at - 1].isalnum() or is_cjk(word):
                break
            at = lower.find(word, at + 1, pos)
        if 0 <= at < pos:
            pos = at
    pos = 0 if pos == len(lower) else pos
    start = 0 if pos < 60 else body.find(" ", pos - 60) + 1
    end = min(len(body), start + SNIPPET_CHARS)
    if end < len(body):
        cut = body.rfind(" ", start, end)
        end = cut if cut > start else end
    window = " ".join(body[start:end].split())
    lead = "…" if start > 0 else ""
    spans = tuple((a + len(lead), b + len(lead)) for a, b in marker.spans(window))
    return lead + window + ("…" if end < len(body) else ""), spans


_MARK_TAG = re.compile(r"(</?mark>)")


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The plain text of escaped HTML with ``<mark>`` tags (what :meth:`Marker.mark` and
    :func:`snippet` make) and the (start, end) offsets of its marked parts."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos, start = 0, None
    for piece in _MARK_TAG.split(marked):
        if piece == "<mark>":
            start = pos
        elif piece == "</mark>":
            if start is not None and pos > start:
                spans.append((start, pos))
            start = None
        elif piece:
            text = html.unescape(piece)
            parts.append(text)
            pos += len(text)
    return "".join(parts), tuple(spans)
