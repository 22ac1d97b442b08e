"""Home's line for each goal: where it stands, in words and with its symbol."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from career_core.dashboard import METHOD_STEPS, glance, progress_steps, progress_words
from career_core.models import CheckIn, Direction, Goal, GoalStatus, Metric, Notebook
from career_core.progress import goal_progress

TODAY = date(2026, 7, 2)


def _goal(direction=Direction.INCREASE, baseline=62.0, target=75.0, status=GoalStatus.ACTIVE):
    return Goal(statement="g", status=status, start=date(2026, 1, 1), deadline=date(2026, 12, 31),
                metric=Metric(baseline=baseline, target=target, direction=direction))


@pytest.mark.parametrize(
    ("goal", "values", "words"),
    [
        (_goal(), [68.0], "● On track · 46%"),
        (_goal(), [62.5], "✖ At risk · 3%"),
        (_goal(), [75.0], "★ Achieved"),
        (_goal(), [], "✖ At risk · 0%"),
        (_goal(Direction.DONE, 0, 1), [0.0], "● On track"),
        (_goal(Direction.AT_MOST, 58, 50), [55.0, 49.0], "● On track · within the limit in 1 of 2 weeks"),
        (_goal(Direction.AT_LEAST, 5, 10), [10.0], "● On track · at or above the floor in 1 of 1 week"),
        # a floor still on its way in from outside says how far it has come, never "in 0 of 12"
        (_goal(Direction.AT_LEAST, 5, 10), [6.0, 7.0, 8.0], "● On track · 60%"),
        (_goal(Direction.AT_MOST, 40, 50), [44.0, 52.0], "✖ At risk · within the limit in 1 of 2 weeks"),
        (_goal(status=GoalStatus.PAUSED), [68.0], ""),
    ],
)
def test_progress_words(goal, values, words):
    rows = [CheckIn(goal_id=goal.id, on=TODAY - timedelta(days=7 * i), value=v) for i, v in enumerate(reversed(values))]
    assert progress_words(goal_progress(goal, rows, TODAY)) == words


def test_the_glance_gives_every_goal_but_achieved_ones_its_words():
    active, achieved = _goal(), _goal(status=GoalStatus.ACHIEVED)
    nb = Notebook(goals=[active, achieved], checkins=[CheckIn(goal_id=active.id, on=TODAY, value=68)])
    g = glance(nb, TODAY)
    lines = {line.goal_id: line.progress for line in g.goals + g.finished}
    assert lines == {active.id: "● On track · 46%", achieved.id: ""}


@pytest.mark.parametrize(
    ("status", "where"),
    [
        (GoalStatus.ACTIVE, "goals"),
        (GoalStatus.DRAFT, "goals"),
        (GoalStatus.PAUSED, "goals"),  # paused is still in hand: it comes back
        (GoalStatus.ACHIEVED, "finished"),
        (GoalStatus.DROPPED, "finished"),
    ],
)
def test_the_glance_keeps_finished_goals_apart_from_those_in_hand(status, where):
    goal = _goal(status=status)
    g = glance(Notebook(goals=[goal]), TODAY)
    assert [line.goal_id for line in getattr(g, where)] == [goal.id]
    assert len(g.goals) + len(g.finished) == 1


def test_every_step_of_the_method_has_its_rule_and_says_what_to_do():
    assert [step.key for step in METHOD_STEPS] == list(progress_steps(Notebook()))
    assert all(step.how.startswith("On ") or step.how.startswith("Ask ") for step in METHOD_STEPS)
