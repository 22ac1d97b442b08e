"""Families of the thirteenth round: counts and scopes said without a number, and clauses that
say when or how others see one rather than what one does. Every sentence here is our own.

A case reads "SMt": a capital letter is a criterion met, a small one is not met.
"""

from __future__ import annotations

import pytest

from tests.core.smart_verdicts import check, family_cases

FAMILIES = {
    # "a" or "an" counts one thing per period as surely as "one" does; a stretch before or after
    # an occasion, or a span from now, is no rhythm.
    "one per period": [
        ("Eat a pear a day", "SMT"),
        ("Phone an old friend a week", "SMT"),
        ("Write a haiku a night", "SMT"),
        ("Send the first draft a week before the launch", "SMT"),
        ("Be a charge nurse a year from now", "SMT"),
        ("Do a good deed a day", "sMT"),  # counted, but "good" leaves the deed open
    ],
    # A period told by its end, in a clause of its own, is a deadline like "by the end of the
    # month"; "until I feel ready" names no period.
    "a period told by its ending": [
        ("Read the whole trilogy by the time the school term ends", "SMT"),
        ("Reupholster the armchair before this year is out", "SMT"),
        ("Cycle to work each day until the term is over", "SMT"),
        ("Keep practising until I feel ready", "smt"),
    ],
    # Quotes round a single capital letter make it a grade even in a text with no other word of
    # marks; a quoted title that starts with "A" stays a title.
    "a grade in quotes": [
        ('Earn an "A" in organic chemistry this spring', "SMT"),
        ('Get a "B+" on the statistics final', "SMt"),
        ('Read "A Year in the Hills" this month', "SMT"),
    ],
    # After "a", "the" or "my", "graduate" names a kind of study, not the act of graduating.
    "graduate as a kind of study": [
        ("Look into a graduate landscape programme", "smt"),
        ("Graduate from art college in June 2028", "SMT"),
        ("Graduate with a diploma in landscaping", "SMt"),
    ],
    # Buying nothing beyond what one names (or beyond one way of paying) is a bound of zero on
    # the rest: done or not done, and what is left is plain.
    "buying nothing beyond what is named": [
        ("Spend nothing but bus fares and rent", "SMt"),
        ("I won't spend anything except on rent and the phone bill", "SMt"),
        ("Until payday we won't purchase anything besides rent and food", "SMt"),
        ("I will never purchase anything else on a store card", "SMt"),
        ("I will not spend anything", "smt"),  # no exception: what is kept is not said
    ],
    # A way of eating or drinking kept or not ("stay sober", "go vegan") is a state reached, like
    # "alcohol-free": specific and done or not done; a vegan dish is only a kind of dish.
    "a kept diet": [
        ("Remain vegan for the whole of next month", "SMT"),
        ("Go teetotal for six weeks", "SMT"),
        ("Go vegan", "SMt"),
        ("Cook something vegan", "smt"),
    ],
    # A body one joins or finds, counted by "a", is one thing the act ends on, though the same
    # word as a whole ("grow the company") is broad.
    "one body among many": [
        ("Join a society for amateur astronomers", "SMt"),
        ("Find a charity to volunteer with this spring", "SMT"),
        ("Grow a bakery firm", "smt"),
        ("Grow the company", "smt"),
    ],
    # "each" or "every" as the object of an act counts the whole scope, done or not ("proofread
    # every chapter"); after a verb that goes on ("keep"), after a preposition ("with each of
    # my cousins") or over a scope that grows with what one will do ("each loaf that I bake"),
    # it stays partial.
    "an act on every one of them": [
        ("Proofread every chapter of the manual", "SMt"),
        ("I will thank each volunteer in person", "SMt"),
        ("Knit each of my godchildren a hat before winter", "SMT"),
        ("Keep every bus ticket", "Smt"),
        ("Spend an afternoon with each of my cousins", "Smt"),
        ("Photograph each loaf that I bake", "Smt"),
    ],
    # "free of X" says what "X-free" says, and a goal that is only the state, with no verb, is
    # still a state reached; freedom from a feeling is no state one can check.
    "free of something": [
        ("Be free of fizzy drinks by the summer", "SMT"),
        ("Overdraft free by June", "SMT"),
        ("Car Finance Debt Free by 2029.", "SMT"),
        ("Be free from worry", "smt"),
    ],
    # An activity counted by "a" is one thing ("keep a sketching journal", "go for a swim"), as
    # "a puppy" is; the count must belong to it ("a kettle and journal" counts the kettle).
    "an activity counted as one": [
        ("Keep a journal of tide times", "Smt"),
        ("Go for a long swim in the lake", "Smt"),
        ("Journal", "smt"),
    ],
    # One capital with digits after it is a code that names one thing (a test level, a peak, a
    # vitamin); a quarter ("Q3") stays a time.
    "a code of one letter and digits": [
        ("Sit the N3 in December", "SMT"),  # which test is plain; the deadline closes the sitting
        ("Sit the N3", "Smt"),  # with no deadline, sitting it stays M's question
        ("Take vitamin D3 with breakfast", "Smt"),
        ("Hit my Q3 targets", "smT"),
    ],
    # A habit tied to an occasion of every day, named bare ("after breakfast", "before bed"),
    # says when it happens, so it is specific; it sets no count and no time frame.
    "a habit on an everyday occasion": [
        ("Floss after breakfast", "Smt"),
        ("Write down new words during class", "Smt"),
        ("Jog before work", "Smt"),
        ("Be happier after work", "smt"),
        ("Call the plumber before work tomorrow", "SMT"),
    ],
    # Money saved for a purchase named after it is as specific as saving for that purchase; how
    # much stays open. Money for a need with no thing named stays vague.
    "money saved for a purchase": [
        ("Save money for a house deposit", "Smt"),
        ("Save money to buy a narrowboat", "Smt"),
        ("Save money for unexpected bills", "smt"),
    ],
    # A verb with "myself" before a preposition acts on whom or what it reaches ("introduce
    # myself to the head teacher"), done or not; "push myself to run" hands over to the next verb,
    # and "put myself out there" is a way of speaking.
    "an act on oneself that reaches someone": [
        ("Introduce myself to the head teacher", "SMt"),
        ("Treat myself to a massage", "SMt"),
        ("Push myself to run", "smt"),
        ("Put myself out there", "smt"),
    ],
    # "do my best to ..." is a way out (A's hedge), not an open result: the goal is what follows
    # "to"; "do my best" alone still says nothing one can check.
    "doing one's best as a hedge": [
        ("Each Sunday I'll do my best to upload my sketches to the club site", "SMT"),
        ("Try my best to be kinder", "smt"),
        ("Do my best at work", "smt"),
    ],
    # An occasion named by what it is for ("a date night", "a catch-up evening") is a concrete
    # thing, as "a game night" is; "at night" alone is only a time of day.
    "an occasion named by its purpose": [
        ("Book a date night every other Saturday", "SMT"),
        ("Hold a catch-up evening with my sisters", "Smt"),
        ("Go to bed earlier at night", "smt"),
    ],
    # A thing one finishes or finds, described by a liking ("a running plan I enjoy"), is left
    # to a feeling: there is no one thing to tick off. A plain relative clause still describes.
    "a thing chosen by a liking": [
        ("Find a running plan I enjoy", "Smt"),
        ("Write a report that sums up the survey", "SMt"),
    ],
    # Moving between places one belongs to, said with a bare plural ("change teams"), is done or
    # not done; which one is left open. A plural that is no such place ("change habits") is not.
    "a move between places one belongs to": [
        ("Change teams within the hospital", "SMt"),  # the hospital says where
        ("Switch careers by 2028", "sMT"),
        ("Change habits", "smt"),
    ],
    # "learn" before a pastime named bare ("learn violin") names the skill as "learn to play the
    # violin" does: specific, with no finish line; an open amount of it ("learn more yoga") is not.
    "a pastime learnt": [
        ("Learn violin", "Smt"),
        ("I'd like to learn tap dancing", "Smt"),
        ("Learn more yoga", "smt"),
    ],
    # A standing others grant in a field ("an industry leader in", "the leader in the bakery scene") is
    # no post to take; a named post ("a team leader", "the leader of the choir") still is.
    "a standing, not a post": [
        ("Become an industry leader in bike repairs", "smt"),
        ("Become a recognised leader in ceramics circles", "smt"),
        ("Become the leader in the regional bakery scene within a year", "SmT"),
        ("Become a team leader in my department by 2028", "SMT"),
        ("Be the leader of the church choir", "SMt"),
    ],
    # What is finished inside a clause of time after the goal marks the moment ("... before I
    # start a design course"); the goal is what comes before it. A goal that is itself finished
    # before the moment keeps its finish line.
    "a completion that only says when": [
        ("Grow more confident with figures before I start a bookkeeping course", "smt"),
        ("Get calmer about public speaking after we open the second shop", "smt"),
        ("Finish my thesis before I start my new job", "SMt"),
        ("My aim before I turn thirty was to become a certified electrician", "SMT"),
        ("Sell the van before we move to Cork", "SMt"),
    ],
}


@pytest.mark.parametrize(("text", "expected"), family_cases(FAMILIES))
def test_round_thirteen_families(text: str, expected: str) -> None:
    check(text, expected)
