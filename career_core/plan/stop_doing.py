"""The stop-doing list: what a person cancels, postpones or delegates, and the hours that frees.

An entry frees its hours only in whole weeks: from the first full week after the day it stops
(`since`) until the week before the day it comes back (`until`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from career_core import wording
from career_core.models import Notebook, StopDoing, StopKind
from career_core.schedule import monday


def stop_in_effect(entry: StopDoing, week_monday: date) -> bool:
    """Whether an entry frees its hours for the whole week (from `since`, until `until` returns)."""
    sunday = week_monday + timedelta(days=6)
    return (entry.since is None or entry.since <= week_monday) and (entry.until is None or entry.until > sunday)


def freed_this_week(nb: Notebook, today: date) -> float:
    week = monday(today)
    return round(sum(s.hours_per_week for s in nb.stop_doing if stop_in_effect(s, week)), 2)


def stop_ended(entry: StopDoing, today: date) -> bool:
    """Whether an entry's end date has come: a postponed task is back with you, a stop is over."""
    return entry.until is not None and entry.until <= today


def stop_state(entry: StopDoing, today: date) -> tuple[bool, str]:
    """Whether an entry frees its hours this week, and how that reads."""
    week = monday(today)
    if stop_in_effect(entry, week):
        return True, "frees its hours this week"
    if entry.until is not None and entry.until <= week + timedelta(days=6):
        postponed = entry.kind is StopKind.POSTPONE
        until = wording.day(entry.until, today)
        if not stop_ended(entry, today):
            return False, f"{'back with you' if postponed else 'ends'} on {until}"
        return False, f"back with you since {until}" if postponed else f"ended on {until}"
    first_week = monday(entry.since) + (timedelta(days=7) if entry.since and entry.since.weekday() else timedelta())
    return False, f"frees its hours from the {wording.week_of(first_week, today)}"


@dataclass(frozen=True, slots=True)
class StopLine:
    entry: StopDoing
    in_effect: bool
    state: str  # when it frees its hours, in words
    text: str  # what was done with it: cancelled, postponed, delegated to whom
    ended: bool  # its end date has come: the task is back with you, or the stop is over


def stop_lines(nb: Notebook, today: date) -> list[StopLine]:
    """The stop-doing list, entries that free hours this week first, those that ended last."""
    lines = [StopLine(s, *stop_state(s, today), stop_text(s, today), stop_ended(s, today)) for s in nb.stop_doing]
    return sorted(lines, key=lambda line: (line.ended, not line.in_effect))


def stop_text(entry: StopDoing, today: date | None = None) -> str:
    """'Delegated to Sam since 3 Aug 2026' and the like."""
    since = f" since {wording.day(entry.since, today)}" if entry.since else ""
    if entry.kind is StopKind.DELEGATE:
        text = f"Delegated to {entry.delegate_to or 'someone'}{since}"
    elif entry.kind is StopKind.POSTPONE:
        text = f"Postponed{since}"
    else:
        text = f"Cancelled{since}"
    if entry.until:
        text += f", until {wording.day(entry.until, today)}"
    return text
