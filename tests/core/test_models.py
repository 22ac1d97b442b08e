"""The notebook model: what it accepts, what it refuses (naming the field), and how it migrates."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import TypeAdapter, ValidationError

from career_core.edit import assign, remove_goal, update
from career_core.migrations import SCHEMA_VERSION, MigrationError, migrate
from career_core.models import (
    Action,
    CheckIn,
    Direction,
    Goal,
    Initiative,
    InputEntry,
    Labelled,
    Metric,
    Notebook,
    Recurrence,
    Review,
    Settings,
    SkillRating,
    Vision,
)
from career_core.validation import field_errors


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Settings, {"weekly_hour_limit": 50, "review_cadence": "monthly"}),
        (Settings, {"weekly_hour_limit": 37.5, "review_cadence": "biweekly"}),
        (SkillRating, {"name": "Coaching", "now": 2, "wanted": 5}),
        (Vision, {"statement": "Head a division of 200", "horizon_year": 2030}),
        (InputEntry, {"who": "Maria", "role": "mentor", "on": "2026-10-01", "said": "Delegate more."}),
        (Metric, {"name": "Team size", "unit": "people", "baseline": 5, "target": 10, "direction": "at_least"}),
        (Goal, {"statement": "Lead a team of 10 by 2028", "start": "2026-01-01", "deadline": "2028-01-01"}),
        (Goal, {"statement": "Same day", "start": "2026-01-01", "deadline": "2026-01-01"}),
        (Action, {"title": "1:1s", "recurrence": "weekly", "start": "2026-01-05", "hours": 3}),
        (Action, {"title": "Book the course", "due": "2026-12-01", "hours": 0.5}),
        (Initiative, {"title": "Pilot", "start": "2026-02-01", "finish": "2026-06-30"}),
        (CheckIn, {"goal_id": "g1", "on": "2026-03-01", "value": 7, "confidence": 8}),
    ],
)
def test_valid_parts_are_accepted(model, data):
    assert model.model_validate(data)


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Settings, {"weekly_hour_limit": 0}, "weekly_hour_limit"),
        (Settings, {"weekly_hour_limit": 200}, "weekly_hour_limit"),
        (Settings, {"review_cadence": "yearly"}, "review_cadence"),
        (SkillRating, {"name": "Coaching", "now": 6}, "now"),
        (SkillRating, {"name": "  "}, "name"),
        (Vision, {"horizon_year": 30000}, "horizon_year"),
        (Vision, {"statement": "x" * 5001}, "statement"),
        (InputEntry, {"who": "Maria", "on": "yesterday"}, "on"),
        (InputEntry, {"who": "Maria", "on": "2026-02-30"}, "on"),
        (Goal, {"statement": ""}, "statement"),
        (Goal, {"statement": "x", "confidence": 11}, "confidence"),
        (Goal, {"statement": "x", "start": "2027-01-01", "deadline": "2026-01-01"}, "deadline"),
        (Goal, {"statement": "x", "colour": "red"}, "colour"),
        (Metric, {"direction": "sideways"}, "direction"),
        (Metric, {"target": "ten"}, "target"),
        (Action, {"title": "x", "hours": -1}, "hours"),
        (Action, {"title": "x", "start": "2026-05-01", "end": "2026-04-01"}, "end"),
        (Action, {"title": "x", "recurrence": "weekly"}, "start"),
        (Initiative, {"title": "x", "start": "2026-05-01", "finish": "2026-04-01"}, "finish"),
    ],
)
def test_invalid_parts_fail_naming_the_field(model, data, field):
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    assert field in field_errors(caught.value)


def test_ids_are_generated_and_distinct():
    goals = [Goal(statement=f"Goal {i}") for i in range(100)]
    assert len({g.id for g in goals}) == 100
    assert Notebook().id != Notebook().id


def test_dangling_references_are_refused():
    with pytest.raises(ValidationError) as caught:
        Notebook(goals=[Goal(statement="x", parent_id="nope")])
    assert "goals" in field_errors(caught.value)
    with pytest.raises(ValidationError) as caught:
        Notebook(checkins=[CheckIn(goal_id="nope")])
    assert "checkins" in field_errors(caught.value)


def test_json_round_trip_keeps_everything():
    goal = Goal(statement="Lead a team of 10", metric=Metric(target=10, direction=Direction.AT_LEAST))
    nb = Notebook(
        title="Round trip ✓ «ünïcode»",
        goals=[goal],
        checkins=[CheckIn(goal_id=goal.id, on=date(2026, 3, 1), value=6)],
        actions=[Action(title="1:1s", recurrence=Recurrence.WEEKLY, start=date(2026, 1, 5), goal_id=goal.id)],
    )
    again = Notebook.from_json(nb.to_json())
    assert again == nb
    assert isinstance(again.checkins[0].on, date)


@pytest.mark.parametrize(
    ("old", "expected_title"),
    [
        ({"name": "Pre-release notebook"}, "Pre-release notebook"),
        ({"schema_version": 0, "name": "Explicit version 0"}, "Explicit version 0"),
        ({"schema_version": 0, "title": "Already titled"}, "Already titled"),
    ],
)
def test_older_schema_versions_migrate(old, expected_title):
    nb = Notebook.from_json(json.dumps(old))
    assert nb.title == expected_title
    assert nb.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, -1, "one", True])
def test_unknown_schema_versions_are_refused(version):
    with pytest.raises(MigrationError, match="schema_version"):
        Notebook.from_data({"schema_version": version, "title": "x"})
    with pytest.raises(MigrationError, match="schema_version"):
        Notebook.from_json(json.dumps({"schema_version": version, "title": "x"}))


def test_validating_old_data_without_migrating_names_the_version():
    with pytest.raises(ValidationError) as caught:
        Notebook.model_validate({"schema_version": 0, "title": "x"})
    assert "schema_version" in field_errors(caught.value)


def test_every_older_version_has_a_step():
    for version in range(SCHEMA_VERSION):
        assert migrate({"schema_version": version})["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"deadline": date(2025, 1, 1)}, "deadline"),
        ({"confidence": 0}, "confidence"),
        ({"statement": ""}, "statement"),
    ],
)
def test_assign_is_all_or_nothing(changes, field):
    goal = Goal(statement="Lead a team", start=date(2026, 1, 1), deadline=date(2027, 1, 1), confidence=6)
    before = goal.model_dump()
    with pytest.raises(ValidationError) as caught:
        assign(goal, **changes)
    assert field in field_errors(caught.value)
    assert goal.model_dump() == before


def _review_notebook() -> Notebook:
    return Notebook(goals=[Goal(id="g", statement="Lead a team")], reviews=[Review(id="r1"), Review(id="r2")])


UPDATES = [
    # (what is changed, which model, the change, whether the notebook holds that very object after)
    ("a goal, changed in place", lambda nb: nb.goals[0], {"statement": "Lead a team of ten"}, True),
    ("the reflection, changed in place", lambda nb: nb.reflection, {"why": "To grow people"}, True),
    ("a review (frozen), replaced by a copy where it was", lambda nb: nb.reviews[1], {"went_well": "A calm month"}, False),
]


@pytest.mark.parametrize(("model", "changes", "same"), [u[1:] for u in UPDATES], ids=[u[0] for u in UPDATES])
def test_update_sets_fields_in_place_or_replaces_a_frozen_entry_where_it_is(model, changes, same):
    nb = _review_notebook()
    before = model(nb)
    after = update(nb, before, **changes)
    assert (after is before) == same and model(nb) is after
    assert {k: getattr(model(nb), k) for k in changes} == changes
    assert [r.id for r in nb.reviews] == ["r1", "r2"]


@pytest.mark.parametrize(
    ("model", "changes", "error"),
    [
        pytest.param(lambda nb: Review(), {"went_well": "Lost"}, ValueError, id="a frozen entry no longer in the notebook"),
        pytest.param(lambda nb: nb.reviews[0], {"on": "not a day"}, ValidationError, id="a value the model refuses"),
    ],
)
def test_update_changes_nothing_when_it_refuses(model, changes, error):
    nb = _review_notebook()
    before = nb.model_dump()
    with pytest.raises(error):
        update(nb, model(nb), **changes)
    assert nb.model_dump() == before


@pytest.mark.parametrize(
    ("served", "left"),
    [
        (["parent", "child"], ["child"]),
        (["parent", "child", "parent"], ["child"]),  # named twice (a file imported so): both links go
        (["child"], ["child"]),
    ],
    ids=["linked", "linked twice", "not linked"],
)
def test_removing_a_goal_removes_its_checkins_and_links(served, left):
    parent = Goal(id="parent", statement="Head the division")
    child = Goal(id="child", statement="Lead a team of 10", parent_id=parent.id)
    nb = Notebook(
        goals=[parent, child],
        checkins=[CheckIn(goal_id=parent.id), CheckIn(goal_id=child.id)],
        actions=[Action(title="x", goal_id=parent.id)],
        # Unvalidated, as a merge's copies are: validation would already keep each link once.
        initiatives=[Initiative(title="y").model_copy(update={"goal_ids": served})],
    )
    remove_goal(nb, parent.id)
    assert [g.id for g in nb.goals] == [child.id]
    assert child.parent_id is None
    assert [c.goal_id for c in nb.checkins] == [child.id]
    assert nb.actions[0].goal_id is None
    assert nb.initiatives[0].goal_ids == left
    Notebook.model_validate(nb.model_dump())  # still a valid notebook


@pytest.mark.parametrize(
    ("model", "given", "field", "named", "kept"),
    [
        (Goal, {"statement": "s"}, "objective_ids", ["o1", "o2", "o1"], ["o1", "o2"]),
        (Goal, {"statement": "s"}, "objective_ids", ["o2", "o1"], ["o2", "o1"]),
        (Goal, {"statement": "s"}, "values", ["Growth", "Trust", "Growth", "Trust"], ["Growth", "Trust"]),
        (Initiative, {"title": "t"}, "goal_ids", ["g2", "g1", "g2"], ["g2", "g1"]),
        (Initiative, {"title": "t"}, "goal_ids", [], []),
        (Action, {"title": "a"}, "done_on", ["2026-03-02", "2026-03-01", "2026-03-02"], [date(2026, 3, 1), date(2026, 3, 2)]),
        (Action, {"title": "a"}, "done_on", ["2026-03-01", "2026-03-02"], [date(2026, 3, 1), date(2026, 3, 2)]),
        (Action, {"title": "a"}, "done_on", ["2026-03-01"], [date(2026, 3, 1)]),
    ],
    ids=["a goal's objective twice", "objectives in the order given", "a goal's values twice",
         "an initiative's goal twice", "no goals", "a day done twice, out of order", "days in order", "one day"],
)
def test_a_link_a_value_or_a_day_named_twice_counts_once(model, given, field, named, kept):
    """As a file may hold them: shown twice, a goal would say "objectives Delivery, Delivery", and
    a review would count a day's tick twice. Links and values keep the order given; days run
    earliest first, as the app writes them."""
    entry = model.model_validate({**given, field: named})
    assert getattr(entry, field) == kept
    assert getattr(model.model_validate_json(entry.model_dump_json()), field) == kept


@pytest.mark.parametrize(
    ("model", "given", "field", "typed", "json"),
    [
        (CheckIn, {"goal_id": "g"}, "value", -0.0, "0.0"),
        (CheckIn, {"goal_id": "g"}, "value", 0.0, "0.0"),
        (CheckIn, {"goal_id": "g"}, "value", -2.5, "-2.5"),
        (Action, {"title": "a"}, "hours", -0.0, "0.0"),
        (Action, {"title": "a"}, "hours", 1.5, "1.5"),
        (Metric, {}, "target", -0.0, "0.0"),
        (Metric, {}, "baseline", -1e-300, "-1e-300"),
    ],
    ids=["a check-in of -0", "of 0", "of a negative number", "an action of -0 hours", "of 1.5 hours",
         "a target of -0", "a tiny negative baseline"],
)
def test_minus_zero_is_kept_as_zero(model, given, field, typed, json):
    """-0 and 0 are one number; stored as one, equal check-ins or actions write the same JSON, which
    the store relies on when it reuses a run of entries equal to what it wrote."""
    entry = model.model_validate({**given, field: typed})
    assert f'"{field}":{json}' in entry.model_dump_json()


def _members() -> list[Labelled]:
    kinds, todo = [], [Labelled]
    while todo:
        kind = todo.pop()
        kinds.append(kind)
        todo.extend(kind.__subclasses__())
    return [member for kind in kinds for member in kind]


@pytest.mark.parametrize("member", _members(), ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_an_enum_is_stored_as_its_value_and_read_back_as_itself(member: Labelled) -> None:
    """Written in C as the string it is, not through its `value` property: the same JSON as
    before, the member itself in a Python dump, a plain string in a JSON-mode dump."""
    adapter = TypeAdapter(type(member))
    assert adapter.dump_json(member) == json.dumps(member.value).encode()
    assert adapter.dump_python(member) is member
    dumped = adapter.dump_python(member, mode="json")
    assert type(dumped) is str and dumped == member.value
    assert adapter.validate_json(json.dumps(member.value)) is member
    assert adapter.validate_python(member.value) is member
