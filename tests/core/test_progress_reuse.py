"""all_progress(reuse=...) works out again only the goals whose inputs changed, and its answer is
always the one worked out from scratch."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from career_core import edit
from career_core.frozen_runs import RUN
from career_core.models import Action, CheckIn, Direction, Goal, GoalHorizon, GoalStatus, Metric, Notebook, new_id
from career_core.plan.actions import mark_done, reopen, tick
from career_core.progress import Reuse, all_progress
from tests.core.test_merge_properties import EDITS, Edit, days, notebooks, pick

TODAY = date(2026, 6, 1)


def notebook() -> Notebook:
    parent = Goal(id="P", statement="Become a team lead", horizon=GoalHorizon.LONG_TERM,
                  metric=Metric(direction=Direction.DONE))
    stone = Goal(id="S", statement="Run three one-to-ones a week", parent_id="P", metric=Metric(baseline=0, target=3))
    runner = Goal(id="R", statement="Run 20 km a week", metric=Metric(baseline=5, target=20, unit="km"),
                  deadline=date(2026, 12, 31))
    done = Goal(id="D", statement="Publish the handbook", metric=Metric(direction=Direction.DONE))
    return Notebook(
        goals=[parent, stone, runner, done],
        checkins=[CheckIn(goal_id=g, on=TODAY - timedelta(days=d), value=v)
                  for g, d, v in [("S", 30, 1), ("S", 10, 2), ("R", 20, 8), ("R", 5, 11)]],
        actions=[Action(id="A1", title="Draft chapter one", goal_id="D"), Action(id="A2", title="Edit", goal_id="D")],
    )


def _log(nb: Notebook, goal_id: str) -> None:
    nb.checkins.append(CheckIn(goal_id=goal_id, on=TODAY, value=12))


CHANGES: list[tuple[str, Callable[[Notebook], object], set[str]]] = [
    ("nothing", lambda nb: None, set()),
    ("a check-in logged for one goal", lambda nb: _log(nb, "R"), {"R"}),
    ("a check-in replaced by an equal copy", lambda nb: edit.replace(nb.checkins, edit.changed(nb.checkins[2])), set()),
    ("a check-in's value corrected", lambda nb: edit.replace(nb.checkins, edit.changed(nb.checkins[2], value=9)), {"R"}),
    ("a check-in removed", lambda nb: nb.checkins.remove(next(c for c in nb.checkins if c.goal_id == "S")), {"S", "P"}),
    ("a stepping stone logged: its long-term goal too", lambda nb: _log(nb, "S"), {"S", "P"}),
    ("a target changed", lambda nb: edit.assign(nb.goals[2].metric, target=25), {"R"}),
    ("a baseline corrected", lambda nb: edit.assign(nb.goals[2].metric, baseline=6), {"R"}),
    ("a unit renamed", lambda nb: edit.assign(nb.goals[2].metric, unit="miles"), {"R"}),
    ("a direction turned", lambda nb: edit.assign(nb.goals[1].metric, direction=Direction.AT_LEAST), {"S", "P"}),
    ("a goal paused", lambda nb: edit.assign(nb.goals[2], status=GoalStatus.PAUSED), {"R"}),
    ("a start set", lambda nb: edit.assign(nb.goals[2], start=TODAY - timedelta(days=60)), {"R"}),
    ("a deadline moved", lambda nb: edit.assign(nb.goals[2], deadline=date(2027, 3, 1)), {"R"}),
    ("a statement reworded", lambda nb: edit.assign(nb.goals[3], statement="Publish the team handbook"), {"D"}),
    ("a goal's action done", lambda nb: mark_done(nb, nb.actions[0].id, TODAY), {"D"}),
    ("a day of an action ticked (no step changes)", lambda nb: tick(nb, nb.actions[1].id, TODAY), set()),
    ("an action renamed (no step changes)", lambda nb: edit.renew(nb.actions, nb.actions[0], title="Draft the first chapter"),
     set()),
    ("the goals reordered", lambda nb: nb.goals.reverse(), set()),
]


def years(nb: Notebook) -> Notebook:
    """The notebook after years of check-ins: several runs of them (career_core.frozen_runs)."""
    nb.checkins[:0] = [CheckIn(goal_id=g, on=TODAY - timedelta(days=400 + i), value=i % 5)
                       for i, g in zip(range(3 * RUN + 7), itertools.cycle("RS"), strict=False)]
    return nb


@pytest.mark.parametrize("build", [notebook, lambda: years(notebook())], ids=["a few check-ins", "years of them"])
@pytest.mark.parametrize("change, redone", [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_only_the_goals_a_change_touches_are_worked_out_again(build, change, redone: set[str]) -> None:
    nb, reuse = build(), Reuse()
    before = all_progress(nb, TODAY, reuse=reuse)
    change(nb)
    after = all_progress(nb, TODAY, reuse=reuse)
    assert {g for g in after if after[g] is not before[g]} == redone
    assert after == all_progress(nb, TODAY)


def test_a_new_day_works_every_goal_out_again_and_a_deleted_goal_is_let_go() -> None:
    nb, reuse = notebook(), Reuse()
    before = all_progress(nb, TODAY, reuse=reuse)
    after = all_progress(nb, TODAY + timedelta(days=1), reuse=reuse)
    assert all(after[g] is not before[g] for g in after)
    edit.remove_goal(nb, "R")
    all_progress(nb, TODAY, reuse=reuse)
    assert set(reuse.goals) == {"P", "S", "D"}


PROGRESS_EDITS = [
    *EDITS,
    lambda nb, d: nb.checkins.append(CheckIn(id=new_id(), goal_id=pick(d, nb.goals).id, on=d.draw(days),
                                             value=d.draw(st.integers(0, 100)))),
    lambda nb, d: edit.assign(pick(d, nb.goals).metric, baseline=d.draw(st.integers(0, 100))),
    lambda nb, d: edit.assign(pick(d, nb.goals).metric, direction=d.draw(st.sampled_from(list(Direction)))),
    lambda nb, d: edit.assign(pick(d, nb.goals).metric, unit=d.draw(st.sampled_from(["", "km", "%"]))),
    lambda nb, d: nb.actions.append(Action(id=new_id(), title="Step", goal_id=pick(d, nb.goals).id)),
    lambda nb, d: edit.renew(nb.actions, pick(d, nb.actions), goal_id=pick(d, nb.goals).id),
    lambda nb, d: edit.assign(pick(d, nb.goals), parent_id=None),
    lambda nb, d: mark_done(nb, pick(d, nb.actions).id, d.draw(days)),
    lambda nb, d: reopen(nb, pick(d, nb.actions).id),
]


def after_each_edit(nb: Notebook, data: st.DataObject, edits: list[Edit]) -> Iterator[date]:
    """Make a run of random edits to `nb`, yielding the day it is looked at after each one the app
    would make (an edit it would refuse, or with nothing to edit, is left out); now and then a new day."""
    today = data.draw(days)
    for _ in range(data.draw(st.integers(1, 8))):
        change = data.draw(st.sampled_from(edits))
        try:
            change(nb, data)
        except (LookupError, ValidationError, ValueError):
            continue
        if data.draw(st.booleans()):
            today = data.draw(days)
        yield today


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notebooks(), st.data())
def test_after_any_edits_the_reused_answer_is_the_one_worked_out_afresh(base: Notebook, data: st.DataObject) -> None:
    nb, reuse = base.model_copy(deep=True), Reuse()
    for today in after_each_edit(nb, data, PROGRESS_EDITS):
        assert all_progress(nb, today, reuse=reuse) == all_progress(nb, today)


def test_what_is_kept_is_each_goals_answer_and_the_runs_of_the_last_call() -> None:
    nb, reuse = years(notebook()), Reuse()
    all_progress(nb, TODAY, reuse=reuse)
    assert set(reuse.goals) == {"P", "S", "R", "D"} and len(reuse.runs) == 4
    nb.checkins[:] = nb.checkins[-3:]  # a run's worth and more removed: their runs are let go
    all_progress(nb, TODAY, reuse=reuse)
    assert len(reuse.runs) == 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["add", "remove", "replace", "move"]), st.integers(0, 10_000),
                          st.sampled_from("PSRD")), max_size=10))
def test_after_any_edits_to_years_of_check_ins_the_reused_answer_is_the_fresh_one(
        edits: list[tuple[str, int, str]]) -> None:
    nb, reuse = years(notebook()), Reuse()
    for kind, at, goal_id in edits:
        asked = {goal_id, "P"}  # a save's milestone check asks for its goal alone, with what is kept
        assert all_progress(nb, TODAY, only=asked, reuse=reuse) == all_progress(nb, TODAY, only=asked)
        n = len(nb.checkins)
        if kind == "add" or not n:
            nb.checkins.insert(at % (n + 1), CheckIn(goal_id=goal_id, on=TODAY - timedelta(days=at % 900), value=at % 7))
        elif kind == "remove":
            nb.checkins.pop(at % n)
        elif kind == "replace":
            nb.checkins[at % n] = edit.changed(nb.checkins[at % n], goal_id=goal_id, value=at % 9)
        else:
            nb.checkins.append(nb.checkins.pop(at % n))
        assert all_progress(nb, TODAY, reuse=reuse) == all_progress(nb, TODAY)


def _deeper(nb: Notebook) -> Notebook:
    """A done-goal over a done-goal over a measured one: the top one's progress depends on a goal
    two levels down, so "only" must reach it."""
    edit.assign(nb.goals[1], metric=Metric(direction=Direction.DONE))
    nb.checkins[:] = [c for c in nb.checkins if c.goal_id != "S"]
    nb.goals.append(Goal(id="T", statement="Hold 12 one-to-ones", parent_id="S", metric=Metric(baseline=0, target=12)))
    nb.checkins.append(CheckIn(goal_id="T", on=TODAY, value=12))
    return nb


@pytest.mark.parametrize("build", [notebook, lambda: _deeper(notebook())], ids=["the notebook", "stones two deep"])
@pytest.mark.parametrize("only", [{"P"}, {"S"}, {"R"}, {"D"}, {"P", "R"}, {"T"}, set()],
                         ids=["a long-term goal", "its stepping stone", "a measured goal", "a done-goal",
                              "two goals", "the deepest stone", "none"])
@pytest.mark.parametrize("kept", [False, True], ids=["afresh", "with what a session keeps"])
def test_a_few_goals_asked_for_get_what_the_whole_notebook_gives_them(build, only: set[str], kept: bool) -> None:
    nb, reuse = build(), Reuse() if kept else None
    whole = all_progress(nb, TODAY)
    if reuse is not None:
        all_progress(years(build()), TODAY, reuse=reuse)  # another notebook's runs and answers kept
    assert all_progress(nb, TODAY, only=only, reuse=reuse) == {g: gp for g, gp in whole.items() if g in only}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notebooks(), st.data())
def test_any_goal_asked_for_alone_gets_what_the_whole_notebook_gives_it(nb: Notebook, data: st.DataObject) -> None:
    today = data.draw(days)
    only = {g.id for g in nb.goals if data.draw(st.booleans())}
    whole = all_progress(nb, today)
    assert all_progress(nb, today, only=only) == {g: gp for g, gp in whole.items() if g in only}


KEPT_ACROSS = [
    ("a check-in logged", lambda nb: _log(nb, "R"), True, True),
    ("a check-in of an earlier run corrected", lambda nb: edit.replace(nb.checkins, edit.changed(nb.checkins[3], value=4)),
     False, True),
    ("a check-in of an earlier run removed", lambda nb: nb.checkins.pop(5), False, True),
    ("an action renamed", lambda nb: edit.renew(nb.actions, nb.actions[0], title="Draft the first chapter"), True, False),
    ("an action added", lambda nb: nb.actions.append(Action(title="Proofread", goal_id="D")), True, False),
]


@pytest.mark.parametrize("change, earlier_kept, actions_kept", [c[1:] for c in KEPT_ACROSS], ids=[c[0] for c in KEPT_ACROSS])
def test_what_a_change_leaves_as_it_was_stays_grouped(change, earlier_kept: bool, actions_kept: bool) -> None:
    """The check-ins of every run but the last, and the actions, are grouped by goal once and kept
    while they hold the same entries: a check-in logged groups only the last run's again."""
    nb, reuse = years(notebook()), Reuse()
    all_progress(nb, TODAY, reuse=reuse)
    earlier, actions = reuse.grouping.earlier.value, reuse.grouping.actions
    change(nb)
    assert all_progress(nb, TODAY, reuse=reuse) == all_progress(nb, TODAY)
    assert (reuse.grouping.earlier.value is earlier, reuse.grouping.actions is actions) == (earlier_kept, actions_kept)


def _oldest(nb: Notebook, goal_id: str) -> CheckIn:
    return min((c for c in nb.checkins if c.goal_id == goal_id), key=lambda c: c.on)


def _latest(nb: Notebook, goal_id: str) -> CheckIn:
    return max((c for c in nb.checkins if c.goal_id == goal_id), key=lambda c: c.on)


POINTS_KEPT = [
    # (what changed, the change, which of the goal's points after it are last time's very objects)
    ("a check-in logged today", lambda nb: _log(nb, "R"), "all but the new one"),
    ("the latest value corrected", lambda nb: edit.replace(nb.checkins, edit.changed(_latest(nb, "R"), value=13)),
     "all but the last"),
    ("the latest check-in removed", lambda nb: nb.checkins.remove(_latest(nb, "R")), "all"),
    ("a check-in without a value logged", lambda nb: nb.checkins.append(CheckIn(goal_id="R", on=TODAY, note="Rest week")),
     "all"),
    ("the oldest check-in removed: every later point moves up a place", lambda nb: nb.checkins.remove(_oldest(nb, "R")),
     "none"),
]


@pytest.mark.parametrize("change, kept", [c[1:] for c in POINTS_KEPT], ids=[c[0] for c in POINTS_KEPT])
def test_a_goal_worked_out_again_keeps_the_points_that_did_not_change(change, kept: str) -> None:
    """A check-in adds one point to a goal's hundreds: the others are last time's objects, not new
    ones for the garbage collector to follow. A point is matched by its place among the goal's."""
    nb, reuse = years(notebook()), Reuse()
    before = all_progress(nb, TODAY, reuse=reuse)["R"].points
    change(nb)
    after = all_progress(nb, TODAY, reuse=reuse)["R"]
    assert after == all_progress(nb, TODAY)["R"]
    same = [p is q for p, q in zip(after.points, before, strict=False)]
    expected = {"all": [True] * len(after.points), "none": [False] * len(after.points),
                "all but the new one": [True] * (len(after.points) - 1),
                "all but the last": [True] * (len(after.points) - 1) + [False]}[kept]
    assert same == expected
