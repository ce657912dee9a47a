"""The breastedu command: content commands, clear one-line errors, exit statuses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FIXTURE_PAGES, REAL_SLUG, REPO, SHARED_PAGE

from breastedu.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_topics_json(capsys: pytest.CaptureFixture[str], library_db: Path) -> None:
    """'topics --json' prints both groups and all ten topics with counts."""
    code, out, _ = run(capsys, "--content-db", str(library_db), "topics", "--json")
    tree = json.loads(out)
    assert code == 0 and [g["slug"] for g in tree] == ["breast", "thyroid"]
    assert sum(len(g["topics"]) for g in tree) == 10


def test_show_real_question_prints_every_field(capsys: pytest.CaptureFixture[str], library_db: Path) -> None:
    """'show' on the real page prints title, asker, dates, doctor, signature, reply, More Info, links."""
    code, out, _ = run(capsys, "--content-db", str(library_db), "show", REAL_SLUG)
    assert code == 0
    for text in (
        "Clustered calcification",
        "Topic: Breast calcifications",
        "Asked by Zhou Zhuzhu, 50~59, female, on 2015-08-20",
        "  1. How often should follow-up examinations be done?",
        "Reply from Dr. Zhou Jiazhen (Breast and Thyroid) on 2015-08-20",
        "Director of Surgery, Taoyuan Hospital, Ministry of Health and Welfare",
        "  1. Annual mammography screening.",
        "Wishing you peace and health.",
        "Follow-Up Recommendations: After the surgical removal",
        "Understanding Breast Calcifications: Risks and Management Options (excerpt only",
        "Dr. Lin Kecheng (Surgery): Hello Ms. Lin",
        "Thyroid nodules (Breast and Thyroid) [thyroid-nodules]",
        "Chest & breast pain (Breast and Thyroid) [breast-pain]",
        "Source: Taiwan e-Hospital, Taiwan.",
        "Where this page comes from:",
        "Translated from Chinese. Dr. Zhou Jiazhen replied on 20 August 2015,",
        "For current advice, see our guide: Breast calcifications [calcifications].",
        "It was not written by Dr. Zhou Jiazhen, who replied above. Its author and date are unknown.",
        "can help in early detection.",
        ">> Editor's note: This paragraph suggests regular breast self-exams.",
    ):
        assert text in out, text
    assert ".txt" not in out
    # The note comes after the paragraph it is about, and before the next one.
    assert (
        out.index("can help in early detection.") < out.index(">> Editor's note") < out.index("In summary,")
    )


def test_show_in_chinese_frames_the_page_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang zh-TW show`: the real question (kept as imported, in English) comes with its
    frame in Chinese (where it comes from, when, the reply's heading, the headings), and an
    editors' answer with its headings, checked date and note in Chinese."""
    code, out, _ = run(capsys, "--lang", "zh-TW", "show", REAL_SLUG)
    assert code == 0
    for text in (
        "主題：",
        "於 2015-08-20 提問",
        "這一頁從哪裡來：",
        "醫師於 2015年8月20日 回覆（",
        "Zhou Jiazhen 醫師（Breast and Thyroid）於 2015-08-20 回覆",
        "編輯附註：",
        "類似的問題：",
        "相關主題：",
        "Wishing you peace and health.",  # the page itself stays as imported
    ):
        assert text in out, text
    for english in (
        "Topic:",
        "Asked by",
        "Where this page comes from",
        "Reply from",
        "Editor's note",
        "Similar questions",
    ):
        assert english not in out, english
    code, out, _ = run(capsys, "--lang", "zh-TW", "show", "fever-or-sore-throat-on-methimazole")
    assert code == 0
    for text in ("簡短回答：", "資料來源：", "檢查日期：", "由 BreastEdu 編輯群依照下列指引撰寫"):
        assert text in out, text
    for english in ("Short answer", "Sources:", "Checked:", "Written by the BreastEdu editors"):
        assert english not in out, english
    code, out, _ = run(capsys, "--lang", "zh-TW", "topics")
    assert code == 0 and "乳房鈣化點 [calcifications] (1 則醫師回覆 · 8 個已回答的問題)" in out
    code, out, _ = run(capsys, "--lang", "zh-TW", "search", "zzqxv")
    assert code == 0 and out.startswith("沒有結果。") and "No results" not in out


def test_show_json_round_trips_fields(capsys: pytest.CaptureFixture[str], library_db: Path) -> None:
    """'show --json' gives dates as ISO strings and the reply's signature line."""
    code, out, _ = run(capsys, "--content-db", str(library_db), "show", REAL_SLUG, "--json")
    page = json.loads(out)
    assert code == 0 and page["ask_date"] == "2015-08-20"
    assert page["replies"][0]["title_line"].startswith("Director of Surgery")
    assert len(page["similar"]) == 4 and len(page["related"]) == 9


def test_unknown_slug_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], library_db: Path) -> None:
    """An unknown slug: exit 2 and one line on stderr."""
    code, out, err = run(capsys, "--content-db", str(library_db), "show", "no-such-thing")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no-such-thing" in err


def test_missing_content_db_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing content DB is named in one line, exit 2."""
    code, _, err = run(capsys, "--content-db", str(tmp_path / "x.sqlite"), "topics")
    assert code == 2 and err.count("\n") == 1 and "not found" in err


def test_bad_arguments_exit_2_without_traceback() -> None:
    """Bad arguments through the real entry point: one line, exit 2, no traceback."""
    for args in (
        ["show"],
        ["nonsense-command"],
        ["screenshot", "x.png", "--size", "big"],
        ["search-that-does-not-exist", "--x"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "breastedu", *args], capture_output=True, text=True, check=False
        )
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_import_folder_good_and_bad(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder of good pages imports; adding a bad one fails naming it and changes nothing."""
    db = tmp_path / "clinic.sqlite"
    code, out, _ = run(capsys, "import", str(SHARED_PAGE), str(FIXTURE_PAGES), "--into", str(db))
    assert code == 0 and "4 added, 0 updated" in out
    before = db.read_bytes()
    folder = tmp_path / "more"
    shutil.copytree(FIXTURE_PAGES, folder)
    broken = SHARED_PAGE.read_text().replace("2015/08/20\nMore", "2015/13/45\nMore")
    (folder / "105_bad.txt").write_text(broken)
    code, out, err = run(capsys, "import", str(folder), "--into", str(db))
    assert code == 2 and "105_bad.txt:17" in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_screenshot_writes_png(
    capsys: pytest.CaptureFixture[str], library_db: Path, tmp_path: Path, qapp: object
) -> None:
    """'screenshot --open SLUG' renders the real window to a PNG of the asked size."""
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    code, _, err = run(
        capsys,
        "--content-db",
        str(library_db),
        "--user-dir",
        str(tmp_path / "u"),
        "screenshot",
        str(out),
        "--open",
        REAL_SLUG,
        "--size",
        "900x600",
    )
    assert code == 0, err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)


def test_screenshot_without_size_is_a_laptop_first_start_and_quiet(library_db: Path, tmp_path: Path) -> None:
    """With no --size the picture is the window a first start on a 1366x768 screen gets, and
    nothing (no Qt notice either) is written to stderr. A real process, as a user runs it."""
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO / "src")}
    shot = ["screenshot", str(out), "--theme", "dark"]
    where = ["--content-db", str(library_db), "--user-dir", str(tmp_path / "u")]
    done = subprocess.run(
        [sys.executable, "-m", "breastedu", *where, *shot],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1161, 653)


def test_screenshot_on_a_small_screen_fills_it(
    capsys: pytest.CaptureFixture[str], library_db: Path, tmp_path: Path, qapp: object
) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "small.png"
    args = ["--content-db", str(library_db), "--user-dir", str(tmp_path / "u"), "screenshot", str(out)]
    code, _, err = run(capsys, *args, "--screen", "1024x600")
    assert code == 0, err
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1024, 600)


def test_screenshot_of_an_unknown_slug_exits_2(
    capsys: pytest.CaptureFixture[str], library_db: Path, tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "none.png"
    args = ["--content-db", str(library_db), "--user-dir", str(tmp_path / "u"), "screenshot", str(out)]
    code, _, err = run(capsys, *args, "--open", "no-such-page")
    assert code == 2 and "no-such-page" in err and err.count("\n") == 1
    assert not out.exists()


def test_screenshot_rejects_non_png(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A screenshot name without .png is refused before any window opens."""
    code, _, err = run(capsys, "screenshot", str(tmp_path / "shot.jpg"))
    assert code == 2 and ".png" in err


def test_show_topic_lists_every_question_newest_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'show --json' and 'show' of a topic list all its questions, not only the topic page's
    newest 20, newest first, read batch by batch; the JSON keeps the page's keys and format."""
    from breastedu.cli import content_cmds
    from breastedu.cli.output import jsonable
    from breastedu.core.content.service import TOPIC_PAGE_QUESTIONS, ContentService

    base = (FIXTURE_PAGES / "101_aaaaaa000101.txt").read_text(encoding="utf-8").split("\n")
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(TOPIC_PAGE_QUESTIONS + 11):
        lines = list(base)
        lines[0] = f"Question number {n} about calcifications"
        lines[3] = f"Asker {n}, 40~49 year old female. Ask Date: 2015/{1 + n // 28:02d}/{1 + n % 28:02d}"
        (pages / f"{n:03d}_{n:08x}.txt").write_text("\n".join(lines), encoding="utf-8")
    db = tmp_path / "content.sqlite"
    assert run(capsys, "import", str(pages), "--into", str(db))[0] == 0
    monkeypatch.setattr(content_cmds, "SHOW_BATCH", 4)

    code, out, _ = run(capsys, "--content-db", str(db), "show", "calcifications", "--json")
    page = json.loads(out)
    titles = [q["title"] for q in page["questions"]]
    assert code == 0 and list(page) == ["topic", "guide", "questions", "answers", "language"]
    assert page["topic"]["question_count"] == len(titles) == TOPIC_PAGE_QUESTIONS + 11
    assert titles == [f"Question number {n} about calcifications" for n in reversed(range(len(titles)))]
    service = ContentService.open(db)
    whole = service.topic_page("calcifications")
    every = service.topic_questions("calcifications", offset=0, limit=100)
    service.close()
    expected = jsonable(whole) | {"questions": jsonable(every)}
    assert out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"

    code, out, _ = run(capsys, "--content-db", str(db), "show", "calcifications")
    listed = [line for line in out.splitlines() if line.startswith("  - Question number")]
    assert code == 0 and f"with a doctor's reply ({len(titles)}):" in out
    assert [line.split(" [")[0].removeprefix("  - ") for line in listed] == titles
