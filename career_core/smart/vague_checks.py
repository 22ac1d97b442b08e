"""When a vague word or phrase leaves a goal open: "some", "small", "regular", "work on".

Why checks: "lead a small project" names a project and "eat small portions" leaves the amount
open; "work on Saturdays" is a day and "work on my pacing" an open direction. The word after
decides, which these checks read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.lexicon import is_common
from career_core.smart.name_checks import in_name_run
from career_core.smart.object_words import ABSTRACT_HEADS, PHRASE_STOP, no_thing
from career_core.smart.rules import word_set
from career_core.smart.scan import (
    DETERMINERS,
    NEXT_WORD,
    NEXT_WORDS,
    REJECT,
    SIZE,
    Scan,
    previous_words,
)

_THINGS = word_set("concrete") | word_set("deliverable") | word_set("recurring_event")
_HABITS = word_set("activity")
_RECURRENCE = word_set("recurrence_adjective")
_SOME_WHEN = word_set("period") | {"point"}
_OCCASIONS = word_set("recurring_event") | word_set("item_occasion") | word_set("recurring_occasion")
_OPEN_AMOUNTS = word_set("open_amount")  # "some quilts": how many is M's question, not S's
_OPEN_MODIFIERS = word_set("vague_modifier") | word_set("open_thing_modifier")
_THEN_A_VERB = re.compile(r"\s{1,3}to\s{1,3}[a-z]", re.ASCII)


def _check_vague_word(m: re.Match[str], scan: Scan) -> Any:
    """A word of size before a concrete thing says which thing ("lead a small project"), not
    how much ("eat small portions"); "some" before one leaves how many open, not what ("finish
    some courses": M's question). A capitalised word in a run of names is part of the name
    ("the Good Shepherd Hospital"), not a judgement. A word another reading has claimed ("90%
    confident", a self-rating) is that reading's, not a judgement of the goal."""
    if scan.mask.find(1, m.start(), m.end()) != -1:
        return REJECT
    word = m.group(0)
    if word == "my best" and _THEN_A_VERB.match(scan.lower, m.end()):
        return REJECT  # "do my best to share ...": a way out (A's hedge); the goal is what follows
    if word in _RECURRENCE and _names_occasion(scan.lower, m.end()):
        return OPEN_RHYTHM  # "a regular date night": the habit is named; how often is M's question
    if word in SIZE or word in _OPEN_AMOUNTS:
        following = NEXT_WORD.match(scan.lower, m.end())
        if word == "some" and following and following.group(1) in _SOME_WHEN:
            return REJECT  # "some day I will ...": says when (T's question), not how much
        if following and _is_thing(following.group(1), counting=word in _OPEN_AMOUNTS):
            return OPEN_COUNT if word in _OPEN_AMOUNTS else REJECT
        if word in _OPEN_AMOUNTS and _counts_everyday_things(scan.lower, m.end()):
            return OPEN_COUNT  # "make some quilts", "plant lots of fruit trees": which things is said
    cased = scan.cased[m.start() : m.end()]
    if scan.has_upper and cased[0].isupper() and not cased.isupper() and in_name_run(m.start(), m.end(), scan):
        return REJECT
    return None


# "leave work on Fridays", "get to work on time": "work" is a place or a time there, not a verb.
_WEEKDAYS = word_set("weekday")


_WORK_AS_NOUN = frozenset({"leave", "leaving", "left", "at", "from", "after", "before", "off"})
_WORK_WHEN = _WEEKDAYS | frozenset({"time", "weekends", "weekend", "weekdays", "holidays", "holiday", "days", "nights", "evenings", "mornings"})
_EFFORT_ON = frozenset({"work on", "working on", "focus on", "focusing on"})
_FOLLOWING = re.compile(r"(?:\s{1,3}[a-z][a-z'-]*){1,4}", re.ASCII)


def _on_a_thing(lower: str, end: int) -> bool:
    """Does the phrase after "work on" name a thing ("the garden shed", "side projects"), not
    a quality ("my public speaking")? Its words run to the first function word."""
    following = _FOLLOWING.match(lower, end)
    for word in following.group(0).split() if following else ():
        if word in PHRASE_STOP:
            break
        if _is_thing(word):
            return True
    return False


def _check_vague_phrase(m: re.Match[str], scan: Scan) -> Any:
    """"work on" is an open direction only when "work" is the verb and what follows is a quality
    worked on ("work on my public speaking"), not a day or the clock ("work on Saturdays"), nor
    a thing ("work on the garden shed", "focus on the quarterly report"), which is specific."""
    said = m.group(0)
    if said in _EFFORT_ON and _on_a_thing(scan.lower, m.end()):
        return REJECT
    if not said.startswith("work"):
        return None
    prev = previous_words(scan.lower, m.start(), 1)
    following = NEXT_WORD.match(scan.lower, m.end())
    when = following is not None and (following.group(1) in _WORK_WHEN or following.group(1).removesuffix("s") in _WORK_WHEN)
    return REJECT if when or (prev and prev[0] in _WORK_AS_NOUN) else None


def _names_occasion(lower: str, end: int) -> bool:
    """Does an occasion that recurs ("family nights", "cadence") follow within two words?"""
    following = NEXT_WORDS.match(lower, end)
    words = following.group(0).split() if following else ()
    return any(w in _OCCASIONS or w.removesuffix("s") in _OCCASIONS for w in words)


OPEN_COUNT = "open count"  # "some courses": which thing is said, how many is left open
OPEN_RHYTHM = "open rhythm"  # "regular family nights": which habit is said, how often is left open


_AMOUNT_PHRASE = re.compile(r"(?:[ \t]{1,3}of)?((?:[ \t]{1,3}[a-z][a-z'-]*){1,3})", re.ASCII)


def _counts_everyday_things(lower: str, end: int) -> bool:
    """Do everyday things follow an amount word ("some quilts", "a lot of evening classes"), as
    "a" before one counts one thing (counted.py)? Their noun, the first plural within three
    words, names a thing (not "some thoughts" or "lots of ideas"); a judging or open word
    before it leaves them open ("some nice grades", "some new hobbies")."""
    following = _AMOUNT_PHRASE.match(lower, end)
    for word in following.group(1).split() if following else ():
        if word in PHRASE_STOP or word in DETERMINERS or word in _OPEN_MODIFIERS:
            return False
        if word.endswith("s") and not word.endswith("ss"):
            return is_common(word) and not no_thing(word) and word not in ABSTRACT_HEADS
    return False


def _is_thing(word: str, counting: bool = False) -> bool:
    """A concrete thing of the lists; counting, also an activity ("some volunteer work")."""
    single = word.removesuffix("s")
    return word in _THINGS or single in _THINGS or (counting and (word in _HABITS or single in _HABITS))


VAGUE_CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {
    "vague_word": _check_vague_word,
    "vague_phrase": _check_vague_phrase,
}
