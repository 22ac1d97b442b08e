"""Round ten of issue 11: shapes of goals that other people write and the scorer read too
strictly. Each table is one structure, in our own words.

A case reads "SMt": a capital letter is a criterion met, a small one is not met.
"""

from __future__ import annotations

import pytest

from tests.core.smart_verdicts import check

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

FAMILIES = {
    "a time frame given as a bound": BOUNDED_TIME_FRAMES,
    "things with abstract-looking endings": THINGS_WITH_ABSTRACT_ENDINGS,
}
CASES = [pytest.param(text, expected, id=f"{family}: {text}") for family, rows in FAMILIES.items() for text, expected in rows]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_shape(text: str, expected: str) -> None:
    check(text, expected)
