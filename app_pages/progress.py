"""Progress: log a check-in in seconds, see where each goal stands, and celebrate milestones."""

from datetime import date

import pandas as pd
import streamlit as st

from career_core import edit, wording
from career_core.checkin_calendar import CheckinCalendar
from career_core.checkins import DONE_CHOICES, goal_checkins, loggable_goals, new_checkin
from career_core.edit import find, remove
from career_core.milestones import record_milestones, standing_milestones
from career_core.models import CheckIn, Direction, JournalEntry, Notebook
from career_core.plan.actions import due_soon, mark_done
from career_core.progress import GoalProgress, ProgressStatus
from career_core.progress_views import board, board_goals
from waypoint_ui import derived, fields, frame, notices, sections, session
from waypoint_ui.forms import EntryForm
from waypoint_ui.progress_charts import board_figure, calendar_figure, goal_figure
from waypoint_ui.text import md, short

FLASH = "progress.flash"
MILESTONES_OPEN = "progress.milestones.open"
BOARD_TABLE_OPEN = "progress.board.table.open"


# --- logging a check-in ------------------------------------------------------------------------


def _log_checkin(form: EntryForm, goal_id: str, before: ProgressStatus | None) -> None:
    """Save the check-in and, in the same revision, any milestone it reaches; remember what changed."""
    today = date.today()
    goal = session.notebook().goal(goal_id)
    if goal is None:
        return
    written: list = []

    def apply(n: Notebook, checkin: CheckIn) -> None:
        edit.add(n, "checkins", checkin)
        written.extend(record_milestones(n, [goal_id], today, reuse=derived.kept_progress(n)))

    def build() -> CheckIn:
        return new_checkin(goal, form.value("on"), form.value("value"), form.value("note") or "",
                           form.value("confidence"), today)

    if form.submit(build, apply, saved="Check-in saved."):
        after = derived.progress(session.notebook(), today)[goal_id].status
        st.session_state[FLASH] = {"goal": goal.statement, "before": before, "after": after,
                                   "milestones": [(e.milestone, e.text) for e in written]}


def _tick(action_id: str) -> None:
    """Tick off what 'done' means today, as the Plan page does: this period's date, or the action."""
    if session.commit(lambda n: mark_done(n, action_id, date.today()), field=f"action.{action_id}"):
        notices.tell("Ticked off. One step closer.", icon=":material/check_circle:")


def _remove_checkin(key: str) -> None:
    checkin_id = st.session_state.get(key)
    if checkin_id and session.commit(lambda n: remove(n.checkins, checkin_id), field="remove-checkin"):
        notices.tell("Check-in removed. The version before is kept in the notebook's history.")


def checkin_section(nb: Notebook, progress: dict[str, GoalProgress], today: date) -> str | None:
    st.subheader("Log a check-in", anchor=False)
    goals = loggable_goals(nb)
    if not goals:
        st.info("Every goal is paused or dropped. Pick one up again on the Goals page to log progress.",
                icon=":material/pause_circle:")
        frame.page_link("goals", "Open Goals", icon=":material/flag:")
        return None
    labels = {g.id: f"{progress[g.id].status_words} · {short(g.statement, 90)}" for g in goals}
    goal_id = st.selectbox("Goal", list(labels), format_func=labels.__getitem__, key=session.key("progress.goal"))
    goal = nb.goal(goal_id)
    gp = progress[goal_id]
    form = EntryForm(f"checkin.{goal_id}")
    left, right = st.columns([3, 2], gap="large")
    with left, st.form(form.key("form"), border=True):
        c1, c2 = st.columns(2)
        with c1:
            st.date_input("Date", value=today, max_value=today, key=form.key("on"), format=wording.DATE_INPUT)
            form.show_error("on")
        metric = goal.metric
        with c2:
            if metric.direction is Direction.DONE:
                st.radio("Is it done?", DONE_CHOICES, horizontal=True, key=form.key("value"), index=None)
            else:
                unit = f" ({metric.unit})" if metric.unit else ""
                last = f"Last time: {wording.number(gp.latest, metric.unit)}" if gp.latest is not None else "A number"
                st.number_input(md(f"{metric.name or 'Value'}{unit}"), value=None, step=None, format="%g",
                                placeholder=last, key=form.key("value"))
            form.show_error("value")
        st.pills("How confident are you now? (1–10, optional)", list(range(1, 11)), key=form.key("confidence"))
        st.text_area("Note (optional)", **form.field("note"), max_chars=5000, height=90,
                     placeholder="What happened? What helped, what got in the way?")
        form.show_error("note")
        st.form_submit_button("Log check-in", type="primary", icon=":material/add_task:",
                              on_click=_log_checkin, args=(form, goal_id, gp.status))
        form.show_error("goal")
        form.show_error("_")
        form.draft_note()
    with right:
        actions_for(nb, goal_id, today)
    return goal_id


def _due_soon(nb: Notebook, today: date, goal_id: str) -> list:
    return due_soon(nb, goal_id, today, reuse=derived.kept_lines(nb), by_goal=derived.actions_by_goal(nb))


def actions_for(nb: Notebook, goal_id: str, today: date) -> None:
    """The goal's steps due this week (and any overdue), to tick off right after a check-in."""
    st.markdown("**Actions for this goal**")
    soon = derived.per_revision(_due_soon, nb, today, goal_id)
    if not soon:
        st.caption("Nothing due this week for this goal.")
        frame.page_link("plan", "Plan actions", icon=":material/event_note:")
    for line in soon:
        # One horizontal row, not columns (three blocks): a busy week draws several on every check-in.
        row = st.container(horizontal=True, wrap=False, vertical_alignment="center", gap="small")
        row.markdown(f"{md(line.title)}  \n:gray[{md(line.when(today))} · {wording.hours(line.hours)}]", width="stretch")
        row.button("Done", key=session.key(f"tick.{line.action_id}.{line.next_date}"), icon=":material/check:",
                   on_click=_tick, args=(line.action_id,), help="Tick off this step")
        fields.show_error(f"action.{line.action_id}")


# --- one goal ----------------------------------------------------------------------------------


def goal_section(nb: Notebook, gp: GoalProgress, today: date) -> None:
    st.subheader("How this goal is going", anchor=False)
    st.markdown(f"**{md(gp.statement)}**")
    cols = st.columns(4)
    cols[0].metric("Status", gp.status_words)
    if gp.direction is Direction.DONE:
        cols[1].metric("Done", "Yes" if gp.progress == 1 else "Not yet")
        if gp.steps:
            cols[2].metric("Steps done", f"{gp.steps_done} of {gp.steps}")
    else:
        delta = None
        if gp.percent is not None and gp.expected_percent is not None and gp.status is not ProgressStatus.ACHIEVED:
            delta = f"{gp.percent - gp.expected_percent:+d} points against the plan"
        cols[1].metric("Progress", "—" if gp.percent is None else f"{gp.percent}%", delta=delta)
        cols[2].metric("Latest", wording.number(gp.latest, gp.unit),
                       help=f"Logged on {wording.day(gp.last_checkin, today)}" if gp.last_checkin else None)
    if gp.record:
        cols[3].metric("Limit kept", gp.record.split(" in ", 1)[1], help=wording.capital(gp.record) + ", since the start.")
    elif gp.reached_on is not None and gp.status is ProgressStatus.ACHIEVED:
        cols[3].metric("Reached", wording.day(gp.reached_on, today))
    else:
        cols[3].metric("Forecast", wording.day(gp.forecast, today) if gp.forecast else "—",
                       help="When the recent pace reaches the target.")
    st.caption(md(gp.reason))
    if gp.points and gp.direction is not Direction.DONE:
        st.plotly_chart(derived.per_revision(_goal_chart, nb, today, gp.goal_id, session.presenting()), width="stretch",
                        key=session.key("chart.goal"), config={"displaylogo": False})
        st.caption("A week without a check-in leaves the line open: a pause, not a drop.")
    elif gp.direction is not Direction.DONE:
        st.info("Log a value to start the chart.", icon=":material/show_chart:")
    _checkin_list(nb, gp, today)


def _goal_chart(nb: Notebook, today: date, goal_id: str, large: bool):
    return goal_figure(derived.progress(nb, today)[goal_id], today, large=large)


def _checkin_rows(nb: Notebook, today: date, goal_id: str) -> list[CheckIn]:
    return goal_checkins(nb, goal_id)


def _checkin_table(nb: Notebook, today: date, goal_id: str, hide_notes: bool) -> pd.DataFrame:
    rows = derived.per_revision(_checkin_rows, nb, today, goal_id)
    return pd.DataFrame({
        "Date": [c.on for c in rows],
        "Value": [c.value for c in rows],
        "Confidence": [c.confidence for c in rows],
        "Note": ["(hidden while presenting)" if hide_notes and c.note else c.note for c in rows],
    })


def _checkin_list(nb: Notebook, gp: GoalProgress, today: date) -> None:
    if not gp.checkins:
        return
    # Drawn, and its check-ins looked up, only while open: a goal kept for years has hundreds of them.
    with st.expander(f"Check-ins for this goal ({gp.checkins})", key=_checkins_open_key(gp.goal_id),
                     on_change="rerun") as shown:
        if not shown.open:
            return
        rows = derived.per_revision(_checkin_rows, nb, today, gp.goal_id)
        table = derived.per_revision(_checkin_table, nb, today, gp.goal_id, session.hidden(CheckIn, "note"))
        st.dataframe(table, hide_index=True, width="stretch", column_config={
            "Date": st.column_config.DateColumn(format=wording.DATE_COLUMN, width="small"),
            "Confidence": st.column_config.NumberColumn(width="small"),
            "Note": st.column_config.TextColumn(width="large"),
            "Value": st.column_config.NumberColumn(format="%g" + (f" {gp.unit}" if gp.unit else "")),
        })
        pick = session.key(f"remove-pick.{gp.goal_id}")
        recent = rows[:50]
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.selectbox("Remove a check-in logged by mistake", [c.id for c in recent], index=None, key=pick,
                     format_func=lambda i: _describe(find(recent, i), gp.unit, today), placeholder="Choose one")
        c2.button("Remove", key=session.key(f"remove.{gp.goal_id}"), icon=":material/delete:",
                  on_click=_remove_checkin, args=(pick,), disabled=not st.session_state.get(pick))


def _checkins_open_key(goal_id: str) -> str:
    """Where whether a goal's list of check-ins is open is kept."""
    return session.key(f"checkins.open.{goal_id}")


def _describe(c: CheckIn | None, unit: str, today: date) -> str:
    if c is None:
        return "(gone)"
    value = wording.number(c.value, unit) if c.value is not None else "note only"
    return f"{wording.day(c.on, today)} · {value}"


# --- all goals, the calendar, milestones -------------------------------------------------------


@sections.section("progress.board")
def board_section(progress: dict[str, GoalProgress], nb: Notebook, today: date) -> None:
    st.subheader("All goals", anchor=False)
    show = st.segmented_control("Show", ["Goals in play", "Including achieved"], default="Goals in play", required=True,
                                key=session.key("board.show"), label_visibility="collapsed")
    groups = derived.per_revision(_board_groups, nb, today, show == "Including achieved")
    counts = [f"{s.symbol} {len(items)} {s.value}" for s, items in groups.items() if items]
    if not counts:
        st.caption("No goals in play. Achieved goals show with “Including achieved”.")
    else:
        st.markdown(" · ".join(counts))
        st.plotly_chart(derived.per_revision(_board_chart, nb, today, show == "Including achieved", session.presenting()),
                        width="stretch",
                        key=session.key("chart.board"), config={"displaylogo": False})
        # Drawn only while open: converting the table for the browser costs more than the chart.
        with st.expander("As a table", key=BOARD_TABLE_OPEN, on_change="rerun") as shown:
            if shown.open:
                _board_table_drawn(nb, today, show == "Including achieved")
    untracked = sum(not gp.tracked for gp in progress.values())
    if untracked:
        st.caption(f"{wording.plural(untracked, 'paused or dropped goal')} not shown.")


def _board_table_drawn(nb: Notebook, today: date, include_achieved: bool) -> None:
    st.dataframe(derived.per_revision(_board_table, nb, today, include_achieved), hide_index=True, width="stretch",
                 column_config={
                     "Progress": st.column_config.ProgressColumn(format="%d%%", min_value=0, max_value=100),
                     "Expected today": st.column_config.NumberColumn(format="%d%%"),
                     "Deadline": st.column_config.DateColumn(format=wording.DATE_COLUMN),
                     "Forecast": st.column_config.DateColumn(format=wording.DATE_COLUMN),
                     "Last check-in": st.column_config.DateColumn(format=wording.DATE_COLUMN),
                 })


def _board_groups(nb: Notebook, today: date, include_achieved: bool) -> dict[ProgressStatus, list[GoalProgress]]:
    return board(board_goals(nb, derived.progress(nb, today), include_achieved=include_achieved))


def _board_table(nb: Notebook, today: date, include_achieved: bool) -> pd.DataFrame:
    return pd.DataFrame([
        {"Status": gp.status_words, "Goal": gp.statement, "Progress": gp.percent or 0,
         "Expected today": gp.expected_percent, "Deadline": gp.deadline, "Forecast": gp.forecast,
         "Last check-in": gp.last_checkin}
        for items in derived.per_revision(_board_groups, nb, today, include_achieved).values() for gp in items
    ])


def _board_chart(nb: Notebook, today: date, include_achieved: bool, large: bool):
    return board_figure(derived.per_revision(_board_groups, nb, today, include_achieved), today, large=large)


def _calendar_chart(nb: Notebook, today: date, large: bool):
    return calendar_figure(derived.calendar(nb, today), today, large=large)


def calendar_section(nb: Notebook, cal: CheckinCalendar, today: date) -> None:
    st.subheader("Check-ins over the last year", anchor=False)
    if not cal.total:
        st.caption("Your check-ins will show here, one square a day.")
        return
    st.caption(f"{wording.plural(cal.total, 'check-in')} on {wording.plural(cal.days, 'day')}, "
               f"in {cal.weeks_with} of the last {len(cal.weeks)} weeks. Quiet weeks happen; pick up where you are.")
    st.plotly_chart(derived.per_revision(_calendar_chart, nb, today, session.presenting()), width="stretch",
                    key=session.key("chart.calendar"), config={"displaylogo": False})


def _milestones(nb: Notebook, today: date) -> list[JournalEntry]:
    return standing_milestones(nb, derived.progress(nb, today))  # only those the goal's progress still holds


def _latest_milestones(nb: Notebook, today: date) -> str:
    return "\n\n".join(f":material/celebration: **{j.milestone}%** · {wording.day(j.on, today)}  \n{md(j.text)}"
                       for j in derived.per_revision(_milestones, nb, today)[:10])


def _earlier_milestones(nb: Notebook, today: date) -> str:
    return "\n\n".join(f"**{j.milestone}%** · {wording.day(j.on, today)} · {md(j.text)}"
                       for j in derived.per_revision(_milestones, nb, today)[10:])


def milestones_section(nb: Notebook, today: date) -> None:
    count = len(derived.per_revision(_milestones, nb, today))
    st.subheader("Milestones", anchor=False)
    if not count:
        st.caption("At 25, 50, 75 and 100% of a goal you get a moment to celebrate; it is kept here.")
        return
    # One element for each list, not one an entry, each written once per revision; the earlier
    # ones only while open (a few years hold a hundred milestones).
    st.markdown(derived.per_revision(_latest_milestones, nb, today))
    if count > 10:
        with st.expander(f"Earlier milestones ({count - 10})", key=MILESTONES_OPEN, on_change="rerun") as shown:
            if shown.open:
                st.markdown(derived.per_revision(_earlier_milestones, nb, today))


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


@sections.section("progress.goal")
def goal_sections(nb: Notebook, progress: dict[str, GoalProgress], today: date) -> None:
    """Logging a check-in and the chosen goal's figures: picking another goal redraws only these."""
    chosen = checkin_section(nb, progress, today)
    if chosen is not None:
        st.divider()
        goal_section(nb, progress[chosen], today)


# --- the page ----------------------------------------------------------------------------------

st.title("Progress", anchor=False)
nb = frame.require_notebook("Open a notebook first: create one or open the sample on Home.")
if not nb.goals:
    st.info("Progress is measured against goals. Draft your first goal, then come back to log how it goes.",
            icon=":material/flag:")
    frame.page_link("goals", "Draft a goal", icon=":material/flag:")
    st.stop()
today = date.today()
progress = derived.progress(nb, today)
celebrate()
goal_sections(nb, progress, today)
st.divider()
board_section(progress, nb, today)
st.divider()
calendar_section(nb, derived.calendar(nb, today), today)
st.divider()
milestones_section(nb, today)
