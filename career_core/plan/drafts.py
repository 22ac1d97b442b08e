"""Turning what a person typed into plan entries: actions, initiatives and stop-doing entries.

A form holds a draft (`ActionDraft`, `InitiativeDraft`, `StopDraft`); `build_*` turns it into the
entry, or raises `EntryError` naming each field that needs fixing, in words a person can act on.
A date more than a year back is taken for a typo, unless the entry already had it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from career_core import edit, wording
from career_core.models import (
    Action,
    ActionStatus,
    Initiative,
    InitiativeStatus,
    Notebook,
    Recurrence,
    StopDoing,
    StopKind,
)
from career_core.validation import build

FAR_PAST: Final = timedelta(days=365)  # a new plan entry dated earlier than this is a typo, not a plan


def _far_past(day: date | None, today: date) -> bool:
    return day is not None and day < today - FAR_PAST


def _far_past_message(day: date) -> str:
    return (f"{wording.day(day)} is more than a year ago. A plan looks ahead: pick a date from the "
            "last twelve months or later.")


def _hours_problem(hours: float | None, what: str) -> str | None:
    if hours is None:
        return f"Say roughly how many hours {what}."
    if hours < 0:
        return "Hours cannot be negative. Use 0 for something that takes no real time."
    return None


@dataclass(frozen=True, slots=True)
class ActionDraft:
    """What the action form holds: `when` is the due date, or the first date of a repeating step."""

    title: str
    goal_id: str | None
    initiative_id: str | None
    recurrence: Recurrence
    when: date | None
    until: date | None
    hours: float | None
    status: ActionStatus = ActionStatus.TO_DO


def draft_of(action: Action) -> ActionDraft:
    once = action.recurrence is Recurrence.NONE
    return ActionDraft(action.title, action.goal_id, action.initiative_id, action.recurrence,
                       action.due if once else action.start, None if once else action.end, action.hours, action.status)


def build_action(nb: Notebook, draft: ActionDraft, today: date, previous: Action | None = None) -> Action:
    """The action a form describes, or EntryError naming each field that needs fixing."""
    problems: dict[str, str] = {}
    if msg := _hours_problem(draft.hours, "it takes each time"):
        problems["hours"] = msg
    if not draft.goal_id and not draft.initiative_id:
        problems["goal_id"] = "Choose the goal or the initiative (or both) this step moves forward."
    elif draft.goal_id and nb.goal(draft.goal_id) is None:
        problems["goal_id"] = "That goal no longer exists; choose another."
    elif draft.initiative_id and edit.find(nb.initiatives, draft.initiative_id) is None:
        problems["initiative_id"] = "That initiative no longer exists; choose another."
    once = draft.recurrence is Recurrence.NONE
    before = draft_of(previous) if previous else None
    if draft.when is None:
        problems["when"] = ("Give the step a date: when it is due." if once
                            else "Give the step a date: when it starts repeating.")
    elif _far_past(draft.when, today) and (before is None or before.when != draft.when):
        problems["when"] = _far_past_message(draft.when)
    if once and draft.until is not None:
        problems["until"] = "A one-off step has no end date. Choose how often it repeats, or leave this empty."
    completed_at = None
    if draft.status is ActionStatus.DONE:
        completed_at = previous.completed_at if previous and previous.completed_at else today
    data = {
        "title": draft.title,
        "goal_id": draft.goal_id or None,
        "initiative_id": draft.initiative_id or None,
        "recurrence": draft.recurrence,
        "due": draft.when if once else None,
        "start": None if once else draft.when,
        "end": None if once else draft.until,
        "hours": draft.hours if draft.hours is not None and draft.hours >= 0 else 0,
        "status": draft.status,
        "completed_at": completed_at,
    }
    if previous is not None:
        data.update(id=previous.id, done_on=previous.done_on)
    return build(Action, data, problems, rename={"due": "when", "start": "when", "end": "until"})


@dataclass(frozen=True, slots=True)
class InitiativeDraft:
    title: str
    start: date | None
    finish: date | None
    success_measure: str
    supports: str
    goal_ids: tuple[str, ...]
    approvals: str
    status: InitiativeStatus


def initiative_draft(i: Initiative) -> InitiativeDraft:
    return InitiativeDraft(i.title, i.start, i.finish, i.success_measure, i.supports, tuple(i.goal_ids), i.approvals, i.status)


def build_initiative(nb: Notebook, draft: InitiativeDraft, today: date, previous: Initiative | None = None) -> Initiative:
    problems: dict[str, str] = {}
    if _far_past(draft.finish, today) and (previous is None or previous.finish != draft.finish):
        problems["finish"] = _far_past_message(draft.finish)  # type: ignore[arg-type]
    known = {g.id for g in nb.goals}
    if any(g not in known for g in draft.goal_ids):
        problems["goal_ids"] = "One of these goals no longer exists; choose again."
    data = {
        "title": draft.title, "start": draft.start, "finish": draft.finish,
        "success_measure": draft.success_measure, "supports": draft.supports,
        "goal_ids": list(draft.goal_ids), "approvals": draft.approvals, "status": draft.status,
    }
    if previous is not None:
        data["id"] = previous.id
    return build(Initiative, data, problems)


@dataclass(frozen=True, slots=True)
class StopDraft:
    what: str
    kind: StopKind
    delegate_to: str
    until: date | None
    hours_per_week: float | None
    since: date | None


def stop_draft(s: StopDoing) -> StopDraft:
    return StopDraft(s.what, s.kind, s.delegate_to, s.until, s.hours_per_week, s.since)


def build_stop(nb: Notebook, draft: StopDraft, today: date, previous: StopDoing | None = None) -> StopDoing:
    problems: dict[str, str] = {}
    if msg := _hours_problem(draft.hours_per_week, "a week this frees"):
        problems["hours_per_week"] = msg
    if draft.kind is StopKind.DELEGATE and not draft.delegate_to.strip():
        problems["delegate_to"] = "Say who takes it over."
    if draft.kind is not StopKind.DELEGATE and draft.delegate_to.strip():
        problems["delegate_to"] = "Only a delegated task goes to someone: choose “Delegate”, or leave this empty."
    changed_until = previous is None or previous.until != draft.until
    if draft.kind is StopKind.POSTPONE and draft.until is None:
        problems["until"] = "Say until when you put it off."
    elif draft.kind is StopKind.CANCEL and draft.until is not None:
        problems["until"] = "Cancelling is for good: choose “Postpone” to put it off until a date, or leave this empty."
    elif draft.until is not None and draft.since is not None and draft.until <= draft.since:
        problems["until"] = "This comes before the day you stop; pick a later date."
    elif draft.until is not None and draft.until <= today and changed_until:
        problems["until"] = "That date has passed already; pick a date still to come."
    if _far_past(draft.since, today) and (previous is None or previous.since != draft.since):
        problems["since"] = _far_past_message(draft.since)  # type: ignore[arg-type]
    data = {
        "what": draft.what, "kind": draft.kind, "delegate_to": draft.delegate_to.strip(),
        "until": draft.until, "since": draft.since,
        "hours_per_week": draft.hours_per_week if draft.hours_per_week is not None and draft.hours_per_week >= 0 else 0,
    }
    if previous is not None:
        data["id"] = previous.id
    return build(StopDoing, data, problems)
