"""What building a content DB (``build-seed``, ``import``) asks of search: the search data
stored inside the DB and the index shipped beside it (see :mod:`breastedu.core.search.index`).
Content takes it as a callable (:class:`breastedu.core.content.seed.SearchStep`), so that
content never imports search."""

from __future__ import annotations

from pathlib import Path

from breastedu.core.content.seed import SearchStep
from breastedu.core.search import index as ix


def build_beside(db: Path, progress: ix.Progress | None = None) -> bool:
    """Build the search index of the finished content DB ``db`` beside it (False: the one
    there is current). OSError when that folder cannot be written."""
    return ix.build_beside(db, progress)


def build_step(*, index: bool = True) -> SearchStep:
    """The search step of ``build-seed`` and ``import``: the search data inside the DB, and
    (``index``) the index beside the finished DB."""
    return SearchStep(ix.refresh_content, ix.build_beside if index else None)
