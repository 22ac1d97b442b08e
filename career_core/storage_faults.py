"""What went wrong with the database, named as what it is, with what to do about it.

A read-only file, a full disk, a folder that is missing or may not be written, a server that
does not answer and one that is waking up each need a different fix, so one catch-all message
("may be waking up") sends people the wrong way. `diagnose` reads the exception a store call
raised (SQLAlchemy's wrapper, the driver's error inside it, or an OSError from making the folder)
and returns the kind and a calm message. The kind is safe to log; the message never holds the
exception's text, which can carry paths, host names or parts of a notebook.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import psycopg


class Fault(StrEnum):
    READ_ONLY = "read_only"  # the database file, its folder or the server refuses writes
    DISK_FULL = "disk_full"
    NO_FOLDER = "no_folder"  # the folder is missing, or may not be written, so no file can be made there
    BUSY = "busy"  # another program holds the database locked
    UNREACHABLE = "unreachable"  # no server answers at that address
    WAKING = "waking"  # a server that is slow to answer: a hosted database that sleeps when idle
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Diagnosis:
    fault: Fault
    message: str  # what happened, and that nothing saved was lost
    fix: str  # what to do about it


_SETTINGS = "`WAYPOINT_DATABASE_URL` or `database_url` in `.streamlit/secrets.toml`"

_TEXTS: dict[Fault, tuple[str, str]] = {
    Fault.READ_ONLY: (
        ("Waypoint can read its database{where} but may not write to it: the file, its folder or the "
         "server is read-only. Nothing saved was lost; the last change was not saved."),
        ("Make the database file and its folder writable for the user running Waypoint (or point "
         f"{_SETTINGS} at a place that is), then try again."),
    ),
    Fault.DISK_FULL: (
        ("The disk that holds Waypoint's database{where} is full, so the last change could not be saved. "
         "Nothing saved before it was lost."),
        "Free some space on that disk, then try again.",
    ),
    Fault.NO_FOLDER: (
        ("Waypoint cannot open or create its database{where}: the folder is missing, or Waypoint may not "
         "write in it."),
        (f"Create the folder and make it writable for the user running Waypoint, or point {_SETTINGS} at "
         "a folder that is; then start Waypoint again."),
    ),
    Fault.BUSY: (
        ("Another program is holding Waypoint's database{where} locked, so the last change waited and "
         "was not saved. Nothing saved was lost."),
        ("Close other programs that have the database open (another Waypoint, a database browser), "
         "then try again."),
    ),
    Fault.UNREACHABLE: (
        ("Waypoint cannot reach its database{where}: nothing answered at that address. Nothing was "
         "changed or lost."),
        (f"Check {_SETTINGS}, and that the database server is running and can be reached from here; "
         "then try again."),
    ),
    Fault.WAKING: (
        ("Waypoint's database{where} is slow to answer. A hosted database that sleeps when idle "
         "takes a few seconds to wake up. Nothing was changed or lost."),
        "Wait a moment, then try again.",
    ),
    Fault.UNKNOWN: (
        "Waypoint could not use its database{where} just now. Nothing was changed or lost.",
        ("Try again in a moment. If it keeps happening, check that the database is where the settings "
         "say and that its disk or server is healthy."),
    ),
}

# SQLite's own error names (sqlite3 errors carry them as `sqlite_errorname`).
_SQLITE = (
    ("SQLITE_READONLY", Fault.READ_ONLY),
    ("SQLITE_FULL", Fault.DISK_FULL),
    ("SQLITE_CANTOPEN", Fault.NO_FOLDER),
    ("SQLITE_BUSY", Fault.BUSY),
    ("SQLITE_LOCKED", Fault.BUSY),
)
# PostgreSQL's SQLSTATE codes (psycopg errors carry them as `sqlstate`), then classes by prefix.
_SQLSTATE = {
    "25006": Fault.READ_ONLY,  # read_only_sql_transaction
    "53100": Fault.DISK_FULL,  # disk_full
    "57P03": Fault.WAKING,  # cannot_connect_now: the server is starting up
    "55P03": Fault.BUSY,  # lock_not_available
    "53300": Fault.BUSY,  # too_many_connections
}
_SQLSTATE_CLASSES = {"08": Fault.UNREACHABLE}  # connection exceptions
_ERRNO = {
    errno.EROFS: Fault.READ_ONLY,
    errno.ENOSPC: Fault.DISK_FULL,
    errno.EDQUOT: Fault.DISK_FULL,
    errno.EACCES: Fault.NO_FOLDER,
    errno.EPERM: Fault.NO_FOLDER,
    errno.ENOENT: Fault.NO_FOLDER,
    errno.ENOTDIR: Fault.NO_FOLDER,
    errno.EEXIST: Fault.NO_FOLDER,  # a file sits where the folder should be
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, the driver's error SQLAlchemy wraps (`orig`), and their causes, each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, current.__cause__, current.__context__]


def _kind(exc: BaseException) -> Fault | None:
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        return next((fault for prefix, fault in _SQLITE if name.startswith(prefix)), Fault.UNKNOWN)
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str):
        return _SQLSTATE.get(state) or _SQLSTATE_CLASSES.get(state[:2], Fault.UNKNOWN)
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        return _ERRNO[exc.errno]
    if isinstance(exc, psycopg.errors.ConnectionTimeout):
        return Fault.WAKING  # connected, but no server spoke before the timeout
    if isinstance(exc, psycopg.OperationalError):
        return Fault.UNREACHABLE  # refused, no such socket, no such host: no server was there
    return None


def classify(exc: BaseException) -> Fault:
    """The kind of storage fault `exc` is (UNKNOWN when nothing in it says)."""
    for part in _chain(exc):
        if (kind := _kind(part)) is not None:
            return kind
    return Fault.UNKNOWN


def diagnose(exc: BaseException, where: str = "") -> Diagnosis:
    """The fault, a calm message and what to do. `where` names the database for people
    (e.g. "data/waypoint.db"); it is shown in brackets after "database"."""
    fault = classify(exc)
    message, fix = _TEXTS[fault]
    return Diagnosis(fault, message.format(where=f" ({where})" if where else ""), fix)
