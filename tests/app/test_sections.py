"""Sections that rerun alone (waypoint_ui.sections): a click inside one redraws only that section,
as the browser asks, unless it saved; then the whole page is drawn again and agrees with the store.

Each case makes a page's main interaction the way benchmarks/interactions.py does, and reruns what
a browser reruns for it (tests/app/fragment_runs.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.interactions import INTERACTIONS, rerun_after
from career_core.checkin_calendar import notebook_calendar
from career_core.models import Notebook
from career_core.plan.overview import overview
from career_core.sample import load_sample
from tests.app.conftest import stored, texts
from tests.app.fragment_runs import fragment_runs, run_fragment, whole_page
from waypoint_ui import session

TODAY = date.today()


def _interaction(view: str, name: str):
    return next(i for i in INTERACTIONS if i.view.name == view and i.name == name)


def _checkins_on_the_calendar(at, nb: Notebook) -> None:
    cal = notebook_calendar(nb, TODAY)
    assert f"{cal.total:,} check-ins on" in texts(at)


def _actions_to_do(at, nb: Notebook) -> None:
    metric = next(m for m in at.metric if m.label == "Actions to do")
    assert metric.value == str(overview(nb, TODAY).todo)


def _nothing_else(at, nb: Notebook) -> None:
    pass


# (view, interaction, saves, what the rest of the page must then say, checked against the store)
CASES = [
    ("progress", "log a check-in, a goal done or not", True, _checkins_on_the_calendar),
    ("progress", "tick an action", True, _checkins_on_the_calendar),
    ("progress", "change the board filter", False, _nothing_else),
    ("progress", "pick another goal", False, _nothing_else),
    ("plan:Actions", "tick a date of a series, then take it back", True, _actions_to_do),
    ("plan:Actions", "change the filter", False, _nothing_else),
    ("goals:Draft", "type into the draft", False, _nothing_else),
]


@pytest.mark.parametrize(("view", "name", "saves", "rest_agrees"), CASES, ids=[f"{v} · {n}" for v, n, *_ in CASES])
def test_a_click_in_a_section_saves_and_the_page_agrees(open_app, db, view, name, saves, rest_agrees):
    nb = db.add("local", load_sample(TODAY))
    move = _interaction(view, name)
    with fragment_runs():
        at = open_app()
        move.view.open(at)
        at.run()
        widget = move.act(at, 0)
        assert widget is not None, "the sample offers this interaction"
        run_fragment(at, widget)
        assert not at.exception, [e.value for e in at.exception]
        after = stored(db, nb)
        assert (after.revision > nb.revision) is saves
        # a save redraws the whole page, sidebar included; anything else, the section alone
        assert whole_page(at) is saves
        if saves:
            assert any(f"revision {after.revision}" in c.value for c in at.sidebar.caption)
            rest_agrees(at, after)


def test_a_section_drawn_alone_keeps_its_own_new_state(open_app, db):
    """The board's filter, changed in its section alone, holds when the whole page is drawn next."""
    db.add("local", load_sample(TODAY))
    with fragment_runs():
        at = open_app(page="progress")
        show = next(w for w in at.button_group if w.label == "Show")
        run_fragment(at, show.set_value("Including achieved"))
        assert not whole_page(at)
        at.run()
        assert next(w for w in at.button_group if w.label == "Show").value == "Including achieved"


def test_a_change_the_database_could_not_take_yet_is_counted_on_the_page(open_app, db, monkeypatch):
    """Derived data follows the tab's notebook: a check-in kept in the tab while the disk is full
    (the revision unchanged) is in the calendar's count, as it is in the list beside it."""
    nb = db.add("local", load_sample(TODAY))
    move = _interaction("progress", "log a check-in, a goal done or not")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    with fragment_runs():
        at = open_app()
        move.view.open(at)
        at.run()
        monkeypatch.setattr(type(db), "save_merging", disk_full)
        run_fragment(at, move.act(at, 0))
        assert not at.exception, [e.value for e in at.exception]
        held = at.session_state[session.NOTEBOOK]
        assert held.revision == nb.revision and len(held.checkins) == len(nb.checkins) + 1
        assert any("Not saved" in e.value for e in at.sidebar.error)
        _checkins_on_the_calendar(at, held)


# (view, interaction, the notice its save gives)
NOTICES = [
    ("progress", "log a check-in, a goal done or not", "Check-in saved."),
    ("progress", "tick an action", "Ticked off. One step closer."),
    ("reflect:Development list", "rate a development item", "Added to your development list."),
]


@pytest.mark.parametrize(("view", "name", "notice"), NOTICES, ids=[f"{v} · {n}" for v, n, _ in NOTICES])
def test_a_save_made_in_a_section_is_told_once_by_the_page_drawn_after_it(open_app, db, view, name, notice):
    db.add("local", load_sample(TODAY))
    move = _interaction(view, name)
    with fragment_runs():
        at = open_app()
        move.view.open(at)
        at.run()
        run_fragment(at, move.act(at, 0))
        assert not at.exception, [e.value for e in at.exception]
        assert [t.value for t in at.toast] == [notice]
        at.run()
        assert not at.toast  # told once


def test_the_benchmarks_tick_on_progress_can_be_repeated_as_often_as_asked(open_app, db):
    """The sample has five steps due; the benchmark's tick takes back the one it ticked before, on
    Plan, so seven repeats tick a step every time (it ran out within a few, and the
    row had no figure), and the notebook is left with one tick more than it began with."""
    nb = db.add("local", load_sample(TODAY))
    move = _interaction("progress", "tick an action")
    with fragment_runs():
        at = open_app()
        move.view.open(at)
        assert all(rerun_after(at, move, n) is not None for n in range(7))
        assert not at.exception, [e.value for e in at.exception]
    after = stored(db, nb)
    changed = [a.id for a, b in zip(after.actions, nb.actions, strict=True) if a != b]
    assert len(changed) == 1 and after.revision == nb.revision + 2 * 7 - 1
