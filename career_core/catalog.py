"""The data files the pages offer as starting points: the goal library, values and skills.

They live under data/ so they can be edited without touching code. Each is read once per
process and checked as it is read, so a mistake in a data file fails loudly at start-up (and in
the tests) instead of showing a half-empty list.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from career_core.models import GoalHorizon, Metric

DATA = Path(__file__).resolve().parents[1] / "data"
LIBRARY_PATH = DATA / "goal_library.toml"
VALUES_PATH = DATA / "values.txt"
SKILLS_PATH = DATA / "skills.txt"


class CatalogError(ValueError):
    """A data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class LibraryGoal:
    id: str
    category_id: str
    category: str
    title: str
    statement: str
    hint: str
    horizon: GoalHorizon
    metric: Metric | None


@dataclass(frozen=True, slots=True)
class LibraryCategory:
    id: str
    title: str
    blurb: str
    goals: tuple[LibraryGoal, ...]


def read_list(path: Path) -> tuple[str, ...]:
    """One entry a line; blank lines and `#` comments skipped; the first spelling of a duplicate wins."""
    seen: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            seen.setdefault(entry.casefold(), entry)
    if not seen:
        raise CatalogError(f"{path.name}: the list is empty")
    return tuple(seen.values())


@cache
def values() -> tuple[str, ...]:
    return read_list(VALUES_PATH)


@cache
def skills() -> tuple[str, ...]:
    return read_list(SKILLS_PATH)


def parse_library(text: str, source: str = "goal_library.toml") -> tuple[LibraryCategory, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{source}: {exc}") from exc
    categories = []
    ids: set[str] = set()
    for c, raw in enumerate(data.get("category", [])):
        where = f"{source}: category {c + 1}"
        cat_id, title = _required(raw, "id", where), _required(raw, "title", where)
        goals = []
        for g, item in enumerate(raw.get("goal", [])):
            at = f"{where} ({cat_id}), goal {g + 1}"
            goal_id = _required(item, "id", at)
            if goal_id in ids:
                raise CatalogError(f"{at}: the id {goal_id!r} is used twice")
            ids.add(goal_id)
            try:
                horizon = GoalHorizon(item.get("horizon", "short_term"))
                metric = Metric.model_validate(item["metric"]) if "metric" in item else None
            except (ValueError, TypeError) as exc:
                raise CatalogError(f"{at} ({goal_id}): {exc}") from exc
            goals.append(
                LibraryGoal(
                    id=goal_id,
                    category_id=cat_id,
                    category=title,
                    title=_required(item, "title", at),
                    statement=_required(item, "statement", at),
                    hint=_required(item, "hint", at),
                    horizon=horizon,
                    metric=metric,
                )
            )
        if not goals:
            raise CatalogError(f"{where} ({cat_id}): a category needs at least one goal")
        categories.append(LibraryCategory(cat_id, title, str(raw.get("blurb", "")), tuple(goals)))
    if not categories:
        raise CatalogError(f"{source}: no categories")
    return tuple(categories)


@cache
def goal_library() -> tuple[LibraryCategory, ...]:
    return parse_library(LIBRARY_PATH.read_text(encoding="utf-8"), LIBRARY_PATH.name)


def library_goal(goal_id: str) -> LibraryGoal | None:
    return next((g for c in goal_library() for g in c.goals if g.id == goal_id), None)


def _required(raw: dict, name: str, where: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{where}: {name!r} is missing or empty")
    return value.strip()
