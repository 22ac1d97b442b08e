"""Private fields: found by their mark, listed, and blanked in a redacted copy."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import Field, StringConstraints

from career_core.models import PRIVATE, Goal, Item, Notebook, Record
from career_core.privacy import is_private, is_private_path, private_paths


def test_private_notes_are_marked_private_and_nothing_public_is():
    assert private_paths() == ("reflection.private_notes", "checkins[].note", "feedback[].what")
    assert is_private(type(Notebook().reflection), "private_notes")
    assert not is_private(type(Notebook().reflection), "why")
    assert not is_private(Goal, "statement")
    assert not is_private(Goal, "no_such_field")


def test_marks_are_found_at_any_depth_and_inside_lists():
    class Secretive(Item):
        said: str = ""
        aside: Annotated[str, StringConstraints(max_length=10)] = Field(default="", json_schema_extra=PRIVATE)

    class Holder(Record):
        items: list[Secretive] = Field(default_factory=list)
        one: Secretive | None = None
        tags: list[str] = Field(default_factory=list, json_schema_extra=PRIVATE)

    assert private_paths(Holder) == ("items[].aside", "one.aside", "tags")


# (case, a merge conflict's key split at "/", whether it runs through a private field)
CONFLICT_PATHS = [
    ("private notes", ("reflection", "private_notes"), True),
    ("a public field beside them", ("reflection", "why"), False),
    ("a field of a goal, behind its id", ("goals", "4f2a9c", "why"), False),
    ("the ranking of values", ("reflection", "values", "ranking"), False),
    ("the whole notebook", (), False),
    ("a word the model does not know", ("nowhere", "private_notes"), False),
]


@pytest.mark.parametrize(("path", "private"), [c[1:] for c in CONFLICT_PATHS], ids=[c[0] for c in CONFLICT_PATHS])
def test_a_conflict_on_a_private_field_is_known_by_its_path(path, private):
    assert is_private_path(path) is private
