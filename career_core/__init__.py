"""Waypoint's core: the notebook, every rule about it, its storage and its exports. Pure Python.

What lives here: the model (models.py), every rule a page shows (one module per topic: the plan in
plan/, progress, the review, check-ins, milestones, coaching, goals, reflection, the SMART scorer
in smart/), the one way to word dates and numbers (wording.py), the store and the exports.
What does not: anything of Streamlit (a test walks every module and fails on an import of it),
widgets, charts or page layout (waypoint_ui/ and app_pages/). Every function that depends on the
day takes `today`, so the same notebook gives the same answers in the app, the tests and exports.
"""
