"""Upgrade notebooks written by older versions of Waypoint, one schema step at a time.

A step takes the JSON data of version N and returns version N + 1; `migrate` chains them, so a
file from any earlier version loads. Add a step here whenever the model changes shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Data = dict[str, Any]


def _v0_to_v1(data: Data) -> Data:
    """Version 0 (the pre-release format) called the title `name` and had no revision number."""
    data = dict(data)
    if "name" in data and "title" not in data:
        data["title"] = data.pop("name")
    data.setdefault("revision", 0)
    return data


STEPS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1}


class MigrationError(ValueError):
    """The data cannot be brought to the current schema version."""


def current(data: Any) -> Any:
    """`data` at this schema version: a notebook of an older one is migrated, anything else is
    returned as it is for validation to refuse."""
    if isinstance(data, dict):
        version = data.get("schema_version", 0)
        if type(version) is not int or version != SCHEMA_VERSION:
            return migrate(data)
    return data


def migrate(data: Data) -> Data:
    version = data.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise MigrationError("schema_version: the schema version is not a whole number from 0 up.")
    if version > SCHEMA_VERSION:
        raise MigrationError(
            f"schema_version: this notebook was written by a newer Waypoint (schema {version}; "
            f"this one reads up to {SCHEMA_VERSION}). Update Waypoint to open it."
        )
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version += 1
        data["schema_version"] = version
    return data
