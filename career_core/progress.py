"""Where each goal stands: progress, the straight-line plan, status, forecast and milestones.

The rules, in words (tests/core/test_progress.py holds them as tables of cases):

* **Progress** is the share of the way from the baseline to the target, by the metric's direction,
  read from the latest check-in with a value. Without a written baseline the first check-in is the
  starting point. A limit goal ("at most 50 hours a week", "at least 10 people") counts as
  reached while the latest value is within the limit; on the way there (a baseline outside the
  limit) progress is the distance covered. A done/not-done goal is done when a check-in says so
  (a value of 1, or of its target); until then its stepping stones or its one-off actions show
  how far it has come.
* **Expected progress** on a day is the straight line from the start (0 %) to the deadline (100 %).
* **Status**: achieved (target reached, or marked achieved), overdue (deadline passed first),
  not started (nothing logged yet), on track (within ten points of the straight line), behind
  (further back, but the recent pace still reaches the target by the deadline) or at risk (the
  recent pace misses the deadline, or there is no pace towards the target). Nothing logged is
  "not started" only early on (the first tenth of the time) or for a draft; later it is at risk.
  A goal without a deadline cannot fall behind a plan it does not have, so it stays on track
  until it is reached.
* **Forecast**: the date the recent trend (a least-squares line through the last eight check-ins,
  or through the baseline on the start date and the only check-in) reaches the target, counted
  from the latest value.
* **Milestones** at 25, 50, 75 and 100 % are written to the journal once each.

Paused and dropped goals are not tracked: their status is None.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    Direction,
    Goal,
    GoalStatus,
    JournalEntry,
    Notebook,
    Recurrence,
)

TOLERANCE: Final = 0.10  # how far behind the straight line still counts as on track
TREND_POINTS: Final = 8  # the forecast follows the recent pace, not the whole history
MILESTONES: Final = (25, 50, 75, 100)
_EPS: Final = 1e-9
_FAR: Final = timedelta(days=365 * 50)  # a forecast further away than this is no forecast
LIMITS: Final = (Direction.AT_MOST, Direction.AT_LEAST)


class ProgressStatus(StrEnum):
    """How a goal is doing. The values match the keys of the charts' STATUS_STYLE."""

    NOT_STARTED = "not started"
    ON_TRACK = "on track"
    BEHIND = "behind"
    AT_RISK = "at risk"
    ACHIEVED = "achieved"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def symbol(self) -> str:
        """The same shape the charts use as the marker, so status never depends on colour."""
        return _SYMBOLS[self]


_SYMBOLS = {
    ProgressStatus.ACHIEVED: "★",
    ProgressStatus.ON_TRACK: "●",
    ProgressStatus.BEHIND: "▼",
    ProgressStatus.AT_RISK: "✖",
    ProgressStatus.OVERDUE: "■",
    ProgressStatus.NOT_STARTED: "○",
}

# The order people read a board in: what needs attention first, what is done last.
STATUS_ORDER: Final = (
    ProgressStatus.OVERDUE,
    ProgressStatus.AT_RISK,
    ProgressStatus.BEHIND,
    ProgressStatus.ON_TRACK,
    ProgressStatus.NOT_STARTED,
    ProgressStatus.ACHIEVED,
)


@dataclass(frozen=True, slots=True)
class Point:
    on: date
    value: float


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """Everything the Progress page, Home, the review and the exports say about one goal."""

    goal_id: str
    statement: str
    direction: Direction
    unit: str
    baseline: float | None  # the written baseline, else the first value logged
    target: float | None
    start: date
    deadline: date | None
    points: tuple[Point, ...]  # check-ins with a value, oldest first
    checkins: int  # every check-in, with or without a value
    last_checkin: date | None
    latest: float | None
    progress: float | None  # 0..1; None when there is nothing to measure against
    expected: float | None  # 0..1 on `today`; None without a deadline
    status: ProgressStatus | None  # None for paused and dropped goals
    forecast: date | None
    reached_on: date | None
    within: int | None  # limit goals: check-ins within the limit
    steps_done: int | None = None  # done/not-done goals: stepping stones or actions done ...
    steps: int | None = None  # ... out of
    reason: str = ""
    tracked: bool = True

    @property
    def percent(self) -> int | None:
        return None if self.progress is None else int(math.floor(self.progress * 100 + _EPS))

    @property
    def expected_percent(self) -> int | None:
        return None if self.expected is None else int(round(self.expected * 100))

    @property
    def within_share(self) -> float | None:
        if self.within is None or not self.points:
            return None
        return self.within / len(self.points)

    @property
    def is_limit(self) -> bool:
        return self.direction in LIMITS


# --- arithmetic of one metric --------------------------------------------------------------------


def done_threshold(target: float | None) -> float:
    """A done/not-done goal is done at its target when it has a positive one, else at 1."""
    return target if target is not None and target > 0 else 1.0


def meets(direction: Direction, target: float | None, value: float) -> bool:
    """Whether `value` reaches the target (or stays within the limit)."""
    if direction is Direction.DONE:
        return value >= done_threshold(target) - _EPS
    if target is None:
        return False
    if direction in (Direction.INCREASE, Direction.AT_LEAST):
        return value >= target - _EPS
    return value <= target + _EPS


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
    if abs(span) < _EPS:
        return 0.0
    return min(max((value - baseline) / span, 0.0), 1.0 - _EPS)


def expected_fraction(start: date, deadline: date | None, day: date) -> float | None:
    """The straight line: 0 on the start date, 1 on the deadline."""
    if deadline is None:
        return None
    total = (deadline - start).days
    if total <= 0:
        return 1.0 if day >= deadline else 0.0
    return min(max((day - start).days / total, 0.0), 1.0)


def expected_value(gp: GoalProgress, day: date) -> float | None:
    """The value the straight line expects on `day`, in the metric's unit (for the chart)."""
    if gp.target is None or gp.direction is Direction.DONE:
        return None
    if gp.baseline is None or (gp.is_limit and not _starts_outside(gp.direction, gp.baseline, gp.target)):
        return gp.target
    share = expected_fraction(gp.start, gp.deadline, day)
    if share is None:
        return None
    return gp.baseline + (gp.target - gp.baseline) * share


def _starts_outside(direction: Direction, baseline: float, target: float) -> bool:
    return baseline > target if direction is Direction.AT_MOST else baseline < target


def slope(points: Sequence[Point]) -> float | None:
    """Least-squares change per day through `points`; None for fewer than two distinct days."""
    if len(points) < 2:
        return None
    xs = [p.on.toordinal() for p in points]
    ys = [p.value for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var < _EPS:
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
    if rate is None or rate * _towards(direction, trend[0].value, target) <= _EPS:
        return None
    days = (target - latest.value) / rate
    if days > _FAR.days:
        return None
    return max(latest.on + timedelta(days=math.ceil(days)), today)


def format_value(value: float | None, unit: str = "") -> str:
    """A number as people write it: 62, 57.4, 75% or 12 people."""
    if value is None:
        return "—"
    if not math.isfinite(value):
        return str(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


# --- one goal ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Steps:
    """What a done/not-done goal is made of: its one-off actions, or its stepping stones."""

    done: int = 0
    total: int = 0
    completed_on: list[date] = field(default_factory=list)
    share: float | None = None  # stepping stones: their average progress

    def where(self) -> str:
        if self.share is not None:
            return (f"About {math.floor(self.share * 100 + _EPS)}% across {self.total} stepping "
                    f"stone{'s' if self.total != 1 else ''}, {self.done} achieved.")
        return f"{self.done} of {self.total} steps done."


def _action_steps(actions: Iterable[Action]) -> _Steps:
    steps = _Steps()
    for a in actions:
        if a.recurrence is not Recurrence.NONE or a.status is ActionStatus.DROPPED:
            continue
        steps.total += 1
        if a.status is ActionStatus.DONE:
            steps.done += 1
            if a.completed_at is not None:
                steps.completed_on.append(a.completed_at)
    return steps


def goal_progress(
    goal: Goal,
    checkins: Sequence[CheckIn],
    today: date,
    *,
    actions: Sequence[Action] = (),
    children: Sequence[GoalProgress] = (),
) -> GoalProgress:
    """The progress of one goal on `today` from its check-ins (any order), actions and stepping stones."""
    metric = goal.metric
    direction, target = metric.direction, metric.target
    ordered = sorted(checkins, key=lambda c: c.on)
    points = tuple(Point(c.on, c.value) for c in ordered if c.value is not None)
    start = goal.start or goal.created_at.date()
    if ordered and ordered[0].on < start and goal.start is None:
        start = ordered[0].on
    baseline = metric.baseline if metric.baseline is not None else (points[0].value if points else None)
    latest = points[-1] if points else None
    tracked = goal.status not in (GoalStatus.PAUSED, GoalStatus.DROPPED)

    # Progress, and what the forecast follows.
    steps: _Steps | None = None
    within: int | None = None
    reached_on: date | None = None
    if direction is Direction.DONE:
        done = latest is not None and meets(direction, target, latest.value)
        live = [c for c in children if c.tracked]
        if live:
            steps = _Steps(done=sum(c.status is ProgressStatus.ACHIEVED for c in live), total=len(live),
                           share=sum(c.progress or 0.0 for c in live) / len(live))
        else:
            steps = _action_steps(actions)
        if done:
            progress: float | None = 1.0
        elif steps.total:
            share = steps.share if steps.share is not None else steps.done / steps.total
            progress = min(share, 1.0 - _EPS)
        else:
            progress = 0.0
        trend = _step_trend(steps, start, today, progress)
    else:
        progress = fraction(direction, baseline, target, latest.value) if latest else (0.0 if target is not None else None)
        trend = list(points[-TREND_POINTS:])
        if len(points) == 1 and metric.baseline is not None and start < points[0].on:
            trend.insert(0, Point(start, metric.baseline))  # one check-in and the baseline make a pace
        if direction in LIMITS and target is not None:
            within = sum(meets(direction, target, p.value) for p in points)
    if latest is not None and target is not None and meets(direction, target, latest.value):
        reached_on = _reached_on(direction, target, points)

    marked = goal.status is GoalStatus.ACHIEVED
    if marked:
        progress = 1.0
    expected = expected_fraction(start, goal.deadline, today)
    holds = direction in LIMITS and baseline is not None and target is not None \
        and not _starts_outside(direction, baseline, target)
    if expected is not None and holds and today >= start:
        expected = 1.0  # a limit that already held at the start is meant to hold all along
    predicted = None if direction is Direction.DONE and trend is None else forecast(
        direction if direction is not Direction.DONE else Direction.INCREASE,
        target if direction is not Direction.DONE else 1.0,
        trend or (), today)
    if progress is not None and progress >= 1.0:
        predicted = None

    active = bool(ordered) or bool(steps and (steps.done or steps.share))
    status, reason = _status(
        goal=goal, direction=direction, unit=metric.unit, target=target, progress=progress, expected=expected,
        deadline=goal.deadline, start=start, today=today, latest=latest, active=active, forecast=predicted,
        marked=marked, reached_on=reached_on, within=within, measured=len(points), steps=steps, holds=holds,
    )
    return GoalProgress(
        goal_id=goal.id,
        statement=goal.statement,
        direction=direction,
        unit=metric.unit,
        baseline=baseline,
        target=target,
        start=start,
        deadline=goal.deadline,
        points=points,
        checkins=len(ordered),
        last_checkin=ordered[-1].on if ordered else None,
        latest=latest.value if latest else None,
        progress=progress,
        expected=expected,
        status=status if tracked else None,
        forecast=predicted if tracked else None,
        reached_on=reached_on,
        within=within,
        steps_done=steps.done if steps else None,
        steps=steps.total if steps else None,
        reason=reason if tracked else f"{goal.status.label}: not tracked until it is active again.",
        tracked=tracked,
    )


def _step_trend(steps: _Steps, start: date, today: date, progress: float | None) -> list[Point] | None:
    """The cumulative share of steps done over time, for a pace; None when there are no steps."""
    if not steps.total:
        return None
    if steps.completed_on and steps.share is None:
        trend = [Point(start, 0.0)]
        for i, day in enumerate(sorted(steps.completed_on), start=1):
            trend.append(Point(max(day, start), i / steps.total))
        if trend[-1].on < today and progress is not None:
            trend.append(Point(today, progress))  # time without completions slows the pace
        return trend
    if progress and today > start:
        return [Point(start, 0.0), Point(today, progress)]
    return None


def _reached_on(direction: Direction, target: float, points: Sequence[Point]) -> date | None:
    """The first day of the latest unbroken run of check-ins that meet the target."""
    day = None
    for p in reversed(points):
        if not meets(direction, target, p.value):
            break
        day = p.on
    return day


def _status(
    *, goal: Goal, direction: Direction, unit: str, target: float | None, progress: float | None,
    expected: float | None, deadline: date | None, start: date, today: date, latest: Point | None,
    active: bool, forecast: date | None, marked: bool, reached_on: date | None, within: int | None,
    measured: int, steps: _Steps | None, holds: bool,
) -> tuple[ProgressStatus, str]:
    S = ProgressStatus
    limit = direction in LIMITS
    past_deadline = deadline is not None and today > deadline
    if marked:
        return S.ACHIEVED, "Marked as achieved."
    if latest is not None and target is not None and meets(direction, target, latest.value):
        if not limit:
            when = f" on {reached_on:%d %b %Y}" if reached_on else ""
            return S.ACHIEVED, f"Target reached{when}."
        inside = ("Within the limit of " if direction is Direction.AT_MOST else "At or above the floor of ") \
            + format_value(target, unit)
        kept = f" {within} of {measured} check-ins were {'within' if direction is Direction.AT_MOST else 'at or above'} it."
        if deadline is not None and today >= deadline:
            return S.ACHIEVED, f"{inside} at the deadline.{kept}"
        return S.ON_TRACK, f"{inside} at the last check-in.{kept}"
    if past_deadline:
        return S.OVERDUE, f"The deadline ({deadline:%d %b %Y}) has passed and the target is not reached yet."
    if today < start and not active:
        return S.NOT_STARTED, f"Starts on {start:%d %b %Y}."
    if not active:
        if goal.status is GoalStatus.DRAFT or expected is None or expected <= TOLERANCE:
            return S.NOT_STARTED, "Nothing logged yet: the first check-in starts the line."
        return S.AT_RISK, (f"Nothing logged yet, and the straight line to the deadline expects "
                           f"{round(expected * 100)}% by today.")
    where = _where(progress, steps, direction) if measured or direction is Direction.DONE else "No value logged yet."
    if limit and latest is not None and target is not None:
        side = "Above the limit of " if direction is Direction.AT_MOST else "Below the floor of "
        where = f"{side}{format_value(target, unit)} at the last check-in ({format_value(latest.value, unit)})."
    if expected is None or progress is None:
        return S.ON_TRACK, f"{where} No deadline, so no plan to be behind."
    if direction is Direction.DONE and not (steps and steps.total):
        return S.ON_TRACK, f"{where} Due {deadline:%d %b %Y}." if deadline else where
    gap = expected - progress
    if holds:
        plan = f"{where} The limit held at the start and is meant to hold every time."
    else:
        plan = f"{where} The straight line to the deadline expects {round(expected * 100)}% by today."
    if gap <= TOLERANCE:
        if forecast is not None and deadline is not None and forecast > deadline:
            plan += f" At the recent pace, though, you would get there around {forecast:%d %b %Y}, after the deadline: worth watching."
        return S.ON_TRACK, plan
    if forecast is not None and deadline is not None and forecast <= deadline:
        return S.BEHIND, f"{plan} At the recent pace you would still get there around {forecast:%d %b %Y}."
    if forecast is not None:
        return S.AT_RISK, f"{plan} At the recent pace you would get there around {forecast:%d %b %Y}, after the deadline."
    if direction is Direction.DONE:
        return S.AT_RISK, f"{plan} Nothing finished yet sets a pace that gets there in time."
    if measured < 2:
        return S.AT_RISK, f"{plan} Log a few values to see whether the pace gets you there."
    return S.AT_RISK, f"{plan} The recent check-ins are not moving towards the target."


def _where(progress: float | None, steps: _Steps | None, direction: Direction) -> str:
    if direction is Direction.DONE:
        return steps.where() if steps and steps.total else "Not done yet."
    if progress is None:
        return "No target set."
    return f"{math.floor(progress * 100 + _EPS)}% of the way."


# --- the whole notebook --------------------------------------------------------------------------


def all_progress(notebook: Notebook, today: date) -> dict[str, GoalProgress]:
    """Every goal's progress, in the notebook's order; check-ins are grouped in one pass."""
    by_goal: dict[str, list[CheckIn]] = defaultdict(list)
    for c in notebook.checkins:
        by_goal[c.goal_id].append(c)
    actions: dict[str, list[Action]] = defaultdict(list)
    for a in notebook.actions:
        if a.goal_id:
            actions[a.goal_id].append(a)
    kids: dict[str, list[Goal]] = defaultdict(list)
    for g in notebook.goals:
        if g.parent_id:
            kids[g.parent_id].append(g)

    done: dict[str, GoalProgress] = {}

    def compute(goal: Goal, seen: frozenset[str]) -> GoalProgress:
        if goal.id in done:
            return done[goal.id]
        children = ()
        if goal.metric.direction is Direction.DONE and goal.id not in seen:
            children = tuple(compute(k, seen | {goal.id}) for k in kids.get(goal.id, ()) if k.id not in seen)
        gp = goal_progress(goal, by_goal.get(goal.id, ()), today, actions=actions.get(goal.id, ()), children=children)
        done[goal.id] = gp
        return gp

    for g in notebook.goals:
        compute(g, frozenset())
    return {g.id: done[g.id] for g in notebook.goals}


def board(progress: Iterable[GoalProgress]) -> dict[ProgressStatus, list[GoalProgress]]:
    """Tracked goals grouped by status, in STATUS_ORDER, most urgent deadline first in each group."""
    groups: dict[ProgressStatus, list[GoalProgress]] = {s: [] for s in STATUS_ORDER}
    for gp in progress:
        if gp.status is not None:
            groups[gp.status].append(gp)
    for items in groups.values():
        items.sort(key=lambda g: (g.deadline or date.max, g.statement))
    return groups


# --- the chart's line ----------------------------------------------------------------------------


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def series_with_gaps(points: Sequence[Point]) -> tuple[list[date], list[float | None]]:
    """x and y for a line chart that breaks where a whole calendar week has no check-in.

    A None between two points makes Plotly leave the gap open (connectgaps=False), so a
    skipped week shows as a pause in the line, not as a drop.
    """
    xs: list[date] = []
    ys: list[float | None] = []
    for prev, cur in zip((None, *points), points, strict=False):
        if prev is not None and (monday(cur.on) - monday(prev.on)).days > 7:
            xs.append(prev.on + (cur.on - prev.on) / 2)
            ys.append(None)
        xs.append(cur.on)
        ys.append(cur.value)
    return xs, ys


# --- check-ins -----------------------------------------------------------------------------------


def checkin_problems(goal: Goal | None, on: date | None, value: float | None, note: str, today: date) -> dict[str, str]:
    """What is wrong with a check-in before it is saved, keyed by the form's field."""
    problems: dict[str, str] = {}
    if goal is None:
        problems["goal"] = "Choose the goal this check-in is for."
    if on is None:
        problems["on"] = "Pick the date this check-in is about."
    elif on > today:
        problems["on"] = "A check-in records what has happened: pick today or an earlier day."
    if value is not None and not math.isfinite(value):
        problems["value"] = "This is not a number."
    elif value is None and not note.strip():
        problems["value"] = "Enter a value or write a note: one of the two is enough."
    return problems


# --- milestones ----------------------------------------------------------------------------------

_MILESTONE_TEXT = {
    25: "A quarter of the way on “{goal}”. The start is behind you.",
    50: "Halfway on “{goal}”. Worth telling someone about.",
    75: "Three quarters of the way on “{goal}”. The end is in sight.",
    100: "Done: “{goal}”. Take a moment to enjoy it before the next one.",
}


def pending_milestone(gp: GoalProgress, journal: Iterable[JournalEntry]) -> int | None:
    """The highest milestone this goal has passed and not yet celebrated (lower ones it skipped stay quiet)."""
    if gp.progress is None or not gp.tracked:
        return None
    passed = [m for m in MILESTONES if gp.progress * 100 + _EPS >= m]
    if not passed:
        return None
    celebrated = max((j.milestone for j in journal if j.goal_id == gp.goal_id and j.milestone is not None), default=0)
    return passed[-1] if passed[-1] > celebrated else None


def record_milestones(notebook: Notebook, goal_ids: Iterable[str], today: date) -> list[JournalEntry]:
    """Write newly reached milestones of these goals to the journal; return what was written."""
    wanted = set(goal_ids)
    if not wanted:
        return []
    progress = all_progress(notebook, today)
    written = []
    for goal_id in wanted:
        gp = progress.get(goal_id)
        if gp is None:
            continue
        milestone = pending_milestone(gp, notebook.journal)
        if milestone is None:
            continue
        short = gp.statement if len(gp.statement) <= 90 else gp.statement[:89].rstrip() + "…"
        entry = JournalEntry(on=today, goal_id=goal_id, milestone=milestone,
                             text=_MILESTONE_TEXT[milestone].format(goal=short))
        notebook.journal.append(entry)
        written.append(entry)
    return written


# --- the check-in calendar -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckinCalendar:
    """Check-ins per day for a run of whole weeks (Monday to Sunday) ending with `end`'s week.

    counts[weekday][week] is the number of check-ins that day, None for days after `end`.
    """

    weeks: tuple[date, ...]  # the Monday of each column
    counts: tuple[tuple[int | None, ...], ...]  # 7 rows, Monday first
    total: int
    days: int  # days with at least one check-in
    weeks_with: int  # weeks with at least one check-in

    def day(self, weekday: int, week: int) -> date:
        return self.weeks[week] + timedelta(days=weekday)


def checkin_calendar(checkins: Iterable[CheckIn], end: date, weeks: int = 53) -> CheckinCalendar:
    first = monday(end) - timedelta(weeks=weeks - 1)
    per_day: dict[date, int] = defaultdict(int)
    for c in checkins:
        if first <= c.on <= end:
            per_day[c.on] += 1
    mondays = tuple(first + timedelta(weeks=i) for i in range(weeks))
    counts = tuple(
        tuple(None if (m + timedelta(days=wd)) > end else per_day.get(m + timedelta(days=wd), 0) for m in mondays)
        for wd in range(7)
    )
    return CheckinCalendar(
        weeks=mondays,
        counts=counts,
        total=sum(per_day.values()),
        days=len(per_day),
        weeks_with=len({monday(d) for d in per_day}),
    )
