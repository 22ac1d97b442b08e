"""Short notices after a change ("Saved.", "Goal deleted."), shown as toasts by the next full run.

A change is made in a widget's callback, often inside a section (an `st.fragment`), and Streamlit
does not support drawing from a callback during a fragment rerun: a toast there can take the place
of an element at the top of the page. So a callback only queues its notice (`tell`), and the frame
shows what is queued (`show`) at the start of the run that draws the change.
"""

from __future__ import annotations

import streamlit as st

QUEUE = "wp.notices"  # [(text, icon)] waiting for the next full run


def tell(text: str, icon: str | None = None) -> None:
    st.session_state.setdefault(QUEUE, []).append((text, icon))


def show() -> None:
    for text, icon in st.session_state.pop(QUEUE, []):
        st.toast(text, icon=icon)
