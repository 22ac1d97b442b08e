"""Waypoint: a self-coaching notebook for career goals. Run with `make run`."""

from pathlib import Path

import streamlit as st

from waypoint_ui import frame

st.set_page_config(page_title="Waypoint", page_icon=str(Path(__file__).parent / "assets" / "icon.png"), layout="wide")

page = st.navigation(list(frame.pages().values()))
frame.sidebar()
page.run()
