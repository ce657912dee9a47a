"""Reading-grade formulas for our guides: Flesch–Kincaid grade and SMOG grade.

Why in house: the usual package, textstat, fetches NLTK's cmudict word list the first time it
counts syllables. This app and its seed build run offline (clinic kiosks, laptops with no
network), so that first call fails. The formulas are a few lines each; the only hard part is
counting syllables, done here with vowel-group rules plus a short list of exceptions. The
counter is an estimate (so is every dictionary-free counter) and is tested on a word list.

Second formula: SMOG, the one most used for health material. It counts words of three or
more syllables, so it catches jargon that long sentences do not, and it aims at full
understanding, so it reads one to two grades above Flesch–Kincaid on the same text. Both
must be at or below grade 8 (NIH and CDC ceilings) for a guide to ship.

What is scored (hospital and CDC practice: score only running prose): ``markdown_to_prose``
drops the front matter, headings, image lines, the Sources section and link targets, and ends
every list item and table cell with a full stop so that each one counts as a sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

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


def count_syllables(word: str) -> int:
    """Estimate how many syllables ``word`` has when spoken (at least 1).

    Acronyms in capitals (TSH, MRI) are read letter by letter; numbers get one syllable
    per digit, a rough middle between "ten" and "seventy-four".
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
    """Turn guide Markdown into the plain prose the formulas score.

    Drops front matter, headings, image lines, the ``## Sources`` section and link targets;
    every list item and table cell becomes a sentence of its own.
    """
    text = _FRONT_MATTER.sub("", markdown.replace("\r\n", "\n"))
    out: list[str] = []
    in_sources = False
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(_as_sentence(" ".join(paragraph)))
            paragraph.clear()

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
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.extend(_as_sentence(_clean(c)) for c in cells if c and not set(c) <= set("-: "))
        elif _LIST_MARK.match(line):
            flush()
            paragraph.append(_clean(_LIST_MARK.sub("", line)))
        else:
            paragraph.append(_clean(line.strip()))
    flush()
    return "\n".join(s for s in out if s)


def _clean(line: str) -> str:
    """Keep link text, drop link targets and emphasis marks."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", line)).strip()


def _as_sentence(text: str) -> str:
    """End ``text`` with a full stop unless it already ends a sentence."""
    text = text.strip()
    if not text:
        return ""
    return text if text[-1] in ".!?" else text + "."


def guide_grades(markdown: str) -> tuple[float, float]:
    """(Flesch–Kincaid grade, SMOG grade) of a guide's Markdown, each rounded to 0.1."""
    stats = text_stats(markdown_to_prose(markdown))
    return round(flesch_kincaid_grade(stats), 1), round(smog_grade(stats), 1)
