"""Initiatives as a specification: nudges, the order of the cards, removing one."""

from __future__ import annotations

import pytest

from career_core.models import (
    Action,
    ActionStatus,
    Initiative,
    InitiativeStatus,
)
from career_core.plan.initiatives import (
    initiative_cards,
    initiative_warnings,
    remove_initiative,
)
from tests.core.plan.cases import TODAY, D, days, notebook, once

# --- initiatives --------------------------------------------------------------------------


def _initiatives(n_active: int, **kw) -> list[Initiative]:
    return [Initiative(title=f"Project {i}", status=InitiativeStatus.ACTIVE, goal_ids=["g1"], **kw) for i in range(n_active)]


@pytest.mark.parametrize(
    ("initiatives", "fragments"),
    [
        ([], []),
        (_initiatives(5), []),
        (_initiatives(6), ["You have 6 active initiatives"]),
        (_initiatives(5) + [Initiative(title="Idea", goal_ids=["g1"])], []),  # planned ones do not count
        ([Initiative(title="Pilot", status=InitiativeStatus.ACTIVE, goal_ids=["g1"], finish=days(-1))],
         ["“Pilot” was due to finish on 17 Nov."]),
        ([Initiative(title="Loose", status=InitiativeStatus.PLANNED)], ["“Loose” is not linked to a goal or to your vision"]),
        ([Initiative(title="Loose", supports="Shows I can lead across teams")], []),
        ([Initiative(title="Old", status=InitiativeStatus.DONE)], []),
    ],
)
def test_initiative_warnings(initiatives, fragments):
    warnings = initiative_warnings(notebook(initiatives=initiatives), TODAY)
    assert len(warnings) == len(fragments)
    for warning, fragment in zip(warnings, fragments, strict=True):
        assert fragment in warning


def test_initiative_cards_put_the_active_ones_first_and_count_open_actions():
    nb = notebook(
        initiatives=[
            Initiative(id="d", title="Old pilot", status=InitiativeStatus.DONE, start=D(2025, 1, 1)),
            Initiative(id="p", title="Next year", status=InitiativeStatus.PLANNED, start=D(2027, 3, 1)),
            Initiative(id="a2", title="Later active", status=InitiativeStatus.ACTIVE, start=D(2026, 9, 1)),
            Initiative(id="a1", title="Earlier active", status=InitiativeStatus.ACTIVE, start=D(2026, 2, 1)),
            Initiative(id="x", title="Idea", status=InitiativeStatus.IDEA),
        ],
        actions=[once("One", initiative_id="a1"), once("Two", initiative_id="a1"),
                 once("Done one", initiative_id="a1", status=ActionStatus.DONE), once("Three", initiative_id="d")],
    )
    cards = initiative_cards(nb)
    assert [(c.initiative.id, c.open_actions, c.finished) for c in cards] == [
        ("a1", 2, False), ("a2", 0, False), ("p", 0, False), ("x", 0, False), ("d", 1, True)]


def test_removing_an_initiative_keeps_its_actions():
    nb = notebook(initiatives=[Initiative(id="i1", title="Pilot")],
                  actions=[Action(id="a1", title="Data access", initiative_id="i1", due=days(3))])
    remove_initiative(nb, "i1")
    assert nb.initiatives == [] and nb.actions[0].initiative_id is None and nb.actions[0].title == "Data access"
