"""Sections of a page that rerun alone: a click inside one redraws that section, not the page.

`@section("progress.board")` makes a function an `st.fragment`: a widget inside it reruns only it
(a filter, a goal picked, words typed). That holds only while the rest of the page is still true,
so a section first checks the notebook against what the whole page was last drawn with (its
revision and the tab's changes to it, the sidebar's save line, the messages beside fields): after a save, a refused save or
another notebook opened, it reruns the whole page instead. The sidebar's save line and every number
outside the section are then never left behind a change made inside it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

from waypoint_ui import drafts, session

P = ParamSpec("P")
DRAWN = "wp.drawn"  # the notebook state the whole page was last drawn with (see `page_drawn`)


def _state() -> tuple[object, ...]:
    nb = st.session_state.get(session.NOTEBOOK)
    errors = st.session_state.get(session.ERRORS) or {}
    return (nb.id if nb else None, nb.revision if nb else None, session.changes(), session.status(),
            tuple(sorted(errors.items())))


def page_drawn() -> None:
    """Called by every full run of the page (the frame does it): what its sections compare with."""
    st.session_state[DRAWN] = _state()


def section(key: str) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """A page section that reruns alone while nothing it cannot draw has changed."""

    def decorate(draw: Callable[P, None]) -> Callable[P, None]:
        @functools.wraps(draw)
        def body(*args: P.args, **kwargs: P.kwargs) -> None:
            if st.session_state.get(DRAWN) != _state():
                st.rerun(scope="app")
            with drafts.section_drawn(key):
                draw(*args, **kwargs)

        return st.fragment(body, key=key)

    return decorate
