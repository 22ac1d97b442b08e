"""Marks a goal may carry: a grade ("straight A's"), a self-rating of confidence ("8/10") and a
template slot left unfilled ("[number]", "X clients").

Why apart: each reads a capital letter or a figure whose meaning turns on the words beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.name_checks import PREV_CASED
from career_core.smart.rules import word_set
from career_core.smart.scan import (
    REJECT,
    Scan,
    sentence_initial,
)

_GRADE_CONTEXT = word_set("grade_context")
_GRADE_PHRASES = tuple(w for w in _GRADE_CONTEXT if " " in w)  # "report card": never one token


def _check_confidence(m: re.Match[str], scan: Scan) -> Any:
    g = m.groupdict()
    raw = g["n"] or g["n2"] or g["n3"]
    value = float(raw)
    per_hundred = g["d"] == "100" or g["d2"] == "100" or g["pct"] or g["pct2"]
    if per_hundred or value > 10:
        value /= 10
    return int(min(10, max(0, round(value))))


_SLOT_WORD = re.compile(r"[a-z#%$]+", re.ASCII)
_PLACEHOLDER_WORDS = word_set("placeholder_word")
_PLACEHOLDER_NOT_AFTER = word_set("placeholder_not_after")


def _check_placeholder(m: re.Match[str], scan: Scan) -> Any:
    said = m.group(0)
    if said[0] in "[<{":  # a bracket is a slot only when it names what goes in it
        inside = _SLOT_WORD.findall(said.lower())
        return said if inside and any(w in _PLACEHOLDER_WORDS for w in inside) else REJECT
    if said[0] in "_a":  # "___", "a certain number"
        return said
    prev = PREV_CASED.findall(scan.cased, max(0, m.start() - 30), m.start())
    if prev:
        word = prev[-1]
        if word.lower() in _PLACEHOLDER_NOT_AFTER:
            return REJECT  # "Gen Z", "Model X"
        # "Malcolm X": a capital word before it, mid-sentence, in a sentence-case text
        if word[0].isupper() and not scan.title_case and not sentence_initial(scan.cased, m.start() - len(word) - 1):
            return REJECT
    return said


def _check_grade(m: re.Match[str], scan: Scan) -> Any:
    """A capital A-F is a grade with a sign, a plural or quotes ("B+", "A's", '"A"'), after "straight" or "all",
    or in a text about marks; "Get A Job" in a title is not one."""
    said = m.group(0).lower()
    lead = said.split()[0]
    if m.group("pl") or m.group("q") or len(m.group("g")) > 1 or lead in ("all", "mostly") or "straight" in said:
        return m.group("g")
    about_marks = scan.tokens & _GRADE_CONTEXT or any(phrase in scan.lower for phrase in _GRADE_PHRASES)
    return m.group("g") if about_marks else REJECT


MARK_CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {
    "grade": _check_grade,
    "placeholder": _check_placeholder,
    "confidence": _check_confidence,
}
