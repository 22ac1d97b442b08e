"""How goals connect to what matters: the organisation's objectives, the person's values, the vision."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from career_core.edit import assign
from career_core.models import Goal, GoalStatus, Notebook


def objective_usage(notebook: Notebook) -> Counter[str]:
    """How many goals (not dropped) align with each organisational objective."""
    return Counter(oid for g in notebook.goals if g.status is not GoalStatus.DROPPED for oid in set(g.objective_ids))


def unlink_objective(notebook: Notebook, objective_id: str) -> None:
    """Drop every goal's link to an objective that is being deleted, so no goal points at nothing:
    every link, as a goal may name it twice (a file imported so)."""
    for goal in notebook.goals:
        if objective_id in goal.objective_ids:
            assign(goal, objective_ids=[o for o in goal.objective_ids if o != objective_id])


@dataclass(frozen=True, slots=True)
class Alignment:
    values: tuple[str, ...]
    objectives: tuple[str, ...]
    vision: bool
    has_why: bool

    def describe(self) -> str:
        """"Serves: my vision; values Growth, Fairness; objective Grow the northern region"."""
        parts = []
        if self.vision:
            parts.append("my vision")
        if self.values:
            parts.append(("value " if len(self.values) == 1 else "values ") + ", ".join(self.values))
        if self.objectives:
            parts.append(("objective " if len(self.objectives) == 1 else "objectives ") + ", ".join(self.objectives))
        return "; ".join(parts) if parts else "nothing yet"


def alignment(goal: Goal, notebook: Notebook) -> Alignment:
    titles = {o.id: o.title for o in notebook.org_objectives}
    return Alignment(
        values=tuple(goal.values),
        objectives=tuple(titles[o] for o in goal.objective_ids if o in titles),
        vision=goal.supports_vision,
        has_why=bool(goal.why.strip()),
    )
