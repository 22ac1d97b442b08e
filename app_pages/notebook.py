"""Notebooks: create, rename, duplicate, delete and restore; history; download and upload."""

from datetime import date

import streamlit as st

from career_core import wording
from career_core.exports.notebook_file import file_name, to_bytes
from career_core.history import differences
from career_core.models import Notebook
from career_core.store import NotFoundError
from waypoint_ui import derived, fields, frame, notices, session, uploads
from waypoint_ui.text import md

store, owner = session.store(), session.owner()
today = date.today()

st.title("Notebooks", anchor=False)
nb = session.notebook()
uploads.imported_note()


def _differences(nb: Notebook, _today: date, owner_id: str, revision: int) -> list:
    """An earlier revision against the current one (worked out once per current revision)."""
    return differences(session.store().load_revision(owner_id, nb.id, revision), nb)


def _duplicate() -> None:
    copy = store.add(owner, nb.model_copy(update={"title": f"{nb.title} (copy)"[:120]}))
    session.open_notebook(copy.id)
    notices.tell("Duplicated. You are now in the copy.")


def _delete() -> None:
    store.delete(owner, nb.id)
    session.close_notebook()
    notices.tell("Moved to the bin. You can restore it below.")


def _undelete(notebook_id: str) -> None:
    store.undelete(owner, notebook_id)
    session.open_notebook(notebook_id)


def _restore(revision: int) -> None:
    try:
        restored = store.restore(owner, nb.id, revision)
    except NotFoundError:
        st.session_state["wp.restore-error"] = "That revision is no longer available."
        return
    session.open_notebook(restored.id)
    notices.tell(f"Restored revision {revision} as revision {restored.revision}. Nothing was lost: the version before is in the history too.")


if nb is not None:
    st.subheader("This notebook")
    with st.container(border=True):
        fields.text("Title", lambda n: n, "title", name="title", max_chars=120)
        c1, c2, c3 = st.columns(3)
        redact = session.presenting()  # a shared screen: the file leaves out what the screen hides
        c1.download_button(
            "Download as JSON, without private notes" if redact else "Download as JSON",
            data=lambda snapshot=nb: to_bytes(snapshot, redact=redact),  # built only when clicked
            file_name=file_name(nb),
            mime="application/json",
            icon=":material/download:",
            help="Presentation mode is on, so private notes are left out of the file. Turn it off for a "
                 "complete copy." if redact else "A complete copy you can keep, back up, or upload again later.",
            on_click="ignore",
        )
        c2.button("Duplicate", icon=":material/content_copy:", on_click=_duplicate)
        with c3.popover("Delete", icon=":material/delete:"):
            st.write("The notebook moves to the bin. You can restore it from there at any time.")
            st.button("Move to the bin", type="primary", on_click=_delete, key="confirm-delete")

    st.subheader("History")
    history = store.history(owner, nb.id)
    if not history:
        st.caption("No earlier revisions yet: every change you make is kept here.")
    else:
        st.caption(f"{len(history)} earlier revisions are kept. Restoring one is itself a new revision, so it can be undone.")
        shown = history[:200]
        choice = st.selectbox(
            "Earlier revision",
            [h.revision for h in shown],
            format_func=lambda r: f"Revision {r} · saved {wording.moment(next(h.saved_at for h in shown if h.revision == r), today)} UTC",
            key=session.key("revision-pick"),
        )
        diff = derived.per_revision(_differences, nb, today, owner, choice)
        if not diff:
            st.caption("This revision has the same title, vision and counts as the current one (smaller edits differ).")
        else:
            st.dataframe(
                [{"What": d.what, f"Revision {choice}": d.then, "Now": d.now} for d in diff],
                hide_index=True,
                width="stretch",
            )
        st.button(f"Restore revision {choice}", icon=":material/history:", on_click=_restore, args=(choice,))
        if msg := st.session_state.pop("wp.restore-error", None):
            st.error(msg)

if session.presenting():
    st.caption(":material/visibility_off: Other notebooks, the bin and uploads are hidden while presenting.")
    st.stop()

st.subheader("All notebooks")
summaries = store.list(owner)
if summaries:
    for s in summaries:
        cols = st.columns([0.6, 0.25, 0.15], vertical_alignment="center")
        current = nb is not None and s.id == nb.id
        cols[0].markdown(f"**{md(s.title)}**" + (" · open now" if current else ""))
        cols[1].caption(f"Revision {s.revision} · {wording.day(s.updated_at.date(), today)}")
        if not current:
            cols[2].button("Open", key=f"open.{s.id}", on_click=session.open_notebook, args=(s.id,))
else:
    st.caption("No notebooks yet.")

with st.form("create", clear_on_submit=True):
    title = st.text_input("New notebook title", max_chars=120, placeholder="e.g. Coaching: Sam, 2027")
    if st.form_submit_button("Create notebook", icon=":material/add:") and frame.create_notebook(title):
        st.rerun()

st.subheader("Upload a notebook")
st.caption("A JSON file downloaded from Waypoint becomes a new notebook; nothing you have is replaced.")
uploads.notebook_uploader()

deleted = store.list(owner, deleted=True)
if deleted:
    st.subheader("Bin")
    for s in deleted:
        cols = st.columns([0.75, 0.25], vertical_alignment="center")
        cols[0].markdown(f"{md(s.title)} · revision {s.revision}")
        cols[1].button("Restore", key=f"undelete.{s.id}", icon=":material/restore_from_trash:", on_click=_undelete, args=(s.id,))
