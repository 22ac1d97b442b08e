"""The open notebook of this browser session, and the one way pages change it: `commit`.

Every edit is saved to the store at once (a dropped connection loses nothing); a save that
meets a newer revision stops and asks, it never overwrites; an edit that fails validation
leaves the notebook as it was and puts the message beside the field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import SQLAlchemyError

from career_core import storage_faults, wording
from career_core.models import Notebook
from career_core.privacy import is_private
from career_core.store import ConflictError, NotFoundError, Store
from career_core.validation import EntryError, field_errors, split_field
from waypoint_ui import failures, hosting

log = logging.getLogger("waypoint")

NOTEBOOK = "wp.notebook"
STATUS = "wp.status"
ERRORS = "wp.errors"
GENERATION = "wp.generation"
OWNER = "wp.owner"  # whose notebook NOTEBOOK is: never shown to anyone else
PRESENT = "wp.presenting"


@dataclass(frozen=True, slots=True)
class SaveStatus:
    kind: str  # "saved" | "conflict" | "error" | "invalid"
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
    reload during the call stays safe."""
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
    st.session_state[NOTEBOOK] = nb
    st.session_state[OWNER] = owner()
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
    st.session_state[ERRORS] = {}
    st.session_state.pop(STATUS, None)
    st.query_params["nb"] = nb.id


def close_notebook() -> None:
    st.session_state.pop(NOTEBOOK, None)
    st.session_state.pop(OWNER, None)
    st.query_params.pop("nb", None)


def key(name: str) -> str:
    """A widget key tied to the open notebook, so switching or reloading refreshes the widget."""
    nb = st.session_state.get(NOTEBOOK)
    return f"{nb.id if nb else 'none'}.{st.session_state.get(GENERATION, 0)}.{name}"


# --- saving ----------------------------------------------------------------------------------


def commit(change: Callable[[Notebook], object], *, field: str | None = None) -> bool:
    """Apply `change` to the open notebook and save it. Returns whether it was saved.

    A ValidationError from `change` leaves the notebook unchanged and records the message
    under `field` (see `field_error`); what the person typed stays in the widget.
    """
    nb = st.session_state.get(NOTEBOOK)
    if nb is None:
        return False
    errors: dict[str, str] = st.session_state.setdefault(ERRORS, {})
    checkpoint = _checkpoint(nb)
    try:
        change(nb)
    except ValidationError as exc:
        errors[field or "_"] = next(iter(field_errors(exc).values()), "This cannot be saved as it is.")
        st.session_state[STATUS] = SaveStatus("invalid", "Not saved: a field needs fixing.")
        return False
    except EntryError as exc:
        errors[field or "_"] = next(iter(exc.problems.values()), str(exc))
        st.session_state[STATUS] = SaveStatus("invalid", "Not saved: a field needs fixing.")
        return False
    except ValueError as exc:  # a rule of the core, written "field: message": the message alone
        errors[field or "_"] = split_field(str(exc))[1]
        st.session_state[STATUS] = SaveStatus("invalid", "Not saved: a field needs fixing.")
        return False
    except Exception as exc:  # noqa: BLE001 - a bug met on the way: undone and said, never a traceback
        log.error("A change failed: %s", failures.describe(exc))
        _refused(nb, "This could not be saved: something went wrong on the way, so nothing was changed. "
                     "Try again; if it happens again, the server's log says where.", field, checkpoint)
        return False
    if field:
        errors.pop(field, None)
    return _save(field, checkpoint)


def save_now() -> bool:
    """Save the open notebook as it is (the sidebar's "Retry saving"); a refusal is said there."""
    return _save(None, None)


def _save(field: str | None, checkpoint: Notebook | None) -> bool:
    """Save; a refusal is said in the sidebar, and beside `field` when given. `checkpoint`: the
    notebook before the change being saved, when the store does not have it (see `_checkpoint`)."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is None:
        return False
    try:
        saved = store().save(owner(), nb)
    except ValueError as exc:  # limits.LimitError, integrity.Inconsistent: the notebook's own rules
        _refused(nb, str(exc), field, checkpoint)
        return False
    except ConflictError as exc:
        st.session_state[STATUS] = SaveStatus(
            "conflict",
            f"Not saved: this notebook was changed in another tab or window (now at revision "
            f"{exc.stored}). Your edit is kept here until you choose.",
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
    st.session_state[NOTEBOOK] = saved
    st.session_state[STATUS] = SaveStatus("saved", "Saved", saved.updated_at)
    return True


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
    if checkpoint is not None:
        st.session_state[NOTEBOOK] = checkpoint
    st.session_state.setdefault(ERRORS, {})[field or "_"] = message
    st.session_state[STATUS] = SaveStatus("invalid", f"Not saved: {message}")


def field_error(field: str) -> str | None:
    return st.session_state.get(ERRORS, {}).get(field)


def clear_error(field: str) -> None:
    st.session_state.get(ERRORS, {}).pop(field, None)


def status() -> SaveStatus | None:
    return st.session_state.get(STATUS)


def reload_latest() -> None:
    """Drop this tab's unsaved version and load the stored one (which stays in history)."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is not None:
        open_notebook(nb.id)


def keep_mine() -> None:
    """Save this tab's version on top of the newer one; the newer one stays in the history."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is None:
        return
    try:
        current = store().revision_of(owner(), nb.id)
    except NotFoundError:
        return
    st.session_state[NOTEBOOK] = nb.model_copy(update={"revision": current})
    save_now()


def holds_unsaved() -> bool:
    """Whether this tab holds something the store lacks: a refused or failed save, or a value
    that did not pass validation (still in its widget). A save that went through leaves nothing."""
    state = status()
    return state is not None and state.kind != "saved"


def stale() -> bool:
    """Whether another tab has saved this notebook since this one loaded it."""
    nb = st.session_state.get(NOTEBOOK)
    if nb is None:
        return False
    try:
        return store().revision_of(owner(), nb.id) != nb.revision
    except (NotFoundError, SQLAlchemyError):
        return False


def local_time(moment: datetime) -> str:
    """A time in the browser's time zone when Streamlit knows it."""
    tz_name = st.context.timezone
    try:
        tz = ZoneInfo(tz_name) if tz_name else None
    except (ZoneInfoNotFoundError, ValueError):
        tz = None
    return wording.clock(moment.astimezone(tz))
