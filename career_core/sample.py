"""The sample notebook (Jo, a team leader of five heading for a division of 200), kept current.

The data is a plain JSON file with fixed dates. A sample whose last check-in is two years old
teaches nothing (every goal overdue, no recent trend), so loading moves the whole story in time:
every date and datetime shifts by the same number of days, so that the latest check-in falls on
`today`. Intervals between dates, their order and the ids that tie the parts together are
unchanged, so the shifted notebook is exactly as valid as the file.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from career_core.models import Notebook

SAMPLE_PATH = Path(__file__).resolve().parents[1] / "data" / "sample_notebook.json"


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
    the model later moves too without touching this code. `Vision.horizon_year` is a year, not
    a date: it moves by the number of calendar years the anchor crosses (the year of the latest
    check-in after the shift minus before), so "four years from now" stays four years from now
    and a shift of a few days within one year leaves it alone.
    """
    delta = timedelta(days=days)
    shifted = _shift(notebook, delta)
    if notebook.vision.horizon_year is not None and notebook.checkins:
        before = anchor(notebook)
        years = (before + delta).year - before.year
        vision = shifted.vision.model_copy(update={"horizon_year": notebook.vision.horizon_year + years})
        shifted = shifted.model_copy(update={"vision": vision})
    # model_copy skips validation; validate once so the result is a checked Notebook of its own.
    return Notebook.model_validate(shifted.model_dump())


def load_sample(today: date | None = None) -> Notebook:
    """The sample notebook with its latest check-in on `today` (default: the real today).

    Ids are kept as they are (goals, actions and check-ins reference each other by id);
    `Store.add` gives the notebook itself a fresh id when it is stored.
    """
    base = _base()
    today = today or date.today()
    return shift_dates(base, (today - anchor(base)).days)


@cache
def _base() -> Notebook:
    # Read and validated once per process; callers only ever get shifted copies.
    return Notebook.model_validate_json(SAMPLE_PATH.read_bytes())


def _shift(value: Any, delta: timedelta) -> Any:
    # datetime is a subclass of date; both move by the same whole days.
    if isinstance(value, date):
        return value + delta
    if isinstance(value, BaseModel):
        return value.model_copy(
            update={name: _shift(getattr(value, name), delta) for name in type(value).model_fields}
        )
    if isinstance(value, list):
        return [_shift(v, delta) for v in value]
    if isinstance(value, tuple):
        return tuple(_shift(v, delta) for v in value)
    if isinstance(value, dict):
        return {k: _shift(v, delta) for k, v in value.items()}
    return value
