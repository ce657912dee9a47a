"""Pages in Traditional Chinese (Taiwan): the translated sources, their English versions,
and pages shown in a language with English where no translation exists.

Sources, under ``data/i18n/<lang>/`` (today only ``zh-TW``)::

    topics.toml                       [[group]] slug, follows, title
                                      [[topic]] slug, follows, title, summary
    guides/<topic>.md                 front matter: follows, title, summary; the guide's
                                      sections under the headings of :data:`GUIDE_SECTIONS`
    questions/<topic>/<slug>.md       front matter: follows, question, short_answer; the answer
    glossary.toml                     [[term]] slug, follows, term, aliases, definition
    redflags/<topic>.toml             follows; [[emergency]], [[same_day]], [[soon]] each with
                                      its sign, in the English file's order and number

``follows`` is the version of the English text the translation was made from: the first 12
hex digits of the SHA-256 of the English file (a guide, an answer), or of the English entry
(a topic's title and summary, a group's title, a glossary term with its aliases and
definition; a topic's warning signs, :func:`red_flags_text`), see :func:`english_version`.
``tools/i18n_stamp.py`` writes it when a translation is made or checked again. When the
English changes, its version no longer matches: ``build-seed`` warns that the translation is
stale, and the page says which English version it follows. A page with no translation is
shown in English with a one-line notice (never an
empty page). Sources, numbers and names of guidelines are kept as in English.

A topic's warning signs (``data/redflags``) fill the translated guide's empty "When to call"
section, as they fill the English one, and replace the English signs on a translated answer
page; where a topic's signs have no translation (or no longer match the English, sign for
sign), the English signs are shown instead: never an empty section.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, select
from sqlalchemy.orm import Session

from breastedu.core.content.dto import (
    GlossaryEntry,
    PageLanguage,
    QuestionPage,
    QuestionRef,
    TopicGroupRef,
    TopicPage,
    TopicRef,
)
from breastedu.core.content.frontmatter import FrontMatterFile, read_front_matter_file
from breastedu.core.content.guides import REQUIRED_SECTIONS
from breastedu.core.content.redflags import LEVELS, SECTION, RedFlag, as_markdown, load_all
from breastedu.core.content.schema import Translation
from breastedu.core.errors import InputError
from breastedu.core.languages import (
    DISCLAIMERS,
    ENGLISH,
    GUIDE_SECTIONS,
    LANGUAGES,
    check_language,
)

KINDS = ("group", "topic", "guide", "answer", "glossary", "redflags")

#: Where a guide's "When to call your doctor" section is among its sections (filled from its
#: topic's warning signs).
WHEN_TO_CALL_AT = REQUIRED_SECTIONS.index(SECTION)

_VERSION = re.compile(r"^[0-9a-f]{12}$")
_HEADING = re.compile(r"^##\s+(.*?)\s*$", re.MULTILINE)


def english_version(text: str) -> str:
    """The version of an English text: 12 hex digits of its SHA-256 (line ends as LF)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


# Sources -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranslatedText:
    """One translated page or entry, read from its source file and checked."""

    lang: str
    kind: str  # see KINDS
    slug: str
    title: str
    summary: str = ""  # a topic's summary, a guide's summary, an answer's short answer
    body_md: str = ""  # a guide's or answer's text, a glossary term's definition
    aliases: tuple[str, ...] = ()
    follows: str = ""  # the English version it was translated from
    english: str = ""  # the English version the build saw
    where: str = ""  # file (and entry) it came from, for messages

    @property
    def stale(self) -> bool:
        """True when the English text changed since this was translated."""
        return self.follows != self.english


@dataclass(frozen=True)
class EnglishTexts:
    """The versions of the English texts a data folder holds, by (kind, slug)."""

    versions: Mapping[tuple[str, str], str]
    #: Each topic's warning signs in English (``data/redflags``), most urgent level first.
    red_flags: Mapping[str, tuple[RedFlag, ...]] = dataclasses.field(default_factory=dict)

    @classmethod
    def read(cls, data_dir: Path) -> EnglishTexts:
        versions: dict[tuple[str, str], str] = {}
        topics = _toml(data_dir / "topics.toml")
        for group in topics.get("group", []):
            versions["group", str(group.get("slug", ""))] = english_version(str(group.get("title", "")))
        for topic in topics.get("topic", []):
            text = f"{topic.get('title', '')}\n{topic.get('summary', '')}"
            versions["topic", str(topic.get("slug", ""))] = english_version(text)
        for path in sorted((data_dir / "guides").glob("*.md")):
            versions["guide", path.stem] = english_version(path.read_text(encoding="utf-8"))
        for path in sorted((data_dir / "questions").glob("*/*.md")):
            versions["answer", path.stem] = english_version(path.read_text(encoding="utf-8"))
        glossary = data_dir / "glossary.toml"
        if glossary.is_file():
            from breastedu.core.content.glossary import load_glossary

            for entry in load_glossary(glossary):
                versions["glossary", entry.slug] = english_version(glossary_text(entry))
        red_flags = {topic: found.flags for topic, found in load_all(data_dir / "redflags").items()}
        for topic, flags in red_flags.items():
            versions["redflags", topic] = english_version(red_flags_text(flags))
        return cls(versions, red_flags)

    def version(self, kind: str, slug: str, where: str) -> str:
        """The version of the English (kind, slug), or InputError: a translation of nothing."""
        found = self.versions.get((kind, slug))
        if found is None:
            raise InputError(f"there is no English {kind} {slug!r} to translate", where=where)
        return found


def glossary_text(entry: GlossaryEntry) -> str:
    """What a glossary term's English version is taken from: term, aliases and definition."""
    return "\n".join([entry.term, *entry.aliases, entry.definition])


def red_flags_text(flags: Sequence[RedFlag]) -> str:
    """What a topic's warning signs' English version is taken from: each sign with its level
    (the words a reader sees; not the keys or the comments of the file)."""
    return "\n".join(f"{f.level}: {f.sign}" for f in flags)


def _toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read it ({exc})", where=str(path)) from None


def _follows(value: object, where: str) -> str:
    if not isinstance(value, str) or not _VERSION.match(value):
        raise InputError(
            "'follows' must be the 12-digit version of the English text it translates "
            "(python tools/i18n_stamp.py writes it)",
            where=where,
        )
    return value


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"needs a non-empty '{key}' string", where=where)
    return value.strip()


def _entries(path: Path, table: str, kind: str, lang: str, english: EnglishTexts) -> list[TranslatedText]:
    out = []
    for n, entry in enumerate(_toml(path).get(table, []), 1):
        where = f"{path}: {table} #{n}"
        slug = _text(entry, "slug", where)
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise InputError("'aliases' must be a list of strings", where=where)
        out.append(
            TranslatedText(
                lang=lang,
                kind=kind,
                slug=slug,
                title=_text(entry, "term" if kind == "glossary" else "title", where),
                summary=_text(entry, "summary", where) if kind == "topic" else "",
                body_md=_text(entry, "definition", where) if kind == "glossary" else "",
                aliases=tuple(a.strip() for a in aliases),
                follows=_follows(entry.get("follows"), where),
                english=english.version(kind, slug, where),
                where=where,
            )
        )
    return out


def _guide(doc: FrontMatterFile, lang: str, english: EnglishTexts) -> TranslatedText:
    where = f"{doc.path}:1"
    headings = tuple(_HEADING.findall(doc.body_md))
    wanted = GUIDE_SECTIONS[lang]
    if headings != wanted:
        raise InputError(
            f"a translated guide has the sections {', '.join(wanted)} in this order, as ## headings "
            f"(found: {', '.join(headings) or 'none'})",
            where=where,
        )
    if not doc.body_md.rstrip().endswith(DISCLAIMERS[lang]):
        raise InputError("a translated guide ends with its disclaimer (i18n.DISCLAIMERS)", where=where)
    return _page(doc, "guide", "title", "summary", lang, english)


def _page(
    doc: FrontMatterFile, kind: str, title: str, summary: str, lang: str, english: EnglishTexts
) -> TranslatedText:
    """A translated guide or answer: front-matter ``title`` and ``summary`` keys, and its text."""
    return TranslatedText(
        lang=lang,
        kind=kind,
        slug=doc.path.stem,
        title=doc.text(title),
        summary=doc.text(summary),
        body_md=doc.body_md,
        follows=_follows(doc.meta.get("follows"), doc.where("follows")),
        english=english.version(kind, doc.path.stem, f"{doc.path}:1"),
        where=str(doc.path),
    )


def _red_flags(path: Path, lang: str, english: EnglishTexts) -> TranslatedText:
    """A topic's translated warning signs: one sign per line of ``body_md``, in the order of
    the English signs. When the English has since changed its signs' number or levels, the
    translation is kept as stale with no signs (the English ones are shown)."""
    data = _toml(path)
    follows = _follows(data.get("follows"), f"{path}: follows")
    version = english.version("redflags", path.stem, f"{path}:1")
    signs, levels = [], []
    for level in LEVELS:
        entries = data.get(level, [])
        if not isinstance(entries, list):
            raise InputError(f"write each {level} sign as a [[{level}]] table", where=str(path))
        for n, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                raise InputError(f"write each {level} sign as a [[{level}]] table", where=str(path))
            signs.append(_text(entry, "sign", f"{path}: {level} #{n}"))
            levels.append(level)
    wanted = [f.level for f in english.red_flags[path.stem]]
    if levels != wanted:
        if follows == version:
            counts = ", ".join(f"{wanted.count(level)} {level}" for level in LEVELS)
            raise InputError(f"translate each English sign once, level for level ({counts})", where=str(path))
        signs = []
    return TranslatedText(
        lang=lang,
        kind="redflags",
        slug=path.stem,
        title=path.stem,
        body_md="\n".join(signs),
        follows=follows,
        english=version,
        where=str(path),
    )


def _signs(found: TranslatedText | None) -> list[str]:
    """The translated signs of a ``redflags`` text, in the English order (none when it has none)."""
    return found.body_md.split("\n") if found is not None and found.body_md else []


def _with_red_flags(
    guide: TranslatedText, signs: TranslatedText | None, english: EnglishTexts
) -> TranslatedText:
    """``guide`` with its empty "When to call" section filled from its topic's warning signs:
    the translated ones, or the English ones where there are none (never an empty section)."""
    flags = english.red_flags.get(guide.slug)
    if not flags:
        return guide
    heading = f"## {GUIDE_SECTIONS[guide.lang][WHEN_TO_CALL_AT]}\n"
    start = guide.body_md.index(heading) + len(heading)
    end = guide.body_md.index("\n## ", start - 1)
    if guide.body_md[start:end].strip():
        raise InputError(
            f"leave the '{heading[3:].strip()}' section empty: it is filled from the topic's "
            "warning signs (data/redflags, translated in redflags/)",
            where=guide.where,
        )
    translated = _signs(signs)
    if translated:
        filled = as_markdown(
            [dataclasses.replace(f, sign=s) for f, s in zip(flags, translated, strict=True)], guide.lang
        )
    else:
        filled = as_markdown(flags)
    body = guide.body_md[:start] + "\n" + filled + guide.body_md[end:]
    return dataclasses.replace(guide, body_md=body)


def source_files(data_dir: Path) -> list[Path]:
    """Every translation source under ``data_dir/i18n``, in a fixed order (content hash)."""
    root = data_dir / "i18n"
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".toml") and p.name != "REVIEW.md"
    )


def load_translations(data_dir: Path, langs: Sequence[str] = LANGUAGES[1:]) -> list[TranslatedText]:
    """Every translated text under ``data_dir/i18n``, checked (``InputError`` naming the file
    when one is malformed or translates nothing), each with the English version it follows
    and the one the data folder holds now."""
    english = EnglishTexts.read(data_dir)
    out: list[TranslatedText] = []
    for lang in langs:
        root = data_dir / "i18n" / lang
        if not root.is_dir():
            continue
        out += _entries(root / "topics.toml", "group", "group", lang, english)
        out += _entries(root / "topics.toml", "topic", "topic", lang, english)
        for path in sorted((root / "guides").glob("*.md")):
            out.append(_guide(read_front_matter_file(path, "translated guide"), lang, english))
        for path in sorted((root / "questions").glob("*/*.md")):
            doc = read_front_matter_file(path, "translated answer")
            out.append(_page(doc, "answer", "question", "short_answer", lang, english))
        out += _entries(root / "glossary.toml", "term", "glossary", lang, english)
        signs = {p.stem: _red_flags(p, lang, english) for p in sorted((root / "redflags").glob("*.toml"))}
        out = [
            _with_red_flags(t, signs.get(t.slug), english) if t.kind == "guide" and t.lang == lang else t
            for t in out
        ]
        out += signs.values()
    seen: set[tuple[str, str, str]] = set()
    for t in out:
        key = (t.lang, t.kind, t.slug)
        if key in seen:
            raise InputError(f"{t.kind} {t.slug!r} is translated twice", where=t.where)
        seen.add(key)
    return out


def stale_warnings(texts: Iterable[TranslatedText]) -> list[str]:
    """One build warning per translation whose English changed since it was made."""
    return [
        f"{t.where}: the {t.lang} {t.kind} {t.slug!r} is stale: it follows English version {t.follows}, "
        f"the English is now {t.english}; check it against the English and run tools/i18n_stamp.py"
        for t in texts
        if t.stale
    ]


#: The fields a ``translation`` row shares with :class:`TranslatedText` as they are (aliases
#: are one per line in the row).
_COLUMNS = ("lang", "kind", "slug", "title", "summary", "body_md", "follows", "english")


def store_translations(session: Session, texts: Iterable[TranslatedText]) -> None:
    """Replace the ``translation`` rows with ``texts`` (inside the build's transaction)."""
    session.query(Translation).delete()
    for t in texts:
        session.add(Translation(**{c: getattr(t, c) for c in _COLUMNS}, aliases="\n".join(t.aliases)))
    session.flush()


def has_translations(conn: Connection) -> bool:
    """True when the content DB has the translation table (an older one has not)."""
    return inspect(conn).has_table(Translation.__tablename__)


# Pages in a language -------------------------------------------------------------------------


@dataclass(frozen=True)
class Localizer:
    """Shows pages in one language: the translated texts of a content DB, read once."""

    lang: str
    texts: Mapping[tuple[str, str], TranslatedText]

    @classmethod
    def read(cls, engine: Engine, lang: str) -> Localizer:
        """The translations into ``lang`` that the content DB holds (none for English)."""
        check_language(lang)
        texts: dict[tuple[str, str], TranslatedText] = {}
        if lang != ENGLISH:
            with engine.connect() as conn:
                if has_translations(conn):
                    for row in Session(conn).scalars(
                        select(Translation).where(Translation.lang == lang).order_by(Translation.id)
                    ):
                        aliases = tuple(a for a in row.aliases.splitlines() if a)
                        texts[row.kind, row.slug] = TranslatedText(
                            **{c: getattr(row, c) for c in _COLUMNS}, aliases=aliases
                        )
        return cls(lang, texts)

    def get(self, kind: str, slug: str) -> TranslatedText | None:
        """The translation of (kind, slug), if there is one."""
        return self.texts.get((kind, slug))

    def _language(self, found: TranslatedText | None) -> PageLanguage:
        if found is None:
            return PageLanguage(lang=ENGLISH, wanted=self.lang)
        return PageLanguage(lang=self.lang, wanted=self.lang, follows=found.follows, stale=found.stale)

    def topic_ref(self, ref: TopicRef) -> TopicRef:
        """``ref`` with its title and summary translated (as it is when there is none)."""
        found = self.get("topic", ref.slug)
        group = self.get("group", ref.group_slug)
        return dataclasses.replace(
            ref,
            title=found.title if found else ref.title,
            summary=found.summary if found else ref.summary,
            group_title=group.title if group else ref.group_title,
        )

    def tree(self, groups: Sequence[TopicGroupRef]) -> tuple[TopicGroupRef, ...]:
        """The topic tree with group and topic names translated."""
        return tuple(
            dataclasses.replace(
                g,
                title=found.title if (found := self.get("group", g.slug)) else g.title,
                topics=tuple(self.topic_ref(t) for t in g.topics),
            )
            for g in groups
        )

    def question_ref(self, ref: QuestionRef) -> QuestionRef:
        """``ref`` with its question translated, when it is an editors' answer with one."""
        found = self.get("answer", ref.slug)
        return dataclasses.replace(ref, title=found.title) if found else ref

    def topic_page(self, page: TopicPage) -> TopicPage:
        """``page`` in this language: the guide translated, or in English with a notice."""
        if self.lang == ENGLISH:
            return page
        found = self.get("guide", page.topic.slug)
        guide = page.guide
        if guide is not None and found is not None:
            # The reading grades measure the English text: they say nothing of the translation.
            guide = dataclasses.replace(
                guide,
                title=found.title,
                body_md=found.body_md,
                reading_grade=None,
                reading_grade_2=None,
                reading_grade_dc=None,
            )
        return dataclasses.replace(
            page,
            topic=self.topic_ref(page.topic),
            guide=guide,
            questions=tuple(map(self.question_ref, page.questions)),
            answers=tuple(map(self.question_ref, page.answers)),
            language=self._language(found if page.guide is not None else self.get("topic", page.topic.slug)),
        )

    def question_page(self, page: QuestionPage) -> QuestionPage:
        """``page`` in this language: an editors' answer translated, anything else (and an
        answer not translated yet) in English with a notice. Imported pages stay as imported."""
        if self.lang == ENGLISH:
            return page
        found = self.get("answer", page.slug) if page.answer is not None else None
        answer = page.answer
        if answer is not None and found is not None:
            guide = self.get("guide", page.topic.slug)
            signs = _signs(self.get("redflags", page.topic.slug))
            answer = dataclasses.replace(
                answer,
                short_answer=found.summary,
                body_md=found.body_md,
                guide_title=guide.title if guide else answer.guide_title,
                red_flags=(
                    tuple(
                        dataclasses.replace(f, sign=s) for f, s in zip(answer.red_flags, signs, strict=True)
                    )
                    if len(signs) == len(answer.red_flags)
                    else answer.red_flags
                ),
            )
        return dataclasses.replace(
            page,
            title=found.title if found else page.title,
            body_md=found.summary if found else page.body_md,
            topic=self.topic_ref(page.topic),
            answer=answer,
            related_questions=tuple(map(self.question_ref, page.related_questions)),
            language=self._language(found),
        )

    def glossary(self, entries: Sequence[GlossaryEntry]) -> tuple[GlossaryEntry, ...]:
        """The glossary in this language: each term with its English term among its aliases
        (both terms shown and found), the definition translated; untranslated ones as they are."""
        out = []
        for entry in entries:
            found = self.get("glossary", entry.slug)
            if found is None:
                out.append(entry)
                continue
            out.append(
                GlossaryEntry(
                    slug=entry.slug,
                    term=found.title,
                    aliases=(entry.term, *found.aliases, *entry.aliases),
                    definition=found.body_md,
                )
            )
        return tuple(out)
