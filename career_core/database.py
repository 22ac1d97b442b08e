"""Where the database is and how Waypoint connects to it (SQLite by default, or PostgreSQL).

The store (career_core.store) keeps notebooks in it; this module only names the database and
opens it with the settings a page run needs: a timeout instead of a hanging page, a bounded pool
of connections per app server, and SQLite's write-ahead log.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "waypoint.db"
ENV_VAR = "WAYPOINT_DATABASE_URL"

# PostgreSQL: give up on a server that does not answer instead of hanging the page (seconds;
# a `connect_timeout` in the URL wins).
CONNECT_TIMEOUT = 10

# PostgreSQL connections per app server: up to POOL_SIZE stay open between page runs, up to
# MAX_OVERFLOW more open during a burst and close after it, so one server never holds more than the
# sum. Measured by benchmarks/servers.py; the README's "More than one server" gives the figures.
POOL_SIZE = 5
MAX_OVERFLOW = 5


def default_url(secrets: dict | None = None) -> str:
    """The environment wins, then `[waypoint] database_url` in secrets, then SQLite under data/."""
    if url := os.environ.get(ENV_VAR, "").strip():
        return url
    if secrets and (url := str(secrets.get("database_url", "")).strip()):
        return url
    return f"sqlite:///{DEFAULT_PATH}"


def sqlite_folder(url: str) -> Path | None:
    """The folder a SQLite database file goes in, made on first start so that nothing needs
    setting up; None in memory, or for a URI filename (`sqlite:///file:…?uri=true`, SQLite's own
    syntax, for a database set up by hand, e.g. read-only): its text is no path to make."""
    parsed = sa.make_url(url)
    database = parsed.database or ""
    if not database or database == ":memory:" or parsed.query.get("uri") == "true" or database.startswith("file:"):
        return None
    return Path(database).parent


def make_engine(url: str) -> Engine:
    """An engine for `url`: PostgreSQL with a bounded pool and a connect timeout; SQLite in WAL
    mode with its folder made, or shared in memory for a private session."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    if not url.startswith("sqlite"):
        parsed = sa.make_url(url)
        waits = parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query
        connect_args = {"connect_timeout": CONNECT_TIMEOUT} if waits else {}
        return sa.create_engine(parsed, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW,
                                connect_args=connect_args)
    database = sa.make_url(url).database or ""
    if database and database != ":memory:":
        if (folder := sqlite_folder(url)) is not None:
            folder.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
    else:
        # In memory (private sessions): one connection shared by every thread, or each thread
        # and each pooled connection would see its own empty database.
        engine = sa.create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
        # The driver's own implicit BEGIN is off: _tx issues BEGIN IMMEDIATE itself, and plain
        # reads run one statement at a time, which WAL keeps consistent and off writers' backs.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine
