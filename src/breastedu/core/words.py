"""Counts in words: "1 question", "2 questions" (never "1 questions")."""

from __future__ import annotations


def counted(count: int, word: str, plural: str | None = None) -> str:
    """``count`` and ``word``, in the plural (``plural``, else ``word`` + "s") unless it is 1."""
    return f"{count} {word if count == 1 else plural or word + 's'}"
