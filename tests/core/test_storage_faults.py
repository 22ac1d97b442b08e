"""Storage faults named as what they are: each case makes the real fault (SQLite in a temporary
folder, a PostgreSQL address nobody answers, a server that never speaks), catches what the store
raised, and checks the kind and that the message says what to do without the exception's text."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from career_core.storage_faults import Fault, classify, diagnose
from career_core.store import Store
from tests.conftest import DATABASES
from tests.synthetic import five_year_notebook

NOBODY = 65534


def raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - the point is to catch whatever the store raises
        return exc
    pytest.fail("the fault did not happen")


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder anyone may enter (tmp_path's parents are private to root), removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="wp-faults-"))
    path.chmod(0o755)
    yield path
    for p in [path, *path.rglob("*")]:
        p.chmod(0o755) if p.is_dir() else None
    shutil.rmtree(path, ignore_errors=True)


def unprivileged(action: Callable[[], str]) -> str:
    """Run `action` as an ordinary user: root may write to read-only files and folders, so as
    root it runs in a child process that gives root up first; its answer comes back on a pipe."""
    if os.geteuid() != 0:
        return action()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.write(write, action().encode())
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as answer:
        result = answer.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged check failed"
    return result


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def fault_of(action: Callable[[], object]) -> str:
    return classify(raised(action)).value


# --- SQLite, as an ordinary user would meet it ------------------------------------------------


def read_only_file(folder: Path) -> str:
    db = folder / "waypoint.db"
    nb = Store(sqlite_url(db)).create("me", "Mine")
    db.chmod(0o444)
    for extra in folder.glob("waypoint.db-*"):
        extra.unlink()
    return unprivileged(lambda: fault_of(lambda: Store(sqlite_url(db)).save("me", nb)))


def read_only_file_opened_read_only(folder: Path) -> str:
    """The same fault on any account: SQLite opened read-only (`mode=ro`), then a save."""
    db = folder / "waypoint.db"
    store = Store(sqlite_url(db))
    nb = store.create("me", "Mine")
    store.engine.dispose()
    engine = sa.create_engine(f"sqlite:///file:{db}?mode=ro&uri=true")
    return fault_of(lambda: Store(engine=engine).save("me", nb))


def read_only_folder(folder: Path) -> str:
    place = folder / "data"
    place.mkdir()
    place.chmod(0o555)
    return unprivileged(lambda: fault_of(lambda: Store(sqlite_url(place / "waypoint.db"))))


def missing_folder_that_cannot_be_made(folder: Path) -> str:
    place = folder / "locked"
    place.mkdir()
    place.chmod(0o555)
    return unprivileged(lambda: fault_of(lambda: Store(sqlite_url(place / "new" / "waypoint.db"))))


def file_where_the_folder_should_be(folder: Path) -> str:
    (folder / "data").write_text("not a folder")
    return fault_of(lambda: Store(sqlite_url(folder / "data" / "waypoint.db")))


def full_disk(folder: Path) -> str:
    """SQLite's own "database or disk is full": the file may not grow by a single page."""
    db = folder / "waypoint.db"
    store = Store(sqlite_url(db))
    nb = store.create("me", "Mine")
    pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    store.engine.dispose()

    @sa.event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    big = five_year_notebook(0).model_copy(update={"id": nb.id, "revision": nb.revision})
    return fault_of(lambda: store.save("me", big))


def locked_by_another_program(folder: Path) -> str:
    db = folder / "waypoint.db"
    nb = Store(sqlite_url(db)).create("me", "Mine")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        impatient = sa.create_engine(sqlite_url(db), connect_args={"timeout": 0.1})
        return fault_of(lambda: Store(engine=impatient).save("me", nb))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def not_a_database(folder: Path) -> str:
    (folder / "waypoint.db").write_bytes(b"this is a spreadsheet, not a database" * 200)
    return fault_of(lambda: Store(sqlite_url(folder / "waypoint.db")))


SQLITE_CASES = [
    (read_only_file, Fault.READ_ONLY),
    (read_only_file_opened_read_only, Fault.READ_ONLY),
    (read_only_folder, Fault.NO_FOLDER),
    (missing_folder_that_cannot_be_made, Fault.NO_FOLDER),
    (file_where_the_folder_should_be, Fault.NO_FOLDER),
    (full_disk, Fault.DISK_FULL),
    (locked_by_another_program, Fault.BUSY),
    (not_a_database, Fault.UNKNOWN),
]


# --- PostgreSQL: addresses nobody answers, a server that never speaks, a read-only server -------


def refused_port(_: Path) -> str:
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return fault_of(lambda: Store(f"postgresql://waypoint@127.0.0.1:{port}/waypoint"))


def missing_socket(folder: Path) -> str:
    return fault_of(lambda: Store(f"postgresql://waypoint@/waypoint?host={folder}"))


def unknown_host(_: Path) -> str:
    return fault_of(lambda: Store("postgresql://waypoint@no-such-host.invalid/waypoint"))


def server_that_never_answers(_: Path) -> str:
    """Connected, then silence until the timeout: what a sleeping hosted database looks like."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        return fault_of(lambda: Store(f"postgresql://waypoint@127.0.0.1:{port}/waypoint?connect_timeout=1"))


POSTGRES_CASES = [
    (refused_port, Fault.UNREACHABLE),
    (missing_socket, Fault.UNREACHABLE),
    (unknown_host, Fault.UNREACHABLE),
    (server_that_never_answers, Fault.WAKING),
]

CASES = SQLITE_CASES + POSTGRES_CASES


@pytest.mark.parametrize(("make", "fault"), CASES, ids=[m.__name__ for m, _ in CASES])
def test_real_storage_faults_are_named(folder: Path, make: Callable[[Path], str], fault: Fault) -> None:
    assert make(folder) == fault.value


@pytest.mark.skipif("postgresql" not in DATABASES, reason="PostgreSQL tests are switched off")
def test_a_read_only_postgresql_server_is_named(postgres) -> None:
    url = postgres.create_database()
    try:
        nb = Store(url).create("me", "Mine")
        read_only = Store(f"{url}&options=-c%20default_transaction_read_only%3Don")
        assert fault_of(lambda: read_only.save("me", nb)) == Fault.READ_ONLY.value
        read_only.engine.dispose()
    finally:
        postgres.drop_database(url)


# Faults no test can cause here (a full disk on a database server, a server starting up), made
# from the driver's own error classes as SQLAlchemy wraps them; and anything else.
CONSTRUCTED = [
    (sa.exc.OperationalError("INSERT", {}, psycopg.errors.DiskFull("could not extend file")), Fault.DISK_FULL),
    (sa.exc.OperationalError("SELECT", {}, psycopg.errors.CannotConnectNow("starting up")), Fault.WAKING),
    (sa.exc.OperationalError("SELECT", {}, psycopg.errors.TooManyConnections("too many")), Fault.BUSY),
    (OSError(28, "No space left on device"), Fault.DISK_FULL),
    (OSError(30, "Read-only file system"), Fault.READ_ONLY),
    (sa.exc.OperationalError("SELECT", {}, Exception("odd")), Fault.UNKNOWN),
    (ValueError("something else entirely"), Fault.UNKNOWN),
]


@pytest.mark.parametrize(("exc", "fault"), CONSTRUCTED, ids=[f.value + "-" + type(e).__name__ for e, f in CONSTRUCTED])
def test_faults_read_from_the_drivers_error_classes(exc: BaseException, fault: Fault) -> None:
    assert classify(exc) is fault


def test_a_cause_further_down_the_chain_is_found() -> None:
    try:
        try:
            raise OSError(28, "No space left on device")
        except OSError as inner:
            raise RuntimeError("saving failed") from inner
    except RuntimeError as outer:
        assert classify(outer) is Fault.DISK_FULL


# --- the messages ------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", list(Fault))
def test_every_fault_has_a_calm_message_and_something_to_do(fault: Fault) -> None:
    diagnosis = diagnose(_example(fault), where="data/waypoint.db")
    assert diagnosis.fault is fault
    assert "(data/waypoint.db)" in diagnosis.message
    assert diagnosis.fix and diagnosis.fix.endswith(".")
    assert "{" not in diagnosis.message + diagnosis.fix


def test_the_message_never_repeats_the_exception_text(folder: Path) -> None:
    (folder / "data").write_text("a file where the folder should be")
    exc = raised(lambda: Store(sqlite_url(folder / "data" / "waypoint.db")))
    assert str(folder) in str(exc)  # the exception names the path ...
    diagnosis = diagnose(exc)
    assert str(folder) not in diagnosis.message + diagnosis.fix  # ... the message does not
    assert "database (" not in diagnosis.message  # no `where` given, no brackets


def _example(fault: Fault) -> BaseException:
    return {
        Fault.READ_ONLY: OSError(30, "Read-only file system"),
        Fault.DISK_FULL: OSError(28, "No space left on device"),
        Fault.NO_FOLDER: OSError(2, "No such file or directory"),
        Fault.BUSY: sa.exc.OperationalError("SELECT", {}, psycopg.errors.TooManyConnections("too many")),
        Fault.UNREACHABLE: psycopg.OperationalError("connection failed"),
        Fault.WAKING: psycopg.errors.ConnectionTimeout("connection timeout expired"),
        Fault.UNKNOWN: ValueError("odd"),
    }[fault]
