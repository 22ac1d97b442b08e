"""The Plan page's forms: the fields of an action, an initiative and a stop-doing entry, and how
each is read back into a draft for career_core.plan.drafts to check. Dates are typed in ISO order.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from career_core import edit, wording
from career_core.models import (
    ActionStatus,
    InitiativeStatus,
    Notebook,
    Recurrence,
    StopKind,
)
from career_core.plan import drafts, initiatives
from career_core.plan.drafts import ActionDraft, InitiativeDraft, StopDraft
from waypoint_ui import session
from waypoint_ui.entries import EntryKind
from waypoint_ui.forms import EntryForm
from waypoint_ui.text import short

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)  # wide, so the core can explain a far-off date


def _date_input(label: str, value: date | None, key: str, **kwargs) -> None:
    st.date_input(label, value=value, min_value=EARLIEST, max_value=LATEST, key=key, format=wording.DATE_INPUT, **kwargs)


def goal_label(nb: Notebook, goal_id: str) -> str:
    goal = nb.goal(goal_id) if goal_id else None
    return short(goal.statement, 70) if goal else "— none —"


def initiative_label(nb: Notebook, initiative_id: str) -> str:
    found = edit.find(nb.initiatives, initiative_id) if initiative_id else None
    return short(found.title, 70) if found else "— none —"



def action_fields(form: EntryForm, draft: ActionDraft, editing: bool) -> None:
    nb = session.notebook()
    st.text_input("What is the step?", **form.field("title", draft.title), max_chars=300,
                  placeholder="e.g. One-to-one with each planner, with a development half")
    form.show_error("title")
    left, right = st.columns(2)
    with left:
        goals = ["", *(g.id for g in nb.goals)]
        st.selectbox("Goal it moves forward", goals, index=goals.index(draft.goal_id) if draft.goal_id in goals else 0,
                     key=form.key("goal_id"), format_func=lambda i: goal_label(nb, i))
        form.show_error("goal_id")
    with right:
        ids = ["", *(i.id for i in nb.initiatives)]
        st.selectbox("Initiative it belongs to", ids, index=ids.index(draft.initiative_id) if draft.initiative_id in ids else 0,
                     key=form.key("initiative_id"), format_func=lambda i: initiative_label(nb, i))
        form.show_error("initiative_id")
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        options = list(Recurrence)
        st.selectbox("Repeats", options, index=options.index(draft.recurrence), key=form.key("recurrence"),
                     format_func=lambda r: r.label)
    with c2:
        _date_input("Date", draft.when, form.key("when"),
                    help="When it is due; for a repeating step, the first date. A monthly step from the 29th, "
                         "30th or 31st falls on the last day of each month.")
        form.show_error("when")
    with c3:
        _date_input("Repeat until", draft.until, form.key("until"), help="Only for a repeating step. Leave empty to keep it going.")
        form.show_error("until")
    with c4:
        st.number_input("Hours each time", value=draft.hours, step=0.25, key=form.key("hours"), format="%g")
        form.show_error("hours")
    if editing:
        st.segmented_control("Status", list(ActionStatus), default=draft.status, required=True, key=form.key("status"),
                             format_func=lambda s: s.label)


def read_action(form: EntryForm, previous) -> ActionDraft:
    return ActionDraft(
        title=form.value("title") or "",
        goal_id=form.value("goal_id") or None,
        initiative_id=form.value("initiative_id") or None,
        recurrence=form.value("recurrence") or Recurrence.NONE,
        when=form.value("when"),
        until=form.value("until"),
        hours=form.value("hours"),
        status=form.value("status") or (previous.status if previous else ActionStatus.TO_DO),
    )


ACTION = EntryKind("action", "action", "actions", action_fields, read_action,
                   lambda nb, draft, today, previous: drafts.build_action(nb, draft, today, previous=previous),
                   saved="Action saved.", deleted="Action deleted. An earlier revision on the Notebooks page still has it.")



def initiative_fields(form: EntryForm, draft: InitiativeDraft, _editing: bool) -> None:
    nb = session.notebook()
    st.text_input("Initiative", **form.field("title", draft.title), max_chars=200,
                  placeholder="e.g. Bring the dispatch desk into route planning")
    form.show_error("title")
    c1, c2, c3 = st.columns(3)
    with c1:
        _date_input("Start", draft.start, form.key("start"))
        form.show_error("start")
    with c2:
        _date_input("Finish", draft.finish, form.key("finish"))
        form.show_error("finish")
    with c3:
        statuses = list(InitiativeStatus)
        st.selectbox("Status", statuses, index=statuses.index(draft.status), key=form.key("status"),
                     format_func=lambda s: s.label)
    st.text_area("How you will know it worked", **form.field("success_measure", draft.success_measure),
                 max_chars=5000, height=80, placeholder="e.g. One team of 10 by March, on-time rate no lower during the handover")
    form.show_error("success_measure")
    st.multiselect("Goals it supports", [g.id for g in nb.goals], default=[g for g in draft.goal_ids if nb.goal(g)],
                   key=form.key("goal_ids"), format_func=lambda i: goal_label(nb, i))
    form.show_error("goal_ids")
    st.text_area("How it moves you towards your vision", **form.field("supports", draft.supports),
                 max_chars=5000, height=80)
    form.show_error("supports")
    st.text_area("Approvals you need", **form.field("approvals", draft.approvals), max_chars=5000, height=68,
                 placeholder="e.g. Budget from the COO, the site managers, HR for new reporting lines")
    form.show_error("approvals")


def read_initiative(form: EntryForm, _previous) -> InitiativeDraft:
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


INITIATIVE = EntryKind("initiative", "initiative", "initiatives", initiative_fields, read_initiative,
                       lambda nb, draft, today, previous: drafts.build_initiative(nb, draft, today, previous=previous),
                       saved="Initiative saved.", deleted="Initiative deleted; its actions stay in your plan.",
                       remove=initiatives.remove_initiative)



def stop_fields(form: EntryForm, draft: StopDraft, _editing: bool) -> None:
    st.text_input("What you stop doing", **form.field("what", draft.what), max_chars=300,
                  placeholder="e.g. Building the Monday volume forecast myself")
    form.show_error("what")
    c1, c2, c3 = st.columns(3)
    with c1:
        kinds = list(StopKind)
        st.selectbox("How", kinds, index=kinds.index(draft.kind), key=form.key("kind"), format_func=lambda k: k.label)
    with c2:
        st.text_input("To whom (when delegating)", **form.field("delegate_to", draft.delegate_to), max_chars=200)
        form.show_error("delegate_to")
    with c3:
        st.number_input("Hours a week it frees", value=draft.hours_per_week, step=0.5, key=form.key("hours_per_week"),
                        format="%g")
        form.show_error("hours_per_week")
    c4, c5 = st.columns(2)
    with c4:
        _date_input("Since", draft.since, form.key("since"), help="The day you stop. Its hours count from the first full week after.")
        form.show_error("since")
    with c5:
        _date_input("Until (when postponing)", draft.until, form.key("until"), help="The day it comes back to you.")
        form.show_error("until")


def read_stop(form: EntryForm, _previous) -> StopDraft:
    return StopDraft(
        what=form.value("what") or "",
        kind=form.value("kind") or StopKind.CANCEL,
        delegate_to=form.value("delegate_to") or "",
        until=form.value("until"),
        hours_per_week=form.value("hours_per_week"),
        since=form.value("since"),
    )


STOP = EntryKind("stop", "entry", "stop_doing", stop_fields, read_stop,
                 lambda nb, draft, today, previous: drafts.build_stop(nb, draft, today, previous=previous),
                 deleted="Removed from your stop-doing list.", first_field="what")
