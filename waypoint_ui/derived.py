"""Derived data, computed once per notebook revision and day, then shared by every page and rerun.

`per_revision(fn, nb, today, *args)` is the one cache of the app: `fn(nb, today, *args)` is worked
out the first time any page asks for it with this notebook revision, this day and these
arguments, and every rerun after that costs nothing. A change to the notebook is a new revision,
or (while the change waits to be saved) a new count of the tab's changes, so nothing stale is
ever shown. `fn` must be a named module-level function: its module and name
are part of the key.

The results live in the browser session, for the open notebook's current revision only: a new
revision (or another notebook, or a new day) starts afresh, so a session holds one revision's
derived data at most, and it goes when the session ends. Results are handed out as they are,
never copied (a notebook at its limits has 50,000 check-ins: copying its progress on every rerun
would cost half a second), so callers treat them as read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

import streamlit as st

from career_core import goal_reports, goals
from career_core.checkin_calendar import CheckinCalendar, notebook_calendar
from career_core.frozen_runs import Before
from career_core.goal_reports import GoalRow
from career_core.goals import Focus, MapNode
from career_core.models import Action, GoalStatus, Notebook
from career_core.plan.actions import ActionLine, LineReuse, action_lines
from career_core.plan.overview import Overview, overview
from career_core.progress import GoalProgress, Reuse, all_progress
from career_core.review import smart_scores
from career_core.smart import SmartReport
from career_core.value_words import values_in_text
from waypoint_ui import session

T = TypeVar("T")
R = TypeVar("R")
DERIVED = "wp.derived"  # ((notebook id, revision, changes, day), {(function, args): result})


def per_revision(fn: Callable[..., T], nb: Notebook, today: date, *args: Any) -> T:
    """`fn(nb, today, *args)`, computed once per notebook revision, day and arguments."""
    code = getattr(fn, "__code__", None)  # page scripts all run as __main__: their file tells them apart
    name = f"{fn.__module__}.{fn.__qualname__}@{code.co_filename if code else ''}"
    if "<" in fn.__qualname__:
        raise TypeError(f"per_revision needs a named function, not {name}: the name is part of the cache key")
    stamp = (nb.id, nb.revision, session.changes(), today)
    held = st.session_state.get(DERIVED)
    if held is None or held[0] != stamp:
        held = (stamp, {})
        st.session_state[DERIVED] = held
    key = (name, args)
    if key not in held[1]:
        held[1][key] = fn(nb, today, *args)
    return held[1][key]


REUSED = "wp.progress.reuse"  # (notebook id, career_core.progress.Reuse): goals a save did not touch, runs of check-ins
DAYS_COUNTED = "wp.calendar.before"  # (notebook id, career_core.frozen_runs.Before): the calendar's days before the last run
LINES_REUSED = "wp.actions.reuse"  # (notebook id, career_core.plan.actions.LineReuse): actions a save did not touch


def _kept(key: str, nb: Notebook, start: Callable[[], R]) -> R:
    """What a session keeps from one revision of its notebook to the next, under `key`; another
    notebook starts afresh with `start()`."""
    held = st.session_state.get(key)
    if held is None or held[0] != nb.id:
        held = (nb.id, start())
        st.session_state[key] = held
    return held[1]


def progress(nb: Notebook, today: date) -> dict[str, GoalProgress]:
    """Every goal's progress on `today` (Home, Progress, Review and the exports share it)."""
    return per_revision(_progress, nb, today)


def _progress(nb: Notebook, today: date) -> dict[str, GoalProgress]:
    return all_progress(nb, today, reuse=kept_progress(nb))


def kept_progress(nb: Notebook) -> Reuse:
    """What this session keeps of its notebook's progress from one revision to the next: each
    goal's answer, and the runs of check-ins with what was worked out from each (by goal, by day)."""
    return _kept(REUSED, nb, Reuse)


def actions_by_goal(nb: Notebook) -> Mapping[str, tuple[Action, ...]]:
    """The notebook's actions by the goal they serve, grouped again only when the actions changed
    (a check-in leaves them as they were): what the progress is worked out from, kept with it."""
    return kept_progress(nb).grouping.actions_of(nb.actions)


def calendar(nb: Notebook, today: date) -> CheckinCalendar:
    """The last year of check-ins (Progress), each run of check-ins counted once."""
    return per_revision(_calendar, nb, today)


def _calendar(nb: Notebook, today: date) -> CheckinCalendar:
    return notebook_calendar(nb, today, runs=kept_progress(nb).runs, before=_kept(DAYS_COUNTED, nb, Before))


def scores(nb: Notebook, today: date) -> dict[str, int]:
    """Every goal's SMART score (0..100) on `today`."""
    return per_revision(smart_scores, nb, today)


def reports(nb: Notebook, today: date) -> dict[str, SmartReport]:
    """Every goal's SMART report, edits this tab has not saved yet included (they change the stamp)."""
    return per_revision(goal_reports.reports, nb, today)


def goal_rows(nb: Notebook, today: date, shown: Iterable[GoalStatus]) -> list[GoalRow]:
    """The goals My goals lists for these statuses, with their SMART reports."""
    return per_revision(_goal_rows, nb, today, tuple(shown))


def _goal_rows(nb: Notebook, today: date, shown: tuple[GoalStatus, ...]) -> list[GoalRow]:
    return goal_reports.goal_rows(nb, reports(nb, today), shown, today)


def values_named(nb: Notebook, today: date) -> list[str]:
    """The values the person's "why" speaks to (Reflect)."""
    return per_revision(_values_named, nb, today)


def _values_named(nb: Notebook, _today: date) -> list[str]:
    return values_in_text(nb.reflection.why, nb.reflection.values)


def actions(nb: Notebook, today: date, show: str = "todo", towards: str | None = None, search: str = "") -> list[ActionLine]:
    """The actions Plan lists, in the order to do them; the default list is also what the
    overview counts, so a tick works it out once. Lines of actions a save did not touch are reused."""
    return per_revision(_action_lines, nb, today, show, towards, search)


def _action_lines(nb: Notebook, today: date, show: str, towards: str | None, search: str) -> list[ActionLine]:
    return action_lines(nb, today, show, towards, search, reuse=kept_lines(nb))


def kept_lines(nb: Notebook) -> LineReuse:
    """What this session keeps of its notebook's action lines from one revision to the next."""
    return _kept(LINES_REUSED, nb, dict)


def plan_overview(nb: Notebook, today: date) -> Overview:
    """The figures at the top of Plan."""
    return per_revision(_plan_overview, nb, today)


def _plan_overview(nb: Notebook, today: date) -> Overview:
    return overview(nb, today, actions(nb, today))


def focus(nb: Notebook, today: date) -> Focus:
    """The active goals on impact and motivation (Goals' Focus tab)."""
    return per_revision(_focus, nb, today)


def _focus(nb: Notebook, _today: date) -> Focus:
    return goals.focus(nb)


def goal_map(nb: Notebook, today: date, statuses: frozenset[GoalStatus]) -> list[MapNode]:
    """The vision, the long-term goals and their stepping stones with these statuses, scored."""
    return per_revision(_goal_map, nb, today, statuses)


def _goal_map(nb: Notebook, today: date, statuses: frozenset[GoalStatus]) -> list[MapNode]:
    scores = {gid: r.overall for gid, r in reports(nb, today).items()}
    return goals.goal_map(nb, scores, statuses)
