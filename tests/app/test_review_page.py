"""Review page: the cycle, this review, decisions on goals that slip, history, accountability, exports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from career_core import wording
from career_core.models import (
    CheckIn,
    CoachNote,
    Feedback,
    Goal,
    GoalReviewDecision,
    GoalStatus,
    Metric,
    Partner,
    Review,
    ReviewCadence,
    ReviewDecision,
)
from career_core.review import smart_score
from career_core.schedule import next_after
from tests.app.conftest import errors, texts
from tests.synthetic import five_year_notebook

TODAY = date.today()


def _slipping(statement="Get better at leadership") -> Goal:
    """An active goal far behind its straight line, with nothing logged lately."""
    return Goal(statement=statement, status=GoalStatus.ACTIVE, start=TODAY - timedelta(days=200),
                deadline=TODAY + timedelta(days=100), metric=Metric(name="Score", baseline=0, target=10))


def _notebook(db, *goals, **parts):
    nb = db.create("local", "Jo")
    nb.goals += goals
    for name, items in parts.items():
        getattr(nb, name).extend(items)
    return db.save("local", nb)


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def _widget(at, kind, label):
    return next(w for w in getattr(at, kind) if w.label == label)


def _tab(at, name):
    """Open one of the accountability tabs: only the open one is drawn."""
    at.session_state["review.accountability"] = name
    return at.run()


# --- the cycle ------------------------------------------------------------------------------------


def test_without_a_notebook_the_page_says_where_to_start(open_app):
    at = open_app(page="review")
    assert "Open a notebook first" in texts(at)


def test_an_overdue_review_stands_out(open_app, db):
    _notebook(db, reviews=[Review(on=TODAY - timedelta(days=40), next_review=TODAY - timedelta(days=10))])
    at = open_app(page="review")
    assert any("it is overdue by 10 days" in w.value for w in at.warning)


def test_a_review_on_time_shows_its_date_calmly(open_app, db):
    _notebook(db, reviews=[Review(on=TODAY - timedelta(days=5), next_review=TODAY + timedelta(days=9))])
    at = open_app(page="review")
    assert not at.warning
    assert f"Next review: {wording.day(TODAY + timedelta(days=9), TODAY, weekday=True)}" in texts(at) and "due in 9 days" in texts(at)


def test_the_cadence_is_saved_at_once(open_app, db):
    nb = _notebook(db)
    at = open_app(page="review")
    _widget(at, "selectbox", "How often I review").select(ReviewCadence.BIWEEKLY).run()
    assert db.load("local", nb.id).settings.review_cadence is ReviewCadence.BIWEEKLY


# --- this review ------------------------------------------------------------------------------------


def test_starting_a_review_saves_it_and_every_answer_is_saved_as_typed(open_app, db):
    nb = _notebook(db)
    at = open_app(page="review")
    _button(at, "Start today's review").click().run()
    review = db.load("local", nb.id).reviews[-1]
    assert (review.on, review.next_review) == (TODAY, next_after("monthly", TODAY))
    _widget(at, "text_area", "What went well").input("Two goals ahead of plan").run()
    _widget(at, "text_area", "What I change").input("Put the review in the calendar").run()
    saved = db.load("local", nb.id).reviews[-1]
    assert (saved.went_well, saved.change) == ("Two goals ahead of plan", "Put the review in the calendar")
    assert not [b for b in at.button if b.label == "Start today's review"]  # it is open now


def test_the_next_review_date_can_be_moved(open_app, db):
    nb = _notebook(db, reviews=[Review(on=TODAY, next_review=TODAY + timedelta(days=30))])
    at = open_app(page="review")
    _widget(at, "date_input", "Next review").set_value(TODAY + timedelta(days=45)).run()
    assert db.load("local", nb.id).reviews[-1].next_review == TODAY + timedelta(days=45)


# --- decisions ------------------------------------------------------------------------------------------


def test_a_slipping_goal_gets_a_diagnosis_from_the_data(open_app, db):
    fine = Goal(statement="Steady goal", status=GoalStatus.ACTIVE, start=TODAY - timedelta(days=10),
                deadline=TODAY + timedelta(days=300), metric=Metric(baseline=0, target=10))
    slipping = _slipping()
    nb = _notebook(db, slipping, fine, checkins=[CheckIn(goal_id=fine.id, on=TODAY, value=1)])
    at = open_app(page="review")
    page = texts(at)
    assert "Get better at leadership" in page and "Steady goal" not in page.split("Goals that need a decision")[1]
    assert "✖ At risk" in page
    assert "Nothing was logged since" in page and "no check-ins and no actions ticked off" in page
    score = smart_score(nb.goal(slipping.id), nb, TODAY)
    assert score < 60
    assert f"The wording is vague: SMART score {score} of 100." in page
    assert at.segmented_control[0].value is ReviewDecision.REVISE  # what the data suggests for a vague goal


def test_revising_keeps_the_earlier_wording_and_records_the_decision(open_app, db):
    g = _slipping()
    nb = _notebook(db, g)
    at = open_app(page="review")
    at.segmented_control[0].select(ReviewDecision.REVISE).run()
    assert "SMART score now:" in texts(at)
    _widget(at, "text_area", "New wording").input("Run a monthly coaching session with each of my five planners until June 2027").run()
    rescored = next(c.value for c in at.caption if "SMART score of the new wording" in c.value)
    assert int(rescored.split("**")[1].split("/")[0]) >= 60  # the sharper wording scores higher
    _widget(at, "text_input", "Why (optional)").input("Too vague to act on")
    _button(at, "Record decision").click().run()
    assert not at.exception
    saved = db.load("local", nb.id)
    goal = saved.goal(g.id)
    assert goal.statement == "Run a monthly coaching session with each of my five planners until June 2027"
    assert [r.statement for r in goal.revisions] == ["Get better at leadership"]
    assert goal.revisions[0].score == smart_score(g, nb, TODAY)  # the earlier wording keeps its score
    assert "Too vague to act on" in goal.revisions[0].note
    review = saved.reviews[-1]
    assert review.on == TODAY
    assert [(d.goal_id, d.decision, d.note) for d in review.decisions] == [(g.id, ReviewDecision.REVISE, "Too vague to act on")]
    assert review.decisions[0].diagnosis.startswith("At risk")


def test_a_revised_wording_offers_its_deadline_and_target_for_the_fields(open_app, db):
    """The issue's revision: '…from 8 to 5 hours by 30 June 2027' must not leave 31 Mar 2027 and 4 behind."""
    g = Goal(statement="Cut our average first-reply time from 8 to 4 hours by 31 March 2027", status=GoalStatus.ACTIVE,
             start=TODAY - timedelta(days=200), deadline=TODAY - timedelta(days=5),
             metric=Metric(unit="hours", baseline=8, target=4, direction="decrease"))
    nb = _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=TODAY - timedelta(days=6), value=7)])
    at = open_app(page="review")
    at.segmented_control[0].select(ReviewDecision.REVISE).run()
    new = "Cut our average first-reply time from 8 to 5 hours by 30 June 2027"
    _widget(at, "text_area", "New wording").input(new).run()
    offer = _widget(at, "checkbox", "Also put the new wording's values in the fields: deadline 30 Jun 2027 (now "
                    f"{wording.day(g.deadline, TODAY)}); target 5 (now 4)")
    assert offer.value is True  # shown before it is applied; one click unticks it
    _button(at, "Record decision").click().run()
    goal = db.load("local", nb.id).goal(g.id)
    assert (goal.statement, goal.deadline, goal.metric.target) == (new, date(2027, 6, 30), 5)


def test_a_revision_without_new_words_is_refused_beside_the_field_and_keeps_the_typing(open_app, db):
    g = _slipping()
    nb = _notebook(db, g)
    at = open_app(page="review")
    at.segmented_control[0].select(ReviewDecision.REVISE).run()
    _widget(at, "text_input", "Why (optional)").input("not sure yet")
    _button(at, "Record decision").click().run()  # the wording is still the old one
    assert any("same as the current one" in e for e in errors(at))
    assert _widget(at, "text_input", "Why (optional)").value == "not sure yet"
    assert db.load("local", nb.id).revision == nb.revision
    _widget(at, "text_area", "New wording").input("   ")
    _button(at, "Record decision").click().run()
    assert any("Write the new wording" in e for e in errors(at))
    assert _widget(at, "text_area", "New wording").value == "   "
    assert db.load("local", nb.id).goal(g.id).statement == "Get better at leadership"


@pytest.mark.parametrize(("decision", "status"), [(ReviewDecision.PAUSE, GoalStatus.PAUSED),
                                                  (ReviewDecision.DROP, GoalStatus.DROPPED),
                                                  (ReviewDecision.KEEP, GoalStatus.ACTIVE)])
def test_pause_drop_and_keep(open_app, db, decision, status):
    g = _slipping()
    nb = _notebook(db, g)
    at = open_app(page="review")
    at.segmented_control[0].select(decision).run()
    _button(at, "Record decision").click().run()
    saved = db.load("local", nb.id)
    assert saved.goal(g.id).status is status
    assert [d.decision for d in saved.reviews[-1].decisions] == [decision]
    assert "Decisions in this review (1)" in [e.label for e in at.expander]


def test_no_goal_slipping_means_nothing_to_decide(open_app, db):
    _notebook(db)
    at = open_app(page="review")
    assert "Nothing to decide today." in texts(at)


# --- history -----------------------------------------------------------------------------------------------


def test_earlier_reviews_show_what_was_written_and_decided(open_app, db):
    g = _slipping()
    old = Review(on=TODAY - timedelta(days=60), next_review=TODAY - timedelta(days=30), went_well="Hired two planners",
                 learned="Ask early", decisions=[GoalReviewDecision(goal_id=g.id, decision=ReviewDecision.KEEP,
                                                                    diagnosis="On track")])
    _notebook(db, g, reviews=[old])
    at = open_app(page="review")
    assert any(e.label.startswith(f"{wording.day(old.on, TODAY)} · 1 decision") for e in at.expander)
    assert not [t for t in at.toggle if t.label.startswith("Show all")]  # one review: nothing more to show
    assert "Hired two planners" not in texts(at)  # drawn only once opened
    at.session_state[f"review.history.{old.id}"] = True  # opened
    page = texts(at.run())
    assert "Hired two planners" in page and "Ask early" in page and "**Keep** · Get better at leadership · On track" in page


# --- accountability -------------------------------------------------------------------------------------------


def test_partners_are_added_edited_and_removed(open_app, db):
    nb = _notebook(db)
    at = open_app(page="review")
    _widget(at, "text_input", "Role").input("Mentor")
    _button(at, "Add partner").click().run()
    assert "This cannot be empty." in errors(at)  # the name is missing
    assert db.load("local", nb.id).partners == []
    new_role = [w for w in at.text_input if w.label == "Role"][-1]
    assert new_role.value == "Mentor"  # kept
    [w for w in at.text_input if w.label == "Name"][-1].input("Priya Raman")
    _button(at, "Add partner").click().run()
    partners = db.load("local", nb.id).partners
    assert [(p.name, p.role) for p in partners] == [("Priya Raman", "Mentor")]
    _widget(at, "text_input", "What they see").input("All goals, not my private notes").run()
    assert db.load("local", nb.id).partners[0].sees == "All goals, not my private notes"
    _button(at, "Remove").click().run()
    assert db.load("local", nb.id).partners == []


def test_feedback_and_coach_notes_are_kept_with_their_dates(open_app, db):
    nb = _notebook(db)
    at = _tab(open_app(page="review"), "Feedback")
    _widget(at, "text_input", "From whom").input("Grace (manager)")
    _widget(at, "text_area", "What they said").input("Your planning updates are much clearer.")
    _button(at, "Add feedback").click().run()
    assert "Your planning updates are much clearer." in texts(at)
    assert at.session_state["review.accountability"] == "Feedback"  # adding does not switch tabs
    at = _tab(at, "Coach sessions")
    _widget(at, "text_area", "Notes").input("Talked about delegation.")
    _widget(at, "text_area", "Agreed next steps").input("Hand the Monday forecast to Sam.")
    _button(at, "Add session").click().run()
    saved = db.load("local", nb.id)
    assert [(f.from_whom, f.on, f.what) for f in saved.feedback] == [("Grace (manager)", TODAY, "Your planning updates are much clearer.")]
    assert [(c.on, c.next_steps) for c in saved.coach_notes] == [(TODAY, "Hand the Monday forecast to Sam.")]
    page = texts(at)
    assert "Next steps: Hand the Monday forecast to Sam." in page
    assert "Your planning updates are much clearer." not in page  # the feedback tab is not drawn now


@pytest.mark.parametrize(
    ("fill", "message"),
    [({"What they said": "Great job"}, "This cannot be empty."),
     ({"From whom": "Grace"}, "Write what they said, in their words if you can.")],
)
def test_feedback_missing_a_part_is_refused_beside_the_field(open_app, db, fill, message):
    nb = _notebook(db)
    at = _tab(open_app(page="review"), "Feedback")
    for label, value in fill.items():
        next(w for w in [*at.text_area, *at.text_input] if w.label == label).input(value)
    _button(at, "Add feedback").click().run()
    assert message in errors(at)
    for label, value in fill.items():
        assert next(w for w in [*at.text_area, *at.text_input] if w.label == label).value == value
    assert db.load("local", nb.id).feedback == []


def test_empty_session_notes_are_refused(open_app, db):
    nb = _notebook(db)
    at = _tab(open_app(page="review"), "Coach sessions")
    _button(at, "Add session").click().run()
    assert "Write what you talked about, the next steps you agreed, or both." in errors(at)
    assert db.load("local", nb.id).coach_notes == []


def test_presenting_hides_feedback_but_keeps_partners(open_app, db):
    _notebook(db, partners=[Partner(name="Priya", role="Mentor")],
              feedback=[Feedback(from_whom="Grace", what="Needs to delegate more")],
              coach_notes=[CoachNote(notes="Worked on delegation")])
    at = open_app(page="review", query={"present": "1"})
    assert _widget(at, "text_input", "Name").value == "Priya"
    page = texts(_tab(at, "Feedback"))
    assert "Needs to delegate more" not in page and "1 entries, hidden while presenting." in page


# --- exports ------------------------------------------------------------------------------------------------------


def test_exports_offer_the_plan_as_pdf_and_markdown_and_the_check_ins(open_app, db):
    g = _slipping("Lead a team of 10 people by 30 June 2027")
    _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=TODAY, value=3)])
    at = open_app(page="review")
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Development plan (PDF)", "Development plan (Markdown)", "Check-ins (CSV)"]
    preview = at.code[0].value
    assert preview.startswith("# Development plan: Jo") and "Lead a team of 10 people by 30 June 2027" in preview


@pytest.mark.slow
def test_the_five_year_notebook_loads(open_app, db):
    db.add("local", five_year_notebook(0, TODAY))
    at = open_app(page="review")
    assert not at.exception
    assert "Earlier reviews" in [s.value for s in at.subheader]
