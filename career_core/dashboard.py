"""What Home shows: the notebook at a glance, computed once per notebook revision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from career_core.due import Due, due_soon
from career_core.goal_fields import disagreement_words, disagreements
from career_core.goal_reports import report_for
from career_core.goals import STATUS_ORDER
from career_core.models import (
    Direction,
    Goal,
    GoalStatus,
    Notebook,
)
from career_core.progress import GoalProgress, all_progress
from career_core.review import ReviewDue, next_review
from career_core.smart import badge

NEXT_ACTIONS: Final = 8  # Home lists at most this many actions due soon

GOAL_STATUS_ICONS = {
    GoalStatus.DRAFT: "✏️",
    GoalStatus.ACTIVE: "▶️",
    GoalStatus.ACHIEVED: "🏆",
    GoalStatus.PAUSED: "⏸️",
    GoalStatus.DROPPED: "✖️",
}


@dataclass(frozen=True, slots=True)
class GoalLine:
    goal_id: str
    statement: str
    status: str
    icon: str
    deadline: date | None
    horizon: str
    score: int | None = None  # the SMART score, 0..100
    is_smart: bool = False  # the badge's rule (career_core.smart.badge): all five criteria met
    progress: str = ""  # where it stands, in words: "● On track · 53%"; empty when not tracked
    badge: str = ""  # "SMART", "Sharp wording" or "Not SMART yet"
    mismatch: str = ""  # where the wording and the fields disagree, with the fix, in words


def progress_words(gp: GoalProgress | None) -> str:
    """A goal's progress status in words (with its symbol), and how far it is when that means something."""
    if gp is None or gp.status is None:
        return ""
    words = gp.status_words
    if gp.record:
        return words + f" · {gp.record}"
    if gp.direction is not Direction.DONE and gp.percent is not None and gp.status.value not in ("achieved", "not started"):
        words += f" · {gp.percent}%"
    return words


@dataclass(frozen=True, slots=True)
class Glance:
    is_empty: bool
    vision: str
    target_role: str
    goals: tuple[GoalLine, ...]  # active, draft and paused goals: the ones still in hand
    finished: tuple[GoalLine, ...]  # achieved and dropped goals, which Home keeps out of the way
    due: tuple[Due, ...]
    review: ReviewDue
    steps_done: dict[str, bool]


@dataclass(frozen=True, slots=True)
class MethodStep:
    key: str
    page: str  # where the step is taken
    label: str
    how: str  # what to do there, said in the guided start's tooltip


# The method's first steps, in order; `progress_steps` says which a notebook has taken.
METHOD_STEPS: Final = (
    MethodStep("reflect", "reflect", "Reflect on your skills, interests and values",
               "On Reflect → Self-assessment, rate a skill, pick your values or name a strength."),
    MethodStep("vision", "reflect", "Write your long-term vision",
               "On Reflect → Vision, write a few sentences about the work you want to be doing in some years."),
    MethodStep("input", "reflect", "Ask mentors and colleagues for input",
               "Ask someone you trust what they see in you, then note it on Reflect → Input."),
    MethodStep("goals", "goals", "Draft your first SMART goal",
               "On Goals → Draft, write a goal or start from the library, and save it when the report looks right."),
    MethodStep("plan", "plan", "Turn it into actions",
               "On Plan → Actions, add a first small step towards your goal, with a date."),
    MethodStep("track", "progress", "Log your first check-in",
               "On Progress, log a value or a short note on how your goal is going."),
    MethodStep("review", "review", "Review and adjust",
               "On Review, start a review: what went well, what did not, and what you change."),
)


def progress_steps(notebook: Notebook) -> dict[str, bool]:
    """The method's first steps, ticked off as the notebook fills, for the guided start."""
    r = notebook.reflection
    return {
        "reflect": bool(r.skills or r.values or r.strengths or r.why.strip()),
        "vision": bool(notebook.vision.statement.strip()),
        "input": bool(notebook.inputs),
        "goals": bool(notebook.goals),
        "plan": bool(notebook.actions or notebook.initiatives),
        "track": bool(notebook.checkins),
        "review": bool(notebook.reviews),
    }


def _goal_line(goal: Goal, notebook: Notebook, today: date, progress: Mapping[str, GoalProgress]) -> GoalLine:
    report = report_for(goal, notebook, today)
    words = "" if goal.status is GoalStatus.ACHIEVED else progress_words(progress.get(goal.id))
    verdict = badge(report)
    return GoalLine(goal.id, goal.statement, goal.status.label, GOAL_STATUS_ICONS[goal.status], goal.deadline,
                    goal.horizon.label, report.overall, verdict.smart, words, verdict.label,
                    disagreement_words(disagreements(goal, report), today))


FINISHED: Final = (GoalStatus.ACHIEVED, GoalStatus.DROPPED)


def glance(notebook: Notebook, today: date, progress: Mapping[str, GoalProgress] | None = None) -> Glance:
    """What Home shows; `progress` (every goal's, for `today`) is computed when not given."""
    goals = sorted(notebook.goals, key=lambda g: (STATUS_ORDER[g.status], g.horizon.value, g.deadline or date.max))
    steps = progress_steps(notebook)
    if progress is None:
        progress = all_progress(notebook, today)
    return Glance(
        is_empty=not any(steps.values()),
        vision=notebook.vision.statement,
        target_role=notebook.vision.target_role,
        goals=tuple(_goal_line(g, notebook, today, progress) for g in goals if g.status not in FINISHED),
        finished=tuple(_goal_line(g, notebook, today, progress) for g in goals if g.status in FINISHED),
        due=due_soon(notebook, today, limit=NEXT_ACTIONS),
        review=next_review(notebook, today),
        steps_done=steps,
    )
