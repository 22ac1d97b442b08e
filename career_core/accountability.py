"""Accountability: the partners who know a person's goals, feedback in other people's words, and
notes from coaching sessions. One rule per entry says what it needs beyond what its model checks.
(What changed between coaching sessions is career_core.coaching.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pydantic import BaseModel

from career_core.models import CoachNote, Feedback, Partner
from career_core.validation import build

# The notebook's list each kind of entry goes to, and its model.
KINDS: Final[dict[str, type[BaseModel]]] = {"partners": Partner, "feedback": Feedback, "coach_notes": CoachNote}


def entry_problems(kind: str, values: Mapping[str, object]) -> dict[str, str]:
    """What an accountability entry still needs beyond what the model checks, keyed by field.

    Feedback is only worth keeping with what was said; a session note needs the talk or the next steps.
    """
    def text(name: str) -> str:
        value = values.get(name)
        return value.strip() if isinstance(value, str) else ""

    if kind == "feedback" and not text("what"):
        return {"what": "Write what they said, in their words if you can."}
    if kind == "coach_notes" and not (text("notes") or text("next_steps")):
        return {"notes": "Write what you talked about, the next steps you agreed, or both."}
    return {}


def new_entry(kind: str, values: Mapping[str, object]) -> BaseModel:
    """The entry `values` describe (a Partner, Feedback or CoachNote), or EntryError naming each field to fix."""
    present = {name: value for name, value in values.items() if value is not None}
    return build(KINDS[kind], present, entry_problems(kind, values))
