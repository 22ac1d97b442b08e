"""A notebook consistent with itself: what the model refuses, what an import repairs (and says
so), and what an import refuses because repairing it would mean guessing."""

from __future__ import annotations

import copy
import itertools
import json
from typing import Any

import pytest
from pydantic import ValidationError

from career_core.integrity import (
    REFERENCES,
    WITH_IDS,
    Inconsistent,
    goal_levels,
    problems,
    repair,
)
from career_core.limits import GOAL_DEPTH
from career_core.models import Notebook
from career_core.validation import field_errors

_ids = itertools.count()


def fresh_id() -> str:
    return f"new{next(_ids)}"


def chain(n: int) -> list[dict[str, Any]]:
    """n goals, each a stepping stone of the one before: a tree n levels deep."""
    return [{"id": f"g{i}", "statement": f"Goal {i}", "parent_id": f"g{i - 1}" if i else None} for i in range(n)]


BASE: dict[str, Any] = {
    "title": "Consistent",
    "org_objectives": [{"id": "o1", "title": "Grow the business"}],
    "goals": [{"id": "g1", "statement": "Head the division", "horizon": "long_term", "objective_ids": ["o1"]},
              {"id": "g2", "statement": "Lead a team of 10", "parent_id": "g1"}],
    "initiatives": [{"id": "i1", "title": "Pilot", "goal_ids": ["g1", "g2"]}],
    "actions": [{"id": "a1", "title": "Book the course", "goal_id": "g2", "initiative_id": "i1"}],
    "checkins": [{"id": "c1", "goal_id": "g2", "value": 6}],
    "journal": [{"id": "j1", "goal_id": "g2", "milestone": 50}],
    "reviews": [{"id": "r1", "decisions": [{"goal_id": "g2", "decision": "keep"}]}],
}


def base(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(changes))
    return data


def test_the_base_notebook_is_consistent():
    assert problems(base()) == []
    assert problems(Notebook.model_validate(base())) == []
    assert repair(base(), fresh_id) == []


# --- what the model refuses (every validation, every save) --------------------------------------

REFUSED = [
    ("goals", base(goals=[*BASE["goals"], {"id": "g1", "statement": "Same id"}]), "Two goals share one id."),
    ("checkins", base(checkins=[{"id": "c1", "goal_id": "g2"}, {"id": "c1", "goal_id": "g1"}]), "Two check-ins share one id."),
    ("reflection.skills", base(reflection={"skills": [{"id": "s", "name": "a"}, {"id": "s", "name": "b"}]}),
     "Two skills share one id."),
    ("goals", base(goals=[{"id": "g1", "statement": "x", "parent_id": "nope"}], checkins=[], journal=[], reviews=[],
                   initiatives=[], actions=[]), "1 goal refers to a goal that is not in the notebook."),
    ("goals", base(goals=[{"id": "g1", "statement": "x", "objective_ids": ["o1", "o9"]}], checkins=[], journal=[],
                   reviews=[], initiatives=[], actions=[]), "1 goal refers to an organisational objective that is not in the notebook."),
    ("actions", base(actions=[{"title": "x", "goal_id": "g9"}, {"title": "y", "goal_id": "g8"}]),
     "2 actions refer to a goal that is not in the notebook."),
    ("actions", base(actions=[{"title": "x", "initiative_id": "i9"}]), "1 action refers to an initiative that is not in the notebook."),
    ("initiatives", base(initiatives=[{"title": "x", "goal_ids": ["g1", "g9"]}], actions=[]),
     "1 initiative refers to a goal that is not in the notebook."),
    ("checkins", base(checkins=[{"goal_id": "g9"}]), "1 check-in refers to a goal that is not in the notebook."),
    ("journal", base(journal=[{"goal_id": "g9"}]), "1 journal entry refers to a goal that is not in the notebook."),
    ("reviews", base(reviews=[{"decisions": [{"goal_id": "g9"}]}]), "1 goal decision refers to a goal that is not in the notebook."),
    ("goals", base(goals=[{"id": "a", "statement": "a", "parent_id": "b"}, {"id": "b", "statement": "b", "parent_id": "a"}],
                   checkins=[], journal=[], reviews=[], initiatives=[], actions=[], org_objectives=[]),
     "Some goals are stepping stones of each other in a circle, so none of them is on top."),
    ("goals", base(goals=chain(GOAL_DEPTH + 1), checkins=[], journal=[], reviews=[], initiatives=[], actions=[]),
     f"Stepping stones go {GOAL_DEPTH + 1} levels deep (a goal under a goal under a goal…); a notebook allows at most {GOAL_DEPTH}."),
]


@pytest.mark.parametrize(("field", "data", "message"), REFUSED, ids=[m[:50] for _, _, m in REFUSED])
def test_the_model_refuses_an_inconsistent_notebook_in_words(field: str, data: dict, message: str):
    assert (field, message) in problems(data)
    with pytest.raises(ValidationError) as caught:
        Notebook.model_validate(data)
    assert field_errors(caught.value) == {field: message}


def test_every_list_with_ids_and_every_reference_has_a_case():
    assert {f for f, _, _ in REFUSED} >= {r.source.split("[")[0] for r in REFERENCES}
    assert set(WITH_IDS) >= {r.target for r in REFERENCES}


def test_a_tree_as_deep_as_allowed_is_fine():
    assert problems(base(goals=chain(GOAL_DEPTH), checkins=[], journal=[], reviews=[], initiatives=[], actions=[])) == []


def test_levels_are_found_without_recursion_however_long_the_chain():
    levels = goal_levels({"goals": chain(100_000)})
    assert levels["g0"] == 1 and levels["g99999"] == 100_000


def test_a_goal_under_itself_is_a_circle():
    with pytest.raises(Inconsistent, match="circle"):
        goal_levels({"goals": [{"id": "a", "parent_id": "a"}]})


# --- what an import repairs, with a note ---------------------------------------------------------

REPAIRED = [
    (base(checkins=[{"id": "c1", "goal_id": "g2"}, {"id": "c1", "goal_id": "g2"}, {"id": "c1", "goal_id": "g1"}]),
     "2 check-ins repeated another's id and were given new ones.",
     lambda d: len({c["id"] for c in d["checkins"]}) == 3 and d["checkins"][0]["id"] == "c1"),
    (base(reflection={"skills": [{"id": "s", "name": "a"}, {"id": "s", "name": "b"}]}),
     "1 skill repeated another's id and was given a new one.",
     lambda d: d["reflection"]["skills"][1]["id"].startswith("new")),
    (base(goals=[*BASE["goals"], {"id": "g3", "statement": "x", "parent_id": "gone"}]),
     "1 goal sat under a long-term goal that is not in this file; it now stands on its own.",
     lambda d: d["goals"][2]["parent_id"] is None),
    (base(goals=[{"id": "g1", "statement": "x", "objective_ids": ["o1", "o9", "o8"]}, BASE["goals"][1]]),
     "2 links from goals to organisational objectives not in this file were removed.",
     lambda d: d["goals"][0]["objective_ids"] == ["o1"]),
    (base(actions=[{"title": "x", "goal_id": "g9"}]),
     "1 action belonged to a goal that is not in this file; it was kept without it.",
     lambda d: d["actions"] == [{"title": "x", "goal_id": None}]),
    (base(actions=[{"title": "x", "initiative_id": "i9"}, {"title": "y", "initiative_id": "i8"}]),
     "2 actions belonged to an initiative that is not in this file; they were kept without it.",
     lambda d: [a["initiative_id"] for a in d["actions"]] == [None, None]),
    (base(initiatives=[{"id": "i1", "title": "x", "goal_ids": ["g9", "g2"]}]),
     "1 link from initiatives to goals not in this file was removed.",
     lambda d: d["initiatives"][0]["goal_ids"] == ["g2"]),
    (base(checkins=[{"goal_id": "g9"}, {"goal_id": "g2"}, {"goal_id": "g8"}]),
     "2 check-ins belonged to a goal that is not in this file and were left out.",
     lambda d: d["checkins"] == [{"goal_id": "g2"}]),
    (base(journal=[{"goal_id": "g9", "text": "kept"}]),
     "1 journal entry named a goal that is not in this file; it was kept without it.",
     lambda d: d["journal"] == [{"goal_id": None, "text": "kept"}]),
    (base(reviews=[{"decisions": [{"goal_id": "g9"}, {"goal_id": "g2"}]}]),
     "1 review decision concerned a goal that is not in this file and was left out.",
     lambda d: d["reviews"][0]["decisions"] == [{"goal_id": "g2"}]),
]


@pytest.mark.parametrize(("data", "note", "holds"), REPAIRED, ids=[n[:50] for _, n, _ in REPAIRED])
def test_an_import_repairs_what_loses_nothing_relied_on_and_says_so(data: dict, note: str, holds):
    assert repair(data, fresh_id) == [note]
    assert holds(data)
    assert problems(data) == []
    Notebook.model_validate(data)


def test_every_reference_has_a_repair_case():
    fields = {(r.source, r.field) for r in REFERENCES}
    assert len(fields) == len(REFERENCES) and all(r.repaired for r in REFERENCES)
    assert len([c for c in REPAIRED if "id and w" not in c[1]]) == len(REFERENCES)


@pytest.mark.parametrize(
    "data",
    [
        {"goals": [{"id": 7, "statement": "x", "parent_id": {"a": 1}}], "checkins": [{"goal_id": ["g1"]}]},
        {"actions": ["not an object", {"title": "x", "goal_id": 5}]},
        {"goals": [{"id": "g1", "statement": "x"}], "initiatives": [{"title": "x", "goal_ids": "g1"}]},
        {"reviews": [{"decisions": "none"}, "odd"]},
        {"goals": "not a list", "checkins": [{"goal_id": "g1"}]},
    ],
    ids=["wrong id types", "an entry that is not an object", "ids not in a list", "decisions not a list", "goals not a list"],
)
def test_a_repair_leaves_wrong_shapes_for_the_model_to_refuse(data: dict):
    before = copy.deepcopy(data)
    repair(data, fresh_id)
    assert data == before
    with pytest.raises(ValidationError):
        Notebook.model_validate(data)


# --- what an import refuses -----------------------------------------------------------------------

UNREPAIRABLE = [
    (base(goals=[*BASE["goals"], {"id": "g2", "statement": "Same id"}]),
     "Two goals in this file share one id, so there is no telling which entries belong to which. Nothing was imported."),
    (base(org_objectives=[{"id": "o1", "title": "a"}, {"id": "o1", "title": "b"}]),
     ("Two organisational objectives in this file share one id, so there is no telling which entries belong to "
      "which. Nothing was imported.")),
    (base(initiatives=[{"id": "i1", "title": "a"}, {"id": "i1", "title": "b"}]),
     "Two initiatives in this file share one id, so there is no telling which entries belong to which. Nothing was imported."),
    (base(goals=[{"id": "a", "statement": "a", "parent_id": "c"}, {"id": "b", "statement": "b", "parent_id": "a"},
                 {"id": "c", "statement": "c", "parent_id": "b"}]),
     "Some goals are stepping stones of each other in a circle, so none of them is on top. Nothing was imported."),
    (base(goals=chain(400)),
     (f"Stepping stones go 400 levels deep (a goal under a goal under a goal…); a notebook allows at most "
      f"{GOAL_DEPTH}. Nothing was imported.")),
]


@pytest.mark.parametrize(("data", "message"), UNREPAIRABLE, ids=[m[:40] for _, m in UNREPAIRABLE])
def test_an_import_refuses_what_it_would_have_to_guess(data: dict, message: str):
    with pytest.raises(Inconsistent) as caught:
        repair(data, fresh_id)
    assert str(caught.value) == message


# --- notebooks saved before the rules ---------------------------------------------------------------


def test_a_stored_notebook_with_links_to_deleted_entries_still_opens():
    """Older versions could leave an action or a journal entry pointing at a deleted goal; loading
    drops such links, as an import would, instead of refusing the notebook."""
    data = Notebook.model_validate(base()).model_dump(mode="json")
    data["actions"][0]["goal_id"] = "deleted-goal"
    data["journal"][0]["goal_id"] = "deleted-goal"
    loaded = Notebook.from_json(json.dumps(data, separators=(",", ":")))
    assert loaded.actions[0].goal_id is None and loaded.journal[0].goal_id is None
    assert loaded.actions[0].title == "Book the course"


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["goals"][1].update(statement=""),
        lambda d: d["goals"].append(dict(d["goals"][0])),  # two goals with one id: no safe repair
    ],
    ids=["an invalid field", "a repeated goal id"],
)
def test_a_stored_notebook_that_no_repair_fixes_is_still_refused(change):
    data = Notebook.model_validate(base()).model_dump(mode="json")
    change(data)
    with pytest.raises(ValidationError):
        Notebook.from_json(json.dumps(data, separators=(",", ":")))
