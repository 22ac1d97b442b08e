"""The sample notebook is a model: it follows every piece of advice the app gives and passes every check.

The warnings are collected from the core functions the pages call, on several days (the sample
moves to today by whole weeks, so monthly actions fall in different weeks from one day to another).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from career_core import goals, reflection
from career_core.goal_reports import reports
from career_core.models import GoalStatus, Notebook
from career_core.plan import initiatives
from career_core.plan.load import weekly_load
from career_core.progress import all_progress
from career_core.review import diagnoses, next_review
from career_core.sample import load_sample
from career_core.smart import badge
from career_core.value_words import values_in_text

DAYS = [date(2026, 11, 20) + timedelta(days=k) for k in (0, 1, 3, 6, 9, 17, 26, 33, 45, 61)]


def warnings(nb: Notebook, today: date) -> list[str]:
    """Everything the pages would warn or advise about this notebook today, in words."""
    found: list[str] = []
    r = nb.reflection
    found += [w for w in [goals.focus(nb).warning, reflection.keep_advice(nb.development_items).message] if w]
    found += [f"{i.title}: {c}" for i in nb.development_items if i.kept for c in reflection.authenticity(i).concerns]
    found += [f"Not asked yet: {role.label}" for role in reflection.roles_not_asked(nb.inputs)]
    found += reflection.vision_notes(nb.vision.horizon_year, today.year)
    if r.values and r.why.strip() and not values_in_text(r.why, r.values):
        found.append("Your why does not name any of your values yet.")
    found += initiatives.initiative_warnings(nb, today)
    load = weekly_load(nb, today, today, 13)
    found += [f"Over the hour limit: {week.describe(today)}" for week in load.over_weeks]
    if next_review(nb, today).overdue:
        found.append("Your review is overdue.")
    progress = all_progress(nb, today)
    found += [f"Needs a decision: {d.statement} ({d.status.value})" for d in diagnoses(nb, progress, today)]
    scored = reports(nb, today)
    for g in nb.goals:
        if g.status is GoalStatus.DROPPED:
            continue
        report = scored[g.id]
        found += [f"{g.statement}: {flag.message}" for flag in report.flags]
        if g.status is GoalStatus.ACTIVE and not badge(report).smart:
            found.append(f"{g.statement}: {badge(report).verdict}")
    return found


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_no_warning_of_the_app_fires_on_the_sample(today):
    assert warnings(load_sample(today), today) == []


def test_the_sample_keeps_what_the_advice_asks_for():
    nb = load_sample(DAYS[0])
    kept = [p for p in reflection.priorities(nb.development_items) if p.kept]
    assert len(kept) == reflection.TOP_FEW and all(p.top for p in kept)  # the top 3, no more
    assert sum(g.status is GoalStatus.ACTIVE for g in nb.goals) <= goals.FOCUS_LIMIT
    assert len(initiatives.active_initiatives(nb, DAYS[0])) == 2  # both running initiatives count as active


def test_the_warnings_do_fire_on_a_notebook_that_ignores_the_advice():
    """The collection above can fail: the sample as it was before issue 12 trips it."""
    nb = load_sample(DAYS[0])
    for item in nb.development_items:
        item.kept = True
    nb.goals[4].status = GoalStatus.ACTIVE  # the paused sixth goal
    nb.reflection.why = "Because."
    found = warnings(nb, DAYS[0])
    assert any("active goals" in w for w in found)
    assert any("You are keeping" in w for w in found)
    assert "Your why does not name any of your values yet." in found
