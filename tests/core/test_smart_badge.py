"""The badge: "SMART" only when all five criteria are met; sharp wording waiting for the person
is said in words, with the fields that would settle it (issue 11, part 3)."""

from __future__ import annotations

from datetime import date

import pytest

from career_core.smart import ScoringContext, badge, score_goal

TODAY = date(2026, 10, 15)
SHARP = "Pass the first-aid course by March 2027"
SURE = ScoringContext(confidence=8)
WHY = ScoringContext(why="I want to help if someone collapses at work", supports_vision=True)
BOTH = ScoringContext(confidence=8, why="I want to help if someone collapses at work", supports_vision=True)

CASES = [
    # (goal, context, label, smart, words in the verdict, fields it asks for)
    (SHARP, BOTH, "SMART", True, "SMART:", ()),
    (SHARP, None, "Sharp wording", False, "add how confident you are and why it matters", ("confidence", "why")),
    (SHARP, SURE, "Sharp wording", False, "add why it matters", ("why",)),
    (SHARP, WHY, "Sharp wording", False, "add how confident you are", ("confidence",)),
    (SHARP, ScoringContext(confidence=3, why="It matters to me", supports_vision=True), "Sharp wording", False, "within reach", ("confidence",)),
    ("Try to pass the first-aid course by March 2027", BOTH, "Sharp wording", False, "within reach", ("confidence",)),
    ("Improve Marketing", BOTH, "Not SMART yet", False, "specific, measurable and time-bound", ()),
    ("Pass the first-aid course", BOTH, "Not SMART yet", False, "make it time-bound", ()),
    ("Pass the first-aid course by March 2021", BOTH, "Not SMART yet", False, "date has passed", ()),
]


@pytest.mark.parametrize(("text", "context", "label", "smart", "words", "needs"), CASES)
def test_badge(text: str, context: ScoringContext | None, label: str, smart: bool, words: str, needs: tuple[str, ...]) -> None:
    b = badge(score_goal(text, context, today=TODAY))
    assert (b.label, b.smart, b.needs) == (label, smart, needs)
    assert words in b.verdict and b.verdict.startswith(label)


def test_the_badge_is_stricter_than_is_smart() -> None:
    report = score_goal(SHARP, today=TODAY)
    assert report.is_smart  # the contract: S, M, T met and neither A nor R missing
    assert not badge(report).smart  # the badge waits for A and R
