"""Find the evidence in a goal: run every rule of rules.toml over the text, in order.

Why a separate step: detection depends only on the text, so it can be tested rule by rule
(tests/core/test_smart_rules.py) and reused; judging the criteria comes after (text_criteria.py,
context_criteria.py).

The text is normalised on a copy of equal length (quotes and dashes unified, lowercased where
that keeps one character per character), so every span found points into the original text.
Exclusive rules claim the characters they match; a later exclusive rule cannot fire there.
That is how "2027" in "by March 2027" is a date and never a quantity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, NamedTuple

from career_core.smart.checks import CHECKS
from career_core.smart.rules import RULES, Rule
from career_core.smart.scan import (
    PREV_WORDS,
    REJECT,
    START_PREPS,
    Scan,
    normalise,
    previous_words,
)

MAX_HITS_PER_RULE = 200  # a 10,000-character paste of "every week" needs no more evidence
MAX_CHARS = 20_000  # goals are at most 1,000 characters; longer input is scored on its start


class Hit(NamedTuple):
    """One piece of evidence: where it stands, which rule found it, and what it means.

    A NamedTuple rather than a dataclass: a goal produces dozens and tuples are built in C.
    """

    start: int
    end: int
    rule: str
    kind: str
    criteria: tuple[str, ...]
    value: Any = None  # the word a piece of advice quotes, a confidence, an abstract head,
    # "determined" or ("changed", verb) for an object
    groups: tuple[tuple[str, str | None], ...] = ()  # for resolving dates later



@dataclass(frozen=True, slots=True)
class Detection:
    text: str  # the original text (possibly cut at MAX_CHARS)
    cased: str  # normalised (quotes, dashes, spaces), same length
    lower: str  # normalised and lowercased, same length
    hits: tuple[Hit, ...]
    # the scan's facts about the text (digits, capitals, title case), kept for the lazy rules
    scan: Scan | None = field(default=None, compare=False, repr=False)



def _kind(rule: Rule, scan: Scan, start: int) -> str:
    """Deadline rules read as a start after "from", "since", "starting (in)"."""
    if rule.kind != "deadline":
        return rule.kind
    first = PREV_WORDS.match(scan.lower, start)
    if first and first.group(0) in START_PREPS:
        return "start"
    prev = previous_words(scan.lower, start)
    if prev and prev[-1] in START_PREPS:
        return "start"
    if len(prev) == 2 and prev[-1] in ("in", "on", "the", "early", "late", "mid") and prev[0] in START_PREPS:
        return "start"
    return "deadline"


class _Plan:
    """What running one rule needs, looked up once at import rather than per goal."""

    __slots__ = (
        "cased", "check", "criteria", "exclusive", "finditer", "finds_names", "gate", "id", "keep_groups", "kind", "needs_named",
        "not_after", "not_after_words", "rule", "search", "span", "timed",
    )

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.id, self.kind, self.criteria, self.exclusive = rule.id, rule.kind, rule.criteria, rule.exclusive
        self.timed = rule.kind == "deadline"  # may read as a start instead (_kind)
        self.finditer = rule.regex.finditer
        self.search = rule.regex.search
        self.gate = rule.gate.search if rule.gate else None
        self.cased = rule.on == "cased"
        self.span = "span" in rule.regex.groupindex
        self.check = CHECKS[rule.check] if rule.check else None
        self.keep_groups = rule.resolve is not None
        self.not_after = rule.not_after.match if rule.not_after else None
        self.not_after_words = rule.not_after_words
        self.needs_named = rule.needs == "named"
        self.finds_names = rule.id in ("S.named", "S.quoted")


_PLANS = tuple(_Plan(r) for r in RULES)
_INDEX = {r.id: i for i, r in enumerate(RULES)}
_LAZY = frozenset(i for i, r in enumerate(RULES) if r.lazy)
_ALWAYS = frozenset(i for i, r in enumerate(RULES) if r.triggers is None and not r.chars) - _LAZY
_NEEDS_DIGIT = frozenset(i for i, r in enumerate(RULES) if r.needs == "digit")
_NEEDS_UPPER = frozenset(i for i, r in enumerate(RULES) if r.needs == "upper")
_ALSO = {i: (r.also, r.also_digit) for i, r in enumerate(RULES) if r.also is not None and r.triggers is not None}
_BY_TOKEN: dict[str, set[int]] = {}
_BY_PHRASE: dict[str, list[tuple[int, str]]] = {}  # by a phrase's first word: (rule, phrase)
_BY_CHAR: dict[str, set[int]] = {}
for _i, _r in enumerate(RULES):
    if _r.lazy:
        continue
    for _t in _r.triggers or ():
        _BY_TOKEN.setdefault(_t, set()).add(_i)
    for _t, _phrase in sorted(_r.phrases):
        _BY_PHRASE.setdefault(_t, []).append((_i, _phrase))
    for _c in _r.chars:
        _BY_CHAR.setdefault(_c, set()).add(_i)
_TOKEN_WORDS = frozenset(_BY_TOKEN)
_PHRASE_WORDS = frozenset(_BY_PHRASE)
_ODD_SPACE = re.compile(r"[\t\n\r\f\v]|  ")  # what a pattern's \s{1,3} matches besides one space


# The same sets as bit masks (bit i: rule i), which _active combines with integer operations:
# one "|" per word found rather than a set built and sorted for each goal.
def _bits(ids: Iterable[int]) -> int:
    return sum(1 << i for i in set(ids))


_ALWAYS_BITS = _bits(_ALWAYS)
_TOKEN_BITS = {token: _bits(ids) for token, ids in _BY_TOKEN.items()}
_PHRASE_BITS = {token: [(1 << i, phrase) for i, phrase in pairs] for token, pairs in _BY_PHRASE.items()}
_CHAR_BITS = tuple((ch, _bits(ids)) for ch, ids in _BY_CHAR.items())
_NOT_DIGIT_BITS, _NOT_UPPER_BITS = ~_bits(_NEEDS_DIGIT), ~_bits(_NEEDS_UPPER)
_ALSO_BITS = _bits(_ALSO)
_ALSO_DIGIT_BITS = _bits(i for i, (_, digit) in _ALSO.items() if digit)
_ALSO_WORD_BITS: dict[str, int] = {}  # a second word: the rules asking for it
for _i, (_words, _) in _ALSO.items():
    for _w in _words:
        _ALSO_WORD_BITS[_w] = _ALSO_WORD_BITS.get(_w, 0) | 1 << _i
_ALSO_WORDS = frozenset(_ALSO_WORD_BITS)
_MASK_BYTES = (len(RULES) + 7) // 8
# for the k-th byte of a mask and its value: the plans of the rules it stands for, in order
_PLANS_OF_BYTE = tuple(
    tuple(tuple(_PLANS[8 * k + j] for j in range(8) if byte >> j & 1 and 8 * k + j < len(_PLANS)) for byte in range(256)) for k in range(_MASK_BYTES)
)


def _active(scan: Scan) -> list[_Plan]:
    """The plans of the rules that can match this text, in order: a rule whose trigger words, phrases and
    characters are all absent cannot match, so it is not run (this only saves time)."""
    on = _ALWAYS_BITS
    tokens = scan.tokens
    for token in _TOKEN_WORDS.intersection(tokens):
        on |= _TOKEN_BITS[token]
    found = _PHRASE_WORDS.intersection(tokens)
    if found:
        lower = scan.lower
        spaced = " ".join(lower.split()) if _ODD_SPACE.search(lower) else lower  # as the patterns read it
        for token in found:
            for bit, phrase in _PHRASE_BITS[token]:
                if not on & bit and phrase in spaced:
                    on |= bit
    lower = scan.lower
    for ch, bits in _CHAR_BITS:
        if ch in lower:
            on |= bits
    if not scan.has_digit:
        on &= _NOT_DIGIT_BITS
    if not scan.has_upper:
        on &= _NOT_UPPER_BITS
    if on & _ALSO_BITS:  # the few rules asking for a second word: off unless one is there
        answered = _ALSO_DIGIT_BITS if scan.has_digit else 0
        for word in _ALSO_WORDS.intersection(tokens):
            answered |= _ALSO_WORD_BITS[word]
        on &= ~(_ALSO_BITS & ~answered)
    out: list[_Plan] = []
    for k, byte in enumerate(on.to_bytes(_MASK_BYTES, "little")):
        if byte:
            out += _PLANS_OF_BYTE[k][byte]
    return out


def _run(plan: _Plan, scan: Scan, hits: list[Hit], first: re.Match[str] | None = None) -> None:
    """Add the rule's evidence to hits; first, when given, is its first match in the text, found
    by a search that has already ruled out the many texts where the rule matches nothing."""
    if plan.needs_named and not scan.named:
        return
    rule, check, mask, exclusive = plan.rule, plan.check, scan.mask, plan.exclusive
    not_after, not_after_words, has_span = plan.not_after, plan.not_after_words, plan.span
    rule_id, kind, criteria, keep_groups, timed = plan.id, plan.kind, plan.criteria, plan.keep_groups, plan.timed
    source = scan.cased if plan.cased else scan.lower
    if first is None:
        matches: Iterable[re.Match[str]] = plan.finditer(source)
    elif first.end() > first.start():  # finditer would go on from its end, as here
        matches = chain((first,), plan.finditer(source, first.end()))
    else:
        matches = plan.finditer(source)  # after an empty match finditer steps on by itself
    count = 0
    for m in matches:
        if has_span:
            start, end = m.span("span")
            if start < 0:  # the group took no part in this match: the whole match counts
                start, end = m.span()
        else:
            start, end = m.span()
        if end <= start or (exclusive and mask.find(1, start, end) != -1):
            continue
        if not_after is not None and start > 0 and not_after(source, start - 1):
            continue
        if not_after_words and any(w in not_after_words for w in previous_words(scan.lower, start, 1)):
            continue
        value = check(m, scan) if check is not None else None
        if value is REJECT:
            continue
        if exclusive:
            mask[start:end] = b"\x01" * (end - start)
        groups = tuple(m.groupdict().items()) if keep_groups else ()
        # a Hit built as the tuple it is: NamedTuple's own constructor is a Python function
        hits.append(_new_tuple(Hit, (start, end, rule_id, _kind(rule, scan, m.start()) if timed else kind, criteria, value, groups)))
        count += 1
        if count >= MAX_HITS_PER_RULE:
            break
    if count and plan.finds_names:
        scan.named = True


_new_tuple = tuple.__new__


def detect(text: str) -> Detection:
    """Every rule's evidence in text, in rule order then position."""
    text = text[:MAX_CHARS]
    cased, lower = normalise(text)
    scan = Scan(cased, lower)
    hits: list[Hit] = []
    for plan in _active(scan):
        if plan.needs_named and not scan.named:
            continue
        source = scan.cased if plan.cased else scan.lower
        if plan.gate is not None and plan.gate(source) is None:
            continue
        first = plan.search(source)
        if first is not None:  # most active rules match nothing: they end here, cheaply
            _run(plan, scan, hits, first)
    return Detection(text=text, cased=cased, lower=lower, hits=tuple(hits), scan=scan)


def lazy_scan(det: Detection) -> Scan:
    """A scan for the lazy rules of a detected text; one serves them all, since none claims
    characters (rules.py refuses an exclusive lazy rule) and they need no word prefilter."""
    if det.scan is not None:
        return det.scan.fresh()
    return Scan(det.cased, det.lower, frozenset())


def run_lazy(rule_id: str, det: Detection, scan: Scan | None = None) -> list[Hit]:
    """Run a lazy rule (one detection skips) over a detected text, for code that needs it."""
    hits: list[Hit] = []
    _run(_PLANS[_INDEX[rule_id]], scan or lazy_scan(det), hits)
    return hits
