"""Goals page: drafting with live SMART feedback, the library, fields, the list, the map, focus."""

from __future__ import annotations

from datetime import date

import pytest

from career_core.models import Direction, Goal, GoalRevision, GoalStatus, Metric, OrgObjective
from career_core.sample import load_sample
from tests.app.conftest import button, by_label, errors, has_button, seen, stored, texts, type_into
from tests.synthetic import five_year_notebook

TABS = ["Draft", "My goals", "Goal map", "Focus"]
VAGUE = "get better at leadership"
SHARP = "Complete the Kestrel leadership programme by June 2027"


@pytest.fixture
def goals_page(open_on_tab):
    """Open the Goals page on one section of a notebook made from `parts`."""

    def _open(tab: str = "Draft", query: dict | None = None, **parts) -> tuple:
        return open_on_tab("goals", "goals.tab", None if tab == "Draft" else tab, query, **parts)

    return _open


def edit(at, goal_id: str):
    """Open a goal in the editor, as the list's Edit button does."""
    if at.session_state["goals.tab"] != "Draft":
        at.session_state["goals.tab"] = "Draft"
        at.run()
    by_label(at.selectbox, "Working on").set_value(goal_id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def criterion(at, letter: str) -> str:
    """The level line of one SMART criterion in the report ("Met", "Missing", ...)."""
    line = next(m.value for m in at.markdown if m.value.startswith(f"**{letter}** · "))
    return line.split(":material/")[1].split(" ", 1)[1].rstrip("]")


def test_without_a_notebook_the_page_points_home(open_app):
    at = open_app(page="goals")
    assert "Open a notebook first" in texts(at)


@pytest.mark.parametrize("tab", TABS)
def test_every_section_loads_on_an_empty_notebook(goals_page, tab):
    at, _ = goals_page(tab)
    assert seen(at.title[0].value) == "Goals"


@pytest.mark.parametrize("make", [pytest.param(lambda: load_sample(date.today()), id="sample"),
                                  pytest.param(lambda: five_year_notebook(seed=0), id="five-year", marks=pytest.mark.slow)])
def test_every_section_loads_with_a_full_notebook(open_app, db, make):
    nb = db.add("local", make())
    at = open_app(page="goals")
    for tab in TABS:
        at.session_state["goals.tab"] = tab
        at.run()
        assert not at.exception, (tab, [e.value for e in at.exception])
    edit(at, nb.goals[0].id)
    assert by_label(at.text_input, "Goal").value == nb.goals[0].statement
    assert db.load("local", nb.id).revision == nb.revision  # looking changes nothing


# --- drafting a new goal -------------------------------------------------------------------------


def test_the_report_follows_the_words_as_they_are_typed(goals_page):
    at, _ = goals_page()
    assert "The SMART report appears as you type" in texts(at)
    by_label(at.text_input, "Your goal").input(VAGUE).run()
    assert "Not SMART yet" in texts(at)
    assert [criterion(at, k) for k in "SMART"] == ["Missing", "Missing", "Needs your input", "Needs your input",
                                                   "Missing"]
    assert "How to make it sharper" in texts(at)
    assert any(m.value.startswith(":orange-background[get better]") for m in at.markdown)  # highlighted, escaped
    by_label(at.text_input, "Your goal").input(SHARP).run()
    # sharp wording is not SMART yet: the badge waits for A and R, and says so in words
    assert ":blue-badge[:material/pending: Sharp wording]" in [m.value for m in at.markdown]
    assert "Sharp wording: add how confident you are and why it matters." in texts(at)
    assert [criterion(at, k) for k in "SMT"] == ["Met", "Met", "Met"]
    assert "counts: “June 2027”" in texts(at)


def test_a_draft_reaches_smart_without_leaving_the_page(goals_page, db):
    at, nb = goals_page()
    by_label(at.text_input, "Your goal").input(SHARP).run()
    assert "To reach SMART, say how confident you are and why it matters." in texts(at)
    by_label(at.select_slider, "Confidence").set_value(8).run()
    by_label(at.text_area, "Why I want this").input("It is the route to a senior role here, and I grow with it.").run()
    by_label(at.checkbox, "This goal moves me towards my vision").check().run()
    assert ":green-badge[:material/verified: SMART]" in [m.value for m in at.markdown]
    button(at, "Save and make it active").click().run()
    (goal,) = stored(db, nb).goals
    assert (goal.confidence, goal.why, goal.supports_vision) == (
        8, "It is the route to a senior role here, and I grow with it.", True)


def test_user_text_in_the_report_is_escaped_never_markup(goals_page):
    at, _ = goals_page()
    by_label(at.text_input, "Your goal").input("Lead [a team](javascript:x) of 10 <b>by</b> **2027**").run()
    body = next(m.value for m in at.markdown if "javascript" in m.value)
    for escaped in ("Lead \\[a ", "\\](javascript:x)", "\\<b>by\\</b>", "\\*\\*"):
        assert escaped in body, (escaped, body)


def test_a_named_deadline_can_fill_the_deadline_field(goals_page, db):
    at, nb = goals_page()
    by_label(at.text_input, "Your goal").input(SHARP).run()
    assert by_label(at.date_input, "Deadline").value is None
    assert "deadline 30 Jun 2027 (now empty)" in texts(at)  # the change, shown before it is applied
    button(at, "Use the wording's values in the fields").click().run()
    assert by_label(at.date_input, "Deadline").value == date(2027, 6, 30)
    assert not has_button(at, "Use the wording's values in the fields")  # already there
    button(at, "Save and make it active").click().run()
    (goal,) = stored(db, nb).goals
    assert (goal.statement, goal.deadline, goal.status.value) == (SHARP, date(2027, 6, 30), "active")


def test_baseline_and_target_named_in_the_draft_are_offered_and_saved(goals_page, db):
    at, nb = goals_page()
    by_label(at.text_input, "Your goal").input("Raise the team's engagement score from 62 to 75 by 31 May 2027").run()
    assert "baseline 62 (now empty); target 75 (now empty)" in texts(at)
    button(at, "Use the wording's values in the fields").click().run()
    assert "Measure: 62 → 75 (Increase to the target)" in texts(at)
    button(at, "Save as a draft").click().run()
    (goal,) = stored(db, nb).goals
    assert (goal.deadline, goal.metric.baseline, goal.metric.target) == (date(2027, 5, 31), 62, 75)


def test_a_saved_goal_whose_wording_and_fields_disagree_says_so_with_the_fix(goals_page, db):
    goal = Goal(statement="Cut our average first-reply time from 8 to 5 hours by 30 June 2027",
                deadline=date(2027, 3, 31), metric=Metric(unit="hours", baseline=8, target=4, direction="decrease"))
    at, nb = goals_page(goals=[goal])
    edit(at, goal.id)
    assert "The wording and the fields disagree." in texts(at)
    assert "deadline 30 Jun 2027 (now 31 Mar 2027); target 5 (now 4)" in texts(at)
    button(at, "Use the wording's values in the fields").click().run()
    saved = stored(db, nb).goals[0]
    assert (saved.deadline, saved.metric.target) == (date(2027, 6, 30), 5)
    assert by_label(at.date_input, "Deadline").value == date(2027, 6, 30)  # the field shows it at once
    assert "The wording and the fields disagree." not in texts(at)


def test_saving_a_draft_keeps_its_first_wording_with_its_score_and_opens_it(goals_page, db):
    at, nb = goals_page()
    by_label(at.text_input, "Your goal").input(VAGUE).run()
    button(at, "Save as a draft").click().run()
    (goal,) = stored(db, nb).goals
    assert (goal.statement, goal.status.value, goal.horizon.value) == (VAGUE, "draft", "short_term")
    assert [(r.statement, r.score) for r in goal.revisions] == [(VAGUE, 13)]
    assert by_label(at.selectbox, "Working on").value == goal.id
    assert by_label(at.text_input, "Goal").value == VAGUE
    by_label(at.selectbox, "Working on").set_value("new").run()
    assert by_label(at.text_input, "Your goal").value == ""  # the next goal starts afresh


def test_a_stepping_stone_is_saved_under_its_long_term_goal(goals_page, db):
    lt = Goal(statement="Head the northern division by 2030", horizon="long_term")
    at, nb = goals_page(goals=[lt])
    by_label(at.text_input, "Your goal").input(SHARP).run()
    by_label(at.selectbox, "Stepping stone of").set_value(lt.id).run()
    button(at, "Save as a draft").click().run()
    assert stored(db, nb).goals[-1].parent_id == lt.id


def test_a_library_goal_is_a_starting_point_with_a_hint(goals_page, db):
    at, nb = goals_page()
    by_label(at.get("button_group"), "Theme").set_value("skills").run()
    by_label(at.radio, "Goal").set_value("leadership-skills").run()
    button(at, "Use this as my starting point").click().run()
    assert by_label(at.text_input, "Your goal").value == "Get better at leadership."
    assert "From the library (Leadership skills): Pick the part of leading" in texts(at)
    assert "Not SMART yet" in texts(at)  # deliberately improvable
    by_label(at.text_input, "Your goal").input("Complete all six modules of the leadership programme by March 2027").run()
    button(at, "Save as a draft").click().run()
    (goal,) = stored(db, nb).goals
    assert goal.category == "Leadership skills"
    assert (goal.metric.name, goal.metric.direction.value) == ("Programme modules completed", "increase")


def test_a_blank_goal_offers_nothing_to_save(goals_page, db):
    at, nb = goals_page()
    by_label(at.text_input, "Your goal").input("    ").run()
    assert not has_button(at, "Save as a draft")
    assert stored(db, nb).goals == []


# --- an existing goal ----------------------------------------------------------------------------


def test_a_new_wording_is_saved_as_a_revision_and_charted(goals_page, db):
    goal = Goal(statement=VAGUE, revisions=[GoalRevision(statement=VAGUE, score=13)])
    at, nb = goals_page(goals=[goal])
    edit(at, goal.id)
    assert "Each wording you save is kept here" in texts(at)
    by_label(at.text_input, "Goal").input(SHARP).run()
    assert "Not saved yet" in texts(at)
    button(at, "Save the new wording").click().run()
    saved = stored(db, nb).goals[0]
    assert saved.statement == SHARP
    assert [(r.statement, r.score) for r in saved.revisions] == [(VAGUE, 13), (SHARP, 88)]
    assert not has_button(at, "Save the new wording")
    assert at.get("plotly_chart"), "the history chart"


def test_a_wording_draft_typed_before_the_goal_was_reworded_elsewhere_is_asked_about(goals_page, open_app, db):
    goal = Goal(statement=VAGUE)
    here, nb = goals_page(goals=[goal])
    elsewhere = edit(open_app(page="goals"), goal.id)
    edit(here, goal.id)
    by_label(elsewhere.text_input, "Goal").input(SHARP).run()
    button(elsewhere, "Save the new wording").click().run()
    type_into(here, by_label(here.text_input, "Goal"), "Get better at leading my team of 6")  # here still showed VAGUE
    again = edit(open_app(page="goals"), goal.id)  # a reload
    field = by_label(again.text_input, "Goal")
    assert (field.value, field.disabled) == (SHARP, True)
    assert "changed elsewhere after you typed a draft here" in texts(again)
    button(again, "Use my draft").click().run()
    field = by_label(again.text_input, "Goal")
    assert (field.value, field.disabled) == ("Get better at leading my team of 6", False)
    button(again, "Save the new wording").click().run()
    saved = stored(db, nb).goals[0]
    assert [r.statement for r in saved.revisions][-2:] == [SHARP, "Get better at leading my team of 6"]


def test_an_emptied_wording_is_refused_beside_the_field_and_kept(goals_page, db):
    goal = Goal(statement=SHARP)
    at, nb = goals_page(goals=[goal])
    edit(at, goal.id)
    by_label(at.text_input, "Goal").input("").run()
    assert "A goal needs a few words." in texts(at)
    button(at, "Save the new wording").click().run()
    assert "This cannot be empty." in errors(at)
    assert by_label(at.text_input, "Goal").value == ""
    assert stored(db, nb).goals[0].statement == SHARP


def test_undo_brings_back_the_saved_wording(goals_page):
    goal = Goal(statement=SHARP)
    at, _ = goals_page(goals=[goal])
    edit(at, goal.id)
    by_label(at.text_input, "Goal").input(VAGUE).run()
    button(at, "Undo my changes").click().run()
    assert by_label(at.text_input, "Goal").value == SHARP


def test_achievable_and_relevant_follow_the_fields(goals_page, db):
    goal = Goal(statement=SHARP)
    at, nb = goals_page(goals=[goal], reflection={"values": ["Growth", "Fairness"]})
    edit(at, goal.id)
    assert (criterion(at, "A"), criterion(at, "R")) == ("Needs your input", "Needs your input")
    by_label(at.select_slider, "Confidence").set_value(9).run()
    assert criterion(at, "A") == "Met"
    by_label(at.select_slider, "Confidence").set_value(3).run()
    assert criterion(at, "A") == "Missing"
    by_label(at.multiselect, "My values it serves").set_value(["Growth"]).run()
    assert criterion(at, "R") == "Met"
    saved = stored(db, nb).goals[0]
    assert (saved.confidence, saved.values) == (3, ["Growth"])


def test_the_goal_fields_are_saved(goals_page, db):
    goal = Goal(statement="Lead a team of 10 people by 2028")
    at, nb = goals_page(goals=[goal], org_objectives=[OrgObjective(id="o1", title="On-time delivery")])
    edit(at, goal.id)
    by_label(at.text_input, "Metric").input("People I lead").run()
    by_label(at.text_input, "Unit").input("people").run()
    by_label(at.number_input, "Baseline").set_value(5).run()
    by_label(at.number_input, "Target").set_value(10).run()
    by_label(at.date_input, "Start").set_value(date(2026, 1, 1)).run()
    by_label(at.text_area, "Why I want this").input("Leading more people is how I grow.").run()
    by_label(at.multiselect, "Organisational objectives it serves").set_value(["o1"]).run()
    by_label(at.checkbox, "This goal moves me towards my vision").check().run()
    by_label(at.text_area, "Support").input("My manager backs it.").run()
    by_label(at.slider, "Impact on my career").set_value(5).run()
    saved = stored(db, nb).goals[0]
    assert (saved.metric.name, saved.metric.unit, saved.metric.baseline, saved.metric.target) == (
        "People I lead", "people", 5, 10)
    assert (saved.start, saved.why, saved.objective_ids, saved.supports_vision) == (
        date(2026, 1, 1), "Leading more people is how I grow.", ["o1"], True)
    assert (saved.support, saved.impact) == ("My manager backs it.", 5)


def test_the_direction_follows_the_numbers_and_a_contradiction_is_refused_beside_it(goals_page, db):
    goal = Goal(statement="Cut our average first-reply time from 8 to 4 hours by 31 March 2027")
    at, nb = goals_page(goals=[goal])
    edit(at, goal.id)
    by_label(at.number_input, "Baseline").set_value(8).run()
    by_label(at.number_input, "Target").set_value(4).run()  # direction left at its default, "increase"
    assert stored(db, nb).goals[0].metric.direction is Direction.DECREASE
    assert by_label(at.selectbox, "Direction").value is Direction.DECREASE  # the field says so too
    by_label(at.selectbox, "Direction").set_value(Direction.INCREASE).run()
    assert any("Decrease to the target" in e.value for e in at.error)  # beside the field, in words
    assert by_label(at.selectbox, "Direction").value is Direction.INCREASE  # what was chosen stays
    assert stored(db, nb).goals[0].metric.direction is Direction.DECREASE  # never stored


def test_a_deadline_before_the_start_is_refused_beside_the_field(goals_page, db):
    goal = Goal(statement=SHARP, start=date(2026, 6, 1), deadline=date(2027, 6, 30))
    at, nb = goals_page(goals=[goal])
    edit(at, goal.id)
    by_label(at.date_input, "Deadline").set_value(date(2026, 1, 1)).run()
    assert "The deadline comes before the start date" in errors(at)
    assert by_label(at.date_input, "Deadline").value == date(2026, 1, 1)  # what was chosen stays
    assert stored(db, nb).goals[0].deadline == date(2027, 6, 30)


def test_a_long_term_goal_with_stepping_stones_stays_long_term(goals_page, db):
    lt = Goal(statement="Head the northern division by 2030", horizon="long_term")
    stone = Goal(statement=SHARP, parent_id=lt.id)
    at, nb = goals_page(goals=[lt, stone])
    edit(at, lt.id)
    assert "1 stepping stone:" in texts(at)
    by_label(at.radio, "Horizon").set_value(by_label(at.radio, "Horizon").options[1]).run()
    assert any("this goal has 1 stepping stone" in e for e in errors(at))
    assert stored(db, nb).goals[0].horizon.value == "long_term"


def test_the_editor_changes_status_and_deletes(goals_page, db):
    goal = Goal(statement=SHARP)
    at, nb = goals_page(goals=[goal])
    edit(at, goal.id)
    button(at, "Make active").click().run()
    assert stored(db, nb).goals[0].status.value == "active"
    button(at, "Delete the goal").click().run()
    assert stored(db, nb).goals == []
    assert by_label(at.selectbox, "Working on").value == "new"


# --- the list ------------------------------------------------------------------------------------


def goals_for_list():
    return [
        Goal(id="a", statement=SHARP, status="active"),
        Goal(id="d", statement=VAGUE, status="draft"),
        Goal(id="x", statement="Run a marathon", status="dropped"),
    ]


def test_the_list_shows_score_and_status_and_hides_dropped_goals(goals_page):
    at, _ = goals_page("My goals", goals=goals_for_list())
    page = texts(at)
    assert "2 goals shown · 0 SMART" in page  # sharp wording alone is not SMART: the badge's rule
    assert "Sharp wording" in page
    assert "score **88**/100" in page and "score **13**/100" in page
    assert "Run a marathon" not in page
    by_label(at.get("button_group"), "Show").set_value([GoalStatus.DROPPED]).run()
    assert "Run a marathon" in texts(at)


@pytest.mark.parametrize(
    ("goal_id", "action", "status"),
    [("a", "Mark achieved", "achieved"), ("a", "Pause", "paused"), ("d", "Make active", "active"), ("d", "Drop", "dropped")],
)
def test_the_list_changes_a_goals_status(goals_page, db, goal_id, action, status):
    at, nb = goals_page("My goals", goals=goals_for_list())
    next(b for b in at.button if b.key == f"list-{status}-{goal_id}").click().run()
    assert stored(db, nb).goal(goal_id).status.value == status


def test_edit_in_the_list_opens_the_goal_in_the_draft_tab(goals_page):
    at, _ = goals_page("My goals", goals=goals_for_list())
    next(b for b in at.button if b.key == "edit-d").click().run()
    assert at.session_state["goals.tab"] == "Draft"
    assert by_label(at.text_input, "Goal").value == VAGUE


def test_history_opens_under_one_goal(goals_page):
    goal = Goal(id="a", statement=SHARP, revisions=[GoalRevision(statement=VAGUE, score=13),
                                                    GoalRevision(statement=SHARP, score=88)])
    at, _ = goals_page("My goals", goals=[goal])
    assert not at.get("plotly_chart")
    next(b for b in at.button if b.key == "history-a").click().run()
    assert len(at.get("plotly_chart")) == 1


# --- map and focus -------------------------------------------------------------------------------


def test_the_map_draws_long_term_goals_with_their_stepping_stones(goals_page):
    lt = Goal(statement="Head the northern division by 2030", horizon="long_term", status="active")
    goals = [lt, Goal(statement=SHARP, parent_id=lt.id), Goal(statement="Lone goal"),
             Goal(statement="Old plan", status="dropped")]
    at, _ = goals_page("Goal map", goals=goals, vision={"target_role": "Head of Operations"})
    assert at.get("plotly_chart")
    outline = next(m.value for m in at.markdown if "Head the northern division" in m.value)
    assert outline.splitlines()[1].startswith("  - Complete the Kestrel")  # indented under its parent
    assert "Not yet linked to a long-term goal" in outline and "Old plan" not in outline
    by_label(at.get("button_group"), "Also show").set_value([GoalStatus.DROPPED]).run()
    assert any("Old plan" in m.value for m in at.markdown)


def test_focus_warns_gently_beyond_a_handful_and_offers_a_pause(goals_page, db):
    goals = [Goal(id=f"g{i}", statement=f"Goal number {i}", status="active", impact=5 - i % 5, motivation=5)
             for i in range(6)]
    at, nb = goals_page("Focus", goals=goals)
    assert any("You have 6 active goals" in w.value for w in at.warning)
    assert at.get("plotly_chart")
    button(at, "Pause").click().run()
    assert stored(db, nb).goal("g4").status.value == "paused"  # the least impact
    assert not at.warning


def test_focus_ratings_are_edited_in_the_table(goals_page, db):
    at, nb = goals_page("Focus", goals=[Goal(id="g", statement=SHARP, status="active")])
    at.session_state[at.data_editor[0].key] = {"edited_rows": {"0": {"Impact": 5}}, "added_rows": [],
                                               "deleted_rows": []}
    at.run()
    assert stored(db, nb).goal("g").impact == 5


def test_a_draft_survives_a_look_at_another_tab(goals_page):
    at, _ = goals_page()
    by_label(at.text_input, "Your goal").input(VAGUE).run()
    at.session_state["goals.tab"] = "Goal map"
    at.run()
    at.session_state["goals.tab"] = "Draft"
    at.run()
    assert by_label(at.text_input, "Your goal").value == VAGUE
