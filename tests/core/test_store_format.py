"""How the store keeps a document: once per revision, compressed, and databases written by
earlier versions (the current document as text, history rows in zlib) still read the same."""

from __future__ import annotations

import zlib

import pytest
import sqlalchemy as sa
import zstandard

from career_core.document_runs import decompress
from career_core.models import Notebook
from career_core.store import Store, notebooks, revisions


def _edit(store: Store, nb: Notebook, statement: str) -> Notebook:
    nb.vision.statement = statement
    return store.save("ana", nb)


def _as_written_before(store: Store, notebook_id: str) -> None:
    """Rewrite a notebook's rows the way Waypoint wrote them before: the current document as text
    in the notebooks table, every history row compressed with zlib."""
    with store.engine.begin() as conn:
        rows = conn.execute(sa.select(revisions.c.revision, revisions.c.document)
                            .where(revisions.c.notebook_id == notebook_id)).all()
        current = conn.execute(sa.select(notebooks.c.revision).where(notebooks.c.id == notebook_id)).scalar_one()
        for row in rows:
            text = decompress(row.document).encode()
            conn.execute(revisions.update()
                         .where(revisions.c.notebook_id == notebook_id, revisions.c.revision == row.revision)
                         .values(document=zlib.compress(text, 1)))
            if row.revision == current:
                conn.execute(notebooks.update().where(notebooks.c.id == notebook_id).values(document=text.decode()))


def test_a_save_writes_the_document_once_compressed(store: Store):
    nb = _edit(store, store.create("ana", "Mine"), "Lead the platform team")
    with store.engine.connect() as conn:
        text = conn.execute(sa.select(notebooks.c.document).where(notebooks.c.id == nb.id)).scalar_one()
        blob = conn.execute(sa.select(revisions.c.document).where(
            revisions.c.notebook_id == nb.id, revisions.c.revision == nb.revision)).scalar_one()
    assert text == ""
    assert blob.startswith(zstandard.FRAME_HEADER)
    assert store.load("ana", nb.id).vision.statement == "Lead the platform team"


@pytest.mark.parametrize(
    "read, expected",
    [
        (lambda s, nb: s.load("ana", nb.id).vision.statement, "second"),
        (lambda s, nb: s.load_revision("ana", nb.id, 2).vision.statement, "first"),
        (lambda s, nb: [h.revision for h in s.history("ana", nb.id)], [2, 1]),
        (lambda s, nb: s.load("ana", s.restore("ana", nb.id, 2).id).vision.statement, "first"),
        (lambda s, nb: s.load("ana", _edit(s, s.load("ana", nb.id), "third").id).vision.statement, "third"),
    ],
    ids=["the current revision", "an earlier revision", "the history", "a restore", "a save on top"],
)
def test_a_notebook_written_by_an_earlier_version_reads_the_same(store: Store, read, expected):
    nb = store.create("ana", "Mine")
    nb = _edit(store, _edit(store, nb, "first"), "second")
    _as_written_before(store, nb.id)
    assert read(store, nb) == expected


def test_a_merging_save_over_a_notebook_written_before_merges(store: Store):
    nb = _edit(store, store.create("ana", "Mine"), "first")
    tab = store.load("ana", nb.id)
    _edit(store, store.load("ana", nb.id), "from the other tab")
    _as_written_before(store, nb.id)
    tab.title = "Renamed here"
    outcome = store.save_merging("ana", tab)
    assert outcome.merged
    stored = store.load("ana", nb.id)
    assert (stored.title, stored.vision.statement) == ("Renamed here", "from the other tab")


def test_an_earlier_versions_text_is_read_when_its_history_row_is_missing(store: Store):
    nb = _edit(store, store.create("ana", "Mine"), "kept as text")
    _as_written_before(store, nb.id)
    with store.engine.begin() as conn:
        conn.execute(revisions.delete().where(revisions.c.notebook_id == nb.id, revisions.c.revision == nb.revision))
    assert store.load("ana", nb.id).vision.statement == "kept as text"
