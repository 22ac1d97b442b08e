"""The store writes check-ins in runs it keeps (career_core.document_runs): whatever changed, the
document is exactly the notebook's own JSON, compressed it reads back as that JSON, and a check-in
cannot change behind a kept run."""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from career_core import edit, integrity, review
from career_core.document_runs import REVIEW_RUN, RUN, DocumentWriter, _Run, compress, decompress
from career_core.models import Action, CheckIn, Goal, Metric, Notebook, Partner, Review, ReviewDecision
from career_core.plan import actions, initiatives
from career_core.store import Store
from tests.synthetic import five_year_notebook

START = date(2026, 1, 5)


def notebook(checkins: int) -> Notebook:
    goal = Goal(statement="Run 5 km three times a week by June 2027", metric=Metric(baseline=0, target=3))
    nb = Notebook(title="Runs", goals=[goal])
    nb.checkins.extend(CheckIn(goal_id=goal.id, on=START + timedelta(days=i), value=i % 4) for i in range(checkins))
    return nb


def written(writer: DocumentWriter, nb: Notebook) -> bool:
    """Both ways a writer writes a notebook give its own JSON: compressed (as the store keeps it,
    read back) and as text. The compressed one goes first, so its frames come from kept runs."""
    expected = nb.model_dump_json()
    return decompress(writer.compressed(nb)) == expected and writer.json(nb) == expected


def _replace(nb: Notebook, i: int, **changes: object) -> None:
    nb.checkins[i] = edit.changed(nb.checkins[i], **changes)


CHANGES: dict[str, Callable[[Notebook], None]] = {
    "nothing": lambda nb: None,
    "one check-in added at the end": lambda nb: nb.checkins.append(CheckIn(goal_id=nb.goals[0].id, value=2)),
    "the first removed (every run shifts)": lambda nb: nb.checkins.pop(0),
    "one in the middle removed": lambda nb: nb.checkins.pop(len(nb.checkins) // 2),
    "the last removed": lambda nb: nb.checkins.pop(),
    "one replaced by a changed copy": lambda nb: _replace(nb, len(nb.checkins) - 2, note="felt strong"),
    "one replaced by an equal copy": lambda nb: _replace(nb, 1),
    "two swapped": lambda nb: nb.checkins.__setitem__(slice(0, 2), [nb.checkins[1], nb.checkins[0]]),
    "a note holding the JSON key": lambda nb: _replace(nb, 0, note='"checkins":[] and "checkins":[{}]'),
    "all but one run's worth removed": lambda nb: nb.checkins.__delitem__(slice(RUN - 1, None)),
    "the list emptied": lambda nb: nb.checkins.clear(),
    "another field of the notebook changed": lambda nb: setattr(nb, "title", "Runs, year two"),
}


@pytest.mark.parametrize("size", [2, RUN, RUN + 1, 3 * RUN + 17])
@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_after_any_change_the_document_is_the_notebooks_own_json(size: int, change: str) -> None:
    nb = notebook(size)
    writer = DocumentWriter()
    assert written(writer, nb)  # the runs are now kept
    CHANGES[change](nb)
    assert written(writer, nb)


def test_an_empty_notebook_and_its_first_check_in() -> None:
    nb, writer = notebook(0), DocumentWriter()
    assert written(writer, nb)
    CHANGES["one check-in added at the end"](nb)
    assert written(writer, nb)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["add", "remove", "replace"]), st.integers(0, 10_000),
                          st.text(max_size=30)), max_size=12))
def test_any_sequence_of_edits_writes_what_the_notebook_holds(edits: list[tuple[str, int, str]]) -> None:
    nb = notebook(2 * RUN + 5)
    writer = DocumentWriter()
    for i, (kind, at, note) in enumerate(edits):
        if i % 2:
            writer.compressed(nb)
        else:
            writer.json(nb)
        if kind == "add" or not nb.checkins:
            nb.checkins.insert(at % (len(nb.checkins) + 1), CheckIn(goal_id=nb.goals[0].id, note=note))
        elif kind == "remove":
            nb.checkins.pop(at % len(nb.checkins))
        else:
            _replace(nb, at % len(nb.checkins), note=note)
        assert written(writer, nb)


def test_only_the_last_documents_runs_are_kept_for_a_few_notebooks() -> None:
    writer = DocumentWriter(kept_notebooks=2)
    first, second, third = notebook(4 * RUN), notebook(4 * RUN), notebook(2 * RUN)
    writer.json(first)
    for _ in range(5):  # a session that keeps saving holds its notebook's runs, not one per save
        CHANGES["one check-in added at the end"](first)
        writer.json(first)
    assert writer.held() == 5
    writer.json(second)
    writer.json(third)  # the first notebook goes, least recently written
    assert writer.held() == 4 + 2
    assert written(writer, first)


def test_a_check_in_twice_in_the_list_is_written_twice() -> None:
    nb = notebook(RUN)
    nb.checkins.extend(nb.checkins)  # the same objects again: the integrity check refuses it, the JSON still tells it
    writer = DocumentWriter()
    assert written(writer, nb) and written(writer, nb)


BIG = notebook(3 * RUN + 17)


@pytest.mark.parametrize(
    "blob",
    [
        DocumentWriter().compressed(BIG),
        compress(BIG.model_dump_json()),
        zlib.compress(BIG.model_dump_json().encode(), 1),
    ],
    ids=["frames: more than a run of check-ins", "one frame: up to a run, and every save before frames",
         "zlib: rows written before Zstandard"],
)
def test_every_form_a_document_is_stored_in_reads_back_whole(blob: bytes) -> None:
    assert decompress(blob) == BIG.model_dump_json()


def test_more_than_a_run_of_check_ins_is_stored_as_frames_that_zstandard_reads_as_one_text() -> None:
    blob = DocumentWriter().compressed(BIG)
    first_frame = zstandard.ZstdDecompressor().decompress(blob)  # a one-shot read stops after the first frame
    assert len(first_frame) < len(BIG.model_dump_json()) == len(decompress(blob))


@pytest.mark.parametrize("field, value", [("note", "changed my mind"), ("value", 9.0), ("on", START), ("goal_id", "x")])
def test_a_check_in_cannot_change_in_place(field: str, value: object) -> None:
    checkin = notebook(1).checkins[0]
    with pytest.raises(ValidationError, match="frozen"):
        setattr(checkin, field, value)
    with pytest.raises(TypeError, match="frozen"):
        edit.assign(checkin, **{field: value})


def test_saves_with_kept_runs_read_back_as_the_notebook_saved(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'runs.db'}")
    nb = store.add("ana", notebook(2 * RUN + 1))
    for change in ("one check-in added at the end", "one in the middle removed", "one replaced by a changed copy"):
        CHANGES[change](nb)
        nb = store.save("ana", nb)
        assert store.load("ana", nb.id) == nb


def _orphan(nb: Notebook, i: int) -> None:
    nb.checkins[i] = CheckIn.model_construct(**{**dict(nb.checkins[i]), "goal_id": "a goal not in the notebook"})


def _twin(nb: Notebook, i: int, of: int) -> None:
    nb.checkins[i] = CheckIn.model_construct(**{**dict(nb.checkins[i]), "id": nb.checkins[of].id})


# Each breaks the notebook the way a page could (pydantic does not check a list changed in place),
# in a run the writer keeps or in one it writes afresh. model_construct skips the model's checks.
BROKEN: dict[str, Callable[[Notebook], None]] = {
    "a new check-in names a goal not in the notebook": lambda nb: nb.checkins.append(
        CheckIn.model_construct(**{**dict(CheckIn(goal_id="g", value=1)), "goal_id": "gone"})),
    "a check-in of a kept run now names a deleted goal": lambda nb: nb.goals.clear(),
    "a check-in replaced in the middle names a goal not in the notebook": lambda nb: _orphan(nb, RUN + 3),
    "two check-ins of one run share an id": lambda nb: _twin(nb, 5, of=9),
    "two check-ins of different runs share an id": lambda nb: _twin(nb, 2 * RUN + 1, of=3),
    "a check-in of the last run shares an id with one of the first": lambda nb: _twin(nb, 3 * RUN + 5, of=3),
    "a check-in of the first run shares an id with one of the last": lambda nb: _twin(nb, 3, of=3 * RUN + 5),
    "a check-in appears twice": lambda nb: nb.checkins.append(nb.checkins[7]),
    "nothing broken, one added": CHANGES["one check-in added at the end"],
    "nothing broken, one removed": CHANGES["the first removed (every run shifts)"],
}


@pytest.mark.parametrize("change", list(BROKEN), ids=list(BROKEN))
def test_a_write_checks_the_notebook_as_a_whole_check_would(change: str) -> None:
    nb = notebook(3 * RUN + 17)
    writer = DocumentWriter()
    writer.verified(nb)  # its runs are now kept, their columns read
    BROKEN[change](nb)
    expected = integrity.problems(nb)
    if expected:
        with pytest.raises(integrity.Inconsistent, match=re.escape(expected[0][1])):
            writer.verified(nb)
    else:
        assert decompress(writer.verified(nb)) == nb.model_dump_json()


STALE: dict[str, Callable[[Notebook], list[CheckIn]]] = {
    "runs short of the list": lambda nb: nb.checkins[:-1],
    "runs of the list before its last check-in was replaced": lambda nb: [*nb.checkins[:-1], CheckIn(goal_id=nb.goals[0].id)],
    "runs of other check-ins, as many": lambda nb: notebook(len(nb.checkins)).checkins,
}


@pytest.mark.parametrize("runs", list(STALE.values()), ids=list(STALE))
def test_runs_that_do_not_hold_the_very_list_are_not_trusted(runs: Callable[[Notebook], list[CheckIn]]) -> None:
    nb = notebook(2 * RUN)
    clean = runs(nb)  # none of them names a goal not in the notebook
    _orphan(nb, -1)
    stale = {"checkins": [integrity.Columns(clean[k:k + RUN]) for k in range(0, len(clean), RUN)]}
    assert integrity.problems(nb, stale) == integrity.problems(nb) != []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["add", "remove", "replace", "orphan", "twin", "mend"]),
                          st.integers(0, 10_000), st.integers(0, 10_000)), max_size=10))
def test_any_sequence_of_edits_is_checked_as_a_whole_check_would(edits: list[tuple[str, int, int]]) -> None:
    nb = notebook(2 * RUN + 5)
    writer = DocumentWriter()
    for kind, at, other in edits:
        with contextlib.suppress(ValueError):
            writer.verified(nb)
        if kind == "add" or not nb.checkins:
            nb.checkins.insert(at % (len(nb.checkins) + 1), CheckIn(goal_id=nb.goals[0].id))
        elif kind == "remove":
            nb.checkins.pop(at % len(nb.checkins))
        elif kind == "replace":
            _replace(nb, at % len(nb.checkins), note="again")
        elif kind == "orphan":
            _orphan(nb, at % len(nb.checkins))
        elif kind == "twin":
            _twin(nb, at % len(nb.checkins), of=other % len(nb.checkins))
        else:  # a valid check-in in the place of any
            nb.checkins[at % len(nb.checkins)] = CheckIn(goal_id=nb.goals[0].id, on=START)
        expected = integrity.problems(nb)
        try:
            assert decompress(writer.verified(nb)) == nb.model_dump_json()
            assert expected == []
        except integrity.Inconsistent as exc:
            assert str(exc) == expected[0][1]


@cache
def _five_years() -> Notebook:
    return five_year_notebook()


def _nth_action(nb: Notebook, i: int) -> str:
    return nb.actions[i % len(nb.actions)].id


# Edits to the actions and the reviews, kept in runs as the check-ins are, and to the parts around
# them, which the writer frames apart and compresses again only when their text changed (the goals,
# the rest).
AROUND: dict[str, Callable[[Notebook, int], None]] = {
    "an action renamed": lambda nb, i: nb.actions and edit.renew(nb.actions, nb.actions[i % len(nb.actions)], title=f"Step {i}"),
    "an action ticked done": lambda nb, i: nb.actions and actions.mark_done(nb, _nth_action(nb, i), START + timedelta(days=i % 2000)),
    "an action reopened": lambda nb, i: nb.actions and actions.reopen(nb, _nth_action(nb, i)),
    "an action added": lambda nb, i: edit.add(nb, "actions", Action(title=f"New step {i}", goal_id=nb.goals[0].id)),
    "an action removed (the runs after it shift)": lambda nb, i: nb.actions and edit.remove(nb.actions, _nth_action(nb, i)),
    "a goal deleted (its actions unlinked)": lambda nb, i: len(nb.goals) > 1 and edit.remove_goal(nb, nb.goals[i % len(nb.goals)].id),
    "an initiative deleted (its actions unlinked)": lambda nb, i: nb.initiatives and initiatives.remove_initiative(
        nb, nb.initiatives[i % len(nb.initiatives)].id),
    "a goal's why in place, with the keys the parts are cut at": lambda nb, i: edit.assign(
        nb.goals[i % len(nb.goals)], why=f'{i},"actions":[ ,"goals":[ ,"partners":['),
    "a partner added": lambda nb, i: edit.add(nb, "partners", Partner(name=f"Partner {i}")),
    "a journal entry's text in place": lambda nb, i: edit.assign(nb.journal[i % len(nb.journal)], text=f"Kept {i}"),
    "the last review removed": lambda nb, i: nb.reviews and nb.reviews.pop(),
    "a review's words": lambda nb, i: nb.reviews and edit.update(nb, nb.reviews[i % len(nb.reviews)], went_well=f"Kept {i}"),
    "a review's words with the keys the parts are cut at": lambda nb, i: nb.reviews and edit.update(
        nb, nb.reviews[i % len(nb.reviews)], change=f'{i},"reviews":[] ,"partners":[ ,"checkins":[]'),
    "a decision recorded in a review": lambda nb, i: review.apply_decision(
        nb, nb.goals[i % len(nb.goals)].id, ReviewDecision.KEEP, START + timedelta(days=i % 2000), note=f"Held {i}"),
    "a review started": lambda nb, i: nb.reviews.append(Review(on=START + timedelta(days=i % 2000))),
    "the actions emptied": lambda nb, i: nb.actions.clear(),
    "the title": lambda nb, i: edit.assign(nb, title=f"Five years, {i}"),
    "a check-in added": lambda nb, i: nb.checkins.append(CheckIn(goal_id=nb.goals[0].id, value=i)),
    "nothing": lambda nb, i: None,
}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(AROUND)), st.integers(0, 10_000)), max_size=8))
def test_edits_around_the_check_ins_write_what_the_notebook_holds(edits: list[tuple[str, int]]) -> None:
    nb = _five_years().model_copy(deep=True)
    writer = DocumentWriter()
    assert written(writer, nb)
    for kind, i in edits:
        AROUND[kind](nb, i)
        assert written(writer, nb)


def test_an_entry_of_a_kept_run_changed_behind_the_models_back_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Actions and check-ins are frozen, and their days done refuse change in place; only writing
    to a model's `__dict__` gets past that. The tests' check (WAYPOINT_CHECK_DOCUMENTS) catches it
    rather than let a save write the action as it was."""
    monkeypatch.setenv("WAYPOINT_CHECK_DOCUMENTS", "1")
    nb = _five_years().model_copy(deep=True)
    writer = DocumentWriter()
    assert written(writer, nb)
    nb.actions[3].__dict__["title"] = "Changed behind its back"
    with pytest.raises(AssertionError, match="differs from the notebook's own JSON"):
        writer.verified(nb)


REVIEWS_WRITTEN = [
    # (what changed, how many runs of reviews are written again; sixty reviews make 8 runs, the last of 4)
    ("nothing", lambda nb: None, 0),
    ("words typed into the latest review", lambda nb: edit.update(nb, nb.reviews[-1], went_well="A calm month"), 1),
    ("a decision recorded in the latest review", lambda nb: edit.update(nb, nb.reviews[-1], decisions=[]), 1),
    ("a review started", lambda nb: nb.reviews.append(Review(on=START)), 1),
    ("the first review's words", lambda nb: edit.update(nb, nb.reviews[0], learned="Looking back"), 1),
    ("the first review removed: every run shifts", lambda nb: nb.reviews.pop(0), 8),
]


@pytest.mark.parametrize("change, again", [c[1:] for c in REVIEWS_WRITTEN], ids=[c[0] for c in REVIEWS_WRITTEN])
def test_a_save_writes_again_only_the_runs_of_reviews_it_changed(monkeypatch: pytest.MonkeyPatch, change, again: int) -> None:
    """Reviews are frozen, as actions are: a run of them holding the very same reviews keeps the
    JSON written before. Typing into the open review writes its run of REVIEW_RUN again, not sixty."""
    nb = _five_years().model_copy(deep=True)
    assert len(nb.reviews) == 60 and REVIEW_RUN == 8
    made = []
    real = _Run.of_reviews.__func__
    monkeypatch.setattr(_Run, "of_reviews", classmethod(lambda cls, entries: made.append(entries) or real(cls, entries)))
    writer = DocumentWriter()
    assert written(writer, nb)
    made.clear()
    change(nb)
    assert written(writer, nb)
    assert len(made) == again


@pytest.mark.parametrize("change", [
    pytest.param(lambda r: r.decisions.append(r.decisions[0]), id="a decision appended"),
    pytest.param(lambda r: r.decisions.clear(), id="the decisions cleared"),
    pytest.param(lambda r: setattr(r, "went_well", "Changed"), id="its words set"),
    pytest.param(lambda r: edit.assign(r, went_well="Changed"), id="its words assigned"),
    pytest.param(lambda r: setattr(r.decisions[0], "note", "Changed"), id="a decision's note set"),
])
def test_a_review_cannot_change_in_place(change) -> None:
    nb = _five_years().model_copy(deep=True)
    decided = next(r for r in nb.reviews if r.decisions)
    with pytest.raises((TypeError, ValidationError)):
        change(decided)
