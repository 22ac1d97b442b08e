"""When an action is due: its next date, whether it is overdue, and what is due soon.

One rule for every page that shows an action's date (Home, Plan, Progress, Coach session, the
development plan and the calendar file); tests/core/test_due.py holds it as a table of cases.

* **Next date.** A one-off action still to do is due on its date. A repeating one comes round on
  the dates of its series (career_core.schedule): its next date is this period's date (the latest
  one up to today) while that is not ticked off, else the first later date not ticked off. A
  series whose end has passed, and an action done or dropped, has no next date.
* **Overdue.** An action is overdue when its next date is before today: a one-off past its date,
  or a series whose date for this period has gone by unticked (a weekly action from Monday, seen
  on Wednesday, is overdue since Monday until the next Monday comes).
* **Missed.** An earlier date of a series that was never ticked and whose period is over: the
  next date replaces it, so it is missed, not still to do.
* **Due soon.** Actions whose next date falls within `DUE_SOON` of today, overdue ones included,
  earliest first: what Home, the Coach session and the check-in form list.
The next review is career_core.review.next_review, the one rule for that date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from career_core import wording
from career_core.models import Action, ActionStatus, Notebook, Recurrence
from career_core.schedule import occurrences

DUE_SOON: Final = timedelta(days=7)  # "the coming week": today and the seven days after it
_LOOK_BACK: Final = timedelta(days=93)  # one quarter: reaches this period's date of every cadence
_LOOK_AHEAD: Final = timedelta(days=366)  # searched a year at a time for the next open date


def series_over(action: Action, today: date) -> bool:
    """A repeating action whose end has passed: nothing more comes round."""
    return action.recurrence is not Recurrence.NONE and action.end is not None and action.end < today


def current_date(action: Action, today: date) -> date | None:
    """The date a 'done' click on a live series means: this period's date if it is still open,
    else the next open one. None for one-off, finished or dropped actions."""
    if action.recurrence is Recurrence.NONE or action.status is not ActionStatus.TO_DO:
        return None
    assert action.start is not None  # guaranteed by the model
    done = set(action.done_on)
    cadence = action.recurrence.value
    recent = occurrences(cadence, action.start, action.end, today - _LOOK_BACK, today)
    if recent and recent[-1] not in done:
        return recent[-1]
    window = max(today + timedelta(days=1), action.start)  # from here a year always holds the next date, if any
    while action.end is None or window <= action.end:
        upcoming = occurrences(cadence, action.start, action.end, window, window + _LOOK_AHEAD)
        found = next((d for d in upcoming if d not in done), None)
        if found is not None or not upcoming:
            return found
        window = upcoming[-1] + timedelta(days=1)
    return None


def next_date(action: Action, today: date) -> date | None:
    """The date the action asks for next (see the module docstring); None when it asks for none."""
    if action.status is not ActionStatus.TO_DO:
        return None
    if action.recurrence is Recurrence.NONE:
        return action.due
    if series_over(action, today):
        return None
    return current_date(action, today)


def is_overdue(action: Action, today: date) -> bool:
    day = next_date(action, today)
    return day is not None and day < today


def date_states(action: Action, days: Iterable[date], today: date) -> list[str]:
    """What each date of an action is: "done", "todo", "overdue" or "missed" (or "dropped")."""
    days = list(days)
    if action.status is ActionStatus.DROPPED:
        return ["dropped"] * len(days)
    if action.recurrence is Recurrence.NONE:
        if action.status is ActionStatus.DONE:
            return ["done"] * len(days)
        return ["overdue" if day < today else "todo" for day in days]
    done, upcoming = set(action.done_on), next_date(action, today)
    return ["done" if day in done else "todo" if day >= today else "overdue" if day == upcoming else "missed"
            for day in days]


def date_state(action: Action, day: date, today: date) -> str:
    return date_states(action, [day], today)[0]


def late_dates(action: Action, since: date, today: date) -> list[date]:
    """The dates after `since` and before today that the action let pass: a one-off past its date
    (however long ago), or the unticked dates of a series, missed or overdue."""
    if action.status is not ActionStatus.TO_DO:
        return []
    if action.recurrence is Recurrence.NONE:
        return [action.due] if action.due is not None and action.due < today else []
    assert action.start is not None
    yesterday = today - timedelta(days=1)
    if yesterday <= since:
        return []
    done = set(action.done_on)
    return [d for d in occurrences(action.recurrence.value, action.start, action.end, since + timedelta(days=1), yesterday)
            if d not in done]


@dataclass(frozen=True, slots=True)
class Due:
    """One action that is due, as Home, the Coach session and the development plan list it."""

    action_id: str
    title: str
    goal_id: str | None
    goal: str  # the goal's statement, "" when it serves none
    on: date
    overdue: bool

    def when(self, today: date, *, with_year: bool = False) -> str:
        """'overdue since Mon 16 Nov', 'due today' or 'due Fri 4 Dec'."""
        return wording.due(self.on, today, overdue=self.overdue, with_year=with_year)


def due_soon(nb: Notebook, today: date, *, within: timedelta = DUE_SOON, goal_id: str | None = None,
             actions: Iterable[Action] | None = None, limit: int | None = None) -> tuple[Due, ...]:
    """Actions whose next date falls within `within` of today (overdue ones too), earliest first.

    `goal_id` keeps one goal's; `actions` replaces the notebook's list (a page's filtered one).
    """
    goals = {g.id: g.statement for g in nb.goals}
    rows = []
    for action in nb.actions if actions is None else actions:
        if goal_id is not None and action.goal_id != goal_id:
            continue
        day = next_date(action, today)
        if day is not None and day <= today + within:
            rows.append(Due(action.id, action.title, action.goal_id, goals.get(action.goal_id or "", ""), day, day < today))
    rows.sort(key=lambda r: (r.on, r.title.casefold()))
    return tuple(rows if limit is None else rows[:limit])
