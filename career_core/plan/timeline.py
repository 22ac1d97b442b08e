"""The timeline: initiatives, goals and their stepping stones, actions, milestones and reviews on one road.

Rows run from initiatives to goals (long-term ones followed by their stepping stones), each
followed by its actions; marks are the dated points on a row (a deadline, a milestone reached, a
review, an action's date). `Timeline.in_words` says the same for people who do not read charts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta

from career_core import wording
from career_core.due import date_state, date_states
from career_core.milestones import standing_milestones
from career_core.models import (
    Action,
    ActionStatus,
    Goal,
    GoalHorizon,
    GoalStatus,
    Initiative,
    InitiativeStatus,
    JournalEntry,
    Notebook,
    Recurrence,
)
from career_core.plan.actions import planned_until, schedule_text
from career_core.plan.initiatives import status_on
from career_core.progress import all_progress
from career_core.review import review_dates
from career_core.schedule import first, occurrences

MAX_ROWS: Final = 60  # beyond this, actions sit on their goal's row instead of their own
NEXT_MARKS: Final = 3  # how many coming dates the timeline in words names per row

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

    def notes(self) -> list[str]:
        """What the chart leaves out, and why: crowded rows folded, undated entries, a vision beyond the view."""
        out = []
        if self.collapsed:
            out.append(f"{self.actions} actions in this view: each sits on the row of its goal or initiative "
                       "(hover a mark to see which). Pick a shorter view to give each its own row.")
        if self.undated:
            out.append(f"{wording.plural(self.undated, 'goal')}, initiatives or actions have no date yet, "
                       "so they are not on the timeline.")
        if self.vision and self.vision > self.end:
            out.append(f"Your vision's horizon, {self.vision_label}, lies beyond this view: choose “To my vision”.")
        return out

    def in_words(self) -> list[RowInWords]:
        """Every row as a line: its status, its span, and the next few dates on it."""
        by_row: dict[str, list[TimelineMark]] = defaultdict(list)
        for mark in self.marks:
            by_row[mark.row].append(mark)
        out = []
        for row in self.rows:
            parts = [row.status] if row.status else []
            if row.start and row.end:
                parts.append(wording.span(row.start, row.end, self.today))
            upcoming = [m for m in by_row.get(row.key, []) if m.on >= self.today][:NEXT_MARKS]
            if upcoming:
                parts.append("next: " + ", ".join(f"{wording.day(m.on, self.today)} ({wording.mark_word(m.kind)})"
                                                  for m in upcoming))
            out.append(RowInWords(row.label, row.depth, " · ".join(parts)))
        return out


@dataclass(frozen=True, slots=True)
class RowInWords:
    label: str
    depth: int  # 1 for an action under its goal or initiative
    text: str  # status, span and the next dates


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
    held: list[JournalEntry] | None = None

    def milestones(self) -> list[JournalEntry]:
        """The celebrated milestones that still hold (career_core.milestones), worked out once."""
        if self.held is None:
            self.held = standing_milestones(self.nb, all_progress(self.nb, self.today))
        return self.held

    def day(self, on: date, *, weekday: bool = False) -> str:
        return wording.day(on, self.today, weekday=weekday)

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
            kind = date_state(action, action.due, self.today)
            status = wording.mark_word(kind)
            detail = (f"{action.title} · {status} · due {self.day(action.due, weekday=True)} · "
                      f"{wording.hours(action.hours)}")
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
        status = "dropped" if action.status is ActionStatus.DROPPED else action.status.label.lower()
        detail = f"{action.title} · {schedule_text(action, self.today)} · {wording.hours(action.hours)} each time"
        row = TimelineRow(f"action:{action.id}", action.title, "recurring", begin, until or self.end, status, detail, 1)
        marks = []
        for d, kind in zip(dates, date_states(action, dates, self.today), strict=True):
            marks.append(TimelineMark(row.key, d, kind,
                                      f"{action.title} · {self.day(d, weekday=True)} · {wording.mark_word(kind)}"))
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
            self.marks.extend(TimelineMark("reviews", d, "review", f"Review · {self.day(d, weekday=True)}") for d in reviews)

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
            status = status_on(i, self.today).label.lower()
            header = TimelineRow(key, i.title, "initiative", None, None, status, f"{i.title} · Initiative · {status}")
            self.group(self.initiative_row(i), [], key, header)
        for g in self._goal_order(goals):
            row, marks = self.goal_row(g)
            key, status = f"goal:{g.id}", g.status.label.lower()
            kind = "stepping_stone" if g.horizon is GoalHorizon.SHORT_TERM and g.parent_id else "goal"
            self.group(row, marks, key, TimelineRow(key, g.statement, kind, None, None, status, f"{g.statement} · Goal · {status}"))
        self.group(None, [], "unlinked", TimelineRow("unlinked", "Not linked to a goal or initiative", "unlinked", None, None,
                                                     "", "Actions that belong to no goal or initiative"))

        collapsed = self.actions > MAX_ROWS
        rows, marks = self.rows, self.marks
        if collapsed:
            rows, marks = self._collapse()
        vision = vision_date(nb)
        label = nb.vision.target_role or "Vision"
        return Timeline(self.start, self.end, self.today, tuple(rows), tuple(marks), vision,
                        f"{label} ({vision.year})" if vision else "", collapsed, self.undated, self.actions)

    def _collapse(self) -> tuple[list[TimelineRow], list[TimelineMark]]:
        """Too many actions for a row each: put their marks on the row of their goal or initiative,
        one mark per day and kind (4,000 weekly actions make 13 marks a quarter, not 52,000)."""
        owner = {}
        current = None
        rows = []
        for row in self.rows:
            if row.depth == 0:
                current = row.key
                rows.append(row)
            else:
                owner[row.key] = current
        same_day: dict[tuple[str, date, str], list[str]] = defaultdict(list)
        for m in self.marks:
            same_day[(owner.get(m.row, m.row), m.on, m.kind)].append(m.label)
        marks = [TimelineMark(row, on, kind, labels[0] if len(labels) == 1 else
                              f"{labels[0]} · and {wording.plural(len(labels) - 1, 'more action')} that day")
                 for (row, on, kind), labels in same_day.items()]
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
        status = status_on(i, self.today).label.lower()
        detail = f"Initiative · {status} · {wording.span(begin, finish, self.today)}"
        return TimelineRow(f"initiative:{i.id}", i.title, "initiative", begin, finish, status, f"{i.title} · {detail}")

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
        detail = f"{what} · {g.status.label.lower()} · deadline {self.day(g.deadline)}"
        row = TimelineRow(f"goal:{g.id}", g.statement, kind, begin, g.deadline, g.status.label.lower(), f"{g.statement} · {detail}")
        marks = []
        if self.start <= g.deadline <= self.end:
            marks.append(TimelineMark(row.key, g.deadline, "deadline", f"Deadline · {self.day(g.deadline)} · {g.statement}"))
        for j in self.milestones():
            if j.goal_id == g.id and self.start <= j.on <= self.end:
                marks.append(TimelineMark(row.key, j.on, "milestone", f"{j.milestone}% reached · {self.day(j.on)}"))
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


def timeline_view(nb: Notebook, today: date, span: str, include_finished: bool = False) -> Timeline:
    """The timeline of one of the views in SPANS, as the Plan page shows it."""
    return timeline(nb, today, *timeline_span(nb, today, span), include_finished=include_finished)
