"""A person logs check-ins and sees the chart and the status change, reviews a goal that slips and
rewords it, then downloads the development plan as a PDF with the new wording in it."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from career_core.models import Goal, GoalStatus, Metric
from tests.e2e.conftest import Server, wait_for_app
from tests.pdf_text import text as pdf_text

NEW_WORDING = "Run a monthly coaching session with each of my five planners until 30 June 2027"


def _hover_texts(page: Page, marks: Locator, *, near_start: bool = False) -> list[str]:
    """What the hover labels say over each of these chart marks, as Plotly draws them (every label
    shown: a row can have two, a bar's and the plan's tick's). `near_start`: over a bar's first few
    pixels rather than its middle, away from the tick (CI once read only the tick's label there)."""
    said = []
    label = page.locator(".hoverlayer .hovertext")
    for k in range(marks.count()):
        mark = marks.nth(k)
        box = mark.bounding_box() if near_start else None
        if box is not None and box["width"] >= 4:
            mark.hover(force=True, position={"x": 2, "y": box["height"] / 2})
        else:
            mark.hover(force=True)
        try:
            label.first.wait_for(state="attached", timeout=1_000)  # Plotly draws the label a moment after the mouse moves
        except PlaywrightTimeout:
            continue  # a mark with no label (a line's end, a bar of width 0)
        said += [" ".join(text.split()) for text in label.all_text_contents()]
    return said


def test_check_ins_then_a_review_that_revises_a_goal_then_the_pdf(page: Page, server: Server, tmp_path: Path):
    today = date.today()
    store = server.store()
    nb = store.create("local", "Jo's road to division lead")
    engagement = Goal(statement="Raise my team's engagement score from 62 to 75", status=GoalStatus.ACTIVE,
                      start=today - timedelta(days=100), deadline=today + timedelta(days=100),
                      metric=Metric(name="Engagement", unit="points", baseline=62, target=75))
    vague = Goal(statement="Get better at leadership", status=GoalStatus.ACTIVE,
                 start=today - timedelta(days=100), deadline=today + timedelta(days=150),
                 metric=Metric(name="Score", baseline=0, target=10))
    nb.goals += [engagement, vague]
    store.save("local", nb)

    # Progress: two check-ins; the second one puts the goal back on track.
    page.goto(f"{server.url}/progress")
    wait_for_app(page)
    expect(page.get_by_text("✖ At risk").first).to_be_visible()
    value = page.get_by_label("Engagement (points)")
    value.fill("63")
    page.get_by_role("button", name="Log check-in").click()
    expect(page.get_by_text("Check-in saved for").first).to_be_visible()
    expect(page.locator("[data-testid='stPlotlyChart'] .legendtext", has_text="Logged")).to_be_visible()

    page.get_by_label("Engagement (points)").fill("70")
    page.get_by_label("Note (optional)").fill("Team session on workload went well")
    page.get_by_role("button", name="Log check-in").click()
    expect(page.get_by_text("now on track (was at risk)").first).to_be_visible()
    expect(page.get_by_text("● On track").first).to_be_visible()
    assert [c.value for c in store.load("local", nb.id).checkins] == [63.0, 70.0]

    # Hovering the chart: a logged point says its day and its value with the unit; a goal's bar
    # on the board says how far it has come, with one % sign.
    said = _hover_texts(page, page.locator("[data-testid='stPlotlyChart'] .scatterlayer .points path"))
    assert any(re.fullmatch(r"\w{3} \d{1,2} \w{3}: (63|70) points", t) for t in said), said
    said = _hover_texts(page, page.locator("[data-testid='stPlotlyChart'] .barlayer .point path"), near_start=True)
    assert any(re.match(r"\S+ [\w ]+: \d+% of the way", t) for t in said) and not any("%%" in t for t in said), said

    # Review: the vague goal slips; reword it.
    page.get_by_role("link", name="Review").click()
    expect(page.get_by_role("heading", name="Goals that need a decision")).to_be_visible()
    expect(page.get_by_text("Get better at leadership").first).to_be_visible()
    page.get_by_role("radio", name="Revise the wording").click()
    wording = page.get_by_role("textbox", name="New wording")
    expect(wording).to_be_visible()
    wording.fill(NEW_WORDING)
    wording.press("Control+Enter")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("In this review you chose: revise.")).to_be_visible()
    saved = store.load("local", nb.id).goal(vague.id)
    assert saved.statement == NEW_WORDING
    assert [r.statement for r in saved.revisions] == ["Get better at leadership"]

    # Export: the PDF carries the new wording. A person reads the decision first: in one full run
    # a download clicked the instant it showed never started (0 of 16 runs of this test alone);
    # the sidebar's draft keeper reports typing a second after it pauses, and reruns then.
    page.wait_for_timeout(1_500)
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Development plan (PDF)").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.suffix == ".pdf"
    text = pdf_text(target.read_bytes())
    assert NEW_WORDING in text
    assert "Raise my team's engagement score from 62 to 75" in text and "Status: On track" in text
