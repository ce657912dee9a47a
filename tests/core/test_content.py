"""ContentService hands out the tree, pages and lookups as dataclasses; bad DBs are refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import REAL_SLUG, SEED

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.content.service import ContentService
from breastedu.core.errors import ContentDBError, NotFoundError


def test_tree_counts_questions_per_topic(library: ContentService) -> None:
    """The tree shows both groups, all ten topics, and how many questions each has."""
    groups = library.tree()
    assert [g.title for g in groups] == ["Breast", "Thyroid"]
    counts = {t.slug: t.question_count for g in groups for t in g.topics}
    assert len(counts) == 10
    assert counts["calcifications"] == 2 and counts["thyroid-nodules"] == 1 and counts["goiter"] == 0


def test_question_page_has_every_field(library: ContentService) -> None:
    """The real question comes back with its reply, doctor, More Info and topic."""
    page = library.question_page(REAL_SLUG)
    assert page.topic.slug == "calcifications"
    reply = page.replies[0]
    assert (reply.doctor, reply.department, reply.reply_date) == (
        "Zhou Jiazhen",
        "Breast and Thyroid",
        dt.date(2015, 8, 20),
    )
    assert reply.title_line.startswith("Director of Surgery")
    assert page.more_info is not None and page.more_info.kind == "more_info"
    assert page.source == "000_37194c49921cb46b.txt"


def test_topic_page_lists_newest_first(library: ContentService) -> None:
    """A topic page lists its questions, newest first."""
    page = library.topic_page("calcifications")
    assert [q.ask_date.year for q in page.questions] == [2016, 2015]


def test_lookup_and_not_found(library: ContentService) -> None:
    """A slug resolves to its kind; an unknown one is None or NotFoundError."""
    assert library.lookup("goiter").kind == "topic"  # type: ignore[union-attr]
    assert library.lookup(REAL_SLUG).topic_slug == "calcifications"  # type: ignore[union-attr]
    assert library.lookup("nope") is None
    with pytest.raises(NotFoundError):
        library.question_page("nope")
    with pytest.raises(NotFoundError):
        library.topic_page("nope")


def test_content_db_is_read_only(library_db: Path) -> None:
    """The app cannot write to the content DB."""
    engine = open_content_readonly(library_db, immutable=False)
    with engine.connect() as conn, pytest.raises(Exception, match="readonly"):
        conn.exec_driver_sql("DELETE FROM question")
    engine.dispose()


def test_memory_mapped_reads_are_bounded(library_db: Path) -> None:
    """A large library does not map its whole file into the app's memory (every connection)."""
    engine = open_content_readonly(library_db, immutable=False)
    with engine.connect() as first, engine.connect() as second:
        for conn in (first, second):
            assert 0 < conn.exec_driver_sql("PRAGMA mmap_size").scalar_one() <= 64 << 20
    engine.dispose()


def test_missing_db_is_a_clear_error(tmp_path: Path) -> None:
    """A missing content DB names the path."""
    with pytest.raises(ContentDBError, match="not found"):
        ContentService.open(tmp_path / "none.sqlite")


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    """A file that is not SQLite is refused with a plain sentence."""
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ContentDBError, match="not a BreastEdu content database"):
        ContentService.open(junk)


def test_unknown_schema_version_is_refused(tmp_path: Path, library_db: Path) -> None:
    """A content DB from a newer app is refused, saying how to fix it."""
    copy = tmp_path / "old.sqlite"
    copy.write_bytes(library_db.read_bytes())
    con = sqlite3.connect(copy)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(ContentDBError, match=r"schema version 999, .*; update the app$"):
        ContentService.open(copy)


def test_stats_count_the_library() -> None:
    """The home page's counts: topics, guides and their newest check, glossary words, and
    both kinds of question (the tree's counts added up)."""
    service = ContentService.open(SEED)
    stats = service.stats()
    topics = [t for g in service.tree() for t in g.topics]
    guides = [g for t in topics if (g := service.topic_page(t.slug).guide) is not None]
    assert stats.topics == len(topics) == 10
    assert stats.guides == len(guides) == 10
    assert stats.last_checked == max(g.last_checked for g in guides if g.last_checked)
    assert stats.glossary_terms == len(service.glossary()) > 100
    assert (stats.questions, stats.answers) == (
        sum(t.question_count for t in topics),
        sum(t.answer_count for t in topics),
    )
    service.close()
