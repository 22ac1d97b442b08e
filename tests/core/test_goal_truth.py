"""What Waypoint says about a goal is true: the direction follows the numbers, and achievement and
milestones follow the check-ins under the current metric (issue 12's examples, as tables of cases)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from career_core import direction
from career_core.coaching import since_last_session
from career_core.edit import assign
from career_core.exports.notebook_file import read
from career_core.metric import set_numbers
from career_core.milestones import record_milestones, standing_milestones
from career_core.models import CheckIn, Direction, Goal, GoalStatus, JournalEntry, Metric, Notebook
from career_core.plan.timeline import timeline
from career_core.progress import ProgressStatus, all_progress
from career_core.validation import EntryError, build

TODAY = date(2026, 11, 18)
FIRST_REPLY = "Cut our average first-reply time from 8 to 4 hours by 31 March 2027"


@pytest.mark.parametrize(
    ("said", "baseline", "target", "refused"),
    [
        ("increase", 8, 4, True),  # the goal: a target below the baseline is a decrease
        ("decrease", 62, 75, True),
        ("increase", 62, 75, False),
        ("decrease", 8, 4, False),
        ("increase", 5, 5, False),  # equal numbers say nothing
        ("increase", None, 4, False),  # one number says nothing
        ("at_most", 38, 50, False),  # a limit that already holds is no contradiction
        ("at_least", 12, 10, False),
        ("done", 1, 0, False),
    ],
)
def test_a_direction_the_numbers_contradict_is_refused_beside_the_field(said, baseline, target, refused):
    data = {"unit": "hours", "baseline": baseline, "target": target, "direction": said}
    if not refused:
        assert build(Metric, data).direction == said
        return
    with pytest.raises(EntryError) as caught:
        build(Metric, data)
    message = caught.value.problems["direction"]
    assert "Decrease to the target" in message if baseline > target else "Increase to the target" in message
    assert direction.contradiction(said, baseline, target, "hours") == message


@pytest.mark.parametrize(
    ("start", "change", "after"),
    [
        (Metric(baseline=8), {"target": 4}, Direction.DECREASE),  # typed in order, direction left at its default
        (Metric(target=4), {"baseline": 8}, Direction.DECREASE),
        (Metric(baseline=8, target=4, direction=Direction.DECREASE), {"target": 12}, Direction.INCREASE),
        (Metric(baseline=8, target=4, direction=Direction.DECREASE), {"target": 6}, Direction.DECREASE),
        (Metric(baseline=58, direction=Direction.AT_MOST), {"target": 50}, Direction.AT_MOST),  # limits are chosen
    ],
)
def test_changing_a_number_turns_an_increase_or_decrease_to_follow(start, change, after):
    set_numbers(start, **change)
    assert start.direction is after
    assert start.model_dump(include=set(change)) == change


def test_a_stored_contradiction_cannot_be_assigned():
    metric = Metric(baseline=8, target=4, direction=Direction.DECREASE)
    with pytest.raises(ValidationError):
        assign(metric, direction=Direction.INCREASE)
    assert metric.direction is Direction.DECREASE


def test_a_file_written_before_the_rule_opens_with_the_direction_the_numbers_say():
    goal = {"id": "g1", "statement": FIRST_REPLY, "metric": {"baseline": 8, "target": 4, "direction": "increase"}}
    data = Notebook().model_dump(mode="json") | {"goals": [goal]}
    imported = read(json.dumps(data).encode())
    assert imported.notebook.goals[0].metric.direction is Direction.DECREASE
    assert any("follows the numbers" in note for note in imported.notes)
    assert Notebook.from_json(json.dumps(data)).goals[0].metric.direction is Direction.DECREASE


def _first_reply(nb_direction: Direction, value: float) -> tuple[Notebook, Goal]:
    goal = Goal(statement=FIRST_REPLY, status=GoalStatus.ACTIVE, start=date(2026, 10, 1), deadline=date(2027, 3, 31),
                metric=Metric(name="First-reply time", unit="hours", baseline=8, target=4, direction=nb_direction))
    nb = Notebook(goals=[goal], checkins=[CheckIn(goal_id=goal.id, on=date(2026, 11, 16), value=value)])
    return nb, goal


def test_logging_7_towards_4_is_a_quarter_of_the_way_not_achieved():
    nb, goal = _first_reply(Direction.DECREASE, 7)
    gp = all_progress(nb, TODAY)[goal.id]
    assert gp.status is not ProgressStatus.ACHIEVED and gp.percent == 25
    assert [e.milestone for e in record_milestones(nb, [goal.id], TODAY)] == [25]


def test_a_milestone_celebrated_under_a_wrong_metric_is_withdrawn_everywhere_and_never_celebrated_twice():
    """The journal holds a 100% celebrated while the goal said 'increase' (a file from before the rule)."""
    nb, goal = _first_reply(Direction.DECREASE, 7)
    wrong = JournalEntry(on=date(2026, 11, 16), goal_id=goal.id, milestone=100, text=f"Done: “{FIRST_REPLY}”.")
    nb.journal.append(wrong)
    progress = all_progress(nb, TODAY)
    assert standing_milestones(nb, progress) == []  # Progress and the PDF
    assert wrong not in since_last_session(nb, TODAY, date(2026, 11, 1)).moments  # Coach session
    marks = timeline(nb, TODAY, date(2026, 11, 1), date(2026, 12, 31)).marks
    assert not any(m.kind == "milestone" for m in marks)  # the Plan's timeline
    # A quarter of the way is new; the withdrawn 100% is not celebrated again once reached for real.
    assert [e.milestone for e in record_milestones(nb, [goal.id], TODAY)] == [25]
    nb.checkins.append(CheckIn(goal_id=goal.id, on=TODAY, value=4))
    assert record_milestones(nb, [goal.id], TODAY) == []
    assert {j.milestone for j in standing_milestones(nb, all_progress(nb, TODAY))} == {25, 100}


def test_the_report_says_support_is_noted_only_when_support_is_filled():
    from career_core.smart import ScoringContext, score_goal

    report = score_goal("Raise the engagement score from 62 to 75 by 31 May 2027",
                        ScoringContext(baseline=62, target=75, direction="increase"), TODAY)
    assert "noted support" not in report.criteria["A"].advice and "where you start" in report.criteria["A"].advice
    supported = score_goal("Raise the engagement score from 62 to 75 by 31 May 2027",
                           ScoringContext(baseline=62, target=75, direction="increase", support="my manager"), TODAY)
    assert "noted support" in supported.criteria["A"].advice
