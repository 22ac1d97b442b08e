"""score_goal: the one entry point. Detect evidence, resolve the deadline, judge, flag, total.

Pure and deterministic: the same text, context and today always give the same report, and no
str makes it raise (an internal error degrades to an "unknown" report with an
"internal_error" flag, which the tests check never happens).
"""

from __future__ import annotations

import logging
from datetime import date

from career_core.smart import flags as warnings
from career_core.smart.context import ScoringContext
from career_core.smart.context_criteria import judge_a, judge_r
from career_core.smart.detect import Detection, detect
from career_core.smart.evidenced import Evidenced
from career_core.smart.report import (
    Criterion,
    Flag,
    FrozenDict,
    SmartReport,
    new_report,
    overall_score,
)
from career_core.smart.rules import RULES_BY_ID
from career_core.smart.text_criteria import judge_m, judge_s, judge_t
from career_core.smart.timeframes import resolve

log = logging.getLogger(__name__)


def resolve_deadline(det: Detection, today: date) -> date | None:
    """The latest date among the goal's deadlines and time frames (starts do not count)."""
    latest: date | None = None
    for hit in det.hits:
        if hit.kind not in ("deadline", "duration"):
            continue
        name = RULES_BY_ID[hit.rule].resolve
        if not name:
            continue
        when = resolve(name, dict(hit.groups), today)
        if when is not None and (latest is None or when > latest):
            latest = when
    return latest


def score_goal(text: str, context: ScoringContext | None = None, today: date | None = None) -> SmartReport:
    """Score a goal statement against SMART; context (the goal's other fields) is optional."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    today = today or date.today()
    try:
        return _score(text, context, today)
    except Exception:  # pragma: no cover - a safety net for the live editor, never expected
        log.exception("SMART scorer failed on a goal of %d characters", len(text))
        unknown = Criterion("unknown", 0.5)
        crit = FrozenDict({k: unknown for k in "SMART"})
        return SmartReport(crit, 50, False, None, (Flag("internal_error", "The goal could not be scored."),))


def _score(text: str, context: ScoringContext | None, today: date) -> SmartReport:
    det = detect(text)
    ev = Evidenced(det)
    deadline = resolve_deadline(det, today)
    a, ratio = judge_a(ev, context, deadline, today)
    s = judge_s(ev)
    crit = {
        "S": s,
        "M": judge_m(ev, s.level == "met"),
        "A": a,
        "R": judge_r(ev, context),
        "T": judge_t(ev, context, deadline, today),
    }
    levels = {k: c.level for k, c in crit.items()}
    is_smart = levels["S"] == levels["M"] == levels["T"] == "met" and levels["A"] != "missing" != levels["R"]
    flags = warnings.flags(ev, crit, deadline, today, ratio)
    return new_report(FrozenDict(crit), overall_score(levels), is_smart, deadline, flags)
