"""Actions as a specification: the days they take, ticking off, the action list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_core import due
from career_core.models import (
    Action,
    ActionStatus,
    Goal,
    GoalStatus,
    Initiative,
    Notebook,
    Recurrence,
)
from career_core.plan.actions import (
    STATUS_ICONS,
    ActionButton,
    ActionLine,
    action_buttons,
    action_dates,
    action_lines,
    due_soon,
    mark_done,
    press,
    reopen,
    tick,
    undo_done,
)
from tests.core.plan.cases import MONDAY, TODAY, D, days, notebook, once, weekly


def line_of(action: Action) -> ActionLine:
    """The action as the list shows it, whatever its status."""
    (line,) = action_lines(notebook(actions=[action]), TODAY, "all")
    return line


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


def _held(action: Action) -> Notebook:
    """A notebook holding the action (its goal left out: not what is tested here); a tick puts a
    changed copy in the action's place, as actions are frozen."""
    return Notebook.model_construct(actions=[action])


def test_mark_done_ticks_the_current_date_and_undo_takes_it_back():
    nb = _held(weekly(start=D(2026, 11, 2)))
    aid = nb.actions[0].id
    assert mark_done(nb, aid, TODAY) == D(2026, 11, 16)
    assert nb.actions[0].done_on == [D(2026, 11, 16)] and nb.actions[0].status is ActionStatus.TO_DO
    assert mark_done(nb, aid, TODAY) == D(2026, 11, 23)
    undo_done(nb, aid, D(2026, 11, 23))
    assert nb.actions[0].done_on == [D(2026, 11, 16)]


def test_mark_done_finishes_a_one_off_and_reopen_brings_it_back():
    nb = _held(once(due=days(-3)))
    aid = nb.actions[0].id
    assert mark_done(nb, aid, TODAY) is None
    assert nb.actions[0].status is ActionStatus.DONE and nb.actions[0].completed_at == TODAY
    reopen(nb, aid)
    assert nb.actions[0].status is ActionStatus.TO_DO and nb.actions[0].completed_at is None


def test_mark_done_on_a_finished_series_finishes_the_action_and_its_last_date_can_still_be_ticked():
    nb = _held(weekly(start=D(2026, 10, 5), end=D(2026, 10, 26)))
    aid = nb.actions[0].id
    line = line_of(nb.actions[0])
    assert line.series_over and line.current == D(2026, 10, 26)
    tick(nb, aid, D(2026, 10, 26))
    tick(nb, aid, D(2026, 10, 26))  # twice is still once
    assert nb.actions[0].done_on == [D(2026, 10, 26)] and nb.actions[0].status is ActionStatus.TO_DO
    mark_done(nb, aid, TODAY)
    assert nb.actions[0].status is ActionStatus.DONE and nb.actions[0].completed_at == TODAY


@pytest.mark.parametrize(
    "change",
    [
        lambda nb, aid: mark_done(nb, aid, TODAY),
        lambda nb, aid: tick(nb, aid, MONDAY),
        lambda nb, aid: undo_done(nb, aid, MONDAY),
        lambda nb, aid: reopen(nb, aid),
        lambda nb, aid: press(nb, aid, ActionButton("finish", "Mark done"), TODAY),
    ],
    ids=["marked done", "ticked", "a tick undone", "reopened", "a button pressed"],
)
def test_an_action_removed_meanwhile_is_said_in_words_and_nothing_changes(change):
    nb = _held(weekly(start=MONDAY))
    before = nb.model_dump()
    with pytest.raises(ValueError, match="^This action no longer exists; it may have been removed in another tab.$"):
        change(nb, "removed-in-another-tab")
    assert nb.model_dump() == before


@pytest.mark.parametrize(
    "change",
    [
        lambda a: a.done_on.append(MONDAY),
        lambda a: a.done_on.extend([MONDAY]),
        lambda a: a.done_on.remove(a.done_on[0]),
        lambda a: a.done_on.__setitem__(0, MONDAY),
        lambda a: a.done_on.sort(reverse=True),
        lambda a: a.done_on.clear(),
    ],
    ids=["append", "extend", "remove", "set one", "sort", "clear"],
)
def test_an_actions_days_done_refuse_change_in_place(change):
    """An action is frozen and its JSON kept by the store; a list changed inside it would be saved stale."""
    action = weekly(start=MONDAY - timedelta(weeks=2), done_on=[MONDAY - timedelta(weeks=2), MONDAY - timedelta(weeks=1)])
    with pytest.raises(TypeError, match="not changed in place"):
        change(action)
    assert action.done_on == [MONDAY - timedelta(weeks=2), MONDAY - timedelta(weeks=1)]


@pytest.mark.parametrize(
    ("action", "status", "schedule"),
    [
        (once(due=days(5)), "to do", "due Mon 23 Nov"),
        (once(due=days(-5)), "overdue", "due Fri 13 Nov"),
        (once(due=days(-5), status=ActionStatus.DONE, completed_at=days(-6)), "done", "due Fri 13 Nov"),
        (once(due=days(5), status=ActionStatus.DROPPED), "dropped", "due Mon 23 Nov"),
        (Action(title="Someday", goal_id="g1"), "to do", "no date yet"),
        # the year shows when it is not this year
        (once(due=D(2027, 1, 5)), "to do", "due Tue 5 Jan 2027"),
        (weekly(start=D(2025, 12, 29), end=D(2027, 1, 4), done_on=[MONDAY]), "to do",
         "every Monday from 29 Dec 2025 until 4 Jan 2027"),
        # this week's date of a series gone by unticked is overdue until the next one comes (career_core.due)
        (weekly(start=D(2026, 11, 2)), "overdue", "every Monday from 2 Nov"),
        (weekly(start=D(2026, 11, 2), done_on=[MONDAY]), "to do", "every Monday from 2 Nov"),
        (weekly(start=D(2026, 10, 5), end=D(2026, 10, 26)), "series over", "every Monday from 5 Oct until 26 Oct"),
        (Action(title="Report", goal_id="g1", recurrence=Recurrence.QUARTERLY, start=D(2026, 8, 30)), "overdue",
         "every three months on the last day of the month from 31 Aug"),
    ],
)
def test_action_line_status_and_schedule_in_words(action, status, schedule):
    line = line_of(action)
    assert (line.status, line.schedule) == (status, schedule)
    assert line.icon == STATUS_ICONS[status]


def test_action_line_counts_what_was_done_so_far():
    action = weekly(start=D(2026, 10, 26), done_on=[D(2026, 10, 26), D(2026, 11, 9), D(2026, 12, 25)])
    line = line_of(action)
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
    assert [line.title for line in action_lines(nb, TODAY)] == ["Late thing", "Soon", "Orphan", "Later"]
    assert [line.title for line in action_lines(nb, TODAY, "done")] == ["Finished"]
    assert [line.title for line in action_lines(nb, TODAY, "dropped")] == ["Abandoned"]
    assert len(action_lines(nb, TODAY, "all")) == 6
    assert [line.title for line in action_lines(nb, TODAY, towards="initiative:i1")] == ["Later"]
    assert [line.title for line in action_lines(nb, TODAY, towards="unlinked")] == ["Orphan"]
    assert [line.title for line in action_lines(nb, TODAY, towards="goal:g1")] == ["Late thing", "Soon"]
    assert [line.title for line in action_lines(nb, TODAY, search="  SOON ")] == ["Soon"]
    assert action_lines(nb, TODAY)[3].towards == "Initiative: Routing pilot"


# --- the buttons beside an action, and what is due soon -------------------------------------------


def _buttons(action: Action) -> list[tuple[str, str, bool]]:
    line = line_of(action)
    return [(b.kind, b.label, b.primary) for b in action_buttons(line, TODAY)]


@pytest.mark.parametrize(
    ("action", "buttons"),
    [
        # a one-off: done in one click
        (once(due=days(2)), [("finish", "Mark done", True)]),
        (once(due=days(2), status=ActionStatus.DONE, completed_at=TODAY), [("reopen", "Reopen", False)]),
        (once(due=days(2), status=ActionStatus.DROPPED), [("reopen", "Reopen", False)]),
        # a live series ticks its current date; it is finished only by editing it
        (weekly(start=MONDAY), [("tick", "Tick 16 Nov", True)]),
        (weekly(start=MONDAY, done_on=[MONDAY]),
         [("tick", "Tick 23 Nov", True), ("undo", "Undo 16 Nov", False)]),
        # a series whose end has passed: its last open date can still be ticked, and it is finished whole
        (weekly(start=MONDAY - timedelta(weeks=3), end=MONDAY - timedelta(days=1)),
         [("tick", "Tick 9 Nov", False), ("finish", "Mark finished", True)]),
        (weekly(start=MONDAY - timedelta(weeks=3), end=MONDAY - timedelta(days=1), done_on=[D(2026, 11, 9)]),
         [("finish", "Mark finished", True), ("undo", "Undo 9 Nov", False)]),
        # the year shows when the date is not this year's
        (weekly(start=D(2027, 1, 4)), [("tick", "Tick 4 Jan 2027", True)]),
    ],
)
def test_the_buttons_that_apply_to_an_action(action, buttons):
    assert _buttons(action) == buttons


@pytest.mark.parametrize(
    ("action", "kind", "status", "done_on"),
    [
        (once(due=days(2)), "finish", ActionStatus.DONE, []),
        (once(due=days(2), status=ActionStatus.DONE, completed_at=TODAY), "reopen", ActionStatus.TO_DO, []),
        (weekly(start=MONDAY), "tick", ActionStatus.TO_DO, [MONDAY]),
        (weekly(start=MONDAY, done_on=[MONDAY]), "undo", ActionStatus.TO_DO, []),
        (weekly(start=MONDAY - timedelta(weeks=3), end=MONDAY - timedelta(days=1)), "finish", ActionStatus.DONE, []),
    ],
)
def test_pressing_a_button_does_what_it_says(action, kind, status, done_on):
    line = line_of(action)
    (button,) = [b for b in action_buttons(line, TODAY) if b.kind == kind]
    nb = _held(action)
    press(nb, action.id, button, TODAY)
    assert (nb.actions[0].status, nb.actions[0].done_on) == (status, done_on)


def test_due_soon_is_the_week_ahead_and_anything_overdue_for_one_goal():
    other = Goal(id="g2", statement="Run a quarterly town hall for the whole team", status=GoalStatus.ACTIVE)
    nb = notebook(goals=[notebook().goals[0], other], actions=[
        once("Late", due=days(-20)), once("Today", due=TODAY), once("In a week", due=days(7)),
        once("Later", due=days(8)), once("Other goal", due=TODAY, goal_id="g2"), weekly("Weekly", start=days(1)),
        weekly("Over", start=days(-30), end=days(-2)),
    ])
    soon = due_soon(nb, "g1", TODAY)
    assert [line.title for line in soon] == ["Late", "Today", "Weekly", "In a week"]
    assert [line.when(TODAY) for line in soon] == ["overdue since 29 Oct", "due today", "due Thu 19 Nov", "due Wed 25 Nov"]
    assert len(due_soon(notebook(actions=[once(f"Step {i}") for i in range(12)]), "g1", TODAY)) == 8


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([once, weekly]), st.integers(-40, 40), st.sampled_from(["g1", "g2", None]),
                          st.sampled_from(list(ActionStatus)), st.sampled_from(["Call", "call", "Agenda", "Zoo"])),
                max_size=14))
def test_a_goals_steps_due_are_its_to_do_list_on_plan_cut_to_those_due(steps) -> None:
    """What Progress lists beside a check-in is Plan's to-do list towards the goal, in its order,
    kept to the steps due this week or overdue, eight at most."""
    other = Goal(id="g2", statement="Run a quarterly town hall for the whole team", status=GoalStatus.ACTIVE)
    actions = [make(title, days(offset), goal_id=goal_id, status=status) if make is once
               else make(title, start=days(offset), goal_id=goal_id, status=status)
               for make, offset, goal_id, status, title in steps]
    nb = notebook(goals=[notebook().goals[0], other], actions=actions)
    for goal_id in ("g1", "g2"):
        due_ids = {d.action_id for d in due.due_soon(nb, TODAY, goal_id=goal_id)}
        listed = action_lines(nb, TODAY, "todo", towards=f"goal:{goal_id}")
        assert due_soon(nb, goal_id, TODAY) == [line for line in listed if line.action_id in due_ids][:8]


def test_an_action_line_says_its_details_in_words():
    series = weekly(hours=0.5, start=MONDAY - timedelta(weeks=2), done_on=[MONDAY - timedelta(weeks=2)])
    assert line_of(series).details(TODAY) == \
        "Overdue since 16 Nov · every Monday from 2 Nov · 0.5 h each time · done 1 of 3 so far"
    late = once(due=days(-3), hours=2)
    assert line_of(late).details(TODAY) == "Overdue since 15 Nov · 2 h"
    assert line_of(once(due=days(2))).details(TODAY) == "Due Fri 20 Nov · 1 h"
    assert line_of(once(due=days(2), status=ActionStatus.DONE)).details(TODAY) == "Done · due Fri 20 Nov · 1 h"
