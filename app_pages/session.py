"""Coach session: what changed since the last session, what was agreed, and today's notes."""

import html
from datetime import date

import plotly.graph_objects as go
import streamlit as st
from pydantic import ValidationError

from career_core.coaching import SinceLastSession, default_since, previous_session, since_last_session
from career_core.dashboard import DueAction, due_actions
from career_core.edit import remove
from career_core.models import CoachNote, Notebook
from career_core.validation import field_errors
from waypoint_ui import charts, frame, session
from waypoint_ui.text import md, short

FORM_GENERATION = "wp.coach-form"
FORM_ERRORS = "wp.coach-form-errors"


@st.cache_data(max_entries=16, show_spinner=False)
def _summary(notebook_id: str, revision: int, today: date, since: date, _nb: Notebook) -> SinceLastSession:
    return since_last_session(_nb, today, since)


@st.cache_data(max_entries=16, show_spinner=False)
def _coming_up(notebook_id: str, revision: int, today: date, _nb: Notebook) -> tuple[DueAction, ...]:
    return due_actions(_nb, today)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text} {unit}".strip()


def _label(text: str) -> str:
    """A chart label from a person's words: shortened, and escaped so Plotly shows it as typed."""
    return html.escape(short(text, 48))


def header(nb: Notebook, today: date) -> date:
    prev = previous_session(nb, today)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    with left:
        if prev is None:
            st.caption("No earlier session noted yet, so this shows the last 30 days. "
                       "Save a note below and the next session starts from today.")
        else:
            days = (today - prev.on).days
            st.caption(f"Last session: {prev.on:%A %d %B %Y} ({_plural(days, 'day')} ago).")
    return right.date_input(
        "Changes since",
        value=default_since(nb, today),
        max_value=today,
        key=session.key("coach.since"),
        help="Everything logged after this day is shown. It starts at the last session.",
    )


def agreed(summary: SinceLastSession) -> None:
    prev = summary.previous
    st.subheader("What we agreed last time", anchor=False)
    if prev is None or not prev.next_steps.strip():
        st.caption("No next steps were noted at the last session." if prev else "Nothing agreed yet: this is the first session noted.")
        return
    with st.container(border=True):
        st.caption(f":material/handshake: Agreed on {prev.on:%d %b %Y}")
        st.text(prev.next_steps)


def changes(summary: SinceLastSession) -> None:
    st.subheader("What changed", anchor=False)
    cols = st.columns(5)
    cols[0].metric("Check-ins", summary.checkins)
    cols[1].metric("Actions done", summary.actions_done)
    cols[2].metric("Overdue", summary.actions_overdue, help="One-off actions past their date, and recurring ones missed since the last session.")
    cols[3].metric("Goal changes", len(summary.goal_changes), help="New goals, and goals worded anew.")
    cols[4].metric("Reviews", len(summary.reviews))
    if summary.is_quiet:
        st.info(
            f"Nothing was logged between {summary.since:%d %b} and today. A quiet stretch is worth "
            "talking about too: what got in the way, and what would make the next step easier?",
            icon=":material/hourglass_empty:",
        )
        return
    movements(summary)
    actions(summary)
    goal_changes(summary)
    reviews(summary)


def movements(summary: SinceLastSession) -> None:
    if not summary.movements:
        return
    st.markdown("##### :material/trending_up: Progress on goals")
    charted = [m for m in summary.movements if m.share_now is not None]
    if charted:
        fig = go.Figure()
        labels = [_label(m.statement) for m in charted]
        before = [round(100 * (m.share_before if m.share_before is not None else 0)) for m in charted]
        now = [round(100 * m.share_now) for m in charted]
        for label, a, b in zip(labels, before, now, strict=True):
            fig.add_trace(go.Scatter(x=[a, b], y=[label, label], mode="lines", line=dict(color="#999999", width=3),
                                     showlegend=False, hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=before, y=labels, mode="markers", name="At the last session",
                                 marker=dict(symbol="circle-open", size=13, color=charts.PALETTE[1], line=dict(width=3)),
                                 hovertemplate="%{y}<br>then: %{x}% of the way<extra></extra>"))
        fig.add_trace(go.Scatter(x=now, y=labels, mode="markers", name="Now",
                                 marker=dict(symbol="diamond", size=14, color=charts.PALETTE[0]),
                                 hovertemplate="%{y}<br>now: %{x}% of the way<extra></extra>"))
        # The whole way from start (0%) to target (100%), so a step looks as big as it is.
        low, high = min(0, *before, *now), max(100, *before, *now)
        fig.update_xaxes(title="% of the way from the starting point to the target", ticksuffix="%",
                         range=[low - 4, high + 4], dtick=25)
        fig.update_yaxes(autorange="reversed")
        st.plotly_chart(
            charts.style(fig, height=110 + 48 * len(charted), large=session.presenting()),
            width="stretch",
            config={"displayModeBar": False},
        )
    st.dataframe(
        [
            {
                "Goal": m.statement,
                "Check-ins": m.checkins,
                "Then": _number(m.value_before, m.unit),
                "Now": _number(m.value_now, m.unit),
                "Moved": m.direction_word,
                "Confidence": f"{m.confidence_before or '–'} → {m.confidence_now or '–'}",
                "Latest note": m.latest_note,
            }
            for m in summary.movements
        ],
        hide_index=True,
        width="stretch",
    )


def actions(summary: SinceLastSession) -> None:
    if not (summary.done or summary.overdue):
        return
    done_col, late_col = st.columns(2, gap="large")
    with done_col:
        st.markdown("##### :material/task_alt: Done")
        if not summary.done:
            st.caption("No action was ticked off in this stretch.")
        for d in summary.done:
            times = f" · {d.times} times" if d.times > 1 else ""
            st.markdown(f":material/check: **{md(d.title)}** — {d.last:%d %b}{times}")
    with late_col:
        st.markdown("##### :material/schedule: Overdue")
        if not summary.overdue:
            st.caption("Nothing overdue. Well kept.")
        for o in summary.overdue:
            what = f"missed {o.missed} times since {o.since:%d %b}" if o.missed > 1 else f"due {o.since:%d %b}, {_plural(o.days, 'day')} ago"
            st.markdown(f":material/error: **{md(o.title)}** — {what}")


def goal_changes(summary: SinceLastSession) -> None:
    if not summary.goal_changes:
        return
    st.markdown("##### :material/flag: Goals")
    for c in summary.goal_changes:
        with st.container(border=True):
            if c.kind == "new":
                st.caption(f":material/add_circle: New goal · {c.on:%d %b}")
                st.text(c.statement)
            else:
                st.caption(f":material/edit: Worded anew · {c.on:%d %b}")
                st.text(f"Before: {c.before}\nNow: {c.statement}")


def reviews(summary: SinceLastSession) -> None:
    if not (summary.reviews or summary.moments):
        return
    left, right = st.columns(2, gap="large")
    with left:
        if summary.reviews:
            st.markdown("##### :material/rate_review: Reviews")
        for r in summary.reviews:
            with st.container(border=True):
                st.caption(f"Review of {r.on:%d %b %Y}")
                parts = [("Went well", r.went_well), ("Did not", r.did_not), ("Learned", r.learned), ("Changing", r.change)]
                st.text("\n".join(f"{label}: {text}" for label, text in parts if text.strip()) or "(no notes)")
    with right:
        if summary.moments:
            st.markdown("##### :material/celebration: Worth celebrating")
        for j in summary.moments:
            mark = f" · {j.milestone}% milestone" if j.milestone is not None else ""
            st.caption(f"{j.on:%d %b}{mark}")
            st.text(j.text or "(no words)")


def coming_up(nb: Notebook, today: date) -> None:
    st.subheader("Coming up", anchor=False)
    due = _coming_up(nb.id, nb.revision, today, nb)
    if not due:
        st.caption("Nothing due in the next two weeks: a good moment to agree the next step.")
        return
    for item in due:
        when = f"overdue since {item.due:%d %b}" if item.overdue else f"due {item.due:%a %d %b}"
        st.markdown(f":material/radio_button_unchecked: **{md(item.title)}** — {when}")


# --- today's note --------------------------------------------------------------------------------


def _save_note(keys: dict[str, str]) -> None:
    """Form callback: build the note (pydantic checks it), save it, or keep the text and say why."""
    values = {name: st.session_state[k] for name, k in keys.items()}
    errors: dict[str, str] = {}
    if not values["notes"].strip() and not values["next_steps"].strip():
        errors["notes"] = "Write what you talked about, what you agreed, or both."
    else:
        try:
            note = CoachNote(on=values["on"], notes=values["notes"], next_steps=values["next_steps"])
        except ValidationError as exc:
            errors = {k.split(".")[0]: v for k, v in field_errors(exc).items()}
        else:
            if session.commit(lambda n: n.coach_notes.append(note), field="coach-note"):
                st.session_state[FORM_GENERATION] = st.session_state.get(FORM_GENERATION, 0) + 1
                st.toast("Session note saved.", icon=":material/check_circle:")
            else:
                errors["notes"] = session.field_error("coach-note") or "Not saved: see the message in the sidebar."
    st.session_state[FORM_ERRORS] = errors


def note_form(summary: SinceLastSession, today: date) -> None:
    st.subheader("Notes from this session", anchor=False)
    for n in summary.today_notes:
        with st.container(border=True):
            st.caption(f":material/sticky_note_2: Noted today ({n.on:%d %b %Y})")
            if n.notes.strip():
                st.text(n.notes)
            if n.next_steps.strip():
                st.markdown("**Next steps**")
                st.text(n.next_steps)
    generation = st.session_state.get(FORM_GENERATION, 0)
    keys = {name: session.key(f"coach.{generation}.{name}") for name in ("on", "notes", "next_steps")}
    errors: dict[str, str] = st.session_state.get(FORM_ERRORS, {})
    with st.form(session.key(f"coach-note.{generation}")):
        st.date_input("Session date", value=today, max_value=today, key=keys["on"])
        if msg := errors.get("on"):
            st.error(msg, icon=":material/error:")
        st.text_area("What we talked about", height=150, max_chars=5000, key=keys["notes"],
                     placeholder="What came up, what you noticed, what felt hard or easy.")
        if msg := errors.get("notes"):
            st.error(msg, icon=":material/error:")
        st.text_area("Agreed next steps", height=110, max_chars=5000, key=keys["next_steps"],
                     placeholder="What you will do before the next session, and by when.")
        if msg := errors.get("next_steps"):
            st.error(msg, icon=":material/error:")
        st.form_submit_button("Save session note", type="primary", icon=":material/save:",
                              on_click=_save_note, args=(keys,))


def earlier(nb: Notebook, today: date) -> None:
    notes = sorted((n for n in nb.coach_notes if n.on < today), key=lambda n: n.on, reverse=True)
    if not notes:
        return
    with st.expander(f"Earlier sessions ({len(notes)})"):
        for n in notes[:50]:
            with st.container(border=True):
                head, action = st.columns([0.85, 0.15], vertical_alignment="center")
                head.markdown(f"**{n.on:%d %B %Y}**")
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
nb = session.notebook()
if nb is None:
    st.info("Open or create a notebook first: a session looks back at what it holds.", icon=":material/menu_book:")
    frame.page_link("home", "Go to Home", icon=":material/home:")
    st.stop()

today = date.today()
since = header(nb, today)
summary = _summary(nb.id, nb.revision, today, since, nb)
agreed(summary)
changes(summary)
coming_up(nb, today)
note_form(summary, today)
earlier(nb, today)
