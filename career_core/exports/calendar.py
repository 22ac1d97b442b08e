"""The plan as an iCalendar (.ics) file that Google Calendar, Apple Calendar and Outlook import.

Actions still to do become all-day events: one-off actions on their due date, recurring ones as a
single event with the RRULE from `career_core.schedule` (the rule the app expands, so the calendar
shows exactly the dates Waypoint shows). Review dates for the next year are events of their own.

Every event has a stable UID, so importing a newer file updates the events instead of adding
copies: actions by their id, reviews by their place in the cycle ("the next review", "the one
after"), which keeps a moved review date one event that moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from icalendar import Calendar, Event, vText

from career_core import wording
from career_core.due import next_date
from career_core.models import Action, Notebook, Recurrence
from career_core.plan.actions import schedule_text
from career_core.review import review_dates
from career_core.schedule import Rule, rule

PRODID = "-//Waypoint//Career plan//EN"
CATEGORY = "Waypoint"


class TypedText(vText):
    """Event text written as typed. icalendar's escaping first reads the two characters backslash
    and capital N as a line break (RFC 5545 spells a line break that way, and it normalises it), so
    a title like "Tidy C:\\Notes" came back as "Tidy C:" and a new line. Those two characters
    are kept out of that step and written as an escaped backslash and an N."""

    def to_ical(self) -> bytes:
        if "\\N" not in self:
            return super().to_ical()
        mark = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in self)  # a character the text lacks
        hidden = vText(self.replace("\\N", f"{mark}N"), self.encoding)
        return hidden.to_ical().replace(mark.encode(self.encoding), b"\\\\")


def action_uid(nb: Notebook, action: Action) -> str:
    return f"action-{action.id}.{nb.id}@waypoint"


def review_uid(nb: Notebook, position: int) -> str:
    return f"review-{position}.{nb.id}@waypoint"


@dataclass(frozen=True, slots=True)
class CalendarContents:
    """What the file will hold, for the page to say before anyone downloads it."""

    one_off: int
    recurring: int
    reviews: tuple[date, ...]
    left_out: int  # actions done, dropped, without a date, or repeating ones whose last date has passed


def exported_actions(nb: Notebook, today: date) -> list[Action]:
    """Actions that need a place in the calendar: still to do, with a date or a series not yet over.

    A one-off action past its due date stays in (it still needs doing); a series whose end has
    passed has nothing left to put in a calendar.
    """
    return [a for a in nb.actions if next_date(a, today) is not None]


def contents(nb: Notebook, today: date) -> CalendarContents:
    actions = exported_actions(nb, today)
    recurring = sum(1 for a in actions if a.recurrence is not Recurrence.NONE)
    return CalendarContents(len(actions) - recurring, recurring, tuple(review_dates(nb, today)), len(nb.actions) - len(actions))


def action_rule(action: Action) -> Rule | None:
    if action.recurrence is Recurrence.NONE:
        return None
    assert action.start is not None
    return rule(action.recurrence.value, action.start, action.end)


def _towards(nb: Notebook, action: Action) -> str:
    parts = []
    if action.goal_id and (goal := nb.goal(action.goal_id)):
        parts.append(f"Goal: {goal.statement}")
    if action.initiative_id:
        initiative = next((i for i in nb.initiatives if i.id == action.initiative_id), None)
        if initiative:
            parts.append(f"Initiative: {initiative.title}")
    return "\n".join(parts)


def _action_event(nb: Notebook, action: Action) -> Event | None:
    recurrence = action_rule(action)
    start = recurrence.dtstart if recurrence else action.due
    assert start is not None
    if recurrence and recurrence.until is not None and recurrence.until < start:
        return None  # a month-end series whose end comes before its first month end: no dates at all
    description = "\n".join(p for p in (
        _towards(nb, action),
        f"About {wording.hours_long(action.hours)}{' each time' if recurrence else ''}; {schedule_text(action)}.",
        f"From the Waypoint notebook “{nb.title}”.",
    ) if p)
    event = Event.new(
        uid=action_uid(nb, action),
        summary=TypedText(action.title),
        description=TypedText(description),
        start=start,
        end=start + timedelta(days=1),
        stamp=nb.updated_at,
        sequence=nb.revision,
        categories=[CATEGORY],
    )
    if recurrence:
        event.add("rrule", recurrence.ical())
    event.add("transp", "TRANSPARENT")  # a reminder of the step, not a busy block
    return event


def _review_event(nb: Notebook, position: int, on: date) -> Event:
    event = Event.new(
        uid=review_uid(nb, position),
        summary="Career review" if position else "Next career review",
        description=TypedText("Look back at your goals: what went well, what did not, what you learned and "
                              f"what you will change. From the Waypoint notebook “{nb.title}”."),
        start=on,
        end=on + timedelta(days=1),
        stamp=nb.updated_at,
        sequence=nb.revision,
        categories=[CATEGORY],
    )
    event.add("transp", "TRANSPARENT")
    return event


def to_ics(nb: Notebook, today: date) -> bytes:
    """The whole plan as one .ics file; the same notebook revision and day give the same bytes."""
    cal = Calendar.new(
        # vText: icalendar escapes line breaks, commas and semicolons in event text itself, but
        # writes a calendar's name as given, and a line break there makes the file unreadable.
        name=TypedText(f"Waypoint · {nb.title}"),
        description="Actions and review dates from your Waypoint career plan.",
        prodid=PRODID,
        uid=nb.id,
        method="PUBLISH",
        calscale="GREGORIAN",
    )
    for action in exported_actions(nb, today):
        if (event := _action_event(nb, action)) is not None:
            cal.add_component(event)
    for position, on in enumerate(review_dates(nb, today)):
        cal.add_component(_review_event(nb, position, on))
    return cal.to_ical()
