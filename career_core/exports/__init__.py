"""Ways a notebook leaves (and enters) Waypoint: the notebook as a JSON file, the plan as an
iCalendar file, the one-page development plan as Markdown and PDF, every check-in as CSV.

What lives here: turning a notebook into a file and a notebook file back into a notebook. What does
not: deciding what the plan says (plan_document.py reads it from the core's rules) or how a date is
worded (career_core.wording).
"""
