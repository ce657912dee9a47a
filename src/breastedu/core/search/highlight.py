"""The one highlighter: what a query marks, found the same way in snippets, result titles
and an opened page. Words match as word prefixes in any case ("calc" marks
"Calcifications"), synonym phrases as consecutive words, CJK strings anywhere."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from breastedu.core.search.text import fold, is_cjk, words

SNIPPET_CHARS = 180
SNIPPET_SCAN = 3000  # a hit deeper in a long text shows the text's start instead

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Marker:
    """What to highlight, built once per query from the words and phrases it matched."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    cjk: tuple[str, ...]
    firsts: tuple[str, ...]  # first word of each, to locate the snippet window
    by_first: dict[str, tuple[tuple[str, ...], ...]]  # phrases by their first word

    @classmethod
    def of(cls, marks: Sequence[str]) -> Marker:
        """The marker for ``marks`` (words and phrases as typed or listed)."""
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
        by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
        for p in sorted(phrases):
            by_first[p[0]] = (*by_first.get(p[0], ()), p)
        return cls(
            tuple(sorted(single)), tuple(sorted(phrases)), tuple(sorted(cjk)), tuple(sorted(firsts)), by_first
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) offsets of the matches in ``text``, in order."""
        found: list[tuple[int, int]] = []
        if text.isascii():  # the usual case: lower-case once, not word by word
            tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text.lower())]
        else:
            tokens = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]
        for i, (a, b, w) in enumerate(tokens):
            for phrase in self.by_first.get(w, ()):
                n = len(phrase)
                if (
                    i + n <= len(tokens)
                    and all(tokens[i + k][2] == phrase[k] for k in range(1, n - 1))
                    and tokens[i + n - 1][2].startswith(phrase[-1])
                ):
                    found.append((a, tokens[i + n - 1][1]))
                    break
            else:
                if self.words and w.startswith(self.words):
                    found.append((a, b))
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
        out, at = [], 0
        for a, b in self.spans(text):
            out += [html.escape(text[at:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
            at = b
        out.append(html.escape(text[at:]))
        return "".join(out)


def snippet(body: str, marker: Marker) -> str:
    """About ``SNIPPET_CHARS`` of ``body`` around its first match (within the first
    ``SNIPPET_SCAN`` characters), HTML-escaped, with ``<mark>`` around every match.

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
    return ("…" if start > 0 else "") + marker.mark(window) + ("…" if end < len(body) else "")


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
