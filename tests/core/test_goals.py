"""Goal rules: statuses, stepping stones, wordings and their history, the goal map, focus."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from career_core.goals import (
    FOCUS_LIMIT,
    LOOSE_NODE,
    TRANSITIONS,
    VISION_NODE,
    add_goal,
    focus,
    goal_map,
    history,
    parent_choices,
    reword,
    set_horizon,
    set_parent,
    set_status,
)
from career_core.models import (
    Goal,
    GoalHorizon,
    GoalRevision,
    GoalStatus,
    Metric,
    Notebook,
    Vision,
)

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 1, 9, 9, 0, tzinfo=UTC)
T2 = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)


def goal(gid: str, horizon: str = "short_term", parent: str | None = None, status: str = "active", **extra) -> Goal:
    return Goal(id=gid, statement=extra.pop("statement", f"Goal {gid}"), horizon=horizon, parent_id=parent,
                status=status, **extra)


def notebook(*goals: Goal, **parts) -> Notebook:
    return Notebook(goals=list(goals), **parts)


# --- statuses ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        ("draft", "active", True),
        ("draft", "dropped", True),
        ("draft", "achieved", False),  # make it a real goal first
        ("active", "achieved", True),
        ("active", "paused", True),
        ("active", "dropped", True),
        ("paused", "active", True),
        ("paused", "achieved", False),
        ("achieved", "active", True),
        ("achieved", "dropped", False),
        ("dropped", "draft", True),
        ("dropped", "active", False),
        ("active", "active", True),  # nothing to do, nothing wrong
    ],
)
def test_what_each_status_allows(start, target, allowed):
    g = goal("g", status=start)
    if allowed:
        set_status(g, GoalStatus(target))
        assert g.status is GoalStatus(target)
    else:
        with pytest.raises(ValueError, match="^status: "):
            set_status(g, GoalStatus(target))
        assert g.status is GoalStatus(start)


def test_every_status_offers_a_way_out():
    assert set(TRANSITIONS) == set(GoalStatus)
    assert all(TRANSITIONS[s] for s in GoalStatus)


# --- stepping stones -----------------------------------------------------------------------------


def test_parents_are_long_term_goals_other_than_itself_and_not_dropped():
    nb = notebook(goal("lt1", "long_term"), goal("lt2", "long_term", status="dropped"), goal("st", parent="lt1"),
                  goal("lt3", "long_term"))
    assert [g.id for g in parent_choices(nb)] == ["lt1", "lt3"]
    assert [g.id for g in parent_choices(nb, nb.goal("lt3"))] == ["lt1"]
    linked = goal("st2", parent="lt2")
    nb.goals.append(linked)
    assert [g.id for g in parent_choices(nb, linked)] == ["lt1", "lt2", "lt3"]  # keeps the current link visible


@pytest.mark.parametrize(
    ("parent", "message"),
    [
        ("lt", None),
        (None, None),
        ("st-other", "stepping stones belong to a long-term goal"),
        ("gone", "no longer exists"),
        ("st", "its own stepping stone"),
    ],
)
def test_a_stepping_stone_hangs_under_a_long_term_goal(parent, message):
    nb = notebook(goal("lt", "long_term"), goal("st"), goal("st-other"))
    if message is None:
        set_parent(nb, nb.goal("st"), parent)
        assert nb.goal("st").parent_id == parent
    else:
        with pytest.raises(ValueError, match=f"^parent_id: .*{message}"):
            set_parent(nb, nb.goal("st"), parent)
        assert nb.goal("st").parent_id is None


def test_a_long_term_goal_has_no_parent_and_keeps_its_stepping_stones():
    nb = notebook(goal("lt", "long_term"), goal("lt2", "long_term"), goal("st", parent="lt"))
    set_horizon(nb, nb.goal("st"), GoalHorizon.LONG_TERM)
    assert nb.goal("st").horizon is GoalHorizon.LONG_TERM and nb.goal("st").parent_id is None
    nb.goal("st").__dict__["horizon"] = GoalHorizon.SHORT_TERM
    set_parent(nb, nb.goal("st"), "lt")
    with pytest.raises(ValueError, match="^horizon: this goal has 1 stepping stone;"):
        set_horizon(nb, nb.goal("lt"), GoalHorizon.SHORT_TERM)
    set_horizon(nb, nb.goal("lt2"), GoalHorizon.SHORT_TERM)
    assert nb.goal("lt2").horizon is GoalHorizon.SHORT_TERM


# --- new goals and their wordings ----------------------------------------------------------------


def test_a_new_goal_starts_its_history_with_its_first_wording():
    nb = notebook(goal("lt", "long_term"))
    g = add_goal(nb, "  Lead a team of 10 by 2028 ", 80, parent_id="lt", deadline=date(2028, 1, 1), now=T0,
                 metric=Metric(name="People", unit="people"), status=GoalStatus.ACTIVE)
    assert nb.goals[-1] is g
    assert (g.statement, g.parent_id, g.status, g.metric.name) == ("Lead a team of 10 by 2028", "lt",
                                                                     GoalStatus.ACTIVE, "People")
    assert [(r.statement, r.score, r.at) for r in g.revisions] == [("Lead a team of 10 by 2028", 80, T0)]


@pytest.mark.parametrize(
    ("statement", "parent", "error"),
    [("   ", None, ValidationError), ("Lead a team", "nope", ValueError)],
)
def test_a_new_goal_that_is_not_valid_is_not_added(statement, parent, error):
    nb = notebook()
    with pytest.raises(error):
        add_goal(nb, statement, 10, parent_id=parent)
    assert nb.goals == []


def test_a_long_term_goal_is_never_added_under_a_parent():
    nb = notebook(goal("lt", "long_term"))
    g = add_goal(nb, "Head the division by 2030", 70, horizon=GoalHorizon.LONG_TERM, parent_id="lt")
    assert g.parent_id is None


def test_each_new_wording_is_kept_with_its_score():
    g = goal("g", statement="Get better at leadership", created_at=T0,
             revisions=[GoalRevision(at=T0, statement="Get better at leadership", score=12)])
    assert reword(g, "Complete the leadership course", 55, previous_score=12, now=T1)
    assert reword(g, "Complete the leadership course by June 2027", 85, previous_score=55, now=T2)
    assert not reword(g, "  Complete the leadership course by June 2027 ", 85, now=T2)  # unchanged
    assert g.statement == "Complete the leadership course by June 2027"
    assert [(r.statement, r.score) for r in g.revisions] == [
        ("Get better at leadership", 12), ("Complete the leadership course", 55),
        ("Complete the leadership course by June 2027", 85)]


def test_a_goal_from_before_histories_gets_its_old_wording_first():
    g = goal("g", statement="Be a director one day", created_at=T0)
    reword(g, "Become director of operations by 2030", 80, previous_score=9, now=T1)
    assert [(r.statement, r.score, r.at) for r in g.revisions] == [
        ("Be a director one day", 9, T0), ("Become director of operations by 2030", 80, T1)]


def test_an_empty_wording_is_refused_and_nothing_changes():
    g = goal("g", statement="Lead a team of 10")
    with pytest.raises(ValidationError):
        reword(g, "   ", 0, previous_score=50)
    assert (g.statement, g.revisions) == ("Lead a team of 10", [])


@given(st.lists(st.text(alphabet="abc ", min_size=1, max_size=6).filter(str.strip), min_size=1, max_size=25))
def test_history_always_ends_with_the_current_wording(wordings):
    g = goal("g", statement="start", created_at=T0)
    for n, text in enumerate(wordings):
        reword(g, text, n, previous_score=None)
    points = history(g, 99)
    assert points[-1].statement == g.statement and points[-1].current
    assert [p.number for p in points] == list(range(1, len(points) + 1))
    assert sum(p.current for p in points) == 1


@pytest.mark.parametrize(
    ("revisions", "statement", "expected"),
    [
        ([], "Lead a team", [("Lead a team", 77, True)]),
        # the current wording shows today's score (its fields may have sharpened it since)
        ([("Lead a team", 40)], "Lead a team", [("Lead a team", 77, True)]),
        ([("Old", 10), ("Lead a team", 40)], "Lead a team", [("Old", 10, False), ("Lead a team", 77, True)]),
        # imported with a wording the history never saw: the current one is added with today's score
        ([("Old", 10)], "Lead a team", [("Old", 10, False), ("Lead a team", 77, True)]),
    ],
)
def test_history_points(revisions, statement, expected):
    g = goal("g", statement=statement, revisions=[GoalRevision(at=T0, statement=s, score=v) for s, v in revisions])
    assert [(p.statement, p.score, p.current) for p in history(g, 77)] == expected


# --- goal map ------------------------------------------------------------------------------------


def test_the_map_reads_vision_then_each_long_term_goal_with_its_stepping_stones():
    nb = notebook(
        goal("lt1", "long_term", deadline=date(2030, 1, 1)),
        goal("a", parent="lt1", deadline=date(2027, 6, 1)),
        goal("loose"),
        goal("lt2", "long_term", deadline=date(2029, 1, 1)),
        goal("b", parent="lt2"),
        goal("c", parent="lt1", deadline=date(2027, 1, 1)),
        goal("gone", parent="lt1", status="dropped"),
        vision=Vision(statement="Lead a division", target_role="Head of Operations"),
    )
    nodes = goal_map(nb, {"lt1": 80, "a": 60})
    assert [(n.id, n.parent, n.depth) for n in nodes] == [
        (VISION_NODE, None, 0),
        ("lt2", VISION_NODE, 1), ("b", "lt2", 2),
        ("lt1", VISION_NODE, 1), ("c", "lt1", 2), ("a", "lt1", 2),
        (LOOSE_NODE, VISION_NODE, 1), ("loose", LOOSE_NODE, 2),
    ]
    assert nodes[0].text == "Head of Operations"
    assert {n.id: n.score for n in nodes if n.id in ("lt1", "a", "b")} == {"lt1": 80, "a": 60, "b": None}


def test_dropped_goals_appear_only_when_asked_and_orphans_are_never_lost():
    nb = notebook(goal("lt", "long_term", status="dropped"), goal("a", parent="lt"))
    assert [n.id for n in goal_map(nb, {})] == [VISION_NODE, LOOSE_NODE, "a"]
    assert [n.id for n in goal_map(nb, {}, set(GoalStatus))] == [VISION_NODE, "lt", "a"]


def test_an_empty_vision_still_roots_the_map():
    assert goal_map(notebook(), {})[0].text == "My vision (not written yet)"


# --- focus ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("impact", "motivation", "quadrant"),
    [(5, 5, "Go for it"), (4, 2, "Find your reason, or support"), (2, 4, "Keep it light"), (3, 3, "Pause or drop?")],
)
def test_each_active_goal_lands_in_a_named_quadrant(impact, motivation, quadrant):
    (point,) = focus(notebook(goal("g", impact=impact, motivation=motivation))).points
    assert point.quadrant == quadrant


def test_only_active_goals_count_for_focus():
    nb = notebook(*(goal(str(i), status=s) for i, s in enumerate(["active", "draft", "paused", "achieved", "dropped"])))
    assert [p.goal_id for p in focus(nb).points] == ["0"]


@pytest.mark.parametrize(
    ("active", "warned", "candidates"),
    [(FOCUS_LIMIT - 1, False, 0), (FOCUS_LIMIT, False, 0), (FOCUS_LIMIT + 1, True, 1), (FOCUS_LIMIT + 3, True, 3)],
)
def test_more_than_a_handful_of_active_goals_gets_a_gentle_warning(active, warned, candidates):
    goals = [goal(f"g{i}", impact=1 + i % 5, motivation=5 - i % 5) for i in range(active)]
    result = focus(notebook(*goals))
    assert (result.warning is not None) is warned
    assert len(result.pause_candidates) == candidates
    if warned:
        assert f"You have {active} active goals" in result.warning


def test_the_weakest_goals_are_suggested_for_a_pause():
    goals = [goal(f"g{i}", impact=i, motivation=i) for i in (5, 4, 1, 3, 2)] + [goal("g6", impact=1, motivation=2)]
    assert focus(notebook(*goals)).pause_candidates == ("g1",)
