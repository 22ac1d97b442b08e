"""What a person typed that cannot be saved, said as short messages keyed by the field they belong to.

Three sources meet here: pydantic's validation errors, the models' cross-field rules (a ValueError
written "field: explanation"), and the core's own checks of a form (`EntryError`). Pages show each
message beside its field and never the field's internal name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from career_core.limits import FIRST_DAY, LAST_DAY, LISTS

M = TypeVar("M", bound=BaseModel)


class EntryError(ValueError):
    """An entry that cannot be saved as typed, with one message per field (keyed as the form names them)."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__(next(iter(problems.values()), "Something needs fixing."))
        self.problems = dict(problems)


def split_field(message: str) -> tuple[str | None, str]:
    """'deadline: pick a later date' -> ('deadline', 'pick a later date'); a plain sentence -> (None, it)."""
    field, sep, rest = message.partition(": ")
    if sep and field and " " not in field:
        return field, rest
    return None, message


def build(model: type[M], data: Mapping[str, Any], problems: Mapping[str, str] | None = None,
          rename: Mapping[str, str] | None = None) -> M:
    """`data` as a `model`, or EntryError with `problems` and the model's own messages, each under its field.

    `rename` maps a model field to the form field that holds it (an action's `due` is the form's `when`).
    """
    found = dict(problems or {})
    try:
        entry = model.model_validate(data)
    except ValidationError as exc:
        for key, message in field_errors(exc).items():
            found.setdefault((rename or {}).get(key, key), message)
        raise EntryError(found) from None
    if found:
        raise EntryError(found)
    return entry

_FRIENDLY = {
    "string_too_short": "This cannot be empty.",
    "string_too_long": "This is too long (at most {max_length} characters).",
    "greater_than_equal": "This must be at least {ge}.",
    "less_than_equal": "This must be at most {le}.",
    "greater_than": "This must be more than {gt}.",
    "less_than": "This must be less than {lt}.",
    "date_from_datetime_parsing": "This is not a date.",
    "date_parsing": "This is not a date (use YYYY-MM-DD).",
    "date_type": "This is not a date.",
    "float_parsing": "This is not a number.",
    "finite_number": "NaN and Infinity are not numbers Waypoint can keep: write a number, or leave it empty.",
    "int_parsing": "This is not a whole number.",
    "missing": "This is required.",
    "enum": "Choose one of: {expected}.",
    "too_long": "This list is too long (at most {max_length} entries).",
    "extra_forbidden": "This field is not part of a Waypoint notebook.",
    "model_type": "This is not the kind of entry that belongs here.",
    "model_attributes_type": "This is not the kind of entry that belongs here.",
    "dict_type": "This is not the kind of entry that belongs here.",
    "list_type": "This should be a list.",
    "string_type": "This should be text.",
    "int_type": "This is not a whole number.",
    "int_from_float": "This is not a whole number.",
    "float_type": "This is not a number.",
    "bool_type": "This should be true or false.",
    "bool_parsing": "This should be true or false.",
    "literal_error": "Choose one of: {expected}.",
}
_DATE_BOUNDS = {str(FIRST_DAY), str(LAST_DAY), FIRST_DAY, LAST_DAY}
_DATE_RANGE = f"Dates run from {FIRST_DAY.year} to {LAST_DAY.year}."

# Field names that read badly as they are; the rest read as their name with spaces.
_WORDS = {
    "on": "date",
    "done_on": "completed dates",
    "parent_id": "long-term goal",
    "goal_id": "goal",
    "initiative_id": "initiative",
    "objective_ids": "linked objectives",
    "goal_ids": "linked goals",
    "org_objectives": "organisational objectives",
    "checkins": "check-ins",
    "stop_doing": "stop-doing list",
}

Path = tuple[str | int, ...]


def _message(err: dict) -> tuple[Path, str]:
    path: Path = tuple(err["loc"])
    message = err["msg"]
    ctx = err.get("ctx") or {}
    if err["type"] == "value_error":
        field, message = split_field(message.removeprefix("Value error, "))
        if field:
            path = (*path, field)
    elif err["type"] in ("greater_than_equal", "less_than_equal") and set(ctx.values()) & _DATE_BOUNDS:
        message = _DATE_RANGE
    elif err["type"] in _FRIENDLY:
        shown = {k: f"{v:g}" if isinstance(v, float) else v for k, v in ctx.items()}
        try:
            message = _FRIENDLY[err["type"]].format(**shown)
        except (KeyError, IndexError):
            message = err["msg"]
    return path, message[:1].upper() + message[1:]


def _messages(exc: ValidationError) -> list[tuple[Path, str]]:
    return [_message(err) for err in exc.errors(include_url=False, include_input=False)]


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Map a dotted field path ("goals.0.deadline") to one readable message for that field.

    Cross-field rules write their message as "field: explanation" so it lands beside the field.
    """
    out: dict[str, str] = {}
    for path, message in _messages(exc):
        out.setdefault(".".join(str(p) for p in path), message)
    return out


def where(path: Sequence[str | int]) -> str:
    """A field path in words, without ids or dots: ("goals", 3, "metric", "target") is
    "goal 4, metric target"; ("actions", 0, "done_on", 2) is "action 1, completed date 3"."""
    words: list[str] = []
    key = ""  # the path with [] for indexes, as career_core.limits.LISTS names lists
    for part in path:
        if isinstance(part, int):
            if key in LISTS and words:
                words[-1] = f"{LISTS[key].one} {part + 1:,}"  # "goals", 3 -> "goal 4"
            else:
                words.append(f"entry {part + 1:,}")
            key += "[]"
        else:
            key = f"{key}.{part}" if key else part
            words.append(_WORDS.get(part, part.replace("_", " ")))
    return ", ".join(words) or "the notebook"


def describe(exc: ValidationError, limit: int = 5) -> str:
    """Sentences naming what is wrong and where, for places with no field to sit beside.
    A field the notebook does not have is not named: its name comes from the file, not from us."""
    seen: dict[str, str] = {}
    for err in exc.errors(include_url=False, include_input=False):
        path, message = _message(err)
        if err["type"] == "extra_forbidden":
            path, message = path[:-1], "This has a field that is not part of a Waypoint notebook."
        seen.setdefault(where(path), message)
    items = [f"{w[:1].upper()}{w[1:]}: {m}" for w, m in seen.items()]
    text = " ".join(_sentence(item) for item in items[:limit])
    more = len(items) - limit
    return text + (f" And {more:,} more." if more > 0 else "")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."
