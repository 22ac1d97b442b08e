"""The notebook as a downloadable JSON file, and reading such a file back safely.

A file may come from anyone (a client's laptop, an upload to a public demo), so reading it is
measured at every step before the next one builds anything larger (career_core.limits): its
size, then how many values it holds, then (parsed, but still plain JSON data) its lists, nesting
and fields, and only then the models. It is made consistent on the way in (career_core.integrity), with a note for every
repair. Every refusal is one message in words, naming the limit or the problem and where it is,
without field paths or ids from the file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

import pydantic_core
from pydantic import ValidationError

from career_core import integrity, limits
from career_core.migrations import MigrationError, current
from career_core.models import Notebook, new_id
from career_core.privacy import redacted
from career_core.validation import describe

MAX_BYTES = limits.FILE_BYTES


class ImportProblem(ValueError):
    """A file that cannot become a notebook, with a message a person can act on."""


@dataclass(frozen=True, slots=True)
class Imported:
    notebook: Notebook
    notes: tuple[str, ...]  # what was repaired on the way in, in words; empty for a clean file


def to_bytes(notebook: Notebook, *, redact: bool = False) -> bytes:
    """The whole notebook as JSON; `redact` leaves out every private field (presentation mode)."""
    return (redacted(notebook) if redact else notebook).model_dump_json(indent=1).encode()


def file_name(notebook: Notebook, extension: str = "json", what: str = "waypoint") -> str:
    """'waypoint-jo-s-plan.json', or with `what` the kind of file: 'development-plan-jo-s-plan.pdf'."""
    slug = re.sub(r"[^a-z0-9]+", "-", notebook.title.lower()).strip("-")[:60] or "notebook"
    return f"{what}-{slug}.{extension}"


def read(data: bytes) -> Imported:
    """A notebook from a file's bytes, or ImportProblem saying why not; nothing is stored."""
    if problem := limits.size_problem(len(data)):
        raise ImportProblem(problem)
    data = data.removeprefix(codecs.BOM_UTF8)
    if problem := limits.values_problem(data):
        raise ImportProblem(problem)
    raw = _parse(data)
    if found := limits.first_problem(raw, "This file"):
        raise ImportProblem(found[1])
    if problem := limits.shape_problem(raw):
        raise ImportProblem(problem)
    if not isinstance(raw, dict) or not {"schema_version", "title", "goals"} & raw.keys():
        raise ImportProblem(
            "This JSON file is not a Waypoint notebook: it has none of a notebook's fields "
            "(a title, goals, a schema version)."
        )
    try:
        raw = current(raw)
    except MigrationError as exc:
        message = str(exc).split(": ", 1)[-1]  # without the field name it starts with
        raise ImportProblem(message[:1].upper() + message[1:]) from None
    try:
        notes = integrity.repair(raw, new_id)
    except integrity.Inconsistent as exc:
        raise ImportProblem(str(exc)) from None
    try:
        notebook = Notebook.model_validate(raw)
    except ValidationError as exc:
        raise ImportProblem(f"This notebook file has problems, so nothing was imported. {describe(exc)}") from None
    return Imported(notebook, tuple(notes))


def from_bytes(data: bytes) -> Notebook:
    """`read` without its notes."""
    return read(data).notebook


_JSON_ERROR = re.compile(r"(?P<what>.*) at line (?P<line>\d+) column (?P<column>\d+)$")
_NOT_A_NUMBER = re.compile(rb"-?(?:NaN|Infinity)")


def _parse(data: bytes) -> Any:
    """Parsed JSON, built by pydantic's own parser straight from the bytes (no copy of the whole
    text as a string); it refuses nesting past 200 levels itself, so no file reaches the stack."""
    try:
        return pydantic_core.from_json(data, allow_inf_nan=False)
    except ValueError as exc:
        raise ImportProblem(_parse_problem(data, str(exc))) from None


def _parse_problem(data: bytes, error: str) -> str:
    if not data.strip():
        return "This file is empty. Choose a .json file downloaded from Waypoint."
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "This is not a text file. Choose a .json file downloaded from Waypoint."
    if "recursion limit" in error:
        return limits.depth_message()
    found = _JSON_ERROR.match(error)
    if not found:
        return "This file is not valid JSON."
    line, column = int(found["line"]), int(found["column"])
    if _NOT_A_NUMBER.match(_at(data, line, column)):
        return (f"This file holds NaN or Infinity where a number belongs (line {line:,}, column {column:,}); "
                "a notebook keeps only real numbers, so nothing was imported.")
    return f"This file is not valid JSON (line {line:,}, column {column:,}: {found['what']})."


def _at(data: bytes, line: int, column: int) -> bytes:
    """The bytes from a parser's line and column (1-based column; jiter points at the offending token)."""
    start = 0
    for _ in range(line - 1):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return b""
    return data[start + max(column - 1, 0):start + max(column - 1, 0) + 9]
