"""Round three of issue 11: structures that hold across domains, read from goals the rules had
not been written from. Each table is one structure, in our own words.

A case reads "SMt": a capital letter is a criterion met, a small one is not met.
"""

from __future__ import annotations

import pytest

from career_core.smart import score_goal
from tests.core.smart_verdicts import TODAY, verdict

# Verbs written as gerunds, the way lists of goals often are: the -ing form does what the verb does.
GERUNDS = [
    ("Paying off the van loan", "SMt"),
    ("Selling my old bike before spring", "SMT"),
    ("Buying a second-hand piano", "SMt"),
    ("Paying off debt", "smt"),  # which debt? still broad
    ("Growing my savings", "smt"),  # still a change with no target
    ("I am going to pay down debt", "smt"),  # "going to" says when, not what
]

# The whole of the current period named with "for the", and a month named as "the month of".
WHOLE_PERIODS = [
    ("Read 30 novels for the year", "SMT"),
    ("Log 1,200 km on my bike for the whole year", "SMT"),
    ("Walk 8,000 steps a day in the month of March", "SMT"),
    ("Write a cover letter for the job in March", "SMT"),
]

# "prior to" is "before".
PRIOR_TO = [
    ("Finish the safety course prior to my next appraisal", "SMT"),
    ("Submit the grant application prior to June", "SMT"),
]

# A word of size before a concrete thing says which thing, not how much.
SIZES = [
    ("Lead a small project before the summer", "SMT"),
    ("Organise a little workshop for new volunteers", "SMt"),
    ("Eat small portions at dinner", "smt"),
    ("Manage a bigger team", "smt"),  # a comparative is still a direction
]

# Times written the short way: a count glued to "x" before a slash, a share of weeks left aside,
# a frame looked back on or made small ("the past two months", "a mere 6 weeks"), a numbered day,
# the working week, a month after "for", and the next visit as an occasion.
TIMES = [
    ("Stretch for 10 minutes 3x/week", "SMT"),
    ("Write 500 word/day on the draft", "SMT"),
    ("I grew the mailing list by 300 in a mere 6 weeks", "SMT"),
    ("Over the past two months I read 8 plays", "SMT"),
    ("On day one, unpack the kitchen boxes", "SMT"),
    ("No snacking during the work week", "SMT"),
    ("Plan the meals for October", "SMT"),
    ("Lose 2 kg by my next clinic visit", "SMT"),
    ("Fund the trip by selling old records", "SMt"),  # a means, not an occasion
    ("Keep a day/night rhythm", "smt"),
]


@pytest.mark.parametrize(("text", "expected"), GERUNDS + WHOLE_PERIODS + PRIOR_TO + SIZES + TIMES)
def test_structure(text: str, expected: str) -> None:
    assert verdict(text) == expected


# "a" or "an" before a concrete thing is a count of one: the goal points at one thing. A thing
# described by a wish ("a job that I enjoy") points at none; bare plurals stay loose.
ONE_THING = [
    ("Teach a cousin to use a tablet", "met"),
    ("Eat a pear with my lunch instead of crisps", "met"),
    ("Work in a team with a lead who listens", "partial"),
    ("Coach a junior analyst through her first audit", "met"),
    ("Lead a team in building the booking page", "met"),
    ("Host a book swap for our street", "met"),
    ("Find a job that I enjoy", "partial"),
    ("Get a role where people value me", "partial"),
    ("Coach junior analysts", "partial"),
]


@pytest.mark.parametrize(("text", "level"), ONE_THING)
def test_a_count_of_one_pins_the_object(text: str, level: str) -> None:
    assert score_goal(text, today=TODAY).criteria["S"].level == level


# An act done or not done: a verb where a goal's verb stands, on a concrete thing, that ends
# when it is done. It is specific and measurable; one that goes on, or waits on a condition, is not.
ACTS = [
    ("Donate platelets", "SMt"),
    ("Go kayaking this summer", "SMT"),
    ("Sleep in a tent in the back garden", "SMt"),
    ("installing a water butt", "SMt"),
    ("By spring I'll be able to climb the hill to the church", "SMT"),
    ("Clean out the loft", "SMt"),
    ("To visit a glass museum with my niece", "SMt"),
    ("Coach direct reports", "smt"),
    ("Make new friends", "smt"),
    ("Keep a gratitude journal", "Smt"),  # one journal is specific; keeping it goes on, so no finish line
    ("Book a dentist if the tooth keeps aching", "Smt"),  # which dentist is plain; whether, not
    ("Get a role with a boss who trusts me", "smt"),
]

# The means of an open end ("by ...ing") says how, not how much: a deliverable in it does not
# measure the end, unless the means itself has a rhythm or a count.
MEANS = [
    ("Grow my confidence by joining a choir", "smt"),
    ("Grow my confidence by singing in a choir every week", "SMT"),
    ("Join a choir to grow my confidence", "SMt"),
]

# Doing without something one consumes is a bound of zero: specific and measurable. Not doing a
# way of behaving says what not to do, not what to do.
RESTRAINT = [
    ("Stop smoking", "SMt"),
    ("No fizzy drinks on weeknights", "SMT"),
    ("Quit buying coffee on the way to work", "SMt"),
    ("Stop using my credit card for groceries", "SMt"),  # "use" what one spends or consumes
    ("Say no to sweets after dinner", "SMt"),
    ("Refrain from eating snacks at my desk this month", "SMT"),
    ("Say no to new commitments", "smt"),  # a way of behaving, not a thing consumed
    ("Stop micromanaging the new hires", "smt"),
    ("Never be late again", "smt"),
]

# A named skill is specific, though when it is learnt is open; a verb that ends needs no object
# when "to" names what for ("enrol to study"); a verb that grows a thing or an amount grows a
# thing when it is counted or one's own; a concrete word before an abstract head only says what
# kind; an irregular plural is still an everyday word.
MORE_ACTS = [
    ("Learn how to juggle", "Smt"),
    ("learning to sew", "Smt"),
    ("Learn to be calmer", "smt"),
    ("Register to donate bone marrow", "SMt"),
    ("Grow my own herbs on the balcony", "SMt"),
    ("Raise a litter of kittens for the shelter", "SMt"),
    ("Grow my audience", "smt"),
    ("Build a habit of reading", "smt"),
    ("Set up a workout ritual", "smt"),
    ("Brush my teeth twice a day", "SMT"),
]

# Building up a store of money adds to an amount; opening one is done. An ordinal names one
# draft; an acronym after "my" is a name. Time spent with no amount is open.
AMOUNTS_AND_NAMES = [
    ("Build a rainy-day fund", "Smt"),  # which fund is plain; how much is not
    ("Open a savings account for my son", "SMt"),
    ("Finish the second draft of my play during the spring", "SMT"),
    ("Max out my company ISA", "SMt"),
    ("Spend time with my grandparents", "smt"),
    ("Spend two hours with my grandparents every Sunday", "SMT"),
    ("Make progress on my thesis", "smt"),
]

# A wish about what someone else does or feels is their act, not one's own deliverable; a
# number still pins it down.
OTHERS = [
    ("I want my neighbours to love the new garden", "smt"),
    ("Make sure he gets his driving licence", "smt"),
    ("I want my pupils to read 10 books each this term", "SMT"),
]

# A verb with no object is made specific by where it happens, once a rhythm says how often;
# a particle ends an act that a counted place or group follows.
PLACES = [
    ("Blog every week on my club's website", "SMT"),
    ("Sketch daily in my pocket notebook", "SMT"),
    ("Speak up in meetings", "smt"),
    ("Turn up for all my shifts", "SMt"),
]


@pytest.mark.parametrize(("text", "expected"), ACTS + MEANS + RESTRAINT + MORE_ACTS + AMOUNTS_AND_NAMES + OTHERS + PLACES)
def test_acts_and_means(text: str, expected: str) -> None:
    assert verdict(text) == expected
