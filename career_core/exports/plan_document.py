"""What the one-page development plan says, decided once and written out as Markdown or PDF.

The plan is for now: the vision, the goals being worked on (long-term ones with their stepping
stones under them), the initiatives under way, the next actions and the stop-doing list.
Achieved, paused and dropped goals, finished initiatives and lapsed stop-doing entries stay in
the notebook but not on the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from career_core import wording
from career_core.due import due_soon
from career_core.goal_reports import reports
from career_core.models import (
    Direction,
    Goal,
    GoalHorizon,
    GoalStatus,
    InitiativeStatus,
    Notebook,
    StopKind,
)
from career_core.plan.initiatives import status_on
from career_core.progress import GoalProgress, all_progress
from career_core.review import smart_scores
from career_core.smart import badge

NEXT_ACTIONS = 8
ACTION_HORIZON = timedelta(days=30)  # a printed plan looks further ahead than Home's coming week


@dataclass(frozen=True, slots=True)
class PlanGoal:
    statement: str
    long_term: bool
    stepping_stone: bool  # listed under its long-term goal
    status: str  # in words: "On track", "Draft", ...
    score: int | None
    deadline: date | None
    progress: int | None  # percent
    measure: str  # "62 → 75 points", "at most 50 hours/week"
    where: str = ""  # "53% of the way", "within the limit in 12 of 25 weeks"
    badge: str = ""  # "SMART", "Sharp wording", "Not SMART yet": the one badge rule (career_core.smart.badge)

    def facts(self) -> list[str]:
        """The short facts shown after the statement, in reading order."""
        out = [f"Status: {self.status}"]
        verdict = f" ({self.badge.lower() if self.badge != 'SMART' else self.badge})" if self.badge else ""
        out.append(f"SMART score {self.score}/100{verdict}" if self.score is not None else "SMART score not known")
        if self.measure:
            out.append(self.measure)
        if self.where:
            out.append(self.where)
        if self.deadline:
            out.append(f"by {wording.day(self.deadline)}")
        return out


@dataclass(frozen=True, slots=True)
class PlanInitiative:
    title: str
    status: str
    start: date | None
    finish: date | None
    success_measure: str

    def when(self) -> str:
        if self.start and self.finish:
            return wording.span(self.start, self.finish)
        if self.finish:
            return f"until {wording.day(self.finish)}"
        if self.start:
            return f"from {wording.day(self.start)}"
        return ""


@dataclass(frozen=True, slots=True)
class PlanAction:
    title: str
    due: date
    overdue: bool
    goal: str


@dataclass(frozen=True, slots=True)
class PlanStop:
    what: str
    how: str  # "Cancel", "Postpone until 1 Sep 2026", "Delegate to Sam"
    hours_per_week: float

    def line(self) -> str:
        freed = f" (frees {wording.hours(self.hours_per_week)} a week)" if self.hours_per_week else ""
        return f"{self.how}: {self.what}{freed}"


@dataclass(frozen=True, slots=True)
class PlanDocument:
    title: str
    on: date
    vision: str
    target_role: str
    responsibility: str
    horizon_year: int | None
    goals: tuple[PlanGoal, ...]
    initiatives: tuple[PlanInitiative, ...]
    actions: tuple[PlanAction, ...]
    stop_doing: tuple[PlanStop, ...]
    hours_freed: float


def plan_document(
    notebook: Notebook,
    today: date,
    *,
    scores: Mapping[str, int | None] | None = None,
    progress: Mapping[str, GoalProgress] | None = None,
) -> PlanDocument:
    """The plan as of `today`. `scores` are the goals' SMART scores by goal id (default: scored now)."""
    if scores is None:
        scores = smart_scores(notebook, today)
    progress = progress if progress is not None else all_progress(notebook, today)
    badges = {gid: badge(report).label for gid, report in reports(notebook, today).items()}
    current = [g for g in notebook.goals if g.status in (GoalStatus.ACTIVE, GoalStatus.DRAFT)]
    ids = {g.id for g in current}
    order = {GoalStatus.ACTIVE: 0, GoalStatus.DRAFT: 1}

    def key(g: Goal) -> tuple:
        return (order[g.status], g.deadline or date.max, g.statement)

    tops = sorted((g for g in current if g.parent_id not in ids), key=lambda g: (g.horizon is not GoalHorizon.LONG_TERM, *key(g)))
    children: dict[str, list[Goal]] = {}
    for g in current:
        if g.parent_id in ids:
            children.setdefault(g.parent_id, []).append(g)

    goals: list[PlanGoal] = []

    def add(g: Goal, under: bool) -> None:
        gp = progress.get(g.id)
        status = gp.status.label if gp is not None and gp.status is not None else g.status.label
        if g.status is GoalStatus.DRAFT:
            status = "Draft"
        goals.append(PlanGoal(
            statement=g.statement,
            long_term=g.horizon is GoalHorizon.LONG_TERM,
            stepping_stone=under,
            status=status,
            score=scores.get(g.id),
            deadline=g.deadline,
            progress=gp.percent if gp is not None and g.status is GoalStatus.ACTIVE else None,
            measure=_measure(g),
            where=gp.where() if gp is not None and g.status is GoalStatus.ACTIVE else "",
            badge=badges.get(g.id, ""),
        ))
        for child in sorted(children.get(g.id, []), key=key):
            add(child, True)

    for g in tops:
        add(g, False)

    initiatives = tuple(
        PlanInitiative(i.title, status_on(i, today).label, i.start, i.finish, i.success_measure)
        for i in sorted(notebook.initiatives, key=lambda i: (i.finish or date.max, i.title))
        if i.status in (InitiativeStatus.IDEA, InitiativeStatus.PLANNED, InitiativeStatus.ACTIVE)
    )
    actions = tuple(
        PlanAction(a.title, a.on, a.overdue, _short(a.goal, 70))
        for a in due_soon(notebook, today, within=ACTION_HORIZON, limit=NEXT_ACTIONS)
    )
    stops = tuple(
        PlanStop(s.what, _how(s.kind, s.delegate_to, s.until), s.hours_per_week)
        for s in notebook.stop_doing
        if s.until is None or s.until >= today  # planned stops count: they are part of the plan
    )
    v = notebook.vision
    return PlanDocument(
        title=notebook.title,
        on=today,
        vision=v.statement.strip(),
        target_role=v.target_role,
        responsibility=v.responsibility,
        horizon_year=v.horizon_year,
        goals=tuple(goals),
        initiatives=initiatives,
        actions=actions,
        stop_doing=stops,
        hours_freed=sum(s.hours_per_week for s in stops),
    )


def _measure(goal: Goal) -> str:
    m = goal.metric
    name = f"{m.name}: " if m.name else ""
    if m.direction is Direction.DONE or m.target is None:
        return ""
    target = wording.number(m.target, m.unit)
    if m.direction is Direction.AT_MOST:
        return f"{name}at most {target}"
    if m.direction is Direction.AT_LEAST:
        return f"{name}at least {target}"
    if m.baseline is None:
        return f"{name}to {target}"
    return f"{name}{wording.number(m.baseline, m.unit)} → {target}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _how(kind: StopKind, delegate_to: str, until: date | None) -> str:
    if kind is StopKind.DELEGATE:
        text = f"Delegate to {delegate_to}" if delegate_to else "Delegate"
    elif kind is StopKind.POSTPONE:
        text = "Postpone"
    else:
        text = "Cancel"
    if until is not None:
        text += f" until {wording.day(until)}"
    return text
