"""Where a goal turns from what it is to how or why: its means ("... by posting each recipe on a
forum"), its purpose ("... to feel calmer"), and the objects those clauses pin down or leave open.

The judges of S and M (text_criteria.py) cut the text at these points: what follows a purpose
says why, not what; a concrete habit given as the means pins down a vague end; a deliverable in
the means of an open end measures the means, not the end.
"""

from __future__ import annotations

import re

from career_core.smart.detect import Hit
from career_core.smart.evidenced import NAME_RULES, OBJECT_RULES, VAGUE_S_RULES, Evidenced


def others_done(hits: list[Hit], ev: Evidenced) -> list[Hit]:
    """hits without the things someone else is to finish ("make sure she gets her book
    published"): a wish about another's act is not one's own deliverable. Numbers stay."""
    wishes = ev.get("S.others_wish")
    if not wishes:
        return hits
    start = min(h.start for h in wishes)
    return [h for h in hits if not (h.kind == "completion" and h.start >= start)]


_TIME_CLAUSE = re.compile(r"\b(?:before|until|till|after|by\s{1,3}the\s{1,3}time)\s{1,3}(?:i|we|you|they|he|she)\s", re.ASCII)
_CLAUSE_END = re.compile(r"[,;.!?]", re.ASCII)
_MAIN_AGAIN = re.compile(r"[,;.!?]|\b(?:is|was|will|would)\s", re.ASCII)  # "my aim before I turn 30 was to ..."


def time_clause(ev: Evidenced) -> tuple[int, int] | None:
    """The span of a clause that says when, after the goal itself ("grow more confident with figures
    before I start a bookkeeping course"): what is finished there marks the moment, it is not the goal.
    None when there is none, or when the clause heads its sentence ("Once I am settled, ...")."""
    lower = ev.det.lower
    if "before " not in lower and "after " not in lower and "until " not in lower and "till " not in lower and " time " not in lower:
        return None  # the cheap test first: most goals have no such clause
    m = _TIME_CLAUSE.search(lower)
    if m is None:
        return None
    ends = [e.end() for e in _CLAUSE_END.finditer(lower, 0, m.start())]
    if not lower[ends[-1] if ends else 0 : m.start()].strip():
        return None
    after = _MAIN_AGAIN.search(lower, m.end())
    return m.start(), after.start() if after else len(lower)


def done_by_me(hits: list[Hit], ev: Evidenced) -> list[Hit]:
    """hits without the things that are no deliverable of the goal: what someone else is to
    finish (others_done) and what marks the moment in a clause of time (time_clause)."""
    hits = others_done(hits, ev)
    if not hits:
        return hits
    span = time_clause(ev)
    if span is None:
        return hits
    start, end = span
    return [h for h in hits if not (h.kind == "completion" and start <= h.start < end)]


def pins(hit: Hit) -> bool:
    """An object a determiner or a count of one pins down ("the sales team", "a puppy")."""
    return hit.value == "determined" or (isinstance(hit.value, tuple) and hit.value[0] == "one")


def changes(hit: Hit) -> bool:
    """The object of a change with no target ("grow my subscriber base")."""
    return isinstance(hit.value, tuple) and hit.value[0] == "changed"


def means_start(ev: Evidenced) -> int | None:
    """Where the goal names its means ("... by posting each recipe"), or None."""
    if " by " not in ev.det.lower:
        return None
    methods = ev.lazy("G.method")
    return min(h.start for h in methods) if methods else None


def method_habit(ev: Evidenced) -> int | None:
    """Where a means that is a concrete habit begins ("... by posting each recipe on a forum",
    "... by getting up at 6 every weekday"): a "by -ing" clause holding a thing, a name or a set
    time, and a rhythm or a count. None when there is no such clause."""
    start = means_start(ev)
    if start is None:
        return None
    things = ev.get(*OBJECT_RULES, *NAME_RULES, "X.clock")
    measures = [h for h in ev.with_criterion("M") if h.kind in ("quantity", "bound", "frequency")]
    if any(h.start >= start for h in ev.get(*VAGUE_S_RULES)):
        return None  # "... by walking more every day": the means is as open as the end
    if any(h.start >= start for h in things) and any(h.start >= start for h in measures):
        return start
    return None


def open_means(ev: Evidenced) -> int | None:
    """Where the means of an open end begins ("improve my speaking by attending courses",
    "prioritise rest by fixing up the house"), unless the means holds a measure (a rhythm or a
    count: then the habit is the measure); None when there is no such means."""
    start = means_start(ev)
    if start is None:
        return None
    if any(h.start >= start and h.kind in ("quantity", "bound", "frequency") for h in ev.with_criterion("M")):
        return None  # "... by doing my homework every night": a habit with a measure
    opened = any(h.start < start for h in ev.open_words()) or bool(ev.amount_words(start))
    return start if opened else None


def purpose_start(ev: Evidenced) -> int:
    """Where the goal turns to its purpose ("join a choir to meet more people"), if something
    concrete stands before it; else the end of the text. What follows says why, not what."""
    purposes = ev.lazy("G.purpose")
    if not purposes:
        return len(ev.det.text)
    start = min(h.start for h in purposes)
    concrete = ev.get(*OBJECT_RULES) + [h for h in ev.with_criterion("M") if h.kind == "completion"]
    if any(h.end <= start and not changes(h) for h in concrete) or any(h.end <= start for h in ev.acts()):
        return start
    return len(ev.det.text)
