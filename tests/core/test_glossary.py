"""The glossary loads cleanly and marks the first use of each term in a page."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from breastedu.core.content.dto import GlossaryEntry
from breastedu.core.content.glossary import load_glossary, mark_first_uses, slugify
from breastedu.core.errors import InputError

REPO = Path(__file__).resolve().parents[2]
GLOSSARY = REPO / "data" / "glossary.toml"

REQUIRED = [
    "BI-RADS",
    "mammogram",
    "ultrasound",
    "DCIS",
    "invasive breast cancer",
    "calcification",
    "microcalcification",
    "fibroadenoma",
    "phyllodes tumor",
    "cyst",
    "simple cyst",
    "complicated cyst",
    "complex cyst",
    "aspiration",
    "fine needle aspiration",
    "FNA",
    "core needle biopsy",
    "excisional biopsy",
    "stereotactic biopsy",
    "pathology",
    "benign",
    "malignant",
    "metastasis",
    "lymph node",
    "axilla",
    "areola",
    "nipple discharge",
    "mastalgia",
    "dense breasts",
    "tomosynthesis",
    "MRI",
    "TSH",
    "free T4",
    "T3",
    "thyroid nodule",
    "goiter",
    "hyperthyroidism",
    "hypothyroidism",
    "Graves disease",
    "radioactive iodine",
    "thyroidectomy",
    "Bethesda system",
    "TI-RADS",
    "antithyroid drugs",
    "BRCA",
    "follow-up",
    "screening",
    "diagnostic mammogram",
]


def _entry(term: str, *aliases: str, definition: str = "A plain definition.") -> GlossaryEntry:
    return GlossaryEntry(slug=slugify(term), term=term, aliases=aliases, definition=definition)


ENTRIES = [
    _entry("cyst", definition='A sac of fluid; "simple" <or> not & more.'),
    _entry("aspiration"),
    _entry("fine needle aspiration", "FNA"),
    _entry("mammogram"),
]


def test_glossary_has_at_least_60_defined_unique_terms() -> None:
    """Readers get 60+ terms, each with a real definition and a unique key."""
    entries = load_glossary(GLOSSARY)
    assert len(entries) >= 60
    assert len({e.slug for e in entries}) == len(entries)
    for entry in entries:
        assert entry.term and len(entry.definition.split()) >= 4, entry.term
        assert entry.definition.rstrip().endswith("."), entry.term
    assert [e.term.casefold() for e in entries] == sorted(e.term.casefold() for e in entries)


def test_glossary_covers_the_terms_patients_meet() -> None:
    """Every term the guides rely on (BI-RADS, FNA, TSH, ...) has an entry or alias."""
    names = {n.casefold() for e in load_glossary(GLOSSARY) for n in (e.term, *e.aliases)}
    missing = [t for t in REQUIRED if t.casefold() not in names]
    assert missing == []


def test_duplicate_and_empty_entries_are_rejected(tmp_path: Path) -> None:
    """A term listed twice, an alias owned by two terms, or an empty definition is an error."""
    cases = {
        "twice": '[[term]]\nterm="Cyst"\ndefinition="A."\n[[term]]\nterm="cyst"\ndefinition="B."\n',
        "alias": '[[term]]\nterm="A"\naliases=["x"]\ndefinition="A."\n'
        '[[term]]\nterm="B"\naliases=["X"]\ndefinition="B."\n',
        "empty": '[[term]]\nterm="Cyst"\ndefinition="  "\n',
        "noterm": '[[term]]\nterm=""\ndefinition="A."\n',
    }
    for name, text in cases.items():
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError):
            load_glossary(path)


def test_only_the_first_use_is_marked() -> None:
    """A term used three times on a page is linked once, at its first use."""
    out = mark_first_uses("<p>A cyst here.</p><p>Another cyst. Cysts again.</p>", ENTRIES)
    assert out.count('class="term"') == 1
    assert out.startswith('<p>A <a href="breastedu:glossary/cyst" class="term"')
    assert out.endswith("<p>Another cyst. Cysts again.</p>")


def test_plural_and_case_variants_are_found() -> None:
    """'Cysts' at the start of a sentence still finds the glossary entry 'cyst'."""
    out = mark_first_uses("<p>Cysts are common.</p>", ENTRIES)
    assert '<a href="breastedu:glossary/cyst" class="term"' in out
    assert ">Cysts</a> are common." in out


def test_longest_term_wins() -> None:
    """'fine needle aspiration' is one term, not the shorter 'aspiration' inside it."""
    out = mark_first_uses("<p>A fine needle aspiration, then an aspiration.</p>", ENTRIES)
    assert '<a href="breastedu:glossary/fine-needle-aspiration" class="term"' in out
    assert ">fine needle aspiration</a>" in out
    # The later, separate use of the shorter term is its own first use.
    assert out.count('href="breastedu:glossary/aspiration"') == 1


def test_headings_links_code_and_attributes_are_left_alone() -> None:
    """Terms in headings, existing links, code and alt text are not wrapped."""
    page = (
        '<h2>Cyst</h2><p><a href="breastedu:question/x">a cyst story</a></p>'
        '<p><code>cyst</code> <img alt="a cyst drawing" src="breastedu:image/c.svg"></p>'
        '<p title="cyst">Your mammogram.</p>'
    )
    out = mark_first_uses(page, ENTRIES)
    assert "glossary/cyst" not in out
    assert '<img alt="a cyst drawing" src="breastedu:image/c.svg">' in out
    assert '<p title="cyst">' in out
    assert ">mammogram</a>" in out


def test_whole_words_only() -> None:
    """'cyst' inside 'cystic-like' or 'precyst' is not a use of the term."""
    out = mark_first_uses("<p>precyst and cyst-like</p>", ENTRIES)
    assert "glossary/cyst" not in out


def test_definition_is_escaped_in_the_title() -> None:
    """Quotes and angle brackets in a definition cannot break the page's HTML."""
    out = mark_first_uses("<p>cyst</p>", ENTRIES)
    assert 'title="A sac of fluid; &quot;simple&quot; &lt;or&gt; not &amp; more."' in out


def test_text_escapes_survive() -> None:
    """Escaped characters in the page stay escaped after marking."""
    out = mark_first_uses("<p>1 &lt; 2 &amp; cyst</p>", ENTRIES)
    assert out.startswith("<p>1 &lt; 2 &amp; <a ")


def test_marking_a_long_page_is_fast() -> None:
    """A 3000-word page with the full glossary is marked in bounded time.

    About 10 ms on this machine when quiet; the bound is far above that so a loaded CI does
    not fail it, and far below what marking term by term over the page (quadratic) took."""
    entries = load_glossary(GLOSSARY)
    words = " ".join(["the doctor will check"] + [e.term for e in entries])
    page = "".join(f"<p>{words} and more plain words here.</p>" for _ in range(25))
    assert len(page.split()) > 3000
    mark_first_uses(page, entries)  # build the pattern once, as the app does
    start = time.perf_counter()
    out = mark_first_uses(page, entries)
    elapsed = time.perf_counter() - start
    assert out.count('class="term"') == len(entries)
    assert elapsed < 0.5, f"{elapsed * 1000:.1f} ms"


def test_no_terms_class_opts_out() -> None:
    """Names and departments in a class="no-terms" element are never marked."""
    from breastedu.core.content.dto import GlossaryEntry
    from breastedu.core.content.glossary import mark_first_uses

    entry = GlossaryEntry("thyroid", "thyroid", (), "A gland in the neck.")
    out = mark_first_uses('<p class="no-terms">Breast and Thyroid</p><p>Your thyroid.</p>', [entry])
    assert out.startswith('<p class="no-terms">Breast and Thyroid</p>')
    assert 'glossary/thyroid" class="term"' in out and out.count("glossary/thyroid") == 1
