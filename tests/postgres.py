"""A throw-away PostgreSQL server for the test session, from Debian's `postgresql` package.

initdb and pg_ctl make a cluster in a temporary folder that listens only on a unix socket in
that folder (no TCP port, so parallel test runs on one machine never collide), with fsync off
because nothing in it needs to survive. Each test gets its own database. initdb refuses to run
as root, so as root the cluster belongs to the `postgres` system user; connections use trust
authentication over the private socket.

`WAYPOINT_TEST_POSTGRES_URL` (a server someone else runs, e.g. a CI service) skips all this.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

EXTERNAL = "WAYPOINT_TEST_POSTGRES_URL"
SUPERUSER = "waypoint"


class PostgresUnavailable(RuntimeError):
    pass


def find_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise PostgresUnavailable(
            "The store's PostgreSQL tests need Debian's postgresql package (initdb, pg_ctl): "
            "`make test` installs it as root, or run `sudo apt-get install postgresql`. "
            "To run only the SQLite half, set WAYPOINT_TEST_DATABASES=sqlite."
        )
    return Path(found[-1]).parent


class LocalServer:
    """initdb + pg_ctl in a temporary folder; `url(db)` connects through its unix socket."""

    def __init__(self) -> None:
        self.bin = find_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="wp-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, user="postgres", group="postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--no-locale", "--no-sync", "--no-instructions")
        options = f"-k {self.dir} -c listen_addresses= -F -c full_page_writes=off -c max_connections=60"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "30", "start")
        self._admin = psycopg.connect(host=str(self.dir), user=SUPERUSER, dbname="postgres", autocommit=True)

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self.as_user, str(self.bin / tool), *args], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise PostgresUnavailable(f"{tool} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n{log}")

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        self._admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return f"postgresql://{SUPERUSER}@/{name}?host={self.dir}"

    def drop_database(self, url: str) -> None:
        self._admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database_name(url))))

    def stop(self) -> None:
        try:
            self._admin.close()
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class ExternalServer:
    """A server given by URL: each test gets a fresh database on it all the same."""

    def __init__(self, url: str) -> None:
        self.base = url
        self._admin = psycopg.connect(url, autocommit=True)

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        self._admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        head, _, tail = self.base.partition("?")
        return head.rsplit("/", 1)[0] + f"/{name}" + (f"?{tail}" if tail else "")

    def drop_database(self, url: str) -> None:
        self._admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database_name(url))))

    def stop(self) -> None:
        self._admin.close()


def database_name(url: str) -> str:
    """The database a URL names (its host may be a socket folder, full of slashes itself)."""
    return make_url(url).database or ""


def start() -> LocalServer | ExternalServer:
    if url := os.environ.get(EXTERNAL, "").strip():
        return ExternalServer(url)
    return LocalServer()
