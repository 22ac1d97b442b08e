"""Runs of frozen entries, recognised again by identity.

Check-ins are frozen (models.CheckIn): one never changes in place, it is replaced. So what was
worked out from a run of them (its JSON, the fields the consistency check reads, its check-ins
by goal) holds as long as the run holds the very same objects. A notebook kept for years has
thousands of check-ins and a save adds or removes one or two, so a caller that keeps the runs of
its last call works out again only the runs a save changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import is_
from typing import Any, Protocol, TypeVar

RUN = 256  # entries per run: one new check-in works out at most this many again

Key = tuple[int, int, int]  # the ids of a run's first and last entries, and its length


class Run(Protocol):
    entries: tuple[Any, ...]


R = TypeVar("R", bound=Run)


def split(entries: Sequence[Any], kept: Mapping[Key, R], make: Callable[[tuple[Any, ...]], R]) -> list[tuple[Key, R]]:
    """`entries` in runs of RUN, each the run kept from before when it holds the very same objects,
    else `make(entries of the run)`, in order."""
    out = []
    for k in range(0, len(entries), RUN):
        chunk = tuple(entries[k:k + RUN])
        # The ids are those of live objects: a kept run holds its entries, so no id is reused while kept.
        key = (id(chunk[0]), id(chunk[-1]), len(chunk))
        run = kept.get(key)
        if run is None or not all(map(is_, run.entries, chunk)):  # same length: the key says so
            run = make(chunk)
        out.append((key, run))
    return out
