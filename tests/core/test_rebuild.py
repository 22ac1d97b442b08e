"""Stored notebooks rebuilt for a merge: equal to reading them in full, whatever the edits, and
refused (read the usual way instead) where only a full read would do."""

from __future__ import annotations

import json

import pydantic_core
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_core.models import CheckIn, Goal, Notebook
from career_core.rebuild import Known, rebuild
from career_core.sample import load_sample
from tests.core.test_merge_properties import edited, notebooks


def full(nb: Notebook) -> Notebook:
    return Notebook.model_validate_json(nb.to_json())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=notebooks(), data=st.data())
def test_a_rebuilt_notebook_equals_the_one_read_in_full(base: Notebook, data: st.DataObject):
    mine, theirs = edited(base, data), edited(base, data)
    known = [Known.of(mine), Known.of(base)]
    rebuilt = rebuild(pydantic_core.from_json(theirs.to_json()), known)
    assert rebuilt == full(theirs)
    assert Known.read(theirs.to_json(), known).notebook == full(theirs)


def test_equal_entries_are_reused_and_only_the_changed_ones_are_built():
    mine = load_sample()
    theirs = full(mine)
    theirs.checkins.append(CheckIn(goal_id=theirs.goals[0].id, on=theirs.checkins[-1].on, value=3))
    theirs.goals[1].why = "Changed in the other tab"
    rebuilt = rebuild(pydantic_core.from_json(theirs.to_json()), [Known.of(mine)])
    assert rebuilt == full(theirs)
    assert rebuilt.checkins[0] is mine.checkins[0] and rebuilt.goals[0] is mine.goals[0]  # reused as they are
    assert rebuilt.goals[1] is not mine.goals[1] and rebuilt.checkins[-1].value == 3  # built from the JSON
    assert rebuilt.vision is mine.vision


def stored(change) -> str:
    data = json.loads(load_sample().to_json())
    change(data)
    return json.dumps(data)


# (case, a change to the stored JSON) -> read in full instead: migrated, repaired or refused there
FULL_READS = [
    ("an older schema", lambda d: d.update(schema_version=d["schema_version"] - 1)),
    ("a key the model does not know", lambda d: d.update(surprise=1)),
    ("a link to a goal that is not there", lambda d: d["actions"][0].update(goal_id="gone")),
    ("more goals than a notebook holds", lambda d: d.update(goals=[{**d["goals"][0], "id": f"g{i}"} for i in range(401)])),
    ("a field that fails validation", lambda d: d["goals"][0].update(confidence=99)),
]


@pytest.mark.parametrize("change", [c[1] for c in FULL_READS], ids=[c[0] for c in FULL_READS])
def test_what_only_a_full_read_can_judge_is_not_rebuilt(change):
    assert rebuild(pydantic_core.from_json(stored(change)), [Known.of(load_sample())]) is None


def test_a_document_that_needs_repair_is_read_in_full_and_repaired():
    document = stored(lambda d: d["actions"][0].update(goal_id="gone"))
    known = Known.read(document, [Known.of(load_sample())])
    assert known.notebook == Notebook.from_json(document) and known.notebook.actions[0].goal_id is None


def test_a_notebook_with_nothing_in_common_is_built_whole():
    other = Notebook(id="x", goals=[Goal(statement="Lead the platform team")])
    sample = load_sample()
    assert rebuild(pydantic_core.from_json(sample.to_json()), [Known.of(other)]) == full(sample)
