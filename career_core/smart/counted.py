"""A thing counted by "a" or "an" is one thing, pinned down as "the" or "my" pins one.

Why: S.det_object reads "clean out the shed" as specific whatever the noun, but "file my receipts
in a folder", "fix a leaking tap" or "swim across a lake" named a concrete thing only when
its noun stood in a word list. Labellers read "a" + an everyday thing as concrete as often as
"the" + one. The rule (S.one_thing, lazy) is read only when nothing else pins the goal down
and no vague word leaves it open; it keeps S.det_object's guards (no abstract, broad or time
word, no change with no target, nothing felt) and adds those of "a": a thing described by a wish
("a job that I love") is no thing to point at, "as a ..." is a capacity, and "a raise" or "an
increase" is a change. An activity counted by "a" ("go for a swim") is one thing in the same way
(S.activity's check).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.lexicon import is_common
from career_core.smart.object_checks import names_a_product
from career_core.smart.object_words import ABSTRACT_HEADS, ATTITUDE_VERBS, NOT_OBJECT, PHRASE_STOP, described_after, no_thing
from career_core.smart.rules import word_set
from career_core.smart.scan import (
    AMOUNT_VERBS,
    CHANGE_AMOUNT,
    DETERMINERS,
    PREV_WORDS,
    REJECT,
    VAGUE,
    Scan,
    previous_words,
    window_is_clean,
)
from career_core.smart.verbs import lemma_of

_NOT_MODIFIERS = word_set("function_word") | word_set("small_word") | word_set("act_np_stop")
_PHRASE_ENDS = word_set("act_np_stop")  # "a bad habit together": "together" ends the phrase, it is no thing


def _check_one_thing(m: re.Match[str], scan: Scan) -> Any:
    head, obj = m.group("head"), m.group("obj")
    if no_thing(head) or head in ABSTRACT_HEADS or head in CHANGE_AMOUNT or head in _PHRASE_ENDS or not is_common(head):
        return REJECT  # "a routine", "a raise", "a bit": no thing to point at
    if obj and (not window_is_clean(obj) or any(w in NOT_OBJECT or w in VAGUE or w in _NOT_MODIFIERS for w in PREV_WORDS.findall(obj))):
        return REJECT  # "a better desk": the judging word is read elsewhere; "a coach who helps": no thing
    before = previous_words(scan.lower, m.start(), 3)
    if before and before[-1] == "as":
        return REJECT  # "present myself as a trusted colleague": a capacity, not a thing
    if any(w in AMOUNT_VERBS for w in before[-2:]) or any(w in ATTITUDE_VERBS for w in before):
        return REJECT  # "grow a following", "embrace a challenge": changed or felt, not done
    if described_after(scan.lower, m.end()):
        return REJECT  # "a job that I love": described by a wish
    return ("one", "a")


_A_OR_AN = re.compile(r"\ban?\s", re.ASCII)


def _check_activity(m: re.Match[str], scan: Scan) -> Any:
    """An activity counted by "a" ("keep a journal of tide times", "go for a swim") is one thing, not a habit
    left open: it pins the goal down as "a puppy" does."""
    if not _A_OR_AN.search(scan.lower, max(0, m.start() - 40), m.start()):
        return None  # the cheap test first: no "a" before it
    prev = previous_words(scan.lower, m.start(), 3)
    counted = max((i for i, w in enumerate(prev) if w in ("a", "an")), default=None)
    if counted is None or any(w in DETERMINERS or w in PHRASE_STOP for w in prev[counted + 1 :]):
        return None  # "a walk and journal": the count belongs to another thing
    return ("one", "a")  # "a journal", "a gratitude journal"


_NOT_CONTENT = _NOT_MODIFIERS | VAGUE


def names_what(before: str) -> bool:
    """Do the words before a rhythm name a deed and what it is about ("use a food diary daily",
    "conduct two fairs a year"), not a bare verb or a manner ("do it daily", "keep going
    weekly", "work hard every day")? At least two everyday words (or names of a product) that
    are neither function words, vague words nor words for no thing, one of them no verb: a
    rhythm then counts that deed, whether or not its verb is in a list."""
    words = [w for w in PREV_WORDS.findall(before) if w not in _NOT_CONTENT and not no_thing(w) and (is_common(w) or names_a_product(w))]
    return len(words) >= 2 and any(w not in lemma_of() for w in words)


def after_a_verb(lower: str, start: int) -> bool:
    """Is the thing at start the object of a deed ("take some classes", "drink lots of water"),
    with a verb among the three words before it? A thing alone ("Lots of water.") does nothing."""
    verbs = lemma_of()
    return any(w in verbs for w in previous_words(lower, start, 3))


COUNTED_CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {"one_thing": _check_one_thing, "activity": _check_activity}
