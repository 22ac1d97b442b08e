"""Private sessions (a public demo): what they may hold together, and giving it back when one ends.

Each private session keeps its notebooks in an in-memory database of its own, and the open one
as objects: a notebook at the limits is a 10 MB file and about 70 MB once read, so ten visitors
uploading such files would take a Community Cloud server (690 MB) past its memory. Sessions
together may hold notebook files of at most BUDGET_MB; an upload that would pass it is turned
away with a message before anything is read. A session's history is kept short (HISTORY recent
revisions). When a session ends (Streamlit drops its state once the tab has been gone for
`server.disconnectedSessionTTL`), its database is closed, its share given back, and the memory
returned to the system. benchmarks/private_memory.py measures what this holds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import uuid
import weakref
from dataclasses import dataclass, field

import streamlit as st
from sqlalchemy.engine import Engine

from career_core.store import Store

BUDGET_MB = 32  # about three notebooks at the limits at a time
BUDGET_BYTES = BUDGET_MB * 2**20
HISTORY = 10  # recent revisions a private session keeps (undo within the session)
TICKET = "wp.private-ticket"
PRIVATE_STORE = "wp.private-store"


@dataclass
class _Room:
    """Every private session's share of the budget, in bytes of notebook files, by ticket."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    held: dict[str, int] = field(default_factory=dict)

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


def _release(room: _Room, ticket_id: str, engine: Engine) -> None:
    with room.lock:
        room.held.pop(ticket_id, None)
    engine.dispose()  # closes the in-memory database: its pages go with the connection
    gc.collect()
    _return_memory()


def _return_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise); a no-op elsewhere."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name) if name else None
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim(0)


def store() -> Store:
    """This session's own in-memory database, made on first use, closed when the session ends."""
    if PRIVATE_STORE not in st.session_state:
        session_store = Store("sqlite://", keep_recent=HISTORY)
        ticket = _Ticket()
        weakref.finalize(ticket, _release, _room(), ticket.id, session_store.engine)
        st.session_state[PRIVATE_STORE] = session_store
        st.session_state[TICKET] = ticket
    return st.session_state[PRIVATE_STORE]


def admit(size: int) -> bool:
    """Whether this session may take in a notebook file of `size` bytes now; if so, its share grows."""
    store()
    ticket: _Ticket = st.session_state[TICKET]
    room = _room()
    with room.lock:
        if sum(room.held.values()) + size > BUDGET_BYTES:
            return False
        room.held[ticket.id] = room.held.get(ticket.id, 0) + size
        return True


def give_back(size: int) -> None:
    """Return a share `admit` granted for a file that was not taken in after all."""
    ticket: _Ticket = st.session_state[TICKET]
    room = _room()
    with room.lock:
        room.held[ticket.id] = max(0, room.held.get(ticket.id, 0) - size)


def held_mb() -> float:
    """What every private session holds together, in MB of notebook files (for benchmarks and logs)."""
    return _room().total() / 2**20


BUSY = ("This public demo is holding as many large notebooks as it can right now, so this file has to "
        "wait. Nothing was lost: try again in a few minutes, when other visitors have left. To work with "
        "a notebook this size any time, run Waypoint on your own computer (see the README).")
