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
from dataclasses import dataclass
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
        "cased", "check", "criteria", "finditer", "finds_names", "gate", "id", "keep_groups", "kind", "needs_named",
        "not_after", "not_after_words", "rule", "search", "span", "timed",
    )

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.id, self.kind, self.criteria = rule.id, rule.kind, rule.criteria
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
_CHAR_RULES = tuple(_BY_CHAR.items())
_ALSO_IDS = frozenset(_ALSO)
_ODD_SPACE = re.compile(r"[\t\n\r\f\v]|  ")  # what a pattern's \s{1,3} matches besides one space


def _active(scan: Scan) -> list[int]:
    """The rules that can match this text, in order: a rule whose trigger words, phrases and
    characters are all absent cannot match, so it is not run (this only saves time)."""
    on = set(_ALWAYS)
    tokens = scan.tokens
    found = _TOKEN_WORDS.intersection(tokens)
    if found:
        on.update(*[_BY_TOKEN[token] for token in found])
    found = _PHRASE_WORDS.intersection(tokens)
    if found:
        lower = scan.lower
        spaced = " ".join(lower.split()) if _ODD_SPACE.search(lower) else lower  # as the patterns read it
        for token in found:
            for i, phrase in _BY_PHRASE[token]:
                if i not in on and phrase in spaced:
                    on.add(i)
    lower = scan.lower
    for ch, ids in _CHAR_RULES:
        if ch in lower:
            on |= ids
    if not scan.has_digit:
        on -= _NEEDS_DIGIT
    if not scan.has_upper:
        on -= _NEEDS_UPPER
    for i in on & _ALSO_IDS:  # the few rules asking for a second word that are still on
        words, digit = _ALSO[i]
        if words.isdisjoint(tokens) and not (digit and scan.has_digit):
            on.discard(i)
    return sorted(on)


def _run(plan: _Plan, scan: Scan, hits: list[Hit], first: re.Match[str] | None = None) -> None:
    """Add the rule's evidence to hits; first, when given, is its first match in the text, found
    by a search that has already ruled out the many texts where the rule matches nothing."""
    rule = plan.rule
    if plan.needs_named and not scan.named:
        return
    check, mask, exclusive = plan.check, scan.mask, rule.exclusive
    not_after, not_after_words = plan.not_after, plan.not_after_words
    source = scan.cased if plan.cased else scan.lower
    if first is None:
        matches: Iterable[re.Match[str]] = plan.finditer(source)
    elif first.end() > first.start():  # finditer would go on from its end, as here
        matches = chain((first,), plan.finditer(source, first.end()))
    else:
        matches = plan.finditer(source)  # after an empty match finditer steps on by itself
    count = 0
    for m in matches:
        start, end = m.span("span") if plan.span and m.group("span") is not None else m.span()
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
        groups = tuple(m.groupdict().items()) if plan.keep_groups else ()
        kind = _kind(rule, scan, m.start()) if plan.timed else plan.kind
        hits.append(Hit(start, end, plan.id, kind, plan.criteria, value, groups))
        count += 1
        if count >= MAX_HITS_PER_RULE:
            break
    if count and plan.finds_names:
        scan.named = True


def detect(text: str) -> Detection:
    """Every rule's evidence in text, in rule order then position."""
    text = text[:MAX_CHARS]
    cased, lower = normalise(text)
    scan = Scan(cased, lower)
    hits: list[Hit] = []
    for i in _active(scan):
        plan = _PLANS[i]
        if plan.needs_named and not scan.named:
            continue
        source = scan.cased if plan.cased else scan.lower
        if plan.gate is not None and plan.gate(source) is None:
            continue
        first = plan.search(source)
        if first is not None:  # most active rules match nothing: they end here, cheaply
            _run(plan, scan, hits, first)
    return Detection(text=text, cased=cased, lower=lower, hits=tuple(hits))


def lazy_scan(det: Detection) -> Scan:
    """A scan for the lazy rules of a detected text; one serves them all, since none claims
    characters (rules.py refuses an exclusive lazy rule) and they need no word prefilter."""
    return Scan(det.cased, det.lower, frozenset())


def run_lazy(rule_id: str, det: Detection, scan: Scan | None = None) -> list[Hit]:
    """Run a lazy rule (one detection skips) over a detected text, for code that needs it."""
    hits: list[Hit] = []
    _run(_PLANS[_INDEX[rule_id]], scan or lazy_scan(det), hits)
    return hits
