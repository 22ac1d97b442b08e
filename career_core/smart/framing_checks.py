"""Words read by the clause that frames them: a negation inside a condition ("so I don't
oversleep"), "to improve" after a wish, a baseline after "keep".

Why apart: each match is right or wrong by the words before it, not by itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.rules import word_set
from career_core.smart.scan import (
    CLAUSE_END,
    PREV_WORDS,
    REJECT,
    Scan,
    previous_words,
)

_KEEP_VERBS = word_set("keep_verb")
_WANTING = frozenset({"want", "wants", "wanted", "need", "needs", "going", "plan", "plans", "planning", "like", "love", "hope", "try", "trying", "wish", "aim", "aims", "is", "are", "am", "was", "were", "be", "will", "would", "able", "decided", "decide", "intend", "expect", "start", "begin", "continue", "learn", "how", "choose", "promise", "ready", "goal", "goals", "resolution", "ought", "have", "has", "had", "not"})


def _check_purpose(m: re.Match[str], scan: Scan) -> Any:
    """"to improve" after a wish ("I want to improve") is the goal itself, not its purpose."""
    if m.group(0).startswith("to"):
        prev = previous_words(scan.lower, m.start(), 1)
        if not prev or prev[0] in _WANTING:
            return REJECT
    return None


_SUBORDINATORS = word_set("subordinator")


def _check_negative_framing(m: re.Match[str], scan: Scan) -> Any:
    """A negation in a clause that describes or conditions the goal ("hike the ridge when the
    heat won't be too much", "set an alarm so I don't oversleep") says nothing of what the goal
    does; in the goal's own clause it does."""
    start = max(0, m.start() - 80)
    clause = CLAUSE_END.split(scan.lower[start : m.start()])[-1]
    words = PREV_WORDS.findall(clause)
    if words and len(clause) == m.start():
        words = words[1:]  # the text opens with the condition: "When stressed don't snack" still forbids
    return REJECT if any(w in _SUBORDINATORS for w in words) else None


def _check_baseline(m: re.Match[str], scan: Scan) -> Any:
    prev = previous_words(scan.lower, m.start(), 1)
    return REJECT if prev and prev[0] in _KEEP_VERBS else None


FRAMING_CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {
    "purpose": _check_purpose,
    "negative_framing": _check_negative_framing,
    "baseline": _check_baseline,
}
