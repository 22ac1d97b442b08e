"""Coach session page: the changes since last time, what was agreed, and today's note."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from career_core import wording
from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    CoachNote,
    Goal,
    GoalRevision,
    Metric,
    Notebook,
    Review,
)
from career_core.store import Store
from tests.app.conftest import errors, seen, texts
from tests.synthetic import five_year_notebook

TODAY = date.today()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def client(db: Store) -> Notebook:
    nb = db.create("local", "Client Ana")
    nb.goals = [
        Goal(id="lead", statement="Lead a team of 10 by 2028", metric=Metric(unit="people", baseline=0, target=10),
             created_at=datetime.now(UTC) - timedelta(days=90)),
        Goal(id="talks", statement="Give two talks at the ops conference by June", created_at=datetime.now(UTC) - timedelta(days=3)),
        Goal(id="mentor", statement="Mentor two planners to lead shifts by May", created_at=datetime.now(UTC) - timedelta(days=90),
             revisions=[GoalRevision(at=datetime.now(UTC) - timedelta(days=80), statement="Help the planners grow"),
                        GoalRevision(at=datetime.now(UTC) - timedelta(days=4), statement="Mentor two planners to lead shifts by May")]),
    ]
    nb.checkins = [CheckIn(goal_id="lead", on=ago(20), value=4, confidence=5),
                   CheckIn(goal_id="lead", on=ago(5), value=6, confidence=7, note="Two hires said yes")]
    nb.actions = [Action(title="Book the leadership course", status=ActionStatus.DONE, due=ago(8), completed_at=ago(8)),
                  Action(title="Draft the hiring plan", due=ago(3))]
    nb.reviews = [Review(on=ago(2), change="Fewer status meetings")]
    nb.coach_notes = [CoachNote(on=ago(40), notes="First session"),
                      CoachNote(on=ago(14), notes="Talked hiring", next_steps="Draft the hiring plan by Friday")]
    return db.save("local", nb)


def _form_field(at, label):
    return next(t for t in at.text_area if t.label == label)


def _save(at):
    next(b for b in at.button if b.label == "Save session note").click().run()


def test_without_a_notebook_it_says_what_to_do(open_app):
    at = open_app(page="coach")
    assert seen(at.title[0].value) == "Coach session"
    assert "Open or create a notebook first" in texts(at)


def test_it_shows_what_was_agreed_and_what_changed_since(open_app, client):
    at = open_app(page="coach")
    page = texts(at)
    assert f"Last session: {wording.day(ago(14), TODAY, weekday=True)} (14 days ago)." in page
    assert "Draft the hiring plan by Friday" in page  # agreed last time
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Check-ins": "1", "Actions done": "1", "Overdue": "1", "Goal changes": "2", "Reviews": "1"}
    table = at.dataframe[0].value
    assert list(table["Goal"]) == ["Lead a team of 10 by 2028"]
    assert (table["Then"][0], table["Now"][0], table["Moved"][0], table["Confidence"][0]) == ("4 people", "6 people", "better", "5 → 7")
    assert "Book the leadership course" in page and "Draft the hiring plan" in page
    assert "Before: Help the planners grow\nNow: Mentor two planners to lead shifts by May" in page
    assert "Changing: Fewer status meetings" in page
    assert len(at.get("plotly_chart")) == 1


def test_changing_the_start_date_widens_the_window(open_app, client):
    at = open_app(page="coach")
    next(d for d in at.date_input if d.label == "Changes since").set_value(ago(30)).run()
    assert {m.label: m.value for m in at.metric}["Check-ins"] == "2"


def test_a_quiet_stretch_says_so(open_app, db):
    nb = db.create("local", "Quiet")
    nb.coach_notes = [CoachNote(on=ago(7), next_steps="Call Priya")]
    db.save("local", nb)
    at = open_app(page="coach")
    assert "A quiet stretch is worth talking about too" in texts(at)


def test_saving_a_note_keeps_it_and_starts_a_fresh_form(open_app, db, client):
    at = open_app(page="coach")
    _form_field(at, "What we talked about").input("Hiring went well; delegation is still hard.")
    _form_field(at, "Agreed next steps").input("Hand the Monday report to Sam by next week.")
    _save(at)
    assert not at.exception
    notes = db.load("local", client.id).coach_notes
    assert (notes[-1].on, notes[-1].notes, notes[-1].next_steps) == (
        TODAY, "Hiring went well; delegation is still hard.", "Hand the Monday report to Sam by next week.")
    assert _form_field(at, "What we talked about").value == ""  # a fresh form for the next note
    page = texts(at)
    assert "Noted today" in page and "Hand the Monday report to Sam" in page
    assert "Draft the hiring plan by Friday" in page  # last session's agreement still shows during today's


@pytest.mark.parametrize(("notes", "steps"), [("", ""), ("  ", "\n \n")], ids=["empty", "only spaces"])
def test_an_empty_note_is_refused_beside_the_field_and_keeps_the_text(open_app, db, client, notes, steps):
    at = open_app(page="coach")
    _form_field(at, "What we talked about").input(notes)
    _form_field(at, "Agreed next steps").input(steps)
    _save(at)
    assert "Write what you talked about, the next steps you agreed, or both." in errors(at)
    assert _form_field(at, "Agreed next steps").value == steps
    assert len(db.load("local", client.id).coach_notes) == 2


def test_the_note_fields_stop_at_the_notebooks_own_limit(open_app, client):
    at = open_app(page="coach")
    limit = CoachNote.model_fields["notes"].metadata[0].max_length
    assert [t.max_chars for t in at.text_area] == [limit, CoachNote.model_fields["next_steps"].metadata[0].max_length]


def test_an_earlier_note_can_be_deleted_and_the_history_keeps_it(open_app, db, client):
    at = open_app(page="coach")
    assert any(e.label == "Earlier sessions (2)" for e in at.expander)
    assert not any(b.label == "Delete note" for b in at.button)  # drawn only once opened
    at.session_state["coach.earlier"] = True  # opened
    next(b for b in at.run().button if b.label == "Delete note").click().run()
    after = db.load("local", client.id)
    assert [n.notes for n in after.coach_notes] == ["First session"]  # the newest went
    assert any(len(old.coach_notes) == 2 for old in (db.load_revision("local", client.id, r.revision) for r in db.history("local", client.id)))


def test_user_text_is_shown_as_typed(open_app, db):
    nb = db.create("local", "Markup")
    nb.coach_notes = [CoachNote(on=ago(7), next_steps="**not bold** <b>nor this</b> :red[plain]")]
    db.save("local", nb)
    at = open_app(page="coach")
    assert "**not bold** <b>nor this</b> :red[plain]" in [t.value for t in at.text]


@pytest.mark.slow
def test_the_page_loads_with_a_five_year_notebook(open_app, db):
    big = db.add("local", five_year_notebook(seed=0, today=TODAY))
    at = open_app(page="coach", query={"nb": big.id})
    assert not at.exception
    assert {m.label for m in at.metric} == {"Check-ins", "Actions done", "Overdue", "Goal changes", "Reviews"}
    assert any(e.label.startswith("Earlier sessions") for e in at.expander)
