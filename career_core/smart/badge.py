"""What the goal's badge says: "SMART" only when all five criteria are met.

One rule for every page that shows a badge. A goal whose wording is sharp (S, M and T met) but
whose achievability or relevance still waits for the person gets a verdict in words and the
fields that would settle it, so it can reach SMART without leaving the page.
The texts live in rules.toml ([badge]).
"""

from __future__ import annotations

from dataclasses import dataclass

from career_core.smart.report import SmartReport
from career_core.smart.rules import BADGE_TEXT, text

WORDING = ("S", "M", "T")
CRITERION_NAMES = {"S": "specific", "M": "measurable", "T": "time-bound"}
# The goal's fields that settle each person-side criterion.
FIELDS = {"A": "confidence", "R": "why"}


@dataclass(frozen=True, slots=True)
class Badge:
    label: str  # "SMART", "Sharp wording" or "Not SMART yet"
    smart: bool  # True only when all five criteria are met
    verdict: str  # the whole state in one sentence, in words
    needs: tuple[str, ...] = ()  # goal fields to fill: "confidence", "why"


def badge(report: SmartReport) -> Badge:
    """The badge of a scored goal (see the module docstring for the rule)."""
    levels = {k: c.level for k, c in report.criteria.items()}
    if all(level == "met" for level in levels.values()):
        return Badge(text(BADGE_TEXT, "smart_label"), True, text(BADGE_TEXT, "smart"))
    unmet = [k for k in WORDING if levels[k] != "met"]
    if unmet:
        if unmet == ["T"] and report.flag("past_deadline") is not None:
            return Badge(text(BADGE_TEXT, "not_yet_label"), False, text(BADGE_TEXT, "past"))
        return Badge(text(BADGE_TEXT, "not_yet_label"), False, text(BADGE_TEXT, "not_yet", needs=_listed([CRITERION_NAMES[k] for k in unmet])))
    waiting = [k for k in ("A", "R") if levels[k] != "met"]
    if all(levels[k] == "unknown" for k in ("A", "R")):
        asks = [text(BADGE_TEXT, "AR_unknown")]
    else:
        asks = [text(BADGE_TEXT, f"{k}_{'unknown' if levels[k] == 'unknown' else 'weak'}") for k in waiting]
    verdict = text(BADGE_TEXT, "sharp", asks=_listed(asks))
    return Badge(text(BADGE_TEXT, "sharp_label"), False, verdict, tuple(FIELDS[k] for k in waiting))


def _listed(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
