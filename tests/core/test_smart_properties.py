"""Properties that hold for any text: a report always comes back, well formed and the same twice."""

from __future__ import annotations

import itertools
import pickle
import string
from copy import deepcopy
from dataclasses import asdict
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_core.smart import (
    LEVELS,
    ScoringContext,
    SmartReport,
    highlight_segments,
    overall_score,
    score_goal,
)
from career_core.smart.report import WEIGHTS
from career_core.smart.rules import ALL_RULE_IDS, KINDS

RULE_IDS = set(ALL_RULE_IDS)

# Words the rules care about, so generated text exercises them rather than only random letters.
VOCAB = (
    "by within in the next every each week month year Q3 2027 March may 30 June at least no more than "
    "10 50% $12M hours a day twice lead team improve skills more better never always try to should "
    "so that because complete the PMP exam become VP one-on-one 7/10 confidence ( ) . , ; and soon "
    "one day for 30 days minutes Python 3 COVID-19 B2 İ ’ — stop "
    "10kg 15lbs 3x x1 $250/week top-3 1st X N% [date] ___ <amount> from a C to a B+ band 7 level L6 "
    "become a registered nurse get into make the Dean's List currently debt-free whole Title Case ALL CAPS "
    "upcoming within 72 hours 365-day streak before every exam per paycheck asdf qwer"
).split()

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(VOCAB), max_size=60).map(" ".join),
    st.text(alphabet=string.punctuation + " ", max_size=300),
    st.text(alphabet=string.digits + " /.,:-%", max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0x80, max_codepoint=0x10FFFF), max_size=200),
)
contexts = st.one_of(
    st.none(),
    st.builds(
        ScoringContext,
        confidence=st.one_of(st.none(), st.integers(-5, 15)),
        support=st.text(max_size=20),
        baseline=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
        target=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
        direction=st.one_of(st.none(), st.sampled_from(["increase", "decrease", "at_most", "at_least", "done", "sideways"])),
        deadline=st.one_of(st.none(), st.dates()),
        start=st.one_of(st.none(), st.dates()),
        why=st.text(max_size=20),
        vision=st.text(max_size=60),
        values=st.lists(st.text(max_size=10), max_size=3).map(tuple),
        objectives=st.lists(st.text(max_size=20), max_size=3).map(tuple),
        parent=st.text(max_size=30),
        supports_vision=st.booleans(),
    ),
)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def assert_well_formed(text: str, report: SmartReport) -> None:
    assert isinstance(report, SmartReport)
    assert set(report.criteria) == set("SMART")
    assert 0 <= report.overall <= 100
    assert not report.flag("internal_error")
    for key, c in report.criteria.items():
        assert c.level in LEVELS
        assert 0.0 <= c.score <= 1.0
        assert (c.advice == "") == (c.level == "met")
        for e in c.evidence:
            assert 0 <= e.start < e.end <= len(text), (key, e)
            assert e.kind in KINDS and e.rule in RULE_IDS
    for f in report.flags:
        assert f.message
        if f.start is not None:
            assert 0 <= f.start < f.end <= len(text)
    assert report.is_smart == (
        all(report.criteria[k].level == "met" for k in "SMT") and "missing" not in (report.criteria["A"].level, report.criteria["R"].level)
    )
    segments = highlight_segments(text, report)
    assert "".join(s for s, _ in segments) == text
    assert all(s for s, _ in segments)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, context=contexts, today=days)
def test_any_text_gives_a_well_formed_report(text: str, context: ScoringContext | None, today: date) -> None:
    report = score_goal(text, context, today)
    assert_well_formed(text, report)


@settings(max_examples=100, deadline=None)
@given(text=texts, today=days)
def test_scoring_is_deterministic(text: str, today: date) -> None:
    assert score_goal(text, today=today) == score_goal(text, today=today)


@settings(max_examples=25, deadline=None)
@given(unit=st.text(min_size=1, max_size=12), today=days)
def test_ten_thousand_characters(unit: str, today: date) -> None:
    text = (unit * (10_000 // len(unit) + 1))[:10_000]
    assert_well_formed(text, score_goal(text, today=today))


# Fragments that start many partial matches at once: a pattern that backtracks badly on them
# would take minutes on 10,000 characters; the suite's timeout (pyproject.toml) guards against
# such a hang. This is not a speed test: benchmarks/scorer.py measures speed.
FRAGMENTS = [
    "become a ", "make the ", "currently ", "X ", "[", "___", "<", "{", "by ", "within ", "every ",
    "10kg", "3x", "x1 ", "/week", "top-", "1st ", "a B+ ", "level ", "The ", "ALL ", "get into ",
    "complete the ", "before every ", "-day ", "free ", "whole ", "my ", "the the ", "a a ", "1 ",
    "Mon/", "Monday, ", "and ", "by race ", "day ", "finish the ", "bake a ", "all my ", "for 3 months ",
    "at least ", "to improve ", "by sharing ", "so that ", "weekly ", "Year 5 ", "back in 2015 ", "'s ",
    "donate ", "go to a ", "clean out ", "learn to ", "who ", "if ", "stop smoking ", "3 out of 4 weeks ",
    "make sure she ", "web/", "in my ", "build an own ",
]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), today=days)
def test_adversarial_ten_thousand_characters(parts: list[str], today: date) -> None:
    unit = "".join(parts)
    text = (unit * (10_000 // len(unit) + 1))[:10_000]
    assert_well_formed(text, score_goal(text, today=today))


@pytest.mark.parametrize("text", ["", " ", "\n\t", "....", "1234567890", "!!!", "\x00", "\ud800", "İ" * 50, "a" * 10_000])
def test_edge_texts(text: str) -> None:
    assert_well_formed(text, score_goal(text))


def test_not_a_string_is_read_as_one() -> None:
    assert score_goal(None).criteria["S"].level == "missing"  # type: ignore[arg-type]
    assert_well_formed("2027", score_goal(2027))  # type: ignore[arg-type]


def test_very_long_input_is_scored_on_its_start() -> None:
    text = "Pass the PMP exam by March 2027. " + "x" * 100_000
    report = score_goal(text)
    assert report.criteria["T"].level == "met"
    assert all(e.end <= len(text) for c in report.criteria.values() for e in c.evidence)


def test_overall_is_monotone_in_every_criterion() -> None:
    order = {"missing": 0, "partial": 1, "unknown": 1, "met": 2}
    for combo in itertools.product(LEVELS, repeat=5):
        levels = dict(zip(WEIGHTS, combo, strict=True))
        base = overall_score(levels)
        assert 0 <= base <= 100
        for key in WEIGHTS:
            for better in LEVELS:
                if order[better] >= order[levels[key]]:
                    assert overall_score({**levels, key: better}) >= base
    assert overall_score(dict.fromkeys(WEIGHTS, "met")) == 100
    assert overall_score(dict.fromkeys(WEIGHTS, "missing")) == 0


def test_report_is_immutable_and_shareable() -> None:
    report = score_goal("Lead a team of at least 10 people within five years.")
    with pytest.raises(TypeError):
        report.criteria["S"] = report.criteria["M"]  # type: ignore[index]
    with pytest.raises(TypeError):
        report.criteria.pop("S")
    with pytest.raises(AttributeError):
        report.overall = 0  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(report)) == report
    assert deepcopy(report) == report
    assert asdict(report)["criteria"]["S"]["level"] == "met"
    assert report.to_dict()["criteria"]["T"]["evidence"][0]["kind"] == "duration"
    assert hash(report.criteria["S"]) == hash(score_goal("Lead a team of at least 10 people within five years.").criteria["S"])
