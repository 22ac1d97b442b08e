"""A person adds a weekly action, finds it on the timeline and in the weekly load, and takes it to their calendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from icalendar import Calendar
from playwright.sync_api import Page, expect

from career_core import wording
from career_core.models import Goal, GoalStatus, Recurrence
from tests.e2e.conftest import Server, wait_for_app

TITLE = "Weekly 1:1 with Sam"


def test_a_weekly_action_reaches_the_timeline_the_weekly_load_and_the_calendar(page: Page, server: Server, tmp_path):
    store = server.store()
    nb = store.create("local", "Jo's plan")
    nb.goals.append(Goal(id="g1", statement="Lead a team of at least 10 people by 2028", status=GoalStatus.ACTIVE,
                         deadline=date.today() + timedelta(days=400)))
    store.save("local", nb)

    page.goto(f"{server.url}/plan")
    expect(page.get_by_role("heading", name="Plan")).to_be_visible()
    page.get_by_label("What is the step?").fill(TITLE)
    page.get_by_label("Goal it moves forward").click()
    page.get_by_role("option", name="Lead a team of at least 10 people by 2028").click()
    page.get_by_label("Repeats").click()
    page.get_by_role("option", name="Weekly", exact=True).click()
    page.get_by_label("Hours each time").fill("1.5")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text(TITLE, exact=True)).to_be_visible()
    expect(page.get_by_text(f"every {wording.weekday(date.today())}", exact=False).first).to_be_visible()
    (saved,) = store.load("local", nb.id).actions
    assert (saved.recurrence, saved.start, saved.hours) == (Recurrence.WEEKLY, date.today(), 1.5)

    page.get_by_role("radio", name="Timeline").click()  # the section picker
    wait_for_app(page)
    chart = page.locator("[data-testid='stPlotlyChart']")
    expect(chart.get_by_text(f"↻ {TITLE}")).to_be_visible()

    page.get_by_role("radio", name="Weekly load").click()  # the section picker
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Weekly load")).to_be_visible()
    expect(page.get_by_text("Every week fits within your 50-hour limit")).to_be_visible()
    expect(page.locator("[data-testid='stMarkdownContainer']").filter(has_text=f"{TITLE}: 1.5 h")).to_be_visible()

    page.get_by_role("radio", name="Calendar").click()  # the section picker
    wait_for_app(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the calendar file (.ics)").click()
    download = info.value
    assert download.suggested_filename == "waypoint-jo-s-plan.ics"
    path = tmp_path / "plan.ics"
    download.save_as(path)

    cal = Calendar.from_ical(path.read_bytes())
    (event,) = [e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == TITLE]
    assert event.start == date.today()
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=datetime.combine(event.start, time()))
    assert [d.date() for d in rule[:3]] == [date.today() + timedelta(days=7 * k) for k in range(3)]
    assert sum(1 for e in cal.walk("VEVENT") if "review" in str(e["SUMMARY"]).lower()) == 12
