"""Content commands: build-seed, import, topics, show (filled in by the foundation issue)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the content commands."""
