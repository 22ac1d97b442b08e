"""Where careful readers say "specific" and a strict scorer would not (issue 11, sixth round).

Each family is a structure of language, not a phrase: "some" before a concrete thing, a
judging word inside a name, an amount left to fill, "work" as a place or a day's work, and acts
of asking for or handing over things. Near misses sit beside each family. Every sentence here is
our own.

A case reads "SMt": a capital letter is a criterion met, a small one is not met.
"""

from __future__ import annotations

import pytest

from career_core.smart import score_goal
from career_core.smart.detect import detect
from tests.core.smart_verdicts import TODAY, family_cases, verdict

# "some" before a concrete thing says what; only how many is left open (M's question).
OPEN_COUNTS = [
    ("Finish some courses on my training portal", "Smt"),
    ("Do some volunteer shifts at the food bank this winter", "SmT"),
    ("Read some novels by authors from Nigeria", "Smt"),
    # near misses: "some" before an amount or an abstract thing leaves the goal itself open
    ("Save some money", "smt"),
    ("Lose some weight", "smt"),
    ("Spend some time with friends", "smt"),
    ("Get some exercise", "smt"),
]

# A capitalised judging word inside a run of names is part of the name, not a judgement.
NAMES_WITH_JUDGING_WORDS = [
    ("Start the falls-prevention audit on my ward at Northgate Good Hope Clinic", "SMt"),
    ("Apply for a nursing post at Great Western Hospital by June", "SMT"),
    # near misses: a lone capital, shouting and title case judge as before
    ("Be a Good leader", "smt"),
    ("This year's motto: STAY POSITIVE!", "smT"),
    ("Get Better Results", "smt"),
]

# "a certain number of", "a specific percentage": a value the writer has yet to put in.
UNNAMED_AMOUNTS = [
    ("Drop a certain number of kilos by the end of May", "SMT"),
    ("Set aside a specific percentage of each pay cheque", "SMT"),
]

# "work" as a place ("leave work") or a day's work ("on Sundays") is no open "work on".
WORK_AS_PLACE_OR_DAY = [
    ("Leave work on Fridays with my inbox empty", "SMT"),
    ("Stop working on Sundays", "sMT"),
    # near misses: "work on" a skill is still a direction, whatever day it is done
    ("Work on my public speaking this year.", "smT"),
    ("Work on my fitness on weekends", "sMT"),
]

# Asking for, sending or handing out things ends when it is done, counted or not.
HANDING_OVER = [
    ("Request transcripts from my old college", "SMt"),
    ("Send thank-you cards to my volunteers", "SMt"),
    ("Distribute flyers for the book fair", "SMt"),
    ("Return library books", "SMt"),
    ("Hand in my thesis by May", "SMT"),
    # near miss: coaching goes on; who and how often are open
    ("Coach direct reports", "smt"),
]

FAMILIES = {
    "open counts": OPEN_COUNTS,
    "names with judging words": NAMES_WITH_JUDGING_WORDS,
    "unnamed amounts": UNNAMED_AMOUNTS,
    "work as a place or a day": WORK_AS_PLACE_OR_DAY,
    "handing over": HANDING_OVER,
}
CASES = family_cases(FAMILIES)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_family(text: str, expected: str) -> None:
    assert verdict(text) == expected


@pytest.mark.parametrize("text", [text for text, _ in UNNAMED_AMOUNTS])
def test_an_unnamed_amount_asks_for_the_real_value(text: str) -> None:
    assert score_goal(text, today=TODAY).flag("placeholder") is not None


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Read a certain book about negotiation", False),  # a book, not an amount
        ("Save a certain amount every month", True),
    ],
)
def test_a_certain_thing_is_not_an_amount_to_fill(text: str, cited: bool) -> None:
    assert any(h.rule == "M.slot" for h in detect(text).hits) is cited


@pytest.mark.parametrize(
    ("text", "still_open"),
    [
        ("Finish some courses on my training portal", True),  # how many: M's advice
        ("Save some money", True),
        ("Lead a small project", False),  # a size says which project
    ],
)
def test_some_stays_an_open_word_for_measuring(text: str, still_open: bool) -> None:
    assert (score_goal(text, today=TODAY).criteria["M"].level != "met") is still_open
