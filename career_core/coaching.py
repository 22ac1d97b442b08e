"""A coaching session: what changed since the last one, and what was agreed then.

The window runs from the day of the previous session (exclusive) to today (inclusive). The
previous session is the latest coach note dated before today, so a note saved during today's
session does not empty the view while the session is still going. With no earlier session the
window is the last `DEFAULT_DAYS` days.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from career_core import wording
from career_core.due import late_dates
from career_core.metric import change, fraction
from career_core.milestones import standing
from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    CoachNote,
    Direction,
    Goal,
    JournalEntry,
    Notebook,
    Recurrence,
    Review,
)
from career_core.progress import all_progress

DEFAULT_DAYS = 30


@dataclass(frozen=True, slots=True)
class GoalMovement:
    """How a goal moved in the window, from its check-ins."""

    goal_id: str
    statement: str
    unit: str
    checkins: int
    value_before: float | None  # the last value before the window, else the baseline
    value_now: float | None
    share_before: float | None  # of the way from baseline to target (0 = baseline, 1 = target)
    share_now: float | None
    confidence_before: int | None
    confidence_now: int | None
    latest_note: str
    direction: Direction = Direction.INCREASE
    target: float | None = None

    @property
    def percent_before(self) -> int:
        """Percent of the way at the last session (0..100); a goal first measured since then starts at 0."""
        return round(100 * (self.share_before if self.share_before is not None else 0))

    @property
    def percent_now(self) -> int | None:
        return None if self.share_now is None else round(100 * self.share_now)

    @property
    def confidence_words(self) -> str:
        """'6 → 8': confidence then and now, '–' where it was not said."""
        return f"{self.confidence_before or '–'} → {self.confidence_now or '–'}"

    @property
    def moved(self) -> str:
        """Which way the goal moved, in words that follow its direction: "better", "worse", "unchanged"."""
        if self.value_before is None or self.value_now is None:
            return "first value" if self.value_now is not None else "no value"
        return change(self.direction, self.value_before, self.value_now, self.target)


@dataclass(frozen=True, slots=True)
class ActionDone:
    action_id: str
    title: str
    goal: str
    times: int  # occurrences done in the window (1 for a one-off)
    last: date


@dataclass(frozen=True, slots=True)
class ActionOverdue:
    action_id: str
    title: str
    goal: str
    since: date  # the earliest date missed
    missed: int  # occurrences missed (1 for a one-off)
    days: int  # days since `since`

    def describe(self, today: date) -> str:
        """'missed 3 times since 2 Nov', or 'due 12 Nov, 6 days ago'."""
        since = wording.day(self.since, today)
        if self.missed > 1:
            return f"missed {self.missed} times since {since}"
        return f"due {since}, {wording.days_ago(self.days)}"


@dataclass(frozen=True, slots=True)
class GoalChange:
    goal_id: str
    statement: str  # the wording now
    kind: str  # "new" | "reworded"
    before: str  # the wording at the start of the window ("" for a new goal)
    on: date


@dataclass(frozen=True, slots=True)
class SinceLastSession:
    since: date  # exclusive
    today: date
    previous: CoachNote | None  # the last session before today
    today_notes: tuple[CoachNote, ...]  # notes already written today
    movements: tuple[GoalMovement, ...]
    checkins: int
    done: tuple[ActionDone, ...]
    overdue: tuple[ActionOverdue, ...]
    goal_changes: tuple[GoalChange, ...]
    reviews: tuple[Review, ...]
    moments: tuple[JournalEntry, ...]

    @property
    def is_quiet(self) -> bool:
        return not (self.checkins or self.done or self.overdue or self.goal_changes or self.reviews or self.moments)

    @property
    def actions_done(self) -> int:
        return sum(d.times for d in self.done)

    @property
    def actions_overdue(self) -> int:
        return sum(o.missed for o in self.overdue)


def previous_session(notebook: Notebook, today: date) -> CoachNote | None:
    """The latest coach note dated before today (the last of them when several share a day)."""
    earlier = [n for n in notebook.coach_notes if n.on < today]
    return max(reversed(earlier), key=lambda n: n.on) if earlier else None


def default_since(notebook: Notebook, today: date) -> date:
    last = previous_session(notebook, today)
    return last.on if last else today - timedelta(days=DEFAULT_DAYS)


def since_last_session(notebook: Notebook, today: date, since: date | None = None) -> SinceLastSession:
    """Everything that happened after `since` (default: the previous session) up to today."""
    since = default_since(notebook, today) if since is None else min(since, today)
    goals = {g.id: g for g in notebook.goals}

    def in_window(day: date) -> bool:
        return since < day <= today

    window_checkins = [c for c in notebook.checkins if in_window(c.on)]
    return SinceLastSession(
        since=since,
        today=today,
        previous=previous_session(notebook, today),
        today_notes=tuple(n for n in notebook.coach_notes if n.on == today),
        movements=_movements(notebook.checkins, goals, since, today),
        checkins=len(window_checkins),
        done=_done(notebook.actions, goals, in_window),
        overdue=_overdue(notebook.actions, goals, since, today),
        goal_changes=_goal_changes(notebook.goals, since, in_window),
        reviews=tuple(sorted((r for r in notebook.reviews if in_window(r.on)), key=lambda r: r.on, reverse=True)),
        moments=tuple(j for j in standing(notebook.journal, all_progress(notebook, today)) if in_window(j.on)),
    )


# --- the parts ------------------------------------------------------------------------------------


def share_of_way(goal: Goal, value: float | None) -> float | None:
    """How far `value` is from the baseline to the target, 0..1, by the one rule of progress
    (career_core.metric.fraction): a value past the target is the whole way, one that went back
    is none of it.

    Only for goals that move a number towards a target; limits and done/not-done goals have no
    way to travel, so they get None.
    """
    m = goal.metric
    if value is None or m.baseline is None or m.target is None or m.target == m.baseline:
        return None
    if m.direction not in (Direction.INCREASE, Direction.DECREASE):
        return None
    return fraction(m.direction, m.baseline, m.target, value)


def _movements(checkins: list[CheckIn], goals: dict[str, Goal], since: date, today: date) -> tuple[GoalMovement, ...]:
    by_goal: dict[str, list[CheckIn]] = defaultdict(list)
    for c in checkins:
        if c.on <= today:
            by_goal[c.goal_id].append(c)
    out = []
    for goal_id, items in by_goal.items():
        goal = goals.get(goal_id)
        if goal is None:
            continue
        items.sort(key=lambda c: c.on)  # stable: same-day check-ins keep the order they were logged
        before = [c for c in items if c.on <= since]
        during = [c for c in items if c.on > since]
        if not during:
            continue
        value_before = next((c.value for c in reversed(before) if c.value is not None), goal.metric.baseline)
        value_now = next((c.value for c in reversed(during) if c.value is not None), value_before)
        conf_before = next((c.confidence for c in reversed(before) if c.confidence is not None), goal.confidence)
        conf_now = next((c.confidence for c in reversed(during) if c.confidence is not None), conf_before)
        out.append(GoalMovement(
            goal_id=goal_id,
            statement=goal.statement,
            unit=goal.metric.unit,
            checkins=len(during),
            value_before=value_before,
            value_now=value_now,
            share_before=share_of_way(goal, value_before),
            share_now=share_of_way(goal, value_now),
            confidence_before=conf_before,
            confidence_now=conf_now,
            latest_note=next((c.note for c in reversed(during) if c.note.strip()), ""),
            direction=goal.metric.direction,
            target=goal.metric.target,
        ))
    order = {g: i for i, g in enumerate(goals)}
    out.sort(key=lambda m: order.get(m.goal_id, len(order)))
    return tuple(out)


def _goal_label(goals: dict[str, Goal], goal_id: str | None) -> str:
    goal = goals.get(goal_id or "")
    return goal.statement if goal else ""


def _done(actions: list[Action], goals: dict[str, Goal], in_window) -> tuple[ActionDone, ...]:  # noqa: ANN001
    out = []
    for a in actions:
        if a.recurrence is Recurrence.NONE:
            if a.status is ActionStatus.DONE and a.completed_at and in_window(a.completed_at):
                out.append(ActionDone(a.id, a.title, _goal_label(goals, a.goal_id), 1, a.completed_at))
        else:
            days = sorted(d for d in set(a.done_on) if in_window(d))
            if days:
                out.append(ActionDone(a.id, a.title, _goal_label(goals, a.goal_id), len(days), days[-1]))
    out.sort(key=lambda d: (d.last, d.title), reverse=True)
    return tuple(out)


def _overdue(actions: list[Action], goals: dict[str, Goal], since: date, today: date) -> tuple[ActionOverdue, ...]:
    """One-off actions past their due date (however old), and recurring occurrences missed in
    the window (before today: today's is not late yet)."""
    out = []
    for a in actions:
        if a.status is not ActionStatus.TO_DO:
            continue
        if a.recurrence is Recurrence.NONE:
            if a.due and a.due < today:
                out.append(ActionOverdue(a.id, a.title, _goal_label(goals, a.goal_id), a.due, 1, (today - a.due).days))
            continue
        missed = late_dates(a, since, today)
        if missed:
            out.append(ActionOverdue(a.id, a.title, _goal_label(goals, a.goal_id), missed[0], len(missed), (today - missed[0]).days))
    out.sort(key=lambda o: (o.since, o.title))
    return tuple(out)


def _goal_changes(goals: list[Goal], since: date, in_window) -> tuple[GoalChange, ...]:  # noqa: ANN001
    out = []
    for g in goals:
        if in_window(g.created_at.date()):
            out.append(GoalChange(g.id, g.statement, "new", "", g.created_at.date()))
            continue
        during = sorted((r for r in g.revisions if in_window(r.at.date())), key=lambda r: r.at)
        if not during:
            continue
        earlier = [r for r in g.revisions if r.at.date() <= since]
        before = max(earlier, key=lambda r: r.at).statement if earlier else during[0].statement
        if before.strip() != g.statement.strip():
            out.append(GoalChange(g.id, g.statement, "reworded", before, during[-1].at.date()))
    out.sort(key=lambda c: (c.on, c.statement), reverse=True)
    return tuple(out)
