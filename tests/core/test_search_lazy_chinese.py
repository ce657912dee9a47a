"""The Chinese converter (OpenCC, some 85 ms and 44 MiB to load) loads with the first Chinese
text that needs it, not when search is prepared (a start-up task), nor for an English query
whose synonym group has Chinese entries (their folded forms are kept in the index folder),
and Chinese queries find what they found before."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from sqlalchemy import create_engine
from tests.conftest import SEED

from breastedu.core.search import cjk
from breastedu.core.search.index import beside
from breastedu.core.search.synonyms import Synonyms
from breastedu.core.search.text import cjk_runs

# Prepares search over the seed, searches in English ("armpit" has Chinese synonyms), then in
# Simplified Chinese (folded to 甲狀腺腫, a synonym of the goiter guide's words), and says
# after each step whether OpenCC is loaded, with the top hit.
SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from breastedu.core.content.service import ContentService
    from breastedu.core.search.service import SearchService

    service = SearchService.over(ContentService.open(Path(sys.argv[1])))
    service.prepare()
    print("prepared", "opencc" in sys.modules)
    for query in ("lump in my armpit", "甲状腺肿"):
        hits = service.search(query).hits
        print(query, hits[0].topic_slug if hits else "-", "opencc" in sys.modules)
    """
)


def test_opencc_loads_with_the_first_chinese_query_that_needs_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SEED)],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "prepared False",
        "lump in my armpit axillary-lump False",
        "甲状腺肿 goiter True",
    ]


def test_the_seed_index_keeps_every_chinese_synonym_run_folded_as_opencc_does() -> None:
    with create_engine(f"sqlite:///{SEED}").connect() as conn:
        synonyms = Synonyms.read(conn)
    runs = {run for entry, _concept in synonyms.chinese for run in cjk_runs(entry)}
    kept = dict(line.split("\t") for line in (beside(SEED) / cjk.FOLDS).read_text("utf-8").splitlines())
    assert runs and set(kept) == runs
    assert kept == {run: cjk._convert(run) for run in runs}  # OpenCC itself, not the kept folds
