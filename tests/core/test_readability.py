"""Reading-grade formulas and the Markdown-to-prose step that feeds them."""

from __future__ import annotations

import pytest

from breastedu.core.content.readability import (
    TextStats,
    cmu_syllables,
    count_syllables,
    dale_chall_band,
    dale_chall_score,
    flesch_kincaid_grade,
    guide_grades,
    is_familiar,
    markdown_to_list_items,
    markdown_to_prose,
    rule_syllables,
    smog_grade,
    text_stats,
)

# Words and their spoken syllable counts (checked by saying them aloud).
WORDS = {
    "cat": 1,
    "breast": 1,
    "cyst": 1,
    "lump": 1,
    "lymph": 1,
    "you": 1,
    "fine": 1,
    "named": 1,
    "cakes": 1,
    "dense": 1,
    "change": 1,
    "doctor": 2,
    "cancer": 2,
    "simple": 2,
    "nipple": 2,
    "needle": 2,
    "tested": 2,
    "thyroid": 2,
    "nodule": 2,
    "benign": 2,
    "screening": 2,
    "hormone": 2,
    "changes": 2,
    "armpit": 2,
    "tissue": 2,
    "every": 3,  # the CMU dictionary's count ("ev-er-y"); the in-house rules say 2
    "ductal": 2,
    "discharge": 2,
    "mammogram": 3,
    "ultrasound": 3,
    "biopsy": 3,
    "axilla": 3,
    "malignant": 3,
    "imaging": 3,
    "surgery": 3,
    "medicine": 3,
    "actual": 3,
    "family": 3,
    "iodine": 3,
    "radiation": 4,
    "areola": 4,
    "aspiration": 4,
    "diagnostic": 4,
    "pathology": 4,
    "usually": 4,
    "category": 4,
    "emergency": 4,
    "carcinoma": 4,
    "calcification": 5,
    "tomosynthesis": 5,
    "radiologist": 5,
    "fibroadenoma": 6,
    "hyperthyroidism": 6,
    "TSH": 3,
    "MRI": 3,
    "40": 2,
}


@pytest.mark.parametrize(("word", "expected"), sorted(WORDS.items()))
def test_syllable_counter_matches_spoken_count(word: str, expected: int) -> None:
    """Syllables of common and medical words are counted as they are spoken."""
    assert count_syllables(word) == expected


def test_text_stats_match_hand_counts() -> None:
    """Sentences, words and syllables of a short text match a count done by hand."""
    stats = text_stats("The cat sat on the mat. Your doctor will check the lump!")
    # Words: the cat sat on the mat (6) + your doctor will check the lump (6) = 12.
    # Syllables: 6 + (1+2+1+1+1+1) = 13; no word has three syllables.
    assert stats == TextStats(sentences=2, words=12, syllables=13, polysyllables=0)
    stats = text_stats("Your mammogram is normal. See you in a year.")
    # mammogram (3) is the one polysyllable; syllables 1+3+1+2 + 1+1+1+1+1 = 12.
    assert stats == TextStats(sentences=2, words=9, syllables=12, polysyllables=1)


def test_flesch_kincaid_textbook_value() -> None:
    """FK grade is 0.39 W/S + 11.8 Syl/W - 15.59, checked on round numbers."""
    stats = TextStats(sentences=10, words=100, syllables=150, polysyllables=5)
    assert flesch_kincaid_grade(stats) == pytest.approx(0.39 * 10 + 11.8 * 1.5 - 15.59)
    assert flesch_kincaid_grade(stats) == pytest.approx(6.01)


def test_smog_textbook_value() -> None:
    """SMOG with 30 sentences and 30 polysyllables is 1.043 * sqrt(30) + 3.1291."""
    stats = TextStats(sentences=30, words=400, syllables=600, polysyllables=30)
    assert smog_grade(stats) == pytest.approx(8.84, abs=0.01)


def test_empty_text_scores_zero_rather_than_crashing() -> None:
    """An empty guide body gives grade 0, not a division error."""
    empty = text_stats("")
    assert flesch_kincaid_grade(empty) == 0.0
    assert smog_grade(empty) == 0.0


def test_markdown_to_prose_keeps_only_running_prose() -> None:
    """Front matter, headings, images, link targets, Sources, list items, table cells and
    lead-in lines are not prose; list items are kept apart for their own score."""
    md = (
        '+++\nslug = "x"\ntitle = "Hard Title With Polysyllabic Vocabulary"\n+++\n'
        "## Key points\n- Call your doctor\n- Keep your **dates**\n\n"
        "![A drawing of the breast](breastedu:image/breast-anatomy.svg)\n\n"
        "Read [this page](breastedu:glossary/cyst) today.\n\n"
        "Call your doctor soon if:\n\n- It grows.\n\n"
        "| Level | Size |\n|---|---|\n| TR5 | 1 cm |\n\n"
        "## Sources\n- International Consensus Recommendations On Everything.\n"
    )
    assert markdown_to_prose(md) == "Read this page today."
    assert markdown_to_list_items(md) == "Call your doctor.\nKeep your dates.\nIt grows."


def test_list_fragments_no_longer_flatter_the_grade() -> None:
    """Short list fragments once counted as sentences and pulled the grade down; now the
    prose is scored alone, and the fragments get their own (reported) score."""
    md = (
        "Your thyroid makes hormones that control how quickly your body uses the energy from food.\n\n"
        + "".join(f"- Item {n}.\n" for n in range(20))
    )
    grades = guide_grades(md)
    prose_only = text_stats(
        "Your thyroid makes hormones that control how quickly your body uses the energy from food."
    )
    assert grades.fk == round(flesch_kincaid_grade(prose_only), 1)
    assert grades.sentences == 1
    assert grades.list_fk < grades.fk


def test_dictionary_counts_win_over_the_rules_when_the_word_is_known() -> None:
    """The CMU dictionary knows everyday words; rare words fall back to the rules."""
    assert cmu_syllables()["every"] == 3 and rule_syllables("every") == 2
    assert "hurthle" not in cmu_syllables()
    assert count_syllables("Hurthle") == rule_syllables("Hurthle")


def test_dale_chall_counts_unfamiliar_words() -> None:
    """Familiar words (and their plurals and -ed/-ing forms) score low; jargon scores high."""
    assert is_familiar("doctor") and is_familiar("lumps") and is_familiar("checked")
    assert not is_familiar("thyroid") and not is_familiar("biopsy")
    plain = dale_chall_score("See your doctor. Bring your list. Ask what the test is for.")
    hard = dale_chall_score("Cytopathology characterizes thyroid neoplasms. Molecular diagnostics follow.")
    assert plain < 5 < 9 < hard
    assert dale_chall_band(4.2) == "4 and below" and dale_chall_band(6.5) == "7–8"
    assert dale_chall_band(10.4) == "16 and above"


def test_longer_words_and_sentences_raise_the_grade() -> None:
    """A hard text scores higher than a plain one on both formulas."""
    plain = text_stats("See your doctor. Bring your list. Ask what the test is for.")
    hard = text_stats(
        "Comprehensive multidisciplinary evaluation necessitates "
        "consideration of individualized radiological characteristics."
    )
    assert flesch_kincaid_grade(hard) > flesch_kincaid_grade(plain) + 10
    assert smog_grade(hard) > smog_grade(plain) + 10
