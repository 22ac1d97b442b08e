"""What the Plan page shows at the top: actions to do, this week's hours, initiatives, hours freed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from career_core.models import Notebook
from career_core.plan.actions import ActionLine, action_lines
from career_core.plan.initiatives import active_initiatives
from career_core.plan.load import WeekLoad, weekly_load
from career_core.plan.stop_doing import freed_this_week


@dataclass(frozen=True, slots=True)
class Overview:
    todo: int
    overdue: int
    this_week: WeekLoad
    active_initiatives: int
    freed: float


def overview(nb: Notebook, today: date, todo: Sequence[ActionLine] | None = None) -> Overview:
    """`todo`: the actions still to do, when the page has listed them already (its default list)."""
    lines = action_lines(nb, today, "todo") if todo is None else todo
    return Overview(
        todo=len(lines),
        overdue=sum(1 for line in lines if line.status == "overdue"),
        this_week=weekly_load(nb, today, today, 1).weeks[0],
        active_initiatives=len(active_initiatives(nb, today)),
        freed=freed_this_week(nb, today),
    )
