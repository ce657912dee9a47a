"""Markdown to safe HTML, and the HTML of every page the reader shows.

Content Markdown goes through Python-Markdown and then nh3 (Python-Markdown does not
sanitise), so only plain tags, ``breastedu:`` app links, web links (which the window never
follows silently) and bundled images survive. The page HTML around it is ours, with every
field escaped. It keeps to the HTML subset QTextBrowser supports (tables for boxes, no
flex, CSS in px), so the screen and a printout match.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from breastedu.core.catalogue import say, say_count
from breastedu.core.content.dto import (
    ArticleView,
    EditorAnswerView,
    EditorNoteView,
    GlossaryEntry,
    PageLanguage,
    QuestionPage,
    QuestionRef,
    RedFlagView,
    ReplyView,
    TopicGroupRef,
    TopicPage,
    TopicRef,
    counts_text,
)
from breastedu.core.content.provenance import split_paragraphs
from breastedu.core.languages import ENGLISH, GUIDE_SECTIONS, WARNING_WORDS, notice
from breastedu.core.palette import LIGHT, Palette
from breastedu.core.render.drawings import describe_images, localize_descriptions
from breastedu.core.render.provenance import long_date, more_info_label, provenance_text, source_line

if TYPE_CHECKING:
    import markdown

APP_SCHEME = "breastedu"
IMAGE_PREFIX = f"{APP_SCHEME}:image/"
#: The app page that says who writes the guides and answers (``core.render.info``).
WHO_WRITES = "who-writes-this"
WHO_WRITES_TITLE = "Who writes this"

_TAGS = {
    "a",
    "p",
    "br",
    "hr",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
    "span",
    "div",
    "mark",
}
_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "h2": {"id"},
    "h3": {"id"},
    "span": {"class", "title"},
}


DISCLAIMER = (
    "This library gives general health information. It cannot tell you what your own "
    "results mean, and it does not replace your doctor. If you are worried, call your "
    "doctor. In an emergency, call your local emergency number."
)

#: Line height of the reader's text, in percent (WCAG 1.4.12 asks for at least 1.5 in body text).
LINE_HEIGHT_PERCENT = 150


def page_css(p: Palette = LIGHT) -> str:
    """The style sheet of every page in theme ``p`` (the reader's default style sheet; print
    with :data:`~breastedu.core.palette.LIGHT`). Pages carry classes, never colours."""
    return (
        f"body {{ color: {p.ink}; background-color: {p.surface}; }}"
        f"p, li, dd, dt {{ line-height: {LINE_HEIGHT_PERCENT}%; }}"
        f"a {{ color: {p.link}; }}"
        f"a.term {{ color: {p.term}; text-decoration: none; background-color: {p.term_bg}; }}"
        f"h1, h2, h3 {{ color: {p.heading}; }} h2 {{ margin-top: 18px; }}"
        f".muted {{ color: {p.muted}; }}"
        f"p.reply-title {{ color: {p.reply_title}; }}"
        f"td.card {{ background-color: {p.card_bg}; }}"
        f"td.question {{ background-color: {p.question_bg}; }}"
        f"td.reply {{ background-color: {p.reply_bg}; }}"
        f"td.reply-edge {{ background-color: {p.reply_edge}; }}"
        f"td.note {{ background-color: {p.note_bg}; }}"
        # The editors' short answer: calmer than a doctor's reply (no coloured bar), neutral.
        f"td.answer {{ background-color: {p.question_bg}; }}"
        # Where an imported page comes from (a card with a grey edge) and an editor's note
        # beside imported text (a note with the link colour's edge).
        f"td.source {{ background-color: {p.card_bg}; }}"
        f"td.source-edge {{ background-color: {p.muted}; }}"
        f"td.editor-note {{ background-color: {p.note_bg}; }}"
        f"td.editor-note-edge {{ background-color: {p.link}; }}"
    )


# A Markdown converter keeps state while it converts, so one shared by two worker threads
# mixes their pages up: each thread gets its own.
_converters = threading.local()


def _converter() -> markdown.Markdown:
    md: markdown.Markdown | None = getattr(_converters, "md", None)
    if md is None:
        import markdown  # on the first page with Markdown, not at start (the home page has none)

        md = markdown.Markdown(extensions=["sane_lists", "tables"])
        _converters.md = md
    return md


def _image_src_ok(tag: str, attr: str, value: str) -> str | None:
    """Keep bundled images only; anything else (web, file) is dropped."""
    if tag == "img" and attr == "src":
        return value if value.startswith(IMAGE_PREFIX) else None
    return value


def sanitize(html_text: str) -> str:
    """Remove every tag, attribute and URL scheme the reader should not get."""
    import nh3  # as Markdown: on the first page that needs it

    return nh3.clean(
        html_text,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={APP_SCHEME, "https", "http", "mailto"},
        link_rel=None,
        attribute_filter=_image_src_ok,
    )


#: More bare "[" than any real page has links: Python-Markdown's link search would backtrack
#: for minutes on such text (a page stored before the importer escaped its text), so they
#: are shown as text instead.
MAX_BARE_BRACKETS = 200
_BARE_BRACKET = re.compile(r"(?<!\\)\[")


def markdown_to_html(text: str) -> str:
    """Content Markdown to sanitised HTML, in time bounded by the text's length."""
    if text.count("[") > MAX_BARE_BRACKETS and len(_BARE_BRACKET.findall(text)) > MAX_BARE_BRACKETS:
        text = _BARE_BRACKET.sub(r"\\[", text)
    md = _converter()
    md.reset()
    # A bundled drawing is followed by its description in words (ours, not the page's).
    return describe_images(sanitize(md.convert(text)))


def e(text: str) -> str:
    """Escape a field for HTML text or an attribute."""
    return html.escape(text, quote=True)


def link(target: str, label: str) -> str:
    """An app link, e.g. ``link("topic/goiter", "Goiter")``."""
    return f'<a href="{APP_SCHEME}:{e(target)}">{e(label)}</a>'


def who_writes_link(lang: str = ENGLISH) -> str:
    """The link to "Who writes this", in ``lang``."""
    return link(WHO_WRITES, say(lang, WHO_WRITES_TITLE))


def _page(body: str, title: str, *, disclaimer: bool = True, lang: str = ENGLISH) -> str:
    footer = f'<hr/><p class="muted"><small>{e(say(lang, DISCLAIMER))}</small></p>' if disclaimer else ""
    return f"<html><head><title>{e(title)}</title></head><body>{body}{footer}</body></html>"


def _box(inner: str, kind: str, *, edge: bool = False) -> str:
    """A coloured block of ``kind`` (``question``, ``reply``, ``answer``, ``note``): its colours come from
    :func:`page_css`. QTextBrowser draws table cells' backgrounds, not div's borders."""
    edge_cell = f'<td width="6" class="{kind}-edge"></td>' if edge else ""
    return (
        f'<table width="100%" cellspacing="0" cellpadding="12" style="margin-top:8px;'
        f'margin-bottom:8px"><tr>{edge_cell}<td class="{kind}">{inner}</td></tr></table>'
    )


def _muted(text: str) -> str:
    """A grey line of facts (names, dates, links); never marked with glossary terms."""
    return f'<p class="no-terms muted">{text}</p>'


def _sex_age(page: QuestionPage, lang: str) -> str:
    sex = {"female": say(lang, "woman"), "male": say(lang, "man")}.get(page.sex, page.sex)
    age = page.age_band.replace("~", "–")
    return say(lang, "{sex}, {age} years old", sex=sex, age=age) if age else sex


def asked_by(page: QuestionPage, lang: str = ENGLISH) -> str:
    """Who asked and when, as the screen and the sheet both say it (plain text)."""
    assert page.ask_date is not None  # a question someone asked
    who, when = _sex_age(page, lang), long_date(page.ask_date, lang)
    return say(lang, "Asked by {alias} ({who}) on {date}", alias=page.asker_alias, who=who, date=when)


def doctor(name: str, lang: str = ENGLISH) -> str:
    """A replying doctor's name with the title: "Dr. Lin", "Lin 醫師"."""
    return say(lang, "Dr. {name}", name=name)


def _reply_html(reply: ReplyView, notes: Sequence[EditorNoteView] = (), lang: str = ENGLISH) -> str:
    who = f"<b>{e(doctor(reply.doctor, lang))}</b> · {e(reply.department)}"
    title_line = f"<br/>{e(reply.title_line)}" if reply.title_line else ""
    replied = say(lang, "Replied {date}", date=long_date(reply.reply_date, lang))
    title = say(lang, "The doctor's reply")
    head = (
        f'<p class="reply-title"><b>{title}</b></p>'  # our words
        f'<p class="no-terms">{who}{title_line}<br/>{e(replied)}</p>'
    )
    render_note = functools.partial(_note_html, lang=lang)
    return _box(head + with_editor_notes(reply.body_md, notes, render_note), "reply", edge=True)


def editor_note_text(note: EditorNoteView, lang: str = ENGLISH) -> tuple[str, str, str]:
    """An editor's note as escaped HTML pieces: (when and why it is there, the note with its
    guide link, its sources). Shared by the screen and printed sheets."""
    guide = (
        say(lang, " See our guide: {link}.", link=link("topic/" + note.guide_slug, note.guide_title or ""))
        if note.guide_slug
        else ""
    )
    when = e(
        say(
            lang,
            "added by this library on {date}; the text above is shown as it was published",
            date=long_date(note.checked, lang),
        )
    )
    return when, f"{e(note.note)}{guide}", e("; ".join(note.sources))


def _note_html(note: EditorNoteView, lang: str = ENGLISH) -> str:
    """An editor's note, boxed and labelled, placed right after the paragraph it is about."""
    when, text, sources = editor_note_text(note, lang)
    label = say(lang, "Editor's note")
    inner = (
        f"<p><b>{label}</b> ({when})</p><p>{text}</p>"  # our words (no markup to escape)
        f'<p class="no-terms muted"><small>{e(say(lang, "Sources:"))} {sources}</small></p>'
    )
    return _box(inner, "editor-note", edge=True)


def with_editor_notes(
    markdown: str,
    notes: Sequence[EditorNoteView],
    render_note: Callable[[EditorNoteView], str] = _note_html,
) -> str:
    """Imported Markdown as HTML, with each editor's note after its paragraph (text unchanged).
    ``render_note`` draws a note (the screen's box, or a printed sheet's)."""
    if not notes:
        return markdown_to_html(markdown)
    out = []
    for number, paragraph in enumerate(split_paragraphs(markdown), start=1):
        out.append(markdown_to_html(paragraph))
        out.extend(render_note(n) for n in notes if n.paragraph == number)
    return "".join(out)


def provenance_html(page: QuestionPage, today: dt.date, lang: str = ENGLISH) -> str:
    """The block that says where an imported page comes from and how old its reply is."""
    text = provenance_text(page, today, lang)
    lines = [
        f"<p><b>{e(say(lang, 'Where this page comes from'))}</b></p>",
        f"<p>{e(text.origin)} {e(text.replied)}</p>",
        f"<p><b>{e(text.currency)}</b> "
        f"{say(lang, '{link}.', link=link('topic/' + text.guide_slug, text.guide_title))}</p>",
    ]
    small = " ".join(s for s in (text.address, text.evidence) if s)
    if small:
        lines.append(f'<p class="muted"><small>{e(small)}</small></p>')
    return _box(f'<div class="no-terms">{"".join(lines)}</div>', "source", edge=True)


def article_html(article: ArticleView, before_sources: str = "", lang: str = ENGLISH) -> str:
    """An article's body; a guide also says when it was checked and who writes it.

    The guide's own Sources section already names the sources and the date checked.
    ``before_sources`` (our HTML) goes just above that section, or at the end without one.
    """
    head, mark, sources = article.body_md, "", ""
    for name in ("Sources", *(names[-1] for names in GUIDE_SECTIONS.values())):  # in any language
        if f"\n## {name}" in head:
            head, mark, sources = article.body_md.partition(f"\n## {name}")
            break
    parts = [markdown_to_html(head), before_sources]
    if mark:
        parts.append(markdown_to_html(mark + sources))
    facts = [f"<small>{e(line)}</small>" for line in article_facts(article, lang)]
    if article.kind == "guide":
        facts.append(
            f"<small>{e(say(lang, 'Written by the BreastEdu editors:'))} {who_writes_link(lang)}</small>"
        )
    if facts:
        parts.append(_muted("<br/>".join(facts)))
    return "".join(parts)


def editors_label(answer: EditorAnswerView, lang: str = ENGLISH) -> str:
    """``Answered by the BreastEdu editors from <sources> · checked <date>`` (plain text)."""
    return say(
        lang,
        "Answered by the BreastEdu editors from {sources} · checked {date}",
        sources="; ".join(answer.sources),
        date=long_date(answer.checked, lang),
    )


def _question_list(refs: Sequence[QuestionRef], lang: str = ENGLISH) -> str:
    items = []
    for q in refs:
        asked = say(lang, "asked {date}", date=long_date(q.ask_date, lang)) if q.ask_date else ""
        when = f' <span class="muted">· {e(asked)}</span>' if q.ask_date else ""
        items.append(f"<li>{link('question/' + q.slug, q.title)}{when}</li>")
    return f"<ul>{''.join(items)}</ul>"


def red_flags_md(flags: Sequence[RedFlagView], lang: str = ENGLISH) -> str:
    """A topic's warning signs as Markdown, most urgent first (the words of its guide), with
    the lead-ins in ``lang`` (the language the signs are in)."""
    from breastedu.core.content.redflags import as_markdown

    return as_markdown(flags, lang)


def red_flag_sources(flags: Sequence[RedFlagView]) -> str:
    """Where a topic's warning signs come from: each source once, in order."""
    return "; ".join(dict.fromkeys(f.source for f in flags))


def warning_signs_title(topic_title: str, lang: str = ENGLISH) -> str:
    words = WARNING_WORDS.get(lang)
    return words["title"].format(topic=topic_title) if words else f"Warning signs: {topic_title}"


def red_flags_from(lang: str = ENGLISH) -> str:
    """The words before a topic's warning-sign sources."""
    words = WARNING_WORDS.get(lang)
    return words["from"] if words else "From: "


#: What every editors' answer says about who wrote it, on screen and on paper.
EDITORS_NOTE = (
    "Written by the BreastEdu editors from the guidelines below. No doctor or nurse has "
    "reviewed it yet. It is general information for anyone with this question, not a "
    "reply to you."
)


def _answer_page_html(page: QuestionPage, answer: EditorAnswerView, ui: str = ENGLISH) -> list[str]:
    """The parts of an answered question's page below its title: no asker, no doctor (the
    frame in ``ui``, the window's language)."""
    topic = link("topic/" + page.topic.slug, answer.guide_title or page.topic.title)
    body = [
        _muted(f"{e(editors_label(answer, ui))} · {who_writes_link(ui)}"),
        _box(
            f'<p class="muted"><b>{e(say(ui, "Short answer"))}</b></p><p>{e(answer.short_answer)}</p>',
            "answer",
        ),
        markdown_to_html(answer.body_md),
    ]
    if answer.red_flags:
        lang = page.language.lang if page.language else ENGLISH  # the answer's, so its signs'
        body.append(
            _box(
                f"<h2>{e(warning_signs_title(page.topic.title, lang))}</h2>"
                f"{markdown_to_html(red_flags_md(answer.red_flags, lang))}"
                f'<p class="no-terms muted"><small>{e(red_flags_from(lang))}'
                f"{e(red_flag_sources(answer.red_flags))}</small></p>",
                "note",
            )
        )
    body.append(f"<h2>{e(say(ui, 'Read more'))}</h2><p>{e(say(ui, 'Our guide:'))} {topic}</p>")
    if page.related_questions:
        body.append(
            f"<h2>{e(say(ui, 'Related questions'))}</h2>" + _question_list(page.related_questions, ui)
        )
    if page.related:
        items = [f"<li>{link('topic/' + r.topic_slug, r.name)}</li>" for r in page.related if r.topic_slug]
        body.append(f"<h2>{e(say(ui, 'Related topics'))}</h2><ul>{''.join(items)}</ul>")
    sources = "".join(f"<li>{e(s)}</li>" for s in answer.sources)
    dates = say(
        ui,
        "Checked {checked} · next review due {due}.",
        checked=long_date(answer.checked, ui),
        due=long_date(answer.next_review, ui),
    )
    body.append(
        f'<div class="no-terms muted"><h3>{e(say(ui, "About this answer"))}</h3>'
        f"<p>{e(say(ui, EDITORS_NOTE))} {who_writes_link(ui)}</p>"
        f"<ul>{sources}</ul>"
        f"<p>{e(dates)}</p></div>"
    )
    return body


def article_facts(article: ArticleView, lang: str = ENGLISH) -> list[str]:
    """The plain line under a guide, on screen and in print: when it was checked and is next
    reviewed. (Its reading grades are editors' data: ``breastedu check-content``.)"""
    if article.last_checked is not None and article.review_due is not None:
        return [
            say(
                lang,
                "Checked against its guidelines on {checked}. Next review due: {due}.",
                checked=long_date(article.last_checked, lang),
                due=long_date(article.review_due, lang),
            )
        ]
    return []


def language_line(language: PageLanguage | None) -> str:
    """The one line that says which language a page is in and which English it follows (""
    for an English page asked for in English)."""
    text = notice(language) if language is not None else ""
    return _muted(f"<small>{e(text)}</small>") if text else ""


def question_html(
    page: QuestionPage,
    glossary: Sequence[GlossaryEntry] = (),
    today: dt.date | None = None,
    lang: str = ENGLISH,
) -> str:
    """The question page: where it comes from, the question, the doctor's reply, More Info
    (labelled as a general article), editors' notes beside their paragraphs, links. Its frame
    is in ``lang`` (the window's language); the page's own text is in its own language."""
    today = today or dt.date.today()

    def notes(part: str) -> list[EditorNoteView]:
        return [n for n in page.editor_notes if n.part == part]

    crumbs = (
        f"{link('home', say(lang, 'Home'))} › {e(page.topic.group_title)} › "
        f"{link('topic/' + page.topic.slug, page.topic.title)}"
    )
    head = [_muted(crumbs), language_line(page.language), f"<h1>{e(page.title)}</h1>"]
    if page.answer is not None:
        parts = [*head, *_answer_page_html(page, page.answer, lang)]
        return _page(_terms_marked("".join(parts), glossary, lang), page.title, lang=lang)
    assert page.ask_date is not None  # a question someone asked
    render_note = functools.partial(_note_html, lang=lang)
    body = [
        *head,
        _muted(e(asked_by(page, lang))),
        provenance_html(page, today, lang),
        _box(
            f"<p><b>{e(say(lang, 'The question'))}</b></p>"
            f"{with_editor_notes(page.body_md, notes('question'), render_note)}",
            "question",
        ),
    ]
    body.extend(
        _reply_html(reply, notes("reply") if i == 0 else (), lang) for i, reply in enumerate(page.replies)
    )
    if page.more_info:
        body.append(f"<h2>{e(say(lang, 'More Info: a general article'))}</h2>")
        body.append(_muted(e(more_info_label(page, lang))))
        body.append(with_editor_notes(page.more_info.body_md, notes("more_info"), render_note))
    if page.similar:
        body.append(f"<h2>{e(say(lang, 'Similar questions'))}</h2>")
        for sim in page.similar:
            title = link("question/" + sim.local_slug, sim.title) if sim.local_slug else e(sim.title)
            only = say(lang, "Only this excerpt is in the library; the full page is not.")
            where = "" if sim.local_slug else f"<br/><i>{e(only)}</i>"
            body.append(
                f"<h3>{title}</h3><p>{e(sim.question_excerpt)}</p>"
                f'<p class="muted"><span class="no-terms">{e(doctor(sim.doctor, lang))} · '
                f"{e(sim.department)}:</span> "
                f"{e(sim.reply_excerpt)}{where}</p>"
            )
    if page.related:
        items = [
            f"<li>{link('topic/' + r.topic_slug, r.topic_title or r.name) if r.topic_slug else e(r.name)}"
            "</li>"
            for r in page.related
        ]
        body.append(f"<h2>{e(say(lang, 'Related topics'))}</h2><ul>{''.join(items)}</ul>")
    body.append(_muted(f"<small>{e(source_line(page, lang))}</small>"))
    return _page(_terms_marked("".join(body), glossary, lang), page.title, lang=lang)


def topic_html(page: TopicPage, glossary: Sequence[GlossaryEntry] = (), lang: str = ENGLISH) -> str:
    """A topic page: its guide first, then the real questions in that topic (its frame in
    ``lang``, the window's language)."""
    crumbs = f"{link('home', say(lang, 'Home'))} › {e(page.topic.group_title)}"
    body = [_muted(crumbs), language_line(page.language), f"<h1>{e(page.topic.title)}</h1>"]
    if page.topic.summary:
        body.append(f"<p><i>{e(page.topic.summary)}</i></p>")
    groups = _topic_groups_html(page, lang)
    if page.guide:
        body.append(article_html(page.guide, before_sources=groups, lang=lang))
    else:
        missing = say(lang, "A plain-language guide for this topic is not in the library yet.")
        body.append(_box(f"<p>{e(missing)}</p>", "note"))
        body.append(groups)
    # A guide ends with its own disclaimer; a second one under it would only be noise.
    return _page(
        _terms_marked("".join(body), glossary, lang),
        page.topic.title,
        disclaimer=page.guide is None,
        lang=lang,
    )


def topic_questions_html(topic: TopicRef, lang: str = ENGLISH) -> str:
    """The heading of a topic's whole question list (the list itself is a lazy list view)."""
    home = link("home", say(lang, "Home"))
    crumbs = f"{home} › {e(topic.group_title)} › {link('topic/' + topic.slug, topic.title)}"
    heading = say(
        lang, "Questions patients asked: {title} ({n})", title=topic.title, n=f"{topic.question_count:,}"
    )
    newest = say(lang, "Newest first. Open one to read it with the doctor's reply.")
    return _page(
        _muted(crumbs) + f"<h1>{e(heading)}</h1><p>{e(newest)}</p>",
        topic.title,
        disclaimer=False,
        lang=lang,
    )


def _topic_groups_html(page: TopicPage, lang: str = ENGLISH) -> str:
    """The topic's questions as two labelled groups: the editors' answers, then the
    questions patients asked with a doctor's reply."""
    answered = say(lang, "Questions we have answered ({n})", n=len(page.answers))
    out = [f"<h2>{e(answered)}</h2>"]
    if page.answers:
        out.append(
            _muted(
                e(
                    say(
                        lang,
                        "Common questions, answered by the BreastEdu editors from the guidelines "
                        "this guide uses.",
                    )
                )
            )
        )
        out.append(_question_list(page.answers, lang))
    else:
        out.append(f"<p>{e(say(lang, 'No answered questions on this topic are in the library yet.'))}</p>")
    count = page.topic.question_count
    asked = say(lang, "Questions patients asked, with a doctor's reply ({n})", n=f"{count:,}")
    out.append(f"<h2>{e(asked)}</h2>")
    if page.questions:
        out.append(
            _muted(
                e(
                    say(
                        lang,
                        "Real questions from a Q&A service, each with one doctor's reply to that patient.",
                    )
                )
            )
        )
        out.append(_question_list(page.questions, lang))
        if count > len(page.questions):
            # The whole list is a lazy list (read a page at a time as she scrolls), never HTML.
            show_all = say(lang, "Show all {n} questions", n=f"{count:,}")
            out.append(f"<p><b>{link('questions/' + page.topic.slug, show_all)}</b></p>")
    else:
        none = say(lang, "No doctor's replies on this topic are in the library yet.")
        out.append(f"<p>{e(none)}</p>")
    return "".join(out)


def home_html(groups: Sequence[TopicGroupRef], counts: str, lang: str = ENGLISH) -> str:
    """The home page: a welcome and the topics as cards with a one-line summary each."""
    intro = say(
        lang,
        "Answers to breast and thyroid questions, in plain words. Common questions answered "
        "by our editors from named guidelines, real questions from patients with doctors' "
        "replies, and a guide for every topic. Everything stays on this computer.",
    )
    body = [
        "<h1>BreastEdu</h1>",
        f"<p>{e(intro)}</p>",
        _muted(f"{e(counts)} · {link('glossary', say(lang, 'Glossary of words'))}"),
    ]
    for group in groups:
        body.append(f"<h2>{e(group.title)}</h2>")
        cells = [
            '<td width="50%" class="card" valign="top">'
            f"<p><b>{link('topic/' + t.slug, t.title)}</b></p><p>{e(t.summary)}</p>"
            f'<p class="muted"><small>{e(counts_text(t.question_count, t.answer_count, lang))}'
            "</small></p></td>"
            for t in group.topics
        ]
        rows = ["<tr>" + "".join(cells[i : i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
        body.append(f'<table width="100%" cellspacing="8" cellpadding="10">{"".join(rows)}</table>')
    return _page("".join(body), "BreastEdu", lang=lang)


def glossary_html(entries: Sequence[GlossaryEntry], query: str = "", lang: str = ENGLISH) -> str:
    """The glossary: an A–Z index of in-page anchors, then every term (or those matching
    ``query``, from ``breastedu:glossary?q=...``) with its definition, under letter headings.

    A translated term (積極監測) files under the letter of its English term (its slug:
    ``active-surveillance``, A), as the glossary is in the English order and each entry
    shows its English term beside it; "#" stays for a term that starts with a digit or sign."""
    from breastedu.core.content.glossary import filter_glossary, index_letter

    def letter_of(entry: GlossaryEntry) -> str:
        return index_letter(entry.term if entry.term[:1].isascii() else entry.slug)

    shown = filter_glossary(entries, query)
    letters = sorted({letter_of(entry) for entry in shown}, key=lambda c: (c == "#", c))
    title = say(lang, "Glossary")
    body = [
        _muted(link("home", say(lang, "Home"))),
        f"<h1>{e(title)}</h1>",
        f"<p>{e(say(lang, 'Words you may meet in this library, in plain language.'))}</p>",
    ]
    if query.strip():
        matched = say_count(
            lang, len(shown), "{n} term matches “{query}”.", "{n} terms match “{query}”.", query=query.strip()
        )
        body.append(f"<p><b>{e(matched)}</b> {link('glossary', say(lang, 'Show all terms'))}</p>")
    if not entries:
        body.append(f"<p>{e(say(lang, 'The glossary is empty in this library.'))}</p>")
    elif not shown:
        body.append(f"<p>{e(say(lang, 'No term matches. Try a shorter word.'))}</p>")
    if letters:
        jumps = " ".join(f'<a href="#letter-{e(c.lower())}">{e(c)}</a>' for c in letters)
        body.append(f'<p class="no-terms"><b>{e(say(lang, "Jump to a letter:"))}</b> {jumps}</p>')
    for letter in letters:
        items = []
        for entry in (x for x in shown if letter_of(x) == letter):
            also = say(lang, "(also: {aliases})", aliases=", ".join(entry.aliases))
            aliases = f' <span class="muted">{e(also)}</span>' if entry.aliases else ""
            items.append(
                f'<dt><a name="{e(entry.slug)}"></a><b>{e(entry.term)}</b>{aliases}</dt>'
                f"<dd>{e(entry.definition)}</dd>"
            )
        body.append(
            f'<h2 id="letter-{e(letter.lower())}"><a name="letter-{e(letter.lower())}"></a>{e(letter)}</h2>'
        )
        body.append(f"<dl>{''.join(items)}</dl>")
    return _page("".join(body), title, lang=lang)


def message_html(title: str, text: str, lang: str = ENGLISH) -> str:
    """A simple page for "not found" and similar messages (``title`` and ``text`` in ``lang``)."""
    home = link("home", say(lang, "Go to the home page"))
    return _page(f"<h1>{e(title)}</h1><p>{e(text)}</p><p>{home}</p>", title, lang=lang)


def _terms_marked(body: str, glossary: Sequence[GlossaryEntry], lang: str) -> str:
    """A content page's ``body`` with its drawings described in ``lang`` (``describe_images``
    writes English; before the terms are marked, which would change the English it replaces)
    and its glossary terms marked."""
    return mark_terms(localize_descriptions(body, lang), glossary)


def mark_terms(body: str, glossary: Sequence[GlossaryEntry]) -> str:
    """Mark each glossary term's first use in ``body`` (a no-op without a glossary)."""
    if not glossary:
        return body
    from breastedu.core.content.glossary import mark_first_uses

    return mark_first_uses(body, glossary)
