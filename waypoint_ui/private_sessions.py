"""Private sessions (a public demo): what they may hold together, and giving it back when one ends.

Each private session keeps its notebooks in an in-memory database of its own, and the open one
as objects: a notebook at the limits is a 10 MB file and over 100 MB of a server once read, so ten
visitors uploading such files would take a Community Cloud server (690 MB) past its memory.
Sessions together may hold notebook files of at most 24 MB (or $WAYPOINT_PRIVATE_BUDGET_MB): an
upload that would pass it is turned away, with a message, before anything is read. A session's
history is kept short (HISTORY recent revisions).

When a visitor's tab is gone, Streamlit keeps the session for `server.disconnectedSessionTTL`
seconds (a reload or a dropped connection comes back to it), but after that it only forgets the
session when another one happens to disconnect, and never shuts it down: the notebook stays in
memory. So when a private session disconnects (Streamlit releases its session-scoped resources:
`_watch`), a timer on the server's event loop closes it just before that TTL runs out, unless it
has come back; Streamlit then lets go of everything the session held (its state, uploaded files,
downloads), the ticket's finalizer closes its database and gives its share back, and the memory
is handed back to the system. benchmarks/private_memory.py measures what this holds and returns.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import logging
import os
import threading
import uuid
import weakref
from dataclasses import dataclass, field

import streamlit as st
from sqlalchemy.engine import Engine
from streamlit import config
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from career_core.store import Store

log = logging.getLogger("waypoint")

BUDGET_ENV = "WAYPOINT_PRIVATE_BUDGET_MB"
BUDGET_BYTES = int(float(os.environ.get(BUDGET_ENV) or 24) * 2**20)  # two notebooks at the limits, and small ones
HISTORY = 10  # recent revisions a private session keeps (undo within the session)
MARGIN = 0.1  # of Streamlit's TTL (at least a second): how long before it runs out an ended session is closed
TIDY_AFTER = 1.0  # seconds: sessions closing together are tidied up after once
TICKET = "wp.private-ticket"
PRIVATE_STORE = "wp.private-store"

BUSY = ("This public demo is holding as many large notebooks as it can right now, so this file has to "
        "wait. Nothing was lost: try again in a few minutes, when other visitors have left. To work with "
        "a notebook this size any time, run Waypoint on your own computer (see the README).")


@dataclass
class _Room:
    """Every private session's share of the budget, in bytes of notebook files, by ticket."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    held: dict[str, int] = field(default_factory=dict)
    tidying: bool = False  # a tidy-up after closed sessions is due

    def total(self) -> int:
        with self.lock:
            return sum(self.held.values())


@st.cache_resource(show_spinner=False)
def _room() -> _Room:
    return _Room()


class _Ticket:
    """Held only by a session's state: when Streamlit lets the state go, the finalizer runs."""

    def __init__(self) -> None:
        self.id = uuid.uuid4().hex


def store() -> Store:
    """This session's own in-memory database, made on first use and let go when the session ends."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        _watch(ctx.session_id)
    if PRIVATE_STORE not in st.session_state:
        session_store = Store("sqlite://", keep_recent=HISTORY)
        ticket = _Ticket()
        weakref.finalize(ticket, _let_go, _room(), ticket.id, session_store.engine)
        st.session_state[PRIVATE_STORE] = session_store
        st.session_state[TICKET] = ticket
    return st.session_state[PRIVATE_STORE]


def admit(size: int) -> bool:
    """Whether this session may take in a notebook file of `size` bytes now; if so, its share grows."""
    ticket = _ticket()
    room = _room()
    with room.lock:
        if sum(room.held.values()) + size > BUDGET_BYTES:
            return False
        room.held[ticket] = room.held.get(ticket, 0) + size
        return True


def give_back(size: int) -> None:
    """Return a share `admit` granted for a file that was not taken in after all."""
    ticket = _ticket()
    room = _room()
    with room.lock:
        room.held[ticket] = max(0, room.held.get(ticket, 0) - size)


def held_mb() -> float:
    """What every private session holds together, in MB of notebook files."""
    return _room().total() / 2**20


def _ticket() -> str:
    store()
    return st.session_state[TICKET].id


# --- letting ended sessions go ------------------------------------------------------------------


@dataclass(frozen=True)
class _Watch:
    session_id: str


def _disconnected(watch: _Watch) -> None:
    """Streamlit calls this on its event loop when the session's tab disconnects (and again when it
    shuts the session down): close the session just before Streamlit would forget it."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not on the event loop (a test run of a script): the finalizer is enough
        return
    ttl = float(config.get_option("server.disconnectedSessionTTL"))
    loop.call_later(ttl - max(MARGIN * ttl, 1.0), close_if_gone, watch.session_id)


_watch = st.cache_resource(scope="session", on_release=_disconnected, show_spinner=False)(_Watch)


def close_if_gone(session_id: str) -> bool:
    """Shut a session down (on the event loop) unless its tab came back; whether it was."""
    if not Runtime.exists():
        return False
    runtime = Runtime.instance()
    if runtime.is_active_session(session_id):
        return False
    runtime.close_session(session_id)  # Streamlit's own shutdown: state, uploads and downloads go
    room = _room()
    with room.lock:
        tidy_now, room.tidying = not room.tidying, True
    if tidy_now:  # one tidy-up for sessions closing together
        asyncio.get_running_loop().call_later(TIDY_AFTER, _tidy, room)
    return True


def _tidy(room: _Room) -> None:
    with room.lock:
        room.tidying = False
    gc.collect()  # the sessions' objects hold cycles: the tickets' finalizers run now, not some day
    _return_memory()


def _let_go(room: _Room, ticket_id: str, engine: Engine) -> None:
    with room.lock:
        room.held.pop(ticket_id, None)
        left = sum(room.held.values())
    engine.dispose()  # closes the in-memory database: its pages go with the connection
    log.info("A private session ended; private sessions now hold %.1f MB of notebook files", left / 2**20)


def _return_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise); nothing elsewhere."""
    name = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    if trim is not None:
        trim(0)
