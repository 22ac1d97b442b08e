"""The five-year notebook used by tests and benchmarks: as big as promised, valid, repeatable."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

import pytest

from career_core.models import (
    ActionStatus,
    GoalHorizon,
    GoalStatus,
    Notebook,
    Recurrence,
)
from career_core.store import Store
from tests.synthetic import ACTIONS, CHECKINS, GOALS, REVIEWS, five_year_notebook

TODAY = date(2026, 11, 20)


@cache
def built(seed: int) -> Notebook:
    """One build per seed for the read-only checks (tests that mutate build their own)."""
    return five_year_notebook(seed, TODAY)


NB = built(0)


# --- sizes --------------------------------------------------------------------------------------

SIZES: list[tuple[str, Callable[[Notebook], int], int, int]] = [
    # what, how to count it, at least, at most
    ("goals", lambda nb: len(nb.goals), 40, 40),
    ("long-term goals", lambda nb: sum(g.horizon is GoalHorizon.LONG_TERM for g in nb.goals), 5, 10),
    ("actions", lambda nb: len(nb.actions), 400, 400),
    ("one-off actions", lambda nb: sum(a.recurrence is Recurrence.NONE for a in nb.actions), 200, 320),
    ("recurring actions", lambda nb: sum(a.recurrence is not Recurrence.NONE for a in nb.actions), 80, 200),
    ("completed occurrences of recurring actions", lambda nb: sum(len(a.done_on) for a in nb.actions), 1000, 5000),
    ("check-ins", lambda nb: len(nb.checkins), 5000, 5000),
    ("reviews", lambda nb: len(nb.reviews), 60, 60),
    ("inputs", lambda nb: len(nb.inputs), 20, 50),
    ("development items", lambda nb: len(nb.development_items), 20, 60),
    ("initiatives", lambda nb: len(nb.initiatives), 5, 15),
    ("stop-doing items", lambda nb: len(nb.stop_doing), 5, 20),
    ("journal entries", lambda nb: len(nb.journal), 20, 60),
    ("coach notes", lambda nb: len(nb.coach_notes), 10, 40),
    ("feedback entries", lambda nb: len(nb.feedback), 10, 40),
    ("goal revisions", lambda nb: sum(len(g.revisions) for g in nb.goals), 20, 200),
    ("serialised size in bytes", lambda nb: len(nb.to_json()), 400_000, 2_000_000),
]


@pytest.mark.parametrize(("count", "low", "high"), [(c, lo, hi) for _, c, lo, hi in SIZES], ids=[s[0] for s in SIZES])
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_size(seed: int, count: Callable[[Notebook], int], low: int, high: int) -> None:
    assert low <= count(built(seed)) <= high


def test_the_module_constants_are_the_promised_sizes() -> None:
    assert (GOALS, ACTIONS, CHECKINS, REVIEWS) == (40, 400, 5000, 60)


# --- shape --------------------------------------------------------------------------------------

SHAPE: list[tuple[str, Callable[[Notebook], bool]]] = [
    ("every short-term goal is a stepping stone of a long-term one",
     lambda nb: all(nb.goal(g.parent_id).horizon is GoalHorizon.LONG_TERM
                    for g in nb.goals if g.horizon is GoalHorizon.SHORT_TERM)),
    ("every long-term goal has stepping stones",
     lambda nb: all(any(c.parent_id == g.id for c in nb.goals) for g in nb.goals if g.horizon is GoalHorizon.LONG_TERM)),
    ("goals in every state of a long history",
     lambda nb: {GoalStatus.ACTIVE, GoalStatus.ACHIEVED, GoalStatus.DRAFT} <= {g.status for g in nb.goals}),
    ("weekly, every-two-weeks and monthly actions",
     lambda nb: {Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY} <= {a.recurrence for a in nb.actions}),
    ("actions done, to do and dropped", lambda nb: {a.status for a in nb.actions} == set(ActionStatus)),
    ("some actions belong to an initiative", lambda nb: any(a.initiative_id for a in nb.actions)),
    ("the history spans five years up to today",
     lambda nb: min(c.on for c in nb.checkins) < TODAY - timedelta(days=4 * 365)
     and TODAY - timedelta(days=14) <= max(c.on for c in nb.checkins) <= TODAY),
    ("nothing is dated after today except plans",
     lambda nb: max(c.on for c in nb.checkins) <= TODAY and max(r.on for r in nb.reviews) <= TODAY
     and all(d <= TODAY for a in nb.actions for d in a.done_on)),
    ("reviews come about once a month",
     lambda nb: all(20 <= (b.on - a.on).days <= 40 for a, b in itertools.pairwise(nb.reviews))),
    ("each check-in lies within its goal's start and deadline",
     lambda nb: all(nb.goal(c.goal_id).start <= c.on <= nb.goal(c.goal_id).deadline for c in nb.checkins)),
    ("at most one check-in per goal per day", lambda nb: max(Counter((c.goal_id, c.on) for c in nb.checkins).values()) == 1),
    ("check-ins are in date order", lambda nb: [c.on for c in nb.checkins] == sorted(c.on for c in nb.checkins)),
    ("some check-ins have notes, some confidence",
     lambda nb: 0.1 < sum(bool(c.note) for c in nb.checkins) / len(nb.checkins) < 0.5
     and 0.1 < sum(c.confidence is not None for c in nb.checkins) / len(nb.checkins) < 0.5),
    ("text is a sentence or two, not a page",
     lambda nb: all(10 <= len(t) <= 300 for t in [g.statement for g in nb.goals] + [r.went_well for r in nb.reviews]
                    + [c.note for c in nb.checkins if c.note])),
    ("ids are unique across the notebook",
     lambda nb: len(ids := [x.id for part in ("goals", "actions", "checkins", "reviews", "initiatives", "journal")
                            for x in getattr(nb, part)]) == len(set(ids))),
]


@pytest.mark.parametrize("check", [c for _, c in SHAPE], ids=[name for name, _ in SHAPE])
def test_the_notebook_has(check: Callable[[Notebook], bool]) -> None:
    assert check(NB)


REFERENCES: list[tuple[str, Callable[[Notebook], list[str]], Callable[[Notebook], set[str]]]] = [
    ("action goal_id -> goals", lambda nb: [a.goal_id for a in nb.actions if a.goal_id], lambda nb: {g.id for g in nb.goals}),
    ("action initiative_id -> initiatives", lambda nb: [a.initiative_id for a in nb.actions if a.initiative_id],
     lambda nb: {i.id for i in nb.initiatives}),
    ("goal objective_ids -> objectives", lambda nb: [o for g in nb.goals for o in g.objective_ids],
     lambda nb: {o.id for o in nb.org_objectives}),
    ("initiative goal_ids -> goals", lambda nb: [x for i in nb.initiatives for x in i.goal_ids], lambda nb: {g.id for g in nb.goals}),
    ("review decision goal_id -> goals", lambda nb: [d.goal_id for r in nb.reviews for d in r.decisions],
     lambda nb: {g.id for g in nb.goals}),
    ("journal goal_id -> goals", lambda nb: [j.goal_id for j in nb.journal if j.goal_id], lambda nb: {g.id for g in nb.goals}),
]


@pytest.mark.parametrize(("refs", "targets"), [(r, t) for _, r, t in REFERENCES], ids=[n for n, _, _ in REFERENCES])
def test_every_reference_resolves(refs: Callable, targets: Callable) -> None:
    found = refs(NB)
    assert found
    assert set(found) <= targets(NB)


# --- determinism, validity, speed -------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_the_same_seed_and_day_give_the_same_notebook(seed: int) -> None:
    assert five_year_notebook(seed, TODAY).to_json() == five_year_notebook(seed, TODAY).to_json()


@pytest.mark.parametrize(("a", "b"), [(0, 1), (1, 2), (0, 42)])
def test_different_seeds_give_different_notebooks(a: int, b: int) -> None:
    assert five_year_notebook(a, TODAY).to_json() != five_year_notebook(b, TODAY).to_json()


@pytest.mark.parametrize("today", [date(2024, 2, 29), date(2026, 1, 1), date(2031, 12, 31)])
def test_the_history_ends_on_the_given_day(today: date) -> None:
    nb = five_year_notebook(0, today)
    assert today - timedelta(days=14) <= max(c.on for c in nb.checkins) <= today
    assert len(nb.checkins) == CHECKINS


def test_today_defaults_to_the_real_today() -> None:
    nb = five_year_notebook()
    assert max(c.on for c in nb.checkins) <= date.today()
    assert nb.to_json() == five_year_notebook(0, date.today()).to_json()


def test_it_validates_from_its_own_dump() -> None:
    assert Notebook.model_validate(NB.model_dump()) == NB


def test_it_survives_a_json_round_trip() -> None:
    assert Notebook.from_json(NB.to_json()) == NB
    assert Notebook.model_validate(json.loads(json.dumps(NB.model_dump(mode="json")))) == NB


def test_it_survives_a_store_add_save_and_load(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'waypoint.db'}")
    added = store.add("someone", NB)
    saved = store.save("someone", added)
    loaded = store.load("someone", added.id)
    assert loaded == saved
    assert loaded.checkins == NB.checkins
    store.engine.dispose()
