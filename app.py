"""Waypoint: a self-coaching notebook for career goals. Run with `make run`.

The hosting mode comes from `[waypoint] mode` in `.streamlit/secrets.toml` (see the README):
settings that need fixing, a sign-in, or an unreachable database show a page saying so
instead of the app. A page that fails shows a calm notice with a way back, never a traceback.
"""

from pathlib import Path

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from waypoint_ui import failures, frame, hosting, stale_widgets

st.set_page_config(page_title="Waypoint", page_icon=str(Path(__file__).parent / "assets" / "icon.png"), layout="wide")
failures.install_log_filter()
stale_widgets.forget()  # a full run: what the last one no longer drew goes

setup = hosting.gate()
page = st.navigation(list(frame.pages().values()))
with failures.caught():
    try:
        frame.sidebar()
        page.run()
    except SQLAlchemyError as exc:  # the database went away mid-session: explain, keep the edit in the tab
        hosting.database_trouble(exc, setup)
