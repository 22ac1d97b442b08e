"""The SMART scorer: how specific, measurable, achievable, relevant and time-bound a goal is.

    from career_core.smart import badge, score_goal
    report = score_goal("Pass the PMP exam by March 2027")
    report.criteria["T"].level        # "met"
    report.deadline                   # date(2027, 3, 31)
    badge(report).label               # "Sharp wording": A and R still wait for the person

Word lists, patterns and advice live in rules.toml; see text_criteria.py (S, M, T) and
context_criteria.py (A, R) for how each criterion is judged and timeframes.py for how dates are
read.
"""

from career_core.smart.badge import Badge, badge
from career_core.smart.context import ScoringContext, context_for
from career_core.smart.report import (
    LEVELS,
    Criterion,
    Evidence,
    Flag,
    SmartReport,
    highlight_segments,
    overall_score,
)
from career_core.smart.rules import KINDS, LEVEL_LABELS
from career_core.smart.scorer import score_goal

__all__ = [
    "KINDS",
    "LEVELS",
    "LEVEL_LABELS",
    "Badge",
    "Criterion",
    "Evidence",
    "Flag",
    "ScoringContext",
    "SmartReport",
    "badge",
    "context_for",
    "highlight_segments",
    "overall_score",
    "score_goal",
]
