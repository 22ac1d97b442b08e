"""Rules about goals as a set: what each status allows, stepping stones, the goal map, focus.

Scores come in from outside (see goal_reports.py), so these rules stay plain data in, plain data
out, and are tested without the scorer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from career_core import wording
from career_core.edit import add, assign
from career_core.models import (
    Goal,
    GoalHorizon,
    GoalRevision,
    GoalStatus,
    Metric,
    Notebook,
    utc_now,
)

# More active goals than this at once spreads attention too thin; the pages say so, gently.
FOCUS_LIMIT: Final = 5

# The order goals are listed in: what is live first, what is finished last.
STATUS_ORDER: Final = {GoalStatus.ACTIVE: 0, GoalStatus.DRAFT: 1, GoalStatus.PAUSED: 2, GoalStatus.ACHIEVED: 3,
                       GoalStatus.DROPPED: 4}

# What a person can do with a goal in each status: (button label, the status it leads to).
TRANSITIONS: Final[dict[GoalStatus, tuple[tuple[str, GoalStatus], ...]]] = {
    GoalStatus.DRAFT: (("Make active", GoalStatus.ACTIVE), ("Drop", GoalStatus.DROPPED)),
    GoalStatus.ACTIVE: (("Mark achieved", GoalStatus.ACHIEVED), ("Pause", GoalStatus.PAUSED),
                        ("Drop", GoalStatus.DROPPED)),
    GoalStatus.PAUSED: (("Resume", GoalStatus.ACTIVE), ("Drop", GoalStatus.DROPPED)),
    GoalStatus.ACHIEVED: (("Reopen", GoalStatus.ACTIVE),),
    GoalStatus.DROPPED: (("Restore as a draft", GoalStatus.DRAFT),),
}

MAX_REVISIONS: Final = 1000  # the model's limit; the first wording is always kept


def set_status(goal: Goal, status: GoalStatus) -> None:
    allowed = {target for _, target in TRANSITIONS[goal.status]}
    if status is not goal.status and status not in allowed:
        raise ValueError(f"status: a {goal.status.label.lower()} goal cannot become {status.label.lower()} directly")
    assign(goal, status=status)


# --- stepping stones -------------------------------------------------------------------------------


def stepping_stones(notebook: Notebook, goal_id: str) -> list[Goal]:
    return [g for g in notebook.goals if g.parent_id == goal_id]


def parent_choices(notebook: Notebook, goal: Goal | None = None) -> list[Goal]:
    """Long-term goals a short-term goal can be a stepping stone of (a dropped one only if linked already)."""
    current = goal.parent_id if goal else None
    return [
        g for g in notebook.goals
        if g.horizon is GoalHorizon.LONG_TERM and (goal is None or g.id != goal.id)
        and (g.status is not GoalStatus.DROPPED or g.id == current)
    ]


def check_parent(notebook: Notebook, goal_id: str | None, parent_id: str | None) -> None:
    if parent_id is None:
        return
    parent = notebook.goal(parent_id)
    if parent is None:
        raise ValueError("parent_id: that long-term goal no longer exists")
    if parent_id == goal_id:
        raise ValueError("parent_id: a goal cannot be its own stepping stone")
    if parent.horizon is not GoalHorizon.LONG_TERM:
        raise ValueError("parent_id: stepping stones belong to a long-term goal")


def set_parent(notebook: Notebook, goal: Goal, parent_id: str | None) -> None:
    check_parent(notebook, goal.id, parent_id)
    assign(goal, parent_id=parent_id)


def set_horizon(notebook: Notebook, goal: Goal, horizon: GoalHorizon) -> None:
    """A long-term goal has no parent; one with stepping stones stays long-term until they move."""
    if horizon is GoalHorizon.SHORT_TERM and goal.horizon is GoalHorizon.LONG_TERM:
        stones = stepping_stones(notebook, goal.id)
        if stones:
            raise ValueError(f"horizon: this goal has {wording.plural(len(stones), 'stepping stone')}; "
                             "link them to another long-term goal first")
    assign(goal, horizon=horizon, parent_id=None if horizon is GoalHorizon.LONG_TERM else goal.parent_id)


# --- wording and its history -----------------------------------------------------------------------


def add_goal(
    notebook: Notebook,
    statement: str,
    score: int | None,
    *,
    horizon: GoalHorizon = GoalHorizon.SHORT_TERM,
    parent_id: str | None = None,
    deadline: date | None = None,
    category: str = "",
    metric: Metric | None = None,
    status: GoalStatus = GoalStatus.DRAFT,
    now: datetime | None = None,
    confidence: int | None = None,
    why: str = "",
    supports_vision: bool = False,
) -> Goal:
    """A new goal whose first wording (with its score) starts the goal's history."""
    now = now or utc_now()
    if horizon is GoalHorizon.LONG_TERM:
        parent_id = None
    goal = Goal(
        statement=statement, horizon=horizon, parent_id=parent_id, deadline=deadline, category=category,
        metric=metric or Metric(), status=status, created_at=now, confidence=confidence, why=why,
        supports_vision=supports_vision,
        revisions=[GoalRevision(at=now, statement=statement.strip(), score=score)],
    )
    check_parent(notebook, goal.id, parent_id)
    return add(notebook, "goals", goal)


def reword(goal: Goal, statement: str, score: int | None, *, previous_score: int | None = None,
           now: datetime | None = None) -> bool:
    """Give the goal a new wording and keep it with its score. False when nothing changed.

    A goal written before histories were kept gets its old wording as the first entry, so the
    chart shows where it started.
    """
    new = statement.strip()
    if new == goal.statement:
        return False
    now = now or utc_now()
    revisions = list(goal.revisions)
    if not revisions or revisions[-1].statement != goal.statement:
        revisions.append(GoalRevision(at=revisions[-1].at if revisions else goal.created_at, statement=goal.statement,
                                      score=previous_score))
    revisions.append(GoalRevision(at=now, statement=new, score=score))
    if len(revisions) > MAX_REVISIONS:
        revisions = [revisions[0], *revisions[-(MAX_REVISIONS - 1):]]
    assign(goal, statement=new, revisions=revisions)
    return True


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    number: int  # 1 for the first wording
    at: datetime | None
    statement: str
    score: int | None
    current: bool


def history(goal: Goal, current_score: int | None) -> list[HistoryPoint]:
    """Every wording of the goal, first to current: earlier ones with the score they had when
    written, the current one with its score today (its fields may have sharpened it since)."""
    points = [(r.at, r.statement, r.score) for r in goal.revisions]
    if points and points[-1][1] == goal.statement:
        at, text, stored = points.pop()
        points.append((at, text, stored if current_score is None else current_score))
    else:
        points.append((None, goal.statement, current_score))
    last = len(points)
    return [HistoryPoint(n, at, text, score, n == last) for n, (at, text, score) in enumerate(points, start=1)]


# --- the goal map ----------------------------------------------------------------------------------

VISION_NODE: Final = "vision"
LOOSE_NODE: Final = "loose"


@dataclass(frozen=True, slots=True)
class MapNode:
    id: str
    parent: str | None
    depth: int  # 0 the vision, 1 long-term goals, 2 stepping stones
    kind: str  # "vision" | "long_term" | "short_term" | "group"
    text: str
    status: GoalStatus | None
    score: int | None


def goal_map(notebook: Notebook, scores: Mapping[str, int | None],
             statuses: Iterable[GoalStatus] | None = None) -> list[MapNode]:
    """The vision, each long-term goal and under it its stepping stones, in reading order.

    Short-term goals with no (shown) long-term goal gather under a group of their own, so none is
    left off the map; dropped goals are left out unless asked for.
    """
    shown = set(statuses) if statuses is not None else set(GoalStatus) - {GoalStatus.DROPPED}
    goals = sorted((g for g in notebook.goals if g.status in shown),
                   key=lambda g: (STATUS_ORDER[g.status], g.deadline or date.max, g.statement.casefold()))
    vision = notebook.vision.target_role or notebook.vision.statement or "My vision (not written yet)"
    nodes = [MapNode(VISION_NODE, None, 0, "vision", vision, None, None)]
    long_term = [g for g in goals if g.horizon is GoalHorizon.LONG_TERM]
    long_ids = {g.id for g in long_term}

    def node(g: Goal, parent: str, depth: int) -> MapNode:
        return MapNode(g.id, parent, depth, g.horizon.value, g.statement, g.status, scores.get(g.id))

    for lt in long_term:
        nodes.append(node(lt, VISION_NODE, 1))
        nodes.extend(node(g, lt.id, 2) for g in goals if g.parent_id == lt.id and g.horizon is GoalHorizon.SHORT_TERM)
    loose = [g for g in goals if g.horizon is GoalHorizon.SHORT_TERM and g.parent_id not in long_ids]
    if loose:
        nodes.append(MapNode(LOOSE_NODE, VISION_NODE, 1, "group", "Not yet linked to a long-term goal", None, None))
        nodes.extend(node(g, LOOSE_NODE, 2) for g in loose)
    return nodes


# --- focus -----------------------------------------------------------------------------------------

QUADRANTS: Final = {
    (True, True): "Go for it",
    (True, False): "Find your reason, or support",
    (False, True): "Keep it light",
    (False, False): "Pause or drop?",
}
HIGH: Final = 4  # a rating of 4 or 5 (of 5) counts as high


@dataclass(frozen=True, slots=True)
class FocusPoint:
    goal_id: str
    statement: str
    impact: int
    motivation: int
    quadrant: str


@dataclass(frozen=True, slots=True)
class Focus:
    points: tuple[FocusPoint, ...]
    warning: str | None
    pause_candidates: tuple[str, ...]  # goal ids, least impact × motivation first


def focus(notebook: Notebook, limit: int = FOCUS_LIMIT) -> Focus:
    active = [g for g in notebook.goals if g.status is GoalStatus.ACTIVE]
    points = tuple(
        FocusPoint(g.id, g.statement, g.impact, g.motivation, QUADRANTS[(g.impact >= HIGH, g.motivation >= HIGH)])
        for g in active
    )
    if len(active) <= limit:
        return Focus(points, None, ())
    weakest = sorted(active, key=lambda g: (g.impact * g.motivation, g.impact, g.statement.casefold()))
    extra = len(active) - limit
    warning = (
        f"You have {len(active)} active goals. More than {limit} at once spreads your time and attention thin; "
        f"pausing {'one' if extra == 1 else extra} of them could help the others move. "
        "The ones with the least impact and motivation are a good place to start."
    )
    return Focus(points, warning, tuple(g.id for g in weakest[:extra]))
