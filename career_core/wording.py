"""How Waypoint says dates, hours, numbers and counts: one way each, for every page and export.

Dates in text read "4 Dec 2026", with the year left out when it is the year of `today` ("4 Dec"),
and "Fri 4 Dec" where the weekday helps. Text that outlives the day (a note stored in the notebook,
an exported plan or calendar) is written without `today`, so it keeps its year. Dates
people type go through Streamlit's date picker, always in ISO order (`DATE_INPUT`): Streamlit 1.67
offers three fixed orders and no "follow the browser" option, and ISO cannot be misread.

This module is a leaf: it imports nothing of the notebook, so every other module can use it.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Final

DATE_INPUT: Final = "YYYY-MM-DD"  # the one format of every date field (Streamlit's date_input)
DATE_COLUMN: Final = "D MMM YYYY"  # dates in tables (Streamlit's DateColumn), sortable as dates

# Written out rather than taken from strftime's %b and %a, which follow the server's locale.
MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day(on: date, today: date | None = None, *, weekday: bool = False) -> str:
    """'4 Dec 2026'; '4 Dec' in the year of `today`; 'Fri 4 Dec 2026' with the weekday."""
    text = f"{on.day} {MONTHS[on.month - 1]}"
    if today is None or on.year != today.year:
        text += f" {on.year}"
    return f"{WEEKDAYS[on.weekday()][:3]} {text}" if weekday else text


def weekday(on: date) -> str:
    """'Monday': the day of the week, as a repeating step names it ('every Monday')."""
    return WEEKDAYS[on.weekday()]


def clock(moment: datetime) -> str:
    """'14:05': a time of day, on the 24-hour clock."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def moment(at: datetime, today: date | None = None) -> str:
    """'4 Dec 14:05': a day and a time (of a saved revision, say)."""
    return f"{day(at.date(), today)} {clock(at)}"


def span(start: date, end: date, today: date | None = None) -> str:
    """'7 Dec → 13 Dec', '1 Jun 2026 → 30 Jun 2027': from one day to another."""
    return f"{day(start, today)} → {day(end, today)}"


def week_of(monday: date, today: date | None = None) -> str:
    """'week of 7 Dec': a week as people name it, by its Monday."""
    return f"week of {day(monday, today)}"


def due(on: date, today: date, *, overdue: bool = False, with_year: bool = False) -> str:
    """When something is due, from today: 'overdue since 30 Nov', 'due today', 'due Fri 4 Dec'.

    `with_year` keeps the year, for a document read after today (an export).
    """
    this_year = None if with_year else today
    if overdue:
        return f"overdue since {day(on, this_year)}"
    if on == today:
        return "due today"
    return f"due {day(on, this_year, weekday=True)}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 check-in', '3 check-ins', '2 people' (with `words` for an irregular plural)."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def days_ago(days: int) -> str:
    """'today', '1 day ago', '12 days ago'."""
    return "today" if days == 0 else f"{plural(days, 'day')} ago"


def number(value: float | None, unit: str = "") -> str:
    """A number as people write it: 62, 57.4, 1,250, 75% or 12 people; '—' for no value."""
    if value is None:
        return "—"
    if not math.isfinite(value):
        return str(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def hours(value: float) -> str:
    """'1.5 h': hours in a list, a chart label or a metric."""
    return f"{number(value)} h"


def hours_long(value: float) -> str:
    """'1 hour', '2.5 hours': hours in a sentence."""
    return f"{number(value)} hour{'' if value == 1 else 's'}"


def capital(text: str) -> str:
    """The text with its first letter a capital, the rest as it was ('Week of 7 Dec')."""
    return text[:1].upper() + text[1:]


# What the plan's marks and statuses are called, where their keys are not already words.
MARK_WORDS: Final = {"todo": "to do"}


def mark_word(kind: str) -> str:
    """'to do' for the key 'todo'; other keys ('done', 'overdue', 'missed') are words already."""
    return MARK_WORDS.get(kind, kind)
