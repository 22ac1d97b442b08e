"""Accountability entries: what each needs beyond its model, and the entry built from a form."""

from __future__ import annotations

from datetime import date

import pytest

from career_core.accountability import entry_problems, new_entry
from career_core.models import CoachNote, Feedback, Partner
from career_core.validation import EntryError


@pytest.mark.parametrize(
    ("kind", "values", "fields"),
    [
        ("feedback", {"from_whom": "Grace", "what": "Clearer updates"}, set()),
        ("feedback", {"from_whom": "Grace", "what": "   "}, {"what"}),
        ("feedback", {"from_whom": "Grace"}, {"what"}),
        ("coach_notes", {"notes": "Talked about delegation"}, set()),
        ("coach_notes", {"next_steps": "Hand over the forecast"}, set()),
        ("coach_notes", {"notes": " ", "next_steps": ""}, {"notes"}),
        ("partners", {"name": "Priya"}, set()),  # the model itself asks for the name
    ],
)
def test_entry_problems(kind, values, fields):
    assert set(entry_problems(kind, values)) == fields


@pytest.mark.parametrize(
    ("kind", "values", "expected"),
    [
        ("partners", {"name": "Priya", "role": "mentor", "sees": None}, Partner(name="Priya", role="mentor")),
        ("feedback", {"from_whom": "Grace", "on": date(2026, 7, 1), "what": "Clearer updates"},
         Feedback(from_whom="Grace", on=date(2026, 7, 1), what="Clearer updates")),
        ("coach_notes", {"on": date(2026, 7, 1), "notes": "", "next_steps": "Hand over the forecast"},
         CoachNote(on=date(2026, 7, 1), next_steps="Hand over the forecast")),
    ],
)
def test_a_complete_entry_is_built(kind, values, expected):
    assert new_entry(kind, values).model_dump(exclude={"id"}) == expected.model_dump(exclude={"id"})


@pytest.mark.parametrize(
    ("kind", "values", "problems"),
    [
        ("feedback", {"from_whom": "Grace", "on": date(2026, 7, 1), "what": " "},
         {"what": "Write what they said, in their words if you can."}),
        ("coach_notes", {"on": date(2026, 7, 1), "notes": "", "next_steps": ""},
         {"notes": "Write what you talked about, the next steps you agreed, or both."}),
        ("partners", {"name": "", "role": "x" * 201}, {"name", "role"}),  # the model's own checks, beside each field
    ],
)
def test_an_incomplete_entry_is_refused_field_by_field(kind, values, problems):
    with pytest.raises(EntryError) as caught:
        new_entry(kind, values)
    assert (caught.value.problems if isinstance(problems, dict) else set(caught.value.problems)) == problems
