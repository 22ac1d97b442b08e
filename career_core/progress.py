"""Where each goal stands: progress, the straight-line plan, status and forecast.

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
Paused and dropped goals are not tracked: their status is None. Milestones reached
(career_core.milestones), logging a check-in (career_core.checkins) and the calendar of check-ins
(career_core.checkin_calendar) build on this module.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import Final

from career_core import wording
from career_core.frozen_runs import Keeper, Memo
from career_core.goal_grouping import Grouping, actions_by_goal, checkins_by_goal
from career_core.metric import (
    EPS,
    LIMITS,
    TREND_POINTS,
    Point,
    expected_fraction,
    forecast,
    fraction,
    meets,
    meets_test,
    starts_outside,
)
from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    Direction,
    Goal,
    GoalStatus,
    Notebook,
    Recurrence,
)
from career_core.schedule import week_number

_DAY = attrgetter("on")  # check-ins in date order; a five-year notebook sorts thousands per pass

TOLERANCE: Final = 0.10  # how far behind the straight line still counts as on track


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
        return None if self.progress is None else int(math.floor(self.progress * 100 + EPS))

    @property
    def expected_percent(self) -> int | None:
        return None if self.expected is None else int(round(self.expected * 100))

    @property
    def is_limit(self) -> bool:
        return self.direction in LIMITS

    @property
    def record(self) -> str:
        """How often a limit held, when that is the news: 'within the limit in 9 of 12 weeks'.

        Empty for other goals, before any value, and for a limit still on its way in from outside
        that has never held (its share of the way says more; no sentence reads "in 0 of 12").
        """
        if not self.is_limit or not self.within or not self.points or self.target is None:
            return ""
        held_at_start = self.baseline is not None and not starts_outside(self.direction, self.baseline, self.target)
        if not held_at_start and not meets(self.direction, self.target, self.points[-1].value):
            return ""
        return limit_record(self.direction, self.within, self.points)

    def where(self) -> str:
        """How far the goal is, in words that follow its direction: '53% of the way', 'within the
        limit in 9 of 12 weeks', 'done', 'not done yet'; empty when there is nothing to measure."""
        if self.percent is None:
            return ""
        if self.record:
            return self.record
        if self.direction is Direction.DONE and not self.steps:
            return "done" if self.percent >= 100 else "not done yet"
        return f"{self.percent}% of the way"

    @property
    def status_words(self) -> str:
        """'● On track', or 'Not tracked' for a paused or dropped goal: status never by colour alone."""
        return f"{self.status.symbol} {self.status.label}" if self.status else "Not tracked"


def limit_record(direction: Direction, within: int, points: Sequence[Point]) -> str:
    """'within the limit in 9 of 12 weeks', 'at or above the floor in 3 of 5 check-ins': counted in
    weeks when each value logged has a week of its own, else in check-ins."""
    side = "within the limit" if direction is Direction.AT_MOST else "at or above the floor"
    weekly = len({week_number(p.on) for p in points}) == len(points)
    return f"{side} in {within} of {wording.plural(len(points), 'week' if weekly else 'check-in')}"


# --- the chart's plan line -----------------------------------------------------------------------


def expected_value(gp: GoalProgress, day: date) -> float | None:
    """The value the straight line expects on `day`, in the metric's unit (for the chart)."""
    if gp.target is None or gp.direction is Direction.DONE:
        return None
    if gp.baseline is None or (gp.is_limit and not starts_outside(gp.direction, gp.baseline, gp.target)):
        return gp.target
    share = expected_fraction(gp.start, gp.deadline, day)
    if share is None:
        return None
    return gp.baseline + (gp.target - gp.baseline) * share


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
            return (f"About {math.floor(self.share * 100 + EPS)}% across "
                    f"{wording.plural(self.total, 'stepping stone')}, {self.done} achieved.")
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
    before: Sequence[Point] = (),
) -> GoalProgress:
    """The progress of one goal on `today` from its check-ins (any order), actions and stepping stones.
    `before`: the goal's points worked out last time, reused where they are the same (`_points`)."""
    metric = goal.metric
    direction, target = metric.direction, metric.target
    ordered = sorted(checkins, key=_DAY)
    points = _points(ordered, before)
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
            progress = min(share, 1.0 - EPS)
        else:
            progress = 0.0
        trend = _step_trend(steps, start, today, progress)
    else:
        progress = fraction(direction, baseline, target, latest.value) if latest else (0.0 if target is not None else None)
        trend = list(points[-TREND_POINTS:])
        if len(points) == 1 and metric.baseline is not None and start < points[0].on:
            trend.insert(0, Point(start, metric.baseline))  # one check-in and the baseline make a pace
        if direction in LIMITS and target is not None:
            within = sum(map(meets_test(direction, target), [p.value for p in points]))
    if latest is not None and meets(direction, target, latest.value):
        reached_on = _reached_on(direction, target, points)

    if goal.status is GoalStatus.ACHIEVED and not _measured_short(direction, target, latest):
        progress = 1.0  # marked achieved, and no check-in says otherwise
    expected = expected_fraction(start, goal.deadline, today)
    holds = direction in LIMITS and baseline is not None and target is not None \
        and not starts_outside(direction, baseline, target)
    if expected is not None and holds and today >= start:
        expected = 1.0  # a limit that already held at the start is meant to hold all along
    predicted = None if direction is Direction.DONE and trend is None else forecast(
        direction if direction is not Direction.DONE else Direction.INCREASE,
        target if direction is not Direction.DONE else 1.0,
        trend or (), today)
    if progress is not None and progress >= 1.0:
        predicted = None

    status, reason = _status(_Reading(
        goal_status=goal.status, direction=direction, unit=metric.unit, target=target, start=start,
        deadline=goal.deadline, today=today, latest=latest, measured=len(points),
        active=bool(ordered) or bool(steps and (steps.done or steps.share)), progress=progress,
        expected=expected, forecast=predicted, reached_on=reached_on, within=within, steps=steps, holds=holds,
        record=limit_record(direction, within, points) if within else "",
    ))
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


def _measured_short(direction: Direction, target: float | None, latest: Point | None) -> bool:
    """The latest value is on the wrong side of the target: nothing may read as reached then."""
    return latest is not None and (target is not None or direction is Direction.DONE) \
        and not meets(direction, target, latest.value)


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


def _points(ordered: Sequence[CheckIn], before: Sequence[Point]) -> tuple[Point, ...]:
    """The check-ins with a value as points, oldest first. A point equal to the one at its place in
    `before` is that very object: a check-in adds one point to a goal's hundreds, and each point made
    anew and kept would be one more object for the garbage collector to follow on every full pass
    (a named tuple stays tracked, where a plain tuple of a day and a number is soon let go)."""
    if not before:
        return tuple(Point(c.on, c.value) for c in ordered if c.value is not None)
    out: list[Point] = []
    held = iter(before)
    for c in ordered:
        if c.value is None:
            continue
        old = next(held, None)
        out.append(old if old is not None and old.on == c.on and old.value == c.value else Point(c.on, c.value))
    return tuple(out)


def _reached_on(direction: Direction, target: float | None, points: Sequence[Point]) -> date | None:
    """The first day of the latest unbroken run of check-ins that meet the target."""
    day = None
    ok = meets_test(direction, target)
    for p in reversed(points):
        if not ok(p.value):
            break
        day = p.on
    return day


@dataclass(frozen=True, slots=True)
class _Reading:
    """What is known about a goal on `today`, from which its status and the reason for it follow."""

    goal_status: GoalStatus
    direction: Direction
    unit: str
    target: float | None
    start: date
    deadline: date | None
    today: date
    latest: Point | None  # the latest check-in with a value
    measured: int  # check-ins with a value
    active: bool  # anything logged, or any step done
    progress: float | None
    expected: float | None  # where the straight line is today
    forecast: date | None  # when the recent pace reaches the target
    reached_on: date | None
    within: int | None  # limit goals: check-ins within the limit
    steps: _Steps | None
    holds: bool  # a limit that already held at the start
    record: str = ""  # limit goals: how often the limit held, in words

    @property
    def is_limit(self) -> bool:
        return self.direction in LIMITS

    @property
    def reached(self) -> bool:
        return self.latest is not None and meets(self.direction, self.target, self.latest.value)

    def day(self, on: date) -> str:
        return wording.day(on, self.today)


def _status(r: _Reading) -> tuple[ProgressStatus, str]:
    """The status and the reason for it, in the order the rules decide: achieved, overdue,
    nothing logged yet, then where the goal is against the straight line to its deadline."""
    if r.goal_status is GoalStatus.ACHIEVED:
        if _measured_short(r.direction, r.target, r.latest):
            assert r.latest is not None
            if r.direction is Direction.DONE:
                return ProgressStatus.ACHIEVED, "Marked as achieved, though the last check-in said not done yet."
            return ProgressStatus.ACHIEVED, (
                f"Marked as achieved, though the last check-in ({wording.number(r.latest.value, r.unit)}) "
                f"has not reached the target ({wording.number(r.target, r.unit)}).")
        return ProgressStatus.ACHIEVED, "Marked as achieved."
    if r.reached:
        return _reached(r)
    if r.deadline is not None and r.today > r.deadline:
        return ProgressStatus.OVERDUE, f"The deadline ({r.day(r.deadline)}) has passed and the target is not reached yet."
    if not r.active:
        return _nothing_logged(r)
    return _against_the_line(r)


def _reached(r: _Reading) -> tuple[ProgressStatus, str]:
    """The target is reached; a limit counts as achieved only once its deadline has come."""
    if not r.is_limit or r.target is None:
        when = f" on {r.day(r.reached_on)}" if r.reached_on else ""
        return ProgressStatus.ACHIEVED, f"{'Done' if r.direction is Direction.DONE else 'Target reached'}{when}."
    at_most = r.direction is Direction.AT_MOST
    inside = ("Within the limit of " if at_most else "At or above the floor of ") + wording.number(r.target, r.unit)
    kept = f" {wording.capital(r.record)}." if r.record else ""
    if r.deadline is not None and r.today >= r.deadline:
        return ProgressStatus.ACHIEVED, f"{inside} at the deadline.{kept}"
    return ProgressStatus.ON_TRACK, f"{inside} at the last check-in.{kept}"


def _nothing_logged(r: _Reading) -> tuple[ProgressStatus, str]:
    """Nothing logged yet: not started early on (or for a draft), at risk once the line has moved on."""
    if r.today < r.start:
        return ProgressStatus.NOT_STARTED, f"Starts on {r.day(r.start)}."
    if r.goal_status is GoalStatus.DRAFT or r.expected is None or r.expected <= TOLERANCE:
        return ProgressStatus.NOT_STARTED, "Nothing logged yet: the first check-in starts the line."
    return ProgressStatus.AT_RISK, (f"Nothing logged yet, and the straight line to the deadline expects "
                                    f"{round(r.expected * 100)}% by today.")


def _against_the_line(r: _Reading) -> tuple[ProgressStatus, str]:
    """On track within TOLERANCE of the straight line; further back, the recent pace decides."""
    S = ProgressStatus
    where = _where(r.progress, r.steps, r.direction) if r.measured or r.direction is Direction.DONE \
        else "No value logged yet."
    if r.is_limit and r.latest is not None and r.target is not None:
        side = "Above the limit of " if r.direction is Direction.AT_MOST else "Below the floor of "
        where = (f"{side}{wording.number(r.target, r.unit)} at the last check-in "
                 f"({wording.number(r.latest.value, r.unit)}).")
    if r.expected is None or r.progress is None:
        return S.ON_TRACK, f"{where} No deadline, so no plan to be behind."
    if r.direction is Direction.DONE and not (r.steps and r.steps.total):
        return S.ON_TRACK, f"{where} Due {r.day(r.deadline)}." if r.deadline else where
    if r.holds:
        plan = f"{where} The limit held at the start and is meant to hold every time."
    else:
        plan = f"{where} The straight line to the deadline expects {round(r.expected * 100)}% by today."
    pace, deadline = r.forecast, r.deadline
    if r.expected - r.progress <= TOLERANCE:
        if pace is not None and deadline is not None and pace > deadline:
            plan += (f" At the recent pace, though, you would get there around {r.day(pace)}, after the deadline: "
                     "worth watching.")
        return S.ON_TRACK, plan
    if pace is not None and deadline is not None and pace <= deadline:
        return S.BEHIND, f"{plan} At the recent pace you would still get there around {r.day(pace)}."
    if pace is not None:
        return S.AT_RISK, f"{plan} At the recent pace you would get there around {r.day(pace)}, after the deadline."
    if r.direction is Direction.DONE:
        return S.AT_RISK, f"{plan} Nothing finished yet sets a pace that gets there in time."
    if r.measured < 2:
        return S.AT_RISK, f"{plan} Log a few values to see whether the pace gets you there."
    return S.AT_RISK, f"{plan} The recent check-ins are not moving towards the target."


def _where(progress: float | None, steps: _Steps | None, direction: Direction) -> str:
    if direction is Direction.DONE:
        return steps.where() if steps and steps.total else "Not done yet."
    if progress is None:
        return "No target set."
    return f"{math.floor(progress * 100 + EPS)}% of the way."


# --- the whole notebook --------------------------------------------------------------------------


@dataclass(slots=True)
class Reuse:
    """What a caller keeps from one `all_progress` call to the next (a session, for its notebook):
    each goal's answer with what it was worked out from (`_inputs`, and its actions), and the
    notebook's check-ins and actions grouped by goal (career_core.goal_grouping)."""

    goals: dict[str, tuple[tuple[object, ...], tuple[Action, ...], GoalProgress]] = field(default_factory=dict)
    grouping: Grouping = field(default_factory=Grouping)

    @property
    def runs(self) -> Keeper[Memo]:
        """The runs of check-ins kept, each grouped once: the calendar counts from them too."""
        return self.grouping.runs


def all_progress(notebook: Notebook, today: date, only: Collection[str] | None = None, *,
                 reuse: Reuse | None = None) -> dict[str, GoalProgress]:
    """Every goal's progress, in the notebook's order; check-ins are grouped in one pass. `only`:
    just these goals (and the stepping stones a done-goal counts), as a save that changed them asks.
    `reuse`: kept by the caller from one call to the next; a goal worked out from the very same
    inputs as last time gets last time's answer, and a run of check-ins is grouped once, so a
    check-in works out one goal again, not every goal of the notebook."""
    kids: dict[str, list[Goal]] = defaultdict(list)
    for g in notebook.goals:
        if g.parent_id:
            kids[g.parent_id].append(g)
    needed = None if only is None else _with_stepping_stones(only, kids)  # a save's few goals: their check-ins
    if reuse is None:
        by_goal: Mapping[str, Sequence[CheckIn]] = checkins_by_goal(notebook.checkins, needed)
        actions = actions_by_goal(notebook.actions)
    else:
        by_goal, actions = reuse.grouping.checkins(notebook.checkins, needed), reuse.grouping.actions_of(notebook.actions)

    done: dict[str, GoalProgress] = {}

    def compute(goal: Goal, seen: frozenset[str]) -> GoalProgress:
        if goal.id in done:
            return done[goal.id]
        children = ()
        if goal.metric.direction is Direction.DONE and goal.id not in seen:
            children = tuple(compute(k, seen | {goal.id}) for k in kids.get(goal.id, ()) if k.id not in seen)
        mine, acts = by_goal.get(goal.id, ()), actions.get(goal.id, ())
        if reuse is None:
            gp = goal_progress(goal, mine, today, actions=acts, children=children)
        else:
            inputs, its_actions = _inputs(goal, mine, children, today), tuple(acts)
            held = reuse.goals.get(goal.id)
            gp = held[2] if held is not None and held[0] == inputs and _same_steps(held[1], its_actions) else \
                goal_progress(goal, mine, today, actions=acts, children=children, before=held[2].points if held else ())
            reuse.goals[goal.id] = (inputs, its_actions, gp)
        done[goal.id] = gp
        return gp

    goals = notebook.goals if only is None else [g for g in notebook.goals if g.id in only]
    for g in goals:
        compute(g, frozenset())
    if reuse is not None and only is None:
        for gone in reuse.goals.keys() - done.keys():
            del reuse.goals[gone]
    return {g.id: done[g.id] for g in goals}


def _with_stepping_stones(goal_ids: Collection[str], kids: Mapping[str, list[Goal]]) -> set[str]:
    """These goals and every goal under them, however deep (a done-goal counts its stepping stones)."""
    found, todo = set(goal_ids), list(goal_ids)
    while todo:
        for kid in kids.get(todo.pop(), ()):
            if kid.id not in found:
                found.add(kid.id)
                todo.append(kid.id)
    return found


_STEP_FIELDS = attrgetter("recurrence", "status", "completed_at")  # what a step reads of an action


def _inputs(goal: Goal, checkins: Sequence[CheckIn], children: Sequence[GoalProgress], today: date) -> tuple[object, ...]:
    """Everything `goal_progress` reads but the goal's actions (`_same_steps`), to tell whether a
    goal's answer can be reused. Check-ins are frozen, so the same objects compare at once."""
    m = goal.metric
    return (today, goal.statement, goal.status, goal.start, goal.created_at, goal.deadline,
            m.direction, m.target, m.baseline, m.unit, tuple(checkins), tuple(children))


def _same_steps(before: tuple[Action, ...], now: tuple[Action, ...]) -> bool:
    """Whether the goal's actions give the same steps. Actions are frozen: the same objects (the
    common case) compare at once, without a tuple of fields an action; a renamed or ticked one is
    compared by the fields a step reads."""
    return before == now or list(map(_STEP_FIELDS, before)) == list(map(_STEP_FIELDS, now))
