"""Derived data, computed once per notebook revision and day, then shared by every page and rerun.

`per_revision(fn, nb, today, *args)` is the one cache of the app: `fn(nb, today, *args)` is worked
out the first time any page asks for it with this notebook revision, this day and these
arguments, and every rerun after that costs nothing. A change to the notebook is a new revision,
so nothing stale is ever shown. The notebook itself is passed to Streamlit with a leading
underscore, so five years of data are never hashed on a rerun; the key is the notebook's id and
revision. `fn` must be a named module-level function: its module and name are part of the key.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import streamlit as st

from career_core.models import Notebook
from career_core.progress import GoalProgress, all_progress
from career_core.review import smart_scores

T = TypeVar("T")


@st.cache_data(max_entries=256, show_spinner=False)
def _derive(name: str, notebook_id: str, revision: int, today: date, args: tuple, _nb: Notebook,
            _fn: Callable[..., Any]) -> Any:
    return _fn(_nb, today, *args)


def per_revision(fn: Callable[..., T], nb: Notebook, today: date, *args: Any) -> T:
    """`fn(nb, today, *args)`, computed once per notebook revision, day and arguments."""
    code = getattr(fn, "__code__", None)  # page scripts all run as __main__: their file tells them apart
    name = f"{fn.__module__}.{fn.__qualname__}@{code.co_filename if code else ''}"
    if "<" in fn.__qualname__:
        raise TypeError(f"per_revision needs a named function, not {name}: the name is part of the cache key")
    return _derive(name, nb.id, nb.revision, today, tuple(args), nb, fn)


def progress(nb: Notebook, today: date) -> dict[str, GoalProgress]:
    """Every goal's progress on `today` (Home, Progress, Review and the exports share it)."""
    return per_revision(all_progress, nb, today)


def scores(nb: Notebook, today: date) -> dict[str, int]:
    """Every goal's SMART score (0..100) on `today`."""
    return per_revision(smart_scores, nb, today)
