"""A stored notebook read back for a merge, fast: built from its JSON without validating again what
a notebook in memory already holds.

A merged save reads two stored revisions of a notebook the tab already holds in memory (the one
it started from, and the one another tab saved since), and they differ from it in a few entries.
Validating each whole document again costs more than the merge itself, so `rebuild` compares the
stored JSON with the notebooks it is given (`Known`: a notebook and its JSON form), field by field
and entry by entry (by id), reuses the model objects of what is equal, and validates only the
rest. Whole-notebook rules (limits, consistency) are checked on the result; a document that
fails them, or one of an older schema, is None, and the caller reads it the usual way
(`Notebook.from_json`, which migrates and repairs). The result may share entries with the
notebooks given; a merge never changes its arguments, so that is safe there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, get_args, get_origin

import pydantic_core
from pydantic import BaseModel, TypeAdapter, ValidationError

from career_core import integrity, limits
from career_core.migrations import SCHEMA_VERSION
from career_core.models import Item, Notebook


@dataclass(frozen=True, slots=True)
class Known:
    """A notebook in memory with its JSON form (`Known.of`), to compare stored documents with."""

    notebook: Notebook
    data: dict[str, Any]

    @classmethod
    def of(cls, notebook: Notebook) -> Known:
        return cls(notebook, notebook.model_dump(mode="json"))

    @classmethod
    def read(cls, document: str | bytes, like: Sequence[Known], *, check: bool = True) -> Known:
        """A stored JSON document, rebuilt against `like`, or read in full (migrated, repaired)
        when it cannot be. `check=False` skips the whole-notebook rules, for a revision that is
        only compared with (its entries are still validated where they are built)."""
        data = pydantic_core.from_json(document)
        notebook = rebuild(data, like, check=check)
        return cls(notebook, data) if notebook is not None else cls.of(Notebook.from_json(document))


def rebuild(data: Any, like: Sequence[Known], *, check: bool = True) -> Notebook | None:
    """The notebook whose JSON form is `data` (as stored by this version), reusing the parts of
    `like` that are equal to it; None when it is not a current, valid notebook (with `check`,
    under the whole-notebook rules too)."""
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION or data.keys() != _FIELDS:
        return None
    values = {}
    try:
        for name in _FIELDS:
            raw = data[name]
            same = next((k.notebook for k in like if k.data[name] == raw), None)
            if same is not None:
                values[name] = getattr(same, name)
            elif (entry := _entries(name)) is not None and isinstance(raw, list):
                values[name] = _list(name, entry, raw, like)
            else:
                values[name] = _adapter(name).validate_python(raw)
        notebook = Notebook.model_construct(**values)
        if check:
            integrity.verify(notebook)  # what pydantic's whole-notebook rule would have checked
    except (ValidationError, limits.LimitError, integrity.Inconsistent):
        return None
    return notebook


_FIELDS = Notebook.model_fields.keys()


def _list(name: str, entry: type[Item], raw: list[Any], like: Sequence[Known]) -> list[Item]:
    """A list of entries: each equal to one of `like`'s (same id, same JSON) is reused. (How many
    a list may hold is one of the limits `rebuild` checks on the whole.)"""
    out: list[Item] = []
    for k in like:  # the common case, entries added at the end: one comparison of the shared start
        dicts = k.data[name]
        shared = min(len(raw), len(dicts))
        if shared > len(out) and raw[:shared] == dicts[:shared]:
            out = getattr(k.notebook, name)[:shared]
    if len(out) == len(raw):
        return out
    pools = [{d.get("id"): (x, d) for x, d in zip(getattr(k.notebook, name), k.data[name], strict=True)} for k in like]
    adapter = _entry_adapter(entry)
    for item in raw[len(out):]:
        key = item.get("id") if isinstance(item, dict) else None
        for pool in pools:
            hit = pool.get(key)
            if hit is not None and hit[1] == item:
                out.append(hit[0])
                break
        else:
            out.append(adapter.validate_python(item))
    return out


@cache
def _entries(name: str) -> type[Item] | None:
    """The entry model of a notebook field that is a list of entries with ids, else None."""
    annotation = Notebook.model_fields[name].annotation
    if get_origin(annotation) is not list:
        return None
    inner = get_args(annotation)[0]
    while get_origin(inner) is Annotated:
        inner = get_args(inner)[0]
    return inner if isinstance(inner, type) and issubclass(inner, Item) else None


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    """Validates one field of the notebook exactly as the notebook's own validation would."""
    info = Notebook.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, info])


@cache
def _entry_adapter(model: type[BaseModel]) -> TypeAdapter[Any]:
    return TypeAdapter(model)
