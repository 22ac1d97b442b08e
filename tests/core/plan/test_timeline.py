"""The timeline as a specification: its rows, its marks and the span of each view."""

from __future__ import annotations

import pytest

from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    Goal,
    GoalHorizon,
    GoalStatus,
    Initiative,
    InitiativeStatus,
    JournalEntry,
    Metric,
    Notebook,
    Vision,
)
from career_core.plan.actions import action_dates
from career_core.plan.timeline import MAX_ROWS, timeline, timeline_span
from tests.core.plan.cases import TODAY, D, days, notebook, once, weekly

# --- timeline -----------------------------------------------------------------------------


def _span(nb, span="quarter"):
    return timeline_span(nb, TODAY, span)


def test_an_empty_plan_has_an_empty_timeline():
    nb = Notebook(title="Empty")
    tl = timeline(nb, TODAY, *_span(nb))
    assert [r.kind for r in tl.rows] == ["reviews"]  # only the review cycle
    nb2 = Notebook(title="Empty", goals=[])
    assert timeline(nb2, TODAY, TODAY, TODAY).rows == ()  # no review in a one-day view that holds none


def test_timeline_rows_go_from_initiatives_to_goals_with_their_actions():
    long_term = Goal(id="lt", statement="Head the division by 2030", horizon=GoalHorizon.LONG_TERM,
                     deadline=D(2030, 12, 31), status=GoalStatus.ACTIVE)
    stone = Goal(id="g1", statement="Lead a team of 10 by June 2027", parent_id="lt", deadline=D(2027, 6, 30),
                 start=D(2026, 6, 1), status=GoalStatus.ACTIVE, metric=Metric(baseline=5, target=10))
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
        checkins=[CheckIn(goal_id="g1", on=days(-3), value=8)],  # 60% of the way: the 50% milestone holds
        journal=[JournalEntry(on=days(-3), goal_id="g1", milestone=50)],
    )
    tl = timeline(nb, TODAY, *_span(nb))
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
    # Monday's date of the weekly 1:1s went by unticked: overdue until next Monday (career_core.due)
    assert ("action:" + nb.actions[0].id, "todo") in kinds and ("action:" + nb.actions[0].id, "overdue") in kinds
    weekly_marks = [m.on for m in tl.marks if m.row == "action:" + nb.actions[0].id]
    assert weekly_marks == action_dates(nb.actions[0], tl.start, tl.end)
    finished = timeline(nb, TODAY, *_span(nb), include_finished=True)
    assert {"Pass the exam", "Done thing"} <= {r.label for r in finished.rows}
    # the same road in words, for people who do not read charts
    words = {row.label: (row.depth, row.text) for row in tl.in_words()}
    assert words["Routing pilot"] == (0, "active · 19 Oct → 17 Jan 2027")
    assert words["Pilot data"] == (1, "to do · next: 23 Nov (to do)")
    assert words["Weekly 1:1s"][1].startswith("to do · 16 Nov → ") and "next: 23 Nov (to do), 30 Nov (to do)" in words["Weekly 1:1s"][1]
    assert words["Not linked to a goal or initiative"] == (0, "")
    assert tl.notes() == ["3 goals, initiatives or actions have no date yet, so they are not on the timeline.",
                          "Your vision's horizon, Head of Operations (2030), lies beyond this view: choose “To my vision”."]


def test_open_actions_of_a_finished_goal_stay_under_its_name():
    done_goal = Goal(id="g2", statement="Pass the exam", deadline=days(-30), status=GoalStatus.ACHIEVED)
    nb = notebook()
    nb.goals.append(done_goal)
    nb.actions.append(once("Send the certificate to HR", due=days(3), goal_id="g2"))
    rows = timeline(nb, TODAY, *_span(nb)).rows
    header = next(r for r in rows if r.key == "goal:g2")
    assert header.start is None and header.status == "achieved"  # a heading without a bar
    assert [r.label for r in rows][rows.index(header) + 1] == "Send the certificate to HR"


def test_a_crowded_timeline_puts_actions_on_their_goal_row():
    nb = notebook(actions=[once(f"Task {i}", due=days(i % 80)) for i in range(MAX_ROWS + 1)])
    tl = timeline(nb, TODAY, *_span(nb))
    assert tl.collapsed and tl.actions == MAX_ROWS + 1
    assert [r.kind for r in tl.rows] == ["reviews", "goal"]
    assert sum(1 for m in tl.marks if m.row == "goal:g1" and m.kind == "todo") == MAX_ROWS + 1
    small = notebook(actions=[once(f"Task {i}", due=days(i)) for i in range(MAX_ROWS)])
    assert not timeline(small, TODAY, *_span(small)).collapsed


def test_a_crowded_row_has_one_mark_per_day_and_kind_that_counts_the_actions():
    nb = notebook(actions=[weekly(f"Step {i}", hours=0.25) for i in range(10 * MAX_ROWS)])
    tl = timeline(nb, TODAY, *_span(nb))
    on_goal = [m for m in tl.marks if m.row == "goal:g1" and m.kind in ("todo", "missed")]
    assert len({(m.on, m.kind) for m in on_goal}) == len(on_goal)  # no day and kind twice
    assert all(m.label.endswith(f"and {10 * MAX_ROWS - 1} more actions that day") for m in on_goal)


@pytest.mark.parametrize(
    ("span", "end"),
    [("quarter", D(2027, 2, 18)), ("year", D(2027, 11, 18)), ("vision", D(2030, 12, 31)), ("all", D(2030, 12, 31))],
)
def test_timeline_spans(span, end):
    nb = notebook(vision=Vision(horizon_year=2030), actions=[once(due=D(2025, 3, 1))])
    start, stop = timeline_span(nb, TODAY, span)
    assert stop == end
    assert start == (D(2025, 3, 1) if span == "all" else days(-14))
