"""Persistence that never loses an edit: SQLAlchemy Core over SQLite (default) or PostgreSQL.

Each notebook is one JSON document. A save is one transaction that only succeeds when the stored
revision is still the one the notebook was loaded at, so two tabs cannot overwrite each other;
every revision is also written, compressed, to a history table so any edit can be undone.
Every call takes the owner, and every query filters on it: nobody reaches another's notebooks.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from career_core.models import Notebook, new_notebook_id, utc_now

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

# Pruning keeps at least this many recent revisions, and every revision younger than KEEP_DAYS;
# older ones are thinned to the last revision of each day, never removed outright.
KEEP_RECENT = 200
KEEP_DAYS = 30
PRUNE_EVERY = 50

metadata = sa.MetaData()

notebooks = sa.Table(
    "notebooks",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("owner", sa.String(320), nullable=False, index=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("document", sa.Text, nullable=False),
)

revisions = sa.Table(
    "notebook_revisions",
    metadata,
    sa.Column("notebook_id", sa.String(40), sa.ForeignKey("notebooks.id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("document", sa.LargeBinary, nullable=False),  # zlib-compressed JSON
)


class StoreError(Exception):
    """Base of the errors a page can explain to a person."""


class NotFoundError(StoreError):
    """No such notebook (or revision) for this owner."""


class ConflictError(StoreError):
    """The notebook was saved elsewhere since it was loaded; nothing was overwritten."""

    def __init__(self, notebook_id: str, loaded: int, stored: int) -> None:
        super().__init__(
            f"Notebook {notebook_id} changed elsewhere: you loaded revision {loaded}, "
            f"the stored one is revision {stored}."
        )
        self.loaded = loaded
        self.stored = stored


@dataclass(frozen=True, slots=True)
class NotebookSummary:
    id: str
    title: str
    revision: int
    updated_at: datetime
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    revision: int
    saved_at: datetime


def default_url(secrets: dict | None = None) -> str:
    """The environment wins, then `[waypoint] database_url` in secrets, then SQLite under data/."""
    if url := os.environ.get(ENV_VAR, "").strip():
        return url
    if secrets and (url := str(secrets.get("database_url", "")).strip()):
        return url
    return f"sqlite:///{DEFAULT_PATH}"


def _compress(text: str) -> bytes:
    return zlib.compress(text.encode(), 1)


def _decompress(blob: bytes) -> str:
    return zlib.decompress(blob).decode()


def _column_text(value: str) -> str:
    """Text for a plain column. PostgreSQL refuses NUL characters in text, SQLite does not; the
    JSON document keeps the exact text (escaped), the listing column drops the NUL."""
    return value.replace("\x00", "")


def _aware(value: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Store:
    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        self.url = url or default_url()
        self.engine = engine or _make_engine(self.url)
        metadata.create_all(self.engine)

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "sqlite":
                # Take the write lock up front so concurrent savers queue instead of failing
                # to upgrade a read lock half-way through.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            yield conn

    # --- notebooks ----------------------------------------------------------------------------

    def create(self, owner: str, title: str) -> Notebook:
        return self.add(owner, Notebook(title=title))

    def add(self, owner: str, notebook: Notebook) -> Notebook:
        """Store a notebook as a new one (import, duplicate, sample): fresh id, revision 1."""
        now = utc_now()
        fresh = notebook.model_copy(
            update={"id": new_notebook_id(), "revision": 1, "created_at": now, "updated_at": now}
        )
        document = fresh.to_json()
        with self._tx() as conn:
            conn.execute(
                notebooks.insert().values(
                    id=fresh.id,
                    owner=owner,
                    title=_column_text(fresh.title),
                    revision=1,
                    created_at=now,
                    updated_at=now,
                    deleted_at=None,
                    document=document,
                )
            )
            conn.execute(
                revisions.insert().values(
                    notebook_id=fresh.id, revision=1, saved_at=now, document=_compress(document)
                )
            )
        return fresh

    def list(self, owner: str, *, deleted: bool = False) -> list[NotebookSummary]:
        """The owner's notebooks, newest first; `deleted=True` lists the ones in the bin instead."""
        query = (
            sa.select(
                notebooks.c.id,
                notebooks.c.title,
                notebooks.c.revision,
                notebooks.c.updated_at,
                notebooks.c.deleted_at,
            )
            .where(notebooks.c.owner == owner)
            .where(notebooks.c.deleted_at.is_not(None) if deleted else notebooks.c.deleted_at.is_(None))
            .order_by(notebooks.c.updated_at.desc(), notebooks.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            NotebookSummary(r.id, r.title, r.revision, _aware(r.updated_at), r.deleted_at is not None)
            for r in rows
        ]

    def load(self, owner: str, notebook_id: str) -> Notebook:
        query = sa.select(notebooks.c.document).where(
            notebooks.c.id == notebook_id,
            notebooks.c.owner == owner,
            notebooks.c.deleted_at.is_(None),
        )
        with self.engine.connect() as conn:
            document = conn.execute(query).scalar_one_or_none()
        if document is None:
            raise NotFoundError(f"No notebook {notebook_id!r} here.")
        return Notebook.from_json(document)

    def revision_of(self, owner: str, notebook_id: str) -> int:
        """The stored revision, to tell cheaply whether another tab has saved since."""
        query = sa.select(notebooks.c.revision).where(
            notebooks.c.id == notebook_id, notebooks.c.owner == owner
        )
        with self.engine.connect() as conn:
            revision = conn.execute(query).scalar_one_or_none()
        if revision is None:
            raise NotFoundError(f"No notebook {notebook_id!r} here.")
        return revision

    def save(self, owner: str, notebook: Notebook) -> Notebook:
        """Write the notebook as revision + 1, or raise ConflictError and change nothing."""
        now = utc_now()
        saved = notebook.model_copy(update={"revision": notebook.revision + 1, "updated_at": now})
        document = saved.to_json()
        blob = _compress(document)
        with self._tx() as conn:
            result = conn.execute(
                notebooks.update()
                .where(
                    notebooks.c.id == notebook.id,
                    notebooks.c.owner == owner,
                    notebooks.c.revision == notebook.revision,
                    notebooks.c.deleted_at.is_(None),
                )
                .values(revision=saved.revision, title=_column_text(saved.title), updated_at=now, document=document)
            )
            if result.rowcount != 1:
                stored = conn.execute(
                    sa.select(notebooks.c.revision, notebooks.c.deleted_at).where(
                        notebooks.c.id == notebook.id, notebooks.c.owner == owner
                    )
                ).first()
                if stored is None or stored.deleted_at is not None:
                    raise NotFoundError(f"No notebook {notebook.id!r} here.")
                raise ConflictError(notebook.id, notebook.revision, stored.revision)
            conn.execute(
                revisions.insert().values(
                    notebook_id=notebook.id, revision=saved.revision, saved_at=now, document=blob
                )
            )
            if saved.revision % PRUNE_EVERY == 0:
                self._prune(conn, notebook.id, saved.revision, now)
        return saved

    def delete(self, owner: str, notebook_id: str) -> None:
        """Move to the bin: hidden from lists and loads, kept whole for `undelete`."""
        self._set_deleted(owner, notebook_id, utc_now())

    def undelete(self, owner: str, notebook_id: str) -> None:
        self._set_deleted(owner, notebook_id, None)

    def _set_deleted(self, owner: str, notebook_id: str, when: datetime | None) -> None:
        with self._tx() as conn:
            result = conn.execute(
                notebooks.update()
                .where(notebooks.c.id == notebook_id, notebooks.c.owner == owner)
                .values(deleted_at=when)
            )
            if result.rowcount != 1:
                raise NotFoundError(f"No notebook {notebook_id!r} here.")

    # --- history ------------------------------------------------------------------------------

    def history(self, owner: str, notebook_id: str) -> list[RevisionInfo]:
        """Earlier revisions (not the current one), newest first."""
        current = self.revision_of(owner, notebook_id)
        query = (
            sa.select(revisions.c.revision, revisions.c.saved_at)
            .join(notebooks, notebooks.c.id == revisions.c.notebook_id)
            .where(
                revisions.c.notebook_id == notebook_id,
                notebooks.c.owner == owner,
                revisions.c.revision < current,
            )
            .order_by(revisions.c.revision.desc())
        )
        with self.engine.connect() as conn:
            return [RevisionInfo(r.revision, _aware(r.saved_at)) for r in conn.execute(query)]

    def load_revision(self, owner: str, notebook_id: str, revision: int) -> Notebook:
        """An earlier revision as it was saved. To restore it, save it over the current one."""
        query = (
            sa.select(revisions.c.document)
            .join(notebooks, notebooks.c.id == revisions.c.notebook_id)
            .where(
                revisions.c.notebook_id == notebook_id,
                notebooks.c.owner == owner,
                revisions.c.revision == revision,
            )
        )
        with self.engine.connect() as conn:
            blob = conn.execute(query).scalar_one_or_none()
        if blob is None:
            raise NotFoundError(f"No revision {revision} of notebook {notebook_id!r} here.")
        return Notebook.from_json(_decompress(blob))

    def restore(self, owner: str, notebook_id: str, revision: int) -> Notebook:
        """Make an earlier revision current again, as a new save: the undo is itself undoable."""
        old = self.load_revision(owner, notebook_id, revision)
        current = self.revision_of(owner, notebook_id)
        return self.save(owner, old.model_copy(update={"revision": current}))

    def _prune(self, conn: Connection, notebook_id: str, current: int, now: datetime) -> None:
        cutoff = now - timedelta(days=KEEP_DAYS)
        old = conn.execute(
            sa.select(revisions.c.revision, revisions.c.saved_at)
            .where(
                revisions.c.notebook_id == notebook_id,
                revisions.c.revision <= current - KEEP_RECENT,
                revisions.c.saved_at < cutoff,
            )
            .order_by(revisions.c.revision)
        ).all()
        last_of_day: dict[object, int] = {}
        for r in old:
            last_of_day[_aware(r.saved_at).date()] = r.revision
        doomed = [r.revision for r in old if r.revision not in set(last_of_day.values())]
        if doomed:
            conn.execute(
                revisions.delete().where(
                    revisions.c.notebook_id == notebook_id, revisions.c.revision.in_(doomed)
                )
            )


def _make_engine(url: str) -> Engine:
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
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
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
