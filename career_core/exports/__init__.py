"""Ways a notebook leaves (and enters) Waypoint: JSON, Markdown, PDF, iCalendar, CSV."""
