"""What the progress tables of cases assume: the year of a goal, and builders of goals and check-ins."""

from __future__ import annotations

from datetime import date, timedelta

from career_core.models import CheckIn, Direction, Goal, GoalStatus, Metric
from career_core.progress import ProgressStatus

S = ProgressStatus
D = Direction
START, DEADLINE = date(2026, 1, 1), date(2026, 12, 31)
TODAY = date(2026, 7, 2)  # half way: the straight line expects 50%


def goal(direction=D.INCREASE, baseline=62.0, target=75.0, *, start=START, deadline=DEADLINE,
         status=GoalStatus.ACTIVE, **kw) -> Goal:
    return Goal(statement="Raise the engagement score from 62 to 75 by 31 December 2026",
                metric=Metric(name="score", unit="points", baseline=baseline, target=target, direction=direction),
                start=start, deadline=deadline, status=status, **kw)


def checkins(g: Goal, *pairs: tuple[str, float | None]) -> list[CheckIn]:
    return [CheckIn(goal_id=g.id, on=date.fromisoformat(day), value=value) for day, value in pairs]


def weekly(g: Goal, first: str, values: list[float]) -> list[CheckIn]:
    day = date.fromisoformat(first)
    return [CheckIn(goal_id=g.id, on=day + timedelta(weeks=i), value=v) for i, v in enumerate(values)]
