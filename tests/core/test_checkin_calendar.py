"""The check-in calendar: a year of check-ins, one square a day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_core.checkin_calendar import checkin_calendar
from career_core.frozen_runs import RUN, Before, Keeper
from career_core.models import CheckIn
from career_core.schedule import monday
from tests.core.progress_cases import TODAY, checkins, goal


def test_the_calendar_counts_check_ins_per_day_in_whole_weeks():
    g = goal()
    rows = checkins(g, ("2026-06-29", 1), ("2026-06-29", 2), ("2026-07-01", 3), ("2026-06-10", 4),
                    ("2025-01-01", 5), ("2026-07-03", 6))  # one far too old, one after `end`
    cal = checkin_calendar(rows, TODAY, weeks=5)
    assert cal.weeks[0] == date(2026, 6, 1) and cal.weeks[-1] == date(2026, 6, 29)
    assert len(cal.counts) == 7 and all(len(row) == 5 for row in cal.counts)
    assert cal.counts[0][4] == 2  # Monday 29 June
    assert cal.counts[2][4] == 1  # Wednesday 1 July
    assert cal.counts[2][1] == 1  # Wednesday 10 June
    assert cal.counts[3][4] == 0  # today, nothing yet
    assert cal.counts[4][4] is None  # Friday 3 July has not happened
    assert cal.day(2, 1) == date(2026, 6, 10)
    assert (cal.total, cal.days, cal.weeks_with) == (4, 3, 2)


def test_the_calendar_of_an_empty_notebook_is_all_zeros():
    cal = checkin_calendar([], TODAY)
    assert cal.total == 0 and len(cal.weeks) == 53
    assert {v for row in cal.counts for v in row} <= {0, None}


def _on(*days: str) -> list[CheckIn]:
    return [CheckIn(goal_id="g", on=date.fromisoformat(d)) for d in days]


@pytest.mark.parametrize(("end", "weeks", "days", "monday_row", "counts", "total_days_weeks"), [
    # one week ending on a Wednesday: the Sunday before and the Thursday after are outside it
    ("2026-07-01", 1, ["2026-06-28", "2026-06-29", "2026-07-01", "2026-07-01", "2026-07-02"], "2026-06-29",
     [1, 0, 2, None, None, None, None], (3, 2, 1)),
    # ending on a Sunday: every day of the week has happened
    ("2026-07-05", 1, ["2026-07-05"], "2026-06-29", [0, 0, 0, 0, 0, 0, 1], (1, 1, 1)),
    # ending on a Monday: the rest of its week has not
    ("2026-07-06", 1, ["2026-07-06", "2026-07-05"], "2026-07-06", [1, None, None, None, None, None, None], (1, 1, 1)),
    # two weeks: the first Monday is in, the day before it out; weeks with a check-in counted once
    ("2026-07-12", 2, ["2026-06-28", "2026-06-29", "2026-06-30", "2026-07-12"], "2026-06-29",
     [1, 1, 0, 0, 0, 0, 0], (3, 3, 2)),
    ("2026-07-12", 2, [], "2026-06-29", [0, 0, 0, 0, 0, 0, 0], (0, 0, 0)),
])
def test_the_calendar_counts_the_days_of_its_weeks_up_to_its_end(end, weeks, days, monday_row, counts, total_days_weeks):
    cal = checkin_calendar(_on(*days), date.fromisoformat(end), weeks=weeks)
    assert cal.weeks[0] == date.fromisoformat(monday_row) and len(cal.weeks) == weeks
    assert [row[0] for row in cal.counts] == counts  # the first week, Monday to Sunday
    assert (cal.total, cal.days, cal.weeks_with) == total_days_weeks


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dates(date(2025, 1, 1), date(2027, 12, 31)), max_size=40), st.dates(date(2026, 1, 1), date(2026, 12, 31)),
       st.integers(1, 60))
def test_every_square_is_the_number_of_check_ins_that_day(days, end, weeks):
    cal = checkin_calendar(_on(*map(date.isoformat, days)), end, weeks=weeks)
    shown = [cal.day(wd, w) for wd in range(7) for w in range(weeks)]
    assert [cal.counts[wd][w] for wd in range(7) for w in range(weeks)] == \
        [days.count(d) if d <= end else None for d in shown]
    inside = [d for d in days if cal.weeks[0] <= d <= end]
    assert (cal.total, cal.days, cal.weeks_with) == (len(inside), len(set(inside)), len({monday(d) for d in inside}))
    assert all(w.weekday() == 0 for w in cal.weeks) and cal.weeks[-1] == monday(end)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dates(date(2024, 1, 1), date(2027, 12, 31)), min_size=RUN, max_size=3 * RUN),
       st.lists(st.tuples(st.sampled_from(["add", "remove", "replace", "move", "day"]), st.integers(0, 10_000),
                          st.dates(date(2025, 6, 1), date(2026, 12, 31))), max_size=8))
def test_counted_by_kept_runs_the_calendar_is_the_one_counted_afresh(days, edits):
    """A session counts each run of check-ins once (frozen_runs.Keeper); whatever the edits and
    whichever day, the calendar is the one counted from every check-in."""
    rows, runs, end = _on(*map(date.isoformat, days)), Keeper(), TODAY
    before, kept_runs = Before(), Keeper()  # the days of every run but the last counted once, too
    for kind, at, day in edits:
        assert checkin_calendar(rows, end, runs=runs) == checkin_calendar(rows, end)
        assert checkin_calendar(rows, end, runs=kept_runs, before=before) == checkin_calendar(rows, end)
        if kind == "add":
            rows.insert(at % (len(rows) + 1), CheckIn(goal_id="g", on=day))
        elif kind == "remove" and rows:
            rows.pop(at % len(rows))
        elif kind == "replace" and rows:
            rows[at % len(rows)] = CheckIn(goal_id="g", on=day)
        elif kind == "move" and rows:
            rows.append(rows.pop(at % len(rows)))
        else:
            end = day
    assert checkin_calendar(rows, end, runs=runs) == checkin_calendar(rows, end)
    assert checkin_calendar(rows, end, runs=kept_runs, before=before) == checkin_calendar(rows, end)
