"""The plan: actions, the weekly load, initiatives, the stop-doing list and the timeline.

One module per topic: `actions` (the days an action takes, ticking off, the action list and its
buttons), `load` (hours per week against the limit), `initiatives`, `stop_doing`, `timeline` (the
road to the vision, as a chart's rows and in words), `drafts` (what a form typed, checked into an
entry) and `overview` (the figures at the top of the Plan page). Review dates are not here: they
belong to the review (career_core.review); recurrence rules are in career_core.schedule.
"""
