"""Round seven of issue 11: structures found in goals other people wrote, each read by its shape.

Every sentence here is our own. A case reads "SMt": a capital letter is a criterion met, a small
one is not met (tests/core/smart_verdicts.py).
"""

from __future__ import annotations

import pytest

from career_core.smart import score_goal
from tests.core.smart_verdicts import TODAY, verdict

# An age is a deadline however it is said: after "you" as well as "I", as "turning N", and as a
# bare number closing the clause after "by" ("mortgage-free by 52") unless a change of an amount
# waits for that number ("trim costs by 25.").
AGES = [
    ("Own a rental flat outright before you turn 45", "SMT"),
    ("Have two years of salary put aside by the time you reach 50", "SMT"),
    ("Run the Dublin marathon before turning forty", "SMT"),
    ("I want to be mortgage-free by 52.", "SMT"),
    ("Sail the Baltic by 35", "SMT"),
    ("Lose 8 kg by 40", "SMT"),
    ("Trim our print costs by 25.", "SMt"),
    ("Raise the reading scores by 15", "SMt"),
]

# A state reached or not may name what is gone in more than one word.
FREE_STATES = [
    ("Be car loan debt free", "SMt"),
    ("Become credit card debt-free this year", "SMT"),
    ("Feel more worry free", "smt"),
]

# A list item with no verb headed by a time word names the thing done: after a cadence it is a
# habit on that rhythm, after a single stretch of time an outing done once. An open or abstract
# thing after the time word, or a sentence, is not such an item.
TIME_ITEMS = [
    ("Weekly board-game nights", "SMT"),
    ("Monthly pottery classes", "SMT"),
    ("Nightly foot stretches", "SMT"),
    ("Day trip to the coast with my aunt", "SMt"),
    ("Weekend away in the Lake District", "SMt"),
    ("Night hike up the hill", "SMt"),
    ("Weekly goals", "sMT"),
    ("Daily improvement", "sMT"),
    ("Day one", "smt"),
]

# Acts the word lists lack, read by their shape: a pastime named by two everyday words run
# together is taken up once ("begin beekeeping"), unlike an everyday verb ("start running"); an
# adverb may stand between "go" and the school one goes on to.
UNLISTED_ACTS = [
    ("Begin woodworking", "SMt"),
    ("Take up birdwatching next spring", "SMT"),
    ("Start stargazing with my niece", "SMt"),
    ("Start jogging", "smt"),
    ("Start exercising", "smt"),
    ("Go straight to medical school", "SMt"),
    ("Go on to university after the gap year", "SMt"),
    ("Go directly to nursing school in 2028", "SMT"),
]

# A rate after a level to reach is the unit of the target, not a rhythm: it sets no time frame.
# A daily level, a limit on a habit and a count done on a rhythm stay rhythms.
RATE_TARGETS = [
    ("Reach 5,000 readers a month", "SMt"),
    ("Grow the podcast to 800 listeners per week", "SMt"),
    ("Grow the podcast to 800 listeners per week by December", "SMT"),
    ("Get my steps up to 9,000 a day", "SMT"),
    ("Cut sugar to 25 g a day", "SMT"),
    ("Publish 2 videos a week", "SMT"),
]

# A run of capitals after a lowercase word that says what is done is a title, not Title Case:
# the writer capitalises only the name.
TITLES = [
    ("Finish reading The Silent Orchard", "SMt"),
    ("finish reading The Blue Lantern by May", "SMT"),
    ("Improve My Public Speaking Skills", "smt"),  # Title Case throughout: no name
]

# A goal told after the fact keeps its time frame: "last year", "this past summer" are dated. The
# date is gone, so in the app T is only partly met and the advice asks for a new date; the
# evaluation, which judges the wording, counts it met. "More than last year" is a point of
# comparison, not a time frame.
NARRATED = [
    ("My target last year was to read 40 books", "partial"),
    ("Last autumn I ran my first 10K", "partial"),
    ("Sell 20 more cakes than last year", "missing"),
]


@pytest.mark.parametrize(("text", "t_level"), NARRATED)
def test_narrated_goal_is_dated_but_gone(text: str, t_level: str) -> None:
    assert score_goal(text, today=TODAY).criteria["T"].level == t_level

# A stage of a programme counted from its start is a time frame ("by the end of the third year",
# "in month 18"); a stage that describes who ("first year students") is not.
STAGES = [
    ("Submit a full draft of one chapter by the end of the third year", "SMT"),
    ("In my final semester, publish one paper", "SMT"),
    ("Reach $2,000 in monthly sales in month 18", "SMT"),
    ("Mentor two first year students", "SMt"),
]


@pytest.mark.parametrize(("text", "expected"), STAGES + AGES + FREE_STATES + TIME_ITEMS + UNLISTED_ACTS + RATE_TARGETS + TITLES)
def test_reading(text: str, expected: str) -> None:
    assert verdict(text) == expected
