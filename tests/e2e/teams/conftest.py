"""A team's deployment for each test: a fresh database on the test session's PostgreSQL, and
providers and servers the test asks for, all stopped at the end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.teams.team import Team


@pytest.fixture
def team(postgres, tmp_path: Path) -> Iterator[Team]:
    url = postgres.create_database()
    t = Team(tmp_path, url)
    try:
        yield t
    finally:
        t.close()
        postgres.drop_database(url)


@pytest.fixture
def new_page(browser: Browser) -> Iterator:
    """Open a fresh browser (its own cookies) as often as the test needs one."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for c in contexts:
        c.close()
