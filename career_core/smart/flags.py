"""The flags of a report: short warnings beside the goal (a hedge, someone else's "should", two
goals in one, a placeholder, a date already past).

Why apart from text_criteria.py and context_criteria.py: flags read the same evidence but judge
no criterion; they only point at words worth a second look.
"""

from __future__ import annotations

import re
from datetime import date
from operator import attrgetter

from career_core import wording
from career_core.smart.detect import Detection, Hit
from career_core.smart.evidenced import Evidenced, words_at
from career_core.smart.report import Criterion, Flag
from career_core.smart.rules import FLAG_TEXT, text

PLACEHOLDER_RULES = ("M.placeholder", "M.slot", "T.placeholder")
_PLACEHOLDER_SET = frozenset(PLACEHOLDER_RULES)
MEASURE_RULES = frozenset({"M.percent", "M.money", "M.multiplier", "M.number", "M.number_word", "M.bound", "M.glued_unit"})
_BACKREF = re.compile(r"\b(?:each|them|it|its|those|these|there|they)\b", re.ASCII)
_MAY_SPLIT = re.compile(r"[;.!?]|\band\b", re.ASCII)  # cheap test before running G.split


def _flag(flag_id: str, det: Detection | None = None, hit: Hit | None = None, **fields: object) -> Flag:
    if hit is not None and det is not None:
        fields.setdefault("word", words_at(det, hit))
        return Flag(flag_id, text(FLAG_TEXT, flag_id, **fields), hit.start, hit.end)
    return Flag(flag_id, text(FLAG_TEXT, flag_id, **fields))


def _first(hits: list[Hit]) -> Hit:
    return min(hits, key=_START)


_START = attrgetter("start")


def two_goals(ev: Evidenced) -> Hit | None:
    """The split point of a second goal that carries its own measure or deadline, if any."""
    if len(ev.det.hits) < 2:
        return None
    measures = [h for h in ev.det.hits if h.rule in MEASURE_RULES or h.kind in ("deadline", "duration")]
    if len(measures) < 2 or not _MAY_SPLIT.search(ev.det.lower):
        return None
    splits = sorted(ev.lazy("G.split"), key=lambda h: h.start)
    if not splits:
        return None
    edges = [0] + [s.start for s in splits] + [len(ev.det.lower)]
    own = 0
    first_split: Hit | None = None
    for i in range(len(edges) - 1):
        lo, hi = edges[i], edges[i + 1]
        if not any(lo <= h.start < hi for h in measures):
            continue
        if own and _BACKREF.search(ev.det.lower, lo, hi):
            continue  # "... and connect with five leaders at each": one goal, two parts
        own += 1
        if own == 2:
            first_split = splits[i - 1]
            break
    return first_split


def flags(ev: Evidenced, crit: dict[str, Criterion], deadline: date | None, today: date, ratio: float | None) -> tuple[Flag, ...]:
    det = ev.det
    out: list[Flag] = []

    by_rule = ev.by_rule
    for flag_id, hits in (
        ("hedge", by_rule.get("A.hedge")),
        ("should", by_rule.get("R.should")),
        ("negative_framing", ev.negatives),
        ("absolute", ev.absolutes),
        ("depends_on_others", by_rule.get("A.depends")),
        ("instant", by_rule.get("A.instant")),
    ):
        if hits:
            out.append(_flag(flag_id, det, _first(hits)))
    hits = [h for rid in PLACEHOLDER_RULES for h in by_rule.get(rid, ())] if not _PLACEHOLDER_SET.isdisjoint(by_rule) else None
    if hits:
        out.append(_flag("placeholder", det, _first(hits)))
    split = two_goals(ev)
    if split is not None:
        out.append(Flag("two_goals", text(FLAG_TEXT, "two_goals"), split.start, split.end))
    if crit["T"].level != "met":
        hits = by_rule.get("T.vague_time")
        if hits:
            out.append(_flag("vague_time", det, _first(hits)))
    if crit["S"].level == "missing" and any(ch.isalpha() for ch in det.text):
        out.append(_flag("too_vague"))
    if ratio is not None:
        out.append(_flag("stretch"))
    if deadline is not None and deadline < today:
        out.append(_flag("past_deadline", date=wording.day(deadline)))
    return tuple(out)
