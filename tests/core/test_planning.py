"""The plan as a specification: occurrences, weekly load, stop-doing, timeline, reviews, input rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_core import planning
from career_core.models import (
    Action,
    ActionStatus,
    Goal,
    GoalHorizon,
    GoalStatus,
    Initiative,
    InitiativeStatus,
    JournalEntry,
    Notebook,
    Recurrence,
    Review,
    ReviewCadence,
    Settings,
    StopDoing,
    StopKind,
    Vision,
)
from career_core.planning import (
    ActionDraft,
    InitiativeDraft,
    PlanInputError,
    StopDraft,
    action_dates,
    build_action,
    build_initiative,
    build_stop,
    weekly_load,
)
from career_core.sample import load_sample
from career_core.synthetic import five_year_notebook

TODAY = date(2026, 11, 18)  # a Wednesday in ISO week 2026-W47
MONDAY = date(2026, 11, 16)
D = date


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def notebook(**parts) -> Notebook:
    goal = Goal(id="g1", statement="Lead a team of at least 10 people by 2028", deadline=D(2028, 6, 30),
                start=D(2026, 1, 1), status=GoalStatus.ACTIVE)
    parts.setdefault("goals", [goal])
    return Notebook(title="Plan", **parts)


def weekly(title="1:1s", hours=2.0, start=MONDAY, **kw) -> Action:
    return Action(title=title, recurrence=Recurrence.WEEKLY, start=start, hours=hours, **{"goal_id": "g1", **kw})


def once(title="Book the course", due=TODAY, hours=1.0, **kw) -> Action:
    return Action(title=title, due=due, hours=hours, **{"goal_id": "g1", **kw})


def test_today_is_what_the_tables_assume():
    assert TODAY.weekday() == 2 and planning.iso_week(TODAY) == "2026-W47" and planning.monday(TODAY) == MONDAY


# --- when actions happen ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "window", "expected"),
    [
        (once(due=D(2026, 12, 1)), (D(2026, 11, 1), D(2026, 12, 31)), [D(2026, 12, 1)]),
        (once(due=D(2027, 1, 1)), (D(2026, 11, 1), D(2026, 12, 31)), []),
        (Action(title="Someday", goal_id="g1"), (D(2026, 1, 1), D(2030, 1, 1)), []),
        (once(due=D(2026, 12, 1), status=ActionStatus.DROPPED), (D(2026, 11, 1), D(2026, 12, 31)), []),
        (once(due=D(2026, 12, 1), status=ActionStatus.DONE), (D(2026, 11, 1), D(2026, 12, 31)), [D(2026, 12, 1)]),
        (weekly(start=D(2026, 11, 2), end=D(2026, 11, 23)), (D(2026, 11, 1), D(2026, 12, 31)),
         [D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16), D(2026, 11, 23)]),
        # a recurring action finished early stops taking time the day it was finished
        (weekly(start=D(2026, 11, 2), status=ActionStatus.DONE, completed_at=D(2026, 11, 10)),
         (D(2026, 11, 1), D(2026, 12, 31)), [D(2026, 11, 2), D(2026, 11, 9)]),
        (weekly(start=D(2026, 11, 2), status=ActionStatus.DROPPED), (D(2026, 11, 1), D(2026, 12, 31)), []),
    ],
)
def test_action_dates(action, window, expected):
    assert action_dates(action, *window) == expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        # Monday's 1:1 is still open on Wednesday: ticking it off means Monday's
        (weekly(start=D(2026, 11, 2)), D(2026, 11, 16)),
        # Monday's is done already: the next one
        (weekly(start=D(2026, 11, 2), done_on=[D(2026, 11, 16)]), D(2026, 11, 23)),
        # a series that has not started yet: its first date
        (weekly(start=D(2026, 12, 7)), D(2026, 12, 7)),
        # a series that is over has nothing left to tick off
        (weekly(start=D(2026, 10, 5), end=D(2026, 10, 26), done_on=[D(2026, 10, 26)]), None),
        # month ends
        (Action(title="Month-end report", goal_id="g1", recurrence=Recurrence.MONTHLY, start=D(2026, 1, 31)), D(2026, 10, 31)),
        (once(), None),
    ],
)
def test_current_occurrence(action, expected):
    assert planning.current_occurrence(action, TODAY) == expected


def test_mark_done_ticks_the_current_date_and_undo_takes_it_back():
    action = weekly(start=D(2026, 11, 2))
    assert planning.mark_done(action, TODAY) == D(2026, 11, 16)
    assert action.done_on == [D(2026, 11, 16)] and action.status is ActionStatus.TO_DO
    assert planning.mark_done(action, TODAY) == D(2026, 11, 23)
    planning.undo_done(action, D(2026, 11, 23))
    assert action.done_on == [D(2026, 11, 16)]


def test_mark_done_finishes_a_one_off_and_reopen_brings_it_back():
    action = once(due=days(-3))
    assert planning.mark_done(action, TODAY) is None
    assert action.status is ActionStatus.DONE and action.completed_at == TODAY
    planning.reopen(action)
    assert action.status is ActionStatus.TO_DO and action.completed_at is None


def test_mark_done_on_a_finished_series_finishes_the_action_and_its_last_date_can_still_be_ticked():
    action = weekly(start=D(2026, 10, 5), end=D(2026, 10, 26))
    line = planning.action_line(notebook(actions=[action]), action, TODAY)
    assert line.series_over and line.current == D(2026, 10, 26)
    planning.tick(action, D(2026, 10, 26))
    planning.tick(action, D(2026, 10, 26))  # twice is still once
    assert action.done_on == [D(2026, 10, 26)] and action.status is ActionStatus.TO_DO
    planning.mark_done(action, TODAY)
    assert action.status is ActionStatus.DONE and action.completed_at == TODAY


@pytest.mark.parametrize(
    ("action", "status", "schedule"),
    [
        (once(due=days(5)), "to do", "due Mon 23 Nov 2026"),
        (once(due=days(-5)), "overdue", "due Fri 13 Nov 2026"),
        (once(due=days(-5), status=ActionStatus.DONE, completed_at=days(-6)), "done", "due Fri 13 Nov 2026"),
        (once(due=days(5), status=ActionStatus.DROPPED), "dropped", "due Mon 23 Nov 2026"),
        (Action(title="Someday", goal_id="g1"), "to do", "no date yet"),
        # a missed date of a series is not 'overdue': the next one comes anyway
        (weekly(start=D(2026, 11, 2)), "to do", "every Monday from 2 Nov 2026"),
        (weekly(start=D(2026, 10, 5), end=D(2026, 10, 26)), "series over", "every Monday from 5 Oct 2026 until 26 Oct 2026"),
        (Action(title="Report", goal_id="g1", recurrence=Recurrence.QUARTERLY, start=D(2026, 8, 30)), "to do",
         "every three months on the last day of the month from 31 Aug 2026"),
    ],
)
def test_action_line_status_and_schedule_in_words(action, status, schedule):
    line = planning.action_line(notebook(actions=[action]), action, TODAY)
    assert (line.status, line.schedule) == (status, schedule)
    assert line.icon == planning.STATUS_ICONS[status]


def test_action_line_counts_what_was_done_so_far():
    action = weekly(start=D(2026, 10, 26), done_on=[D(2026, 10, 26), D(2026, 11, 9), D(2026, 12, 25)])
    line = planning.action_line(notebook(actions=[action]), action, TODAY)
    assert (line.done_count, line.past_count) == (2, 4)  # 26 Oct, 2, 9, 16 Nov; the December tick is in the future
    assert line.current == D(2026, 11, 16) and line.last_done == D(2026, 12, 25)


def test_action_lines_order_filters_and_search():
    init = Initiative(id="i1", title="Routing pilot")
    actions = [
        once("Late thing", due=days(-10)),
        once("Soon", due=days(2)),
        once("Later", due=days(30), goal_id=None, initiative_id="i1"),
        once("Finished", due=days(-2), status=ActionStatus.DONE, completed_at=days(-2)),
        once("Abandoned", due=days(3), status=ActionStatus.DROPPED),
        Action(title="Orphan", due=days(4)),
    ]
    nb = notebook(actions=actions, initiatives=[init])
    assert [l.title for l in planning.action_lines(nb, TODAY)] == ["Late thing", "Soon", "Orphan", "Later"]
    assert [l.title for l in planning.action_lines(nb, TODAY, "done")] == ["Finished"]
    assert [l.title for l in planning.action_lines(nb, TODAY, "dropped")] == ["Abandoned"]
    assert len(planning.action_lines(nb, TODAY, "all")) == 6
    assert [l.title for l in planning.action_lines(nb, TODAY, towards="initiative:i1")] == ["Later"]
    assert [l.title for l in planning.action_lines(nb, TODAY, towards="unlinked")] == ["Orphan"]
    assert [l.title for l in planning.action_lines(nb, TODAY, towards="goal:g1")] == ["Late thing", "Soon"]
    assert [l.title for l in planning.action_lines(nb, TODAY, search="  SOON ")] == ["Soon"]
    assert planning.action_lines(nb, TODAY)[3].towards == "Initiative: Routing pilot"


# --- weekly load --------------------------------------------------------------------------


def test_an_empty_plan_has_empty_weeks():
    load = weekly_load(notebook(), TODAY, weeks=4)
    assert [w.week for w in load.weeks] == ["2026-W47", "2026-W48", "2026-W49", "2026-W50"]
    assert all(w.plan == 0 and w.total == 0 and not w.over and w.items == () for w in load.weeks)
    assert load.over_weeks == () and load.average_plan == 0


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
    assert week.describe() == "2026-W47 (16 Nov – 22 Nov 2026)"


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


def test_weeks_cross_the_year_end_by_iso_week():
    load = weekly_load(notebook(actions=[weekly(hours=1, start=D(2026, 12, 21))]), D(2026, 12, 21), weeks=3)
    assert [(w.week, w.plan) for w in load.weeks] == [("2026-W52", 1), ("2026-W53", 1), ("2027-W01", 1)]


def test_hundreds_of_actions_add_up():
    actions = [weekly(f"Step {i}", hours=0.25, start=MONDAY) for i in range(300)]
    actions += [once(f"Task {i}", due=MONDAY + timedelta(days=i % 28), hours=1) for i in range(112)]
    load = weekly_load(notebook(actions=actions), TODAY, weeks=4)
    assert [w.plan for w in load.weeks] == [75 + 28, 75 + 28, 75 + 28, 75 + 28]
    assert all(len(w.items) == 328 for w in load.weeks)
    assert [w.week for w in load.over_weeks] == ["2026-W47", "2026-W48", "2026-W49", "2026-W50"]


@pytest.mark.parametrize(
    ("entry", "week", "in_effect"),
    [
        (StopDoing(what="x"), MONDAY, True),
        (StopDoing(what="x", since=MONDAY), MONDAY, True),
        (StopDoing(what="x", since=days(0)), MONDAY, False),  # from Wednesday: not the whole week
        (StopDoing(what="x", since=days(0)), MONDAY + timedelta(days=7), True),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=MONDAY + timedelta(days=7)), MONDAY, True),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=MONDAY + timedelta(days=6)), MONDAY, False),  # back on Sunday
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=MONDAY), MONDAY + timedelta(days=7), False),
    ],
)
def test_stop_in_effect(entry, week, in_effect):
    assert planning.stop_in_effect(entry, week) is in_effect


@pytest.mark.parametrize(
    ("entry", "state"),
    [
        (StopDoing(what="x"), (True, "frees its hours this week")),
        (StopDoing(what="x", since=TODAY), (False, "frees its hours from the week of 23 Nov 2026")),
        (StopDoing(what="x", since=MONDAY + timedelta(days=7)), (False, "frees its hours from the week of 23 Nov 2026")),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=D(2026, 10, 1)), (False, "back with you since 1 Oct 2026")),
        (StopDoing(what="x", kind=StopKind.DELEGATE, delegate_to="Sam", until=days(2)), (False, "ends on 20 Nov 2026")),
        (StopDoing(what="x", kind=StopKind.DELEGATE, delegate_to="Sam", until=days(-1)), (False, "ended on 17 Nov 2026")),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=days(1)), (False, "back with you on 19 Nov 2026")),
    ],
)
def test_stop_state_in_words(entry, state):
    assert planning.stop_state(entry, TODAY) == state


def test_freed_this_week_and_stop_text():
    stops = [
        StopDoing(what="Rates call", hours_per_week=1.5, since=D(2026, 6, 15)),
        StopDoing(what="Forecast", kind=StopKind.DELEGATE, delegate_to="Sam", hours_per_week=3),
        StopDoing(what="Handbook", kind=StopKind.POSTPONE, hours_per_week=2, until=D(2027, 4, 1)),
        StopDoing(what="Old thing", kind=StopKind.POSTPONE, hours_per_week=5, until=D(2026, 10, 1)),
    ]
    nb = notebook(stop_doing=stops)
    assert planning.freed_this_week(nb, TODAY) == 6.5
    assert [planning.stop_text(s) for s in stops] == [
        "Cancelled since 15 Jun 2026", "Delegated to Sam", "Postponed, until 1 Apr 2027", "Postponed, until 1 Oct 2026"]


# --- reviews ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "reviews", "first", "count", "second"),
    [
        # the date set at the last review comes first, then one every cadence step for a year
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 10, 30), next_review=D(2026, 11, 30))], D(2026, 11, 30), 12, D(2026, 12, 30)),
        (ReviewCadence.WEEKLY, [Review(on=D(2026, 11, 16), next_review=D(2026, 11, 23))], D(2026, 11, 23), 53, D(2026, 11, 30)),
        (ReviewCadence.BIWEEKLY, [Review(on=D(2026, 11, 16))], D(2026, 11, 30), 27, D(2026, 12, 14)),
        (ReviewCadence.QUARTERLY, [Review(on=D(2026, 11, 1))], D(2027, 2, 1), 4, D(2027, 5, 1)),
        # an overdue review is due today
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 9, 1), next_review=D(2026, 10, 1))], TODAY, 12, D(2026, 12, 18)),
        # month ends clamp: 31 Jan, then 28 Feb, then back to the 31st (no drift to the 28th)
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 12, 31), next_review=D(2027, 1, 31))], D(2027, 1, 31), 12, D(2027, 2, 28)),
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 10, 30), next_review=D(2027, 1, 30))], D(2027, 1, 30), 12, D(2027, 2, 28)),
    ],
)
def test_review_dates(cadence, reviews, first, count, second):
    nb = notebook(settings=Settings(review_cadence=cadence), reviews=reviews)
    dates = planning.review_dates(nb, TODAY)
    assert (dates[0], len(dates), dates[1]) == (first, count, second)
    assert dates == sorted(set(dates)) and dates[-1] < first.replace(year=first.year + 1)
    if cadence is ReviewCadence.MONTHLY:
        assert dates[2].day == first.day  # every step counts from the first date


# --- initiatives --------------------------------------------------------------------------


def _initiatives(n_active: int, **kw) -> list[Initiative]:
    return [Initiative(title=f"Project {i}", status=InitiativeStatus.ACTIVE, goal_ids=["g1"], **kw) for i in range(n_active)]


@pytest.mark.parametrize(
    ("initiatives", "fragments"),
    [
        ([], []),
        (_initiatives(5), []),
        (_initiatives(6), ["You have 6 active initiatives"]),
        (_initiatives(5) + [Initiative(title="Idea", goal_ids=["g1"])], []),  # planned ones do not count
        ([Initiative(title="Pilot", status=InitiativeStatus.ACTIVE, goal_ids=["g1"], finish=days(-1))],
         ["“Pilot” was due to finish on 17 Nov 2026"]),
        ([Initiative(title="Loose", status=InitiativeStatus.PLANNED)], ["“Loose” is not linked to a goal or to your vision"]),
        ([Initiative(title="Loose", supports="Shows I can lead across teams")], []),
        ([Initiative(title="Old", status=InitiativeStatus.DONE)], []),
    ],
)
def test_initiative_warnings(initiatives, fragments):
    warnings = planning.initiative_warnings(notebook(initiatives=initiatives), TODAY)
    assert len(warnings) == len(fragments)
    for warning, fragment in zip(warnings, fragments, strict=True):
        assert fragment in warning


def test_initiative_cards_put_the_active_ones_first_and_count_open_actions():
    nb = notebook(
        initiatives=[
            Initiative(id="d", title="Old pilot", status=InitiativeStatus.DONE, start=D(2025, 1, 1)),
            Initiative(id="p", title="Next year", status=InitiativeStatus.PLANNED, start=D(2027, 3, 1)),
            Initiative(id="a2", title="Later active", status=InitiativeStatus.ACTIVE, start=D(2026, 9, 1)),
            Initiative(id="a1", title="Earlier active", status=InitiativeStatus.ACTIVE, start=D(2026, 2, 1)),
            Initiative(id="x", title="Idea", status=InitiativeStatus.IDEA),
        ],
        actions=[once("One", initiative_id="a1"), once("Two", initiative_id="a1"),
                 once("Done one", initiative_id="a1", status=ActionStatus.DONE), once("Three", initiative_id="d")],
    )
    cards = planning.initiative_cards(nb)
    assert [(c.initiative.id, c.open_actions, c.finished) for c in cards] == [
        ("a1", 2, False), ("a2", 0, False), ("p", 0, False), ("x", 0, False), ("d", 1, True)]


def test_stop_lines_put_what_frees_hours_now_first():
    nb = notebook(stop_doing=[
        StopDoing(what="Back already", kind=StopKind.POSTPONE, until=D(2026, 10, 1), hours_per_week=2),
        StopDoing(what="Rates call", hours_per_week=1.5),
    ])
    assert [(l.entry.what, l.in_effect, l.text) for l in planning.stop_lines(nb, TODAY)] == [
        ("Rates call", True, "Cancelled"), ("Back already", False, "Postponed, until 1 Oct 2026")]


def test_removing_an_initiative_keeps_its_actions():
    nb = notebook(initiatives=[Initiative(id="i1", title="Pilot")],
                  actions=[Action(id="a1", title="Data access", initiative_id="i1", due=days(3))])
    planning.remove_initiative(nb, "i1")
    assert nb.initiatives == [] and nb.actions[0].initiative_id is None and nb.actions[0].title == "Data access"


# --- timeline -----------------------------------------------------------------------------


def _span(nb, span="quarter"):
    return planning.timeline_span(nb, TODAY, span)


def test_an_empty_plan_has_an_empty_timeline():
    nb = Notebook(title="Empty")
    tl = planning.timeline(nb, TODAY, *_span(nb))
    assert [r.kind for r in tl.rows] == ["reviews"]  # only the review cycle
    nb2 = Notebook(title="Empty", goals=[])
    assert planning.timeline(nb2, TODAY, TODAY, TODAY).rows == ()  # no review in a one-day view that holds none


def test_timeline_rows_go_from_initiatives_to_goals_with_their_actions():
    long_term = Goal(id="lt", statement="Head the division by 2030", horizon=GoalHorizon.LONG_TERM,
                     deadline=D(2030, 12, 31), status=GoalStatus.ACTIVE)
    stone = Goal(id="g1", statement="Lead a team of 10 by June 2027", parent_id="lt", deadline=D(2027, 6, 30),
                 start=D(2026, 6, 1), status=GoalStatus.ACTIVE)
    achieved = Goal(id="old", statement="Pass the exam", deadline=days(20), status=GoalStatus.ACHIEVED)
    undated = Goal(id="nd", statement="Someday")
    nb = Notebook(
        title="Road",
        vision=Vision(statement="Lead the division", target_role="Head of Operations", horizon_year=2030),
        goals=[long_term, stone, achieved, undated],
        initiatives=[Initiative(id="i1", title="Routing pilot", start=days(-30), finish=days(60), status=InitiativeStatus.ACTIVE),
                     Initiative(id="i2", title="No dates yet")],
        actions=[
            weekly("Weekly 1:1s", start=days(-2)),
            once("Book the course", due=days(10)),
            once("Pilot data", due=days(5), goal_id=None, initiative_id="i1"),
            once("Loose end", due=days(3), goal_id=None),
            once("Done thing", due=days(4), status=ActionStatus.DONE),
            Action(title="No date", goal_id="g1"),
        ],
        journal=[JournalEntry(on=days(-3), goal_id="g1", milestone=50)],
    )
    tl = planning.timeline(nb, TODAY, *_span(nb))
    assert [(r.label, r.kind, r.depth) for r in tl.rows] == [
        ("Reviews", "reviews", 0),
        ("Routing pilot", "initiative", 0),
        ("Pilot data", "action", 1),
        ("Head the division by 2030", "goal", 0),
        ("Lead a team of 10 by June 2027", "stepping_stone", 0),
        ("Weekly 1:1s", "recurring", 1),
        ("Book the course", "action", 1),
        ("Not linked to a goal or initiative", "unlinked", 0),
        ("Loose end", "action", 1),
    ]
    assert tl.undated == 3  # the undated initiative, goal and action
    assert (tl.vision, tl.vision_label) == (D(2030, 12, 31), "Head of Operations (2030)")
    kinds = {(m.row, m.kind) for m in tl.marks}
    assert ("goal:g1", "milestone") in kinds
    assert ("action:" + nb.actions[0].id, "todo") in kinds and ("action:" + nb.actions[0].id, "missed") in kinds
    weekly_marks = [m.on for m in tl.marks if m.row == "action:" + nb.actions[0].id]
    assert weekly_marks == action_dates(nb.actions[0], tl.start, tl.end)
    finished = planning.timeline(nb, TODAY, *_span(nb), include_finished=True)
    assert {"Pass the exam", "Done thing"} <= {r.label for r in finished.rows}


def test_open_actions_of_a_finished_goal_stay_under_its_name():
    done_goal = Goal(id="g2", statement="Pass the exam", deadline=days(-30), status=GoalStatus.ACHIEVED)
    nb = notebook()
    nb.goals.append(done_goal)
    nb.actions.append(once("Send the certificate to HR", due=days(3), goal_id="g2"))
    rows = planning.timeline(nb, TODAY, *_span(nb)).rows
    header = next(r for r in rows if r.key == "goal:g2")
    assert header.start is None and header.status == "achieved"  # a heading without a bar
    assert [r.label for r in rows][rows.index(header) + 1] == "Send the certificate to HR"


def test_a_crowded_timeline_puts_actions_on_their_goal_row():
    nb = notebook(actions=[once(f"Task {i}", due=days(i % 80)) for i in range(planning.TIMELINE_MAX_ROWS + 1)])
    tl = planning.timeline(nb, TODAY, *_span(nb))
    assert tl.collapsed and tl.actions == planning.TIMELINE_MAX_ROWS + 1
    assert [r.kind for r in tl.rows] == ["reviews", "goal"]
    assert sum(1 for m in tl.marks if m.row == "goal:g1" and m.kind == "todo") == planning.TIMELINE_MAX_ROWS + 1
    small = notebook(actions=[once(f"Task {i}", due=days(i)) for i in range(planning.TIMELINE_MAX_ROWS)])
    assert not planning.timeline(small, TODAY, *_span(small)).collapsed


@pytest.mark.parametrize(
    ("span", "end"),
    [("quarter", D(2027, 2, 18)), ("year", D(2027, 11, 18)), ("vision", D(2030, 12, 31)), ("all", D(2030, 12, 31))],
)
def test_timeline_spans(span, end):
    nb = notebook(vision=Vision(horizon_year=2030), actions=[once(due=D(2025, 3, 1))])
    start, stop = planning.timeline_span(nb, TODAY, span)
    assert stop == end
    assert start == (D(2025, 3, 1) if span == "all" else days(-14))


# --- the sample and the five-year notebook ------------------------------------------------


def test_the_sample_plan_holds_together():
    nb = load_sample(TODAY)
    load = weekly_load(nb, TODAY, weeks=13)
    assert all(w.plan > 0 for w in load.weeks)
    assert load.weeks[0].freed == planning.freed_this_week(nb, TODAY) > 0
    tl = planning.timeline(nb, TODAY, *_span(nb, "vision"))
    assert not tl.collapsed and {"initiative", "goal", "recurring", "action", "reviews"} <= {r.kind for r in tl.rows}


def test_the_five_year_plan_is_computed_whole():
    nb = five_year_notebook(0, TODAY)
    load = weekly_load(nb, TODAY, weeks=52)
    assert len(load.weeks) == 52 and sum(w.plan for w in load.weeks) > 0
    everything = planning.timeline(nb, TODAY, *_span(nb, "all"), include_finished=True)
    assert everything.collapsed and everything.actions == len(nb.actions) - everything.undated
    assert len(planning.action_lines(nb, TODAY, "all")) == 400


# --- input rules --------------------------------------------------------------------------

GOOD = ActionDraft("Weekly 1:1 with Sam", "g1", None, Recurrence.WEEKLY, TODAY, None, 1.5)


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"title": "   "}, "title", "cannot be empty"),
        ({"hours": -1.0}, "hours", "cannot be negative"),
        ({"hours": None}, "hours", "how many hours"),
        ({"hours": 200.0}, "hours", "at most 168"),
        ({"goal_id": None}, "goal_id", "Choose the goal or the initiative"),
        ({"goal_id": "gone"}, "goal_id", "no longer exists"),
        ({"goal_id": None, "initiative_id": "gone"}, "initiative_id", "no longer exists"),
        ({"when": None}, "when", "when it starts repeating"),
        ({"when": None, "recurrence": Recurrence.NONE}, "when", "when it is due"),
        ({"when": TODAY - timedelta(days=366)}, "when", "more than a year ago"),
        ({"until": TODAY - timedelta(days=1)}, "until", "end date comes before the start date"),
        ({"recurrence": Recurrence.NONE, "until": TODAY}, "until", "one-off step has no end date"),
    ],
)
def test_bad_action_input_names_the_field(changes, field, fragment):
    from dataclasses import replace

    with pytest.raises(PlanInputError) as caught:
        build_action(notebook(), replace(GOOD, **changes), TODAY)
    assert field in caught.value.problems
    assert fragment in caught.value.problems[field], caught.value.problems


def test_several_problems_are_reported_together():
    from dataclasses import replace

    with pytest.raises(PlanInputError) as caught:
        build_action(notebook(), replace(GOOD, title="", hours=-2, when=None), TODAY)
    assert set(caught.value.problems) == {"title", "hours", "when"}


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        (GOOD, {"recurrence": Recurrence.WEEKLY, "start": TODAY, "due": None, "end": None, "hours": 1.5}),
        (ActionDraft("Book it", "g1", None, Recurrence.NONE, days(3), None, 0.0),
         {"recurrence": Recurrence.NONE, "due": days(3), "start": None, "hours": 0}),
        # exactly a year ago is still fine
        (ActionDraft("Catch up", "g1", None, Recurrence.NONE, TODAY - timedelta(days=365), None, 1.0), {"due": TODAY - timedelta(days=365)}),
        (ActionDraft("Done already", "g1", None, Recurrence.NONE, days(-3), None, 1.0, ActionStatus.DONE),
         {"status": ActionStatus.DONE, "completed_at": TODAY}),
    ],
)
def test_good_action_input_builds_the_action(draft, expected):
    action = build_action(notebook(), draft, TODAY)
    assert {k: getattr(action, k) for k in expected} == expected


def test_editing_keeps_id_and_ticks_and_allows_an_old_date_that_was_already_there():
    old = weekly(start=TODAY - timedelta(days=500), done_on=[TODAY - timedelta(days=500)])
    nb = notebook(actions=[old])
    from dataclasses import replace

    edited = build_action(nb, replace(planning.draft_of(old), title="1:1s (new format)"), TODAY, previous=old)
    assert (edited.id, edited.done_on, edited.start, edited.title) == (old.id, old.done_on, old.start, "1:1s (new format)")
    with pytest.raises(PlanInputError):  # moving it to another far-past date is a typo again
        build_action(nb, replace(planning.draft_of(old), when=TODAY - timedelta(days=499)), TODAY, previous=old)


@settings(max_examples=150, deadline=None)
@given(title=st.text(max_size=400), hours=st.none() | st.floats(allow_nan=False, allow_infinity=False, width=32),
       shift=st.integers(-1000, 1000))
def test_any_typed_action_is_built_or_refused_with_messages(title, hours, shift):
    draft = ActionDraft(title, "g1", None, Recurrence.NONE, TODAY + timedelta(days=shift), None, hours)
    try:
        action = build_action(notebook(), draft, TODAY)
    except PlanInputError as exc:
        assert exc.problems and all(isinstance(m, str) and m for m in exc.problems.values())
    else:
        assert action.title and action.title in title and 0 <= action.hours <= 168


GOOD_INITIATIVE = InitiativeDraft("Routing pilot", days(-10), days(100), "5% cheaper routes", "Shows cross-depot results",
                                  ("g1",), "COO budget", InitiativeStatus.ACTIVE)


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"title": ""}, "title", "cannot be empty"),
        ({"finish": days(-20)}, "finish", "finish date comes before the start date"),
        ({"start": None, "finish": TODAY - timedelta(days=400)}, "finish", "more than a year ago"),
        ({"goal_ids": ("g1", "gone")}, "goal_ids", "no longer exists"),
    ],
)
def test_bad_initiative_input_names_the_field(changes, field, fragment):
    from dataclasses import replace

    with pytest.raises(PlanInputError) as caught:
        build_initiative(notebook(), replace(GOOD_INITIATIVE, **changes), TODAY)
    assert fragment in caught.value.problems[field]


def test_good_initiative_input_builds_the_initiative():
    i = build_initiative(notebook(), GOOD_INITIATIVE, TODAY)
    assert (i.title, i.goal_ids, i.status) == ("Routing pilot", ["g1"], InitiativeStatus.ACTIVE)


GOOD_STOP = StopDraft("Weekly rates call", StopKind.CANCEL, "", None, 1.5, TODAY)


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"what": " "}, "what", "cannot be empty"),
        ({"hours_per_week": -1.0}, "hours_per_week", "cannot be negative"),
        ({"kind": StopKind.DELEGATE}, "delegate_to", "Say who takes it over"),
        ({"delegate_to": "Sam"}, "delegate_to", "Only a delegated task"),
        ({"kind": StopKind.POSTPONE}, "until", "until when"),
        ({"until": days(30)}, "until", "Cancelling is for good"),
        ({"kind": StopKind.POSTPONE, "until": days(-1), "since": days(-5)}, "until", "passed already"),
        ({"kind": StopKind.POSTPONE, "until": days(-1)}, "until", "comes before the day you stop"),
        ({"since": TODAY - timedelta(days=400)}, "since", "more than a year ago"),
    ],
)
def test_bad_stop_input_names_the_field(changes, field, fragment):
    from dataclasses import replace

    with pytest.raises(PlanInputError) as caught:
        build_stop(notebook(), replace(GOOD_STOP, **changes), TODAY)
    assert fragment in caught.value.problems[field], caught.value.problems


@pytest.mark.parametrize(
    "draft",
    [
        GOOD_STOP,
        StopDraft("Monday forecast", StopKind.DELEGATE, "  Sam  ", None, 3.0, None),
        StopDraft("Handbook", StopKind.POSTPONE, "", days(90), 2.0, TODAY),
    ],
)
def test_good_stop_input_builds_the_entry(draft):
    entry = build_stop(notebook(), draft, TODAY)
    assert entry.kind is draft.kind and entry.delegate_to == draft.delegate_to.strip()


def test_editing_a_stop_keeps_a_return_date_that_has_passed():
    old = StopDoing(what="Handbook", kind=StopKind.POSTPONE, hours_per_week=2, until=days(-10), since=days(-100))
    from dataclasses import replace

    edited = build_stop(notebook(), replace(planning.stop_draft(old), hours_per_week=2.5), TODAY, previous=old)
    assert (edited.id, edited.until, edited.hours_per_week) == (old.id, old.until, 2.5)
