"""Round ten of issue 11: shapes of goals that other people write and the scorer read too
strictly. Each table is one structure, in our own words.

A case reads "SMt": a capital letter is a criterion met, a small one is not met.
"""

from __future__ import annotations

import pytest

from tests.core.smart_verdicts import check, family_cases

# A time frame given as a bound ("in under 18 months") is a deadline: no later than that. Hours
# and minutes still measure how long the deed takes, not when it is due.
BOUNDED_TIME_FRAMES = [
    ("Work my way into a shift lead role in under two years", "SMT"),
    ("Pass the driving test in less than six months", "SMT"),
    ("Pay off the van in under 3 years", "SMT"),
    ("Finish the 10k in under an hour", "SMt"),
    ("Lose weight in under 3 weeks", "smT"),
]

# Nouns whose endings usually make abstract words ("-ity", "-ship", "-ness") can still name a place,
# a group or a post; the abstract ones stay abstract.
THINGS_WITH_ABSTRACT_ENDINGS = [
    ("Pledge a fraternity", "SMt"),
    ("Apply to a university abroad by March", "SMT"),
    ("Land a summer internship", "SMt"),
    ("Visit two new cities this year", "SMT"),
    ("Camp in the wilderness for a week", "SMT"),
    ("Find an opportunity", "smt"),
    ("Gain an ability", "smt"),
    ("Improve my productivity", "smt"),
]

# "have" with a past participle states the deed as done by then ("plan to have started ..."): it
# reads as the plain verb would. "have been", "have had" do no deed of their own.
PERFECT_TENSE = [
    ("Plan to have started my nursing degree by 2028", "SMT"),
    ("Hope to have visited Lisbon before I turn 40", "SMT"),
    ("By June I will have written the first draft of my thesis", "SMT"),
    ("Having finished the safety course, apply for the foreman post", "SMt"),
    ("I have been a nurse for years", "Smt"),
    ("Have improved my skills by May", "smT"),
]

# A list item that names a thing and then the deed done to it, with no verb before it.
THING_THEN_DEED = [
    ("Car loan paid off by 2028", "SMT"),
    ("Spare room cleared out", "SMt"),
    ("Second quilt finished before Christmas", "SMT"),
    ("Old bike sold", "SMt"),
    ("Debt paid off", "smt"),  # which debt? still broad
    ("Goals set", "smt"),
    ("Team motivated", "smt"),
]

# "do" with one counted thing is one go at it, done or not; "do a good job" stays open.
DOING_ONE_THING = [
    ("Do a chin-up by my birthday", "SMT"),
    ("I want to be able to do a cartwheel", "SMt"),
    ("Do a sprint triathlon next summer", "SMT"),
    ("Do a good job", "smt"),
    ("Do a lot more", "smt"),
]

# "some" before a time word says when, vaguely (T's question), and leaves the deed as it is.
SOME_DAY = [
    ("Some day I would love to do a backflip", "SMt"),
    ("At some point, hike a volcano", "SMt"),
    ("Read some books", "Smt"),  # how many is left open: M's question
]

# Learning to work one counted thing ends when the thing can be worked, even with a verb that
# goes on by nature ("use", "operate"); a skill with no thing ("learn to knit") has no finish.
LEARNING_A_TOOL = [
    ("Learn how to use a sewing machine", "SMt"),
    ("Learn to operate a ride-on mower by spring", "SMT"),
    ("Learn to use a new skill", "smt"),
    ("Learn to knit", "Smt"),
]

# School stages and occasions said the way students and families say them.
SCHOOL_AND_HOME_TIMES = [
    ("Earn a B in physics first term", "SMT"),
    ("Make the debate team my sophomore year", "SMT"),
    ("Hike one trail together on the weekends", "SMT"),
    ("Paint the fence in time for summer", "SMT"),
    ("Meet my new team during the first couple of weeks", "SMT"),
    ("Print my senior year portfolio", "SMt"),  # the year names the portfolio
]

FAMILIES = {
    "a time frame given as a bound": BOUNDED_TIME_FRAMES,
    "things with abstract-looking endings": THINGS_WITH_ABSTRACT_ENDINGS,
    "the perfect tense": PERFECT_TENSE,
    "a thing, then the deed done to it": THING_THEN_DEED,
    "doing one counted thing": DOING_ONE_THING,
    "some day": SOME_DAY,
    "learning to work one thing": LEARNING_A_TOOL,
    "school stages and home occasions": SCHOOL_AND_HOME_TIMES,
}
CASES = family_cases(FAMILIES)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_shape(text: str, expected: str) -> None:
    check(text, expected)
