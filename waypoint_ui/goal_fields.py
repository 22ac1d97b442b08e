"""The Goals page's editor of a saved goal: its shape, measure and time, why it matters, whether it
can be done, how its wording got sharper; each field saved as it changes. Also the status buttons
the goal list shares. The rules (which status may follow which, stepping stones) are career_core.goals.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from career_core import catalog, wording
from career_core.edit import remove_goal
from career_core.goal_reports import CRITERIA
from career_core.goals import (
    TRANSITIONS,
    history,
    parent_choices,
    set_horizon,
    set_parent,
    set_status,
    stepping_stones,
)
from career_core.metric import set_numbers
from career_core.models import Direction, Goal, GoalHorizon, GoalStatus, Metric, Notebook
from career_core.smart import SmartReport
from waypoint_ui import fields, notices, session
from waypoint_ui.goal_charts import history_figure
from waypoint_ui.text import md, short


def goal_fields(nb: Notebook, goal: Goal, report: SmartReport, *, on_deleted: Callable[[], None]) -> None:
    """Every field of a saved goal, each saved as it changes, with its status buttons and a way to delete it."""
    gid = goal.id
    get = lambda n: n.goal(gid)  # noqa: E731
    name = lambda f: f"goal.{gid}.{f}"  # noqa: E731

    status_col, actions_col = st.columns([1, 2], vertical_alignment="center")
    status_col.markdown(f"**Status:** {md(goal.status.label)}")
    with actions_col:
        status_buttons(goal, key_prefix="editor")

    st.subheader("Shape", anchor=False)
    horizon_col, parent_col, category_col = st.columns([1, 2, 1])
    with horizon_col:
        fields.bound(st.radio, "Horizon", get, "horizon", name=name("horizon"), options=list(GoalHorizon),
                     format_func=lambda h: h.label, horizontal=True,
                     apply=set_horizon)
    with parent_col:
        if goal.horizon is GoalHorizon.SHORT_TERM:
            parents = parent_choices(nb, goal)
            fields.bound(st.selectbox, "Stepping stone of", get, "parent_id", name=name("parent_id"),
                         options=[None, *(p.id for p in parents)],
                         format_func=lambda i: "Not linked to a long-term goal" if i is None
                         else short(nb.goal(i).statement, 80),
                         apply=set_parent)
        else:
            stones = stepping_stones(nb, gid)
            st.caption(f"{wording.plural(len(stones), 'stepping stone')}: "
                       + (md("; ".join(short(s.statement, 50) for s in stones)) if stones else "none yet."))
    with category_col:
        themes = [c.title for c in catalog.goal_library()]
        fields.bound(st.selectbox, "Theme", get, "category", name=name("category"),
                     options=list(dict.fromkeys([*themes, *([goal.category] if goal.category else [])])),
                     accept_new_options=True, placeholder="Choose or type")

    st.subheader("Measure and time", anchor=False)
    metric = lambda n: n.goal(gid).metric if n.goal(gid) else None  # noqa: E731
    m1, m2, m3, m4, m5 = st.columns([2, 1, 1, 1, 2])
    with m1:
        fields.text("Metric", metric, "name", name=name("metric.name"), max_chars=200,
                    placeholder="e.g. People I lead")
    with m2:
        fields.text("Unit", metric, "unit", name=name("metric.unit"), max_chars=40, placeholder="e.g. people")
    with m3:
        fields.bound(st.number_input, "Baseline", metric, "baseline", name=name("metric.baseline"), placeholder="now",
                     format="%g", apply=_number_setter(gid, "baseline"))
    with m4:
        fields.bound(st.number_input, "Target", metric, "target", name=name("metric.target"), placeholder="goal",
                     format="%g", apply=_number_setter(gid, "target"))
    with m5:
        fields.bound(st.selectbox, "Direction", metric, "direction", name=name("metric.direction"),
                     options=list(Direction), format_func=lambda d: d.label)
    d1, d2, _ = st.columns([1, 1, 2])
    with d1:
        fields.bound(st.date_input, "Start", get, "start", name=name("start"), format=wording.DATE_INPUT)
    with d2:
        fields.bound(st.date_input, "Deadline", get, "deadline", name=name("deadline"), format=wording.DATE_INPUT)

    st.subheader("Why it matters", anchor=False)
    _level_hint(report, "R")
    fields.text("Why I want this", get, "why", name=name("why"), area=True, max_chars=5000,
                placeholder="How reaching it would energise you, and what it moves you towards.")
    v_col, o_col = st.columns(2)
    with v_col:
        values = list(dict.fromkeys([*nb.reflection.values, *goal.values]))
        fields.bound(st.multiselect, "My values it serves", get, "values", name=name("values"), options=values,
                     placeholder="Choose values" if values else "Name your values on Reflect first")
    with o_col:
        titles = {o.id: o.title for o in nb.org_objectives}
        fields.bound(st.multiselect, "Organisational objectives it serves", get, "objective_ids",
                     name=name("objective_ids"), options=list(titles), format_func=lambda i: titles.get(i, i),
                     placeholder="Choose objectives" if titles else "Add objectives on Reflect first")
    fields.bound(st.checkbox, "This goal moves me towards my vision", get, "supports_vision",
                 name=name("supports_vision"))

    st.subheader("Can I do it?", anchor=False)
    _level_hint(report, "A")
    c_col, s_col = st.columns([1, 2])
    with c_col:
        fields.bound(st.select_slider, "Confidence", get, "confidence", name=name("confidence"),
                     options=[None, *range(1, 11)], format_func=lambda v: "not rated" if v is None else f"{v}/10",
                     help="How sure are you, from 1 to 10, that you can reach it?")
        fields.bound(st.slider, "Impact on my career", get, "impact", name=name("impact"), min_value=1, max_value=5)
        fields.bound(st.slider, "My motivation", get, "motivation", name=name("motivation"), min_value=1, max_value=5)
    with s_col:
        fields.text("Support", get, "support", name=name("support"), area=True, max_chars=5000, height=190,
                    placeholder="Who or what will help: a mentor, your manager's backing, budget, time set aside.")

    st.subheader("How it got sharper", anchor=False)
    points = history(goal, report.overall)
    if len(points) > 1:
        st.plotly_chart(history_figure(points, large=session.presenting()), key=f"history-{gid}",
                        alt="The SMART score of each saved wording of this goal.")
    else:
        st.caption("Each wording you save is kept here with its score, so you can see the goal sharpen.")

    with st.popover("Delete this goal", icon=":material/delete:"):
        st.write("The goal, its check-ins and its links go. Earlier revisions of the notebook keep a copy, "
                 "so you can restore it on the Notebooks page.")
        st.button("Delete the goal", type="primary", key=f"delete-{gid}", on_click=delete_goal, args=(gid, on_deleted))


def _number_setter(goal_id: str, field: str) -> Callable[[Notebook, Metric, float | None], None]:
    """Set the baseline or target; when the numbers turn the direction round (career_core.direction),
    the direction field is drawn afresh from the notebook and says so."""

    def apply(_nb: Notebook, metric: Metric, value: float | None) -> None:
        turned = set_numbers(metric, **{field: value})
        if turned is not None:
            st.session_state.pop(session.key(f"goal.{goal_id}.metric.direction"), None)
            notices.tell(f"Direction set to “{turned.label}”: the target is "
                         f"{'below' if turned is Direction.DECREASE else 'above'} the baseline.", icon=":material/swap_vert:")

    return apply


def _level_hint(report: SmartReport, key: str) -> None:
    criterion = report.criteria[key]
    if criterion.level == "met":
        st.caption(f":material/check_circle: {CRITERIA[key]}: met.")
    elif criterion.advice:
        st.caption(f":material/lightbulb: {CRITERIA[key]}: {md(criterion.advice)}")


def delete_goal(goal_id: str, on_deleted: Callable[[], None]) -> None:
    if session.commit(lambda n: remove_goal(n, goal_id), field=f"goal.{goal_id}.delete"):
        on_deleted()
        notices.tell("Goal deleted.", icon=":material/delete:")


def status_buttons(goal: Goal, *, key_prefix: str) -> None:
    with st.container(horizontal=True):
        for label, target in TRANSITIONS[goal.status]:
            st.button(label, key=f"{key_prefix}-{target.value}-{goal.id}", on_click=change_status,
                      args=(goal.id, target))
    fields.show_error(f"goal.{goal.id}.status")


def change_status(goal_id: str, status: GoalStatus) -> None:
    if not session.commit(lambda n: set_status(n.goal(goal_id), status), field=f"goal.{goal_id}.status"):
        return
    if status is GoalStatus.ACHIEVED:
        notices.tell("Achieved. Well done: take a moment to celebrate, and tell the people who helped.", icon="🏆")
    else:
        notices.tell(f"Now {status.label.lower()}.", icon=":material/check_circle:")
