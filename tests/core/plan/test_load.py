"""The weekly load as a specification: hours per week against the limit, and what causes an overload."""

from __future__ import annotations

from datetime import timedelta

import pytest

from career_core.models import (
    Action,
    Recurrence,
    Settings,
    StopDoing,
    StopKind,
)
from career_core.plan.load import weekly_load
from career_core.schedule import monday
from tests.core.plan.cases import MONDAY, TODAY, D, days, notebook, once, weekly


def test_today_is_what_the_tables_assume():
    assert TODAY.weekday() == 2 and monday(TODAY) == MONDAY


# --- weekly load --------------------------------------------------------------------------


def test_an_empty_plan_has_empty_weeks():
    load = weekly_load(notebook(), TODAY, weeks=4)
    assert [w.monday for w in load.weeks] == [MONDAY + timedelta(weeks=k) for k in range(4)]
    assert all(w.plan == 0 and w.total == 0 and not w.over and w.items == () for w in load.weeks)
    assert load.over_weeks == () and all(w.plan == 0 for w in load.weeks)


@pytest.mark.parametrize(
    ("actions", "settings", "stops", "totals", "over"),
    [
        # a weekly 2-hour action: 2 hours every week
        ([weekly(hours=2)], Settings(), [], [2, 2, 2, 2], []),
        # every two weeks, from the second week
        ([Action(title="Study", goal_id="g1", recurrence=Recurrence.BIWEEKLY, start=D(2026, 11, 25), hours=3)],
         Settings(), [], [0, 3, 0, 3], []),
        # a daily 8-hour action takes 56 hours a week: over a 50-hour limit every week
        ([Action(title="Bootcamp", goal_id="g1", recurrence=Recurrence.DAILY, start=MONDAY, hours=8)],
         Settings(), [], [56, 56, 56, 56], [0, 1, 2, 3]),
        # usual hours plus the plan, minus what the stop-doing list frees
        ([weekly(hours=4)], Settings(usual_weekly_hours=48), [StopDoing(what="Rates call", hours_per_week=1.5)],
         [50.5, 50.5, 50.5, 50.5], [0, 1, 2, 3]),
        ([weekly(hours=4)], Settings(usual_weekly_hours=48), [StopDoing(what="Rates call", hours_per_week=2)],
         [50, 50, 50, 50], []),
        # a stop that starts on a Wednesday frees its hours from the next full week
        ([weekly(hours=4)], Settings(usual_weekly_hours=48), [StopDoing(what="Inbox", hours_per_week=3, since=TODAY)],
         [52, 49, 49, 49], [0]),
        # a postponed task comes back on its date: the week it returns is full again
        ([weekly(hours=4)], Settings(usual_weekly_hours=48),
         [StopDoing(what="Handbook", kind=StopKind.POSTPONE, hours_per_week=3, until=D(2026, 12, 2))],
         [49, 49, 52, 52], [2, 3]),
        # without usual hours, freed hours offset the plan, never below zero
        ([weekly(hours=2)], Settings(), [StopDoing(what="Forecast", hours_per_week=3)], [0, 0, 0, 0], []),
        # a lower limit
        ([weekly(hours=2)], Settings(weekly_hour_limit=1.5), [], [2, 2, 2, 2], [0, 1, 2, 3]),
    ],
)
def test_weekly_totals_against_the_limit(actions, settings, stops, totals, over):
    load = weekly_load(notebook(actions=actions, settings=settings, stop_doing=stops), TODAY, weeks=4)
    assert [w.total for w in load.weeks] == totals
    assert [i for i, w in enumerate(load.weeks) if w.over] == over


def test_an_over_limit_week_names_the_actions_that_cause_it():
    actions = [
        once("Write the board paper", due=days(1), hours=10),
        weekly("1:1s", hours=2.5),
        Action(title="Read", goal_id="g1", recurrence=Recurrence.DAILY, start=MONDAY, end=days(4), hours=0.5),
    ]
    nb = notebook(actions=actions, settings=Settings(usual_weekly_hours=45))
    week = weekly_load(nb, TODAY, weeks=1).weeks[0]
    assert week.plan == 16 and week.total == 61 and week.over_by == 11
    assert [(i.title, i.times, i.hours) for i in week.items] == [
        ("Write the board paper", 1, 10), ("Read", 7, 3.5), ("1:1s", 1, 2.5)]
    assert [i.title for i in week.causes] == ["Write the board paper", "Read"]  # together they free 13.5 > 11
    assert week.status == "over the limit by 11 h"
    assert (week.describe(TODAY), week.describe()) == ("week of 16 Nov", "week of 16 Nov 2026")


@pytest.mark.parametrize(
    ("total_hours", "status"),
    [(50, "at the limit"), (40, "within the limit (10 h spare)"), (50.25, "over the limit by 0.25 h")],
)
def test_week_status_in_words(total_hours, status):
    nb = notebook(actions=[once(hours=total_hours)])
    assert weekly_load(nb, TODAY, weeks=1).weeks[0].status == status


def test_overdue_one_offs_land_in_this_week_and_say_so():
    nb = notebook(actions=[once("Late", due=days(-30), hours=3), once("On time", due=days(-1), hours=1)])
    weeks = weekly_load(nb, TODAY, start=days(-35), weeks=6).weeks
    this = next(w for w in weeks if w.monday == MONDAY)
    assert [(i.title, i.overdue) for i in this.items] == [("Late", True), ("On time", False)]
    assert sum(w.plan for w in weeks) == 4  # counted once, in this week, not also where it was due
    assert weekly_load(nb, TODAY, start=days(7), weeks=2).weeks[0].plan == 0  # not in later weeks


def test_weeks_cross_the_year_end():
    load = weekly_load(notebook(actions=[weekly(hours=1, start=D(2026, 12, 21))]), D(2026, 12, 21), weeks=3)
    assert [(w.describe(TODAY), w.plan) for w in load.weeks] == [("week of 21 Dec", 1), ("week of 28 Dec", 1),
                                                                ("week of 4 Jan 2027", 1)]


def test_hundreds_of_actions_add_up():
    actions = [weekly(f"Step {i}", hours=0.25, start=MONDAY) for i in range(300)]
    actions += [once(f"Task {i}", due=MONDAY + timedelta(days=i % 28), hours=1) for i in range(112)]
    load = weekly_load(notebook(actions=actions), TODAY, weeks=4)
    assert [w.plan for w in load.weeks] == [75 + 28, 75 + 28, 75 + 28, 75 + 28]
    assert all(len(w.items) == 328 for w in load.weeks)
    assert [w.monday for w in load.over_weeks] == [MONDAY + timedelta(weeks=k) for k in range(4)]


@pytest.mark.parametrize(
    ("settings", "stops", "words"),
    [
        (Settings(), [], "4 h of plan: 4 h of your 50-hour limit."),
        (Settings(weekly_hour_limit=45, usual_weekly_hours=40), [],
         "40 h of usual work plus 4 h of plan: 44 h of your 45-hour limit."),
        (Settings(usual_weekly_hours=40), [StopDoing(what="Rates call", hours_per_week=1.5)],
         "40 h of usual work plus 4 h of plan minus 1.5 h freed by your stop-doing list: 42.5 h of your 50-hour limit."),
    ],
)
def test_a_weeks_sum_in_words(settings, stops, words):
    nb = notebook(actions=[weekly(hours=4)], settings=settings, stop_doing=stops)
    assert weekly_load(nb, TODAY, weeks=1).weeks[0].sum_in_words() == words
