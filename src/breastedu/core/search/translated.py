"""Translated pages in search: indexed beside the English ones, shown in the reader's language.

A translated topic, guide or editors' answer (``content.i18n``, the ``translation`` table) is
one more document of the index with the same kind and ref as its English page, so the
results show each page once whichever language matched (``SearchService`` merges a page's
documents). :func:`localized` then gives each hit its translated title and a snippet of the
translated text.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

from breastedu.core.search import index as ix
from breastedu.core.search.text import index_text

if TYPE_CHECKING:
    from breastedu.core.content.i18n import Localizer
    from breastedu.core.search.service import SearchResults

_TOPIC_TEXTS = (
    "SELECT tr.kind, p.id, tr.title, tr.summary, tr.body_md FROM translation tr"
    " JOIN topic p ON p.slug = tr.slug WHERE tr.kind IN ('topic', 'guide')"
    " ORDER BY tr.lang, tr.kind, p.id"
)
_ANSWER_TEXTS = (
    "SELECT q.id, q.topic_id, tr.title, tr.summary, tr.body_md, q.slug, q.title,"
    " q.body_md || char(10) || coalesce(ea.body_md, '') FROM translation tr"
    " JOIN question q ON q.slug = tr.slug LEFT JOIN editor_answer ea ON ea.question_id = q.id"
    " WHERE tr.kind = 'answer' ORDER BY tr.lang, q.id"
)


def _has_translations(con: sqlite3.Connection) -> bool:
    found = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'translation'")
    return found.fetchone() is not None


def translated_key_rows(con: sqlite3.Connection) -> Iterator[tuple[object, ...]]:
    """What the translated documents are built from, row by row, for the index's search key
    (``index.search_key``): a changed translation makes the shipped index stale."""
    if _has_translations(con):
        yield from con.execute(_TOPIC_TEXTS)
        yield from con.execute(_ANSWER_TEXTS)


def translated_docs(con: sqlite3.Connection) -> Iterator[ix.Doc]:
    """The index documents of every translated topic, guide and answer (none in a content
    DB without translations)."""
    if not _has_translations(con):
        return
    for kind, tid, title, summary, body in con.execute(_TOPIC_TEXTS):
        if kind == "topic":
            yield ix.Doc(ix.KIND_TOPIC, tid, tid, title, summary, translated=True)
        else:
            text, captions = index_text(body)
            yield ix.Doc(ix.KIND_GUIDE, tid, tid, title, text, captions, translated=True)
    for qid, tid, title, short, body, slug, english_title, english in con.execute(_ANSWER_TEXTS):
        text, captions = index_text(f"{short}\n{body}")
        # The row a hit shows is the English page's (``localized`` puts the translation in a
        # reader's language): its slug, title and snippet text, as the English document stores.
        yield ix.Doc(
            ix.KIND_QUESTION, qid, tid, title, text, captions, slug, ix.snippet_source(english),
            translated=True, shown_title=english_title,
        )  # fmt: skip


def localized(results: SearchResults, localizer: Localizer) -> SearchResults:
    """``results`` for a reader of ``localizer``'s language: each hit with a translation gets
    its translated title, topic name and the translated text its snippet is cut from; the
    others stay in English. The order is not changed."""
    if not localizer.texts:
        return results
    hits = []
    for hit in results.hits:
        topic = localizer.get("topic", hit.topic_slug)
        guide = localizer.get("guide", hit.slug) if hit.kind != "question" else None
        page = localizer.get("answer", hit.slug) if hit.kind == "question" else guide
        if hit.kind == "topic":
            page = localizer.get("topic", hit.slug)
        if page is None:
            hits.append(hit.replace(topic_title=topic.title if topic else hit.topic_title))
            continue
        text = "\n".join(part for part in (page.summary, guide.body_md if guide else page.body_md) if part)
        # The snippet is cut from the translated text, marked for the same query, when shown.
        hits.append(
            hit.replace(
                title=page.title,
                topic_title=topic.title if topic else hit.topic_title,
                text=ix.snippet_source(text),
            )
        )
    return dataclasses.replace(results, hits=tuple(hits))
