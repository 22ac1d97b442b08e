"""A real server's cold start and memory: the time from `streamlit run` to the first Home drawn in
Chromium, and the server's resident memory after that and with many sessions open (half on Home,
half on Progress), each a separate browser context on the sample notebook."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from career_core.sample import load_sample
from career_core.store import Store
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, Server, wait_for_app


@dataclass(frozen=True, slots=True)
class ServerFigures:
    cold_start: float  # seconds from `streamlit run` to the first Home drawn
    rss_started: float  # MB, the server with that one session
    rss_sessions: float  # MB, with `sessions` sessions open
    sessions: int

    def line(self) -> str:
        return (f"server: first Home drawn {self.cold_start:.1f} s after `streamlit run`; RSS {self.rss_started:.0f} MB "
                f"after it, {self.rss_sessions:.0f} MB with {self.sessions} sessions open (half Home, half Progress)")


def rss_mb(server: Server) -> float:
    for line in Path(f"/proc/{server.proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS for the server")


def _open(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=heading).first).to_be_visible(timeout=120_000)
    wait_for_app(page)


def measure_server(sessions: int = 20) -> ServerFigures:
    nb = load_sample(date.today())
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as p:
        tmp = Path(tmp_name)
        Store(f"sqlite:///{tmp / 'waypoint.db'}").add("local", nb)  # the file Server gives the app
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        began = time.perf_counter()
        server = Server(tmp)
        try:
            first = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            _open(first, server.url, nb.title)
            cold = time.perf_counter() - began
            time.sleep(1)
            started = rss_mb(server)
            for i in range(1, sessions):
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                if i % 2:
                    _open(page, f"{server.url}/progress", "Progress")
                else:
                    _open(page, server.url, nb.title)
            time.sleep(2)
            return ServerFigures(cold, started, rss_mb(server), sessions)
        finally:
            browser.close()
            server.stop()
