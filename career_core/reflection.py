"""What the Reflect page derives from the person's answers: gaps, priorities, authenticity.

The method asks people to list many things they could develop and then keep only the few with
the most value and the most motivation behind them; these rules decide which few, and what an
honest authenticity check says about each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from career_core import wording
from career_core.edit import assign
from career_core.models import DevelopmentItem, InputEntry, InputRole, Reflection, SkillRating

T = TypeVar("T")

# How many development items the method asks people to keep working on at once.
TOP_FEW: Final = 3
# Keeping more than this many at once spreads the effort too thin; the page says so.
KEEP_LIMIT: Final = 5


# --- self-assessment -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SkillGap:
    skill_id: str
    name: str
    now: int
    wanted: int

    @property
    def gap(self) -> int:
        """Positive: room to grow; zero: where you want to be; negative: more than you need."""
        return self.wanted - self.now

    @property
    def describe(self) -> str:
        if self.gap > 0:
            return f"{wording.plural(self.gap, 'step')} to grow"
        if self.gap == 0:
            return "where you want it"
        return "more than you need"


def skill_gaps(skills: Iterable[SkillRating]) -> list[SkillGap]:
    """Biggest gap first, then by name, so the chart reads as a to-do list."""
    gaps = [SkillGap(s.id, s.name, s.now, s.wanted) for s in skills]
    return sorted(gaps, key=lambda g: (-g.gap, g.name.casefold()))


def vision_notes(horizon_year: int | None, today_year: int) -> list[str]:
    """Gentle remarks on a vision's horizon; the model already rejects impossible years."""
    if horizon_year is None:
        return []
    if horizon_year < today_year:
        return [f"{horizon_year} has passed. Pick the year you want to be there, a few years from now."]
    if horizon_year == today_year:
        return ["A vision for this year is close to a goal. A horizon of three to ten years leaves room to grow."]
    if horizon_year - today_year > 20:
        return ["That is a long way off. Most people find a horizon of three to ten years easier to plan towards."]
    return []


def move(items: Sequence[T], index: int, step: int) -> list[T]:
    """A copy with the item at `index` moved `step` places (negative: up), clamped to the ends."""
    out = list(items)
    if not 0 <= index < len(out):
        return out
    target = min(max(index + step, 0), len(out) - 1)
    out.insert(target, out.pop(index))
    return out


def _same(name: str) -> str:
    return " ".join(name.split()).casefold()


def skill_name_taken(skills: Iterable[SkillRating], name: str) -> bool:
    return any(_same(s.name) == _same(name) for s in skills)


def skills_to_offer(listed: Iterable[str], rated: Iterable[SkillRating]) -> list[str]:
    """The listed skills not rated yet (a rated one is changed in its table row, not added twice)."""
    taken = {_same(s.name) for s in rated}
    return [name for name in listed if _same(name) not in taken]


def new_skill(rated: Iterable[SkillRating], name: str, now: int, wanted: int) -> SkillRating:
    """A skill to add; ValueError ("name: ...") when it is rated already (in any spelling of spaces or case)."""
    skill = SkillRating(name=name, now=now, wanted=wanted)
    if skill_name_taken(rated, skill.name):
        raise ValueError(f"name: “{skill.name}” is already rated; change its ratings in the table below.")
    return skill


# --- input log -----------------------------------------------------------------------------------

# Everyone the method suggests asking, in the order it names them.
ASK_ROLES: Final = (InputRole.MENTOR, InputRole.MANAGER, InputRole.PEER, InputRole.DIRECT_REPORT,
                    InputRole.COACH, InputRole.FRIEND)


def roles_not_asked(inputs: Iterable[InputEntry]) -> list[InputRole]:
    """Whose view is still missing: a full picture comes from several directions."""
    asked = {i.role for i in inputs}
    return [r for r in ASK_ROLES if r not in asked]


def next_role(inputs: Sequence[InputEntry]) -> InputRole:
    """The role the input form offers first: the one of the entry logged last (people often log
    several talks with mentors in a row), else a mentor."""
    return inputs[-1].role if inputs else InputRole.MENTOR


def newest_first(inputs: Iterable[InputEntry]) -> list[InputEntry]:
    return sorted(inputs, key=lambda i: (i.on, i.id), reverse=True)


# --- development list ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Priority:
    item_id: str
    title: str
    category: str
    value: int
    motivation: int
    rank: int
    top: bool  # among the few with the most value and motivation
    kept: bool

    @property
    def score(self) -> int:
        return self.value * self.motivation


def priorities(items: Iterable[DevelopmentItem], top: int = TOP_FEW) -> list[Priority]:
    """Rank by value × motivation; ties go to more value, then more motivation, then the title.

    Value comes first in a tie because the method keeps what matters most to the career, and
    motivation can be built once the reason is clear.
    """
    ordered = sorted(items, key=lambda i: (-i.value * i.motivation, -i.value, -i.motivation, i.title.casefold()))
    return [
        Priority(i.id, i.title, i.category.label, i.value, i.motivation, rank, rank <= top, i.kept)
        for rank, i in enumerate(ordered, start=1)
    ]


def keep_top(items: list[DevelopmentItem], top: int = TOP_FEW) -> None:
    """Keep the top few by value × motivation and set the rest aside (they stay in the list)."""
    chosen = {p.item_id for p in priorities(items, top) if p.top}
    for item in items:
        assign(item, kept=item.id in chosen)


@dataclass(frozen=True, slots=True)
class KeepAdvice:
    kept: int
    message: str | None


def keep_advice(items: Sequence[DevelopmentItem], top: int = TOP_FEW, limit: int = KEEP_LIMIT) -> KeepAdvice:
    ranked = priorities(items, top)
    kept = [p for p in ranked if p.kept]
    if not ranked:
        return KeepAdvice(0, None)
    if not kept:
        return KeepAdvice(0, f"Nothing is kept yet. Keep the top {top} by value and motivation to focus your energy.")
    if len(kept) > limit:
        return KeepAdvice(
            len(kept),
            f"You are keeping {len(kept)} items. Energy spread over that many rarely moves any of them: "
            f"consider keeping the top {top} and setting the rest aside for later.",
        )
    passed_over = [p for p in ranked if p.top and not p.kept]
    if passed_over:
        names = " and ".join(f"“{p.title}”" for p in passed_over)
        one = len(passed_over) == 1
        return KeepAdvice(len(kept), f"{names} {'ranks' if one else 'rank'} among your top {top} but "
                                     f"{'is' if one else 'are'} set aside. Is something holding you back?")
    return KeepAdvice(len(kept), None)


# --- authenticity check --------------------------------------------------------------------------

# (field on DevelopmentItem, the question the person answers)
AUTHENTICITY_QUESTIONS: Final = (
    ("fits_values", "Does it fit my values?"),
    ("fits_strengths", "Does it build on my strengths?"),
    ("own_wish", "Is it my own wish, not someone else's idea of what I should do?"),
)


@dataclass(frozen=True, slots=True)
class Authenticity:
    item_id: str
    answered: int
    verdict: str  # "not checked" | "partly checked" | "rings true" | "has doubts"
    concerns: tuple[str, ...]

    @property
    def icon(self) -> str:
        return {"rings true": "✅", "has doubts": "⚠️", "partly checked": "◐"}.get(self.verdict, "○")


def authenticity_reminder(reflection: Reflection, shown: int = 5) -> str:
    """What to hold a kept item against: 'Remember your values: …; your strengths: ….' ('' without either)."""
    parts = [f"your {name}: " + ", ".join(items[:shown])
             for name, items in (("values", reflection.values), ("strengths", reflection.strengths)) if items]
    return f"Remember {'; '.join(parts)}." if parts else ""


def authenticity(item: DevelopmentItem) -> Authenticity:
    """What the three answers say together; a "no" gets a concrete suggestion, not a verdict alone."""
    answers = {name: getattr(item, name) for name, _ in AUTHENTICITY_QUESTIONS}
    answered = sum(a is not None for a in answers.values())
    concerns = []
    if answers["fits_values"] is False:
        concerns.append("It does not fit your values. Reword it so that it serves what matters to you, or let it go.")
    if answers["fits_strengths"] is False:
        if item.category.value == "weakness":
            concerns.append("It works against your strengths, as overcoming a weakness often does: plan support for it "
                            "(a mentor, a course) so it does not drain you.")
        else:
            concerns.append("It does not build on your strengths. Ask whether one of your strengths could carry it, "
                            "or whom you could learn it from.")
    if answers["own_wish"] is False:
        concerns.append("It is someone else's wish for you. Goals you do not own rarely last: talk it over with "
                        "whoever wants it, find your own reason, or set it aside.")
    if concerns:
        verdict = "has doubts"
    elif answered == len(AUTHENTICITY_QUESTIONS):
        verdict = "rings true"
    elif answered:
        verdict = "partly checked"
    else:
        verdict = "not checked"
    return Authenticity(item.id, answered, verdict, tuple(concerns))


def merge_selection(ranked: Sequence[str], selected: Iterable[str]) -> list[str]:
    """A ranked list after a multi-select: kept entries keep their rank, new ones join at the end."""
    chosen = list(dict.fromkeys(" ".join(s.split()) for s in selected if s.strip()))
    keep = [r for r in ranked if r in chosen]
    return keep + [c for c in chosen if c not in keep]
