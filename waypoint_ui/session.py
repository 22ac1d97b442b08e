"""The open notebook of this browser session, and the one way pages change it: `commit`.

Every edit is saved to the store at once (a dropped connection loses nothing). A save that meets
a newer revision, saved in another tab, window or device, merges with it field by field against
the revision this tab started from (`Store.save_merging`): both sides' edits survive, and only
the same field changed on both sides becomes a question (`questions`, answered with `answer`),
asked on the page; this tab's edits wait in it until then. A tab with nothing of its own waiting
takes the newer revision at its next run (`catch_up`), and the widgets that show a changed value
follow (`follow`). An edit that fails validation leaves the notebook as it was and puts the
message beside the field. What is typed but not yet added lives in the store as drafts
(waypoint_ui.drafts); a save names the drafts it adds for good, and drops them in its transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import SQLAlchemyError

from career_core import storage_faults, wording
from career_core.merge import Conflict, Side
from career_core.models import Notebook
from career_core.privacy import is_private
from career_core.store import ConflictError, Draft, NotFoundError, Store
from career_core.validation import EntryError, field_errors, split_field
from waypoint_ui import failures, hosting

log = logging.getLogger("waypoint")

NOTEBOOK = "wp.notebook"
STATUS = "wp.status"
ERRORS = "wp.errors"
GENERATION = "wp.generation"
OWNER = "wp.owner"  # whose notebook NOTEBOOK is: never shown to anyone else
PRESENT = "wp.presenting"
CHANGES = "wp.changes"  # see `changes`
UNSAVED = "wp.unsaved"  # this tab's notebook holds edits the store lacks (a failed save, or a question)
QUESTIONS = "wp.questions"  # what the last merge asks: the Conflicts, until answered
CHOICES = "wp.choices"  # the answers given so far, by conflict key
CLEARS = "wp.clear-drafts"  # drafts the edits waiting in this tab add for good: dropped when they are saved
ADDED = "wp.drafts-added"  # drafts a save added for good, until their fields are drawn again (waypoint_ui.drafts)
KNOWN_FIELDS = "wp.draft-known"  # the fields drawn with the open notebook that keep drafts (waypoint_ui.drafts)
FOLLOW = "wp.follow"  # widget name -> what of the notebook it shows
RENEWED = "wp.renewed"  # widget name -> how often the notebook changed under it (part of its key)
DRAFTS = "wp.drafts"  # this person's drafts of the open notebook, by draft key
TYPING = "wp.typing"  # a field is being typed into, its draft not written yet (set by waypoint_ui.drafts)
TYPED_HERE = "wp.typed-here"  # notebook id -> draft keys of fields saved in place typed in this tab, not saved yet
MINE = "wp.my-drafts"  # notebook id -> draft key -> the Draft this tab kept or put back into its field


@dataclass(frozen=True, slots=True)
class SaveStatus:
    kind: str  # "saved" | "merged" | "updated" | "conflict" | "error" | "invalid"
    message: str
    at: datetime | None = None


# --- where notebooks live, and whose they are ------------------------------------------------


def store() -> Store:
    """The store of this hosting mode (see waypoint_ui.hosting): a file or database shared by
    the server, or, in a private session, an in-memory one of this browser tab alone."""
    return hosting.store()


def owner() -> str:
    """Whose notebooks this session may see: "local", the signed-in person, or "private"."""
    return hosting.owner()


# --- presentation mode ---------------------------------------------------------------------------


def presenting() -> bool:
    """Presentation mode (screen-sharing with a coach): pages hide every private field.

    The sidebar switch decides once this session has seen it; before that, `?present=1` in the
    address does, so a page opened or reloaded with it never shows a private field, not even once.
    """
    if PRESENT in st.session_state:
        return bool(st.session_state[PRESENT])
    return st.query_params.get("present") == "1"


def hidden(model: type[BaseModel], field: str) -> bool:
    """Whether `model.field` is kept off the screen now: while presenting, every field the model
    marks private (career_core.privacy) is, on every page and in every download."""
    return presenting() and is_private(model, field)


def set_presenting(on: bool) -> None:
    """Switch presentation mode, and keep `?present=1` in the address while it is on, so a
    reload during the call stays safe. A switch draws every field afresh: drafts put back into
    forms (they may be private) leave the screen as presenting starts, and return after it."""
    was = st.session_state.get(PRESENT)
    if was is not None and bool(was) != on:
        st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
    st.session_state[PRESENT] = on
    if on and st.query_params.get("present") != "1":
        st.query_params["present"] = "1"
    elif not on and "present" in st.query_params:
        del st.query_params["present"]


# --- the open notebook ---------------------------------------------------------------------------


def notebook() -> Notebook | None:
    """The notebook this session works on: the one picked, else the most recent, else None."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is not None and st.session_state.get(OWNER) == owner():
        return nb
    if nb is not None:  # the identity changed under this session: forget the other person's notebook
        close_notebook()
    wanted = st.query_params.get("nb")
    summaries = store().list(owner())
    ids = [s.id for s in summaries]
    pick = wanted if wanted in ids else (ids[0] if ids else None)
    if pick is None:
        return None
    return open_notebook(pick)


def open_notebook(notebook_id: str) -> Notebook | None:
    try:
        nb = store().load(owner(), notebook_id)
    except NotFoundError:
        st.session_state.pop(NOTEBOOK, None)
        return None
    _set_current(nb)
    return nb


def open_added(nb: Notebook) -> None:
    """Open a notebook just added to the store (an import), as the store returned it: a notebook
    at the limits is not read back a second time."""
    _set_current(nb)


def _set_current(nb: Notebook) -> None:
    """Switch to `nb` and start its widgets afresh (their keys carry the generation)."""
    _hold(nb)
    st.session_state[OWNER] = owner()
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
    st.session_state[ERRORS] = {}
    _forget_saving()
    st.query_params["nb"] = nb.id


def close_notebook() -> None:
    st.session_state.pop(NOTEBOOK, None)
    st.session_state.pop(OWNER, None)
    _forget_saving()
    st.query_params.pop("nb", None)


def _forget_saving() -> None:
    """What this session knew of the saving of the notebook it leaves: status, questions, drafts."""
    for name in (STATUS, UNSAVED, QUESTIONS, CHOICES, CLEARS, FOLLOW, RENEWED, DRAFTS, ADDED, KNOWN_FIELDS):
        st.session_state.pop(name, None)


def key(name: str) -> str:
    """A widget key tied to the open notebook, so switching or reloading refreshes the widget, and
    one that shows a value of the notebook (`follow`) afresh when another tab changed it."""
    nb = st.session_state.get(NOTEBOOK)
    renewed = st.session_state.get(RENEWED, {}).get(name)
    return f"{nb.id if nb else 'none'}.{st.session_state.get(GENERATION, 0)}.{name}" + (f"~{renewed}" if renewed else "")


# --- saving ----------------------------------------------------------------------------------


def commit(change: Callable[[Notebook], object], *, field: str | None = None, drafts: Iterable[str] = ()) -> bool:
    """Apply `change` to the open notebook and save it. Returns whether the change is kept: saved,
    or held in this tab until the person answers a question about another tab's changes.

    A ValidationError from `change` leaves the notebook unchanged and records the message
    under `field` (see `field_error`); what the person typed stays in the widget. `drafts` names
    the drafts this change adds for good: they go in the same transaction as the save.
    """
    nb = st.session_state.get(NOTEBOOK)
    if nb is None:
        return False
    errors: dict[str, str] = st.session_state.setdefault(ERRORS, {})
    checkpoint = _checkpoint(nb)
    _changed()  # even a change that fails half way leaves nothing derived from before it
    try:
        change(nb)
    except ValueError as exc:  # ValidationError and EntryError too: the change was not made
        errors[field or "_"] = _problem(exc)
        st.session_state[STATUS] = SaveStatus("invalid", "Not saved yet: a field needs fixing.")
        return False
    except Exception as exc:  # noqa: BLE001 - a bug met on the way: undone and said, never a traceback
        log.error("A change failed: %s", failures.describe(exc))
        _refused(nb, "This could not be saved: something went wrong on the way, so nothing was changed. "
                     "Try again; if it happens again, the server's log says where.", field, checkpoint)
        return False
    if field:
        errors.pop(field, None)
    clears: set[str] = st.session_state.setdefault(CLEARS, set())
    added = set(drafts) - clears
    clears.update(added)  # the drafts go with the save that adds them
    if _save(field, checkpoint):
        return True
    if (state := status()) is not None and state.kind == "invalid":
        clears.difference_update(added)  # refused: what was typed stays a draft
    return bool(questions())


def _problem(exc: ValueError) -> str:
    """What to say beside the field about a change the model or a core rule refused."""
    if isinstance(exc, ValidationError):
        return next(iter(field_errors(exc).values()), "This cannot be saved as it is.")
    if isinstance(exc, EntryError):
        return next(iter(exc.problems.values()), str(exc))
    return split_field(str(exc))[1]  # a rule of the core, written "field: message": the message alone


def save_now(choices: Mapping[str, Side] | None = None) -> bool:
    """Save this tab's notebook, merged with whatever another tab saved since it was loaded.

    Edits to different fields merge without a word beyond the save line; the same field changed
    on both sides is a question (`questions`), answered with `answer`. Returns whether it saved.
    """
    return _save(None, None, choices)


def _save(field: str | None, checkpoint: Notebook | None, choices: Mapping[str, Side] | None = None) -> bool:
    """Save; a refusal is said in the sidebar, and beside `field` when given. `checkpoint`: the
    notebook before the change being saved, when the store does not have it (see `_checkpoint`)."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is None:
        return False
    answers = {**st.session_state.get(CHOICES, {}), **(choices or {})}
    clears = sorted(st.session_state.get(CLEARS, ()))
    mine = my_drafts()
    own = [mine[k] for k in clears if k in mine]  # another tab's draft of the same field stays
    st.session_state[UNSAVED] = True  # until the store says otherwise
    try:
        outcome = store().save_merging(owner(), nb, choices=answers or None, clear_drafts=own)
    except ValueError as exc:  # limits.LimitError, integrity.Inconsistent: the notebook's own rules
        _refused(nb, str(exc), field, checkpoint)
        return False
    except ConflictError as exc:  # the revision this tab started from is no longer in the history
        st.session_state[QUESTIONS] = ()
        st.session_state[STATUS] = SaveStatus(
            "conflict",
            f"Not saved yet: this notebook was changed in another tab or window (now at revision {exc.stored}), "
            "and the version this tab started from is too old to merge with. Choose which version to keep.",
        )
        return False
    except NotFoundError:
        st.session_state[STATUS] = SaveStatus(
            "error", "Not saved: this notebook was deleted elsewhere. Restore it from the bin on the Notebooks page."
        )
        return False
    except (SQLAlchemyError, OSError) as exc:
        trouble = storage_faults.diagnose(exc)
        log.error("Saving notebook failed: %s (%s)", trouble.fault.value, type(exc).__name__)
        st.session_state[STATUS] = SaveStatus("error", f"Not saved. {trouble.message} Your edits are kept in this tab. {trouble.fix}")
        return False
    if not outcome.saved:
        st.session_state[QUESTIONS] = outcome.conflicts
        st.session_state[CHOICES] = answers
        st.session_state[STATUS] = SaveStatus(
            "conflict", "Not saved yet: another tab changed the same thing. Choose on the page which version to keep.")
        return False
    _adopt(outcome.notebook)
    forget_drafts(clears)
    st.session_state.setdefault(ADDED, set()).update(clears)
    for name in (UNSAVED, QUESTIONS, CHOICES, CLEARS):
        st.session_state.pop(name, None)
    kind, words = ("merged", "Saved, merged with changes from another tab") if outcome.merged else ("saved", "Saved")
    st.session_state[STATUS] = SaveStatus(kind, words, outcome.notebook.updated_at)
    return True


def questions() -> tuple[Conflict, ...]:
    """What a merge asks: the fields this tab and another both changed, differently."""
    return st.session_state.get(QUESTIONS, ()) if st.session_state.get(UNSAVED) else ()


def answer(choices: Mapping[str, Side]) -> bool:
    """Save with the person's choice for each question; a question left open is asked again."""
    return save_now(choices)


# --- a save the notebook's rules refuse: the change is undone, the message put beside the field --------
# A page changes the open notebook in place and then saves; when the store refuses the result (a
# list past its limit, a link to nothing), the tab must not keep a notebook that can never be
# saved. What the person typed stays in the widget, as with any refused value.


def _checkpoint(nb: Notebook) -> Notebook | None:
    """What a refused save goes back to: a copy when this tab holds work the store lacks (a save
    stopped by another tab's, or by the database), else None, and the revision it loaded will do."""
    return nb.model_copy(deep=True) if holds_unsaved() else None


def _refused(nb: Notebook, message: str, field: str | None, checkpoint: Notebook | None) -> None:
    if checkpoint is None:
        try:
            checkpoint = store().load_revision(owner(), nb.id, nb.revision)
        except (NotFoundError, SQLAlchemyError):
            checkpoint = None  # nothing stored to go back to: keep the tab's version, unsaved
        else:
            st.session_state.pop(UNSAVED, None)  # back to the stored revision: nothing is pending
    if checkpoint is not None:
        _hold(checkpoint)
    st.session_state.setdefault(ERRORS, {})[field or "_"] = message
    st.session_state[STATUS] = SaveStatus("invalid", f"Not saved: {message}")


def field_error(field: str) -> str | None:
    return st.session_state.get(ERRORS, {}).get(field)


def nothing_new(field: str, saved: object, reported: object) -> bool:
    """Whether a widget's change is no change: the value the notebook holds, reported again (after
    a tab switch the browser can send a left widget's value once more) or typed back, with no
    error shown for the field. Its callback then saves nothing, and no revision is written."""
    return saved == reported and not field_error(field)


def clear_error(field: str) -> None:
    st.session_state.get(ERRORS, {}).pop(field, None)


def status() -> SaveStatus | None:
    return st.session_state.get(STATUS)


def holds_unsaved() -> bool:
    """Whether this tab's notebook holds edits the store lacks: a save that failed or waits for an answer."""
    return bool(st.session_state.get(UNSAVED))


def reload_latest() -> None:
    """Drop this tab's unsaved version and load the stored one (which stays in history)."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is not None:
        open_notebook(nb.id)


def keep_mine() -> None:
    """Save this tab's version on top of the newer one, which stays in the history: the way out
    when the revision this tab started from is too old to merge with."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is None:
        return
    try:
        current = store().revision_of(owner(), nb.id)
    except NotFoundError:
        return
    _hold(nb.model_copy(update={"revision": current}))
    save_now()


def catch_up() -> bool:
    """Take the revision another tab saved since this one loaded, unless this tab holds edits of
    its own (those merge when they are saved), words being typed or typed and not saved included:
    taking the other tab's save would start such a field afresh, and the words would then be saved
    over the other tab's without the question a field changed in both asks. Says whether it did."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is None or holds_unsaved() or st.session_state.get(TYPING) or typed_here():
        return False
    try:
        if store().revision_of(owner(), nb.id) == nb.revision:
            return False
        latest = store().load(owner(), nb.id)
    except (NotFoundError, SQLAlchemyError):
        return False
    _adopt(latest)
    load_drafts()
    st.session_state[STATUS] = SaveStatus("updated", "Updated with changes made in another tab", latest.updated_at)
    return True


# --- widgets that show the notebook --------------------------------------------------------------


def follow(name: str, read: Callable[[Notebook], Any]) -> None:
    """The widget `key(name)` shows `read(notebook)`: when a merge or another tab changes that
    value, the widget gets a new key, so it is drawn afresh with the new value (a new key rather
    than a new value: a widget on a tab not drawn right now would keep its old value in the browser)."""
    st.session_state.setdefault(FOLLOW, {})[name] = read


def outdated(name: str, widget_key: str) -> bool:
    """Whether widget `widget_key`, drawn as `key(name)`, showed a value the notebook has changed
    since (another tab's edit came in): a change the browser reports for it late, or again, would
    undo that edit, so its callback ignores it."""
    return widget_key != key(name)


def _hold(nb: Notebook) -> None:
    """Make `nb` the notebook this tab shows."""
    st.session_state[NOTEBOOK] = nb
    _changed()


def _changed() -> None:
    st.session_state[CHANGES] = st.session_state.get(CHANGES, 0) + 1


def changes() -> int:
    """A count of the changes to this tab's notebook: each edit made here and each notebook put in
    its place. With the revision it tells derived data apart: an edit waiting for an answer about
    another tab's change, or one the database could not take yet, keeps the revision it started from."""
    return st.session_state.get(CHANGES, 0)


def _adopt(new: Notebook) -> None:
    """Make `new` this tab's notebook; the widgets showing a value it changed start afresh."""
    old = st.session_state.get(NOTEBOOK)
    renewed = st.session_state.setdefault(RENEWED, {})
    for name, read in st.session_state.get(FOLLOW, {}).items() if old is not None else ():
        if _read(read, old) != _read(read, new):
            renewed[name] = renewed.get(name, 0) + 1
    _hold(new)


_GONE = object()  # what a widget shows is gone (its entry was deleted), or it cannot show the value


def _read(read: Callable[[Notebook], Any], nb: Notebook) -> Any:
    try:
        return read(nb)
    except (AttributeError, KeyError, LookupError, TypeError, ValueError):
        return _GONE


# --- drafts of this notebook ---------------------------------------------------------------------


def load_drafts() -> dict[str, Draft]:
    """This person's drafts of the open notebook, read from the store (once per page run)."""
    nb = st.session_state.get(NOTEBOOK)
    try:
        found = store().drafts(owner(), nb.id) if nb is not None else {}
    except (NotFoundError, SQLAlchemyError):
        found = {}
    st.session_state[DRAFTS] = found
    return found


def kept_drafts() -> dict[str, Draft]:
    found = st.session_state.get(DRAFTS)
    return load_drafts() if found is None else found


def forget_drafts(keys: Iterable[str]) -> None:
    found = st.session_state.get(DRAFTS) or {}
    nb = st.session_state.get(NOTEBOOK)
    typed = st.session_state.get(TYPED_HERE, {}).get(nb.id, set()) if nb is not None else set()
    mine = my_drafts()
    for k in keys:
        found.pop(k, None)
        typed.discard(k)
        mine.pop(k, None)


def my_drafts() -> dict[str, Draft]:
    """The drafts of the open notebook this tab kept, or put back into a field, by draft key: what
    its saves may drop. A draft another tab typed since into the same field is not among them."""
    nb = st.session_state.get(NOTEBOOK)
    return st.session_state.setdefault(MINE, {}).setdefault(nb.id, {}) if nb is not None else {}


def kept_here(draft: Draft) -> None:
    """This tab kept `draft`, or put it back into its field."""
    my_drafts()[draft.field] = draft


def typed_in_this_tab(draft_key: str) -> None:
    """This tab typed into a field saved in place, and kept the words as a draft: until they are
    saved or discarded, the tab does not take another tab's saves (see `catch_up`)."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is not None:
        st.session_state.setdefault(TYPED_HERE, {}).setdefault(nb.id, set()).add(draft_key)


def typed_here() -> bool:
    """Whether this tab holds words typed into a field saved in place, kept as a draft, not saved.
    Taking another tab's save then would start that field afresh from the draft, and the words
    would be saved over the other tab's without the question the same field changed twice asks."""
    nb = st.session_state.get(NOTEBOOK)
    typed = st.session_state.get(TYPED_HERE, {}).get(nb.id, ()) if nb is not None else ()
    kept = st.session_state.get(DRAFTS) or {}
    return any(k in kept for k in typed)


def local_time(moment: datetime) -> str:
    """A time in the browser's time zone when Streamlit knows it."""
    tz_name = st.context.timezone
    try:
        tz = ZoneInfo(tz_name) if tz_name else None
    except (ZoneInfoNotFoundError, ValueError):
        tz = None
    return wording.clock(moment.astimezone(tz))
