"""The documented limits of a notebook: how much one may hold, checked when a file is read and
on every save, so a shared file or a public demo cannot exhaust a server's memory or stall a page.

Every count is at least ten times what five years of steady use produce (tests/synthetic.py:
about 40 goals, 400 actions, 5,000 check-ins), and far below what costs real memory: a notebook
at the limits is about 10 MB as a file and 70 MB in memory (benchmarks/limits.py measures it).
A file is measured before anything large is built from it: its size, then a count of its
values, then (parsed, but still plain JSON data) its lists, its nesting and its fields. The README's "Limits"
section says the same in words; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

# --- the file ----------------------------------------------------------------------------------

FILE_MB = 20
FILE_BYTES = FILE_MB * 2**20
# Values a file may hold, counted before parsing as its commas and opening brackets (commas in
# text count too, so this errs on the safe side). A notebook at the count limits has about
# 480,000; the densest file under this bound (490,000 empty objects) parses into about 35 MB,
# half of what such a notebook takes.
JSON_VALUES = 1_000_000
# A notebook nests six deep (notebook → reviews → review → decisions → decision → note).
JSON_DEPTH = 16
# No part of a notebook has more than 30 fields.
OBJECT_KEYS = 64

# --- dates and the goal tree -------------------------------------------------------------------

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2200, 12, 31)
# Levels of stepping stones under a top goal (the app itself makes two: a long-term goal and its
# short-term stepping stones); anything deeper in a file is refused, and no chain may go round.
GOAL_DEPTH = 5

# --- text (characters) -------------------------------------------------------------------------

ID = 40
TITLE = 120  # a notebook's title
SHORT = 200  # names, labels, one-line answers
ACTION_TITLE = 300
STATEMENT = 1000  # a goal's wording
LONG = 5000  # notes, reviews, the vision
UNIT = 40

# --- lists -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListLimit:
    """How many entries one list may hold; `total` bounds a list inside each item, across all items."""

    path: str  # "goals", or "goals[].revisions" for a list inside each goal
    limit: int
    one: str
    many: str
    total: int | None = None

    def noun(self, n: int) -> str:
        return self.one if n == 1 else self.many

    @property
    def owner(self) -> str | None:
        """The singular of the list each item sits in ("goal" for "goals[].revisions")."""
        head, sep, _ = self.path.partition("[].")
        return LISTS[head].one if sep else None


_TABLE = [
    ListLimit("inputs", 1_000, "input note", "input notes"),
    ListLimit("development_items", 1_000, "development item", "development items"),
    ListLimit("org_objectives", 200, "organisational objective", "organisational objectives"),
    ListLimit("goals", 400, "goal", "goals"),
    ListLimit("actions", 4_000, "action", "actions"),
    ListLimit("initiatives", 200, "initiative", "initiatives"),
    ListLimit("stop_doing", 500, "stop-doing entry", "stop-doing entries"),
    ListLimit("checkins", 50_000, "check-in", "check-ins"),
    ListLimit("reviews", 1_000, "review", "reviews"),
    ListLimit("partners", 200, "accountability partner", "accountability partners"),
    ListLimit("feedback", 1_000, "feedback note", "feedback notes"),
    ListLimit("coach_notes", 1_000, "coach note", "coach notes"),
    ListLimit("journal", 5_000, "journal entry", "journal entries"),
    ListLimit("reflection.skills", 200, "skill", "skills"),
    ListLimit("reflection.interests", 200, "interest", "interests"),
    ListLimit("reflection.values", 100, "value", "values"),
    ListLimit("reflection.strengths", 200, "strength", "strengths"),
    ListLimit("reflection.weaknesses", 200, "weakness", "weaknesses"),
    ListLimit("reflection.motivators", 200, "motivator", "motivators"),
    ListLimit("goals[].values", 50, "linked value", "linked values"),
    ListLimit("goals[].objective_ids", 50, "linked objective", "linked objectives"),
    ListLimit("goals[].revisions", 1_000, "earlier wording", "earlier wordings", total=10_000),
    ListLimit("actions[].done_on", 5_000, "completed date", "completed dates", total=100_000),
    ListLimit("initiatives[].goal_ids", 50, "linked goal", "linked goals"),
    ListLimit("reviews[].decisions", 200, "goal decision", "goal decisions", total=20_000),
]
LISTS: dict[str, ListLimit] = {entry.path: entry for entry in _TABLE}


def limit(path: str) -> int:
    """The most entries the list at `path` may hold (for `Field(max_length=...)` on the model)."""
    return LISTS[path].limit


class LimitError(ValueError):
    """Something is over a documented limit; the message names the limit in words, and `field`
    the part of the notebook it concerns (for a message beside that field)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def field_of(path: str) -> str:
    """The notebook field a list path belongs to: "goals" for "goals[].revisions"."""
    return path.partition("[]")[0]


# --- counting (raw JSON data and models alike) -------------------------------------------------


def field_value(value: Any, name: str) -> Any:
    """A field of parsed JSON (a dict) or of a model alike (None when there is none)."""
    return value.get(name) if type(value) is dict else getattr(value, name, None)


def lists(notebook: Any, path: str) -> Iterator[list]:
    """Every list at `path`: one for "goals" or "reflection.skills", one per goal for
    "goals[].revisions". Anything of another shape is skipped: it is the model's to refuse.
    An iterator in C, not a generator: a save reads a five-year notebook's 400 lists of days done."""
    head, sep, tail = path.partition("[].")
    value: Any = notebook
    for part in head.split("."):
        value = field_value(value, part)
    if not isinstance(value, list):
        return iter(())
    if not sep:
        return iter((value,))
    return filter(list.__instancecheck__, column_of(value, tail))


def column_of(entries: Sequence[Any], name: str) -> list[Any]:
    """Field `name` of each entry. A five-year notebook's check every save reads some 12,000
    fields, so a list of models (what a save checks) is read by attrgetter in C; parsed JSON, or
    anything mixed, entry by entry."""
    kinds = set(map(type, entries))
    if len(kinds) == 1 and issubclass(kind := kinds.pop(), BaseModel) and name in kind.model_fields:
        return list(map(attrgetter(name), entries))
    return [i.get(name) if type(i) is dict else getattr(i, name, None) for i in entries]


def _n(count: int) -> str:
    return f"{count:,}"


def _crossed(notebook: Any, subject: str) -> Iterator[tuple[str, str]]:
    # Whole lists come first in the table, so a file with 110,000 goals is refused on their count
    # before anything walks inside them.
    for entry in _TABLE:
        lengths = list(map(len, lists(notebook, entry.path)))
        if not lengths:
            continue
        worst = max(lengths)
        owner = entry.owner
        if owner is None and worst > entry.limit:
            message = f"{subject} has {_n(worst)} {entry.noun(worst)}; a notebook holds at most {_n(entry.limit)}."
        elif owner is not None and worst > entry.limit:
            message = (f"One {owner} in {subject.lower()} has {_n(worst)} {entry.noun(worst)}; "
                       f"a {owner} holds at most {_n(entry.limit)}.")
        elif entry.total is not None and (total := sum(lengths)) > entry.total:
            message = (f"{subject}'s {LISTS[field_of(entry.path)].many} have {_n(total)} {entry.many} in all; "
                       f"a notebook holds at most {_n(entry.total)}.")
        else:
            continue
        yield field_of(entry.path), message


def problems(notebook: Any, subject: str = "This notebook") -> list[tuple[str, str]]:
    """Every limit `notebook` is over, as (field, words). Works on parsed JSON and on a Notebook
    alike, so a file is measured before pydantic builds anything from it, and an edit before it is saved."""
    return list(_crossed(notebook, subject))


def first_problem(notebook: Any, subject: str = "This notebook") -> tuple[str, str] | None:
    """The first limit `notebook` is over, found without measuring the rest."""
    return next(_crossed(notebook, subject), None)


def check(notebook: Any, subject: str = "This notebook") -> None:
    """Raise LimitError naming the first limit `notebook` is over."""
    if found := first_problem(notebook, subject):
        field, message = found
        raise LimitError(message, field)


def room_for(notebook: Any, path: str, more: int = 1) -> None:
    """Raise LimitError when `more` entries would not fit in the list at `path`: checked before
    an entry is added, so the person hears why at the form instead of when the notebook is saved."""
    entry = LISTS[path]
    current = max((len(items) for items in lists(notebook, path)), default=0)
    if current + more > entry.limit:
        raise LimitError(f"A notebook holds at most {_n(entry.limit)} {entry.many}, and this one is full. "
                         f"Delete some {entry.many} you no longer need to make room.", field_of(path))


# --- a file, before it is parsed ----------------------------------------------------------------


def size_problem(size: int) -> str | None:
    if size <= FILE_BYTES:
        return None
    return f"This file is {size / 2**20:,.1f} MB; a notebook file is at most {FILE_MB} MB."


def value_count(data: bytes) -> int:
    """An upper bound on the values parsing `data` would build, without building anything."""
    return data.count(b",") + data.count(b"{") + data.count(b"[")


def values_problem(data: bytes) -> str | None:
    if (count := value_count(data)) <= JSON_VALUES:
        return None
    return (f"This file holds too many separate items for one notebook ({_n(count)} commas and brackets; "
            f"a notebook file has at most {_n(JSON_VALUES)}, and one at every limit about half that).")


def shape_problem(data: Any) -> str | None:
    """Nesting deeper than JSON_DEPTH, or an object with more than OBJECT_KEYS fields, in parsed
    JSON: walked level by level, not by recursion, so no file can exhaust Python's stack."""
    level, depth = [data], 0
    while level:
        depth += 1
        containers = [v for v in level if isinstance(v, (dict, list))]
        if containers and depth > JSON_DEPTH:
            return depth_message()
        level = []
        for value in containers:
            if isinstance(value, dict):
                if len(value) > OBJECT_KEYS:
                    return (f"Part of this file has {_n(len(value))} fields; no part of a notebook has more "
                            f"than {OBJECT_KEYS}.")
                level.extend(value.values())
            else:
                level.extend(value)
    return None


def depth_message() -> str:
    return f"This file nests data more than {JSON_DEPTH} levels deep; a notebook file nests at most {JSON_DEPTH} levels."
