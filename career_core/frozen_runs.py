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
from threading import Lock
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
    `make` builds a run afresh (a `Memo` unless told); `size` entries make a run.

    A save mostly adds at the end. So the keeper holds a list of the entries it split last, and
    when the new list is that list with more after it (`_extended`), the full runs before the end
    are kept without being sliced: slicing a run takes a reference to each of its entries, which
    reads each entry's memory, and a five-year notebook's 5,000 check-ins are scattered over
    more memory than a processor's cache holds. Comparing two lists reads only their pointers
    while the entries are the very same objects."""

    __slots__ = ("_kept", "_make", "_size", "_entries", "_order", "_lock")

    def __init__(self, make: Callable[[tuple[Any, ...]], R] = Memo, size: int = RUN) -> None:
        self._kept: dict[Key, R] = {}
        self._make = make
        self._size = size
        self._entries: list[Any] = []  # the entries last split, in a list of the keeper's own
        self._order: list[tuple[Key, R]] = []  # their runs, in order
        self._lock = Lock()  # the store's writer serves every session of a server

    def runs(self, entries: Sequence[Any]) -> list[R]:
        with self._lock:
            try:
                now = self._extended(entries)
                if now is None:
                    now = split(entries, self._kept, self._make, self._size)
                    self._entries = list(entries)
            except BaseException:  # `make` failed half way: what is held may no longer match, so hold nothing
                self._kept, self._entries, self._order = {}, [], []
                raise
            self._kept, self._order = dict(now), now
            return [run for _, run in now]

    def _extended(self, entries: Sequence[Any]) -> list[tuple[Key, R]] | None:
        """The runs of `entries` when they begin with the entries split last (more may follow):
        the full runs among those are kept as they are, and only the rest is split; None otherwise.
        Each kept run's first and last entries must be the very same objects, so a list read again
        from a document (every entry equal, none the same) is split afresh at once, not compared
        entry by entry."""
        held, size = self._entries, self._size
        n = len(held)
        if not n or type(entries) is not list or len(entries) < n:
            return None
        full = n // size
        earlier = self._order[:full]
        if len(earlier) != full or any(key[0] != id(entries[k * size]) or key[1] != id(entries[k * size + size - 1])
               for k, (key, _) in enumerate(earlier)):
            return None
        held.extend(entries[n:])  # a reference to each new entry only
        if held != entries:  # pointers compared in C; an entry that is not the same object is compared by value
            return None
        return [*earlier, *split(entries[full * size:], self._kept, self._make, size)]

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
