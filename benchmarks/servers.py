"""Browser sessions per Waypoint server, and the PostgreSQL connections each server uses with the
pool settings of career_core.store, measured with real sessions in Chromium.

    python benchmarks/servers.py [--servers 2] [--sessions 1,5,10,20] [--bursts 3]

Starts what the sign-in tests start: a throw-away PostgreSQL server, the test OpenID Connect
provider, and SERVERS Waypoint servers in accounts mode on the one database (each server's
connections carry `application_name=waypoint-N`, so PostgreSQL tells them apart). Sessions are
opened round robin over the servers: each is a different person who signs in through the
provider and opens the sample notebook. At each checkpoint (sessions per server) it prints, for
each server:
- PostgreSQL connections: the most open at once (and the most running a query at once) while
  every session clicks to another page at the same moment, and how many stay open afterwards;
- the server process's memory (resident set) and what each session since the last checkpoint added;
- the server's CPU time per page run (a session clicking to another page), which says how many
  people one core keeps up with;
- how long a burst takes until every session's page has finished, the worst of BURSTS bursts
  (on a shared machine this includes Chromium drawing every page).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from career_core.database import MAX_OVERFLOW, POOL_SIZE  # noqa: E402
from tests import postgres  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, Server, wait_for_app  # noqa: E402
from tests.e2e.teams.team import Team, sign_in  # noqa: E402
from tests.oidc_server import Account  # noqa: E402

SAMPLE_TITLE = "Sample: Jo's road to division lead"


def cpu_seconds(server: Server) -> float:
    """CPU time the server process has used so far (all its threads)."""
    fields = Path(f"/proc/{server.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(server: Server) -> float:
    for line in Path(f"/proc/{server.proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Connections:
    """Samples pg_stat_activity every few milliseconds: per application, the most connections
    open at once and the most running a query at once."""

    QUERY = ("SELECT application_name, count(*), count(*) FILTER (WHERE state = 'active') "
             "FROM pg_stat_activity WHERE datname = %s AND application_name LIKE 'waypoint-%%' GROUP BY 1")

    def __init__(self, url: str, database: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True)
        self.database = database

    def now(self) -> dict[str, tuple[int, int]]:
        return {name: (total, active) for name, total, active in self.conn.execute(self.QUERY, (self.database,))}

    def peak_during(self, work: Callable[[], float]) -> tuple[float, dict[str, tuple[int, int]]]:
        """Run `work`, sampling meanwhile; its result and the peaks."""
        peak: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                for name, (total, active) in self.now().items():
                    peak[name][0] = max(peak[name][0], total)
                    peak[name][1] = max(peak[name][1], active)
                time.sleep(0.005)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            result = work()
        finally:
            done.set()
            sampler.join()
        return result, {name: (p[0], p[1]) for name, p in peak.items()}


def open_session(page: Page, server: Server, who: Account) -> None:
    page.goto(server.url)
    sign_in(page, who)
    page.get_by_role("button", name="Open the sample notebook").click()
    expect(page.get_by_role("heading", name=SAMPLE_TITLE)).to_be_visible(timeout=60_000)


def burst(pages: list[Page], to: str) -> float:
    """Every session clicks to page `to` at once; seconds until the last one has finished."""
    start = time.perf_counter()
    for page in pages:
        page.get_by_test_id("stSidebar").get_by_role("link", name=to).click(no_wait_after=True)
    for page in pages:
        if to == "Reflect":
            expect(page.get_by_role("tab", name="Vision")).to_be_visible(timeout=120_000)
        else:
            expect(page.get_by_role("heading", name=SAMPLE_TITLE)).to_be_visible(timeout=120_000)
        wait_for_app(page)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--sessions", default="1,5,10,20", help="checkpoints: sessions per server")
    parser.add_argument("--bursts", type=int, default=3)
    args = parser.parse_args()
    checkpoints = sorted({int(n) for n in args.sessions.split(",")})
    people = tuple(Account(f"bench-{i:03d}", f"person{i:03d}@team.example", True, f"Person {i}", f"pw-{i}")
                   for i in range(checkpoints[-1] * args.servers))

    print(f"Pool per server (career_core.database): pool_size={POOL_SIZE}, max_overflow={MAX_OVERFLOW} "
          f"(at most {POOL_SIZE + MAX_OVERFLOW} connections)")
    print(f"{args.servers} servers in accounts mode on one PostgreSQL; sessions opened round robin; "
          f"{args.bursts} bursts per checkpoint (every session clicks at once)\n")
    pg = postgres.LocalServer()
    url = pg.create_database()
    database = postgres.database_name(url)
    team = Team(Path(tempfile.mkdtemp(prefix="wp-bench-")), url)
    try:
        ports = [free_port() for _ in range(args.servers)]
        registration = team.provider([f"http://localhost:{p}/oauth2callback" for p in ports], accounts=people)
        servers = [team.server(p, [registration], database_url=f"{url}&application_name=waypoint-{i + 1}")
                   for i, p in enumerate(ports)]
        connections = Connections(url, database)
        before, opened = [0.0] * len(servers), 0
        print(f"{'sessions/server':>15} {'server':>7} {'PG conns peak':>14} {'running at once':>16} "
              f"{'open after':>11} {'RSS MB':>8} {'MB per added session':>21} {'CPU ms per page run':>20} "
              f"{'burst s (worst)':>16}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            pages: list[list[Page]] = [[] for _ in servers]
            for per_server in checkpoints:
                while len(pages[-1]) < per_server:
                    for i, server in enumerate(servers):
                        context = browser.new_context(viewport={"width": 1280, "height": 900})
                        page = context.new_page()
                        open_session(page, server, people[sum(map(len, pages))])
                        pages[i].append(page)
                everyone = [page for group in pages for page in group]
                worst, peaks = 0.0, defaultdict(lambda: (0, 0))
                cpu_before = [cpu_seconds(s) for s in servers]
                for n in range(args.bursts):
                    to = "Reflect" if n % 2 == 0 else "Home"
                    took, peak = connections.peak_during(partial(burst, everyone, to))
                    for name, (total, active) in peak.items():
                        peaks[name] = (max(peaks[name][0], total), max(peaks[name][1], active))
                    worst = max(worst, took)
                cpu_per_run = [(cpu_seconds(s) - c) / (args.bursts * per_server) for s, c in zip(servers, cpu_before, strict=True)]
                time.sleep(1)
                after = connections.now()
                for i, server in enumerate(servers):
                    name = f"waypoint-{i + 1}"
                    rss = rss_mb(server)
                    # the first session also loads the app's libraries; later ones show what a session costs
                    added = f"{(rss - before[i]) / (per_server - opened):.1f}" if opened else "(first)"
                    before[i] = rss
                    print(f"{per_server:>15} {i + 1:>7} {peaks[name][0]:>14} {peaks[name][1]:>16} "
                          f"{after.get(name, (0, 0))[0]:>11} {rss:>8.0f} {added:>21} {cpu_per_run[i] * 1000:>20.0f} "
                          f"{worst:>16.2f}")
                opened = per_server
            browser.close()
        connections.conn.close()
    finally:
        team.close()
        pg.drop_database(url)
        pg.stop()


if __name__ == "__main__":
    main()
