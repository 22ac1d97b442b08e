"""Timing shared by the benchmark scripts: run a function many times, report median and spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timing:
    """Seconds per call over the measured runs."""

    median: float
    p90: float
    worst: float


def timed(fn: Callable[[], object], repeat: int, *, warmup: int = 0) -> Timing:
    """Time `repeat` calls after `warmup` unmeasured ones (imports, fonts, library caches)."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    p90 = statistics.quantiles(samples, n=10, method="inclusive")[-1] if len(samples) > 1 else samples[0]
    return Timing(statistics.median(samples), p90, max(samples))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"
