"""Alignment: objectives in use, removing an objective unlinks it, and a goal's links in words."""

from __future__ import annotations

import pytest

from career_core.alignment import alignment, objective_usage, unlink_objective
from career_core.edit import remove
from career_core.models import Goal, Notebook, OrgObjective


def notebook():
    return Notebook(
        org_objectives=[OrgObjective(id="o1", title="On-time delivery"), OrgObjective(id="o2", title="Grow north")],
        goals=[
            Goal(id="g1", statement="a", objective_ids=["o1", "o2"]),
            Goal(id="g2", statement="b", objective_ids=["o1"]),
            Goal(id="g3", statement="c", objective_ids=["o1"], status="dropped"),
        ],
    )


def test_usage_counts_goals_that_are_not_dropped():
    assert objective_usage(notebook()) == {"o1": 2, "o2": 1}


@pytest.mark.parametrize(
    ("links", "left"),
    [
        ([["o1", "o2"], ["o1"], ["o1"]], [["o2"], [], []]),  # every goal that names it
        ([["o1", "o2", "o1"], ["o1", "o1"], []], [["o2"], [], []]),  # named twice (a file imported so): both go
        ([["o2"], [], ["o2", "o2"]], [["o2"], [], ["o2", "o2"]]),  # not named: nothing changes
    ],
    ids=["linked", "linked twice", "not linked"],
)
def test_removing_an_objective_unlinks_every_goal(links, left):
    nb = notebook()
    # Set unvalidated, as a merge's copies are: validation would already keep each link once.
    nb.goals[:] = [goal.model_copy(update={"objective_ids": ids}) for goal, ids in zip(nb.goals, links, strict=True)]
    remove(nb.org_objectives, "o1")
    unlink_objective(nb, "o1")
    assert [o.id for o in nb.org_objectives] == ["o2"]
    assert [g.objective_ids for g in nb.goals] == left
    Notebook.model_validate_json(nb.to_json())  # consistent: no goal points at the objective removed


@pytest.mark.parametrize(
    ("goal", "described", "linked"),
    [
        (Goal(statement="x"), "nothing yet", False),
        (Goal(statement="x", supports_vision=True), "my vision", True),
        (Goal(statement="x", values=["Growth"]), "value Growth", True),
        (Goal(statement="x", values=["Growth", "Trust"], objective_ids=["o2", "gone"]),
         "values Growth, Trust; objective Grow north", True),
        (Goal.model_validate_json('{"statement": "x", "values": ["Trust", "Trust"], "objective_ids": ["o1", "o2", "o1"]}'),
         "value Trust; objectives On-time delivery, Grow north", True),  # a file naming them twice: said once
    ],
    ids=["nothing", "the vision", "a value", "values and an objective", "named twice in a file"],
)
def test_alignment_says_what_a_goal_serves(goal, described, linked):
    result = alignment(goal, notebook())
    assert result.describe() == described
    assert (result.describe() != "nothing yet") is linked
