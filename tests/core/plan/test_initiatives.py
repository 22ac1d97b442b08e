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
    active_initiatives,
    initiative_cards,
    initiative_warnings,
    remove_initiative,
    status_on,
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
        (_initiatives(5) + [Initiative(title="Starts today", start=TODAY, goal_ids=["g1"])],  # running ones do
         ["You have 6 active initiatives"]),
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
    cards = initiative_cards(nb, TODAY)
    assert [(c.initiative.id, c.open_actions, c.finished) for c in cards] == [
        ("a1", 2, False), ("a2", 0, False), ("p", 0, False), ("x", 0, False), ("d", 1, True)]


@pytest.mark.parametrize(
    ("saved", "start", "today_status"),
    [
        (InitiativeStatus.PLANNED, TODAY, InitiativeStatus.ACTIVE),  # starts today: running, not "planned"
        (InitiativeStatus.PLANNED, days(-30), InitiativeStatus.ACTIVE),
        (InitiativeStatus.PLANNED, days(1), InitiativeStatus.PLANNED),
        (InitiativeStatus.PLANNED, None, InitiativeStatus.PLANNED),
        (InitiativeStatus.IDEA, days(-30), InitiativeStatus.IDEA),  # an idea is not started by a date
        (InitiativeStatus.DONE, days(-30), InitiativeStatus.DONE),
        (InitiativeStatus.ACTIVE, days(10), InitiativeStatus.ACTIVE),
    ],
)
def test_an_initiative_is_running_once_its_start_has_come(saved, start, today_status):
    initiative = Initiative(title="Pilot", status=saved, start=start, goal_ids=["g1"])
    assert status_on(initiative, TODAY) is today_status
    nb = notebook(initiatives=[initiative])
    assert len(active_initiatives(nb, TODAY)) == (today_status is InitiativeStatus.ACTIVE)
    assert initiative_cards(nb, TODAY)[0].status is today_status


def test_removing_an_initiative_keeps_its_actions():
    nb = notebook(initiatives=[Initiative(id="i1", title="Pilot")],
                  actions=[Action(id="a1", title="Data access", initiative_id="i1", due=days(3))])
    remove_initiative(nb, "i1")
    assert nb.initiatives == [] and nb.actions[0].initiative_id is None and nb.actions[0].title == "Data access"
