"""Waypoint: a self-coaching notebook for career goals. Run with `make run`."""

import streamlit as st

from waypoint_ui import frame

st.set_page_config(page_title="Waypoint", page_icon=":material/explore:", layout="wide")

page = st.navigation(list(frame.pages().values()))
frame.sidebar()
page.run()
