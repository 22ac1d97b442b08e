"""A session holds one run of a page, not one per save: saves that start a form afresh give the
old form's widgets, and the run that drew them, back (waypoint_ui.stale_widgets)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from career_core.models import Direction, Goal, GoalStatus, Metric
from tests.app.conftest import button
from tests.app.held_runs import page_runs_alive

TODAY = date.today()
SAVES = 6


def _check_in(at: AppTest, n: int) -> None:
    next(w for w in at.text_area if w.label.startswith("Note")).input(f"Check-in number {n}")
    button(at, "Log check-in").click().run()


def _add_development_item(at: AppTest, n: int) -> None:
    next(w for w in at.text_input if w.label == "What").input(f"Practise chairing, round {n}")
    button(at, "Add to the list").click().run()


@pytest.mark.parametrize(("page", "state", "save"), [
    ("progress", {}, _check_in),
    ("reflect", {"reflect.tab": "Development list"}, _add_development_item),
], ids=["a check-in on Progress", "a development item on Reflect"])
def test_saves_that_start_a_form_afresh_keep_no_earlier_run_alive(
        open_app, db, page: str, state: dict[str, str], save: Callable[[AppTest, int], None]):
    nb = db.create("local", "Jo")
    nb.goals.append(Goal(statement="Raise the engagement score from 62 to 75", status=GoalStatus.ACTIVE,
                         start=TODAY - timedelta(days=30), deadline=TODAY + timedelta(days=100),
                         metric=Metric(name="Engagement", unit="points", baseline=62, target=75,
                                       direction=Direction.INCREASE)))
    db.save("local", nb)
    before = page_runs_alive()  # what other tests in this process may have left
    at = open_app(page=page)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    for n in range(SAVES):
        save(at, n)
        assert not at.exception, [e.value for e in at.exception]
    saved = db.load("local", nb.id)
    assert saved.revision == nb.revision + 1 + SAVES  # every save landed
    assert page_runs_alive() - before <= 2  # this run, and at most one fragment's drawn in an earlier one
