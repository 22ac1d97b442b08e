"""Every check-in as a CSV file that opens cleanly in a spreadsheet.

UTF-8 with a byte-order mark so Excel reads accents and emoji right; one row per check-in,
oldest first. Every text cell a spreadsheet would run as a formula (starting with =, +, -, @, a
tab or a carriage return), ids from an imported file included, gets a leading apostrophe, the
usual guard against formula injection; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import math

from career_core.models import Notebook
from career_core.privacy import redacted

COLUMNS = ("date", "goal", "value", "unit", "confidence", "note", "goal_id", "checkin_id")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guarded(value: str) -> str:
    """The cell text a spreadsheet shows as typed instead of running it as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if not math.isfinite(value):
        return str(value)
    return str(int(value)) if value == int(value) else repr(value)


def build(notebook: Notebook, *, redact: bool = False) -> bytes:
    """The CSV file; `redact` leaves out every private field (presentation mode)."""
    if redact:
        notebook = redacted(notebook)
    goals = {g.id: g for g in notebook.goals}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for c in sorted(notebook.checkins, key=lambda c: (c.on, goals[c.goal_id].statement if c.goal_id in goals else "")):
        goal = goals.get(c.goal_id)
        writer.writerow([
            c.on.isoformat(),
            guarded(goal.statement if goal else ""),
            _number(c.value),
            guarded(goal.metric.unit if goal else ""),
            "" if c.confidence is None else c.confidence,
            guarded(c.note),
            guarded(c.goal_id),
            guarded(c.id),
        ])
    return buffer.getvalue().encode("utf-8-sig")
