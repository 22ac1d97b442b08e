"""Home: a guided start for a new notebook, the notebook at a glance once it has content."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from career_core.models import Action, Goal, GoalStatus, Recurrence, Review
from tests.app.conftest import seen, texts


def test_a_new_notebook_gets_a_guided_start(open_app, db):
    db.create("local", "Fresh")
    at = open_app()
    assert seen(at.title[0].value) == "Fresh"
    assert "Where to begin" in [s.value for s in at.subheader]
    assert "Take the steps in order" in texts(at)
    tips = [seen(m.help) for m in at.markdown if m.help]
    assert len(tips) == 7 and all(tip.startswith(("On ", "Ask ")) for tip in tips)  # each says what to do
    assert "On Plan → Actions, add a first small step towards your goal, with a date." in tips


def test_the_glance_shows_vision_goals_actions_and_review(open_app, db):
    today = date.today()
    nb = db.create("local", "Jo")
    nb.vision.statement = "Head the northern division of about 200 people by 2030."
    nb.vision.target_role = "Division lead"
    goal = Goal(statement="Lead a team of at least 10 by 2028", status=GoalStatus.ACTIVE, deadline=date(2028, 1, 1))
    paused = Goal(statement="Publish an article a month", status=GoalStatus.PAUSED)
    nb.goals += [goal, paused]
    nb.actions += [
        Action(title="Ask Maria about the hiring plan", goal_id=goal.id, due=today + timedelta(days=3)),
        Action(title="Weekly 1:1s", goal_id=goal.id, recurrence=Recurrence.WEEKLY, start=today - timedelta(days=1)),
        Action(title="Far away", due=today + timedelta(days=90)),
        Action(title="Late one", due=today - timedelta(days=2)),
    ]
    nb.reviews.append(Review(on=today - timedelta(days=40), next_review=today - timedelta(days=5)))
    db.save("local", nb)
    at = open_app()
    page = texts(at)
    assert "Head the northern division of about 200 people by 2030." in page
    assert "Lead a team of at least 10 by 2028" in page
    assert "**Active**" in page and "**Paused**" in page
    assert "Ask Maria about the hiring plan" in page
    assert "Weekly 1:1s" in page
    assert "Far away" not in page  # beyond the coming week (career_core.due.DUE_SOON)
    assert "overdue since" in page  # the late one says so in words
    assert "overdue by 5 days" in page
    assert any("review is overdue" in w.value for w in at.warning)


def test_user_text_is_shown_as_typed_not_as_markup(open_app, db):
    nb = db.create("local", "Markup")
    nb.actions.append(Action(title="**bold** <b>html</b> [link](http://x)", due=date.today()))
    db.save("local", nb)
    at = open_app()
    line = next(m.value for m in at.markdown if "bold" in m.value)
    assert r"\*\*bold\*\*" in line and r"\<b>" in line and r"\[link\]" in line


def test_each_goal_shows_its_smart_score(open_app, db):
    nb = db.create("local", "Scores")
    nb.goals += [Goal(statement="Lead a team of at least 10 people by the end of 2028", status=GoalStatus.ACTIVE),
                 Goal(statement="Get better at leadership"),
                 Goal(statement="Lead a team of at least 10 people by the end of 2029", status=GoalStatus.ACTIVE,
                      confidence=8, why="Leading ten is the first step to a division.", supports_vision=True)]
    db.save("local", nb)
    page = texts(open_app())
    assert "SMART score **88**/100 :blue[:material/pending: Sharp wording]" in page  # A and R wait for the person
    assert "SMART score **13**/100 :orange[:material/edit_note: Not SMART yet]" in page
    assert "SMART score **100**/100 :green[:material/verified: SMART]" in page


def test_a_goal_whose_wording_and_fields_disagree_says_so_on_home(open_app, db):
    nb = db.create("local", "Jo")
    nb.goals.append(Goal(statement="Cut our average first-reply time from 8 to 5 hours by 30 June 2027",
                         status=GoalStatus.ACTIVE, deadline=date(2027, 3, 31)))
    db.save("local", nb)
    page = texts(open_app())
    assert "The wording says “30 June 2027”, the deadline 31 Mar 2027. Use the wording's value in the fields" in page


def test_each_goal_says_how_it_is_doing_in_words(open_app, db):
    from career_core.models import CheckIn, Metric

    today = date.today()
    nb = db.create("local", "Jo")
    on_track = Goal(statement="Raise engagement from 62 to 75", status=GoalStatus.ACTIVE,
                    start=today - timedelta(days=100), deadline=today + timedelta(days=100),
                    metric=Metric(baseline=62, target=75))
    slipping = Goal(statement="Cut overtime from 38 to 15 hours", status=GoalStatus.ACTIVE,
                    start=today - timedelta(days=100), deadline=today + timedelta(days=100),
                    metric=Metric(baseline=38, target=15, direction="decrease"))
    done = Goal(statement="Pass the exam", status=GoalStatus.ACHIEVED)
    nb.goals += [on_track, slipping, done]
    nb.checkins += [CheckIn(goal_id=on_track.id, on=today, value=70),
                    CheckIn(goal_id=slipping.id, on=today - timedelta(days=7), value=37),
                    CheckIn(goal_id=slipping.id, on=today, value=38)]
    db.save("local", nb)
    page = texts(open_app())
    assert "● On track · 61%" in page
    assert "✖ At risk · 0%" in page
    assert "★" not in page  # an achieved goal already says so


@pytest.mark.parametrize(("days", "overdue"), [(-3, True), (0, False), (5, False)])
def test_an_overdue_review_stands_out_and_one_on_time_does_not(open_app, db, days, overdue):
    today = date.today()
    nb = db.create("local", "Jo")
    nb.goals.append(Goal(statement="Lead a team of 10 by 2028", status=GoalStatus.ACTIVE))
    nb.reviews.append(Review(on=today - timedelta(days=30), next_review=today + timedelta(days=days)))
    db.save("local", nb)
    at = open_app()
    warnings = [w.value for w in at.warning]
    assert any("review is overdue" in w for w in warnings) is overdue
    assert (":material/warning:" in texts(at)) is overdue


def test_achieved_and_dropped_goals_wait_in_a_closed_list_drawn_when_opened(open_app, db):
    nb = db.create("local", "Jo")
    nb.goals += [Goal(statement="Lead a team of 10 by 2028", status=GoalStatus.ACTIVE),
                 Goal(statement="Pass the PMP exam by June", status=GoalStatus.ACHIEVED),
                 Goal(statement="Write a blog post every week", status=GoalStatus.DROPPED)]
    db.save("local", nb)
    at = open_app()
    assert "Lead a team of 10 by 2028" in texts(at)
    assert "Pass the PMP exam by June" not in texts(at)  # not drawn while the list is closed
    assert [e.label for e in at.expander if e.label.startswith("Achieved")] == ["Achieved and dropped (2)"]
    at.session_state["home.finished"] = True  # opened
    page = texts(at.run())
    assert "Pass the PMP exam by June" in page and "Write a blog post every week" in page
