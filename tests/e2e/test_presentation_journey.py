"""A coach shares the screen: presentation mode hides private notes and other clients, makes
text larger, survives page changes and a reload, and is left with one click."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from career_core.models import CheckIn, CoachNote, Goal, Metric
from tests.e2e.conftest import Server, wait_for_app

SECRET = "PRIVATEMARKER thinking of leaving in May"
OTHER = "Client Sam Okafor"
ANA = "Client Ana Pereira"


def root_font_size(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.documentElement).fontSize")


def nav_pages(page: Page) -> list[str]:
    return page.locator("[data-testid='stSidebarNav'] a").evaluate_all("links => links.map(a => a.href)")


def test_presenting_to_a_coach(page: Page, server: Server):
    store = server.store()
    store.create("local", OTHER)
    ana = store.create("local", ANA)
    ana.reflection.private_notes = SECRET
    ana.goals.append(Goal(id="lead", statement="Lead a team of 10 by 2028", metric=Metric(baseline=0, target=10)))
    ana.checkins.append(CheckIn(goal_id="lead", on=date.today() - timedelta(days=3), value=4))
    ana.coach_notes.append(CoachNote(on=date.today() - timedelta(days=14), next_steps="Draft the hiring plan"))
    ana = store.save("local", ana)

    page.goto(f"{server.url}/notebook?nb={ana.id}")
    expect(page.get_by_text(OTHER)).to_be_visible()  # the coach's other client, before presenting
    normal_size = root_font_size(page)

    page.get_by_text("Presentation mode").click()
    expect(page.get_by_text("Presenting: private notes and other notebooks are hidden")).to_be_visible()
    expect(page.get_by_text(OTHER)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"present=1"))
    page.wait_for_function(
        f"() => parseFloat(getComputedStyle(document.documentElement).fontSize) > {float(normal_size.removesuffix('px'))}"
    )

    for url in nav_pages(page):  # every page of the app, as the shared screen shows it
        page.goto(url if "present=1" in url else url + ("&" if "?" in url else "?") + f"present=1&nb={ana.id}")
        wait_for_app(page)
        expect(page.get_by_text(ANA).first).to_be_visible()
        content = page.content()
        assert SECRET not in content, url
        assert OTHER not in content, url

    page.goto(f"{server.url}/session?nb={ana.id}&present=1")
    expect(page.get_by_role("heading", name="What we agreed last time")).to_be_visible()
    expect(page.get_by_text("Draft the hiring plan").first).to_be_visible()
    expect(page.locator("[data-testid='stPlotlyChart']")).to_be_visible()

    page.reload()  # a reload in the middle of the call stays safe
    wait_for_app(page)
    expect(page.get_by_text("Presenting: private notes and other notebooks are hidden")).to_be_visible()
    assert OTHER not in page.content()

    page.get_by_text("Presentation mode").click()  # one click to leave
    expect(page.get_by_text("Presenting: private notes")).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"present=1"))
    page.wait_for_function(f"() => getComputedStyle(document.documentElement).fontSize === '{normal_size}'")
    page.get_by_role("link", name="Notebooks").click()
    expect(page.get_by_text(OTHER)).to_be_visible()
