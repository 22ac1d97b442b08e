"""The named checks of rules.toml that read time frames and rhythms: whether "one day", "over
the semester", "by 55", "at my next review" or "weekly" says when (checks.py holds the rest).
"""

from __future__ import annotations

import re
from typing import Any

from career_core.smart.rules import RULES_BY_ID, word_set
from career_core.smart.scan import (
    CHANGE_AMOUNT,
    CLAUSE_END,
    DETERMINERS,
    MONTH_OR_DAY,
    NEXT_CASED,
    NEXT_WORD,
    NEXT_WORDS,
    PREV_WORDS,
    REJECT,
    Scan,
    previous_words,
    sentence_initial,
)
from career_core.smart.verbs import lemma_of

_CHANGE_VERBS = word_set("change_verb") | word_set("by_amount_verb")
_NOT_A_NOUN = frozenset({"with", "for", "at", "in", "on", "by", "to", "and", "or", "until", "from", "during", "so", "because", "if", "when", "as", "about", "through", "over", "after", "before"})
_DEADLINE_PREPS = frozenset({"by", "before", "prior to", "until", "till", "ahead of", "no later than", "in time for"})
_ONE_DAY_NEXT = re.compile(r"\s{1,3}(?:a|an|per|each|every|of|off|to)\b", re.ASCII)
_ONE_DAY_PREV = frozenset({"for", "in", "within", "on", "per", "a", "of", "every", "each", "first", "the", "last", "by", "from", "after", "than"})
_DATED = MONTH_OR_DAY | {"spring", "summer", "autumn", "fall", "winter"}  # "at the autumn fair"
_RATE_NOUNS = word_set("rate_noun")
_COSTS = word_set("cadence_cost")
_THINGS = word_set("concrete") | word_set("deliverable") | word_set("recurring_event")


def _is_rate(words: list[str]) -> bool:
    """Do the words after a cadence word name a rate ("grocery spend", "phone bill"), not a
    thing ("cost report": the cost says what the report is about)?"""
    for i, w in enumerate(words):
        if w in _RATE_NOUNS or (w in _COSTS and not (i + 1 < len(words) and words[i + 1] in _THINGS)):
            return True
    return False


def _check_vague_time(m: re.Match[str], scan: Scan) -> Any:
    if m.group("oneday") is not None:
        if _ONE_DAY_NEXT.match(scan.lower, m.end()):
            return REJECT
        prev = previous_words(scan.lower, m.start(), 1)
        if prev and prev[0] in _ONE_DAY_PREV:
            return REJECT
    return m.group(0)


_WHOLE_PERIOD_PREPS = ("over the ", "throughout the ", "during the ", "across the ", "for the ")
_WHOLE_PERIOD_UNITS = frozenset({"semester", "term", "year", "quarter", "month"})


def _check_horizon(m: re.Match[str], scan: Scan) -> Any:
    if m.group("n") is not None or m.group("rel") is not None:
        return None
    # "over the semester", "throughout the year": the whole of the current period
    said = " ".join(m.group(0).split())
    return None if said.startswith(_WHOLE_PERIOD_PREPS) and m.group("unit") in _WHOLE_PERIOD_UNITS else REJECT


_HAS_NUMBER = re.compile(r"\d|\b(?:{})\b".format("|".join(sorted(word_set("num_word"), key=len, reverse=True))), re.ASCII)


def _check_age(m: re.Match[str], scan: Scan) -> Any:
    """A bare number after "by" is an age only when no change of an amount waits for it: "retire
    by 55", "lose 10 kg by 30" (the change has its own number) but not "cut waiting times by 20"."""
    if m.group("bare") != "by":
        return None
    clause = CLAUSE_END.split(scan.lower[max(0, m.start() - 80) : m.start()])[-1]
    if any(w in CHANGE_AMOUNT or w in _CHANGE_VERBS for w in PREV_WORDS.findall(clause)) and not _HAS_NUMBER.search(clause):
        return REJECT
    return None


def _check_season(m: re.Match[str], scan: Scan) -> Any:
    if m.group("prep") and m.group("prep").startswith("in") and m.group("prep") != "in":
        following = NEXT_WORD.match(scan.lower, m.end())
        if following and following.group(1) not in _AFTER_SEASON:
            return REJECT  # "in time for the spring recital": the occasion is the recital (T.event)
    return None if (m.group("prep") or m.group("rel") or m.group("y")) else REJECT


_AFTER_SEASON = frozenset({"and", "or", "so", "to", "i", "we", "with", "at", "in", "on", "this", "next"})


def _check_event(m: re.Match[str], scan: Scan) -> Any:
    """An occasion is a deadline after "by", "before"...; after "at" or "in" only when it is the
    next one or dated ("at my next review", "at the March all-hands")."""
    prep = " ".join(m.group("prep").split())
    following = NEXT_WORD.match(scan.lower, m.end("prep"))
    gerund = following is not None and following.end() < m.end() and following.group(1).endswith("ing")
    if gerund and lemma_of().get(following.group(1), following.group(1)) != following.group(1):
        return REJECT  # "by minimising visits": a means, not an occasion
    q = m.group("q")
    if prep in _DEADLINE_PREPS or (q and not (prep == "for" and q.startswith("first"))):
        return None  # "train for my first marathon" is what for, not when
    return None if any(w.removesuffix("'s") in _DATED for w in PREV_WORDS.findall(m.group(0))) else REJECT


# "try every class at the gym at least once": "every" then "once" in one clause counts a scope
# (each of them, one time), not a rhythm. "once a week", "once I start" keep their own readings.
_ONCE_AFTER = re.compile(
    r"[^.;:!?\n]{0,80}?\bonce\b(?!\s{1,3}(?:a|an|per|every|each|in|or|more|again|i|we|you|it|the|my|they|he|she)\b)", re.ASCII
)


_MANNER = RULES_BY_ID["G.manner"].regex  # "on time", "in a timely manner"
_MANNER_AFTER = re.compile(r"[^.;:!?\n]{0,60}?(?=\b(?:on\s|in\s{1,3}a\s{1,3}timely|promptly))", re.ASCII)


EACH_ONCE = "each once"  # "visit each branch once": the whole scope, one time each, is a count


def _check_each_once(m: re.Match[str], scan: Scan) -> Any:
    """"visit each branch office once": every one of them, one time each, is a count; so is
    "pay every bill on time": all of them, each in that manner (a share of 100%)."""
    if _ONCE_AFTER.match(scan.lower, m.end()):
        return EACH_ONCE
    gap = _MANNER_AFTER.match(scan.lower, m.end())
    return EACH_ONCE if gap and _MANNER.match(scan.lower, gap.end()) else None


_OPEN_AT = word_set("open_at")
_THRESHOLD = word_set("threshold_verb")
_DISTANCE_FRAME = frozenset({"at", "on", "in", "for", "the", "my", "a"})


def _check_event_distance(m: re.Match[str], scan: Scan) -> Any:
    """A distance is the event's name when a measure of the race follows it ("my 5K time") or an
    open change leads to it ("get faster at the 10K"); otherwise it stays a quantity."""
    before = previous_words(scan.lower, m.start(), 4)
    if m.group("head"):
        return REJECT if any(w in _THRESHOLD for w in before[-3:]) else None  # "beat my 5K time"
    while before and before[-1] in _DISTANCE_FRAME and before[-1] not in ("at", "on"):
        before.pop()
    if len(before) >= 2 and before[-1] in ("at", "on") and before[-2] in _OPEN_AT:
        return None
    return REJECT


_SPAN_VERBS = word_set("span_verb")


def _check_day_range(m: re.Match[str], scan: Scan) -> Any:
    prev = previous_words(scan.lower, m.start(), 1)
    return REJECT if prev and prev[0] in _SPAN_VERBS else None


_AT_OCCASION = frozenset({"at", "in", "during", "before", "after", "following", "on"})


def _check_scope_once(m: re.Match[str], scan: Scan) -> Any:
    """"speak up at every meeting at least once" is still a rhythm: the occasion comes round."""
    if not _ONCE_AFTER.match(scan.lower, m.end()):
        return None
    prev = previous_words(scan.lower, m.start(), 1)
    return None if prev and prev[0] in _AT_OCCASION else REJECT


def _check_cadence_word(m: re.Match[str], scan: Scan) -> Any:
    start = m.start()
    if scan.cased[start].isupper() and not scan.title_case and not scan.all_caps and not sentence_initial(scan.cased, start):
        following = NEXT_CASED.match(scan.cased, m.end())
        if following and (following.group(1)[0].isupper() or following.group(1)[0].isdigit()):
            return REJECT  # "roll out Maths Daily 10", "join Weekly Wins": a programme's name
    prev = previous_words(scan.lower, start, 3)
    if prev and prev[-1] in CHANGE_AMOUNT:
        return REJECT  # "raise weekly footfall": a metric to change, not a rhythm to keep
    following = NEXT_WORD.match(scan.lower, m.end())
    next_two = NEXT_WORDS.match(scan.lower, m.end())
    rate = next_two is not None and _is_rate(next_two.group(0).split())
    if prev and (prev[-1] in DETERMINERS or prev[-1].endswith(("'s", "s'"))):
        if rate and not (len(prev) > 1 and prev[-2] in CHANGE_AMOUNT):
            return m.group(0)  # "keep my weekly grocery spend under £90": a rate to keep
        return REJECT  # "the weekly report": a thing that exists, not a new rhythm
    # "the shared weekly quiz" and "the quality of weekly swims" name a thing too; "review the
    # notes weekly" is a rhythm
    named = (len(prev) >= 2 and prev[-2] in DETERMINERS) or (bool(prev) and prev[-1] == "of")
    if named and following and following.group(1) not in _NOT_A_NOUN and not rate:
        return REJECT
    return m.group(0)


TARGET_RATE = "target rate"  # "cut takeaways to twice a month": the count a change aims at


def _check_times_per(m: re.Match[str], scan: Scan) -> Any:
    """A rhythm after "to" that a change in its clause aims at is a target with a count, which
    pins the change down ("reduce my snacking to once a day"); otherwise a plain rhythm."""
    before = PREV_WORDS.findall(CLAUSE_END.split(scan.lower[max(0, m.start() - 80) : m.start()])[-1])
    if len(before) >= 2 and before[-1] == "to" and any(w in CHANGE_AMOUNT for w in before[:-1]):
        return TARGET_RATE
    return None


TIME_CHECKS = {
    "times_per": _check_times_per,
    "vague_time": _check_vague_time,
    "horizon": _check_horizon,
    "season": _check_season,
    "age": _check_age,
    "event": _check_event,
    "cadence_word": _check_cadence_word,
    "scope_once": _check_scope_once,
    "day_range": _check_day_range,
    "event_distance": _check_event_distance,
    "each_once": _check_each_once,
}
