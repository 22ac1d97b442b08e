"""Drafts: what is typed into a field is kept in the store about a second after the typing pauses,
comes back after a reload (a new session, as after a restart or on another device) marked as a
draft with a way to discard it, is dropped when the entry is added, and never shows while
presenting. Typing is reported as the browser's draft keeper reports it (`type_into`)."""

from __future__ import annotations

import pytest

from career_core.store import MAX_DRAFT_CHARS
from tests.app.conftest import button, by_label, has_button, stored, texts, type_into
from tests.app.fragment_runs import fragment_of, fragment_runs, run_section, typing_reported, whole_page
from waypoint_ui.entries import add_form_key
from waypoint_ui.plan_forms import ACTION

SAID, TAKEAWAY = "input.said", "input.takeaway"


@pytest.fixture
def reflect_on(open_app, db):
    """A Reflect tab of a notebook, in a new browser session each call (a reload)."""
    nb = db.create("local", "Mine")

    def _open(tab: str, query: dict | None = None):
        at = open_app(page="reflect", query=query)
        at.session_state["reflect.tab"] = tab
        return at.run(), nb

    return _open


def drafts_of(db, nb) -> dict[str, str]:
    return {k: d.text for k, d in db.drafts("local", nb.id).items()}


def line(at) -> str:
    return "\n".join(c.value for c in at.sidebar.caption)


def test_typing_into_a_form_is_kept_as_a_draft_and_the_save_line_says_so(reflect_on, db):
    at, nb = reflect_on("Input")
    assert "All changes saved" in line(at)
    said = by_label(at.text_area, "What they said")
    type_into(at, said, "You hold back in meetings", event="typing")
    assert "Not saved yet: what you are typing is kept as a draft" in line(at)
    type_into(at, said, "You hold back in meetings, and you should not")
    assert drafts_of(db, nb) == {SAID: "You hold back in meetings, and you should not"}
    assert "Draft kept: what you typed in 1 field is not added yet" in line(at)
    assert "All changes saved" not in line(at)
    assert stored(db, nb).inputs == [] and stored(db, nb).revision == nb.revision  # a draft is no revision


def test_after_a_reload_the_draft_is_back_in_the_form_marked_and_can_be_discarded(reflect_on, db):
    at, nb = reflect_on("Input")
    type_into(at, by_label(at.text_area, "What they said"), "Speak up earlier")
    type_into(at, by_label(at.text_area, "My takeaway"), "Say it in the first ten minutes")
    again, _ = reflect_on("Input")  # a reload, a restart, another device: a new session
    assert by_label(again.text_area, "What they said").value == "Speak up earlier"
    assert by_label(again.text_area, "My takeaway").value == "Say it in the first ten minutes"
    assert "Draft, not yet added" in texts(again)
    button(again, "Discard draft").click().run()
    assert drafts_of(db, nb) == {}
    assert by_label(again.text_area, "What they said").value == ""
    assert "Draft, not yet added" not in texts(again) and "All changes saved" in line(again)


def test_adding_the_entry_drops_its_drafts_with_the_same_save(reflect_on, db):
    at, nb = reflect_on("Input")
    type_into(at, by_label(at.text_area, "What they said"), "Delegate the rota")
    again, _ = reflect_on("Input")
    by_label(again.text_input, "Who I asked").input("Priya")
    button(again, "Add to the log").click().run()
    assert [(i.who, i.said) for i in stored(db, nb).inputs] == [("Priya", "Delegate the rota")]
    assert drafts_of(db, nb) == {}
    assert by_label(again.text_area, "What they said").value == ""  # a fresh form
    assert "Draft, not yet added" not in texts(again)


def test_typing_reported_for_a_form_already_added_makes_no_draft(reflect_on, db):
    """The keeper reports a pause a moment after the person clicked Add: the field is gone by
    then (the keeper names it as it was), and the save line, which said the typing was not kept
    yet, says it is saved."""
    with fragment_runs():
        at, nb = reflect_on("Input")
        said = by_label(at.text_area, "What they said")
        typing_reported(at, said)
        by_label(at.text_input, "Who I asked").input("Priya")
        said.input("Delegate the rota")
        button(at, "Add to the log").click().run()
        assert "Not saved yet: what you are typing is kept as a draft" in line(at)
        type_into(at, said, "Delegate the rota")
    assert drafts_of(db, nb) == {}
    assert "Not saved yet" not in line(at) and "Saved" in line(at)


def test_typing_reported_for_a_form_whose_draft_was_discarded_makes_no_draft(reflect_on, db):
    at, nb = reflect_on("Input")
    said = by_label(at.text_area, "What they said")
    type_into(at, said, "Delegate the rota")
    button(at, "Discard draft").click().run()
    type_into(at, said, "Delegate the rota, again")  # the pause of words typed just before the click
    assert drafts_of(db, nb) == {}


# (case, the keeper reported the pause before the tab was left, presenting when it opens again,
#  what the field shows then)
TAB_LEFT = [
    ("typed, paused, tab left and opened again", True, False, "Speak up earlier"),
    ("typed, tab left before the pause, opened again", False, False, "Speak up earlier"),
    ("typed, paused, tab left, presenting when it opens again", True, True, ""),
]


@pytest.mark.parametrize("field", ["What they said", "My takeaway"])
@pytest.mark.parametrize(("paused", "presenting", "shows"), [c[1:] for c in TAB_LEFT], ids=[c[0] for c in TAB_LEFT])
def test_a_form_field_typed_into_and_left_with_its_tab_is_kept_and_back_when_the_tab_opens(
        reflect_on, db, field, paused, presenting, shows):
    """A form sends nothing until it is submitted: what the browser held went with the tab, and
    the draft is what was typed, however soon after the typing the tab was left."""
    at, nb = reflect_on("Input")
    widget = by_label(at.text_area, field)
    if paused:
        type_into(at, widget, "Speak up earlier")
    at.session_state["reflect.tab"] = "Vision"
    at.run()
    if not paused:
        type_into(at, widget, "Speak up earlier")  # the keeper reports the pause of a field gone from the page
    assert list(drafts_of(db, nb).values()) == ["Speak up earlier"]
    if presenting:
        at.sidebar.toggle[0].set_value(True).run()
    at.session_state["reflect.tab"] = "Input"
    at.run()
    assert by_label(at.text_area, field).value == shows
    assert ("Draft, not yet added" in texts(at)) is not presenting


def test_a_form_closed_and_opened_again_within_its_section_shows_its_draft(open_app, db):
    """Plan's add form sits in a section that reruns alone: closed and opened again in two runs
    of the section, its field is back, and the words typed into it with it."""
    nb = db.create("local", "Mine")
    with fragment_runs():
        at = open_app(page="plan")
        what = by_label(at.text_input, "What is the step?")
        section = fragment_of(what.id)
        type_into(at, what, "Call the venue")
        at.session_state[add_form_key(ACTION, nb.id)] = False
        run_section(at, section)
        assert not whole_page(at) and not [w for w in at.text_input if w.label == "What is the step?"]
        at.session_state[add_form_key(ACTION, nb.id)] = True
        run_section(at, section)
        assert not whole_page(at)
        assert by_label(at.text_input, "What is the step?").value == "Call the venue"


def test_a_form_field_still_on_the_page_keeps_what_the_browser_holds(reflect_on, db):
    """A run that draws the field again right after one that drew it does not put the draft in:
    the browser holds the words typed since, and a value from the server would replace them."""
    at, nb = reflect_on("Input")
    said = by_label(at.text_area, "What they said")
    type_into(at, said, "Speak up")
    at.run()
    assert by_label(at.text_area, "What they said").value == ""  # the server's value: untouched
    assert drafts_of(db, nb) == {SAID: "Speak up"}


def test_a_draft_is_not_put_back_or_mentioned_while_presenting(reflect_on, db):
    at, nb = reflect_on("Input")
    type_into(at, by_label(at.text_area, "What they said"), "Private: I might leave")
    shared, _ = reflect_on("Input", query={"nb": nb.id, "present": "1"})
    assert by_label(shared.text_area, "What they said").value == ""
    assert "Private: I might leave" not in texts(shared) and "Draft, not yet added" not in texts(shared)
    assert drafts_of(db, nb) == {SAID: "Private: I might leave"}  # kept for later, not shown


def test_a_field_saved_in_place_keeps_its_typing_as_a_draft_until_it_is_saved(reflect_on, db):
    at, nb = reflect_on("Vision")
    type_into(at, by_label(at.text_area, "My vision"), "I lead the northern division")
    assert drafts_of(db, nb) == {"vision.statement": "I lead the northern division"}
    again, _ = reflect_on("Vision")
    assert by_label(again.text_area, "My vision").value == "I lead the northern division"
    assert "Draft, not yet saved" in texts(again)
    button(again, "Save draft").click().run()
    assert stored(db, nb).vision.statement == "I lead the northern division"
    assert drafts_of(db, nb) == {} and "Draft, not yet saved" not in texts(again)


def test_discarding_a_draft_of_a_field_saved_in_place_shows_the_saved_text_again(reflect_on, db):
    at, nb = reflect_on("Vision")
    by_label(at.text_area, "My vision").input("Head of operations").run()
    type_into(at, by_label(at.text_area, "My vision"), "Head of operations, north")
    again, _ = reflect_on("Vision")
    button(again, "Discard draft").click().run()
    assert by_label(again.text_area, "My vision").value == "Head of operations"
    assert drafts_of(db, nb) == {} and stored(db, nb).vision.statement == "Head of operations"


# (case, text typed last) -> no draft is kept: nothing is pending
NO_DRAFT = [("typed back to the saved text", "Head of operations"), ("the field left as it is", "Head of operations")]


@pytest.mark.parametrize("text", [c[1] for c in NO_DRAFT], ids=[c[0] for c in NO_DRAFT])
def test_typing_back_to_what_is_saved_is_no_draft(reflect_on, db, text):
    at, nb = reflect_on("Vision")
    field = by_label(at.text_area, "My vision")
    field.input("Head of operations").run()
    type_into(at, by_label(at.text_area, "My vision"), "Head of operations, north")
    type_into(at, by_label(at.text_area, "My vision"), text)
    assert drafts_of(db, nb) == {}
    assert "Draft kept" not in line(at)


def test_leaving_the_field_saves_it_and_drops_the_draft(reflect_on, db):
    at, nb = reflect_on("Vision")
    type_into(at, by_label(at.text_area, "My vision"), "I lead")
    by_label(at.text_area, "My vision").input("I lead the northern division").run()
    assert stored(db, nb).vision.statement == "I lead the northern division" and drafts_of(db, nb) == {}


def test_a_text_too_long_to_keep_is_said_in_the_save_line(reflect_on, db):
    at, nb = reflect_on("Input")
    type_into(at, by_label(at.text_area, "What they said"), "x" * (MAX_DRAFT_CHARS + 1))
    assert "Not saved yet: this text is too long to keep as a draft" in line(at)
    assert drafts_of(db, nb) == {}


def test_a_new_goal_typed_on_the_goals_page_comes_back_after_a_reload(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="goals")
    type_into(at, by_label(at.text_input, "Your goal"), "Lead a team of 10 by 2028")
    again = open_app(page="goals")
    assert by_label(again.text_input, "Your goal").value == "Lead a team of 10 by 2028"
    assert "Draft, not yet added" in texts(again)
    button(again, "Save as a draft").click().run()
    assert [g.statement for g in stored(db, nb).goals] == ["Lead a team of 10 by 2028"]
    assert drafts_of(db, nb) == {}


def test_a_late_report_of_a_new_goal_saved_meanwhile_makes_no_draft(open_app, db):
    """Words typed and the goal saved within a second: the keeper reports the field after it
    left the page, and the words are in the goal, not brought back as a new one."""
    nb = db.create("local", "Mine")
    at = open_app(page="goals")
    goal = by_label(at.text_input, "Your goal")
    goal.input("Lead a team of 10 by 2028").run()
    button(at, "Save and make it active").click().run()
    type_into(at, goal, "Lead a team of 10 by 2028")
    assert [g.statement for g in stored(db, nb).goals] == ["Lead a team of 10 by 2028"]
    assert drafts_of(db, nb) == {}
    assert by_label(at.text_input, "Goal").value == "Lead a team of 10 by 2028"  # the saved goal, not a new one


def test_a_report_of_a_new_goal_reaching_the_server_with_its_save_makes_no_draft(open_app, db):
    """The click on save and the keeper's report of the words reach the server in one rerun, the
    report second, while the run before drew the field (seen in CI: the goal was saved, then its
    words were kept again as a new goal's draft, and the page offered the saved goal as a new one)."""
    nb = db.create("local", "Mine")
    at = open_app(page="goals")
    goal = by_label(at.text_input, "Your goal")
    goal.input("Lead a team of 10 by 2028").run()
    button(at, "Save and make it active").click()
    type_into(at, goal, "Lead a team of 10 by 2028")  # one run: the click's callback first, then the report's
    assert [g.statement for g in stored(db, nb).goals] == ["Lead a team of 10 by 2028"]
    assert drafts_of(db, nb) == {}
    assert by_label(at.text_input, "Goal").value == "Lead a team of 10 by 2028"  # the saved goal, not a new one


def test_a_late_report_of_a_field_of_the_notebook_left_makes_no_draft_in_the_one_opened(open_app, db):
    first = db.create("local", "First")
    second = db.create("local", "Second")
    at = open_app(page="reflect")
    at.sidebar.selectbox[0].select(first.id).run()
    at.session_state["reflect.tab"] = "Input"
    at.run()
    said = by_label(at.text_area, "What they said")
    at.sidebar.selectbox[0].select(second.id).run()
    type_into(at, said, "Only for the first notebook")
    assert drafts_of(db, second) == {}


def test_drafts_of_one_notebook_stay_with_it(open_app, db):
    first = db.create("local", "First")
    db.create("local", "Second")
    db.save_draft("local", first.id, SAID, "Only in the first notebook")
    at = open_app(page="reflect")  # the most recent, Second, opens
    at.session_state["reflect.tab"] = "Input"
    at.run()
    assert by_label(at.text_area, "What they said").value == ""
    assert not has_button(at, "Discard draft") and "Draft kept" not in line(at)


def test_switching_presentation_on_takes_a_restored_draft_off_the_screen_and_off_brings_it_back(reflect_on, db):
    at, nb = reflect_on("Input")
    type_into(at, by_label(at.text_area, "What they said"), "Private: I might leave")
    again, _ = reflect_on("Input")
    assert by_label(again.text_area, "What they said").value == "Private: I might leave"
    again.sidebar.toggle[0].set_value(True).run()
    assert by_label(again.text_area, "What they said").value == ""
    assert "Private: I might leave" not in texts(again) and "Draft, not yet added" not in texts(again)
    again.sidebar.toggle[0].set_value(False).run()
    assert by_label(again.text_area, "What they said").value == "Private: I might leave"
    assert "Draft, not yet added" in texts(again)
