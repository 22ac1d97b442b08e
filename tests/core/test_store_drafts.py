"""Drafts in the store: what is typed but not yet added, kept per owner, notebook and field."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_core.models import utc_now
from career_core.store import (
    MAX_DRAFT_CHARS,
    ConflictError,
    Draft,
    DraftError,
    NotFoundError,
    Store,
    drafts,
    revisions,
)

GOAL = "goals.draft.statement"
WHY = "goals.draft.why"


def texts(store: Store, owner: str, notebook_id: str) -> dict[str, str]:
    return {k: d.text for k, d in store.drafts(owner, notebook_id).items()}


def rows(store: Store, table: sa.Table, notebook_id: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table).where(table.c.notebook_id == notebook_id)).scalar()


def test_a_draft_is_kept_and_the_latest_text_wins(store: Store):
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, "Lead a")
    store.save_draft("ana", nb.id, GOAL, "Lead a team of 10")
    store.save_draft("ana", nb.id, WHY, "")
    kept = store.drafts("ana", nb.id)
    assert {k: d.text for k, d in kept.items()} == {GOAL: "Lead a team of 10", WHY: ""}
    assert kept[GOAL].saved_at.utcoffset() is not None


def test_a_draft_is_never_part_of_the_notebook(store: Store):
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, "private thought")
    loaded = store.load("ana", nb.id)
    assert loaded == nb  # no revision, no change to the document (so never in an export)
    assert "private thought" not in loaded.to_json()
    assert store.history("ana", nb.id) == []


# (case, fields to discard, drafts left)
DISCARDS = [
    ("one field", [GOAL], {WHY: "because"}),
    ("every field", None, {}),
    ("no field", [], {GOAL: "Lead a team", WHY: "because"}),
    ("a field with no draft", ["other"], {GOAL: "Lead a team", WHY: "because"}),
]


@pytest.mark.parametrize(("case", "fields", "left"), DISCARDS, ids=[c[0] for c in DISCARDS])
def test_discard(store: Store, case, fields, left):
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, "Lead a team")
    store.save_draft("ana", nb.id, WHY, "because")
    store.discard_drafts("ana", nb.id, fields)
    assert texts(store, "ana", nb.id) == left


def test_nobody_sees_or_discards_another_owners_drafts(store: Store):
    nb = store.create("ana", "Ana's")
    store.save_draft("ana", nb.id, GOAL, "Ana's words")
    with pytest.raises(NotFoundError):
        store.save_draft("bob", nb.id, GOAL, "Bob's words")
    assert store.drafts("bob", nb.id) == {}
    store.discard_drafts("bob", nb.id)
    store.discard_drafts("bob", nb.id, [GOAL])
    assert texts(store, "ana", nb.id) == {GOAL: "Ana's words"}


def test_drafts_of_one_notebook_stay_with_it(store: Store):
    first, second = store.create("ana", "First"), store.create("ana", "Second")
    store.save_draft("ana", first.id, GOAL, "first")
    store.save_draft("ana", second.id, GOAL, "second")
    store.discard_drafts("ana", first.id)
    assert (texts(store, "ana", first.id), texts(store, "ana", second.id)) == ({}, {GOAL: "second"})


def test_the_bin_hides_drafts_and_purge_removes_them_with_the_notebook(store: Store):
    nb = store.create("ana", "Mine")
    nb.vision.statement = "kept in history"
    store.save("ana", nb)
    store.save_draft("ana", nb.id, GOAL, "half a goal")
    store.delete("ana", nb.id)
    assert store.drafts("ana", nb.id) == {}
    with pytest.raises(NotFoundError):
        store.save_draft("ana", nb.id, GOAL, "typed after the delete")
    store.undelete("ana", nb.id)
    assert texts(store, "ana", nb.id) == {GOAL: "half a goal"}  # back with the notebook
    with pytest.raises(NotFoundError):
        store.purge("ana", nb.id)  # only from the bin
    store.delete("ana", nb.id)
    with pytest.raises(NotFoundError):
        store.purge("bob", nb.id)
    store.purge("ana", nb.id)
    assert (rows(store, drafts, nb.id), rows(store, revisions, nb.id)) == (0, 0)
    assert store.list("ana", deleted=True) == []
    with pytest.raises(NotFoundError):
        store.undelete("ana", nb.id)


def test_a_save_clears_the_drafts_it_adds_and_a_refused_save_clears_nothing(store: Store):
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, "Lead a team")
    store.save_draft("ana", nb.id, WHY, "because")
    stale = store.load("ana", nb.id)
    nb.vision.statement = "saved"
    store.save("ana", nb, clear_drafts=[GOAL])
    assert texts(store, "ana", nb.id) == {WHY: "because"}
    with pytest.raises(ConflictError):
        store.save("ana", stale, clear_drafts=[WHY])
    assert texts(store, "ana", nb.id) == {WHY: "because"}


@pytest.mark.parametrize(("field", "text", "error"), [
    ("", "words", ValueError),
    ("x" * 201, "words", ValueError),
    (GOAL, "x" * (MAX_DRAFT_CHARS + 1), DraftError),
])
def test_a_draft_the_store_refuses_says_why_and_keeps_nothing(store: Store, field, text, error):
    nb = store.create("ana", "Mine")
    with pytest.raises(error):
        store.save_draft("ana", nb.id, field, text)
    assert store.drafts("ana", nb.id) == {}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), min_size=1, max_size=200),
       text=st.text(max_size=400))
def test_any_text_and_field_key_round_trip(store: Store, field: str, text: str):
    """NUL characters, emoji, right-to-left scripts: a draft comes back exactly as typed (field
    keys are the page's own names, never typed, so they need no NUL)."""
    owner = f"owner-{uuid.uuid4().hex}"  # hypothesis may replay an example: a fresh owner each time
    nb = store.create(owner, "Mine")
    store.save_draft(owner, nb.id, field, text)
    assert [(d.field, d.text) for d in store.drafts(owner, nb.id).values()] == [(field, text)]


def test_a_database_without_an_upsert_overwrites_drafts_too(store: Store):
    """Other SQLAlchemy databases get an update, then an insert when there was nothing to update."""
    store._upsert_draft = None
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, "Lead a")
    store.save_draft("ana", nb.id, GOAL, "Lead a team")
    assert texts(store, "ana", nb.id) == {GOAL: "Lead a team"}


# (what was kept: text and base) -> the draft read back
KEPT = [
    ("a form field: the text alone", ("Lead a", None), ("Lead a", None)),
    ("a field saved in place: the text it started from too", ("Lead a team", "Lead"), ("Lead a team", "Lead")),
    ("typed into an empty field", ("Lead", ""), ("Lead", "")),
]


@pytest.mark.parametrize("kept, read", [c[1:] for c in KEPT], ids=[c[0] for c in KEPT])
def test_a_draft_keeps_the_text_its_field_held_when_typing_began(store: Store, kept, read):
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, kept[0], base=kept[1])
    draft = store.drafts("ana", nb.id)[GOAL]
    assert (draft.text, draft.base) == read


def test_a_draft_kept_before_bases_were_kept_reads_as_text_alone(store: Store):
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, "placeholder")
    with store.engine.begin() as conn:
        conn.execute(drafts.update().where(drafts.c.notebook_id == nb.id).values(text='"Lead a team"'))
    draft = store.drafts("ana", nb.id)[GOAL]
    assert (draft.text, draft.base) == ("Lead a team", None)


# (base the draft was typed on, text the field holds now) -> outdated: saved elsewhere since
OUTDATED = [
    ("the field still holds what the typing began on", "Lead", "Lead", False),
    ("the field was saved with other words since", "Lead", "Head of operations", True),
    ("the field was emptied since", "Lead", "", True),
    ("a form field's draft has no base", None, "anything", False),
]


@pytest.mark.parametrize("base, now, expected", [c[1:] for c in OUTDATED], ids=[c[0] for c in OUTDATED])
def test_a_draft_is_outdated_when_its_field_was_saved_since_it_was_typed(base, now, expected):
    assert Draft(GOAL, "Lead a team", utc_now(), base).outdated_by(now) is expected


# (what the save names, what the row holds by then) -> the row is dropped
CLEARED = [
    ("the field's key", "Lead a team", True),
    ("the draft this tab kept, still in the row", "Lead a", True),
    ("the draft this tab kept, typed over in another tab since", "Lead a team of 12", False),
]


@pytest.mark.parametrize("named, row, dropped", CLEARED, ids=[c[0] for c in CLEARED])
def test_a_save_drops_a_draft_it_names_only_while_the_row_still_holds_it(store: Store, named, row, dropped):
    nb = store.create("ana", "Mine")
    store.save_draft("ana", nb.id, GOAL, "Lead a", base="")
    mine = store.drafts("ana", nb.id)[GOAL]
    store.save_draft("ana", nb.id, GOAL, row, base="")
    nb.vision.statement = "Lead"
    store.save("ana", nb, clear_drafts=[GOAL if named == "the field's key" else mine])
    assert (GOAL not in texts(store, "ana", nb.id)) is dropped
