"""Table edits: applied by id whatever order the table shows, validated whole, errors name the row."""

from __future__ import annotations

import pytest

from career_core.models import InputEntry, InputRole, SkillRating
from career_core.tables import Column, choice, day, flag, table_change, text, whole

SKILL_COLUMNS = {"Skill": Column("name", text), "Now": Column("now", whole), "Wanted": Column("wanted", whole)}


def skills():
    return [SkillRating(id="a", name="Delegation", now=2, wanted=4), SkillRating(id="b", name="Budgeting", now=3, wanted=3),
            SkillRating(id="c", name="Speaking", now=1, wanted=5)]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (None, [("Delegation", 2, 4), ("Budgeting", 3, 3), ("Speaking", 1, 5)]),
        ({"edited_rows": {}, "deleted_rows": []}, [("Delegation", 2, 4), ("Budgeting", 3, 3), ("Speaking", 1, 5)]),
        ({"edited_rows": {"1": {"Now": 4}}}, [("Delegation", 2, 4), ("Budgeting", 4, 3), ("Speaking", 1, 5)]),
        ({"edited_rows": {0: {"Skill": "Delegating well", "Wanted": 5.0}}},
         [("Delegating well", 2, 5), ("Budgeting", 3, 3), ("Speaking", 1, 5)]),
        ({"deleted_rows": [0, 2]}, [("Budgeting", 3, 3)]),
        # an edit of a row that is also deleted is dropped with it
        ({"edited_rows": {"2": {"Now": 3}}, "deleted_rows": [2]}, [("Delegation", 2, 4), ("Budgeting", 3, 3)]),
        # columns that are not editable are ignored, rows that do not exist too
        ({"edited_rows": {"0": {"Gap": 9}, "9": {"Now": 1}}}, [("Delegation", 2, 4), ("Budgeting", 3, 3), ("Speaking", 1, 5)]),
    ],
)
def test_edits_and_deletions_apply_by_row(state, expected):
    items = skills()
    table_change(items, state, SKILL_COLUMNS).apply(items)
    assert [(s.name, s.now, s.wanted) for s in items] == expected


def test_rows_are_matched_in_the_order_the_table_shows_them():
    items = skills()
    shown = list(reversed(items))  # e.g. newest first
    change = table_change(shown, {"edited_rows": {"0": {"Now": 5}}, "deleted_rows": [1]}, SKILL_COLUMNS)
    change.apply(items)
    assert [(s.id, s.now) for s in items] == [("a", 2), ("c", 5)]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"Now": 6}, "Row 2 (Budgeting): Now: This must be at most 5."),
        ({"Now": None}, "Row 2 (Budgeting): Now: a number is needed"),
        ({"Now": 2.5}, "Row 2 (Budgeting): Now: 2.5 is not a whole number"),
        ({"Skill": "   "}, "Row 2 (Budgeting): Skill: This cannot be empty."),
    ],
)
def test_a_bad_cell_names_its_row_and_column_and_changes_nothing(cells, message):
    items = skills()
    with pytest.raises(ValueError) as exc:
        table_change(items, {"edited_rows": {"1": cells}}, SKILL_COLUMNS, describe_row=lambda s: s.name)
    assert str(exc.value) == message
    assert [(s.name, s.now) for s in items] == [("Delegation", 2), ("Budgeting", 3), ("Speaking", 1)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("2026-03-01", "2026-03-01"), ("2026-03-01T00:00:00.000", "2026-03-01")],
)
def test_date_cells_accept_what_a_data_editor_reports(cell, expected):
    items = [InputEntry(who="Priya", on="2026-01-01")]
    columns = {"When": Column("on", day), "Role": Column("role", choice({r.label: r for r in InputRole}))}
    table_change(items, {"edited_rows": {"0": {"When": cell, "Role": "Direct report"}}}, columns).apply(items)
    assert items[0].on.isoformat() == expected
    assert items[0].role is InputRole.DIRECT_REPORT


@pytest.mark.parametrize(
    ("convert", "value", "result"),
    [(text, None, ""), (text, "x", "x"), (whole, "3", 3), (whole, 4.0, 4), (flag, None, False), (flag, True, True)],
)
def test_converters(convert, value, result):
    assert convert(value) == result


@pytest.mark.parametrize(("convert", "value"), [(whole, ""), (day, None), (choice({"A": 1}), "B")])
def test_converters_refuse_empty_or_unknown_cells(convert, value):
    with pytest.raises(ValueError):
        convert(value)
