"""Edits that either apply whole or not at all.

pydantic's validate_assignment leaves a value in place when a cross-field rule rejects it, so
pages never assign fields directly: they call `assign`, which validates the changed model first.
Nor does pydantic check a list that grows by `append`, so entries are added with `add`, which
checks the notebook's limit for that list first (the store checks again before every write).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from pydantic import BaseModel

from career_core.limits import room_for
from career_core.models import Item, Notebook

M = TypeVar("M", bound=BaseModel)
ItemT = TypeVar("ItemT", bound=Item)


def changed(model: M, **changes: object) -> M:
    """A validated copy of `model` with `changes`: how a frozen entry (a check-in, an action) is
    edited, put in the place of the old one with `replace` (or both at once: `renew`). Raises
    ValidationError."""
    return type(model).model_validate({**dict(model), **changes})


def assign(model: M, **changes: object) -> M:
    """Set fields on `model` after validating the result; raise ValidationError and change nothing.
    A frozen model (a check-in, an action) is never changed in place: TypeError; use `renew`."""
    if model.model_config.get("frozen"):
        raise TypeError(f"{type(model).__name__} is frozen: replace it with edit.renew rather than assign to it")
    checked = changed(model, **changes)
    for name in changes:
        model.__dict__[name] = checked.__dict__[name]
    return model


def add(notebook: Notebook, path: str, item: ItemT) -> ItemT:
    """Append `item` to the list at `path` ("goals", "reflection.skills"), or raise
    limits.LimitError (a ValueError, in words) when the notebook holds as many as it may."""
    room_for(notebook, path)
    owner: object = notebook
    *parents, name = path.split(".")
    for part in parents:
        owner = getattr(owner, part)
    getattr(owner, name).append(item)
    return item


def update(notebook: Notebook, model: M, **changes: object) -> M:
    """Set fields on `model`, a part of `notebook`, after validating the result: in place
    (`assign`), or, for a frozen entry of one of the notebook's lists (a review), by a changed copy
    put where it is (`renew`), which is returned. How a field editor that holds the model, not its
    list, changes it. ValueError when a frozen entry is in none of the lists."""
    if not model.model_config.get("frozen"):
        return assign(model, **changes)
    for name in type(notebook).model_fields:
        items = getattr(notebook, name)
        if isinstance(items, list) and any(item is model for item in items):
            return renew(items, model, **changes)
    raise ValueError("This entry no longer exists; it may have been removed in another tab.")


def find(items: Iterable[ItemT], item_id: str) -> ItemT | None:
    return next((item for item in items if item.id == item_id), None)


def replace(items: list[ItemT], item: ItemT) -> None:
    """Put `item` where the entry with its id was, or at the end if there was none."""
    for i, existing in enumerate(items):
        if existing.id == item.id:
            items[i] = item
            return
    items.append(item)


def renew(items: list[ItemT], item: ItemT, **changes: object) -> ItemT:
    """Put a validated copy of `item` with `changes` in its place in `items`, and return it: how
    a frozen entry is edited. Raises ValidationError and changes nothing."""
    new = changed(item, **changes)
    replace(items, new)
    return new


def without_link(items: list[ItemT], name: str, item_id: str) -> None:
    """Entries whose field `name` names `item_id` name nothing instead, each replaced by a copy
    (frozen entries, such as actions, never change in place)."""
    items[:] = [item.model_copy(update={name: None}) if getattr(item, name) == item_id else item for item in items]


def remove(items: list[ItemT], item_id: str) -> ItemT | None:
    for i, existing in enumerate(items):
        if existing.id == item_id:
            return items.pop(i)
    return None


def remove_goal(notebook: Notebook, goal_id: str) -> None:
    """Delete a goal and everything that only makes sense with it (its check-ins, its links)."""
    remove(notebook.goals, goal_id)
    notebook.checkins[:] = [c for c in notebook.checkins if c.goal_id != goal_id]
    for goal in notebook.goals:
        if goal.parent_id == goal_id:
            goal.__dict__["parent_id"] = None
    without_link(notebook.actions, "goal_id", goal_id)  # frozen: copies; the others keep their objects
    for initiative in notebook.initiatives:
        if goal_id in initiative.goal_ids:  # every link: an initiative may name a goal twice (a file imported so)
            initiative.goal_ids[:] = [g for g in initiative.goal_ids if g != goal_id]
    for journal in notebook.journal:
        if journal.goal_id == goal_id:
            journal.__dict__["goal_id"] = None
    for review in list(notebook.reviews):  # frozen: a review that named the goal is replaced by a copy
        if any(d.goal_id == goal_id for d in review.decisions):
            renew(notebook.reviews, review, decisions=[d for d in review.decisions if d.goal_id != goal_id])
