"""How the store keeps a document of several frames: each frame once per notebook, a revision as
the list of its frames, so a check-in stores the few KB it changed; every revision reads back as
saved, pruning and purging let go of the frames nobody lists, and rows written before still read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_core import edit, revision_frames
from career_core import store as store_module
from career_core.document_runs import RUN, DocumentWriter
from career_core.models import Action, CheckIn, Goal, Notebook, Recurrence
from career_core.plan.actions import mark_done
from career_core.revision_frames import MANIFEST
from career_core.schema import frames, notebooks, revisions
from career_core.store import Store

START = date(2026, 1, 5)


def big(checkins: int = 8 * RUN + 17) -> Notebook:
    """More check-ins than one run holds: a document of several frames."""
    goal = Goal(id="g", statement="Run a weekly one-to-one with each of my five reports")
    return Notebook(
        title="Years of it",
        goals=[goal],
        actions=[Action(title=f"Step {i}", goal_id="g", recurrence=Recurrence.WEEKLY, start=START) for i in range(70)],
        checkins=[CheckIn(goal_id="g", on=START + timedelta(days=i % 300), value=i) for i in range(checkins)],
    )


def held(store: Store, notebook_id: str) -> dict[bytes, int]:
    """The frames stored for a notebook: digest -> size."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(frames.c.digest, sa.func.length(frames.c.frame))
                            .where(frames.c.notebook_id == notebook_id)).all()
    return {bytes(d): n for d, n in rows}


def row(store: Store, notebook_id: str, revision: int) -> bytes:
    with store.engine.connect() as conn:
        return bytes(conn.execute(sa.select(revisions.c.document).where(
            revisions.c.notebook_id == notebook_id, revisions.c.revision == revision)).scalar_one())


def listed(store: Store, notebook_id: str) -> set[bytes]:
    """Every digest a revision of the notebook lists."""
    with store.engine.connect() as conn:
        blobs = [bytes(b) for (b,) in conn.execute(sa.select(revisions.c.document).where(revisions.c.notebook_id == notebook_id))]
    return {d for b in blobs if b.startswith(MANIFEST) for d in revision_frames.listed(b)}


# Each edit, and at most how much of the compressed document it stores anew.
CHANGES: dict[str, tuple[Callable[[Notebook], object], float]] = {
    "a check-in added": (lambda nb: nb.checkins.append(CheckIn(goal_id="g", on=START, value=1.5)), 0.25),
    "a check-in replaced in the middle": (
        lambda nb: edit.replace(nb.checkins, edit.changed(nb.checkins[RUN + 5], value=-1)), 0.25),
    "an action ticked": (lambda nb: mark_done(nb, nb.actions[40].id, START + timedelta(days=14)), 0.25),
    "the vision rewritten": (lambda nb: setattr(nb.vision, "statement", "Lead the platform group"), 0.25),
    "nothing but the revision": (lambda nb: None, 0.25),
    # Runs are cut every RUN check-ins: one taken out of the first shifts every run after it.
    "a check-in removed from the first run (every run after it shifts)": (lambda nb: nb.checkins.pop(3), 1.0),
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_a_save_stores_the_frames_it_changed_and_reads_back_as_saved(store: Store, change: str) -> None:
    first = store.add("ana", big())
    whole = len(DocumentWriter().verified(first))
    before = held(store, first.id)
    nb = store.load("ana", first.id)
    edit_it, share = CHANGES[change]
    edit_it(nb)
    saved = store.save("ana", nb)
    new = held(store, first.id).keys() - before.keys()
    assert sum(held(store, first.id)[d] for d in new) <= whole * share
    blob = row(store, first.id, saved.revision)
    assert blob.startswith(MANIFEST) and len(blob) < 2_000
    assert store.load("ana", first.id).model_dump_json() == saved.model_dump_json()
    assert store.load_revision("ana", first.id, 1).model_dump_json() == first.model_dump_json()


def test_every_revision_of_a_long_run_of_saves_reads_back_as_it_was_saved(store: Store) -> None:
    nb = store.add("ana", big())
    kept = {nb.revision: nb.model_dump_json()}
    for i, (change, _) in enumerate([*CHANGES.values(), *CHANGES.values()]):
        nb = store.load("ana", nb.id)
        change(nb)
        nb.title = f"Years of it, save {i}"
        nb = store.save("ana", nb)
        kept[nb.revision] = nb.model_dump_json()
    for revision, text in kept.items():
        assert store.load_revision("ana", nb.id, revision).model_dump_json() == text
    assert held(store, nb.id).keys() == listed(store, nb.id)  # nothing stored that no revision lists


def test_a_notebook_of_one_frame_is_kept_in_its_revision_row_as_before(store: Store) -> None:
    nb = store.save("ana", store.add("ana", big(checkins=RUN)))
    assert not row(store, nb.id, nb.revision).startswith(MANIFEST)
    assert held(store, nb.id) == {}
    assert store.load("ana", nb.id).model_dump_json() == nb.model_dump_json()


def test_pruning_lets_go_of_the_frames_no_revision_lists(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "KEEP_RECENT", 3)
    monkeypatch.setattr(store_module, "PRUNE_EVERY", 1)
    now = store_module.utc_now()
    clock = iter([now - timedelta(days=90, hours=20 - i) for i in range(12)] + [now] * 5)
    monkeypatch.setattr(store_module, "utc_now", lambda: next(clock))
    nb = store.add("ana", big())
    for i in range(12):
        nb.checkins.append(CheckIn(goal_id="g", on=START, value=100 + i))  # a new last run of check-ins each time
        nb = store.save("ana", nb)
    history = [h.revision for h in store.history("ana", nb.id)]
    assert len(history) < 12  # old revisions of one day were thinned to its last
    assert held(store, nb.id).keys() == listed(store, nb.id)
    for revision in [*history, nb.revision]:
        assert len(store.load_revision("ana", nb.id, revision).checkins) == 8 * RUN + 17 + revision - 1


def test_a_bounded_store_lets_go_of_frames_with_its_revisions() -> None:
    store = Store("sqlite://", keep_recent=3)
    nb = store.add("private", big())
    sizes = []
    for i in range(12):
        nb.checkins.append(CheckIn(goal_id="g", on=START, value=i))
        nb = store.save("private", nb)
        sizes.append(len(held(store, nb.id)))
    assert held(store, nb.id).keys() == listed(store, nb.id)
    assert max(sizes[6:]) <= max(sizes[:6])  # bounded, not growing with every save
    assert store.load("private", nb.id).checkins[-1].value == 11


def test_purging_a_notebook_removes_its_frames(store: Store) -> None:
    nb = store.save("ana", store.add("ana", big()))
    keep = store.add("ana", big())
    store.delete("ana", nb.id)
    store.purge("ana", nb.id)
    assert held(store, nb.id) == {}
    assert held(store, keep.id) and store.load("ana", keep.id).model_dump_json() == keep.model_dump_json()


def test_two_tabs_saving_a_big_notebook_merge(store: Store) -> None:
    nb = store.add("ana", big())
    mine, theirs = store.load("ana", nb.id), store.load("ana", nb.id)
    theirs.checkins.append(CheckIn(goal_id="g", on=START, value=7))
    store.save("ana", theirs)
    mine.title = "Renamed in this tab"
    outcome = store.save_merging("ana", mine)
    assert outcome.merged
    stored = store.load("ana", nb.id)
    assert (stored.title, stored.checkins[-1].value, len(stored.checkins)) == ("Renamed in this tab", 7, 8 * RUN + 18)


def test_a_big_document_written_whole_before_still_reads_and_the_next_save_lists_frames(store: Store) -> None:
    """Versions before this one kept a document of several frames whole in its revision row; a
    server of this version, started on such a database, reads it and lists frames from then on."""
    nb = store.add("ana", big())
    whole = DocumentWriter().verified(nb)
    with store.engine.begin() as conn:
        conn.execute(revisions.update().where(revisions.c.notebook_id == nb.id).values(document=whole))
        conn.execute(frames.delete().where(frames.c.notebook_id == nb.id))
    started = Store(store.url)
    assert started.load("ana", nb.id).model_dump_json() == nb.model_dump_json()
    nb.checkins.append(CheckIn(goal_id="g", on=START, value=3))
    saved = started.save("ana", nb)
    assert row(started, nb.id, saved.revision).startswith(MANIFEST)
    assert started.load("ana", nb.id).model_dump_json() == saved.model_dump_json()
    assert started.load_revision("ana", nb.id, 1).checkins == saved.checkins[:-1]


def test_a_revision_number_another_server_wrote_after_a_backup_was_put_back_is_not_taken_for_this_ones(store: Store) -> None:
    """This server remembers the frames of revision 2 as it wrote it. The database is put back to
    revision 1 and another server writes its own revision 2; this server's next save starts from
    a revision 2 that is not its own, so it sends every frame, and every revision reads whole."""
    nb = store.add("ana", big())
    mine = store.load("ana", nb.id)
    mine.checkins.append(CheckIn(goal_id="g", on=START, value=1))
    mine = store.save("ana", mine)
    with store.engine.begin() as conn:  # the backup of revision 1 put back
        conn.execute(revisions.delete().where(revisions.c.notebook_id == nb.id, revisions.c.revision == 2))
        conn.execute(frames.delete().where(frames.c.notebook_id == nb.id))
        conn.execute(notebooks.update().where(notebooks.c.id == nb.id).values(revision=1, updated_at=nb.updated_at))
        conn.execute(revisions.update().where(revisions.c.notebook_id == nb.id).values(document=DocumentWriter().verified(nb)))
    other = Store(store.url)
    theirs = other.load("ana", nb.id)
    theirs.checkins.append(CheckIn(goal_id="g", on=START, value=2))
    other.save("ana", theirs)
    mine.title = "Renamed here"  # its last run of check-ins is the one this server remembers, not the stored one
    saved = store.save("ana", mine)
    assert store.load("ana", nb.id).model_dump_json() == saved.model_dump_json()
    assert [c.value for c in store.load_revision("ana", nb.id, 2).checkins[-1:]] == [2]


@pytest.mark.parametrize(("wrote_it", "sent"), [(True, "the new frames"), (False, "every frame")],
                         ids=["from the revision this server wrote", "from a revision another server wrote"])
def test_a_save_sends_only_the_frames_new_to_the_revision_it_starts_from(store: Store, wrote_it: bool, sent: str) -> None:
    """What a hosted database is sent: a check-in's few frames when this server wrote the revision
    the save starts from; otherwise every frame, each kept only if the notebook lacks it."""
    nb = store.add("ana", big())
    writer = store if wrote_it else Store(store.url)
    rows: list[int] = []

    def count(_conn, _cursor, statement, parameters, _context, executemany) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("INSERT") and "notebook_frames" in statement:
            rows.append(len(parameters) if executemany else 1)

    sa.event.listen(writer.engine, "before_cursor_execute", count)
    try:
        nb.checkins.append(CheckIn(goal_id="g", on=START, value=4))
        writer.save("ana", nb)
    finally:
        sa.event.remove(writer.engine, "before_cursor_execute", count)
    frames_in_document = len(set(DocumentWriter().framed(nb)))
    assert sum(rows) == (2 if sent == "the new frames" else frames_in_document)  # the opening part and the last run


EDITS = ["add a check-in", "remove a check-in", "rename", "rename an action"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["one", "other"]), st.sampled_from(EDITS), st.integers(0, 10_000)),
                min_size=1, max_size=12))
def test_two_servers_saving_one_notebook_in_turn_keep_every_revision_whole(store: Store, turns) -> None:
    """Each server remembers its own writes; whichever saves, from its own revision or the other's
    (merging when the other saved since), every revision reads back as it was saved, from both."""
    servers = {"one": store, "other": Store(store.url)}
    first = store.add("ana", big(checkins=4 * RUN + 3))
    tabs = {name: server.load("ana", first.id) for name, server in servers.items()}
    saved = {first.revision: first.model_dump_json()}
    for name, kind, n in turns:
        tab = tabs[name]
        if kind == "add a check-in":
            tab.checkins.append(CheckIn(goal_id="g", on=START, value=n))
        elif kind == "remove a check-in":
            tab.checkins.pop(n % len(tab.checkins))
        elif kind == "rename":
            tab.title = f"Renamed {n}"
        else:
            edit.renew(tab.actions, tab.actions[n % len(tab.actions)], title=f"Step {n}")
        outcome = servers[name].save_merging("ana", tab)
        tabs[name] = outcome.notebook if outcome.saved else servers[name].load("ana", first.id)
        if outcome.saved:
            saved[outcome.notebook.revision] = outcome.notebook.model_dump_json()
    for server in servers.values():
        for revision, text in saved.items():
            assert server.load_revision("ana", first.id, revision).model_dump_json() == text
    assert held(store, first.id).keys() == listed(store, first.id)


def test_a_database_without_insert_or_skip_asks_which_frames_it_holds(store: Store) -> None:
    """The path for a database other than SQLite and PostgreSQL: the same frames end up stored."""
    nb = store.add("ana", big())
    other = Store(store.url)  # another server, which has not written this notebook: it offers every frame
    other._insert_frames = None
    nb.checkins.append(CheckIn(goal_id="g", on=START, value=5))
    saved = other.save("ana", nb)
    assert held(store, nb.id).keys() == listed(store, nb.id)
    assert store.load("ana", nb.id).model_dump_json() == saved.model_dump_json()
