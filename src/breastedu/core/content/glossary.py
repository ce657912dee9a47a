"""The glossary: plain definitions of the terms a patient meets, and marking them in pages.

``data/glossary.toml`` holds ``[[term]]`` tables with ``term``, ``aliases`` and ``definition``.
``mark_first_uses`` wraps the first use of each term in a page as a ``breastedu:glossary/<slug>``
link whose title is the definition, so the reader can show it on hover, click or focus.

The HTML is walked with the standard library's ``html.parser`` (never regex over tags), and all
terms are matched by one compiled pattern built as a trie, so a long page with many terms is
marked in a few milliseconds.
"""

from __future__ import annotations

import html
import re
import tomllib
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from breastedu.core.content.dto import GlossaryEntry
from breastedu.core.errors import InputError

# Text inside these elements is never marked: links already link, headings stay clean,
# code is literal, and script/style/title/button text is not prose. Any element with the
# class NO_TERMS is skipped too (names, departments, dates: not prose to explain).
_SKIP = frozenset(
    {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "title", "button", "textarea"}
)
NO_TERMS = "no-terms"


def slugify(term: str) -> str:
    """The stable key of a term: lower case, runs of other characters become one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def load_glossary(path: Path) -> list[GlossaryEntry]:
    """Read the glossary, sorted by term (case-insensitive); ``InputError`` on a bad entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the glossary: {exc}", where=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid glossary TOML: {exc}", where=str(path)) from exc
    tables = data.get("term")
    if not isinstance(tables, list) or not tables:
        raise InputError("the glossary needs [[term]] tables", where=str(path))
    entries: list[GlossaryEntry] = []
    owner: dict[str, str] = {}  # every lower-cased name (term or alias) -> its entry's slug
    for number, table in enumerate(tables, start=1):
        entry = _entry(table, f"{path}: term #{number}")
        for name in (entry.term, *entry.aliases):
            key = _norm(name)
            if key in owner and owner[key] != entry.slug:
                raise InputError(
                    f"{name!r} is used by both {owner[key]!r} and {entry.slug!r}",
                    where=f"{path}: term #{number}",
                )
            owner[key] = entry.slug
        if any(e.slug == entry.slug for e in entries):
            raise InputError(f"duplicate glossary term {entry.term!r}", where=f"{path}: term #{number}")
        entries.append(entry)
    return sorted(entries, key=lambda e: (e.term.casefold(), e.slug))


def _entry(table: Any, where: str) -> GlossaryEntry:
    """Validate one ``[[term]]`` table."""
    if not isinstance(table, dict):
        raise InputError("each [[term]] must be a table", where=where)
    term, definition = table.get("term"), table.get("definition")
    aliases = table.get("aliases", [])
    if not isinstance(term, str) or not term.strip():
        raise InputError("'term' must be a non-empty string", where=where)
    if not isinstance(definition, str) or not definition.strip():
        raise InputError(f"{term!r} needs a non-empty 'definition'", where=where)
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise InputError(f"{term!r}: 'aliases' must be a list of non-empty strings", where=where)
    return GlossaryEntry(
        slug=slugify(term),
        term=term.strip(),
        aliases=tuple(a.strip() for a in aliases),
        definition=" ".join(definition.split()),
    )


def filter_glossary(entries: Sequence[GlossaryEntry], query: str) -> list[GlossaryEntry]:
    """The entries whose term, other names or definition contain every word of ``query``
    (case-insensitive), in their order; all of them for an empty query."""
    words = query.casefold().split()
    if not words:
        return list(entries)

    def text(entry: GlossaryEntry) -> str:
        return " ".join((entry.term, *entry.aliases, entry.definition)).casefold()

    return [entry for entry in entries if all(word in text(entry) for word in words)]


def index_letter(term: str) -> str:
    """The A–Z index letter a term files under: its first letter, or "#" for a digit/symbol."""
    first = term.strip()[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def _norm(name: str) -> str:
    """How a term is compared: case-folded, inner white space collapsed."""
    return " ".join(name.split()).casefold()


def _trie_pattern(names: Sequence[str]) -> str:
    """One regex alternation of ``names`` as a trie, longest match preferred at each start.

    A flat ``a|ab|abc`` alternation tries every name at every word start; a trie shares
    prefixes, and greedy optional tails make the longest name win ("fine needle
    aspiration" over "aspiration" at the same place).
    """
    trie: dict[str, Any] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # end of a name

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [(" " if c == " " else c, child) for c, child in node.items() if c]
        if not branches:
            return ""
        parts = [(r"\s+" if c == " " else re.escape(c)) + build(child) for c, child in sorted(branches)]
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if ends:
            return ("(?:" + body + ")?") if len(parts) == 1 else body + "?"
        return body

    return build(trie)


class _Marker(HTMLParser):
    """Re-emits HTML unchanged except for glossary links around first uses in text."""

    def __init__(self, pattern: re.Pattern[str], lookup: dict[str, GlossaryEntry]) -> None:
        super().__init__(convert_charrefs=True)
        self.pattern = pattern
        self.lookup = lookup
        self.out: list[str] = []
        self.skip_depth = 0  # how many skip elements we are inside
        self.open_skips: list[str] = []
        self.done: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}>")
        classes = next((value or "" for name, value in attrs if name == "class"), "").split()
        if tag in _SKIP or NO_TERMS in classes:
            self.open_skips.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        if tag in self.open_skips:
            # Close up to the matching tag, tolerating sloppy nesting.
            while self.open_skips and self.open_skips.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if getattr(self, "cdata_elem", None):  # raw <script>/<style> text: pass through as is
            self.out.append(data)
            return
        if self.open_skips:
            self.out.append(html.escape(data, quote=False))
            return
        self.out.append(self._mark(data))

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")

    def _mark(self, text: str) -> str:
        pieces: list[str] = []
        last = 0
        for match in self.pattern.finditer(text):
            entry = self.lookup.get(_norm(match.group(match.lastindex or 0)))
            if entry is None or entry.slug in self.done:
                continue
            self.done.add(entry.slug)
            pieces.append(html.escape(text[last : match.start()], quote=False))
            pieces.append(
                f'<a href="breastedu:glossary/{entry.slug}" class="term" '
                f'title="{html.escape(entry.definition, quote=True)}">'
                f"{html.escape(match.group(0), quote=False)}</a>"
            )
            last = match.end()
        pieces.append(html.escape(text[last:], quote=False))
        return "".join(pieces)


_CACHE: dict[tuple[GlossaryEntry, ...], tuple[re.Pattern[str], dict[str, GlossaryEntry]]] = {}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _compiled(entries: Sequence[GlossaryEntry]) -> tuple[re.Pattern[str], dict[str, GlossaryEntry]]:
    """The pattern and name lookup for ``entries``, built once per glossary."""
    key = tuple(entries)
    if key not in _CACHE:
        lookup = {_norm(n): e for e in entries for n in (e.term, *e.aliases)}
        # Whole words only; an optional plural "s"/"es" so "cysts" finds "cyst". Chinese has no
        # spaces between words: a name that starts with a Chinese character (a translated
        # glossary's) is found anywhere in the text.
        words = sorted(n for n in lookup if not _HAN.match(n))
        body = rf"(?<![\w-])({_trie_pattern(words)})(?:e?s)?(?![\w-])"
        chinese = sorted(n for n in lookup if _HAN.match(n))
        if chinese:
            body += f"|({_trie_pattern(chinese)})"
        pattern = re.compile(body, re.IGNORECASE)
        _CACHE.clear()  # one glossary per app; don't grow without bound
        _CACHE[key] = (pattern, lookup)
    return _CACHE[key]


def mark_first_uses(html_text: str, entries: Sequence[GlossaryEntry]) -> str:
    """Wrap the first use in the page of each glossary entry as a ``class="term"`` link.

    Matches whole words, case-insensitively, longest name first. Text inside links, headings,
    ``code``/``pre`` and attribute values (such as image alt text) is left alone.
    """
    if not entries or not html_text:
        return html_text
    return "".join(_scan(html_text, entries).out)


def _scan(html_text: str, entries: Sequence[GlossaryEntry]) -> _Marker:
    """Run the marker over ``html_text``: its output and the slugs it found."""
    pattern, lookup = _compiled(entries)
    marker = _Marker(pattern, lookup)
    marker.feed(html_text)
    marker.close()
    return marker


def terms_used(html_text: str, entries: Sequence[GlossaryEntry]) -> tuple[GlossaryEntry, ...]:
    """The glossary entries used in ``html_text`` (by the same rules as marking), A to Z."""
    if not entries or not html_text:
        return ()
    found = _scan(html_text, entries).done
    return tuple(sorted((e for e in entries if e.slug in found), key=lambda e: e.term.casefold()))
