"""When an action is due: one rule for every page (career_core.due), as tables of cases.

The day is Wednesday 18 November 2026, as in the issue's example: a weekly action from Monday
2 November, not ticked on Monday 16 November.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from career_core.due import Due, date_state, due_soon, is_overdue, late_dates, next_date
from career_core.models import Action, ActionStatus, Recurrence
from tests.core.plan.cases import MONDAY, TODAY, D, days, notebook, once, weekly


@pytest.mark.parametrize(
    ("action", "expected", "overdue"),
    [
        # the example: Monday's date is still to do on Wednesday, and late
        (weekly(start=D(2026, 11, 2)), MONDAY, True),
        (weekly(start=D(2026, 11, 2), done_on=[MONDAY]), D(2026, 11, 23), False),
        # earlier dates never ticked are missed, not next: this period's date is
        (weekly(start=D(2026, 11, 2), done_on=[D(2026, 11, 2)]), MONDAY, True),
        (weekly(start=TODAY), TODAY, False),  # due today is not late
        (weekly(start=D(2026, 12, 7)), D(2026, 12, 7), False),  # not started yet: its first date
        (Action(title="Report", goal_id="g1", recurrence=Recurrence.QUARTERLY, start=D(2027, 9, 1)),
         D(2027, 9, 1), False),  # a first date far ahead is still found
        (Action(title="Plan tomorrow", goal_id="g1", recurrence=Recurrence.DAILY, start=D(2026, 11, 1)), TODAY, False),
        # a series whose end has passed asks for nothing more, ticked or not
        (weekly(start=D(2026, 10, 5), end=D(2026, 10, 26)), None, False),
        (weekly(start=D(2026, 10, 5), end=D(2026, 10, 26), done_on=[D(2026, 10, 26)]), None, False),
        # month ends
        (Action(title="Month-end report", goal_id="g1", recurrence=Recurrence.MONTHLY, start=D(2026, 1, 31)),
         D(2026, 10, 31), True),
        (once(due=days(3)), days(3), False),
        (once(due=days(-30)), days(-30), True),  # a one-off stays due however late
        (once(due=days(-3), status=ActionStatus.DONE), None, False),
        (weekly(start=D(2026, 11, 2), status=ActionStatus.DROPPED), None, False),
        (Action(title="Someday", goal_id="g1"), None, False),
    ],
)
def test_next_date_and_overdue(action, expected, overdue):
    assert next_date(action, TODAY) == expected
    assert is_overdue(action, TODAY) is overdue


@pytest.mark.parametrize(
    ("action", "day", "state"),
    [
        (weekly(start=D(2026, 11, 2)), D(2026, 11, 9), "missed"),  # its week is over
        (weekly(start=D(2026, 11, 2)), MONDAY, "overdue"),  # this week's, gone by unticked
        (weekly(start=D(2026, 11, 2)), D(2026, 11, 23), "todo"),
        (weekly(start=D(2026, 11, 2), done_on=[D(2026, 11, 9)]), D(2026, 11, 9), "done"),
        (weekly(start=D(2026, 11, 2), status=ActionStatus.DROPPED), MONDAY, "dropped"),
        (once(due=days(-1)), days(-1), "overdue"),
        (once(due=days(1)), days(1), "todo"),
        (once(due=days(-1), status=ActionStatus.DONE), days(-1), "done"),
    ],
)
def test_the_state_of_each_date(action, day, state):
    assert date_state(action, day, TODAY) == state


@pytest.mark.parametrize(
    ("action", "since", "late"),
    [
        (weekly(start=D(2026, 11, 2)), D(2026, 11, 1), [D(2026, 11, 2), D(2026, 11, 9), MONDAY]),
        (weekly(start=D(2026, 11, 2), done_on=[D(2026, 11, 9)]), D(2026, 11, 3), [MONDAY]),
        (weekly(start=D(2026, 11, 2)), TODAY - timedelta(days=1), []),  # nothing between yesterday and today
        (once(due=D(2026, 1, 5)), D(2026, 11, 1), [D(2026, 1, 5)]),  # still late, however old
        (once(due=TODAY), D(2026, 11, 1), []),
    ],
)
def test_dates_let_pass(action, since, late):
    assert late_dates(action, since, TODAY) == late


def test_due_soon_is_the_coming_week_with_overdue_ones_first():
    nb = notebook(actions=[
        weekly("1:1s", start=D(2026, 11, 2)),
        once("Book the course", due=days(7)),
        once("Too far", due=days(8)),
        once("Late", due=days(-2)),
        once("Other goal", due=days(1), goal_id=None),
    ])
    assert [(d.title, d.on, d.overdue) for d in due_soon(nb, TODAY)] == [
        ("1:1s", MONDAY, True), ("Late", days(-2), True), ("Other goal", days(1), False), ("Book the course", days(7), False)]
    assert [d.title for d in due_soon(nb, TODAY, goal_id="g1", limit=2)] == ["1:1s", "Late"]
    assert [d.title for d in due_soon(nb, TODAY, within=timedelta(days=30))][-1] == "Too far"


@pytest.mark.parametrize(
    ("due", "words"),
    [
        (Due("a", "1:1s", "g1", "", MONDAY, True), "overdue since 16 Nov"),
        (Due("a", "1:1s", "g1", "", TODAY, False), "due today"),
        (Due("a", "1:1s", "g1", "", days(2), False), "due Fri 20 Nov"),
    ],
)
def test_due_in_words(due, words):
    assert due.when(TODAY) == words
