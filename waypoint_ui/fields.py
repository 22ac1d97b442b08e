"""Widgets bound to a field of the notebook: they save on change and show errors beside themselves.

Usage in a page:

    fields.bound(st.text_area, "Vision", lambda nb: nb.vision, "statement", name="vision.statement")

`getter` finds the model that owns the field (it may return None when the item is gone); the
widget starts from the field's value, and each change is validated and saved through
`session.commit`. A rejected value stays in the widget, with the message right below it.
When another tab's change to the field is merged in, the widget shows it (`session.follow`).
A text field saves when the person leaves it; until then its typing is kept as a draft
(`name` is its key, see waypoint_ui.drafts), put back after a reload with a way to save or
discard it. In presentation mode a field marked private is not drawn at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import BaseModel

from career_core.edit import update
from career_core.models import Notebook
from waypoint_ui import drafts, session
from waypoint_ui.text import md

Getter = Callable[[Notebook], BaseModel | None]


def show_error(name: str) -> None:
    """The message for a field, right where the person is looking."""
    if message := session.field_error(name):
        st.error(md(message), icon=":material/error:")


def bound(
    widget: Callable[..., Any],
    label: str,
    getter: Getter,
    field: str,
    *,
    name: str,
    to_model: Callable[[Any], Any] = lambda v: v,
    from_model: Callable[[Any], Any] = lambda v: v,
    apply: Callable[[Notebook, BaseModel, Any], None] | None = None,
    **kwargs: Any,
) -> Any:
    """Draw `widget` for `getter(nb).<field>`; returns the widget's current value.

    `apply(nb, owner, value)` replaces the plain assignment when setting the field follows a
    rule of the core (e.g. a goal's horizon, which must respect its stepping stones).
    """
    nb = session.notebook()
    owner = getter(nb) if nb is not None else None
    if owner is None:
        return None
    if session.hidden(type(owner), field):
        # A field marked private (models.PRIVATE) never reaches a shared screen.
        st.caption(f":material/visibility_off: {md(label)}: hidden while presenting")
        return None
    key = session.key(name)
    typed = widget in _TEXT
    kept = [name] if typed else []

    def shows(n: Notebook) -> Any:
        return _shown(widget, from_model(getattr(getter(n), field)), kwargs)

    def _save() -> None:
        if session.outdated(name, key):
            return
        value = to_model(st.session_state[key])
        nb = session.notebook()
        current = getter(nb) if nb is not None else None
        if current is not None and session.nothing_new(name, getattr(current, field), value):
            drafts.discard(kept)  # nothing new (typed back, or the same change reported twice): no revision
            return
        if apply is None:
            session.commit(lambda n: _assign(n, getter(n), field, value), field=name, drafts=kept)
        else:
            session.commit(lambda n: apply(n, _existing(getter(n)), value), field=name, drafts=kept)

    def _discard() -> None:
        drafts.discard(kept)
        nb = session.notebook()
        if nb is not None and getter(nb) is not None:
            st.session_state[key] = shows(nb)

    stale = drafts.outdated(name, shows(nb)) if typed else None  # saved elsewhere since the draft was typed
    if key not in st.session_state:
        draft = drafts.restored(key, name) if typed and stale is None else None
        kwargs[_INITIAL_PARAM.get(widget, "value")] = (
            draft if draft is not None else _initial(widget, from_model(getattr(owner, field)), kwargs))
    if typed:
        drafts.register(key, name, saved=shows)
    session.follow(name, shows)
    if stale is not None:
        kwargs["disabled"] = True  # until the question is answered: typing would replace the draft unseen
    result = widget(label, key=key, on_change=_save, **kwargs)
    show_error(name)
    if stale is not None:
        drafts.ask_outdated(stale, key, shows(nb))
    elif typed:
        drafts.note(kept, _discard, key=f"{key}.discard-draft", what="saved", on_keep=_save)
    return result


def _existing(model: BaseModel | None) -> BaseModel:
    if model is None:
        raise ValueError("This entry no longer exists; it may have been removed in another tab.")
    return model


def _assign(nb: Notebook, model: BaseModel | None, field: str, value: Any) -> None:
    update(nb, _existing(model), **{field: value})


_INDEXED = {st.selectbox, st.radio}
_TEXT = {st.text_input, st.text_area}
# The parameter that sets a widget's first value, where it is not `value`.
_INITIAL_PARAM = {st.selectbox: "index", st.radio: "index", st.multiselect: "default"}


def _shown(widget: Callable[..., Any], value: Any, kwargs: dict[str, Any]) -> Any:
    """The widget's value for the field's `value` (an option of a choice widget must be offered)."""
    if widget in _INDEXED and value not in list(kwargs.get("options", [])):
        raise ValueError("not an option")
    return "" if widget in _TEXT and value is None else value


def _initial(widget: Callable[..., Any], value: Any, kwargs: dict[str, Any]) -> Any:
    if widget in _INDEXED:
        options = list(kwargs.get("options", []))
        return options.index(value) if value in options else None
    return value


def text(label: str, getter: Getter, field: str, *, name: str, area: bool = False, **kwargs: Any) -> Any:
    """A text field; long text as a text area. Saved when the person leaves the field."""
    widget = st.text_area if area else st.text_input
    return bound(widget, label, getter, field, name=name, **kwargs)


def lines(label: str, getter: Getter, field: str, *, name: str, **kwargs: Any) -> Any:
    """A list of short texts edited as one text area, one entry per line."""
    return bound(
        st.text_area,
        label,
        getter,
        field,
        name=name,
        to_model=lambda v: [line.strip() for line in (v or "").splitlines() if line.strip()],
        from_model=lambda v: "\n".join(v),
        **kwargs,
    )
