"""What a person types into a text field, kept in the store as a draft until it is added or discarded.

Streamlit sends a text area's value to the server only when the field loses focus, and a form's
values only when the form is submitted, so a reload, a dropped connection or a restart would lose
what was typed. The keeper (`keeper`, a component drawn once per page run with the save line;
its script is draft_keeper.js) watches typing in every text field of the page and reports a
field's text about a second after the typing pauses; `_typed` writes it to the store as the draft
of that field, per owner, notebook and draft key ("input.said", "vision.statement").

A field takes part by getting its widget arguments from `field` (EntryForm and fields.text do
this for pages): the draft key is registered for the widget, and a widget new to this session
(after a reload, on another device) starts from the draft. So does a form's field drawn again
after a run that did not draw it (the person opened another tab or page and came back): a form
sends its values only when submitted, so the value the server kept for it is not what was typed,
and the draft is. The keeper also reports text typed less than a second before the field left
the page; the session still knows the field (`KNOWN`) and keeps the draft, unless its form was
started afresh since (its entry added or its draft discarded). `note` says "Draft, not yet added" with
a way to discard it. Saving the entry names its drafts (`session.commit(drafts=…)`), which the
store drops in the same transaction. Drafts are never part of the notebook, so never exported;
while presenting, a restored draft is neither put back nor mentioned (it may be private).
A draft of a field saved in place keeps the text the field held when the typing began; when the
field was saved elsewhere since, the draft is not put back (leaving the field would save it over
the newer text without a word) but shown, with the choice of using it (`ask_outdated`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from career_core.models import Notebook, utc_now
from career_core.store import Draft, DraftError, NotFoundError
from waypoint_ui import session

KEEPER = "wp.draft-keeper"
FIELDS = "wp.draft-fields"  # widget class name -> DraftField: fields drawn in the last page run
DRAWN = "wp.draft-drawn"  # where -> widget class names of the fields its latest run drew
SHOWN = "wp.draft-shown"  # where -> those of its run before this one: the fields the browser still holds
WHERE = "wp.draft-where"  # what is being drawn: the page (PAGE) or a section rerun alone (its key)
PAGE = ""
KNOWN = session.KNOWN_FIELDS  # widget class name -> DraftField: fields drawn with this notebook, until forgotten
TYPING = session.TYPING
TROUBLE = "wp.draft-trouble"  # why the last draft could not be kept, in words

_keeper = st.components.v2.component(
    "waypoint_draft_keeper", js=(Path(__file__).with_name("draft_keeper.js")).read_text(encoding="utf-8")
)


@dataclass(frozen=True, slots=True)
class DraftField:
    draft: str  # the key the store keeps the draft under
    saved: Callable[[Notebook], str] | None  # the text the notebook holds for a field saved in place


def widget_class(widget_key: str) -> str:
    """The class name Streamlit gives the element of a keyed widget (after "st-key-")."""
    return re.sub(r"[^a-zA-Z0-9_-]", "-", widget_key.strip())


def start_run() -> None:
    """At the top of a page run, before the frame takes another tab's save (`session.catch_up`
    asks whether a field is being typed into): the page registers its fields afresh, a report of
    typing is aged, and the drafts are read once.

    A report of typing holds for the first full run after it, and no longer. In the browser the
    keeper reports a first keystroke in a rerun of the save line alone, so that first full run is
    usually the one that brings the field's value (the person left it); a later one comes after
    a click elsewhere, which leaves the field too."""
    st.session_state[SHOWN] = st.session_state.get(DRAWN, {})
    st.session_state[DRAWN] = {}
    st.session_state[WHERE] = PAGE
    st.session_state[FIELDS] = {}
    if st.session_state.get(TYPING) == "reported":  # since the last full run: still being typed, for this run
        st.session_state[TYPING] = "earlier"
    else:  # before the last full run: the field was left since, or is gone (its entry added): no pause to report
        st.session_state.pop(TYPING, None)
    session.load_drafts()


@contextmanager
def section_drawn(key: str) -> Iterator[None]:
    """Around the drawing of a section that reruns alone (an st.fragment, waypoint_ui.sections):
    its fields are its own, so that one drawn again after a run of the section that did not draw
    it (another part of the section opened) is known to be back (`back_with_draft`)."""
    shown, drawn = st.session_state.setdefault(SHOWN, {}), st.session_state.setdefault(DRAWN, {})
    if key in drawn:  # the section alone: after what it drew last time (a full run starts them afresh)
        shown[key] = drawn[key]
    drawn[key] = set()
    outer = st.session_state.get(WHERE, PAGE)
    st.session_state[WHERE] = key
    try:
        yield
    finally:
        st.session_state[WHERE] = outer


def register(widget_key: str, draft_key: str, *, saved: Callable[[Notebook], str] | None = None) -> None:
    """Typing into widget `widget_key` is kept as the draft `draft_key` (for this page run).

    `saved(notebook)` is the text a field saved in place holds: typing back to it is no draft.
    """
    spec, name = DraftField(draft_key, saved), widget_class(widget_key)
    st.session_state.setdefault(FIELDS, {})[name] = spec
    st.session_state.setdefault(KNOWN, {})[name] = spec
    st.session_state.setdefault(DRAWN, {}).setdefault(st.session_state.get(WHERE, PAGE), set()).add(name)
    st.session_state.get(session.ADDED, set()).discard(draft_key)  # drawn again: what is typed now is new


def field(widget_key: str, draft_key: str, *, value: Any = None, in_form: bool = False) -> dict[str, Any]:
    """Widget arguments for a text field whose typing is kept as the draft `draft_key`: its key,
    and its first value: the draft when the widget is new here and one is kept, else `value`. A
    field of an st.form (`in_form`) back on the page shows its draft (`back_with_draft`)."""
    back = in_form and back_with_draft(widget_key, draft_key)
    register(widget_key, draft_key)
    args: dict[str, Any] = {"key": widget_key}
    if back:
        return args
    first = restored(widget_key, draft_key)
    if first is not None:
        args["value"] = first
    elif value is not None:
        args["value"] = value
    return args


def seed(name: str, draft_key: str, saved: Callable[[Notebook], str]) -> bool:
    """For the text widget `session.key(name)`, edited before a button saves it (a goal's new
    wording): start it from its draft, else from `saved(notebook)`; keep its typing as a draft;
    and start it afresh when another tab changes the saved text. When the saved text changed
    elsewhere after the draft was typed, ask (`ask_outdated`) and return True: the page draws the
    widget disabled until the question is answered, so typing cannot replace the draft unseen."""
    session.follow(name, saved)
    widget_key = session.key(name)
    nb = session.notebook()
    if nb is None:
        return False
    now = _saved(saved, nb)
    stale = outdated(draft_key, now)
    if widget_key not in st.session_state:
        first = restored(widget_key, draft_key) if stale is None else None
        st.session_state[widget_key] = first if first is not None else now
    register(widget_key, draft_key, saved=saved)
    if stale is not None:
        ask_outdated(stale, widget_key, now)
    return stale is not None


def reset(widget_key: str, draft_key: str, value: str) -> None:
    """Discard the draft and put `value` back into the widget (in a callback)."""
    discard([draft_key])
    st.session_state[widget_key] = value


def restored(widget_key: str, draft_key: str) -> str | None:
    """The draft a widget new to this session starts from; none while presenting."""
    if widget_key in st.session_state or session.presenting():
        return None
    draft = session.kept_drafts().get(draft_key)
    if draft is None:
        return None
    session.kept_here(draft)  # back in its field: this tab's to save or drop
    return draft.text


def back_with_draft(widget_key: str, draft_key: str) -> bool:
    """Put the kept draft into a form's field drawn again after a run of the page (or of its
    section) that did not draw it (not while presenting). A form sends its values only when
    submitted: the browser dropped what was typed when the field left the page, and the value the
    server holds is the one drawn before, never sent, so the draft is what was typed. Returns
    whether it did; a field still on the page keeps what the browser holds."""
    shown = st.session_state.get(SHOWN, {}).get(st.session_state.get(WHERE, PAGE), ())
    if widget_key not in st.session_state or widget_class(widget_key) in shown or session.presenting():
        return False
    draft = session.kept_drafts().get(draft_key)
    if draft is None:
        return False
    st.session_state[widget_key] = draft.text
    session.kept_here(draft)
    return True


def outdated(draft_key: str, saved: str) -> Draft | None:
    """The kept draft of a field saved in place, when the field, now holding `saved`, was saved
    elsewhere after the draft was typed (Draft.outdated_by); None while presenting."""
    if session.presenting():
        return None
    draft = session.kept_drafts().get(draft_key)
    return draft if draft is not None and draft.outdated_by(saved) else None


def ask_outdated(draft: Draft, widget_key: str, saved: str) -> None:
    """An outdated draft is not put into its field, where leaving the field would save it over
    the newer text without a word: it is shown as typed, with the choice of using it or not."""
    when = session.local_time(draft.saved_at)
    with st.container(border=True, key=f"{widget_key}.outdated"):
        st.caption(f":material/warning: This was changed elsewhere after you typed a draft here (kept {when}). "
                   "Your draft, not in the field yet:")
        st.text(draft.text)
        with st.container(horizontal=True):
            st.button("Use my draft", icon=":material/edit_note:", key=f"{widget_key}.use-draft",
                      on_click=_use_outdated, args=(draft, widget_key, saved),
                      help="Put your draft into the field. Saving it replaces the newer text, which stays in the history.")
            st.button("Keep the newer text", icon=":material/delete_sweep:", key=f"{widget_key}.drop-draft",
                      on_click=reset, args=(widget_key, draft.field, saved), help="Forget the draft.")


def _use_outdated(draft: Draft, widget_key: str, saved: str) -> None:
    """Put the draft into its field, now typed over the newer text: the question is answered."""
    nb = session.notebook()
    if nb is not None and _keep(nb, draft.field, draft.text, saved):
        st.session_state[widget_key] = draft.text
        session.typed_in_this_tab(draft.field)


def shown(draft_keys: Iterable[str]) -> list[str]:
    """Which of `draft_keys` have a draft kept, as the page may say (not while presenting)."""
    if session.presenting():
        return []
    kept = session.kept_drafts()
    return [k for k in draft_keys if k in kept]


def note(draft_keys: Iterable[str], on_discard: Callable[[], None], *, key: str, in_form: bool = False,
         what: str = "added", on_keep: Callable[[], None] | None = None) -> bool:
    """'Draft, not yet added' with a button that discards it, when any of `draft_keys` has a draft
    (and one that saves it, `on_keep`, for a field saved in place)."""
    found = shown(draft_keys)
    if not found:
        return False
    kept = session.kept_drafts()
    when = session.local_time(max(kept[k].saved_at for k in found))
    button = st.form_submit_button if in_form else st.button
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(f":material/edit_note: Draft, not yet {what} (kept {when}).")
        if on_keep is not None:
            button("Save draft", icon=":material/save:", on_click=on_keep, key=f"{key}.keep")
        button("Discard draft", icon=":material/delete_sweep:", on_click=on_discard, key=key,
               help="Forget what was typed here; what is saved stays as it is.")
    return True


def discard(draft_keys: Iterable[str]) -> None:
    keys = list(draft_keys)
    nb = session.notebook()
    if nb is None or not keys:
        return
    try:
        session.store().discard_drafts(session.owner(), nb.id, keys)
    except (NotFoundError, SQLAlchemyError):
        return
    session.forget_drafts(keys)


def keeper() -> None:
    """The component that reports typing (see draft_keeper.js); invisible."""
    _keeper(key=KEEPER, on_typing_change=_typing, on_typed_change=_typed, height=0)


def pending() -> str | None:
    """What typed text is not kept yet, in words; None when everything typed is kept."""
    if trouble := st.session_state.get(TROUBLE):
        return trouble
    if st.session_state.get(TYPING):
        return "what you are typing is kept as a draft once you pause."
    return None


def _event(name: str) -> Any:
    state = st.session_state.get(KEEPER)
    return state.get(name) if state is not None else None


def _typing() -> None:
    if _event("typing") in st.session_state.get(FIELDS, {}):
        st.session_state[TYPING] = "reported"


def _typed() -> None:
    """Keep a field's text as its draft; text equal to what is saved (or nothing) is no draft."""
    event = _event("typed")
    st.session_state.pop(TYPING, None)
    nb = session.notebook()
    spec = _known(event.get("key")) if isinstance(event, dict) else None
    if nb is None or spec is None or not isinstance(event.get("text"), str):
        return
    text = event["text"]
    saved = _saved(spec.saved, nb)
    if text == saved:
        st.session_state.pop(TROUBLE, None)
        mine = session.my_drafts().get(spec.draft)  # another tab's draft of the field is not this tab's to drop
        if mine is None:
            return
        try:
            session.store().discard_drafts(session.owner(), nb.id, [mine])
        except NotFoundError:
            return
        except SQLAlchemyError:
            st.session_state[TROUBLE] = "the database could not be reached; what you typed is still in this tab."
            return
        session.forget_drafts([spec.draft])
    elif _keep(nb, spec.draft, text, saved if spec.saved is not None else None) and spec.saved is not None:
        session.typed_in_this_tab(spec.draft)


def _known(name: object) -> DraftField | None:
    """The field the keeper names: one drawn in the last run, or earlier in this session and gone
    from the page since (typed into less than a second before another tab or page was opened),
    unless a save added its draft for good since it was last drawn (a new goal saved a moment after
    its words were typed, the report reaching the server after the save, in the same rerun or a
    later one: the words are in the goal, and a draft of them would bring them back as a new one)."""
    if not isinstance(name, str):
        return None
    spec = st.session_state.get(FIELDS, {}).get(name) or st.session_state.get(KNOWN, {}).get(name)
    return None if spec is None or spec.draft in st.session_state.get(session.ADDED, ()) else spec


def _keep(nb: Notebook, draft_key: str, text: str, base: str | None) -> bool:
    """Keep `text` as the draft `draft_key` (`base`: what a field saved in place held when the
    typing began); a draft that cannot be kept is said in the save line. Returns whether kept."""
    try:
        session.store().save_draft(session.owner(), nb.id, draft_key, text, base=base)
    except DraftError as exc:
        st.session_state[TROUBLE] = str(exc)[0].lower() + str(exc)[1:]
        return False
    except NotFoundError:
        return False
    except SQLAlchemyError:
        st.session_state[TROUBLE] = "the database could not be reached; what you typed is still in this tab."
        return False
    draft = Draft(draft_key, text, utc_now(), base)
    session.kept_drafts()[draft_key] = draft
    session.kept_here(draft)
    st.session_state.pop(TROUBLE, None)
    return True


def _saved(saved: Callable[[Notebook], str] | None, nb: Notebook) -> str:
    """The text a field saved in place holds (empty for a form's field, or one whose entry is gone)."""
    if saved is None:
        return ""
    try:
        return saved(nb)
    except (AttributeError, LookupError, TypeError, ValueError):
        return ""


def forget_fields(widget_keys: Iterable[str]) -> None:
    """Fields whose widgets are gone (the entry was added and the form starts afresh): typing
    reported for them later no longer makes a draft."""
    fields, known = st.session_state.get(FIELDS, {}), st.session_state.get(KNOWN, {})
    for k in widget_keys:
        fields.pop(widget_class(k), None)
        known.pop(widget_class(k), None)
