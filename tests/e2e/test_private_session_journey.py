"""A visitor to a public demo (private session): works on a notebook the server never stores,
downloads it, loses the tab, and carries on from the downloaded file."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from career_core.exports.notebook_file import to_bytes
from tests.e2e.conftest import Server, wait_for_app
from tests.synthetic import five_year_notebook
from waypoint_ui.private_sessions import BUDGET_ENV


@pytest.fixture
def private_server(tmp_path: Path) -> Iterator[Server]:
    s = Server(tmp_path, secrets='[waypoint]\nmode = "private"\n')
    yield s
    s.stop()


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield context.new_page()
    context.close()


def test_a_private_session_downloads_and_comes_back_from_the_file(visitor: Page, private_server: Server, tmp_path: Path):
    page = visitor
    page.goto(private_server.url)
    expect(page.get_by_text("Nothing is stored on the server", exact=False).first).to_be_visible()
    expect(page.get_by_text("closing or reloading this tab loses your notebook unless you download it")).to_be_visible()

    page.get_by_label("Notebook title").fill("Demo: my way to team lead")
    page.get_by_role("button", name="Create my notebook").click()
    expect(page.get_by_role("heading", name="Demo: my way to team lead")).to_be_visible()
    expect(page.get_by_text("Not downloaded yet")).to_be_visible()

    with page.expect_download() as caught:
        page.get_by_role("button", name="Download notebook").click()
    saved = tmp_path / caught.value.suggested_filename
    caught.value.save_as(saved)
    assert saved.name == "waypoint-demo-my-way-to-team-lead.json"
    assert json.loads(saved.read_text())["title"] == "Demo: my way to team lead"
    expect(page.get_by_text("Downloaded: the file has every change so far")).to_be_visible()

    # nothing reached the server's database
    db_file = tmp_path / "waypoint.db"
    assert not db_file.exists() or private_server.store().list("private") == []

    page.reload()  # the tab's session is gone, and the notebook with it
    expect(page.get_by_role("heading", name="Welcome to Waypoint")).to_be_visible()
    page.get_by_role("link", name="Continue with a notebook file you downloaded earlier").click()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(saved))
    expect(page.get_by_text("Imported “Demo: my way to team lead” as a new notebook")).to_be_visible()
    page.get_by_role("link", name="Home").click()
    expect(page.get_by_role("heading", name="Demo: my way to team lead")).to_be_visible()


def test_a_public_demo_holds_what_it_can_and_takes_it_back_when_a_visitor_leaves(browser: Browser, tmp_path: Path,
                                                                                 monkeypatch):
    """Room for one such file at a time: a second visitor waits until the first has closed the tab
    (and Streamlit's time to reconnect, here 4 s, has run out), then gets in."""
    data = to_bytes(five_year_notebook())
    notebook = tmp_path / "five-years.json"
    notebook.write_bytes(data)
    monkeypatch.setenv(BUDGET_ENV, str(1.5 * len(data) / 2**20))
    monkeypatch.setenv("STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL", "4")
    server = Server(tmp_path, secrets='[waypoint]\nmode = "private"\n')
    try:
        first, second = (browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2))
        ana, ben = first.new_page(), second.new_page()
        for page in (ana, ben):
            page.goto(f"{server.url}/notebook")
            wait_for_app(page)
        upload(ana, notebook)
        expect(ana.get_by_text("as a new notebook and opened it", exact=False)).to_be_visible()
        upload(ben, notebook)
        expect(ben.get_by_text("holding as many large notebooks as it can", exact=False)).to_be_visible()
        first.close()  # Ana leaves
        time.sleep(8)
        upload(ben, notebook)
        expect(ben.get_by_text("as a new notebook and opened it", exact=False)).to_be_visible(timeout=60_000)
        second.close()
    finally:
        server.stop()


def upload(page: Page, path: Path) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
