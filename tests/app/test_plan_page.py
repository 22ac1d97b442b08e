"""Plan page: every section, bad input beside its field, and the five-year notebook."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from career_core import wording
from career_core.models import (
    Action,
    ActionStatus,
    Goal,
    GoalStatus,
    Initiative,
    InitiativeStatus,
    Recurrence,
    Settings,
    StopDoing,
    StopKind,
)
from tests.app.conftest import errors, seen, texts
from tests.synthetic import five_year_notebook
from waypoint_ui.entries import add_form_key
from waypoint_ui.plan_forms import INITIATIVE
from waypoint_ui.session import NOTEBOOK

TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def _seed(db, **parts):
    nb = db.create("local", "Jo")
    nb.goals.append(Goal(id="g1", statement="Lead a team of at least 10 people by 2028", status=GoalStatus.ACTIVE,
                         deadline=TODAY + timedelta(days=500)))
    for name, items in parts.items():
        if name == "settings":
            nb.settings = items
        else:
            getattr(nb, name).extend(items)
    return db.save("local", nb)


def _section(at, name):
    next(b for b in at.button_group if b.key == "section").set_value(name).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def _buttons(at, prefix):
    return [b for b in at.button if b.label.startswith(prefix)]


def _open_add_form(at, kind):
    """Open the expander of the form that adds an entry: closed once there are entries, it is not drawn."""
    at.session_state[add_form_key(kind, at.session_state[NOTEBOOK].id)] = True
    return at.run()


def _field(at, kind, label, index=0):
    return [w for w in getattr(at, kind) if w.label == label][index]


def _errors(at):
    return errors(at)


def _message_below(at, kind: str, label: str, index: int = 0) -> str | None:
    """The error shown right under a widget (the next element on the page), if there is one."""
    nodes = [n for n in at.main if not hasattr(n, "children")]
    spots = [i for i, n in enumerate(nodes) if n.type == kind and getattr(n, "label", None) == label]
    after = nodes[spots[index] + 1] if spots[index] + 1 < len(nodes) else None
    return seen(after.value) if after is not None and after.type == "error" else None


def _chart(at, index=0) -> str:
    """A Plotly chart's figure as readable JSON text (labels, legend, hover texts)."""
    return json.dumps(json.loads(at.get("plotly_chart")[index].proto.spec), ensure_ascii=False)


# --- no notebook ------------------------------------------------------------------------------


def test_without_a_notebook_the_page_says_where_to_start(open_app):
    at = open_app(page="plan")
    assert "Open a notebook to plan in" in texts(at)
    assert not at.button_group  # no sections to pick


# --- actions ----------------------------------------------------------------------------------


def test_a_weekly_action_is_added_listed_and_the_form_starts_afresh(open_app, db):
    nb = _seed(db)
    at = open_app(page="plan")
    _field(at, "text_input", "What is the step?").input("Weekly 1:1 with Sam")
    _field(at, "selectbox", "Goal it moves forward").select("g1")
    _field(at, "selectbox", "Repeats").select(Recurrence.WEEKLY)
    _field(at, "date_input", "Date").set_value(MONDAY)
    _field(at, "number_input", "Hours each time").set_value(1.5)
    _button(at, "Add action").click().run()
    assert not _errors(at)
    (action,) = db.load("local", nb.id).actions
    assert (action.title, action.recurrence, action.start, action.hours, action.goal_id) == (
        "Weekly 1:1 with Sam", Recurrence.WEEKLY, MONDAY, 1.5, "g1")
    page = texts(at)
    assert "Weekly 1:1 with Sam" in page and f"every {wording.weekday(MONDAY)}" in page
    assert _field(at, "text_input", "What is the step?").value == ""  # ready for the next one


@pytest.mark.parametrize(
    ("setup", "field_label", "message"),
    [
        ({"hours": -2.0}, "Hours each time", "Hours cannot be negative"),
        ({"recurrence": Recurrence.WEEKLY, "until": TODAY - timedelta(days=7)}, "Repeat until", "end date comes before the start date"),
        ({"when": TODAY - timedelta(days=400)}, "Date", "more than a year ago"),
        ({"goal": ""}, "Goal it moves forward", "Choose the goal or the initiative"),
        ({"title": "   "}, "What is the step?", "cannot be empty"),
    ],
)
def test_bad_action_input_is_explained_beside_the_field_and_nothing_is_saved(open_app, db, setup, field_label, message):
    nb = _seed(db)
    at = open_app(page="plan")
    _field(at, "text_input", "What is the step?").input(setup.get("title", "Read the finance primer"))
    _field(at, "selectbox", "Goal it moves forward").select(setup.get("goal", "g1"))
    _field(at, "selectbox", "Repeats").select(setup.get("recurrence", Recurrence.NONE))
    _field(at, "date_input", "Date").set_value(setup.get("when", TODAY))
    if "until" in setup:
        _field(at, "date_input", "Repeat until").set_value(setup["until"])
    _field(at, "number_input", "Hours each time").set_value(setup.get("hours", 1.0))
    _button(at, "Add action").click().run()
    kind = {"Hours each time": "number_input", "Repeat until": "date_input", "Date": "date_input",
            "Goal it moves forward": "selectbox", "What is the step?": "text_input"}[field_label]
    assert message in (_message_below(at, kind, field_label) or ""), _errors(at)
    assert len(_errors(at)) == 1  # only the field that is wrong
    assert db.load("local", nb.id).revision == nb.revision  # nothing saved
    # what was typed stays in the form
    assert _field(at, "text_input", "What is the step?").value == setup.get("title", "Read the finance primer")
    assert _field(at, "number_input", "Hours each time").value == setup.get("hours", 1.0)


def test_a_one_off_action_is_marked_done_and_reopened(open_app, db):
    nb = _seed(db, actions=[Action(id="a1", title="Book the course", goal_id="g1", due=TODAY + timedelta(days=2))])
    at = open_app(page="plan")
    _button(at, "Mark done").click().run()
    assert db.load("local", nb.id).actions[0].status is ActionStatus.DONE
    assert "Book the course" not in texts(at)  # the list shows what is still to do
    next(b for b in at.button_group if b.label == "Show").set_value("done").run()
    _button(at, "Reopen").click().run()
    saved = db.load("local", nb.id).actions[0]
    assert saved.status is ActionStatus.TO_DO and saved.completed_at is None


def test_a_recurring_action_is_ticked_one_date_at_a_time_and_can_be_undone(open_app, db):
    nb = _seed(db, actions=[Action(id="a1", title="Weekly 1:1s", goal_id="g1", recurrence=Recurrence.WEEKLY,
                                   start=MONDAY - timedelta(days=14))])
    at = open_app(page="plan")
    (tick,) = _buttons(at, "Tick ")
    assert tick.label == f"Tick {wording.day(MONDAY, TODAY)}"
    tick.click().run()
    assert db.load("local", nb.id).actions[0].done_on == [MONDAY]
    assert _buttons(at, "Tick ")[0].label == f"Tick {wording.day(MONDAY + timedelta(days=7), TODAY)}"
    _buttons(at, "Undo ")[0].click().run()
    assert db.load("local", nb.id).actions[0].done_on == []


def test_a_tick_works_out_the_line_of_the_ticked_action_only(open_app, db, monkeypatch):
    """The session keeps each action's line from one revision to the next (waypoint_ui.derived)."""
    from career_core.plan import actions

    worked_out: list[str] = []
    line_of = actions._action_line

    def counted(action, *rest):
        worked_out.append(action.id)
        return line_of(action, *rest)

    monkeypatch.setattr(actions, "_action_line", counted)
    _seed(db, actions=[Action(id="a1", title="Weekly 1:1s", goal_id="g1", recurrence=Recurrence.WEEKLY,
                              start=MONDAY - timedelta(days=14)),
                       *(Action(id=f"b{i}", title=f"Step {i}", goal_id="g1", due=TODAY + timedelta(days=i))
                         for i in range(3))])
    at = open_app(page="plan")
    assert sorted(worked_out) == ["a1", "b0", "b1", "b2"]
    worked_out.clear()
    _buttons(at, "Tick ")[0].click().run()
    assert not at.exception
    assert worked_out == ["a1"]
    assert _buttons(at, "Tick ")[0].label == f"Tick {wording.day(MONDAY + timedelta(days=7), TODAY)}"


def test_the_add_form_waits_closed_once_there_are_actions_but_opens_on_a_draft_kept_from_before(open_app, db):
    nb = _seed(db, actions=[Action(id="a1", title="Book the course", goal_id="g1", due=TODAY + timedelta(days=2))])
    at = open_app(page="plan")
    assert not [w for w in at.text_input if w.label == "What is the step?"]  # closed: not drawn
    db.save_draft("local", nb.id, "add-action.title", "Call the venue")  # typed before a reload
    again = open_app(page="plan")
    assert _field(again, "text_input", "What is the step?").value == "Call the venue"
    assert "Draft, not yet added" in texts(again)


def test_an_action_is_edited_with_the_same_checks_and_deleted(open_app, db):
    nb = _seed(db, actions=[Action(id="a1", title="Book the course", goal_id="g1", due=TODAY + timedelta(days=2))])
    at = open_app(page="plan")
    _button(at, "Edit").click().run()
    title = _field(at, "text_input", "What is the step?")  # the add form is closed: not drawn
    title.input("Book the finance course")
    _field(at, "number_input", "Hours each time").set_value(-1.0)
    _button(at, "Save changes").click().run()
    assert "cannot be negative" in (_message_below(at, "number_input", "Hours each time") or "")
    assert db.load("local", nb.id).actions[0].title == "Book the course"
    assert _field(at, "text_input", "What is the step?").value == "Book the finance course"
    _field(at, "number_input", "Hours each time").set_value(2.0)
    _button(at, "Save changes").click().run()
    saved = db.load("local", nb.id).actions[0]
    assert (saved.title, saved.hours, saved.id) == ("Book the finance course", 2.0, "a1")
    _button(at, "Edit").click().run()
    _button(at, "Delete").click().run()
    assert db.load("local", nb.id).actions == []


def test_the_action_list_filters_searches_and_pages(open_app, db):
    init = Initiative(id="i1", title="Routing pilot", status=InitiativeStatus.ACTIVE, goal_ids=["g1"])
    actions = [Action(title=f"Task {i:02d}", goal_id="g1", due=TODAY + timedelta(days=i)) for i in range(20)]
    actions.append(Action(title="Pilot data access", initiative_id="i1", due=TODAY + timedelta(days=1)))
    _seed(db, actions=actions, initiatives=[init])
    at = open_app(page="plan")
    assert "21 actions, 15 to a page." in texts(at)
    assert "Task 13" in texts(at) and "Task 19" not in texts(at)
    at.get("pagination")[0].set_value(2).run()
    assert "Task 19" in texts(at) and "Task 00" not in texts(at)
    _field(at, "text_input", "Search").input("pilot").run()
    assert "Pilot data access" in texts(at) and "Task 00" not in texts(at)
    _field(at, "text_input", "Search").input("").run()
    _field(at, "selectbox", "For").select("initiative:i1").run()
    assert "Pilot data access" in texts(at) and "Task 01" not in texts(at)


def test_user_text_in_the_list_is_shown_as_typed(open_app, db):
    _seed(db, actions=[Action(title="**bold** <b>html</b> [link](http://x)", goal_id="g1", due=TODAY)])
    at = open_app(page="plan")
    line = next(m.value for m in at.markdown if "bold" in m.value)
    assert r"\*\*bold\*\*" in line and r"\<b>" in line and r"\[link\]" in line


# --- initiatives ------------------------------------------------------------------------------


def test_an_initiative_is_added_and_a_sixth_active_one_gets_a_gentle_warning(open_app, db):
    nb = _seed(db, initiatives=[Initiative(title=f"Project {i}", status=InitiativeStatus.ACTIVE, goal_ids=["g1"])
                                for i in range(5)])
    at = _section(open_app(page="plan"), "Initiatives")
    assert "5 active" in texts(at) and not at.warning
    assert not [w for w in at.text_input if w.label == "Initiative"]  # the add form waits, closed
    at = _open_add_form(at, INITIATIVE)
    _field(at, "text_input", "Initiative").input("Dynamic routing pilot")
    _field(at, "selectbox", "Status").select(InitiativeStatus.ACTIVE)
    _field(at, "date_input", "Finish").set_value(TODAY + timedelta(days=120))
    _field(at, "text_area", "How you will know it worked").input("5% lower cost per delivery for eight weeks")
    _field(at, "multiselect", "Goals it supports").select("g1")
    _field(at, "text_area", "Approvals you need").input("COO budget")
    _button(at, "Add initiative").click().run()
    saved = db.load("local", nb.id).initiatives[-1]
    assert (saved.title, saved.goal_ids, saved.approvals) == ("Dynamic routing pilot", ["g1"], "COO budget")
    assert any("You have 6 active initiatives" in w.value for w in at.warning)
    assert "Dynamic routing pilot" in texts(at)


def test_bad_initiative_input_is_explained_and_kept(open_app, db):
    nb = _seed(db)
    at = _section(open_app(page="plan"), "Initiatives")
    _field(at, "text_input", "Initiative").input("Pilot")
    _field(at, "date_input", "Start").set_value(TODAY)
    _field(at, "date_input", "Finish").set_value(TODAY - timedelta(days=10))
    _button(at, "Add initiative").click().run()
    assert "finish date comes before the start date" in (_message_below(at, "date_input", "Finish") or "")
    assert _field(at, "text_input", "Initiative").value == "Pilot"
    assert db.load("local", nb.id).initiatives == []


def test_done_initiatives_wait_in_a_list_drawn_once_opened_and_stay_open_while_edited(open_app, db):
    _seed(db, initiatives=[Initiative(id="i1", title="Routing pilot", status=InitiativeStatus.DONE, goal_ids=["g1"]),
                           Initiative(id="i2", title="Mentoring circle", status=InitiativeStatus.ACTIVE, goal_ids=["g1"])])
    at = _section(open_app(page="plan"), "Initiatives")
    assert [e.label for e in at.expander if e.label.startswith("Done and dropped")] == ["Done and dropped (1)"]
    assert "Mentoring circle" in texts(at) and "Routing pilot" not in texts(at)
    at.session_state["plan.initiatives.finished"] = True  # opened
    at.run()
    assert "Routing pilot" in texts(at)
    [b for b in at.button if b.label == "Edit"][-1].click().run()  # the done one's, drawn after the active one
    at.session_state["plan.initiatives.finished"] = False  # closed while its editor is open
    at.run()
    assert "Routing pilot" in texts(at) and at.session_state["plan.initiatives.finished"]


def test_an_initiative_is_edited_and_deleted_keeping_its_actions(open_app, db):
    nb = _seed(db, initiatives=[Initiative(id="i1", title="Pilot", goal_ids=["g1"])],
               actions=[Action(id="a1", title="Data access", initiative_id="i1", due=TODAY)])
    at = _section(open_app(page="plan"), "Initiatives")
    _button(at, "Edit").click().run()
    _field(at, "text_input", "Initiative").input("Routing pilot")
    _button(at, "Save changes").click().run()
    assert db.load("local", nb.id).initiatives[0].title == "Routing pilot"
    _button(at, "Edit").click().run()
    _button(at, "Delete").click().run()
    saved = db.load("local", nb.id)
    assert saved.initiatives == [] and saved.actions[0].initiative_id is None


# --- stop doing -------------------------------------------------------------------------------


def test_stop_doing_entries_are_checked_added_and_free_hours(open_app, db):
    nb = _seed(db)
    at = _section(open_app(page="plan"), "Stop doing")
    _field(at, "text_input", "What you stop doing").input("Building the Monday forecast myself")
    _field(at, "selectbox", "How").select(StopKind.DELEGATE)
    _field(at, "number_input", "Hours a week it frees").set_value(3.0)
    _field(at, "date_input", "Since").set_value(MONDAY)
    _button(at, "Add to the list").click().run()
    assert "Say who takes it over" in (_message_below(at, "text_input", "To whom (when delegating)") or "")
    assert db.load("local", nb.id).stop_doing == []
    assert _field(at, "text_input", "What you stop doing").value == "Building the Monday forecast myself"
    _field(at, "text_input", "To whom (when delegating)").input("Sam")
    _button(at, "Add to the list").click().run()
    (entry,) = db.load("local", nb.id).stop_doing
    assert (entry.kind, entry.delegate_to, entry.hours_per_week) == (StopKind.DELEGATE, "Sam", 3.0)
    assert "Delegated to Sam" in texts(at)
    assert next(m for m in at.metric if m.label == "Hours freed this week").value == "3 h"


def test_a_stop_doing_entry_is_edited_and_removed(open_app, db):
    nb = _seed(db, stop_doing=[StopDoing(id="s1", what="Rates call", hours_per_week=1.5)])
    at = _section(open_app(page="plan"), "Stop doing")
    _button(at, "Edit").click().run()
    _field(at, "selectbox", "How").select(StopKind.POSTPONE)
    _button(at, "Save changes").click().run()
    assert "until when" in (_message_below(at, "date_input", "Until (when postponing)") or "")
    _field(at, "date_input", "Until (when postponing)").set_value(TODAY + timedelta(days=60))
    _button(at, "Save changes").click().run()
    assert db.load("local", nb.id).stop_doing[0].kind is StopKind.POSTPONE
    _button(at, "Edit").click().run()
    _button(at, "Remove from the list").click().run()
    assert db.load("local", nb.id).stop_doing == []


def test_ended_stop_doing_entries_wait_in_a_list_drawn_once_opened_and_stay_open_while_edited(open_app, db):
    _seed(db, stop_doing=[StopDoing(what="Rates call", kind=StopKind.POSTPONE, until=TODAY - timedelta(days=30)),
                          StopDoing(what="Monday forecast", kind=StopKind.DELEGATE, delegate_to="Sam")])
    at = _section(open_app(page="plan"), "Stop doing")
    assert [e.label for e in at.expander if e.label.startswith("Ended")] == ["Ended (1)"]
    assert "Monday forecast" in texts(at) and "Rates call" not in texts(at)
    at.session_state["plan.stop.ended"] = True  # opened
    at.run()
    assert "Rates call" in texts(at) and "back with you since" in texts(at)
    [b for b in at.button if b.label == "Edit"][-1].click().run()  # the ended one's, drawn last
    at.session_state["plan.stop.ended"] = False  # closed while its editor is open
    at.run()
    assert "Rates call" in texts(at) and at.session_state["plan.stop.ended"]


# --- timeline ---------------------------------------------------------------------------------


def test_the_timeline_shows_goals_initiatives_and_actions(open_app, db):
    _seed(db, actions=[Action(title="Weekly 1:1 with Sam", goal_id="g1", recurrence=Recurrence.WEEKLY, start=MONDAY)],
          initiatives=[Initiative(title="Routing pilot", start=TODAY, finish=TODAY + timedelta(days=60),
                                  status=InitiativeStatus.ACTIVE, goal_ids=["g1"])])
    at = _section(open_app(page="plan"), "Timeline")
    assert len(at.get("plotly_chart")) == 1
    figure = _chart(at)
    assert "Weekly 1:1 with Sam" in figure and "Routing pilot" in figure and "Lead a team of at least 10" in figure
    assert "Repeating action" in figure and "To do" in figure  # status in words in the legend
    assert "Weekly 1:1 with Sam" in texts(at)  # and in words below the chart


def test_timeline_views_and_finished_items(open_app, db):
    _seed(db, actions=[Action(title="Far ahead", goal_id="g1", due=TODAY + timedelta(days=200)),
                       Action(title="Already done", goal_id="g1", due=TODAY + timedelta(days=3), status=ActionStatus.DONE)])
    at = _section(open_app(page="plan"), "Timeline")
    spec = lambda: _chart(at)  # noqa: E731
    assert "Far ahead" not in spec() and "Already done" not in spec()
    next(b for b in at.button_group if b.label == "Show").set_value("year").run()
    assert "Far ahead" in spec()
    next(t for t in at.toggle if t.label == "Include finished and dropped").set_value(True).run()
    assert "Already done" in spec()


def test_an_empty_timeline_says_what_to_do(open_app, db):
    nb = db.create("local", "Empty")
    nb.settings = Settings()
    at = _section(open_app(page="plan"), "Timeline")
    assert at.get("plotly_chart")  # the review cycle is on the road even before anything else
    next(b for b in at.button_group if b.label == "Show").set_value("quarter").run()
    assert not at.exception


# --- weekly load ------------------------------------------------------------------------------


def test_weeks_over_the_limit_are_marked_in_words_with_the_actions_that_cause_them(open_app, db):
    _seed(db, settings=Settings(weekly_hour_limit=40, usual_weekly_hours=38),
          actions=[Action(title="Weekly 1:1 with Sam", goal_id="g1", recurrence=Recurrence.WEEKLY, start=MONDAY, hours=1),
                   Action(title="Board paper", goal_id="g1", due=MONDAY + timedelta(days=9), hours=6)],
          stop_doing=[StopDoing(what="Rates call", hours_per_week=0.5)])
    at = _section(open_app(page="plan"), "Weekly load")
    assert any("1 of 13 weeks go over your 40-hour limit" in w.value for w in at.warning)
    page = texts(at)
    assert "Weeks over the limit" in page and "over by 4.5 h" in page
    assert "**Board paper**" in page
    spec = _chart(at)
    assert f"⚠ {wording.day(MONDAY + timedelta(days=7), TODAY)}" in spec and "⚠ +4.5 h" in spec and "Your limit: 40 h" in spec
    assert "Weekly 1:1 with Sam" in page  # this week's breakdown
    assert "Rates call" in page


def test_the_limit_and_usual_hours_are_edited_beside_the_chart(open_app, db):
    nb = _seed(db, actions=[Action(title="Study", goal_id="g1", recurrence=Recurrence.WEEKLY, start=MONDAY, hours=3)])
    at = _section(open_app(page="plan"), "Weekly load")
    assert any("Every week fits" in s.value for s in at.success)
    _field(at, "number_input", "Hours a usual week takes").set_value(48.0).run()
    assert db.load("local", nb.id).settings.usual_weekly_hours == 48
    assert any("go over your 50-hour limit" in w.value for w in at.warning)
    _field(at, "number_input", "Weekly hour limit").set_value(0.0).run()
    assert _message_below(at, "number_input", "Weekly hour limit") == "This must be more than 0."
    assert _field(at, "number_input", "Weekly hour limit").value == 0.0
    assert db.load("local", nb.id).settings.weekly_hour_limit == 50


def test_more_weeks_ahead(open_app, db):
    _seed(db)
    at = _section(open_app(page="plan"), "Weekly load")
    next(b for b in at.button_group if b.label == "Weeks ahead").set_value(52).run()
    assert any("52 weeks" in w.value or "Every week fits" in w.value for w in [*at.success, *at.warning])
    assert len(_field(at, "selectbox", "Week").options) == 52


# --- calendar ---------------------------------------------------------------------------------


def test_the_calendar_section_says_what_the_file_holds(open_app, db):
    _seed(db, actions=[Action(title="Weekly 1:1 with Sam", goal_id="g1", recurrence=Recurrence.WEEKLY, start=MONDAY),
                       Action(title="Book", goal_id="g1", due=TODAY + timedelta(days=3)),
                       Action(title="Done", goal_id="g1", due=TODAY, status=ActionStatus.DONE)])
    at = _section(open_app(page="plan"), "Calendar")
    page = texts(at)
    assert "**1 one-off action** with a due date" in page and "**1 repeating action**" in page
    assert "**12** review dates (monthly)" in page
    assert "1 action is left out" in page
    (download,) = at.get("download_button")
    assert download.proto.label == "Download the calendar file (.ics)"


# --- size and modes ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("section", ["Actions", "Initiatives", "Stop doing", "Timeline", "Weekly load", "Calendar"])
def test_every_section_loads_with_the_five_year_notebook(open_app, db, section):
    db.add("local", five_year_notebook(0, TODAY))
    at = _section(open_app(page="plan"), section)
    assert not _errors(at)
    assert "Plan" in [t.value for t in at.title]


def test_presentation_mode_draws_the_same_plan_larger(open_app, db):
    _seed(db, actions=[Action(title="Weekly 1:1 with Sam", goal_id="g1", recurrence=Recurrence.WEEKLY, start=MONDAY)])
    at = open_app(page="plan", query={"present": "1"})
    _section(at, "Weekly load")
    assert '"size": 17' in _chart(at)
