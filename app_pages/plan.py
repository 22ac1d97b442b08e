"""Plan: actions, initiatives, what to stop doing, the timeline, the weekly load and the calendar file."""

from __future__ import annotations

import math
from datetime import date

import streamlit as st

from career_core import edit, planning
from career_core.exports.calendar import CalendarContents, contents, to_ics
from career_core.exports.notebook_file import file_name
from career_core.models import (
    ActionStatus,
    InitiativeStatus,
    Notebook,
    Recurrence,
    StopKind,
)
from career_core.planning import (
    ActionDraft,
    ActionLine,
    InitiativeDraft,
    StopDraft,
    Timeline,
    WeeklyLoad,
    day_text,
)
from waypoint_ui import fields, frame, plan_charts, session
from waypoint_ui.forms import EntryForm
from waypoint_ui.text import md, short

SHOW = {"todo": "To do", "done": "Done", "dropped": "Dropped", "all": "All"}
SPANS = {"quarter": "Next 3 months", "year": "Next year", "vision": "To my vision", "all": "Everything"}
WEEKS = {8: "8 weeks", 13: "3 months", 26: "6 months", 52: "A year"}
PAGE_SIZE = 15
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)  # wide, so the core can explain a far-off date
STOP_ICONS = {StopKind.CANCEL: ":material/block:", StopKind.POSTPONE: ":material/pause_circle:",
              StopKind.DELEGATE: ":material/forward:"}
INITIATIVE_ICONS = {InitiativeStatus.IDEA: ":material/lightbulb:", InitiativeStatus.PLANNED: ":material/event:",
                    InitiativeStatus.ACTIVE: ":material/play_circle:", InitiativeStatus.DONE: ":material/check_circle:",
                    InitiativeStatus.DROPPED: ":material/cancel:"}


# --- derived data: computed once per notebook revision ---------------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def _overview(notebook_id: str, revision: int, today: date, _nb: Notebook) -> planning.Overview:
    return planning.overview(_nb, today)


@st.cache_data(max_entries=16, show_spinner=False)
def _lines(notebook_id: str, revision: int, today: date, show: str, towards: str | None, search: str,
           _nb: Notebook) -> list[ActionLine]:
    return planning.action_lines(_nb, today, show, towards, search)


@st.cache_data(max_entries=16, show_spinner=False)
def _timeline(notebook_id: str, revision: int, today: date, span: str, finished: bool, _nb: Notebook) -> Timeline:
    return planning.timeline(_nb, today, *planning.timeline_span(_nb, today, span), include_finished=finished)


@st.cache_data(max_entries=16, show_spinner=False)
def _load(notebook_id: str, revision: int, today: date, weeks: int, _nb: Notebook) -> WeeklyLoad:
    return planning.weekly_load(_nb, today, today, weeks)


@st.cache_data(max_entries=16, show_spinner=False)
def _calendar(notebook_id: str, revision: int, today: date, _nb: Notebook) -> CalendarContents:
    return contents(_nb, today)


def _cached(fn, nb: Notebook, today: date, *args):
    return fn(nb.id, nb.revision, today, *args, nb)


# --- small helpers ---------------------------------------------------------------------------


def _goal_label(nb: Notebook, goal_id: str) -> str:
    goal = nb.goal(goal_id) if goal_id else None
    return short(goal.statement, 70) if goal else "— none —"


def _initiative_label(nb: Notebook, initiative_id: str) -> str:
    found = edit.find(nb.initiatives, initiative_id) if initiative_id else None
    return short(found.title, 70) if found else "— none —"


def _hours(value: float) -> str:
    return f"{value:g} h"


# --- actions ---------------------------------------------------------------------------------


def _action_fields(form: EntryForm, nb: Notebook, draft: ActionDraft, *, with_status: bool) -> None:
    st.text_input("What is the step?", value=draft.title, key=form.key("title"), max_chars=300,
                  placeholder="e.g. One-to-one with each planner, with a development half")
    form.show_error("title")
    left, right = st.columns(2)
    with left:
        goals = ["", *(g.id for g in nb.goals)]
        st.selectbox("Goal it moves forward", goals, index=goals.index(draft.goal_id) if draft.goal_id in goals else 0,
                     key=form.key("goal_id"), format_func=lambda i: _goal_label(nb, i))
        form.show_error("goal_id")
    with right:
        initiatives = ["", *(i.id for i in nb.initiatives)]
        st.selectbox("Initiative it belongs to", initiatives,
                     index=initiatives.index(draft.initiative_id) if draft.initiative_id in initiatives else 0,
                     key=form.key("initiative_id"), format_func=lambda i: _initiative_label(nb, i))
        form.show_error("initiative_id")
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        options = list(Recurrence)
        st.selectbox("Repeats", options, index=options.index(draft.recurrence), key=form.key("recurrence"),
                     format_func=lambda r: r.label)
    with c2:
        st.date_input("Date", value=draft.when, min_value=EARLIEST, max_value=LATEST, key=form.key("when"),
                      format="DD.MM.YYYY",
                      help="When it is due; for a repeating step, the first date. A monthly step from the 29th, "
                           "30th or 31st falls on the last day of each month.")
        form.show_error("when")
    with c3:
        st.date_input("Repeat until", value=draft.until, min_value=EARLIEST, max_value=LATEST, key=form.key("until"),
                      format="DD.MM.YYYY", help="Only for a repeating step. Leave empty to keep it going.")
        form.show_error("until")
    with c4:
        st.number_input("Hours each time", value=draft.hours, step=0.25, key=form.key("hours"), format="%g")
        form.show_error("hours")
    if with_status:
        statuses = list(ActionStatus)
        st.segmented_control("Status", statuses, default=draft.status, required=True, key=form.key("status"),
                             format_func=lambda s: s.label)


def _draft_from(form: EntryForm, status: ActionStatus = ActionStatus.TO_DO) -> ActionDraft:
    return ActionDraft(
        title=form.value("title") or "",
        goal_id=form.value("goal_id") or None,
        initiative_id=form.value("initiative_id") or None,
        recurrence=form.value("recurrence") or Recurrence.NONE,
        when=form.value("when"),
        until=form.value("until"),
        hours=form.value("hours"),
        status=form.value("status") or status,
    )


def _add_action(form: EntryForm, today: date) -> None:
    nb = session.notebook()
    form.submit(lambda: planning.build_action(nb, _draft_from(form), today),
                lambda n, action: n.actions.append(action), saved="Action added to your plan.")


def _save_action(form: EntryForm, action_id: str, today: date) -> None:
    nb = session.notebook()
    _save_entry(form, lambda n: n.actions, action_id, "title", "This action no longer exists",
                lambda prev: planning.build_action(nb, _draft_from(form, prev.status), today, previous=prev),
                saved="Action saved.")


def _save_entry(form: EntryForm, items, entry_id: str, field: str, gone: str, build, *, saved: str) -> None:
    """Save an edited entry in place; a missing one (removed in another tab) is said beside `field`."""
    previous = edit.find(items(session.notebook()), entry_id)

    def checked():
        if previous is None:
            raise planning.PlanInputError({field: f"{gone}; it may have been removed in another tab."})
        return build(previous)

    form.submit(checked, lambda n, entry: edit.replace(items(n), entry), saved=saved, reset=False,
                after=lambda: st.session_state.pop("plan.editing", None))


def _on_action(action_id: str, change, today: date) -> None:
    def apply(nb: Notebook) -> None:
        action = edit.find(nb.actions, action_id)
        if action is None:
            raise ValueError("This action no longer exists; it may have been removed in another tab.")
        change(action, today)

    session.commit(apply, field=f"action.{action_id}")


def _delete_action(action_id: str) -> None:
    if session.commit(lambda nb: edit.remove(nb.actions, action_id), field=f"action.{action_id}"):
        st.session_state.pop("plan.editing", None)
        st.toast("Action deleted. An earlier revision on the Notebooks page still has it.", icon=":material/delete:")


def _edit_button(where, item: str) -> None:
    """'Edit' opens the entry's form under it; 'Close' puts it away without saving."""
    editing = st.session_state.get("plan.editing") == item
    where.button("Close" if editing else "Edit", key=f"edit.{item}", icon=":material/close:" if editing else ":material/edit:",
                 on_click=_toggle_edit, args=(item,))


def _toggle_edit(item: str) -> None:
    current = st.session_state.get("plan.editing")
    st.session_state["plan.editing"] = None if current == item else item


def actions_section(nb: Notebook, today: date) -> None:
    st.subheader("Actions", anchor=False)
    st.caption("Small, concrete steps towards a goal or an initiative: once by a date, or repeating "
               "(every day, week, two weeks, month or quarter). Tick them off as you go.")
    if not nb.goals and not nb.initiatives:
        st.info("Actions belong to a goal or an initiative. Draft a goal first, or add an initiative.",
                icon=":material/flag:")
        frame.page_link("goals", "Draft a goal", icon=":material/flag:")
    form = EntryForm("add-action")
    with st.expander("Add an action", expanded=not nb.actions, icon=":material/add_task:"):
        with st.form(session.key("add-action-form"), border=False, enter_to_submit=False):
            _action_fields(form, nb, ActionDraft("", None, None, Recurrence.NONE, today, None, 1.0), with_status=False)
            st.form_submit_button("Add action", type="primary", icon=":material/add:", on_click=_add_action,
                                  args=(form, today))
            form.show_error("_")

    f1, f2, f3 = st.columns([0.35, 0.35, 0.3], vertical_alignment="bottom")
    show = f1.segmented_control("Show", list(SHOW), format_func=SHOW.get, default="todo", required=True,
                                key=session.key("actions.show"))
    targets = ["every", *(f"goal:{g.id}" for g in nb.goals), *(f"initiative:{i.id}" for i in nb.initiatives), "unlinked"]
    choice = f2.selectbox("For", targets, key=session.key("actions.for"), format_func=lambda t: _target_label(nb, t))
    towards = None if choice in (None, "every") else choice
    search = f3.text_input("Search", key=session.key("actions.search"), placeholder="Words in the title")
    lines = _cached(_lines, nb, today, show, towards, search or "")
    if not lines:
        st.caption("No actions to show here." if nb.actions else "No actions yet: add the first one above.")
        return
    pages = math.ceil(len(lines) / PAGE_SIZE)
    rows = st.container()  # the list first, the page picker below it
    page = 1
    if pages > 1:
        st.caption(f"{len(lines)} actions, {PAGE_SIZE} to a page.")
        page = st.pagination(pages, key=session.key(f"actions.page.{show}.{towards}.{search}"))
    with rows:
        for line in lines[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]:
            _action_row(nb, line, today)


def _target_label(nb: Notebook, target: str) -> str:
    if target == "every":
        return "Every goal and initiative"
    if target == "unlinked":
        return "Not linked to anything"
    kind, _, ref = target.partition(":")
    return f"Goal: {_goal_label(nb, ref)}" if kind == "goal" else f"Initiative: {_initiative_label(nb, ref)}"


def _action_row(nb: Notebook, line: ActionLine, today: date) -> None:
    with st.container(border=True):
        text, buttons = st.columns([0.62, 0.38], vertical_alignment="center")
        with text:
            st.markdown(f"{line.icon} **{md(line.title)}**")
            each = " each time" if line.recurring else ""
            details = f"{line.status.capitalize()} · {line.schedule} · {_hours(line.hours)}{each}"
            if line.recurring and line.past_count:
                details += f" · done {line.done_count} of {line.past_count} so far"
            st.caption(md(details))
            st.caption(md(short(line.towards, 140)))
        with buttons:
            _action_buttons(line, today)
        fields.show_error(f"action.{line.action_id}")
        if st.session_state.get("plan.editing") == f"action:{line.action_id}":
            action = edit.find(nb.actions, line.action_id)
            if action is not None:
                _edit_action_form(nb, action, today)


def _action_buttons(line: ActionLine, today: date) -> None:
    aid = line.action_id
    row = st.container(horizontal=True, horizontal_alignment="right", gap="small")
    if line.status in ("done", "dropped"):
        row.button("Reopen", key=f"reopen.{aid}", icon=":material/undo:",
                   on_click=_on_action, args=(aid, lambda a, _t: planning.reopen(a), today))
    elif line.recurring and line.current is not None and not line.series_over:
        row.button(f"Done for {line.current.day} {line.current:%b}", key=f"tick.{aid}", icon=":material/check:",
                   type="primary", on_click=_on_action, args=(aid, planning.mark_done, today),
                   help="Tick off this date of the series.")
    else:
        if line.series_over and line.current is not None:  # the last date of a finished series is still open
            day = line.current
            row.button(f"Done for {day.day} {day:%b}", key=f"tick.{aid}", icon=":material/check:",
                       on_click=_on_action, args=(aid, lambda a, _t, d=day: planning.tick(a, d), today))
        label = "Mark finished" if line.recurring else "Mark done"
        row.button(label, key=f"done.{aid}", icon=":material/check:", type="primary",
                   on_click=_on_action, args=(aid, lambda a, t: planning.mark_done(a, t), today))
    if line.recurring and line.last_done is not None and line.status not in ("done", "dropped"):
        last = line.last_done
        row.button(f"Undo {last.day} {last:%b}", key=f"undo.{aid}", type="tertiary",
                   on_click=_on_action, args=(aid, lambda a, _t, d=last: planning.undo_done(a, d), today),
                   help="Take back the latest tick.")
    _edit_button(row, f"action:{aid}")


def _edit_action_form(nb: Notebook, action, today: date) -> None:
    form = EntryForm(f"edit-action.{action.id}")
    with st.form(session.key(f"edit-action-form.{action.id}"), enter_to_submit=False):
        _action_fields(form, nb, planning.draft_of(action), with_status=True)
        st.form_submit_button("Save changes", type="primary", icon=":material/save:", on_click=_save_action,
                              args=(form, action.id, today))
        form.show_error("_")
    with st.popover("Delete this action", icon=":material/delete:"):
        st.write("The action leaves your plan. An earlier revision on the Notebooks page keeps it.")
        st.button("Delete", type="primary", key=f"delete.{action.id}", on_click=_delete_action, args=(action.id,))


# --- initiatives -----------------------------------------------------------------------------


def _initiative_fields(form: EntryForm, nb: Notebook, draft: InitiativeDraft) -> None:
    st.text_input("Initiative", value=draft.title, key=form.key("title"), max_chars=200,
                  placeholder="e.g. Bring the dispatch desk into route planning")
    form.show_error("title")
    c1, c2, c3 = st.columns(3)
    with c1:
        st.date_input("Start", value=draft.start, min_value=EARLIEST, max_value=LATEST, key=form.key("start"),
                      format="DD.MM.YYYY")
        form.show_error("start")
    with c2:
        st.date_input("Finish", value=draft.finish, min_value=EARLIEST, max_value=LATEST, key=form.key("finish"),
                      format="DD.MM.YYYY")
        form.show_error("finish")
    with c3:
        statuses = list(InitiativeStatus)
        st.selectbox("Status", statuses, index=statuses.index(draft.status), key=form.key("status"),
                     format_func=lambda s: s.label)
    st.text_area("How you will know it worked", value=draft.success_measure, key=form.key("success_measure"),
                 max_chars=5000, height=80, placeholder="e.g. One team of 10 by March, on-time rate no lower during the handover")
    form.show_error("success_measure")
    st.multiselect("Goals it supports", [g.id for g in nb.goals], default=[g for g in draft.goal_ids if nb.goal(g)],
                   key=form.key("goal_ids"), format_func=lambda i: _goal_label(nb, i))
    form.show_error("goal_ids")
    st.text_area("How it moves you towards your vision", value=draft.supports, key=form.key("supports"),
                 max_chars=5000, height=80)
    form.show_error("supports")
    st.text_area("Approvals you need", value=draft.approvals, key=form.key("approvals"), max_chars=5000, height=68,
                 placeholder="e.g. Budget from the COO, the site managers, HR for new reporting lines")
    form.show_error("approvals")


def _initiative_draft(form: EntryForm) -> InitiativeDraft:
    return InitiativeDraft(
        title=form.value("title") or "",
        start=form.value("start"),
        finish=form.value("finish"),
        success_measure=form.value("success_measure") or "",
        supports=form.value("supports") or "",
        goal_ids=tuple(form.value("goal_ids") or ()),
        approvals=form.value("approvals") or "",
        status=form.value("status") or InitiativeStatus.PLANNED,
    )


def _add_initiative(form: EntryForm, today: date) -> None:
    nb = session.notebook()
    form.submit(lambda: planning.build_initiative(nb, _initiative_draft(form), today),
                lambda n, i: n.initiatives.append(i), saved="Initiative added.")


def _save_initiative(form: EntryForm, initiative_id: str, today: date) -> None:
    nb = session.notebook()
    _save_entry(form, lambda n: n.initiatives, initiative_id, "title", "This initiative no longer exists",
                lambda prev: planning.build_initiative(nb, _initiative_draft(form), today, previous=prev),
                saved="Initiative saved.")


def _delete_initiative(initiative_id: str) -> None:
    if session.commit(lambda nb: planning.remove_initiative(nb, initiative_id), field=f"initiative.{initiative_id}"):
        st.session_state.pop("plan.editing", None)
        st.toast("Initiative deleted; its actions stay in your plan.", icon=":material/delete:")


def initiatives_section(nb: Notebook, today: date) -> None:
    st.subheader("Initiatives", anchor=False)
    st.caption("The few projects that move your career: each with a start and a finish, a way to tell it "
               f"worked, and the goals it serves. Keep to about {planning.ACTIVE_INITIATIVES_LIMIT} at a time.")
    active = len(planning.active_initiatives(nb))
    st.markdown(f":material/play_circle: **{active} active** of a suggested {planning.ACTIVE_INITIATIVES_LIMIT}")
    for warning in planning.initiative_warnings(nb, today):
        st.warning(md(warning), icon=":material/lightbulb:")
    form = EntryForm("add-initiative")
    with st.expander("Add an initiative", expanded=not nb.initiatives, icon=":material/add:"):
        with st.form(session.key("add-initiative-form"), border=False, enter_to_submit=False):
            _initiative_fields(form, nb, InitiativeDraft("", today, None, "", "", (), "", InitiativeStatus.PLANNED))
            st.form_submit_button("Add initiative", type="primary", icon=":material/add:", on_click=_add_initiative,
                                  args=(form, today))
            form.show_error("_")
    if not nb.initiatives:
        st.caption("No initiatives yet.")
    cards = planning.initiative_cards(nb)
    for card in cards:
        if not card.finished:
            _initiative_card(nb, card, today)
    finished = [card for card in cards if card.finished]
    if finished:
        editing = st.session_state.get("plan.editing")
        with st.expander(f"Done and dropped ({len(finished)})", icon=":material/inventory_2:",
                         expanded=any(editing == f"initiative:{c.initiative.id}" for c in finished)):
            for card in finished:
                _initiative_card(nb, card, today)


def _initiative_card(nb: Notebook, card: planning.InitiativeCard, today: date) -> None:
    i = card.initiative
    with st.container(border=True):
        head, buttons = st.columns([0.8, 0.2], vertical_alignment="center")
        dates = " → ".join(day_text(d) for d in (i.start, i.finish) if d) or "no dates yet"
        head.markdown(f"{INITIATIVE_ICONS[i.status]} **{md(i.title)}**  \n:small[{i.status.label} · {md(dates)}]")
        _edit_button(buttons, f"initiative:{i.id}")
        lines = [f"**{label}:** {md(value.strip())}" for label, value in (
            ("How you will know it worked", i.success_measure),
            ("How it moves you towards your vision", i.supports),
            ("Approvals needed", i.approvals)) if value.strip()]
        goals = [short(g.statement, 90) for gid in i.goal_ids if (g := nb.goal(gid))]
        if goals:
            lines.append("**Supports:** " + " · ".join(md(g) for g in goals))
        if lines:
            st.markdown("\n\n".join(lines))
        n = card.open_actions
        st.caption(f"{n} action{'s' if n != 1 else ''} to do for this initiative.")
        fields.show_error(f"initiative.{i.id}")
        if st.session_state.get("plan.editing") == f"initiative:{i.id}":
            form = EntryForm(f"edit-initiative.{i.id}")
            with st.form(session.key(f"edit-initiative-form.{i.id}"), enter_to_submit=False):
                _initiative_fields(form, nb, planning.initiative_draft(i))
                st.form_submit_button("Save changes", type="primary", icon=":material/save:",
                                      on_click=_save_initiative, args=(form, i.id, today))
                form.show_error("_")
            with st.popover("Delete this initiative", icon=":material/delete:"):
                st.write("The initiative leaves your plan; its actions stay, no longer linked to it.")
                st.button("Delete", type="primary", key=f"delete-initiative.{i.id}", on_click=_delete_initiative,
                          args=(i.id,))


# --- stop doing ------------------------------------------------------------------------------


def _stop_fields(form: EntryForm, draft: StopDraft) -> None:
    st.text_input("What you stop doing", value=draft.what, key=form.key("what"), max_chars=300,
                  placeholder="e.g. Building the Monday volume forecast myself")
    form.show_error("what")
    c1, c2, c3 = st.columns(3)
    with c1:
        kinds = list(StopKind)
        st.selectbox("How", kinds, index=kinds.index(draft.kind), key=form.key("kind"), format_func=lambda k: k.label)
    with c2:
        st.text_input("To whom (when delegating)", value=draft.delegate_to, key=form.key("delegate_to"), max_chars=200)
        form.show_error("delegate_to")
    with c3:
        st.number_input("Hours a week it frees", value=draft.hours_per_week, step=0.5, key=form.key("hours_per_week"),
                        format="%g")
        form.show_error("hours_per_week")
    c4, c5 = st.columns(2)
    with c4:
        st.date_input("Since", value=draft.since, min_value=EARLIEST, max_value=LATEST, key=form.key("since"),
                      format="DD.MM.YYYY", help="The day you stop. Its hours count from the first full week after.")
        form.show_error("since")
    with c5:
        st.date_input("Until (when postponing)", value=draft.until, min_value=EARLIEST, max_value=LATEST,
                      key=form.key("until"), format="DD.MM.YYYY", help="The day it comes back to you.")
        form.show_error("until")


def _stop_draft(form: EntryForm) -> StopDraft:
    return StopDraft(
        what=form.value("what") or "",
        kind=form.value("kind") or StopKind.CANCEL,
        delegate_to=form.value("delegate_to") or "",
        until=form.value("until"),
        hours_per_week=form.value("hours_per_week"),
        since=form.value("since"),
    )


def _add_stop(form: EntryForm, today: date) -> None:
    nb = session.notebook()
    form.submit(lambda: planning.build_stop(nb, _stop_draft(form), today),
                lambda n, s: n.stop_doing.append(s), saved="Added to your stop-doing list.")


def _save_stop(form: EntryForm, stop_id: str, today: date) -> None:
    nb = session.notebook()
    _save_entry(form, lambda n: n.stop_doing, stop_id, "what", "This entry no longer exists",
                lambda prev: planning.build_stop(nb, _stop_draft(form), today, previous=prev),
                saved="Saved.")


def _delete_stop(stop_id: str) -> None:
    if session.commit(lambda nb: edit.remove(nb.stop_doing, stop_id), field=f"stop.{stop_id}"):
        st.session_state.pop("plan.editing", None)
        st.toast("Removed from your stop-doing list.", icon=":material/delete:")


def stop_section(nb: Notebook, today: date) -> None:
    st.subheader("Stop doing", anchor=False)
    st.caption("Room for new goals comes from what you stop: cancel it, postpone it to a date, or hand it to "
               "someone. The hours each one frees come off your weekly load.")
    freed = planning.freed_this_week(nb, today)
    st.metric("Hours freed this week", _hours(freed), border=True, width="content")
    form = EntryForm("add-stop")
    with st.expander("Add something to stop", expanded=not nb.stop_doing, icon=":material/add:"):
        with st.form(session.key("add-stop-form"), border=False, enter_to_submit=False):
            _stop_fields(form, StopDraft("", StopKind.CANCEL, "", None, 1.0, today))
            st.form_submit_button("Add to the list", type="primary", icon=":material/add:", on_click=_add_stop,
                                  args=(form, today))
            form.show_error("_")
    if not nb.stop_doing:
        st.caption("Nothing on the list yet.")
    for line in planning.stop_lines(nb, today):
        s = line.entry
        with st.container(border=True):
            head, buttons = st.columns([0.8, 0.2], vertical_alignment="center")
            head.markdown(f"{STOP_ICONS[s.kind]} **{md(s.what)}**  \n"
                          f":small[{md(line.text)} · {_hours(s.hours_per_week)} a week · {md(line.state)}]")
            _edit_button(buttons, f"stop:{s.id}")
            fields.show_error(f"stop.{s.id}")
            if st.session_state.get("plan.editing") == f"stop:{s.id}":
                edit_form = EntryForm(f"edit-stop.{s.id}")
                with st.form(session.key(f"edit-stop-form.{s.id}"), enter_to_submit=False):
                    _stop_fields(edit_form, planning.stop_draft(s))
                    st.form_submit_button("Save changes", type="primary", icon=":material/save:", on_click=_save_stop,
                                          args=(edit_form, s.id, today))
                    edit_form.show_error("_")
                st.button("Remove from the list", key=f"delete-stop.{s.id}", icon=":material/delete:",
                          on_click=_delete_stop, args=(s.id,))


# --- timeline --------------------------------------------------------------------------------


def timeline_section(nb: Notebook, today: date) -> None:
    st.subheader("Timeline", anchor=False)
    st.caption("Your initiatives, goals, milestones, actions and reviews on one road, from today to your vision.")
    left, right = st.columns([0.7, 0.3], vertical_alignment="bottom")
    span = left.segmented_control("Show", list(SPANS), format_func=SPANS.get, default="quarter", required=True,
                                  key=session.key("timeline.span"))
    finished = right.toggle("Include finished and dropped", key=session.key("timeline.finished"))
    tl = _cached(_timeline, nb, today, span, finished)
    if tl.is_empty:
        st.info("Nothing dated in this view yet. Give your goals deadlines and your actions dates, and they appear here.",
                icon=":material/timeline:")
    else:
        fig = plan_charts.timeline_figure(tl, large=session.presenting())
        st.plotly_chart(fig, key=session.key("timeline.chart"), config={"displaylogo": False},
                        alt=f"Timeline from {day_text(tl.start)} to {day_text(tl.end)}: {len(tl.rows)} rows")
    notes = []
    if tl.collapsed:
        notes.append(f"{tl.actions} actions in this view: each sits on the row of its goal or initiative "
                     "(hover a mark to see which). Pick a shorter view to give each its own row.")
    if tl.undated:
        notes.append(f"{tl.undated} goal{'s' if tl.undated != 1 else ''}, initiatives or actions have no date yet, "
                     "so they are not on the timeline.")
    if tl.vision and tl.vision > tl.end:
        notes.append(f"Your vision's horizon, {md(tl.vision_label)}, lies beyond this view: choose “To my vision”.")
    for note in notes:
        st.caption(note)
    if not tl.is_empty:
        with st.expander("The timeline in words", icon=":material/list:"):
            by_row: dict[str, list] = {}
            for mark in tl.marks:
                by_row.setdefault(mark.row, []).append(mark)
            for row in tl.rows:
                marks = by_row.get(row.key, [])
                span_text = f" · {day_text(row.start)} → {day_text(row.end)}" if row.start and row.end else ""
                upcoming = [m for m in marks if m.on >= today][:3]
                after = (" · next: " + ", ".join(f"{day_text(m.on)} ({m.kind.replace('todo', 'to do')})" for m in upcoming)
                         if upcoming else "")
                indent = "    " if row.depth else ""
                st.markdown(f"{indent}- **{md(short(row.label, 90))}** · {md(row.status)}{md(span_text)}{md(after)}")


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
    load = _cached(_load, nb, today, weeks)
    over = load.over_weeks
    if nb.settings.usual_weekly_hours == 0:
        st.caption(f"Tip: add the hours a usual week takes to see your whole week against your "
                   f"{nb.settings.weekly_hour_limit:g}-hour limit, not just the plan.")
    if over:
        st.warning(f"{len(over)} of {len(load.weeks)} weeks go over your {load.limit:g}-hour limit. "
                   "They are marked ⚠ in the chart and listed below with the actions that cause them.",
                   icon=":material/warning:")
    else:
        peak = load.peak
        st.success(f"Every week fits within your {load.limit:g}-hour limit"
                   + (f"; the fullest is {peak.week} with {peak.total:g} h." if peak and peak.total else "."),
                   icon=":material/check_circle:")
    st.plotly_chart(plan_charts.load_figure(load, large=session.presenting()), key=session.key("load.chart"),
                    config={"displaylogo": False},
                    alt=f"Hours per week for {len(load.weeks)} weeks against a limit of {load.limit:g} hours; "
                        f"{len(over)} weeks over the limit")
    if over:
        st.markdown("#### :material/warning: Weeks over the limit")
        for week in over:
            with st.container(border=True):
                st.markdown(f"⚠ **{md(week.describe())}** · {week.total:g} h of {week.limit:g} h · "
                            f"**over by {week.over_by:g} h**")
                st.markdown("Moving or dropping these would bring it back within the limit:")
                for item in week.causes:
                    st.markdown(f"- {_item_text(item)}")
                rest = [i for i in week.items if i not in week.causes]
                if rest:
                    st.caption("Also this week: " + md("; ".join(f"{i.title} ({i.hours:g} h)" for i in rest[:12]))
                               + (f"; and {len(rest) - 12} more" if len(rest) > 12 else ""))
    st.markdown("#### Week by week")
    chosen = st.selectbox("Week", list(range(len(load.weeks))), key=session.key("load.week"),
                          format_func=lambda k: _week_option(load.weeks[k]))
    week = load.weeks[chosen or 0]
    if not week.items:
        st.caption("No actions planned this week.")
    for item in week.items:
        st.markdown(f"- {_item_text(item)}")
    for freed in week.freed_by:
        st.markdown(f"- :material/block: {md(freed.what)}: **−{freed.hours:g} h** (stopped)")


def _week_option(week: planning.WeekLoad) -> str:
    hours = f"{week.total:g} h all in" if week.usual else f"{week.plan:g} h planned"
    return f"{week.describe()} · {hours} · {'⚠ ' if week.over else ''}{week.status}"


def _item_text(item: planning.LoadItem) -> str:
    late = " · :material/error: overdue, still to do" if item.overdue else ""
    if item.times == 1:
        return f"**{md(item.title)}**: **{item.hours:g} h**{late}"
    return f"**{md(item.title)}**: {item.times} × {item.hours / item.times:g} h = **{item.hours:g} h**{late}"


# --- calendar --------------------------------------------------------------------------------


def calendar_section(nb: Notebook, today: date) -> None:
    st.subheader("Calendar", anchor=False)
    st.caption("Put your plan in the calendar you already use. The file holds your actions still to do (repeating "
               "ones as repeating events) and your review dates for the next year, as all-day events.")
    c = _cached(_calendar, nb, today)
    st.markdown(f"- :material/event: **{c.one_off}** one-off action{'s' if c.one_off != 1 else ''} with a due date\n"
                f"- :material/repeat: **{c.recurring}** repeating action{'s' if c.recurring != 1 else ''}\n"
                f"- :material/rate_review: **{len(c.reviews)}** review dates ({nb.settings.review_cadence.label.lower()}), "
                f"the next on {day_text(c.reviews[0], True)}")
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
    st.markdown("  \n".join(f":material/rate_review: {day_text(d, True)}" for d in c.reviews[:6]))


# --- the page --------------------------------------------------------------------------------

# The section shows in the address (…/plan?section=Timeline), so a view can be bookmarked or shared.
SECTIONS = {"Actions": actions_section, "Initiatives": initiatives_section, "Stop doing": stop_section,
            "Timeline": timeline_section, "Weekly load": load_section, "Calendar": calendar_section}

nb = session.notebook()
st.title("Plan", anchor=False)
if nb is None:
    st.info("Open a notebook to plan in, or start one on Home.", icon=":material/menu_book:")
    frame.page_link("home", "Go to Home", icon=":material/home:")
    st.stop()

today = date.today()
summary = _cached(_overview, nb, today)
m1, m2, m3, m4 = st.columns(4)
m1.metric("Actions to do", summary.todo, border=True,
          delta=f"{summary.overdue} overdue" if summary.overdue else None, delta_color="inverse")
week = summary.this_week
freed_note = f" minus {week.freed:g} h freed by your stop-doing list" if week.freed else ""
m2.metric("This week, all in" if week.usual else "This week's plan", f"{(week.total if week.usual else week.plan):g} h",
          border=True, delta=("⚠ over by " + _hours(week.over_by)) if week.over else f"{_hours(week.spare)} spare",
          delta_color="inverse" if week.over else "off", delta_arrow="off",
          help=(f"{week.usual:g} h of usual work plus {week.plan:g} h of plan{freed_note}: {week.total:g} h "
                f"of your {week.limit:g}-hour limit." if week.usual else
                f"{week.plan:g} h of plan{freed_note}: {week.total:g} h of your {week.limit:g}-hour limit."))
m3.metric("Active initiatives", f"{summary.active_initiatives} of {planning.ACTIVE_INITIATIVES_LIMIT}", border=True)
m4.metric("Freed by stopping", f"{summary.freed:g} h a week", border=True)

section = st.segmented_control("Section", list(SECTIONS), default="Actions", required=True, key="section",
                               bind="query-params", label_visibility="collapsed")
SECTIONS[section](nb, today)
