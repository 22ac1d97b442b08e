"""What changed since the last coaching session: a specification in cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from career_core.coaching import (
    DEFAULT_DAYS,
    GoalMovement,
    default_since,
    previous_session,
    share_of_way,
    since_last_session,
)
from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    CoachNote,
    Direction,
    Goal,
    GoalRevision,
    JournalEntry,
    Metric,
    Notebook,
    Recurrence,
    Review,
)

TODAY = date(2027, 3, 15)
LAST = date(2027, 3, 1)  # the previous session


def d(month: int, day: int) -> date:
    return date(2027, month, day)


def at(month: int, day: int) -> datetime:
    return datetime(2027, month, day, 18, 0, tzinfo=UTC)


def notebook() -> Notebook:
    lead = Goal(id="lead", statement="Lead a team of 10 by 2028", created_at=at(1, 2),
                metric=Metric(name="team", unit="people", baseline=0, target=10), confidence=4)
    hours = Goal(id="hours", statement="Work at most 50 hours a week", created_at=at(1, 2),
                 metric=Metric(unit="hours", baseline=60, target=50, direction=Direction.AT_MOST))
    quiet = Goal(id="quiet", statement="Finish the MBA by 2029", created_at=at(1, 2))
    fresh = Goal(id="fresh", statement="Give two talks at the ops conference by June 2027", created_at=at(3, 5))
    reworded = Goal(id="reworded", statement="Mentor two planners to lead shifts by May 2027", created_at=at(1, 5),
                    revisions=[GoalRevision(at=at(1, 5), statement="Help the planners grow"),
                               GoalRevision(at=at(3, 8), statement="Mentor two planners to lead shifts by May 2027")])
    settled = Goal(id="settled", statement="Read one book a month", created_at=at(1, 5),
                   revisions=[GoalRevision(at=at(2, 1), statement="Read more")])
    return Notebook(
        title="Ana",
        goals=[lead, hours, quiet, fresh, reworded, settled],
        checkins=[
            CheckIn(goal_id="lead", on=d(2, 20), value=3, confidence=5),
            CheckIn(goal_id="lead", on=LAST, value=4),  # logged during the last session: already seen
            CheckIn(goal_id="lead", on=d(3, 5), value=5),
            CheckIn(goal_id="lead", on=d(3, 10), value=7, confidence=7, note="Two new hires said yes"),
            CheckIn(goal_id="lead", on=d(3, 20), value=9),  # a typo'd future date does not count
            CheckIn(goal_id="hours", on=d(3, 12), value=55, note=""),
            CheckIn(goal_id="quiet", on=d(2, 10), value=1),
        ],
        actions=[
            Action(id="a-done", title="Book the leadership course", status=ActionStatus.DONE, due=d(3, 3), completed_at=d(3, 3)),
            Action(id="a-done-old", title="Ask Priya to mentor me", status=ActionStatus.DONE, due=d(2, 20), completed_at=d(2, 25)),
            Action(id="a-late", title="Draft the hiring plan", due=d(3, 10)),
            Action(id="a-very-late", title="Update my CV", due=d(2, 1)),
            Action(id="a-today", title="Call HR", due=TODAY),
            Action(id="a-dropped", title="Old idea", status=ActionStatus.DROPPED, due=d(2, 1)),
            Action(id="weekly", title="One-to-ones", goal_id="lead", recurrence=Recurrence.WEEKLY, start=d(3, 1), done_on=[d(3, 8)]),
            Action(id="daily", title="Plan tomorrow", recurrence=Recurrence.DAILY, start=d(3, 10), done_on=[d(3, 10), d(3, 12)]),
        ],
        reviews=[Review(on=d(2, 28), change="earlier"), Review(on=d(3, 14), went_well="Hiring", change="Fewer meetings")],
        journal=[JournalEntry(on=d(3, 11), goal_id="lead", milestone=50, text="Half way")],
        coach_notes=[
            CoachNote(on=d(2, 1), next_steps="Talk to HR"),
            CoachNote(on=LAST, notes="Talked hiring", next_steps="Draft the hiring plan by 10 March"),
            CoachNote(on=TODAY, notes="Started today's session"),
        ],
    )


@pytest.fixture(scope="module")
def summary():
    return since_last_session(notebook(), TODAY)


def test_the_window_starts_at_the_previous_session_not_todays_note(summary):
    assert previous_session(notebook(), TODAY).on == LAST
    assert summary.since == LAST and summary.today == TODAY
    assert summary.previous.next_steps == "Draft the hiring plan by 10 March"
    assert [n.notes for n in summary.today_notes] == ["Started today's session"]


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ([], TODAY - timedelta(days=DEFAULT_DAYS)),
        ([CoachNote(on=TODAY)], TODAY - timedelta(days=DEFAULT_DAYS)),
        ([CoachNote(on=d(1, 10)), CoachNote(on=d(2, 2))], d(2, 2)),
        ([CoachNote(on=d(2, 2)), CoachNote(on=d(1, 10))], d(2, 2)),
    ],
    ids=["no session", "only today", "in order", "out of order"],
)
def test_default_start_of_the_window(notes, expected):
    assert default_since(Notebook(coach_notes=notes), TODAY) == expected


def test_several_notes_on_one_day_the_last_written_counts():
    nb = Notebook(coach_notes=[CoachNote(on=LAST, next_steps="first"), CoachNote(on=LAST, next_steps="second")])
    assert previous_session(nb, TODAY).next_steps == "second"


def test_goal_movement_from_the_last_value_before_to_the_latest(summary):
    lead = next(m for m in summary.movements if m.goal_id == "lead")
    assert (lead.checkins, lead.value_before, lead.value_now) == (2, 4, 7)
    assert (lead.share_before, lead.share_now) == (pytest.approx(0.4), pytest.approx(0.7))
    assert (lead.confidence_before, lead.confidence_now) == (5, 7)
    assert lead.latest_note == "Two new hires said yes"
    assert lead.moved == "better"
    assert summary.checkins == 3  # two for lead, one for hours; the future one is left out


def test_a_goal_with_no_earlier_value_starts_from_its_baseline_and_limits_have_no_share(summary):
    hours = next(m for m in summary.movements if m.goal_id == "hours")
    assert (hours.value_before, hours.value_now, hours.moved) == (60, 55, "better")  # fewer hours under a limit
    assert hours.share_now is None  # "at most" is a limit, not a distance to travel


def test_goals_without_check_ins_in_the_window_do_not_appear(summary):
    assert [m.goal_id for m in summary.movements] == ["lead", "hours"]


@pytest.mark.parametrize(
    ("metric", "value", "share"),
    [
        (Metric(baseline=0, target=10), 5, 0.5),
        (Metric(baseline=62, target=75), 75, 1.0),
        (Metric(baseline=40, target=15, direction=Direction.DECREASE), 30, 0.4),
        (Metric(baseline=10, target=20), 5, 0.0),  # went backwards: none of the way, never below 0%
        (Metric(baseline=10, target=20), 25, 1.0),  # past the target: the whole way, never above 100%
        (Metric(baseline=10, target=10), 10, None),
        (Metric(baseline=None, target=10), 5, None),
        (Metric(baseline=0, target=1, direction=Direction.DONE), 1, None),
        (Metric(baseline=0, target=10), None, None),
    ],
)
def test_share_of_the_way(metric, value, share):
    result = share_of_way(Goal(statement="x", metric=metric), value)
    assert result == (pytest.approx(share) if share is not None else None)


def test_actions_done_in_the_window(summary):
    assert [(x.action_id, x.times, x.last) for x in summary.done] == [
        ("daily", 2, d(3, 12)),
        ("weekly", 1, d(3, 8)),
        ("a-done", 1, d(3, 3)),
    ]
    assert summary.actions_done == 4
    assert next(x for x in summary.done if x.action_id == "weekly").goal == "Lead a team of 10 by 2028"


def test_actions_overdue_now(summary):
    assert [(o.action_id, o.since, o.missed, o.days) for o in summary.overdue] == [
        ("a-very-late", d(2, 1), 1, 42),  # still overdue, however old
        ("a-late", d(3, 10), 1, 5),
        ("daily", d(3, 11), 3, 4),  # 11, 13 and 14 March; today's is not late yet
    ]
    assert summary.actions_overdue == 5
    assert [o.describe(TODAY) for o in summary.overdue] == [
        "due 1 Feb, 42 days ago", "due 10 Mar, 5 days ago", "missed 3 times since 11 Mar"]


def test_goal_changes_new_and_reworded(summary):
    assert [(c.goal_id, c.kind, c.before) for c in summary.goal_changes] == [
        ("reworded", "reworded", "Help the planners grow"),
        ("fresh", "new", ""),
    ]


def test_reviews_and_moments_in_the_window(summary):
    assert [r.change for r in summary.reviews] == ["Fewer meetings"]
    assert [j.text for j in summary.moments] == ["Half way"]
    assert not summary.is_quiet


def test_a_chosen_start_widens_or_narrows_the_window():
    wide = since_last_session(notebook(), TODAY, since=d(2, 1))
    assert {r.change for r in wide.reviews} == {"earlier", "Fewer meetings"}
    assert wide.checkins == 6
    narrow = since_last_session(notebook(), TODAY, since=d(3, 13))
    assert narrow.checkins == 0 and [r.change for r in narrow.reviews] == ["Fewer meetings"]
    future = since_last_session(notebook(), TODAY, since=d(4, 1))
    assert future.since == TODAY and future.checkins == 0


def test_a_quiet_stretch_is_quiet():
    nb = Notebook(goals=[Goal(id="g", statement="x", created_at=at(1, 1))], coach_notes=[CoachNote(on=LAST)])
    s = since_last_session(nb, TODAY)
    assert s.is_quiet and s.previous is not None and s.previous.next_steps == ""


def test_an_empty_notebook():
    s = since_last_session(Notebook(), TODAY)
    assert s.is_quiet and s.previous is None and s.since == TODAY - timedelta(days=DEFAULT_DAYS)


def test_percent_of_the_way_then_and_now_as_the_chart_shows_it():
    movement = GoalMovement("g", "x", "", 2, None, 7.0, None, 0.456, None, 8, "")
    assert (movement.percent_before, movement.percent_now, movement.confidence_words) == (0, 46, "– → 8")


@pytest.mark.parametrize(
    ("direction", "before", "now", "moved"),
    [
        (Direction.AT_MOST, 24.4, 26.3, "worse"),  # overtime rising under a limit is worse, not "up"
        (Direction.DECREASE, 24.4, 26.3, "worse"),
        (Direction.DECREASE, 26.3, 24.4, "better"),
        (Direction.INCREASE, 62, 66, "better"),
        (Direction.AT_LEAST, 6, 5, "worse"),
        (Direction.INCREASE, 62, 62, "unchanged"),
        (Direction.DONE, 0, 1, "better"),
        (Direction.DONE, 1, 0, "worse"),
    ],
)
def test_moved_says_better_or_worse_by_the_goal_s_direction(direction, before, now, moved):
    movement = GoalMovement("g", "x", "hours", 1, before, now, None, None, None, None, "", direction=direction)
    assert movement.moved == moved
