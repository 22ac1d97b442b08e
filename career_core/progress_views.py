"""Progress laid out for showing: the board's goals grouped by status, and a goal's logged values
as a line that pauses where a week went unlogged (career_core.progress works out where each goal
stands)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Final

from career_core.metric import Point
from career_core.models import GoalStatus, Notebook
from career_core.progress import STATUS_ORDER, GoalProgress, ProgressStatus
from career_core.schedule import week_number

IN_PLAY: Final = (GoalStatus.ACTIVE, GoalStatus.DRAFT)


def board_goals(notebook: Notebook, progress: Mapping[str, GoalProgress],
                include_achieved: bool = False) -> list[GoalProgress]:
    """The goals the board shows: those in play (active or draft), and achieved ones when asked."""
    statuses = {g.id: g.status for g in notebook.goals}
    return [gp for gp in progress.values()
            if statuses.get(gp.goal_id) in IN_PLAY or (include_achieved and gp.status is ProgressStatus.ACHIEVED)]


def board(progress: Iterable[GoalProgress]) -> dict[ProgressStatus, list[GoalProgress]]:
    """Tracked goals grouped by status, in STATUS_ORDER, most urgent deadline first in each group."""
    groups: dict[ProgressStatus, list[GoalProgress]] = {s: [] for s in STATUS_ORDER}
    for gp in progress:
        if gp.status is not None:
            groups[gp.status].append(gp)
    for items in groups.values():
        items.sort(key=lambda g: (g.deadline or date.max, g.statement))
    return groups




def series_with_gaps(points: Sequence[Point]) -> tuple[list[date], list[float | None]]:
    """x and y for a line chart that breaks where a whole calendar week has no check-in.

    A None between two points makes Plotly leave the gap open (connectgaps=False), so a
    skipped week shows as a pause in the line, not as a drop.
    """
    xs: list[date] = []
    ys: list[float | None] = []
    weeks = [week_number(p.on) for p in points]
    for k, cur in enumerate(points):
        if k and weeks[k] - weeks[k - 1] > 1:
            prev = points[k - 1]
            xs.append(prev.on + (cur.on - prev.on) / 2)
            ys.append(None)
        xs.append(cur.on)
        ys.append(cur.value)
    return xs, ys
