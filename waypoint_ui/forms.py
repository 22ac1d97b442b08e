"""Forms that add or edit a list entry: each message beside its field, typed values kept, a fresh form after saving.

A form's widgets use `form.key(field)`; its submit button calls `form.submit(build, apply)` as
its on_click. `build()` turns the widget values into a checked entry or raises
`PlanInputError` (a message per field) or pydantic's `ValidationError`; nothing is saved then,
and the form, which keeps what was typed, shows each message under its field. Once the entry is
saved, the form's widgets get new keys, so an add form starts empty again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from pydantic import ValidationError

from career_core.models import Notebook
from career_core.planning import PlanInputError
from career_core.validation import field_errors
from waypoint_ui import session
from waypoint_ui.fields import show_error

T = TypeVar("T")


class EntryForm:
    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def _round_key(self) -> str:
        return f"wp.form-round.{self.name}"

    def key(self, field: str) -> str:
        return session.key(f"{self.name}.{st.session_state.get(self._round_key, 0)}.{field}")

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

    def submit(self, build: Callable[[], T], apply: Callable[[Notebook, T], object], *, saved: str, reset: bool = True,
               after: Callable[[], None] | None = None) -> bool:
        """Build the entry from the form and save it; on bad input, show why beside each field."""
        self.clear()
        try:
            entry = build()
        except PlanInputError as exc:
            self._errors().update({self.error_name(f): m for f, m in exc.problems.items()})
            return False
        except ValidationError as exc:
            self._errors().update({self.error_name(f): m for f, m in field_errors(exc).items()})
            return False
        if not session.commit(lambda nb: apply(nb, entry), field=self.error_name("_")):
            return False
        if reset:
            st.session_state[self._round_key] = st.session_state.get(self._round_key, 0) + 1
        if after is not None:
            after()
        st.toast(saved, icon=":material/check_circle:")
        return True
