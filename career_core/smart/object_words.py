"""What an object of a verb must be to pin a goal down: the words and tests the object checks
(done_checks.py, object_checks.py, counted.py) share.

Why apart: "a role that I enjoy", "debt" or "the journey" fail every object rule for the same
reasons, so the reasons are said once.
"""

from __future__ import annotations

import re

from career_core.smart.rules import word_set
from career_core.smart.scan import (
    DETERMINERS,
    MONTH_OR_DAY,
    PREV_WORDS,
    VAGUE,
    is_abstract,
)

BROAD = word_set("broad_object")
ATTITUDE_VERBS = word_set("attitude_verb")
PHRASE_STOP = (word_set("function_word") | word_set("small_word")) - DETERMINERS - {"all", "any", "some"}
NOT_OBJECT = MONTH_OR_DAY | word_set("period") | word_set("horizon_unit") | word_set("small_word") | word_set("num_word") | frozenset(
    {"own", "current", "other", "others", "same", "first", "last", "next", "end", "rest", "most", "least", "time", "times", "one", "ones", "way", "lot", "top", "whole", "entire", "new", "old", "hour", "hours", "minute", "minutes", "goal", "goals", "year's", "week's", "day's"}
)


# A thing described by what one wishes of it: "a role that I enjoy", "a team with a boss who ...".
_DESCRIBED_AFTER = re.compile(r"\s{1,3}(?:that|which|where|who|i\b(?!(?:'ve|\s{1,3}have)\s{1,3}never\b))\b|\s{1,3}with\s[^.,;:!?]{0,40}?\b(?:who|that|where)\b", re.ASCII)


def described_after(lower: str, end: int) -> bool:
    """Is the thing ending at end described by a wish ("a role that I enjoy")? Something "I've
    never" done is described by its being new ("a dish I've never cooked"), which is no wish."""
    return _DESCRIBED_AFTER.match(lower, end) is not None


_MONEY_STORES = word_set("money_store")
_GROWING = frozenset({"build", "building", "grow", "growing", "boost", "boosting"})


def builds_amount(verb: str, noun: str) -> bool:
    """"build an emergency fund": a fund is built up, an amount with no target; "start" or
    "open" one is a thing done."""
    words = verb.split()
    return noun in _MONEY_STORES and bool(words) and words[0] in _GROWING


def no_thing(head: str) -> bool:
    """A head word that names no everyday thing: a time, a broad or vague word, a function word,
    an abstract noun."""
    return head in NOT_OBJECT or head in BROAD or head in VAGUE or head in PHRASE_STOP or is_abstract(head)


def _bare(obj: str | None) -> bool:
    """No word narrows the object: nothing, or only determiners ("the", "my", "all of our")."""
    return all(w in DETERMINERS or w in ("all", "of", "any", "some") for w in PREV_WORDS.findall(obj or ""))


def is_broad(head: str, obj: str | None) -> bool:
    """"the company", "debt": an object too wide to pin a goal down, with nothing narrowing it."""
    return head in BROAD and _bare(obj)


ABSTRACT_HEADS = word_set("abstract") | word_set("act_not_thing") | {"ritual", "routine"}
