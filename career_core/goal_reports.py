"""Goals as the Goals page and Home show them: each with its SMART report, status and links.

Every report is scored with the goal's own context (confidence, support, links, the vision), so
Achievable and Relevant follow the goal's fields, not only its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from career_core.alignment import alignment
from career_core.goal_fields import disagreement_words, disagreements
from career_core.goals import STATUS_ORDER, TRANSITIONS
from career_core.models import Goal, GoalHorizon, GoalStatus, Metric, Notebook
from career_core.smart import Badge, SmartReport, badge, context_for, score_goal

CRITERIA: Final = {"S": "Specific", "M": "Measurable", "A": "Achievable", "R": "Relevant", "T": "Time-bound"}
# Levels in symbols as well as words, so a list can be read at a glance without colour.
LEVEL_SYMBOLS: Final = {"met": "✓", "partial": "◐", "missing": "✗", "unknown": "?"}


def report_for(goal: Goal, notebook: Notebook, today: date) -> SmartReport:
    return score_goal(goal.statement, context_for(goal, notebook), today)


def reports(notebook: Notebook, today: date) -> dict[str, SmartReport]:
    """Every goal's report; pages cache this per notebook revision."""
    return {g.id: report_for(g, notebook, today) for g in notebook.goals}


def draft_report(
    notebook: Notebook,
    statement: str,
    today: date,
    *,
    horizon: GoalHorizon = GoalHorizon.SHORT_TERM,
    parent_id: str | None = None,
    deadline: date | None = None,
    metric: Metric | None = None,
    confidence: int | None = None,
    why: str = "",
    supports_vision: bool = False,
) -> SmartReport:
    """The report of a goal still being written (not saved yet), with what is known of its fields."""
    draft = Goal.model_construct(statement=statement, horizon=horizon, parent_id=parent_id, deadline=deadline,
                                 metric=metric or Metric(), confidence=confidence, why=why,
                                 supports_vision=supports_vision)
    return score_goal(statement, context_for(draft, notebook), today)


def criteria_line(report: SmartReport) -> str:
    """"S ✓ · M ✓ · A ? · R ✓ · T ✗": each letter with its level as a symbol."""
    return " · ".join(f"{k} {LEVEL_SYMBOLS[report.criteria[k].level]}" for k in CRITERIA)


@dataclass(frozen=True, slots=True)
class GoalRow:
    goal_id: str
    statement: str
    status: GoalStatus
    horizon: GoalHorizon
    parent: str
    deadline: date | None
    score: int
    is_smart: bool  # the badge's rule: all five criteria met
    criteria: str
    aligned: str
    actions: tuple[tuple[str, GoalStatus], ...]
    verdict: Badge | None = None  # the badge and its sentence (career_core.smart.badge)
    mismatch: str = ""  # where the wording and the fields disagree, with the fix, in words


def goal_rows(notebook: Notebook, scored: Mapping[str, SmartReport],
              statuses: Iterable[GoalStatus] | None = None, today: date | None = None) -> list[GoalRow]:
    """The goals to list, live ones first; long-term goals before their stepping stones."""
    shown = set(statuses) if statuses is not None else set(GoalStatus)
    statements = {g.id: g.statement for g in notebook.goals}
    goals = sorted(
        (g for g in notebook.goals if g.status in shown),
        key=lambda g: (STATUS_ORDER[g.status], g.horizon is not GoalHorizon.LONG_TERM, g.deadline or date.max,
                       g.statement.casefold()),
    )
    rows = []
    for g in goals:
        report = scored[g.id]
        rows.append(GoalRow(
            goal_id=g.id,
            statement=g.statement,
            status=g.status,
            horizon=g.horizon,
            parent=statements.get(g.parent_id or "", ""),
            deadline=g.deadline,
            score=report.overall,
            is_smart=badge(report).smart,
            criteria=criteria_line(report),
            aligned=alignment(g, notebook).describe(),
            actions=TRANSITIONS[g.status],
            verdict=badge(report),
            mismatch=disagreement_words(disagreements(g, report), today),
        ))
    return rows
