"""The one highlighter: which parts of a text a query marks."""

from __future__ import annotations

import pytest

from breastedu.core.search.highlight import Marker, snippet, unmark


def marked(marks: list[str], text: str) -> list[str]:
    return [text[a:b] for a, b in Marker.of(marks).spans(text)]


@pytest.mark.parametrize(
    ("marks", "text", "expected"),
    [
        (["calc"], "Calcifications, calcified; not microcalc.", ["Calcifications", "calcified"]),
        (["lump under arm"], "A lump, under-arm: lump under my arm", ["lump, under-arm"]),
        (["lump under arm", "lump"], "lump under armpit, lump here", ["lump under armpit", "lump"]),
        (["under arm", "arm"], "under arms and arm", ["under arms", "arm"]),
        (["lump under"], "lumps under", []),  # a phrase's words before the last are whole
        (["lump under"], "lump_under", ["lump_under"]),  # "_" separates words
        (["calc"], "calc_x calcium", ["calc", "calcium"]),
        (["resume"], "Résumé and RESUME_2", ["Résumé", "RESUME"]),
        (["straße"], "STRASSE, Straße", ["STRASSE", "Straße"]),
        (["naive cyst"], "a naïve  cyst", ["naïve  cyst"]),
        (["乳腺"], "左乳腺结节和乳腺", ["乳腺", "乳腺"]),
        (["cyst", "乳"], "cyst 乳 乳cyst", ["cyst", "乳", "乳"]),
        ([], "anything", []),
    ],
)
def test_what_is_marked(marks: list[str], text: str, expected: list[str]) -> None:
    """Word prefixes in any case and with any accents, phrases as words in a row (the last
    one begun) whatever lies between them, CJK strings anywhere; never overlapping."""
    assert marked(marks, text) == expected


def test_a_snippet_marks_the_window_around_the_first_match() -> None:
    body = "Nothing here. " * 20 + "Her <b> lump under the arm & more. " + "Filler words. " * 20
    text, spans = unmark(snippet(body, Marker.of(["lump", "arm"])))
    assert text.startswith("…") and text.endswith("…") and "Her <b> lump under the arm & more." in text
    assert [text[a:b] for a, b in spans] == ["lump", "arm"]
