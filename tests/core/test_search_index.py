"""search.index: the index holds every page, lives where it should (memory or the cache
folder), is rebuilt when the content DB changes, and the content DB ships no search tables."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from tests.core.test_search_relevance import GUIDES, QUESTIONS, build_library

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.errors import InputError
from breastedu.core.search import index as ix
from breastedu.core.search import short
from breastedu.core.search.build import build_step
from breastedu.core.search.service import SearchService
from breastedu.core.search.synonyms import Synonyms, load_synonyms
from breastedu.core.search.text import terms_of
from breastedu.core.search.topics import topic_names


def test_index_holds_every_page(tmp_path: Path) -> None:
    """Every topic, guide and question is one document of the index."""
    db = build_library(tmp_path / "a.sqlite")
    con = sqlite3.connect(db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        synonyms = Synonyms.read(conn)
    index = ix.build(con, synonyms)
    topics = con.execute("SELECT count(*) FROM topic").fetchone()[0]
    assert index.searcher().num_docs == topics + len(GUIDES) + len(QUESTIONS)


def test_content_db_ships_no_search_tables(tmp_path: Path) -> None:
    """The content DB holds content only: the old search tables are dropped on rebuild."""
    db = build_library(tmp_path / "a.sqlite")
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE search_doc_term (x)")
    con.commit()
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        ix.refresh_content(conn, None)  # keeps the synonym groups already loaded
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master ORDER BY name")}
    assert not {n for n in names if n.startswith("search")}
    assert con.execute("SELECT count(*) FROM synonym_group").fetchone()[0] >= 30


def _service(db: Path, cache: Path | None) -> SearchService:
    return SearchService(open_content_readonly(db, immutable=False), path=db, cache_dir=cache)


def test_small_library_is_indexed_in_memory(tmp_path: Path) -> None:
    """A small library (the seed) writes nothing: its index is built in memory."""
    db = build_library(tmp_path / "a.sqlite")
    cache = tmp_path / "cache"
    assert _service(db, cache).search("calc").hits
    assert not cache.exists()


def test_large_library_index_is_cached_reused_and_rebuilt_when_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large library keeps its index in the cache folder, opens it again next time, and
    gets a fresh one (the stale one dropped) when the content DB changes."""
    monkeypatch.setattr(ix, "ON_DISK_MIN_BYTES", 0)
    db = build_library(tmp_path / "a.sqlite")
    cache = tmp_path / "cache"
    assert _service(db, cache).search("calc").hits
    first = [p for p in cache.iterdir()]
    assert len(first) == 1 and (first[0] / "complete").is_file()
    stamp = (first[0] / "complete").stat().st_mtime_ns
    assert _service(db, cache).search("calc").hits
    assert (first[0] / "complete").stat().st_mtime_ns == stamp  # opened, not rebuilt

    con = sqlite3.connect(db)
    con.execute("UPDATE question SET title = 'Zebrafish question' WHERE slug = 'graves-treatment'")
    con.commit()
    con.close()
    os.utime(db, ns=(stamp + 10**9, stamp + 10**9))
    hits = _service(db, cache).search("zebrafish").hits
    assert [h.slug for h in hits] == ["graves-treatment"]
    assert [p.name for p in cache.iterdir()] != [first[0].name] and len(list(cache.iterdir())) == 1


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be written still gives a working search."""
    monkeypatch.setattr(ix, "ON_DISK_MIN_BYTES", 0)
    db = build_library(tmp_path / "a.sqlite")
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert _service(db, blocker / "sub").search("calc").hits


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index was built, not opened")

    monkeypatch.setattr(ix, "build", refuse)


def test_build_seed_ships_the_index_and_a_first_start_builds_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build-seed writes the index beside the seed, readable by every user; a service over
    the seed opens it (no build, nothing written, even where it may not write: kiosk)."""
    from tests.conftest import REPO

    from breastedu.core.content.seed import build_seed

    out = tmp_path / "seed.sqlite"
    build_seed(REPO / "data", out, search=build_step())
    shipped = tmp_path / "seed.sqlite.index"
    assert (shipped / "complete").is_file()
    assert all(f.stat().st_mode & 0o444 == 0o444 for f in shipped.iterdir())
    before = sorted((f.name, f.stat().st_mtime_ns) for f in shipped.iterdir())
    _no_build(monkeypatch)
    for cache in (None, tmp_path / "cache"):
        assert _service(out, cache).search("calcifications").hits
    assert sorted((f.name, f.stat().st_mtime_ns) for f in shipped.iterdir()) == before
    assert not (tmp_path / "cache").exists()


def test_the_committed_seed_ships_its_current_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """data/seed.sqlite.index is the index of data/seed.sqlite as committed: the bundled
    library opens with no index build at first start."""
    from tests.conftest import SEED

    _no_build(monkeypatch)
    service = _service(SEED, None)
    assert service.search("lump").hits
    kept = service._ready().short  # with the rankings of one- and two-letter words, readable
    assert kept.get("c", 30) and kept.expansions("ca") and kept.vocabulary("c")


def test_a_stale_shipped_index_is_not_opened(tmp_path: Path) -> None:
    """An index beside a DB that was imported into again (its search key changed) is not
    used: the search sees the new content."""
    from tests.conftest import REPO, SHARED_PAGE

    from breastedu.core.content.seed import import_pages

    db = tmp_path / "c.sqlite"
    import_pages(db, [SHARED_PAGE], REPO / "data", search=build_step())
    assert (tmp_path / "c.sqlite.index" / "complete").is_file()
    page = tmp_path / "pages" / "9_abcdef123456.txt"
    page.parent.mkdir()
    text = SHARED_PAGE.read_text(encoding="utf-8").replace(
        "Clustered calcification", "Zebrafish calcification", 1
    )
    page.write_text(text.replace("Zhou Zhuzhu, 50", "Zed Zhuzhu, 50", 1), encoding="utf-8")
    import_pages(db, [page], REPO / "data", search=build_step(index=False))
    assert [h.title for h in _service(db, None).search("zebrafish").hits] == ["Zebrafish calcification"]


def test_a_half_built_index_left_by_a_kill_is_removed_at_the_next_start(tmp_path: Path) -> None:
    """A build folder whose process is gone is removed (beside the DB and in the cache); one
    whose process still runs is left alone; nothing is removed where nothing may be written."""
    db = build_library(tmp_path / "a.sqlite")
    cache = tmp_path / "cache"
    cache.mkdir()
    dead = 2**22 + 12345  # above Linux's pid_max: no such process
    left = [tmp_path / f"a.sqlite.index.building-{dead}-x1", cache / f"k{ix._BUILDING}{dead}-y2"]
    running = tmp_path / f"a.sqlite.index.building-{os.getpid()}-z3"
    for folder in (*left, running):
        folder.mkdir()
        (folder / "meta.json").write_text("{}", encoding="utf-8")
    assert _service(db, None).search("calc").hits
    assert all(f.exists() for f in left)  # kiosk: writes (and removes) nothing
    assert _service(db, cache).search("calc").hits
    assert not any(f.exists() for f in left)
    assert running.exists()


def test_words_fold_case_accents_plurals_and_split_cjk() -> None:
    """Indexing folds case, accents and plurals, and splits Chinese into characters and pairs."""
    assert terms_of("Cysts CAFÉ biopsies") == ["cyst", "cafe", "biopsy"]
    assert terms_of("乳腺a") == ["乳", "腺", "乳腺", "a"]


def test_synonym_file_errors_name_the_file(tmp_path: Path) -> None:
    """A malformed synonym list is an input error that names the file and group."""
    bad = tmp_path / "syn.toml"
    bad.write_text('[[group]]\nwords = ["only one"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="group 1"):
        load_synonyms(bad)
    bad.write_text("[[group]\n", encoding="utf-8")
    with pytest.raises(InputError, match="TOML"):
        load_synonyms(bad)


def test_shipped_synonyms_load() -> None:
    """data/synonyms.toml loads, with 30+ groups and no word in two groups."""
    groups = load_synonyms(Path(__file__).resolve().parents[2] / "data" / "synonyms.toml")
    assert len(groups) >= 30
    keys = [k for g in groups for k in {tuple(terms_of(w)) for w in g}]
    assert len(keys) == len(set(keys))


def test_topic_names_cover_parts_and_labels() -> None:
    """A topic is known by its title, its parts and its label."""
    names = dict(topic_names("Armpit (axillary) lump", "Axillary Lump", "Breast"))
    assert {"Armpit lump", "axillary lump", "Axillary Lump"} <= set(names)
    names = dict(topic_names("Chest & breast pain", "Chest", "Breast"))
    assert {"breast pain", "Chest pain"} <= set(names)
    assert names.get("cysts") is None
    assert dict(topic_names("Breast cysts", "Breast Cyst", "Breast"))["cysts"] is False


def test_one_and_two_letter_words_are_ranked_at_build_as_a_search_ranks_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index build keeps the ranking of every one- and two-letter word typed alone: a
    search reads it (ranks nothing, even the first after opening) and shows what ranking it
    there and then shows: the same pages, order and scores. The words a short prefix stands
    for, each letter's words (for "did you mean") and, in each topic, the rankings of the
    words that stand for frequent words are kept too."""
    db = build_library(tmp_path / "content.sqlite")
    # In a topic, the build keeps the words standing for words on this many pages or more:
    # "c" (81) and "ca" (33) in this small library, not "bi" (7).
    monkeypatch.setattr(short, "TOPIC_PAGES", 30)
    assert ix.build_beside(db)
    kept = SearchService(open_content_readonly(db), path=db)
    live = SearchService(open_content_readonly(db))  # in memory: nothing kept
    words = ("c", "ca", "lu", "t", "th", "b", "zz", "a")
    expected = {w: [(h.kind, h.slug, h.score) for h in live.search(w, limit=30).hits] for w in words}
    assert all(expected[w] for w in ("c", "ca", "lu", "th"))
    ranked: list[object] = []
    listed: list[object] = []
    rank, most_frequent = SearchService._rank, SearchService._most_frequent
    monkeypatch.setattr(SearchService, "_rank", lambda *a, **k: ranked.append(a) or rank(*a, **k))
    monkeypatch.setattr(
        SearchService, "_most_frequent", staticmethod(lambda *a: listed.append(a) or most_frequent(*a))
    )
    kept.prepare()
    for w in words:
        kept.forget()  # the first search after opening
        assert [(h.kind, h.slug, h.score) for h in kept.search(w, limit=30).hits] == expected[w], w
    assert ranked == [] and listed == []  # neither ranked nor the letter's words listed
    kept.forget()
    assert kept.search("lump ca", limit=30).hits == live.search("lump ca", limit=30).hits
    assert [a[1:] for a in listed if a[1] == "ca"] == []  # the words "ca" stands for were kept too
    kept.forget()  # the first misspelling: the letter's words are read from the index folder
    assert kept.search("calsification ").did_you_mean == "calcification"
    assert [a[1:] for a in listed if len(a[1]) == 1] == []
    for w in ("c", "ca", "bi"):  # in a topic too, for words standing for frequent words
        ranked.clear()
        kept.forget()
        in_topic = kept.search(w, limit=30, topic="calcifications").hits
        assert bool(ranked) == (w == "bi"), w  # "bi" is ranked as it goes
        assert in_topic and in_topic == live.search(w, limit=30, topic="calcifications").hits, w
