"""The weekly load: the hours each week of the plan takes, against the weekly limit.

A week's total is the usual working hours plus the plan's actions (repeating ones counted every
time they come round), minus what the stop-doing list frees that week. When a week goes over the
limit, `causes` names the fewest, biggest actions that would bring it back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from career_core import wording
from career_core.models import Action, ActionStatus, Notebook, Recurrence
from career_core.plan.actions import action_dates
from career_core.plan.stop_doing import stop_in_effect
from career_core.schedule import monday


@dataclass(frozen=True, slots=True)
class LoadItem:
    action_id: str
    title: str
    times: int
    hours: float  # all of this action's hours in the week
    overdue: bool = False  # a one-off past its due date, still to do: its hours land this week


@dataclass(frozen=True, slots=True)
class FreedItem:
    stop_id: str
    what: str
    hours: float


@dataclass(frozen=True, slots=True)
class WeekLoad:
    monday: date
    plan: float  # hours the plan's actions take
    usual: float  # hours of usual work (0 when not set)
    freed: float  # hours the stop-doing list frees in this week
    limit: float
    items: tuple[LoadItem, ...]  # biggest first
    freed_by: tuple[FreedItem, ...]

    @property
    def total(self) -> float:
        return round(max(0.0, self.usual + self.plan - self.freed), 2)

    @property
    def over(self) -> bool:
        return self.total > self.limit

    @property
    def over_by(self) -> float:
        return round(max(0.0, self.total - self.limit), 2)

    @property
    def spare(self) -> float:
        return round(max(0.0, self.limit - self.total), 2)

    @property
    def causes(self) -> tuple[LoadItem, ...]:
        """The fewest, biggest actions whose hours together bring the week back within the limit."""
        if not self.over:
            return ()
        picked, moved = [], 0.0
        for item in self.items:
            picked.append(item)
            moved += item.hours
            if moved >= self.over_by:
                break
        return tuple(picked)

    @property
    def others(self) -> tuple[LoadItem, ...]:
        """The week's other actions, biggest first (the causes are the biggest ones)."""
        return self.items[len(self.causes):]

    @property
    def status(self) -> str:
        if self.over:
            return f"over the limit by {wording.hours(self.over_by)}"
        return "at the limit" if self.total == self.limit else f"within the limit ({wording.hours(self.spare)} spare)"

    def sum_in_words(self) -> str:
        """'38 h of usual work plus 6 h of plan minus 1 h freed by your stop-doing list: 43 h of your 50-hour limit.'"""
        usual = f"{wording.hours(self.usual)} of usual work plus " if self.usual else ""
        freed = f" minus {wording.hours(self.freed)} freed by your stop-doing list" if self.freed else ""
        return (f"{usual}{wording.hours(self.plan)} of plan{freed}: {wording.hours(self.total)} "
                f"of your {wording.number(self.limit)}-hour limit.")

    def describe(self, today: date | None = None) -> str:
        """'week of 7 Dec': the week as people name it."""
        return wording.week_of(self.monday, today)


@dataclass(frozen=True, slots=True)
class WeeklyLoad:
    weeks: tuple[WeekLoad, ...]
    limit: float
    usual: float

    @property
    def over_weeks(self) -> tuple[WeekLoad, ...]:
        return tuple(w for w in self.weeks if w.over)

    @property
    def peak(self) -> WeekLoad | None:
        return max(self.weeks, key=lambda w: w.total, default=None)


def weekly_load(nb: Notebook, today: date, start: date | None = None, weeks: int = 13) -> WeeklyLoad:
    """Hours per week (Monday to Sunday) from `start`'s week on: actions (recurrences expanded) against the limit.

    A week's total is the usual working hours plus the plan's hours, minus what the stop-doing list
    frees in that week. One-off actions still to do after their week has passed count in this
    week: that work has not gone away.
    """
    first_monday = monday(start or today)
    last_day = first_monday + timedelta(days=7 * weeks - 1)
    this_monday = monday(today)
    per_week: dict[date, dict[str, list]] = defaultdict(dict)

    def add(week: date, action: Action, times: int, overdue: bool = False) -> None:
        entry = per_week[week].setdefault(action.id, [action.title, 0, 0.0, False])
        entry[1] += times
        entry[2] += action.hours * times
        entry[3] = entry[3] or overdue

    for action in nb.actions:
        late = (action.recurrence is Recurrence.NONE and action.status is ActionStatus.TO_DO
                and action.due is not None and action.due < this_monday)
        if late:
            if first_monday <= this_monday <= last_day:
                add(this_monday, action, 1, overdue=True)
            continue
        for day in action_dates(action, first_monday, last_day):
            add(monday(day), action, 1)

    usual = nb.settings.usual_weekly_hours
    limit = nb.settings.weekly_hour_limit
    out = []
    for k in range(weeks):
        week = first_monday + timedelta(days=7 * k)
        items = tuple(sorted(
            (LoadItem(aid, title, times, round(hours, 2), overdue)
             for aid, (title, times, hours, overdue) in per_week[week].items()),
            key=lambda i: (-i.hours, i.title.casefold()),
        ))
        freed_by = tuple(FreedItem(s.id, s.what, s.hours_per_week) for s in nb.stop_doing
                         if s.hours_per_week > 0 and stop_in_effect(s, week))
        out.append(WeekLoad(
            monday=week,
            plan=round(sum(i.hours for i in items), 2),
            usual=usual,
            freed=round(sum(f.hours for f in freed_by), 2),
            limit=limit,
            items=items,
            freed_by=freed_by,
        ))
    return WeeklyLoad(tuple(out), limit, usual)
