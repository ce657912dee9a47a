"""Fixtures the core tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import REPO

from breastedu.core.content.service import ContentService


@pytest.fixture(scope="module")
def seed() -> Iterator[ContentService]:
    """The shipped library (its translations and editors' answers)."""
    content = ContentService.open(REPO / "data" / "seed.sqlite")
    yield content
    content.close()
