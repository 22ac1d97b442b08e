"""One way to say a date, a number of hours, a count: the wording every page and export uses."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_core import wording

TODAY = date(2026, 11, 18)  # a Wednesday
D = date


@pytest.mark.parametrize(
    ("on", "today", "weekday", "text"),
    [
        (D(2026, 12, 4), TODAY, False, "4 Dec"),  # this year: the year is left out
        (D(2026, 12, 4), TODAY, True, "Fri 4 Dec"),
        (D(2027, 1, 5), TODAY, False, "5 Jan 2027"),  # another year says which
        (D(2025, 12, 31), TODAY, True, "Wed 31 Dec 2025"),
        (D(2026, 12, 4), None, False, "4 Dec 2026"),  # without today (text that is kept): always the year
        (D(2026, 3, 1), None, True, "Sun 1 Mar 2026"),
    ],
)
def test_a_day_in_words(on, today, weekday, text):
    assert wording.day(on, today, weekday=weekday) == text


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_a_day_never_has_a_leading_zero_and_names_its_year_unless_it_is_this_year(on):
    text = wording.day(on, TODAY)
    assert not text.startswith("0") and (str(on.year) in text) == (on.year != TODAY.year)


@pytest.mark.parametrize(
    ("on", "overdue", "with_year", "text"),
    [
        (D(2026, 11, 12), True, False, "overdue since 12 Nov"),
        (TODAY, False, False, "due today"),
        (D(2026, 11, 20), False, False, "due Fri 20 Nov"),
        (D(2027, 1, 4), False, False, "due Mon 4 Jan 2027"),
        (D(2026, 11, 12), True, True, "overdue since 12 Nov 2026"),  # an export keeps the year
        (D(2026, 11, 20), False, True, "due Fri 20 Nov 2026"),
    ],
)
def test_when_something_is_due(on, overdue, with_year, text):
    assert wording.due(on, TODAY, overdue=overdue, with_year=with_year) == text


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (lambda: wording.week_of(D(2026, 12, 7), TODAY), "week of 7 Dec"),
        (lambda: wording.week_of(D(2027, 1, 4), TODAY), "week of 4 Jan 2027"),
        (lambda: wording.span(D(2026, 9, 1), D(2027, 3, 31), TODAY), "1 Sep → 31 Mar 2027"),
        (lambda: wording.plural(1, "check-in"), "1 check-in"),
        (lambda: wording.plural(3, "check-in"), "3 check-ins"),
        (lambda: wording.plural(0, "week"), "0 weeks"),
        (lambda: wording.plural(2, "person", "people"), "2 people"),
        (lambda: wording.days_ago(0), "today"),
        (lambda: wording.days_ago(1), "1 day ago"),
        (lambda: wording.days_ago(12), "12 days ago"),
        (lambda: wording.hours(1.75), "1.75 h"),
        (lambda: wording.hours(2.0), "2 h"),
        (lambda: wording.hours_long(1), "1 hour"),
        (lambda: wording.hours_long(2.5), "2.5 hours"),
        (lambda: wording.mark_word("todo"), "to do"),
        (lambda: wording.mark_word("missed"), "missed"),
    ],
)
def test_words(call, text):
    assert call() == text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(62, "points", "62 points"), (57.4, "hours/week", "57.4 hours/week"), (75, "%", "75%"),
     (1500, "", "1,500"), (0.25, "", "0.25"), (None, "people", "—"), (2.0, "", "2")],
)
def test_a_number_as_people_write_it(value, unit, text):
    assert wording.number(value, unit) == text


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_days_are_written_the_same_whatever_the_servers_locale(on):
    """English names written out, matching what strftime gives in the C locale."""
    assert wording.day(on, weekday=True) == f"{on.strftime('%a')} {on.day} {on.strftime('%b')} {on.year}"
    assert wording.weekday(on) == on.strftime("%A")


def test_a_time_of_day_on_the_24_hour_clock():
    assert (wording.clock(datetime(2026, 11, 18, 9, 5)), wording.moment(datetime(2026, 11, 18, 14, 30), TODAY)) == \
        ("09:05", "18 Nov 14:30")
