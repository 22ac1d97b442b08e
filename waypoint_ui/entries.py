"""List entries a page adds, opens for editing in place, and deletes: the card the Plan page
shows for actions, initiatives and stop-doing entries alike.

An `EntryKind` says where the entries live, how its form draws a draft and reads it back, and how
the core builds the entry from it (`build` raises EntryError naming each field to fix). One entry
at a time is open for editing; saving or deleting closes it. A delete keeps the earlier revision,
so the page says where to find it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import streamlit as st

from career_core import edit
from career_core.models import Item, Notebook
from career_core.validation import EntryError
from waypoint_ui import fields, notices, session
from waypoint_ui.forms import EntryForm

T = TypeVar("T")

EDITING = "wp.editing"  # "<kind>:<id>" of the entry open for editing


@dataclass(frozen=True, slots=True)
class EntryKind:
    name: str  # "action": in widget keys and error names
    noun: str  # "action": in messages
    path: str  # the notebook's list the entries live in ("actions"): edit.add checks its limit
    draw: Callable[[EntryForm, Any, bool], None]  # the form's widgets, filled from a draft (editing or adding)
    read: Callable[[EntryForm, Any], Any]  # the draft the form holds (given the entry being edited, or None)
    build: Callable[[Notebook, Any, date, Any], Item]  # the checked entry (previous entry, or None)
    saved: str = "Saved."
    deleted: str = "Deleted. An earlier revision on the Notebooks page still has it."
    remove: Callable[[Notebook, str], object] | None = None  # default: take it out of `items`
    first_field: str = "title"  # where "this entry no longer exists" is said

    def items(self, nb: Notebook) -> list:
        return getattr(nb, self.path)

    def error_name(self, entry_id: str) -> str:
        return f"{self.name}.{entry_id}"


def add_form(kind: EntryKind, label: str, button: str, blank: Any, today: date, *, expanded: bool, icon: str,
             added: str) -> None:
    """An expander with the form that adds a new entry, empty again once it is saved. The form is
    drawn only while the expander is open (`expanded`: open at first, and whenever a session starts
    with a draft of it kept, so what was typed before a reload is in sight): its widgets are most of
    what a Plan section draws, on every click in it."""
    form = EntryForm(f"add-{kind.name}")
    nb = session.notebook()
    key = add_form_key(kind, nb.id if nb else "")
    if key not in st.session_state:
        st.session_state[key] = expanded or form.has_kept_draft()

    def add() -> None:
        nb = session.notebook()
        form.submit(lambda: kind.build(nb, kind.read(form, None), today, None),
                    lambda n, entry: edit.add(n, kind.path, entry), saved=added)

    with st.expander(label, icon=icon, key=key, on_change="rerun") as shown:
        if not shown.open:
            return
        with st.form(session.key(f"add-{kind.name}-form"), border=False, enter_to_submit=False):
            kind.draw(form, blank, False)
            st.form_submit_button(button, type="primary", icon=":material/add:", on_click=add)
            form.show_error("_")
            form.draft_note()


def add_form_key(kind: EntryKind, notebook_id: str) -> str:
    """Where whether the add form of `kind` is open is kept, for each notebook."""
    return f"entries.add.{kind.name}.{notebook_id}"


def is_open(kind: EntryKind, entry_id: str) -> bool:
    return st.session_state.get(EDITING) == f"{kind.name}:{entry_id}"


def set_apart(kind: EntryKind, label: str, key: str, items: list[T], entry_id: Callable[[T], str],
              draw: Callable[[T], None], *, icon: str) -> None:
    """Entries kept apart in a closed list ("Done and dropped", "Ended"), drawn only while it is
    open: they pile up over the years. One being edited keeps the list open, so it stays in sight."""
    if not items:
        return
    if any(is_open(kind, entry_id(item)) for item in items):
        st.session_state[key] = True
    with st.expander(f"{label} ({len(items)})", icon=icon, key=key, on_change="rerun") as shown:
        for item in items if shown.open else ():
            draw(item)


def card(kind: EntryKind, entry_id: str) -> tuple[Any, Any]:
    """A bordered card for one entry, and the row for its heading and Edit button: the card itself
    while it is closed with nothing to say (a long list draws one element less per card), a row
    inside it once its form is open or a message shows under it."""
    row = {"horizontal": True, "horizontal_alignment": "distribute", "vertical_alignment": "center"}
    if is_open(kind, entry_id) or session.field_error(kind.error_name(entry_id)):
        box = st.container(border=True)
        return box, box.container(**row)
    box = st.container(border=True, **row)
    return box, box


def edit_button(kind: EntryKind, entry_id: str, where: Any = st) -> None:
    """'Edit' opens the entry's form under it; 'Close' puts it away without saving."""
    item = f"{kind.name}:{entry_id}"
    editing = st.session_state.get(EDITING) == item
    where.button("Close" if editing else "Edit", key=f"edit.{item}", icon=":material/close:" if editing else ":material/edit:",
                 on_click=_toggle, args=(item,))


def _toggle(item: str) -> None:
    st.session_state[EDITING] = None if st.session_state.get(EDITING) == item else item


def edit_form(kind: EntryKind, entry: Item, draft: Any, today: date, *, delete: str, delete_note: str,
              confirm: bool = True) -> None:
    """The open entry's form, filled from `draft`, with Save and a way to delete the entry."""
    form = EntryForm(f"edit-{kind.name}.{entry.id}")
    with st.form(session.key(f"edit-{kind.name}-form.{entry.id}"), enter_to_submit=False):
        kind.draw(form, draft, True)
        st.form_submit_button("Save changes", type="primary", icon=":material/save:", on_click=_save,
                              args=(kind, form, entry.id, today))
        form.show_error("_")
        form.draft_note(what="saved")
    if confirm:
        with st.popover(delete, icon=":material/delete:"):
            st.write(delete_note)
            st.button("Delete", type="primary", key=f"delete-{kind.name}.{entry.id}", on_click=_delete,
                      args=(kind, entry.id))
    else:
        st.button(delete, key=f"delete-{kind.name}.{entry.id}", icon=":material/delete:", on_click=_delete,
                  args=(kind, entry.id), help=delete_note)


def _save(kind: EntryKind, form: EntryForm, entry_id: str, today: date) -> None:
    """Save the edited entry in place; one removed in another tab is said beside its first field."""
    nb = session.notebook()
    previous = edit.find(kind.items(nb), entry_id) if nb is not None else None

    def checked() -> Item:
        if previous is None:
            raise EntryError({kind.first_field: f"This {kind.noun} no longer exists; it may have been removed in "
                                                "another tab."})
        return kind.build(nb, kind.read(form, previous), today, previous)

    form.submit(checked, lambda n, entry: edit.replace(kind.items(n), entry), saved=kind.saved, reset=False,
                after=lambda: st.session_state.pop(EDITING, None))


def _delete(kind: EntryKind, entry_id: str) -> None:
    remove = kind.remove or (lambda n, i: edit.remove(kind.items(n), i))
    if session.commit(lambda n: remove(n, entry_id), field=kind.error_name(entry_id)):
        st.session_state.pop(EDITING, None)
        notices.tell(kind.deleted, icon=":material/delete:")


def show_error(kind: EntryKind, entry_id: str) -> None:
    fields.show_error(kind.error_name(entry_id))
