"""Figures the benchmarks print, the same way in each."""

from __future__ import annotations

import math


def p95(xs: list[float]) -> float:
    """The 95th percentile by nearest rank: a value that was measured, never above the
    largest (interpolating formulas extrapolate past it when samples are few)."""
    ordered = sorted(xs)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
