"""The stop-doing list as a specification: when an entry frees its hours, and how that reads."""

from __future__ import annotations

from datetime import timedelta

import pytest

from career_core.models import (
    StopDoing,
    StopKind,
)
from career_core.plan.stop_doing import (
    freed_this_week,
    stop_in_effect,
    stop_lines,
    stop_state,
    stop_text,
)
from tests.core.plan.cases import MONDAY, TODAY, D, days, notebook


@pytest.mark.parametrize(
    ("entry", "week", "in_effect"),
    [
        (StopDoing(what="x"), MONDAY, True),
        (StopDoing(what="x", since=MONDAY), MONDAY, True),
        (StopDoing(what="x", since=days(0)), MONDAY, False),  # from Wednesday: not the whole week
        (StopDoing(what="x", since=days(0)), MONDAY + timedelta(days=7), True),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=MONDAY + timedelta(days=7)), MONDAY, True),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=MONDAY + timedelta(days=6)), MONDAY, False),  # back on Sunday
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=MONDAY), MONDAY + timedelta(days=7), False),
    ],
)
def test_stop_in_effect(entry, week, in_effect):
    assert stop_in_effect(entry, week) is in_effect


@pytest.mark.parametrize(
    ("entry", "state"),
    [
        (StopDoing(what="x"), (True, "frees its hours this week")),
        (StopDoing(what="x", since=TODAY), (False, "frees its hours from the week of 23 Nov")),
        (StopDoing(what="x", since=MONDAY + timedelta(days=7)), (False, "frees its hours from the week of 23 Nov")),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=D(2026, 10, 1)), (False, "back with you since 1 Oct")),
        (StopDoing(what="x", kind=StopKind.DELEGATE, delegate_to="Sam", until=days(2)), (False, "ends on 20 Nov")),
        (StopDoing(what="x", kind=StopKind.DELEGATE, delegate_to="Sam", until=days(-1)), (False, "ended on 17 Nov")),
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=days(1)), (False, "back with you on 19 Nov")),
    ],
)
def test_stop_state_in_words(entry, state):
    assert stop_state(entry, TODAY) == state


def test_freed_this_week_and_stop_text():
    stops = [
        StopDoing(what="Rates call", hours_per_week=1.5, since=D(2026, 6, 15)),
        StopDoing(what="Forecast", kind=StopKind.DELEGATE, delegate_to="Sam", hours_per_week=3),
        StopDoing(what="Handbook", kind=StopKind.POSTPONE, hours_per_week=2, until=D(2027, 4, 1)),
        StopDoing(what="Old thing", kind=StopKind.POSTPONE, hours_per_week=5, until=D(2026, 10, 1)),
    ]
    nb = notebook(stop_doing=stops)
    assert freed_this_week(nb, TODAY) == 6.5
    assert [stop_text(s) for s in stops] == [
        "Cancelled since 15 Jun 2026", "Delegated to Sam", "Postponed, until 1 Apr 2027", "Postponed, until 1 Oct 2026"]


def test_stop_lines_put_what_frees_hours_now_first():
    nb = notebook(stop_doing=[
        StopDoing(what="Back already", kind=StopKind.POSTPONE, until=D(2026, 10, 1), hours_per_week=2),
        StopDoing(what="Rates call", hours_per_week=1.5),
    ])
    assert [(line.entry.what, line.in_effect, line.text) for line in stop_lines(nb, TODAY)] == [
        ("Rates call", True, "Cancelled"), ("Back already", False, "Postponed, until 1 Oct")]


@pytest.mark.parametrize(
    ("entry", "ended"),
    [
        (StopDoing(what="x"), False),
        (StopDoing(what="x", since=days(7)), False),  # not started yet
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=days(1)), False),  # back tomorrow
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=TODAY), True),  # back today
        (StopDoing(what="x", kind=StopKind.POSTPONE, until=D(2026, 10, 1)), True),
        (StopDoing(what="x", kind=StopKind.DELEGATE, delegate_to="Sam", until=days(-1)), True),
        (StopDoing(what="x", kind=StopKind.DELEGATE, delegate_to="Sam", until=days(30)), False),
    ],
    ids=["no end", "starts next week", "back tomorrow", "back today", "back since October", "delegated until yesterday",
         "delegated for a month"],
)
def test_an_entry_has_ended_once_its_end_date_comes(entry, ended):
    """Ended entries wait in a list of their own on the Plan page, drawn only while open."""
    (line,) = stop_lines(notebook(stop_doing=[entry]), TODAY)
    assert line.ended is ended
    assert not (line.ended and line.in_effect)


def test_stop_lines_run_from_what_frees_hours_now_to_what_has_ended():
    nb = notebook(stop_doing=[
        StopDoing(what="Back already", kind=StopKind.POSTPONE, until=D(2026, 10, 1)),
        StopDoing(what="From next week", since=days(7)),
        StopDoing(what="Rates call"),
        StopDoing(what="Back tomorrow", kind=StopKind.POSTPONE, until=days(1)),
        StopDoing(what="Back today", kind=StopKind.POSTPONE, until=TODAY),
    ])
    assert [line.entry.what for line in stop_lines(nb, TODAY)] == [
        "Rates call", "From next week", "Back tomorrow", "Back already", "Back today"]
