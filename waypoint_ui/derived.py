"""Derived data several pages show, computed once per notebook revision and day, then shared.

Home, Progress and Review all need every goal's progress (and Review and the exports the SMART
scores); caching them here, keyed by (notebook id, revision, today), means a change is worked out
once, whichever page the person opens first, and reruns cost nothing. The notebook itself is
passed with a leading underscore so Streamlit does not hash five years of data on every call.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from career_core.models import Notebook
from career_core.progress import GoalProgress, all_progress
from career_core.review import smart_scores


@st.cache_data(max_entries=16, show_spinner=False)
def _progress(notebook_id: str, revision: int, today: date, _nb: Notebook) -> dict[str, GoalProgress]:
    return all_progress(_nb, today)


@st.cache_data(max_entries=16, show_spinner=False)
def _scores(notebook_id: str, revision: int, today: date, _nb: Notebook) -> dict[str, int]:
    return smart_scores(_nb, today)


def progress(nb: Notebook, today: date) -> dict[str, GoalProgress]:
    """Every goal's progress on `today`."""
    return _progress(nb.id, nb.revision, today, nb)


def scores(nb: Notebook, today: date) -> dict[str, int]:
    """Every goal's SMART score (0..100) on `today`."""
    return _scores(nb.id, nb.revision, today, nb)
