"""Achievable and Relevant: what the text alone can say, and what the goal's other fields add."""

from __future__ import annotations

from datetime import date

import pytest

from career_core.models import Goal, Metric, Notebook, OrgObjective, Vision
from career_core.smart import ScoringContext, context_for, score_goal

TODAY = date(2026, 10, 15)
SMART_GOAL = "Lead a team of at least 10 people within five years."


def level(text: str, key: str, context: ScoringContext | None = None) -> str:
    return score_goal(text, context, today=TODAY).criteria[key].level


# --- A: achievable --------------------------------------------------------------------------------

A_CASES = [
    # text, context, A level
    (SMART_GOAL, None, "unknown"),  # nothing to go on: the person has to say
    ("Try to lead a team of at least 10 people within five years.", None, "partial"),  # hedge
    ("Never miss a sprint deadline for the next two quarters.", None, "partial"),  # absolute
    ("Get promoted within two years.", None, "partial"),  # someone else decides
    ("Become fluent in Spanish overnight.", None, "partial"),  # no time to get there
    ("Lead a team of 10 within five years (confidence 8/10).", None, "met"),  # written confidence
    ("Lead a team of 10 within five years (6/10).", None, "partial"),
    ("Lead a team of 10 within five years, confidence 3/10.", None, "missing"),
    ("Lead a team of 10 within five years, 90% sure.", None, "met"),
    (SMART_GOAL, ScoringContext(confidence=10), "met"),
    (SMART_GOAL, ScoringContext(confidence=7), "met"),
    (SMART_GOAL, ScoringContext(confidence=6), "partial"),
    (SMART_GOAL, ScoringContext(confidence=5), "partial"),
    (SMART_GOAL, ScoringContext(confidence=4), "missing"),
    (SMART_GOAL, ScoringContext(confidence=1), "missing"),
    (SMART_GOAL, ScoringContext(support="My manager sponsors the move"), "partial"),
    (SMART_GOAL, ScoringContext(why="I love coaching"), "unknown"),  # a why says nothing about A
    ("Try to lead a team of 10 within five years.", ScoringContext(confidence=9), "partial"),  # warning caps A
    ("Lead a team of 10 within five years (9/10).", ScoringContext(confidence=4), "missing"),  # the field wins
]


@pytest.mark.parametrize(("text", "context", "expected"), A_CASES, ids=[f"{c[0]} | {c[1]}" for c in A_CASES])
def test_achievable(text: str, context: ScoringContext | None, expected: str) -> None:
    assert level(text, "A", context) == expected


def test_confidence_in_text_counts_for_a_never_for_m() -> None:
    report = score_goal("Get better at leadership (confidence 8/10).", today=TODAY)
    assert report.criteria["A"].level == "met"
    assert report.criteria["M"].level == "missing"
    assert [e.kind for e in report.criteria["A"].evidence] == ["confidence"]
    assert "Confidence 8/10" in report.criteria["A"].reasons[0]


def test_low_confidence_blocks_smart_and_says_why() -> None:
    report = score_goal("Hire a chief of staff by Q3 2027 (confidence 3/10).", today=TODAY)
    assert [report.criteria[k].level for k in "SMT"] == ["met", "met", "met"]
    assert report.criteria["A"].level == "missing"
    assert not report.is_smart
    assert "3/10" in report.criteria["A"].advice


STRETCH = [
    # baseline, target, direction, deadline, stretch flagged
    (10, 50, "increase", date(2027, 4, 15), True),  # 5x in six months
    (10, 50, "increase", date(2029, 10, 15), False),  # 5x in three years is a plan
    (10, 25, "increase", date(2027, 4, 15), False),  # 2.5x is a stretch, not a warning
    (40, 10, "decrease", date(2027, 4, 15), True),  # a quarter of the baseline in six months
    (40, 10, "at_most", date(2027, 4, 15), True),
    (0, 10, "increase", date(2027, 4, 15), False),  # no ratio from zero
    (10, 50, "increase", None, False),  # no time frame, no judgement
    (float("nan"), 50, "increase", date(2027, 4, 15), False),  # no numbers, no judgement
    (10, float("inf"), "increase", date(2027, 4, 15), False),
]


@pytest.mark.parametrize(("baseline", "target", "direction", "deadline", "flagged"), STRETCH)
def test_stretch_from_baseline_to_target(baseline: float, target: float, direction: str, deadline: date | None, flagged: bool) -> None:
    ctx = ScoringContext(confidence=8, baseline=baseline, target=target, direction=direction, deadline=deadline)
    report = score_goal("Grow the number of weekly active users.", ctx, today=TODAY)
    assert (report.flag("stretch") is not None) == flagged
    assert report.criteria["A"].level == ("partial" if flagged else "met")
    if flagged:
        assert f"{baseline:g}" in report.criteria["A"].advice


def test_stretch_uses_the_deadline_written_in_the_goal() -> None:
    ctx = ScoringContext(confidence=8, baseline=10, target=50, direction="increase")
    assert score_goal("Grow weekly users from 10 to 50 within six months.", ctx, today=TODAY).flag("stretch")
    assert not score_goal("Grow weekly users from 10 to 50 within three years.", ctx, today=TODAY).flag("stretch")


# --- R: relevant ----------------------------------------------------------------------------------

VISION = "Head the 200-person operations division as its director"

R_CASES = [
    (SMART_GOAL, None, "unknown"),
    ("Lead a team of 10 within five years so that I can grow as a leader.", None, "partial"),  # a reason, weak
    ("I should lead a team of 10 within five years.", None, "missing"),  # someone else's goal
    ("I should get an MBA by 2030 because my boss says so.", None, "missing"),  # their reason is not mine
    (SMART_GOAL, ScoringContext(values=("growth",)), "met"),
    (SMART_GOAL, ScoringContext(objectives=("Grow the EMEA business",)), "met"),
    (SMART_GOAL, ScoringContext(parent="Become director of operations"), "met"),
    (SMART_GOAL, ScoringContext(supports_vision=True), "met"),
    (SMART_GOAL, ScoringContext(why="I want to grow people"), "partial"),
    ("Lead a team of 10 within five years so that I grow.", ScoringContext(why="I want to grow people"), "met"),
    ("Shadow the operations director for a day each quarter.", ScoringContext(vision=VISION), "met"),  # two shared words
    ("Join the operations guild by June.", ScoringContext(vision=VISION), "partial"),  # one shared word
    ("Run a half marathon by June.", ScoringContext(vision=VISION), "unknown"),  # nothing shared
    ("I should lead a team of 10 within five years.", ScoringContext(values=("growth",)), "partial"),
    # whose "should" it is: laid on the person themselves it refuses R; advice to a reader or a
    # role's standard only warns (S, M and T can still make the goal SMART)
    ("You should put aside 50 pounds a month for the boiler fund.", None, "partial"),
    ("Trainees are expected to log 40 flying hours by the end of the course.", None, "partial"),
    ("Each volunteer is required to complete two first-aid shifts per month.", None, "partial"),
    ("We're supposed to clear the loft by June.", None, "missing"),
    ("I really should call my aunt every Sunday.", None, "missing"),
    ("My manager wants me to present at the May offsite.", None, "missing"),
    (SMART_GOAL, ScoringContext(confidence=8), "unknown"),  # confidence says nothing about R
]


@pytest.mark.parametrize(("text", "context", "expected"), R_CASES, ids=[f"{c[0]} | {c[1]}" for c in R_CASES])
def test_relevant(text: str, context: ScoringContext | None, expected: str) -> None:
    assert level(text, "R", context) == expected


def test_overlap_cites_the_shared_words_where_they_stand() -> None:
    text = "Shadow the Operations Director for a day each quarter."
    report = score_goal(text, ScoringContext(vision=VISION), today=TODAY)
    words = sorted(text[e.start : e.end] for e in report.criteria["R"].evidence if e.rule == "R.overlap")
    assert words == ["Director", "Operations"]


def test_should_is_flagged_and_advised() -> None:
    report = score_goal("I should network more.", today=TODAY)
    assert report.flag("should") is not None
    assert "should" in report.criteria["R"].advice


def test_should_blocks_smart_even_when_s_m_t_are_met() -> None:
    report = score_goal("I should get an MBA by 2030.", today=TODAY)
    assert [report.criteria[k].level for k in "SMT"] == ["met", "met", "met"]
    assert not report.is_smart


# --- T with a deadline in the context --------------------------------------------------------------


def test_deadline_only_in_the_fields_is_partial_and_says_so() -> None:
    ctx = ScoringContext(deadline=date(2027, 6, 30))
    report = score_goal("Pass the PMP certification exam.", ctx, today=TODAY)
    assert report.criteria["T"].level == "partial"
    assert "30 Jun 2027" in report.criteria["T"].advice
    assert report.deadline is None  # the report's deadline is read from the text


def test_deadline_in_the_text_wins_over_the_fields() -> None:
    ctx = ScoringContext(deadline=date(2027, 6, 30))
    report = score_goal("Pass the PMP certification exam by March 2027.", ctx, today=TODAY)
    assert report.criteria["T"].level == "met"
    assert report.deadline == date(2027, 3, 31)


def test_full_context_makes_a_smart_goal_score_100() -> None:
    ctx = ScoringContext(confidence=8, support="My coach", values=("growth",), why="I love developing people")
    report = score_goal(SMART_GOAL, ctx, today=TODAY)
    assert report.is_smart and report.overall == 100
    assert all(c.level == "met" and c.advice == "" for c in report.criteria.values())


# --- context_for: from the notebook models ----------------------------------------------------------


def test_context_for_reads_the_goal_and_its_notebook() -> None:
    long_term = Goal(statement="Become director of operations within five years")
    objective = OrgObjective(title="Cut order-to-delivery time")
    other = OrgObjective(title="Open the Lisbon office")
    goal = Goal(
        statement="Lead the cross-functional delivery initiative by Q3 2027",
        parent_id=long_term.id,
        metric=Metric(baseline=12, target=8, direction="decrease"),
        start=date(2026, 11, 1),
        deadline=date(2027, 9, 30),
        why="It is the next step to running operations",
        values=["impact", "growth"],
        objective_ids=[objective.id],
        supports_vision=True,
        confidence=7,
        support="My director sponsors it",
    )
    notebook = Notebook(
        vision=Vision(statement="Run a 200-person operations division", target_role="Director of Operations"),
        org_objectives=[objective, other],
        goals=[long_term, goal],
    )
    ctx = context_for(goal, notebook)
    assert ctx == ScoringContext(
        confidence=7,
        support="My director sponsors it",
        baseline=12,
        target=8,
        direction="decrease",
        start=date(2026, 11, 1),
        deadline=date(2027, 9, 30),
        why="It is the next step to running operations",
        vision="Run a 200-person operations division Director of Operations",
        values=("impact", "growth"),
        objectives=("Cut order-to-delivery time",),
        parent="Become director of operations within five years",
        supports_vision=True,
    )
    report = score_goal(goal.statement, ctx, today=TODAY)
    assert report.criteria["A"].level == "met" and report.criteria["R"].level == "met"


def test_context_for_a_bare_goal_is_empty() -> None:
    goal = Goal(statement="Get better at leadership")
    ctx = context_for(goal, Notebook(goals=[goal]))
    assert ctx == ScoringContext()
    report = score_goal(goal.statement, ctx, today=TODAY)
    assert report.criteria["A"].level == "unknown" and report.criteria["R"].level == "unknown"
