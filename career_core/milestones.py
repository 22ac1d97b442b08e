"""Milestones: reaching 25, 50, 75 and 100% of a goal is celebrated once each, and kept in the journal.

A milestone holds while the goal's progress, worked out now from its check-ins and its current
metric (career_core.progress), is at or past it. The journal keeps the moment it was celebrated;
every page shows only the celebrated milestones that still hold, so a corrected metric (a
direction set right, a new target) or a value that slipped back withdraws one quietly, on every
page at once. A withdrawn milestone stays in the journal as a memory: reached again, it shows
again, and is never celebrated a second time.

A goal that jumps past several at once celebrates only the highest; a lower one it skipped stays
quiet unless nothing higher holds any more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final

from career_core.metric import EPS
from career_core.models import JournalEntry, Notebook
from career_core.progress import GoalProgress, Reuse, all_progress

MILESTONES: Final = (25, 50, 75, 100)

_MILESTONE_TEXT = {
    25: "A quarter of the way on “{goal}”. The start is behind you.",
    50: "Halfway on “{goal}”. Worth telling someone about.",
    75: "Three quarters of the way on “{goal}”. The end is in sight.",
    100: "Done: “{goal}”. Take a moment to enjoy it before the next one.",
}


def passed(gp: GoalProgress | None) -> tuple[int, ...]:
    """The milestones the goal's progress is at or past now (none without a measure)."""
    if gp is None or gp.progress is None:
        return ()
    return tuple(m for m in MILESTONES if gp.progress * 100 + EPS >= m)


def holds(entry: JournalEntry, progress: Mapping[str, GoalProgress]) -> bool:
    """Whether a journal entry still stands: any entry that is no milestone, a milestone of a goal
    no longer in the notebook (nothing left to contradict it), or one the goal's progress is at."""
    if entry.milestone is None or entry.goal_id is None or entry.goal_id not in progress:
        return True
    return entry.milestone in passed(progress[entry.goal_id])


def pending_milestone(gp: GoalProgress, journal: Iterable[JournalEntry]) -> int | None:
    """The highest milestone this goal is at and has never celebrated, unless a higher celebrated
    one still holds; None when there is nothing new to celebrate."""
    if not gp.tracked:
        return None
    reached = passed(gp)
    if not reached:
        return None
    celebrated = {j.milestone for j in journal if j.goal_id == gp.goal_id and j.milestone is not None}
    top = reached[-1]
    if top in celebrated or any(m in reached and m > top for m in celebrated):
        return None
    return top


def record_milestones(notebook: Notebook, goal_ids: Iterable[str], today: date, *,
                      reuse: Reuse | None = None) -> list[JournalEntry]:
    """Write newly reached milestones of these goals to the journal; return what was written.
    `reuse`: what the caller keeps of the notebook's progress (`all_progress`)."""
    wanted = set(goal_ids)
    if not wanted:
        return []
    progress = all_progress(notebook, today, only=wanted, reuse=reuse)
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


def standing(journal: Iterable[JournalEntry], progress: Mapping[str, GoalProgress]) -> list[JournalEntry]:
    """The journal as every page shows it: entries that still hold, newest first."""
    return sorted((j for j in journal if holds(j, progress)), key=lambda j: j.on, reverse=True)


def standing_milestones(notebook: Notebook, progress: Mapping[str, GoalProgress]) -> list[JournalEntry]:
    """The celebrated milestones that still hold, newest first (Progress, the timeline, the PDF)."""
    return [j for j in standing(notebook.journal, progress) if j.milestone is not None]
