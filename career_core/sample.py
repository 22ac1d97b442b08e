"""The sample notebook (Jo, a team leader of five heading for a division of 200), kept current.

The data is a plain JSON file with fixed dates. A sample whose last check-in is two years old
teaches nothing (every goal overdue, no recent trend), so loading moves the whole story in time:
every date and datetime shifts by the same whole number of weeks, so that the latest check-in
falls in the last seven days, on the weekday it was written for (a Friday review stays a Friday). Intervals between dates, their order and the ids that tie the parts together are
unchanged, so the shifted notebook is exactly as valid as the file.

Dates written inside the text move too, or a goal would read "by 31 May 2027" above a deadline
field that says 2 June: a full date ("31 May 2027") moves by the same days as the fields, and a
bare year ("by the end of 2030", "in 2028") moves like `Vision.horizon_year` (see `shift_dates`).
The sample's text is written with that in mind: no month without a day and a year, and no other
number between 1900 and 2199.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from career_core.models import Notebook

SAMPLE_PATH = Path(__file__).resolve().parents[1] / "data" / "sample_notebook.json"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
# "31 May 2027" (a date) or "2030" (a year), as whole words.
_DATE_OR_YEAR = re.compile(rf"\b(?:(\d{{1,2}}) ({'|'.join(MONTHS)}) )?((?:19|20|21)\d\d)\b")


def anchor(notebook: Notebook) -> date:
    """The date the notebook's story is told from: its latest check-in.

    Kept in the data rather than beside it, because the model forbids extra keys and a separate
    constant would drift the moment someone edits the JSON.
    """
    if not notebook.checkins:
        raise ValueError("checkins: a notebook without check-ins has no date to anchor a shift on")
    return max(c.on for c in notebook.checkins)


def shift_dates(notebook: Notebook, days: int) -> Notebook:
    """A copy of the notebook with every date and datetime moved by `days` days.

    Walks the model generically (nested models, lists, tuples, dicts), so a date field added to
    the model later moves too without touching this code. Years are not dates:
    `Vision.horizon_year` and bare years in text move by the number of calendar years the anchor
    crosses (its year after the shift minus before), so a vision "four years from now" stays
    four years from now, and a shift of a few days within one year leaves them alone.
    Ids and references (`id`, `*_id`, `*_ids`) are never touched.
    """
    delta = timedelta(days=days)
    before = anchor(notebook) if notebook.checkins else notebook.created_at.date()
    years = (before + delta).year - before.year
    shifted = _shift(notebook, delta, years)
    if notebook.vision.horizon_year is not None:
        vision = shifted.vision.model_copy(update={"horizon_year": notebook.vision.horizon_year + years})
        shifted = shifted.model_copy(update={"vision": vision})
    # model_copy skips validation; validate once so the result is a checked Notebook of its own.
    return Notebook.model_validate(shifted.model_dump())


def shift_text(text: str, delta: timedelta, years: int) -> str:
    """Move the full dates ("31 May 2027") in `text` by `delta` and bare years by `years`."""

    def move(match: re.Match[str]) -> str:
        day, month, year = match.groups()
        if month is None:
            return str(int(year) + years)
        try:
            moved = date(int(year), MONTHS.index(month) + 1, int(day)) + delta
        except ValueError:  # "31 June 2027" is no date; leave it as written
            return match.group(0)
        return f"{moved.day} {MONTHS[moved.month - 1]} {moved.year}"

    return _DATE_OR_YEAR.sub(move, text)


def load_sample(today: date | None = None) -> Notebook:
    """The sample notebook with its latest check-in in the week up to `today` (default: the real today).

    The shift is whole weeks so recurring actions keep their weekdays.

    Ids are kept as they are (goals, actions and check-ins reference each other by id);
    `Store.add` gives the notebook itself a fresh id when it is stored.
    """
    base = _base()
    today = today or date.today()
    return shift_dates(base, shift_days(anchor(base), today))


def shift_days(anchor_day: date, today: date) -> int:
    """Whole weeks that bring `anchor_day` to `today` or up to six days before it."""
    days = (today - anchor_day).days
    return days - days % 7


@cache
def _base() -> Notebook:
    # Read and validated once per process; callers only ever get shifted copies.
    return Notebook.model_validate_json(SAMPLE_PATH.read_bytes())


def _is_reference(field: str) -> bool:
    return field == "id" or field.endswith(("_id", "_ids"))


def _shift(value: Any, delta: timedelta, years: int) -> Any:
    # datetime is a subclass of date; both move by the same whole days.
    if isinstance(value, date):
        return value + delta
    if isinstance(value, str):
        return value if isinstance(value, Enum) else shift_text(value, delta, years)
    if isinstance(value, BaseModel):
        return value.model_copy(
            update={
                name: _shift(getattr(value, name), delta, years)
                for name in type(value).model_fields
                if not _is_reference(name)
            }
        )
    if isinstance(value, list):
        return [_shift(v, delta, years) for v in value]
    if isinstance(value, tuple):
        return tuple(_shift(v, delta, years) for v in value)
    if isinstance(value, dict):
        return {k: _shift(v, delta, years) for k, v in value.items()}
    return value
