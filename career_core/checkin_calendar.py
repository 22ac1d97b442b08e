"""The check-in calendar: a year of check-ins, one square a day, to see the rhythm at a glance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from career_core.models import CheckIn, Notebook
from career_core.schedule import monday


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


def notebook_calendar(notebook: Notebook, today: date) -> CheckinCalendar:
    """The last year of a notebook's check-ins, up to today."""
    return checkin_calendar(notebook.checkins, today)
