"""Forms that add or edit a list entry: each message beside its field, typed values kept, a fresh form after saving.
Tables (`edit_table`) that edit many entries in place, validated and saved as one change.

A form's widgets take their arguments from `form.field(field)` (or just a key, `form.key(field)`,
for one that keeps no draft); its submit button calls `form.submit(build, apply)` as its on_click.
`build()` turns the widget values into a checked entry or raises `EntryError` (a message per
field), pydantic's `ValidationError`, or a `ValueError` written "field: message" (the convention of
the model's cross-field rules); nothing is saved then, and the form, which keeps what was typed,
shows each message under its field. Once the entry is saved, the form's widgets get new keys, so
an add form starts empty again.

What is typed into a form's text fields is kept as drafts ("<form name>.<field>", see
waypoint_ui.drafts) until the entry is saved, which drops them in the same transaction, or the
person discards them (`draft_note`, drawn by `submit_button`); a reload puts them back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from career_core.models import Item, Notebook
from career_core.tables import Column, table_change
from career_core.validation import EntryError, field_errors, split_field
from waypoint_ui import drafts, notices, session
from waypoint_ui.fields import show_error

T = TypeVar("T")


class EntryForm:
    def __init__(self, name: str) -> None:
        self.name = name
        self._fields: list[str] = []  # drawn with `field`: their typing is kept as drafts

    @property
    def _round_key(self) -> str:
        return f"wp.form-round.{self.name}"

    def key(self, field: str) -> str:
        return session.key(f"{self.name}.{st.session_state.get(self._round_key, 0)}.{field}")

    def field(self, field: str, value: Any = None) -> dict[str, Any]:
        """Widget arguments for `field`: its key, kept while the person looks at another tab or page,
        and its first value (`value`, or the draft a reload put back). Typing into it is kept as a
        draft, which the field shows again when it is drawn after the person looked elsewhere."""
        self._fields.append(field)
        return {**drafts.field(self.key(field), self.draft_key(field), value=value, in_form=True), "persist_state": "session"}

    def draft_key(self, field: str) -> str:
        return f"{self.name}.{field}"

    def drafts(self) -> list[str]:
        return [self.draft_key(f) for f in self._fields]

    def has_kept_draft(self) -> bool:
        """Whether a draft of any field of this form is kept (known before the form is drawn)."""
        prefix = f"{self.name}."
        return bool(drafts.shown(k for k in session.kept_drafts() if k.startswith(prefix)))

    def draft_note(self, what: str = "added") -> None:
        """'Draft, not yet added' with a way to discard it, when a draft of this form is kept."""
        drafts.note(self.drafts(), self.discard_draft, key=session.key(f"{self.name}.discard-draft"), in_form=True,
                    what=what)

    def discard_draft(self) -> None:
        drafts.discard(self.drafts())
        self._start_afresh()

    def _start_afresh(self) -> None:
        """New keys for the form's widgets: they start empty (and what is still typed into the
        old ones makes no draft). The old widgets' values go too: kept per session
        (`persist_state`), they would pile up one round per entry added."""
        drafts.forget_fields(self.key(f) for f in self._fields)
        for f in self._fields:
            st.session_state.pop(self.key(f), None)
        st.session_state[self._round_key] = st.session_state.get(self._round_key, 0) + 1

    def value(self, field: str) -> Any:
        return st.session_state.get(self.key(field))

    def error_name(self, field: str) -> str:
        return f"{self.name}.{field}"

    def show_error(self, field: str) -> None:
        show_error(self.error_name(field))

    def _errors(self) -> dict[str, str]:
        return st.session_state.setdefault(session.ERRORS, {})

    def clear(self) -> None:
        errors = self._errors()
        for name in [n for n in errors if n.startswith(f"{self.name}.")]:
            errors.pop(name)

    def submit_button(self, label: str, build: Callable[[], T], apply: Callable[[Notebook, T], object], *,
                      saved: str, icon: str = ":material/add:", primary: bool = False) -> None:
        """The form's submit button, with the message of a refused save right below it, and the
        draft note when a draft of the form is kept."""
        st.form_submit_button(label, icon=icon, type="primary" if primary else "secondary", on_click=self.submit,
                              args=(build, apply), kwargs={"saved": saved})
        self.show_error("_")
        self.draft_note()

    def submit(self, build: Callable[[], T], apply: Callable[[Notebook, T], object], *, saved: str, reset: bool = True,
               after: Callable[[], None] | None = None) -> bool:
        """Build the entry from the form and save it; on bad input, show why beside each field."""
        self.clear()
        try:
            entry = build()
        except EntryError as exc:
            self._errors().update({self.error_name(f): m for f, m in exc.problems.items()})
            return False
        except ValidationError as exc:
            self._errors().update({self.error_name(f): m for f, m in field_errors(exc).items()})
            return False
        except ValueError as exc:
            field, message = split_field(str(exc))
            self._errors()[self.error_name(field or "_")] = message
            return False
        if not session.commit(lambda nb: apply(nb, entry), field=self.error_name("_"), drafts=self.drafts()):
            return False
        if reset:
            self._start_afresh()
        if after is not None:
            after()
        if session.questions():  # kept in this tab, saved with the answer
            notices.tell("Kept here: it is saved once you choose above which version to keep.", icon=":material/call_split:")
        else:
            notices.tell(saved, icon=":material/check_circle:")
        return True


def edit_table(
    name: str,
    shown: Sequence[Item],
    rows: list[dict[str, Any]],
    columns: Mapping[str, Column],
    target: Callable[[Notebook], list],
    *,
    column_config: Mapping[str, Any] | None = None,
    describe_row: Callable[[Any], str] = lambda item: "",
    num_rows: str = "delete",
    after_delete: Callable[[Notebook, str], None] | None = None,
    **kwargs: Any,
) -> None:
    """A data editor over `shown` (one row each, in that order) that saves its edits at once.

    `rows` are the table's cells; only the `columns` named in `columns` are editable. Edits are
    validated as a whole: a bad cell saves nothing, keeps what was typed and shows the message
    (naming the row) under the table. The editor's key carries the notebook revision, so after a
    save it starts again from the stored entries. `after_delete(nb, id)` tidies up references to
    a deleted entry.
    """
    nb = session.notebook()
    key = session.key(f"{name}.table.{nb.revision if nb else 0}")
    frame = pd.DataFrame(rows)
    config = dict(column_config or {})
    disabled = [c for c in frame.columns if c not in columns]
    st.data_editor(
        frame,
        key=key,
        column_config=config,
        disabled=disabled,
        num_rows=num_rows,
        hide_index=True,
        width="stretch",
        **kwargs,
    )
    state = st.session_state.get(key)
    field = f"{name}.table"
    try:
        change, problem = table_change(shown, state, columns, describe_row=describe_row), None
    except ValueError as exc:
        change, problem = None, exc

    def _apply(n: Notebook) -> None:
        if problem is not None:
            raise problem
        change.apply(target(n))
        for item_id in change.deleted if after_delete else ():
            after_delete(n, item_id)

    if (problem is not None or change) and session.commit(_apply, field=field):
        st.rerun()
    show_error(field)
