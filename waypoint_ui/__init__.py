"""Streamlit glue shared by the pages: the open notebook and the one way to save it (session.py),
the frame and the "no notebook open" guard (frame.py), the one cache of derived data (derived.py),
widgets and forms that show each message beside its field, and the charts.

What does not live here: rules. What to show, in what order, and how it is worded is decided in
career_core; this package only turns those answers into widgets and figures.
"""
