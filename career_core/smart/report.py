"""What the scorer returns: small frozen dataclasses that are cheap to build and safe to share.

The UI reads levels, evidence spans and advice from here; it never needs the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Literal

from career_core.smart.rules import LEVEL_LABELS

Level = Literal["met", "partial", "missing", "unknown"]
LEVELS: tuple[Level, ...] = ("met", "partial", "missing", "unknown")

# How much each level counts towards the overall score; unknown counts as half, like partial,
# so a goal is neither punished nor rewarded for what only the person can tell us.
LEVEL_SCORE: dict[str, float] = {"met": 1.0, "partial": 0.5, "unknown": 0.5, "missing": 0.0}
# S, M and T can be read from the text and weigh most; A and R need the person.
WEIGHTS: dict[str, float] = {"S": 25.0, "M": 25.0, "T": 25.0, "A": 12.5, "R": 12.5}
HIGHLIGHT_ORDER = ("S", "M", "T", "A", "R")  # on equal spans, what the text says comes first


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words at text[start:end] that count for (or against) a criterion.

    kind is one of career_core.smart.rules.KINDS ("quantity", "deadline", "vague", ...);
    rule is the id of the rule in rules.toml that found it.
    """

    start: int
    end: int
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class Criterion:
    level: Level
    score: float
    evidence: tuple[Evidence, ...] = ()
    advice: str = ""  # one concrete next step; empty when met
    reasons: tuple[str, ...] = ()  # what the context contributed ("Confidence 8/10")

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]


@dataclass(frozen=True, slots=True)
class Flag:
    id: str
    message: str
    start: int | None = None
    end: int | None = None


class FrozenDict(dict):
    """A dict that refuses changes, so a report can be shared between reruns safely."""

    __slots__ = ()

    def _readonly(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("a SMART report cannot be changed")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly  # type: ignore[assignment]
    __ior__ = _readonly  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self.items()))

    def __copy__(self) -> FrozenDict:
        return self

    def __deepcopy__(self, memo: dict) -> FrozenDict:
        return self

    def __reduce__(self) -> tuple:
        return (FrozenDict, (dict(self),))


@dataclass(frozen=True, slots=True)
class SmartReport:
    criteria: dict[str, Criterion]  # keyed "S", "M", "A", "R", "T"; read-only
    overall: int  # 0..100
    is_smart: bool
    deadline: date | None = None
    flags: tuple[Flag, ...] = ()

    LABELS: ClassVar[dict[str, str]] = LEVEL_LABELS  # level -> UI label

    def label(self, key: str) -> str:
        """The UI label of one criterion's level ("Met", "Partly", ...)."""
        return LEVEL_LABELS[self.criteria[key].level]

    def flag(self, flag_id: str) -> Flag | None:
        return next((f for f in self.flags if f.id == flag_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON exports and tests."""
        return {
            "overall": self.overall,
            "is_smart": self.is_smart,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "criteria": {
                key: {
                    "level": c.level,
                    "label": c.label,
                    "score": c.score,
                    "advice": c.advice,
                    "reasons": list(c.reasons),
                    "evidence": [{"start": e.start, "end": e.end, "kind": e.kind, "rule": e.rule} for e in c.evidence],
                }
                for key, c in self.criteria.items()
            },
            "flags": [{"id": f.id, "message": f.message, "start": f.start, "end": f.end} for f in self.flags],
        }


# A frozen dataclass refuses plain assignment, so its generated __init__ sets each field through
# object.__setattr__; setting the slots through their descriptors builds the same object about
# twice as fast. The scorer builds a few of these per keystroke, so it uses these three.
_new = object.__new__
_E_START, _E_END, _E_KIND, _E_RULE = (Evidence.__dict__[name].__set__ for name in ("start", "end", "kind", "rule"))
_C_LEVEL, _C_SCORE, _C_EVIDENCE, _C_ADVICE, _C_REASONS = (
    Criterion.__dict__[name].__set__ for name in ("level", "score", "evidence", "advice", "reasons")
)
_R_CRITERIA, _R_OVERALL, _R_IS_SMART, _R_DEADLINE, _R_FLAGS = (
    SmartReport.__dict__[name].__set__ for name in ("criteria", "overall", "is_smart", "deadline", "flags")
)


def new_evidence(start: int, end: int, kind: str, rule: str) -> Evidence:
    """Evidence(start, end, kind, rule), built quicker."""
    e = _new(Evidence)
    _E_START(e, start)
    _E_END(e, end)
    _E_KIND(e, kind)
    _E_RULE(e, rule)
    return e


def new_criterion(level: Level, score: float, evidence: tuple[Evidence, ...], advice: str, reasons: tuple[str, ...]) -> Criterion:
    """Criterion(level, score, evidence, advice, reasons), built quicker."""
    c = _new(Criterion)
    _C_LEVEL(c, level)
    _C_SCORE(c, score)
    _C_EVIDENCE(c, evidence)
    _C_ADVICE(c, advice)
    _C_REASONS(c, reasons)
    return c


def new_report(criteria: dict[str, Criterion], overall: int, is_smart: bool, deadline: date | None, flags: tuple[Flag, ...]) -> SmartReport:
    """SmartReport(criteria, overall, is_smart, deadline, flags), built quicker."""
    r = _new(SmartReport)
    _R_CRITERIA(r, criteria)
    _R_OVERALL(r, overall)
    _R_IS_SMART(r, is_smart)
    _R_DEADLINE(r, deadline)
    _R_FLAGS(r, flags)
    return r


def overall_score(levels: dict[str, str]) -> int:
    """The weighted sum of the levels, 0..100. A met criterion never lowers it (met is the top)."""
    key = (levels["S"], levels["M"], levels["A"], levels["R"], levels["T"])
    found = _OVERALL.get(key)
    if found is None:  # at most 4**5 level combinations, so each is summed once
        found = _OVERALL[key] = int(sum(WEIGHTS[k] * LEVEL_SCORE[levels[k]] for k in WEIGHTS) + 0.5)
    return found


_OVERALL: dict[tuple[str, ...], int] = {}


def highlight_segments(text: str, report: SmartReport) -> list[tuple[str, str | None]]:
    """The whole text as (segment, evidence kind or None) pieces, in order, for plain highlighting.

    Overlapping evidence is cut so each character belongs to one piece; the earliest and then
    the longest span wins, and on a tie the criterion that comes first in S, M, T, A, R.
    Joining the segments gives back text exactly.
    """
    seen: dict[tuple[int, int], str] = {}
    for key in HIGHLIGHT_ORDER:
        criterion = report.criteria.get(key)
        for e in criterion.evidence if criterion else ():
            if 0 <= e.start < e.end <= len(text):
                seen.setdefault((e.start, e.end), e.kind)
    spans = sorted(((s, e, k) for (s, e), k in seen.items()), key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[str, str | None]] = []
    cursor = 0
    for start, end, kind in spans:
        start = max(start, cursor)
        if start >= end:
            continue
        if start > cursor:
            out.append((text[cursor:start], None))
        out.append((text[start:end], kind))
        cursor = end
    if cursor < len(text):
        out.append((text[cursor:], None))
    return out
