"""Plan: actions, initiatives, what to stop doing, the timeline, the weekly load and the calendar file."""

from __future__ import annotations

from datetime import date

import streamlit as st

from career_core import edit, wording
from career_core.exports.calendar import contents, to_ics
from career_core.exports.notebook_file import file_name
from career_core.models import (
    InitiativeStatus,
    Notebook,
    Recurrence,
    StopKind,
)
from career_core.plan import actions, drafts, initiatives, stop_doing
from career_core.plan.actions import ActionButton, ActionLine, action_buttons
from career_core.plan.drafts import ActionDraft, InitiativeDraft, StopDraft
from career_core.plan.load import LoadItem, WeekLoad, weekly_load
from career_core.plan.timeline import timeline_view
from career_core.review import next_review
from waypoint_ui import derived, entries, fields, frame, plan_charts, sections, session
from waypoint_ui.paging import paged
from waypoint_ui.plan_forms import (
    ACTION,
    INITIATIVE,
    STOP,
    goal_label,
    initiative_label,
)
from waypoint_ui.text import md, short

SHOW = {"todo": "To do", "done": "Done", "dropped": "Dropped", "all": "All"}
SPANS = {"quarter": "Next 3 months", "year": "Next year", "vision": "To my vision", "all": "Everything"}
WEEKS = {8: "8 weeks", 13: "3 months", 26: "6 months", 52: "A year"}
SHOWN_ITEMS = 12  # actions listed for a week; the rest are summed up in one line
STOP_ICONS = {StopKind.CANCEL: ":material/block:", StopKind.POSTPONE: ":material/pause_circle:",
              StopKind.DELEGATE: ":material/forward:"}
INITIATIVE_ICONS = {InitiativeStatus.IDEA: ":material/lightbulb:", InitiativeStatus.PLANNED: ":material/event:",
                    InitiativeStatus.ACTIVE: ":material/play_circle:", InitiativeStatus.DONE: ":material/check_circle:",
                    InitiativeStatus.DROPPED: ":material/cancel:"}
# How each button of an action looks: (widget key prefix, icon, type when not the primary one).
BUTTON_LOOK = {"reopen": ("reopen", ":material/undo:", "secondary"), "tick": ("tick", ":material/check:", "secondary"),
               "finish": ("done", ":material/check:", "secondary"), "undo": ("undo", None, "tertiary")}


# --- actions ---------------------------------------------------------------------------------


def _press(action_id: str, button: ActionButton, today: date) -> None:
    session.commit(lambda nb: actions.press(nb, action_id, button, today), field=ACTION.error_name(action_id))


def actions_section(nb: Notebook, today: date) -> None:
    st.subheader("Actions", anchor=False)
    st.caption("Small, concrete steps towards a goal or an initiative: once by a date, or repeating "
               "(every day, week, two weeks, month or quarter). Tick them off as you go.")
    if not nb.goals and not nb.initiatives:
        st.info("Actions belong to a goal or an initiative. Draft a goal first, or add an initiative.",
                icon=":material/flag:")
        frame.page_link("goals", "Draft a goal", icon=":material/flag:")
    entries.add_form(ACTION, "Add an action", "Add action", ActionDraft("", None, None, Recurrence.NONE, today, None, 1.0),
                     today, expanded=not nb.actions, icon=":material/add_task:", added="Action added to your plan.")

    f1, f2, f3 = st.columns([0.35, 0.35, 0.3], vertical_alignment="bottom")
    show = f1.segmented_control("Show", list(SHOW), format_func=SHOW.get, default="todo", required=True,
                                key=session.key("actions.show"))
    targets = ["every", *(f"goal:{g.id}" for g in nb.goals), *(f"initiative:{i.id}" for i in nb.initiatives), "unlinked"]
    choice = f2.selectbox("For", targets, key=session.key("actions.for"), format_func=lambda t: _target_label(nb, t))
    towards = None if choice in (None, "every") else choice
    search = f3.text_input("Search", key=session.key("actions.search"), placeholder="Words in the title")
    lines = derived.actions(nb, today, show, towards, search or "")
    if not lines:
        st.caption("No actions to show here." if nb.actions else "No actions yet: add the first one above.")
        return
    shown, rows = paged(lines, session.key(f"actions.page.{show}.{towards}.{search}"), "action")
    with rows:
        for line in shown:
            _action_row(nb, line, today)


def _target_label(nb: Notebook, target: str) -> str:
    if target == "every":
        return "Every goal and initiative"
    if target == "unlinked":
        return "Not linked to anything"
    kind, _, ref = target.partition(":")
    return f"Goal: {goal_label(nb, ref)}" if kind == "goal" else f"Initiative: {initiative_label(nb, ref)}"


def _action_row(nb: Notebook, line: ActionLine, today: date) -> None:
    with st.container(border=True):
        text, buttons = st.columns([0.62, 0.38], vertical_alignment="center")
        # One element for the three lines: a page of actions draws fifteen of these on every click.
        text.markdown(f"{line.icon} **{md(line.title)}**  \n:gray[:small[{md(line.details(today))}]]  \n"
                      f":gray[:small[{md(short(line.towards, 140))}]]")
        with buttons:
            row = st.container(horizontal=True, horizontal_alignment="right", gap="small")
            for button in action_buttons(line, today):
                prefix, icon, kind = BUTTON_LOOK[button.kind]
                row.button(button.label, key=f"{prefix}.{line.action_id}", icon=icon,
                           type="primary" if button.primary else kind, help=button.help or None,
                           on_click=_press, args=(line.action_id, button, today))
            entries.edit_button(ACTION, line.action_id, row)
        entries.show_error(ACTION, line.action_id)
        if entries.is_open(ACTION, line.action_id) and (action := edit.find(nb.actions, line.action_id)) is not None:
            entries.edit_form(ACTION, action, drafts.draft_of(action), today, delete="Delete this action",
                              delete_note="The action leaves your plan. An earlier revision on the Notebooks page keeps it.")


# --- initiatives -----------------------------------------------------------------------------


FINISHED = "plan.initiatives.finished"
ENDED_STOPS = "plan.stop.ended"


def initiatives_section(nb: Notebook, today: date) -> None:
    st.subheader("Initiatives", anchor=False)
    st.caption("The few projects that move your career: each with a start and a finish, a way to tell it "
               f"worked, and the goals it serves. Keep to about {initiatives.ACTIVE_LIMIT} at a time.")
    active = len(initiatives.active_initiatives(nb, today))
    st.markdown(f":material/play_circle: **{active} active** of a suggested {initiatives.ACTIVE_LIMIT}")
    for warning in initiatives.initiative_warnings(nb, today):
        st.warning(md(warning), icon=":material/lightbulb:")
    entries.add_form(INITIATIVE, "Add an initiative", "Add initiative",
                     InitiativeDraft("", today, None, "", "", (), "", InitiativeStatus.PLANNED), today,
                     expanded=not nb.initiatives, icon=":material/add:", added="Initiative added.")
    if not nb.initiatives:
        st.caption("No initiatives yet.")
    cards = initiatives.initiative_cards(nb, today)
    for card in cards:
        if not card.finished:
            _initiative_card(nb, card, today)
    # After a few years most initiatives are done.
    entries.set_apart(INITIATIVE, "Done and dropped", FINISHED, [card for card in cards if card.finished],
                      lambda card: card.initiative.id, lambda card: _initiative_card(nb, card, today),
                      icon=":material/inventory_2:")


def _initiative_card(nb: Notebook, card: initiatives.InitiativeCard, today: date) -> None:
    i = card.initiative
    with st.container(border=True):
        head = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center")
        head.markdown(f"{INITIATIVE_ICONS[card.status]} **{md(i.title)}**  \n:small[{card.status.label} · {md(card.dates(today))}]")
        entries.edit_button(INITIATIVE, i.id, head)
        lines = [f"**{label}:** {md(value.strip())}" for label, value in (
            ("How you will know it worked", i.success_measure),
            ("How it moves you towards your vision", i.supports),
            ("Approvals needed", i.approvals)) if value.strip()]
        goals = [short(g.statement, 90) for gid in i.goal_ids if (g := nb.goal(gid))]
        if goals:
            lines.append("**Supports:** " + " · ".join(md(g) for g in goals))
        if lines:
            st.markdown("\n\n".join(lines))
        st.caption(f"{wording.plural(card.open_actions, 'action')} to do for this initiative.")
        entries.show_error(INITIATIVE, i.id)
        if entries.is_open(INITIATIVE, i.id):
            entries.edit_form(INITIATIVE, i, drafts.initiative_draft(i), today, delete="Delete this initiative",
                              delete_note="The initiative leaves your plan; its actions stay, no longer linked to it.")


# --- stop doing ------------------------------------------------------------------------------


def stop_section(nb: Notebook, today: date) -> None:
    st.subheader("Stop doing", anchor=False)
    st.caption("Room for new goals comes from what you stop: cancel it, postpone it to a date, or hand it to "
               "someone. The hours each one frees come off your weekly load.")
    st.metric("Hours freed this week", wording.hours(stop_doing.freed_this_week(nb, today)), border=True, width="content")
    entries.add_form(STOP, "Add something to stop", "Add to the list", StopDraft("", StopKind.CANCEL, "", None, 1.0, today),
                     today, expanded=not nb.stop_doing, icon=":material/add:", added="Added to your stop-doing list.")
    if not nb.stop_doing:
        st.caption("Nothing on the list yet.")
    lines = stop_doing.stop_lines(nb, today)
    for line in (line for line in lines if not line.ended):
        _stop_card(nb, line, today)
    # Postponements that ended pile up over the years.
    entries.set_apart(STOP, "Ended", ENDED_STOPS, [line for line in lines if line.ended], lambda line: line.entry.id,
                      lambda line: _stop_card(nb, line, today), icon=":material/history:")


def _stop_card(nb: Notebook, line: stop_doing.StopLine, today: date) -> None:
    s = line.entry
    box, head = entries.card(STOP, s.id)
    head.markdown(f"{STOP_ICONS[s.kind]} **{md(s.what)}**  \n"
                  f":small[{md(line.text)} · {wording.hours(s.hours_per_week)} a week · {md(line.state)}]")
    entries.edit_button(STOP, s.id, head)
    with box:
        entries.show_error(STOP, s.id)
        if entries.is_open(STOP, s.id):
            entries.edit_form(STOP, s, drafts.stop_draft(s), today, delete="Remove from the list",
                              delete_note="It leaves the list; an earlier revision keeps it.", confirm=False)


# --- timeline --------------------------------------------------------------------------------


def timeline_section(nb: Notebook, today: date) -> None:
    st.subheader("Timeline", anchor=False)
    st.caption("Your initiatives, goals, milestones, actions and reviews on one road, from today to your vision.")
    left, right = st.columns([0.7, 0.3], vertical_alignment="bottom")
    span = left.segmented_control("Show", list(SPANS), format_func=SPANS.get, default="quarter", required=True,
                                  key=session.key("timeline.span"))
    finished = right.toggle("Include finished and dropped", key=session.key("timeline.finished"))
    tl = derived.per_revision(timeline_view, nb, today, span, finished)
    if tl.is_empty:
        st.info("Nothing dated in this view yet. Give your goals deadlines and your actions dates, and they appear here.",
                icon=":material/timeline:")
    else:
        fig = derived.per_revision(_timeline_chart, nb, today, span, finished, session.presenting())
        st.plotly_chart(fig, key=session.key("timeline.chart"), config={"displaylogo": False},
                        alt=f"Timeline from {wording.day(tl.start, today)} to {wording.day(tl.end, today)}: "
                            f"{wording.plural(len(tl.rows), 'row')}")
    for note in tl.notes():
        st.caption(md(note))
    if not tl.is_empty:
        with st.expander("The timeline in words", icon=":material/list:"):
            for row in tl.in_words():
                indent = "    " if row.depth else ""
                st.markdown(f"{indent}- **{md(short(row.label, 90))}** · {md(row.text)}")


def _timeline_chart(nb: Notebook, today: date, span: str, finished: bool, large: bool):
    return plan_charts.timeline_figure(derived.per_revision(timeline_view, nb, today, span, finished), large=large)


def _load_chart(nb: Notebook, today: date, weeks: int, large: bool):
    return plan_charts.load_figure(derived.per_revision(weekly_load, nb, today, today, weeks), today, large=large)


# --- weekly load -----------------------------------------------------------------------------


def load_section(nb: Notebook, today: date) -> None:
    st.subheader("Weekly load", anchor=False)
    st.caption("The hours your plan takes each week, with repeating actions counted every time they come "
               "round, against the weekly limit you set. What you stopped doing gives hours back.")
    c1, c2, c3 = st.columns([0.25, 0.3, 0.45], vertical_alignment="bottom")
    with c1:
        fields.bound(st.number_input, "Weekly hour limit", lambda n: n.settings, "weekly_hour_limit",
                     name="settings.weekly_hour_limit", step=1.0, format="%g",
                     help="The most hours a week you want to work, all in.")
    with c2:
        fields.bound(st.number_input, "Hours a usual week takes", lambda n: n.settings, "usual_weekly_hours",
                     name="settings.usual_weekly_hours", step=1.0, format="%g",
                     help="Your working hours before the plan adds anything. Leave at 0 to weigh the plan alone.")
    with c3:
        weeks = st.segmented_control("Weeks ahead", list(WEEKS), format_func=WEEKS.get, default=13, required=True,
                                     key=session.key("load.weeks"))
    load = derived.per_revision(weekly_load, nb, today, today, weeks)
    over, limit = load.over_weeks, wording.hours(load.limit)
    if nb.settings.usual_weekly_hours == 0:
        st.caption(f"Tip: add the hours a usual week takes to see your whole week against your "
                   f"{wording.number(nb.settings.weekly_hour_limit)}-hour limit, not just the plan.")
    if over:
        st.warning(f"{len(over)} of {len(load.weeks)} weeks go over your {wording.number(load.limit)}-hour limit. "
                   "They are marked ⚠ in the chart and listed below with the actions that cause them.",
                   icon=":material/warning:")
    else:
        peak = load.peak
        st.success(f"Every week fits within your {wording.number(load.limit)}-hour limit"
                   + (f"; the fullest is the {peak.describe(today)} with {wording.hours(peak.total)}."
                      if peak and peak.total else "."), icon=":material/check_circle:")
    st.plotly_chart(derived.per_revision(_load_chart, nb, today, weeks, session.presenting()), key=session.key("load.chart"),
                    config={"displaylogo": False},
                    alt=f"Hours per week for {wording.plural(len(load.weeks), 'week')} against a limit of {limit}; "
                        f"{wording.plural(len(over), 'week')} over the limit")
    if over:
        st.markdown("#### :material/warning: Weeks over the limit")
        for week in over:
            with st.container(border=True):
                st.markdown(f"⚠ **{md(wording.capital(week.describe(today)))}** · {wording.hours(week.total)} of {limit} · "
                            f"**over by {wording.hours(week.over_by)}**")
                st.markdown("Moving or dropping these would bring it back within the limit:")
                _item_list(week.causes)
                rest = week.others
                if rest:
                    st.caption("Also this week: " + md("; ".join(f"{i.title} ({wording.hours(i.hours)})"
                                                                 for i in rest[:SHOWN_ITEMS]))
                               + (f"; and {len(rest) - SHOWN_ITEMS:,} more" if len(rest) > SHOWN_ITEMS else ""))
    st.markdown("#### Week by week")
    chosen = st.selectbox("Week", list(range(len(load.weeks))), key=session.key("load.week"),
                          format_func=lambda k: _week_option(load.weeks[k], today))
    week = load.weeks[chosen or 0]
    if not week.items:
        st.caption("No actions planned this week.")
    _item_list(week.items)
    if week.freed_by:
        st.markdown("\n".join(f"- :material/block: {md(freed.what)}: **−{wording.hours(freed.hours)}** (stopped)"
                               for freed in week.freed_by))


def _week_option(week: WeekLoad, today: date) -> str:
    hours = f"{wording.hours(week.total)} all in" if week.usual else f"{wording.hours(week.plan)} planned"
    return f"{wording.capital(week.describe(today))} · {hours} · {'⚠ ' if week.over else ''}{week.status}"


def _item_list(items: tuple[LoadItem, ...]) -> None:
    """The biggest actions as one list; a long tail is summed up in its last line."""
    lines = [f"- {_item_text(item)}" for item in items[:SHOWN_ITEMS]]
    if len(items) > SHOWN_ITEMS:
        tail = items[SHOWN_ITEMS:]
        lines.append(f"- and {wording.plural(len(tail), 'smaller action')}: "
                     f"**{wording.hours(sum(i.hours for i in tail))}** together")
    if lines:
        st.markdown("\n".join(lines))


def _item_text(item: LoadItem) -> str:
    late = " · :material/error: overdue, still to do" if item.overdue else ""
    if item.times == 1:
        return f"**{md(item.title)}**: **{wording.hours(item.hours)}**{late}"
    return (f"**{md(item.title)}**: {item.times} × {wording.hours(item.hours / item.times)} = "
            f"**{wording.hours(item.hours)}**{late}")


# --- calendar --------------------------------------------------------------------------------


def calendar_section(nb: Notebook, today: date) -> None:
    st.subheader("Calendar", anchor=False)
    st.caption("Put your plan in the calendar you already use. The file holds your actions still to do (repeating "
               "ones as repeating events) and your review dates for the next year, as all-day events.")
    c = derived.per_revision(contents, nb, today)
    due = next_review(nb, today)  # the one rule Home and Review say too; an overdue one goes in the file as today
    late = f" ({due.describe()}: in the file as today)" if due.overdue else ""
    st.markdown(f"- :material/event: **{wording.plural(c.one_off, 'one-off action')}** with a due date\n"
                f"- :material/repeat: **{wording.plural(c.recurring, 'repeating action')}**\n"
                f"- :material/rate_review: **{len(c.reviews)}** review dates ({nb.settings.review_cadence.label.lower()}), "
                f"the next on {wording.day(due.on, today, weekday=True)}{late}")
    if c.left_out:
        st.caption(f"{c.left_out} action{'s are' if c.left_out != 1 else ' is'} left out: done, dropped, without a date, "
                   "or repeating ones whose last date has passed.")
    snapshot = nb
    st.download_button(
        "Download the calendar file (.ics)",
        data=lambda: to_ics(snapshot, today),  # built only when clicked
        file_name=file_name(nb, "ics"),
        mime="text/calendar",
        icon=":material/download:",
        type="primary",
        on_click="ignore",
        key=session.key("calendar.download"),
    )
    with st.expander("How to import it", icon=":material/help:"):
        st.markdown(
            "- **Google Calendar**: Settings → *Import & export* → choose the file and the calendar to add it to.\n"
            "- **Outlook**: *Add calendar* → *Upload from file* (or open the file on the desktop app).\n"
            "- **Apple Calendar**: *File* → *Import*.\n\n"
            "Imported again later, the file updates the same events instead of adding copies. Events you have "
            "since deleted from your plan stay in the calendar until you remove them there."
        )
    st.markdown("**Next reviews**")
    st.markdown("  \n".join(f":material/rate_review: {wording.day(d, today, weekday=True)}" for d in c.reviews[:6]))


@sections.section("plan.section")
def plan_section(name: str, nb: Notebook, today: date) -> None:
    """The chosen section: its filters, pages and open forms redraw only it; a save, the whole page."""
    SECTIONS[name](nb, today)


# --- the page --------------------------------------------------------------------------------

# The section shows in the address (…/plan?section=Timeline), so a view can be bookmarked or shared.
SECTIONS = {"Actions": actions_section, "Initiatives": initiatives_section, "Stop doing": stop_section,
            "Timeline": timeline_section, "Weekly load": load_section, "Calendar": calendar_section}

st.title("Plan", anchor=False)
nb = frame.require_notebook("Open a notebook to plan in, or start one on Home.")
today = date.today()
summary = derived.plan_overview(nb, today)
m1, m2, m3, m4 = st.columns(4)
m1.metric("Actions to do", summary.todo, border=True,
          delta=f"{summary.overdue} overdue" if summary.overdue else None, delta_color="inverse")
week = summary.this_week
m2.metric("This week, all in" if week.usual else "This week's plan", wording.hours(week.total if week.usual else week.plan),
          border=True, delta=f"⚠ over by {wording.hours(week.over_by)}" if week.over else f"{wording.hours(week.spare)} spare",
          delta_color="inverse" if week.over else "off", delta_arrow="off", help=week.sum_in_words())
m3.metric("Active initiatives", f"{summary.active_initiatives} of {initiatives.ACTIVE_LIMIT}", border=True)
m4.metric("Freed by stopping", f"{wording.hours(summary.freed)} a week", border=True)

section = st.segmented_control("Section", list(SECTIONS), default="Actions", required=True, key="section",
                               bind="query-params", label_visibility="collapsed")
plan_section(section, nb, today)
