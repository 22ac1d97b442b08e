"""Round five of issue 11: readings a goal's words can take, each decided by structure.

"every" can count a scope or set a rhythm; a day range or a daily anchor is a cadence; a
one-off outing ends when it is done; an open object or a manner ("on time") leaves no finish
line; a rate inside a target is a unit of the measure; a distance names an event. Every
sentence here is our own.

A case reads "SMt": a capital letter is a criterion met, a small one is not met.
"""

from __future__ import annotations

import pytest

from tests.core.smart_verdicts import verdict

# "every ... (at least) once" counts a scope (each of them, one time), not a rhythm; "at every
# meeting" is still an occasion that comes round, and "once a week" still a rate.
SCOPE_ONCE = [
    ("Try every food stall at the harbour market at least once", "SMt"),
    ("Go to every home match of the club at least once", "SMt"),
    ("Eat at each cafe on the high street once", "SMt"),
    ("Ask one question at every team meeting at least once", "SMT"),
    ("Attend every spin class once a week", "SMT"),
    ("Save $50 from every paycheck", "SMT"),
]

# A cadence without "every": a range of weekdays, an anchor in the day, a pay cycle.
CADENCES = [
    ("Cycle 12 km to work Monday through Friday", "SMT"),
    ("Practise the violin for 20 minutes from Monday to Friday", "SMT"),
    ("Drink a glass of water first thing in the morning", "SMT"),
    ("Put $45 into the holiday fund at each pay period", "SMT"),
    ("Run 3 km every other day", "SMT"),
    ("Cook dinner from scratch each weekend", "SMT"),
    ("Read to my son for 15 minutes on weekdays", "SMT"),
    ("Take Friday to Sunday off for the festival", "SMt"),  # a span taken once, not a rhythm
]


# A one-off outing or experience is done or not done (harvest conventions: "run a marathon"), even
# when the pastime is a word no dictionary of ours knows; a habit or an open wish is not.
ONE_OFFS = [
    ("Go kitesurfing on the north coast", "SMt"),
    ("Go parasailing before I turn forty", "SMT"),
    ("Try paragliding", "SMt"),
    ("Try Wakeboarding This Summer", "SMT"),
    ("Ride a camel in the desert", "SMt"),
    ("Watch a meteor shower from the hills", "SMt"),
    ("Go snowshoeing in the Jura", "SMt"),  # a word no list knows, made of two everyday ones
    ("Go abseiling down the quarry face", "SMt"),  # one of the few a list must name
    ("Go qwerting", "smt"),  # a made-up word is no pastime
    ("Try blorfing this summer", "smT"),
    ("Try cooking", "smt"),  # an everyday pastime: one go says nothing
    ("Try walking more", "smt"),
    ("Try something new", "smt"),
]


# An open object has no finish line: a kind of thing ("a hobby") is not one thing, and a completion
# whose point is its manner ("on time") says how, not what done is, unless the things are counted.
OPEN_OBJECTS = [
    ("Pick up a new hobby", "smt"),
    ("Find a pastime that relaxes me", "smt"),
    ("Feel healthier", "smt"),
    ("Finish my assignments on time", "Smt"),
    ("Ship the website redesign on schedule", "Smt"),
    ("Hand in all eight lab reports on time this term", "SMT"),
    ("Pay every bill on time for the next six months", "SMT"),
    ("Take up the cello", "SMt"),  # one named pastime is one thing
    ("Answer each customer email in a timely manner", "SMt"),
]

# A distance can name the event rather than set a target: "my 10K time" is which race, not how
# much; in Title Case too, where capitals say nothing. Running the distance, or beating a time,
# is still a measure.
DISTANCES = [
    ("Improve My 10K Time", "smt"),
    ("Get Faster At The Half Marathon", "smt"),
    ("Work on my 5K pace this spring", "smT"),
    ("Run A Half Marathon In October", "SMT"),
    ("Walk 12 Miles For Charity", "SMt"),
    ("Beat My 5K Time By June", "SMT"),
    ("Get my 10K time under 50 minutes", "SMt"),
]

# An age is a deadline ("by age 35", "before I turn forty"); a bare number after "by" stays an amount.
AGES = [
    ("Sell my first painting before I turn thirty", "SMT"),
    ("Have six months of expenses saved by age 30", "SMT"),
    ("Visit 25 national parks before 40.", "SMT"),
    ("Cut late deliveries by 20.", "SMt"),
]


@pytest.mark.parametrize(("text", "expected"), SCOPE_ONCE + CADENCES + ONE_OFFS + AGES + OPEN_OBJECTS + DISTANCES)
def test_reading(text: str, expected: str) -> None:
    assert verdict(text) == expected
