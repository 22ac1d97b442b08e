"""Runs of frozen entries, recognised again by what they hold.

Check-ins and actions are frozen (models.CheckIn, models.Action): one never changes in place, it
is replaced. So what was worked out from a run of them (its JSON, the fields the consistency
check reads, its check-ins by goal) holds as long as the run holds the same entries: the very
same objects, or equal ones (a frozen entry's JSON and every answer follow from its values). A
notebook kept for years has thousands of check-ins and hundreds of actions, and a save adds,
changes or removes one or two, so a caller that keeps the runs of its last call works out again
only the runs a save changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

RUN = 256  # entries per run: one new check-in works out at most this many again

Key = tuple[int, int, int]  # the ids of a run's first and last entries, and its length


class Run(Protocol):
    entries: tuple[Any, ...]


R = TypeVar("R", bound=Run)


def split(entries: Sequence[Any], kept: Mapping[Key, R], make: Callable[[tuple[Any, ...]], R],
          size: int = RUN) -> list[tuple[Key, R]]:
    """`entries` in runs of `size`, each the run kept from before when it holds the same entries,
    else `make(entries of the run)`, in order."""
    out = []
    for k in range(0, len(entries), size):
        chunk = tuple(entries[k:k + size])
        # The key finds the run to compare; the comparison decides. Comparing tuples passes over the
        # very same objects in C without calling their __eq__ (a few times faster than a loop of
        # `is`), which a pydantic model's runs only for an entry that was replaced.
        key = (id(chunk[0]), id(chunk[-1]), len(chunk))
        run = kept.get(key)
        if run is None or run.entries != chunk:
            run = make(chunk)
        out.append((key, run))
    return out


T = TypeVar("T")


class Memo:
    """A run of entries and what has been worked out from it, each thing once."""

    __slots__ = ("entries", "_worked")

    def __init__(self, entries: tuple[Any, ...]) -> None:
        self.entries = entries
        self._worked: dict[Callable[[tuple[Any, ...]], Any], Any] = {}

    def of(self, work: Callable[[tuple[Any, ...]], T]) -> T:
        """`work(entries)`, worked out the first time it is asked for. `work` reads only the
        entries, which never change (a frozen model's fields are values)."""
        if work not in self._worked:  # two callers may both work it out: the same answer either way
            self._worked[work] = work(self.entries)
        return self._worked[work]


class Keeper(Generic[R]):
    """The runs of one list (a notebook's check-ins or actions), kept from one call to the next by whoever
    reads them repeatedly (a session, the store's writer): `runs(entries)` reuses each run that
    holds the same entries, with all that was worked out from it, and lets the others go.
    `make` builds a run afresh (a `Memo` unless told); `size` entries make a run."""

    __slots__ = ("_kept", "_make", "_size")

    def __init__(self, make: Callable[[tuple[Any, ...]], R] = Memo, size: int = RUN) -> None:
        self._kept: dict[Key, R] = {}
        self._make = make
        self._size = size

    def runs(self, entries: Sequence[Any]) -> list[R]:
        now = split(entries, self._kept, self._make, self._size)
        self._kept = dict(now)
        return [run for _, run in now]

    def __len__(self) -> int:
        return len(self._kept)


class Before(Generic[T]):
    """What is worked out from every run but the last (a fold over them: check-ins by goal, days
    counted), kept while those runs are the very same objects: a new entry changes only the last
    run, so a save works out again the last run's share alone. `key` names anything else the answer
    depends on (a calendar's window); another key works it out afresh."""

    __slots__ = ("runs", "key", "value")

    def __init__(self) -> None:
        self.runs: tuple[Any, ...] | None = None
        self.key: object = None
        self.value: T | None = None

    def of(self, runs: Sequence[Any], work: Callable[[tuple[Any, ...]], T], key: object = None) -> T:
        earlier = tuple(runs[:-1])
        # Runs have no __eq__ of their own: the tuples compare their runs as objects, in C.
        if self.value is None or self.runs != earlier or self.key != key:
            self.value, self.runs, self.key = work(earlier), earlier, key  # one answer for one session's calls
        return self.value
