"""The Chinese converter (OpenCC, some 44 MiB) loads with the first Chinese text, not when
search is prepared (a start-up task), and the first Chinese query still finds its synonyms.
(An English query that names a synonym group with Chinese entries loads it too: the
highlighter folds every entry of the group.)"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import SEED

# Prepares search over the seed, says whether OpenCC is loaded, then searches in Chinese (a
# lay word that only its synonym group links to the page) and says it again, with the top hit.
SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from breastedu.core.content.service import ContentService
    from breastedu.core.search.service import SearchService

    service = SearchService.over(ContentService.open(Path(sys.argv[1])))
    service.prepare()
    print("prepared", "opencc" in sys.modules)
    chinese = service.search("大脖子").hits
    print("chinese", chinese[0].topic_slug if chinese else "-", "opencc" in sys.modules)
    """
)


def test_search_is_prepared_without_opencc_and_a_chinese_query_loads_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SEED)],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["prepared False", "chinese goiter True"]
