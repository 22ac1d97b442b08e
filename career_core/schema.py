"""The store's tables: notebooks, their revisions and the frames revisions list, and drafts.

Apart from the store (career_core.store) so that the frames a revision lists
(career_core.revision_frames) are kept by a module of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

MAX_DRAFT_KEY = 200  # characters of a draft's field key

metadata = sa.MetaData()

DIGEST = 16  # bytes of a frame's digest (career_core.document_runs.digest)

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
    sa.Column("document", sa.Text, nullable=False),  # empty: the current revision's row holds it
)

revisions = sa.Table(
    "notebook_revisions",
    metadata,
    sa.Column("notebook_id", sa.String(40), sa.ForeignKey("notebooks.id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("document", sa.LargeBinary, nullable=False),  # JSON, Zstandard frames (older rows: zlib), or a list of frames
)

# The Zstandard frames of documents written in several (career_core.document_runs), each kept once
# per notebook under its digest: a revision whose document is several frames lists their digests
# (MANIFEST), so a check-in's revision stores and sends the frames it changed, a few KB, not the
# whole document again. A frame stays while a revision of its notebook lists it (`_sweep`).
frames = sa.Table(
    "notebook_frames",
    metadata,
    sa.Column("notebook_id", sa.String(40), sa.ForeignKey("notebooks.id"), primary_key=True),
    sa.Column("digest", sa.LargeBinary(DIGEST), primary_key=True),
    sa.Column("frame", sa.LargeBinary, nullable=False),
)


drafts = sa.Table(
    "notebook_drafts",
    metadata,
    sa.Column("notebook_id", sa.String(40), sa.ForeignKey("notebooks.id"), primary_key=True),
    sa.Column("field", sa.String(MAX_DRAFT_KEY), primary_key=True),
    sa.Column("owner", sa.String(320), nullable=False),
    sa.Column("text", sa.Text, nullable=False),  # JSON: keeps any character, NUL too (see _draft)
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
)


def conflict_insert(dialect: str) -> Callable[[sa.Table], Any] | None:
    """The dialect's INSERT that takes an ON CONFLICT clause (SQLite, PostgreSQL), or None."""
    return {"sqlite": sqlite_insert, "postgresql": postgresql_insert}.get(dialect)
