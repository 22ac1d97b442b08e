"""The documented limits: generous (ten times five years of use), complete (every list has one),
named in words when crossed, and enforced on a file before it is built and on every edit."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import Any, get_args

import pytest
from pydantic import BaseModel, ValidationError

from career_core import limits
from career_core.edit import add
from career_core.exports.notebook_file import to_bytes
from career_core.goals import add_goal
from career_core.limits import LISTS, LimitError, check, problems, room_for
from career_core.models import Action, CheckIn, Goal, GoalRevision, Metric, Notebook
from career_core.store import Store
from career_core.validation import field_errors
from tests.conftest import ROOT
from tests.synthetic import five_year_notebook

TODAY = date(2026, 11, 20)


@cache
def five_years() -> Notebook:
    return five_year_notebook(0, TODAY)


@cache
def at_limits() -> Notebook:
    return five_year_notebook(0, TODAY, scale=10)


def lengths(notebook: Any, path: str) -> list[int]:
    return [len(items) for items in limits.lists(notebook, path)]


# --- the table itself --------------------------------------------------------------------------


def _list_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every list field of the model, as the table names it ("goals", "goals[].revisions")."""
    out = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        is_list = getattr(info.annotation, "__origin__", None) is list
        if is_list:
            out.append(path)
        for arg in (get_args(info.annotation) or (info.annotation,)):
            inner = get_args(arg)[0] if getattr(arg, "__origin__", None) is list else arg
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                out += _list_paths(inner, f"{path}[]." if is_list else f"{path}.")
    return out


def test_every_list_in_the_notebook_has_a_documented_limit():
    assert sorted(_list_paths(Notebook)) == sorted(LISTS)


@pytest.mark.parametrize("path", sorted(LISTS))
def test_the_model_enforces_each_list_limit(path: str):
    *parents, name = path.replace("[]", "").split(".")
    model: type[BaseModel] = Notebook
    for part in parents:
        annotation = model.model_fields[part].annotation
        model = get_args(annotation)[0] if get_args(annotation) else annotation
    assert limits.limit(path) in [getattr(m, "max_length", None) for m in model.model_fields[name].metadata]


@pytest.mark.parametrize("path", sorted(LISTS))
def test_each_limit_is_at_least_ten_times_five_years_of_use(path: str):
    entry = LISTS[path]
    used = lengths(five_years(), path)
    assert entry.limit >= 10 * max(used, default=0)
    if entry.total is not None:
        assert entry.total >= 10 * sum(used)


def test_a_notebook_at_the_limits_is_within_them():
    nb = at_limits()
    assert (len(nb.goals), len(nb.actions), len(nb.checkins)) == (400, 4_000, 50_000)
    assert problems(nb) == []


# --- crossing a limit: one message, in words ---------------------------------------------------

TOP_LEVEL = [p for p in LISTS if "." not in p]


@pytest.mark.parametrize("path", TOP_LEVEL)
def test_a_file_one_over_a_list_limit_is_named_in_words(path: str):
    entry = LISTS[path]
    data = {path: [{}] * (entry.limit + 1)}
    [(field, message)] = problems(data, "This file")
    assert field == path
    assert message == f"This file has {entry.limit + 1:,} {entry.many}; a notebook holds at most {entry.limit:,}."
    assert problems({path: [{}] * entry.limit}, "This file") == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"goals": [{"statement": "x"}] * 12_000},
         "This file has 12,000 goals; a notebook holds at most 400."),
        ({"goals": [{"revisions": [{}] * 1_001}]},
         "One goal in this file has 1,001 earlier wordings; a goal holds at most 1,000."),
        ({"goals": [{"revisions": [{}] * 1_000}] * 11},
         "This file's goals have 11,000 earlier wordings in all; a notebook holds at most 10,000."),
        ({"actions": [{"done_on": ["2026-01-01"] * 5_000}] * 21},
         "This file's actions have 105,000 completed dates in all; a notebook holds at most 100,000."),
        ({"reviews": [{"decisions": [{}] * 201}]},
         "One review in this file has 201 goal decisions; a review holds at most 200."),
        ({"reflection": {"values": ["x"] * 101}},
         "This file has 101 values; a notebook holds at most 100."),
    ],
)
def test_nested_lists_and_totals_are_named_in_words(data: dict, message: str):
    assert [m for _, m in problems(data, "This file")] == [message]


@pytest.mark.parametrize("path", _list_paths(Notebook))
def test_a_notebook_and_its_parsed_json_count_alike(path: str):
    """Models are read in C (attrgetter), parsed JSON entry by entry: the same lists either way."""
    notebook = five_years()
    assert lengths(notebook, path) == lengths(json.loads(notebook.to_json()), path)


@pytest.mark.parametrize(
    "data",
    [
        {"goals": "not a list"},
        {"goals": [1, "two", None, {"revisions": "three"}]},
        {"reflection": ["not", "an", "object"]},
        [],
        "a string",
    ],
)
def test_counting_ignores_shapes_it_does_not_know(data: Any):
    assert problems(data, "This file") == []  # the model refuses these, with its own message


def test_the_model_refuses_a_total_over_its_limit_naming_the_field():
    goals = [Goal(statement=f"Goal {i}", revisions=[GoalRevision(statement="x")] * 1_000) for i in range(10)]
    Notebook(goals=goals)  # 10,000 in all: the limit itself
    with pytest.raises(ValidationError) as caught:
        Notebook(goals=[*goals, Goal(statement="one more", revisions=[GoalRevision(statement="x")])])
    assert field_errors(caught.value) == {
        "goals": "This notebook's goals have 10,001 earlier wordings in all; a notebook holds at most 10,000."
    }


# --- on every edit -----------------------------------------------------------------------------


def full(path: str) -> Notebook:
    """A notebook whose list at `path` ("goals", "actions" or "checkins") holds all it may."""
    goal = Goal(statement="Lead a team")
    n = LISTS[path].limit
    if path == "goals":
        return Notebook(goals=[goal] + [Goal(statement=f"Goal {i}") for i in range(n - 1)])
    entry = {"checkins": lambda: CheckIn(goal_id=goal.id), "actions": lambda: Action(title="Step")}[path]
    return Notebook(goals=[goal], **{path: [entry() for _ in range(n)]})


@pytest.mark.parametrize("path", ["goals", "actions", "checkins"])
def test_adding_to_a_full_list_is_refused_in_words_and_changes_nothing(path: str):
    nb = full(path)
    before = len(getattr(nb, path))
    entry = {"goals": Goal(statement="One more"), "actions": Action(title="One more"),
             "checkins": CheckIn(goal_id=nb.goals[0].id)}[path]
    with pytest.raises(LimitError) as caught:
        add(nb, path, entry)
    assert str(caught.value).startswith(f"A notebook holds at most {LISTS[path].limit:,} {LISTS[path].many}")
    assert caught.value.field == path
    assert len(getattr(nb, path)) == before


def test_a_goal_added_through_the_goals_rule_respects_the_limit():
    nb = full("goals")
    with pytest.raises(ValueError, match="at most 400 goals"):
        add_goal(nb, "One goal too many", None)
    assert len(nb.goals) == 400


def test_adding_to_a_nested_list_checks_that_list():
    nb = Notebook()
    for i in range(LISTS["reflection.values"].limit):
        add(nb, "reflection.values", f"Value {i}")
    with pytest.raises(LimitError, match="at most 100 values"):
        add(nb, "reflection.values", "One more")
    room_for(Notebook(), "reflection.values")  # an empty list has room


def test_the_store_refuses_a_list_grown_past_its_limit_in_place(tmp_path):
    """pydantic does not check `append`; the store checks before it writes, and writes nothing."""
    store = Store(f"sqlite:///{tmp_path / 'waypoint.db'}")
    nb = store.save("me", store.add("me", full("goals")))
    nb.goals.append(Goal(statement="Appended past the limit"))
    with pytest.raises(LimitError, match="401 goals"):
        store.save("me", nb)
    with pytest.raises(LimitError):
        store.add("me", nb)
    assert store.revision_of("me", nb.id) == nb.revision
    assert len(store.load("me", nb.id).goals) == 400
    store.engine.dispose()


def test_check_names_the_first_limit_crossed():
    with pytest.raises(LimitError) as caught:
        check({"goals": [{}] * 401, "actions": [{}] * 4_001})
    assert str(caught.value) == "This notebook has 401 goals; a notebook holds at most 400."


# --- dates, timestamps and numbers ---------------------------------------------------------------

DATES = [
    (date(1900, 1, 1), True),
    (date(2200, 12, 31), True),
    (date(1899, 12, 31), False),
    (date(2201, 1, 1), False),
    (date(1, 1, 1), False),
    (date(9999, 12, 31), False),
]
DATE_FIELDS: list[tuple[str, Callable[[date], BaseModel]]] = [
    ("goal deadline", lambda d: Goal(statement="x", deadline=d)),
    ("check-in date", lambda d: CheckIn(goal_id="g", on=d)),
    ("action's completed dates", lambda d: Action(title="x", done_on=[d])),
    ("goal created at", lambda d: Goal(statement="x", created_at=datetime(d.year, d.month, d.day))),
    ("wording's time", lambda d: GoalRevision(statement="x", at=datetime(d.year, d.month, d.day, tzinfo=UTC))),
]


@pytest.mark.parametrize(("day", "ok"), DATES, ids=[str(d) for d, _ in DATES])
@pytest.mark.parametrize("make", [m for _, m in DATE_FIELDS], ids=[n for n, _ in DATE_FIELDS])
def test_dates_lie_between_1900_and_2200(make: Callable[[date], BaseModel], day: date, ok: bool):
    if ok:
        make(day)
        return
    with pytest.raises(ValidationError) as caught:
        make(day)
    assert set(field_errors(caught.value).values()) == {"Dates run from 1900 to 2200."}


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2026-03-01T09:30:00", datetime(2026, 3, 1, 9, 30, tzinfo=UTC)),  # naive: taken as UTC
        ("2026-03-01T09:30:00Z", datetime(2026, 3, 1, 9, 30, tzinfo=UTC)),
        ("2026-03-01T09:30:00+05:00", datetime(2026, 3, 1, 4, 30, tzinfo=UTC)),
        (datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=-8))), datetime(2026, 3, 1, 17, 30, tzinfo=UTC)),
    ],
)
def test_every_timestamp_is_stored_aware_in_utc(given: Any, stored: datetime):
    at = Goal(statement="x", created_at=given).created_at
    assert at == stored and at.tzinfo is UTC


@pytest.mark.parametrize("given", ["1900-01-01T01:00:00+14:00", "2200-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00"])
def test_a_timestamp_outside_the_years_in_utc_is_refused(given: str):
    """Checked before converting (near year 1 the conversion overflows) and after (so what is
    stored loads again)."""
    with pytest.raises(ValidationError) as caught:
        Goal(statement="x", created_at=given)
    assert field_errors(caught.value) == {"created_at": "Dates run from 1900 to 2200."}


def test_naive_and_aware_timestamps_in_one_notebook_can_be_compared():
    nb = Notebook.model_validate({"goals": [
        {"statement": "a", "created_at": "2026-01-01T00:00:00"},
        {"statement": "b", "created_at": "2026-01-01T00:00:00+01:00"},
    ]})
    assert sorted(g.statement for g in sorted(nb.goals, key=lambda g: g.created_at)) == ["a", "b"]
    assert min(g.created_at for g in nb.goals) == datetime(2025, 12, 31, 23, tzinfo=UTC)


NOT_NUMBERS = [float("nan"), float("inf"), float("-inf"), "NaN", "Infinity", "-Infinity"]
NUMBER_FIELDS: list[tuple[str, Callable[[Any], BaseModel]]] = [
    ("check-in value", lambda v: CheckIn(goal_id="g", value=v)),
    ("metric baseline", lambda v: Metric(baseline=v)),
    ("metric target", lambda v: Metric(target=v)),
    ("action hours", lambda v: Action(title="x", hours=v)),
]


@pytest.mark.parametrize("value", NOT_NUMBERS, ids=[str(v) for v in NOT_NUMBERS])
@pytest.mark.parametrize("make", [m for _, m in NUMBER_FIELDS], ids=[n for n, _ in NUMBER_FIELDS])
def test_nan_and_infinity_are_refused_not_blanked(make: Callable[[Any], BaseModel], value: Any):
    with pytest.raises(ValidationError):
        make(value)


def test_nan_in_a_check_in_gets_a_message_in_words():
    with pytest.raises(ValidationError) as caught:
        CheckIn.model_validate_json(json.dumps({"goal_id": "g", "value": float("nan")}))
    assert field_errors(caught.value)["value"].startswith("NaN and Infinity are not numbers")


# --- a file, before it is parsed ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "problem"),
    [
        (0, None),
        (limits.FILE_BYTES, None),
        (limits.FILE_BYTES + 1, "This file is 20.0 MB; a notebook file is at most 20 MB."),
        (24 * 2**20, "This file is 24.0 MB; a notebook file is at most 20 MB."),
    ],
)
def test_file_size(size: int, problem: str | None):
    assert limits.size_problem(size) == problem


@pytest.mark.parametrize(
    ("data", "over"),
    [
        (b"{}", False),
        (b"[" + b"0," * (limits.JSON_VALUES - 1) + b"0]", False),
        (b"[" + b"0," * limits.JSON_VALUES + b"0]", True),
        (b"[" + b"{}," * limits.JSON_VALUES + b"{}]", True),
    ],
    ids=["empty", "at the limit", "one over", "empty objects"],
)
def test_values_are_counted_without_parsing(data: bytes, over: bool):
    assert (limits.values_problem(data) is not None) is over


def test_a_notebook_at_the_limits_is_well_inside_the_file_limits():
    data = to_bytes(at_limits())
    assert len(data) < limits.FILE_BYTES * 0.75
    assert limits.value_count(data) < limits.JSON_VALUES * 0.6


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for i in range(depth):
        value = [value] if i % 2 else {"x": value}
    return value


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (nested(limits.JSON_DEPTH), None),
        (nested(limits.JSON_DEPTH + 1), "This file nests data more than 16 levels deep; a notebook file nests at most 16 levels."),
        (nested(5_000), "This file nests data more than 16 levels deep; a notebook file nests at most 16 levels."),
        ({f"k{i}": i for i in range(limits.OBJECT_KEYS)}, None),
        ({f"k{i}": i for i in range(limits.OBJECT_KEYS + 1)}, "Part of this file has 65 fields; no part of a notebook has more than 64."),
        ({"goals": [{f"k{i}": i for i in range(1_000)}]}, "Part of this file has 1,000 fields; no part of a notebook has more than 64."),
    ],
    ids=["at the depth limit", "one deeper", "5,000 deep", "64 fields", "65 fields", "a goal with 1,000 fields"],
)
def test_nesting_and_fields_are_checked_without_recursion(data: Any, problem: str | None):
    assert limits.shape_problem(data) == problem


# --- the README says the same -------------------------------------------------------------------


def readme_limits() -> tuple[dict[str, str], str]:
    """The README's "Limits" section: its table as {name: cell} and its text."""
    text = (ROOT / "README.md").read_text()
    section = text.split("### Limits", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and not cells[0].startswith("-"):
            for name in re.split(r"[,;] ", re.sub(r" \(.*\)", "", cells[0])):
                rows[name] = cells[1]
    return rows, section


@pytest.mark.parametrize("path", sorted(LISTS))
def test_the_readme_documents_each_list_limit(path: str):
    rows, _ = readme_limits()
    entry = LISTS[path]
    assert entry.many in rows, f"the README's Limits table has no row for {entry.many}"
    assert f"{entry.limit:,}" in rows[entry.many]
    if entry.total is not None:
        assert f"{entry.total:,} in all" in rows[entry.many]


def test_the_readme_documents_the_other_limits():
    rows, section = readme_limits()
    assert rows["levels of stepping stones"].startswith(f"{limits.GOAL_DEPTH} ")
    assert rows["dates"] == f"from {limits.FIRST_DAY.year} to {limits.LAST_DAY.year}"
    for n in (limits.TITLE, limits.SHORT, limits.ACTION_TITLE, limits.STATEMENT, limits.LONG):
        assert re.search(rf"\b{n:,}( characters)? for", rows["text"])
    assert f"at most {limits.FILE_MB} MB, holds at most {limits.JSON_VALUES:,} values and nests at most " \
           f"{limits.JSON_DEPTH} levels deep" in " ".join(section.split())


def test_streamlit_refuses_uploads_bigger_than_a_notebook_file():
    """The upload limit in .streamlit/config.toml is the file limit, so a bigger file never reaches the app."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == limits.FILE_MB
