"""What the plan's tables of cases assume: the day, the week, and small builders of notebooks."""

from __future__ import annotations

from datetime import date, timedelta

from career_core.models import Action, Goal, GoalStatus, Notebook, Recurrence

TODAY = date(2026, 11, 18)  # a Wednesday
MONDAY = date(2026, 11, 16)
D = date


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def notebook(**parts) -> Notebook:
    goal = Goal(id="g1", statement="Lead a team of at least 10 people by 2028", deadline=D(2028, 6, 30),
                start=D(2026, 1, 1), status=GoalStatus.ACTIVE)
    parts.setdefault("goals", [goal])
    return Notebook(title="Plan", **parts)


def weekly(title="1:1s", hours=2.0, start=MONDAY, **kw) -> Action:
    return Action(title=title, recurrence=Recurrence.WEEKLY, start=start, hours=hours, **{"goal_id": "g1", **kw})


def once(title="Book the course", due=TODAY, hours=1.0, **kw) -> Action:
    return Action(title=title, due=due, hours=hours, **{"goal_id": "g1", **kw})
