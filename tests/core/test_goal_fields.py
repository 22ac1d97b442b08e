"""The goal's fields as its wording names them: the scorer's parse, read field by field (tables of cases)."""

from __future__ import annotations

from datetime import date

import pytest

from career_core.goal_fields import apply_offers, disagreement_words, disagreements, named, offers
from career_core.models import Direction, Goal, Metric
from career_core.smart import score_goal

TODAY = date(2026, 11, 18)
D = Direction


def _named(text: str):
    return named(text, score_goal(text, today=TODAY))


@pytest.mark.parametrize(
    ("text", "baseline", "target", "direction", "unit", "words"),
    [
        ("Cut our average first-reply time from 8 to 4 hours by 31 March 2027", 8, 4, D.DECREASE, "hours",
         "from 8 to 4 hours"),
        ("Raise the engagement score from 62 to 75 by June 2027", 62, 75, D.INCREASE, "", "from 62 to 75"),
        ("Increase NPS from 30 to 45.5 within 6 months", 30, 45.5, D.INCREASE, "", "from 30 to 45.5"),
        ("Reduce overtime to 45 hours a month by 30 June 2027", None, 45, D.DECREASE, "hours a month",
         "to 45 hours a month"),
        ("Work at most 50 hours a week through 2027", None, 50, D.AT_MOST, "hours a week", "at most 50 hours a week"),
        ("Keep overtime under 25 hours a month", None, 25, D.AT_MOST, "hours a month", "under 25 hours a month"),
        ("Lead a team of at least 10 people within two years", None, 10, D.AT_LEAST, "people", "at least 10 people"),
        ("Run a 5k in under 30 minutes by May 2027", None, 30, D.AT_MOST, "minutes", "under 30 minutes"),
        ("Read 12 books in 2027", None, 12, D.INCREASE, "books", "12 books"),
        ("Save $5,000 by June 2027", None, 5000, D.INCREASE, "$", "$5,000"),
        ("Reach 8,000 steps a day", None, 8000, D.INCREASE, "steps a day", "8,000 steps a day"),
    ],
)
def test_the_numbers_of_the_wording(text, baseline, target, direction, unit, words):
    n = _named(text)
    assert (n.baseline, n.target, n.direction, n.unit, n.words) == (baseline, target, direction, unit, words)


@pytest.mark.parametrize(
    ("text", "change", "percent", "direction"),
    [
        ("Grow revenue by 20% this year", 20, True, D.INCREASE),
        ("Cut costs by 15% by Q2 2027", 15, True, D.DECREASE),
        ("Lose 10kg by summer", 10, False, D.DECREASE),
    ],
)
def test_an_amount_of_change(text, change, percent, direction):
    n = _named(text)
    assert (n.change, n.change_percent, n.direction, n.target) == (change, percent, direction, None)


@pytest.mark.parametrize(
    ("text", "deadline", "words"),
    [
        ("Cut our average first-reply time from 8 to 4 hours by 31 March 2027", date(2027, 3, 31), "31 March 2027"),
        ("Lead a team of at least 10 people within two years", date(2028, 11, 18), "within two years"),
        ("Keep overtime under 25 hours a month", None, ""),
    ],
)
def test_the_deadline_is_the_scorer_s(text, deadline, words):
    n = _named(text)
    assert (n.deadline, n.deadline_words) == (deadline, words)
    assert n.deadline == score_goal(text, today=TODAY).deadline  # one parse, not a second one


def _offers(text: str, deadline=None, metric=None):
    return {o.field: o.value for o in offers(text, score_goal(text, today=TODAY), deadline, metric or Metric())}


@pytest.mark.parametrize(
    ("text", "deadline", "metric", "expected"),
    [
        # an empty draft: everything the wording names
        ("Raise the engagement score from 62 to 75 by 31 May 2027", None, Metric(),
         {"deadline": date(2027, 5, 31), "baseline": 62, "target": 75}),
        # fields that already say it: nothing to offer
        ("Raise the engagement score from 62 to 75 by 31 May 2027", date(2027, 5, 31), Metric(baseline=62, target=75), {}),
        # "by 20%" with a baseline: the target follows from it
        ("Grow revenue by 20% this year", date(2026, 12, 31), Metric(baseline=500, unit="kEUR"), {"target": 600}),
        ("Cut costs by 15% by Q2 2027", date(2027, 6, 30), Metric(baseline=200, target=190, direction=D.DECREASE),
         {"target": 170}),
        # without one, the change itself is counted from 0
        ("Grow revenue by 20% this year", date(2026, 12, 31), Metric(), {"baseline": 0, "target": 20, "unit": "%"}),
        # "to 45 hours" under a baseline of 60 goes down
        ("Reduce overtime to 45 hours by 30 June 2027", date(2027, 6, 30), Metric(baseline=60, unit="hours"),
         {"target": 45, "direction": D.DECREASE}),
        # a done/not-done goal keeps its target whatever the wording counts
        ("Become Head of Operations, leading about 200 people, by 20 November 2030", date(2030, 11, 20),
         Metric(baseline=0, target=1, direction=D.DONE), {}),
        # a unit written otherwise is no disagreement
        ("Work at most 50 hours a week through 2027", date(2027, 12, 31),
         Metric(target=50, unit="hours/week", direction=D.AT_MOST), {}),
    ],
)
def test_offers(text, deadline, metric, expected):
    assert _offers(text, deadline, metric) == expected


def test_a_revised_wording_that_leaves_old_fields_behind_is_said_in_words_with_the_fix():
    """The issue's Home line '…by 30 June 2027 · due 31 Mar 2027' must not happen silently."""
    goal = Goal(statement="Cut our average first-reply time from 8 to 5 hours by 30 June 2027",
                deadline=date(2027, 3, 31), metric=Metric(unit="hours", baseline=8, target=4, direction=D.DECREASE))
    found = disagreements(goal, score_goal(goal.statement, today=TODAY))
    assert [(o.field, o.value, o.now) for o in found] == [("deadline", date(2027, 6, 30), date(2027, 3, 31)),
                                                          ("target", 5, 4)]
    assert disagreement_words(found, TODAY) == (
        "The wording says “30 June 2027”, the deadline 31 Mar 2027; “from 8 to 5 hours”, the target 4. "
        "Use the wording's values in the fields, or reword the goal.")
    apply_offers(goal, found)
    assert (goal.deadline, goal.metric.target, goal.metric.direction) == (date(2027, 6, 30), 5, D.DECREASE)
    assert disagreements(goal, score_goal(goal.statement, today=TODAY)) == []


def test_filling_an_increase_goal_from_a_falling_wording_turns_its_direction():
    goal = Goal(statement="Cut our average first-reply time from 8 to 4 hours by 31 March 2027")
    apply_offers(goal, offers(goal.statement, score_goal(goal.statement, today=TODAY), goal.deadline, goal.metric))
    assert (goal.metric.baseline, goal.metric.target, goal.metric.direction, goal.metric.unit) == (8, 4, D.DECREASE, "hours")
