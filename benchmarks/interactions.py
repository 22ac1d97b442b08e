"""The main interactions of each page, as a browser makes them: a widget changed, then the rerun
Streamlit does for it (the fragment that drew the widget alone, or the whole page).

An `Interaction` finds its widget on an open view and gives it a new value (`act`), returning the
widget, or None when the notebook offers nothing to click (no action due, say), or WHOLE_PAGE
when it set what the page reads (a tab's state). Acts alternate
between two values where they can, so every repeat is a real change.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count

from streamlit.testing.v1 import AppTest

from benchmarks.page_views import View
from career_core.models import Direction
from tests.app.fragment_runs import run_fragment
from waypoint_ui import session

Act = Callable[[AppTest, int], object | None]
WHOLE_PAGE = "whole page"  # what an act returns when it changed state the page reads: the page reruns
_NUMBERS = (Direction.INCREASE, Direction.DECREASE)  # goals with a number to reach


@dataclass(frozen=True, slots=True)
class Interaction:
    view: View
    name: str
    act: Act  # (app, repeat number) -> the widget changed, or None


def rerun_after(at: AppTest, move: Interaction, n: int) -> float | None:
    """The page drawn as the browser shows it before the click, then `move` made: the seconds of
    the rerun Streamlit does for it (the fragment alone, or the whole page); None when the notebook
    offers nothing to do it with."""
    at.run()
    widget = move.act(at, n)
    if widget is None:
        return None
    began = time.perf_counter()
    if widget == WHOLE_PAGE:
        at.run()
    else:
        run_fragment(at, widget)
    took = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(f"{move.view.name} / {move.name} failed: {[e.value for e in at.exception]}")
    return took


def _labelled(widgets, label: str):
    return next((w for w in widgets if w.label == label), None)


def _flip(label: str, values: tuple[object, object]) -> Act:
    """Flip a segmented control between two of its values."""
    def act(at: AppTest, n: int):
        widget = _labelled(at.button_group, label)
        return widget.set_value(values[n % 2]) if widget is not None else None
    return act


def _pick(label: str) -> Act:
    """Pick the first or the second option of a select box, in turn."""
    def act(at: AppTest, n: int):
        widget = _labelled(at.selectbox, label)
        if widget is None or len(widget.options) < 2:
            return None
        return widget.select_index((widget.index + 1) % 2 if widget.index is not None else 0)
    return act


def _checkin(at: AppTest, n: int):
    value = next((w for w in at.number_input if "checkin." in (w.key or "")), None)
    if value is not None:
        value.set_value(1 + n)
    else:
        done = next((w for w in at.radio if "checkin." in (w.key or "")), None)
        if done is not None:
            done.set_value(done.options[0])
    submit = _labelled(at.button, "Log check-in")
    return submit.click() if submit is not None else None


def _choosing_goals(at: AppTest, ready: Callable[[AppTest, object], bool]) -> bool:
    """Choose the next goal on Progress until `ready(app, the goal picker)`; whether one was."""
    goal = _labelled(at.selectbox, "Goal")
    for _ in range(len(goal.options) if goal is not None else 0):
        if ready(at, goal):
            return True
        goal.select_index((goal.index + 1) % len(goal.options)).run()
        goal = _labelled(at.selectbox, "Goal")
    return False


def _checkin_on(kinds: tuple[Direction, ...]) -> Act:
    """Log a check-in on the first goal of these kinds, choosing the next goal until one is: a
    goal's kind decides what its section draws (a done/not done question or a number to type, a
    line chart, a limit's record), so the two notebooks are compared on the same kind of goal.
    The first goal of the sample is done/not done, the first of the five-year notebook keeps a
    limit."""
    def act(at: AppTest, n: int):
        nb = at.session_state[session.NOTEBOOK]
        of_kind = _choosing_goals(at, lambda _at, goal: nb.goal(goal.value).metric.direction in kinds)
        return _checkin(at, n) if of_kind else None
    return act


def _add_development(at: AppTest, n: int):
    title = _labelled(at.text_input, "What")
    if title is None:
        return None
    title.set_value(f"Practise a skill, round {n}")
    _labelled(at.slider, "Value for my career").set_value(1 + n % 5)
    _labelled(at.slider, "My motivation").set_value(5 - n % 5)
    return _labelled(at.button, "Add to the list").click()


_drafts = count()


def _type_draft(at: AppTest, n: int):
    box = _labelled(at.text_input, "Your goal")
    if box is None:
        return None
    return box.set_value(f"Lead a team of {10 + next(_drafts) % 7} people by the end of 2028")


def _section(key: str, names: tuple[str, str]) -> Act:
    """Switch a page's section control (tabs or a segmented control) back and forth."""
    def act(at: AppTest, n: int):
        widget = next((w for w in at.button_group if w.key == key), None)
        if widget is not None:
            return widget.set_value(names[n % 2])
        at.session_state[key] = names[n % 2]  # tabs: their state is what the page reads
        return WHOLE_PAGE
    return act


def _step_due(at: AppTest):
    return next((b for b in at.button if b.key and ".tick." in b.key), None)


_ticked_on_progress: dict[int, tuple[str, str]] = {}  # id of an app -> (action, goal) it ticked last on Progress


def _tick_on_progress(at: AppTest, n: int):
    """Tick the first step due for a goal with a number to reach, choosing the next goal until one
    has a step due: a goal of the same kind in both notebooks, as for a check-in (the first with a
    step due in the sample is done/not done, which draws no chart). The step ticked the repeat
    before is first taken back on Plan, as a person would, in runs that are not timed: the sample
    has five steps due, and without it ran out of them within a few repeats, so that the row had
    no figure for the sample, and no five-year ÷ sample."""
    if (ticked := _ticked_on_progress.pop(id(at), None)) is not None:
        _take_back_on_plan(at, *ticked)
    nb = at.session_state[session.NOTEBOOK]
    if not _choosing_goals(at, lambda at, goal: nb.goal(goal.value).metric.direction in _NUMBERS and _step_due(at) is not None):
        return None
    step, goal = _step_due(at), _labelled(at.selectbox, "Goal")
    action_id = step.key.split(".tick.", 1)[1].rsplit(".", 1)[0]  # key: notebook.generation.tick.{action}.{date}
    _ticked_on_progress[id(at)] = (action_id, goal.value)
    return step.click()


def _take_back_on_plan(at: AppTest, action_id: str, goal_id: str) -> None:
    """Undo the tick of a series, or reopen a one-off, on Plan's list of the goal's actions; then
    Progress again, drawn."""
    View("plan", "Actions", {"section": "Actions"}).open(at)
    at.run()
    _labelled(at.button_group, "Show").set_value("all")
    _labelled(at.selectbox, "For").set_value(f"goal:{goal_id}")
    at.run()
    back = next((b for b in at.button if b.key in (f"undo.{action_id}", f"reopen.{action_id}")), None)
    if back is None or at.exception:
        raise RuntimeError(f"Plan offers no way to take back the tick of {action_id}: {[e.value for e in at.exception]}")
    back.click().run()
    View("progress").open(at)
    at.run()


_ticked: dict[int, str] = {}  # id of an app -> the action whose date it ticked last


def _tick_then_undo(at: AppTest, n: int):
    """Tick the current date of the first series listed, then take a tick back, in turn: a save each
    time, and the list keeps its rows. (Marking one-offs done empties the sample's short list a row
    a repeat, while the five-year notebook's page stays full.) The tick taken back is the one just
    made, or, when that series has moved to a later page, the latest of the first series shown."""
    if n % 2 == 0:
        tick = next((b for b in at.button if b.key and b.key.startswith("tick.")), None)
        if tick is None:
            return None
        _ticked[id(at)] = tick.key.removeprefix("tick.")
        return tick.click()
    undos = [b for b in at.button if b.key and b.key.startswith("undo.")]
    undo = next((b for b in undos if b.key == f"undo.{_ticked.get(id(at))}"), undos[0] if undos else None)
    return undo.click() if undo is not None else None


INTERACTIONS: list[Interaction] = [
    Interaction(View("progress"), "log a check-in, a goal done or not", _checkin_on((Direction.DONE,))),
    Interaction(View("progress"), "log a check-in, a number to reach", _checkin_on(_NUMBERS)),
    Interaction(View("progress"), "log a check-in, a limit to keep", _checkin_on((Direction.AT_MOST, Direction.AT_LEAST))),
    Interaction(View("progress"), "tick an action", _tick_on_progress),
    Interaction(View("progress"), "change the board filter", _flip("Show", ("Including achieved", "Goals in play"))),
    Interaction(View("progress"), "pick another goal", _pick("Goal")),
    Interaction(View("plan", "Actions", {"section": "Actions"}), "tick a date of a series, then take it back",
                _tick_then_undo),
    Interaction(View("plan", "Actions", {"section": "Actions"}), "change the filter", _flip("Show", ("all", "todo"))),
    Interaction(View("plan", "Actions", {"section": "Actions"}), "switch section", _section("section", ("Timeline", "Actions"))),
    Interaction(View("goals", "Draft", {"goals.tab": "Draft"}), "type into the draft", _type_draft),
    Interaction(View("goals", "Draft", {"goals.tab": "Draft"}), "switch tab", _section("goals.tab", ("My goals", "Draft"))),
    Interaction(View("reflect", "Development list", {"reflect.tab": "Development list"}), "rate a development item",
                _add_development),
    Interaction(View("reflect", "Development list", {"reflect.tab": "Development list"}), "switch tab",
                _section("reflect.tab", ("Vision", "Development list"))),
]
