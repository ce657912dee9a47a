"""Chinese search that forgives: Traditional or Simplified, variant forms, one or two
characters, lay words for medical ones, and Chinese mixed with Latin letters and numbers."""

from __future__ import annotations

import re

import pytest

from breastedu.cli import main
from breastedu.core.content.service import ContentService
from breastedu.core.languages import CHINESE
from breastedu.core.search.cjk import fold_run
from breastedu.core.search.service import SearchService
from breastedu.core.search.text import terms_of, words
from breastedu.core.search.translated import localized

#: A patient's phrasing -> the page she expects in the top three (a topic slug, or an
#: editors' answer). Traditional (Taiwan), Simplified, lay words, typos of form, mixed text.
CASES = {
    # calcifications
    "鈣化": "calcifications",
    "钙化": "calcifications",
    "乳房鈣化點": "calcifications",
    "微鈣化": "calcifications",
    "鈣化點是癌症嗎": "are-calcifications-a-sign-of-cancer",
    "立體定位切片": "calcifications",
    "乳管原位癌": "calcifications",
    # fibroadenoma
    "纖維腺瘤": "fibroadenoma",
    "纤维腺瘤": "fibroadenoma",
    "纖維瘤要開刀嗎": "fibroadenoma",
    "葉狀腫瘤": "what-is-a-phyllodes-tumor",
    # breast cysts
    "乳房囊腫": "breast-cysts",
    "水囊": "breast-cysts",
    "囊腫抽吸": "breast-cysts",
    # screening
    "什麼時候開始做乳房攝影": "when-should-i-start-mammograms",
    "乳房摄影几岁开始": "breast-screening",
    "緻密乳房": "breast-screening",
    "篩檢": "breast-screening",
    "偽陽性": "breast-screening",
    # nipple
    "乳頭分泌物": "areola-nipple",
    "乳頭出水": "areola-nipple",
    "乳头凹陷": "areola-nipple",
    "乳暈": "areola-nipple",
    # armpit
    "腋下硬塊": "axillary-lump",
    "腋下淋巴結腫大": "axillary-lump",
    "胳肢窩腫塊": "axillary-lump",
    "打疫苗後腋下腫": "axillary-lump",
    # pain
    "乳房痛": "breast-pain",
    "乳房脹痛": "breast-pain",
    "胸痛": "breast-pain",
    "月經前乳房痛": "breast-pain",
    # thyroid nodules
    "甲狀腺結節": "thyroid-nodules",
    "甲状腺结节": "thyroid-nodules",
    "TI-RADS 4 結節": "thyroid-nodules",
    "細針抽吸": "thyroid-nodules",
    "细针穿刺": "thyroid-nodules",
    "Bethesda 第三組": "my-thyroid-needle-test-was-unclear",
    # hyperthyroidism
    "甲狀腺機能亢進": "hyperthyroidism",
    "甲亢": "hyperthyroidism",
    "甲状腺功能亢进": "hyperthyroidism",
    "心悸 手抖": "what-are-the-signs-of-an-overactive-thyroid",
    "葛瑞夫茲病怎麼治療": "what-are-the-treatment-choices-for-graves-disease",
    "放射性碘治療後要一輩子吃藥嗎": "will-i-need-thyroid-pills-for-life",
    "甲狀腺風暴": "hyperthyroidism",
    # goiter
    "大脖子": "goiter",
    "甲狀腺腫": "goiter",
    "脖子腫": "goiter",
    # The answer about iodine and kelp pills, now that its Chinese follows the revised
    # English (as the English case "kelp iodine goiter" expects), not the guide.
    "海帶 碘": "should-i-take-iodine-for-my-goiter",
    "臺灣甲狀腺腫": "goiter",
}


def test_there_are_at_least_40_chinese_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("query", "slug"), sorted(CASES.items()))
def test_a_chinese_phrasing_finds_the_expected_page_in_the_top_three(
    seed_search: SearchService, query: str, slug: str
) -> None:
    top = [h.slug for h in seed_search.search(query, limit=3).hits]
    assert slug in top, f"{query!r} -> {top}"


@pytest.mark.parametrize("query", ["鈣化", "钙化"])
def test_calcifications_come_first_in_traditional_or_simplified(
    seed_search: SearchService, query: str
) -> None:
    assert seed_search.search(query, limit=5).hits[0].slug == "calcifications"


def test_simplified_variant_and_mainland_forms_fold_to_taiwan_traditional() -> None:
    assert fold_run("钙化") == "鈣化"
    assert fold_run("台灣") == fold_run("臺灣")
    assert fold_run("裏面") == fold_run("裡面")
    assert fold_run("超声波") == "超音波"
    assert words("ＴＩ－ＲＡＤＳ 4 結節") == ["ti", "rads", "4", "結節"]


def test_one_and_two_character_queries_are_terms_of_the_index(seed_search: SearchService) -> None:
    assert {"鈣", "化", "鈣化"} <= set(terms_of("鈣化點"))
    assert seed_search.search("鈣", limit=3).hits[0].slug == "calcifications"
    assert seed_search.search("碘", limit=3).hits


def test_a_lay_word_finds_the_medical_one(seed_search: SearchService) -> None:
    """大脖子 is not in the goiter guide's text; 甲狀腺腫 is (the synonym group joins them)."""
    hits = seed_search.search("大脖子", limit=3).hits
    assert hits and hits[0].slug == "goiter"


def test_results_show_in_chinese_where_translated(seed_search: SearchService, seed: ContentService) -> None:
    results = seed_search.search("钙化", limit=5)
    shown = localized(results, seed.localizer(CHINESE))
    first = shown.hits[0]
    assert first.title == "乳房鈣化點" and first.topic_title == "乳房鈣化點"
    assert "<mark>鈣化</mark>" in first.snippet_html
    # The plain snippet and its marks (what the command line and the result list print) too.
    assert "鈣化" in first.snippet and not re.search("[A-Za-z]{5,}", first.snippet)
    assert first.snippet_spans and all(first.snippet[a:b] == "鈣化" for a, b in first.snippet_spans)
    assert [h.slug for h in shown.hits] == [h.slug for h in results.hits]


@pytest.mark.parametrize("query", ["鈣化", "钙化"])
def test_cli_lang_zh_tw_search_finds_the_calcifications_guide_first(
    capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code = main(["--lang", "zh-TW", "search", query, "--limit", "3"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].endswith("乳房鈣化點  (calcifications)")


def test_cli_lang_zh_tw_show_prints_the_chinese_guide_and_its_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "zh-TW", "show", "goiter"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[中文版，譯自英文版（版本代號 ") and "甲狀腺腫" in out


def test_an_unknown_language_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "fr", "search", "x"])
    assert caught.value.code == 2 and "--lang" in capsys.readouterr().err


def test_cli_lang_zh_tw_topics_names_the_tree_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh-TW", "topics"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "乳房" and lines[1].startswith("  乳房鈣化點 [calcifications]") and "甲狀腺" in lines
