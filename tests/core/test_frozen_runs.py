"""Runs of frozen entries: a run is reused while it holds the same entries, and made again otherwise."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from career_core.frozen_runs import Before, Keeper, Memo
from career_core.models import CheckIn


def _checkins(n: int) -> list[CheckIn]:
    return [CheckIn(id=f"c{k}", goal_id="g", value=float(k)) for k in range(n)]


def _replace(at: int, **changes) -> Callable[[list[CheckIn]], None]:
    def edit(entries: list[CheckIn]) -> None:
        entries[at] = entries[at].model_copy(update=changes)
    return edit


def _copy_all(entries: list[CheckIn]) -> None:
    entries[:] = [CheckIn.model_validate(c.model_dump()) for c in entries]


def _made_again(count: int, edit: Callable[[list[CheckIn]], object]) -> list[int]:
    """Which runs of 4 over `count` check-ins a keeper makes afresh after `edit`; the runs it gives
    then hold every entry, in order."""
    entries, keeper = _checkins(count), Keeper(size=4)
    before = keeper.runs(entries)
    edit(entries)
    after = keeper.runs(entries)
    assert [c for run in after for c in run.entries] == entries
    return [k for k, run in enumerate(after) if k >= len(before) or run is not before[k]]


@pytest.mark.parametrize(
    ("edit", "made_again"),
    [
        (lambda entries: None, []),
        (_replace(1), []),
        (_replace(0), [0]),
        (_replace(1, value=-1.0), [0]),
        (_replace(5, note="a note"), [1]),
        (_replace(7, value=-1.0), [1]),
        (lambda entries: entries.append(CheckIn(id="new", goal_id="g")), [2]),
        (lambda entries: entries.pop(), [1]),
        (lambda entries: entries.pop(0), [0, 1]),
        (lambda entries: entries.insert(0, CheckIn(id="new", goal_id="g")), [0, 1, 2]),
        (_copy_all, [0, 1]),
        (lambda entries: entries.extend(_checkins(5)), [2, 3]),
        (lambda entries: (entries.append(CheckIn(id="new", goal_id="g")), _replace(1, value=-1.0)(entries)), [0, 2]),
        (lambda entries: (entries.append(CheckIn(id="new", goal_id="g")), _replace(5)(entries)), [2]),
    ],
    ids=["nothing changed", "an equal copy in the middle", "an equal copy first (the run's key changes)",
         "an entry's value changed", "a note added in the second run", "the last entry of a full run changed",
         "one added at the end", "the last removed", "the first removed (every run shifts)",
         "one put first (every run shifts)", "every entry read again (new keys)",
         "five added (a full run and one begun)", "one added and an earlier one changed",
         "one added and an equal copy in the middle"],
)
def test_a_run_is_reused_while_it_holds_the_same_entries(edit, made_again):
    """Runs of 4 over 8 check-ins; `made_again`: the runs worked out afresh after the edit. A run is
    found by its first and last entries and its length, then compared: an equal copy inside it
    keeps the run (its JSON and every answer follow from its values)."""
    assert _made_again(8, edit) == made_again


@pytest.mark.parametrize(
    ("edit", "made_again"),
    [
        (lambda entries: None, []),
        (lambda entries: entries.append(CheckIn(id="new", goal_id="g")), [2]),
        (lambda entries: entries.extend(_checkins(3)), [2, 3]),
        (_replace(9, value=-1.0), [2]),
        (_replace(2, value=-1.0), [0]),
        (lambda entries: entries.pop(), [2]),
    ],
    ids=["nothing changed", "one added to the last run", "the last run filled and another begun",
         "the last run's entry changed", "an earlier run's entry changed", "the last removed"],
)
def test_a_list_that_grows_at_the_end_keeps_its_full_runs(edit, made_again):
    """Runs of 4 over 10 check-ins (two full runs and a last of 2), what a save mostly does: the
    runs that were full are kept, and only the last, and any begun after it, are made again."""
    assert _made_again(10, edit) == made_again


@pytest.mark.parametrize(
    ("edit", "key", "worked_again"),
    [
        (lambda entries: None, "day", False),
        (lambda entries: entries.append(CheckIn(id="new", goal_id="g")), "day", False),
        (_replace(9, value=-1.0), "day", False),
        (lambda entries: entries.pop(), "day", False),
        (_replace(2, value=-1.0), "day", True),
        (lambda entries: entries.pop(0), "day", True),
        (lambda entries: entries.extend(_checkins(3)), "day", True),
        (lambda entries: None, "another day", True),
    ],
    ids=["nothing changed", "one added to the last run", "the last run's entry changed", "the last removed",
         "an earlier run's entry changed", "the first removed (every run shifts)", "a new run begun",
         "another key (a calendar's window moved)"],
)
def test_what_is_worked_out_before_the_last_run_is_kept_while_those_runs_are(edit, key, worked_again):
    """Runs of 4 over 10 check-ins (two full runs and a last of 2): the fold over every run but the
    last is worked out again only when one of those runs, or the key, changed."""
    calls: list[int] = []

    def counted(runs: tuple[Memo, ...]) -> list[CheckIn]:
        calls.append(len(runs))
        return [c for run in runs for c in run.entries]

    entries, keeper, before = _checkins(10), Keeper(size=4), Before()
    before.of(keeper.runs(entries), counted, key="day")
    edit(entries)
    runs = keeper.runs(entries)
    assert before.of(runs, counted, key=key) == [c for run in runs[:-1] for c in run.entries]
    assert len(calls) == (2 if worked_again else 1)


@pytest.mark.parametrize("failing", [1, 2, 3], ids=["the first new run", "the second", "the last"])
def test_a_run_that_failed_to_be_made_leaves_the_keeper_holding_nothing_wrong(failing: int):
    """A keeper whose `make` raised once (a run's JSON could not be written, say) gives the next
    call runs that hold every entry, in order: nothing held from the call that failed."""
    made = [0]

    def make(entries: tuple[CheckIn, ...]) -> Memo:
        made[0] += 1
        if made[0] == failing + 2:  # the two runs of the first call are made, then this one fails
            raise MemoryError
        return Memo(entries)

    entries, keeper = _checkins(8), Keeper(make, size=4)
    keeper.runs(entries)
    entries.extend(_checkins(9))  # three runs more: 8-11, 12-15 and 16
    with pytest.raises(MemoryError):
        keeper.runs(entries)
    entries.append(CheckIn(id="new", goal_id="g"))
    assert [c for run in keeper.runs(entries) for c in run.entries] == entries
