"""The review cycle: when the next review is due, following the notebook's cadence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from career_core.models import Notebook
from career_core.schedule import next_after


@dataclass(frozen=True, slots=True)
class ReviewDue:
    on: date
    overdue: bool
    days: int  # days from today; negative when overdue

    def describe(self) -> str:
        if self.days == 0:
            return "due today"
        if self.overdue:
            return f"overdue by {-self.days} day{'s' if self.days != -1 else ''}"
        return f"due in {self.days} day{'s' if self.days != 1 else ''}"


def next_review(notebook: Notebook, today: date) -> ReviewDue:
    """The date set at the last review, else one cadence step after it, else after the start."""
    cadence = notebook.settings.review_cadence.value
    if notebook.reviews:
        last = max(notebook.reviews, key=lambda r: r.on)
        due = last.next_review or next_after(cadence, last.on)
    else:
        due = next_after(cadence, notebook.created_at.date())
    return ReviewDue(on=due, overdue=due < today, days=(due - today).days)
