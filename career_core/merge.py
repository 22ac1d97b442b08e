"""Three-way merge of notebooks: two tabs' edits both survive, and only a real clash asks.

`merge(base, mine, theirs)` compares this tab's notebook (`mine`) and the one saved meanwhile
in another tab or window (`theirs`) with the revision this tab loaded (`base`), field by field,
through nested parts (settings, reflection, a goal's metric) and list entries:

- A field changed on one side only takes that change. Changed on both sides to the same value,
  it is no conflict; to different values, it is a `Conflict` (a text is one value: two edits of
  the same text ask, they are not spliced together).
- Lists of entries (goals, actions, check-ins, skills, a review's decisions, …) merge by id.
  Entries added on either side are all kept: at the end when added at the end, otherwise after
  the entry they followed on their side; the other tab's first where both sides added at the
  same place. An entry edited on one side
  and untouched on the other takes the edit; edits to different fields of one entry merge. An
  entry deleted on one side and edited on the other is a conflict (keeping an edit the person
  never saw deleted, or deleting what the other tab just wrote, is theirs to decide). A goal's
  check-ins and review decisions go with it: deleting a goal clashes with a check-in or
  decision the other side added or changed for it, and when the goal stays, everything that
  went or was unlinked with it on the deleting side comes back. One side's reordering is kept together with the other side's additions and
  edits; when both reorder differently, the stored order wins (entry order carries no meaning
  a person typed).
- Lists of plain values (interests, strengths, a goal's values, linked ids, days done) merge as
  sets: what either side added is kept, what either side removed is gone. Reflection's values
  are ranked (first matters most): one side's re-ranking is kept with both sides' additions and
  removals, and both re-ranking differently is a conflict. Days done stay in date order.
- Bookkeeping (revision, created_at, updated_at, completed_at, …) never conflicts: the stored
  value wins.

The result always validates as a Notebook. Where both sides' fields together break a rule of an
entry (a deadline before the start), the whole entry is one conflict; where they break a rule of
a part or of the notebook (a list over its limit), the whole part or notebook is. Links to an
entry one side deleted are removed as deleting it there did (a goal's check-ins go, an action
or stepping stone is unlinked, a goal drops an objective that is gone).

Conflicts do not stop the merge: `MergeResult.notebook` holds the stored (`theirs`) value at
each, and `conflicts` says where it is, what each side has and what each choice keeps, in words
ready to show side by side (see `Conflict`). Pass `choices={conflict.key: Side.MINE or
Side.THEIRS}` to `merge` (or to `resolve`, which insists that every conflict is answered) to get
the notebook the person chose; keys are stable, so the same choices can be passed again after
more edits, and only new questions come back. The store does this for a page: see
`Store.save_merging`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum, auto
from functools import cache
from operator import eq
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from career_core import edit
from career_core import merge_words as words
from career_core.alignment import unlink_objective
from career_core.models import (
    Action,
    Goal,
    GoalReviewDecision,
    Item,
    Notebook,
    Reflection,
)
from career_core.plan.initiatives import remove_initiative
from career_core.validation import describe


class Side(StrEnum):
    MINE = "mine"  # this tab's version
    THEIRS = "theirs"  # the version saved meanwhile, in another tab or window


@dataclass(frozen=True, slots=True)
class Conflict:
    """One question for the person: the same thing changed differently on both sides.

    `key` identifies it in `choices`. `where` names it ("Goal “Lead the platform team” →
    deadline"); `reason` says what happened; `base`, `mine` and `theirs` are the values as a
    person reads them (text exactly as typed; `base` is empty when the conflict is about a whole
    entry); `keeps_mine` and `keeps_theirs` say what each choice keeps.
    """

    key: str
    where: str
    reason: str
    base: str
    mine: str
    theirs: str
    keeps_mine: str
    keeps_theirs: str


@dataclass(frozen=True, slots=True)
class MergeResult:
    notebook: Notebook  # at each open conflict, the stored (theirs) value
    conflicts: tuple[Conflict, ...]


class UnresolvedConflicts(ValueError):
    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        super().__init__("Choose a version for: " + "; ".join(c.where for c in conflicts))
        self.conflicts = tuple(conflicts)


def merge(base: Notebook, mine: Notebook, theirs: Notebook,
          choices: Mapping[str, Side] | None = None) -> MergeResult:
    """Merge this tab's `mine` and the stored `theirs`, both descended from `base`.

    Never changes its arguments; the result may share unchanged entries with them.
    """
    if not base.id == mine.id == theirs.id:
        raise ValueError("Only revisions of the same notebook can be merged.")
    run = _Merge(base, mine, theirs, {k: Side(v) for k, v in (choices or {}).items()})
    notebook = run.part(Notebook, (), [], base, _links_back(mine, base), _links_back(theirs, base))
    return MergeResult(notebook, tuple(run.conflicts))


def resolve(base: Notebook, mine: Notebook, theirs: Notebook, choices: Mapping[str, Side]) -> Notebook:
    """The merged notebook with the person's choice at every conflict; UnresolvedConflicts if
    one is left unanswered."""
    result = merge(base, mine, theirs, choices)
    if result.conflicts:
        raise UnresolvedConflicts(result.conflicts)
    return result.notebook


# --- what kind of field is what ----------------------------------------------------------------


class _Kind(Enum):
    SCALAR = auto()
    PART = auto()  # a nested model: merged field by field
    ENTRIES = auto()  # a list of models with a key: merged entry by entry
    VALUES = auto()  # a list of plain values: merged as a set


class _Order(Enum):
    SET = auto()
    RANKED = auto()
    SORTED = auto()


# Entries without an id of their own, and the field that tells them apart (one decision per goal).
_KEYS: dict[type[BaseModel], str] = {GoalReviewDecision: "goal_id"}
_RANKED = {(Reflection, "values")}
_SORTED = {(Action, "done_on")}
# Set by the store or by the app, never typed: they follow the stored version, never ask.
_BOOKKEEPING = {
    (Notebook, "schema_version"),
    (Notebook, "id"),
    (Notebook, "revision"),
    (Notebook, "created_at"),
    (Notebook, "updated_at"),
    (Goal, "created_at"),
    (Action, "completed_at"),
}
ANSWERS_TRIED = 4  # questions about one entry whose every set of answers is tried (2**4 merges of the entry)
# Lists where one side's deletion must be weighed against the other side's changes elsewhere
# (a goal against the check-ins added to it), even when the other side left the list alone.
_DELETIONS_ASK = {(Notebook, "goals")}


@dataclass(frozen=True, slots=True)
class _Spec:
    name: str
    kind: _Kind
    model: type[BaseModel] | None = None
    key: str = ""
    order: _Order = _Order.SET
    bookkeeping: bool = False


def _same_entries(a: list[BaseModel], b: list[BaseModel]) -> bool:
    """`a == b` for two lists of entries, the equal ones found in C: each entry's type and field
    values compared at once, not by a pydantic `__eq__` an entry. A notebook read from the store
    holds entries equal to, but not the same objects as, the tab's: 5,000 check-ins of a five-year
    notebook. Entries have no private attributes and no extra fields, so for them pydantic's
    `__eq__` is their type and their `__dict__`; anything else is left to `==`."""
    if a is b:
        return True
    if len(a) != len(b):
        return False
    if list(map(type, a)) == list(map(type, b)) and list(map(vars, a)) == list(map(vars, b)):
        return True
    return a == b


def _plain(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@cache
def _specs(cls: type[BaseModel]) -> tuple[_Spec, ...]:
    out = []
    for name, info in cls.model_fields.items():
        annotation = _plain(info.annotation)
        if get_origin(annotation) is list:
            inner = _plain(get_args(annotation)[0])
            key = ("id" if issubclass(inner, Item) else _KEYS.get(inner, "")) if _is_model(inner) else ""
            if key:
                out.append(_Spec(name, _Kind.ENTRIES, inner, key))
            else:
                order = _Order.RANKED if (cls, name) in _RANKED else _Order.SORTED if (cls, name) in _SORTED else _Order.SET
                out.append(_Spec(name, _Kind.VALUES, order=order))
        elif _is_model(annotation):
            out.append(_Spec(name, _Kind.PART, annotation))
        else:
            out.append(_Spec(name, _Kind.SCALAR, bookkeeping=(cls, name) in _BOOKKEEPING))
    return tuple(out)


# --- the merge -------------------------------------------------------------------------------------


class _Merge:
    def __init__(self, base: Notebook, mine: Notebook, theirs: Notebook, choices: dict[str, Side]) -> None:
        self.base, self.mine, self.theirs = base, mine, theirs
        self.choices = choices
        self.conflicts: list[Conflict] = []
        self._touched: dict[Side, set[str]] = {}
        self._names: dict[str, dict[str, str]] = {}

    # -- asking -------------------------------------------------------------------------------

    def ask(self, path: tuple[str, ...], conflict: Callable[[str], Conflict], mine: Any, theirs: Any) -> Any:
        """The chosen side's value, or (recording the question) the stored one for now."""
        key = "/".join(path)
        choice = self.choices.get(key)
        if choice is Side.MINE:
            return mine
        if choice is None:
            self.conflicts.append(conflict(key))
        return theirs

    def refer(self, list_name: str, item_id: str) -> str | None:
        """The name of the goal, objective or initiative an id points at, on any side."""
        if list_name not in self._names:
            names: dict[str, str] = {}
            for nb in (self.base, self.mine, self.theirs):
                names.update({x.id: getattr(x, "statement", None) or getattr(x, "title", "")
                              for x in getattr(nb, list_name)})
            self._names[list_name] = names
        return self._names[list_name].get(item_id)

    # -- a model, field by field ----------------------------------------------------------------

    def part(self, cls: type[BaseModel], path: tuple[str, ...], where: list[str],
             b: BaseModel, m: BaseModel, t: BaseModel) -> Any:
        if cls is not Notebook:
            if m == t or m == b:
                return t
            if t == b:
                return m
        mark = len(self.conflicts)
        try:
            merged = self.combined(cls, path, where, b, m, t)
            asked = [c.key for c in self.conflicts[mark:]]
            if asked and cls is not Notebook:
                self.any_answer_combines(cls, path, where, b, m, t, asked)
        except ValidationError as exc:
            del self.conflicts[mark:]
            return self.whole(cls, path, where, b, m, t, exc)
        return merged

    def combined(self, cls: type[BaseModel], path: tuple[str, ...], where: list[str],
                 b: BaseModel, m: BaseModel, t: BaseModel) -> BaseModel:
        """The two sides combined field by field (a field asked about as the stored side has it,
        for now); raises ValidationError when the combination breaks a rule."""
        values: dict[str, Any] = {}
        for spec in _specs(cls):
            bv, mv, tv = getattr(b, spec.name), getattr(m, spec.name), getattr(t, spec.name)
            same = _same_entries if spec.kind is _Kind.ENTRIES else eq
            if same(mv, tv) or (same(mv, bv) and (cls, spec.name) not in _DELETIONS_ASK):
                values[spec.name] = tv
            elif same(tv, bv) and (cls, spec.name) not in _DELETIONS_ASK:
                values[spec.name] = mv
            elif spec.bookkeeping:
                values[spec.name] = tv
            else:
                values[spec.name] = self.field(cls, spec, (*path, spec.name), where, bv, mv, tv)
        lost = _dangling(values) if cls is Notebook else _Lost()
        if lost:  # undone before validation: the notebook refuses a link to an entry it lacks
            values = dict(_unlink(Notebook.model_construct(**values), lost))
        return cls.model_validate(values)

    def any_answer_combines(self, cls: type[BaseModel], path: tuple[str, ...], where: list[str],
                            b: BaseModel, m: BaseModel, t: BaseModel, asked: list[str]) -> None:
        """Raise ValidationError when some answer to the questions `asked` about an entry's fields
        would break a rule with the rest of it (this tab's start after the other tab's deadline):
        the entry is then asked about as a whole, so that answering never brings a new question.
        The stored side's answers were just checked; each other set of answers is tried (at most
        2**ANSWERS_TRIED; beyond, all of this tab's)."""
        tried = itertools.product(Side, repeat=len(asked)) if len(asked) <= ANSWERS_TRIED else [(Side.MINE,) * len(asked)]
        for answers in tried:
            if all(a is Side.THEIRS for a in answers):
                continue
            trial = _Merge(self.base, self.mine, self.theirs, {**self.choices, **dict(zip(asked, answers, strict=True))})
            trial._names = self._names
            trial.combined(cls, path, where, b, m, t)

    def field(self, cls: type[BaseModel], spec: _Spec, path: tuple[str, ...], where: list[str],
              b: Any, m: Any, t: Any) -> Any:
        """A field both sides changed, to different values."""
        name = words.section(spec.name) if cls is Notebook else words.field(spec.name)
        if spec.kind is _Kind.PART:
            return self.part(spec.model, path, [*where, name], b, m, t)
        if spec.kind is _Kind.ENTRIES:
            return self.entries(spec, path, where, b, m, t)
        if spec.kind is _Kind.VALUES:
            return self.values(spec, path, [*where, name], b, m, t)
        refers_to = words.REFERENCES.get(spec.name)

        def say(v: Any) -> str:
            return words.value(v, refers_to=refers_to, refer=self.refer)

        return self.ask(path, lambda key: Conflict(
            key, " → ".join([*where, name]), "Both tabs changed it.", say(b), say(m), say(t),
            f"This tab's {name}: {say(m)}", f"The other tab's {name}: {say(t)}",
        ), m, t)

    def whole(self, cls: type[BaseModel], path: tuple[str, ...], where: list[str],
              b: BaseModel | None, m: BaseModel, t: BaseModel, exc: ValidationError | None) -> Any:
        """One side's whole version, when the two do not combine."""
        what = " → ".join(where) or "The whole notebook"
        reason = (f"Each tab's changes are fine alone but break a rule together: {describe(exc)}" if exc
                  else "Both tabs added it, differently.")
        if cls is Notebook:  # each side as it was (see _links_back); this tab's at the stored revision
            m, t = self.mine, self.theirs
            m = m.model_copy(update={s.name: getattr(t, s.name) for s in _specs(Notebook) if s.bookkeeping})
        mine, theirs = _changes(cls, b, m), _changes(cls, b, t)
        return self.ask(path, lambda key: Conflict(
            key, what, reason, "", mine, theirs,
            f"This tab's version ({mine})", f"The other tab's version ({theirs})",
        ), m, t)

    # -- lists --------------------------------------------------------------------------------

    def entries(self, spec: _Spec, path: tuple[str, ...], where: list[str],
                bl: list[BaseModel], ml: list[BaseModel], tl: list[BaseModel]) -> list[BaseModel]:
        key = spec.key
        bm, mm, tm = ({getattr(x, key): x for x in lst} for lst in (bl, ml, tl))
        kept: dict[str, BaseModel] = {}
        for k in dict.fromkeys([*tm, *mm, *bm]):
            bi, mi, ti = bm.get(k), mm.get(k), tm.get(k)
            here = (*path, k)
            if mi is not None and ti is not None:
                if mi == ti or mi == bi:
                    got = ti
                elif ti == bi:
                    got = mi
                else:
                    label = [*where, words.item(spec.name, bi if bi is not None else ti, self.refer)]
                    got = (self.part(spec.model, here, label, bi, mi, ti) if bi is not None
                           else self.whole(spec.model, here, label, None, mi, ti, None))
            elif bi is None:
                got = mi if mi is not None else ti  # added on one side
            else:
                got = self.deleted(spec, here, where, bi, mi, ti)
            if got is not None:
                kept[k] = got
        order = self.order([getattr(x, key) for x in bl], [getattr(x, key) for x in ml],
                           [getattr(x, key) for x in tl], set(kept), lambda: False)
        return [kept[k] for k in order]

    def deleted(self, spec: _Spec, path: tuple[str, ...], where: list[str],
                bi: BaseModel, mi: BaseModel | None, ti: BaseModel | None) -> BaseModel | None:
        """An entry that was there when this tab loaded and one side (or both) deleted."""
        remaining, by_mine = (mi, False) if mi is not None else (ti, True)
        if remaining is None:
            return None
        other = Side.THEIRS if by_mine else Side.MINE
        if remaining == bi and not (isinstance(bi, Goal) and bi.id in self.touched(other)):
            return None
        label = words.item(spec.name, bi, self.refer)
        changed = [_changes(spec.model, bi, remaining)] if remaining != bi else []
        dropped = ""
        if isinstance(bi, Goal):
            if bi.id in self.touched(other):
                changed.append("its check-ins or review decisions")
            n = sum(1 for c in (self.theirs if by_mine else self.mine).checkins if c.goal_id == bi.id)
            dropped = f", with its {n} check-in{'s' if n != 1 else ''}" if n else ""
        changes = "changed: " + ", ".join(changed)
        delete, keep = f"Delete it{dropped}", f"Keep it, with {'the other' if by_mine else 'this'} tab's changes"
        return self.ask(path, lambda key: Conflict(
            key, " → ".join([*where, label]), "Deleted in one tab and changed in the other.", "",
            "deleted" if by_mine else changes, changes if by_mine else "deleted",
            delete if by_mine else keep, keep if by_mine else delete,
        ), mi, ti)

    def touched(self, side: Side) -> set[str]:
        """Goals whose check-ins or review decisions `side` added or changed."""
        if side not in self._touched:
            root = self.mine if side is Side.MINE else self.theirs
            before = {c.id: c for c in self.base.checkins}
            ids = {c.goal_id for c in root.checkins if before.get(c.id) != c}
            reviews = {r.id: r for r in self.base.reviews}
            for review in root.reviews:
                old = {d.goal_id: d for d in reviews[review.id].decisions} if review.id in reviews else {}
                ids.update(d.goal_id for d in review.decisions if old.get(d.goal_id) != d)
            self._touched[side] = ids
        return self._touched[side]

    def values(self, spec: _Spec, path: tuple[str, ...], where: list[str],
               bl: list[Any], ml: list[Any], tl: list[Any]) -> list[Any]:
        bk, mk, tk = _keyed(bl), _keyed(ml), _keyed(tl)
        known = {**bk, **tk, **mk}
        kept = (mk.keys() & tk.keys()) | (mk.keys() - bk.keys()) | (tk.keys() - bk.keys())
        if spec.order is _Order.SORTED:
            return sorted(known[k] for k in kept)

        def ranking_clash() -> bool:
            return self.ask((*path, "ranking"), lambda key: Conflict(
                key, " → ".join(where) + " (ranked)", "Both tabs changed the ranking.",
                words.ranking(bl), words.ranking(ml), words.ranking(tl),
                "The ranking as in this tab", "The ranking as in the other tab",
            ), True, False)

        order = self.order(list(bk), list(mk), list(tk), kept,
                           ranking_clash if spec.order is _Order.RANKED else lambda: False)
        return [known[k] for k in order]

    @staticmethod
    def order(b: list[Any], m: list[Any], t: list[Any], kept: set[Any], mine_wins_clash: Callable[[], bool]) -> list[Any]:
        """The merged order of `kept`: the order of whichever side reordered (asking
        `mine_wins_clash` when both did, differently), then what only one side has: at the end
        if it was added at the end, else after the entry it follows on its side."""
        in_mine, in_base = set(m), set(b)
        shared = [k for k in t if k in kept and k in in_mine]
        shared_set = set(shared)
        mine_order = [k for k in m if k in shared_set]
        base_order = [k for k in b if k in shared_set]
        mine_rel = [k for k in mine_order if k in in_base]
        theirs_rel = [k for k in shared if k in in_base]
        mine_moved, theirs_moved = mine_rel != base_order, theirs_rel != base_order
        clash = mine_moved and theirs_moved and mine_rel != theirs_rel
        out = mine_order if (mine_moved and not theirs_moved) or (clash and mine_wins_clash()) else shared
        if len(out) == len(kept):
            return out
        out = list(out)
        placed_by: dict[Any, int] = {}  # extra entries placed so far, and which side placed them
        for side, keys in enumerate((t, m)):
            last_shared = max((i for i, k in enumerate(keys) if k in shared_set), default=-1)
            anchor = None
            for position, k in enumerate(keys):
                if k not in kept:
                    continue
                if k not in shared_set and k not in placed_by:
                    if position > last_shared:  # added at the end: stays at the end
                        i = len(out)
                    else:
                        i = out.index(anchor) + 1 if anchor is not None else 0
                        while i < len(out) and placed_by.get(out[i], side) != side:
                            i += 1
                    out.insert(i, k)
                    placed_by[k] = side
                anchor = k
        return out


def _put_back(entries: list[Any], before: list[Any], wanted: Callable[[Any], bool], key: str = "id") -> list[Any]:
    """`entries` with the wanted ones of `before` that it lacks, each after the entry it followed."""
    out = list(entries)
    present = {getattr(x, key) for x in out}
    previous = None
    for entry in before:
        k = getattr(entry, key)
        if k not in present and wanted(entry):
            at = next((i + 1 for i, x in enumerate(out) if getattr(x, key) == previous), 0) if previous else 0
            out.insert(at, entry)
            present.add(k)
        if k in present:
            previous = k
    return out


def _keyed(values: list[Any]) -> dict[tuple[Any, int], Any]:
    """Plain values keyed by (value, which occurrence), so repeated values merge one by one."""
    seen: dict[Any, int] = {}
    out = {}
    for v in values:
        k = v.model_dump_json() if isinstance(v, BaseModel) else v
        seen[k] = seen.get(k, -1) + 1
        out[(k, seen[k])] = v
    return out


def _changes(cls: type[BaseModel], before: BaseModel | None, after: BaseModel) -> str:
    """Which fields a side changed, in words: "deadline, why"."""
    if before is None:
        return "added"
    changed = [words.field(s.name) for s in _specs(cls)
               if not s.bookkeeping and getattr(before, s.name) != getattr(after, s.name)]
    return ", ".join(changed) or "no change"


# --- links to deleted goals ----------------------------------------------------------------------


def _links_back(side: Notebook, base: Notebook) -> Notebook:
    """`side` with every link to a goal it deleted put back as it was in `base`: the goal's
    check-ins and review decisions, and the actions, stepping stones, initiatives and journal
    entries that pointed at it.

    Deleting a goal removes those with it (edit.remove_goal); merged as they are, those removals
    would go through even when the other tab keeps the goal. With the links back, the goal's
    deletion is decided alone, and when it stands, the merged notebook loses the links again by
    the same rule (see _unlink).
    """
    gone = {g.id for g in base.goals} - {g.id for g in side.goals}
    if not gone:
        return side
    before: dict[str, dict[str, Any]] = {
        name: {x.id: x for x in getattr(base, name)} for name in ("goals", "actions", "initiatives", "journal", "reviews")
    }

    def relink(entries: list[Any], name: str, field: str) -> list[Any]:
        out = []
        for x in entries:
            old = before[name].get(x.id)
            was = getattr(old, field, None) if old is not None else None
            out.append(x.model_copy(update={field: was}) if getattr(x, field) is None and was in gone else x)
        return out

    def regroup(i: Any) -> Any:
        old = before["initiatives"].get(i.id)
        missing = [g for g in (old.goal_ids if old else []) if g in gone and g not in i.goal_ids]
        return i.model_copy(update={"goal_ids": [*i.goal_ids, *missing]}) if missing else i

    def redecide(r: Any) -> Any:
        old = before["reviews"].get(r.id)
        if old is None:
            return r
        decisions = _put_back(r.decisions, old.decisions, lambda d: d.goal_id in gone, key="goal_id")
        return r.model_copy(update={"decisions": decisions}) if len(decisions) != len(r.decisions) else r

    return side.model_copy(update={
        "checkins": _put_back(side.checkins, base.checkins, lambda c: c.goal_id in gone),
        "goals": relink(side.goals, "goals", "parent_id"),
        "actions": relink(side.actions, "actions", "goal_id"),
        "journal": relink(side.journal, "journal", "goal_id"),
        "initiatives": [regroup(i) for i in side.initiatives],
        "reviews": [redecide(r) for r in side.reviews],
    })


# --- links to what a merge removed ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lost:
    goals: frozenset[str] = frozenset()
    objectives: frozenset[str] = frozenset()
    initiatives: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.goals or self.objectives or self.initiatives)


def _dangling(values: dict[str, Any]) -> _Lost:
    """Ids the merged lists point at but no longer hold (one side deleted the entry)."""
    goals = {g.id for g in values["goals"]}
    pointed = {c.goal_id for c in values["checkins"]}
    pointed.update(g.parent_id for g in values["goals"])
    pointed.update(a.goal_id for a in values["actions"])
    pointed.update(j.goal_id for j in values["journal"])
    pointed.update(gid for i in values["initiatives"] for gid in i.goal_ids)
    pointed.update(d.goal_id for r in values["reviews"] for d in r.decisions)
    objectives = {oid for g in values["goals"] for oid in g.objective_ids}
    initiatives = {a.initiative_id for a in values["actions"]}
    return _Lost(
        frozenset(pointed - goals - {None}),
        frozenset(objectives - {o.id for o in values["org_objectives"]}),
        frozenset(initiatives - {i.id for i in values["initiatives"]} - {None}),
    )


def _unlink(notebook: Notebook, lost: _Lost) -> Notebook:
    """Every link to a deleted entry undone, by the rules that delete entries in the app."""
    # Copied, so the sides stay as they were: the entries whose links change, and the list of
    # check-ins, which loses a deleted goal's (the check-ins themselves are not changed).
    touched = ("goals", "actions", "initiatives", "journal", "reviews")
    nb = notebook.model_copy(update={name: [x.model_copy(deep=True) for x in getattr(notebook, name)] for name in touched}
                             | {"checkins": list(notebook.checkins)})
    for goal_id in lost.goals:
        edit.remove_goal(nb, goal_id)
    for objective_id in lost.objectives:
        unlink_objective(nb, objective_id)
    for initiative_id in lost.initiatives:
        remove_initiative(nb, initiative_id)
    return nb
