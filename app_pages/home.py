"""Home: the notebook at a glance, or a guided start for a new one."""

from datetime import date

import streamlit as st

from career_core import wording
from career_core.config import Mode
from career_core.dashboard import METHOD_STEPS, Glance, GoalLine, glance
from career_core.models import Notebook
from waypoint_ui import derived, frame, hosting, session
from waypoint_ui.due_view import due_line
from waypoint_ui.smart_view import badge_words
from waypoint_ui.text import md

STEP_ICONS = {"reflect": ":material/psychology:", "vision": ":material/visibility:", "input": ":material/forum:",
              "goals": ":material/flag:", "plan": ":material/event_note:", "track": ":material/trending_up:",
              "review": ":material/rate_review:"}


def _glance(nb: Notebook, today: date) -> Glance:
    return glance(nb, today, progress=derived.progress(nb, today))


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
    for step in METHOD_STEPS:
        done = g.steps_done[step.key]
        cols = st.columns([0.08, 0.92], vertical_alignment="center")
        cols[0].markdown(":material/check_circle:" if done else ":material/radio_button_unchecked:",
                         help=md(f"Done. {step.how}" if done else step.how))
        with cols[1]:
            frame.page_link(step.page, md(f"{step.label} ({'done' if done else 'to do'})"), icon=STEP_ICONS[step.key],
                            help=md(step.how))


def goal_card(line: GoalLine, today: date) -> None:
    meta = f"{line.icon} **{md(line.status)}** · {md(line.horizon)}"
    meta += f" · due {wording.day(line.deadline, today)}" if line.deadline else ""
    lines = [f"**{md(line.statement)}**", f":small[{meta}]"]
    how = [md(line.progress)] if line.progress else []
    if line.score is not None:
        how.append(f"SMART score **{line.score}**/100 {badge_words(line.badge)}")
    if how:
        lines.append(f":small[{' · '.join(how)}]")
    if line.mismatch:
        lines.append(f":gray[:small[:material/sync_problem: {md(line.mismatch)}]]")
    with st.container(border=True):
        # One element for the card's lines: Home lists every goal in hand, a dozen after a few years.
        st.markdown("  \n".join(lines))


def dashboard(nb: Notebook, g: Glance, today: date) -> None:
    st.title(md(nb.title), anchor=False)
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
        st.markdown(f"{icon} {wording.day(g.review.on, today)} — {md(g.review.describe())}")
        if g.review.overdue:
            st.warning("Your review is overdue. A short one now keeps your goals honest.", icon=":material/schedule:")
        frame.page_link("review", "Open the review", icon=":material/rate_review:")

    goals_col, due_col = st.columns(2, gap="large")
    with goals_col:
        st.subheader("Goals")
        if not g.goals:
            st.caption("No goals in hand." if g.finished else "No goals yet.")
            frame.page_link("goals", "Draft a goal", icon=":material/flag:")
        for line in g.goals:
            goal_card(line, today)
        if g.finished:
            # Drawn only while open: after a few years most goals are achieved or dropped.
            with st.expander(f"Achieved and dropped ({len(g.finished)})", key="home.finished",
                             on_change="rerun") as shown:
                if shown.open:
                    for line in g.finished:
                        goal_card(line, today)
    with due_col:
        st.subheader("Next actions")
        if not g.due:
            st.caption("Nothing due in the coming week.")
        else:  # one element for the list: a busy week holds a few dozen steps
            st.markdown("\n\n".join(due_line(item, today, with_goal=True) for item in g.due))
    if not all(g.steps_done.values()):
        with st.expander("Steps of the method", expanded=g.is_empty):
            guided_start(g)


nb = session.notebook()
if nb is None:
    first_start()
else:
    today = date.today()
    summary = derived.per_revision(_glance, nb, today)
    if summary.is_empty:
        st.title(md(nb.title), anchor=False)
        guided_start(summary)
    else:
        dashboard(nb, summary, today)
