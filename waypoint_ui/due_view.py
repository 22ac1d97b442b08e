"""A due action as one line of Markdown, the same on Home and on the Coach session page."""

from __future__ import annotations

from datetime import date

from career_core.due import Due
from waypoint_ui.text import md, short


def due_line(item: Due, today: date, *, with_goal: bool = False) -> str:
    """Its title and when it is due, an overdue one marked in words and by its icon; `with_goal`
    adds the goal it serves on a second, smaller line."""
    icon = ":material/error:" if item.overdue else ":material/radio_button_unchecked:"
    goal = f"  \n:small[:gray[{md(short(item.goal, 90))}]]" if with_goal and item.goal else ""
    return f"{icon} **{md(item.title)}** — {md(item.when(today))}{goal}"
