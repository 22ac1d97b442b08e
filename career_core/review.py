"""The review: its dates (the next one, and the ones after it for the calendar), what the data
says about goals that slip, and the decisions a review records (keep, revise, pause, drop).
Accountability partners, feedback and coaching notes are in career_core.accountability.

A review is saved as soon as it is started, like every other edit, so a half-written review is
never lost; it stays open (and editable) until its next review date comes round.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from dateutil.relativedelta import relativedelta

from career_core import wording
from career_core.edit import assign, renew
from career_core.goal_reports import report_for
from career_core.models import (
    ActionStatus,
    Goal,
    GoalReviewDecision,
    GoalRevision,
    GoalStatus,
    Notebook,
    Recurrence,
    Review,
    ReviewDecision,
    utc_now,
)
from career_core.plan.load import weekly_load
from career_core.progress import GoalProgress, ProgressStatus
from career_core.schedule import STEP, monday, next_after
from career_core.smart import context_for, score_goal
from career_core.validation import EntryError

REVIEW_MONTHS: Final = 12  # how far ahead review dates are listed and exported
VAGUE_BELOW: Final = 60  # a SMART score under this reads as vague
NEEDS_DECISION: Final = (ProgressStatus.OVERDUE, ProgressStatus.AT_RISK, ProgressStatus.BEHIND)


@dataclass(frozen=True, slots=True)
class ReviewDue:
    on: date
    overdue: bool
    days: int  # days from today; negative when overdue

    def describe(self) -> str:
        if self.days == 0:
            return "due today"
        if self.overdue:
            return f"overdue by {wording.plural(-self.days, 'day')}"
        return f"due in {wording.plural(self.days, 'day')}"


def next_review(notebook: Notebook, today: date) -> ReviewDue:
    """The date set at the last review, else one cadence step after it, else after the start."""
    cadence = notebook.settings.review_cadence.value
    if notebook.reviews:
        last = latest_review(notebook)
        assert last is not None
        due = last.next_review or next_after(cadence, last.on)
    else:
        due = next_after(cadence, notebook.created_at.date())
    return ReviewDue(on=due, overdue=due < today, days=(due - today).days)


def latest_review(notebook: Notebook) -> Review | None:
    # max() keeps the first of equal dates; the later one in the list is the one started last.
    best = None
    for r in notebook.reviews:
        if best is None or r.on >= best.on:
            best = r
    return best


def open_review(notebook: Notebook, today: date) -> Review | None:
    """The review still in its cycle (its next review date lies ahead), which can still be added to."""
    last = latest_review(notebook)
    if last is None or last.on > today:
        return None
    return last if next_review(notebook, today).on > today else None


def start_review(notebook: Notebook, today: date) -> Review:
    """Today's review, started now (or the open one); the next one is one cadence step away."""
    current = open_review(notebook, today)
    if current is not None:
        return current
    review = Review(on=today, next_review=next_after(notebook.settings.review_cadence.value, today))
    notebook.reviews.append(review)
    return review


def review_dates(notebook: Notebook, today: date, months: int = REVIEW_MONTHS) -> list[date]:
    """The next review (today when overdue), then one every cadence step, for the coming months.

    Steps count from the first date (30 Jan, 28 Feb, 30 Mar), so month ends do not drift.
    """
    step = STEP[notebook.settings.review_cadence.value]
    start = max(next_review(notebook, today).on, today)
    horizon = start + relativedelta(months=months)
    out = []
    k = 0
    while (day := start + step * k) < horizon:
        out.append(day)
        k += 1
    return out


def period_start(notebook: Notebook, today: date) -> date:
    """Where the period a review looks back on begins: the latest review before today, else one cadence step ago."""
    earlier = [r.on for r in notebook.reviews if r.on < today]
    if earlier:
        return max(earlier)
    return today - STEP[notebook.settings.review_cadence.value]


# --- what was done in a period -----------------------------------------------------------------


def checkins_between(notebook: Notebook, start: date, end: date) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for c in notebook.checkins:
        if start <= c.on <= end:
            counts[c.goal_id] += 1
    return counts


def actions_done_between(notebook: Notebook, start: date, end: date) -> dict[str, int]:
    """Per goal: one-off actions completed and recurring occurrences ticked off in the period."""
    counts: dict[str, int] = defaultdict(int)
    for a in notebook.actions:
        if not a.goal_id:
            continue
        if a.recurrence is Recurrence.NONE:
            if a.status is ActionStatus.DONE and a.completed_at and start <= a.completed_at <= end:
                counts[a.goal_id] += 1
        else:
            counts[a.goal_id] += sum(start <= d <= end for d in a.done_on)
    return counts


@dataclass(frozen=True, slots=True)
class Load:
    """Weeks planned over the hour limit in the period under review, out of all its weeks."""

    over: int
    weeks: int
    limit: float
    peak: float | None = None  # hours in the heaviest week, when it was over the limit


def load_since(notebook: Notebook, since: date, today: date) -> Load:
    """Weeks planned over the hour limit from `since`'s week to this one, counted as the Plan page
    counts them (usual hours plus the plan's actions, minus what the stop-doing list frees)."""
    weeks = (monday(today) - monday(since)).days // 7 + 1
    load = weekly_load(notebook, today, start=since, weeks=weeks)
    peak = load.peak
    return Load(len(load.over_weeks), len(load.weeks), load.limit,
                peak.total if peak is not None and peak.over else None)


# --- diagnosis ---------------------------------------------------------------------------------


def smart_score(goal: Goal, notebook: Notebook, today: date, statement: str | None = None) -> int:
    """The SMART score (0..100) of a goal's wording, or of a new wording for it, in its context."""
    if statement is None:
        return report_for(goal, notebook, today).overall
    return score_goal(statement, context_for(goal, notebook), today).overall


def smart_scores(notebook: Notebook, today: date) -> dict[str, int]:
    return {g.id: smart_score(g, notebook, today) for g in notebook.goals}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "vague" | "nothing_done" | "overloaded" | "slow" | "late"
    text: str
    advice: str
    suggests: ReviewDecision


@dataclass(frozen=True, slots=True)
class Diagnosis:
    goal_id: str
    statement: str
    status: ProgressStatus
    reason: str
    findings: tuple[Finding, ...]

    @property
    def suggested(self) -> ReviewDecision:
        return self.findings[0].suggests

    def summary(self) -> str:
        """A short line for the review record (at most 200 characters)."""
        text = f"{self.status.label}: " + "; ".join(f.text.split(":")[0].rstrip(".") for f in self.findings)
        return text if len(text) <= 200 else text[:199] + "…"


def diagnose(
    gp: GoalProgress,
    *,
    score: int | None,
    checkins: int,
    actions_done: int,
    load: Load | None,
    since: date,
    today: date | None = None,
) -> Diagnosis:
    """Why a goal that is behind, at risk or overdue may be slipping, read from the data.

    `score` is the goal's SMART score (0..100) or None when it is not known; `checkins` and
    `actions_done` count what happened since `since`; `load` says how many weeks were planned
    over the limit; `today` leaves this year's year out of dates. Findings come most telling first; the first one suggests the decision.
    """
    assert gp.status is not None
    findings: list[Finding] = []
    if score is not None and score < VAGUE_BELOW:
        findings.append(Finding(
            "vague",
            f"The wording is vague: SMART score {score} of 100.",
            "Revise it: say exactly what you will reach, how you will measure it and by when.",
            ReviewDecision.REVISE,
        ))
    if checkins == 0 and actions_done == 0:
        findings.append(Finding(
            "nothing_done",
            f"Nothing was logged since {wording.day(since, today)}: no check-ins and no actions ticked off.",
            "If it still matters, plan one small step for this week. If it no longer does, pause it.",
            ReviewDecision.KEEP,
        ))
    if load is not None and load.over > 0:
        findings.append(Finding(
            "overloaded",
            f"The week is overloaded: {load.over} of {wording.plural(load.weeks, 'week')} "
            f"planned over your limit of {wording.hours_long(load.limit)}"
            + (f", the heaviest at {wording.hours_long(load.peak)}." if load.peak is not None else "."),
            "Free time first (cancel, postpone or delegate something) or pause a goal until the load drops.",
            ReviewDecision.PAUSE,
        ))
    if gp.status is ProgressStatus.OVERDUE:
        findings.append(Finding(
            "late",
            "The deadline has passed.",
            "Set a new date you believe in (revise), or let it go (drop) and free the time.",
            ReviewDecision.REVISE,
        ))
    if all(f.kind == "late" for f in findings):
        findings.append(Finding(
            "slow",
            "The data shows no single cause: the pace is slower than the plan.",
            "Keep going if the pace is picking up; otherwise revise the target or the deadline to one you can reach.",
            ReviewDecision.KEEP if gp.status is ProgressStatus.BEHIND else ReviewDecision.REVISE,
        ))
    # The most telling finding first: vague wording and overload explain a slip better than a date.
    order = {"vague": 0, "overloaded": 1, "nothing_done": 2, "late": 3, "slow": 4}
    findings.sort(key=lambda f: order[f.kind])
    return Diagnosis(gp.goal_id, gp.statement, gp.status, gp.reason, tuple(findings))


def diagnoses(
    notebook: Notebook,
    progress: Mapping[str, GoalProgress],
    today: date,
    scores: Mapping[str, int | None] | None = None,
    load: Load | None = None,
) -> list[Diagnosis]:
    """A diagnosis for every tracked goal that is overdue, at risk or behind, most urgent first.

    `scores` default to the SMART scorer's; `load` to the planned weeks over the limit since the
    period started.
    """
    since = period_start(notebook, today)
    slipping = [gp for gp in progress.values() if gp.status in NEEDS_DECISION]
    if not slipping:
        return []
    done_checkins = checkins_between(notebook, since, today)
    done_actions = actions_done_between(notebook, since, today)
    if load is None:
        load = load_since(notebook, since, today)
    if scores is None:
        scores = smart_scores(notebook, today)
    out = [
        diagnose(gp, score=scores.get(gp.goal_id), checkins=done_checkins.get(gp.goal_id, 0),
                 actions_done=done_actions.get(gp.goal_id, 0), load=load, since=since,
                 today=today)
        for gp in slipping
    ]
    out.sort(key=lambda d: (NEEDS_DECISION.index(d.status), progress[d.goal_id].deadline or date.max))
    return out


# --- decisions ---------------------------------------------------------------------------------


def apply_decision(
    notebook: Notebook,
    goal_id: str,
    decision: ReviewDecision,
    today: date,
    *,
    new_statement: str | None = None,
    old_score: int | None = None,
    diagnosis: str = "",
    note: str = "",
    at: datetime | None = None,
) -> GoalReviewDecision:
    """Carry out a review's decision on a goal and record it in the open review (started if needed).

    Revise keeps the earlier wording (with its SMART score) in the goal's revisions and puts the
    new wording in its place; pause and drop change the goal's status; keep changes nothing.
    Raises EntryError (under "statement") when a revision has no new wording.
    """
    goal = notebook.goal(goal_id)
    if goal is None:
        raise ValueError("This goal no longer exists; it may have been removed in another tab.")
    if decision is ReviewDecision.REVISE:
        _revise(goal, new_statement, old_score, today, note, at)
    elif decision is ReviewDecision.PAUSE:
        assign(goal, status=GoalStatus.PAUSED)
    elif decision is ReviewDecision.DROP:
        assign(goal, status=GoalStatus.DROPPED)
    review = start_review(notebook, today)
    record = GoalReviewDecision(goal_id=goal_id, decision=decision, diagnosis=diagnosis[:200], note=note)
    renew(notebook.reviews, review, decisions=[*(d for d in review.decisions if d.goal_id != goal_id), record])
    return record


def _revise(goal: Goal, new_statement: str | None, old_score: int | None, today: date, note: str,
            at: datetime | None) -> None:
    statement = (new_statement or "").strip()
    if not statement:
        raise EntryError({"statement": "Write the new wording of the goal."})
    if statement == goal.statement:
        raise EntryError({"statement": "The new wording is the same as the current one; change it, or choose keep."})
    earlier = GoalRevision(
        at=at or utc_now(),
        statement=goal.statement,
        score=old_score,
        note=(f"Replaced in the review of {wording.day(today)}" + (f": {note}" if note else ""))[:200],
    )
    assign(goal, statement=statement, revisions=[*goal.revisions, earlier])


# --- reading reviews ---------------------------------------------------------------------------


def decisions_by_goal(review: Review | None) -> dict[str, GoalReviewDecision]:
    return {d.goal_id: d for d in review.decisions} if review else {}


def reviews_newest_first(notebook: Notebook) -> list[Review]:
    return sorted(notebook.reviews, key=lambda r: r.on, reverse=True)
