"""The goal's fields as its wording names them: a deadline, a baseline and a target, a limit.

The SMART scorer (career_core.smart) is the one parse: its report's deadline, and the numbers it
found for Measurable (the evidence spans of kind "quantity" and "bound"). This module only reads
what each number is for from the words beside it, with the word lists in data/goal_fields.toml:

* "from 62 to 75": baseline 62, target 75 (and the direction they imply);
* "at most 50", "under 25", "at least 10": a limit or a floor, its value the target;
* "to 45 hours": the target, the direction from the verb ("reduce" goes down);
* "by 20%", "lose 10kg": an amount of change; with a baseline the target follows from it,
  without one the change itself is counted, from 0;
* one number alone ("hire 3 engineers"): the target.

`offers` says which fields the wording would fill or change, for the Draft and the Review's
"revise" to offer (shown before it is applied); `disagreements` says where a saved goal's
wording and fields say different things, so every page can say so in words.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Final

from career_core import direction as directions
from career_core import wording
from career_core.edit import assign
from career_core.models import Direction, Goal, Metric
from career_core.smart import SmartReport

WORDS_FILE: Final = Path(__file__).resolve().parents[1] / "data" / "goal_fields.toml"
FIELDS: Final = ("deadline", "baseline", "target", "direction", "unit")
LABELS: Final = {"deadline": "deadline", "baseline": "baseline", "target": "target", "direction": "direction",
                 "unit": "unit"}
_NUMBER = re.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<mult>k|m|bn)(?![a-z]))?", re.IGNORECASE)
_GLUED = re.compile(r"\d[\d,.]*\s?(?P<unit>[a-z]+)$", re.IGNORECASE)
_CURRENCY = re.compile(r"[$£€¥]")
_WORD = re.compile(r"[a-z][a-z'-]*")
_MULTIPLIERS: Final = {"k": 1e3, "m": 1e6, "bn": 1e9}
_NUMBER_RULES: Final = frozenset({"M.number", "M.percent", "M.money", "M.glued_unit", "M.bound"})


@cache
def _words() -> dict[str, list[str]]:
    return tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class _Quantity:
    value: float
    start: int
    end: int
    before: str  # the word just before the number: "from", "to", "by", ...
    unit: str
    side: Direction | None  # a bound's side of the limit
    percent: bool


@dataclass(frozen=True, slots=True)
class Named:
    """What a goal's wording names, field by field (None or "" where it names nothing)."""

    deadline: date | None = None
    deadline_words: str = ""
    baseline: float | None = None
    target: float | None = None
    direction: Direction | None = None
    unit: str = ""
    change: float | None = None  # "by 20%", "lose 10kg": how much to move, not where to end
    change_percent: bool = False
    words: str = ""  # the words the numbers come from, as written


def named(text: str, report: SmartReport) -> Named:
    """Read the fields from a goal's wording and the scorer's report of the same wording."""
    deadline_words = ""
    if report.deadline is not None:
        spans = [e for e in report.criteria["T"].evidence if e.kind in ("deadline", "duration")]
        if spans:
            last = max(spans, key=lambda e: e.end)
            deadline_words = text[last.start:last.end]
    quantities = _quantities(text, report)
    verb = _verb(text)
    base = Named(deadline=report.deadline, deadline_words=deadline_words)
    if not quantities:
        return base
    start = next((q for q in quantities if q.before in _words()["from"]), None)
    end = next((q for q in quantities if q.before in _words()["to"] and (start is None or q.start > start.start)), None)
    if start is not None and end is not None:
        return _with(base, text, (start, end), baseline=start.value, target=end.value,
                     direction=Direction(directions.implied(start.value, end.value) or verb or Direction.INCREASE),
                     unit=end.unit or start.unit)
    bound = next((q for q in quantities if q.side is not None), None)
    if bound is not None:
        return _with(base, text, (bound,), target=bound.value, direction=bound.side, unit=bound.unit)
    if end is not None:
        return _with(base, text, (end,), target=end.value, direction=verb, unit=end.unit)
    first = quantities[0]
    if first.before in _words()["by"] or (verb is Direction.DECREASE and len(quantities) == 1):
        return _with(base, text, (first,), change=first.value, change_percent=first.percent, direction=verb,
                     unit=first.unit)
    return _with(base, text, (first,), target=first.value, direction=verb or Direction.INCREASE, unit=first.unit)


def _with(base: Named, text: str, used: tuple[_Quantity, ...], **values: object) -> Named:
    end = used[-1].end
    unit = str(values.get("unit") or "")
    if unit and text[end:].lstrip().startswith(unit):
        end = text.index(unit, end) + len(unit)
    words = text[used[0].start:end]
    prefix = used[0].before
    if prefix in (*_words()["from"], *_words()["to"], *_words()["by"]):
        words = f"{prefix} {words}"
    fields = {"deadline": base.deadline, "deadline_words": base.deadline_words, "words": words, **values}
    return Named(**fields)  # type: ignore[arg-type]


def _quantities(text: str, report: SmartReport) -> list[_Quantity]:
    out = []
    seen: set[tuple[int, int]] = set()
    for e in sorted(report.criteria["M"].evidence, key=lambda e: e.start):
        if e.rule not in _NUMBER_RULES or (e.start, e.end) in seen:
            continue
        seen.add((e.start, e.end))
        span = text[e.start:e.end]
        match = _NUMBER.search(span)
        if match is None:
            continue
        value = float(match["n"].replace(",", "")) * _MULTIPLIERS.get((match["mult"] or "").lower(), 1.0)
        side = _side(span) if e.kind == "bound" else None
        out.append(_Quantity(value, e.start, e.end, _word_before(text, e.start), _unit(text, e, span), side,
                             e.rule == "M.percent"))
    return out


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 20):start].lower())
    return words[-1] if words else ""


def _side(span: str) -> Direction | None:
    lower = " ".join(span.lower().split())
    for name, direction in (("at_most", Direction.AT_MOST), ("at_least", Direction.AT_LEAST)):
        if any(lower.startswith(phrase + " ") or lower.startswith(phrase + "-") for phrase in _words()[name]):
            return direction
    return None


def _unit(text: str, e: object, span: str) -> str:
    """'%', '$', 'kg', or the word after the number ('hours', 'hours a month')."""
    rule = getattr(e, "rule", "")
    if rule == "M.percent":
        return "%"
    if rule == "M.money" and (symbol := _CURRENCY.search(span)):
        return symbol.group(0)
    if rule == "M.glued_unit" and (glued := _GLUED.search(span)):
        return glued["unit"]
    after = text[getattr(e, "end", 0):]
    match = re.match(r"\s+([A-Za-z][A-Za-z-]*)(\s+(?:a|an|per)\s+([a-z]+))?", after)
    if match is None or match.group(1).lower() in _words()["not_a_unit"]:
        return ""
    unit = match.group(1)
    if match.group(3) and match.group(3).lower() in _words()["periods"]:
        unit += match.group(2)
    return " ".join(unit.split())


def _verb(text: str) -> Direction | None:
    lower = " " + " ".join(_WORD.findall(text.lower())) + " "
    found = [(lower.find(f" {verb} "), direction) for direction in (Direction.DECREASE, Direction.INCREASE)
             for verb in _words()[direction.value] if f" {verb} " in lower]
    return min(found, key=lambda f: f[0])[1] if found else None


# --- offers: the fields the wording would fill or change ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Offer:
    """One field the wording names: its value there, and what the field holds now."""

    field: str  # one of FIELDS
    value: date | float | Direction | str
    now: date | float | Direction | str | None
    words: str  # the words of the statement it comes from

    @property
    def disagrees(self) -> bool:
        """The field holds something else (an empty field only waits to be filled)."""
        return self.now not in (None, "") and self.now != self.value

    def shown(self, value: object, today: date | None) -> str:
        if isinstance(value, Direction):
            return value.label
        if isinstance(value, date):
            return wording.day(value, today)
        if isinstance(value, float):
            return wording.number(value)
        return str(value) if value not in (None, "") else "empty"

    def describe(self, today: date | None = None) -> str:
        """'deadline 30 Jun 2027 (now 31 Mar 2027)', 'target 75 (now empty)'."""
        return f"{LABELS[self.field]} {self.shown(self.value, today)} (now {self.shown(self.now, today)})"


def offers(text: str, report: SmartReport, deadline: date | None, metric: Metric) -> list[Offer]:
    """The fields the wording names with a value other than the field's, in FIELDS order.

    Numbers are left alone for a done/not-done goal: its target is done, whatever the wording counts.
    """
    n = named(text, report)
    out: list[Offer] = []
    if n.deadline is not None and n.deadline != deadline:
        out.append(Offer("deadline", n.deadline, deadline, n.deadline_words))
    if metric.direction is Direction.DONE:
        return out
    baseline, target, direction, unit = n.baseline, n.target, n.direction, n.unit
    if n.change is not None:
        if metric.baseline is not None:
            down = (direction or Direction.INCREASE) is Direction.DECREASE
            step = metric.baseline * n.change / 100 if n.change_percent else n.change
            target = metric.baseline - step if down else metric.baseline + step
            unit = metric.unit if n.change_percent else unit
        else:  # no baseline yet: count the change itself, from 0
            baseline, target, direction = 0.0, n.change, Direction.INCREASE
    if direction is not None and baseline is None and target is not None and metric.baseline is not None \
            and direction in (Direction.INCREASE, Direction.DECREASE):
        direction = Direction(directions.follow(direction.value, metric.baseline, target))
    wanted = {"baseline": baseline, "target": target, "direction": direction, "unit": unit}
    unset = metric.baseline is None and metric.target is None  # a direction without numbers is only the default
    for name in ("baseline", "target", "direction", "unit"):
        value, now = wanted[name], None if name == "direction" and unset else getattr(metric, name)
        if value in (None, "") or value == getattr(metric, name) or (name == "unit" and now):
            continue  # a unit written otherwise ("hours/month") is not a disagreement
        out.append(Offer(name, value, now, n.words))
    return out


def disagreements(goal: Goal, report: SmartReport) -> list[Offer]:
    """Where a saved goal's wording and its filled-in fields say different things."""
    return [o for o in offers(goal.statement, report, goal.deadline, goal.metric) if o.disagrees]


def disagreement_words(found: list[Offer], today: date | None = None) -> str:
    """'The wording says “by 30 June 2027”, the deadline is 31 Mar 2027: use the wording's, or reword it.'"""
    if not found:
        return ""
    parts = [f"“{o.words}”, the {LABELS[o.field]} {o.shown(o.now, today)}" for o in found]
    return (f"The wording says {'; '.join(parts)}. Use the wording's "
            f"{'value' if len(found) == 1 else 'values'} in the fields, or reword the goal.")


def filled(deadline: date | None, metric: Metric, chosen: list[Offer]) -> tuple[date | None, Metric]:
    """The deadline and metric with the offers applied (the direction kept in step with the numbers)."""
    values = {o.field: o.value for o in chosen}
    deadline = values.pop("deadline", deadline)  # type: ignore[assignment]
    data = metric.model_dump() | values
    if "direction" not in values:
        data["direction"] = directions.follow(str(data["direction"]), data["baseline"], data["target"])
    return deadline, Metric.model_validate(data)


def apply_offers(goal: Goal, chosen: list[Offer]) -> None:
    """Put the wording's values into a saved goal's fields, all at once or not at all."""
    deadline, metric = filled(goal.deadline, goal.metric, chosen)
    assign(goal, deadline=deadline, metric=metric)
