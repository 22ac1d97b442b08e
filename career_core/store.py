"""Persistence that never loses an edit: SQLAlchemy Core over SQLite (default) or PostgreSQL.

Each notebook is one JSON document. A save is one transaction that only succeeds when the stored
revision is still the one the notebook was loaded at, so two tabs cannot overwrite each other;
every revision, the current one too, is written compressed (Zstandard) to a history table, so any
edit can be undone. The current document is read from there: a save writes it once, compressed
(about a seventh of its size), instead of a second time as text in the notebooks table, whose
`document` column is left empty (databases written before kept the text there; it is ignored).
A save reuses the JSON, and the compressed frames, of the runs of check-ins and actions this
store wrote before (career_core.document_runs). A document of several frames is kept as its
frames, each once per notebook, and its revision row lists them (career_core.revision_frames):
a check-in's revision stores the frames it changed, not the whole document again. The tables
are in career_core.schema.
Every call takes the owner, and every query filters on it: nobody reaches another's notebooks.

Saving from a page (what the frame calls):

- `save_merging(owner, nb)` saves `nb` (loaded at `nb.revision`). When another tab saved since,
  it merges field by field against the revision this tab loaded (career_core.merge) and saves
  the result as a new revision: the outcome says `merged`, so the page can say "merged with
  changes from another tab". When both sides changed the same field, nothing is written and
  `outcome.conflicts` holds the questions; ask them, then call `save_merging(owner, nb,
  choices={conflict.key: Side.MINE | Side.THEIRS})` with the same `nb`. The values a choice
  gives up stay in the history. When the revision this tab loaded is no longer in the history
  (pruned), it raises ConflictError as `save` does. The two stored revisions are read back by
  reusing what `nb` holds equally (career_core.rebuild), which keeps a merged save quick.
- `save(owner, nb)` refuses (ConflictError) instead of merging: for restores and imports.
- Drafts: what a person has typed into a form field but not yet added (`save_draft`, about once
  a second while typing; `drafts` to put it back into the form after a reload, a restart or on
  another device; `discard_drafts`). A draft is a row per owner, notebook and field key, never a
  revision and never part of the notebook document, so never exported. Both saves take
  `clear_drafts=[field keys or Drafts]` to drop the drafts of what they add in the same
  transaction; a Draft is dropped only while the row still holds it, so a save never takes with
  it what another tab typed into the same field since. A notebook in the bin keeps its drafts;
  `purge` removes it for good with its history and drafts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from career_core.database import default_url, make_engine
from career_core.document_runs import DocumentWriter, decompress
from career_core.merge import Conflict, Side, merge
from career_core.models import Notebook, new_notebook_id, utc_now
from career_core.rebuild import Known
from career_core.revision_frames import Incomplete, Listed, StoredDocument, assembled, inserting, keep_frames, sweep
from career_core.schema import MAX_DRAFT_KEY, conflict_insert, drafts, frames, metadata, notebooks, revisions

# Pruning keeps at least this many recent revisions, and every revision younger than KEEP_DAYS;
# older ones are thinned to the last revision of each day, never removed outright.
KEEP_RECENT = 200
KEEP_DAYS = 30
PRUNE_EVERY = 50

# A merged save that keeps meeting newer saves (a third tab saving at the same moment) merges
# again, this many times, before it gives up with a ConflictError.
MERGE_ATTEMPTS = 3

# A draft is text being typed: generous, but a runaway paste is refused, not stored.
MAX_DRAFT_CHARS = 20_000

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


class DraftError(StoreError):
    """A draft the store will not keep (too long); the text stays in the form."""


@dataclass(frozen=True, slots=True)
class Draft:
    field: str  # the form field's key, as the page named it
    text: str
    saved_at: datetime
    base: str | None = None  # a field saved in place: the text it held when the typing began

    def outdated_by(self, saved: str) -> bool:
        """Whether the field, now holding `saved`, was saved elsewhere since this draft was typed:
        put back into the field, the draft would then be saved over that without a question."""
        return self.base is not None and self.base != saved


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What `save_merging` did: saved (maybe merged with another tab's changes), or nothing yet."""

    notebook: Notebook | None  # as now stored; None when the conflicts must be answered first
    merged: bool = False  # another tab's changes were merged in
    conflicts: tuple[Conflict, ...] = ()

    @property
    def saved(self) -> bool:
        return self.notebook is not None


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


def _column_text(value: str) -> str:
    """Text for a plain column. PostgreSQL refuses NUL characters in text, SQLite does not; the
    JSON document keeps the exact text (escaped), the listing column drops the NUL."""
    return value.replace("\x00", "")


def _draft_json(text: str, base: str | None) -> str:
    """A draft row's JSON: one text for one draft, so a row can be matched to the draft it holds."""
    return json.dumps(text if base is None else {"text": text, "base": base})


def _draft(field: str, kept: object, saved_at: datetime) -> Draft:
    """A draft row's JSON: the text alone, or the text with the base of a field saved in place."""
    if isinstance(kept, dict):
        base = kept.get("base")
        return Draft(field, str(kept.get("text", "")), saved_at, base if isinstance(base, str) else None)
    return Draft(field, str(kept), saved_at)


def _aware(value: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Store:
    def __init__(self, url: str | None = None, *, engine: Engine | None = None, keep_recent: int | None = None) -> None:
        """`keep_recent` bounds the history to that many recent revisions per notebook (an in-memory
        store of a private session, which must not grow with every save); by default every
        revision is kept, older ones thinned to one a day (see _prune)."""
        self.url = url or default_url()
        self.keep_recent = keep_recent
        self._documents = DocumentWriter()  # shared by every session of this store: check-ins written once
        self.engine = engine or make_engine(self.url)
        metadata.create_all(self.engine)
        self._upsert_draft = _draft_upsert(self.engine.dialect.name)
        self._insert_frames = inserting(self.engine.dialect.name)
        self._listed = Listed()  # what this store wrote last of each notebook: frames a save need not send

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
        document = StoredDocument.of(self._documents.framed(fresh))  # within the limits and consistent, as every write
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
                    document="",
                )
            )
            keep_frames(conn, fresh.id, document, insert=self._insert_frames)
            conn.execute(
                revisions.insert().values(
                    notebook_id=fresh.id, revision=1, saved_at=now, document=document.blob
                )
            )
        self._listed.remember(fresh.id, 1, now, document)
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
        return Notebook.from_json(self._document(owner, notebook_id))

    def _document(self, owner: str, notebook_id: str) -> str:
        """The current revision's document, from its history row. Databases written before also
        kept it as text in the notebooks table: that text is read if the row were ever missing."""
        query = (
            sa.select(notebooks.c.document.label("text"), revisions.c.document.label("blob"))
            .select_from(notebooks.outerjoin(revisions, sa.and_(revisions.c.notebook_id == notebooks.c.id,
                                                                 revisions.c.revision == notebooks.c.revision)))
            .where(notebooks.c.id == notebook_id, notebooks.c.owner == owner, notebooks.c.deleted_at.is_(None))
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
            if row is None or (row.blob is None and not row.text):
                raise NotFoundError(f"No notebook {notebook_id!r} here.")
            if row.blob is None:
                return row.text
            return _text(conn, notebook_id, row.blob)

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

    def save(self, owner: str, notebook: Notebook, *, clear_drafts: Iterable[str | Draft] = ()) -> Notebook:
        """Write the notebook as revision + 1, or raise ConflictError and change nothing.

        A notebook over a limit or inconsistent (a page may have appended to a list, which pydantic
        does not check) raises limits.LimitError or integrity.Inconsistent, and nothing is written.
        """
        write = _Write.of(notebook, self._documents)
        with self._tx() as conn:
            self._write(conn, owner, write)
            self._discard(conn, owner, notebook.id, clear_drafts)
        self._listed.remember(write.saved.id, write.saved.revision, write.now, write.document)
        return write.saved

    def save_merging(self, owner: str, notebook: Notebook, *, choices: Mapping[str, Side] | None = None,
                     clear_drafts: Iterable[str | Draft] = ()) -> SaveOutcome:
        """Save, merging with whatever was saved since `notebook.revision` (see the module's
        docstring). ConflictError only when that revision is no longer in the history."""
        clear_drafts = tuple(clear_drafts)
        with suppress(ConflictError):  # nobody saved since: a plain save (its update checks the revision)
            return SaveOutcome(self.save(owner, notebook, clear_drafts=clear_drafts))
        mine = Known.of(notebook)
        try:
            base = Known.read(self._revision_document(owner, notebook.id, notebook.revision), [mine], check=False)
        except NotFoundError:
            raise ConflictError(notebook.id, notebook.revision, self.revision_of(owner, notebook.id)) from None
        for _ in range(MERGE_ATTEMPTS):
            theirs = Known.read(self._document(owner, notebook.id), [mine, base]).notebook
            result = merge(base.notebook, notebook, theirs, choices)
            if result.conflicts:
                return SaveOutcome(None, conflicts=result.conflicts)
            # With a question answered "theirs", this tab's version goes first, so what it gave up stays in the history.
            gave_up = bool(choices) and any(Side(c) is Side.THEIRS for c in choices.values())
            kept = merge(base.notebook, notebook, theirs, dict.fromkeys(choices, Side.MINE)).notebook if gave_up else None
            if result.notebook == theirs and kept in (None, theirs):  # nothing of this tab's to add: no empty revision
                self.discard_drafts(owner, notebook.id, clear_drafts)
                return SaveOutcome(theirs, merged=True)
            writes = [_Write.of(result.notebook, self._documents)]
            if kept is not None and kept != result.notebook:
                first = _Write.of(kept, self._documents)
                later = result.notebook.model_copy(update={"revision": first.saved.revision})
                writes = [first, _Write.of(later, self._documents)]
            try:
                with self._tx() as conn:
                    for write in writes:
                        self._write(conn, owner, write)
                    self._discard(conn, owner, notebook.id, clear_drafts)
            except ConflictError:
                continue  # saved again meanwhile: merge with that
            self._listed.remember(writes[-1].saved.id, writes[-1].saved.revision, writes[-1].now, writes[-1].document)
            return SaveOutcome(writes[-1].saved, merged=True)
        raise ConflictError(notebook.id, notebook.revision, self.revision_of(owner, notebook.id))

    def _write(self, conn: Connection, owner: str, write: _Write) -> None:
        """The revision-checked update and its history row; ConflictError or NotFoundError if
        the stored notebook is not at the revision the write starts from."""
        saved = write.saved
        where = (notebooks.c.id == saved.id, notebooks.c.owner == owner, notebooks.c.revision == saved.revision - 1,
                 notebooks.c.deleted_at.is_(None))
        update = notebooks.update().values(revision=saved.revision, title=_column_text(saved.title),
                                           updated_at=write.now, document="")
        # The frames of a revision this store wrote need not be sent again, if the stored revision is
        # that very write: the same number saved at the same moment (a database put back from a
        # backup may hold another write under the number).
        known, at = self._listed.known(saved.id, saved.revision - 1)
        result = conn.execute(update.where(*where, notebooks.c.updated_at == at)) if known else None
        if result is None or result.rowcount != 1:
            known = frozenset()
            result = conn.execute(update.where(*where))
        if result.rowcount != 1:
            stored = conn.execute(
                sa.select(notebooks.c.revision, notebooks.c.deleted_at).where(
                    notebooks.c.id == saved.id, notebooks.c.owner == owner
                )
            ).first()
            if stored is None or stored.deleted_at is not None:
                raise NotFoundError(f"No notebook {saved.id!r} here.")
            raise ConflictError(saved.id, saved.revision - 1, stored.revision)
        keep_frames(conn, saved.id, write.document, known, self._insert_frames)
        conn.execute(
            revisions.insert().values(
                notebook_id=saved.id, revision=saved.revision, saved_at=write.now, document=write.document.blob
            )
        )
        if self.keep_recent is not None:
            if saved.revision % self.keep_recent == 0:
                conn.execute(revisions.delete().where(revisions.c.notebook_id == saved.id,
                                                      revisions.c.revision <= saved.revision - self.keep_recent))
                sweep(conn, saved.id)
        elif saved.revision % PRUNE_EVERY == 0:
            self._prune(conn, saved.id, saved.revision, write.now)

    def delete(self, owner: str, notebook_id: str) -> None:
        """Move to the bin: hidden from lists and loads, kept whole for `undelete`."""
        self._set_deleted(owner, notebook_id, utc_now())

    def undelete(self, owner: str, notebook_id: str) -> None:
        self._set_deleted(owner, notebook_id, None)

    def purge(self, owner: str, notebook_id: str) -> None:
        """Remove a notebook in the bin for good, with its history and its drafts."""
        with self._tx() as conn:
            row = conn.execute(
                sa.select(notebooks.c.deleted_at).where(notebooks.c.id == notebook_id, notebooks.c.owner == owner)
            ).first()
            if row is None or row.deleted_at is None:
                raise NotFoundError(f"No notebook {notebook_id!r} in the bin.")
            conn.execute(drafts.delete().where(drafts.c.notebook_id == notebook_id))
            conn.execute(revisions.delete().where(revisions.c.notebook_id == notebook_id))
            conn.execute(frames.delete().where(frames.c.notebook_id == notebook_id))
            conn.execute(notebooks.delete().where(notebooks.c.id == notebook_id, notebooks.c.owner == owner))

    def _set_deleted(self, owner: str, notebook_id: str, when: datetime | None) -> None:
        with self._tx() as conn:
            result = conn.execute(
                notebooks.update()
                .where(notebooks.c.id == notebook_id, notebooks.c.owner == owner)
                .values(deleted_at=when)
            )
            if result.rowcount != 1:
                raise NotFoundError(f"No notebook {notebook_id!r} here.")

    # --- drafts -------------------------------------------------------------------------------

    def save_draft(self, owner: str, notebook_id: str, field: str, text: str, *, base: str | None = None) -> None:
        """Keep what is typed into `field` (the form field's key) until it is added or discarded.

        Overwrites the field's earlier draft; the text is kept exactly, even when empty. `base`:
        for a field saved in place, the text it held when the typing began (see Draft.outdated_by).
        Raises NotFoundError for a notebook this owner cannot open, DraftError for a text too long.
        """
        if not field or len(field) > MAX_DRAFT_KEY:
            raise ValueError(f"A draft needs a field key of 1 to {MAX_DRAFT_KEY} characters.")
        if len(text) > MAX_DRAFT_CHARS:
            raise DraftError(f"This text is too long to keep as a draft (more than {MAX_DRAFT_CHARS:,} characters).")
        row = {"notebook_id": notebook_id, "field": field, "owner": owner, "text": _draft_json(text, base),
               "saved_at": utc_now()}
        with self._tx() as conn:
            if conn.execute(_OPEN, row).first() is None:
                raise NotFoundError(f"No notebook {notebook_id!r} here.")
            if self._upsert_draft is not None:
                conn.execute(self._upsert_draft, row)
            else:
                same = (drafts.c.notebook_id == notebook_id, drafts.c.field == field, drafts.c.owner == owner)
                if conn.execute(drafts.update().where(*same).values(text=row["text"], saved_at=row["saved_at"])).rowcount != 1:
                    conn.execute(drafts.insert(), row)

    def drafts(self, owner: str, notebook_id: str) -> dict[str, Draft]:
        """This owner's drafts of a notebook (in the bin: none), by field key."""
        query = (
            sa.select(drafts.c.field, drafts.c.text, drafts.c.saved_at)
            .join(notebooks, notebooks.c.id == drafts.c.notebook_id)
            .where(
                drafts.c.notebook_id == notebook_id,
                drafts.c.owner == owner,
                notebooks.c.owner == owner,
                notebooks.c.deleted_at.is_(None),
            )
            .order_by(drafts.c.field)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return {r.field: _draft(r.field, json.loads(r.text), _aware(r.saved_at)) for r in rows}

    def discard_drafts(self, owner: str, notebook_id: str, fields: Iterable[str | Draft] | None = None) -> None:
        """Drop the drafts of `fields`, or every draft of the notebook when `fields` is None. A
        field given as a Draft is dropped only while its row still holds that draft."""
        with self._tx() as conn:
            self._discard(conn, owner, notebook_id, fields)

    def _discard(self, conn: Connection, owner: str, notebook_id: str, fields: Iterable[str | Draft] | None) -> None:
        query = drafts.delete().where(drafts.c.notebook_id == notebook_id, drafts.c.owner == owner)
        if fields is None:
            conn.execute(query)
            return
        fields = list(fields)
        if keys := [f for f in fields if isinstance(f, str)]:
            conn.execute(query.where(drafts.c.field.in_(keys)))
        for draft in (f for f in fields if isinstance(f, Draft)):
            conn.execute(query.where(drafts.c.field == draft.field, drafts.c.text == _draft_json(draft.text, draft.base)))

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
        return Notebook.from_json(self._revision_document(owner, notebook_id, revision))

    def _revision_document(self, owner: str, notebook_id: str, revision: int) -> str:
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
            return _text(conn, notebook_id, blob)

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
            sweep(conn, notebook_id)


# Drafts are written about once a second while someone types: their statements are built once.
_OPEN = sa.select(notebooks.c.id).where(
    notebooks.c.id == sa.bindparam("notebook_id"),
    notebooks.c.owner == sa.bindparam("owner"),
    notebooks.c.deleted_at.is_(None),
)
def _text(conn: Connection, notebook_id: str, blob: bytes) -> str:
    """A revision row's document as text, put back together from its frames where it lists them."""
    try:
        return decompress(assembled(conn, notebook_id, blob))
    except Incomplete as exc:  # pruned while being read: as if it were not there
        raise NotFoundError(str(exc)) from None


def _draft_upsert(dialect: str) -> sa.Executable | None:
    """One-statement insert-or-overwrite where the database has it (SQLite, PostgreSQL)."""
    insert = conflict_insert(dialect)
    if insert is None:
        return None
    statement = insert(drafts)
    return statement.on_conflict_do_update(
        index_elements=[drafts.c.notebook_id, drafts.c.field],
        set_={"text": statement.excluded.text, "saved_at": statement.excluded.saved_at},
    )


@dataclass(frozen=True, slots=True)
class _Write:
    """A notebook ready to be written as its next revision, serialised before the transaction
    so the write lock is held as briefly as can be."""

    saved: Notebook
    now: datetime
    document: StoredDocument

    @classmethod
    def of(cls, notebook: Notebook, documents: DocumentWriter) -> _Write:
        now = utc_now()
        saved = notebook.model_copy(update={"revision": notebook.revision + 1, "updated_at": now})
        # every write, merged ones too, within the limits and consistent
        return cls(saved, now, StoredDocument.of(documents.framed(saved)))
