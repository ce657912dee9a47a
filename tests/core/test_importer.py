"""Importing pages: one topic per question, links between pages, updates, all-or-nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_PAGES, REAL_SLUG, REPO, SEED, SHARED_PAGE

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.content.importer import classify, load_tree, question_slug, slugify
from breastedu.core.content.pagefmt import parse_page, read_page_text
from breastedu.core.content.schema import Question
from breastedu.core.content.seed import import_pages
from breastedu.core.content.service import ContentService
from breastedu.core.errors import ContentDBError, InputError
from breastedu.core.search.build import build_step

TREE = load_tree(REPO / "data" / "topics.toml")


def _question_count(db: Path) -> int:
    engine = open_content_readonly(db, immutable=False)
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(Question))
    engine.dispose()
    return int(count or 0)


def test_tree_has_two_groups_and_ten_topics() -> None:
    """Breast has seven topics and Thyroid three, in the plan's order."""
    assert [g for g, _ in TREE.groups] == ["breast", "thyroid"]
    assert [t.slug for t in TREE.topics] == [
        "calcifications",
        "fibroadenoma",
        "breast-cysts",
        "breast-screening",
        "areola-nipple",
        "axillary-lump",
        "breast-pain",
        "thyroid-nodules",
        "hyperthyroidism",
        "goiter",
    ]


@pytest.mark.parametrize(
    ("name", "topic"),
    [
        ("000_37194c49921cb46b.txt", "calcifications"),
        ("101_aaaaaa000101.txt", "calcifications"),
        ("102_aaaaaa000102.txt", "thyroid-nodules"),
        ("103_aaaaaa000103.txt", "axillary-lump"),
    ],
)
def test_each_page_lands_in_the_expected_topic(name: str, topic: str) -> None:
    """Classification uses the text and the topic missing from Related FAQ."""
    path = SHARED_PAGE if name.startswith("000") else FIXTURE_PAGES / name
    assert classify(parse_page(read_page_text(path), name), TREE) == topic


def test_related_faq_gap_decides_when_text_is_silent() -> None:
    """A page whose text names no topic goes to the one its Related FAQ leaves out."""
    text = read_page_text(FIXTURE_PAGES / "102_aaaaaa000102.txt")
    text = text.replace("A health check ultrasound found a 1.2 cm nodule in my thyroid.", "I have a worry.")
    text = text.replace("The report says TI-RADS 3. 1.", "What next? 1.")
    text = text.replace("Thyroid nodule found", "Worry")
    assert classify(parse_page(text, "x"), TREE) == "thyroid-nodules"


def test_slugs_are_stable_and_readable() -> None:
    """The real question's slug is its title plus a short hash of its page id."""
    assert slugify("Clustered calcification") == "clustered-calcification"
    assert question_slug("Clustered calcification", "37194c49921cb46b") == REAL_SLUG


def test_import_folder_links_similar_questions(library: ContentService) -> None:
    """A Similar Q&A whose page is imported too links to it; others say excerpt only."""
    real = library.question_page(REAL_SLUG)
    linked = {s.title: s.local_slug for s in real.similar}
    assert linked["Understanding Breast Calcifications: What You Need to Know"] is not None
    assert linked["Understanding Breast Calcifications: Risks and Management Options"] is None
    thyroid = library.question_page(library.topic_page("thyroid-nodules").questions[0].slug)
    assert thyroid.similar[0].local_slug == REAL_SLUG
    assert thyroid.similar[1].local_slug is None


def test_related_topics_resolve_to_tree_topics(library: ContentService) -> None:
    """Related FAQ names map to topic slugs; the empty own-topic line is not listed."""
    related = library.question_page(REAL_SLUG).related
    assert related[0].name == "Thyroid Nodule" and related[0].topic_slug == "thyroid-nodules"
    assert {r.topic_slug for r in related} == {
        "thyroid-nodules",
        "fibroadenoma",
        "breast-cysts",
        "areola-nipple",
        "hyperthyroidism",
        "breast-screening",
        "axillary-lump",
        "breast-pain",
        "goiter",
    }


def test_reimport_updates_instead_of_duplicating(tmp_path: Path) -> None:
    """Importing the same page twice keeps one question and takes the new text."""
    db = tmp_path / "c.sqlite"
    page = tmp_path / SHARED_PAGE.name
    shutil.copy(SHARED_PAGE, page)
    first = import_pages(db, [page], REPO / "data", search=build_step(index=False))
    page.write_text(page.read_text().replace("Wishing you peace and health.", "Take care."))
    second = import_pages(db, [page], REPO / "data", search=build_step(index=False))
    assert first.added == (REAL_SLUG,) and second.updated == (REAL_SLUG,) and second.added == ()
    assert _question_count(db) == 1
    service = ContentService.open(db)
    assert "Take care." in service.question_page(REAL_SLUG).replies[0].body_md
    service.close()


def test_override_pins_a_topic(tmp_path: Path) -> None:
    """topic-overrides.toml moves a page to the named topic."""
    data = tmp_path / "data"
    (data / "pages").mkdir(parents=True)
    shutil.copy(REPO / "data" / "topics.toml", data / "topics.toml")
    (data / "pages" / "topic-overrides.toml").write_text(
        f'[overrides]\n"{SHARED_PAGE.name}" = "breast-screening"\n'
    )
    import_pages(tmp_path / "c.sqlite", [SHARED_PAGE], data, search=build_step(index=False))
    service = ContentService.open(tmp_path / "c.sqlite")
    assert service.question_page(REAL_SLUG).topic.slug == "breast-screening"
    service.close()


def test_malformed_page_in_folder_leaves_db_unchanged(tmp_path: Path) -> None:
    """One bad page among good ones: an error naming it, and the DB byte-for-byte as before."""
    db = tmp_path / "c.sqlite"
    import_pages(db, [SHARED_PAGE], REPO / "data", search=build_step(index=False))
    before = db.read_bytes()
    folder = tmp_path / "pages"
    shutil.copytree(FIXTURE_PAGES, folder)
    bad = folder / "104_bad.txt"
    good = read_page_text(FIXTURE_PAGES / "103_aaaaaa000103.txt")
    bad.write_text(good.replace("Reply Date: 2021/07/16", ""))
    with pytest.raises(InputError) as info:
        import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    assert str(bad) in str(info.value) and "Reply Date" in str(info.value)
    assert db.read_bytes() == before


def test_failed_import_into_new_db_creates_no_file(tmp_path: Path) -> None:
    """A new target DB is not left behind when the import fails."""
    bad = tmp_path / "bad.txt"
    bad.write_text("Title only\n")
    with pytest.raises(InputError):
        import_pages(tmp_path / "new.sqlite", [bad], REPO / "data", search=build_step(index=False))
    assert not (tmp_path / "new.sqlite").exists()


def test_missing_path_is_reported(tmp_path: Path) -> None:
    """A path that does not exist is named in the error."""
    with pytest.raises(InputError, match="no such file"):
        import_pages(
            tmp_path / "c.sqlite", [tmp_path / "nope"], REPO / "data", search=build_step(index=False)
        )


def _page(title: str, question: str) -> str:
    """A page in the site's format whose Related FAQ names none of the library's topics, so
    only its words decide the topic."""
    return (
        f"{title}\n{question}\nTest Three, 40~49 year old female. Ask Date: 2021/3/4\n"
        "Dr. Third Tester reply Breast and Thyroid\nHello,\nPlease see your doctor.\n"
        "Reply Date: 2021/03/05\nRelated FAQ\n(Other Department)\nHernia(Other Department)\n"
    )


@pytest.mark.parametrize(
    ("title", "question", "topic"),
    [
        # "adenoma" once sent every thyroid adenoma to Fibroadenoma (review 2026-11, section 6).
        (
            "Adenoma: should it be removed?",
            "The doctor found a 2 cm adenoma in my thyroid. The report says follicular adenoma. "
            "Should the adenoma be removed?",
            "thyroid-nodules",
        ),
        # "ultrasound" once sent every thyroid ultrasound to breast screening.
        (
            "Ultrasound results",
            "My thyroid ultrasound showed a hypoechoic area of 0.8 cm. How often should the "
            "ultrasound be repeated?",
            "thyroid-nodules",
        ),
        ("Toxic adenoma treatment", "My scan shows a toxic adenoma in the thyroid.", "hyperthyroidism"),
        # A breast adenoma (a common translation of fibroadenoma) still goes to Fibroadenoma.
        ("Breast adenoma", "An ultrasound found a 1.8 cm breast adenoma. Is it dangerous?", "fibroadenoma"),
        (
            "Breast ultrasound every year?",
            "Should I have a breast ultrasound and a mammogram?",
            "breast-screening",
        ),
        # Swelling of the breast is not a goiter; swollen neck nodes are not an armpit lump.
        (
            "Swollen breast",
            "My breast is swollen, red and painful. The swelling started last week.",
            "breast-pain",
        ),
        (
            "Swollen lymph nodes in the neck",
            "I have swollen lymph nodes in my neck near the thyroid.",
            "thyroid-nodules",
        ),
    ],
)
def test_ambiguous_words_route_to_the_body_part_the_page_is_about(
    title: str, question: str, topic: str
) -> None:
    assert classify(parse_page(_page(title, question), "x"), TREE) == topic


def _counted(db: Path) -> dict[str, tuple[int, int]]:
    """Each topic's (questions with a doctor's reply, editors' answers), counted in the tables."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT t.slug, count(q.id) - count(a.id), count(a.id) FROM topic t"
            " LEFT JOIN question q ON q.topic_id = t.id LEFT JOIN editor_answer a ON a.question_id = q.id"
            " GROUP BY t.slug ORDER BY t.slug"
        ).fetchall()
    finally:
        con.close()
    return {slug: (questions, answers) for slug, questions, answers in rows}


def _shown(db: Path) -> dict[str, tuple[int, int]]:
    """The same counts as the tree shows them; the topic pages and the home page agree."""
    service = ContentService.open(db)
    try:
        tree = {t.slug: (t.question_count, t.answer_count) for g in service.tree() for t in g.topics}
        pages = {slug: service.topic_page(slug).topic for slug in tree}
        stats = service.stats()
    finally:
        service.close()
    assert {slug: (t.question_count, t.answer_count) for slug, t in pages.items()} == tree
    assert (stats.questions, stats.answers) == tuple(map(sum, zip(*tree.values(), strict=True)))
    return tree


def test_topic_counts_are_right_after_imports_that_add_move_and_skip_pages(tmp_path: Path) -> None:
    """The stored per-topic counts equal the tables' after every kind of import into the seed
    (which holds editors' answers): pages added, a page moved to another topic, pages left
    unchanged, a page refused."""
    db = tmp_path / "content.sqlite"
    shutil.copy(SEED, db)
    data = tmp_path / "data"
    (data / "pages").mkdir(parents=True)
    for name in ("topics.toml", "synonyms.toml"):
        shutil.copy(REPO / "data" / name, data / name)
    assert _shown(db) == _counted(db)
    before = _counted(db)

    added = import_pages(db, [FIXTURE_PAGES], data, search=build_step(index=False))
    assert len(added.added) == 3
    after = _shown(db)
    assert after == _counted(db)
    assert after["thyroid-nodules"][0] == before["thyroid-nodules"][0] + 1
    assert after["goiter"][1] == before["goiter"][1] > 0  # the editors' answers are still counted

    (data / "pages" / "topic-overrides.toml").write_text('[overrides]\n"102_aaaaaa000102.txt" = "goiter"\n')
    moved = import_pages(db, [FIXTURE_PAGES], data, search=build_step(index=False))
    assert len(moved.updated) == 1 and len(moved.unchanged) == 2
    shown = _shown(db)
    assert shown == _counted(db)
    assert shown["thyroid-nodules"][0] == after["thyroid-nodules"][0] - 1
    assert shown["goiter"][0] == after["goiter"][0] + 1

    folder = tmp_path / "again"
    shutil.copytree(FIXTURE_PAGES, folder)
    (folder / "104_bad.txt").write_text("Title only\n")
    skipped = import_pages(db, [folder], data, keep_going=True, search=build_step(index=False))
    assert len(skipped.unchanged) == 3 and len(skipped.refused) == 1
    assert _shown(db) == _counted(db) == shown


def test_an_older_content_db_is_refused_and_an_import_brings_it_up_to_date(
    tmp_path: Path, library_db: Path
) -> None:
    """A content DB of schema 3 (no stored counts) is refused with the way out; importing its
    pages into it again upgrades it, counts included."""
    old = tmp_path / "old.sqlite"
    shutil.copy(library_db, old)
    con = sqlite3.connect(old)
    con.execute("DROP TABLE topic_count")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(ContentDBError, match=r"schema version 3, .*'breastedu import PATH\.\.\. --into DB'"):
        ContentService.open(old)
    report = import_pages(old, [SHARED_PAGE], REPO / "data", search=build_step(index=False))
    assert report.unchanged == (REAL_SLUG,)
    assert _shown(old) == _counted(old) == _counted(library_db)


def _library(tmp_path: Path) -> tuple[Path, Path]:
    """A content DB with the fixture pages and the shared page (with its sidecar) imported
    from a folder of copies, and that folder."""
    folder = tmp_path / "pages"
    shutil.copytree(FIXTURE_PAGES, folder)
    for source in (SHARED_PAGE, SHARED_PAGE.with_name(SHARED_PAGE.stem + ".provenance.toml")):
        shutil.copy(source, folder / source.name)
    db = tmp_path / "c.sqlite"
    import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    return db, folder


def _dump(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_unchanged_pages_are_neither_parsed_nor_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-importing an unchanged folder parses no page and leaves every row as it was; a
    changed page is the only one parsed."""
    from breastedu.core.content import importer

    db, folder = _library(tmp_path)
    before = _dump(db)
    parsed: list[str] = []
    real = importer.parse_page

    def counting(text: str, where: str) -> object:
        parsed.append(Path(where).name)
        return real(text, where)

    monkeypatch.setattr(importer, "parse_page", counting)
    again = import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    assert parsed == [] and again.added == again.updated == ()
    assert len(again.unchanged) == len(list(folder.glob("*.txt")))
    assert _dump(db) == before
    page = folder / SHARED_PAGE.name
    page.write_text(page.read_text(encoding="utf-8").replace("Wishing you peace", "Wishing you calm"))
    third = import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    assert parsed == [SHARED_PAGE.name] and third.updated == (REAL_SLUG,)


def test_a_changed_sidecar_alone_is_stored_again(tmp_path: Path) -> None:
    """A page whose text is unchanged but whose provenance sidecar changed is reported
    unchanged, and its provenance is the new one."""
    db, folder = _library(tmp_path)
    sidecar = folder / (SHARED_PAGE.stem + ".provenance.toml")
    text = sidecar.read_text(encoding="utf-8")
    assert 'country = "' in text
    sidecar.write_text(text.replace('country = "', 'country = "Atlantis, ', 1), encoding="utf-8")
    report = import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    assert REAL_SLUG in report.unchanged
    con = sqlite3.connect(db)
    countries = [r[0] for r in con.execute("SELECT country FROM page_source ORDER BY question_id")]
    con.close()
    assert countries == [next(c for c in countries if c.startswith("Atlantis, "))]


def test_a_file_too_large_to_be_a_page_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A huge file among the pages is refused naming it, without reading it into memory."""
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SHARED_PAGE, folder / SHARED_PAGE.name)
    huge = folder / "999_ffffffffffff.txt"
    with huge.open("wb") as handle:
        handle.truncate(1 << 30)  # sparse: 1 GiB that takes no disk
    real = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self != huge, "the huge file was read"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    report = import_pages(
        tmp_path / "c.sqlite", [folder], REPO / "data", search=build_step(index=False), keep_going=True
    )
    assert report.added == (REAL_SLUG,)
    assert [(r.where, "1,073,741,824 bytes" in r.reason) for r in report.refused] == [(str(huge), True)]


def _similar_links(db: Path) -> dict[tuple[str, str], str | None]:
    """(question slug, Similar Q&A title) -> the slug of the local question it links to."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT q.slug, s.title, t.slug FROM similar_question s JOIN question q ON q.id = s.question_id"
            " LEFT JOIN question t ON t.id = s.local_question_id"
        ).fetchall()
    finally:
        con.close()
    return {(slug, title): target for slug, title, target in rows}


def test_similar_questions_link_to_pages_imported_later_and_unlink_when_they_change(tmp_path: Path) -> None:
    """A Similar Q&A links to the local page with its title, or else with its question's
    opening, whichever import brings that page in; an unchanged page's links follow; a link
    goes when its page no longer has that title or opening."""
    folder = tmp_path / "pages"
    folder.mkdir()
    thyroid = folder / "102_aaaaaa000102.txt"
    # The Similar Q&A keeps the real page's opening but not its title: it links by the opening.
    thyroid.write_text(
        read_page_text(FIXTURE_PAGES / thyroid.name)
        .replace("\nClustered calcification\n", "\nOld spots\n")
        .replace("[Read More] Clustered calcification", "[Read More] Old spots"),
        encoding="utf-8",
    )
    db = tmp_path / "c.sqlite"
    import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    (slug,) = {s for s, _ in _similar_links(db)}
    assert _similar_links(db)[(slug, "Old spots")] is None  # the real page is not in the library yet

    real = folder / SHARED_PAGE.name
    shutil.copy(SHARED_PAGE, real)
    shutil.copy(FIXTURE_PAGES / "101_aaaaaa000101.txt", folder)
    report = import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    assert len(report.added) == 2 and report.unchanged == (slug,)
    links = _similar_links(db)
    assert links[(slug, "Old spots")] == REAL_SLUG  # by the opening of its question
    linked = {title: target for (source, title), target in links.items() if source == REAL_SLUG}
    # By title: "What You Need to Know" is page 101; the real page's other two are not here.
    assert sum(target is not None for target in linked.values()) == 1
    assert linked["Understanding Breast Calcifications: What You Need to Know"] not in (None, REAL_SLUG)

    real.write_text(
        real.read_text(encoding="utf-8").replace("Last year, a mammogram", "Two years ago, a mammogram"),
        encoding="utf-8",
    )
    again = import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    assert again.updated == (REAL_SLUG,)
    assert _similar_links(db)[(slug, "Old spots")] is None


def test_the_report_counts_every_page_and_names_a_bounded_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """However many pages an import sees, its report names at most REPORT_SAMPLE of each
    kind (its memory does not grow with the library) and counts them all; the CLI says how
    many more there are."""
    from breastedu.cli import main
    from breastedu.core.content import importer

    monkeypatch.setattr(importer, "REPORT_SAMPLE", 2)
    db, folder = _library(tmp_path)  # four pages
    db.unlink()
    report = import_pages(db, [folder], REPO / "data", search=build_step(index=False))
    assert len(report.added) == 4 and len(list(report.added)) == 2 and report.added.more == 2
    assert list(report.added) == report.added.first == [report.added[0], report.added[1]]
    assert main(["import", str(folder), "--into", str(db), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"imported into {db}: 0 added, 0 updated, 4 unchanged, 0 refused"
    assert sum(line.startswith("  unchanged ") for line in out.splitlines()) == 2
    assert "  ... and 2 more unchanged pages (the report lists the first 2)" in out


def test_a_page_refused_for_its_sidecar_leaves_nothing_behind(tmp_path: Path) -> None:
    """With --keep-going, a page whose provenance sidecar is wrong is refused and none of
    its rows are written (the good pages are)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(FIXTURE_PAGES / "101_aaaaaa000101.txt", folder)
    shutil.copy(SHARED_PAGE, folder)
    sidecar = SHARED_PAGE.with_name(SHARED_PAGE.stem + ".provenance.toml").read_text(encoding="utf-8")
    assert 'guide = "breast-screening"' in sidecar
    (folder / (SHARED_PAGE.stem + ".provenance.toml")).write_text(
        sidecar.replace('guide = "breast-screening"', 'guide = "no-such-topic"'), encoding="utf-8"
    )
    db = tmp_path / "c.sqlite"
    report = import_pages(db, [folder], REPO / "data", search=build_step(index=False), keep_going=True)
    assert len(report.refused) == 1 and "no-such-topic" in report.refused[0].reason
    assert _question_count(db) == 1
    con = sqlite3.connect(db)
    try:
        orphans = con.execute(
            "SELECT count(*) FROM reply WHERE question_id NOT IN (SELECT id FROM question)"
        ).fetchone()[0]
    finally:
        con.close()
    assert orphans == 0


def test_page_files_keep_the_order_given_and_sort_each_folder(tmp_path: Path) -> None:
    """Folders' pages come sorted by name (whatever order the disk lists them in), files
    named alone where they were named; other files are left out."""
    from breastedu.core.content.importer import collect_page_files

    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("b.txt", "a.txt", "é.txt", "c.toml", "10.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    alone = tmp_path / "alone.txt"
    alone.write_text("x", encoding="utf-8")
    files = collect_page_files([alone, folder])
    expected = [alone, *(folder / n for n in ("10.txt", "a.txt", "b.txt", "é.txt"))]
    assert len(files) == 5 and list(files) == expected
    assert files[1:3] == expected[1:3] and files[-1] == expected[-1]
