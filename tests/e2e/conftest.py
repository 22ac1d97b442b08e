"""Browser tests: the real app served by Streamlit on a free port, driven in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from career_core.database import ENV_VAR
from career_core.store import Store
from tests.conftest import ROOT, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


class Server:
    def __init__(self, tmp: Path, secrets: str | None = None, *, database_url: str | None = None,
                 host: str = "127.0.0.1", port: int | None = None) -> None:
        """`secrets`: the text of the server's `.streamlit/secrets.toml` (none by default: local
        mode); the person's own secrets file is never read. `database_url`: the database the
        secrets name (accounts mode); without it the server gets a SQLite file of its own through
        the environment. `host`: the name the browser uses, which sign-in needs to match the
        `redirect_uri` (the server always listens on 127.0.0.1)."""
        self.port = port or free_port()
        self.url = f"http://{host}:{self.port}"
        self.database_url = database_url or f"sqlite:///{tmp / 'waypoint.db'}"
        self.log = tmp / "streamlit.log"
        secrets_path = tmp / ".streamlit" / "secrets.toml"
        if secrets is not None:
            secrets_path.parent.mkdir(parents=True, exist_ok=True)
            secrets_path.write_text(secrets)
        env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
        env["PYTHONPATH"] = str(ROOT)
        if database_url is None:
            env[ENV_VAR] = self.database_url
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--secrets.files", str(secrets_path)],
            cwd=ROOT, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"streamlit did not start:\n{self.log.read_text()}")

    def store(self) -> Store:
        return Store(self.database_url)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    s = Server(tmp_path)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail("Browser tests need Debian's chromium at /usr/bin/chromium (make test installs it as root).")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, server: Server, tmp_path: Path) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=20_000,
    )


def open_tab(page: Page, name: str, shows: Locator | None = None) -> None:
    """Open the tab `name` of a page's st.tabs and wait until the page shows it (and `shows`, an
    element of the tab, when given). Streamlit can draw a page over a tab clicked while that page
    is still being drawn (seen on a busy machine, on main as well): the click then did not count,
    and is made again."""
    tab = page.get_by_role("tab", name=name)
    for _ in range(3):
        if tab.get_attribute("aria-selected") != "true":
            tab.click()
        wait_for_app(page)
        # The browser marks the tab at once; a run the server was still making when it was
        # clicked can then draw the page over with the tab it knew. Wait out such a run.
        page.wait_for_timeout(400)
        wait_for_app(page)
        if tab.get_attribute("aria-selected") == "true" and (shows is None or shows.count()):
            return
    expect(tab).to_have_attribute("aria-selected", "true")
    if shows is not None:
        expect(shows).to_be_visible()


def click_until(page: Page, name: str, done: Callable[[], None], tries: int = 3) -> None:
    """Click the button `name` until `done()` (an `expect` with a short timeout) holds. As with
    `open_tab`, a click made while the page is still being drawn can be drawn over on a busy
    machine and not count; then it is made again, never once the button is gone."""
    for _ in range(tries):
        button = drawn(page).get_by_role("button", name=name)
        if button.count():
            button.first.click()
        wait_for_app(page)
        try:
            done()
            return
        except AssertionError:
            continue
    done()


def drawn(page: Page) -> Locator:
    """What the page shows now: elements of the finished run. While a run is on its way, Streamlit
    keeps the previous run's elements (marked stale), so a widget started afresh under a new key
    can be there twice for a moment: the old one and the new one."""
    return page.locator("[data-testid='stElementContainer'][data-stale='false']")
