"""The store: revision-checked saves, owner isolation, history, the bin, and no lost edit."""

from __future__ import annotations

import socket
import threading
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from career_core import database
from career_core import store as store_module
from career_core.database import default_url
from career_core.models import Goal, Title
from career_core.store import ConflictError, NotFoundError, Store
from tests.processes import run_together


def test_create_starts_at_revision_one_and_lists_newest_first(store: Store):
    first = store.create("ana", "First")
    second = store.create("ana", "Second")
    assert (first.revision, second.revision) == (1, 1)
    listed = store.list("ana")
    assert [s.title for s in listed] == ["Second", "First"]
    assert {s.revision for s in listed} == {1}
    assert all(s.updated_at.tzinfo is not None for s in listed)


def test_save_increments_the_revision_and_keeps_the_edit(store: Store):
    nb = store.create("ana", "Mine")
    nb.vision.statement = "Head a division of 200 people"
    saved = store.save("ana", nb)
    assert saved.revision == 2
    assert store.load("ana", nb.id).vision.statement == "Head a division of 200 people"
    assert store.list("ana")[0].revision == 2


def test_a_stale_save_raises_conflict_and_overwrites_nothing(store: Store):
    nb = store.create("ana", "Mine")
    tab_a = store.load("ana", nb.id)
    tab_b = store.load("ana", nb.id)
    tab_a.vision.statement = "from tab A"
    store.save("ana", tab_a)
    tab_b.vision.statement = "from tab B"
    with pytest.raises(ConflictError) as caught:
        store.save("ana", tab_b)
    assert (caught.value.loaded, caught.value.stored) == (1, 2)
    assert store.load("ana", nb.id).vision.statement == "from tab A"
    assert [h.revision for h in store.history("ana", nb.id)] == [1]


@pytest.mark.parametrize(
    "call",
    [
        lambda s, nb: s.load("bob", nb.id),
        lambda s, nb: s.save("bob", nb),
        lambda s, nb: s.history("bob", nb.id),
        lambda s, nb: s.load_revision("bob", nb.id, 1),
        lambda s, nb: s.restore("bob", nb.id, 1),
        lambda s, nb: s.delete("bob", nb.id),
        lambda s, nb: s.undelete("bob", nb.id),
        lambda s, nb: s.save_merging("bob", nb),
        lambda s, nb: s.save_draft("bob", nb.id, "goal.statement", "Lead a team"),
    ],
    ids=["load", "save", "history", "load_revision", "restore", "delete", "undelete", "save_merging",
         "save_draft"],
)
def test_another_owner_cannot_reach_a_notebook(store: Store, call):
    nb = store.create("ana", "Ana's")
    with pytest.raises(NotFoundError):
        call(store, nb)
    assert store.list("bob") == []
    assert store.load("ana", nb.id).revision == 1  # untouched


def test_unknown_ids_are_not_found(store: Store):
    with pytest.raises(NotFoundError):
        store.load("ana", "no-such-id")
    with pytest.raises(NotFoundError):
        store.load_revision("ana", store.create("ana", "x").id, 99)


def test_history_and_restore_keep_every_revision(store: Store):
    nb = store.create("ana", "Mine")
    for text in ["one", "two", "three"]:
        nb.vision.statement = text
        nb = store.save("ana", nb)
    assert [h.revision for h in store.history("ana", nb.id)] == [3, 2, 1]
    assert store.load_revision("ana", nb.id, 2).vision.statement == "one"
    restored = store.restore("ana", nb.id, 2)
    assert restored.revision == 5
    assert store.load("ana", nb.id).vision.statement == "one"
    # the version before the restore is kept too: the restore can be undone
    assert store.load_revision("ana", nb.id, 4).vision.statement == "three"
    assert [h.revision for h in store.history("ana", nb.id)] == [4, 3, 2, 1]


def test_delete_hides_and_undelete_brings_back(store: Store):
    nb = store.create("ana", "Mine")
    store.delete("ana", nb.id)
    assert store.list("ana") == []
    assert [s.id for s in store.list("ana", deleted=True)] == [nb.id]
    with pytest.raises(NotFoundError):
        store.load("ana", nb.id)
    with pytest.raises(NotFoundError):
        store.save("ana", nb)
    store.undelete("ana", nb.id)
    assert [s.id for s in store.list("ana")] == [nb.id]
    assert store.load("ana", nb.id) == nb


def test_add_stores_a_copy_under_a_new_id(store: Store):
    original = store.create("ana", "Original")
    original.goals.append(Goal(statement="Lead a team of 10"))
    copy = store.add("ana", original)
    assert copy.id != original.id and copy.revision == 1
    assert store.load("ana", copy.id).goals[0].statement == "Lead a team of 10"
    assert store.load("ana", original.id).goals == []


def test_a_save_that_fails_half_way_leaves_the_notebook_as_it_was(store: Store):
    nb = store.create("ana", "Mine")
    nb.vision.statement = "kept"
    nb = store.save("ana", nb)

    def explode(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO NOTEBOOK_REVISIONS"):
            raise RuntimeError("disk pulled out")

    sa.event.listen(store.engine, "before_cursor_execute", explode)
    try:
        nb.vision.statement = "lost in the crash"
        with pytest.raises(RuntimeError):
            store.save("ana", nb)
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", explode)
    stored = store.load("ana", nb.id)
    assert (stored.revision, stored.vision.statement) == (2, "kept")
    assert [h.revision for h in store.history("ana", nb.id)] == [1]
    # and the notebook saves normally afterwards
    assert store.save("ana", stored).revision == 3


def test_sqlite_runs_in_wal_mode(sqlite_url: str):
    s = Store(sqlite_url)
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ("", None, f"sqlite:///{database.DEFAULT_PATH}"),
        ("", {"database_url": "postgresql://db/w"}, "postgresql://db/w"),
        ("sqlite:////tmp/x.db", {"database_url": "postgresql://db/w"}, "sqlite:////tmp/x.db"),
        ("  ", {"database_url": "  "}, f"sqlite:///{database.DEFAULT_PATH}"),
    ],
)
def test_database_url_precedence(monkeypatch, env, secrets, expected):
    monkeypatch.setenv(database.ENV_VAR, env)
    assert default_url(secrets) == expected


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("sqlite:////srv/waypoint/data/w.db", Path("/srv/waypoint/data")),  # an absolute path: its folder
        ("sqlite:///data/w.db", Path("data")),  # a path from where the app starts
        ("sqlite:///w.db", Path(".")),
        ("sqlite://", None),  # in memory: no file at all
        ("sqlite:///:memory:", None),
        ("sqlite:///file:/srv/w.db?mode=ro&uri=true", None),  # SQLite's URI syntax: no path to make
    ],
)
def test_the_folder_made_for_a_sqlite_database(url: str, folder: Path | None):
    assert database.sqlite_folder(url) == folder


def test_a_read_only_uri_makes_no_folder_named_after_it(tmp_path: Path, monkeypatch):
    """A database opened read-only by its URI filename once left a folder `file:` where the app ran."""
    Store(f"sqlite:///{tmp_path / 'w.db'}").create("local", "Mine")
    monkeypatch.chdir(tmp_path)
    read_only = Store(f"sqlite:///file:{tmp_path / 'w.db'}?mode=ro&uri=true")
    assert [s.title for s in read_only.list("local")] == ["Mine"]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("w.db")) == []


def test_pruning_keeps_recent_revisions_and_one_per_day(store: Store, monkeypatch):
    monkeypatch.setattr(store_module, "KEEP_RECENT", 5)
    monkeypatch.setattr(store_module, "PRUNE_EVERY", 1)
    nb = store.create("ana", "Mine")
    now = store_module.utc_now()
    midnight = (now - timedelta(days=60)).replace(hour=0, minute=0, second=0, microsecond=0)
    old = [midnight + timedelta(hours=1 + 6 * i) for i in range(16)]  # 4 a day, 4 days
    recent = [now - timedelta(minutes=10 - i) for i in range(6)]
    clock = iter(old + recent)
    monkeypatch.setattr(store_module, "utc_now", lambda: next(clock))
    for i in range(22):
        nb.vision.statement = str(i)
        nb = store.save("ana", nb)
    kept = {h.revision for h in store.history("ana", nb.id)}
    assert set(range(18, 23)) <= kept  # the five most recent
    assert 1 in kept  # younger than 30 days
    old_kept = sorted(r for r in kept if 2 <= r <= 17)
    assert old_kept == [5, 9, 13, 17]  # the last revision of each old day
    assert store.load_revision("ana", nb.id, 9).vision.statement == "7"


@pytest.mark.parametrize(("saves", "earlier"), [(3, [1, 2, 3]), (9, [6, 7, 8, 9]), (23, list(range(16, 24)))])
def test_a_bounded_store_keeps_only_the_most_recent_revisions(saves, earlier):
    """A private session's in-memory store: every `keep_recent` saves, revisions older than the
    last `keep_recent` go, so it never holds more than twice that, however long the session."""
    store = Store("sqlite://", keep_recent=5)
    nb = store.create("private", "Mine")
    for i in range(saves):
        nb.vision.statement = str(i)
        nb = store.save("private", nb)
    assert sorted(h.revision for h in store.history("private", nb.id)) == earlier
    assert store.load("private", nb.id).vision.statement == str(saves - 1)


# --- two processes saving the same notebook at once --------------------------------------------


def _hammer(url: str, notebook_id: str, worker: int, rounds: int, gate, out) -> None:
    """Each round both workers load the same revision, then both save at the same moment."""
    s = Store(url)
    wins, conflicts = [], 0
    for i in range(rounds):
        nb = s.load("ana", notebook_id)
        nb.vision.statement = f"worker {worker} round {i}"
        gate.wait()
        try:
            wins.append((s.save("ana", nb).revision, nb.vision.statement))
        except ConflictError:
            conflicts += 1
        gate.wait()
    out.put((worker, wins, conflicts))


def test_two_processes_saving_at_once_lose_no_revision(store: Store, store_url: str):
    nb = store.create("ana", "Contended")
    rounds = 30
    results = run_together(_hammer, [(store_url, nb.id, w, rounds) for w in range(2)])
    wins = [w for _, ws, _ in results for w in ws]
    conflicts = sum(c for _, _, c in results)
    # both saved from the same revision every round: exactly one wins, the other is told
    assert len(wins) == rounds and conflicts == rounds
    final = store.load("ana", nb.id)
    # every successful save got its own revision, and each one is in the history as written
    assert sorted(r for r, _ in wins) == list(range(2, final.revision + 1))
    for revision, text in wins:
        assert store.load_revision("ana", nb.id, revision).vision.statement == text


# --- the same on every database -----------------------------------------------------------------

_title = TypeAdapter(Title)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=120).filter(lambda t: t.strip()), words=st.text(max_size=400))
def test_any_text_people_type_round_trips(store: Store, title: str, words: str):
    """Whatever someone types (NUL characters, emoji, right-to-left scripts) comes back exactly."""
    owner = f"owner-{uuid.uuid4().hex}"  # hypothesis may replay an example: a fresh owner each time
    nb = store.create(owner, title)
    nb.vision.statement = words
    nb.reflection.private_notes = words[::-1]
    saved = store.save(owner, nb)
    loaded = store.load(owner, nb.id)
    assert loaded.title == _title.validate_python(title)
    assert (loaded.vision.statement, loaded.reflection.private_notes) == (words, words[::-1])
    assert loaded == saved
    # the listing shows the title too (PostgreSQL cannot keep a NUL character in a plain column)
    assert [s.title for s in store.list(owner)] == [loaded.title.replace("\x00", "")]


def test_timestamps_come_back_in_utc(store: Store):
    nb = store.create("ana", "Mine")
    summary = store.list("ana")[0]
    assert summary.updated_at.utcoffset() == timedelta(0)
    assert summary.updated_at == nb.updated_at
    assert store.history("ana", store.save("ana", nb).id)[0].saved_at == nb.updated_at


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_store_is_one_database_for_every_thread(url: str):
    """Private sessions keep their notebook in memory; every call must see the same database."""
    s = Store(url)
    nb = s.create("private", "Only in this tab")
    seen: list[list[str]] = []
    worker = threading.Thread(target=lambda: seen.append([x.title for x in s.list("private")]))
    worker.start()
    worker.join()
    assert seen == [["Only in this tab"]]
    nb.vision.statement = "edited"
    assert s.save("private", nb).revision == 2
    assert Store(url).list("private") == []  # another session's store is another database


@pytest.mark.timeout(60)
def test_a_postgresql_server_that_never_answers_fails_instead_of_hanging(monkeypatch):
    """A blocked or sleeping database must give the page an error it can explain, not hang it."""
    monkeypatch.setattr(database, "CONNECT_TIMEOUT", 1)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # the handshake completes, then nothing is ever said
    try:
        with pytest.raises(sa.exc.OperationalError):
            Store(f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/waypoint")
    finally:
        silent.close()
