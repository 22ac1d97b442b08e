"""The paired table's figure: the median of the pairs' ratios, and the range a resampling gives it."""

from __future__ import annotations

import pytest

from benchmarks.paired import Pairs

CASES = [
    # (ratios, median, what the 95% range must be)
    ((1.2,) * 20, 1.2, (1.2, 1.2)),  # no spread: nothing to be unsure about
    ((1.1, 1.3) * 10, 1.2, (1.1, 1.3)),  # the median of a resample is one of the two, or between
    (tuple(1 + k / 100 for k in range(41)), 1.2, (1.1, 1.3)),  # 1.00 to 1.40: within the middle half
]


@pytest.mark.parametrize(("ratios", "median", "bounds"), CASES, ids=["alike", "two values", "spread"])
def test_the_range_holds_the_median_and_stays_inside_the_pairs(ratios, median, bounds) -> None:
    pairs = Pairs(ratios)
    low, high = pairs.interval()
    assert pairs.median == pytest.approx(median)
    assert bounds[0] <= low <= pairs.median <= high <= bounds[1]
    assert pairs.interval() == (low, high)  # seeded: the same pairs, the same range


def test_more_pairs_give_a_narrower_range() -> None:
    few = Pairs(tuple(1 + (k % 9) / 20 for k in range(18)))
    many = Pairs(few.ratios * 10)
    assert many.median == few.median
    assert many.interval()[1] - many.interval()[0] < few.interval()[1] - few.interval()[0]
