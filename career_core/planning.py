"""The plan: when each action happens, how full each week gets, and the road to the vision.

Pages only draw what these functions return. Everything takes `today` as a parameter, so the
same notebook always gives the same plan for the same day, in the app, the tests and the
calendar export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta
from pydantic import ValidationError

from career_core import edit
from career_core.models import (
    Action,
    ActionStatus,
    Goal,
    GoalHorizon,
    GoalStatus,
    Initiative,
    InitiativeStatus,
    Notebook,
    Recurrence,
    StopDoing,
    StopKind,
)
from career_core.review import next_review
from career_core.schedule import STEP, describe, first, occurrences
from career_core.validation import field_errors

FAR_PAST: Final = timedelta(days=365)  # a new plan entry dated earlier than this is a typo, not a plan
ACTIVE_INITIATIVES_LIMIT: Final = 5
REVIEW_MONTHS: Final = 12  # how far ahead review dates are listed and exported
TIMELINE_MAX_ROWS: Final = 60  # beyond this, actions sit on their goal's row instead of their own
_LOOK_BACK: Final = timedelta(days=93)  # one quarter: reaches the latest date of every cadence
_LOOK_AHEAD: Final = timedelta(days=120)


class PlanInputError(ValueError):
    """Input that cannot go into the plan, with one message per field (keyed like the draft)."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(next(iter(problems.values()), "Something needs fixing."))
        self.problems = problems


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _hours(value: float) -> str:
    return f"{value:g} h"


def hours_text(value: float) -> str:
    """'1 hour', '2.5 hours'."""
    return f"{value:g} hour{'' if value == 1 else 's'}"


def day_text(day: date, weekday: bool = False) -> str:
    """'4 Dec 2026', or 'Fri 4 Dec 2026': no leading zeros, the way people write dates."""
    return f"{day:%a} {day.day} {day:%b %Y}" if weekday else f"{day.day} {day:%b %Y}"


# --- when actions happen ----------------------------------------------------------------------


def planned_until(action: Action) -> date | None:
    """The last day a recurring action asks for time: its end, or the day it was finished early."""
    if action.status is ActionStatus.DONE and action.completed_at is not None:
        return min(action.end, action.completed_at) if action.end else action.completed_at
    return action.end


def action_dates(action: Action, window_start: date, window_end: date) -> list[date]:
    """The days this action takes time inside the window; dropped actions take none."""
    if action.status is ActionStatus.DROPPED:
        return []
    if action.recurrence is Recurrence.NONE:
        due = action.due
        return [due] if due is not None and window_start <= due <= window_end else []
    assert action.start is not None  # guaranteed by the model
    return occurrences(action.recurrence.value, action.start, planned_until(action), window_start, window_end)


def current_occurrence(action: Action, today: date) -> date | None:
    """The date a 'done' click means: this period's date if still open, else the next open one."""
    if action.recurrence is Recurrence.NONE or action.status is not ActionStatus.TO_DO:
        return None
    assert action.start is not None
    done = set(action.done_on)
    cadence = action.recurrence.value
    recent = occurrences(cadence, action.start, action.end, today - _LOOK_BACK, today)
    if recent and recent[-1] not in done:
        return recent[-1]
    upcoming = occurrences(cadence, action.start, action.end, today + timedelta(days=1), today + _LOOK_AHEAD)
    return next((d for d in upcoming if d not in done), None)


def schedule_text(action: Action) -> str:
    """'due Fri 4 Dec 2026' or 'every Monday from 18 May 2026 until 31 May 2027'."""
    if action.recurrence is Recurrence.NONE:
        return f"due {day_text(action.due, True)}" if action.due else "no date yet"
    assert action.start is not None
    cadence = action.recurrence.value
    text = f"{describe(cadence, action.start)} from {day_text(first(cadence, action.start))}"
    return text + (f" until {day_text(action.end)}" if action.end else "")


def mark_done(action: Action, today: date) -> date | None:
    """Tick off what 'done' means today: the current occurrence, or the whole action.

    A series whose end has passed is finished as a whole (its last open date, if any, can still
    be ticked with `tick`).
    """
    series_over = action.end is not None and action.end < today
    if action.recurrence is not Recurrence.NONE and action.status is ActionStatus.TO_DO and not series_over:
        day = current_occurrence(action, today)
        if day is not None:
            edit.assign(action, done_on=sorted({*action.done_on, day}))
            return day
    edit.assign(action, status=ActionStatus.DONE, completed_at=today)
    return None


def tick(action: Action, day: date) -> None:
    edit.assign(action, done_on=sorted({*action.done_on, day}))


def undo_done(action: Action, day: date) -> None:
    edit.assign(action, done_on=[d for d in action.done_on if d != day])


def reopen(action: Action) -> None:
    edit.assign(action, status=ActionStatus.TO_DO, completed_at=None)


@dataclass(frozen=True, slots=True)
class ActionLine:
    """One action as the plan lists it."""

    action_id: str
    title: str
    towards: str  # the goal or initiative it moves, in words
    status: str  # "to do" | "overdue" | "done" | "dropped" | "series over"
    icon: str
    schedule: str
    hours: float
    next_date: date | None  # the next date that still needs doing
    current: date | None  # what a 'done' click ticks off (recurring actions)
    last_done: date | None  # the latest ticked-off occurrence, for undo
    done_count: int  # occurrences done so far (recurring)
    past_count: int  # occurrences up to today (recurring)
    recurring: bool
    series_over: bool  # a recurring action whose dates have all passed


STATUS_ICONS: Final = {
    "to do": ":material/radio_button_unchecked:",
    "overdue": ":material/error:",
    "done": ":material/check_circle:",
    "dropped": ":material/cancel:",
    "series over": ":material/event_busy:",
}


def _towards(action: Action, goals: dict[str, Goal], initiatives: dict[str, Initiative]) -> str:
    parts = []
    if action.initiative_id in initiatives:
        parts.append(f"Initiative: {initiatives[action.initiative_id].title}")
    if action.goal_id in goals:
        parts.append(f"Goal: {goals[action.goal_id].statement}")
    return " · ".join(parts) or "Not linked to a goal or initiative"


def action_line(nb: Notebook, action: Action, today: date) -> ActionLine:
    goals = {g.id: g for g in nb.goals}
    initiatives = {i.id: i for i in nb.initiatives}
    return _action_line(action, today, goals, initiatives)


def _action_line(action: Action, today: date, goals: dict[str, Goal], initiatives: dict[str, Initiative]) -> ActionLine:
    recurring = action.recurrence is not Recurrence.NONE
    done_count = past_count = 0
    current = next_date = last_done = None
    series_over = False
    if recurring:
        assert action.start is not None
        past = occurrences(action.recurrence.value, action.start, action.end, action.start, today)
        done = set(action.done_on)
        past_count = len(past)
        done_count = sum(1 for d in past if d in done)
        last_done = max(action.done_on, default=None)
        current = current_occurrence(action, today)
        next_date = current
        series_over = action.status is ActionStatus.TO_DO and action.end is not None and action.end < today
    elif action.status is ActionStatus.TO_DO:
        next_date = action.due
    if action.status is ActionStatus.DONE:
        status = "done"
    elif action.status is ActionStatus.DROPPED:
        status = "dropped"
    elif series_over:
        status = "series over"
    elif not recurring and next_date is not None and next_date < today:
        status = "overdue"  # a missed date of a series is not overdue: the next one comes anyway
    else:
        status = "to do"
    return ActionLine(
        action_id=action.id,
        title=action.title,
        towards=_towards(action, goals, initiatives),
        status=status,
        icon=STATUS_ICONS[status],
        schedule=schedule_text(action),
        hours=action.hours,
        next_date=next_date,
        current=current,
        last_done=last_done,
        done_count=done_count,
        past_count=past_count,
        recurring=recurring,
        series_over=series_over,
    )


SHOW: Final = {"todo": (ActionStatus.TO_DO,), "done": (ActionStatus.DONE,), "dropped": (ActionStatus.DROPPED,),
               "all": tuple(ActionStatus)}


def action_lines(nb: Notebook, today: date, show: str = "todo", towards: str | None = None,
                 search: str = "") -> list[ActionLine]:
    """Actions in the order to do them (overdue first, then by date), filtered as the list asks.

    `towards` is "goal:<id>", "initiative:<id>" or "unlinked"; `search` matches the title.
    """
    goals = {g.id: g for g in nb.goals}
    initiatives = {i.id: i for i in nb.initiatives}
    needle = search.strip().casefold()
    wanted = SHOW[show]
    lines = []
    for action in nb.actions:
        if action.status not in wanted or (needle and needle not in action.title.casefold()):
            continue
        if towards is not None and not _belongs(action, towards, goals, initiatives):
            continue
        lines.append(_action_line(action, today, goals, initiatives))
    lines.sort(key=lambda line: (line.next_date or date.max, line.title.casefold()))
    return lines


def _belongs(action: Action, towards: str, goals: dict[str, Goal], initiatives: dict[str, Initiative]) -> bool:
    kind, _, ref = towards.partition(":")
    if kind == "goal":
        return action.goal_id == ref
    if kind == "initiative":
        return action.initiative_id == ref
    return action.goal_id not in goals and action.initiative_id not in initiatives


# --- the weekly load --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadItem:
    action_id: str
    title: str
    times: int
    hours: float  # all of this action's hours in the week
    overdue: bool = False  # a one-off past its due date, still to do: its hours land this week


@dataclass(frozen=True, slots=True)
class FreedItem:
    stop_id: str
    what: str
    hours: float


@dataclass(frozen=True, slots=True)
class WeekLoad:
    monday: date
    plan: float  # hours the plan's actions take
    usual: float  # hours of usual work (0 when not set)
    freed: float  # hours the stop-doing list frees in this week
    limit: float
    items: tuple[LoadItem, ...]  # biggest first
    freed_by: tuple[FreedItem, ...]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def week(self) -> str:
        return iso_week(self.monday)

    @property
    def total(self) -> float:
        return round(max(0.0, self.usual + self.plan - self.freed), 2)

    @property
    def over(self) -> bool:
        return self.total > self.limit

    @property
    def over_by(self) -> float:
        return round(max(0.0, self.total - self.limit), 2)

    @property
    def spare(self) -> float:
        return round(max(0.0, self.limit - self.total), 2)

    @property
    def causes(self) -> tuple[LoadItem, ...]:
        """The fewest, biggest actions whose hours together bring the week back within the limit."""
        if not self.over:
            return ()
        picked, moved = [], 0.0
        for item in self.items:
            picked.append(item)
            moved += item.hours
            if moved >= self.over_by:
                break
        return tuple(picked)

    @property
    def status(self) -> str:
        if self.over:
            return f"over the limit by {_hours(self.over_by)}"
        return "at the limit" if self.total == self.limit else f"within the limit ({_hours(self.spare)} spare)"

    def describe(self) -> str:
        return f"{self.week} ({self.monday.day} {self.monday:%b} – {day_text(self.sunday)})"


@dataclass(frozen=True, slots=True)
class WeeklyLoad:
    weeks: tuple[WeekLoad, ...]
    limit: float
    usual: float

    @property
    def over_weeks(self) -> tuple[WeekLoad, ...]:
        return tuple(w for w in self.weeks if w.over)

    @property
    def peak(self) -> WeekLoad | None:
        return max(self.weeks, key=lambda w: w.total, default=None)

    @property
    def average_plan(self) -> float:
        return round(sum(w.plan for w in self.weeks) / len(self.weeks), 2) if self.weeks else 0.0


def stop_in_effect(entry: StopDoing, week_monday: date) -> bool:
    """Whether an entry frees its hours for the whole week (from `since`, until `until` returns)."""
    sunday = week_monday + timedelta(days=6)
    return (entry.since is None or entry.since <= week_monday) and (entry.until is None or entry.until > sunday)


def weekly_load(nb: Notebook, today: date, start: date | None = None, weeks: int = 13) -> WeeklyLoad:
    """Hours per ISO week from `start`'s week on: actions (recurrences expanded) against the limit.

    A week's total is the usual working hours plus the plan's hours, minus what the stop-doing list
    frees in that week. One-off actions still to do after their week has passed count in this
    week: that work has not gone away.
    """
    first_monday = monday(start or today)
    last_day = first_monday + timedelta(days=7 * weeks - 1)
    this_monday = monday(today)
    per_week: dict[date, dict[str, list]] = defaultdict(dict)

    def add(week: date, action: Action, times: int, overdue: bool = False) -> None:
        entry = per_week[week].setdefault(action.id, [action.title, 0, 0.0, False])
        entry[1] += times
        entry[2] += action.hours * times
        entry[3] = entry[3] or overdue

    for action in nb.actions:
        late = (action.recurrence is Recurrence.NONE and action.status is ActionStatus.TO_DO
                and action.due is not None and action.due < this_monday)
        if late:
            if first_monday <= this_monday <= last_day:
                add(this_monday, action, 1, overdue=True)
            continue
        for day in action_dates(action, first_monday, last_day):
            add(monday(day), action, 1)

    usual = nb.settings.usual_weekly_hours
    limit = nb.settings.weekly_hour_limit
    out = []
    for k in range(weeks):
        week = first_monday + timedelta(days=7 * k)
        items = tuple(sorted(
            (LoadItem(aid, title, times, round(hours, 2), overdue) for aid, (title, times, hours, overdue) in per_week[week].items()),
            key=lambda i: (-i.hours, i.title.casefold()),
        ))
        freed_by = tuple(FreedItem(s.id, s.what, s.hours_per_week) for s in nb.stop_doing
                         if s.hours_per_week > 0 and stop_in_effect(s, week))
        out.append(WeekLoad(
            monday=week,
            plan=round(sum(i.hours for i in items), 2),
            usual=usual,
            freed=round(sum(f.hours for f in freed_by), 2),
            limit=limit,
            items=items,
            freed_by=freed_by,
        ))
    return WeeklyLoad(tuple(out), limit, usual)


# --- reviews ----------------------------------------------------------------------------------


def review_dates(nb: Notebook, today: date, months: int = REVIEW_MONTHS) -> list[date]:
    """The next review (today when overdue), then one every cadence step, for the coming months.

    Steps count from the first date (30 Jan, 28 Feb, 30 Mar), so month ends do not drift.
    """
    step = STEP[nb.settings.review_cadence.value]
    start = max(next_review(nb, today).on, today)
    horizon = start + relativedelta(months=months)
    out = []
    k = 0
    while (day := start + step * k) < horizon:
        out.append(day)
        k += 1
    return out


# --- initiatives ------------------------------------------------------------------------------


def active_initiatives(nb: Notebook) -> list[Initiative]:
    return [i for i in nb.initiatives if i.status is InitiativeStatus.ACTIVE]


def initiative_warnings(nb: Notebook, today: date) -> list[str]:
    """Gentle nudges: too many at once, past their finish, not tied to the big picture."""
    out = []
    active = active_initiatives(nb)
    if len(active) > ACTIVE_INITIATIVES_LIMIT:
        out.append(
            f"You have {len(active)} active initiatives. Most people can truly move three to five at a "
            "time; think about finishing, pausing or dropping one before you start another."
        )
    for i in active:
        if i.finish is not None and i.finish < today:
            out.append(f"“{i.title}” was due to finish on {day_text(i.finish)}. Mark it done, or give it a new finish date.")
    for i in nb.initiatives:
        if i.status in (InitiativeStatus.DONE, InitiativeStatus.DROPPED):
            continue
        if not i.goal_ids and not i.supports.strip():
            out.append(f"“{i.title}” is not linked to a goal or to your vision yet: say how it moves your career.")
    return out


_INITIATIVE_ORDER: Final = {InitiativeStatus.ACTIVE: 0, InitiativeStatus.PLANNED: 1, InitiativeStatus.IDEA: 2,
                            InitiativeStatus.DONE: 3, InitiativeStatus.DROPPED: 4}


@dataclass(frozen=True, slots=True)
class InitiativeCard:
    initiative: Initiative
    open_actions: int  # actions still to do for it
    finished: bool  # done or dropped: shown apart


def initiative_cards(nb: Notebook) -> list[InitiativeCard]:
    """Active first, then planned, ideas, done and dropped; each by start date."""
    open_actions: dict[str, int] = defaultdict(int)
    for a in nb.actions:
        if a.initiative_id and a.status is ActionStatus.TO_DO:
            open_actions[a.initiative_id] += 1
    ranked = sorted(nb.initiatives, key=lambda i: (_INITIATIVE_ORDER[i.status], i.start or date.max, i.title))
    return [InitiativeCard(i, open_actions[i.id], i.status in (InitiativeStatus.DONE, InitiativeStatus.DROPPED))
            for i in ranked]


def remove_initiative(nb: Notebook, initiative_id: str) -> None:
    """Delete an initiative; its actions stay in the plan, no longer linked to it."""
    edit.remove(nb.initiatives, initiative_id)
    for action in nb.actions:
        if action.initiative_id == initiative_id:
            action.__dict__["initiative_id"] = None


# --- the stop-doing list ----------------------------------------------------------------------


def freed_this_week(nb: Notebook, today: date) -> float:
    week = monday(today)
    return round(sum(s.hours_per_week for s in nb.stop_doing if stop_in_effect(s, week)), 2)


def stop_state(entry: StopDoing, today: date) -> tuple[bool, str]:
    """Whether an entry frees its hours this week, and how that reads."""
    week = monday(today)
    if stop_in_effect(entry, week):
        return True, "frees its hours this week"
    if entry.until is not None and entry.until <= week + timedelta(days=6):
        postponed = entry.kind is StopKind.POSTPONE
        if entry.until > today:
            return False, f"{'back with you' if postponed else 'ends'} on {day_text(entry.until)}"
        return False, f"back with you since {day_text(entry.until)}" if postponed else f"ended on {day_text(entry.until)}"
    first_week = monday(entry.since) + (timedelta(days=7) if entry.since and entry.since.weekday() else timedelta())
    return False, f"frees its hours from the week of {day_text(first_week)}"


@dataclass(frozen=True, slots=True)
class StopLine:
    entry: StopDoing
    in_effect: bool
    state: str  # when it frees its hours, in words
    text: str  # what was done with it: cancelled, postponed, delegated to whom


def stop_lines(nb: Notebook, today: date) -> list[StopLine]:
    """The stop-doing list, entries that free hours this week first."""
    lines = [StopLine(s, *stop_state(s, today), stop_text(s)) for s in nb.stop_doing]
    return sorted(lines, key=lambda line: not line.in_effect)


def stop_text(entry: StopDoing) -> str:
    """'Delegated to Sam since 3 Aug 2026' and the like."""
    since = f" since {day_text(entry.since)}" if entry.since else ""
    if entry.kind is StopKind.DELEGATE:
        text = f"Delegated to {entry.delegate_to or 'someone'}{since}"
    elif entry.kind is StopKind.POSTPONE:
        text = f"Postponed{since}"
    else:
        text = f"Cancelled{since}"
    if entry.until:
        text += f", until {day_text(entry.until)}"
    return text


# --- the timeline -----------------------------------------------------------------------------

SPANS: Final = ("quarter", "year", "vision", "all")


def vision_date(nb: Notebook) -> date | None:
    year = nb.vision.horizon_year
    return date(year, 12, 31) if year else None


def _dated(nb: Notebook) -> Iterable[date]:
    for g in nb.goals:
        yield from (d for d in (g.start, g.deadline) if d)
    for i in nb.initiatives:
        yield from (d for d in (i.start, i.finish) if d)
    for a in nb.actions:
        yield from (d for d in (a.due, a.start, a.end) if d)


def timeline_span(nb: Notebook, today: date, span: str) -> tuple[date, date]:
    """The dates a timeline view covers: from a fortnight ago (for context) to the span's end."""
    start = today - timedelta(days=14)
    if span == "quarter":
        return start, today + relativedelta(months=3)
    if span == "year":
        return start, today + relativedelta(years=1)
    dates = list(_dated(nb))
    latest = max([*dates, today + relativedelta(months=3)])
    if span == "vision":
        return start, vision_date(nb) or latest
    return min([*dates, start]), max(latest, vision_date(nb) or latest)


@dataclass(frozen=True, slots=True)
class TimelineRow:
    key: str
    label: str
    kind: str  # "reviews" | "initiative" | "goal" | "stepping_stone" | "unlinked" | "action" | "recurring"
    start: date | None  # the bar; None for rows that only carry marks
    end: date | None
    status: str
    detail: str
    depth: int = 0  # 1 for an action under its goal or initiative


@dataclass(frozen=True, slots=True)
class TimelineMark:
    row: str  # the key of the row it sits on
    on: date
    kind: str  # "deadline" | "milestone" | "review" | "todo" | "done" | "overdue" | "missed" | "dropped"
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    start: date
    end: date
    today: date
    rows: tuple[TimelineRow, ...]
    marks: tuple[TimelineMark, ...]
    vision: date | None
    vision_label: str
    collapsed: bool  # actions sit on their goal's row (too many for a row each)
    undated: int  # goals, initiatives and actions left out because they have no date yet
    actions: int = 0  # actions in this view

    @property
    def is_empty(self) -> bool:
        return not self.marks and not any(r.start for r in self.rows)


_FINISHED_GOALS = (GoalStatus.ACHIEVED, GoalStatus.DROPPED)
_FINISHED_INITIATIVES = (InitiativeStatus.DONE, InitiativeStatus.DROPPED)


@dataclass
class _Builder:
    nb: Notebook
    today: date
    start: date
    end: date
    include_finished: bool
    rows: list[TimelineRow] = field(default_factory=list)
    marks: list[TimelineMark] = field(default_factory=list)
    action_rows: list[tuple[str, list[TimelineRow], list[TimelineMark]]] = field(default_factory=list)
    undated: int = 0
    actions: int = 0

    def visible(self, a: date, b: date) -> bool:
        return a <= self.end and b >= self.start

    def action(self, group: str, action: Action) -> None:
        if not self.include_finished and action.status is not ActionStatus.TO_DO:
            return
        if action.recurrence is Recurrence.NONE:
            if action.due is None:
                self.undated += 1
                return
            if not self.visible(action.due, action.due):
                return
            kind = action.status.value
            if action.status is ActionStatus.TO_DO:
                kind = "overdue" if action.due < self.today else "todo"
            status = {"todo": "to do"}.get(kind, kind)
            detail = f"{action.title} · {status} · due {day_text(action.due, True)} · {_hours(action.hours)}"
            row = TimelineRow(f"action:{action.id}", action.title, "action", None, None, status, detail, 1)
            self.action_rows.append((group, [row], [TimelineMark(row.key, action.due, kind, detail)]))
            self.actions += 1
            return
        assert action.start is not None
        cadence = action.recurrence.value
        begin, until = first(cadence, action.start), planned_until(action)
        if not self.visible(begin, until or self.end):
            return
        dates = occurrences(cadence, action.start, until, self.start, self.end)
        done = set(action.done_on)
        status = "dropped" if action.status is ActionStatus.DROPPED else action.status.label.lower()
        detail = f"{action.title} · {schedule_text(action)} · {_hours(action.hours)} each time"
        row = TimelineRow(f"action:{action.id}", action.title, "recurring", begin, until or self.end, status, detail, 1)
        marks = []
        for d in dates:
            kind = "done" if d in done else ("missed" if d < self.today else "todo")
            if action.status is ActionStatus.DROPPED:
                kind = "dropped"
            marks.append(TimelineMark(row.key, d, kind, f"{action.title} · {day_text(d, True)} · {kind.replace('todo', 'to do')}"))
        self.action_rows.append((group, [row], marks))
        self.actions += 1

    def group(self, row: TimelineRow | None, marks: list[TimelineMark], key: str, header: TimelineRow) -> None:
        """Add a goal or initiative row, then the action rows collected for it.

        A finished goal or initiative, or one outside the view, still heads its open actions (as
        `header`, a row without a bar), so no action shows up under someone else's name.
        """
        mine = [(rows, m) for g, rows, m in self.action_rows if g == key]
        if row is None and not mine:
            return
        self.rows.append(row or header)
        if row is not None:
            self.marks.extend(marks)
        for rows, m in sorted(mine, key=lambda rm: min((x.on for x in rm[1]), default=rm[0][0].start or self.end)):
            self.rows.extend(rows)
            self.marks.extend(m)

    def build(self) -> Timeline:
        nb = self.nb
        goals = {g.id: g for g in nb.goals}
        initiatives = {i.id: i for i in nb.initiatives}

        reviews = [d for d in review_dates(nb, self.today) if self.start <= d <= self.end]
        if reviews:
            self.rows.append(TimelineRow("reviews", "Reviews", "reviews", None, None,
                                         f"{nb.settings.review_cadence.label} reviews", "Your review cycle"))
            self.marks.extend(TimelineMark("reviews", d, "review", f"Review · {day_text(d, True)}") for d in reviews)

        for action in nb.actions:
            if action.initiative_id in initiatives:
                group = f"initiative:{action.initiative_id}"
            elif action.goal_id in goals:
                group = f"goal:{action.goal_id}"
            else:
                group = "unlinked"
            self.action(group, action)

        for i in nb.initiatives:
            key = f"initiative:{i.id}"
            status = i.status.label.lower()
            header = TimelineRow(key, i.title, "initiative", None, None, status, f"{i.title} · Initiative · {status}")
            self.group(self.initiative_row(i), [], key, header)
        for g in self._goal_order(goals):
            row, marks = self.goal_row(g)
            key, status = f"goal:{g.id}", g.status.label.lower()
            kind = "stepping_stone" if g.horizon is GoalHorizon.SHORT_TERM and g.parent_id else "goal"
            self.group(row, marks, key, TimelineRow(key, g.statement, kind, None, None, status, f"{g.statement} · Goal · {status}"))
        self.group(None, [], "unlinked", TimelineRow("unlinked", "Not linked to a goal or initiative", "unlinked", None, None,
                                                     "", "Actions that belong to no goal or initiative"))

        collapsed = self.actions > TIMELINE_MAX_ROWS
        rows, marks = self.rows, self.marks
        if collapsed:
            rows, marks = self._collapse()
        vision = vision_date(nb)
        label = nb.vision.target_role or "Vision"
        return Timeline(self.start, self.end, self.today, tuple(rows), tuple(marks), vision,
                        f"{label} ({vision.year})" if vision else "", collapsed, self.undated, self.actions)

    def _collapse(self) -> tuple[list[TimelineRow], list[TimelineMark]]:
        """Too many actions for a row each: put their marks on the row of their goal or initiative."""
        owner = {}
        current = None
        rows = []
        for row in self.rows:
            if row.depth == 0:
                current = row.key
                rows.append(row)
            else:
                owner[row.key] = current
        marks = [TimelineMark(owner.get(m.row, m.row), m.on, m.kind, m.label) for m in self.marks]
        return rows, marks

    def initiative_row(self, i: Initiative) -> TimelineRow | None:
        if not self.include_finished and i.status in _FINISHED_INITIATIVES:
            return None
        begin, finish = i.start or i.finish, i.finish or i.start
        if begin is None or finish is None:
            self.undated += 1
            return None
        if not self.visible(begin, finish):
            return None
        detail = f"Initiative · {i.status.label.lower()} · {day_text(begin)} → {day_text(finish)}"
        return TimelineRow(f"initiative:{i.id}", i.title, "initiative", begin, finish, i.status.label.lower(), f"{i.title} · {detail}")

    def goal_row(self, g: Goal) -> tuple[TimelineRow | None, list[TimelineMark]]:
        if not self.include_finished and g.status in _FINISHED_GOALS:
            return None, []
        if g.deadline is None:
            self.undated += 1
            return None, []
        begin = g.start or min(g.created_at.date(), g.deadline)
        if not self.visible(begin, g.deadline):
            return None, []
        stone = g.horizon is GoalHorizon.SHORT_TERM and g.parent_id is not None
        kind = "stepping_stone" if stone else "goal"
        what = "Stepping stone" if stone else ("Long-term goal" if g.horizon is GoalHorizon.LONG_TERM else "Goal")
        detail = f"{what} · {g.status.label.lower()} · deadline {day_text(g.deadline)}"
        row = TimelineRow(f"goal:{g.id}", g.statement, kind, begin, g.deadline, g.status.label.lower(), f"{g.statement} · {detail}")
        marks = []
        if self.start <= g.deadline <= self.end:
            marks.append(TimelineMark(row.key, g.deadline, "deadline", f"Deadline · {day_text(g.deadline)} · {g.statement}"))
        for j in self.nb.journal:
            if j.goal_id == g.id and j.milestone is not None and self.start <= j.on <= self.end:
                marks.append(TimelineMark(row.key, j.on, "milestone", f"{j.milestone}% reached · {day_text(j.on)}"))
        return row, marks

    def _goal_order(self, goals: dict[str, Goal]) -> list[Goal]:
        """Long-term goals, each followed by its stepping stones; then the rest by deadline."""
        children: dict[str | None, list[Goal]] = defaultdict(list)
        for g in self.nb.goals:
            children[g.parent_id if g.parent_id in goals else None].append(g)
        for kids in children.values():
            kids.sort(key=lambda g: (g.deadline or date.max, g.statement))
        out: list[Goal] = []

        def walk(g: Goal) -> None:
            out.append(g)
            for child in children.get(g.id, []):
                walk(child)

        for g in children[None]:
            walk(g)
        return out


def timeline(nb: Notebook, today: date, start: date, end: date, include_finished: bool = False) -> Timeline:
    """Initiatives, goal deadlines, milestones, actions and reviews between `start` and `end`."""
    return _Builder(nb, today, start, end, include_finished).build()


# --- what the page shows at the top -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overview:
    todo: int
    overdue: int
    this_week: WeekLoad
    active_initiatives: int
    freed: float


def overview(nb: Notebook, today: date) -> Overview:
    lines = action_lines(nb, today, "todo")
    return Overview(
        todo=len(lines),
        overdue=sum(1 for line in lines if line.status == "overdue"),
        this_week=weekly_load(nb, today, today, 1).weeks[0],
        active_initiatives=len(active_initiatives(nb)),
        freed=freed_this_week(nb, today),
    )


# --- turning what a person typed into plan entries ---------------------------------------


def _far_past(day: date | None, today: date) -> bool:
    return day is not None and day < today - FAR_PAST


def _far_past_message(day: date) -> str:
    return (f"{day_text(day)} is more than a year ago. A plan looks ahead: pick a date from the "
            "last twelve months or later.")


def _collect(problems: dict[str, str], exc: ValidationError, rename: dict[str, str]) -> None:
    for key, message in field_errors(exc).items():
        problems.setdefault(rename.get(key, key), message)


def _hours_problem(hours: float | None, what: str) -> str | None:
    if hours is None:
        return f"Say roughly how many hours {what}."
    if hours < 0:
        return "Hours cannot be negative. Use 0 for something that takes no real time."
    return None


@dataclass(frozen=True, slots=True)
class ActionDraft:
    """What the action form holds: `when` is the due date, or the first date of a repeating step."""

    title: str
    goal_id: str | None
    initiative_id: str | None
    recurrence: Recurrence
    when: date | None
    until: date | None
    hours: float | None
    status: ActionStatus = ActionStatus.TO_DO


def draft_of(action: Action) -> ActionDraft:
    once = action.recurrence is Recurrence.NONE
    return ActionDraft(action.title, action.goal_id, action.initiative_id, action.recurrence,
                       action.due if once else action.start, None if once else action.end, action.hours, action.status)


def build_action(nb: Notebook, draft: ActionDraft, today: date, previous: Action | None = None) -> Action:
    """The action a form describes, or PlanInputError naming each field that needs fixing."""
    problems: dict[str, str] = {}
    if msg := _hours_problem(draft.hours, "it takes each time"):
        problems["hours"] = msg
    if not draft.goal_id and not draft.initiative_id:
        problems["goal_id"] = "Choose the goal or the initiative (or both) this step moves forward."
    elif draft.goal_id and nb.goal(draft.goal_id) is None:
        problems["goal_id"] = "That goal no longer exists; choose another."
    elif draft.initiative_id and edit.find(nb.initiatives, draft.initiative_id) is None:
        problems["initiative_id"] = "That initiative no longer exists; choose another."
    once = draft.recurrence is Recurrence.NONE
    before = draft_of(previous) if previous else None
    if draft.when is None:
        problems["when"] = ("Give the step a date: when it is due." if once
                            else "Give the step a date: when it starts repeating.")
    elif _far_past(draft.when, today) and (before is None or before.when != draft.when):
        problems["when"] = _far_past_message(draft.when)
    if once and draft.until is not None:
        problems["until"] = "A one-off step has no end date. Choose how often it repeats, or leave this empty."
    completed_at = None
    if draft.status is ActionStatus.DONE:
        completed_at = previous.completed_at if previous and previous.completed_at else today
    data = {
        "title": draft.title,
        "goal_id": draft.goal_id or None,
        "initiative_id": draft.initiative_id or None,
        "recurrence": draft.recurrence,
        "due": draft.when if once else None,
        "start": None if once else draft.when,
        "end": None if once else draft.until,
        "hours": draft.hours if draft.hours is not None and draft.hours >= 0 else 0,
        "status": draft.status,
        "completed_at": completed_at,
    }
    if previous is not None:
        data.update(id=previous.id, done_on=previous.done_on)
    try:
        action = Action.model_validate(data)
    except ValidationError as exc:
        _collect(problems, exc, {"due": "when", "start": "when", "end": "until"})
        raise PlanInputError(problems) from None
    if problems:
        raise PlanInputError(problems)
    return action


@dataclass(frozen=True, slots=True)
class InitiativeDraft:
    title: str
    start: date | None
    finish: date | None
    success_measure: str
    supports: str
    goal_ids: tuple[str, ...]
    approvals: str
    status: InitiativeStatus


def initiative_draft(i: Initiative) -> InitiativeDraft:
    return InitiativeDraft(i.title, i.start, i.finish, i.success_measure, i.supports, tuple(i.goal_ids), i.approvals, i.status)


def build_initiative(nb: Notebook, draft: InitiativeDraft, today: date, previous: Initiative | None = None) -> Initiative:
    problems: dict[str, str] = {}
    if _far_past(draft.finish, today) and (previous is None or previous.finish != draft.finish):
        problems["finish"] = _far_past_message(draft.finish)  # type: ignore[arg-type]
    known = {g.id for g in nb.goals}
    if any(g not in known for g in draft.goal_ids):
        problems["goal_ids"] = "One of these goals no longer exists; choose again."
    data = {
        "title": draft.title, "start": draft.start, "finish": draft.finish,
        "success_measure": draft.success_measure, "supports": draft.supports,
        "goal_ids": list(draft.goal_ids), "approvals": draft.approvals, "status": draft.status,
    }
    if previous is not None:
        data["id"] = previous.id
    try:
        initiative = Initiative.model_validate(data)
    except ValidationError as exc:
        _collect(problems, exc, {})
        raise PlanInputError(problems) from None
    if problems:
        raise PlanInputError(problems)
    return initiative


@dataclass(frozen=True, slots=True)
class StopDraft:
    what: str
    kind: StopKind
    delegate_to: str
    until: date | None
    hours_per_week: float | None
    since: date | None


def stop_draft(s: StopDoing) -> StopDraft:
    return StopDraft(s.what, s.kind, s.delegate_to, s.until, s.hours_per_week, s.since)


def build_stop(nb: Notebook, draft: StopDraft, today: date, previous: StopDoing | None = None) -> StopDoing:
    problems: dict[str, str] = {}
    if msg := _hours_problem(draft.hours_per_week, "a week this frees"):
        problems["hours_per_week"] = msg
    if draft.kind is StopKind.DELEGATE and not draft.delegate_to.strip():
        problems["delegate_to"] = "Say who takes it over."
    if draft.kind is not StopKind.DELEGATE and draft.delegate_to.strip():
        problems["delegate_to"] = "Only a delegated task goes to someone: choose “Delegate”, or leave this empty."
    changed_until = previous is None or previous.until != draft.until
    if draft.kind is StopKind.POSTPONE and draft.until is None:
        problems["until"] = "Say until when you put it off."
    elif draft.kind is StopKind.CANCEL and draft.until is not None:
        problems["until"] = "Cancelling is for good: choose “Postpone” to put it off until a date, or leave this empty."
    elif draft.until is not None and draft.since is not None and draft.until <= draft.since:
        problems["until"] = "This comes before the day you stop; pick a later date."
    elif draft.until is not None and draft.until <= today and changed_until:
        problems["until"] = "That date has passed already; pick a date still to come."
    if _far_past(draft.since, today) and (previous is None or previous.since != draft.since):
        problems["since"] = _far_past_message(draft.since)  # type: ignore[arg-type]
    data = {
        "what": draft.what, "kind": draft.kind, "delegate_to": draft.delegate_to.strip(),
        "until": draft.until, "since": draft.since,
        "hours_per_week": draft.hours_per_week if draft.hours_per_week is not None and draft.hours_per_week >= 0 else 0,
    }
    if previous is not None:
        data["id"] = previous.id
    try:
        entry = StopDoing.model_validate(data)
    except ValidationError as exc:
        _collect(problems, exc, {})
        raise PlanInputError(problems) from None
    if problems:
        raise PlanInputError(problems)
    return entry
