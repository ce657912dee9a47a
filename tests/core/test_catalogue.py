"""The words core writes around the content (``core.catalogue``) in Chinese: none missing, and
a page the window shows in Chinese carries none of its English frame."""

from __future__ import annotations

import ast
import datetime as dt
import html
import re
from pathlib import Path

import pytest
from tests.conftest import REAL_SLUG

import breastedu
from breastedu.core.catalogue import say, say_count
from breastedu.core.catalogue_zh import WORDS
from breastedu.core.content.service import ContentService
from breastedu.core.dates import MONTHS, long_date
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.render.pages import PageBuilder

SRC = Path(breastedu.__file__).parent


#: What marks a text for the catalogue, and which arguments are its English text (after ``lang``
#: for ``say``; ``Said`` and ``said_count`` write a sentence before its language is known).
MARKERS = {"say": slice(1, None), "say_count": slice(2, 4), "Said": slice(0, 1), "said_count": slice(1, 3)}
#: The one module whose markers pass on a text they were handed (the catalogue itself).
CARRIER = Path("core") / "catalogue.py"


def _scan() -> tuple[dict[str, str], list[str]]:
    """Every English text handed to a marker as a literal, or as a named module text (also one
    imported from another module, ``say(lang, DISCLAIMER)``), with where it is (as
    ``pyside6-lupdate`` collects ``translate`` calls); and every marker handed anything else,
    whose text this scan (so this test) could not check."""
    trees = {path: ast.parse(path.read_text("utf-8")) for path in sorted(SRC.rglob("*.py"))}
    constants = {  # every module's named texts, e.g. DISCLAIMER = "..."
        target.id: node.value.value
        for tree in trees.values()
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found: dict[str, str] = {}
    unchecked: list[str] = []
    for path, tree in trees.items():
        where = path.relative_to(SRC)
        for node in ast.walk(tree):
            name = getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
            if name not in MARKERS:
                continue
            for arg in node.args[MARKERS[name]]:  # type: ignore[union-attr]
                if isinstance(arg, ast.Constant):
                    value = arg.value
                else:  # a named text: DISCLAIMER, render.WHO_WRITES_TITLE
                    value = constants.get(getattr(arg, "id", None) or getattr(arg, "attr", ""))
                if isinstance(value, str):
                    found.setdefault(value, f"{where}:{node.lineno}")
                elif where != CARRIER and not isinstance(arg, ast.Starred):
                    unchecked.append(f"{where}:{node.lineno}: {name}(… {ast.unparse(arg)} …)")
    return found, unchecked


def said() -> dict[str, str]:
    """Every English text the source marks for the catalogue, with where it is."""
    return _scan()[0]


def test_every_text_marked_for_the_catalogue_is_one_this_test_can_read() -> None:
    """A sentence built at run time (``Said(f"...")``, ``say(lang, text)``) would pass the test
    below unseen, and reach a Chinese window in English: only the catalogue may pass texts on."""
    unchecked = _scan()[1]
    assert not unchecked, "not a literal text:\n" + "\n".join(unchecked)


def test_every_english_text_core_says_has_its_chinese() -> None:
    texts = said()
    assert len(texts) > 100  # the scan finds the calls (a broken scan would pass on nothing)
    missing = [f"{where}: {text!r}" for text, where in texts.items() if not WORDS.get(text, "").strip()]
    assert not missing, "no Chinese for:\n" + "\n".join(missing)


def test_each_chinese_text_keeps_the_fields_and_markup_of_its_english() -> None:
    for english, chinese in WORDS.items():
        assert set(re.findall(r"\{(\w+)\}", chinese)) <= set(re.findall(r"\{(\w+)\}", english)), english
        assert sorted(re.findall(r"</?(\w+)", chinese)) == sorted(re.findall(r"</?(\w+)", english)), english
        words = re.sub(r"\{\w+\}", "", english)  # English words are translated, not copied
        assert chinese != english or not re.search("[a-z]{3}", words), english


def test_no_chinese_entry_is_left_over_from_an_english_text_that_is_gone() -> None:
    assert not set(WORDS) - set(said())


def test_say_falls_back_to_english_and_fills_fields() -> None:
    assert say(CHINESE, "Home") == "首頁"
    assert say(ENGLISH, "Show all {n} questions", n=3) == "Show all 3 questions"
    assert say(CHINESE, "no such text {n}", n=1) == "no such text 1"
    assert say_count(ENGLISH, 1, "{n} topic", "{n} topics") == "1 topic"
    assert say_count(ENGLISH, 2, "{n} topic", "{n} topics") == "2 topics"


@pytest.mark.parametrize(("lang", "expected"), [(ENGLISH, "7 December 2026"), (CHINESE, "2026年12月7日")])
def test_dates_read_as_each_language_writes_them(lang: str, expected: str) -> None:
    assert long_date(dt.date(2026, 12, 7), lang) == expected


def _english_phrases() -> set[str]:
    """The pieces of English frame text between fields and tags, three words or longer."""
    pieces = set()
    for english in WORDS:
        for piece in re.split(r"\{\w+\}|<[^>]+>", english):
            piece = piece.strip(" .,:;()·→")
            if len(piece.split()) >= 3:
                pieces.add(piece)
    return pieces


def test_the_pages_the_window_shows_in_chinese_carry_no_english_frame(seed: ContentService) -> None:
    """Welcome, privacy, about, who writes this, home, the glossary, a topic, its question
    list, an editors' answer, the real question, a missing page: built in zh-TW, none has a
    sentence of its English frame (the real question's own text stays as imported)."""
    pages = PageBuilder(seed, user_dir=Path("/tmp/her-notes"))
    pages.lang = CHINESE
    answer = next(q.slug for q in seed.topic_page("calcifications").answers)
    targets = [
        "welcome", "privacy", "about", "who-writes-this", "home", "glossary", "glossary?q=cyst",
        "topic/calcifications", "questions/calcifications", f"question/{answer}",
        f"question/{REAL_SLUG}", "topic/no-such-topic",
    ]  # fmt: skip
    phrases = _english_phrases()
    assert len(phrases) > 50
    for target in targets:
        page = pages.build(target)
        text = html.unescape(re.sub(r"<[^>]+>", " ", page.html))
        text = re.sub(r"\s+", " ", text)
        found = [p for p in phrases if p in text]
        assert not found, f"{target}: English frame {found}"
        imported = target == f"question/{REAL_SLUG}"  # its title stays as imported
        assert re.search(r"[\u4e00-\u9fff]", page.title) or imported, target


def test_a_date_on_a_chinese_page_is_written_the_chinese_way(seed: ContentService) -> None:
    pages = PageBuilder(seed)
    pages.lang = CHINESE
    html_text = pages.build("topic/calcifications").html
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", html_text)
    assert not re.search(rf"\d (?:{'|'.join(MONTHS)}) \d{{4}}", html_text)


def test_the_start_up_follow_up_notice_reads_in_both_languages() -> None:
    from breastedu.core.notebook.followups import attention_sentence

    assert attention_sentence(1, 2) == "1 follow-up is overdue and 2 are due soon."
    assert attention_sentence(3, 0) == "3 follow-ups are overdue."
    assert attention_sentence(0, 1) == "1 follow-up is due within 14 days."
    assert attention_sentence(1, 2, CHINESE) == "有 1 個追蹤檢查已逾期，2 個快到期。"
    assert attention_sentence(0, 2, CHINESE) == "有 2 個追蹤檢查在 14 天內到期。"
    assert attention_sentence(0, 0, CHINESE) == ""
