"""Exports that any text survives: no cell a spreadsheet would run as a formula, a calendar file
that stays readable whatever the titles hold, and downloads that can leave private fields out."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from career_core.exports import checkins_csv
from career_core.exports.calendar import to_ics
from career_core.models import PRIVATE, Action, CheckIn, Goal, Metric, Notebook

TODAY = date(2026, 3, 2)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def one_checkin(text: str, *, where: str) -> Notebook:
    """A notebook whose single check-in carries `text` in one place: a text field or an id."""
    goal_id = text if where == "goal_id" else "g1"
    goal = Goal(id=goal_id, statement=text if where == "goal" else "Lead a team",
                metric=Metric(unit=text if where == "unit" else "people"))
    checkin = CheckIn(id=text if where == "checkin_id" else "c1", goal_id=goal_id, on=TODAY, value=-5,
                      note=text if where == "note" else "")
    return Notebook(goals=[goal], checkins=[checkin])


FORMULAS = [
    ("=1+1", True),
    ("=HYPERLINK(\"http://x.example\")", True),
    ("+41 cmd", True),
    ("-2+3", True),
    ("@SUM(A1:A9)", True),
    ("\t=1+1", True),
    ("\r=1+1", True),
    ("=cmd|' /C calc'!A0", True),
    ("Lead a team of 10", False),
    ("5 = five", False),
    ("a-b", False),
    ("'already quoted", False),
    ("", False),
]
PLACES = ["goal", "unit", "note", "goal_id", "checkin_id"]  # each is also the CSV column it lands in


CELLS = [(text, guarded, where) for text, guarded in FORMULAS for where in PLACES
         if text or where in ("unit", "note")]  # a goal needs its statement, an entry its id


@pytest.mark.parametrize(("text", "guarded", "where"), CELLS, ids=[f"{w}-{t!r:.20}" for t, _, w in CELLS])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(text: str, guarded: bool, where: str):
    [row] = rows(checkins_csv.build(one_checkin(text, where=where)))
    shown = text.strip() if where in ("goal", "unit") else text  # these fields are stored stripped
    assert row[where] == ("'" + shown if guarded and shown[:1] in "=+-@\t\r" else shown)


def test_a_negative_number_stays_a_number():
    [row] = rows(checkins_csv.build(one_checkin("x", where="note")))
    assert row["value"] == "-5"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(note=st.text(max_size=200))
def test_no_typed_note_reaches_a_cell_as_a_formula(note: str):
    [row] = rows(checkins_csv.build(one_checkin(note, where="note")))
    assert not row["note"].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert row["note"] == ("'" + note if note.startswith(("=", "+", "-", "@", "\t", "\r")) else note)


def test_the_csv_leaves_out_fields_marked_private(monkeypatch: pytest.MonkeyPatch):
    """Check-in notes are not marked private today; once a field is, redacted downloads drop it."""
    nb = one_checkin("Felt awful about the reorganisation", where="note")
    monkeypatch.setattr(CheckIn.model_fields["note"], "json_schema_extra", PRIVATE)
    [row] = rows(checkins_csv.build(nb, redact=True))
    assert row["note"] == "" and row["goal"] == "Lead a team"
    [row] = rows(checkins_csv.build(nb))
    assert row["note"] == "Felt awful about the reorganisation"


# --- the calendar -------------------------------------------------------------------------------

TITLES = [
    "Line one\nline two",
    "Windows\r\nline break",
    "A carriage\rreturn",
    "x" * 120,
    "**bold** :red[alarm] <img src=x onerror=alert(1)> ![pixel](http://tracker.example/p.png)",
    "Semicolons; commas, and a back\\slash",
    "BEGIN:VEVENT",
    "Emoji 🚀 and right-to-left עברית",
    "tab\tinside",
    "NUL\x00inside",
    "Tidy C:\\Notes\\New",  # a backslash before a capital N is not a line break
    "N\\",
    "\\N\\n\\\\N",
]


def calendar_of(title: str) -> Notebook:
    goal = Goal(id="g1", statement=(title * 9)[:1000])
    action = Action(title=(title * 3)[:300], due=date(2026, 3, 9), goal_id="g1")
    weekly = Action(title=title[:300], recurrence="weekly", start=date(2026, 3, 2), goal_id="g1")
    return Notebook(title=title[:120], goals=[goal], actions=[action, weekly])


def content_lines(data: bytes) -> list[bytes]:
    return data.split(b"\r\n")


def as_calendar_text(text: str) -> str:
    """iCalendar text knows one line break, written \\n: a carriage return becomes one."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("title", TITLES, ids=[repr(t)[:24] for t in TITLES])
def test_the_calendar_handles_any_title(title: str):
    nb = calendar_of(title)
    data = to_ics(nb, TODAY)
    assert all(b"\n" not in line and b"\r" not in line for line in content_lines(data))  # no line broken by the title
    cal = Calendar.from_ical(data)
    events = [e for e in cal.walk("VEVENT") if str(e["uid"]).startswith("action-")]
    assert sorted(str(e["summary"]) for e in events) == sorted(as_calendar_text(a.title) for a in nb.actions)
    assert all(as_calendar_text(nb.goals[0].statement) in str(e["description"]) for e in events)
    assert sum(1 for line in content_lines(data) if line == b"BEGIN:VEVENT") == len(cal.walk("VEVENT"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(min_size=1, max_size=120).filter(str.strip))
def test_any_typed_title_gives_a_calendar_that_reads_back(title: str):
    nb = calendar_of(title)
    data = to_ics(nb, TODAY)
    assert all(b"\n" not in line and b"\r" not in line for line in content_lines(data))
    summaries = {str(e["summary"]) for e in Calendar.from_ical(data).walk("VEVENT")}
    assert {as_calendar_text(a.title) for a in nb.actions} <= summaries
