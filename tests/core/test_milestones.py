"""Milestones: each of 25, 50, 75 and 100% celebrated once, and kept in the journal."""

from __future__ import annotations

import pytest

from career_core.milestones import pending_milestone, record_milestones
from career_core.models import GoalStatus, JournalEntry, Notebook
from career_core.progress import goal_progress
from tests.core.progress_cases import TODAY, checkins, goal


@pytest.mark.parametrize(
    ("value", "celebrated", "pending"),
    [
        (62.0, [], None),  # 0%
        (65.0, [], None),  # 23%
        (65.25, [], 25),  # exactly 25%
        (69.0, [], 50),  # 53%: only the highest one passed is celebrated
        (69.0, [25], 50),
        (69.0, [50], None),  # celebrated once
        (69.0, [75], 50),  # a higher one celebrated no longer holds (withdrawn): the one that holds now
        (69.0, [25, 75], 50),
        (75.0, [100], None),  # reached again after it was withdrawn: never celebrated a second time
        (75.0, [25, 50, 75], 100),
    ],
)
def test_pending_milestone(value, celebrated, pending):
    g = goal()
    gp = goal_progress(g, checkins(g, ("2026-06-25", value)), TODAY)
    journal = [JournalEntry(goal_id=g.id, milestone=m) for m in celebrated]
    journal.append(JournalEntry(goal_id="another-goal", milestone=100))
    assert pending_milestone(gp, journal) == pending


def test_milestones_are_written_to_the_journal_once_each():
    g = goal()
    nb = Notebook(goals=[g], checkins=checkins(g, ("2026-06-01", 66.0)))  # 30%
    first = record_milestones(nb, [g.id], TODAY)
    assert [(e.milestone, e.goal_id, e.on) for e in first] == [(25, g.id, TODAY)]
    assert "quarter" in first[0].text and g.statement in first[0].text
    assert record_milestones(nb, [g.id], TODAY) == []  # not again
    nb.checkins.extend(checkins(g, ("2026-06-20", 75.0)))
    assert [e.milestone for e in record_milestones(nb, [g.id], TODAY)] == [100]
    assert [e.milestone for e in nb.journal] == [25, 100]


def test_paused_goals_and_goals_without_a_target_celebrate_nothing():
    paused, open_ended = goal(status=GoalStatus.PAUSED), goal(target=None)
    nb = Notebook(goals=[paused, open_ended],
                  checkins=[*checkins(paused, ("2026-06-01", 75.0)), *checkins(open_ended, ("2026-06-01", 75.0))])
    assert record_milestones(nb, [paused.id, open_ended.id, "gone"], TODAY) == []


