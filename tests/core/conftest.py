"""Fixtures the core tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import REPO

from breastedu.core.content.engine import open_content_readonly
from breastedu.core.content.service import ContentService
from breastedu.core.search.service import SearchService


@pytest.fixture(scope="module")
def seed() -> Iterator[ContentService]:
    """The shipped library (its translations and editors' answers)."""
    content = ContentService.open(REPO / "data" / "seed.sqlite")
    yield content
    content.close()


@pytest.fixture(scope="module")
def seed_search() -> Iterator[SearchService]:
    """Search over the shipped library and its shipped index."""
    engine = open_content_readonly(REPO / "data" / "seed.sqlite")
    yield SearchService(engine)
    engine.dispose()
