"""Coach session: what changed since the last session, what was agreed, and today's notes."""

from datetime import date

import streamlit as st

from career_core import edit, wording
from career_core.accountability import new_entry
from career_core.coaching import (
    SinceLastSession,
    default_since,
    previous_session,
    since_last_session,
)
from career_core.due import due_soon
from career_core.edit import remove
from career_core.models import CheckIn, Notebook
from waypoint_ui import derived, frame, session
from waypoint_ui.coach_charts import movement_figure
from waypoint_ui.due_view import due_line
from waypoint_ui.forms import EntryForm
from waypoint_ui.text import md


def header(nb: Notebook, today: date) -> date:
    prev = previous_session(nb, today)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    with left:
        if prev is None:
            st.caption("No earlier session noted yet, so this shows the last 30 days. "
                       "Save a note below and the next session starts from today.")
        else:
            days = (today - prev.on).days
            st.caption(f"Last session: {wording.day(prev.on, today, weekday=True)} ({wording.days_ago(days)}).")
    return right.date_input(
        "Changes since",
        value=default_since(nb, today),
        max_value=today,
        format=wording.DATE_INPUT,
        key=session.key("coach.since"),
        help="Everything logged after this day is shown. It starts at the last session.",
    )


def agreed(summary: SinceLastSession, today: date) -> None:
    prev = summary.previous
    st.subheader("What we agreed last time", anchor=False)
    if prev is None or not prev.next_steps.strip():
        st.caption("No next steps were noted at the last session." if prev else "Nothing agreed yet: this is the first session noted.")
        return
    with st.container(border=True):
        st.caption(f":material/handshake: Agreed on {wording.day(prev.on, today)}")
        st.text(prev.next_steps)


def changes(nb: Notebook, since: date, today: date) -> None:
    summary = derived.per_revision(since_last_session, nb, today, since)
    st.subheader("What changed", anchor=False)
    cols = st.columns(5)
    cols[0].metric("Check-ins", summary.checkins)
    cols[1].metric("Actions done", summary.actions_done)
    cols[2].metric("Overdue", summary.actions_overdue, help="One-off actions past their date, and recurring ones missed since the last session.")
    cols[3].metric("Goal changes", len(summary.goal_changes), help="New goals, and goals worded anew.")
    cols[4].metric("Reviews", len(summary.reviews))
    if summary.is_quiet:
        st.info(
            f"Nothing was logged between {wording.day(summary.since, today)} and today. A quiet stretch is worth "
            "talking about too: what got in the way, and what would make the next step easier?",
            icon=":material/hourglass_empty:",
        )
        return
    movements(nb, since, today)
    actions(summary, today)
    goal_changes(summary, today)
    reviews(summary, today)


def _movement_chart(nb: Notebook, today: date, since: date, large: bool):
    return movement_figure(derived.per_revision(since_last_session, nb, today, since).movements, large=large)


def movements(nb: Notebook, since: date, today: date) -> None:
    """How each goal moved; the chart is built once per revision and window."""
    summary = derived.per_revision(since_last_session, nb, today, since)
    if not summary.movements:
        return
    st.markdown("##### :material/trending_up: Progress on goals")
    hide_notes = session.hidden(CheckIn, "note")
    if any(m.percent_now is not None for m in summary.movements):
        st.plotly_chart(derived.per_revision(_movement_chart, nb, today, since, session.presenting()), width="stretch",
                        config={"displayModeBar": False})
    st.dataframe(
        [
            {
                "Goal": m.statement,
                "Check-ins": m.checkins,
                "Then": wording.number(m.value_before, m.unit),
                "Now": wording.number(m.value_now, m.unit),
                "Moved": m.moved,
                "Confidence": m.confidence_words,
                "Latest note": "(hidden while presenting)" if hide_notes and m.latest_note else m.latest_note,
            }
            for m in summary.movements
        ],
        hide_index=True,
        width="stretch",
        column_config={  # sized so that at 1400 px every figure shows whole; the note takes what is left
            "Goal": st.column_config.TextColumn(width=260),
            "Check-ins": st.column_config.NumberColumn(width=75),
            "Then": st.column_config.TextColumn(width=120),
            "Now": st.column_config.TextColumn(width=120),
            "Moved": st.column_config.TextColumn(width=90),
            "Confidence": st.column_config.TextColumn(width=90),
            "Latest note": st.column_config.TextColumn(),
        },
    )


def actions(summary: SinceLastSession, today: date) -> None:
    if not (summary.done or summary.overdue):
        return
    done_col, late_col = st.columns(2, gap="large")
    with done_col:
        st.markdown("##### :material/task_alt: Done")
        if not summary.done:
            st.caption("No action was ticked off in this stretch.")
        else:  # one element for the list, not one a line: a busy stretch lists dozens of actions
            st.markdown("\n\n".join(f":material/check: **{md(d.title)}** — {wording.day(d.last, today)}"
                                      + (f" · {d.times} times" if d.times > 1 else "") for d in summary.done))
    with late_col:
        st.markdown("##### :material/schedule: Overdue")
        if not summary.overdue:
            st.caption("Nothing overdue. Well kept.")
        else:
            st.markdown("\n\n".join(f":material/error: **{md(o.title)}** — {md(o.describe(today))}"
                                      for o in summary.overdue))


def goal_changes(summary: SinceLastSession, today: date) -> None:
    if not summary.goal_changes:
        return
    st.markdown("##### :material/flag: Goals")
    for c in summary.goal_changes:
        with st.container(border=True):
            if c.kind == "new":
                st.caption(f":material/add_circle: New goal · {wording.day(c.on, today)}")
                st.text(c.statement)
            else:
                st.caption(f":material/edit: Worded anew · {wording.day(c.on, today)}")
                st.text(f"Before: {c.before}\nNow: {c.statement}")


def reviews(summary: SinceLastSession, today: date) -> None:
    if not (summary.reviews or summary.moments):
        return
    left, right = st.columns(2, gap="large")
    with left:
        if summary.reviews:
            st.markdown("##### :material/rate_review: Reviews")
        for r in summary.reviews:
            with st.container(border=True):
                st.caption(f"Review of {wording.day(r.on, today)}")
                parts = [("Went well", r.went_well), ("Did not", r.did_not), ("Learned", r.learned), ("Changing", r.change)]
                st.text("\n".join(f"{label}: {text}" for label, text in parts if text.strip()) or "(no notes)")
    with right:
        if summary.moments:
            st.markdown("##### :material/celebration: Worth celebrating")
        for j in summary.moments:
            mark = f" · {j.milestone}% milestone" if j.milestone is not None else ""
            st.caption(f"{wording.day(j.on, today)}{mark}")
            st.text(j.text or "(no words)")


def coming_up(nb: Notebook, today: date) -> None:
    st.subheader("Coming up", anchor=False)
    due = derived.per_revision(due_soon, nb, today)
    if not due:
        st.caption("Nothing due in the coming week: a good moment to agree the next step.")
        return
    st.markdown("\n\n".join(due_line(item, today) for item in due))


# --- today's note --------------------------------------------------------------------------------


def note_form(summary: SinceLastSession, today: date) -> None:
    st.subheader("Notes from this session", anchor=False)
    for n in summary.today_notes:
        with st.container(border=True):
            st.caption(f":material/sticky_note_2: Noted today ({wording.day(n.on, today)})")
            if n.notes.strip():
                st.text(n.notes)
            if n.next_steps.strip():
                st.markdown("**Next steps**")
                st.text(n.next_steps)
    form = EntryForm("coach-note")
    with st.form(form.key("form")):
        st.date_input("Session date", value=today, max_value=today, key=form.key("on"), format=wording.DATE_INPUT)
        form.show_error("on")
        st.text_area("What we talked about", height=150, max_chars=5000, **form.field("notes"),
                     placeholder="What came up, what you noticed, what felt hard or easy.")
        form.show_error("notes")
        st.text_area("Agreed next steps", height=110, max_chars=5000, **form.field("next_steps"),
                     placeholder="What you will do before the next session, and by when.")
        form.show_error("next_steps")
        form.submit_button("Save session note",
                           lambda: new_entry("coach_notes", {n: form.value(n) for n in ("on", "notes", "next_steps")}),
                           lambda n, note: edit.add(n, "coach_notes", note), saved="Session note saved.",
                           icon=":material/save:", primary=True)


def earlier(nb: Notebook, today: date) -> None:
    notes = sorted((n for n in nb.coach_notes if n.on < today), key=lambda n: n.on, reverse=True)
    if not notes:
        return
    # Drawn only while open: a five-year notebook holds dozens of notes, ten elements each.
    with st.expander(f"Earlier sessions ({len(notes)})", key="coach.earlier", on_change="rerun") as shown:
        if not shown.open:
            return
        for n in notes[:50]:
            with st.container(border=True):
                head, action = st.columns([0.85, 0.15], vertical_alignment="center")
                head.markdown(f"**{wording.day(n.on, today)}**")
                with action.popover("Delete", icon=":material/delete:"):
                    st.write("Delete this session note? Its text stays in the notebook's history.")
                    st.button("Delete note", key=session.key(f"coach.delete.{n.id}"), type="primary",
                              on_click=session.commit, args=(lambda nb_, i=n.id: remove(nb_.coach_notes, i),))
                if n.notes.strip():
                    st.text(n.notes)
                if n.next_steps.strip():
                    st.caption("Next steps")
                    st.text(n.next_steps)
        if len(notes) > 50:
            st.caption(f"The {len(notes) - 50} older notes are in the notebook file (Notebooks → Download).")


st.title("Coach session", anchor=False)
nb = frame.require_notebook("Open or create a notebook first: a session looks back at what it holds.")
today = date.today()
since = header(nb, today)
summary = derived.per_revision(since_last_session, nb, today, since)
agreed(summary, today)
changes(nb, since, today)
coming_up(nb, today)
note_form(summary, today)
earlier(nb, today)
