"""When something goes wrong, the page says what and what to do, and nothing is lost: a list at its
limit, a save the notebook's own rules refuse, a storage fault, a page that fails."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import SQLAlchemyError
from streamlit.testing.v1 import AppTest

from career_core import dashboard
from career_core.database import ENV_VAR
from career_core.models import CoachNote, Goal, GoalStatus, InputEntry, JournalEntry, Metric, Notebook, Partner
from career_core.store import Store
from tests.app.conftest import by_label, errors, run_app, texts
from waypoint_ui.session import NOTEBOOK

TODAY = date.today()
SECRET = "SECRETWORDS of a client"


def _full(db: Store, **lists) -> Notebook:
    nb = db.create("local", "Full")
    return db.save("local", Notebook.model_validate({**nb.model_dump(), **lists}))


def _submit(at: AppTest, label: str) -> None:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]


# --- a list at its limit: the form says so, keeps the words, saves nothing ------------------------

FULL = [
    pytest.param("reflect", {"reflect.tab": "Input"}, {"inputs": [InputEntry(who=f"Person {i}") for i in range(1_000)]},
                 ("text_input", "Who I asked"), "Add to the log",
                 "A notebook holds at most 1,000 input notes, and this one is full.", id="input notes"),
    pytest.param("review", {}, {"partners": [Partner(name=f"Partner {i}") for i in range(200)]},
                 ("text_input", "Name"), "Add partner",
                 "A notebook holds at most 200 accountability partners, and this one is full.", id="partners"),
    pytest.param("coach", {}, {"coach_notes": [CoachNote(on=TODAY - timedelta(days=1 + i % 900), notes="Earlier")
                                               for i in range(1_000)]},
                 ("text_area", "What we talked about"), "Save session note",
                 "A notebook holds at most 1,000 coach notes, and this one is full.", id="coach notes"),
]


@pytest.mark.parametrize(("page", "state", "lists", "field", "button", "message"), FULL)
def test_adding_to_a_full_list_says_which_limit_and_keeps_what_was_typed(db, page, state, lists, field, button, message):
    nb = _full(db, **lists)
    at = run_app(page=page)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    kind, label = field
    [w for w in getattr(at, kind) if w.label == label][-1].input("Words I typed")
    _submit(at, button)
    assert any(e.startswith(message) for e in errors(at)), errors(at)
    assert [w for w in getattr(at, kind) if w.label == label][-1].value == "Words I typed"
    name = next(iter(lists))
    assert len(getattr(db.load("local", nb.id), name)) == len(lists[name])
    assert len(getattr(at.session_state[NOTEBOOK], name)) == len(lists[name])


# --- a save the store refuses: the change is undone, the message is beside the form ----------------


def test_a_save_over_a_limit_the_form_could_not_see_is_undone(db):
    """A check-in that reaches a milestone also writes a journal entry; with the journal full, the
    store refuses the save, and the tab must not keep a check-in it can never save."""
    goal = Goal(statement="Grow the team to 10", status=GoalStatus.ACTIVE, start=TODAY - timedelta(days=30),
                deadline=TODAY + timedelta(days=300), metric=Metric(name="People", baseline=0, target=10))
    nb = _full(db, goals=[goal], journal=[JournalEntry(text=f"Moment {i}") for i in range(5_000)])
    at = run_app(page="progress")
    by_label(at.number_input, "People").set_value(3)  # past 25%: a milestone
    _submit(at, "Log check-in")
    assert "This notebook has 5,001 journal entries; a notebook holds at most 5,000." in errors(at)
    assert at.session_state[NOTEBOOK].checkins == [] and len(at.session_state[NOTEBOOK].journal) == 5_000
    assert db.load("local", nb.id).checkins == []
    assert "Not saved" in " ".join(c.value for c in at.sidebar.caption)


# --- storage faults, named as what they are ----------------------------------------------------------


def test_a_data_folder_that_cannot_exist_is_named_as_such(monkeypatch, tmp_path: Path):
    (tmp_path / "not-a-folder").write_text("a file where the data folder should be")
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path / 'not-a-folder' / 'waypoint.db'}")
    at = run_app()
    page = texts(at)
    assert "the folder is missing, or Waypoint may not write in it" in page
    assert "waking up" not in page and str(tmp_path) not in page.replace(str(tmp_path / "not-a-folder"), "")
    assert [b.label for b in at.button] == ["Try again"]


def _read_only_error(tmp_path: Path) -> SQLAlchemyError:
    """What SQLite really raises when a save meets a database it may only read."""
    writable = Store(f"sqlite:///{tmp_path / 'ro.db'}")
    nb = writable.create("local", "Mine")
    read_only = Store(f"sqlite:///file:{tmp_path / 'ro.db'}?mode=ro&uri=true")
    try:
        read_only.save("local", nb)
    except SQLAlchemyError as exc:
        assert isinstance(exc.orig, sqlite3.OperationalError)
        return exc
    pytest.fail("the read-only database took the save")


def test_a_read_only_database_is_named_and_the_edit_stays_in_the_tab(db, monkeypatch, tmp_path: Path):
    fault = _read_only_error(tmp_path)
    db.create("local", "Mine")
    at = run_app(page="notebook")

    def refuse(*args, **kwargs):
        raise fault

    monkeypatch.setattr(Store, "save", refuse)
    by_label(at.text_input, "Title").input("Renamed").run()
    assert not at.exception
    shown = " ".join(e.value for e in at.sidebar.error)
    assert "may not write to it" in shown and "Your edits are kept in this tab" in shown and "waking" not in shown
    assert at.session_state[NOTEBOOK].title == "Renamed"  # kept, to be saved when the fault is fixed
    assert "Retry saving" in [b.label for b in at.sidebar.button]


# --- a page that fails: a calm notice, a way back, a log without the person's words -----------------


def _broken(monkeypatch, name: str, module=dashboard) -> Callable[..., object]:
    def fail(*args, **kwargs):
        raise KeyError(f"{SECRET} goal-id-1234")

    monkeypatch.setattr(module, name, fail)
    return fail


def test_a_page_that_fails_shows_a_calm_notice_and_logs_no_user_text(db, monkeypatch, caplog):
    caplog.set_level(logging.INFO)
    nb = db.create("local", "Mine")
    nb.goals.append(Goal(statement="Lead a team of 10 by 2028"))
    db.save("local", nb)
    _broken(monkeypatch, "glance")
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception  # no traceback, no exception box
    page = texts(at)
    assert "This page ran into a problem and stopped" in page and "Your notebook is safe" in page
    assert "Try again" in [b.label for b in at.button]
    assert SECRET not in page and "Traceback" not in page
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert re.search(r"A page failed: KeyError at [\w/]+\.py:\d+ in \w+", logged), logged
    assert SECRET not in logged and "goal-id-1234" not in logged
    assert at.sidebar.toggle  # the frame is still there: the person can move on


def test_a_change_that_fails_half_way_is_undone_and_said_beside_the_button(db, monkeypatch, caplog):
    from waypoint_ui import goal_fields

    nb = db.create("local", "Mine")
    nb.goals.append(Goal(statement="Lead a team of 10 by 2028", status=GoalStatus.ACTIVE))
    db.save("local", nb)

    def half_way(goal, status):
        goal.__dict__["statement"] = "half-changed"
        raise KeyError(f"{SECRET} goal-id-1234")

    monkeypatch.setattr(goal_fields, "set_status", half_way)
    at = run_app(page="goals")
    at.session_state["goals.tab"] = "My goals"
    at.run()
    _submit(at, "Pause")
    assert any(e.startswith("This could not be saved: something went wrong on the way") for e in errors(at))
    assert at.session_state[NOTEBOOK].goals[0].statement == "Lead a team of 10 by 2028"  # undone
    assert db.load("local", nb.id).goals[0].status is GoalStatus.ACTIVE
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "A change failed: KeyError" in logged and SECRET not in logged


def test_a_part_of_a_page_that_fails_shows_the_same_notice(db, monkeypatch):
    from career_core import goal_reports

    db.create("local", "Mine")
    _broken(monkeypatch, "draft_report", goal_reports)
    at = run_app(page="goals")
    by_label(at.text_input, "Your goal").input("Lead a team of 10 by 2028").run()  # the live report: a fragment
    assert not at.exception
    assert "This page ran into a problem and stopped" in texts(at) and SECRET not in texts(at)
