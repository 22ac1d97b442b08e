"""action_lines(reuse=...) works out again only the lines of actions whose inputs changed, and its
answer is always the one worked out from scratch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_core import edit
from career_core.goal_grouping import Grouping
from career_core.models import Action, ActionStatus, Goal, Initiative, Notebook, Recurrence, new_id
from career_core.plan.actions import LineReuse, _inputs, action_lines, due_soon, mark_done, reopen, tick, undo_done
from tests.core.test_merge_properties import days, notebooks, pick, words
from tests.core.test_progress_reuse import after_each_edit

TODAY = date(2026, 11, 18)  # a Wednesday
MONDAY = date(2026, 11, 16)


def notebook() -> Notebook:
    """Two goals, an initiative, and actions of every kind: once, weekly, done, dropped, unlinked."""
    return Notebook(
        goals=[Goal(id="G", statement="Lead a team of ten"), Goal(id="H", statement="Speak at a conference")],
        initiatives=[Initiative(id="I", title="Mentoring pilot", goal_ids=["G"])],
        actions=[
            Action(id="once", title="Book the course", goal_id="G", due=TODAY + timedelta(days=3)),
            Action(id="weekly", title="One-to-ones", goal_id="G", initiative_id="I", recurrence=Recurrence.WEEKLY,
                   start=MONDAY - timedelta(weeks=4), done_on=[MONDAY - timedelta(weeks=2)]),
            Action(id="pilot", title="Write the pilot brief", initiative_id="I", due=TODAY - timedelta(days=1)),
            Action(id="talk", title="Send the talk proposal", goal_id="H", status=ActionStatus.DONE,
                   completed_at=TODAY - timedelta(days=5)),
            Action(id="old", title="Old idea", goal_id="H", status=ActionStatus.DROPPED),
            Action(id="loose", title="Tidy the desk"),
        ],
    )


def _action(nb: Notebook, action_id: str) -> Action:
    action = edit.find(nb.actions, action_id)
    assert action is not None
    return action


ALL = {"once", "weekly", "pilot", "talk", "old", "loose"}

CHANGES: list[tuple[str, Callable[[Notebook], object], set[str]]] = [
    ("nothing", lambda nb: None, set()),
    ("a one-off ticked", lambda nb: mark_done(nb, "once", TODAY), {"once"}),
    ("a date of a series ticked", lambda nb: mark_done(nb, "weekly", TODAY), {"weekly"}),
    ("an earlier date of a series ticked", lambda nb: tick(nb, "weekly", MONDAY - timedelta(weeks=1)),
     {"weekly"}),
    ("a tick undone", lambda nb: undo_done(nb, "weekly", MONDAY - timedelta(weeks=2)), {"weekly"}),
    ("a done action reopened", lambda nb: reopen(nb, "talk"), {"talk"}),
    ("the action renamed", lambda nb: edit.renew(nb.actions, _action(nb, "once"), title="Book the leadership course"), {"once"}),
    ("its hours changed", lambda nb: edit.renew(nb.actions, _action(nb, "pilot"), hours=3), {"pilot"}),
    ("its date moved", lambda nb: edit.renew(nb.actions, _action(nb, "once"), due=TODAY + timedelta(days=9)), {"once"}),
    ("its series ended", lambda nb: edit.renew(nb.actions, _action(nb, "weekly"), end=TODAY - timedelta(days=1)), {"weekly"}),
    ("its goal renamed", lambda nb: edit.assign(nb.goals[0], statement="Lead a team of twelve"), {"once", "weekly"}),
    ("its initiative renamed", lambda nb: edit.assign(nb.initiatives[0], title="Mentoring scheme"), {"weekly", "pilot"}),
    ("a goal no action serves added", lambda nb: nb.goals.append(Goal(id="K", statement="Spare")), set()),
    ("relinked to another goal", lambda nb: edit.renew(nb.actions, _action(nb, "once"), goal_id="H"), {"once"}),
    ("linked to an initiative", lambda nb: edit.renew(nb.actions, _action(nb, "loose"), initiative_id="I"), {"loose"}),
    ("dropped", lambda nb: edit.renew(nb.actions, _action(nb, "pilot"), status=ActionStatus.DROPPED), {"pilot"}),
    ("deleted", lambda nb: edit.remove(nb.actions, "pilot"), set()),
    ("its goal deleted", lambda nb: edit.remove_goal(nb, "H"), {"talk", "old"}),
    ("a new action added", lambda nb: edit.add(nb, "actions", Action(id="new", title="Ask for feedback")), {"new"}),
    ("the actions reordered", lambda nb: nb.actions.reverse(), set()),
]


def _by_id(nb: Notebook, today: date, reuse: LineReuse) -> dict[str, object]:
    return {line.action_id: line for line in action_lines(nb, today, "all", reuse=reuse)}


@pytest.mark.parametrize("change, redone", [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_only_the_lines_a_change_touches_are_worked_out_again(change, redone: set[str]) -> None:
    nb, reuse = notebook(), {}
    before = _by_id(nb, TODAY, reuse)
    change(nb)
    after = _by_id(nb, TODAY, reuse)
    assert {a for a in after if after[a] is not before.get(a)} == redone
    assert action_lines(nb, TODAY, "all", reuse=reuse) == action_lines(nb, TODAY, "all")


@pytest.mark.parametrize("change", [c[1] for c in CHANGES], ids=[c[0] for c in CHANGES])
@pytest.mark.parametrize("show, towards, search", [
    ("todo", None, ""), ("done", None, ""), ("dropped", None, ""), ("all", "goal:G", ""),
    ("all", "initiative:I", ""), ("all", "unlinked", ""), ("todo", None, "  ONE "),
])
def test_filtered_lists_sharing_the_dict_are_the_ones_worked_out_afresh(change, show, towards, search) -> None:
    nb, reuse = notebook(), {}
    action_lines(nb, TODAY, "all", reuse=reuse)
    action_lines(nb, TODAY, show, towards, search, reuse=reuse)
    change(nb)
    assert action_lines(nb, TODAY, show, towards, search, reuse=reuse) == action_lines(nb, TODAY, show, towards, search)


@pytest.mark.parametrize("change", [c[1] for c in CHANGES], ids=[c[0] for c in CHANGES])
@pytest.mark.parametrize("goal_id", ["G", "H"])
def test_a_goals_steps_due_sharing_the_dict_are_the_ones_worked_out_afresh(change, goal_id) -> None:
    """Progress lists a goal's steps due with the lines Plan keeps: the same dict, the same answer;
    and with the actions by goal that its progress keeps (a Grouping), grouped again after the change."""
    nb, reuse, grouping = notebook(), {}, Grouping()
    action_lines(nb, TODAY, "all", reuse=reuse)
    due_soon(nb, goal_id, TODAY, reuse=reuse, by_goal=grouping.actions_of(nb.actions))
    change(nb)
    assert due_soon(nb, goal_id, TODAY, reuse=reuse, by_goal=grouping.actions_of(nb.actions)) == due_soon(nb, goal_id, TODAY)
    assert action_lines(nb, TODAY, "all", reuse=reuse) == action_lines(nb, TODAY, "all")


def test_a_new_day_works_every_line_out_again_and_a_deleted_action_is_let_go() -> None:
    nb, reuse = notebook(), {}
    before = _by_id(nb, TODAY, reuse)
    after = _by_id(nb, TODAY + timedelta(days=1), reuse)
    assert all(after[a] is not before[a] for a in after)
    assert after == _by_id(nb, TODAY + timedelta(days=1), {})
    edit.remove(nb.actions, "pilot")
    action_lines(nb, TODAY, "todo", reuse=reuse)
    assert set(reuse) == ALL - {"pilot"}


def test_a_filtered_list_keeps_the_lines_it_does_not_show() -> None:
    nb, reuse = notebook(), {}
    before = _by_id(nb, TODAY, reuse)
    action_lines(nb, TODAY, "done", reuse=reuse)
    assert set(reuse) == ALL
    assert _by_id(nb, TODAY, reuse)["once"] is before["once"]


def test_what_a_line_is_keyed_by_holds_values_not_the_action() -> None:
    """Every field of an action is kept by value: a key can be hashed (no list, dict or model inside
    it that a later edit could change), and changing the action leaves a key already made alone."""
    action = _action(notebook(), "weekly")
    key = _inputs(action, TODAY, "Goal: Lead a team of ten")
    hash(key)
    changed = edit.changed(action, done_on=[*action.done_on, MONDAY], title="Skip-levels")
    assert key == _inputs(_action(notebook(), "weekly"), TODAY, "Goal: Lead a team of ten")
    assert key != _inputs(changed, TODAY, "Goal: Lead a team of ten")


LINE_EDITS = [
    lambda nb, d: mark_done(nb, pick(d, nb.actions).id, d.draw(days)),
    lambda nb, d: tick(nb, pick(d, nb.actions).id, d.draw(days)),
    lambda nb, d: undo_done(nb, (a := pick(d, nb.actions)).id, pick(d, a.done_on)),
    lambda nb, d: reopen(nb, pick(d, nb.actions).id),
    lambda nb, d: edit.renew(nb.actions, pick(d, nb.actions), title=d.draw(words)),
    lambda nb, d: edit.renew(nb.actions, pick(d, nb.actions), status=d.draw(st.sampled_from(list(ActionStatus)))),
    lambda nb, d: edit.renew(nb.actions, pick(d, nb.actions), due=d.draw(st.none() | days)),
    lambda nb, d: edit.renew(nb.actions, pick(d, nb.actions), hours=d.draw(st.sampled_from([0.5, 1, 2]))),
    lambda nb, d: edit.renew(nb.actions, pick(d, nb.actions), goal_id=pick(d, [None, *(g.id for g in nb.goals)])),
    lambda nb, d: edit.renew(nb.actions, pick(d, nb.actions), initiative_id=pick(d, [None, *(i.id for i in nb.initiatives)])),
    lambda nb, d: edit.assign(pick(d, nb.goals), statement=d.draw(words)),
    lambda nb, d: edit.assign(pick(d, nb.initiatives), title=d.draw(words)),
    lambda nb, d: edit.remove_goal(nb, pick(d, nb.goals).id),
    lambda nb, d: edit.remove(nb.actions, pick(d, nb.actions).id),
    lambda nb, d: nb.actions.reverse(),
    lambda nb, d: edit.add(nb, "initiatives", Initiative(id=new_id(), title=d.draw(words))),
    lambda nb, d: edit.add(nb, "actions", Action(id=new_id(), title=d.draw(words), due=d.draw(st.none() | days))),
    lambda nb, d: edit.add(nb, "actions", Action(
        id=new_id(), title=d.draw(words), recurrence=d.draw(st.sampled_from([r for r in Recurrence if r.value != "none"])),
        start=(start := d.draw(days)), end=d.draw(st.none() | st.dates(start, start + timedelta(days=400))))),
]

FILTERS = st.tuples(st.sampled_from(["todo", "done", "dropped", "all"]),
                    st.sampled_from([None, "unlinked", "goal:S0", "goal:L0", "initiative:I0"]),
                    st.sampled_from(["", "a", " B "]))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notebooks(), st.data())
def test_after_any_edits_the_reused_lines_are_the_ones_worked_out_afresh(base: Notebook, data: st.DataObject) -> None:
    nb, reuse = base.model_copy(deep=True), {}
    edit.add(nb, "initiatives", Initiative(id="I0", title="Pilot"))
    for today in after_each_edit(nb, data, LINE_EDITS):
        show, towards, search = data.draw(FILTERS)
        assert action_lines(nb, today, show, towards, search, reuse=reuse) == \
            action_lines(nb, today, show, towards, search)
        assert set(reuse) <= {a.id for a in nb.actions}
