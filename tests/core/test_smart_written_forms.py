"""How a goal is written, not what it says: a list's numbering, a small word in capitals, a
race time to beat, a year-like number that counts, a number that counts time, a pair of
modifiers, a product's name, a self-rating, spending nothing. Each family is a
structure the scorer must read the same way whatever the words. Every sentence is our own.

A case reads "SMt": a capital letter is a criterion met, a small one is not met.
"""

from __future__ import annotations

import pytest

from tests.core.smart_verdicts import check, family_cases

FAMILIES = {
    # "1." or "a)" opening a line is the item's place in a list: no count, and the word after
    # it opens a sentence (so "Plant" is no name).
    "list numbering": [
        ("(1) Take more walks", "smt"),
        ("10. Be more patient", "smt"),
        ("1) Learn more songs", "smt"),
        ("2. Get more sleep", "smt"),
        ("#4 Grow more herbs", "smt"),
        ("b) Write to my MP", "SMt"),
        ("1. Read 12 novels in 2027", "SMT"),
        ("(2) Swim 1.5 km every Friday", "SMT"),
        ("1.5 km swim every Sunday", "SMT"),  # a decimal, not a marker
        ("5) Call my gran every Sunday", "SMT"),
    ],
    # A small word in capitals is said loudly; it names nothing.
    "a small word in capitals": [
        ("Spend NO money on clothes in March", "SMT"),
        ("Eat NO sugar after dinner", "SMt"),
        ("Call my gran EVERY Sunday", "SMT"),
        ("Clear the IT help desk backlog by Friday", "SmT"),  # "IT" names the department
    ],
    # A clock-like time after "break", "beat" or "sub" is a result to reach, not when.
    "a time to beat": [
        ("Break 1:45 this spring", "SMT"),
        ("Beat 4:10 on the track", "SMt"),
        ("Post a sub 19:50 parkrun", "SMt"),
        ("Finish under 3:59 at the city marathon", "SMt"),
        ("Leave the office by 5:30 pm", "SMT"),  # a clock time: when
    ],
    # A year-like number before a unit counts it ("2026 total miles"); alone it is a year.
    "a year-like number that counts": [
        ("Walk 2026 total miles", "SMt"),
        ("Paddle 2025 more km", "SMt"),
        ("Read 2030 pages", "SMt"),
        ("Finish the quilt in 2027", "SMT"),
    ],
    # A number inside a time frame ("after three months") counts time, not the goal.
    "a number that counts time": [
        ("After three months, be calmer at work", "smT"),
        ("Be fitter at the end of 30 days", "smT"),
        ("After two years, lead the night shift", "SMT"),
        ("By the end of 6 weeks, finish the first draft", "SMT"),
        ("Run after the dog", "Smt"),  # "after" a thing is no time
    ],
    # Two modifiers joined by "and" before one head: the head is the word after the second.
    "a pair of modifiers": [
        ("Improve spoken and written Welsh", "smt"),
        ("Improve spoken and written Welsh for my job", "smt"),
        ("Strengthen my verbal and written communication", "smt"),
        ("Build experience and make connections in the trade", "smt"),
    ],
    # A word no dictionary knows where a thing one takes or uses stands names a product, a
    # medicine or an app; the generic word names none.
    "a product's name": [
        ("Take lisinopril every morning", "SMT"),
        ("Drink kombucha twice a week", "SMT"),
        ("Take mesalazine daily (confidence 8/10)", "SMT"),
        ("Take medication daily", "sMT"),
        ("Take qwzx daily", "sMT"),  # no vowel: no word
    ],
    # A self-rating written in the goal is A's; its "confident" judges nothing of the goal.
    "a written self-rating": [
        ("Take my vitamins every night (80% confident)", "SMT"),
        ("Walk the dog every evening, 7/10 confident", "SMT"),
        ("Be more confident at work (confidence 6/10)", "smt"),
    ],
    # Spending none is a bound of zero.
    "spending nothing": [
        ("Spend no money on takeaways in February", "SMT"),
        ("spend zero cash on snacks this month", "SMT"),
        ("Spend no money", "SMt"),
        ("Spend less money on snacks", "smt"),
    ],
}


@pytest.mark.parametrize(("text", "expected"), family_cases(FAMILIES))
def test_written_forms(text: str, expected: str) -> None:
    check(text, expected)
