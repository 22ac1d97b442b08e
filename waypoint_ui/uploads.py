"""Bringing a notebook file in (Notebooks → Upload): read safely, repaired with a note for each
repair, or refused in words; in a private session, within what the demo may hold
(waypoint_ui.private_sessions). Nothing a file says is ever shown as markup."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from career_core.config import Mode
from career_core.exports.notebook_file import Imported, ImportProblem, read
from waypoint_ui import hosting, private_sessions, session
from waypoint_ui.text import md

TRIES = "wp.upload-tries"  # files handed in so far: part of the uploader's key
PROBLEM = "wp.import-problem"  # why the last file was refused, shown once
DONE = "wp.import-done"  # (title, repairs) of the file taken in, shown once


def notebook_uploader() -> None:
    """The uploader; a file is read once, and then let go (the uploader gets a new key), whether it
    became a notebook or was refused, so no file's bytes stay in the server's memory."""
    tries = st.session_state.get(TRIES, 0)
    upload = st.file_uploader("Notebook file (.json)", type=["json"], key=f"upload.{tries}")
    if upload is not None:
        try:
            imported = _take_in(upload)
        except ImportProblem as exc:
            st.session_state[PROBLEM] = str(exc)
        else:
            created = session.store().add(session.owner(), imported.notebook)
            st.session_state[DONE] = (created.title, imported.notes)
            session.open_added(created)
        st.session_state[TRIES] = tries + 1
        st.rerun()
    if problem := st.session_state.pop(PROBLEM, None):
        st.error(md(problem), icon=":material/error:")


def _take_in(upload: UploadedFile) -> Imported:
    if hosting.mode() is not Mode.PRIVATE:
        return read(upload.getvalue())
    if not private_sessions.admit(upload.size):
        raise ImportProblem(private_sessions.BUSY)
    try:
        return read(upload.getvalue())
    except ImportProblem:
        private_sessions.give_back(upload.size)
        raise


def imported_note() -> None:
    """After an import: which notebook is open now, and what was repaired on the way in."""
    done = st.session_state.pop(DONE, None)
    if done is None:
        return
    title, repairs = done
    st.success(md(f"Imported “{title}” as a new notebook and opened it."), icon=":material/check_circle:")
    if repairs:
        st.info("**Repaired on the way in**, so that every page can open it:\n\n"
                + "\n".join(f"- {md(note)}" for note in repairs), icon=":material/build:")
