"""Logging a check-in: which goals take one, in what order, and what a check-in needs."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_core.checkins import checkin_problems, goal_checkins, loggable_goals, new_checkin
from career_core.models import CheckIn, Direction, Goal, GoalStatus, Metric, Notebook
from career_core.progress import all_progress
from career_core.validation import EntryError
from tests.core.progress_cases import TODAY, goal


@pytest.mark.parametrize(
    ("has_goal", "on", "value", "note", "problems"),
    [
        (True, TODAY, 68.0, "", set()),
        (True, TODAY, None, "Good conversation with the team", set()),
        (True, TODAY, 0.0, "", set()),  # zero is a value
        (True, TODAY - timedelta(days=400), 68.0, "", set()),  # late entries for old weeks are fine
        (False, TODAY, 68.0, "", {"goal"}),
        (True, None, 68.0, "", {"on"}),
        (True, TODAY + timedelta(days=1), 68.0, "", {"on"}),
        (True, TODAY, None, "   ", {"value"}),
        (True, TODAY, float("nan"), "", {"value"}),
        (True, TODAY, float("inf"), "", {"value"}),
        (False, TODAY + timedelta(days=3), None, "", {"goal", "on", "value"}),
    ],
)
def test_checkin_problems(has_goal, on, value, note, problems):
    assert set(checkin_problems(goal() if has_goal else None, on, value, note, TODAY)) == problems


@given(note=st.text(max_size=200), value=st.floats(allow_nan=True, allow_infinity=True) | st.none())
def test_any_typed_check_in_is_either_accepted_or_explained(note, value):
    problems = checkin_problems(goal(), TODAY, value, note, TODAY)
    usable_value = value is not None and math.isfinite(value)
    assert ("value" in problems) == (not usable_value and not (value is None and note.strip()))
    assert all(message.endswith(".") for message in problems.values())




def test_goals_that_take_a_check_in_come_active_first_then_drafts_then_achieved_each_by_deadline():
    def g(name, status, deadline=None):
        return Goal(id=name, statement=name, status=status, deadline=deadline)

    nb = Notebook(goals=[
        g("draft", GoalStatus.DRAFT), g("paused", GoalStatus.PAUSED), g("achieved", GoalStatus.ACHIEVED),
        g("late", GoalStatus.ACTIVE, date(2027, 6, 1)), g("dropped", GoalStatus.DROPPED),
        g("soon", GoalStatus.ACTIVE, date(2026, 9, 1)), g("open", GoalStatus.ACTIVE),
    ])
    assert [x.id for x in loggable_goals(nb)] == ["soon", "late", "open", "draft", "achieved"]


@pytest.mark.parametrize(
    ("direction", "target", "answer", "value"),
    [
        (Direction.INCREASE, 75.0, 68.0, 68.0),
        (Direction.DONE, None, "Done", 1.0),
        (Direction.DONE, 3.0, "Done", 3.0),  # done means reaching its target
        (Direction.DONE, None, "Not yet", 0.0),
    ],
)
def test_a_check_in_is_built_from_what_was_typed(direction, target, answer, value):
    g = Goal(statement="x", metric=Metric(direction=direction, target=target))
    checkin = new_checkin(g, TODAY, answer, "  a note  ", 7, TODAY)
    assert (checkin.goal_id, checkin.on, checkin.value, checkin.note, checkin.confidence) == (g.id, TODAY, value, "a note", 7)


def test_a_check_in_with_nothing_to_say_is_refused_beside_its_fields():
    g = Goal(statement="x", metric=Metric(direction=Direction.DONE))
    with pytest.raises(EntryError) as caught:
        new_checkin(g, TODAY + timedelta(days=1), None, " ", None, TODAY)
    assert set(caught.value.problems) == {"on", "value"}


def _logged(*entries: tuple[str, str, int]) -> Notebook:
    """Check-ins as (goal, day, value), in the order they were logged."""
    goals = sorted({g for g, _, _ in entries} | {"G"})
    return Notebook(goals=[Goal(id=g, statement=f"Goal {g}") for g in goals],
                    checkins=[CheckIn(goal_id=g, on=date.fromisoformat(d), value=v) for g, d, v in entries])


@pytest.mark.parametrize(("entries", "listed"), [
    ([], []),
    ([("G", "2026-06-01", 1), ("G", "2026-06-20", 2), ("G", "2026-06-10", 3)], [2, 3, 1]),  # newest first
    ([("G", "2026-06-01", 1), ("G", "2026-06-01", 2), ("G", "2026-05-01", 3)], [1, 2, 3]),  # one day: as logged
    ([("H", "2026-06-01", 1), ("G", "2026-06-02", 2), ("H", "2026-06-03", 3)], [2]),  # the goal's own only
    ([("H", "2026-06-01", 1)], []),
])
def test_a_goals_check_ins_are_listed_newest_first_and_counted_by_its_progress(entries, listed):
    nb = _logged(*entries)
    rows = goal_checkins(nb, "G")
    assert [c.value for c in rows] == listed
    assert all_progress(nb, TODAY)["G"].checkins == len(rows)  # what the list's label says, without the list
