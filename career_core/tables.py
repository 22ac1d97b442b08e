"""Edits made in a table (a row per list entry) turned into validated changes to those entries.

A table shows entries in some order (newest first, ranked, ...) and reports what changed by row
position: `{"edited_rows": {row: {column: value}}, "deleted_rows": [row, ...]}` (the shape
Streamlit's data editor keeps). `table_change` maps that back to entries by id, converts each
column with its own function, and validates every changed entry, so a table edit is applied whole
or not at all and the message names the row that is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from career_core.models import Item
from career_core.validation import field_errors

ItemT = TypeVar("ItemT", bound=Item)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: the model field it edits and how a cell's value becomes the field's value."""

    field: str
    convert: Callable[[Any], Any] = lambda v: v


@dataclass(slots=True)
class TableChange(Generic[ItemT]):
    updated: dict[str, ItemT] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.updated or self.deleted)

    def apply(self, items: list[ItemT]) -> None:
        """Change `items` in place, keeping their order."""
        items[:] = [self.updated.get(i.id, i) for i in items if i.id not in self.deleted]


def table_change(
    shown: Sequence[ItemT],
    state: Mapping[str, Any] | None,
    columns: Mapping[str, Column],
    *,
    describe_row: Callable[[ItemT], str] = lambda item: "",
) -> TableChange[ItemT]:
    """What a table's edit state does to the entries shown in it (in the order shown).

    Raises ValueError naming the row (1-based, as people count) when an edited entry is invalid.
    """
    change: TableChange[ItemT] = TableChange()
    if not state:
        return change
    for row in _rows(state.get("deleted_rows", ())):
        if 0 <= row < len(shown):
            change.deleted.add(shown[row].id)
    for raw_row, cells in (state.get("edited_rows") or {}).items():
        row = int(raw_row)
        if not 0 <= row < len(shown) or shown[row].id in change.deleted:
            continue
        item = shown[row]
        updates = {}
        for label, value in cells.items():
            if label in columns:
                try:
                    updates[columns[label].field] = columns[label].convert(value)
                except (TypeError, ValueError) as exc:
                    raise ValueError(f"Row {row + 1}{_named(describe_row(item))}: {label}: {exc}") from exc
        if not updates:
            continue
        try:
            change.updated[item.id] = type(item).model_validate({**dict(item), **updates})
        except ValidationError as exc:
            raise ValueError(_row_message(row, describe_row(item), exc, columns)) from exc
    return change


def _rows(raw: Iterable[Any]) -> list[int]:
    return [int(r) for r in raw]


def _named(name: str) -> str:
    return f" ({name})" if name else ""


def _row_message(row: int, name: str, exc: ValidationError, columns: Mapping[str, Column]) -> str:
    """"Row 2 (Alex): Who: This cannot be empty." — the column as the person sees it."""
    label_of = {c.field: label for label, c in columns.items()}
    parts = []
    for path, message in field_errors(exc).items():
        label = label_of.get(path.split(".")[0], path)
        parts.append(f"{label}: {message}" if label else message)
    return f"Row {row + 1}{_named(name)}: " + "; ".join(parts)


# --- converters for cells: empty cells and stray types get a message a person understands ------


def text(value: Any) -> str:
    return "" if value is None else str(value)


def whole(value: Any) -> int:
    if value is None or value == "":
        raise ValueError("a number is needed")
    number = float(value)
    if not number.is_integer():
        raise ValueError(f"{value} is not a whole number")
    return int(number)


def flag(value: Any) -> bool:
    return bool(value)


def day(value: Any) -> Any:
    """A date cell: data editors report ISO text, sometimes with a time of midnight."""
    if value is None or value == "":
        raise ValueError("a date is needed")
    return value[:10] if isinstance(value, str) else value


def choice(options: Mapping[str, Any]) -> Callable[[Any], Any]:
    """A cell showing a label whose stored value is `options[label]`."""

    def convert(value: Any) -> Any:
        if value not in options:
            raise ValueError(f"choose one of: {', '.join(options)}")
        return options[value]

    return convert
