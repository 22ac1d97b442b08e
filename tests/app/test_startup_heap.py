"""waypoint_ui/startup_heap.py: the server's long-lived objects are frozen once, after a page ran."""

from __future__ import annotations

import gc

import pytest

from waypoint_ui import startup_heap


@pytest.fixture
def fresh(monkeypatch):
    """A process that has not frozen yet; gc's calls recorded instead of made."""
    calls: list[str] = []
    monkeypatch.setattr(startup_heap, "_done", False)
    monkeypatch.setattr(startup_heap.gc, "collect", lambda: calls.append("collect"))
    monkeypatch.setattr(startup_heap.gc, "freeze", lambda: calls.append("freeze"))
    return calls


@pytest.mark.parametrize(
    ("asked", "answers", "gc_calls"),
    [
        (1, [True], ["collect", "freeze"]),  # garbage is collected first, so none of it is frozen
        (3, [True, False, False], ["collect", "freeze"]),  # later runs leave the collector alone
    ],
)
def test_freezes_once_per_process(fresh, asked, answers, gc_calls):
    assert [startup_heap.freeze_once() for _ in range(asked)] == answers
    assert fresh == gc_calls


def test_the_app_freezes_after_its_first_page(open_app, monkeypatch):
    monkeypatch.setattr(startup_heap, "_done", False)
    open_app()
    assert startup_heap._done
    assert gc.get_freeze_count() > 0
