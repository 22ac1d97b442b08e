"""Saving from two tabs: a save that meets a newer revision merges, and only a real clash asks."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from career_core import store as store_module
from career_core.merge import Side
from career_core.models import Goal
from career_core.store import ConflictError, NotFoundError, Store, revisions
from tests.processes import run_together


def two_tabs(store: Store):
    nb = store.create("ana", "Mine")
    nb.goals.append(Goal(id="lead", statement="Lead the platform team"))
    nb = store.save("ana", nb)
    return nb, store.load("ana", nb.id), store.load("ana", nb.id)


def test_a_save_with_nothing_newer_is_a_plain_save(store: Store):
    _, tab, _ = two_tabs(store)
    tab.vision.statement = "Head the division"
    outcome = store.save_merging("ana", tab)
    assert (outcome.saved, outcome.merged, outcome.conflicts) == (True, False, ())
    assert outcome.notebook.revision == 3


def test_edits_to_different_fields_in_two_tabs_both_survive(store: Store):
    nb, tab_a, tab_b = two_tabs(store)
    tab_a.reflection.interests.append("coaching")
    store.save_merging("ana", tab_a)
    tab_b.reflection.strengths.append("calm under pressure")
    outcome = store.save_merging("ana", tab_b)
    assert (outcome.saved, outcome.merged) == (True, True)
    stored = store.load("ana", nb.id)
    assert (stored.reflection.interests, stored.reflection.strengths) == (["coaching"], ["calm under pressure"])
    assert stored == outcome.notebook and stored.revision == 4
    assert [h.revision for h in store.history("ana", nb.id)] == [3, 2, 1]


def test_the_same_field_asks_and_writes_nothing_until_answered(store: Store):
    nb, tab_a, tab_b = two_tabs(store)
    tab_a.goals[0].why = "The team needs a lead"
    store.save_merging("ana", tab_a)
    store.save_draft("ana", nb.id, "goal.lead.why", "Because I")
    tab_b.goals[0].why = "Because I like it"
    outcome = store.save_merging("ana", tab_b, clear_drafts=["goal.lead.why"])
    assert (outcome.saved, outcome.notebook) == (False, None)
    (conflict,) = outcome.conflicts
    assert (conflict.where, conflict.mine, conflict.theirs) == (
        "Goal “Lead the platform team” → why", "Because I like it", "The team needs a lead")
    assert store.revision_of("ana", nb.id) == 3
    assert list(store.drafts("ana", nb.id)) == ["goal.lead.why"]  # nothing written, the draft too

    answered = store.save_merging("ana", tab_b, choices={conflict.key: Side.MINE}, clear_drafts=["goal.lead.why"])
    assert (answered.saved, answered.merged) == (True, True)
    assert store.load("ana", nb.id).goals[0].why == "Because I like it"
    assert store.drafts("ana", nb.id) == {}
    assert store.load_revision("ana", nb.id, 3).goals[0].why == "The team needs a lead"  # in the history


def test_choosing_the_other_tabs_value_keeps_this_tabs_in_the_history(store: Store):
    nb, tab_a, tab_b = two_tabs(store)
    tab_a.goals[0].why = "The team needs a lead"
    store.save_merging("ana", tab_a)
    tab_b.goals[0].why = "Because I like it"
    tab_b.vision.statement = "Head the division"
    (conflict,) = store.save_merging("ana", tab_b).conflicts
    outcome = store.save_merging("ana", tab_b, choices={conflict.key: Side.THEIRS})
    assert outcome.notebook.revision == 5
    stored = store.load("ana", nb.id)
    assert (stored.goals[0].why, stored.vision.statement) == ("The team needs a lead", "Head the division")
    given_up = store.load_revision("ana", nb.id, 4)  # this tab's answer to every question
    assert (given_up.goals[0].why, given_up.vision.statement) == ("Because I like it", "Head the division")


def test_choosing_the_other_tabs_value_for_this_tabs_only_edit_still_keeps_it_in_the_history(store: Store):
    nb, tab_a, tab_b = two_tabs(store)
    tab_a.goals[0].why = "The team needs a lead"
    store.save_merging("ana", tab_a)
    tab_b.goals[0].why = "Because I like it"  # nothing else: after the answer, the result is the other tab's
    (conflict,) = store.save_merging("ana", tab_b).conflicts
    outcome = store.save_merging("ana", tab_b, choices={conflict.key: Side.THEIRS})
    assert outcome.notebook.goals[0].why == "The team needs a lead" == store.load("ana", nb.id).goals[0].why
    assert store.load_revision("ana", nb.id, 4).goals[0].why == "Because I like it"  # what was typed is kept


def test_a_stale_tab_with_nothing_new_picks_up_the_stored_version_without_a_new_revision(store: Store):
    nb, tab_a, tab_b = two_tabs(store)
    tab_a.vision.statement = "from tab A"
    store.save_merging("ana", tab_a)
    outcome = store.save_merging("ana", tab_b)
    assert (outcome.saved, outcome.merged, outcome.notebook.revision) == (True, True, 3)
    assert outcome.notebook.vision.statement == "from tab A"
    assert store.revision_of("ana", nb.id) == 3


def test_without_the_loaded_revision_in_the_history_it_refuses_as_before(store: Store):
    nb, tab_a, tab_b = two_tabs(store)
    tab_a.vision.statement = "from tab A"
    store.save_merging("ana", tab_a)
    with store.engine.begin() as conn:  # pruned long ago
        conn.execute(revisions.delete().where(revisions.c.notebook_id == nb.id, revisions.c.revision == 2))
    tab_b.reflection.why = "from tab B"
    with pytest.raises(ConflictError):
        store.save_merging("ana", tab_b)
    assert store.load("ana", nb.id).reflection.why == ""


def test_a_notebook_deleted_meanwhile_is_not_found(store: Store):
    nb, tab_a, _ = two_tabs(store)
    store.delete("ana", nb.id)
    tab_a.vision.statement = "too late"
    with pytest.raises(NotFoundError):
        store.save_merging("ana", tab_a)


def test_a_save_that_lands_during_the_merge_is_merged_too(store: Store, monkeypatch):
    nb, tab_a, tab_b = two_tabs(store)
    tab_a.vision.statement = "from tab A"
    store.save_merging("ana", tab_a)
    tab_c = store.load("ana", nb.id)
    real_merge = store_module.merge
    elsewhere = Store(store.url)  # another server process

    def merge_while_tab_c_saves(*args, **kwargs):
        if tab_c.reflection.why == "":
            tab_c.reflection.why = "from tab C"
            elsewhere.save("ana", tab_c)
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(store_module, "merge", merge_while_tab_c_saves)
    tab_b.vision.target_role = "from tab B"
    outcome = store.save_merging("ana", tab_b)
    stored = store.load("ana", nb.id)
    assert (stored.vision.statement, stored.vision.target_role, stored.reflection.why) == (
        "from tab A", "from tab B", "from tab C")
    assert outcome.notebook == stored and stored.revision == 5
    elsewhere.engine.dispose()


def _edit_one_field(url: str, notebook_id: str, field: str, rounds: int, gate, out) -> None:
    """Each round both workers load the same revision, edit their own field, and save at once."""
    s = Store(url)
    merged = 0
    for i in range(rounds):
        nb = s.load("ana", notebook_id)
        setattr(nb.vision, field, f"{field} {i}")
        gate.wait()
        merged += s.save_merging("ana", nb).merged
        gate.wait()
    out.put(merged)


def test_two_processes_editing_different_fields_at_once_lose_nothing(store: Store, store_url: str):
    nb = store.create("ana", "Contended")
    rounds = 15
    merged = sum(run_together(_edit_one_field, [(store_url, nb.id, f, rounds) for f in ("statement", "target_role")]))
    final = store.load("ana", nb.id)
    assert (final.vision.statement, final.vision.target_role) == (f"statement {rounds - 1}", f"target_role {rounds - 1}")
    assert merged == rounds  # every round, one save landed first and the other merged with it
    assert final.revision == 1 + 2 * rounds
    with store.engine.connect() as conn:
        kept = conn.execute(sa.select(sa.func.count()).select_from(revisions).where(revisions.c.notebook_id == nb.id))
        assert kept.scalar() == final.revision
