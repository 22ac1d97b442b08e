"""The five-year notebook against the sample, rerun in turn: the last table of benchmarks/pages.py.

The main table times every view and interaction with the sample first and with the five-year
notebook minutes later, each beside the bare page; its last column divides the two medians. Over
minutes a machine's speed drifts in ways the bare page does not quite cancel, and short reruns
move by a tenth from one run of the script to the next. Here both notebooks are open at once (two
databases, two sessions): each repeat reruns the sample and the five-year notebook one after the
other (in alternating order), each just after a bare rerun, and the figure is the median of the
pairs' ratios, (five-year ÷ its bare) ÷ (sample ÷ its bare), with the range that holds that median
in 95 of 100 resamplings of the pairs (a bootstrap): how far apart the rows must be to differ.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import numpy as np
from streamlit.testing.v1 import AppTest

from benchmarks.interactions import Interaction, rerun_after
from benchmarks.page_views import NOTEBOOKS, View, app_with, opened
from career_core.database import ENV_VAR

PAIR = ("sample", "five-year")
RESAMPLINGS = 2_000


@dataclass(frozen=True, slots=True)
class Pairs:
    """The five-year notebook's rerun ÷ the sample's, pair by pair (each × its bare rerun)."""

    ratios: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    def interval(self) -> tuple[float, float]:
        """The 2.5th and 97.5th percentiles of the median over resamplings of the pairs (seeded)."""
        draws = np.random.default_rng(0).choice(self.ratios, size=(RESAMPLINGS, len(self.ratios)))
        low, high = np.percentile(np.median(draws, axis=1), [2.5, 97.5])
        return float(low), float(high)

    def line(self) -> str:
        low, high = self.interval()
        return f"{self.median:15.2f}×   {low:.2f}–{high:.2f}"


@contextmanager
def both_open() -> Iterator[dict[str, tuple[str, Callable[[], AppTest]]]]:
    """Each notebook of PAIR in a database of its own: name -> (database URL, app factory). A run
    reads the URL from the environment, so `_on(url)` before each run picks the notebook."""
    with ExitStack() as stack:
        apps = {}
        for name in PAIR:
            start = stack.enter_context(app_with(NOTEBOOKS[name]()))
            apps[name] = (os.environ[ENV_VAR], start)
        yield apps


def _on(url: str) -> None:
    os.environ[ENV_VAR] = url


def _in_turn(n: int) -> tuple[str, str]:
    return PAIR if n % 2 == 0 else PAIR[::-1]


def _opened(apps: dict[str, tuple[str, Callable[[], AppTest]]], view: View) -> dict[str, AppTest]:
    """Each notebook's app with Home drawn and `view` chosen (not run yet)."""
    out = {}
    for name, (url, start) in apps.items():
        _on(url)
        out[name] = opened(start, view)
    return out


def _pairs(apps: dict[str, tuple[str, Callable[[], AppTest]]], open_apps: dict[str, AppTest], repeat: int,
           bare: Callable[[], float], rerun: Callable[[AppTest, int], float | None]) -> Pairs | None:
    """`repeat` pairs, each notebook's `rerun(app, n)` seconds × its bare rerun just before; None
    when a rerun finds nothing to do."""
    pairs = []
    for n in range(repeat):
        got = {}
        for name in _in_turn(n):
            _on(apps[name][0])
            base = bare()
            took = rerun(open_apps[name], n)
            if took is None:
                return None
            got[name] = took / base
        pairs.append(got["five-year"] / got["sample"])
    return Pairs(tuple(pairs))


def _timed_run(at: AppTest, _n: int) -> float:
    began = time.perf_counter()
    at.run()
    return time.perf_counter() - began


def paired_view(apps: dict[str, tuple[str, Callable[[], AppTest]]], view: View, repeat: int,
                bare: Callable[[], float]) -> Pairs:
    """`repeat` pairs of the five-year rerun's ratio to the sample's, each × bare."""
    open_apps = _opened(apps, view)
    for name, at in open_apps.items():
        _on(apps[name][0])
        at.run()  # the first run builds what is kept per revision
    pairs = _pairs(apps, open_apps, repeat, bare, _timed_run)
    assert pairs is not None  # a plain rerun always has something to do
    return pairs


def paired_interaction(apps: dict[str, tuple[str, Callable[[], AppTest]]], move: Interaction, repeat: int,
                       bare: Callable[[], float]) -> Pairs | None:
    """As `paired_view`, for the rerun after `move`; None when either notebook offers nothing to do it with."""
    return _pairs(apps, _opened(apps, move.view), repeat, bare, lambda at, n: rerun_after(at, move, n))
