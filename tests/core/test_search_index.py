"""search_index: the build is deterministic, complete, checkable, and reads synonyms safely."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from tests.core.test_search_relevance import build_library

from breastedu.core.errors import ContentDBError, InputError
from breastedu.core.search import index as ix


def _vacuumed_hash(db: Path) -> str:
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("VACUUM")
    con.close()
    return hashlib.sha256(db.read_bytes()).hexdigest()


def test_same_content_gives_byte_identical_db(tmp_path: Path) -> None:
    """Two builds of the same content are byte-identical after VACUUM (reproducible seed)."""
    a = build_library(tmp_path / "a.sqlite")
    b = build_library(tmp_path / "b.sqlite")
    assert _vacuumed_hash(a) == _vacuumed_hash(b)


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    out = {
        t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in (*ix.TABLES, "synonym_group")
    }
    con.close()
    return out


def test_rebuild_replaces_the_index(tmp_path: Path) -> None:
    """Rebuilding an indexed DB gives the same index again (old tables are dropped first)."""
    a = build_library(tmp_path / "a.sqlite")
    b = tmp_path / "b.sqlite"
    shutil.copyfile(a, b)
    engine = create_engine(f"sqlite:///{b}")
    with engine.begin() as conn:
        ix.rebuild(conn, None)  # keeps the synonym groups already loaded
    engine.dispose()
    assert _tables(a) == _tables(b)


def test_check_accepts_a_built_db_and_rejects_a_bare_one(tmp_path: Path) -> None:
    """Start-up check: an indexed DB passes; one without the search tables is refused."""
    db = build_library(tmp_path / "a.sqlite")
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        ix.check(conn)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE search_info")
    with engine.connect() as conn, pytest.raises(ContentDBError):
        ix.check(conn)
    engine.dispose()


def test_prefix_lists_hold_the_best_documents_of_each_range(tmp_path: Path) -> None:
    """Every prefix list equals the best documents over its words' own lists (max impact)."""
    con = sqlite3.connect(build_library(tmp_path / "a.sqlite"))
    ranges = con.execute("SELECT DISTINCT lo, hi FROM search_list WHERE lo < hi ORDER BY lo, hi").fetchall()
    assert ranges
    for lo, hi in ranges:
        stored = con.execute(
            "SELECT doc_id, impact FROM search_list WHERE lo = ? AND hi = ? ORDER BY rank", (lo, hi)
        ).fetchall()
        expected = con.execute(
            "SELECT doc_id, max(impact) AS i FROM search_doc_term WHERE term_id BETWEEN ? AND ?"
            " GROUP BY doc_id ORDER BY i DESC, doc_id LIMIT ?",
            (lo, hi, ix.PREFIX_LIST_SIZE),
        ).fetchall()
        assert stored == expected


def test_title_hit_outscores_any_body_hit(tmp_path: Path) -> None:
    """For one term, a title hit's impact beats every body-only impact."""
    con = sqlite3.connect(build_library(tmp_path / "a.sqlite"))
    term_id = con.execute("SELECT term_id FROM search_term WHERE term = 'ultrasound'").fetchone()[0]
    rows = con.execute(
        "SELECT instr(lower(d.title), 'ultrasound') > 0, t.impact FROM search_doc_term t"
        " JOIN search_doc d USING (doc_id) WHERE t.term_id = ? ORDER BY t.doc_id",
        (term_id,),
    ).fetchall()
    titled = [i for in_title, i in rows if in_title]
    body = [i for in_title, i in rows if not in_title]
    assert titled and body and min(titled) > max(body)


def test_words_fold_case_accents_plurals_and_split_cjk() -> None:
    """Indexing folds case, accents and plurals, and splits Chinese into characters and pairs."""
    assert ix.terms_of("Cysts CAFÉ biopsies") == ["cyst", "cafe", "biopsy"]
    assert ix.terms_of("乳腺a") == ["乳", "腺", "乳腺", "a"]


def test_synonym_file_errors_name_the_file(tmp_path: Path) -> None:
    """A malformed synonym list is an input error that names the file and group."""
    bad = tmp_path / "syn.toml"
    bad.write_text('[[group]]\nwords = ["only one"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="group 1"):
        ix.load_synonyms(bad)
    bad.write_text("[[group]\n", encoding="utf-8")
    with pytest.raises(InputError, match="TOML"):
        ix.load_synonyms(bad)


def test_shipped_synonyms_load() -> None:
    """data/synonyms.toml loads, with 30+ groups and no word in two groups."""
    groups = ix.load_synonyms(Path(__file__).resolve().parents[2] / "data" / "synonyms.toml")
    assert len(groups) >= 30
    keys = [k for g in groups for k in {ix.entry_key(w) for w in g}]
    assert len(keys) == len(set(keys))


def test_topic_names_cover_parts_and_labels() -> None:
    """A topic is known by its title, its parts and its label."""
    names = dict(ix.topic_names("Armpit (axillary) lump", "Axillary Lump", "Breast"))
    assert {"Armpit lump", "axillary lump", "Axillary Lump"} <= set(names)
    names = dict(ix.topic_names("Chest & breast pain", "Chest", "Breast"))
    assert {"breast pain", "Chest pain"} <= set(names)
    assert names.get("cysts") is None
    assert dict(ix.topic_names("Breast cysts", "Breast Cyst", "Breast"))["cysts"] is False
