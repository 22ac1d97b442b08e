"""Streamlit glue shared by the pages: session state, saving, the frame. No rules live here."""
