"""Exact topic first: the names a person may type for a topic, and which topics a query names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from breastedu.core.search.synonyms import Synonyms, plain_key, topic_key
from breastedu.core.search.text import terms_of, words


def topic_names(title: str, faq_name: str, group_title: str) -> list[tuple[str, bool]]:
    """Names a person may type for a topic, each with whether synonyms apply to it: the
    title, its parts around "(...)" and "&", and the FAQ label (with synonyms); the title
    without its group word ("Breast cysts" -> "cysts"; without synonyms, so that "lump"
    does not turn "nodules" of "Thyroid nodules" into its topic)."""
    names = {title, faq_name}
    m = re.fullmatch(r"(.*?)\s*\((.*?)\)\s*(.*)", title)
    if m:
        names |= {f"{m[1]} {m[3]}", f"{m[2]} {m[3]}"}
    for name in list(names):
        if "&" in name:
            left, right = (p.split() for p in name.split("&", 1))
            names |= {" ".join(right), " ".join(left + right[1:]), " ".join(left[:-1] + right)}
    out = {(n.strip(), True) for n in names if n.strip()}
    for name in names:
        first, _, rest = name.partition(" ")
        if rest.strip() and first.lower() == group_title.lower():
            out.add((rest.strip(), False))
    return sorted(out)


@dataclass(frozen=True)
class TopicNames:
    """Keys of every topic's names, built once from the topic rows."""

    keys: dict[str, tuple[int, ...]]  # order-free key -> topic ids
    names: tuple[tuple[str, int], ...]  # (folded name, topic id), sorted, for prefixes
    described: tuple[tuple[int, frozenset[str]], ...] = ()  # topic id -> words of its summary

    @classmethod
    def build(cls, rows: Sequence[tuple[int, str, str, str, str, str]], synonyms: Synonyms) -> TopicNames:
        """From (id, slug, title, faq_name, summary, group title) rows."""
        keys: dict[str, set[int]] = {}
        names: set[tuple[str, int]] = set()
        described = []
        for tid, _slug, title, faq, summary, group in rows:
            described.append((tid, frozenset(topic_key(synonyms.units(terms_of(summary))).split())))
            for name, with_synonyms in topic_names(title, faq, group):
                terms = terms_of(name)
                found = [plain_key(terms)]
                if with_synonyms:
                    found.append(topic_key(synonyms.units(terms)))
                for key in found:
                    if key not in ("", "="):
                        keys.setdefault(key, set()).add(tid)
                folded = " ".join(words(name))
                if folded:
                    names.add((folded, tid))
        return cls({k: tuple(sorted(v)) for k, v in keys.items()}, tuple(sorted(names)), tuple(described))

    def named_by(self, query: str, synonyms: Synonyms) -> list[int]:
        """Topics ``query`` names exactly (or by synonyms), then topics whose name starts
        with it (3+ letters, while typing); at most three."""
        terms = terms_of(query)
        if not terms:
            return []
        keys = (topic_key(synonyms.units(terms)), plain_key(terms))
        exact = sorted({tid for key in keys for tid in self.keys.get(key, ())})
        typed = " ".join(words(query))
        starts = (
            sorted({tid for name, tid in self.names if name.startswith(typed)}) if len(typed) >= 3 else []
        )
        return list(dict.fromkeys(exact + starts))[:3]

    def described_by(self, query: str, synonyms: Synonyms) -> list[int]:
        """Topics whose one-line summary holds every word (or a synonym of it) of a query of
        two words or more, in tree order, at most two: "lump in my breast" is described by
        fibroadenoma's "a common, non-cancer lump made of breast tissue"."""
        wanted = set(topic_key(synonyms.units(terms_of(query))).split())
        if len(wanted) < 2:
            return []
        return [tid for tid, words_ in self.described if words_ >= wanted][:2]
