"""A notebook consistent with itself: ids unique, every reference resolves, and the goal tree has
no circles and no endless chains, so every page can follow a link without checking it first.

The model refuses a notebook that is not (on every validation and on every save). A file being
imported is repaired first where that loses nothing anyone relies on, with a note for each
repair: a link to something not in the file is dropped, and an entry nobody refers to that
repeats another's id gets a new one. It is refused where a repair would have to guess: two goals
(or objectives, or initiatives) with one id leave no way to tell whose check-ins are whose.

The rules read parsed JSON and models alike, so the file and the model are held to one rule.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import is_
from typing import Any

from career_core import direction, limits
from career_core.limits import GOAL_DEPTH, LISTS, column_of, field_of, field_value, lists


class Inconsistent(ValueError):
    """The notebook contradicts itself; the message says how, in words, without ids, and `field`
    names the part of the notebook it concerns."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


# Lists whose entries carry an id. Entries of the first three are referred to by others.
REFERRED = ("goals", "org_objectives", "initiatives")
WITH_IDS = (*REFERRED, "inputs", "development_items", "actions", "stop_doing", "checkins", "reviews",
            "partners", "feedback", "coach_notes", "journal", "reflection.skills")


@dataclass(frozen=True, slots=True)
class Reference:
    """A field of the entries in `source` naming an entry of `target` (or, if `many`, a list of them)."""

    source: str
    field: str
    target: str
    many: bool = False
    required: bool = False  # the entry means nothing without it: left out, not just unlinked
    repaired: str = ""  # the import note, with {n} for how many and {s} for a plural "s"


REFERENCES = (
    Reference("goals", "parent_id", "goals",
              repaired="{n} goal{s} sat under a long-term goal that is not in this file; {they} now stand{s2} on {their} own."),
    Reference("goals", "objective_ids", "org_objectives", many=True,
              repaired="{n} link{s} from goals to organisational objectives not in this file {were} removed."),
    Reference("actions", "goal_id", "goals",
              repaired="{n} action{s} belonged to a goal that is not in this file; {they} {were} kept without it."),
    Reference("actions", "initiative_id", "initiatives",
              repaired="{n} action{s} belonged to an initiative that is not in this file; {they} {were} kept without it."),
    Reference("initiatives", "goal_ids", "goals", many=True,
              repaired="{n} link{s} from initiatives to goals not in this file {were} removed."),
    Reference("checkins", "goal_id", "goals", required=True,
              repaired="{n} check-in{s} belonged to a goal that is not in this file and {were} left out."),
    Reference("journal", "goal_id", "goals",
              repaired="{n} journal entr{ies} named a goal that is not in this file; {they} {were} kept without it."),
    Reference("reviews[].decisions", "goal_id", "goals", required=True,
              repaired="{n} review decision{s} concerned a goal that is not in this file and {were} left out."),
)


def _note(template: str, n: int) -> str:
    one = n == 1
    return template.format(n=f"{n:,}", s="" if one else "s", s2="s" if one else "", ies="y" if one else "ies",
                           they="it" if one else "they", their="its" if one else "their", were="was" if one else "were")


# --- reading parsed JSON and models alike ------------------------------------------------------


def _items(notebook: Any, path: str) -> Iterator[Any]:
    """The entries of the list at `path` ("goals", "reflection.skills", "reviews[].decisions")."""
    return chain.from_iterable(lists(notebook, path))


def _id(item: Any) -> str | None:
    value = field_value(item, "id")
    return value if isinstance(value, str) else None


def _column(notebook: Any, path: str, name: str) -> list[Any]:
    """Field `name` of every entry at `path`, as `field_value` reads it: the entries of a nested
    path ("reviews[].decisions") read as one list, not list by list."""
    return column_of(list(_items(notebook, path)), name)


class Columns:
    """The fields of a run of entries that never change (frozen models: check-ins), each read once
    and kept with the run, so a save checks again only the runs that changed (the store passes
    them to `verify`, career_core.document_runs keeps them)."""

    __slots__ = ("entries", "_columns", "_distinct", "_ids", "_through")

    def __init__(self, entries: Sequence[Any]) -> None:
        self.entries = entries
        self._columns: dict[str, list[Any]] = {}
        self._distinct: dict[str, frozenset[Any] | None] = {}
        self._ids: tuple[int, frozenset[str]] | None = None
        self._through: tuple[tuple[Columns, ...], frozenset[str], int] | None = None

    def column(self, name: str) -> list[Any]:
        if name not in self._columns:  # two sessions may both read it: the same list either way
            self._columns[name] = column_of(self.entries, name)
        return self._columns[name]

    def ids(self) -> tuple[int, frozenset[str]]:
        """How many entries have an id, and the ids, as `_id_list` reads them."""
        if self._ids is None:
            ids = [i for i in self.column("id") if isinstance(i, str)]
            self._ids = (len(ids), frozenset(ids))
        return self._ids

    def ids_through(self, before: tuple[Columns, ...]) -> tuple[frozenset[str], int]:
        """The distinct ids of the runs `before` and this one, and how many ids they hold in all;
        kept while the runs before are the very same (a save that changes the last run asks again)."""
        kept = self._through
        if kept is None or len(kept[0]) != len(before) or not all(map(is_, kept[0], before)):
            counted = [run.ids() for run in (*before, self)]
            kept = (before, frozenset().union(*(ids for _, ids in counted)), sum(n for n, _ in counted))
            self._through = kept  # two sessions may both work it out: the same answer either way
        return kept[1], kept[2]

    def distinct(self, name: str) -> frozenset[Any] | None:
        """The column's values as a set; None when one of them cannot be hashed."""
        if name not in self._distinct:
            try:
                self._distinct[name] = frozenset(self.column(name))
            except TypeError:
                self._distinct[name] = None
        return self._distinct[name]


Runs = Mapping[str, Sequence[Columns]]  # a list's path -> its entries in runs, in order


def _id_list(notebook: Any, path: str) -> list[str]:
    ids = _column(notebook, path, "id")
    return ids if set(map(type, ids)) <= {str} else [i for i in ids if isinstance(i, str)]


def _ids(notebook: Any, path: str) -> set[str]:
    return set(_id_list(notebook, path))


def _noun(path: str, n: int = 2) -> str:
    return LISTS[path].noun(n)


def _article(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeio' else 'a'} {noun}"


def _dangling(value: Any, targets: set[str]) -> bool:
    """An id naming nothing. Values of the wrong type are the model's to refuse, not ours to drop."""
    return isinstance(value, str) and value not in targets


# --- the rules ---------------------------------------------------------------------------------


def duplicated(notebook: Any, path: str) -> int:
    """How many entries of the list repeat an id an earlier entry has."""
    return _repeats(_id_list(notebook, path))


def _repeats(ids: list[str]) -> int:
    return len(ids) - len(set(ids))


def _repeats_across(runs: tuple[Columns, ...]) -> int:
    """How many ids of these runs repeat an earlier one. A save changes the last run or none, so
    the ids of the runs before it are kept (`Columns.ids_through`) and only the last run's are looked up."""
    if not runs:
        return 0
    before, held = runs[-2].ids_through(runs[:-2]) if len(runs) > 1 else (frozenset(), 0)
    n, last = runs[-1].ids()
    return held + n - (len(before) + len(last - before))


def unresolved(notebook: Any, ref: Reference, targets: set[str] | None = None, runs: Sequence[Columns] = ()) -> int:
    """How many ids in `ref.field` name no entry of `ref.target`; `runs`, when given, are the
    entries of `ref.source` in runs that keep their columns."""
    targets = _ids(notebook, ref.target) if targets is None else targets
    if runs and not ref.many:
        named = [run.distinct(ref.field) for run in runs]
        if None not in named and targets.issuperset(frozenset().union(*named) - {None}):
            return 0
        values = [v for run in runs for v in run.column(ref.field)]
    else:
        values = _column(notebook, ref.source, ref.field)
    if ref.many:
        values = [v for value in values if isinstance(value, list) for v in value]
    try:
        if targets.issuperset(set(values) - {None}):  # the usual answer, found in C
            return 0
    except TypeError:  # a value that cannot be hashed: counted one by one
        pass
    return sum(1 for v in values if _dangling(v, targets))


def goal_levels(notebook: Any) -> dict[str, int]:
    """Each goal's level in the tree of stepping stones (a top goal is level 1).

    Raise Inconsistent when parents go round in a circle. Walked without recursion, remembering
    every level found, so a chain of any length costs one pass.
    """
    parents: dict[str, str | None] = {}
    for goal in _items(notebook, "goals"):
        if (goal_id := _id(goal)) is not None:
            parent = field_value(goal, "parent_id")
            parents[goal_id] = parent if isinstance(parent, str) else None
    levels: dict[str, int] = {}
    for start in parents:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in levels:
            if node in on_path:
                raise Inconsistent(
                    "Some goals are stepping stones of each other in a circle, so none of them is on top.", "goals"
                )
            on_path.add(node)
            path.append(node)
            parent = parents[node]
            node = parent if parent in parents else None
        level = 0 if node is None else levels[node]
        for goal_id in reversed(path):
            level += 1
            levels[goal_id] = level
    return levels


def depth_problem(notebook: Any) -> str | None:
    deepest = max(goal_levels(notebook).values(), default=0)
    if deepest <= GOAL_DEPTH:
        return None
    return (f"Stepping stones go {deepest:,} levels deep (a goal under a goal under a goal…); "
            f"a notebook allows at most {GOAL_DEPTH}.")


def problems(notebook: Any, runs: Runs | None = None, split: Collection[str] = ()) -> list[tuple[str, str]]:
    """What makes `notebook` inconsistent, as (field, words without ids); empty when nothing does.

    `runs` maps a list's path to its entries in runs whose columns are kept (what the store
    passes for check-ins), so that only the runs a save changed are read again. `split` names
    the paths whose runs the caller split from the notebook's very list a moment before (the
    store's writer, in the same call): those are not compared with the list again."""
    runs = _covering(notebook, runs or {}, split)
    out = []
    targets: dict[str, set[str]] = {}
    for path in WITH_IDS:  # one pass over each list: its ids tell repeats, and are what references name
        if path in runs:
            repeated = _repeats_across(tuple(runs[path]))
        else:
            ids = _id_list(notebook, path)
            repeated = _repeats(ids)
            if path in REFERRED:
                targets[path] = set(ids)
        if repeated:
            out.append((field_of(path), f"Two {_noun(path)} share one id."))
    for ref in REFERENCES:
        if n := unresolved(notebook, ref, targets[ref.target], runs.get(ref.source, ())):
            message = (f"{n:,} {_noun(ref.source, n)} refer{'s' if n == 1 else ''} to "
                       f"{_article(_noun(ref.target, 1))} that is not in the notebook.")
            out.append((field_of(ref.source), message))
    try:
        if found := depth_problem(notebook):
            out.append(("goals", found))
    except Inconsistent as exc:
        out.append((exc.field, str(exc)))
    return out


def _covering(notebook: Any, runs: Runs, split: Collection[str] = ()) -> Runs:
    """The runs that hold, entry for entry, the list at their path (the same entries, as
    frozen_runs compares them; a referred list is always read afresh: its ids are the targets);
    any other is ignored and its list read whole. Runs of a path in `split` are taken as they
    are: putting a list's runs back together takes a reference to each entry, which reads the
    memory of every one of a five-year notebook's check-ins."""
    out = {}
    for path, path_runs in runs.items():
        if path in REFERRED or "[]." in path:
            continue
        if path in split:
            out[path] = path_runs
            continue
        found = list(lists(notebook, path))
        entries = list(chain.from_iterable(run.entries for run in path_runs))
        if len(found) == 1 and len(entries) == len(found[0]) and entries == found[0]:
            out[path] = path_runs
    return out


def check(notebook: Any, runs: Runs | None = None, split: Collection[str] = ()) -> None:
    """Raise Inconsistent with the first problem, if any."""
    if found := problems(notebook, runs, split):
        field, message = found[0]
        raise Inconsistent(message, field)


def verify(notebook: Any, runs: Runs | None = None, split: Collection[str] = ()) -> None:
    """Everything no single entry can check: the limits on counts and totals, then consistency.
    Run by the model on every validation and by the store before every write, which also catches
    what a page changed in place (pydantic does not validate an entry appended to a list).
    Raises limits.LimitError or Inconsistent, both ValueErrors with a message in words."""
    limits.check(notebook)
    check(notebook, runs, split)


# --- repairing a file being imported ------------------------------------------------------------


def repair(data: dict[str, Any], new_id: Callable[[], str]) -> list[str]:
    """Make parsed notebook JSON consistent in place; return a note per kind of repair.

    Raise Inconsistent for what cannot be repaired without guessing: repeated ids among goals,
    objectives or initiatives, stepping stones in a circle, or chains deeper than GOAL_DEPTH.
    Entries of the wrong shape are left alone for the model to refuse with its own message.
    """
    notes: list[str] = []
    for path in WITH_IDS:
        if not duplicated(data, path):
            continue
        if path in REFERRED:
            raise Inconsistent(f"Two {_noun(path)} in this file share one id, so there is no telling which "
                               "entries belong to which. Nothing was imported.")
        seen: set[str] = set()
        renewed = 0
        for item in _items(data, path):
            if (item_id := _id(item)) is None:
                continue
            if item_id in seen:
                item["id"] = new_id()
                renewed += 1
            seen.add(item["id"])
        given = "was given a new one" if renewed == 1 else "were given new ones"
        notes.append(f"{renewed:,} {_noun(path, renewed)} repeated another's id and {given}.")
    # A target list of the wrong shape is the model's to refuse; its references are left alone.
    targets = {path: _ids(data, path) for path in REFERRED if isinstance(data.get(path, []), list)}
    for ref in REFERENCES:
        if ref.target in targets and (n := _drop_unresolved(data, ref, targets[ref.target])):
            notes.append(_note(ref.repaired, n))
    if turned := _follow_numbers(data):
        notes.append(f"{turned:,} goal{'s' if turned != 1 else ''} named a direction "
                     f"{'their' if turned != 1 else 'its'} baseline and target contradict; "
                     f"{'they' if turned != 1 else 'it'} now follow{'' if turned != 1 else 's'} the numbers.")
    try:
        found = depth_problem(data)
    except Inconsistent as exc:
        raise Inconsistent(f"{exc} Nothing was imported.") from None
    if found:
        raise Inconsistent(f"{found} Nothing was imported.")
    return notes


def _follow_numbers(data: dict[str, Any]) -> int:
    """Turn an increase or decrease that its own baseline and target contradict; how many turned."""
    turned = 0
    for goal in _items(data, "goals"):
        metric = goal.get("metric") if isinstance(goal, dict) else None
        if not isinstance(metric, dict):
            continue
        baseline, target, said = metric.get("baseline"), metric.get("target"), metric.get("direction", direction.INCREASE)
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (baseline, target)):
            continue
        if isinstance(said, str) and (now := direction.follow(said, baseline, target)) != said:
            metric["direction"] = now
            turned += 1
    return turned


def _drop_unresolved(data: dict[str, Any], ref: Reference, targets: set[str]) -> int:
    head, sep, tail = ref.source.partition("[].")
    holders = [data] if not sep else [item for item in _items(data, head) if isinstance(item, dict)]
    name = tail if sep else head
    changed = 0
    for holder in holders:
        entries = holder.get(name)
        if not isinstance(entries, list):
            continue
        kept = []
        for entry in entries:
            if not isinstance(entry, dict):
                kept.append(entry)
                continue
            value = entry.get(ref.field)
            if ref.many and isinstance(value, list):
                resolved = [v for v in value if not _dangling(v, targets)]
                changed += len(value) - len(resolved)
                entry[ref.field] = resolved
            elif not ref.many and _dangling(value, targets):
                changed += 1
                if ref.required:
                    continue
                entry[ref.field] = None
            kept.append(entry)
        holder[name] = kept
    return changed
