"""Forms that add one entry to a list of the notebook, and tables that edit those entries.

`EntryForm`: the form's widgets keep what was typed until the entry is added; a rejected entry
saves nothing and puts each message right under the field it is about. After a successful add
the form starts empty (its widget keys move on to a new generation).

`edit_table`: a data editor over list entries whose edits are validated and saved as one change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from career_core.models import Item, Notebook
from career_core.tables import Column, table_change
from career_core.validation import field_errors
from waypoint_ui import fields, session


class EntryForm:
    def __init__(self, name: str) -> None:
        self.name = name
        self._generation_key = session.key(f"{name}.form-generation")
        self._errors_key = session.key(f"{name}.form-errors")

    @property
    def id(self) -> str:
        return session.key(f"{self.name}.form.{self._generation}")

    @property
    def _generation(self) -> int:
        return st.session_state.get(self._generation_key, 0)

    def key(self, field: str) -> str:
        """The key of the widget for `field` (typed values live here until the entry is added)."""
        return session.key(f"{self.name}.{self._generation}.{field}")

    def field(self, field: str) -> dict[str, Any]:
        """Widget arguments for `field`: its key, and kept while the person looks at another tab or page."""
        return {"key": self.key(field), "persist_state": "session"}

    def value(self, field: str, default: Any = None) -> Any:
        return st.session_state.get(self.key(field), default)

    def error(self, field: str) -> None:
        """Show the message for `field`, if the last attempt to add was rejected because of it."""
        if message := st.session_state.get(self._errors_key, {}).get(field):
            st.error(message, icon=":material/error:")

    def submit(
        self,
        label: str,
        build: Callable[[EntryForm], Any],
        add: Callable[[Notebook, Any], None],
        *,
        done: str | None = None,
        **kwargs: Any,
    ) -> None:
        """The form's submit button: `build` makes the entry from the widgets, `add` puts it in."""
        st.form_submit_button(label, on_click=self._submit, args=(build, add, done), **kwargs)
        self.error("_")

    def _submit(self, build: Callable[[EntryForm], Any], add: Callable[[Notebook, Any], None], done: str | None) -> None:
        errors: dict[str, str] = {}
        st.session_state[self._errors_key] = errors
        try:
            entry = build(self)
        except ValidationError as exc:
            for path, message in field_errors(exc).items():
                errors.setdefault(path.split(".")[0] or "_", message)
            return
        except ValueError as exc:
            field, sep, rest = str(exc).partition(": ")
            errors[field if sep and " " not in field else "_"] = rest if sep and " " not in field else str(exc)
            return
        change_field = f"{self.name}._"
        if session.commit(lambda nb: add(nb, entry), field=change_field):
            st.session_state[self._generation_key] = self._generation + 1
            if done:
                st.toast(done, icon=":material/check_circle:")
        elif message := session.field_error(change_field):
            session.clear_error(change_field)
            field, sep, rest = message.partition(": ")
            errors[field if sep and " " not in field else "_"] = rest if sep and " " not in field else message


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
    fields.show_error(field)
