"""The check-in calendar: a year of check-ins, one square a day, to see the rhythm at a glance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain, repeat
from operator import attrgetter, methodcaller

from career_core.frozen_runs import Before, Keeper, Memo
from career_core.models import CheckIn, Notebook
from career_core.schedule import monday

_DAY = attrgetter("on")


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


def checkin_calendar(checkins: Sequence[CheckIn], end: date, weeks: int = 53, *,
                     runs: Keeper | None = None, before: Before[Counter[date]] | None = None) -> CheckinCalendar:
    """One pass over the check-ins, in C (a five-year notebook holds thousands, read on every save);
    with `runs` (career_core.frozen_runs, kept by a session), each run's days are counted once, and
    with `before` too, the days of every run but the last are counted together once, so a save
    counts again only the last run's."""
    first = monday(end) - timedelta(weeks=weeks - 1)
    past = list(map(date.fromordinal, range(first.toordinal(), end.toordinal() + 1)))  # the days up to `end`
    within = _days_within(first, end)
    if runs is None:
        per_day = Counter(within(checkins))
    else:  # without `before`, one kept for this call alone: the same count, nothing kept
        kept = runs.runs(checkins)
        per_day = (before or Before()).of(kept, lambda earlier: _counted(earlier, within), key=within).copy()
        per_day.update(kept[-1].of(within) if kept else ())
    cells = [*map(per_day.get, past, repeat(0)), *repeat(None, weeks * 7 - len(past))]  # day by day, week by week
    return CheckinCalendar(
        weeks=tuple(past[::7]),
        counts=tuple(tuple(cells[wd::7]) for wd in range(7)),
        total=per_day.total(),
        days=len(per_day),
        weeks_with=sum(map(any, (cells[i:i + 7] for i in range(0, len(cells), 7)))),
    )


def _counted(runs: Sequence[Memo], within: Callable[[Sequence[CheckIn]], tuple[date, ...]]) -> Counter[date]:
    return Counter(chain.from_iterable(map(methodcaller("of", within), runs)))


@lru_cache(maxsize=8)
def _days_within(first: date, end: date) -> Callable[[Sequence[CheckIn]], tuple[date, ...]]:
    """The days of a run's check-ins from `first` to `end`, one function for each such window, so
    that a run kept by a session works them out once a day (career_core.frozen_runs.Memo)."""
    shown = frozenset(map(date.fromordinal, range(first.toordinal(), end.toordinal() + 1)))

    def within(checkins: Sequence[CheckIn]) -> tuple[date, ...]:
        return tuple(filter(shown.__contains__, map(_DAY, checkins)))

    return within


def notebook_calendar(notebook: Notebook, today: date, runs: Keeper | None = None,
                      before: Before[Counter[date]] | None = None) -> CheckinCalendar:
    """The last year of a notebook's check-ins, up to today."""
    return checkin_calendar(notebook.checkins, today, runs=runs, before=before)
