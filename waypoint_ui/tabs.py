"""Tabs that draw only the open one: `st.tabs` otherwise runs every tab's content on every click.

The labels must stay the same from run to run (no counts in them): Streamlit knows the tabs by
their labels, and a changed label would send the person back to the first tab.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st


def open_tab_only(key: str, sections: Mapping[str, Callable[[], None]]) -> None:
    """Draw the tabs named by `sections`, and run the drawing function of the open one."""
    tabs = st.tabs(list(sections), key=key, on_change="rerun")
    for tab, draw in zip(tabs, sections.values(), strict=True):
        if tab.open:
            with tab:
                draw()
