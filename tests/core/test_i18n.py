"""Pages in Traditional Chinese: translations follow an English version, warn when stale,
and a page without one is shown in English with a notice, never empty."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.conftest import REPO

from breastedu.core.content.i18n import GUIDE_SECTIONS, load_translations
from breastedu.core.content.seed import build_seed
from breastedu.core.content.service import ContentService
from breastedu.core.errors import InputError
from breastedu.core.languages import CHINESE, NOTICES, notice
from breastedu.core.search.build import build_step

ZH = REPO / "data" / "i18n" / CHINESE


def _copy_data(tmp: Path) -> Path:
    data = tmp / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("seed.sqlite"))
    return data


def test_every_guide_topic_and_glossary_term_is_translated() -> None:
    """The 10 guides, every topic and group name and every glossary term have a zh-TW text."""
    texts = load_translations(REPO / "data")
    by_kind: dict[str, set[str]] = {}
    for t in texts:
        by_kind.setdefault(t.kind, set()).add(t.slug)
    guides = {p.stem for p in (REPO / "data" / "guides").glob("*.md") if p.stem != "PEMAT"}
    assert by_kind["guide"] == guides
    assert len(by_kind["topic"]) == 10 and by_kind["group"] == {"breast", "thyroid"}
    glossary = re.findall(r"^term = ", (REPO / "data" / "glossary.toml").read_text("utf-8"), re.M)
    assert len(by_kind["glossary"]) == len(glossary)


def test_every_editors_answer_is_translated() -> None:
    """The editors' answers: every one has a Chinese version, in its topic's folder."""
    translated = {p.relative_to(ZH / "questions") for p in (ZH / "questions").glob("*/*.md")}
    english = {
        p.relative_to(REPO / "data" / "questions") for p in (REPO / "data" / "questions").glob("*/*.md")
    }
    assert translated == english


def _pairs() -> list[tuple[Path, str, str]]:
    """(translation, English text, translated text) of every translated guide and answer."""
    out = []
    for path in sorted([*(ZH / "guides").glob("*.md"), *(ZH / "questions").glob("*/*.md")]):
        source = REPO / "data" / path.relative_to(ZH)
        english = re.sub(r"\(breastedu:[^)]*\)", "", source.read_text("utf-8").split("+++", 2)[2])
        front = source.read_text("utf-8").split("+++", 2)[1]
        short = re.findall(r'^(?:summary|short_answer|question) = "(.*)"$', front, re.M)
        out.append((path, english + "\n".join(short), path.read_text("utf-8")))
    return out


#: Urgency in English -> the words that must carry it in Chinese.
URGENCY = {"same day": ("當天",), "emergency": ("急診", "緊急")}


def test_translations_keep_every_number_and_urgency_of_their_english() -> None:
    """Every number of an English guide or answer (ages, sizes, odds, years, months) is in its
    translation, and so is each level of urgency it names (same day; emergency)."""
    for path, english, chinese in _pairs():
        numbers = set(re.findall(r"\d+(?:\.\d+)?", english))
        missing = numbers - set(re.findall(r"\d+(?:\.\d+)?", chinese))
        assert not missing, f"{path.name}: numbers {sorted(missing)} are not in the translation"
        for words, marks in URGENCY.items():
            if words in english.lower():
                assert any(m in chinese for m in marks), f"{path.name}: '{words}' has no {marks}"


def test_glossary_definitions_keep_their_numbers_and_urgency() -> None:
    import tomllib

    from breastedu.core.content.glossary import load_glossary

    english = {e.slug: e.definition for e in load_glossary(REPO / "data" / "glossary.toml")}
    for term in tomllib.loads((ZH / "glossary.toml").read_text("utf-8"))["term"]:
        source, chinese = english[term["slug"]], term["definition"]
        assert set(re.findall(r"\d+", source)) <= set(re.findall(r"\d+", chinese)), term["slug"]
        for words, marks in URGENCY.items():
            assert words not in source.lower() or any(m in chinese for m in marks), term["slug"]


def test_a_translated_guide_keeps_the_red_flags_and_numbers_of_its_english() -> None:
    """Every number of an English guide (ages, sizes, odds, years) is in its translation,
    and its red-flag section is there: same facts, same urgency."""
    for path in sorted((ZH / "guides").glob("*.md")):
        english = (REPO / "data" / "guides" / path.name).read_text("utf-8").split("+++")[2]
        chinese = path.read_text("utf-8").split("+++")[2]
        english = re.sub(r"\(breastedu:[^)]*\)", "", english)
        numbers = set(re.findall(r"\d+(?:\.\d+)?", english))
        missing = {n for n in numbers if n not in set(re.findall(r"\d+(?:\.\d+)?", chinese))}
        assert not missing, f"{path.name}: numbers {sorted(missing)} are not in the translation"
        assert f"## {GUIDE_SECTIONS[CHINESE][6]}" in chinese
        assert english.count("**") // 2 <= chinese.count("**") // 2 + 2, f"{path.name}: bold warnings lost"


def test_a_translated_page_names_the_english_version_it_follows(seed: ContentService) -> None:
    page = seed.topic_page("calcifications", CHINESE)
    assert page.guide is not None and "鈣化" in page.guide.body_md and page.topic.title == "乳房鈣化點"
    assert page.language is not None and page.language.lang == CHINESE and not page.language.stale
    assert re.fullmatch(r"[0-9a-f]{12}", page.language.follows)
    assert page.language.follows in notice(page.language)


def test_an_untranslated_page_is_english_with_a_one_line_notice(seed: ContentService) -> None:
    """The imported doctor's page has no Chinese version: it is shown in English, whole."""
    [slug] = [r.slug for r in seed.topic_page("calcifications").questions][:1]
    english = seed.question_page(slug)
    page = seed.question_page(slug, CHINESE)
    assert page.body_md == english.body_md and page.body_md.strip()
    assert page.replies == english.replies
    assert page.language is not None and page.language.lang == "en"
    assert notice(page.language) == NOTICES[CHINESE]["untranslated"]
    assert page.topic.title == "乳房鈣化點"  # the parts that are translated still are


def test_a_translated_answer_replaces_question_short_answer_and_text(seed: ContentService) -> None:
    page = seed.question_page("are-calcifications-a-sign-of-cancer", CHINESE)
    assert page.answer is not None and page.language is not None and page.language.lang == CHINESE
    assert "鈣化" in page.title and re.search("[\u4e00-\u9fff]", page.answer.short_answer)
    assert re.search("[\u4e00-\u9fff]", page.answer.body_md) and page.answer.sources


def test_glossary_entries_carry_both_terms(seed: ContentService) -> None:
    entries = {e.slug: e for e in seed.glossary(CHINESE)}
    assert entries["calcification"].term == "鈣化" and "Calcification" in entries["calcification"].aliases
    assert all(re.search("[\u4e00-\u9fff]", e.definition) for e in entries.values())


def test_the_chinese_glossary_files_each_term_under_its_english_letter(seed: ContentService) -> None:
    """In zh-TW no term is lost under "#": each files under the letter of its English term
    (積極監測, active surveillance, under A; 鈣化 under C), the letters in A-Z order."""
    from breastedu.core.render.html import glossary_html

    page = glossary_html(seed.glossary(CHINESE), lang=CHINESE)
    headings = re.findall(r'<h2 id="letter-([^"]+)">', page)
    assert "#" not in headings and headings == sorted(headings) and len(headings) > 15
    section_a = page[page.index('id="letter-a"') : page.index('id="letter-b"')]
    assert "<b>積極監測</b>" in section_a and "<b>鈣化</b>" not in section_a
    section_c = page[page.index('id="letter-c"') : page.index('id="letter-d"')]
    assert "<b>鈣化</b>" in section_c


def test_changed_english_makes_the_translation_stale(tmp_path: Path) -> None:
    """Editing the English guide: build-seed warns, and the page says it follows an older
    English version (the translation is still shown, with that line)."""
    data = _copy_data(tmp_path)
    guide = data / "guides" / "calcifications.md"
    text = guide.read_text("utf-8")
    guide.write_text(text.replace("Most are not cancer", "Most are not cancer at all"), "utf-8")
    report = build_seed(data, tmp_path / "seed.sqlite", search=build_step(index=False))
    stale = [w for w in report.warnings if "stale" in w]
    assert len(stale) == 1 and "calcifications" in stale[0] and "i18n/zh-TW/guides" in stale[0]
    content = ContentService.open(tmp_path / "seed.sqlite")
    try:
        page = content.topic_page("calcifications", CHINESE)
        assert page.language is not None and page.language.stale
        assert notice(page.language) == NOTICES[CHINESE]["stale"].format(version=page.language.follows)
        assert not content.topic_page("goiter", CHINESE).language.stale  # type: ignore[union-attr]
    finally:
        content.close()


def test_current_translations_build_without_stale_warnings(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    report = build_seed(data, tmp_path / "seed.sqlite", search=build_step(index=False))
    assert not [w for w in report.warnings if "stale" in w]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("## 重點", "## Key points"), "sections"),
        (lambda t: re.sub(r'follows = "[0-9a-f]+"', 'follows = "new"', t), "follows"),
        (lambda t: t.replace("緊急時，請撥打當地的緊急求救電話。", ""), "disclaimer"),
        # The warning signs come from redflags/: a guide that writes its own is refused.
        (lambda t: t.replace("## 可以問醫師的問題", "- 自己寫的警訊。\n\n## 可以問醫師的問題"), "leave the"),
    ],
)
def test_a_malformed_translation_is_one_clear_error(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _copy_data(tmp_path)
    path = data / "i18n" / CHINESE / "guides" / "goiter.md"
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_translations(data)
    assert "goiter.md" in str(caught.value)


def test_a_translation_of_nothing_is_refused(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    shutil.copy(ZH / "guides" / "goiter.md", data / "i18n" / CHINESE / "guides" / "no-such-topic.md")
    with pytest.raises(InputError, match="no English guide 'no-such-topic'"):
        load_translations(data)


def test_chinese_glossary_terms_are_found_in_chinese_text(seed: ContentService) -> None:
    """Chinese has no spaces: a Chinese term is found inside a sentence, the first use marked."""
    from breastedu.core.content.glossary import mark_first_uses, terms_used

    entries = seed.glossary(CHINESE)
    found = {e.slug for e in terms_used("<p>我的甲狀腺腫大。醫師說要驗 TSH。</p>", entries)}
    assert {"goiter", "tsh"} <= found
    marked = mark_first_uses("<p>鈣化點很常見。鈣化點大多不是癌症。</p>", entries)
    assert marked.count('href="breastedu:glossary/calcification"') == 1


def test_every_topics_warning_signs_are_translated_sign_for_sign() -> None:
    """data/redflags: each topic's signs in Chinese, in the English order, each with the
    numbers of its English sign and its urgency (the level is the English file's)."""
    from breastedu.core.content.redflags import load_all

    english = load_all(REPO / "data" / "redflags")
    texts = {t.slug: t for t in load_translations(REPO / "data") if t.kind == "redflags"}
    assert set(texts) == set(english)
    for topic, found in english.items():
        signs = texts[topic].body_md.split("\n")
        assert len(signs) == len(found.flags), topic
        for flag, sign in zip(found.flags, signs, strict=True):
            assert re.search("[\u4e00-\u9fff]", sign) and not re.search("[a-z]{4,}", sign), sign
            assert set(re.findall(r"\d+", flag.sign)) <= set(re.findall(r"\d+", sign)), sign
            if "stop the drug" in flag.sign.lower():
                assert "停藥" in sign, sign
            if "keep taking" in flag.sign.lower():
                assert "繼續吃藥" in sign, sign


def test_a_chinese_guide_answer_and_show_give_the_warning_signs_in_chinese(
    seed: ContentService, capsys: pytest.CaptureFixture[str]
) -> None:
    """The guide's "When to call" section is filled from the Chinese signs, and a Chinese
    answer page shows the same box in Chinese; the English pages keep the English signs."""
    from breastedu.cli import main
    from breastedu.core.render.html import question_html

    guide = seed.topic_page("hyperthyroidism", CHINESE).guide
    assert guide is not None
    section = guide.body_md.split(f"## {GUIDE_SECTIONS[CHINESE][6]}")[1].split("\n## ")[0]
    assert "**請當天打電話給醫師**" in section and "**請馬上打緊急求救電話或去急診室**" in section
    assert "甲巰咪唑" in section and "Call" not in section
    page = seed.question_page("fever-or-sore-throat-on-methimazole", CHINESE)
    assert page.answer is not None and page.answer.red_flags
    assert all(re.search("[\u4e00-\u9fff]", f.sign) for f in page.answer.red_flags)
    html = question_html(page)
    assert "警訊：甲狀腺機能亢進" in html and "請盡快打電話給您的醫師" in html
    assert "Warning signs" not in html and "Call your doctor soon" not in html
    english = seed.question_page("fever-or-sore-throat-on-methimazole")
    assert english.answer is not None and english.answer.red_flags[0].sign.startswith("You")
    assert "Warning signs: Hyperthyroidism" in question_html(english)
    assert main(["--lang", "zh-TW", "show", "fever-or-sore-throat-on-methimazole"]) == 0
    shown = capsys.readouterr().out
    assert "警訊：" in shown and "請停藥並打電話" in shown


def test_signs_whose_english_changed_in_number_show_the_english_ones(tmp_path: Path) -> None:
    """A new English sign: the Chinese file is stale (build warns) and, no longer matching sign
    for sign, is not shown; the guide's section and the answer box show the English signs."""
    data = _copy_data(tmp_path)
    path = data / "redflags" / "goiter.toml"
    path.write_text(
        path.read_text("utf-8")
        + '\n[[soon]]\nsign = "A new sign."\nkeys = ["new sign"]\nsource = "StatPearls: Goiter"\n',
        "utf-8",
    )
    texts = {(t.kind, t.slug): t for t in load_translations(data)}
    assert texts["redflags", "goiter"].stale and not texts["redflags", "goiter"].body_md
    assert "- A new sign." in texts["guide", "goiter"].body_md
    report = build_seed(data, tmp_path / "seed.sqlite", search=build_step(index=False))
    assert any("redflags" in w and "goiter" in w for w in report.warnings if "stale" in w)
