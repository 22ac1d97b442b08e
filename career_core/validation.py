"""What a person typed that cannot be saved, said as short messages keyed by the field they belong to.

Three sources meet here: pydantic's validation errors, the models' cross-field rules (a ValueError
written "field: explanation"), and the core's own checks of a form (`EntryError`). Pages show each
message beside its field and never the field's internal name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

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
    "int_parsing": "This is not a whole number.",
    "missing": "This is required.",
    "extra_forbidden": "This field is not part of a Waypoint notebook.",
    "enum": "Choose one of: {expected}.",
    "too_long": "This list is too long (at most {max_length} entries).",
}


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Map a dotted field path ("goals.0.deadline") to one readable message for that field.

    Cross-field rules write their message as "field: explanation" so it lands beside the field.
    """
    out: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        path = [str(p) for p in err["loc"]]
        message = err["msg"]
        if err["type"] == "value_error":
            field, message = split_field(message.removeprefix("Value error, "))
            if field:
                path.append(field)
        elif err["type"] in _FRIENDLY:
            ctx = {k: f"{v:g}" if isinstance(v, float) else v for k, v in (err.get("ctx") or {}).items()}
            try:
                message = _FRIENDLY[err["type"]].format(**ctx)
            except (KeyError, IndexError):
                message = err["msg"]
        key = ".".join(path)
        out.setdefault(key, message[:1].upper() + message[1:])
    return out


def describe(exc: ValidationError, limit: int = 5) -> str:
    """One paragraph naming the fields that are wrong, for places with no field to sit beside."""
    items = [f"{k or 'notebook'}: {v}" for k, v in field_errors(exc).items()]
    more = len(items) - limit
    text = "; ".join(items[:limit])
    return text + (f"; and {more} more" if more > 0 else "")
