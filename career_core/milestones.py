"""Milestones: reaching 25, 50, 75 and 100% of a goal is celebrated once each, and kept in the journal.

A goal that jumps past several at once celebrates only the highest; a lower one it skipped stays
quiet. What "progress" means is career_core.progress's rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

from career_core.metric import EPS
from career_core.models import JournalEntry, Notebook
from career_core.progress import GoalProgress, all_progress

MILESTONES: Final = (25, 50, 75, 100)

_MILESTONE_TEXT = {
    25: "A quarter of the way on “{goal}”. The start is behind you.",
    50: "Halfway on “{goal}”. Worth telling someone about.",
    75: "Three quarters of the way on “{goal}”. The end is in sight.",
    100: "Done: “{goal}”. Take a moment to enjoy it before the next one.",
}


def pending_milestone(gp: GoalProgress, journal: Iterable[JournalEntry]) -> int | None:
    """The highest milestone this goal has passed and not yet celebrated (lower ones it skipped stay quiet)."""
    if gp.progress is None or not gp.tracked:
        return None
    passed = [m for m in MILESTONES if gp.progress * 100 + EPS >= m]
    if not passed:
        return None
    celebrated = max((j.milestone for j in journal if j.goal_id == gp.goal_id and j.milestone is not None), default=0)
    return passed[-1] if passed[-1] > celebrated else None


def record_milestones(notebook: Notebook, goal_ids: Iterable[str], today: date) -> list[JournalEntry]:
    """Write newly reached milestones of these goals to the journal; return what was written."""
    wanted = set(goal_ids)
    if not wanted:
        return []
    progress = all_progress(notebook, today)
    written = []
    for goal_id in wanted:
        gp = progress.get(goal_id)
        if gp is None:
            continue
        milestone = pending_milestone(gp, notebook.journal)
        if milestone is None:
            continue
        short = gp.statement if len(gp.statement) <= 90 else gp.statement[:89].rstrip() + "…"
        entry = JournalEntry(on=today, goal_id=goal_id, milestone=milestone,
                             text=_MILESTONE_TEXT[milestone].format(goal=short))
        notebook.journal.append(entry)
        written.append(entry)
    return written
