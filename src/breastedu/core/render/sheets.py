"""Printable sheets: a topic sheet, a question sheet, and a pack of several with a contents page.

Pure and Qt-free: a :class:`Sheet` is HTML for each item plus the words of its running
header and footer. The UI painter (``breastedu.ui.printing.painter``) lays each item out on pages,
asks :meth:`Sheet.contents_html` for the contents page once it knows the page numbers, and
draws the header, "Page X of Y" and the footer on every page.

Print rules kept here: only greys (nothing is carried by colour alone), boxes drawn with
borders as well as a tint, the key points box on an item's first page, sources, the
disclaimer and (when chosen) a "My questions" box with writing lines at its end. On paper a
link is words, not a blue underline: a link to another page of the library says which sheet to
look for ("(see the sheet: Breast calcifications)"). The sources and the disclaimer start at an
anchor (:data:`CLOSING_ANCHOR`) the painter uses to keep them on a page with content. The HTML
keeps to what QTextDocument renders: tables for boxes, CSS in pt, no flex.

Every word a sheet writes around its pages is written in the sheet's language as it is
composed: :func:`~breastedu.core.catalogue.say` (the words the screen uses, Chinese in
``core.catalogue_zh``), with dates from ``core.dates.long_date``. A bilingual sheet's frame is
in its translation's language; its pages' English halves come as written.
"""

from __future__ import annotations

import datetime as dt
import functools
import html as html_lib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from breastedu.core.catalogue import say, say_count
from breastedu.core.clinic import Clinic
from breastedu.core.content.dto import (
    ArticleView,
    EditorAnswerView,
    EditorNoteView,
    GlossaryEntry,
    QuestionPage,
    RedFlagView,
    TopicPage,
)
from breastedu.core.content.glossary import terms_used
from breastedu.core.content.guides import DISCLAIMER as GUIDE_DISCLAIMER
from breastedu.core.errors import InputError, NotFoundError
from breastedu.core.languages import CHINESE, DISCLAIMERS, ENGLISH, LANGUAGES, notice, section_key
from breastedu.core.palette import PRINT
from breastedu.core.render.drawings import localize_descriptions
from breastedu.core.render.html import (
    DISCLAIMER,
    EDITORS_NOTE,
    article_facts,
    asked_by,
    doctor,
    e,
    editor_note_text,
    editors_label,
    long_date,
    markdown_to_html,
    red_flag_sources,
    red_flags_from,
    red_flags_md,
    warning_signs_title,
    with_editor_notes,
)
from breastedu.core.render.info import report_error_text
from breastedu.core.render.provenance import more_info_label, provenance_text, source_line
from breastedu.core.render.sheet_words import (
    FONT_FAMILIES,
    bilingual_question,
    bilingual_topic,
    with_notice,
)

if TYPE_CHECKING:
    from breastedu.core.content.service import ContentService

KEY_POINTS = "key-points"
GUIDE = "guide"
GLOSSARY = "glossary"
QUESTIONS = "questions"
MY_QUESTIONS = "my-questions"

#: Every section a topic sheet can carry, in the order they print.
SECTIONS: tuple[str, ...] = (KEY_POINTS, GUIDE, GLOSSARY, QUESTIONS, MY_QUESTIONS)
DEFAULT_SECTIONS: tuple[str, ...] = (KEY_POINTS, GUIDE, MY_QUESTIONS)
PAPERS: tuple[str, ...] = ("a4", "letter")
#: A sheet in both languages: each section in Chinese, then in English (a nurse reads it with her).
BILINGUAL = "bilingual"
#: What one sheet can be printed in: English, Traditional Chinese, or both.
SHEET_LANGUAGES: tuple[str, ...] = (ENGLISH, CHINESE, BILINGUAL)
#: Named anchor where an item's sources and disclaimer begin (the painter keeps them with content).
CLOSING_ANCHOR = "sheet-closing"
#: Characters a file name may not hold on Windows, macOS or Linux.
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
#: ``<a href="...">text</a>`` as markdown_to_html writes links.
_LINK = re.compile(r"<a\s+href=(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a>", re.S)
_LIBRARY_LINK = re.compile(r"^breastedu:(topic|question)/([^/?#]+)$")

#: The authorship line on a printed topic sheet (the long form is the "Who writes this" page).
EDITORS_LINE = (
    "Written by the BreastEdu editors from the guidelines named on this sheet. "
    "No doctor or nurse has reviewed it yet."
)

#: Body text size in points; large print is about 1.4 times bigger (at least 16 pt).
BODY_PT = 11.5
LARGE_BODY_PT = 16.0
#: How many writing lines the "My questions" box has.
WRITING_LINES = 6
#: How many related questions a topic sheet lists, and how long a reply excerpt may be.
RELATED_LIMIT = 5
EXCERPT_WORDS = 45

# Greys only: the sheet reads the same from a black-and-white printer.
INK, MUTED, RULE, TINT = PRINT.ink, PRINT.muted, PRINT.rule, PRINT.tint

_SECTION_SPLIT = re.compile(r"^##\s+(.*?)\s*$", re.MULTILINE)
#: A guide's "Checked: 2026-11-30" line (editors' data), as the English and each translation
#: write it ("檢查日期：2026-11-30").
_CHECKED_LEADS = "|".join(re.escape(say(lang, "Checked: {date}", date="")) for lang in LANGUAGES)
_ISO_CHECKED = re.compile(rf"^(?:{_CHECKED_LEADS})\d{{4}}-\d{{2}}-\d{{2}}[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class SheetOptions:
    """What a person chose for a sheet; ``paper`` None means the locale's default."""

    sections: tuple[str, ...] = DEFAULT_SECTIONS
    large_print: bool = False
    paper: str | None = None
    #: In a pack, each item (and the contents) starts on a new leaf: an odd page, with a blank
    #: page before it when needed, so a pack printed double-sided splits into one handout each.
    new_leaf: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", check_sections(self.sections))
        if self.paper is not None and self.paper not in PAPERS:
            raise InputError(f"unknown paper {self.paper!r} (known: {', '.join(PAPERS)})", where="paper")


@dataclass(frozen=True)
class SheetHeader:
    """What the running header says: the clinic (or BreastEdu) and how to reach it."""

    name: str = "BreastEdu"
    detail: str = ""
    logo: Path | None = None
    #: The clinic's own footer line ("Questions? Call the nurse line."), printed on every page.
    note: str = ""


@dataclass(frozen=True)
class SheetPart:
    """One item of a sheet: it starts on a new page and has its own title and footer line."""

    title: str
    html: str
    footer: str
    kind: str = "topic"  # "topic", "question" (a doctor's reply), "answer" (the editors') or "visit"
    #: The language the part is printed in (its drawings' labels follow it); in a pack each
    #: part may have its own.
    lang: str = ENGLISH


@dataclass(frozen=True)
class Sheet:
    """Everything the painter needs: the items' HTML and the running header and footer words."""

    title: str
    parts: tuple[SheetPart, ...]
    header: SheetHeader = field(default_factory=SheetHeader)
    large_print: bool = False
    #: A pack opens with a contents page naming each item and the page it starts on.
    contents: bool = False
    #: The language of the sheet's own words (a pack's title and contents page, the page corners);
    #: each part is composed in its own (:attr:`SheetPart.lang`).
    lang: str = ENGLISH
    #: Each item starts on an odd page (see :attr:`SheetOptions.new_leaf`).
    new_leaf: bool = False
    #: Her own data (the visit sheet): its PDF is readable by her only.
    private: bool = False

    @property
    def body_pt(self) -> float:
        return LARGE_BODY_PT if self.large_print else BODY_PT

    def contents_html(self, first_pages: Sequence[int]) -> str:
        """The contents page, given the page each part starts on (1-based, whole pack)."""
        if len(first_pages) != len(self.parts):
            raise ValueError("one first page per part")
        lang = self.lang
        rows = "".join(
            f"<tr><td width='8%'>{number}.</td><td width='72%'>{e(part.title)}"
            f"<br/><span class='muted'>{_kind_words(part.kind, lang)}</span></td>"
            f"<td width='20%' align='right'>{say(lang, 'page {n}', n=page)}</td></tr>"
            for number, (part, page) in enumerate(zip(self.parts, first_pages, strict=True), start=1)
        )
        count = say_count(lang, len(self.parts), "{n} sheet in this pack.", "{n} sheets in this pack.")
        body = (
            f"<h1>{e(self.title)}</h1><p class='muted'>{count}</p>"
            f"<table class='contents' width='100%' cellspacing='0' cellpadding='6'>{rows}</table>"
        )
        return self.document(body, say(lang, "Contents"))

    def document(self, body: str, title: str) -> str:
        """``body`` as a whole HTML document with the sheet's print stylesheet (its font
        for the sheet's language)."""
        return (
            f"<html><head><meta charset='utf-8'><title>{e(title)}</title>"
            f"<style>{stylesheet(self.large_print, self.lang)}</style></head><body>{body}</body></html>"
        )

    def page_title(self, part: int | None) -> str:
        """The title in the header of a page of ``part`` (None: the contents page)."""
        return say(self.lang, "Contents") if part is None else self.parts[part].title


def _kind_words(kind: str, lang: str) -> str:
    """What a contents row says a part is."""
    if kind == "topic":
        return say(lang, "Topic sheet, by the BreastEdu editors")
    if kind == "question":
        return say(lang, "A patient's question and a doctor's reply to that patient")
    if kind == "answer":
        return say(lang, "A common question, answered by the BreastEdu editors")
    return ""  # her visit sheet


def page_label(number: int, total: int, lang: str = ENGLISH) -> str:
    """What every page says in its corner, in the sheet's language."""
    return say(lang, "Page {number} of {total}", number=number, total=total)


def first_pages(contents_pages: int, part_pages: Sequence[int], *, new_leaf: bool = False) -> tuple[int, ...]:
    """The page each part starts on when ``contents_pages`` come first (1-based); with
    ``new_leaf`` every part starts on an odd page (the front of a sheet of paper)."""
    pages, next_page = [], contents_pages + 1
    for count in part_pages:
        if new_leaf and next_page % 2 == 0:
            next_page += 1  # a blank back page before it
        pages.append(next_page)
        next_page += max(1, count)
    return tuple(pages)


def total_pages(contents_pages: int, part_pages: Sequence[int], *, new_leaf: bool = False) -> int:
    """How many pages the whole sheet has, blank back pages included."""
    if not part_pages:
        return contents_pages
    starts = first_pages(contents_pages, part_pages, new_leaf=new_leaf)
    return starts[-1] + max(1, part_pages[-1]) - 1


def pdf_file_name(title: str) -> str:
    """The file name a sheet is saved under by default: its title, as a reader would name it
    (``Breast calcifications.pdf``), without the characters file systems refuse."""
    name = " ".join(_NOT_IN_FILE_NAMES.sub(" ", title).split()).strip(" .")
    if len(name) > 80:
        name = name[:80].rsplit(" ", 1)[0].rstrip(" .,;:-")
    return f"{name or 'Sheet'}.pdf"


def print_links(html: str, title_of: Callable[[str], str | None], lang: str = ENGLISH) -> str:
    """Links as words for paper: a link to a topic or question of the library keeps its words and
    says which sheet to look for; a web link prints its address; any other link is its words.

    ``title_of(slug)`` is the title of that page, or None when the library has no such page;
    the words around it are in ``lang``.
    """

    def words(match: re.Match[str]) -> str:
        href = html_lib.unescape(match.group(1) if match.group(1) is not None else match.group(2))
        text = match.group(3)
        plain = html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        library = _LIBRARY_LINK.match(href)
        if library is not None:
            title = title_of(library.group(2))
            if title is None:
                return text
            if title.casefold() == plain.casefold():
                return text + say(lang, " (see its own sheet)")
            return text + say(lang, " (see the sheet: {title})", title=e(title))
        if href.startswith(("https://", "http://")) and href.rstrip("/") != plain.rstrip("/"):
            return f"{text} ({e(href)})"
        return text

    return _LINK.sub(words, html)


def sheet_language(choice: str) -> tuple[str, bool]:
    """A :data:`SHEET_LANGUAGES` choice as (the language of its pages, bilingual or not);
    InputError naming an unknown one."""
    if choice not in SHEET_LANGUAGES:
        raise InputError(
            f"unknown sheet language {choice!r} (known: {', '.join(SHEET_LANGUAGES)})", where="language"
        )
    return (CHINESE, True) if choice == BILINGUAL else (choice, False)


def check_sections(sections: Iterable[str]) -> tuple[str, ...]:
    """The chosen sections in print order; InputError naming an unknown one."""
    chosen = [s.strip() for s in sections if s.strip()]
    for name in chosen:
        if name not in SECTIONS:
            raise InputError(f"unknown section {name!r} (known: {', '.join(SECTIONS)})", where="--sections")
    if not chosen:
        raise InputError(f"choose at least one section (known: {', '.join(SECTIONS)})", where="--sections")
    return tuple(s for s in SECTIONS if s in chosen)


def parse_sections(text: str) -> tuple[str, ...]:
    """``"key-points,guide"`` -> the sections in print order (InputError for unknown names)."""
    return check_sections(text.split(","))


def header_for(clinic: Clinic | None) -> SheetHeader:
    """The running header: the clinic's name and contacts, or a plain BreastEdu header."""
    if clinic is None:
        return SheetHeader()
    detail = " · ".join(part for part in (clinic.phone, clinic.website, clinic.address) if part)
    return SheetHeader(name=clinic.name, detail=detail, logo=clinic.logo, note=clinic.footer)


def stylesheet(large_print: bool = False, lang: str = ENGLISH) -> str:
    """The print stylesheet, with the body's font for ``lang``; large print scales every size
    by the same factor.

    Font sizes are in pt; spacing is in px, the only length unit Qt's CSS takes for margins.
    """
    scale = (LARGE_BODY_PT if large_print else BODY_PT) / BODY_PT

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    def px(size: float) -> str:
        return f"{round(size * scale)}px"

    font = FONT_FAMILIES.get(lang, FONT_FAMILIES[ENGLISH])

    return (
        f"body {{ font-family: {font}; font-size: {pt(BODY_PT)}; color: {INK}; }}"
        f"h1 {{ font-size: {pt(19)}; margin-top: 0; margin-bottom: {px(4)}; }}"
        f"h2 {{ font-size: {pt(14)}; margin-top: {px(14)}; margin-bottom: {px(5)}; }}"
        f"h3 {{ font-size: {pt(12)}; margin-top: {px(10)}; margin-bottom: {px(3)}; }}"
        f"p {{ margin-top: 0; margin-bottom: {px(7)}; }}"
        f"ul {{ margin-top: 0; margin-bottom: {px(7)}; }}"
        f"li {{ margin-bottom: {px(3)}; }}"
        f".muted {{ color: {MUTED}; }}"
        f"p.summary {{ font-style: italic; }}"
        f"p.small {{ font-size: {pt(9.5)}; color: {MUTED}; }}"
        f"table.box {{ border-collapse: collapse; border-style: solid; border-color: {RULE}; "
        f"margin-top: {px(6)}; margin-bottom: {px(8)}; }}"
        f"table.contents {{ border-collapse: collapse; }}"
        f"table.contents td {{ border-bottom: 1px solid {TINT}; }}"
        f"p.term, p.answered {{ margin-bottom: {px(5)}; }}"
    )


# Pieces ---------------------------------------------------------------------------------------


def _box(title: str, inner: str) -> str:
    """A bordered, lightly tinted box with a bold title (the border carries it in grey too)."""
    return f"{_BOX_OPEN}<h2 style='margin-top:0'>{e(title)}</h2>{inner}</td></tr></table>"


_BOX_OPEN = (
    f"<table class='box' width='100%' cellspacing='0' cellpadding='10' border='2'><tr><td bgcolor='{TINT}'>"
)


def split_sections(body_md: str) -> list[tuple[str, str]]:
    """A guide's Markdown as ``(heading, text)`` pairs; text before the first heading gets ``""``."""
    pieces = _SECTION_SPLIT.split(body_md)
    out = [("", pieces[0])] if pieces[0].strip() else []
    out.extend((pieces[i], pieces[i + 1]) for i in range(1, len(pieces), 2))
    return out


def _without_disclaimer(text: str, disclaimer: str) -> str:
    """A section's text with the closing disclaimer paragraph taken out (it prints on its own)."""
    flat = " ".join(disclaimer.split())
    paragraphs = [p for p in text.split("\n\n") if " ".join(p.split()) != flat]
    return "\n\n".join(paragraphs)


def _without_disclaimers(text: str) -> str:
    """A guide section without the closing disclaimer, English or translated."""
    for disclaimer in (GUIDE_DISCLAIMER, *DISCLAIMERS.values()):
        text = _without_disclaimer(text, disclaimer)
    return text


def _lead(lang: str, lead: str, text: str) -> str:
    """A lead-in ending in a colon ("Please note:"), then its text, as ``lang`` joins them."""
    return say(lang, "{lead} {text}", lead=lead, text=text)


def _closing(sources_html: str, disclaimer: str, my_questions: bool, large_print: bool, lang: str) -> str:
    """What the last page of an item carries: sources, the disclaimer, then the writing box."""
    parts = []
    mark = f"<a name='{CLOSING_ANCHOR}'>"
    if sources_html:
        parts.append(f"<h2>{mark}{say(lang, 'Sources')}</a></h2>{sources_html}")
        mark = ""
    note = f"<b>{say(lang, 'Please note:')}</b>"
    note = f"{mark}{note}</a>" if mark else note
    parts.append(f"<p class='small'>{_lead(lang, note, e(disclaimer))}</p>")
    if my_questions:  # last: a page that holds only the box is still one she writes on
        parts.append(my_questions_html(large_print, lang))
    return "".join(parts)


def my_questions_html(large_print: bool = False, lang: str = ENGLISH) -> str:
    """A blank box with lines to write questions on, and a "Next appointment" line."""
    # Each writing line is a cell's bottom border, tall enough for handwriting.
    pad = round(9 * (LARGE_BODY_PT / BODY_PT if large_print else 1))
    lines = "".join(
        f"<tr><td style='border-bottom: 1px solid {RULE}; padding-top: {pad}px'>&nbsp;</td></tr>"
        for _ in range(WRITING_LINES)
    )
    return (
        f"{_BOX_OPEN}<h2 style='margin-top:0'>{say(lang, 'My questions')}</h2>"
        f"<p class='muted'>{say(lang, 'Write down what you want to ask your doctor or nurse.')}</p>"
        "<table width='100%' cellspacing='0' cellpadding='4' style='border-collapse: collapse'>"
        f"{lines}</table>"
        f"<table width='100%' cellspacing='0' cellpadding='4' style='border-collapse: collapse; "
        f"margin-top: {pad}px'><tr><td width='35%'><b>{say(lang, 'Next appointment:')}</b></td>"
        f"<td style='border-bottom: 1px solid {RULE}'>&nbsp;</td></tr></table></td></tr></table>"
    )


def _excerpt(text_md: str, words: int = EXCERPT_WORDS) -> str:
    """The first ``words`` words of Markdown as plain text, with an ellipsis when cut."""
    plain = re.sub(r"[*_`#>\[\]]|\(breastedu:[^)]*\)", "", text_md)
    tokens = plain.split()
    return " ".join(tokens[:words]) + (" …" if len(tokens) > words else "")


def _footer(printed: dt.date, checked: dt.date | None, lang: str) -> str:
    """The footer line of every page (no content hash or reading grades: editors' data)."""
    parts = [say(lang, "Printed {date}", date=long_date(printed, lang))]
    if checked is not None:
        parts.append(say(lang, "sources checked {date}", date=long_date(checked, lang)))
    return " · ".join(parts)


def _sources_html(article: ArticleView | None, text_md: str, lang: str) -> str:
    """The sources list: the guide's own Sources section when there is one, else its list."""
    if text_md.strip():
        return markdown_to_html(text_md)
    if article is None or not article.sources:
        return ""
    items = "".join(f"<li>{e(s)}</li>" for s in article.sources)
    day = article.last_checked
    checked = f"<p>{e(say(lang, 'Checked: {date}', date=long_date(day, lang)))}</p>" if day else ""
    return f"<ul>{items}</ul>{checked}"


# Sheets ---------------------------------------------------------------------------------------


def topic_part(
    page: TopicPage,
    *,
    sections: Sequence[str] = DEFAULT_SECTIONS,
    large_print: bool = False,
    questions: Sequence[QuestionPage] = (),
    glossary: Sequence[GlossaryEntry] = (),
    printed: dt.date,
    contact: str = "",
    lang: str = ENGLISH,
) -> SheetPart:
    """A topic sheet: key points box, the guide, words used, related questions, closing; its
    own words in ``lang`` (the page comes in its language)."""
    chosen = check_sections(sections)
    guide = page.guide
    body = [f"<h1>{e(page.topic.title)}</h1>"]
    if page.topic.summary:
        body.append(f"<p class='summary'>{e(page.topic.summary)}</p>")
    pieces = split_sections(guide.body_md) if guide else []
    named = {section_key(heading): text for heading, text in pieces}  # a translation's too
    # The guide's "Checked: 2026-11-30" line (in its language) is for editors; paper says it in
    # words (one format).
    sources_md = _ISO_CHECKED.sub("", _without_disclaimers(named.get("Sources", "")))
    if guide is None:
        no_guide = say(lang, "A plain-language guide for this topic is not in the library yet.")
        body.append(_box(say(lang, "Not written yet"), f"<p>{e(no_guide)}</p>"))
    if KEY_POINTS in chosen and "Key points" in named:
        body.append(_box(say(lang, "Key points"), markdown_to_html(named["Key points"])))
    if GUIDE in chosen:
        for heading, text in pieces:
            key = section_key(heading)
            if key == "Sources" or (key == "Key points" and KEY_POINTS in chosen):
                continue
            title = f"<h2>{e(heading)}</h2>" if heading else ""
            body.append(title + markdown_to_html(_without_disclaimers(text)))
    if GLOSSARY in chosen:
        used = terms_used("".join(body), glossary)
        if used:
            # One paragraph per word, so a word never ends a page apart from its meaning.
            items = "".join(f"<p class='term'><b>{e(t.term)}</b><br/>{e(t.definition)}</p>" for t in used)
            body.append(f"<h2>{say(lang, 'Words used on this sheet')}</h2>{items}")
    answered = [q for q in questions if q.answer is not None]
    if QUESTIONS in chosen and answered:
        body.append(f"<h2>{say(lang, 'Questions we have answered')}</h2>")
        for question in answered[:RELATED_LIMIT]:
            short = question.answer.short_answer if question.answer else ""
            # One paragraph per question, so a title never ends a page apart from its answer.
            body.append(f"<p class='answered'><b>{e(question.title)}</b><br/>{e(short)}</p>")
    questions = [q for q in questions if q.answer is None]
    if QUESTIONS in chosen and questions:
        body.append(f"<h2>{say(lang, 'Questions people asked')}</h2>")
        for question in questions[:RELATED_LIMIT]:
            reply = question.replies[0] if question.replies else None
            said = (
                f"<p><i>{e(say(lang, 'Dr. {name} replied:', name=reply.doctor))}</i> "
                f"{e(_excerpt(reply.body_md))}</p>"
                if reply
                else ""
            )
            body.append(f"<h3>{e(question.title)}</h3>{said}")
    # A guide's closing paragraph (``languages.DISCLAIMERS``), else the library's.
    disclaimer = DISCLAIMERS.get(lang, GUIDE_DISCLAIMER) if guide else say(lang, DISCLAIMER)
    sources = _sources_html(guide, sources_md, lang)
    if guide is not None:  # when it was checked and is next reviewed, and who writes it
        facts = [*article_facts(guide, lang), say(lang, EDITORS_LINE), contact]
        sources += f"<p class='small'>{'<br/>'.join(e(line) for line in facts if line)}</p>"
    body.append(_closing(sources, disclaimer, MY_QUESTIONS in chosen, large_print, lang))
    checked = guide.last_checked if guide else None
    return SheetPart(
        title=page.topic.title,
        html=_wrap("".join(body), page.topic.title, large_print, lang),
        footer=_footer(printed, checked, lang),
        kind="topic",
        lang=lang,
    )


def question_part(
    page: QuestionPage,
    *,
    sections: Sequence[str] = DEFAULT_SECTIONS,
    large_print: bool = False,
    printed: dt.date,
    contact: str = "",
    english_flags: Sequence[RedFlagView] = (),
    lang: str = ENGLISH,
) -> SheetPart:
    """A question sheet: the question, who asked, each reply with its signature, More Info,
    and where the page came from. Of the sections only the "My questions" box applies.
    ``english_flags``: a bilingual answer's warning signs in English, after the translated ones;
    the sheet's own words are in ``lang`` (the page comes in its language)."""
    chosen = check_sections(sections)
    if page.answer is not None:
        return _answer_part(page, page.answer, chosen, large_print, printed, contact, english_flags, lang)
    assert page.ask_date is not None  # a question someone asked
    note_box = functools.partial(_note_box, lang=lang)
    asked = asked_by(page, lang)
    body = [
        f"<p class='muted'>{e(page.topic.group_title)} › {e(page.topic.title)}</p>",
        f"<h1>{e(page.title)}</h1>",
        f"<p class='muted'>{e(asked)}</p>",
        _provenance_box(page, printed, lang),
        _box(say(lang, "The question"), with_editor_notes(page.body_md, _notes(page, "question"), note_box)),
    ]
    for i, reply in enumerate(page.replies):
        title_line = f"<br/>{e(reply.title_line)}" if reply.title_line else ""
        notes = _notes(page, "reply") if i == 0 else []
        replied = say(lang, "Replied {date}", date=long_date(reply.reply_date, lang))
        heading = say(lang, "The doctor's reply")
        body.append(
            f"<h2>{heading}</h2>"
            f"<p><b>{e(doctor(reply.doctor, lang))}</b> · {e(reply.department)}"
            f"{title_line}<br/>{e(replied)}</p>"
            f"{with_editor_notes(reply.body_md, notes, note_box)}"
        )
    if page.more_info:
        body.append(
            f"<h2>{e(say(lang, 'More Info: a general article'))}</h2>"
            f"<p class='muted'>{e(more_info_label(page, lang))}</p>"
        )
        body.append(with_editor_notes(page.more_info.body_md, _notes(page, "more_info"), note_box))
    body.append(f"<p class='small'>{e(source_line(page, lang))}</p>")
    more = page.more_info
    sources = _sources_html(more, "", lang) if more else ""
    body.append(_closing(sources, say(lang, DISCLAIMER), MY_QUESTIONS in chosen, large_print, lang))
    return SheetPart(
        title=page.title,
        html=_wrap("".join(body), page.title, large_print, lang),
        footer=_footer(printed, more.last_checked if more else None, lang),
        kind="question",
        lang=lang,
    )


def _answer_part(
    page: QuestionPage,
    answer: EditorAnswerView,
    chosen: Sequence[str],
    large_print: bool,
    printed: dt.date,
    contact: str,
    english_flags: Sequence[RedFlagView],
    lang: str,
) -> SheetPart:
    """An answered question's sheet: the editors' label, the short answer, the answer, the
    topic's warning signs, the guide and related questions to read next, who writes it, its
    sources and dates. No asker, no doctor."""
    body = [
        f"<p class='muted'>{e(page.topic.group_title)} › {e(page.topic.title)}</p>",
        f"<h1>{e(page.title)}</h1>",
        f"<p class='muted'>{e(editors_label(answer, lang))}</p>",
        # One paragraph per line: a bilingual sheet's short answer is the Chinese, then the English.
        _box(
            say(lang, "Short answer"),
            "".join(f"<p>{e(line)}</p>" for line in answer.short_answer.splitlines()),
        ),
        markdown_to_html(answer.body_md),
    ]
    if answer.red_flags:
        signs = page.language.lang if page.language else ENGLISH  # the lead-ins in the signs' language
        english = (  # bilingual: the English after the translation, as each section of the answer
            f"<h3>Warning signs</h3>{markdown_to_html(red_flags_md(english_flags))}" if english_flags else ""
        )
        body.append(
            _box(
                warning_signs_title(page.topic.title, lang),
                markdown_to_html(red_flags_md(answer.red_flags, signs))
                + english
                + f"<p class='small'>{e(red_flags_from(lang))}{e(red_flag_sources(answer.red_flags))}</p>",
            )
        )
    guide = e(answer.guide_title or page.topic.title)
    body.append(f"<h2>{say(lang, 'Read more')}</h2><p>{_lead(lang, say(lang, 'Our guide:'), guide)}</p>")
    if page.related_questions:
        items = "".join(f"<li>{e(q.title)}</li>" for q in page.related_questions)
        body.append(f"<h2>{say(lang, 'Related questions')}</h2><ul>{items}</ul>")
    sources = "".join(f"<li>{e(source)}</li>" for source in answer.sources)
    body.append(f"<p class='small'>{e(say(lang, EDITORS_NOTE))} {e(contact)}</p>")
    dates = say(
        lang,
        "Checked {checked} · next review due {due}",
        checked=long_date(answer.checked, lang),
        due=long_date(answer.next_review, lang),
    )
    closing = f"<ul>{sources}</ul><p>{e(dates)}</p>"
    body.append(_closing(closing, say(lang, DISCLAIMER), MY_QUESTIONS in chosen, large_print, lang))
    return SheetPart(
        title=page.title,
        html=_wrap("".join(body), page.title, large_print, lang),
        footer=_footer(printed, answer.checked, lang),
        kind="answer",
        lang=lang,
    )


def _notes(page: QuestionPage, part: str) -> list[EditorNoteView]:
    return [n for n in page.editor_notes if n.part == part]


def _note_box(note: EditorNoteView, lang: str) -> str:
    """An editor's note on paper: a boxed note right after the paragraph it is about."""
    when, text, sources = editor_note_text(note, lang)
    return _box(
        say(lang, "Editor's note"),
        f"<p class='small'>{when}</p><p>{text}</p>"
        f"<p class='small'>{_lead(lang, e(say(lang, 'Sources:')), sources)}</p>",
    )


def _provenance_box(page: QuestionPage, printed: dt.date, lang: str) -> str:
    """Where the page comes from and how old its reply is, counted from the day it is printed."""
    text = provenance_text(page, printed, lang)
    small = " ".join(s for s in (text.address, text.evidence) if s)
    guide = say(lang, "{link}.", link=e(text.guide_title))
    return _box(
        say(lang, "Where this page comes from"),
        f"<p>{e(text.origin)} {e(text.replied)}</p><p><b>{e(text.currency)}</b> {guide}</p>"
        + (f"<p class='small'>{e(small)}</p>" if small else ""),
    )


def _wrap(body: str, title: str, large_print: bool, lang: str) -> str:
    """An item's HTML document, its drawings described in ``lang``."""
    page = Sheet(title=title, parts=(), large_print=large_print, lang=lang)
    return page.document(localize_descriptions(body, lang), title)


def sheet(
    parts: Sequence[SheetPart],
    *,
    header: SheetHeader | None = None,
    large_print: bool = False,
    title: str | None = None,
    pack: bool | None = None,
    new_leaf: bool = False,
    lang: str = ENGLISH,
) -> Sheet:
    """One sheet of ``parts``; more than one part (or ``pack=True``) gets a contents page and,
    with ``new_leaf``, each of its items starts on a new leaf. Its own words (a pack's title,
    its contents page, the page corners) are in ``lang``."""
    if not parts:
        raise InputError("nothing to print: choose at least one topic or question")
    is_pack = len(parts) > 1 if pack is None else pack
    name = title or (say(lang, "Handout pack") if is_pack else parts[0].title)
    return Sheet(
        title=name,
        parts=tuple(parts),
        header=header or SheetHeader(),
        large_print=large_print,
        contents=is_pack,
        lang=lang,
        new_leaf=new_leaf and is_pack,
    )


def html_sheet(
    title: str, html: str, *, footer: str, header: SheetHeader | None = None, private: bool = False
) -> Sheet:
    """A ready-made HTML document as a one-part sheet."""
    part = SheetPart(title=title, html=html, footer=footer, kind="visit")
    return Sheet(title=title, parts=(part,), header=header or SheetHeader(), private=private)


def visit_sheet(
    html: str, *, printed: dt.date, header: SheetHeader | None = None, lang: str = ENGLISH
) -> Sheet:
    """Her visit sheet (``core.notebook.visit_sheet`` HTML, made in ``lang``) with the running
    header and footer in ``lang``; it holds her own follow-ups and questions, so its PDF is
    private to her."""
    # Its stylesheet names plain sans-serif (core.notebook cannot reach the sheet's fonts).
    html = html.replace(
        "font-family: sans-serif;", f"font-family: {FONT_FAMILIES.get(lang, 'sans-serif')};", 1
    )
    footer = say(lang, "Printed {date}", date=long_date(printed, lang))
    made = html_sheet(say(lang, "My visit sheet"), html, footer=footer, header=header, private=True)
    return replace(made, lang=lang, parts=tuple(replace(p, lang=lang) for p in made.parts))


def with_header(value: Sheet, header: SheetHeader) -> Sheet:
    """``value`` with another running header (a kiosk prints under the clinic's)."""
    return replace(value, header=header)


class SheetBuilder:
    """Composes sheets from a ContentService by slug; safe to call from worker threads.

    ``lang`` (and ``bilingual``) is what every sheet is printed in unless a pack says otherwise
    for one of its sheets (:meth:`build`'s ``languages``); the contents page of a pack, its
    title and the page corners are in ``lang``.
    """

    def __init__(self, content: ContentService, lang: str = ENGLISH, *, bilingual: bool = False) -> None:
        self._content = content
        self.lang = lang  # pages in this language where translated (content.i18n)
        self.bilingual = bilingual and lang != ENGLISH  # each section translated, then English
        self._glossaries: dict[str, tuple[GlossaryEntry, ...]] = {}

    @property
    def choice(self) -> str:
        """The language a sheet is printed in when nothing else is chosen (a :data:`SHEET_LANGUAGES`)."""
        return BILINGUAL if self.bilingual else self.lang

    def glossary(self, lang: str) -> tuple[GlossaryEntry, ...]:
        if lang not in self._glossaries:
            self._glossaries[lang] = self._content.glossary(lang)
        return self._glossaries[lang]

    def all_topics(self) -> tuple[str, ...]:
        """Every topic slug in tree order (what ``print --all`` prints)."""
        return tuple(t.slug for g in self._content.tree() for t in g.topics)

    def check(self, slugs: Sequence[str]) -> None:
        """NotFoundError naming the first slug that is neither a topic nor a question."""
        for slug in slugs:
            if self._content.lookup(slug) is None:
                raise NotFoundError(f"no topic or question has the slug {slug!r}", where=slug)

    def part(
        self,
        slug: str,
        options: SheetOptions,
        *,
        printed: dt.date,
        clinic: Clinic | None = None,
        language: str | None = None,
    ) -> SheetPart:
        """The sheet part for one topic or question slug (NotFoundError if there is none), in
        ``language`` (a :data:`SHEET_LANGUAGES`; None: the builder's); ``clinic`` is who a reader
        tells about an error (the project when None)."""
        lang, bilingual = sheet_language(language or self.choice)
        contact = report_error_text(clinic, lang)
        ref = self._content.lookup(slug)
        if ref is None:
            raise NotFoundError(f"no topic or question has the slug {slug!r}", where=slug)
        part = self._part(ref.kind, slug, options, printed, contact, lang, bilingual)
        return replace(part, html=print_links(part.html, lambda s: self._title_of(s, lang), lang))

    def _title_of(self, slug: str, lang: str = ENGLISH) -> str | None:
        ref = self._content.lookup(slug)
        if ref is None:
            return None
        if lang != ENGLISH:
            found = self._content.localizer(lang).get("topic" if ref.kind == "topic" else "answer", slug)
            return found.title if found is not None else ref.title
        return ref.title

    def title(self, slugs: Sequence[str]) -> str:
        """The title a sheet of ``slugs`` gets (what its PDF is named after)."""
        if len(slugs) != 1:
            return "Handout pack"
        return self._title_of(slugs[0]) or "Sheet"

    def _part(
        self,
        kind: str,
        slug: str,
        options: SheetOptions,
        printed: dt.date,
        contact: str,
        lang: str,
        bilingual: bool,
    ) -> SheetPart:
        if kind == "question":
            question = self._content.question_page(slug, lang)
            english_flags: Sequence[RedFlagView] = ()
            if bilingual:
                english = self._content.question_page(slug)
                both = bilingual_question(question, english)
                if both is not question and english.answer is not None:  # a translated answer
                    english_flags = english.answer.red_flags
                question = both
            made = question_part(
                question,
                sections=options.sections,
                large_print=options.large_print,
                printed=printed,
                contact=contact,
                english_flags=english_flags,
                lang=lang,
            )
            return with_notice(made, notice(question.language)) if question.language else made
        page = self._content.topic_page(slug, lang)
        if bilingual:
            page = bilingual_topic(page, self._content.topic_page(slug))
        questions: list[QuestionPage] = []
        if QUESTIONS in options.sections:
            refs = (*page.answers[:RELATED_LIMIT], *page.questions[:RELATED_LIMIT])
            questions = [self._content.question_page(q.slug, lang) for q in refs]
        made = topic_part(
            page,
            sections=options.sections,
            large_print=options.large_print,
            questions=questions,
            glossary=self.glossary(lang) if GLOSSARY in options.sections else (),
            printed=printed,
            contact=contact,
            lang=lang,
        )
        return with_notice(made, notice(page.language)) if page.language else made

    def build(
        self,
        slugs: Sequence[str],
        options: SheetOptions = SheetOptions(),
        *,
        clinic: Clinic | None = None,
        printed: dt.date | None = None,
        title: str | None = None,
        pack: bool | None = None,
        languages: Sequence[str | None] | None = None,
    ) -> Sheet:
        """One sheet of ``slugs`` (a pack with a contents page when there are several);
        ``languages`` gives each slug its own language (a :data:`SHEET_LANGUAGES`, None for the
        builder's), each printed with its own words and footer."""
        self.check(slugs)
        chosen = list(languages) if languages is not None else [None] * len(slugs)
        if len(chosen) != len(slugs):
            raise ValueError("one language (or None) per slug")
        day = printed or dt.date.today()
        parts = [
            self.part(slug, options, printed=day, clinic=clinic, language=language)
            for slug, language in zip(slugs, chosen, strict=True)
        ]
        return sheet(
            parts,
            header=header_for(clinic),
            large_print=options.large_print,
            title=title,
            pack=pack,
            new_leaf=options.new_leaf,
            lang=self.lang,
        )
