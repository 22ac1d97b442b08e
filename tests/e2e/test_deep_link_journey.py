"""A bookmarked page opened straight after the server (re)starts keeps the whole frame.

Streamlit runs a `pages/` folder beside app.py as an old-style app on a session's first run, which
would drop the sidebar and the navigation; that is why the pages live in app_pages/. This opens
`/plan` as the very first request to a fresh server, and again after a restart.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Server, wait_for_app
from waypoint_ui.frame import PAGES


def _frame_is_there(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_be_visible()
    expect(sidebar.get_by_text("Presentation mode")).to_be_visible()
    navigation = page.get_by_test_id("stSidebarNav")
    for _, title, _, _ in PAGES:
        expect(navigation.get_by_role("link", name=title, exact=True)).to_be_visible()
    expect(sidebar.get_by_text("All changes saved")).to_be_visible()  # the frame ran, with the notebook open


def test_plan_opened_directly_on_a_fresh_server_and_after_a_restart(browser: Browser, tmp_path: Path):
    first = Server(tmp_path)
    try:
        nb = first.store().create("local", "Jo's plan")
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        _frame_is_there(context.new_page(), f"{first.url}/plan")
        context.close()
    finally:
        first.stop()
    again = Server(tmp_path)  # the same database, a new process: every session starts afresh
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        _frame_is_there(context.new_page(), f"{again.url}/plan?nb={nb.id}")
        context.close()
    finally:
        again.stop()
