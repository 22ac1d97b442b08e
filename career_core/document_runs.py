"""A notebook's JSON written in runs, so that a save writes again only the check-ins that changed.

A notebook kept for years holds thousands of check-ins, most of its document, and a save adds or
removes one or two. Check-ins are frozen (models.CheckIn): an entry never changes in place, it is
replaced. So a run of RUN check-ins that are the very same objects as when the run was last
written still has the JSON written then, and only a run with an entry added, removed or replaced
is written again. The document is byte for byte `Notebook.model_dump_json()`.

One writer serves every session of a server (the store holds it), so it keeps the runs of a few
notebooks at most (KEPT_RUNS, least recently used first out) and takes a lock around them.
"""

from __future__ import annotations

from collections import OrderedDict
from operator import is_
from threading import Lock

from pydantic import TypeAdapter

from career_core.models import CheckIn, Notebook

RUN = 256  # check-ins per run: one new check-in writes at most this many again (about 30 KB)
KEPT_RUNS = 96  # about 24,000 check-ins: the notebooks of the few people saving at one moment

_CHECKINS: TypeAdapter[list[CheckIn]] = TypeAdapter(list[CheckIn])
_SLOT = '"checkins":[]'  # a key, outside any text: quotes inside text are escaped, and no other model has it

Run = tuple[CheckIn, ...]


class DocumentWriter:
    """Writes notebooks as JSON, reusing the runs of check-ins it wrote before."""

    def __init__(self, kept_runs: int = KEPT_RUNS) -> None:
        self.kept_runs = kept_runs
        self._runs: OrderedDict[tuple[int, int, int], tuple[Run, str]] = OrderedDict()
        self._lock = Lock()

    def json(self, notebook: Notebook) -> str:
        checkins = notebook.checkins
        if len(checkins) <= RUN:  # one run: nothing to reuse that one call would not write as fast
            return notebook.to_json()
        rest = notebook.model_copy(update={"checkins": []}).to_json()
        at = rest.index(_SLOT) + len(_SLOT) - 1
        runs = [self._run(tuple(checkins[k:k + RUN])) for k in range(0, len(checkins), RUN)]
        return f"{rest[:at]}{','.join(runs)}{rest[at:]}"

    def held(self) -> int:
        """How many runs are kept (the bound is `kept_runs`)."""
        return len(self._runs)

    def _run(self, entries: Run) -> str:
        # The ids are those of live objects: a kept run holds its entries, so no id is reused while kept.
        key = (id(entries[0]), id(entries[-1]), len(entries))
        with self._lock:
            kept = self._runs.get(key)
            if kept is not None and all(map(is_, kept[0], entries)):  # same length: the key says so
                self._runs.move_to_end(key)
                return kept[1]
        text = _CHECKINS.dump_json(list(entries))[1:-1].decode()
        with self._lock:
            self._runs[key] = (entries, text)
            self._runs.move_to_end(key)
            while len(self._runs) > self.kept_runs:
                self._runs.popitem(last=False)
        return text
