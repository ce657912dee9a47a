"""The page parser recovers every field a reader sees, and names the line of any problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.conftest import FIXTURE_PAGES, SHARED_PAGE

from breastedu.core.content.pagefmt import (
    ParsedPage,
    lines_to_markdown,
    parse_page,
    read_page_text,
    related_gap,
)
from breastedu.core.errors import InputError


@pytest.fixture(scope="module")
def real_text() -> str:
    return read_page_text(SHARED_PAGE)


def test_real_page_fields(real_text: str) -> None:
    """Title, asker, dates, doctor, department and signature line come back exactly."""
    page = parse_page(real_text, "real.txt")
    assert page.title == "Clustered calcification"
    assert (page.asker_alias, page.age_band, page.sex) == ("Zhou Zhuzhu", "50~59", "female")
    assert page.ask_date == dt.date(2015, 8, 20)
    assert (page.doctor, page.department) == ("Zhou Jiazhen", "Breast and Thyroid")
    assert page.title_line == "Director of Surgery, Taoyuan Hospital, Ministry of Health and Welfare"
    assert page.reply_date == dt.date(2015, 8, 20)


def test_real_page_question_items_become_a_list(real_text: str) -> None:
    """The site's '1.' / 'How often...' split is joined back into list items."""
    page = parse_page(real_text, "real.txt")
    assert (
        "I would like to ask:\n\n1. How often should follow-up examinations be done?\n"
        "2. Is there a possibility that clustered microcalcifications can metastasize? "
        "Thank you, doctor!" in page.question_md
    )
    assert page.question_md.startswith("Last year, a mammogram revealed clustered microcalcifications")


def test_real_page_reply_body_without_signature(real_text: str) -> None:
    """The reply keeps its numbered answers and drops the signature lines."""
    page = parse_page(real_text, "real.txt")
    assert page.reply_md.startswith("Dear Zhou Zhuzhu,\n\n1. Annual mammography screening.\n2. If malignant")
    assert page.reply_md.rstrip().endswith("Wishing you peace and health.")
    assert "Director of Surgery" not in page.reply_md and "Zhou Jiazhen" not in page.reply_md


def test_real_page_more_info_is_markdown(real_text: str) -> None:
    """More Info keeps every paragraph, with its numbered sections as a list and lead-ins bold."""
    page = parse_page(real_text, "real.txt")
    md = page.more_info_md
    assert md.startswith("Clustered calcifications in the breast are often a point of concern")
    assert "1. **Follow-Up Recommendations:** After the surgical removal" in md
    assert "\n2. **Risk of Malignancy and Metastasis:** Clustered" in md
    assert "**Additional Considerations:** It is also important" in md
    assert md.rstrip().endswith("addressing any potential risks.")
    assert md.count("\n\n") == 4  # five blocks: intro, the 1-2 list, three paragraphs


def test_real_page_similar_qa(real_text: str) -> None:
    """All four Similar Q&A keep title, excerpts, doctor and department; [Read More] is gone."""
    similar = parse_page(real_text, "real.txt").similar
    assert [s.title for s in similar] == [
        "Understanding Breast Calcifications: Risks and Management Options",
        "Understanding Breast Calcifications: What You Need to Know and Do",
        "Understanding Breast Calcifications: What You Need to Know",
        "Understanding Breast Calcifications: Risks and Next Steps for Your Health",
    ]
    assert similar[0].question_excerpt.startswith("Hello, during my health check-up")
    assert similar[0].question_excerpt.endswith("underwent ano…")
    assert similar[0].reply_excerpt.startswith("Dear Jin: It is not that calcifications")
    assert similar[2].reply_excerpt.endswith("explain the next steps to you.")
    assert (similar[3].doctor, similar[3].department) == ("Lin Kecheng", "Surgery")
    assert all("[Read More]" not in s.reply_excerpt for s in similar)


def test_real_page_related_faq_with_empty_topic(real_text: str) -> None:
    """Related FAQ keeps all ten lines, the site's empty '(Breast and Thyroid)' as an empty name."""
    related = parse_page(real_text, "real.txt").related
    assert related[0] == ("", "Breast and Thyroid")
    assert related[1] == ("Thyroid Nodule", "Breast and Thyroid")
    assert [name for name, _ in related][-1] == "Thyroid Enlargement"
    assert len(related) == 10


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    """A page saved with a BOM and Windows line ends parses like the original."""
    original = SHARED_PAGE.read_text(encoding="utf-8")
    copy = tmp_path / "crlf.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode())
    assert parse_page(read_page_text(copy), "x") == parse_page(original, "x")


def test_fixture_page_without_optional_parts() -> None:
    """A page with no More Info or Similar Q&A parses with those empty."""
    path = FIXTURE_PAGES / "103_aaaaaa000103.txt"
    page = parse_page(read_page_text(path), str(path))
    assert page.title == "Lump under my arm"
    assert page.more_info_md == "" and page.similar == () and len(page.related) == 10
    assert page.title_line == ""


def test_single_digit_dates_parse() -> None:
    """'2020/1/9' is a valid ask date."""
    path = FIXTURE_PAGES / "102_aaaaaa000102.txt"
    assert parse_page(read_page_text(path), "x").ask_date == dt.date(2020, 1, 9)


def test_lines_to_markdown_keeps_plain_numbers() -> None:
    """A line that merely contains a number is not turned into a list."""
    assert lines_to_markdown(["I am 47 years old."]) == "I am 47 years old.\n"
    assert lines_to_markdown(["#3 on the list"]) == "\\#3 on the list\n"


def _break(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("Reply Date: 2015/08/20", "", 18, "Reply Date"),
        ("Dr. Zhou Jiazhen reply Breast and Thyroid\nDear", "Zhou Jiazhen answered\nDear", 8, "doctor line"),
        ("Ask Date: 2015/08/20", "Ask Date: 2015/02/30", 7, "does not exist"),
        ("Reply Date: 2015/08/20", "Reply Date: last week", 17, "YYYY/MM/DD"),
        ("Zhou Zhuzhu, 50~59 year old female. Ask Date: 2015/08/20\n", "", 2, "asker line"),
    ],
)
def test_malformed_pages_name_file_line_and_problem(
    real_text: str, old: str, new: str, line: int, words: str
) -> None:
    """Each malformed variant raises one InputError with the file, the line and what is wrong."""
    with pytest.raises(InputError) as info:
        parse_page(_break(real_text, old, new), "bad.txt")
    assert info.value.where == f"bad.txt:{line}"
    assert words in info.value.message


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    """A page in another encoding is refused with its file and line."""
    path = tmp_path / "big5.txt"
    path.write_bytes(b"Title\nline two \xa4\xa4\xa4\xe5\n")
    with pytest.raises(InputError, match="not UTF-8") as info:
        read_page_text(path)
    assert info.value.where == f"{path}:2"


# --- December review, D6: broken pages refused, good pages kept ---------------------------------


def _faq_names() -> list[str]:
    from breastedu.core.content.importer import load_tree

    return [t.faq_name for t in load_tree(SHARED_PAGE.parents[1] / "topics.toml").topics]


def _accepted(text: str) -> ParsedPage | None:
    """The page as the importer takes it (parsed, its Related FAQ complete), or None if refused."""
    try:
        page = parse_page(text, "cut.txt", today=dt.date(2026, 12, 7))
    except InputError:
        return None
    return None if related_gap(page, _faq_names()) else page


def _content(page: ParsedPage) -> tuple[object, ...]:
    return tuple(v for k, v in vars(page).items() if k != "source")


def test_every_cut_of_the_real_page_at_a_line_end_is_refused_unless_it_loses_nothing(real_text: str) -> None:
    """The review found 41 of 238 line-end cuts accepted, 38 of them losing content (Similar
    4 -> 1, Related 10 -> 0). Now a cut is accepted only if the page reads exactly as the whole."""
    whole = _accepted(real_text)
    assert whole is not None
    lines = real_text.split("\n")
    accepted = []
    for keep in range(1, len(lines) + 1):
        for ending in ("", "\n"):
            page = _accepted("\n".join(lines[:keep]) + ending)
            if page is not None:
                assert _content(page) == _content(whole), f"a cut after line {keep} loses content"
                accepted.append(keep)
    assert set(accepted) == {len(lines)}


@pytest.mark.parametrize("item", range(4))
@pytest.mark.parametrize("part", ["doctor line", "reply excerpt"])
def test_a_similar_item_missing_its_doctor_or_reply_line_is_refused(
    real_text: str, item: int, part: str
) -> None:
    """Never merged into the next item under the wrong doctor (mutant 2588 showed Yuan Tianmin's
    reply under Zhou Jiazhen)."""
    lines = real_text.split("\n")
    start = lines.index("Similar Q&A") + 1 + 4 * item
    drop = start + (2 if part == "doctor line" else 3)
    assert ("reply" in lines[drop]) if part == "doctor line" else ("[Read More]" in lines[drop])
    with pytest.raises(InputError, match="Similar Q&A"):
        parse_page("\n".join(lines[:drop] + lines[drop + 1 :]), "bad.txt")


def test_a_read_more_line_cut_short_is_refused(real_text: str) -> None:
    lines = real_text.split("\n")
    at = next(i for i, line in enumerate(lines) if "[Read More]" in line)
    lines[at] = lines[at][: lines[at].index("[Read More]") + 30]
    with pytest.raises(InputError, match=r"names .* not its title") as info:
        parse_page("\n".join(lines), "bad.txt")
    assert info.value.where == f"bad.txt:{at + 1}"


def test_more_than_50_similar_items_are_refused(real_text: str) -> None:
    lines = real_text.split("\n")
    similar, related = lines.index("Similar Q&A"), lines.index("Related FAQ")
    items = lines[similar + 1 : related]
    for copies, accepted in ((12, True), (13, False)):  # 48 and 52 items
        text = "\n".join([*lines[: similar + 1], *items * copies, *lines[related:]])
        if accepted:
            assert len(parse_page(text, "ok.txt").similar) == 4 * copies
        else:
            with pytest.raises(InputError, match="more than 50 Similar"):
                parse_page(text, "bad.txt")


def test_a_page_of_very_many_short_lines_is_refused_before_parsing(real_text: str) -> None:
    """60,000 one-character lines (121 KB) took 4.8 s to open; now refused at once."""
    import time

    text = real_text.replace("More Info\n", "More Info\n" + "x\n" * 60_000)
    started = time.perf_counter()
    with pytest.raises(InputError, match="at most 2,000") as info:
        parse_page(text, "bad.txt")
    assert time.perf_counter() - started < 0.5
    assert info.value.where == "bad.txt:2001"


def test_a_cut_copy_under_another_name_never_overwrites_the_stored_page(
    tmp_path: Path, real_text: str
) -> None:
    """The review's D6(e): the seed page went from 4 Similar and 10 Related to 1 and 0."""
    from breastedu.core.content.seed import import_pages
    from breastedu.core.content.service import ContentService
    from breastedu.core.search.build import build_step

    repo = SHARED_PAGE.parents[2]
    db = tmp_path / "content.sqlite"
    import_pages(db, [SHARED_PAGE], repo / "data", search=build_step(index=False))
    lines = real_text.split("\n")
    cut = lines[: lines.index("More Info")] + lines[lines.index("Related FAQ") :]  # parses on its own
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "copy-of-page.txt").write_text("\n".join(cut), encoding="utf-8")
    before = db.read_bytes()
    with pytest.raises(
        InputError, match=r"without its More Info article, 4 Similar Q&A; the stored page was kept"
    ):
        import_pages(db, [folder], repo / "data", search=build_step(index=False))
    assert db.read_bytes() == before
    content = ContentService.open(db)
    try:
        page = content.question_page("clustered-calcification-92d1c5")
        assert len(page.similar) == 4 and len(page.related) == 9
    finally:
        content.close()


@pytest.mark.parametrize(
    ("age", "accepted"),
    [("50~59", True), ("45", True), ("20-29", True), ("99999999999999999999999~999999", False),
     ("50\u202959", False), ("\u3164", False), ("50~59~69", False)],
)  # fmt: skip
def test_the_age_band_is_an_age_band(real_text: str, age: str, accepted: bool) -> None:
    """The review's 36 mutants kept any text there (huge numbers, U+2029, U+3164)."""
    text = real_text.replace("Zhou Zhuzhu, 50~59 year", f"Zhou Zhuzhu, {age} year")
    if accepted:
        assert parse_page(text, "ok.txt").age_band == age
    else:
        with pytest.raises(InputError, match="age band") as info:
            parse_page(text, "bad.txt")
        assert info.value.where == "bad.txt:7"


def test_a_related_faq_list_without_its_own_blank_entry_is_refused(real_text: str) -> None:
    page = parse_page(real_text.replace("Related FAQ\n(Breast and Thyroid)\n", "Related FAQ\n"), "x.txt")
    assert "own topic" in (related_gap(page, _faq_names()) or "")
    assert related_gap(parse_page(real_text, "x.txt"), _faq_names()) is None
