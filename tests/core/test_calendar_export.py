"""The .ics file, parsed back and expanded the way calendar apps do: the same dates the app shows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from career_core import edit
from career_core.exports.calendar import action_uid, contents, review_uid, to_ics
from career_core.models import (
    Action,
    ActionStatus,
    Goal,
    Initiative,
    Notebook,
    Recurrence,
    Review,
    ReviewCadence,
    Settings,
)
from career_core.plan.actions import action_dates
from career_core.review import review_dates
from career_core.sample import load_sample
from tests.synthetic import five_year_notebook

TODAY = date(2026, 11, 18)
D = date
WINDOW = (D(2024, 1, 1), D(2031, 12, 31))


def events(ics: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(ics)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def expand(event, lo: date, hi: date) -> list[date]:
    """All dates of an event in a window: DTSTART alone, or its RRULE expanded by dateutil."""
    start = event.start
    if "RRULE" not in event:
        return [start] if lo <= start <= hi else []
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=datetime.combine(start, time()))
    return [d.date() for d in rule.between(datetime.combine(lo, time()), datetime.combine(hi, time()), inc=True)]


def plan(*actions: Action, **parts) -> Notebook:
    goal = Goal(id="g1", statement="Lead a team of at least 10 people by 2028")
    return Notebook(title="Jo's plan", goals=[goal], actions=list(actions),
                    reviews=[Review(on=D(2026, 11, 2), next_review=D(2026, 12, 2))], **parts)


ACTIONS = [
    Action(title="Weekly 1:1s", goal_id="g1", recurrence=Recurrence.WEEKLY, start=D(2026, 11, 2), hours=2.5),
    Action(title="Pulse survey", goal_id="g1", recurrence=Recurrence.BIWEEKLY, start=D(2026, 11, 6), end=D(2027, 6, 30)),
    Action(title="Read", goal_id="g1", recurrence=Recurrence.DAILY, start=D(2028, 2, 20), end=D(2028, 3, 10)),
    Action(title="Mentor call", goal_id="g1", recurrence=Recurrence.MONTHLY, start=D(2026, 11, 26)),
    Action(title="Month-end numbers", goal_id="g1", recurrence=Recurrence.MONTHLY, start=D(2027, 1, 31), end=D(2029, 1, 31)),
    Action(title="On the 30th", goal_id="g1", recurrence=Recurrence.MONTHLY, start=D(2027, 1, 30)),
    Action(title="Leap day start", goal_id="g1", recurrence=Recurrence.MONTHLY, start=D(2028, 2, 29), end=D(2028, 12, 31)),
    Action(title="Quarterly coffee", goal_id="g1", recurrence=Recurrence.QUARTERLY, start=D(2026, 8, 31)),
    Action(title="Quarterly review", goal_id="g1", recurrence=Recurrence.QUARTERLY, start=D(2026, 12, 15), end=D(2028, 12, 15)),
    Action(title="Book the course", goal_id="g1", due=D(2026, 12, 4), hours=0.5),
]


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.title)
def test_every_action_has_the_dates_the_app_shows(action):
    nb = plan(action)
    (event,) = [e for uid, e in events(to_ics(nb, TODAY)).items() if uid == action_uid(nb, action)]
    assert expand(event, *WINDOW) == action_dates(action, *WINDOW)
    assert str(event["SUMMARY"]) == action.title
    assert event.end - event.start == timedelta(days=1)  # an all-day event


@pytest.mark.parametrize(
    ("action", "rrule"),
    [
        (ACTIONS[0], b"FREQ=WEEKLY;INTERVAL=1"),
        (ACTIONS[1], b"FREQ=WEEKLY;UNTIL=20270630;INTERVAL=2"),
        (ACTIONS[4], b"FREQ=MONTHLY;UNTIL=20290131;INTERVAL=1;BYMONTHDAY=-1"),
        (ACTIONS[7], b"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"),
    ],
    ids=lambda x: getattr(x, "title", ""),
)
def test_recurrences_are_written_as_rrules(action, rrule):
    nb = plan(action)
    event = events(to_ics(nb, TODAY))[action_uid(nb, action)]
    assert event["RRULE"].to_ical() == rrule


def test_a_month_end_series_starts_on_the_month_end():
    action = ACTIONS[5]  # starts 30 Jan 2027
    nb = plan(action)
    event = events(to_ics(nb, TODAY))[action_uid(nb, action)]
    assert event.start == D(2027, 1, 31)
    assert expand(event, D(2027, 1, 1), D(2027, 4, 30)) == [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30)]


def test_review_dates_are_events_with_the_dates_the_app_shows():
    nb = plan(settings=Settings(review_cadence=ReviewCadence.MONTHLY))
    found = events(to_ics(nb, TODAY))
    reviews = sorted((e.start, uid) for uid, e in found.items() if uid.startswith("review-"))
    assert [d for d, _ in reviews] == review_dates(nb, TODAY)
    assert [uid for _, uid in reviews] == [review_uid(nb, k) for k in range(12)]
    assert reviews[0][0] == D(2026, 12, 2)
    assert str(found[review_uid(nb, 0)]["SUMMARY"]) == "Next career review"


def test_only_actions_still_to_do_with_a_date_go_in():
    keep = Action(title="Keep", goal_id="g1", due=D(2026, 12, 1))
    nb = plan(
        keep,
        Action(title="Finished", goal_id="g1", due=D(2026, 11, 1), status=ActionStatus.DONE),
        Action(title="Dropped", goal_id="g1", recurrence=Recurrence.WEEKLY, start=D(2026, 11, 2), status=ActionStatus.DROPPED),
        Action(title="Someday", goal_id="g1"),
        Action(title="Series over", goal_id="g1", recurrence=Recurrence.WEEKLY, start=D(2026, 9, 7), end=D(2026, 11, 16)),
        Action(title="Late but still to do", goal_id="g1", due=D(2026, 10, 1)),
    )
    titles = {str(e["SUMMARY"]) for e in events(to_ics(nb, TODAY)).values() if not str(e["UID"]).startswith("review-")}
    assert titles == {"Keep", "Late but still to do"}
    c = contents(nb, TODAY)
    assert (c.one_off, c.recurring, c.left_out, len(c.reviews)) == (2, 0, 4, 12)


def test_an_empty_plan_still_gives_a_valid_calendar_with_the_reviews():
    nb = Notebook(title="Empty")
    cal = Calendar.from_ical(to_ics(nb, TODAY))
    assert cal["VERSION"] == "2.0" and str(cal["PRODID"]).startswith("-//Waypoint")
    assert len(cal.walk("VEVENT")) == 12  # monthly reviews for a year


def test_reimporting_updates_instead_of_duplicating():
    nb = plan(*ACTIONS)
    first = events(to_ics(nb, TODAY))
    changed = nb.model_copy(deep=True)
    changed.revision += 3
    edit.renew(changed.actions, changed.actions[0], title="Weekly 1:1s (new format)")
    changed.reviews.append(Review(on=D(2026, 12, 2), next_review=D(2027, 1, 6)))
    second = events(to_ics(changed, D(2026, 12, 3)))
    assert set(first) == set(second)  # same UIDs: calendars replace the events
    uid = action_uid(nb, nb.actions[0])
    assert str(second[uid]["SUMMARY"]) == "Weekly 1:1s (new format)"
    assert int(second[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"])
    assert second[review_uid(nb, 0)].start == D(2027, 1, 6)  # the review moved; it is the same event


def test_the_same_revision_gives_the_same_file():
    nb = plan(*ACTIONS)
    assert to_ics(nb, TODAY) == to_ics(nb, TODAY)


def test_text_that_means_something_in_ics_survives():
    title = "Plan Q3; budget, risks\\notes\nand a second line"
    nb = plan(Action(title="x", goal_id="g1", due=D(2026, 12, 1)))
    nb.actions[0].__dict__["title"] = title
    nb.goals[0].__dict__["statement"] = "Goal: with, commas; and semicolons"
    event = events(to_ics(nb, TODAY))[action_uid(nb, nb.actions[0])]
    assert str(event["SUMMARY"]) == title
    assert "Goal: with, commas; and semicolons" in str(event["DESCRIPTION"])


def test_the_description_says_what_it_moves_and_how_long_it_takes():
    init = Initiative(id="i1", title="Routing pilot")
    action = Action(title="Pilot data", goal_id="g1", initiative_id="i1", due=D(2026, 12, 1), hours=1)
    nb = plan(action, initiatives=[init])
    text = str(events(to_ics(nb, TODAY))[action_uid(nb, action)]["DESCRIPTION"])
    assert "Goal: Lead a team" in text and "Initiative: Routing pilot" in text and "About 1 hour;" in text


@pytest.mark.parametrize("make", [lambda: load_sample(TODAY), lambda: five_year_notebook(0, TODAY)], ids=["sample", "five-year"])
def test_whole_notebooks_round_trip(make):
    nb = make()
    found = events(to_ics(nb, TODAY))
    c = contents(nb, TODAY)
    assert len(found) == c.one_off + c.recurring + len(c.reviews)
    lo, hi = TODAY - timedelta(days=400), TODAY + timedelta(days=800)
    for action in nb.actions:
        uid = action_uid(nb, action)
        if uid in found:
            assert expand(found[uid], lo, hi) == action_dates(action, lo, hi), action.title
