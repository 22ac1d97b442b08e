"""The check-in calendar: a year of check-ins, one square a day."""

from __future__ import annotations

from datetime import date

from career_core.checkin_calendar import checkin_calendar
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
