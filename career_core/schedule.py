"""Cadences as calendar rules, shared by actions (recurrence) and reviews (cadence).

dateutil's rrule implements RFC 5545 recurrence rules, the same rules the calendar export
writes, so what Waypoint shows is what a calendar app will show.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Final

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule

# name -> (rrule frequency, interval): the vocabulary of Recurrence and ReviewCadence.
RULES: Final[dict[str, tuple[int, int]]] = {
    "daily": (DAILY, 1),
    "weekly": (WEEKLY, 1),
    "biweekly": (WEEKLY, 2),
    "monthly": (MONTHLY, 1),
    "quarterly": (MONTHLY, 3),
}

STEP: Final[dict[str, relativedelta]] = {
    "daily": relativedelta(days=1),
    "weekly": relativedelta(weeks=1),
    "biweekly": relativedelta(weeks=2),
    "monthly": relativedelta(months=1),
    "quarterly": relativedelta(months=3),
}


def occurrences(cadence: str, start: date, end: date | None, window_start: date, window_end: date) -> list[date]:
    """Dates of a recurring event from `start` (to `end`, inclusive) that fall inside the window."""
    freq, interval = RULES[cadence]
    last = min(end, window_end) if end else window_end
    if last < start or last < window_start:
        return []
    rule = rrule(freq, interval=interval, dtstart=datetime.combine(start, time()), until=datetime.combine(last, time()))
    lo = datetime.combine(max(start, window_start), time())
    return [d.date() for d in rule.between(lo, datetime.combine(last, time()), inc=True)]


def next_after(cadence: str, day: date) -> date:
    """One cadence step after `day` (month ends clamp: 31 Jan + 1 month is 28/29 Feb)."""
    return day + STEP[cadence]
