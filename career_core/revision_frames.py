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
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from career_core.document_runs import CHECK, Frame
from career_core.schema import DIGEST, frames, revisions

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


def keep_frames(conn: Connection, notebook_id: str, document: StoredDocument) -> None:
    """Store the frames of `document` its notebook does not hold yet; in the write's transaction,
    so they go with it or not at all. With WAYPOINT_CHECK_DOCUMENTS=1 (the tests) the document is
    then read back from the frames stored and compared."""
    if not document.frames:
        return
    held = set(conn.execute(sa.select(frames.c.digest).where(
        frames.c.notebook_id == notebook_id, frames.c.digest.in_(list(document.frames)))).scalars())
    new = [{"notebook_id": notebook_id, "digest": d, "frame": f} for d, f in document.frames.items() if d not in held]
    if new:
        conn.execute(frames.insert(), new)
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
