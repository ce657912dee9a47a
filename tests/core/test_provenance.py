"""The real Q&A page is framed honestly: where it comes from, how old the reply is, who wrote
its More Info article, and an editor's note beside the paragraph that conflicts with current
guidance, with the imported text itself unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.conftest import REAL_SLUG, SHARED_PAGE

from breastedu.core.content.provenance import load_sidecar, sidecar_path, split_paragraphs, time_ago
from breastedu.core.content.seed import import_pages
from breastedu.core.content.service import ContentService
from breastedu.core.errors import InputError
from breastedu.core.render import html as render
from breastedu.core.search.build import build_step

TODAY = dt.date(2026, 11, 30)
REPO = Path(__file__).resolve().parents[2]


def test_seed_page_records_site_country_and_translation_but_no_invented_link(
    library: ContentService,
) -> None:
    """The sidecar says Taiwan e-Hospital, Taiwan, translated from Chinese, and gives no URL."""
    prov = library.question_page(REAL_SLUG).provenance
    assert prov is not None
    assert prov.site == "Taiwan e-Hospital" and prov.country == "Taiwan"
    assert prov.site_owner == "Ministry of Health and Welfare"
    assert prov.translated_from == "Chinese"
    assert prov.url == ""
    assert "Taoyuan Hospital" in prov.evidence


def test_provenance_block_says_where_when_and_links_the_guide(library: ContentService) -> None:
    """The block names the site and country, the language, the reply's age in words and the
    topic's guide for current advice; the source line names the site, not a file name."""
    html = render.question_html(library.question_page(REAL_SLUG), today=TODAY)
    assert "Where this page comes from" in html
    assert "Taiwan e-Hospital, a Q&amp;A site in Taiwan" in html
    assert "Translated from Chinese." in html
    assert "replied on 20 August 2015, 11 years ago." in html
    assert "Care in Taiwan may differ from care where you live" in html
    assert "guidelines may have changed since 2015" in html
    assert 'href="breastedu:topic/calcifications">Breast calcifications</a>' in html
    assert "web address of the original page was not kept" in html
    assert "Source: Taiwan e-Hospital, Taiwan." in html
    assert ".txt" not in html and SHARED_PAGE.name not in html


def test_reply_age_is_counted_from_today(library: ContentService) -> None:
    """A day before the eleventh anniversary the reply is ten years old."""
    page = library.question_page(REAL_SLUG)
    assert "ten years ago" in render.question_html(page, today=dt.date(2026, 8, 19))
    assert "11 years ago" in render.question_html(page, today=dt.date(2026, 8, 20))


def test_more_info_is_labelled_as_a_general_article_not_by_the_doctor(library: ContentService) -> None:
    html = render.question_html(library.question_page(REAL_SLUG), today=TODAY)
    assert "More Info: a general article" in html
    assert "It was not written by Dr. Zhou Jiazhen, who replied above." in html
    assert "Its author and date are unknown." in html


def test_editor_note_sits_beside_its_paragraph_and_the_text_is_unchanged(library: ContentService) -> None:
    """The self-examination note follows paragraph 4 of More Info, before paragraph 5; the
    imported sentence is still there word for word."""
    page = library.question_page(REAL_SLUG)
    assert page.more_info is not None
    (note,) = page.editor_notes
    assert (note.part, note.paragraph, note.guide_slug) == ("more_info", 4, "breast-screening")
    assert any("American Cancer Society" in s and "2015" in s for s in note.sources)
    html = render.question_html(page, today=TODAY)
    original = "Regular self-examinations and awareness of any changes in your breasts can help"
    assert original in page.more_info.body_md
    at_text = html.index("Regular self-examinations")  # the imported sentence, unmarked
    at_note = html.index("Editor's note")
    at_next = html.index("In summary, the management")
    assert at_text < at_note < at_next
    assert 'href="breastedu:topic/breast-screening"' in html[at_note:at_next]
    assert "has not advised routine self-exams" in html[at_note:at_next]


def test_related_faq_shows_our_topic_titles(library: ContentService) -> None:
    """The site's labels "Chest" and "Areola" show as our topics' titles."""
    page = library.question_page(REAL_SLUG)
    titles = {r.name: r.topic_title for r in page.related}
    assert titles["Chest"] == "Chest & breast pain"
    assert titles["Areola"] == "Areola & nipple"
    html = render.question_html(page, today=TODAY)
    assert ">Chest &amp; breast pain</a>" in html and ">Chest</a>" not in html


def test_a_page_without_sidecar_says_its_origin_was_not_recorded(library: ContentService) -> None:
    import dataclasses

    page = dataclasses.replace(library.question_page(REAL_SLUG), provenance=None, editor_notes=())
    html = render.question_html(page, today=TODAY)
    assert "Where this page comes from was not recorded" in html
    assert "Translated from" not in html


@pytest.mark.parametrize(
    ("day", "expected", "chinese"),
    [
        (dt.date(2015, 8, 20), "11 years ago", "11 年前"),
        (dt.date(2025, 11, 30), "one year ago", "1 年前"),
        (dt.date(2026, 9, 1), "two months ago", "2 個月前"),
        (dt.date(2026, 10, 30), "one month ago", "1 個月前"),
        (dt.date(2026, 11, 15), "less than a month ago", "不到一個月前"),
    ],
)
def test_time_ago_in_words(day: dt.date, expected: str, chinese: str) -> None:
    assert time_ago(day, TODAY) == expected
    assert time_ago(day, TODAY, "zh-TW") == chinese


def test_the_real_question_in_chinese_says_how_long_ago_the_doctor_replied(library: ContentService) -> None:
    html = render.question_html(library.question_page(REAL_SLUG, "zh-TW"), today=TODAY, lang="zh-TW")
    assert "醫師於 2015年8月20日 回覆（11 年前）。" in html and "11 years ago" not in html


def _page_with_sidecar(tmp_path: Path, sidecar: str) -> Path:
    page = tmp_path / SHARED_PAGE.name
    page.write_bytes(SHARED_PAGE.read_bytes())
    sidecar_path(page).write_text(sidecar, encoding="utf-8")
    return page


GOOD = (REPO / "data" / "pages" / "000_37194c49921cb46b.provenance.toml").read_text(encoding="utf-8")


def test_a_note_whose_quote_is_not_in_its_paragraph_stops_the_import(tmp_path: Path) -> None:
    """A note pointing at the wrong paragraph is caught, naming the sidecar; nothing is written."""
    page = _page_with_sidecar(tmp_path, GOOD.replace("paragraph = 4", "paragraph = 3"))
    db = tmp_path / "out.sqlite"
    with pytest.raises(InputError, match="does not contain") as info:
        import_pages(db, [page], REPO / "data", search=build_step(index=False))
    assert str(sidecar_path(page)) in str(info.value.where)
    assert not db.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('part = "more_info"', 'part = "footer"'), "part"),
        (('country = "Taiwan"', 'country = ""'), "country"),
        (('url = ""', 'url = "www.example.org"'), "url"),
        (("sources = [", "unused = ["), "sources"),
    ],
)
def test_bad_sidecars_are_rejected(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    page = _page_with_sidecar(tmp_path, GOOD.replace(*change))
    with pytest.raises(InputError, match=message):
        load_sidecar(page)


def test_paragraphs_split_at_blank_lines() -> None:
    assert split_paragraphs("a\nb\n\n\nc\n \nd\n") == ["a\nb", "c", "d"]
