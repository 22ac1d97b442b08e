"""Recurring series: which dates they fall on, across month ends and leap years, and how they read."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from dateutil.rrule import rrule
from hypothesis import given, settings
from hypothesis import strategies as st

from career_core.schedule import RULES, describe, first, monday, next_after, occurrences, rule, week_number

D = date


@pytest.mark.parametrize(
    ("cadence", "start", "end", "window", "expected"),
    [
        # weekly and every two weeks keep the weekday of the start
        ("weekly", D(2026, 11, 2), None, (D(2026, 11, 1), D(2026, 11, 30)),
         [D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16), D(2026, 11, 23), D(2026, 11, 30)]),
        ("biweekly", D(2026, 11, 6), None, (D(2026, 11, 10), D(2026, 12, 31)),
         [D(2026, 11, 20), D(2026, 12, 4), D(2026, 12, 18)]),
        # the end date is included; nothing after it
        ("weekly", D(2026, 1, 5), D(2026, 1, 19), (D(2026, 1, 1), D(2026, 12, 31)),
         [D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 19)]),
        # a window that opens mid-series starts at the next date on the rule, not at the window
        ("weekly", D(2026, 1, 5), None, (D(2026, 3, 4), D(2026, 3, 17)), [D(2026, 3, 9), D(2026, 3, 16)]),
        # daily across a leap day, and across the same days in a common year
        ("daily", D(2028, 2, 27), D(2028, 3, 1), (D(2028, 1, 1), D(2028, 12, 31)),
         [D(2028, 2, 27), D(2028, 2, 28), D(2028, 2, 29), D(2028, 3, 1)]),
        ("daily", D(2027, 2, 27), D(2027, 3, 1), (D(2027, 1, 1), D(2027, 12, 31)),
         [D(2027, 2, 27), D(2027, 2, 28), D(2027, 3, 1)]),
        # weekly across the year end (ISO week 53 of 2026)
        ("weekly", D(2026, 12, 21), None, (D(2026, 12, 20), D(2027, 1, 11)),
         [D(2026, 12, 21), D(2026, 12, 28), D(2027, 1, 4), D(2027, 1, 11)]),
        # monthly on a day every month has
        ("monthly", D(2026, 1, 15), D(2026, 5, 15), (D(2026, 1, 1), D(2026, 12, 31)),
         [D(2026, 1, 15), D(2026, 2, 15), D(2026, 3, 15), D(2026, 4, 15), D(2026, 5, 15)]),
        ("monthly", D(2027, 1, 28), None, (D(2027, 1, 1), D(2027, 3, 31)), [D(2027, 1, 28), D(2027, 2, 28), D(2027, 3, 28)]),
        # month ends: a series from the 29th-31st keeps to the last day of every month
        ("monthly", D(2027, 1, 31), None, (D(2027, 1, 1), D(2027, 5, 31)),
         [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30), D(2027, 5, 31)]),
        ("monthly", D(2028, 1, 31), None, (D(2028, 1, 1), D(2028, 3, 31)), [D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31)]),
        ("monthly", D(2027, 1, 30), None, (D(2027, 1, 1), D(2027, 3, 31)), [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31)]),
        ("monthly", D(2028, 1, 29), None, (D(2028, 1, 1), D(2028, 2, 29)), [D(2028, 1, 31), D(2028, 2, 29)]),
        ("monthly", D(2028, 2, 29), None, (D(2028, 1, 1), D(2028, 4, 30)), [D(2028, 2, 29), D(2028, 3, 31), D(2028, 4, 30)]),
        ("monthly", D(2026, 12, 31), None, (D(2026, 12, 1), D(2027, 2, 28)), [D(2026, 12, 31), D(2027, 1, 31), D(2027, 2, 28)]),
        # quarterly from a month end, through a leap February
        ("quarterly", D(2027, 8, 31), None, (D(2027, 1, 1), D(2028, 9, 30)),
         [D(2027, 8, 31), D(2027, 11, 30), D(2028, 2, 29), D(2028, 5, 31), D(2028, 8, 31)]),
        ("quarterly", D(2026, 11, 15), None, (D(2026, 1, 1), D(2027, 12, 31)),
         [D(2026, 11, 15), D(2027, 2, 15), D(2027, 5, 15), D(2027, 8, 15), D(2027, 11, 15)]),
        # a window opening between two quarterly dates
        ("quarterly", D(2026, 1, 10), None, (D(2026, 2, 1), D(2026, 10, 31)), [D(2026, 4, 10), D(2026, 7, 10), D(2026, 10, 10)]),
        # nothing: the window ends before the start, or the series ended before the window
        ("weekly", D(2027, 1, 4), None, (D(2026, 1, 1), D(2026, 12, 31)), []),
        ("weekly", D(2026, 1, 5), D(2026, 2, 2), (D(2026, 3, 1), D(2026, 12, 31)), []),
        # a month-end series whose end comes before its first month end has no dates at all
        ("monthly", D(2027, 1, 29), D(2027, 1, 30), (D(2027, 1, 1), D(2027, 12, 31)), []),
    ],
)
def test_occurrences(cadence, start, end, window, expected):
    assert occurrences(cadence, start, end, *window) == expected


def _rfc_dates(cadence: str, start: date, end: date | None, lo: date, hi: date) -> list[date]:
    """The same series expanded by dateutil's RFC 5545 engine, the way calendar apps do."""
    spec = rule(cadence, start, end)
    r = rrule(spec.freq, interval=spec.interval, dtstart=datetime.combine(spec.dtstart, time()),
              until=datetime.combine(spec.until, time()) if spec.until else None,
              bymonthday=-1 if spec.month_end else None)
    return [d.date() for d in r.between(datetime.combine(lo, time()), datetime.combine(hi, time()), inc=True)]


@settings(max_examples=300, deadline=None)
@given(
    cadence=st.sampled_from(sorted(RULES)),
    start=st.dates(D(2024, 1, 1), D(2030, 12, 31)),
    length=st.none() | st.integers(0, 1500),
    lo=st.dates(D(2023, 1, 1), D(2031, 12, 31)),
    span=st.integers(0, 800),
)
def test_occurrences_match_the_rfc_5545_rule(cadence, start, length, lo, span):
    from datetime import timedelta

    end = start + timedelta(days=length) if length is not None else None
    hi = lo + timedelta(days=span)
    assert occurrences(cadence, start, end, lo, hi) == _rfc_dates(cadence, start, end, lo, hi)


@pytest.mark.parametrize(
    ("cadence", "start", "parts"),
    [
        ("daily", D(2026, 1, 1), {"FREQ": "DAILY", "INTERVAL": 1}),
        ("weekly", D(2026, 1, 1), {"FREQ": "WEEKLY", "INTERVAL": 1}),
        ("biweekly", D(2026, 1, 1), {"FREQ": "WEEKLY", "INTERVAL": 2}),
        ("monthly", D(2026, 1, 28), {"FREQ": "MONTHLY", "INTERVAL": 1}),
        ("monthly", D(2026, 1, 29), {"FREQ": "MONTHLY", "INTERVAL": 1, "BYMONTHDAY": -1}),
        ("quarterly", D(2026, 3, 31), {"FREQ": "MONTHLY", "INTERVAL": 3, "BYMONTHDAY": -1}),
        ("weekly", D(2026, 1, 31), {"FREQ": "WEEKLY", "INTERVAL": 1}),  # month ends matter only for months
    ],
)
def test_the_rule_written_to_calendars(cadence, start, parts):
    assert rule(cadence, start, None).ical() == parts
    assert rule(cadence, start, D(2027, 1, 1)).ical() == {**parts, "UNTIL": D(2027, 1, 1)}


@pytest.mark.parametrize(
    ("cadence", "start", "expected"),
    [
        ("monthly", D(2027, 1, 30), D(2027, 1, 31)),
        ("monthly", D(2027, 4, 30), D(2027, 4, 30)),
        ("quarterly", D(2028, 2, 29), D(2028, 2, 29)),
        ("monthly", D(2027, 1, 15), D(2027, 1, 15)),
        ("weekly", D(2027, 1, 30), D(2027, 1, 30)),
    ],
)
def test_the_first_date_of_a_series(cadence, start, expected):
    assert first(cadence, start) == expected


@pytest.mark.parametrize(
    ("cadence", "start", "text"),
    [
        ("daily", D(2026, 11, 2), "every day"),
        ("weekly", D(2026, 11, 2), "every Monday"),
        ("biweekly", D(2026, 11, 6), "every other Friday"),
        ("monthly", D(2026, 11, 1), "monthly on the 1st"),
        ("monthly", D(2026, 11, 2), "monthly on the 2nd"),
        ("monthly", D(2026, 11, 3), "monthly on the 3rd"),
        ("monthly", D(2026, 11, 11), "monthly on the 11th"),
        ("monthly", D(2026, 11, 22), "monthly on the 22nd"),
        ("monthly", D(2026, 11, 30), "monthly on the last day of the month"),
        ("quarterly", D(2026, 11, 15), "every three months on the 15th"),
        ("quarterly", D(2026, 12, 31), "every three months on the last day of the month"),
    ],
)
def test_describe(cadence, start, text):
    assert describe(cadence, start) == text


@pytest.mark.parametrize(
    ("cadence", "day", "expected"),
    [
        ("weekly", D(2026, 12, 28), D(2027, 1, 4)),
        ("biweekly", D(2026, 1, 1), D(2026, 1, 15)),
        ("monthly", D(2027, 1, 31), D(2027, 2, 28)),
        ("monthly", D(2028, 1, 31), D(2028, 2, 29)),
        ("quarterly", D(2026, 11, 30), D(2027, 2, 28)),
    ],
)
def test_next_after(cadence, day, expected):
    assert next_after(cadence, day) == expected


@given(st.dates(), st.dates())
def test_two_days_share_a_week_number_exactly_when_they_share_a_monday(a: date, b: date):
    assert (week_number(a) == week_number(b)) == (monday(a) == monday(b))
    assert (week_number(a) < week_number(b)) == (monday(a) < monday(b))
