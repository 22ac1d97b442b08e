"""Validation errors in words: where a problem is, without dotted paths, ids or doubled full stops."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from career_core.models import Notebook
from career_core.validation import describe, field_errors, where


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ((), "the notebook"),
        (("title",), "title"),
        (("goals",), "goals"),
        (("goals", 3, "metric", "target"), "goal 4, metric, target"),
        (("goals", 0, "revisions", 1, "at"), "goal 1, earlier wording 2, at"),
        (("actions", 0, "done_on", 2), "action 1, completed date 3"),
        (("reflection", "skills", 0, "name"), "reflection, skill 1, name"),
        (("reviews", 1, "decisions", 0, "goal_id"), "review 2, goal decision 1, goal"),
        (("checkins", 49_999, "on"), "check-in 50,000, date"),
        (("settings", "weekly_hour_limit"), "settings, weekly hour limit"),
        (("org_objectives", 0, "title"), "organisational objective 1, title"),
        (("goals", 2, "parent_id"), "goal 3, long-term goal"),
        (("mystery", 0), "mystery, entry 1"),
    ],
)
def test_a_field_path_in_words(path: tuple, words: str):
    assert where(path) == words


def failure(data: dict) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Notebook.model_validate(data)
    return caught.value


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({"goals": [{"statement": ""}]}, "Goal 1, statement: This cannot be empty."),
        ({"goals": [{"statement": "x", "deadline": "9999-12-31"}]}, "Goal 1, deadline: Dates run from 1900 to 2200."),
        ({"checkins": [{"goal_id": "g", "value": "NaN"}]},
         "Check-in 1, value: NaN and Infinity are not numbers Waypoint can keep: write a number, or leave it empty."),
        ({"settings": {"weekly_hour_limit": 500}}, "Settings, weekly hour limit: This must be at most 168."),
        ({"title": "x" * 121}, "Title: This is too long (at most 120 characters)."),
        ({"goals": [{"statement": "x", "<img src=x>": "red"}]}, "Goal 1: This has a field that is not part of a Waypoint notebook."),
        ({"goals": [{"statement": "x", "parent_id": "gone"}]},
         "Goals: 1 goal refers to a goal that is not in the notebook."),
        ({"title": "", "vision": {"horizon_year": 1000}},
         "Title: This cannot be empty. Vision, horizon year: This must be at least 1900."),
    ],
)
def test_describe_says_where_and_what_in_sentences(data: dict, text: str):
    assert describe(failure(data)) == text


def test_describe_counts_what_it_leaves_out():
    data = {"title": "", "vision": {"statement": "x" * 6000, "horizon_year": 1, "target_role": "y" * 300},
            "settings": {"weekly_hour_limit": 0, "usual_weekly_hours": 999}}
    text = describe(failure(data), limit=2)
    assert text.endswith(" And 4 more.")
    assert ".." not in text


def test_field_errors_still_key_messages_by_their_dotted_field():
    assert field_errors(failure({"goals": [{"statement": "x", "deadline": "0001-01-01"}]})) == {
        "goals.0.deadline": "Dates run from 1900 to 2200."
    }
