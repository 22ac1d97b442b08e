"""A notebook's JSON written in runs, so that a save writes again only the check-ins that changed.

A notebook kept for years holds thousands of check-ins, most of its document, and a save adds or
removes one or two. Check-ins are frozen (models.CheckIn): an entry never changes in place, it is
replaced. So a run of RUN check-ins that are the very same objects as when the run was last
written still has the JSON written then, and only a run with an entry added, removed or replaced
is written again. The document is byte for byte `Notebook.model_dump_json()`.

One writer serves every session of a server (the store holds it), so it keeps the runs of the
last document written of a few notebooks (KEPT_NOTEBOOKS, least recently written first out): a
run replaced by a save goes with it, so a session that keeps saving holds no more than its
notebook's runs. It takes a lock around them.
"""

from __future__ import annotations

from collections import OrderedDict
from operator import is_
from threading import Lock

from pydantic import TypeAdapter

from career_core.models import CheckIn, Notebook

RUN = 256  # check-ins per run: one new check-in writes at most this many again (about 30 KB)
KEPT_NOTEBOOKS = 8  # the notebooks of the few people saving at one moment

_CHECKINS: TypeAdapter[list[CheckIn]] = TypeAdapter(list[CheckIn])
_SLOT = '"checkins":[]'  # a key, outside any text: quotes inside text are escaped, and no other model has it

Run = tuple[CheckIn, ...]
Runs = dict[tuple[int, int, int], tuple[Run, str]]  # (first id, last id, length) -> (entries, their JSON)


class DocumentWriter:
    """Writes notebooks as JSON, reusing the runs of check-ins it wrote last time for each."""

    def __init__(self, kept_notebooks: int = KEPT_NOTEBOOKS) -> None:
        self.kept_notebooks = kept_notebooks
        self._kept: OrderedDict[str, Runs] = OrderedDict()
        self._lock = Lock()

    def json(self, notebook: Notebook) -> str:
        checkins = notebook.checkins
        if len(checkins) <= RUN:  # one run: nothing to reuse that one call would not write as fast
            return notebook.to_json()
        rest = notebook.model_copy(update={"checkins": []}).to_json()
        at = rest.index(_SLOT) + len(_SLOT) - 1
        with self._lock:
            before = self._kept.get(notebook.id, {})
        now: Runs = {}
        texts = []
        for k in range(0, len(checkins), RUN):
            entries = tuple(checkins[k:k + RUN])
            # The ids are those of live objects: a kept run holds its entries, so no id is reused while kept.
            key = (id(entries[0]), id(entries[-1]), len(entries))
            kept = before.get(key)
            if kept is None or not all(map(is_, kept[0], entries)):  # same length: the key says so
                kept = (entries, _CHECKINS.dump_json(list(entries))[1:-1].decode())
            now[key] = kept
            texts.append(kept[1])
        with self._lock:
            self._kept[notebook.id] = now
            self._kept.move_to_end(notebook.id)
            while len(self._kept) > self.kept_notebooks:
                self._kept.popitem(last=False)
        return f"{rest[:at]}{','.join(texts)}{rest[at:]}"

    def held(self) -> int:
        """How many runs are kept, over every notebook kept."""
        with self._lock:
            return sum(len(runs) for runs in self._kept.values())
