"""Lay <-> medical synonym groups (data/synonyms.toml, stored in the content DB's
``synonym_group`` table). Each group is a *concept* term ``~<id>``: a document is indexed
under the concept of every entry it contains, and a query word or phrase that is an entry
looks the concept up, so "armpit" finds "axillary" and back.

The Chinese entries are read as they are and turned into terms on first use (a Chinese query,
or indexing Chinese text): their terms are folded with OpenCC (:func:`breastedu.core.search.
cjk.fold_run`), which takes some 85 ms and 44 MiB to load, and the English start-up path
never needs it. A Chinese entry's terms always hold a Chinese term, so English text and
queries never match one, and leaving them out of :attr:`Synonyms.phrases` changes nothing
for them."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Connection, text

from breastedu.core.errors import InputError
from breastedu.core.search.cjk import CjkSynonyms
from breastedu.core.search.text import STOPWORDS, fold, has_cjk, terms_of

CONCEPT = "~"  # concept terms are "~<group id>"; the tokenizer never yields "~"


def load_synonyms(path: Path) -> list[list[str]]:
    """Read the synonym groups of ``path`` (see data/synonyms.toml); InputError if malformed."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the synonym list ({exc})", where=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML ({exc})", where=str(path)) from None
    groups = data.get("group", [])
    if not isinstance(groups, list):
        raise InputError("'group' must be a list of [[group]] tables", where=str(path))
    out: list[list[str]] = []
    for n, group in enumerate(groups, 1):
        entries = group.get("words") if isinstance(group, dict) else None
        if (
            not isinstance(entries, list)
            or len(entries) < 2
            or not all(isinstance(w, str) and w.strip() for w in entries)
        ):
            raise InputError("'words' must list at least two words or phrases", where=f"{path}: group {n}")
        out.append([w.strip() for w in entries])
    return out


def store_synonyms(conn: Connection, path: Path) -> None:
    """Replace the ``synonym_group`` rows with the groups of ``path``."""
    groups = load_synonyms(path)
    conn.execute(text("DELETE FROM synonym_group"))
    if groups:
        conn.execute(
            text("INSERT INTO synonym_group (id, words) VALUES (:id, :words)"),
            [{"id": n, "words": "\n".join(g)} for n, g in enumerate(groups, 1)],
        )


class _Parts(NamedTuple):
    """The entries of one word (word -> concept), and of two or more: (words, " phrase ",
    concept), each in sorted order."""

    single: dict[str, str]
    multi: tuple[tuple[frozenset[str], str, str], ...]

    @classmethod
    def of(cls, phrases: dict[tuple[str, ...], str]) -> _Parts:
        found = sorted(phrases.items())
        return cls(
            {k[0]: c for k, c in found if len(k) == 1},
            tuple((frozenset(k), f" {' '.join(k)} ", c) for k, c in found if len(k) > 1),
        )


@dataclass(frozen=True)
class Synonyms:
    """Entry term sequences -> concept term, and each concept's entries (for highlighting).

    ``phrases`` holds the entries without Chinese (CJK) text; ``chinese`` the others as
    (entry, concept), in group order, turned into terms only when text with Chinese needs
    them (see the module docstring)."""

    phrases: dict[tuple[str, ...], str]
    entries: dict[str, tuple[str, ...]]
    chinese: tuple[tuple[str, str], ...] = ()

    @classmethod
    def read(cls, conn: Connection) -> Synonyms:
        """The groups stored in the content DB (the first group of an entry wins)."""
        phrases: dict[tuple[str, ...], str] = {}
        entries: dict[str, tuple[str, ...]] = {}
        chinese: list[tuple[str, str]] = []
        for gid, blob in conn.execute(text("SELECT id, words FROM synonym_group ORDER BY id")):
            concept = f"{CONCEPT}{gid}"
            lines = tuple(w.strip().lower() for w in str(blob).splitlines() if w.strip())
            entries[concept] = lines
            for entry in lines:
                if has_cjk(fold(entry)):  # its terms need OpenCC: worked out on first use
                    chinese.append((entry, concept))
                    continue
                key = tuple(terms_of(entry))
                if key:
                    phrases.setdefault(key, concept)
        return cls(phrases, entries, tuple(chinese))

    @cached_property
    def every_phrase(self) -> dict[tuple[str, ...], str]:
        """``phrases`` and the Chinese entries' term sequences (loads OpenCC). The two never
        share a key: a Chinese entry's terms hold a Chinese term, the others' none."""
        found = dict(self.phrases)
        for entry, concept in self.chinese:
            key = tuple(terms_of(entry))
            if key:
                found.setdefault(key, concept)
        return found

    @cached_property
    def cjk(self) -> CjkSynonyms:
        """The Chinese entries, for indexing and cutting Chinese text (no spaces to split on)."""
        return CjkSynonyms.of(self.entries)

    @cached_property
    def max_len(self) -> int:
        """Terms in the longest entry without Chinese text."""
        return max((len(k) for k in self.phrases), default=1)

    @cached_property
    def _every_max_len(self) -> int:
        return max((len(k) for k in self.every_phrase), default=1)

    def units(self, terms: list[str]) -> list[str]:
        """``terms`` with entries (longest first) replaced by their concept term."""
        if has_cjk(" ".join(terms)):
            phrases, longest = self.every_phrase, self._every_max_len
        else:  # no Chinese entry can match: OpenCC stays unloaded
            phrases, longest = self.phrases, self.max_len
        out: list[str] = []
        i = 0
        while i < len(terms):
            for n in range(min(longest, len(terms) - i), 0, -1):
                concept = phrases.get(tuple(terms[i : i + n]))
                if concept:
                    out.append(concept)
                    i += n
                    break
            else:
                out.append(terms[i])
                i += 1
        return out

    @cached_property
    def _parts(self) -> _Parts:
        return _Parts.of(self.phrases)

    @cached_property
    def _every_parts(self) -> _Parts:
        return _Parts.of(self.every_phrase)

    def concepts_in(self, terms: list[str], joined: str | None = None) -> list[str]:
        """One concept term per occurrence of an entry in ``terms`` (for indexing);
        ``joined`` is ``" ".join(terms)`` when the caller has it. Set and string operations
        (C loops) do the work: present single words by set intersection, phrases by
        counting their space-padded text."""
        if joined is None:
            joined = " ".join(terms)
        # Without Chinese text no Chinese entry can match: OpenCC stays unloaded.
        single, multi = self._every_parts if has_cjk(joined) else self._parts
        present = set(terms)
        found = sorted(present & single.keys())
        out: list[str] = []
        padded = f" {joined} "
        for word in found:
            out += [single[word]] * padded.count(f" {word} ")
        for words_, phrase, concept in multi:
            if words_ <= present:
                out += [concept] * padded.count(phrase)
        return out


def topic_key(units: Iterable[str]) -> str:
    """Order-free key of a name: its concepts and words, stopwords left out."""
    return " ".join(sorted({u for u in units if u not in STOPWORDS}))


def plain_key(terms: Iterable[str]) -> str:
    """Order-free key of a name's own words (no synonyms), marked apart from concept keys."""
    return "=" + " ".join(sorted({t for t in terms if t not in STOPWORDS}))
