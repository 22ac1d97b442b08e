"""Fields marked private (`json_schema_extra=models.PRIVATE`): what presentation mode hides.

The mark lives on the model, so a field added later is hidden everywhere by marking it once,
and tests can check every page against every private field without listing them.
"""

from __future__ import annotations

from collections.abc import Iterator
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
