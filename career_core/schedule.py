"""Cadences as calendar rules, shared by actions (recurrence) and reviews (cadence).

Every recurring series is an RFC 5545 recurrence rule (`rule`), the same rule the calendar
export writes, so what Waypoint shows is what a calendar app shows. `occurrences` computes the
dates of that rule by arithmetic, because the weekly load expands hundreds of series on every
change and dateutil walks each one from its first date; the tests hold both to the same dates.

Month ends: RFC 5545 skips a month that lacks the day ("monthly on the 31st" has no February),
while people mean "the end of the month". A monthly or quarterly series that starts on the 29th,
30th or 31st therefore falls on the last day of every month (BYMONTHDAY=-1), beginning with the
last day of the month it starts in. Google Calendar, Apple Calendar and Outlook expand that rule
alike; keeping the 29th or 30th in long months would need BYSETPOS over several month days, which
Outlook cannot import.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY

from career_core import wording

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

DAYS: Final[dict[str, int]] = {"daily": 1, "weekly": 7, "biweekly": 14}
MONTHS: Final[dict[str, int]] = {"monthly": 1, "quarterly": 3}
MONTH_END_FROM: Final = 29  # a monthly series starting on this day or later keeps to the month's end

_FREQ_NAMES: Final = {DAILY: "DAILY", WEEKLY: "WEEKLY", MONTHLY: "MONTHLY"}


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def keeps_month_end(cadence: str, start: date) -> bool:
    return cadence in MONTHS and start.day >= MONTH_END_FROM


def first(cadence: str, start: date) -> date:
    """The first date of the series: the start itself, or its month's last day for month-end series."""
    return last_day(start.year, start.month) if keeps_month_end(cadence, start) else start


@dataclass(frozen=True, slots=True)
class Rule:
    """One recurring series as RFC 5545 describes it: DTSTART plus RRULE parts."""

    dtstart: date
    freq: int
    interval: int
    until: date | None
    month_end: bool

    def ical(self) -> dict[str, object]:
        """The RRULE value as icalendar's vRecur takes it (UNTIL stays a DATE, like DTSTART)."""
        parts: dict[str, object] = {"FREQ": _FREQ_NAMES[self.freq], "INTERVAL": self.interval}
        if self.month_end:
            parts["BYMONTHDAY"] = -1
        if self.until is not None:
            parts["UNTIL"] = self.until
        return parts


def rule(cadence: str, start: date, end: date | None) -> Rule:
    freq, interval = RULES[cadence]
    return Rule(first(cadence, start), freq, interval, end, keeps_month_end(cadence, start))


def occurrences(cadence: str, start: date, end: date | None, window_start: date, window_end: date) -> list[date]:
    """Dates of a recurring event from `start` (to `end`, inclusive) that fall inside the window."""
    last = min(end, window_end) if end else window_end
    lo = max(start, window_start)
    if last < lo:
        return []
    if cadence in DAYS:
        step = DAYS[cadence]
        k = -(-(lo - start).days // step)  # ceiling division: the first step on or after lo
        day = start + timedelta(days=k * step)
        out = []
        while day <= last:
            out.append(day)
            day += timedelta(days=step)
        return out
    return _monthly(start, MONTHS[cadence], keeps_month_end(cadence, start), lo, last)


def _monthly(start: date, every: int, month_end: bool, lo: date, last: date) -> list[date]:
    base = start.year * 12 + start.month - 1

    def nth(k: int) -> date:
        year, month0 = divmod(base + k * every, 12)
        return last_day(year, month0 + 1) if month_end else date(year, month0 + 1, start.day)

    k = max(0, -(-(lo.year * 12 + lo.month - 1 - base) // every))
    if nth(k) < lo:
        k += 1
    out = []
    while (day := nth(k)) <= last:
        out.append(day)
        k += 1
    return out


def monday(day: date) -> date:
    """The Monday of `day`'s week: weeks run Monday to Sunday, as ISO 8601 has them."""
    return day - timedelta(days=day.weekday())


def week_number(day: date) -> int:
    """Which Monday-to-Sunday week `day` falls in, counted from year 1 (a Monday): two days share
    a number exactly when they share a `monday`, without making a date for each of many days."""
    return (day.toordinal() - 1) // 7


def next_after(cadence: str, day: date) -> date:
    """One cadence step after `day` (month ends clamp: 31 Jan + 1 month is 28/29 Feb)."""
    return day + STEP[cadence]


_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def describe(cadence: str, start: date) -> str:
    """How the series reads to a person: 'every Monday', 'monthly on the last day'."""
    weekday = wording.weekday(start)
    if cadence == "daily":
        return "every day"
    if cadence == "weekly":
        return f"every {weekday}"
    if cadence == "biweekly":
        return f"every other {weekday}"
    prefix = "monthly" if cadence == "monthly" else "every three months"
    if keeps_month_end(cadence, start):
        return f"{prefix} on the last day of the month"
    return f"{prefix} on the {start.day}{_ORDINAL.get(start.day, 'th')}"
