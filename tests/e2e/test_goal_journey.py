"""The first half of the method in a real browser: reflect, envision, draft a vague goal, sharpen it
with the live SMART report until it is SMART, save it, and find it on Home with its score."""

from __future__ import annotations

import time
from datetime import date

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, click_until, drawn, wait_for_app

VAGUE = "get better at leadership"
SHARPER = "Complete the Kestrel leadership programme"
SHARP = SHARPER + " by June 2027"
TRICKY = "Lead [a team](javascript:x) of 10 <b>by</b> **2027**"


def saved(page: Page) -> None:
    expect(page.get_by_text("Saved", exact=False).first).to_be_visible()


def test_from_reflection_to_a_smart_goal_on_home(page: Page, server: Server):
    page.goto(server.url)
    page.get_by_label("Notebook title").fill("Jo's plan")
    page.get_by_role("button", name="Create my notebook").click()
    expect(page.get_by_role("heading", name="Jo's plan")).to_be_visible()

    # Reflect: a skill of my own (written in, not from the list), and a value.
    page.goto(f"{server.url}/reflect")
    expect(page.get_by_role("heading", name="Skills")).to_be_visible()
    skill = page.get_by_role("combobox", name="Skill")
    skill.click()
    skill.fill("Running [night] shifts")
    skill.press("Enter")
    page.get_by_role("button", name="Add skill").click()
    expect(page.get_by_role("img", name="Skills: where I am now and where I want to be").or_(
        page.locator("[data-testid='stPlotlyChart']")).first).to_be_visible()
    # The same skill again is refused beside the field, and nothing is added.
    skill.click()
    skill.fill("running [NIGHT] shifts")
    skill.press("Enter")
    page.get_by_role("button", name="Add skill").click()
    expect(page.get_by_text("is already rated")).to_be_visible()

    # Vision
    page.get_by_role("tab", name="Vision").click()
    vision = page.get_by_label("My vision", exact=True)
    vision.fill("I lead the northern division, and my people are proud of how reliably we deliver.")
    vision.press("Tab")
    saved(page)
    # The save must be in the database before the next page is loaded: "All changes saved" from the
    # skill's save is already on screen, and a page loaded while the click-out's run is still on its
    # way (a loaded machine) ends this session before it runs (text of the last second: see the README).
    store, deadline = server.store(), time.monotonic() + 20
    while not store.load("local", store.list("local")[0].id).vision.statement:
        assert time.monotonic() < deadline, "the vision's save never reached the database"
        time.sleep(0.1)
    store.engine.dispose()

    # Goals: the words that count are highlighted, and what was typed shows exactly as typed.
    page.goto(f"{server.url}/goals")
    goal = page.get_by_role("textbox", name="Your goal")
    goal.fill(TRICKY)
    report_text = page.locator("[data-testid='stMarkdownContainer'] p").filter(has_text="javascript")
    expect(report_text).to_have_text(TRICKY)
    expect(report_text.locator("span").filter(has_text="10").first).to_be_visible()  # highlighted as a number
    expect(page.locator("b", has_text="by")).to_have_count(0)  # no markup from the person's text

    # A vague goal first; the report answers while typing (no Enter, no leaving the field).
    goal.fill("")
    goal.press_sequentially(VAGUE, delay=15)
    expect(page.get_by_text("Not SMART yet: make it")).to_be_visible()
    expect(page.get_by_text("How to make it sharper")).to_be_visible()
    expect(page.get_by_text("leaves the goal open")).to_be_visible()

    # Follow the advice: name the one thing, then say when.
    goal.fill("")
    goal.press_sequentially(SHARPER, delay=10)
    expect(page.get_by_text("leaves the goal open")).to_have_count(0)  # specific and measurable now
    expect(page.get_by_text("Not SMART yet: make it")).to_be_visible()
    expect(page.get_by_text("Add when", exact=False)).to_be_visible()  # what is still missing: when
    goal.press_sequentially(" by June 2027", delay=15)
    expect(page.get_by_text("SMART score 88/100")).to_be_visible()
    expect(page.get_by_text("Not SMART yet", exact=False)).to_have_count(0)
    # sharp wording; the badge waits for what only the person can say, and asks for it in words
    expect(page.get_by_text("Sharp wording: add how confident you are and why it matters.")).to_be_visible()
    expect(page.get_by_role("img", name="verified icon")).to_have_count(0)

    # Reach SMART without leaving the page: how confident, why, and the link to the vision.
    wait_for_app(page)
    page.get_by_role("slider").first.press("End")
    expect(page.get_by_test_id("stSliderThumbValue")).to_have_text("10/10")
    wait_for_app(page)
    why = page.get_by_role("textbox", name="Why I want this")
    why.fill("Planners who stay and grow are how the division will run.")
    why.press("Tab")
    wait_for_app(page)
    page.get_by_text("This goal moves me towards my vision").click()
    wait_for_app(page)
    expect(page.get_by_text("SMART score 100/100")).to_be_visible()
    expect(page.get_by_role("img", name="verified icon")).to_be_visible()  # the SMART badge

    # The text names a deadline: take it into the deadline field (the change is shown first), then save.
    # .first: on a loaded machine the line can show twice for a moment while a section redraws
    expect(drawn(page).get_by_text("deadline 30 Jun 2027 (now empty)").first).to_be_visible()
    wait_for_app(page)
    deadline = drawn(page).get_by_test_id("stDateInput").filter(has_text="Deadline").locator("input")
    use_values = page.get_by_role("button", name="Use the wording's values in the fields")

    def filled() -> None:
        expect(deadline).to_have_value("2027-06-30", timeout=7_000)
        expect(use_values).to_have_count(0, timeout=7_000)  # nothing left to offer

    click_until(page, "Use the wording's values in the fields", filled)
    page.get_by_role("button", name="Save and make it active").click()
    expect(page.get_by_role("textbox", name="Goal", exact=True)).to_have_value(SHARP)

    # Home: the goal with its score and its badge.
    page.goto(server.url)
    wait_for_app(page)
    expect(page.get_by_text(SHARP)).to_be_visible()
    expect(page.get_by_text("SMART score 100/100")).to_be_visible()

    (nb,) = [server.store().load("local", s.id) for s in server.store().list("local")]
    assert [s.name for s in nb.reflection.skills] == ["Running [night] shifts"]
    assert nb.vision.statement.startswith("I lead the northern division")
    (stored,) = nb.goals
    assert (stored.statement, stored.status.value, stored.deadline) == (SHARP, "active", date(2027, 6, 30))
    assert [r.score for r in stored.revisions] == [100]
    assert (stored.confidence, stored.supports_vision) == (10, True)
