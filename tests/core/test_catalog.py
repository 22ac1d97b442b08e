"""The data files: the goal library covers the method's themes, lists are clean, mistakes fail loudly."""

from __future__ import annotations

import pytest

from career_core import catalog
from career_core.catalog import CatalogError, parse_library, read_list
from career_core.smart import score_goal

THEMES = {
    "leading-a-team", "engagement-and-retention", "innovation", "financial-targets", "skills", "visibility",
    "work-life-limits", "moving-into-management",
}


def test_the_library_has_every_theme_with_a_few_goals_each():
    library = catalog.goal_library()
    assert {c.id for c in library} == THEMES
    for category in library:
        assert len(category.goals) >= 3, category.id
        assert category.blurb


def test_every_library_goal_has_a_statement_a_hint_and_a_unique_id():
    goals = [g for c in catalog.goal_library() for g in c.goals]
    assert len({g.id for g in goals}) == len(goals)
    for g in goals:
        assert g.statement and g.hint and g.title
        assert g.statement != g.hint
        assert catalog.library_goal(g.id) is g


def test_value_and_skill_lists_are_long_and_free_of_duplicates():
    for entries in (catalog.values(), catalog.skills()):
        assert len(entries) >= 30
        assert len({e.casefold() for e in entries}) == len(entries)
        assert all(e == e.strip() and not e.startswith("#") for e in entries)


def test_read_list_skips_comments_blanks_and_repeats(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# a comment\nTrust\n\n  Courage  \ntrust\n", encoding="utf-8")
    assert read_list(path) == ("Trust", "Courage")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("", "no categories"),
        ("[[category]]\nid = 'x'\n", "'title' is missing"),
        ("[[category]]\nid = 'x'\ntitle = 'X'\n", "needs at least one goal"),
        ("[[category]]\nid='x'\ntitle='X'\n[[category.goal]]\nid='g'\ntitle='G'\nstatement='S'\n", "'hint' is missing"),
        ("[[category]]\nid='x'\ntitle='X'\n[[category.goal]]\nid='g'\ntitle='G'\nstatement='S'\nhint='H'\n"
         "horizon='forever'\n", "goal 1 (g)"),
        ("[[category]]\nid='x'\ntitle='X'\n[[category.goal]]\nid='g'\ntitle='G'\nstatement='S'\nhint='H'\n"
         "[[category.goal]]\nid='g'\ntitle='G2'\nstatement='S'\nhint='H'\n", "used twice"),
        ("[[category]\n", "goal_library.toml"),
    ],
)
def test_a_broken_library_file_names_the_entry(toml, message):
    with pytest.raises(CatalogError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_library(toml)


def test_every_starting_statement_leaves_room_to_sharpen_it():
    """The library gives starting points, not finished goals: each one is not SMART as written."""
    for category in catalog.goal_library():
        for g in category.goals:
            report = score_goal(g.statement)
            assert not report.is_smart, (g.id, g.statement)
            assert any(c.advice for c in report.criteria.values()), g.id
