"""Fields marked private (`json_schema_extra=models.PRIVATE`): what presentation mode hides.

The mark lives on the model, so a field added later is hidden everywhere by marking it once,
and tests can check every page against every private field without listing them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, get_args

from pydantic import BaseModel

from career_core.models import Notebook


def is_private(model: type[BaseModel], field: str) -> bool:
    info = model.model_fields.get(field)
    extra = info.json_schema_extra if info is not None else None
    return isinstance(extra, dict) and extra.get("private") is True


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in get_args(annotation):
        yield from _models_in(arg)


def private_paths(model: type[BaseModel] = Notebook, prefix: str = "") -> tuple[str, ...]:
    """Dotted paths of every private field, e.g. "reflection.private_notes" or "goals[].x"."""
    paths: list[str] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if is_private(model, name):
            paths.append(path)
            continue
        is_list = getattr(info.annotation, "__origin__", None) in (list, tuple)
        for inner in _models_in(info.annotation):
            paths.extend(private_paths(inner, f"{path}[]." if is_list else f"{path}."))
    return tuple(dict.fromkeys(paths))


def is_private_path(path: Sequence[str], model: type[BaseModel] = Notebook) -> bool:
    """Whether a path of field names and entry ids (a merge conflict's key, split at "/") runs
    through a private field: ("reflection", "private_notes"), ("goals", "<id>", "x")."""
    current: type[BaseModel] | None = model
    for part in path:
        info = current.model_fields.get(part) if current is not None else None
        if info is None:
            continue  # an entry's id, or a word such as "ranking"
        if is_private(current, part):
            return True
        current = next(_models_in(info.annotation), None)
    return False


def _walk(value: Any) -> Iterator[tuple[BaseModel, str]]:
    """Every (model, private field name) pair in a notebook, however deep."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if is_private(type(value), name):
                yield value, name
            else:
                yield from _walk(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(item)


def private_texts(notebook: Notebook) -> list[str]:
    """The private words in a notebook (non-empty ones), e.g. to check none is on screen."""
    out = []
    for model, name in _walk(notebook):
        value = getattr(model, name)
        if isinstance(value, str) and value.strip():
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str) and v.strip())
    return out


def redacted(notebook: Notebook) -> Notebook:
    """A copy with every private field back at its default: safe to show or share."""
    copy = notebook.model_copy(deep=True)
    for model, name in _walk(copy):
        info = type(model).model_fields[name]
        model.__dict__[name] = info.get_default(call_default_factory=True)
    return copy
