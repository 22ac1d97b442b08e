"""Home: the notebook at a glance, or a guided start for a new one."""

from datetime import date

import streamlit as st

from career_core.config import Mode
from career_core.dashboard import Glance, glance
from career_core.models import Notebook
from waypoint_ui import derived, frame, hosting, session
from waypoint_ui.text import md, short

STEPS = (
    ("reflect", "reflect", "Reflect on your skills, interests and values", ":material/psychology:"),
    ("vision", "reflect", "Write your long-term vision", ":material/visibility:"),
    ("input", "reflect", "Ask mentors and colleagues for input", ":material/forum:"),
    ("goals", "goals", "Draft your first SMART goal", ":material/flag:"),
    ("plan", "plan", "Turn it into actions", ":material/event_note:"),
    ("track", "progress", "Log your first check-in", ":material/trending_up:"),
    ("review", "review", "Review and adjust", ":material/rate_review:"),
)


@st.cache_data(max_entries=16, show_spinner=False)
def _glance(notebook_id: str, revision: int, today: date, _nb: Notebook) -> Glance:
    return glance(_nb, today, progress=derived.progress(_nb, today))


def first_start() -> None:
    st.title("Welcome to Waypoint")
    st.write(
        "Waypoint is a notebook for your career goals. It walks you from knowing where you stand, "
        "to a vision, to a few sharp goals, to a plan that fits your week, and it helps you keep "
        "going with check-ins and regular reviews. " + hosting.storage_sentence()
    )
    left, right = st.columns(2, gap="large")
    with left.container(border=True):
        st.subheader(":material/auto_stories: Look around first")
        st.write("Open a filled-in example: a team leader of five on the way to heading a division.")
        if st.button("Open the sample notebook", type="primary", key="start-sample"):
            from career_core.sample import load_sample

            nb = session.store().add(session.owner(), load_sample(date.today()))
            session.open_notebook(nb.id)
            st.rerun()
    with right.container(border=True):
        st.subheader(":material/edit_note: Start your own")
        with st.form("first-notebook"):
            title = st.text_input("Notebook title", value="My career notebook", max_chars=120)
            if st.form_submit_button("Create my notebook") and frame.create_notebook(title):
                st.rerun()
    if hosting.mode() is Mode.PRIVATE:
        frame.page_link("notebook", "Continue with a notebook file you downloaded earlier", icon=":material/upload:")


def guided_start(g: Glance) -> None:
    st.subheader("Where to begin")
    st.write("Take the steps in order; each one builds on the last. Come back here any time.")
    for step, page, label, icon in STEPS:
        done = g.steps_done[step]
        cols = st.columns([0.08, 0.92], vertical_alignment="center")
        cols[0].markdown(":material/check_circle:" if done else ":material/radio_button_unchecked:",
                         help="Done" if done else "Not done yet")
        with cols[1]:
            frame.page_link(page, f"{label} ({'done' if done else 'to do'})", icon=icon)


def dashboard(nb: Notebook, g: Glance) -> None:
    st.title(nb.title, anchor=False)
    vision, review = st.columns([2, 1], gap="large")
    with vision.container(border=True):
        st.markdown("**Vision**" + (f" · {md(g.target_role)}" if g.target_role else ""))
        if g.vision:
            st.text(g.vision)
        else:
            st.caption("No vision written yet.")
            frame.page_link("reflect", "Write your vision", icon=":material/visibility:")
    with review.container(border=True):
        st.markdown("**Next review**")
        icon = ":material/warning:" if g.review.overdue else ":material/event:"
        st.markdown(f"{icon} {g.review.on:%d %b %Y} — {g.review.describe()}")
        if g.review.overdue:
            st.warning("Your review is overdue. A short one now keeps your goals honest.", icon=":material/schedule:")
        frame.page_link("review", "Open the review", icon=":material/rate_review:")

    goals_col, due_col = st.columns(2, gap="large")
    with goals_col:
        st.subheader("Goals")
        if not g.goals:
            st.caption("No goals yet.")
            frame.page_link("goals", "Draft a goal", icon=":material/flag:")
        for line in g.goals:
            with st.container(border=True):
                st.markdown(f"**{md(line.statement)}**")
                meta = f"{line.icon} **{md(line.status)}** · {md(line.horizon)}"
                meta += f" · due {line.deadline:%d %b %Y}" if line.deadline else ""
                st.markdown(f":small[{meta}]")
                how = [md(line.progress)] if line.progress else []
                if line.score is not None:
                    smart = ":green[:material/verified: SMART]" if line.is_smart else ":orange[not SMART yet]"
                    how.append(f"SMART score **{line.score}**/100 {smart}")
                if how:
                    st.markdown(f":small[{' · '.join(how)}]")
    with due_col:
        st.subheader("Next actions")
        if not g.due:
            st.caption("Nothing due in the next two weeks.")
        for item in g.due:
            when = f"overdue since {item.due:%d %b}" if item.overdue else f"due {item.due:%a %d %b}"
            icon = ":material/error:" if item.overdue else ":material/radio_button_unchecked:"
            goal = f"  \n:small[:gray[{md(short(item.goal, 90))}]]" if item.goal else ""
            st.markdown(f"{icon} **{md(item.title)}** — {when}{goal}")
    if not all(g.steps_done.values()):
        with st.expander("Steps of the method", expanded=g.is_empty):
            guided_start(g)


nb = session.notebook()
if nb is None:
    first_start()
else:
    summary = _glance(nb.id, nb.revision, date.today(), nb)
    if summary.is_empty:
        st.title(nb.title, anchor=False)
        guided_start(summary)
    else:
        dashboard(nb, summary)
