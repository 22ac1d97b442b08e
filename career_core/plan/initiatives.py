"""Initiatives: the few projects that move a career, each with a start, a finish and a measure.

An initiative is running (active) once its start has come, whatever it was saved as: "planned"
on the day it starts is active (`status_on`, the one rule every page and export calls). Most
people can truly move three to five at a time, so more than `ACTIVE_LIMIT` active ones earns a
gentle nudge, as do one past its finish and one tied to nothing bigger.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Final

from career_core import edit, wording
from career_core.models import ActionStatus, Initiative, InitiativeStatus, Notebook

ACTIVE_LIMIT: Final = 5
FINISHED: Final = (InitiativeStatus.DONE, InitiativeStatus.DROPPED)
_ORDER: Final = {InitiativeStatus.ACTIVE: 0, InitiativeStatus.PLANNED: 1, InitiativeStatus.IDEA: 2,
                 InitiativeStatus.DONE: 3, InitiativeStatus.DROPPED: 4}


def status_on(initiative: Initiative, today: date) -> InitiativeStatus:
    """The initiative's status today: a planned one whose start has come is running, so active."""
    if initiative.status is InitiativeStatus.PLANNED and initiative.start is not None and initiative.start <= today:
        return InitiativeStatus.ACTIVE
    return initiative.status


def active_initiatives(nb: Notebook, today: date) -> list[Initiative]:
    return [i for i in nb.initiatives if status_on(i, today) is InitiativeStatus.ACTIVE]


def initiative_warnings(nb: Notebook, today: date) -> list[str]:
    """Gentle nudges: too many at once, past their finish, not tied to the big picture."""
    out = []
    active = active_initiatives(nb, today)
    if len(active) > ACTIVE_LIMIT:
        out.append(
            f"You have {len(active)} active initiatives. Most people can truly move three to five at a "
            "time; think about finishing, pausing or dropping one before you start another."
        )
    for i in active:
        if i.finish is not None and i.finish < today:
            out.append(f"“{i.title}” was due to finish on {wording.day(i.finish, today)}. "
                       "Mark it done, or give it a new finish date.")
    for i in nb.initiatives:
        if i.status in FINISHED:
            continue
        if not i.goal_ids and not i.supports.strip():
            out.append(f"“{i.title}” is not linked to a goal or to your vision yet: say how it moves your career.")
    return out


@dataclass(frozen=True, slots=True)
class InitiativeCard:
    initiative: Initiative
    open_actions: int  # actions still to do for it
    finished: bool  # done or dropped: shown apart
    status: InitiativeStatus  # today's (status_on)

    def dates(self, today: date) -> str:
        """'1 Sep → 31 Mar 2027', '1 Sep', or 'no dates yet'."""
        i = self.initiative
        return " → ".join(wording.day(d, today) for d in (i.start, i.finish) if d) or "no dates yet"


def initiative_cards(nb: Notebook, today: date) -> list[InitiativeCard]:
    """Active first, then planned, ideas, done and dropped; each by start date."""
    open_actions: dict[str, int] = defaultdict(int)
    for a in nb.actions:
        if a.initiative_id and a.status is ActionStatus.TO_DO:
            open_actions[a.initiative_id] += 1
    ranked = sorted(nb.initiatives, key=lambda i: (_ORDER[status_on(i, today)], i.start or date.max, i.title))
    return [InitiativeCard(i, open_actions[i.id], i.status in FINISHED, status_on(i, today)) for i in ranked]


def remove_initiative(nb: Notebook, initiative_id: str) -> None:
    """Delete an initiative; its actions stay in the plan, no longer linked to it."""
    edit.remove(nb.initiatives, initiative_id)
    edit.without_link(nb.actions, "initiative_id", initiative_id)
