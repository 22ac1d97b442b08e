"""One notebook on every page: each shows the same next date for an action, and the same next review.

The issue's example, moved to today: a weekly action whose series started 16 days ago, not ticked
on its latest date two days ago, so it is overdue since then (career_core.due). Home, Plan,
Progress, the Coach session, the development plan (its preview on Review and the PDF) and the
calendar file must all agree; before issue 12, Home and the Coach said "due" a week later.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from career_core import wording
from career_core.due import next_date
from career_core.exports import plan_pdf
from career_core.exports.calendar import action_uid, to_ics
from career_core.models import Action, Goal, GoalStatus, Metric, Notebook, Recurrence
from career_core.review import next_review
from tests.app.conftest import texts
from tests.pdf_text import text as pdf_text

TODAY = date.today()
_WHEN = re.compile(r"((?i:overdue since|due))\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+)?(\d{1,2}) (\w{3})(?: (\d{4}))?"
                   r"|(?i:due today)")


def _date(match: re.Match[str]) -> tuple[str, date]:
    """('overdue', 16 Nov) from 'overdue since 16 Nov'; ('due', today) from 'due today'."""
    if match.group(0).lower() == "due today":
        return "due", TODAY
    kind, day, month, year = match.groups()
    on = date(int(year) if year else TODAY.year, wording.MONTHS.index(month) + 1, int(day))
    return ("overdue" if kind.lower().startswith("overdue") else "due"), on


def _phrase(page: str, title: str) -> list[tuple[str, date]]:
    """The first date phrase after each place the page names the action ('Overdue since' or 'overdue since')."""
    out = []
    for at in (m.start() for m in re.finditer(re.escape(title), page)):
        if match := _WHEN.search(page[at:at + 400]):
            out.append(_date(match))
    return out


@pytest.fixture
def notebook(db) -> Notebook:
    nb = db.create("local", "Dates")
    goal = Goal(id="g1", statement="Lead a team of at least 10 people", status=GoalStatus.ACTIVE,
                start=TODAY - timedelta(days=30), deadline=TODAY + timedelta(days=200),
                metric=Metric(baseline=0, target=10))
    nb.goals.append(goal)
    nb.actions += [
        Action(id="weekly", title="Weekly one-to-ones", goal_id="g1", recurrence=Recurrence.WEEKLY,
               start=TODAY - timedelta(days=16)),  # its dates: 16, 9 and 2 days ago; none ticked
        Action(id="soon", title="Book the leadership course", goal_id="g1", due=TODAY + timedelta(days=3)),
        Action(id="late", title="Ask HR about the reporting line", goal_id="g1", due=TODAY - timedelta(days=5)),
    ]
    return db.save("local", nb)


EXPECTED = {
    "Weekly one-to-ones": ("overdue", TODAY - timedelta(days=2)),
    "Book the leadership course": ("due", TODAY + timedelta(days=3)),
    "Ask HR about the reporting line": ("overdue", TODAY - timedelta(days=5)),
}


def in_order(node) -> str:
    """Every text of a page in the order it is drawn (the title of an action, then its date)."""
    children = getattr(node, "children", None)
    if children:
        return "\n".join(in_order(children[k]) for k in sorted(children))
    value = getattr(node, "value", None)
    return re.sub(r"\\(.)", r"\1", value) if isinstance(value, str) else ""


def _pages(open_app) -> dict[str, str]:
    preview = "\n".join(str(c.value) for c in open_app(page="review").code)
    return {
        "Home": in_order(open_app().main),
        "Plan": in_order(open_app(page="plan").main),
        "Progress": in_order(open_app(page="progress").main),
        "Coach session": in_order(open_app(page="coach").main).split("Coming up", 1)[1],
        "Review (plan preview)": preview,
    }


def test_every_page_shows_the_same_next_date_for_each_action(open_app, notebook):
    pages = _pages(open_app)
    pages["PDF"] = pdf_text(plan_pdf.build(notebook, TODAY))
    for title, expected in EXPECTED.items():
        assert next_date(next(a for a in notebook.actions if a.title == title), TODAY) == expected[1]
        shown = {name: _phrase(page, title)[:1] for name, page in pages.items()}
        assert shown == {name: [expected] for name in pages}, title


def test_the_calendar_file_holds_the_same_dates(notebook):
    cal = Calendar.from_ical(to_ics(notebook, TODAY))
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    for action in notebook.actions:
        event = events[action_uid(notebook, action)]
        start = event.start
        if "RRULE" in event:
            rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=datetime.combine(start, time()))
            days = [d.date() for d in rule.between(datetime.combine(TODAY - timedelta(days=30), time()),
                                                   datetime.combine(TODAY + timedelta(days=30), time()), inc=True)]
        else:
            days = [start]
        assert next_date(action, TODAY) in days, action.title


def test_every_page_shows_the_same_next_review(open_app, notebook):
    due = next_review(notebook, TODAY).on
    home = texts(open_app())
    review = texts(open_app(page="review"))
    plan = texts(open_app(page="plan", query={"section": "Calendar"}))
    assert f"{wording.day(due, TODAY)} — due in" in home.split("**Next review**", 1)[1]
    assert f"Next review: {wording.day(due, TODAY, weekday=True)}" in review
    assert f"the next on {wording.day(due, TODAY, weekday=True)}" in plan
