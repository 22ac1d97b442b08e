"""A notebook's check-ins and actions grouped by goal: what each goal's progress is worked out from.

A five-year notebook holds thousands of check-ins and hundreds of actions, and a save adds or
changes one or two. A caller that keeps a `Grouping` from one call to the next (a session, for its
notebook) groups again only what a save changed: check-ins are kept in runs (career_core.
frozen_runs), every run but the last grouped together once, and the actions grouped once while the
notebook holds the very same ones. Both are frozen, so the same objects group the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import compress
from operator import attrgetter

from career_core.frozen_runs import Before, Keeper, Memo
from career_core.models import Action, CheckIn

_GOAL = attrgetter("goal_id")


def checkins_by_goal(checkins: Sequence[CheckIn], needed: set[str] | None = None) -> dict[str, list[CheckIn]]:
    """Check-ins by goal, in the notebook's order, of the goals `needed` (None: all)."""
    if needed is not None:
        checkins = list(compress(checkins, map(needed.__contains__, map(_GOAL, checkins))))
    by_goal: dict[str, list[CheckIn]] = defaultdict(list)
    for c in checkins:
        by_goal[c.goal_id].append(c)
    return by_goal


def actions_by_goal(actions: Sequence[Action]) -> dict[str, tuple[Action, ...]]:
    """Actions by the goal they serve, in the notebook's order; actions serving none are left out."""
    by_goal: dict[str, list[Action]] = defaultdict(list)
    for a in actions:
        if a.goal_id:
            by_goal[a.goal_id].append(a)
    return {goal_id: tuple(mine) for goal_id, mine in by_goal.items()}


def _earlier_by_goal(runs: tuple[Memo, ...]) -> dict[str, tuple[CheckIn, ...]]:
    """The check-ins of every run but the last, by goal, as tuples: a goal none of the last run's
    check-ins are about keeps the very same tuple, which its caller's reuse test compares at once."""
    by_goal: dict[str, list[CheckIn]] = defaultdict(list)
    for run in runs:
        for goal_id, mine in run.of(checkins_by_goal).items():
            by_goal[goal_id] += mine
    return {goal_id: tuple(mine) for goal_id, mine in by_goal.items()}


class Grouping:
    """What a caller keeps to group a notebook's check-ins and actions again from one call to the
    next: the runs of check-ins, each grouped once (`runs`, which others read too), every run but the
    last grouped together (`earlier`), and the actions last grouped (`actions`)."""

    __slots__ = ("runs", "earlier", "actions")

    def __init__(self) -> None:
        self.runs: Keeper[Memo] = Keeper()
        self.earlier: Before[dict[str, tuple[CheckIn, ...]]] = Before()
        self.actions: tuple[list[Action], dict[str, tuple[Action, ...]]] | None = None

    def checkins(self, checkins: Sequence[CheckIn], needed: set[str] | None = None) -> Mapping[str, tuple[CheckIn, ...]]:
        """`checkins_by_goal`, as tuples, from what is kept: a save reads only the run it changed."""
        runs = self.runs.runs(checkins)
        if not runs:
            return {}
        kept = self.earlier.of(runs, _earlier_by_goal)
        by_goal = dict(kept) if needed is None else {goal_id: kept[goal_id] for goal_id in needed & kept.keys()}
        for goal_id, mine in runs[-1].of(checkins_by_goal).items():
            if needed is None or goal_id in needed:
                by_goal[goal_id] = by_goal.get(goal_id, ()) + tuple(mine)
        return by_goal

    def actions_of(self, actions: Sequence[Action]) -> dict[str, tuple[Action, ...]]:
        """`actions_by_goal`, kept while the notebook holds the very same actions in the same order
        (a check-in leaves them as they were). Kept against a list of their own: two lists compare
        by their pointers while the entries are the same objects, without reading the entries."""
        now = actions if type(actions) is list else list(actions)
        if self.actions is None or self.actions[0] != now:
            self.actions = (list(now), actions_by_goal(now))
        return self.actions[1]
