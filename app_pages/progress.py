"""Progress: log a check-in in seconds, see where each goal stands, and celebrate milestones."""

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from career_core import planning
from career_core.edit import find, remove
from career_core.models import CheckIn, Direction, Goal, GoalStatus, Notebook
from career_core.planning import PlanInputError
from career_core.progress import (
    CheckinCalendar,
    GoalProgress,
    ProgressStatus,
    board,
    checkin_calendar,
    checkin_problems,
    done_threshold,
    format_value,
    record_milestones,
)
from waypoint_ui import derived, fields, frame, session
from waypoint_ui.forms import EntryForm
from waypoint_ui.progress_charts import board_figure, calendar_figure, goal_figure
from waypoint_ui.text import md, short

FLASH = "progress.flash"
LOGGABLE = (GoalStatus.ACTIVE, GoalStatus.DRAFT, GoalStatus.ACHIEVED)


@st.cache_data(max_entries=16, show_spinner=False)
def _calendar(notebook_id: str, revision: int, today: date, _nb: Notebook) -> CheckinCalendar:
    return checkin_calendar(_nb.checkins, today)


def _status_words(gp: GoalProgress) -> str:
    return f"{gp.status.symbol} {gp.status.label}" if gp.status else "Not tracked"


# --- logging a check-in ------------------------------------------------------------------------


def _checkin_from(form: EntryForm, goal: Goal, today: date) -> CheckIn:
    """The check-in the form describes, or PlanInputError with a message per field."""
    raw = form.value("value")
    value = {"Done": done_threshold(goal.metric.target), "Not yet": 0.0}.get(raw) \
        if goal.metric.direction is Direction.DONE else raw
    on, note = form.value("on"), form.value("note") or ""
    if problems := checkin_problems(goal, on, value, note, today):
        raise PlanInputError(problems)
    return CheckIn(goal_id=goal.id, on=on, value=value, note=note.strip(), confidence=form.value("confidence"))


def _log_checkin(form: EntryForm, goal_id: str, before: ProgressStatus | None) -> None:
    """Save the check-in and, in the same revision, any milestone it reaches; remember what changed."""
    today = date.today()
    goal = session.notebook().goal(goal_id)
    if goal is None:
        return
    written: list = []

    def apply(n: Notebook, checkin: CheckIn) -> None:
        n.checkins.append(checkin)
        written.extend(record_milestones(n, [goal_id], today))

    if form.submit(lambda: _checkin_from(form, goal, today), apply, saved="Check-in saved."):
        after = derived.progress(session.notebook(), today)[goal_id].status
        st.session_state[FLASH] = {"goal": goal.statement, "before": before, "after": after,
                                   "milestones": [(e.milestone, e.text) for e in written]}


def _tick(action_id: str) -> None:
    """Tick off what 'done' means today, as the Plan page does: this period's date, or the action."""
    def change(n: Notebook) -> None:
        action = find(n.actions, action_id)
        if action is None:
            raise ValueError("This action no longer exists; it may have been removed in another tab.")
        planning.mark_done(action, date.today())

    if session.commit(change, field=f"action.{action_id}"):
        st.toast("Ticked off. One step closer.", icon=":material/check_circle:")


def _remove_checkin(key: str) -> None:
    checkin_id = st.session_state.get(key)
    if checkin_id and session.commit(lambda n: remove(n.checkins, checkin_id), field="remove-checkin"):
        st.toast("Check-in removed. The version before is kept in the notebook's history.")


def checkin_section(nb: Notebook, progress: dict[str, GoalProgress], today: date) -> str | None:
    st.subheader("Log a check-in", anchor=False)
    goals = [g for g in nb.goals if g.status in LOGGABLE]
    order = {GoalStatus.ACTIVE: 0, GoalStatus.DRAFT: 1, GoalStatus.ACHIEVED: 2}
    goals.sort(key=lambda g: (order[g.status], g.deadline or date.max))
    if not goals:
        st.info("Every goal is paused or dropped. Pick one up again on the Goals page to log progress.",
                icon=":material/pause_circle:")
        frame.page_link("goals", "Open Goals", icon=":material/flag:")
        return None
    labels = {g.id: f"{_status_words(progress[g.id])} · {short(g.statement, 90)}" for g in goals}
    goal_id = st.selectbox("Goal", list(labels), format_func=labels.__getitem__, key=session.key("progress.goal"))
    goal = nb.goal(goal_id)
    gp = progress[goal_id]
    form = EntryForm(f"checkin.{goal_id}")
    left, right = st.columns([3, 2], gap="large")
    with left, st.form(form.key("form"), border=True):
        c1, c2 = st.columns(2)
        with c1:
            st.date_input("Date", value=today, max_value=today, key=form.key("on"), format="DD/MM/YYYY")
            form.show_error("on")
        metric = goal.metric
        with c2:
            if metric.direction is Direction.DONE:
                st.radio("Is it done?", ["Not yet", "Done"], horizontal=True, key=form.key("value"), index=None)
            else:
                unit = f" ({metric.unit})" if metric.unit else ""
                last = f"Last time: {format_value(gp.latest, metric.unit)}" if gp.latest is not None else "A number"
                st.number_input(f"{metric.name or 'Value'}{unit}", value=None, step=None, format="%g",
                                placeholder=last, key=form.key("value"))
            form.show_error("value")
        st.pills("How confident are you now? (1–10, optional)", list(range(1, 11)), key=form.key("confidence"))
        st.text_area("Note (optional)", key=form.key("note"), max_chars=5000, height=90,
                     placeholder="What happened? What helped, what got in the way?")
        form.show_error("note")
        st.form_submit_button("Log check-in", type="primary", icon=":material/add_task:",
                              on_click=_log_checkin, args=(form, goal_id, gp.status))
        form.show_error("goal")
        form.show_error("_")
    with right:
        actions_for(nb, goal_id, today)
    return goal_id


def actions_for(nb: Notebook, goal_id: str, today: date) -> None:
    """The goal's steps due this week (and any overdue), to tick off right after a check-in."""
    st.markdown("**Actions for this goal**")
    soon = [line for line in planning.action_lines(nb, today, "todo", towards=f"goal:{goal_id}")
            if line.next_date is not None and line.next_date <= today + timedelta(days=7) and not line.series_over]
    if not soon:
        st.caption("Nothing due this week for this goal.")
        frame.page_link("plan", "Plan actions", icon=":material/event_note:")
    for line in soon[:8]:
        day = line.next_date
        when = f"overdue since {day:%d %b}" if line.status == "overdue" else (
            "today" if day == today else f"{day:%a %d %b}")
        cols = st.columns([0.72, 0.28], vertical_alignment="center")
        cols[0].markdown(f"{md(line.title)}  \n:gray[{when} · {format_value(line.hours)} h]")
        cols[1].button("Done", key=session.key(f"tick.{line.action_id}.{day}"), icon=":material/check:",
                       on_click=_tick, args=(line.action_id,), help="Tick off this step")
        fields.show_error(f"action.{line.action_id}")


# --- one goal ----------------------------------------------------------------------------------


def goal_section(nb: Notebook, gp: GoalProgress, today: date) -> None:
    st.subheader("How this goal is going", anchor=False)
    st.markdown(f"**{md(gp.statement)}**")
    cols = st.columns(4)
    cols[0].metric("Status", _status_words(gp))
    if gp.direction is Direction.DONE:
        cols[1].metric("Done", "Yes" if gp.progress == 1 else "Not yet")
        if gp.steps:
            cols[2].metric("Steps done", f"{gp.steps_done} of {gp.steps}")
    else:
        delta = None
        if gp.percent is not None and gp.expected_percent is not None and gp.status is not ProgressStatus.ACHIEVED:
            delta = f"{gp.percent - gp.expected_percent:+d} points against the plan"
        cols[1].metric("Progress", "—" if gp.percent is None else f"{gp.percent}%", delta=delta)
        cols[2].metric("Latest", format_value(gp.latest, gp.unit),
                       help=f"Logged on {gp.last_checkin:%d %b %Y}" if gp.last_checkin else None)
    if gp.is_limit and gp.within is not None and gp.points:
        cols[3].metric("Within the limit", f"{gp.within} of {len(gp.points)}",
                       help="Check-ins with a value inside the limit, since the start.")
    elif gp.reached_on is not None and gp.status is ProgressStatus.ACHIEVED:
        cols[3].metric("Reached", f"{gp.reached_on:%d %b %Y}")
    else:
        cols[3].metric("Forecast", f"{gp.forecast:%d %b %Y}" if gp.forecast else "—",
                       help="When the recent pace reaches the target.")
    st.caption(gp.reason)
    if gp.points and gp.direction is not Direction.DONE:
        st.plotly_chart(goal_figure(gp, today, large=session.presenting()), width="stretch",
                        key=session.key("chart.goal"), config={"displaylogo": False})
        st.caption("A week without a check-in leaves the line open: a pause, not a drop.")
    elif gp.direction is not Direction.DONE:
        st.info("Log a value to start the chart.", icon=":material/show_chart:")
    _checkin_list(nb, gp)


def _checkin_list(nb: Notebook, gp: GoalProgress) -> None:
    rows = sorted((c for c in nb.checkins if c.goal_id == gp.goal_id), key=lambda c: c.on, reverse=True)
    if not rows:
        return
    with st.expander(f"Check-ins for this goal ({len(rows)})"):
        presenting = session.presenting()
        table = pd.DataFrame({
            "Date": [c.on for c in rows],
            "Value": [c.value for c in rows],
            "Confidence": [c.confidence for c in rows],
            "Note": ["(hidden while presenting)" if presenting and c.note else c.note for c in rows],
        })
        st.dataframe(table, hide_index=True, width="stretch", column_config={
            "Date": st.column_config.DateColumn(format="ddd D MMM YYYY"),
            "Value": st.column_config.NumberColumn(format="%g" + (f" {gp.unit}" if gp.unit else "")),
        })
        pick = session.key(f"remove-pick.{gp.goal_id}")
        recent = rows[:50]
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.selectbox("Remove a check-in logged by mistake", [c.id for c in recent], index=None, key=pick,
                     format_func=lambda i: _describe(find(recent, i), gp.unit), placeholder="Choose one")
        c2.button("Remove", key=session.key(f"remove.{gp.goal_id}"), icon=":material/delete:",
                  on_click=_remove_checkin, args=(pick,), disabled=not st.session_state.get(pick))


def _describe(c: CheckIn | None, unit: str) -> str:
    if c is None:
        return "(gone)"
    value = format_value(c.value, unit) if c.value is not None else "note only"
    return f"{c.on:%d %b %Y} · {value}"


# --- all goals, the calendar, milestones -------------------------------------------------------


def board_section(progress: dict[str, GoalProgress], nb: Notebook) -> None:
    st.subheader("All goals", anchor=False)
    show = st.segmented_control("Show", ["Goals in play", "Including achieved"], default="Goals in play", required=True,
                                key=session.key("board.show"), label_visibility="collapsed")
    statuses = {g.id: g.status for g in nb.goals}
    shown = [gp for gp in progress.values()
             if statuses[gp.goal_id] in (GoalStatus.ACTIVE, GoalStatus.DRAFT)
             or (show == "Including achieved" and gp.status is ProgressStatus.ACHIEVED)]
    groups = board(shown)
    counts = [f"{s.symbol} {len(items)} {s.value}" for s, items in groups.items() if items]
    if not counts:
        st.caption("No goals in play. Achieved goals show with “Including achieved”.")
    else:
        st.markdown(" · ".join(counts))
        st.plotly_chart(board_figure(groups, large=session.presenting()), width="stretch",
                        key=session.key("chart.board"), config={"displaylogo": False})
        table = pd.DataFrame([
            {"Status": _status_words(gp), "Goal": gp.statement, "Progress": gp.percent or 0,
             "Expected today": gp.expected_percent, "Deadline": gp.deadline, "Forecast": gp.forecast,
             "Last check-in": gp.last_checkin}
            for items in groups.values() for gp in items
        ])
        with st.expander("As a table"):
            st.dataframe(table, hide_index=True, width="stretch", column_config={
                "Progress": st.column_config.ProgressColumn(format="%d%%", min_value=0, max_value=100),
                "Expected today": st.column_config.NumberColumn(format="%d%%"),
                "Deadline": st.column_config.DateColumn(format="D MMM YYYY"),
                "Forecast": st.column_config.DateColumn(format="D MMM YYYY"),
                "Last check-in": st.column_config.DateColumn(format="D MMM YYYY"),
            })
    untracked = [g for g in nb.goals if g.status in (GoalStatus.PAUSED, GoalStatus.DROPPED)]
    if untracked:
        st.caption(f"{len(untracked)} paused or dropped goal{'s' if len(untracked) != 1 else ''} not shown.")


def calendar_section(cal: CheckinCalendar) -> None:
    st.subheader("Check-ins over the last year", anchor=False)
    if not cal.total:
        st.caption("Your check-ins will show here, one square a day.")
        return
    st.caption(f"{cal.total} check-in{'s' if cal.total != 1 else ''} on {cal.days} day{'s' if cal.days != 1 else ''}, "
               f"in {cal.weeks_with} of the last {len(cal.weeks)} weeks. Quiet weeks happen; pick up where you are.")
    st.plotly_chart(calendar_figure(cal, large=session.presenting()), width="stretch",
                    key=session.key("chart.calendar"), config={"displaylogo": False})


def milestones_section(nb: Notebook) -> None:
    entries = sorted((j for j in nb.journal if j.milestone is not None), key=lambda j: j.on, reverse=True)
    st.subheader("Milestones", anchor=False)
    if not entries:
        st.caption("At 25, 50, 75 and 100% of a goal you get a moment to celebrate; it is kept here.")
        return
    for j in entries[:10]:
        st.markdown(f":material/celebration: **{j.milestone}%** · {j.on:%d %b %Y}  \n{md(j.text)}")
    if len(entries) > 10:
        with st.expander(f"All {len(entries)} milestones"):
            for j in entries[10:]:
                st.markdown(f"**{j.milestone}%** · {j.on:%d %b %Y} · {md(j.text)}")


def celebrate() -> None:
    flash = st.session_state.pop(FLASH, None)
    if not flash:
        return
    before, after = flash["before"], flash["after"]
    if flash["milestones"]:
        st.balloons()
        for _, text in flash["milestones"]:
            st.success(md(text), icon=":material/celebration:")
    change = ""
    if after is not None and before != after:
        was = f" (was {before.value})" if before is not None else ""
        change = f" It is now **{after.value}**{was}."
    elif after is not None:
        change = f" Still **{after.value}**."
    st.success(f"Check-in saved for “{md(short(flash['goal'], 80))}”.{change}", icon=":material/check_circle:")


# --- the page ----------------------------------------------------------------------------------

st.title("Progress", anchor=False)
nb = session.notebook()
if nb is None:
    st.info("Open a notebook first: create one or open the sample on Home.", icon=":material/menu_book:")
    frame.page_link("home", "Go to Home", icon=":material/home:")
elif not nb.goals:
    st.info("Progress is measured against goals. Draft your first goal, then come back to log how it goes.",
            icon=":material/flag:")
    frame.page_link("goals", "Draft a goal", icon=":material/flag:")
else:
    today = date.today()
    progress = derived.progress(nb, today)
    celebrate()
    chosen = checkin_section(nb, progress, today)
    if chosen is not None:
        st.divider()
        goal_section(nb, progress[chosen], today)
    st.divider()
    board_section(progress, nb)
    st.divider()
    calendar_section(_calendar(nb.id, nb.revision, today, nb))
    st.divider()
    milestones_section(nb)
