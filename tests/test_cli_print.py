"""``breastedu print`` and ``breastedu visit-sheet``: one PDF, or one line and exit 2 with no file."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import unicodedata
from pathlib import Path

import pytest
from tests.system_tools import tool

from breastedu.cli import main

# The command starts a QGuiApplication when none runs; give it the session's QApplication,
# so a widget test after this file does not meet a GUI-only application.
pytestmark = pytest.mark.usefixtures("qapp")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def text_of(path: Path) -> list[str]:
    out = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    return unicodedata.normalize("NFKC", out).split("\f")[:-1]


def test_print_all_is_one_pack(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--all: a contents page naming the ten topics, "Page N of N" last, qpdf --check passes."""
    clinic = tmp_path / "clinic.toml"
    clinic.write_text('[clinic]\nname = "Riverside Breast Clinic"\nphone = "555-0100"\n', encoding="utf-8")
    out = tmp_path / "pack.pdf"
    code, stdout, err = run(capsys, "--clinic-config", str(clinic), "print", "--all", "--out", str(out))
    assert (code, err) == (0, "")
    pages = text_of(out)
    assert stdout.strip() == f"{out} ({len(pages)} pages)"
    contents = pages[0]
    for title in (
        "Breast calcifications",
        "Fibroadenoma",
        "Breast cysts",
        "Thyroid nodules",
        "Hyperthyroidism",
        "Thyroid enlargement (goiter)",
        "Chest & breast pain",
        "Armpit (axillary) lump",
        "Areola & nipple",
        "Breast examination & screening",
    ):
        assert title in contents, title
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert "Riverside Breast Clinic" in pages[-1] and "555-0100" in pages[0]
    subprocess.run([tool("qpdf"), "--check", str(out)], check=True, capture_output=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["print", "no-such-topic", "--out", "{out}"], "no topic or question has the slug 'no-such-topic'"),
        (["print", "goiter", "--sections", "key-points,bogus", "--out", "{out}"], "unknown section 'bogus'"),
        (["print", "goiter", "--out", "{missing}"], "cannot write the file"),
        (["print", "goiter", "--out", "{txt}"], "must end in .pdf"),
        (["print", "goiter", "--all", "--out", "{out}"], "not both"),
        (["print", "goiter", "--paper", "a3", "--out", "{out}"], "invalid choice: 'a3'"),
    ],
)
def test_bad_input_is_one_line_and_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    names = {"out": tmp_path / "x.pdf", "missing": tmp_path / "no" / "x.pdf", "txt": tmp_path / "x.txt"}
    argv = [a.format(**{k: str(v) for k, v in names.items()}) for a in args]
    try:
        code, out, err = run(capsys, *argv)
    except SystemExit as exc:  # argparse's own errors
        code, (out, err) = int(exc.code or 0), capsys.readouterr()
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and out == ""
    assert list(tmp_path.iterdir()) == []


def test_visit_sheet_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """visit-sheet writes her (empty) visit sheet as a one-page PDF."""
    out = tmp_path / "visit.pdf"
    code, _, err = run(capsys, "--user-dir", str(tmp_path / "user"), "visit-sheet", "--out", str(out))
    assert (code, err) == (0, "")
    pages = text_of(out)
    assert len(pages) == 1 and "My visit sheet" in pages[0] and "Page 1 of 1" in pages[0]


def test_without_out_the_pdf_is_named_after_its_title_and_others_can_read_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22 C9 and C10: ``print goiter`` writes "Thyroid enlargement (goiter).pdf" here, with
    ordinary permissions (0644 under umask 022); the visit sheet, her own data, stays 0600."""
    monkeypatch.chdir(tmp_path)
    old = os.umask(0o022)
    try:
        code, stdout, err = run(capsys, "print", "goiter")
        assert (code, err) == (0, "")
        saved = tmp_path / "Thyroid enlargement (goiter).pdf"
        assert stdout.startswith(f"{saved.name} (") and saved.is_file()
        assert stat.S_IMODE(saved.stat().st_mode) == 0o644
        code, stdout, err = run(capsys, "--user-dir", str(tmp_path / "user"), "visit-sheet")
        assert (code, err) == (0, "")
        visit = tmp_path / "My visit sheet.pdf"
        assert stat.S_IMODE(visit.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_new_leaf_starts_each_sheet_of_a_pack_on_an_odd_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--new-leaf: every sheet's first page is odd (the contents page says so too), and the
    blank back pages say why they are blank."""
    out = tmp_path / "pack.pdf"
    slugs = ["calcifications", "goiter", "breast-cysts"]
    code, _, err = run(capsys, "print", *slugs, "--new-leaf", "--out", str(out))
    assert (code, err) == (0, "")
    pages = text_of(out)
    starts = [int(n) for n in re.findall(r"page (\d+)", pages[0])]
    assert len(starts) == 3 and all(n % 2 == 1 for n in starts)
    titles = ("Breast calcifications", "Thyroid enlargement (goiter)", "Breast cysts")
    for title, start in zip(titles, starts, strict=True):
        assert title in pages[start - 1] and f"Page {start} of {len(pages)}" in pages[start - 1]
    blanks = [n for n, page in enumerate(pages, start=1) if "left blank for double-sided printing" in page]
    assert blanks and all(n % 2 == 0 and n + 1 in starts for n in blanks)
    assert 2 in blanks  # the contents page is one page: its back is blank
