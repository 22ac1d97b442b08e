"""Progress page: check-ins, ticking off actions, the goal's chart, the board, the calendar, milestones."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from career_core.models import Action, ActionStatus, CheckIn, Direction, Goal, GoalStatus, Metric, Recurrence
from career_core.progress import all_progress
from tests.app.conftest import errors, texts
from tests.synthetic import five_year_notebook

TODAY = date.today()


def _goal(statement="Raise the engagement score from 62 to 75", direction=Direction.INCREASE, baseline=62.0,
          target=75.0, unit="points", **kw) -> Goal:
    return Goal(statement=statement, status=kw.pop("status", GoalStatus.ACTIVE),
                start=kw.pop("start", TODAY - timedelta(days=100)), deadline=kw.pop("deadline", TODAY + timedelta(days=100)),
                metric=Metric(name="Engagement", unit=unit, baseline=baseline, target=target, direction=direction), **kw)


def _notebook(db, *goals, checkins=(), actions=(), journal=()):
    nb = db.create("local", "Jo")
    nb.goals += goals
    nb.checkins += checkins
    nb.actions += actions
    nb.journal += journal
    return db.save("local", nb)


def _field(at, kind, label):
    return next(w for w in getattr(at, kind) if w.label.startswith(label))


def _open_checkins(at, nb, goal):
    """Open the goal's list of check-ins (drawn only while open), as a click on it does."""
    generation = at.session_state["wp.generation"] if "wp.generation" in at.session_state else 0
    at.session_state[f"{nb.id}.{generation}.checkins.open.{goal.id}"] = True
    at.run()


def _log(at):
    next(b for b in at.button if b.label == "Log check-in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _plotly(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _chart(at, trace_type: str) -> dict:
    return next(c for c in _plotly(at) if any(t.get("type") == trace_type for t in c["data"]))


# --- without a notebook, without goals ----------------------------------------------------------


def test_without_a_notebook_the_page_says_where_to_start(open_app):
    at = open_app(page="progress")
    assert "Open a notebook first" in texts(at)


def test_without_goals_the_page_points_to_the_goals(open_app, db):
    db.create("local", "Empty")
    at = open_app(page="progress")
    assert "Progress is measured against goals" in texts(at)
    assert not at.get("plotly_chart")


# --- logging a check-in -------------------------------------------------------------------------


def test_a_check_in_is_saved_and_the_status_change_is_said_in_words(open_app, db):
    g = _goal(start=TODAY - timedelta(days=5))
    nb = _notebook(db, g)
    at = open_app(page="progress")
    assert "○ Not started" in [m.value for m in at.metric]
    _field(at, "number_input", "Engagement").set_value(70)
    _field(at, "text_area", "Note").input("Good team session")
    at.pills[0].select(7)
    _log(at)
    saved = db.load("local", nb.id).checkins
    assert [(c.goal_id, c.on, c.value, c.note, c.confidence) for c in saved] == [(g.id, TODAY, 70.0, "Good team session", 7)]
    message = " ".join(s.value for s in at.success)
    assert "Check-in saved" in message and "now **on track** (was not started)" in message
    assert "● On track" in [m.value for m in at.metric]
    assert _field(at, "number_input", "Engagement").value is None  # ready for the next one
    assert _field(at, "text_area", "Note").value == ""


def test_a_note_alone_is_a_check_in(open_app, db):
    nb = _notebook(db, _goal())
    at = open_app(page="progress")
    _field(at, "text_area", "Note").input("Survey delayed a week")
    _log(at)
    assert [(c.value, c.note) for c in db.load("local", nb.id).checkins] == [(None, "Survey delayed a week")]


@pytest.mark.parametrize("done_goal", [False, True])
def test_a_check_in_with_neither_value_nor_note_is_explained_beside_the_field(open_app, db, done_goal):
    g = _goal("Pass the exam", Direction.DONE, 0, 1, "") if done_goal else _goal()
    nb = _notebook(db, g)
    at = open_app(page="progress")
    at.pills[0].select(8)
    _log(at)
    assert errors(at) == ["Enter a value or write a note: one of the two is enough."]
    assert db.load("local", nb.id).checkins == []
    assert db.load("local", nb.id).revision == nb.revision
    assert at.pills[0].value == 8  # what was chosen stays
    _field(at, "text_area", "Note").input("Studied chapter 3")
    _log(at)
    assert not at.error
    assert [c.note for c in db.load("local", nb.id).checkins] == ["Studied chapter 3"]


def test_the_date_picker_offers_no_future_day(open_app, db):
    _notebook(db, _goal())
    at = open_app(page="progress")
    assert _field(at, "date_input", "Date").value == TODAY
    assert _field(at, "date_input", "Date").max == TODAY


def test_a_done_goal_is_ticked_off_with_balloons_and_a_journal_entry_once(open_app, db):
    g = _goal("Pass the project management exam", Direction.DONE, 0, 1, "")
    nb = _notebook(db, g)
    at = open_app(page="progress")
    at.radio[0].set_value("Done")
    _log(at)
    saved = db.load("local", nb.id)
    assert [c.value for c in saved.checkins] == [1.0]
    assert [(j.goal_id, j.milestone) for j in saved.journal] == [(g.id, 100)]
    assert at.get("balloons"), "reaching the target is celebrated"
    assert "★ Achieved" in [m.value for m in at.metric]
    assert "Done: “Pass the project management exam”" in texts(at)
    at.radio[0].set_value("Done")
    _log(at)
    assert not at.get("balloons")  # celebrated once
    assert len(db.load("local", nb.id).journal) == 1


def test_crossing_halfway_is_celebrated_once(open_app, db):
    g = _goal()
    nb = _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=TODAY - timedelta(days=7), value=64)])
    at = open_app(page="progress")
    _field(at, "number_input", "Engagement").set_value(69)  # 53%
    _log(at)
    assert at.get("balloons")
    assert [j.milestone for j in db.load("local", nb.id).journal] == [50]
    assert "Halfway" in texts(at)
    _field(at, "number_input", "Engagement").set_value(70)  # 61%: no new milestone
    _log(at)
    assert not at.get("balloons")
    assert [j.milestone for j in db.load("local", nb.id).journal] == [50]


def test_actions_of_the_goal_can_be_ticked_off(open_app, db):
    g = _goal()
    once = Action(title="Book the team session", goal_id=g.id, due=TODAY - timedelta(days=1))
    weekly = Action(title="One-to-ones", goal_id=g.id, recurrence=Recurrence.WEEKLY, start=TODAY)
    later = Action(title="Next quarter's survey", goal_id=g.id, due=TODAY + timedelta(days=60))
    nb = _notebook(db, g, actions=[once, weekly, later])
    at = open_app(page="progress")
    page = texts(at)
    assert "Book the team session" in page and "overdue since" in page and "One-to-ones" in page
    assert "Next quarter's survey" not in page
    done = [b for b in at.button if b.label == "Done"]
    assert len(done) == 2
    done[0].click().run()
    saved = {a.title: a for a in db.load("local", nb.id).actions}
    assert saved["Book the team session"].status is ActionStatus.DONE
    assert saved["Book the team session"].completed_at == TODAY  # done today, though due yesterday
    next(b for b in at.button if b.label == "Done").click().run()
    assert db.load("local", nb.id).actions[1].done_on == [TODAY]


# --- one goal: metrics, chart, its check-ins ----------------------------------------------------


def test_the_goals_chart_shows_values_target_plan_and_a_gap_for_a_skipped_week(open_app, db):
    g = _goal()
    days = [TODAY - timedelta(weeks=w) for w in (5, 4, 1, 0)]  # weeks 3 and 2 ago were skipped
    _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=d, value=v) for d, v in zip(days, [64, 65, 68, 69], strict=True)])
    at = open_app(page="progress")
    chart = _chart(at, "scatter")
    names = [t["name"] for t in chart["data"]]
    assert names[0] == "Target: 75 points" and "Logged" in names and "Plan: a straight line to the deadline" in names
    logged = next(t for t in chart["data"] if t["name"] == "Logged")
    assert logged["y"] == [64, 65, None, 68, 69] and logged["connectgaps"] is False
    assert "a pause, not a drop" in texts(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Progress"] == "53%" and metrics["Latest"] == "69 points"


def test_the_closed_check_in_list_says_how_many_the_goal_has(open_app, db):
    g, other = _goal(), _goal("Run 20 km a week")
    _notebook(db, g, other, checkins=[*(CheckIn(goal_id=g.id, on=TODAY - timedelta(days=d), value=64 + d) for d in range(3)),
                                      CheckIn(goal_id=other.id, on=TODAY, note="Ran twice")])
    at = open_app(page="progress")
    assert [e.label for e in at.expander if e.label.startswith("Check-ins for")] == ["Check-ins for this goal (3)"]
    assert not any(w.label.startswith("Remove a check-in") for w in at.selectbox)  # closed: not drawn


def test_a_check_in_logged_by_mistake_can_be_removed(open_app, db):
    g = _goal()
    keep, wrong = CheckIn(goal_id=g.id, on=TODAY - timedelta(days=7), value=66), CheckIn(goal_id=g.id, on=TODAY, value=6.9)
    nb = _notebook(db, g, checkins=[keep, wrong])
    at = open_app(page="progress")
    assert not any(w.label.startswith("Remove a check-in") for w in at.selectbox)  # closed: not drawn
    _open_checkins(at, nb, g)
    pick = _field(at, "selectbox", "Remove a check-in")
    pick.select(wrong.id).run()
    next(b for b in at.button if b.label == "Remove").click().run()
    assert [c.id for c in db.load("local", nb.id).checkins] == [keep.id]


def test_presenting_hides_check_in_notes(open_app, db):
    g = _goal()
    nb = _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=TODAY, value=66, note="Salary talk went badly")])
    at = open_app(page="progress", query={"present": "1"})
    _open_checkins(at, nb, g)
    table = next(d.value for d in at.dataframe if "Note" in d.value.columns)
    assert list(table["Note"]) == ["(hidden while presenting)"]
    assert "Salary talk" not in texts(at)


# --- all goals, calendar, milestones -------------------------------------------------------------


def test_the_board_groups_goals_by_status_in_words(open_app, db):
    late = _goal("Finish the budget course", deadline=TODAY - timedelta(days=3), start=TODAY - timedelta(days=90))
    fine = _goal("Raise engagement")
    done = _goal("Hire two planners", status=GoalStatus.ACHIEVED)
    paused = _goal("Learn Spanish", status=GoalStatus.PAUSED)
    _notebook(db, late, fine, done, paused, checkins=[CheckIn(goal_id=fine.id, on=TODAY, value=69)])
    at = open_app(page="progress")
    assert "■ 1 overdue · ● 1 on track" in texts(at)
    assert "1 paused or dropped goal not shown." in texts(at)
    board = _chart(at, "bar")
    assert [t["name"] for t in board["data"] if t["type"] == "bar"] == ["■ Overdue (1)", "● On track (1)"]
    at.segmented_control[0].select("Including achieved").run()
    board = _chart(at, "bar")
    assert "★ Achieved (1)" in [t["name"] for t in board["data"]]
    assert "Learn Spanish" not in json.dumps(board)


def test_the_board_as_a_table_is_drawn_once_opened_and_says_each_status_in_words(open_app, db):
    late = _goal("Cut the backlog to 20", deadline=TODAY - timedelta(days=5))
    fine = _goal("Raise the engagement score from 62 to 75")
    _notebook(db, late, fine, checkins=[CheckIn(goal_id=fine.id, on=TODAY, value=69)])
    at = open_app(page="progress")
    assert [e.label for e in at.expander if e.label == "As a table"] == ["As a table"] and not at.dataframe
    at.session_state["progress.board.table.open"] = True  # as a click on it does
    at.run()
    table = at.dataframe[0].value
    assert list(zip(table["Status"], table["Goal"], strict=True)) == [
        ("■ Overdue", "Cut the backlog to 20"), ("● On track", "Raise the engagement score from 62 to 75")]


def test_the_calendar_counts_check_ins_without_streak_talk(open_app, db):
    g = _goal()
    _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=TODAY - timedelta(weeks=w), value=64 + w % 3) for w in (0, 1, 5)])
    at = open_app(page="progress")
    assert "3 check-ins on 3 days, in 3 of the last 53 weeks" in texts(at)
    assert "streak" not in texts(at).lower()
    heatmap = _chart(at, "heatmap")["data"][0]
    assert len(heatmap["z"]) == 7


def test_milestones_reached_are_listed(open_app, db):
    from career_core.models import JournalEntry

    g = _goal()
    held = JournalEntry(goal_id=g.id, milestone=25, on=TODAY - timedelta(days=30),
                        text="A quarter of the way on the engagement goal.")
    withdrawn = JournalEntry(goal_id=g.id, milestone=50, on=TODAY - timedelta(days=20), text="Halfway, wrongly.")
    _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=TODAY - timedelta(days=30), value=66)],  # 30% of the way
              journal=[held, withdrawn])
    at = open_app(page="progress")
    assert "**25%**" in texts(at) and "A quarter of the way on the engagement goal." in texts(at)
    assert "Halfway, wrongly." not in texts(at)  # celebrated once, no longer true: withdrawn quietly


def test_earlier_milestones_are_drawn_only_while_their_list_is_open(open_app, db):
    from career_core.models import JournalEntry

    goals = [_goal(f"Raise the engagement score of team {k} from 62 to 75") for k in range(3)]
    journal = [JournalEntry(goal_id=g.id, milestone=m, on=TODAY - timedelta(days=4 * k + m // 25),
                            text=f"Milestone {m} of team {k}.")
               for k, g in enumerate(goals) for m in (25, 50, 75, 100)]
    _notebook(db, *goals, checkins=[CheckIn(goal_id=g.id, on=TODAY - timedelta(days=1), value=75) for g in goals],
              journal=journal)
    at = open_app(page="progress")
    assert [e.label for e in at.expander if "milestones" in e.label] == ["Earlier milestones (2)"]
    latest = texts(at)
    assert "Milestone 25 of team 0." in latest and "Milestone 50 of team 2." in latest  # the ten latest
    assert "Milestone 75 of team 2." not in latest and "Milestone 100 of team 2." not in latest
    at.session_state["progress.milestones.open"] = True  # as a click on the list does
    at.run()
    assert not at.exception
    opened = texts(at)
    assert all(f"Milestone {m} of team {k}." in opened for k in range(3) for m in (25, 50, 75, 100))


def test_user_text_shows_as_typed(open_app, db):
    g = _goal("**Bold** <b>move</b> [x](http://y)")
    _notebook(db, g)
    at = open_app(page="progress")
    line = next(m.value for m in at.markdown if "Bold" in m.value)
    assert r"\*\*Bold\*\*" in line and r"\<b>" in line


@pytest.mark.slow
def test_the_five_year_notebook_loads(open_app, db):
    db.add("local", five_year_notebook(0, TODAY))
    at = open_app(page="progress")
    assert not at.exception
    assert len(_plotly(at)) >= 2


_PROGRESS_CALLS: list[int] = []


def _counted_progress(nb, today, *, reuse=None):
    """all_progress, counting its calls."""
    _PROGRESS_CALLS.append(nb.revision)
    return all_progress(nb, today, reuse=reuse)


def test_progress_is_worked_out_once_per_revision_whichever_page_shows_it(open_app, db, monkeypatch):
    import waypoint_ui.derived as derived

    calls = _PROGRESS_CALLS
    calls.clear()
    monkeypatch.setattr(derived, "all_progress", _counted_progress)
    g = _goal()
    _notebook(db, g, checkins=[CheckIn(goal_id=g.id, on=TODAY, value=66)])
    at = open_app(page="progress")
    at.run()
    at.switch_page("app_pages/review.py").run()
    at.switch_page("app_pages/home.py").run()
    assert len(calls) == 1
    at.switch_page("app_pages/progress.py").run()
    _field(at, "number_input", "Engagement").set_value(67)
    _log(at)
    at.run()
    assert len(calls) == 2 and calls[1] == calls[0] + 1
