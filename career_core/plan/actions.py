"""Actions: the days each one takes, ticking them off, and the action list with its buttons.

A one-off action is due on a day; a repeating one comes round on the days of its series
(career_core.schedule). "Done" on a series ticks off one date, the current one; the series goes
on until its end or until it is marked finished. When an action is next due, and whether it is
overdue, is career_core.due's rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Final, get_origin

from career_core import due, edit, wording
from career_core.due import current_date, next_date, series_over
from career_core.models import (
    Action,
    ActionStatus,
    Goal,
    Initiative,
    Notebook,
    Recurrence,
)
from career_core.schedule import describe, first, occurrences

# --- when actions happen ----------------------------------------------------------------------


def planned_until(action: Action) -> date | None:
    """The last day a recurring action asks for time: its end, or the day it was finished early."""
    if action.status is ActionStatus.DONE and action.completed_at is not None:
        return min(action.end, action.completed_at) if action.end else action.completed_at
    return action.end


def action_dates(action: Action, window_start: date, window_end: date) -> list[date]:
    """The days this action takes time inside the window; dropped actions take none."""
    if action.status is ActionStatus.DROPPED:
        return []
    if action.recurrence is Recurrence.NONE:
        due = action.due
        return [due] if due is not None and window_start <= due <= window_end else []
    assert action.start is not None  # guaranteed by the model
    return occurrences(action.recurrence.value, action.start, planned_until(action), window_start, window_end)


def schedule_text(action: Action, today: date | None = None) -> str:
    """'due Fri 4 Dec 2026' or 'every Monday from 18 May 2026 until 31 May 2027'."""
    if action.recurrence is Recurrence.NONE:
        return f"due {wording.day(action.due, today, weekday=True)}" if action.due else "no date yet"
    assert action.start is not None
    cadence = action.recurrence.value
    text = f"{describe(cadence, action.start)} from {wording.day(first(cadence, action.start), today)}"
    return text + (f" until {wording.day(action.end, today)}" if action.end else "")


# --- ticking off ------------------------------------------------------------------------------


# Each takes the notebook and the action's id, and puts a changed copy in the action's place
# (actions are frozen). An action removed meanwhile, in another tab, is said in words.
GONE = "This action no longer exists; it may have been removed in another tab."


def _action(nb: Notebook, action_id: str) -> Action:
    action = edit.find(nb.actions, action_id)
    if action is None:
        raise ValueError(GONE)
    return action


def mark_done(nb: Notebook, action_id: str, today: date) -> date | None:
    """Tick off what 'done' means today: the current occurrence (returned), or the whole action.

    A series whose end has passed is finished as a whole (its last open date, if any, can still
    be ticked with `tick`).
    """
    action = _action(nb, action_id)
    series_over = action.end is not None and action.end < today
    if action.recurrence is not Recurrence.NONE and action.status is ActionStatus.TO_DO and not series_over:
        day = current_date(action, today)
        if day is not None:
            _ticked(nb, action, day)
            return day
    edit.renew(nb.actions, action, status=ActionStatus.DONE, completed_at=today)
    return None


def tick(nb: Notebook, action_id: str, day: date) -> None:
    _ticked(nb, _action(nb, action_id), day)


def _ticked(nb: Notebook, action: Action, day: date) -> None:
    edit.renew(nb.actions, action, done_on=sorted({*action.done_on, day}))


def undo_done(nb: Notebook, action_id: str, day: date) -> None:
    action = _action(nb, action_id)
    edit.renew(nb.actions, action, done_on=[d for d in action.done_on if d != day])


def reopen(nb: Notebook, action_id: str) -> None:
    edit.renew(nb.actions, _action(nb, action_id), status=ActionStatus.TO_DO, completed_at=None)


# --- the action list --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActionLine:
    """One action as the plan lists it."""

    action_id: str
    title: str
    towards: str  # the goal or initiative it moves, in words
    status: str  # "to do" | "overdue" | "done" | "dropped" | "series over"
    icon: str
    schedule: str
    hours: float
    next_date: date | None  # the next date that still needs doing
    current: date | None  # what a 'done' click ticks off (recurring actions)
    last_done: date | None  # the latest ticked-off occurrence, for undo
    done_count: int  # occurrences done so far (recurring)
    past_count: int  # occurrences up to today (recurring)
    recurring: bool
    series_over: bool  # a recurring action whose dates have all passed

    @property
    def finished(self) -> bool:
        return self.status in ("done", "dropped")

    def details(self, today: date) -> str:
        """'Overdue since 30 Nov · every Monday from 2 Nov · 1 h each time · done 3 of 4 so far': the
        next date (career_core.due's rule) where there is one, else the status."""
        each = " each time" if self.recurring else ""
        dated = self.status in ("to do", "overdue") and self.next_date is not None
        parts = [self.when(today) if dated else self.status]
        if self.recurring or not dated:  # a one-off's schedule is its date, said already
            parts.append(self.schedule)
        text = " · ".join([wording.capital(parts[0]), *parts[1:], f"{wording.hours(self.hours)}{each}"])
        if self.recurring and self.past_count:
            text += f" · done {self.done_count} of {self.past_count} so far"
        return text

    def when(self, today: date) -> str:
        """When the next date is, from today: 'overdue since 30 Nov', 'due today', 'due Fri 4 Dec'."""
        if self.next_date is None:
            return "no date"
        return wording.due(self.next_date, today, overdue=self.status == "overdue")


STATUS_ICONS: Final = {
    "to do": ":material/radio_button_unchecked:",
    "overdue": ":material/error:",
    "done": ":material/check_circle:",
    "dropped": ":material/cancel:",
    "series over": ":material/event_busy:",
}


def _towards(action: Action, goals: dict[str, Goal], initiatives: dict[str, Initiative]) -> str:
    parts = []
    if action.initiative_id in initiatives:
        parts.append(f"Initiative: {initiatives[action.initiative_id].title}")
    if action.goal_id in goals:
        parts.append(f"Goal: {goals[action.goal_id].statement}")
    return " · ".join(parts) or "Not linked to a goal or initiative"


def _action_line(action: Action, today: date, towards: str) -> ActionLine:
    recurring = action.recurrence is not Recurrence.NONE
    done_count = past_count = 0
    current = last_done = None
    over = False
    if recurring:
        assert action.start is not None
        past = occurrences(action.recurrence.value, action.start, action.end, action.start, today)
        done = set(action.done_on)
        past_count = len(past)
        done_count = sum(1 for d in past if d in done)
        last_done = max(action.done_on, default=None)
        current = current_date(action, today)
        over = action.status is ActionStatus.TO_DO and series_over(action, today)
    upcoming = next_date(action, today)
    if action.status is ActionStatus.DONE:
        status = "done"
    elif action.status is ActionStatus.DROPPED:
        status = "dropped"
    elif over:
        status = "series over"
    elif upcoming is not None and upcoming < today:
        status = "overdue"  # a one-off past its date, or this period's date of a series gone by unticked
    else:
        status = "to do"
    return ActionLine(
        action_id=action.id,
        title=action.title,
        towards=towards,
        status=status,
        icon=STATUS_ICONS[status],
        schedule=schedule_text(action, today),
        hours=action.hours,
        next_date=upcoming,
        current=current,
        last_done=last_done,
        done_count=done_count,
        past_count=past_count,
        recurring=recurring,
        series_over=over,
    )


SHOW: Final = {"todo": (ActionStatus.TO_DO,), "done": (ActionStatus.DONE,), "dropped": (ActionStatus.DROPPED,),
               "all": tuple(ActionStatus)}

LineReuse = dict[str, tuple[tuple[object, ...], ActionLine]]  # action id -> (what its line was worked out from, the line)

_LISTED: Final = tuple(name for name, f in Action.model_fields.items() if get_origin(f.annotation) is list)
_SINGLE: Final = attrgetter(*(name for name in Action.model_fields if name not in _LISTED))


def _inputs(action: Action, today: date, towards: str) -> tuple[object, ...]:
    """Everything an action's line is worked out from, by value, lists as tuples: a key holds
    values only, so it stays what it was whatever becomes of the action."""
    return today, towards, _SINGLE(action), tuple([tuple(getattr(action, name)) for name in _LISTED])


def action_lines(nb: Notebook, today: date, show: str = "todo", towards: str | None = None,
                 search: str = "", *, reuse: LineReuse | None = None) -> list[ActionLine]:
    """Actions in the order to do them (overdue first, then by date), filtered as the list asks.

    `towards` is "goal:<id>", "initiative:<id>" or "unlinked"; `search` matches the title.
    `reuse`: a dict the caller keeps from one call to the next (a session, for its notebook); an
    action whose line would be worked out from the very same inputs as last time (`_inputs`) gets
    last time's line, so a tick works out one line again, not one per action of the notebook.
    """
    goals = {g.id: g for g in nb.goals}
    initiatives = {i.id: i for i in nb.initiatives}
    needle = search.strip().casefold()
    wanted = SHOW[show]
    belongs = None if towards is None else _belonging(towards, goals, initiatives)
    lines = []
    for action in nb.actions:
        if action.status not in wanted or (needle and needle not in action.title.casefold()):
            continue
        if belongs is not None and not belongs(action):
            continue
        lines.append(_line(action, today, _towards(action, goals, initiatives), reuse))
    if reuse is not None:
        for gone in reuse.keys() - {a.id for a in nb.actions}:
            del reuse[gone]
    lines.sort(key=_in_order)
    return lines


def _line(action: Action, today: date, towards: str, reuse: LineReuse | None) -> ActionLine:
    """The action's line; with `reuse`, last time's when worked out from the very same inputs."""
    if reuse is None:
        return _action_line(action, today, towards)
    inputs = _inputs(action, today, towards)
    held = reuse.get(action.id)
    line = held[1] if held is not None and held[0] == inputs else _action_line(action, today, towards)
    reuse[action.id] = (inputs, line)
    return line


def _in_order(line: ActionLine) -> tuple[date, str]:
    """Overdue first, then by date; the undated last; by title within a day."""
    return line.next_date or date.max, line.title.casefold()


def _belonging(towards: str, goals: dict[str, Goal], initiatives: dict[str, Initiative]) -> Callable[[Action], bool]:
    """Whether an action is one `towards` asks for, read once for a list of hundreds of actions."""
    kind, _, ref = towards.partition(":")
    if kind == "goal":
        return lambda action: action.goal_id == ref
    if kind == "initiative":
        return lambda action: action.initiative_id == ref
    return lambda action: action.goal_id not in goals and action.initiative_id not in initiatives


def due_soon(nb: Notebook, goal_id: str, today: date, limit: int = 8, *,
             reuse: LineReuse | None = None, by_goal: Mapping[str, Sequence[Action]] | None = None) -> list[ActionLine]:
    """A goal's steps due soon by career_core.due's rule (overdue ones too), as lines to tick off
    right after a check-in, in `action_lines`' order. `reuse`: as `action_lines` takes it. `by_goal`:
    the notebook's actions by goal, as career_core.goal_grouping keeps them, else the notebook's
    actions are read once. Works out lines only for the goal's steps that are due."""
    mine = list(by_goal.get(goal_id, ())) if by_goal is not None else [a for a in nb.actions if a.goal_id == goal_id]
    wanted = {d.action_id for d in due.due_soon(nb, today, goal_id=goal_id, actions=mine)}
    if not wanted:
        return []
    goals, initiatives = {g.id: g for g in nb.goals}, {i.id: i for i in nb.initiatives}
    lines = [_line(a, today, _towards(a, goals, initiatives), reuse)
             for a in mine if a.id in wanted and a.status in SHOW["todo"]]
    return sorted(lines, key=_in_order)[:limit]


# --- the buttons beside an action -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActionButton:
    """One thing a person can do with an action in the list, as `press` carries it out."""

    kind: str  # "reopen" | "tick" | "finish" | "undo"
    label: str
    day: date | None = None  # the date a tick or an undo is about
    primary: bool = False
    help: str = ""


def action_buttons(line: ActionLine, today: date) -> tuple[ActionButton, ...]:
    """The buttons that apply to an action now, the one most likely wanted marked primary.

    A finished action can be reopened. A live series ticks off its current date; a series whose
    end has passed can still tick its last open date, and is finished as a whole. A series with
    a ticked date can take back the latest tick.
    """
    if line.finished:
        return (ActionButton("reopen", "Reopen"),)
    buttons = []
    live_series = line.recurring and not line.series_over
    if line.recurring and line.current is not None:
        buttons.append(ActionButton("tick", f"Tick {wording.day(line.current, today)}", line.current,
                                    primary=live_series, help="Tick off this date of the series."))
    if not live_series or line.current is None:
        buttons.append(ActionButton("finish", "Mark finished" if line.recurring else "Mark done", primary=True))
    if line.recurring and line.last_done is not None:
        buttons.append(ActionButton("undo", f"Undo {wording.day(line.last_done, today)}", line.last_done,
                                    help="Take back the latest tick."))
    return tuple(buttons)


def press(nb: Notebook, action_id: str, button: ActionButton, today: date) -> None:
    """Carry out a button of `action_buttons` on the action."""
    if button.kind == "reopen":
        reopen(nb, action_id)
    elif button.kind == "tick" and button.day is not None:
        tick(nb, action_id, button.day)
    elif button.kind == "undo" and button.day is not None:
        undo_done(nb, action_id, button.day)
    else:
        mark_done(nb, action_id, today)
