"""How a goal's deadline is read from its text, relative to a fixed today.

The choices (career_core/smart/timeframes.py): a named period resolves to its last day; with no
year, the next such period that has not ended; time frames count from today; several dates give
the latest; starts and occasions make a goal time-bound but give no deadline.
"""

from __future__ import annotations

from datetime import date

import pytest

from career_core.smart import score_goal

TODAY = date(2026, 10, 15)  # a Thursday in Q4

# (goal, deadline it resolves to, T level)
TABLE = [
    ("Pass the PMP exam by March 2027.", date(2027, 3, 31), "met"),
    ("Lead a team of 10 within two years.", date(2028, 10, 15), "met"),
    ("Ship the pilot by Q3.", date(2027, 9, 30), "met"),  # Q3 2026 has ended
    ("Ship the pilot by Q4.", date(2026, 12, 31), "met"),  # Q4 2026 has not
    ("Finish the migration by the end of next year.", date(2027, 12, 31), "met"),
    ("Attend three conferences in the next 12 months.", date(2027, 10, 15), "met"),
    ("Launch two pilots before 30 June 2027.", date(2027, 6, 30), "met"),
    ("Publish two articles in 2027.", date(2027, 12, 31), "met"),
    ("Negotiate a 10% raise by my next annual review.", None, "met"),
    ("Hire two engineers by June.", date(2027, 6, 30), "met"),
    ("Write the strategy by the end of the year.", date(2026, 12, 31), "met"),
    ("Work on my public speaking this year.", date(2026, 12, 31), "met"),
    ("Hopefully get a raise next year.", date(2027, 12, 31), "met"),
    ("Hire four engineers by the end of Q2 2027.", date(2027, 6, 30), "met"),
    ("Complete the course by 1 May 2027.", date(2027, 5, 1), "met"),
    ("Finish a part-time MBA by the summer of 2029.", date(2029, 8, 31), "met"),
    ("Mentor two analysts for the next six months.", date(2027, 4, 15), "met"),
    ("Give my first speech within three months.", date(2027, 1, 15), "met"),
    ("Submit the report by 31/03/2027.", date(2027, 3, 31), "met"),
    ("Submit the report by 12/31/2027.", date(2027, 12, 31), "met"),  # day first is impossible
    ("Submit the report by 2027-03-05.", date(2027, 3, 5), "met"),
    ("Close the hiring round next quarter.", date(2027, 3, 31), "met"),
    ("Send the draft this week.", date(2026, 10, 18), "met"),  # weeks end on Sunday
    ("Send the draft by Friday.", date(2026, 10, 16), "met"),
    ("Call the client tomorrow.", date(2026, 10, 16), "met"),
    ("Hit the revenue target by FY2028.", date(2028, 12, 31), "met"),
    ("Launch the app in H1 2027.", date(2027, 6, 30), "met"),
    ("Read one leadership book every month in 2027.", date(2027, 12, 31), "met"),
    ("Pass the exam by March 2027 and finish the MBA by June 2028.", date(2028, 6, 30), "met"),  # the latest
    ("Submit it by 30 February 2027.", date(2027, 2, 28), "met"),  # clamped to the month
    ("Run a marathon by winter 2027.", date(2028, 2, 29), "met"),  # winter ends in February
    ("Become a director within a decade.", date(2036, 10, 15), "met"),
    ("Become a director within 5000 years.", None, "met"),  # time-bound, but no date worth computing
    ("Work no more than 50 hours a week from January 2027.", None, "met"),  # a start is no deadline
    ("Walk daily starting now.", None, "met"),
    ("Call my mum every Sunday.", None, "met"),
    ("Run a retrospective at the end of each sprint.", None, "met"),
    ("Finish the semester project by the end of the spring semester.", None, "met"),
    ("Get promoted soon.", None, "missing"),
    ("Start a podcast in the coming months.", None, "missing"),
    ("Write a novel someday.", None, "missing"),
    ("Get better at leadership.", None, "missing"),
]


@pytest.mark.parametrize(("text", "deadline", "level"), TABLE, ids=[row[0] for row in TABLE])
def test_deadline(text: str, deadline: date | None, level: str) -> None:
    report = score_goal(text, today=TODAY)
    assert report.deadline == deadline
    assert report.criteria["T"].level == level


# The same words on other days: what "not past" and "from today" mean at the edges.
EDGES = [
    ("Ship the pilot by Q3.", date(2026, 5, 1), date(2026, 9, 30)),
    ("Ship the pilot by Q3.", date(2026, 9, 30), date(2026, 9, 30)),  # today is still in time
    ("Hire two engineers by June.", date(2026, 6, 10), date(2026, 6, 30)),
    ("Finish within one month.", date(2027, 1, 31), date(2027, 2, 28)),  # no 31 February
    ("Finish within one year.", date(2028, 2, 29), date(2029, 2, 28)),  # no 29 February 2029
    ("Launch in the second half of next year.", date(2026, 3, 1), date(2027, 12, 31)),
    ("Send it next Friday.", date(2026, 10, 16), date(2026, 10, 23)),  # on a Friday, the next one
]


@pytest.mark.parametrize(("text", "today", "deadline"), EDGES, ids=[f"{r[0]} on {r[1]}" for r in EDGES])
def test_deadline_relative_to_today(text: str, today: date, deadline: date) -> None:
    assert score_goal(text, today=today).deadline == deadline


def test_a_past_date_is_time_bound_in_form_but_partly_met_and_never_smart() -> None:
    report = score_goal("Pass the PMP exam by March 2020.", today=TODAY)
    t = report.criteria["T"]
    assert t.level == "partial" and "new date" in t.advice and "31 Mar 2020" in t.advice
    assert report.deadline == date(2020, 3, 31) and not report.is_smart
    flag = report.flag("past_deadline")
    assert flag is not None and "31 Mar 2020" in flag.message
    # the same goal with a date still ahead is met
    assert score_goal("Pass the PMP exam by March 2027.", today=TODAY).criteria["T"].level == "met"


def test_today_defaults_to_the_real_date() -> None:
    report = score_goal("Ship it within 30 days.")
    assert report.deadline is not None and report.deadline > date.today()
