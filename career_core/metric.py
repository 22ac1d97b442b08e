"""The arithmetic of one metric: reaching a target, the share of the way, the straight line and the pace.

A metric goes from a baseline to a target in a direction: up, down, "at most" or "at least" a
limit, or done/not done. These functions know nothing of goals or notebooks; career_core.progress
puts them together into where a goal stands.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Final, NamedTuple

from career_core import direction as directions
from career_core.edit import assign
from career_core.models import Direction, Metric

TREND_POINTS: Final = 8  # the forecast follows the recent pace, not the whole history
EPS: Final = 1e-9  # rounding slack for shares of the way
_FAR: Final = timedelta(days=365 * 50)  # a forecast further away than this is no forecast
LIMITS: Final = (Direction.AT_MOST, Direction.AT_LEAST)


class Point(NamedTuple):
    """A check-in's day and value: a tuple, as every progress pass makes one per check-in."""

    on: date
    value: float


def done_threshold(target: float | None) -> float:
    """A done/not-done goal is done at its target when it has a positive one, else at 1."""
    return target if target is not None and target > 0 else 1.0


def meets(direction: Direction, target: float | None, value: float) -> bool:
    """Whether `value` reaches the target (or stays within the limit)."""
    return meets_test(direction, target)(value)


def meets_test(direction: Direction, target: float | None) -> Callable[[float], bool]:
    """The rule of `meets` with the direction and target fixed: one comparison per value, for
    passes over a goal's every check-in."""
    if direction is Direction.DONE:
        return (done_threshold(target) - EPS).__le__
    if target is None:
        return lambda _value: False
    if direction in (Direction.INCREASE, Direction.AT_LEAST):
        return (target - EPS).__le__
    return (target + EPS).__ge__


def fraction(direction: Direction, baseline: float | None, target: float | None, value: float) -> float | None:
    """How far `value` is from the baseline to the target, 0..1 (None when no target is set)."""
    if direction is Direction.DONE:
        return 1.0 if meets(direction, target, value) else 0.0
    if target is None:
        return None
    if meets(direction, target, value):
        return 1.0
    if baseline is None:
        return 0.0
    span = target - baseline
    if direction in LIMITS:
        # On the way into the limit from outside; a baseline already inside has no way to cover.
        outside = span > 0 if direction is Direction.AT_LEAST else span < 0
        if not outside:
            return 0.0
    if abs(span) < EPS:
        return 0.0
    return min(max((value - baseline) / span, 0.0), 1.0 - EPS)


def expected_fraction(start: date, deadline: date | None, day: date) -> float | None:
    """The straight line: 0 on the start date, 1 on the deadline."""
    if deadline is None:
        return None
    total = (deadline - start).days
    if total <= 0:
        return 1.0 if day >= deadline else 0.0
    return min(max((day - start).days / total, 0.0), 1.0)


def starts_outside(direction: Direction, baseline: float, target: float) -> bool:
    return baseline > target if direction is Direction.AT_MOST else baseline < target


def slope(points: Sequence[Point]) -> float | None:
    """Least-squares change per day through `points`; None for fewer than two distinct days."""
    if len(points) < 2:
        return None
    xs = [p.on.toordinal() for p in points]
    ys = [p.value for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var < EPS:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var


def _towards(direction: Direction, baseline: float | None, target: float) -> int:
    """+1 when reaching the target means going up, -1 when down."""
    if direction in (Direction.INCREASE, Direction.AT_LEAST):
        return 1
    if direction in (Direction.DECREASE, Direction.AT_MOST):
        return -1
    return 1 if baseline is None or target >= baseline else -1


def forecast(direction: Direction, target: float | None, trend: Sequence[Point], today: date) -> date | None:
    """When the recent trend reaches the target, projected from the latest value; None if it never does."""
    if target is None or not trend:
        return None
    latest = trend[-1]
    if meets(direction, target, latest.value):
        return latest.on
    rate = slope(trend[-TREND_POINTS:])
    if rate is None or rate * _towards(direction, trend[0].value, target) <= EPS:
        return None
    days = (target - latest.value) / rate
    if days > _FAR.days:
        return None
    return max(latest.on + timedelta(days=math.ceil(days)), today)


def set_numbers(metric: Metric, **numbers: float | None) -> Direction | None:
    """Set the baseline and/or target; an increase or decrease the new numbers contradict turns
    round to follow them (career_core.direction). Returns the new direction when it turned."""
    baseline = numbers.get("baseline", metric.baseline)
    target = numbers.get("target", metric.target)
    follows = Direction(directions.follow(metric.direction.value, baseline, target))
    if follows is metric.direction:
        assign(metric, **numbers)
        return None
    assign(metric, **numbers, direction=follows)
    return follows


def change(direction: Direction, before: float, now: float, target: float | None = None) -> str:
    """Which way a change went for this goal, in words: "better", "worse" or "unchanged".

    Up is better for an increase or a floor, down for a decrease or a limit; for done/not done,
    nearer the done mark is better. Never "up" or "down": overtime rising is worse, not up.
    """
    if abs(now - before) < EPS:
        return "unchanged"
    if direction is Direction.DONE:
        goal = done_threshold(target)
        return "better" if abs(now - goal) < abs(before - goal) else "worse"
    rising = now > before
    return "better" if rising == (_towards(direction, before, target if target is not None else now) > 0) else "worse"
