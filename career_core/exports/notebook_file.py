"""The notebook as a downloadable JSON file, and reading such a file back safely."""

from __future__ import annotations

import json
import re

from pydantic import ValidationError

from career_core.migrations import MigrationError
from career_core.models import Notebook
from career_core.validation import describe

MAX_BYTES = 25 * 1024 * 1024


class ImportProblem(ValueError):
    """A file that cannot become a notebook, with a message a person can act on."""


def to_bytes(notebook: Notebook) -> bytes:
    return notebook.model_dump_json(indent=1).encode()


def file_name(notebook: Notebook, extension: str = "json", what: str = "waypoint") -> str:
    """'waypoint-jo-s-plan.json', or with `what` the kind of file: 'development-plan-jo-s-plan.pdf'."""
    slug = re.sub(r"[^a-z0-9]+", "-", notebook.title.lower()).strip("-")[:60] or "notebook"
    return f"{what}-{slug}.{extension}"


def from_bytes(data: bytes) -> Notebook:
    if len(data) > MAX_BYTES:
        raise ImportProblem(f"The file is {len(data) / 1e6:.0f} MB; a Waypoint notebook file is at most {MAX_BYTES // 2**20} MB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem("This is not a text file. Choose a .json file downloaded from Waypoint.") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"This file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    if not isinstance(raw, dict) or not {"schema_version", "title", "goals"} & raw.keys():
        raise ImportProblem(
            "This JSON file is not a Waypoint notebook: it has none of the fields a notebook has "
            "(schema_version, title, goals)."
        )
    try:
        return Notebook.from_data(raw)
    except MigrationError as exc:
        raise ImportProblem(str(exc).split(": ", 1)[-1]) from None
    except ValidationError as exc:
        raise ImportProblem(f"This notebook file has problems, so nothing was imported: {describe(exc)}.") from None
