"""Reflection rules: skill gaps, value ranking, development priorities, the authenticity check."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_core.models import DevelopmentItem, InputEntry, InputRole, Reflection, SkillRating
from career_core.reflection import (
    KEEP_LIMIT,
    TOP_FEW,
    authenticity,
    authenticity_reminder,
    keep_advice,
    keep_top,
    merge_selection,
    move,
    new_skill,
    newest_first,
    next_role,
    priorities,
    roles_not_asked,
    skill_gaps,
    skills_to_offer,
    vision_notes,
)
from career_core.value_words import values_in_text


def item(title: str, value: int = 3, motivation: int = 3, kept: bool = True, category: str = "skill", **answers):
    return DevelopmentItem(title=title, value=value, motivation=motivation, kept=kept, category=category, **answers)


# --- skill gaps ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "wanted", "gap", "describe"),
    [
        (2, 5, 3, "3 steps to grow"),
        (3, 4, 1, "1 step to grow"),
        (4, 4, 0, "where you want it"),
        (5, 3, -2, "more than you need"),
    ],
)
def test_a_gap_is_wanted_minus_now_and_is_said_in_words(now, wanted, gap, describe):
    (g,) = skill_gaps([SkillRating(name="Delegation", now=now, wanted=wanted)])
    assert (g.gap, g.describe) == (gap, describe)


def test_gaps_list_the_biggest_first_then_by_name():
    skills = [SkillRating(name=n, now=now, wanted=w) for n, now, w in
              [("budgeting", 3, 3), ("Coaching", 1, 4), ("Delegation", 2, 5), ("Speaking", 4, 2)]]
    assert [g.name for g in skill_gaps(skills)] == ["Coaching", "Delegation", "budgeting", "Speaking"]


@pytest.mark.parametrize(
    ("existing", "new", "accepted"),
    [
        (["Delegation"], "Coaching", True),
        (["Delegation"], "delegation", False),
        (["Delegation"], "  Delegation  ", False),
        (["Public speaking"], "Public  speaking", False),
        ([], "Delegation", True),
    ],
)
def test_a_skill_is_rated_once(existing, new, accepted):
    rated = [SkillRating(name=n) for n in existing]
    if accepted:
        assert new_skill(rated, new, 2, 4).name == new.strip()
    else:
        with pytest.raises(ValueError, match=r"^name: .* already rated"):
            new_skill(rated, new, 2, 4)


# --- values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "index", "step", "expected"),
    [
        (["a", "b", "c"], 1, -1, ["b", "a", "c"]),
        (["a", "b", "c"], 1, 1, ["a", "c", "b"]),
        (["a", "b", "c"], 0, -1, ["a", "b", "c"]),  # already first
        (["a", "b", "c"], 2, 1, ["a", "b", "c"]),  # already last
        (["a", "b", "c"], 2, -5, ["c", "a", "b"]),  # clamped to the top
        (["a", "b", "c"], 7, -1, ["a", "b", "c"]),  # gone meanwhile: unchanged
        ([], 0, 1, []),
    ],
)
def test_move_changes_one_rank_and_keeps_everything(items, index, step, expected):
    assert move(items, index, step) == expected


@given(st.lists(st.integers(), max_size=12, unique=True), st.integers(-15, 15), st.integers(-15, 15))
def test_move_never_loses_or_invents_an_entry(items, index, step):
    assert sorted(move(items, index, step)) == sorted(items)


@pytest.mark.parametrize(
    ("ranked", "selected", "expected"),
    [
        (["Growth", "Fairness"], ["Fairness", "Growth", "Family"], ["Growth", "Fairness", "Family"]),
        (["Growth", "Fairness", "Family"], ["Family", "Growth"], ["Growth", "Family"]),
        ([], ["Trust", "Courage"], ["Trust", "Courage"]),
        (["Growth"], ["Growth", "  Care  for others "], ["Growth", "Care for others"]),
        (["Growth"], ["Growth", "Growth", " "], ["Growth"]),
        (["Growth"], [], []),
    ],
)
def test_a_new_selection_keeps_the_ranking_of_what_stays(ranked, selected, expected):
    assert merge_selection(ranked, selected) == expected


@pytest.mark.parametrize(
    ("why", "values", "named"),
    [
        ("Leading would let me grow and be fair to people.", ["Growth", "Fairness"], ["Growth", "Fairness"]),
        ("It is about growth, and about fairness for my team.", ["Growth", "Fairness", "Family"], ["Growth", "Fairness"]),
        ("More time with my FAMILY.", ["Family"], ["Family"]),
        ("I care for others every day.", ["Care for others"], ["Care for others"]),
        ("Learning never stops.", ["Learning", "Earning"], ["Learning"]),  # no match inside a word
        ("", ["Growth"], []),
        # the value in other words
        ("Good people leave because nobody grows them.", ["Growing people"], ["Growing people"]),
        ("I want my evenings offline again.", ["Time with my family", "Fairness"], ["Time with my family"]),
        ("I promised the team I would see it through.", ["Keeping my word"], ["Keeping my word"]),
        ("A course a year keeps me sharp.", ["Learning something new every year"], ["Learning something new every year"]),
        ("Nobody should be paid less for the same job.", ["Justice"], []),  # too far from the words: stays quiet
        ("Spend more time on it.", ["Time with my family"], []),  # "time" alone says nothing about family
        ("It pays the bills.", ["Financial security"], ["Financial security"]),
    ],
)
def test_the_why_is_checked_for_the_values_it_names(why, values, named):
    """Words are compared by their stems and by the words grouped with a value (data/value_words.toml)."""
    assert values_in_text(why, values) == named


@pytest.mark.parametrize(
    ("year", "today", "says"),
    [
        (None, 2026, None),
        (2030, 2026, None),
        (2020, 2026, "has passed"),
        (2026, 2026, "close to a goal"),
        (2060, 2026, "long way off"),
    ],
)
def test_the_vision_horizon_gets_a_gentle_note_when_it_is_odd(year, today, says):
    notes = vision_notes(year, today)
    assert (says in notes[0]) if says else notes == []


# --- input log ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "missing"),
    [
        ([], ["mentor", "manager", "peer", "direct_report", "coach", "friend"]),
        (["mentor", "peer", "other"], ["manager", "direct_report", "coach", "friend"]),
        (["mentor", "manager", "peer", "direct_report", "coach", "friend"], []),
    ],
)
def test_the_log_says_whose_view_is_still_missing(roles, missing):
    inputs = [InputEntry(who="Someone", role=r) for r in roles]
    assert [r.value for r in roles_not_asked(inputs)] == missing


def test_the_log_reads_newest_first():
    entries = [InputEntry(who=w, on=d) for w, d in [("A", "2026-01-05"), ("B", "2026-03-01"), ("C", "2025-12-24")]]
    assert [e.who for e in newest_first(entries)] == ["B", "A", "C"]


# --- development priorities -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "ranking"),
    [
        # value × motivation decides
        ([item("a", 2, 2), item("b", 5, 4), item("c", 3, 3)], ["b", "c", "a"]),
        # a tie goes to more value, then more motivation
        ([item("drive", 2, 5), item("value", 5, 2)], ["value", "drive"]),
        ([item("x", 4, 3), item("y", 3, 4), item("z", 4, 3)], ["x", "z", "y"]),
        # then the title, so the order never flickers
        ([item("b", 3, 3), item("A", 3, 3)], ["A", "b"]),
    ],
)
def test_priorities_rank_by_value_times_motivation(items, ranking):
    assert [p.title for p in priorities(items)] == ranking


def test_only_the_top_few_are_marked_top():
    items = [item(str(i), v, m) for i, (v, m) in enumerate([(5, 5), (4, 4), (1, 1), (3, 3), (2, 2)])]
    ranked = priorities(items)
    assert [p.top for p in ranked] == [True, True, True, False, False]
    assert [p.score for p in ranked] == [25, 16, 9, 4, 1]
    assert TOP_FEW == 3


def test_keep_top_keeps_the_top_few_and_sets_the_rest_aside_without_deleting():
    items = [item("low", 1, 1), item("high", 5, 5), item("mid", 3, 3), item("mid2", 3, 2), item("top2", 4, 4)]
    keep_top(items)
    assert {i.title: i.kept for i in items} == {"low": False, "high": True, "mid": True, "mid2": False, "top2": True}
    assert len(items) == 5


@pytest.mark.parametrize(
    ("items", "kept", "says"),
    [
        ([], 0, None),
        ([item("a", kept=False), item("b", kept=False)], 0, "Nothing is kept yet"),
        ([item(str(i), 5 - i % 5, 3) for i in range(KEEP_LIMIT + 1)], KEEP_LIMIT + 1, f"keeping {KEEP_LIMIT + 1} items"),
        ([item("best", 5, 5, kept=False), item("b", 2, 2), item("c", 1, 1)], 2, "“best” ranks among your top 3"),
        ([item("best", 5, 5, kept=False), item("next", 4, 4, kept=False), item("c", 1, 1)], 1, "“best” and “next” rank"),
        ([item("a", 5, 5), item("b", 4, 4), item("c", 3, 3), item("d", 1, 1, kept=False)], 3, None),
    ],
)
def test_keep_advice_nudges_towards_the_top_few(items, kept, says):
    advice = keep_advice(items)
    assert advice.kept == kept
    assert (says in advice.message) if says else advice.message is None


# --- authenticity ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "category", "verdict", "concerns"),
    [
        ({}, "skill", "not checked", []),
        ({"fits_values": True}, "skill", "partly checked", []),
        ({"fits_values": True, "fits_strengths": True, "own_wish": True}, "skill", "rings true", []),
        ({"fits_values": False, "fits_strengths": True, "own_wish": True}, "skill", "has doubts", ["does not fit your values"]),
        ({"own_wish": False}, "training", "has doubts", ["someone else's wish"]),
        ({"fits_strengths": False}, "skill", "has doubts", ["does not build on your strengths"]),
        ({"fits_strengths": False}, "weakness", "has doubts", ["as overcoming a weakness often does"]),
        ({"fits_values": False, "own_wish": False}, "skill", "has doubts", ["values", "someone else's wish"]),
    ],
)
def test_the_authenticity_check_explains_each_doubt(answers, category, verdict, concerns):
    result = authenticity(item("Become a director", category=category, **answers))
    assert result.verdict == verdict
    assert len(result.concerns) == len(concerns)
    for concern, expected in zip(result.concerns, concerns, strict=True):
        assert expected in concern


def test_only_skills_not_yet_rated_are_offered():
    rated = [SkillRating(name="public  SPEAKING"), SkillRating(name="Delegation")]
    assert skills_to_offer(["Delegation", "Public speaking", "Negotiation"], rated) == ["Negotiation"]


@pytest.mark.parametrize(
    ("roles", "offered"),
    [([], InputRole.MENTOR), ([InputRole.PEER], InputRole.PEER), ([InputRole.PEER, InputRole.COACH], InputRole.COACH)],
)
def test_the_input_form_offers_the_role_logged_last(roles, offered):
    assert next_role([InputEntry(who="x", role=r) for r in roles]) == offered


@pytest.mark.parametrize(
    ("values", "strengths", "reminder"),
    [
        ([], [], ""),
        (["Fairness"], [], "Remember your values: Fairness."),
        (["A", "B", "C", "D", "E", "F"], ["Calm"], "Remember your values: A, B, C, D, E; your strengths: Calm."),
    ],
)
def test_the_authenticity_check_reminds_of_values_and_strengths(values, strengths, reminder):
    assert authenticity_reminder(Reflection(values=values, strengths=strengths)) == reminder
