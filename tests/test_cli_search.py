"""'breastedu search': plain and JSON output, limits, topic filter, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.core.test_search_relevance import build_library

from breastedu.cli import main
from breastedu.cli.search_cmds import terminal_text


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture library."""
    return build_library(tmp_path_factory.mktemp("lib") / "content.sqlite")


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--content-db", str(db), "search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """--json prints the query, correction, highlight terms and hits as JSON."""
    code, out, _ = run(capsys, db, "fibroadenome", "--json", "--limit", "2")
    data = json.loads(out)
    assert code == 0 and data["did_you_mean"] == "fibroadenoma"
    assert len(data["hits"]) == 2 and data["hits"][0]["slug"] == "fibroadenoma"
    assert set(data["hits"][0]) >= {"kind", "slug", "title", "topic_slug", "snippet_html", "score"}


def test_plain_output_one_line_per_hit(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """Plain output: a line with kind, topic, title and slug, then the snippet with *stars*."""
    code, out, _ = run(capsys, db, "lump under arm", "--limit", "2")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert lines[0].startswith("topic") and "(axillary-lump)" in lines[0]
    assert "*" in out and "<mark>" not in out


def test_topic_filter_and_no_results(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """--topic keeps one topic's hits; a query with no hits says so and exits 0."""
    code, out, _ = run(capsys, db, "ultrasound", "--topic", "goiter", "--json")
    assert code == 0 and {h["topic_slug"] for h in json.loads(out)["hits"]} == {"goiter"}
    code, out, _ = run(capsys, db, "zzzzqqq")
    assert code == 0 and out.startswith("No results")


@pytest.mark.parametrize("limit", ["0", "ten", "501"])
def test_bad_limit_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], db: Path, limit: str) -> None:
    """A bad --limit is one line on stderr and exit status 2."""
    with pytest.raises(SystemExit) as exit_:
        run(capsys, db, "x", "--limit", limit)
    assert exit_.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_unknown_topic_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """An unknown --topic is one line on stderr naming it, and exit status 2."""
    code, _, err = run(capsys, db, "x", "--topic", "nope")
    assert code == 2 and err.strip().splitlines() == ["breastedu: topic: no topic 'nope'"]


def test_operator_text_is_safe(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """FTS5 operator characters on the command line are searched as text, not an error."""
    code, _, err = run(capsys, db, '"AND (covid-19 NOT *')
    assert code == 0 and err == ""


def test_terminal_text() -> None:
    """Marks become bold on a terminal or stars otherwise."""
    assert terminal_text("a b & c", [(2, 3)], bold=False) == "a *b* & c"
    assert terminal_text("b", [(0, 1)], bold=True) == "\033[1mb\033[0m"


def test_import_ships_the_index_beside_the_library_and_search_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import` builds the library's search index beside it (so the app's first start does
    not, and a copy of both files carries it); `search` opens it instead of building one, and
    an import that changes nothing leaves it as it is."""
    from tests.conftest import FIXTURE_PAGES

    from breastedu.core.search import index as ix

    cache = tmp_path / "cache"
    monkeypatch.setenv("BREASTEDU_CACHE_DIR", str(cache))
    db = tmp_path / "clinic.sqlite"
    assert main(["import", str(FIXTURE_PAGES), "--into", str(db)]) == 0
    assert "search index built beside it: clinic.sqlite.index" in capsys.readouterr().out
    marker = tmp_path / "clinic.sqlite.index" / "complete"
    stamp = marker.stat().st_mtime_ns
    monkeypatch.setattr(ix, "build", lambda *a, **k: pytest.fail("the index was built again"))
    assert main(["--content-db", str(db), "search", "breast"]) == 0
    assert main(["import", str(FIXTURE_PAGES), "--into", str(db)]) == 0
    assert "search index built" not in capsys.readouterr().out
    assert marker.stat().st_mtime_ns == stamp
    assert not cache.exists()


def test_chinese_output_names_each_kind_in_chinese_and_keeps_columns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--lang zh-TW search 鈣化`` (the shipped library): the calcifications topic first, its
    kind said in Chinese, and the title column starting where it does in English."""
    code = main(["--lang", "zh-TW", "search", "鈣化", "--limit", "3"])
    out, _ = capsys.readouterr()
    first = out.splitlines()[0]
    assert code == 0 and first.startswith("主題") and first.endswith("(calcifications)")
    assert first.index("乳房") == 2 + 4 + 2  # 主題 takes 4 columns: padded to 8, then 2 spaces
