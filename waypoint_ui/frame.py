"""The frame around every page: navigation and the sidebar (presentation switch, notebook
picker, save state, and the account or private-session box of the hosting mode), and above the
page, when a save meets another tab's change to the same field, the question which to keep.

The save line says in words whether everything typed is kept: "All changes saved" only when
nothing is pending, "Draft kept" while text typed into a form is kept as a draft, "Not saved
yet: …" otherwise. It sits in a fragment with the draft keeper (waypoint_ui.drafts), so keeping
a draft redraws the line and nothing else.

Page files live in app_pages/, not pages/: Streamlit treats a pages/ folder beside the entry file
as an old-style multipage app on a session's first run, which would skip this frame.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from career_core import wording
from career_core.config import Mode
from career_core.exports.notebook_file import file_name, to_bytes
from career_core.merge import Conflict, Side
from career_core.models import Notebook
from career_core.privacy import is_private_path
from waypoint_ui import drafts, hosting, notices, sections, session
from waypoint_ui.text import md

ROOT = Path(__file__).resolve().parent.parent
PRESENT_CSS = Path(__file__).resolve().parent / "present.css"
PRESENT_SWITCH = "wp.present-switch"
DOWNLOADED = "wp.downloaded"  # (notebook id, revision) of the last download in a private session
NEW_POPOVER, NEW_TITLE, NEW_PROBLEM = "wp.new-notebook", "wp.new-notebook-title", "wp.new-notebook-problem"
NEW_MADE = "wp.new-notebooks-made"  # notebooks made from the sidebar: part of the popover's key

# The method's order: (file in app_pages/, title, icon, address). A page appears once its file exists.
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("home", "Home", ":material/home:", "home"),
    ("reflect", "Reflect", ":material/psychology:", "reflect"),
    ("goals", "Goals", ":material/flag:", "goals"),
    ("plan", "Plan", ":material/event_note:", "plan"),
    ("progress", "Progress", ":material/trending_up:", "progress"),
    ("review", "Review", ":material/rate_review:", "review"),
    ("coach", "Coach session", ":material/groups:", "session"),  # the address people bookmarked
    ("notebook", "Notebooks", ":material/menu_book:", "notebook"),
)


def pages() -> dict[str, st.Page]:
    found = {}
    for name, title, icon, url in PAGES:
        path = ROOT / "app_pages" / f"{name}.py"
        if path.exists():
            found[name] = st.Page(str(path), title=title, icon=icon, default=name == "home", url_path=url)
    return found


def page_link(name: str, label: str, icon: str | None = None, help: str | None = None) -> None:
    """A link to another page, quietly left out while that page does not exist yet."""
    if (ROOT / "app_pages" / f"{name}.py").exists():
        st.page_link(str(ROOT / "app_pages" / f"{name}.py"), label=label, icon=icon, help=help)


def require_notebook(hint: str) -> Notebook:
    """The open notebook; without one, say what to do (`hint`), link to Home and stop the page."""
    nb = session.notebook()
    if nb is None:
        st.info(hint, icon=":material/menu_book:")
        page_link("home", "Go to Home", icon=":material/home:")
        st.stop()
    return nb


def sidebar() -> None:
    """The sidebar, and above the page the questions a merge asks. Runs before the page: it takes
    what another tab saved meanwhile, so the page draws it."""
    nb = session.notebook()
    drafts.start_run()  # before catch_up: it reads whether a field is still being typed into
    if nb is not None and session.catch_up():
        notices.tell("Updated with changes made in another tab.", icon=":material/sync:")
    notices.show()  # what the callbacks before this run said, and the line above
    if nb is not None and st.query_params.get("nb") != nb.id:
        # Page links drop the query; keep the notebook in the address so a reload (say, during a
        # screen-shared call) reopens this notebook rather than the most recent one.
        st.query_params["nb"] = nb.id
    mode = hosting.mode()
    with st.sidebar:
        _present_switch()
        if session.presenting():
            st.html(PRESENT_CSS)  # larger text for a shared screen; a fixed style sheet, no user text
            _presenting_note()
        else:
            _picker()
        _save_state()
        if mode is Mode.PRIVATE:
            _private_box()
        elif mode is Mode.ACCOUNTS:
            _account_box()
    _questions()
    sections.page_drawn()


def _present_switch() -> None:
    """One switch, on in one click and off in one click; `?present=1` turns it on at load."""
    on = session.presenting()
    session.set_presenting(on)  # keeps ?present=1 in the address on every page while on
    st.session_state[PRESENT_SWITCH] = on
    st.toggle(
        "Presentation mode",
        key=PRESENT_SWITCH,
        on_change=lambda: session.set_presenting(st.session_state[PRESENT_SWITCH]),
        help="For sharing your screen with a coach: hides private notes and your other notebooks, "
        "and makes text and charts larger. Opening the app with ?present=1 in the address turns it on.",
    )


def _presenting_note() -> None:
    nb = session.notebook()
    st.caption(":material/visibility_off: Presenting: private notes and other notebooks are hidden.")
    if nb is not None:
        st.markdown(f"**{md(nb.title)}**")


def _picker() -> None:
    summaries = session.store().list(session.owner())
    nb = session.notebook()
    if not summaries:
        st.caption("No notebook yet: start one on Home.")
        return
    ids = [s.id for s in summaries]
    titles = {s.id: s.title for s in summaries}
    current = nb.id if nb is not None and nb.id in ids else ids[0]
    choice = st.selectbox(
        "Notebook",
        ids,
        index=ids.index(current),
        format_func=lambda i: titles[i],
        key=f"picker.{current}.{len(ids)}",
    )
    if choice != current:
        session.open_notebook(choice)
        st.rerun()
    with st.popover("New notebook", icon=":material/add:", width="stretch", key=new_popover_key(), on_change="rerun"):
        with st.form("new-notebook", clear_on_submit=True, border=False):
            st.text_input("Title", max_chars=120, placeholder="e.g. My path to head of department", key=NEW_TITLE)
            st.form_submit_button("Create", type="primary", on_click=_create_from_sidebar)
        if message := st.session_state.get(NEW_PROBLEM):
            st.error(message, icon=":material/error:")


def new_popover_key() -> str:
    return f"{NEW_POPOVER}.{st.session_state.get(NEW_MADE, 0)}"


def _create_from_sidebar() -> None:
    """Create and open the notebook, then close the popover: the new notebook is what to look at.
    It is closed by drawing a new one (a new key): closing it by its state lost to a rerun of its
    own opening that came later (a title typed and created within that rerun, 7 times in 20)."""
    problem = new_notebook(st.session_state.get(NEW_TITLE) or "")
    st.session_state[NEW_PROBLEM] = problem
    if problem is None:
        st.session_state.pop(new_popover_key(), None)
        st.session_state[NEW_MADE] = st.session_state.get(NEW_MADE, 0) + 1


def new_notebook(title: str) -> str | None:
    """Create and open a notebook; the problem in words when there is one (an empty title)."""
    title = title.strip()
    if not title:
        return "Give the notebook a title."
    nb = session.store().create(session.owner(), title)
    session.open_notebook(nb.id)
    return None


def create_notebook(title: str) -> bool:
    """Create and open a notebook; False (with the message on the page) when it cannot be."""
    if problem := new_notebook(title):
        st.error(problem, icon=":material/error:")
        return False
    return True


def _account_box() -> None:
    who = hosting.signed_in()
    st.divider()
    if who is not None and not session.presenting():
        st.caption(f":material/account_circle: Signed in as {md(who.name)}")
    st.button("Sign out", icon=":material/logout:", on_click=st.logout, key="sign-out")


def _private_box() -> None:
    """The private session's promise and its one risk, with the way out of it a click away."""
    st.divider()
    st.warning(
        "**Private session.** Nothing is stored on the server: closing or reloading this tab "
        "loses your notebook unless you download it.",
        icon=":material/lock:",
    )
    nb = session.notebook()
    if nb is not None and session.presenting():
        # The file is the only copy of a private session's notebook, so it is whole or not offered.
        st.caption(":material/visibility_off: Turn presentation mode off to download your notebook: the file "
                   "holds your private notes.")
    elif nb is not None:
        last = st.session_state.get(DOWNLOADED)
        st.download_button(
            "Download notebook",
            data=lambda snapshot=nb: to_bytes(snapshot),
            file_name=file_name(nb),
            mime="application/json",
            icon=":material/download:",
            type="primary",
            width="stretch",
            on_click=_downloaded,
            args=(nb.id, nb.revision),
            key="private-download",
        )
        if last == (nb.id, nb.revision):
            st.caption(":material/check_circle: Downloaded: the file has every change so far.")
        elif last is not None and last[0] == nb.id:
            st.caption(":material/edit: Changed since your last download: download again to keep the changes.")
        else:
            st.caption(":material/info: Not downloaded yet.")
    page_link("notebook", "Upload a notebook file", icon=":material/upload:")


def _downloaded(notebook_id: str, revision: int) -> None:
    st.session_state[DOWNLOADED] = (notebook_id, revision)


def _save_state() -> None:
    if session.notebook() is None:
        return
    state = session.status()
    if state is not None and state.kind == "error":
        st.error(state.message, icon=":material/cloud_off:")
        st.button("Retry saving", on_click=session.save_now)
    _save_line()


@st.fragment
def _save_line() -> None:
    """Whether everything typed is kept, in words; redrawn alone when a draft is kept."""
    drafts.keeper()
    nb = session.notebook()
    state = session.status()
    if nb is None or (state is not None and state.kind == "error"):
        return
    kept = len(session.kept_drafts())
    if state is not None and state.kind == "conflict":
        st.warning(md(state.message), icon=":material/call_split:")
    elif state is not None and state.kind == "invalid":
        st.caption(f":material/error: {md(state.message)}")
    elif problem := drafts.pending():
        st.caption(f":material/keyboard: Not saved yet: {problem}")
    elif kept:
        st.caption(f":material/edit_note: Draft kept: what you typed in {wording.plural(kept, 'field')} is not "
                   f"added yet · revision {nb.revision}")
    elif state is None:
        st.caption(f":material/cloud_done: All changes saved · revision {nb.revision}")
    elif state.kind == "updated":
        st.caption(f":material/sync: Updated with changes made in another tab · revision {nb.revision}")
    else:
        when = session.local_time(state.at) if state.at is not None else ""
        merged = ", merged with changes from another tab" if state.kind == "merged" else ""
        icon = "call_merge" if merged else "check_circle"
        st.caption(f":material/{icon}: Saved {when}{merged} · revision {nb.revision}")


def _questions() -> None:
    """Above the page: what this tab and another both changed, side by side, and which to keep."""
    state = session.status()
    if state is None or state.kind != "conflict":
        return
    asked = session.questions()
    with st.container(border=True, key="wp-questions"):
        if not asked:  # too old to merge: the whole version, one or the other
            st.warning(md(state.message), icon=":material/call_split:")
            left, right = st.columns(2)
            left.button("Load the latest version", on_click=session.reload_latest, width="stretch",
                        help="Show the version saved elsewhere; this tab's unsaved edit is dropped.")
            right.button("Keep this tab's version", on_click=session.keep_mine, width="stretch",
                         help="Save this tab's version on top; the other version stays in the notebook's history.")
            return
        st.markdown(f"**:material/call_split: {wording.plural(len(asked), 'change')} to choose between**")
        st.caption("This tab and another tab or window both changed what is below, each differently. Everything "
                   "else from both is kept. Choose which version to keep; the other one stays in the notebook's "
                   "history (Notebooks → earlier revisions).")
        for conflict in asked:
            _question(conflict)
        st.button("Save my choices", type="primary", icon=":material/save:", on_click=_answer,
                  args=([c.key for c in asked],), key="wp-answer")


def _choice_key(conflict_key: str) -> str:
    return f"wp.choice.{conflict_key}"


def _question(conflict: Conflict) -> None:
    hidden = session.presenting() and is_private_path(conflict.key.split("/"))
    st.markdown(f"**{md(conflict.where)}**")
    st.caption(md(conflict.reason))
    sides = ((Side.MINE, "In this tab", conflict.mine), (Side.THEIRS, "In the other tab", conflict.theirs))
    for column, (_, label, value) in zip(st.columns(2), sides, strict=True):
        with column.container(border=True):
            st.caption(label)
            if hidden:
                st.caption(":material/visibility_off: Hidden while presenting")
            else:
                st.text(value)
    keeps = {Side.MINE: conflict.keeps_mine, Side.THEIRS: conflict.keeps_theirs}
    st.radio("Keep", [Side.MINE, Side.THEIRS], index=None, key=_choice_key(conflict.key),
             format_func=lambda side: md(keeps[side]) if not hidden else _version(side),
             label_visibility="collapsed")


def _version(side: Side) -> str:
    return "This tab's version" if side is Side.MINE else "The other tab's version"


def _answer(keys: list[str]) -> None:
    choices = {k: st.session_state[_choice_key(k)] for k in keys if st.session_state.get(_choice_key(k)) is not None}
    if session.answer(choices):
        for k in keys:
            st.session_state.pop(_choice_key(k), None)
        notices.tell("Saved with your choices. The other versions are in the notebook's history.",
                     icon=":material/check_circle:")
