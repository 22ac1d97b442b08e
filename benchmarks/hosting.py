"""What the hosting modes and the coach session cost, on this machine, in one run.

    python benchmarks/hosting.py [--repeat N] [--no-postgres]

Prints medians (and 90th percentiles) of:
- the store on SQLite and on PostgreSQL (a throw-away local server, as the tests start it):
  save, load and list of the five-year notebook;
- the memory a private session's in-memory database takes after opening the five-year
  notebook and saving it many times (every save keeps a compressed revision);
- what every rerun pays for the hosting mode: reading and checking the settings, and working
  out the owner from a signed-in identity;
- "what changed since" for the five-year notebook over windows from a month to five years;
- the Coach session page in AppTest with the five-year notebook: first run and a rerun.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import Timing, timed  # noqa: E402
from career_core import config  # noqa: E402
from career_core.coaching import since_last_session  # noqa: E402
from career_core.database import ENV_VAR  # noqa: E402
from career_core.identity import identity  # noqa: E402
from career_core.store import Store  # noqa: E402
from tests.synthetic import five_year_notebook  # noqa: E402

TODAY = date.today()


def line(label: str, t: Timing) -> None:
    print(f"  {label:<44} {t.median * 1000:9.2f} ms  (p90 {t.p90 * 1000:.2f})")


def store_figures(name: str, url: str, repeat: int) -> None:
    s = Store(url)
    nb = s.add("bench", five_year_notebook(seed=0, today=TODAY))
    state = {"nb": nb}

    def save() -> None:
        state["nb"] = s.save("bench", state["nb"])

    print(f"\nStore on {name}, five-year notebook")
    line("save", timed(save, repeat))
    line("load", timed(lambda: s.load("bench", nb.id), repeat))
    line("list (one owner, 1 notebook)", timed(lambda: s.list("bench"), repeat))
    s.engine.dispose()


def private_memory(saves: int) -> None:
    s = Store("sqlite://")
    nb = s.add("private", five_year_notebook(seed=0, today=TODAY))
    for i in range(saves):
        nb.vision.statement = f"edit {i}"
        nb = s.save("private", nb)
    with s.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        size = conn.exec_driver_sql("PRAGMA page_size").scalar()
    print(f"\nPrivate session: in-memory database after {saves} saves of the five-year notebook")
    print(f"  {'size':<44} {pages * size / 2**20:9.2f} MB")


def per_rerun(repeat: int) -> None:
    secrets = {
        "waypoint": {"mode": "accounts", "database_url": "postgresql://u:p@db.example.com/w?sslmode=require"},
        "auth": {"redirect_uri": "https://w.example.com/oauth2callback", "cookie_secret": "c" * 40,
                 "client_id": "i", "client_secret": "s",
                 "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"},
    }
    user = {"is_logged_in": True, "iss": "https://accounts.google.com", "sub": "1234567890", "email": "a@example.com"}
    print("\nEvery rerun")
    line("read and check the settings (accounts mode)", timed(lambda: config.read(secrets, {}, "sqlite://"), repeat * 20))
    line("owner from the signed-in identity", timed(lambda: identity(user), repeat * 20))


def coaching(repeat: int) -> None:
    nb = five_year_notebook(seed=0, today=TODAY)
    print("\nWhat changed since, five-year notebook")
    for days in (None, 90, 365, 5 * 365):
        since = None if days is None else TODAY - timedelta(days=days)
        label = "since the last session" if days is None else f"since {days} days ago"
        line(label, timed(lambda since=since: since_last_session(nb, TODAY, since), repeat))


def session_page(repeat: int) -> None:
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/w.db"
        os.environ[ENV_VAR] = url
        big = Store(url).add("local", five_year_notebook(seed=0, today=TODAY))
        first, again = [], []
        for _ in range(max(1, repeat // 4)):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.query_params["nb"] = big.id
            at.run()
            start = time.perf_counter()
            at.switch_page("app_pages/coach.py").run()
            first.append(time.perf_counter() - start)
            start = time.perf_counter()
            at.run()
            again.append(time.perf_counter() - start)
            assert not at.exception, at.exception
        print("\nCoach session page in AppTest, five-year notebook")
        line("first run (computes, fills the cache)", Timing(statistics.median(first), max(first), max(first)))
        line("rerun (cached)", Timing(statistics.median(again), max(again), max(again)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store_figures("SQLite (file, WAL)", f"sqlite:///{tmp}/bench.db", args.repeat)
    if not args.no_postgres:
        from tests import postgres

        server = postgres.start()
        try:
            store_figures("PostgreSQL (local, unix socket)", server.create_database(), args.repeat)
        finally:
            server.stop()
    private_memory(saves=100)
    per_rerun(args.repeat)
    coaching(args.repeat)
    session_page(args.repeat)


if __name__ == "__main__":
    main()
