"""The goal's other fields, as the scorer needs them for Achievable and Relevant.

ScoringContext is plain data with no pydantic in it, so the scorer stays quick to import and
easy to call from tests; context_for builds one from the notebook models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for type checkers: the scorer never needs pydantic at run time
    from career_core.models import Goal, Notebook

DIRECTIONS = ("increase", "decrease", "at_most", "at_least", "done")


@dataclass(frozen=True, slots=True)
class ScoringContext:
    """Everything about a goal except its sentence. Every field is optional."""

    confidence: int | None = None  # 1..10, how sure the person is they can do it
    support: str = ""  # who or what will help
    baseline: float | None = None  # where the metric stands now
    target: float | None = None  # where it should end
    direction: str | None = None  # one of DIRECTIONS
    start: date | None = None
    deadline: date | None = None
    why: str = ""  # why this goal matters to the person
    vision: str = ""  # the vision statement and target role
    values: tuple[str, ...] = ()  # the person's values this goal serves
    objectives: tuple[str, ...] = ()  # titles of linked organisational objectives
    parent: str = ""  # the long-term goal this one is a stepping stone of
    supports_vision: bool = False  # the person ticked "this goal supports my vision"


def context_for(goal: Goal, notebook: Notebook) -> ScoringContext:
    """The scoring context of one goal of a notebook."""
    vision = notebook.vision
    vision_text = " ".join(part for part in (vision.statement, vision.target_role) if part and part.strip())
    wanted = set(goal.objective_ids)
    objectives = tuple(o.title for o in notebook.org_objectives if o.id in wanted)
    parent = notebook.goal(goal.parent_id) if goal.parent_id else None
    metric = goal.metric
    has_numbers = metric.baseline is not None or metric.target is not None
    return ScoringContext(
        confidence=goal.confidence,
        support=goal.support,
        baseline=metric.baseline,
        target=metric.target,
        direction=str(metric.direction.value) if has_numbers or metric.direction.value == "done" else None,
        start=goal.start,
        deadline=goal.deadline,
        why=goal.why,
        vision=vision_text,
        values=tuple(goal.values),
        objectives=objectives,
        parent=parent.statement if parent is not None else "",
        supports_vision=goal.supports_vision,
    )
