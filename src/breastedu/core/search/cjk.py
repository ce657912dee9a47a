"""Chinese in search: one form for every way a word may be typed, and Chinese synonyms.

- :func:`fold_run` turns a run of Chinese characters into Traditional Chinese as written in
  Taiwan, with OpenCC's ``s2twp`` converter (a kept library, not a hand table): Simplified
  becomes Traditional (钙化 -> 鈣化), variant forms become the Taiwan standard ones
  (台/臺 -> 臺, 裏 -> 裡, 着 -> 著, 爲 -> 為) and mainland words become Taiwan ones
  (超声波 -> 超音波). :mod:`breastedu.core.search.text` applies it to every CJK run at
  index and at query time, so the two always agree, and a highlight still finds the word in
  the page's own (Traditional) text.
- :class:`CjkSynonyms` reads the Chinese entries of the synonym groups (data/synonyms.toml):
  a page is indexed under a group's concept term once per Chinese entry it contains, and a
  query run is cut into the entries it contains (longest first) and the pairs between them,
  so "硬塊" also finds "腫塊", and "大脖子" finds "甲狀腺腫".

OpenCC takes some 85 ms and 44 MiB to load, so it loads with the first run that needs it. The
index build keeps the folded form of every Chinese run of the synonym entries in the index
folder (:data:`FOLDS`, :func:`write_folds`), and opening the index reads them back
(:func:`read_folds`): an English query whose synonym group has Chinese entries (highlighting
folds every entry of the group) then needs no OpenCC, and the folds are those the index was
built with.

Chinese has no spaces, so the index holds every character and every pair of a run
(:func:`breastedu.core.search.text.cjk_terms`): a query of one or two characters is one
term, a longer one the pairs it is made of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: OpenCC configuration: Simplified to Traditional, Taiwan standard forms and Taiwan words.
CONVERSION = "s2twp.json"
#: The file of the index folder that keeps folded runs: one "run<TAB>folded run" a line.
FOLDS = "cjk-folds.txt"
_known: dict[str, str] = {}  # run -> folded run, read from an index folder


@cache
def _converter() -> Any:
    import opencc  # imported on the first Chinese text, not at start-up

    return opencc.OpenCC(CONVERSION)


def _convert(run: str) -> str:
    out = str(_converter().convert(run))
    # A conversion that changed the length (never seen for s2twp) would shift every
    # highlight offset: keep the run as typed instead.
    return out if len(out) == len(run) else run


@lru_cache(maxsize=4096)
def _fold_short(run: str) -> str:
    return _convert(run)


def fold_run(run: str) -> str:
    """``run`` (CJK characters only) in Taiwan Traditional form (see the module docstring).
    Runs without a Han character (Japanese kana, Hangul) are left as they are."""
    if not _HAN.search(run):
        return run
    known = _known.get(run)
    if known is not None:
        return known
    return _fold_short(run) if len(run) <= 16 else _convert(run)


def write_folds(folder: Path, runs: Iterable[str]) -> None:
    """Keep the folded form of each of ``runs`` in the index ``folder`` (see :data:`FOLDS`)."""
    lines = sorted({f"{run}\t{fold_run(run)}\n" for run in runs if _HAN.search(run)})
    (folder / FOLDS).write_text("".join(lines), encoding="utf-8")


def read_folds(folder: Path) -> None:
    """Remember the folded runs kept in the index ``folder`` (none when it keeps none)."""
    try:
        kept = (folder / FOLDS).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    for line in kept.splitlines():
        run, tab, folded = line.partition("\t")
        if tab and len(folded) == len(run):
            _known[run] = folded


@dataclass(frozen=True)
class Piece:
    """A part of a Chinese query run: a synonym entry (``concept`` set) or the text between."""

    text: str
    concept: str | None


@dataclass(frozen=True)
class CjkSynonyms:
    """The Chinese entries of the synonym groups: entry (folded) -> concept term."""

    entries: Mapping[str, str]
    longest: int

    @classmethod
    def of(cls, groups: Mapping[str, tuple[str, ...]]) -> CjkSynonyms:
        """From concept -> entries (``Synonyms.entries``); the first group of an entry wins."""
        found: dict[str, str] = {}
        for concept, entries in groups.items():
            for entry in entries:
                if entry and all(_HAN.match(c) for c in entry):
                    found.setdefault(fold_run(entry), concept)
        return cls(found, max(map(len, found), default=0))

    def concepts(self, run: str) -> list[str]:
        """One concept term per occurrence of an entry in the folded ``run`` (indexing)."""
        out: list[str] = []
        if self.longest:
            for entry, concept in self.entries.items():
                if entry[0] in run:
                    out += [concept] * run.count(entry)
        return out

    def pieces(self, run: str) -> list[Piece]:
        """The folded query ``run`` cut into its entries (longest match, left to right) and
        the text between them."""
        out: list[Piece] = []
        plain = ""
        i = 0
        while i < len(run):
            for n in range(min(self.longest, len(run) - i), 1, -1):
                concept = self.entries.get(run[i : i + n])
                if concept:
                    if plain:
                        out.append(Piece(plain, None))
                        plain = ""
                    out.append(Piece(run[i : i + n], concept))
                    i += n
                    break
            else:
                plain += run[i]
                i += 1
        if plain:
            out.append(Piece(plain, None))
        return out


def pairs(text: str) -> list[str]:
    """The query terms of Chinese text between entries: itself up to two characters, else
    its overlapping pairs (the index holds every pair)."""
    return [text] if len(text) <= 2 else [text[i : i + 2] for i in range(len(text) - 1)]
