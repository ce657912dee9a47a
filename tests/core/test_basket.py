"""Her print basket: named operations over the user DB, in print order, surviving a reopen."""

from __future__ import annotations

from pathlib import Path

import pytest

from breastedu.core.errors import InputError, NotFoundError
from breastedu.core.notebook.basket import BASKET_MAX
from breastedu.core.notebook.service import Notebook


def slugs(items: tuple[object, ...]) -> list[str]:
    return [item.slug for item in items]  # type: ignore[attr-defined]


def test_add_reorder_remove_clear(user_dir: Path) -> None:
    with Notebook.open(user_dir, backup=False) as notebook:
        basket = notebook.basket
        assert basket.list() == ()
        basket.add("topic", "calcifications", "Breast calcifications")
        basket.add("topic", "goiter", "Goiter")
        items = basket.add("question", "some-question-1a2b3c", "A question")
        assert slugs(items) == ["calcifications", "goiter", "some-question-1a2b3c"]
        assert [i.position for i in items] == [0, 1, 2]
        # Adding a sheet already there changes nothing.
        assert basket.add("topic", "goiter", "Goiter") == items
        moved = basket.move(items[2].id, 0)
        assert slugs(moved) == ["some-question-1a2b3c", "calcifications", "goiter"]
        assert slugs(basket.move(moved[0].id, 99)) == ["calcifications", "goiter", "some-question-1a2b3c"]
        left = basket.remove(items[1].id)
        assert slugs(left) == ["calcifications", "some-question-1a2b3c"] and [i.position for i in left] == [
            0,
            1,
        ]
        with pytest.raises(NotFoundError):
            basket.remove(items[1].id)
    with Notebook.open(user_dir, backup=False) as notebook:
        assert notebook.basket.slugs() == ("calcifications", "some-question-1a2b3c")
        assert notebook.basket.clear() == () and notebook.basket.list() == ()


def test_bad_sheets_are_refused(user_dir: Path) -> None:
    with Notebook.open(user_dir, backup=False) as notebook:
        with pytest.raises(InputError, match="topic or a question"):
            notebook.basket.add("glossary", "x", "X")
        with pytest.raises(InputError, match="slug"):
            notebook.basket.add("topic", "../etc", "X")
        for n in range(BASKET_MAX):
            notebook.basket.add("topic", f"t{n}", f"T{n}")
        with pytest.raises(InputError, match="at most"):
            notebook.basket.add("topic", "one-more", "One more")


def test_erase_all_empties_the_basket(user_dir: Path) -> None:
    with Notebook.open(user_dir, backup=False) as notebook:
        notebook.basket.add("topic", "goiter", "Goiter")
        notebook.data.erase(confirmed=True)
        assert notebook.basket.list() == ()
