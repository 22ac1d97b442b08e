"""Goals: draft them with live SMART feedback, link them up, see them as a map, keep the focus."""

from datetime import date

import streamlit as st

from career_core import catalog
from career_core.dashboard import GOAL_STATUS_ICONS
from career_core.edit import assign, remove_goal
from career_core.goal_reports import CRITERIA, GoalRow, draft_report, goal_rows, report_for, reports
from career_core.goals import (
    FOCUS_LIMIT,
    TRANSITIONS,
    add_goal,
    focus,
    goal_map,
    history,
    parent_choices,
    reword,
    set_horizon,
    set_parent,
    set_status,
    stepping_stones,
)
from career_core.models import Direction, Goal, GoalHorizon, GoalStatus, Notebook
from career_core.smart import SmartReport, context_for, score_goal
from career_core.tables import Column, whole
from waypoint_ui import fields, frame, session
from waypoint_ui.forms import edit_table
from waypoint_ui.goal_charts import focus_figure, goal_map_figure, history_figure
from waypoint_ui.smart_view import smart_report
from waypoint_ui.text import md, short

TAB = "goals.tab"
DRAFT, LIST, MAP, FOCUS = "Draft", "My goals", "Goal map", "Focus"
NEW = "new"
RERUN = "goals.rerun-app"
# Drafts survive a look at another tab or page: typed words are only lost when the person says so.
KEEP = "session"
today = date.today()


@st.cache_data(max_entries=16, show_spinner=False)
def _reports(notebook_id: str, revision: int, day: date, _nb: Notebook) -> dict[str, SmartReport]:
    return reports(_nb, day)


def scored(nb: Notebook) -> dict[str, SmartReport]:
    state = session.status()
    if state is not None and state.kind in ("conflict", "error"):
        return reports(nb, today)  # this tab holds edits the store has not taken yet: score them as they are
    return _reports(nb.id, nb.revision, today, nb)


def goal_getter(goal_id: str):
    return lambda n: n.goal(goal_id)


def editing_key() -> str:
    return session.key("goals.editing")


def new_key(name: str) -> str:
    return session.key(f"goals.new.{name}")


def open_in_editor(goal_id: str) -> None:
    st.session_state[editing_key()] = goal_id
    st.session_state[TAB] = DRAFT


def rerun_app_if_asked() -> None:
    """Buttons inside a fragment rerun only the fragment; a save needs the whole page redrawn."""
    if st.session_state.pop(RERUN, False):
        st.rerun(scope="app")


# --- draft: choosing what to work on ---------------------------------------------------------------


def draft_tab(nb: Notebook) -> None:
    options = [NEW, *(g.id for g in sorted(nb.goals, key=lambda g: g.created_at, reverse=True))]
    key = editing_key()
    if st.session_state.get(key) not in options:
        st.session_state[key] = NEW
    labels = {g.id: f"{g.status.label}: {short(g.statement, 90)}" for g in nb.goals}
    st.selectbox("Working on", options, key=key, format_func=lambda o: "A new goal" if o == NEW else labels[o])
    if st.session_state[key] == NEW:
        library()
        new_goal_editor()
    else:
        goal = nb.goal(st.session_state[key])
        wording_editor(goal.id)
        goal_fields(nb, goal)


def library() -> None:
    chosen = st.session_state.get(new_key("library"))
    with st.expander("Start from the goal library", icon=":material/library_books:", expanded=not chosen):
        st.caption("Common goals of leaders and managers, written the way goals usually start: a little vague. "
                   "Pick one, then sharpen it with the report below.")
        categories = catalog.goal_library()
        by_id = {c.id: c for c in categories}
        cat_id = st.pills("Theme", [c.id for c in categories], format_func=lambda i: by_id[i].title,
                          key=new_key("library-theme"), default=categories[0].id)
        if cat_id is None:
            return
        category = by_id[cat_id]
        st.caption(category.blurb)
        goal_ids = [g.id for g in category.goals]
        goals = {g.id: g for g in category.goals}
        pick = st.radio("Goal", goal_ids, format_func=lambda i: goals[i].title, key=new_key(f"library-goal.{cat_id}"),
                        captions=[f"“{md(goals[i].statement)}”" for i in goal_ids])
        st.button("Use this as my starting point", icon=":material/edit:", on_click=use_library_goal, args=(pick,))


def use_library_goal(goal_id: str) -> None:
    lib = catalog.library_goal(goal_id)
    if lib is None:
        return
    st.session_state[new_key("statement")] = lib.statement
    st.session_state[new_key("horizon")] = lib.horizon
    st.session_state[new_key("library")] = lib.id
    session.clear_error("goals.new.statement")


# --- draft: a new goal -----------------------------------------------------------------------------


@st.fragment
def new_goal_editor() -> None:
    rerun_app_if_asked()
    nb = session.notebook()
    if nb is None:
        return
    lib = catalog.library_goal(st.session_state.get(new_key("library")) or "")
    st.session_state.setdefault(new_key("horizon"), GoalHorizon.SHORT_TERM)
    st.session_state.setdefault(new_key("deadline"), None)
    statement = st.text_input(
        "Your goal", key=new_key("statement"), max_chars=1000, live=True,
        placeholder="e.g. Lead a team of at least 10 people within two years",
        help="The report below updates as you type.", persist_state=KEEP,
    )
    fields.show_error("goals.new.statement")
    if lib is not None:
        st.caption(f":material/lightbulb: From the library ({md(lib.category)}): {md(lib.hint)}")
    horizon_col, parent_col, deadline_col = st.columns([1, 2, 1])
    with horizon_col:
        horizon = st.radio("Horizon", list(GoalHorizon), format_func=lambda h: h.label, key=new_key("horizon"),
                           horizontal=True, persist_state=KEEP)
    parent_id = None
    with parent_col:
        if horizon is GoalHorizon.SHORT_TERM:
            parents = parent_choices(nb)
            parent_id = st.selectbox(
                "Stepping stone of", [p.id for p in parents], index=None, key=new_key("parent"),
                format_func=lambda i: short(nb.goal(i).statement, 80),
                placeholder="A long-term goal (optional)" if parents else "No long-term goal yet",
                persist_state=KEEP,
            )
    with deadline_col:
        deadline = st.date_input("Deadline", key=new_key("deadline"), format="YYYY-MM-DD", persist_state=KEEP)
    if not (statement or "").strip():
        st.info("Write your goal above, or pick one from the library. The SMART report appears as you type.",
                icon=":material/keyboard:")
        return
    report = draft_report(nb, statement, today, horizon=horizon, parent_id=parent_id, deadline=deadline,
                          metric=lib.metric if lib else None)
    smart_report(statement, report)
    if report.deadline and report.deadline != deadline:
        st.button(f"Use {report.deadline:%d %b %Y} as the deadline", icon=":material/event:",
                  on_click=_set_state, args=(new_key("deadline"), report.deadline),
                  help="Your goal names this date; the deadline field will hold it.")
    save, activate, _ = st.columns([1, 1, 2])
    save.button("Save as a draft", icon=":material/save:", on_click=save_new_goal, args=(GoalStatus.DRAFT,),
                width="stretch")
    activate.button("Save and make it active", icon=":material/play_arrow:", type="primary",
                    on_click=save_new_goal, args=(GoalStatus.ACTIVE,), width="stretch")


def _set_state(key: str, value: object) -> None:
    st.session_state[key] = value


def save_new_goal(status: GoalStatus) -> None:
    nb = session.notebook()
    statement = st.session_state.get(new_key("statement")) or ""
    horizon = st.session_state.get(new_key("horizon"), GoalHorizon.SHORT_TERM)
    parent_id = st.session_state.get(new_key("parent")) if horizon is GoalHorizon.SHORT_TERM else None
    deadline = st.session_state.get(new_key("deadline"))
    lib = catalog.library_goal(st.session_state.get(new_key("library")) or "")
    metric = lib.metric if lib else None
    score = draft_report(nb, statement, today, horizon=horizon, parent_id=parent_id, deadline=deadline,
                         metric=metric).overall
    created: list[Goal] = []

    def _add(n: Notebook) -> None:
        created.append(add_goal(n, statement, score, horizon=horizon, parent_id=parent_id, deadline=deadline,
                                category=lib.category if lib else "", metric=metric, status=status))

    if not session.commit(_add, field="goals.new.statement"):
        return
    for name in ("statement", "deadline", "parent", "library"):
        st.session_state.pop(new_key(name), None)
    st.session_state[editing_key()] = created[0].id
    st.session_state[RERUN] = True
    st.toast("Saved. Add the details below: the metric, why it matters, what it serves.", icon=":material/check_circle:")


# --- draft: an existing goal -----------------------------------------------------------------------


@st.fragment
def wording_editor(goal_id: str) -> None:
    rerun_app_if_asked()
    nb = session.notebook()
    goal = nb.goal(goal_id) if nb else None
    if goal is None:
        return
    key = session.key(f"goal.{goal_id}.statement")
    if key not in st.session_state:
        st.session_state[key] = goal.statement
    statement = st.text_input("Goal", key=key, max_chars=1000, live=True, persist_state=KEEP,
                              help="The report updates as you type; save the new wording when you like it.")
    fields.show_error(f"goal.{goal_id}.statement")
    text = statement or ""
    changed = text.strip() != goal.statement
    if changed:
        save_col, undo_col, note_col = st.columns([1, 1, 2], vertical_alignment="center")
        save_col.button("Save the new wording", icon=":material/save:", type="primary", width="stretch",
                        on_click=save_wording, args=(goal_id,))
        undo_col.button("Undo my changes", icon=":material/undo:", width="stretch",
                        on_click=_set_state, args=(key, goal.statement))
        note_col.caption("Not saved yet. Each saved wording is kept with its score.")
    if not text.strip():
        st.info("A goal needs a few words.", icon=":material/keyboard:")
        return
    report = score_goal(text, context_for(goal, nb), today)
    smart_report(text, report)
    if report.deadline and report.deadline != goal.deadline:
        st.button(f"Use {report.deadline:%d %b %Y} as the deadline", icon=":material/event:",
                  on_click=use_deadline, args=(goal_id, report.deadline),
                  help="Your goal names this date; the deadline field will hold it.")
        fields.show_error(f"goal.{goal_id}.deadline-offer")


def save_wording(goal_id: str) -> None:
    nb = session.notebook()
    goal = nb.goal(goal_id) if nb else None
    if goal is None:
        return
    text = st.session_state.get(session.key(f"goal.{goal_id}.statement")) or ""
    before = report_for(goal, nb, today).overall
    after = score_goal(text, context_for(goal, nb), today).overall
    if session.commit(lambda n: reword(n.goal(goal_id), text, after, previous_score=before),
                      field=f"goal.{goal_id}.statement"):
        st.session_state[RERUN] = True
        st.toast(f"New wording saved (score {before} → {after}).", icon=":material/check_circle:")


def use_deadline(goal_id: str, deadline: date) -> None:
    if session.commit(lambda n: assign(n.goal(goal_id), deadline=deadline), field=f"goal.{goal_id}.deadline-offer"):
        st.session_state[session.key(f"goal.{goal_id}.deadline")] = deadline
        st.session_state[RERUN] = True


def goal_fields(nb: Notebook, goal: Goal) -> None:
    gid = goal.id
    get = goal_getter(gid)
    name = lambda f: f"goal.{gid}.{f}"  # noqa: E731
    report = scored(nb)[gid]

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
            st.caption(f"{len(stones)} stepping stone{'s' if len(stones) != 1 else ''}: "
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
                     format="%g")
    with m4:
        fields.bound(st.number_input, "Target", metric, "target", name=name("metric.target"), placeholder="goal",
                     format="%g")
    with m5:
        fields.bound(st.selectbox, "Direction", metric, "direction", name=name("metric.direction"),
                     options=list(Direction), format_func=lambda d: d.label)
    d1, d2, _ = st.columns([1, 1, 2])
    with d1:
        fields.bound(st.date_input, "Start", get, "start", name=name("start"), format="YYYY-MM-DD")
    with d2:
        fields.bound(st.date_input, "Deadline", get, "deadline", name=name("deadline"), format="YYYY-MM-DD")

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
        st.button("Delete the goal", type="primary", key=f"delete-{gid}", on_click=delete_goal, args=(gid,))


def _level_hint(report: SmartReport, key: str) -> None:
    criterion = report.criteria[key]
    if criterion.level == "met":
        st.caption(f":material/check_circle: {CRITERIA[key]}: met.")
    elif criterion.advice:
        st.caption(f":material/lightbulb: {CRITERIA[key]}: {md(criterion.advice)}")


def delete_goal(goal_id: str) -> None:
    if session.commit(lambda n: remove_goal(n, goal_id), field=f"goal.{goal_id}.delete"):
        st.session_state[editing_key()] = NEW
        st.toast("Goal deleted.", icon=":material/delete:")


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
        st.toast("Achieved. Well done: take a moment to celebrate, and tell the people who helped.", icon="🏆")
    else:
        st.toast(f"Now {status.label.lower()}.", icon=":material/check_circle:")


# --- the list --------------------------------------------------------------------------------------

DEFAULT_SHOWN = [GoalStatus.ACTIVE, GoalStatus.DRAFT, GoalStatus.PAUSED]


def list_tab(nb: Notebook) -> None:
    if not nb.goals:
        st.info("No goals yet. Draft your first one.", icon=":material/flag:")
        return
    shown = st.pills("Show", list(GoalStatus), selection_mode="multi", default=DEFAULT_SHOWN,
                     format_func=lambda s: s.label, key=session.key("goals.list.statuses"))
    rows = goal_rows(nb, scored(nb), shown)
    smart = sum(r.is_smart for r in rows)
    st.caption(f"{len(rows)} goal{'s' if len(rows) != 1 else ''} shown · {smart} SMART")
    if warning := focus(nb).warning:
        st.warning(warning, icon=":material/filter_center_focus:")
    open_history = st.session_state.get(session.key("goals.list.history"))
    for row in rows:
        goal_card(nb, row, open_history == row.goal_id)


def goal_card(nb: Notebook, row: GoalRow, show_history: bool) -> None:
    with st.container(border=True):
        due = f" · due {row.deadline:%d %b %Y}" if row.deadline else ""
        verdict = ":green[:material/verified: SMART]" if row.is_smart else ":orange[:material/edit_note: not SMART yet]"
        st.markdown(f"{GOAL_STATUS_ICONS[row.status]} **{md(row.status.label)}** · {md(row.horizon.label)}{due} · "
                    f"score **{row.score}**/100 · {verdict}")
        st.markdown(f"**{md(row.statement)}**")
        details = [row.criteria]
        if row.parent:
            details.append(f"stepping stone of “{md(short(row.parent, 60))}”")
        details.append(f"serves {md(row.aligned)}")
        st.caption(" · ".join(details))
        with st.container(horizontal=True):
            st.button("Edit", icon=":material/edit:", key=f"edit-{row.goal_id}", on_click=open_in_editor,
                      args=(row.goal_id,))
            st.button("Hide history" if show_history else "History", icon=":material/timeline:",
                      key=f"history-{row.goal_id}", on_click=_set_state,
                      args=(session.key("goals.list.history"), None if show_history else row.goal_id))
            for label, target in row.actions:
                st.button(label, key=f"list-{target.value}-{row.goal_id}", on_click=change_status,
                          args=(row.goal_id, target))
        fields.show_error(f"goal.{row.goal_id}.status")
        if show_history:
            goal = nb.goal(row.goal_id)
            st.plotly_chart(history_figure(history(goal, row.score), large=session.presenting()),
                            key=f"list-history-{row.goal_id}", alt="The SMART score of each saved wording.")


# --- goal map ------------------------------------------------------------------------------------


def map_tab(nb: Notebook) -> None:
    if not nb.goals:
        st.info("The map appears once you have goals.", icon=":material/account_tree:")
        return
    st.caption("Your long-term goals with their stepping stones: each short-term goal should move a long-term one.")
    extra = st.pills("Also show", [GoalStatus.DROPPED], selection_mode="multi", format_func=lambda s: s.label,
                     key=session.key("goals.map.extra"))
    statuses = {s for s in GoalStatus if s is not GoalStatus.DROPPED} | set(extra or [])
    nodes = goal_map(nb, {gid: r.overall for gid, r in scored(nb).items()}, statuses)
    st.plotly_chart(goal_map_figure(nodes, large=session.presenting()), key="goal-map",
                    alt="A tree: the vision, each long-term goal, and under it its stepping stones, with status and score.")
    with st.expander("The map as a list", icon=":material/list:"):
        lines = []
        for n in nodes[1:]:
            indent = "  " * (n.depth - 1)
            status = f" ({n.status.label.lower()}, {n.score}/100)" if n.status else ""
            lines.append(f"{indent}- {md(n.text)}{status}")
        st.markdown("\n".join(lines))


# --- focus ---------------------------------------------------------------------------------------


def focus_tab(nb: Notebook) -> None:
    result = focus(nb)
    st.caption("Impact on your career against your motivation, for the goals you are working on now. "
               f"A handful at once (up to {FOCUS_LIMIT}) is plenty.")
    if not result.points:
        st.info("No active goals yet. Make a goal active to see it here.", icon=":material/filter_center_focus:")
        return
    if result.warning:
        st.warning(result.warning, icon=":material/filter_center_focus:")
    st.plotly_chart(focus_figure(result.points, result.pause_candidates, large=session.presenting()), key="focus",
                    alt="Active goals placed by impact and motivation, numbered as in the table below.")
    if result.pause_candidates:
        st.markdown("**Could pause**")
        for gid in result.pause_candidates:
            goal = nb.goal(gid)
            cols = st.columns([4, 1], vertical_alignment="center")
            cols[0].markdown(md(short(goal.statement, 120)))
            cols[1].button("Pause", key=f"focus-pause-{gid}", on_click=change_status, args=(gid, GoalStatus.PAUSED),
                           icon=":material/pause:", width="stretch")
    st.markdown("**Rate them again**")
    active = [nb.goal(p.goal_id) for p in result.points]
    edit_table(
        "focus",
        active,
        [{"#": n, "Goal": g.statement, "Impact": g.impact, "Motivation": g.motivation}
         for n, g in enumerate(active, start=1)],
        {"Impact": Column("impact", whole), "Motivation": Column("motivation", whole)},
        lambda n: n.goals,
        column_config={
            "#": st.column_config.NumberColumn(width="small", help="The number on the chart"),
            "Goal": st.column_config.TextColumn(width="large"),
            "Impact": st.column_config.NumberColumn(min_value=1, max_value=5, step=1, required=True),
            "Motivation": st.column_config.NumberColumn(min_value=1, max_value=5, step=1, required=True),
        },
        describe_row=lambda g: short(g.statement, 40),
        num_rows="fixed",
    )


SECTIONS = {DRAFT: draft_tab, LIST: list_tab, MAP: map_tab, FOCUS: focus_tab}

st.title("Goals", anchor=False)
nb = session.notebook()
if nb is None:
    st.info("Open a notebook first, or start one, on Home.", icon=":material/menu_book:")
    frame.page_link("home", "Go to Home", icon=":material/home:")
else:
    st.caption("Turn what you learned about yourself into a few sharp goals: specific, measurable, achievable, "
               "relevant and time-bound.")
    tabs = st.tabs(list(SECTIONS), key=TAB, on_change="rerun")
    for tab, (label, draw) in zip(tabs, SECTIONS.items(), strict=True):
        if tab.open:
            with tab:
                draw(nb)
