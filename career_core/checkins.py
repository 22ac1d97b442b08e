"""Logging a check-in: which goals can take one and in what order, and what a check-in needs.

A check-in takes seconds: the goal, the day, a value (or "done" / "not yet" for a done/not-done
goal), a note and how confident the person is; a value or a note is enough. Paused and dropped
goals take none until they are picked up again.
"""

from __future__ import annotations

import math
from datetime import date
from operator import attrgetter
from typing import Final

from career_core.metric import done_threshold
from career_core.models import CheckIn, Direction, Goal, GoalStatus, Notebook
from career_core.validation import EntryError, build

# Goals that take a check-in, in the order the picker lists them (then by deadline).
LOGGABLE: Final = {GoalStatus.ACTIVE: 0, GoalStatus.DRAFT: 1, GoalStatus.ACHIEVED: 2}
# What a done/not-done goal's check-in offers instead of a number.
DONE_CHOICES: Final = ("Not yet", "Done")


def loggable_goals(notebook: Notebook) -> list[Goal]:
    """Active goals first, then drafts, then achieved ones (a limit can still be logged); each by deadline."""
    goals = [g for g in notebook.goals if g.status in LOGGABLE]
    return sorted(goals, key=lambda g: (LOGGABLE[g.status], g.deadline or date.max))


def goal_checkins(notebook: Notebook, goal_id: str) -> list[CheckIn]:
    """A goal's check-ins, newest first (those of one day in the order they were logged), as the list
    under its figures shows them. How many there are is its progress's `checkins`: no need to ask this."""
    return sorted((c for c in notebook.checkins if c.goal_id == goal_id), key=attrgetter("on"), reverse=True)


def checkin_problems(goal: Goal | None, on: date | None, value: float | None, note: str, today: date) -> dict[str, str]:
    """What is wrong with a check-in before it is saved, keyed by the form's field."""
    problems: dict[str, str] = {}
    if goal is None:
        problems["goal"] = "Choose the goal this check-in is for."
    if on is None:
        problems["on"] = "Pick the date this check-in is about."
    elif on > today:
        problems["on"] = "A check-in records what has happened: pick today or an earlier day."
    if value is not None and not math.isfinite(value):
        problems["value"] = "This is not a number."
    elif value is None and not note.strip():
        problems["value"] = "Enter a value or write a note: one of the two is enough."
    return problems


def new_checkin(goal: Goal, on: date | None, answer: float | str | None, note: str, confidence: int | None,
                today: date) -> CheckIn:
    """The check-in a form describes, or EntryError with a message per field.

    `answer` is the number typed, or for a done/not-done goal one of DONE_CHOICES.
    """
    if goal.metric.direction is Direction.DONE:
        value = {"Done": done_threshold(goal.metric.target), "Not yet": 0.0}.get(answer) if isinstance(answer, str) else None
    else:
        value = None if isinstance(answer, str) else answer
    if problems := checkin_problems(goal, on, value, note, today):
        raise EntryError(problems)
    return build(CheckIn, {"goal_id": goal.id, "on": on, "value": value, "note": note.strip(), "confidence": confidence})
