"""A document of several frames kept as its frames: each frame once per notebook, under its
digest, and a revision's row as the list of the digests (MANIFEST, then 16 bytes a frame).

A notebook kept for years is written in runs (career_core.document_runs), and a check-in changes
two of some sixty frames: the opening part, with the revision number, and the last run of
check-ins. Stored whole, every revision would hold (and a hosted database would be sent) the whole
document, about 127 KB at five years; listed, a check-in's revision stores and sends about 7 KB.
A document of one frame (a notebook with up to a run of check-ins) stays whole in its row, as
rows written before do. A frame stays while a revision of its notebook lists it (`sweep`, after
pruning).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from threading import Lock

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from career_core.document_runs import CHECK, Frame
from career_core.schema import DIGEST, conflict_insert, frames, revisions

# A revision's document that lists its frames starts so: never the start of a Zstandard frame
# (28 b5 2f fd) or of zlib's stream (78), the two other forms a stored document takes.
MANIFEST = b"\x00WPF"


class Incomplete(LookupError):
    """A revision lists a frame its notebook no longer holds: it went while being read (pruned)."""


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as a revision row holds it: the document itself when it is one frame, else the
    list of its frames' digests, with the frames to keep in `frames`."""

    blob: bytes
    frames: Mapping[bytes, bytes]  # digest -> frame; empty when the row holds the document

    @classmethod
    def of(cls, framed: list[Frame]) -> StoredDocument:
        if len(framed) == 1:
            return cls(framed[0][1], {})
        return cls(MANIFEST + b"".join(d for d, _ in framed), dict(framed))


def listed(blob: bytes) -> list[bytes]:
    """The digests a revision's document lists, in order."""
    return [blob[k:k + DIGEST] for k in range(len(MANIFEST), len(blob), DIGEST)]


KEPT_LISTS = 64  # the notebooks of the people saving on one server at about the same time


class Listed:
    """What one store last wrote of a few notebooks: the revision, when, and the digests it lists.

    A save starts from the revision it loaded, and the revision-checked update proves that
    revision is still the stored one. When it is the very write this store remembers (the same
    number and moment: the store checks both in that update), its frames are there, as a frame
    goes only when no revision lists it; so the save sends only the frames new to it. Any other
    save sends every frame, each inserted unless already held. Remembered only once a write is
    committed."""

    def __init__(self, notebooks: int = KEPT_LISTS) -> None:
        self.notebooks = notebooks
        self._held: OrderedDict[str, tuple[int, datetime, frozenset[bytes]]] = OrderedDict()
        self._lock = Lock()

    def known(self, notebook_id: str, revision: int) -> tuple[frozenset[bytes], datetime | None]:
        """The digests this store wrote for the notebook at `revision`, and when; none if another."""
        with self._lock:
            held = self._held.get(notebook_id)
        return (held[2], held[1]) if held is not None and held[0] == revision else (frozenset(), None)

    def remember(self, notebook_id: str, revision: int, at: datetime, document: StoredDocument) -> None:
        with self._lock:
            self._held[notebook_id] = (revision, at, frozenset(document.frames))
            self._held.move_to_end(notebook_id)
            while len(self._held) > self.notebooks:
                self._held.popitem(last=False)


def inserting(dialect: str) -> sa.Executable | None:
    """The statement that stores a frame unless its notebook holds it already (SQLite, PostgreSQL)."""
    insert = conflict_insert(dialect)
    return None if insert is None else insert(frames).on_conflict_do_nothing(index_elements=[frames.c.notebook_id, frames.c.digest])


def keep_frames(conn: Connection, notebook_id: str, document: StoredDocument, known: frozenset[bytes] = frozenset(),
                insert: sa.Executable | None = None) -> None:
    """Store the frames of `document` its notebook does not hold yet, leaving out those `known`
    to be held (`Listed`); in the write's transaction, so they go with it or not at all. With
    WAYPOINT_CHECK_DOCUMENTS=1 (the tests) the document is then read back from the frames
    stored and compared."""
    if not document.frames:
        return
    new = [{"notebook_id": notebook_id, "digest": d, "frame": f} for d, f in document.frames.items() if d not in known]
    if new and insert is not None:
        conn.execute(insert, new)
    elif new:  # a database without insert-or-skip: ask which it holds
        held = set(conn.execute(sa.select(frames.c.digest).where(
            frames.c.notebook_id == notebook_id, frames.c.digest.in_([row["digest"] for row in new]))).scalars())
        if missing := [row for row in new if row["digest"] not in held]:
            conn.execute(frames.insert(), missing)
    if os.environ.get(CHECK) == "1":
        if assembled(conn, notebook_id, document.blob) != b"".join(document.frames[d] for d in listed(document.blob)):
            raise AssertionError("The frames stored do not give back the document written.")


def assembled(conn: Connection, notebook_id: str, blob: bytes) -> bytes:
    """A revision's document as compressed: the row's own bytes, or its frames put back in order.
    A frame missing means the revision went while it was read (pruned): Incomplete."""
    if not blob.startswith(MANIFEST):
        return blob
    names = listed(blob)
    found = dict(conn.execute(sa.select(frames.c.digest, frames.c.frame).where(
        frames.c.notebook_id == notebook_id, frames.c.digest.in_(set(names)))).all())
    if not found.keys() >= set(names):
        raise Incomplete(f"A revision of notebook {notebook_id!r} is no longer whole here.")
    return b"".join(found[d] for d in names)


def sweep(conn: Connection, notebook_id: str) -> None:
    """Let go of the frames no revision of the notebook lists any more (after revisions were pruned)."""
    listing = sa.select(revisions.c.document).where(
        revisions.c.notebook_id == notebook_id,
        sa.func.substr(revisions.c.document, 1, len(MANIFEST)) == MANIFEST)
    named = {d for (blob,) in conn.execute(listing) for d in listed(blob)}
    held = set(conn.execute(sa.select(frames.c.digest).where(frames.c.notebook_id == notebook_id)).scalars())
    gone = list(held - named)
    for k in range(0, len(gone), 500):
        conn.execute(frames.delete().where(frames.c.notebook_id == notebook_id, frames.c.digest.in_(gone[k:k + 500])))
