"""Goal reports: each goal scored with its own fields, listed with status and links, the same on Home."""

from __future__ import annotations

from datetime import date

import pytest

from career_core.dashboard import glance
from career_core.goal_reports import (
    criteria_line,
    draft_report,
    goal_rows,
    report_for,
    reports,
)
from career_core.models import Goal, GoalStatus, Metric, Notebook, OrgObjective
from career_core.smart import badge

TODAY = date(2026, 11, 22)
SHARP = "Complete the Kestrel leadership programme by June 2027"
VAGUE = "Get better at leadership"


def notebook(*goals: Goal, **parts) -> Notebook:
    return Notebook(goals=list(goals), **parts)


@pytest.mark.parametrize(
    ("fields", "a", "r"),
    [
        ({}, "unknown", "unknown"),
        ({"confidence": 9}, "met", "unknown"),
        ({"confidence": 3}, "missing", "unknown"),
        ({"values": ["Growth"]}, "unknown", "met"),
        ({"objective_ids": ["o1"]}, "unknown", "met"),
    ],
)
def test_a_goal_is_scored_with_its_own_fields(fields, a, r):
    goal = Goal(statement=SHARP, **fields)
    nb = notebook(goal, org_objectives=[OrgObjective(id="o1", title="Grow leaders from within")])
    report = report_for(goal, nb, TODAY)
    assert (report.criteria["A"].level, report.criteria["R"].level) == (a, r)


def test_a_draft_is_scored_with_what_is_known_of_it():
    report = draft_report(notebook(), SHARP, TODAY, deadline=date(2027, 6, 30), metric=Metric(name="Modules"))
    assert report.is_smart and report.deadline == date(2027, 6, 30)
    assert not draft_report(notebook(), VAGUE, TODAY).is_smart


def test_criteria_are_summed_up_in_symbols():
    assert criteria_line(report_for(Goal(statement=VAGUE), notebook(), TODAY)) == "S ✗ · M ✗ · A ? · R ? · T ✗"


def test_rows_list_live_goals_first_long_term_before_stepping_stones():
    lt = Goal(id="lt", statement="Head the division by 2030", horizon="long_term", status="active")
    goals = [
        Goal(id="done", statement="Pass the PMP exam by May 2026", status="achieved"),
        Goal(id="draft", statement=VAGUE),
        Goal(id="stone", statement=SHARP, parent_id="lt", status="active", deadline=date(2027, 6, 30)),
        lt,
    ]
    nb = notebook(*goals)
    rows = goal_rows(nb, reports(nb, TODAY))
    assert [r.goal_id for r in rows] == ["lt", "stone", "draft", "done"]
    stone = rows[1]
    # its long-term goal makes it relevant, which lifts the score above the bare sentence's 88; without a
    # confidence it is sharp but not SMART: the badge means all five (career_core.smart.badge)
    assert (stone.parent, stone.score, stone.is_smart) == ("Head the division by 2030", 94, False)
    assert stone.verdict is not None and stone.verdict.label == "Sharp wording" and stone.verdict.needs == ("confidence",)
    nb.goals[2].confidence = 8
    sure = goal_rows(nb, reports(nb, TODAY))[1]
    assert (sure.is_smart, sure.verdict.label) == (True, "SMART")
    assert [label for label, _ in stone.actions] == ["Mark achieved", "Pause", "Drop"]
    assert [r.goal_id for r in goal_rows(nb, reports(nb, TODAY), [GoalStatus.DRAFT])] == ["draft"]


def test_home_shows_the_same_score_as_the_goals_page():
    goal = Goal(statement=SHARP, confidence=9, status="active")
    nb = notebook(goal)
    (line,) = glance(nb, TODAY).goals
    report = report_for(goal, nb, TODAY)
    (row,) = goal_rows(nb, reports(nb, TODAY))
    # one badge rule everywhere: the scorer's is_smart lets an unknown R pass, the badge does not
    assert (line.score, line.is_smart, line.badge) == (row.score, row.is_smart, row.verdict.label) \
        == (report.overall, badge(report).smart, badge(report).label) == (94, False, "Sharp wording")
    nb.goals[0].why = "Leading ten is the step the division role asks for."
    nb.goals[0].supports_vision = True
    (line,) = glance(nb, TODAY).goals
    assert (line.is_smart, line.badge) == (True, "SMART")
