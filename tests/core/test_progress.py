"""Progress: how far, how far the plan expects, status, forecast, limits, gaps.

The arithmetic of one metric (career_core.metric) is specified here too, as the goal reads it."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_core.metric import Point, expected_fraction, forecast, fraction, meets, meets_test, slope
from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    Direction,
    GoalStatus,
    Notebook,
    Recurrence,
)
from career_core.progress import STATUS_ORDER, all_progress, expected_value, goal_progress
from career_core.progress_views import board, board_goals, series_with_gaps
from tests.core.progress_cases import (
    DEADLINE,
    START,
    TODAY,
    D,
    S,
    checkins,
    goal,
    weekly,
)

# --- progress by direction ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "value", "expected"),
    [
        # increase: the share of the way from baseline to target
        (D.INCREASE, 62, 75, 62, 0.0),
        (D.INCREASE, 62, 75, 68.5, 0.5),
        (D.INCREASE, 62, 75, 75, 1.0),
        (D.INCREASE, 62, 75, 80, 1.0),  # past the target is reached, not more than reached
        (D.INCREASE, 62, 75, 50, 0.0),  # going backwards is no negative progress
        (D.INCREASE, None, 75, 70, 0.0),  # no starting point: only reaching the target counts
        (D.INCREASE, 62, None, 70, None),  # no target: nothing to measure against
        # decrease: the same way down
        (D.DECREASE, 38, 15, 38, 0.0),
        (D.DECREASE, 38, 15, 26.5, 0.5),
        (D.DECREASE, 38, 15, 15, 1.0),
        (D.DECREASE, 38, 15, 40, 0.0),
        # at most: within the limit is reached; from outside, the distance covered
        (D.AT_MOST, 58, 50, 50, 1.0),
        (D.AT_MOST, 58, 50, 44, 1.0),
        (D.AT_MOST, 58, 50, 54, 0.5),
        (D.AT_MOST, 45, 50, 52, 0.0),  # was within at the start, now outside
        # at least: the mirror image
        (D.AT_LEAST, 5, 10, 10, 1.0),
        (D.AT_LEAST, 5, 10, 7.5, 0.5),
        (D.AT_LEAST, 12, 10, 9, 0.0),
        # done / not done: 1 (or the target) means done
        (D.DONE, 0, 1, 1, 1.0),
        (D.DONE, 0, 1, 0, 0.0),
        (D.DONE, 0, None, 1, 1.0),
        (D.DONE, 0, 6, 5, 0.0),
    ],
)
def test_fraction_by_direction(direction, baseline, target, value, expected):
    got = fraction(direction, baseline, target, value)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, abs=1e-6)


@given(
    direction=st.sampled_from(list(Direction)),
    baseline=st.floats(-1e6, 1e6) | st.none(),
    target=st.floats(-1e6, 1e6) | st.none(),
    value=st.floats(-1e6, 1e6),
)
def test_fraction_always_stays_between_0_and_1(direction, baseline, target, value):
    got = fraction(direction, baseline, target, value)
    assert got is None or 0.0 <= got <= 1.0


@pytest.mark.parametrize(
    ("direction", "target", "value", "met"),
    [
        (D.INCREASE, 10, 10, True),
        (D.INCREASE, 10, 9.99, False),
        (D.AT_LEAST, 10, 11, True),
        (D.DECREASE, 5, 5, True),
        (D.DECREASE, 5, 5.01, False),
        (D.AT_MOST, 50, 49.5, True),
        (D.AT_MOST, 50, 51, False),
        (D.DONE, None, 1, True),  # done is a value of 1 ...
        (D.DONE, None, 0, False),
        (D.DONE, 3, 2, False),  # ... or of a positive target
        (D.DONE, 3, 3, True),
        (D.DONE, 0, 1, True),
        (D.INCREASE, None, 100, False),  # no target: nothing to reach
        (D.AT_MOST, None, 0, False),
    ],
)
def test_a_value_meets_the_target_by_the_goals_direction(direction, target, value, met):
    assert meets(direction, target, value) is met
    assert meets_test(direction, target)(value) is met  # the same rule, fixed once for many values


@given(
    direction=st.sampled_from(list(Direction)),
    target=st.floats(-1e6, 1e6) | st.integers(-1000, 1000),
    value=st.floats(-1e6, 1e6) | st.integers(-1000, 1000),
    further=st.floats(0, 1e6),
)
def test_a_value_further_along_meets_whatever_a_value_before_it_meets(direction, target, value, further):
    ahead = value - further if direction in (D.DECREASE, D.AT_MOST) else value + further
    assert meets(direction, target, ahead) or not meets(direction, target, value)


@given(a=st.floats(0, 100), b=st.floats(0, 100))
def test_more_is_never_less_progress_on_an_increase(a, b):
    lo, hi = sorted((a, b))
    assert fraction(D.INCREASE, 10, 90, lo) <= fraction(D.INCREASE, 10, 90, hi)


@pytest.mark.parametrize(
    ("start", "deadline", "day", "expected"),
    [
        (START, DEADLINE, START, 0.0),
        (START, DEADLINE, date(2025, 12, 1), 0.0),  # before the start
        (START, date(2026, 1, 11), date(2026, 1, 6), 0.5),
        (START, DEADLINE, DEADLINE, 1.0),
        (START, DEADLINE, date(2027, 6, 1), 1.0),  # after the deadline
        (START, START, START, 1.0),  # start and deadline on one day
        (START, None, TODAY, None),  # no deadline, no straight line
    ],
)
def test_expected_progress_is_a_straight_line(start, deadline, day, expected):
    got = expected_fraction(start, deadline, day)
    assert got == (None if expected is None else pytest.approx(expected))


# --- status --------------------------------------------------------------------------------------------

ON_PLAN = [("2026-06-25", 68.0)]  # 46% on 2 July where the line expects 50%


@pytest.mark.parametrize(
    ("case", "g", "data", "status", "percent"),
    [
        ("no check-ins, just begun", goal(start=date(2026, 6, 20)), [], S.NOT_STARTED, 0),
        ("no check-ins half way through", goal(), [], S.AT_RISK, 0),
        ("no check-ins, no deadline", goal(deadline=None), [], S.NOT_STARTED, 0),
        ("one check-in on plan", goal(), ON_PLAN, S.ON_TRACK, 46),
        ("one check-in far behind: baseline to it is too slow", goal(), [("2026-06-25", 63.0)], S.AT_RISK, 7),
        ("ahead of the line", goal(), [("2026-06-01", 72.0)], S.ON_TRACK, 76),
        ("behind, but the recent pace gets there in time", goal(), "weekly-catching-up", S.BEHIND, 30),
        ("behind and flat", goal(), "weekly-flat", S.AT_RISK, 15),
        ("behind and moving away", goal(), "weekly-falling", S.AT_RISK, 7),
        ("target already met", goal(), [("2026-03-01", 70.0), ("2026-03-08", 75.5)], S.ACHIEVED, 100),
        ("met at the first check-in", goal(baseline=74), [("2026-02-01", 75.0)], S.ACHIEVED, 100),
        ("deadline in the past, target missed", goal(deadline=date(2026, 6, 30)), ON_PLAN, S.OVERDUE, 46),
        ("deadline in the past, never started", goal(deadline=date(2026, 6, 30)), [], S.OVERDUE, 0),
        ("deadline in the past, target met", goal(deadline=date(2026, 6, 30)), [("2026-06-20", 76.0)], S.ACHIEVED, 100),
        ("deadline today, not yet met", goal(deadline=TODAY), ON_PLAN, S.AT_RISK, 46),
        ("starts later", goal(start=date(2026, 9, 1)), [], S.NOT_STARTED, 0),
        ("no deadline", goal(deadline=None), [("2026-06-01", 63.0)], S.ON_TRACK, 7),
        ("marked achieved by hand", goal(status=GoalStatus.ACHIEVED), [("2026-06-01", 75.0)], S.ACHIEVED, 100),
        ("marked achieved with nothing logged", goal(status=GoalStatus.ACHIEVED), [], S.ACHIEVED, 100),
        # the person's word closes the goal, but no page may read 100% while the last value falls short
        ("marked achieved short of the target", goal(status=GoalStatus.ACHIEVED), [("2026-06-01", 70.0)], S.ACHIEVED, 61),
        ("a draft with nothing logged", goal(status=GoalStatus.DRAFT), [], S.NOT_STARTED, 0),
        ("paused goals are not tracked", goal(status=GoalStatus.PAUSED), ON_PLAN, None, 46),
        ("dropped goals are not tracked", goal(status=GoalStatus.DROPPED), ON_PLAN, None, 46),
        ("a note without a value still starts it", goal(), [("2026-06-01", None)], S.AT_RISK, 0),
        # decrease
        ("decrease on plan", goal(D.DECREASE, 38, 15), [("2026-06-28", 26.0)], S.ON_TRACK, 52),
        ("decrease reached", goal(D.DECREASE, 38, 15), [("2026-06-28", 14.0)], S.ACHIEVED, 100),
        ("decrease going up", goal(D.DECREASE, 38, 15), "weekly-rising-overtime", S.AT_RISK, 0),
        # limits
        ("at most: within the limit before the deadline", goal(D.AT_MOST, 58, 50), [("2026-06-28", 49.0)], S.ON_TRACK, 100),
        ("at most: within at the deadline", goal(D.AT_MOST, 58, 50, deadline=date(2026, 6, 30)), [("2026-06-28", 49.0)], S.ACHIEVED, 100),
        ("at most: outside after the deadline", goal(D.AT_MOST, 58, 50, deadline=date(2026, 6, 30)), [("2026-06-28", 53.0)], S.OVERDUE, 62),
        ("at most: on the way down, on plan", goal(D.AT_MOST, 58, 50), [("2026-06-28", 54.0)], S.ON_TRACK, 50),
        ("at most: held at the start, slipping now", goal(D.AT_MOST, 45, 50), [("2026-06-21", 48.0), ("2026-06-28", 53.0)], S.AT_RISK, 0),
        ("at most: slipped but coming back", goal(D.AT_MOST, 45, 50), "weekly-coming-back", S.BEHIND, 0),
        ("at least: reached the floor", goal(D.AT_LEAST, 5, 10), [("2026-06-01", 10.0)], S.ON_TRACK, 100),
        ("at least: stuck below", goal(D.AT_LEAST, 5, 10), [("2026-05-01", 5.0), ("2026-06-01", 5.0)], S.AT_RISK, 0),
        # done / not done
        ("done: ticked off", goal(D.DONE, 0, 1), [("2026-05-01", 0.0), ("2026-06-01", 1.0)], S.ACHIEVED, 100),
        ("done: not yet, no steps to measure", goal(D.DONE, 0, 1), [("2026-05-01", 0.0)], S.ON_TRACK, 0),
        ("done: nothing logged, just begun", goal(D.DONE, 0, 1, start=date(2026, 6, 20)), [], S.NOT_STARTED, 0),
        ("done: past the deadline", goal(D.DONE, 0, 1, deadline=date(2026, 6, 1)), [("2026-05-01", 0.0)], S.OVERDUE, 0),
    ],
)
def test_status_table(case, g, data, status, percent):
    rows = {
        "weekly-catching-up": lambda: weekly(g, "2026-06-04", [62, 63, 64, 65, 66]),
        "weekly-flat": lambda: weekly(g, "2026-05-07", [64, 64, 64, 64, 64, 64, 64, 64, 64]),
        "weekly-falling": lambda: weekly(g, "2026-05-07", [66, 65.5, 65, 64.5, 64, 63.5, 63]),
        "weekly-rising-overtime": lambda: weekly(g, "2026-05-07", [36, 37, 38, 39, 40]),
        "weekly-coming-back": lambda: weekly(g, "2026-05-21", [55, 54, 53, 52, 51]),
    }
    data = rows[data]() if isinstance(data, str) else checkins(g, *data)
    gp = goal_progress(g, data, TODAY)
    assert gp.status == status, gp.reason
    assert gp.percent == percent
    assert gp.reason  # the status is always explained in words


def test_limit_goals_count_the_check_ins_within_the_limit():
    g = goal(D.AT_MOST, 58, 50)
    gp = goal_progress(g, weekly(g, "2026-05-07", [57, 52, 49, 50, 48, 51, 47, 46]), TODAY)
    assert (gp.within, len(gp.points)) == (5, 8)
    assert "Within the limit in 5 of 8 weeks." in gp.reason  # one value a week: counted in weeks
    twice = goal_progress(g, checkins(g, ("2026-06-22", 49.0), ("2026-06-24", 51.0), ("2026-06-29", 48.0)), TODAY)
    assert "Within the limit in 2 of 3 check-ins." in twice.reason  # two in one week: counted in check-ins


@pytest.mark.parametrize(
    ("g", "value", "words"),
    [
        (goal(D.AT_MOST, 58, 50), 49.0, "Within the limit of 50 points at the last check-in. Within the limit in 1 of 1 week."),
        (goal(D.AT_MOST, 58, 50), 54.0, "Above the limit of 50 points at the last check-in (54 points)."),
        (goal(D.AT_LEAST, 5, 10), 10.0, "At or above the floor of 10 points at the last check-in. At or above the floor in 1 of 1 week."),
        (goal(D.AT_LEAST, 5, 10), 8.0, "Below the floor of 10 points at the last check-in (8 points)."),
    ],
)
def test_limit_goals_say_which_side_of_the_limit_they_are(g, value, words):
    assert words in goal_progress(g, checkins(g, ("2026-06-28", value)), TODAY).reason


def test_on_track_by_the_line_but_late_by_the_recent_pace_says_so():
    g = goal()
    gp = goal_progress(g, weekly(g, "2026-06-04", [67.6, 67.7, 67.8, 67.9, 68.0]), TODAY)
    assert gp.status is S.ON_TRACK
    assert "after the deadline: worth watching" in gp.reason


def test_only_limit_goals_count_check_ins_within_the_limit():
    g = goal(D.INCREASE)
    assert goal_progress(g, checkins(g, *ON_PLAN), TODAY).within is None
    limit = goal(D.AT_MOST, 58, 50)
    assert goal_progress(limit, [], TODAY).within == 0


def test_check_ins_are_read_in_date_order_whatever_order_they_were_logged_in():
    g = goal()
    rows = checkins(g, ("2026-06-25", 68.0), ("2026-03-01", 63.0))
    gp = goal_progress(g, rows, TODAY)
    assert gp.latest == 68.0 and gp.points[0].on == date(2026, 3, 1)


def test_without_a_baseline_the_first_check_in_is_the_start():
    g = goal(baseline=None)
    gp = goal_progress(g, checkins(g, ("2026-01-10", 60.0), ("2026-06-25", 67.5)), TODAY)
    assert gp.baseline == 60.0
    assert gp.percent == 50  # from the first value, 60, half way to 75
    assert expected_value(gp, START) == 60.0


@pytest.mark.parametrize(
    ("actions", "ticked", "status", "steps"),
    [
        ([], 0.0, S.ON_TRACK, "Not done yet"),
        ([("done", date(2026, 2, 1)), ("done", date(2026, 4, 1)), ("todo", None), ("todo", None)], 0.0, S.ON_TRACK,
         "2 of 4 steps done"),
        ([("done", date(2026, 2, 1)), ("todo", None), ("todo", None), ("todo", None), ("todo", None)], 0.0, S.AT_RISK,
         "1 of 5 steps done"),
        ([("done", date(2026, 2, 1)), ("dropped", None), ("todo", None)], 1.0, S.ACHIEVED, "Done on"),
    ],
)
def test_done_goals_measure_their_one_off_actions_until_ticked_off(actions, ticked, status, steps):
    g = goal(D.DONE, 0, 1)
    acts = [Action(title=f"step {i}", goal_id=g.id, due=date(2026, 6, 1), status=ActionStatus(s), completed_at=when)
            for i, (s, when) in enumerate(actions)]
    acts.append(Action(title="weekly study", goal_id=g.id, recurrence=Recurrence.WEEKLY, start=START))  # not a step
    gp = goal_progress(g, checkins(g, ("2026-06-01", ticked)), TODAY, actions=acts)
    assert gp.status == status, gp.reason
    assert steps in gp.reason


def test_a_long_term_done_goal_counts_its_stepping_stones():
    parent = goal(D.DONE, 0, 1, horizon="long_term", deadline=date(2030, 12, 31))
    kids = [goal(parent_id=parent.id, status=GoalStatus.ACHIEVED), goal(parent_id=parent.id),
            goal(parent_id=parent.id, status=GoalStatus.DROPPED)]
    nb = Notebook(goals=[parent, *kids], checkins=[CheckIn(goal_id=parent.id, on=date(2026, 6, 1), note="far away")])
    gp = all_progress(nb, TODAY)[parent.id]
    assert (gp.steps_done, gp.steps) == (1, 2)  # the dropped one does not count
    assert gp.percent == 50  # the average of its stepping stones: one reached, one not begun
    assert gp.status is S.ON_TRACK
    assert "About 50% across 2 stepping stones, 1 achieved." in gp.reason


# --- forecast ------------------------------------------------------------------------------------------


def _pts(*pairs):
    return [Point(date.fromisoformat(d), v) for d, v in pairs]


@pytest.mark.parametrize(
    ("direction", "target", "points", "expected"),
    [
        # one point a day up: 10 more to go is 10 days after the latest check-in
        (D.INCREASE, 20, _pts(("2026-06-01", 8), ("2026-06-02", 9), ("2026-06-03", 10)), date(2026, 6, 13)),
        (D.DECREASE, 0, _pts(("2026-06-01", 10), ("2026-06-06", 5)), date(2026, 6, 11)),
        (D.AT_MOST, 50, _pts(("2026-06-01", 56), ("2026-06-08", 54)), date(2026, 6, 22)),
        (D.INCREASE, 20, _pts(("2026-06-01", 10), ("2026-06-02", 10)), None),  # flat
        (D.INCREASE, 20, _pts(("2026-06-01", 12), ("2026-06-02", 10)), None),  # moving away
        (D.INCREASE, 20, _pts(("2026-06-01", 10)), None),  # one point is no trend
        (D.INCREASE, 20, _pts(("2026-06-01", 10), ("2026-06-01", 11)), None),  # one day is no trend
        (D.INCREASE, 20, _pts(("2026-06-01", 19), ("2026-06-02", 21)), date(2026, 6, 2)),  # already there
        (D.INCREASE, 1e9, _pts(("2026-06-01", 0), ("2026-06-02", 0.001)), None),  # not within fifty years
        (D.INCREASE, 20, [], None),
        (D.INCREASE, None, _pts(("2026-06-01", 8), ("2026-06-02", 9)), None),
    ],
)
def test_forecast_follows_the_recent_trend(direction, target, points, expected):
    assert forecast(direction, target, points, date(2026, 6, 1)) == expected


def test_forecast_never_lies_in_the_past():
    old = _pts(("2026-01-01", 0), ("2026-01-02", 1))
    assert forecast(D.INCREASE, 5, old, TODAY) == TODAY


def test_forecast_follows_the_last_eight_check_ins_not_the_whole_history():
    flat = [(f"2026-01-{d:02d}", 0.0) for d in range(1, 29)]
    fast = [(f"2026-03-{d:02d}", float(d)) for d in range(1, 9)]
    assert forecast(D.INCREASE, 18, _pts(*flat, *fast), date(2026, 3, 8)) == date(2026, 3, 18)


def test_slope_is_a_least_squares_line():
    assert slope(_pts(("2026-06-01", 1), ("2026-06-02", 3), ("2026-06-03", 5))) == pytest.approx(2)
    assert slope(_pts(("2026-06-01", 1))) is None


def test_one_check_in_and_the_baseline_give_a_forecast():
    g = goal()
    gp = goal_progress(g, checkins(g, ("2026-06-25", 68.0)), TODAY)
    # 6 points in 175 days; 7 to go takes about 205 more days
    assert gp.forecast == date(2026, 6, 25) + timedelta(days=math.ceil(7 / (6 / 175)))


# --- the whole notebook, the board ---------------------------------------------------------------------


def test_all_progress_keeps_the_notebooks_order_and_each_goals_own_check_ins():
    a, b = goal(), goal(D.DECREASE, 38, 15)
    nb = Notebook(goals=[a, b], checkins=[*checkins(b, ("2026-06-28", 26.0)), *checkins(a, *ON_PLAN)])
    result = all_progress(nb, TODAY)
    assert list(result) == [a.id, b.id]
    assert result[a.id].checkins == 1 and result[b.id].latest == 26.0


def _parent_with_stepping_stones() -> Notebook:
    parent = goal(D.DONE, 0, 1, horizon="long_term", deadline=date(2030, 12, 31))
    kids = [goal(parent_id=parent.id, status=GoalStatus.ACHIEVED), goal(parent_id=parent.id)]
    return Notebook(goals=[goal(), parent, *kids], checkins=checkins(kids[1], *ON_PLAN))


@pytest.mark.parametrize(
    ("notebook", "picked"),
    [
        (_parent_with_stepping_stones, lambda nb: [nb.goals[1].id]),  # a done-goal counts its stepping stones
        (_parent_with_stepping_stones, lambda nb: [nb.goals[3].id, nb.goals[0].id]),  # the notebook's order
        (_parent_with_stepping_stones, lambda nb: []),
        (_parent_with_stepping_stones, lambda nb: ["not-a-goal"]),
    ],
)
def test_progress_of_only_some_goals_is_what_the_whole_notebook_says_of_them(notebook, picked):
    nb = notebook()
    wanted = picked(nb)
    whole = all_progress(nb, TODAY)
    assert all_progress(nb, TODAY, only=set(wanted)) == {g: whole[g] for g in whole if g in wanted}


def test_board_groups_tracked_goals_by_status_most_urgent_group_first():
    late, fine, paused = goal(deadline=date(2026, 6, 1)), goal(), goal(status=GoalStatus.PAUSED)
    nb = Notebook(goals=[fine, late, paused], checkins=checkins(fine, *ON_PLAN))
    groups = board(all_progress(nb, TODAY).values())
    assert list(groups) == list(STATUS_ORDER)
    assert [g.goal_id for g in groups[S.OVERDUE]] == [late.id]
    assert [g.goal_id for g in groups[S.ON_TRACK]] == [fine.id]
    assert paused.id not in {g.goal_id for items in groups.values() for g in items}


@pytest.mark.parametrize(
    ("include_achieved", "shown"),
    [(False, ["active", "draft"]), (True, ["active", "draft", "achieved", "reached"])],
)
def test_the_board_shows_goals_in_play_and_achieved_ones_when_asked(include_achieved, shown):
    active, draft = goal(id="active"), goal(id="draft", status=GoalStatus.DRAFT)
    achieved, paused = goal(id="achieved", status=GoalStatus.ACHIEVED), goal(id="paused", status=GoalStatus.PAUSED)
    reached = goal(id="reached", status=GoalStatus.ACHIEVED)
    nb = Notebook(goals=[active, draft, achieved, paused, reached], checkins=checkins(reached, ("2026-06-01", 80.0)))
    assert [gp.goal_id for gp in board_goals(nb, all_progress(nb, TODAY), include_achieved)] == shown


# --- the chart's line: skipped weeks are gaps ------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "gaps"),
    [
        ([], 0),
        (["2026-06-01"], 0),
        (["2026-06-01", "2026-06-08", "2026-06-15"], 0),  # every week
        (["2026-06-01", "2026-06-07"], 0),  # Monday and Sunday of one week
        (["2026-06-07", "2026-06-08"], 0),  # Sunday, then Monday of the next week
        (["2026-06-01", "2026-06-21"], 1),  # the week of 8 June was skipped
        (["2026-06-01", "2026-06-15"], 1),  # Monday to Monday two weeks later: one whole week skipped
        (["2026-06-01", "2026-06-15", "2026-06-16", "2026-07-20"], 2),
        (["2026-12-31", "2027-01-04"], 0),  # Thursday, then Monday of the next week, in a new year
        (["2026-12-27", "2027-01-04"], 1),  # Sunday to Monday eight days later: the week between skipped
        (["2028-02-28", "2028-03-06"], 0),  # across a leap day, a week apart
    ],
)
def test_a_skipped_week_breaks_the_line(days, gaps):
    points = [Point(date.fromisoformat(d), float(i)) for i, d in enumerate(days)]
    xs, ys = series_with_gaps(points)
    assert ys.count(None) == gaps
    assert [y for y in ys if y is not None] == [p.value for p in points]
    assert xs == sorted(xs)
