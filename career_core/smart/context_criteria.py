"""Judge A and R: from the goal's context (its other fields), and warning signs in the text.

The rules of judgement (DESIGN.md, "The SMART scorer"):
- A comes from the context: confidence 7-10 is met, 5-6 partial, 1-4 missing; support or a
  baseline alone is partial. A confidence written in the text counts when the context has
  none. Warning signs (hedges, absolutes, instant timing, outcomes others decide, a stretch of
  more than 3x in under a year) cap A at partial. Without context A is unknown unless a
  warning sign shows.
- R comes from the context: a linked objective, value, parent goal or "supports my vision"
  is met, as are two or more words shared with the vision, objectives or parent, or a why
  together with a shared word or a reason clause. A why, one shared word or a reason clause
  ("so that ...") alone is partial. Someone else's "should" laid on the person ("I should",
  "my boss wants") makes R missing, or partial when the person linked the goal in its context
  anyway (a reason clause in the text is not enough); advice to a reader or a role's standard
  ("you should", "students are expected to") is partial: a warning, not a refusal. Without any
  of this R is unknown.
- overall weighs S, M and T 25 each and A and R 12.5 each; met counts 1, partial and unknown
  0.5, missing 0 (report.py), so a met criterion never lowers it.

S, M and T are judged from the text (text_criteria.py).
"""

from __future__ import annotations

import math
import re
from datetime import date

from career_core.smart.context import ScoringContext
from career_core.smart.detect import Detection
from career_core.smart.evidenced import Evidenced, criterion
from career_core.smart.report import Criterion, Evidence
from career_core.smart.rules import ADVICE, text, word_set

STRETCH_RATIO = 3.0
STRETCH_DAYS = 366

_CONTENT_WORD = re.compile(r"[a-z][a-z'-]{3,}", re.ASCII)
_OVERLAP_STOP = word_set("overlap_stop")
# "I should", "we're supposed to": an expectation the person holds over themselves; "you should",
# "students are expected to" is advice or a role's standard, which the reader takes on as a goal
_SELF_SUBJECT = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s{1,3}") for w in sorted(word_set("should_self"), key=len, reverse=True)) + r")\s{1,3}$")
_MODALS = tuple(word_set("should_modal"))
_SUFFIXES = ("ments", "ment", "ings", "ing", "ers", "er", "ies", "es", "ed", "ship", "ly", "s")


def stretch(context: ScoringContext | None, deadline: date | None, today: date) -> float | None:
    """The baseline-to-target ratio when it is over STRETCH_RATIO in under a year, else None."""
    if context is None or context.baseline is None or context.target is None:
        return None
    base, target = context.baseline, context.target
    if not (math.isfinite(base) and math.isfinite(target)):
        return None
    direction = context.direction or ("increase" if target >= base else "decrease")
    if direction in ("increase", "at_least"):
        ratio = target / base if base > 0 else None
    elif direction in ("decrease", "at_most"):
        ratio = base / target if target > 0 and base > 0 else None
    else:
        ratio = None
    end = context.deadline or deadline
    start = context.start or today
    if ratio is None or ratio <= STRETCH_RATIO or end is None or (end - start).days > STRETCH_DAYS:
        return None
    return ratio


def judge_a(ev: Evidenced, context: ScoringContext | None, deadline: date | None, today: date) -> tuple[Criterion, float | None]:
    evidence: list[Evidence] = []
    reasons: list[str] = []
    written = ev.get("A.confidence")
    confidence = context.confidence if context is not None else None
    if confidence is not None:
        reasons.append(f"Confidence {confidence}/10")
    elif written:
        confidence = written[0].value
        evidence += ev.cite(written[:1])
        reasons.append(f"Confidence {confidence}/10, written in the goal")
    support = bool(context and context.support.strip())
    if support:
        reasons.append("Support noted")
    baseline = context is not None and context.baseline is not None
    if confidence is not None:
        level = "met" if confidence >= 7 else "partial" if confidence >= 5 else "missing"
    elif support or baseline:
        level = "partial"
    else:
        level = "unknown"

    ratio = stretch(context, deadline, today)
    warnings = [
        ("A_hedge", ev.get("A.hedge")),
        ("A_absolute", ev.absolutes),
        ("A_instant", ev.get("A.instant")),
        ("A_depends", ev.get("A.depends")),
    ]
    warned = [(key, hits) for key, hits in warnings if hits]
    for _, hits in warned:
        evidence += ev.cite(hits)
    if ratio is not None:
        reasons.append(f"Target is {ratio:.1f}× the baseline in under a year")
    if (warned or ratio is not None) and level in ("met", "unknown"):
        level = "partial"

    if level == "missing":
        advice = text(ADVICE, "A_confidence_low", n=confidence)
    elif warned:
        key, hits = warned[0]
        advice = text(ADVICE, key, word=ev.first_words(hits))
    elif ratio is not None:
        advice = text(ADVICE, "A_stretch", baseline=_num(context.baseline), target=_num(context.target), ratio=f"{ratio:.0f}")  # type: ignore[union-attr]
    elif level == "partial" and confidence is not None:
        advice = text(ADVICE, "A_confidence_mid", n=confidence)
    elif level == "partial" and support:
        advice = text(ADVICE, "A_support")
    elif level == "partial":  # a baseline alone: where you stand is known, how sure you are is not
        advice = text(ADVICE, "A_baseline")
    else:
        advice = text(ADVICE, "A_unknown")
    return criterion(level, evidence, advice, reasons), ratio


def _num(x: float | None) -> str:
    return "" if x is None else (f"{x:g}")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _stems(text_: str) -> set[str]:
    return {_stem(w) for w in _CONTENT_WORD.findall(text_.lower()) if w not in _OVERLAP_STOP}


def overlap(det: Detection, context: ScoringContext) -> list[Evidence]:
    """The goal's words that also stand in the vision, the linked objectives or the parent goal."""
    others = " ".join((context.vision, " ".join(context.objectives), context.parent))
    if not others.strip():
        return []
    wanted = _stems(others)
    out: list[Evidence] = []
    seen: set[str] = set()
    for m in _CONTENT_WORD.finditer(det.lower):
        word = m.group(0)
        if word in _OVERLAP_STOP:
            continue
        stem = _stem(word)
        if stem in wanted and stem not in seen:
            seen.add(stem)
            out.append(Evidence(m.start(), m.end(), "link", "R.overlap"))
    return out


def _mine(ev: Evidenced, start: int) -> bool:
    """Is this "should" laid on the person themselves: their own subject, or someone over them ("my boss wants")?"""
    if not ev.det.lower.startswith(_MODALS, start):
        return True
    return _SELF_SUBJECT.search(ev.det.lower, max(0, start - 16), start) is not None


def judge_r(ev: Evidenced, context: ScoringContext | None) -> Criterion:
    links = ev.get("R.link_clause")
    should = ev.get("R.should")
    evidence = ev.cite(links)
    reasons: list[str] = []
    strong = False
    shared: list[Evidence] = []
    why = False
    if context is not None:
        for label, present in (
            ("Linked to an organisational objective", context.objectives),
            ("Linked to your values", context.values),
            ("A stepping stone of a long-term goal", context.parent.strip()),
            ("Supports your vision", context.supports_vision),
        ):
            if present:
                reasons.append(label)
                strong = True
        shared = overlap(ev.det, context)
        evidence += shared
        why = bool(context.why.strip())
        if why:
            reasons.append("Why written")
    if strong or len(shared) >= 2 or (why and (shared or links)):
        level = "met"
    elif why or shared or links:
        level = "partial"
    else:
        level = "unknown"
    if should:
        # A reason in the same sentence ("because my boss says so") does not make it the
        # person's own goal; only links they made themselves do.
        evidence += ev.cite(should)
        level = "partial" if (strong or shared or why or not any(_mine(ev, h.start) for h in should)) else "missing"
        advice = text(ADVICE, "R_should", word=ev.first_words(should))
    elif level == "partial" and shared and not (why or links):
        advice = text(ADVICE, "R_overlap")
    elif level == "partial":
        advice = text(ADVICE, "R_partial")
    else:
        advice = text(ADVICE, "R_unknown")
    return criterion(level, evidence, advice, reasons)
