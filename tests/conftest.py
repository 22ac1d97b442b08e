"""Shared fixtures: every test gets its own database, never the person's real one, and never
reads the person's real `.streamlit/secrets.toml`."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from career_core.database import ENV_VAR
from career_core.store import Store

ROOT = Path(__file__).resolve().parent.parent

# The app's self-checks, on for every test, in-process or in a test server: every chart drawn checks
# each property as Plotly's graph objects do (waypoint_ui.charts.CHECKED), and every document the
# store writes is compared with the notebook's own JSON, as a run of frozen entries changed in place
# would otherwise be saved stale (career_core.document_runs.CHECK). The app skips both for speed.
SELF_CHECKS = {"WAYPOINT_CHECK_CHARTS": "1", "WAYPOINT_CHECK_DOCUMENTS": "1"}


def pytest_configure(config: pytest.Config) -> None:
    """Turn the self-checks on for a test run, before any test imports the app: in a hook, not
    when this module is imported, so that a benchmark using its helpers times the app as served."""
    os.environ.update(SELF_CHECKS)

# The databases the store's tests run against. `make test` runs both; set
# WAYPOINT_TEST_DATABASES=sqlite to skip PostgreSQL on a machine without it.
DATABASES = [d.strip() for d in os.environ.get("WAYPOINT_TEST_DATABASES", "sqlite,postgresql").split(",") if d.strip()]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'waypoint.db'}"


@pytest.fixture(scope="session")
def postgres() -> Iterator[object]:
    """One PostgreSQL server for the whole test session, started on first use, stopped at the end."""
    from tests import postgres as pg

    try:
        server = pg.start()
    except pg.PostgresUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture(params=DATABASES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Every database the store supports; the store's tests run against each."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'waypoint.db'}"
        return
    server = request.getfixturevalue("postgres")
    url = server.create_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store(store_url)
    yield s
    s.engine.dispose()


@pytest.fixture
def app_db(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> str:
    """Point the app at a fresh database for an AppTest run."""
    monkeypatch.setenv(ENV_VAR, sqlite_url)
    return sqlite_url


# --- secrets ------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def secrets_file(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Point Streamlit's secrets at a file of the test's own (none by default).

    Call the fixture with TOML text to write it. Both `st.secrets` and Streamlit's sign-in
    (`st.login`, `st.user`) read this file, as they would read `.streamlit/secrets.toml`.
    """
    from streamlit import config
    from streamlit.runtime.secrets import secrets_singleton

    path = tmp_path / "secrets" / "secrets.toml"
    before = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(path)])
    secrets_singleton._reset()

    def write(text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        secrets_singleton._reset()  # Streamlit caches the parsed file
        return path

    yield write
    config.set_option("secrets.files", before)
    secrets_singleton._reset()


@pytest.fixture(autouse=True)
def _restore_main_module() -> Iterator[None]:
    """AppTest runs each script as `__main__` and leaves it there; a later test that starts
    processes with multiprocessing's "spawn" would make every child re-run that script."""
    import sys

    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main
