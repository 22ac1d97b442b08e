"""Reflect page: every section, bad input beside the field with the typed value kept, presentation mode."""

from __future__ import annotations

from datetime import date

import pytest

from career_core.models import DevelopmentItem, Goal, InputEntry, InputRole, OrgObjective, SkillRating
from career_core.sample import load_sample
from tests.app.conftest import button, by_label, errors, seen, stored, texts
from tests.synthetic import five_year_notebook


def submit(at, label):
    """A form's submit button (AppTest lists them with the buttons)."""
    return button(at, label)


@pytest.fixture
def reflect(open_on_tab):
    """Open the Reflect page on one section of a notebook made from `parts`."""

    def _open(tab: str = "Self-assessment", query: dict | None = None, **parts) -> tuple:
        return open_on_tab("reflect", "reflect.tab", None if tab == "Self-assessment" else tab, query, **parts)

    return _open


def edit_cells(at, index, state):
    """Edit a data editor the way the browser reports it, then rerun."""
    at.session_state[at.data_editor[index].key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **state}
    return at.run()


def test_without_a_notebook_the_page_points_home(open_app):
    at = open_app(page="reflect")
    assert "Open a notebook first" in texts(at)


TABS = ["Self-assessment", "Vision", "Input", "Development list", "Organisation", "Private notes"]


@pytest.mark.parametrize("tab", TABS)
def test_every_section_loads_on_an_empty_notebook(reflect, tab):
    at, _ = reflect(tab)
    assert seen(at.title[0].value) == "Reflect"


@pytest.mark.parametrize("make", [pytest.param(lambda: load_sample(date.today()), id="sample"),
                                  pytest.param(lambda: five_year_notebook(seed=0), id="five-year", marks=pytest.mark.slow)])
def test_every_section_loads_with_a_full_notebook(open_app, db, make):
    nb = db.add("local", make())
    at = open_app(page="reflect")
    for tab in TABS:
        at.session_state["reflect.tab"] = tab
        at.run()
        assert not at.exception, (tab, [e.value for e in at.exception])
    assert db.load("local", nb.id).revision == nb.revision  # looking changes nothing


# --- self-assessment -------------------------------------------------------------------------------


def test_a_skill_is_rated_from_the_list(reflect, db):
    at, nb = reflect()
    by_label(at.selectbox, "Skill").set_value("Delegation")
    by_label(at.slider, "Now").set_value(2)
    by_label(at.slider, "Wanted").set_value(5)
    submit(at, "Add skill").click().run()
    by_label(at.selectbox, "Skill").set_value("Budgeting and financial planning")
    submit(at, "Add skill").click().run()
    skills = stored(db, nb).reflection.skills
    assert [(s.name, s.now, s.wanted) for s in skills] == [("Delegation", 2, 5), ("Budgeting and financial planning", 2, 4)]
    assert at.get("plotly_chart"), "the gap chart is drawn"
    assert "Delegation" not in by_label(at.selectbox, "Skill").options  # rated skills leave the list


def test_a_skill_without_a_name_is_refused_beside_the_field(reflect, db):
    # Written-in skills (and a skill written in twice) are covered in the browser: AppTest can only
    # pick options that are listed.
    at, nb = reflect(reflection={"skills": [SkillRating(name="Delegation")]})
    by_label(at.slider, "Now").set_value(1)
    submit(at, "Add skill").click().run()
    assert "This cannot be empty." in errors(at)
    assert by_label(at.slider, "Now").value == 1  # what was chosen stays
    assert len(stored(db, nb).reflection.skills) == 1


def test_ratings_are_edited_in_the_table_and_a_bad_cell_saves_nothing(reflect, db):
    at, nb = reflect(reflection={"skills": [SkillRating(name="Delegation", now=2, wanted=4),
                                            SkillRating(name="Budgeting", now=3, wanted=3)]})
    edit_cells(at, 0, {"edited_rows": {"1": {"Now": 4}}})
    assert [s.now for s in stored(db, nb).reflection.skills] == [2, 4]
    edit_cells(at, 0, {"edited_rows": {"0": {"Wanted": 9}}})
    assert any("Row 1 (Delegation): Wanted: This must be at most 5." in e for e in errors(at))
    assert [s.wanted for s in stored(db, nb).reflection.skills] == [4, 3]
    edit_cells(at, 0, {"deleted_rows": [0]})
    assert [s.name for s in stored(db, nb).reflection.skills] == ["Budgeting"]


def test_values_are_chosen_written_in_and_ranked(reflect, db):
    at, nb = reflect()
    by_label(at.multiselect, "What matters most to me").set_value(["Growth", "Fairness", "Time with my kids"]).run()
    assert stored(db, nb).reflection.values == ["Growth", "Fairness", "Time with my kids"]
    assert "Rank them" in texts(at)
    next(b for b in at.button if b.help == "Move Time with my kids up").click().run()
    assert stored(db, nb).reflection.values == ["Growth", "Time with my kids", "Fairness"]
    next(b for b in at.button if b.help == "Move Growth down").click().run()
    assert stored(db, nb).reflection.values == ["Time with my kids", "Growth", "Fairness"]


def test_values_reported_again_after_the_tab_was_left_save_nothing(reflect, db):
    """The browser can send a widget's value once more after its tab was left (seen in a rerun
    of the save line right after a click on another tab): the same choice is no change, and no
    revision, nor a save line saying "Saved" for a step that saved nothing."""
    at, nb = reflect()
    left_behind = by_label(at.multiselect, "What matters most to me")._widget_state  # the browser's copy
    at.session_state["reflect.tab"] = "Vision"
    at.run()
    states = at._tree.get_widget_states()
    states.widgets.append(left_behind)
    at._run(states)
    assert stored(db, nb).revision == nb.revision
    assert not any("Saved" in c.value for c in at.sidebar.caption)


def test_lists_are_written_one_per_line(reflect, db):
    at, nb = reflect()
    by_label(at.text_area, "Strengths").input("Calm in a crisis\n\n  Explaining things simply ").run()
    by_label(at.text_area, "What energises me").input("Seeing people grow").run()
    saved = stored(db, nb).reflection
    assert saved.strengths == ["Calm in a crisis", "Explaining things simply"]
    assert saved.motivators == ["Seeing people grow"]


def test_the_why_is_checked_against_my_values(reflect, db):
    at, nb = reflect(reflection={"values": ["Growth", "Family"]})
    why = by_label(at.text_area, "How would reaching my vision energise and fulfil me? Does it fit my values?")
    why.input("I would spend my days on the growth of people.").run()
    assert "Your why speaks to Growth." in texts(at)
    why.input("More money.").run()
    assert "does not name any of your values" in texts(at)
    assert stored(db, nb).reflection.why == "More money."


# --- vision ---------------------------------------------------------------------------------------


def test_the_vision_is_written_field_by_field(reflect, db):
    at, nb = reflect("Vision")
    by_label(at.text_area, "My vision").input("I lead the northern division and my people are proud of it.").run()
    by_label(at.text_input, "Target role").input("Head of Operations North").run()
    by_label(at.text_input, "Level of responsibility").input("200 people, four teams").run()
    by_label(at.text_area, "The impact I want to have").input("Parcels arrive when promised.").run()
    by_label(at.number_input, "Horizon (the year I want to be there)").set_value(date.today().year + 4).run()
    vision = stored(db, nb).vision
    assert vision.statement.startswith("I lead the northern division")
    assert (vision.target_role, vision.responsibility, vision.horizon_year) == (
        "Head of Operations North", "200 people, four teams", date.today().year + 4)


def test_an_impossible_horizon_is_refused_beside_the_field_and_kept(reflect, db):
    at, nb = reflect("Vision", vision={"horizon_year": 2030})
    year = by_label(at.number_input, "Horizon (the year I want to be there)")
    year.set_value(1800).run()
    assert "This must be at least 1900." in errors(at)
    assert by_label(at.number_input, "Horizon (the year I want to be there)").value == 1800
    assert stored(db, nb).vision.horizon_year == 2030


def test_a_horizon_in_the_past_gets_a_gentle_note(reflect):
    at, _ = reflect("Vision", vision={"horizon_year": 2001})
    assert "2001 has passed" in texts(at)


# --- input log ------------------------------------------------------------------------------------


def test_input_is_logged_and_the_form_starts_empty_again(reflect, db):
    at, nb = reflect("Input")
    assert "Not asked yet: mentor, manager, peer, direct report, coach, friend." in texts(at)
    by_label(at.text_input, "Who I asked").input("Priya")
    by_label(at.selectbox, "Their role").set_value(InputRole.DIRECT_REPORT)
    by_label(at.text_area, "What they said").input("You fix things yourself instead of delegating.")
    by_label(at.text_area, "My takeaway").input("Hand over the weekly report.")
    submit(at, "Add to the log").click().run()
    (entry,) = stored(db, nb).inputs
    assert (entry.who, entry.role.value, entry.on) == ("Priya", "direct_report", date.today())
    assert entry.takeaway == "Hand over the weekly report."
    assert by_label(at.text_input, "Who I asked").value == ""
    assert by_label(at.selectbox, "Their role").value is InputRole.DIRECT_REPORT  # the last choice, not "Mentor" again
    assert "Not asked yet: mentor, manager, peer, coach, friend." in texts(at)
    assert at.data_editor[0].value["Who"].tolist() == ["Priya"]


def test_input_without_a_name_is_refused_and_what_was_typed_stays(reflect, db):
    at, nb = reflect("Input")
    by_label(at.text_area, "What they said").input("Speak up in the leadership meeting.")
    submit(at, "Add to the log").click().run()
    assert "This cannot be empty." in errors(at)
    assert by_label(at.text_area, "What they said").value == "Speak up in the leadership meeting."
    assert stored(db, nb).inputs == []


def test_the_log_is_edited_and_pruned_in_its_table(reflect, db):
    entries = [InputEntry(who="Priya", on="2026-01-10"), InputEntry(who="Sam", role="peer", on="2026-02-01")]
    at, nb = reflect("Input", inputs=entries)
    assert at.data_editor[0].value["Who"].tolist() == ["Sam", "Priya"]  # newest first
    edit_cells(at, 0, {"edited_rows": {"1": {"Role": "Manager"}}})
    assert [(e.who, e.role.value) for e in stored(db, nb).inputs] == [("Priya", "manager"), ("Sam", "peer")]
    edit_cells(at, 0, {"deleted_rows": [0]})
    assert [e.who for e in stored(db, nb).inputs] == ["Priya"]


# --- development list ------------------------------------------------------------------------------


def test_development_items_are_added_ranked_and_the_top_few_kept(reflect, db):
    items = [DevelopmentItem(title=t, value=v, motivation=m) for t, v, m in
             [("Learn SQL", 1, 2), ("Feedback on the spot", 5, 5), ("Budget course", 3, 3), ("Know the CFO", 4, 3)]]
    at, nb = reflect("Development list", development_items=items)
    by_label(at.text_input, "What").input("Chair the weekly ops call")
    by_label(at.slider, "Value for my career").set_value(4)
    by_label(at.slider, "My motivation").set_value(5)
    submit(at, "Add to the list").click().run()
    assert len(stored(db, nb).development_items) == 5
    table = at.data_editor[0].value
    assert table["What"].tolist()[:3] == ["Feedback on the spot", "Chair the weekly ops call", "Know the CFO"]
    assert table["Rank"].tolist()[:4] == ["1 ★", "2 ★", "3 ★", "4"]
    assert "keeping 5 items" not in texts(at)
    assert at.get("plotly_chart")
    button(at, "Keep only the top 3").click().run()
    kept = {i.title for i in stored(db, nb).development_items if i.kept}
    assert kept == {"Feedback on the spot", "Chair the weekly ops call", "Know the CFO"}


def test_too_many_kept_items_get_a_gentle_warning(reflect):
    items = [DevelopmentItem(title=f"Item {i}", value=3, motivation=3) for i in range(6)]
    at, _ = reflect("Development list", development_items=items)
    assert any("You are keeping 6 items" in i.value for i in at.info)


def test_the_authenticity_check_saves_answers_and_explains_doubts(reflect, db):
    items = [DevelopmentItem(title="Become a director", value=5, motivation=4),
             DevelopmentItem(title="Learn SQL", value=1, motivation=1, kept=False)]
    at, nb = reflect("Development list", development_items=items)
    assert "Authenticity check" in [s.value for s in at.subheader]
    check = at.data_editor[1]
    assert check.value["Kept item"].tolist() == ["Become a director"]  # only what is kept
    assert check.value["Result"].tolist() == ["○ not checked"]
    edit_cells(at, 1, {"edited_rows": {"0": {"Is it my own wish, not someone else's idea of what I should do?": "No"}}})
    assert stored(db, nb).development_items[0].own_wish is False
    assert any("Become a director" in w.value and "Goals you do not own rarely last" in w.value for w in at.warning)
    edit_cells(at, 1, {"edited_rows": {"0": {"Does it fit my values?": "Yes", "Does it build on my strengths?": "Yes",
                                             "Is it my own wish, not someone else's idea of what I should do?": "Yes"}}})
    assert at.data_editor[1].value["Result"].tolist() == ["✅ rings true"]
    assert not at.warning


def test_a_bad_rating_in_the_development_table_saves_nothing(reflect, db):
    at, nb = reflect("Development list", development_items=[DevelopmentItem(title="Learn SQL")])
    edit_cells(at, 0, {"edited_rows": {"0": {"What": "  "}}})
    assert any("Row 1 (Learn SQL): What: This cannot be empty." in e for e in errors(at))
    assert stored(db, nb).development_items[0].title == "Learn SQL"


# --- organisation ---------------------------------------------------------------------------------


def test_objectives_are_added_and_removing_one_unlinks_goals(reflect, db):
    goal = Goal(statement="Lead a team of 10 by 2028", objective_ids=["o1"])
    at, nb = reflect("Organisation", org_objectives=[OrgObjective(id="o1", title="On-time delivery")], goals=[goal])
    assert at.data_editor[0].value["Goals aligned"].tolist() == [1]
    by_label(at.text_input, "Objective").input("Open the northern hub")
    submit(at, "Add objective").click().run()
    assert [o.title for o in stored(db, nb).org_objectives] == ["On-time delivery", "Open the northern hub"]
    edit_cells(at, 0, {"deleted_rows": [0]})
    saved = stored(db, nb)
    assert [o.title for o in saved.org_objectives] == ["Open the northern hub"]
    assert saved.goals[0].objective_ids == []


def test_an_objective_needs_a_title(reflect, db):
    at, nb = reflect("Organisation")
    by_label(at.text_area, "Details").input("Owned by the COO")
    submit(at, "Add objective").click().run()
    assert "This cannot be empty." in errors(at)
    assert by_label(at.text_area, "Details").value == "Owned by the COO"
    assert stored(db, nb).org_objectives == []


# --- private notes --------------------------------------------------------------------------------


def test_private_notes_are_saved_and_marked_private(reflect, db):
    at, nb = reflect("Private notes")
    assert "Private: only you see these" in texts(at)
    by_label(at.text_area, "Private notes").input("Not sure I want Sam's job at all.").run()
    assert stored(db, nb).reflection.private_notes == "Not sure I want Sam's job at all."


def test_private_notes_are_hidden_while_presenting(reflect):
    at, _ = reflect("Private notes", query={"present": "1"}, reflection={"private_notes": "my secret doubts"})
    assert "hidden while presenting" in texts(at)
    assert not [t for t in at.text_area if t.label == "Private notes"]
    assert "my secret doubts" not in texts(at)
