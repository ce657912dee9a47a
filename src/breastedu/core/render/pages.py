"""Which page an app link opens, and its HTML: ``home``, ``topic/<slug>``,
``question/<slug>``, ``glossary``, and the app's own ``welcome``, ``privacy``, ``about`` and
``who-writes-this``.
Runs on a worker thread; Qt-free."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from breastedu.core.catalogue import say
from breastedu.core.clinic import Clinic
from breastedu.core.content.dto import GlossaryEntry, counts_text
from breastedu.core.content.service import ContentService
from breastedu.core.errors import NotFoundError
from breastedu.core.languages import ENGLISH
from breastedu.core.links import LinkRef
from breastedu.core.render import html as render
from breastedu.core.render import info

HOME = "home"
GLOSSARY = "glossary"
QUESTIONS = "questions"  # questions/<topic slug>: a topic's whole question list


@dataclass(frozen=True)
class RenderedPage:
    """A page ready for the reader: its target, window title and HTML."""

    target: str
    title: str
    html: str
    topic_slug: str | None = None
    question_slug: str | None = None
    #: The doctor's reply as text, for "+ Follow-up" to read an interval from ("annual").
    reply_text: str = ""
    #: A topic's whole question list: the topic's slug, and how many questions it has. The
    #: HTML is only the heading; the list itself is a lazy model read page by page.
    question_list: str | None = None
    question_count: int = 0
    #: The date of that reply: advice given to another patient, which the follow-up form says.
    reply_date: dt.date | None = None
    #: The page's identity for notes, follow-ups, the handout pack and printing: a topic or a
    #: question (None for home, the glossary and the app's own pages). Built here, only here.
    link: LinkRef | None = None

    @property
    def printable_slug(self) -> str | None:
        """The slug a sheet prints from this page (topics and questions only)."""
        return self.link.slug if self.link is not None else None


def normalize_target(target: str) -> str:
    """Accept ``breastedu:topic/x``, ``topic/x`` or a bare slug-less word; strip the scheme."""
    target = target.strip()
    if target.startswith(f"{render.APP_SCHEME}:"):
        target = target[len(render.APP_SCHEME) + 1 :]
    return target.strip("/") or HOME


def glossary_query(target: str) -> str | None:
    """The filter of a ``glossary?q=...`` target ("" for plain ``glossary``), or None when
    ``target`` is not the glossary page."""
    path, _, query = normalize_target(target).partition("?")
    if path != GLOSSARY:
        return None
    return urllib.parse.parse_qs(query).get("q", [""])[0]


class PageBuilder:
    """Builds pages from a ContentService; safe to call from worker threads."""

    def __init__(
        self, content: ContentService, *, user_dir: Path | None = None, clinic: Clinic | None = None
    ) -> None:
        """``user_dir`` is her notebook's folder, named on the welcome and privacy pages (None:
        kiosk); ``clinic`` is who a reader tells about an error ("Who writes this")."""
        self._content = content
        self._user_dir = user_dir
        self._clinic = clinic
        #: The language pages are built in (set by the GUI thread; a build reads it once).
        self.lang = ENGLISH
        self._glossaries: dict[str, tuple[GlossaryEntry, ...]] = {}

    @cached_property
    def glossary(self) -> tuple[GlossaryEntry, ...]:
        """The glossary, read once (the content DB never changes while open)."""
        return self._content.glossary()

    def glossary_in(self, lang: str) -> tuple[GlossaryEntry, ...]:
        """The glossary in ``lang`` (each entry translated where it is), read once per language."""
        if lang == ENGLISH:
            return self.glossary
        found = self._glossaries.get(lang)
        if found is None:
            found = self._glossaries[lang] = self._content.glossary(lang)
        return found

    def _guides(self, lang: str = ENGLISH) -> list[tuple[str, dt.date | None]]:
        """Each topic guide's title (in ``lang`` where translated) and the date it was last
        checked, in tree order."""
        out = []
        for group in self._content.tree(lang):
            for topic in group.topics:
                guide = self._content.topic_page(topic.slug, lang).guide
                if guide is not None:
                    out.append((guide.title, guide.last_checked))
        return out

    def target_for_slug(self, slug: str) -> str:
        """``topic/<slug>`` or ``question/<slug>`` for a bare slug, or NotFoundError."""
        ref = self._content.lookup(slug)
        if ref is None:
            raise NotFoundError(f"no topic or question has the slug {slug!r}")
        return f"{ref.kind}/{ref.slug}"

    def build(self, target: str) -> RenderedPage:
        """The page for ``target``; unknown targets give a plain "not found" page."""
        target = normalize_target(target)
        kind, _, slug = target.partition("/")
        lang = self.lang
        try:
            if kind == HOME:
                stats = self._content.stats()
                counts = counts_text(stats.questions, stats.answers, lang)
                return RenderedPage(
                    target, say(lang, "Home"), render.home_html(self._content.tree(lang), counts, lang)
                )
            if kind.partition("?")[0] == GLOSSARY:
                query = glossary_query(target) or ""
                return RenderedPage(
                    target, say(lang, "Glossary"), render.glossary_html(self.glossary_in(lang), query, lang)
                )
            if kind == info.WELCOME:
                return RenderedPage(target, say(lang, "Welcome"), info.welcome_html(self._user_dir, lang))
            if kind == info.PRIVACY:
                return RenderedPage(
                    target, say(lang, "Privacy and your data"), info.privacy_html(self._user_dir, lang)
                )
            if kind == render.WHO_WRITES:
                return RenderedPage(
                    target,
                    say(lang, render.WHO_WRITES_TITLE),
                    info.who_writes_html(self._guides(lang), self._clinic, lang),
                )
            if kind == info.ABOUT:
                return RenderedPage(
                    target, say(lang, "About BreastEdu"), info.about_html(self._content.stats(), lang)
                )
            if kind == "topic":
                topic = self._content.topic_page(slug, lang)
                return RenderedPage(
                    target,
                    topic.topic.title,
                    render.topic_html(topic, self.glossary, lang),
                    topic_slug=slug,
                    link=LinkRef("topic", slug, topic.topic.title, slug),
                )
            if kind == QUESTIONS:
                ref = self._content.topic_page(slug, lang).topic
                return RenderedPage(
                    target,
                    say(lang, "Questions: {title}", title=ref.title),
                    render.topic_questions_html(ref, lang),
                    topic_slug=slug,
                    question_list=slug,
                    question_count=ref.question_count,
                )
            if kind == "question":
                page = self._content.question_page(slug, lang)
                return RenderedPage(
                    target,
                    page.title,
                    render.question_html(page, self.glossary, lang=lang),
                    topic_slug=page.topic.slug,
                    question_slug=slug,
                    reply_text="\n".join(r.body_md for r in page.replies),
                    reply_date=page.replies[0].reply_date if page.replies else None,
                    link=LinkRef("question", slug, page.title, page.topic.slug),
                )
        except NotFoundError as exc:
            return self._not_found(target, exc.message)
        return self._not_found(target, say(lang, "There is no page {target}.", target=repr(target)))

    def _not_found(self, target: str, why: str) -> RenderedPage:
        lang = self.lang
        return RenderedPage(
            target, say(lang, "Not found"), render.message_html(say(lang, "Page not found"), why, lang)
        )
