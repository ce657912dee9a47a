"""Printable sheets are composed in core: sections in order, closing parts, pack numbering."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

import pytest
from tests.conftest import REAL_SLUG, SEED

from breastedu.core.clinic import Clinic
from breastedu.core.content.guides import DISCLAIMER as GUIDE_DISCLAIMER
from breastedu.core.content.service import ContentService
from breastedu.core.errors import InputError, NotFoundError
from breastedu.core.palette import PRINT, contrast_ratio
from breastedu.core.render import sheets
from breastedu.core.render.html import DISCLAIMER, e

DAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def seed() -> Iterator[ContentService]:
    service = ContentService.open(SEED)
    yield service
    service.close()


@pytest.fixture(scope="module")
def builder(seed: ContentService) -> sheets.SheetBuilder:
    return sheets.SheetBuilder(seed)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _order(html: str, *needles: str) -> list[int]:
    return [html.index(n) for n in needles]


def test_topic_sheet_default_sections_in_order(builder: sheets.SheetBuilder) -> None:
    """Key points box first, then the guide, sources, the disclaimer, the "My questions" box."""
    part = builder.part("calcifications", sheets.SheetOptions(), printed=DAY)
    html = part.html
    positions = _order(
        html,
        "<h1>Breast calcifications</h1>",
        ">Key points</h2>",
        "<h2>What it is</h2>",
        "<h2>When to call your doctor</h2>",
        f"<h2><a name='{sheets.CLOSING_ANCHOR}'>Sources</a></h2>",
        e(GUIDE_DISCLAIMER),
        ">My questions</h2>",
        "Next appointment:",
    )
    assert positions == sorted(positions)
    # The key points are in the box, not printed a second time in the guide.
    assert html.count("Key points") == 1
    # The disclaimer closes the sheet once, and the glossary and questions were not chosen.
    assert html.count(e(GUIDE_DISCLAIMER)) == 1
    assert "Words used on this sheet" not in html and "Questions people asked" not in html
    assert "American College of Radiology" in html
    assert html.count("border-bottom: 1px solid") >= sheets.WRITING_LINES


def test_topic_sheet_section_choice(builder: sheets.SheetBuilder) -> None:
    """Only the chosen sections print; without the box, the guide carries its key points."""
    only_points = builder.part(
        "calcifications", sheets.SheetOptions(sections=("key-points",)), printed=DAY
    ).html
    assert ">Key points</h2>" in only_points and "What it is" not in only_points
    assert "My questions" not in only_points and ">Sources</a></h2>" in only_points
    guide_only = builder.part("calcifications", sheets.SheetOptions(sections=("guide",)), printed=DAY).html
    assert "<h2>Key points</h2>" in guide_only and "<h2>What it is</h2>" in guide_only


def test_topic_sheet_glossary_and_questions(builder: sheets.SheetBuilder, seed: ContentService) -> None:
    """The glossary lists words used on the sheet (A to Z); questions show titles and replies."""
    html = builder.part("calcifications", sheets.SheetOptions(sections=sheets.SECTIONS), printed=DAY).html
    glossary = html[html.index("Words used on this sheet") :]
    terms = re.findall(r"<p class='term'><b>(.*?)</b>", glossary)
    assert "Mammogram" in terms or "mammogram" in [t.lower() for t in terms]
    assert terms == sorted(terms, key=str.casefold)
    topic = seed.topic_page("calcifications")
    assert topic.questions, "the seed has a question on calcifications"
    assert html.index("Questions people asked") > html.index("Words used on this sheet")
    assert e(topic.questions[0].title) in html and "replied:" in html


def test_question_sheet_keeps_attribution(builder: sheets.SheetBuilder, seed: ContentService) -> None:
    """A question sheet: who asked, the reply with doctor, hospital line and date, provenance."""
    part = builder.part(REAL_SLUG, sheets.SheetOptions(), printed=DAY)
    text = _text(part.html)
    for needle in (
        "Asked by Zhou Zhuzhu",
        "Dr. Zhou Jiazhen",
        "Director of Surgery, Taoyuan Hospital",
        "Replied 20 August 2015",
        "More Info: a general article",
        "It was not written by Dr. Zhou Jiazhen, who replied above.",
        "Where this page comes from",
        "Translated from Chinese. Dr. Zhou Jiazhen replied on 20 August 2015, 11 years ago.",
        "Care in Taiwan may differ from care where you live",
        "Source: Taiwan e-Hospital, Taiwan.",
        "My questions",
        DISCLAIMER,
    ):
        assert needle in text, needle
    assert ".txt" not in text
    # The editor's note is printed right after the paragraph it is about.
    plain = html.unescape(text)
    assert (
        plain.index("can help in early detection") < plain.index("Editor's note") < plain.index("In summary,")
    )
    assert part.kind == "question"


def test_footer_names_the_dates_and_no_content_hash(
    builder: sheets.SheetBuilder, seed: ContentService
) -> None:
    """Issue 22 C11: a patient's sheet carries dates, never the content hash (editors' data)."""
    part = builder.part("goiter", sheets.SheetOptions(), printed=DAY)
    assert part.footer == "Printed 30 November 2026 · sources checked 7 December 2026"
    version = seed.stats().content_version
    assert version and version not in part.html and version not in part.footer


def test_sheets_carry_no_reading_grades_and_say_who_writes_them(builder: sheets.SheetBuilder) -> None:
    """Reading figures are editors' data (``check-content``): no printed sheet has them. A
    topic sheet and an answer sheet say the editors wrote them, unreviewed, and whom to tell."""
    for slug in ("goiter", "can-a-goiter-shrink"):
        text = _text(builder.part(slug, sheets.SheetOptions(), printed=DAY).html)
        for absent in ("SMOG", "Flesch", "Dale–Chall", "Reading level", "reading level"):
            assert absent not in text, (slug, absent)
        assert "BreastEdu editors" in text and "No doctor or nurse has reviewed it yet." in text
        assert "Found a mistake? Tell the clinic or the person who gave you BreastEdu." in text
    topic = _text(builder.part("goiter", sheets.SheetOptions(), printed=DAY).html)
    assert "Next review due: 7 December 2027." in topic


def test_an_answer_sheet_prints_its_topics_warning_signs(builder: sheets.SheetBuilder) -> None:
    """An answer's sheet carries its topic's one list of warning signs, most urgent first,
    and the clinic's contact for errors; the pack contents call it the editors', not a doctor's."""
    clinic = Clinic(name="Riverside Clinic", phone="555-0100")
    part = builder.part("can-a-goiter-shrink", sheets.SheetOptions(), printed=DAY, clinic=clinic)
    text = html.unescape(_text(part.html))
    box = text[text.index("Warning signs: Thyroid enlargement (goiter)") :]
    emergency = box.index("Call emergency services or go to the emergency department now")
    assert emergency < box.index("Call your doctor the same day") < box.index("Call your doctor soon")
    assert "You have trouble breathing, or noisy or high-pitched breathing." in box
    assert "Found a mistake? Tell Riverside Clinic (555-0100)." in text
    assert part.kind == "answer"
    pack = sheets.sheet([part, builder.part("goiter", sheets.SheetOptions(), printed=DAY)])
    contents = _text(pack.contents_html([2, 4]))
    assert "answered by the BreastEdu editors" in contents and "doctor" not in contents.lower()


def test_clinic_header() -> None:
    """The clinic names the header; no clinic gives a plain BreastEdu header."""
    header = sheets.header_for(Clinic(name="Riverside", phone="555-0100", footer="Call us"))
    assert (header.name, header.detail, header.note) == ("Riverside", "555-0100", "Call us")
    assert sheets.header_for(None).name == "BreastEdu"


def test_pack_contents_and_page_numbers(builder: sheets.SheetBuilder) -> None:
    """A pack's contents page names each item with the page it starts on."""
    pack = builder.build(["calcifications", "goiter", REAL_SLUG], printed=DAY)
    assert pack.contents and [p.kind for p in pack.parts] == ["topic", "topic", "question"]
    starts = sheets.first_pages(1, [4, 3, 2])
    assert starts == (2, 6, 9)
    contents = pack.contents_html(starts)
    rows = re.findall(
        r"<tr><td width='8%'>(\d+)\.</td><td width='72%'>(.*?)<br/>.*?page (\d+)</td>", contents
    )
    assert rows == [
        ("1", "Breast calcifications", "2"),
        ("2", "Thyroid enlargement (goiter)", "6"),
        ("3", e(pack.parts[2].title), "9"),
    ]
    assert sheets.page_label(40, 40) == "Page 40 of 40"
    single = builder.build(["calcifications"], printed=DAY)
    assert not single.contents and single.title == "Breast calcifications"


def test_new_leaf_starts_every_item_on_an_odd_page() -> None:
    """Double-sided packs: each item starts on the front of a sheet of paper, counted in
    "Page X of Y"; without the option items follow on at once."""
    assert sheets.first_pages(1, [4, 3, 2], new_leaf=True) == (3, 7, 11)
    assert sheets.total_pages(1, [4, 3, 2], new_leaf=True) == 12
    assert sheets.first_pages(2, [1, 1], new_leaf=True) == (3, 5)
    assert sheets.total_pages(2, [1, 1], new_leaf=True) == 5
    assert sheets.first_pages(1, [4, 3, 2]) == (2, 6, 9)
    assert sheets.total_pages(1, [4, 3, 2]) == 10
    assert sheets.total_pages(1, []) == 1


def test_the_new_leaf_option_reaches_a_pack_only(builder: sheets.SheetBuilder) -> None:
    options = sheets.SheetOptions(new_leaf=True)
    assert builder.build(["calcifications", "goiter"], options, printed=DAY).new_leaf
    assert not builder.build(["calcifications"], options, printed=DAY).new_leaf
    assert not builder.build(["calcifications", "goiter"], printed=DAY).new_leaf


def test_links_print_as_words_that_name_the_sheet() -> None:
    """Issue 22 C6: on paper a link says which sheet to look for; no link markup is left."""
    titles = {"calcifications": "Breast calcifications", "breast-screening": "Breast examination & screening"}
    page = (
        '<p>Read <a href="breastedu:topic/calcifications">about the spots</a>, '
        "<a href='breastedu:topic/breast-screening'>Breast examination &amp; screening</a>, "
        '<a href="breastedu:glossary/dcis">DCIS</a>, <a href="https://www.acr.org/">ACR</a>, '
        '<a href="breastedu:topic/gone">an old page</a>.</p>'
    )
    printed = sheets.print_links(page, titles.get)
    assert "<a " not in printed and "href" not in printed
    assert "about the spots (see the sheet: Breast calcifications)" in printed
    assert "Breast examination &amp; screening (see its own sheet)" in printed
    assert "DCIS," in printed and "ACR (https://www.acr.org/)" in printed and "an old page." in printed


def test_a_sheet_in_the_library_prints_its_links_as_words(builder: sheets.SheetBuilder) -> None:
    """Every question of the seed: no sheet keeps a link (the seed has one, to a topic)."""
    seed_links = 0
    for slug in builder.all_topics():
        page = builder._content.topic_page(slug)
        for ref in (*page.questions, *page.answers):
            part = builder.part(ref.slug, sheets.SheetOptions(), printed=DAY)
            assert "href=" not in part.html, ref.slug
            seed_links += "(see the sheet: " in part.html or "(see its own sheet)" in part.html
    assert seed_links >= 1


def test_the_default_file_name_is_the_title(builder: sheets.SheetBuilder) -> None:
    """Issue 22 C10: a saved sheet is named after its title, safely for any file system."""
    assert sheets.pdf_file_name("Breast calcifications") == "Breast calcifications.pdf"
    assert sheets.pdf_file_name('Is it "bad"? A/B: yes|no') == "Is it bad A B yes no.pdf"
    assert sheets.pdf_file_name("...") == "Sheet.pdf"
    long = sheets.pdf_file_name("word " * 40)
    assert len(long) <= 84 and long.endswith("word.pdf")
    assert builder.title(["calcifications"]) == "Breast calcifications"
    assert builder.title(["calcifications", "goiter"]) == "Handout pack"


def test_sheets_print_dates_in_one_format(builder: sheets.SheetBuilder) -> None:
    """Issue 22 C11 / A18: no "2026-11-30" next to "30 November 2026" on paper."""
    for slug in builder.all_topics():
        part = builder.part(slug, sheets.SheetOptions(sections=sheets.SECTIONS), printed=DAY)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", _text(part.html)), slug
        assert "Checked against its guidelines on 7 December 2026" in _text(part.html)


def test_only_the_visit_sheet_is_private() -> None:
    assert sheets.visit_sheet("<p>x</p>", printed=DAY).private
    assert not sheets.html_sheet("x", "<p>x</p>", footer="").private


def test_large_print_is_bigger_and_the_same_content(builder: sheets.SheetBuilder) -> None:
    """Large print: body at least 16 pt, about 1.4 times the normal size, same words."""
    normal = builder.part("breast-cysts", sheets.SheetOptions(), printed=DAY).html
    large = builder.part("breast-cysts", sheets.SheetOptions(large_print=True), printed=DAY).html

    def body_pt(html: str) -> float:
        return float(re.search(r"body \{[^}]*font-size: ([\d.]+)pt", html)[1])  # type: ignore[index]

    assert body_pt(large) >= 16 and 1.3 <= body_pt(large) / body_pt(normal) <= 1.5
    strip = re.compile(r"<style>.*?</style>|(padding|margin)-top: \d+px")
    assert strip.sub("", large) == strip.sub("", normal)


def test_only_greys(builder: sheets.SheetBuilder) -> None:
    """Every colour on a sheet is a grey, so a black-and-white printer loses nothing."""
    pack = builder.build(
        ["calcifications", REAL_SLUG], sheets.SheetOptions(sections=sheets.SECTIONS), printed=DAY
    )
    html = "".join(p.html for p in pack.parts) + pack.contents_html([2, 6])
    colours = set(re.findall(r"#([0-9a-fA-F]{6})\b", html))
    assert colours, "the sheet uses some colours"
    for colour in colours:
        r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        assert r == g == b, colour
    # Text stays readable inside the tinted boxes.
    assert contrast_ratio(PRINT.muted, PRINT.tint) >= 4.5 and contrast_ratio(PRINT.ink, PRINT.tint) >= 7


def test_bad_input(builder: sheets.SheetBuilder) -> None:
    """Unknown sections and slugs are one clear error naming them."""
    with pytest.raises(InputError, match="unknown section 'bogus'"):
        sheets.parse_sections("key-points,bogus")
    with pytest.raises(InputError, match="at least one section"):
        sheets.parse_sections(",")
    assert sheets.parse_sections("my-questions,key-points") == ("key-points", "my-questions")
    with pytest.raises(NotFoundError, match="no-such-topic"):
        builder.build(["calcifications", "no-such-topic"])
    with pytest.raises(InputError, match="unknown paper"):
        sheets.SheetOptions(paper="a3")


def test_a_visit_sheet_is_hers_with_its_printed_date() -> None:
    header = sheets.SheetHeader(name="Riverside")
    visit = sheets.visit_sheet("<p>Mammogram</p>", printed=DAY, header=header)
    (part,) = visit.parts
    assert (visit.title, part.title, part.kind) == ("My visit sheet", "My visit sheet", "visit")
    assert part.html == "<p>Mammogram</p>" and part.footer == "Printed 30 November 2026"
    assert visit.header == header and visit.private and not visit.contents
    assert sheets.visit_sheet("<p/>", printed=DAY).header == sheets.SheetHeader()


def test_one_sheet_or_a_pack(builder: sheets.SheetBuilder) -> None:
    """One part is a sheet named after it; several (or pack=True) a "Handout pack" with contents."""
    one = builder.part("goiter", sheets.SheetOptions(), printed=DAY)
    two = builder.part("calcifications", sheets.SheetOptions(), printed=DAY)
    single = sheets.sheet([one])
    assert (single.title, single.contents, single.large_print, single.new_leaf) == (
        one.title,
        False,
        False,
        False,
    )
    pack = sheets.sheet([one, two], large_print=True, new_leaf=True)
    assert (pack.title, pack.contents, pack.large_print, pack.new_leaf) == ("Handout pack", True, True, True)
    assert sheets.sheet([one], pack=True).contents and sheets.sheet([one], pack=True).title == "Handout pack"
    assert not sheets.sheet([one, two], pack=False).contents
    assert sheets.sheet([one, two], title="For Mrs Lee").title == "For Mrs Lee"
    assert pack.page_title(None) == "Contents" and pack.page_title(1) == two.title
    with pytest.raises(InputError, match="nothing to print: choose at least one topic or question"):
        sheets.sheet([])


def test_file_names_are_cut_at_a_word_not_mid_word() -> None:
    exactly = "a" * 80
    assert sheets.pdf_file_name(exactly) == f"{exactly}.pdf"
    words = "Thyroid nodules, " * 6  # 102 characters
    cut = sheets.pdf_file_name(words)
    assert cut == "Thyroid nodules, Thyroid nodules, Thyroid nodules, Thyroid nodules, Thyroid.pdf"
    assert sheets.pdf_file_name(" .Hidden name. ") == "Hidden name.pdf"


def test_an_empty_item_still_takes_a_page() -> None:
    assert sheets.first_pages(1, [0, 2]) == (2, 3)
    assert sheets.total_pages(1, [2, 0]) == 4
