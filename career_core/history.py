"""Describe a revision of a notebook beside the current one, so a person can pick what to restore."""

from __future__ import annotations

from dataclasses import dataclass

from career_core.models import Notebook

COUNTED = (
    ("goals", "goals"),
    ("actions", "actions"),
    ("initiatives", "initiatives"),
    ("checkins", "check-ins"),
    ("reviews", "reviews"),
    ("inputs", "input notes"),
    ("development_items", "development items"),
    ("stop_doing", "stop-doing entries"),
)


@dataclass(frozen=True, slots=True)
class Difference:
    what: str
    then: str
    now: str


def differences(old: Notebook, current: Notebook) -> list[Difference]:
    """What restoring `old` would change, in words: titles, vision, and how many of each part."""
    out: list[Difference] = []
    if old.title != current.title:
        out.append(Difference("title", old.title, current.title))
    if old.vision.statement != current.vision.statement:
        out.append(Difference("vision", old.vision.statement or "(empty)", current.vision.statement or "(empty)"))
    for field, label in COUNTED:
        a, b = len(getattr(old, field)), len(getattr(current, field))
        if a != b:
            out.append(Difference(label, str(a), str(b)))
    old_goals = {g.id: g.statement for g in old.goals}
    for goal in current.goals:
        before = old_goals.get(goal.id)
        if before is not None and before != goal.statement:
            out.append(Difference("goal wording", before, goal.statement))
    return out
