"""Goals: draft them with live SMART feedback, link them up, see them as a map, keep the focus."""

import functools
from datetime import date

import streamlit as st

from career_core import catalog, wording
from career_core.dashboard import GOAL_STATUS_ICONS
from career_core.goal_fields import offers
from career_core.goal_reports import (
    GoalRow,
    draft_report,
    report_for,
)
from career_core.goals import (
    FOCUS_LIMIT,
    add_goal,
    parent_choices,
    reword,
)
from career_core.models import Goal, GoalHorizon, GoalStatus, Notebook
from career_core.smart import badge, context_for, score_goal
from career_core.tables import Column, whole
from waypoint_ui import derived, drafts, fields, frame, notices, session
from waypoint_ui.forms import edit_table
from waypoint_ui.goal_charts import focus_chart, history_chart, map_chart
from waypoint_ui.goal_fields import change_status, goal_fields
from waypoint_ui.goal_offers import (
    draft_metric,
    fill_draft,
    measure_words,
    offer,
    person_fields,
    person_values,
    use_wording_values,
)
from waypoint_ui.paging import paged
from waypoint_ui.smart_view import badge_words, smart_report
from waypoint_ui.tabs import open_tab_only
from waypoint_ui.text import md, short

TAB = "goals.tab"
DRAFT, LIST, MAP, FOCUS = "Draft", "My goals", "Goal map", "Focus"
NEW = "new"
NEW_DRAFT = "goals.new.statement"  # the draft of a new goal's words, kept until the goal is saved
RERUN = "goals.rerun-app"
# Drafts survive a look at another tab or page: typed words are only lost when the person says so.
KEEP = "session"
today = date.today()


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
        goal_fields(nb, goal, derived.reports(nb, today)[goal.id], on_deleted=_goal_deleted)


def library() -> None:
    chosen = st.session_state.get(new_key("library"))
    with st.expander("Start from the goal library", icon=":material/library_books:", expanded=not chosen):
        st.caption("Common goals of leaders and managers, written the way goals usually start: a little vague. "
                   "Pick one, then sharpen it with the report below.")
        categories = catalog.goal_library()
        by_id = {c.id: c for c in categories}
        cat_id = st.pills("Theme", [c.id for c in categories], format_func=lambda i: md(by_id[i].title),
                          key=new_key("library-theme"), default=categories[0].id)
        if cat_id is None:
            return
        category = by_id[cat_id]
        st.caption(md(category.blurb))
        goal_ids = [g.id for g in category.goals]
        goals = {g.id: g for g in category.goals}
        pick = st.radio("Goal", goal_ids, format_func=lambda i: md(goals[i].title), key=new_key(f"library-goal.{cat_id}"),
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
        "Your goal", **drafts.field(new_key("statement"), NEW_DRAFT), max_chars=1000, live=True,
        placeholder="e.g. Lead a team of at least 10 people within two years",
        help="The report below updates as you type.", persist_state=KEEP,
    )
    fields.show_error("goals.new.statement")
    drafts.note([NEW_DRAFT], lambda: drafts.reset(new_key("statement"), NEW_DRAFT, ""), key=new_key("discard"))
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
        deadline = st.date_input("Deadline", key=new_key("deadline"), format=wording.DATE_INPUT, persist_state=KEEP)
    if not (statement or "").strip():
        st.info("Write your goal above, or pick one from the library. The SMART report appears as you type.",
                icon=":material/keyboard:")
        return
    metric = draft_metric(new_key, lib)
    report = draft_report(nb, statement, today, horizon=horizon, parent_id=parent_id, deadline=deadline,
                          metric=metric, **person_values(new_key))
    smart_report(statement, report)
    offer(offers(statement, report, deadline, metric), today, key=new_key("fill"), on_click=fill_draft,
          args=(new_key, statement, report, lib))
    if words := measure_words(metric):
        st.caption(f":material/straighten: Measure: {md(words)}")
    person_fields(new_key, badge(report).needs, persist_state=KEEP)
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
    metric = draft_metric(new_key, lib)
    person = person_values(new_key)
    score = draft_report(nb, statement, today, horizon=horizon, parent_id=parent_id, deadline=deadline,
                         metric=metric, **person).overall
    created: list[Goal] = []

    def _add(n: Notebook) -> None:
        created.append(add_goal(n, statement, score, horizon=horizon, parent_id=parent_id, deadline=deadline,
                                category=lib.category if lib else "", metric=metric, status=status, **person))

    if not session.commit(_add, field="goals.new.statement", drafts=[NEW_DRAFT]):
        return
    for name in ("statement", "deadline", "parent", "library", "metric", "confidence", "why", "supports_vision"):
        st.session_state.pop(new_key(name), None)
    st.session_state[editing_key()] = created[0].id
    st.session_state[RERUN] = True
    notices.tell("Saved. Add the details below: the metric, why it matters, what it serves.", icon=":material/check_circle:")


# --- draft: an existing goal -----------------------------------------------------------------------


@st.fragment
def wording_editor(goal_id: str) -> None:
    rerun_app_if_asked()
    nb = session.notebook()
    goal = nb.goal(goal_id) if nb else None
    if goal is None:
        return
    asking = drafts.seed(f"goal.{goal_id}.statement", f"goal.{goal_id}.statement", lambda n: n.goal(goal_id).statement)
    key = session.key(f"goal.{goal_id}.statement")
    statement = st.text_input("Goal", key=key, max_chars=1000, live=True, persist_state=KEEP, disabled=asking,
                              help="The report updates as you type; save the new wording when you like it.")
    fields.show_error(f"goal.{goal_id}.statement")
    text = statement or ""
    changed = text.strip() != goal.statement
    if changed:
        save_col, undo_col, note_col = st.columns([1, 1, 2], vertical_alignment="center")
        save_col.button("Save the new wording", icon=":material/save:", type="primary", width="stretch",
                        on_click=save_wording, args=(goal_id,))
        undo_col.button("Undo my changes", icon=":material/undo:", width="stretch",
                        on_click=drafts.reset, args=(key, f"goal.{goal_id}.statement", goal.statement))
        note_col.caption("Not saved yet. Each saved wording is kept with its score.")
    if not text.strip():
        st.info("A goal needs a few words.", icon=":material/keyboard:")
        return
    report = score_goal(text, context_for(goal, nb), today)
    smart_report(text, report)
    offer(offers(text, report, goal.deadline, goal.metric), today, key=f"fill-{goal_id}", on_click=use_wording_values,
          args=(goal_id, text, today, RERUN), error=f"goal.{goal_id}.fill")


def save_wording(goal_id: str) -> None:
    nb = session.notebook()
    goal = nb.goal(goal_id) if nb else None
    if goal is None:
        return
    text = st.session_state.get(session.key(f"goal.{goal_id}.statement")) or ""
    before = report_for(goal, nb, today).overall
    after = score_goal(text, context_for(goal, nb), today).overall
    if session.commit(lambda n: reword(n.goal(goal_id), text, after, previous_score=before),
                      field=f"goal.{goal_id}.statement", drafts=[f"goal.{goal_id}.statement"]):
        st.session_state[RERUN] = True
        notices.tell(f"New wording saved (score {before} → {after}).", icon=":material/check_circle:")


def _goal_deleted() -> None:
    st.session_state[editing_key()] = NEW


# --- the list --------------------------------------------------------------------------------------

DEFAULT_SHOWN = [GoalStatus.ACTIVE, GoalStatus.DRAFT, GoalStatus.PAUSED]


def list_tab(nb: Notebook) -> None:
    if not nb.goals:
        st.info("No goals yet. Draft your first one.", icon=":material/flag:")
        return
    shown = st.pills("Show", list(GoalStatus), selection_mode="multi", default=DEFAULT_SHOWN,
                     format_func=lambda s: s.label, key=session.key("goals.list.statuses"))
    rows = derived.goal_rows(nb, today, shown or ())
    smart = sum(r.is_smart for r in rows)
    st.caption(f"{wording.plural(len(rows), 'goal')} shown · {smart} SMART")
    if warning := derived.focus(nb, today).warning:
        st.warning(md(warning), icon=":material/filter_center_focus:")
    open_history = st.session_state.get(session.key("goals.list.history"))
    on_page, cards = paged(rows, session.key(f"goals.list.page.{sorted(shown or [])}"), "goal", size=10)
    with cards:
        for row in on_page:
            goal_card(nb, row, open_history == row.goal_id)


def goal_card(nb: Notebook, row: GoalRow, show_history: bool) -> None:
    due = f" · due {wording.day(row.deadline, today)}" if row.deadline else ""
    verdict = badge_words(row.verdict.label if row.verdict else "")
    lines = [f"{GOAL_STATUS_ICONS[row.status]} **{md(row.status.label)}** · {md(row.horizon.label)}{due} · "
             f"score **{row.score}**/100 · {verdict}"]
    if row.mismatch:
        lines.append(f":gray[:small[:material/sync_problem: {md(row.mismatch)}]]")
    lines.append(f"**{md(row.statement)}**")
    details = [md(row.criteria)]
    if row.parent:
        details.append(f"stepping stone of “{md(short(row.parent, 60))}”")
    details.append(f"serves {md(row.aligned)}")
    lines.append(f":gray[:small[{' · '.join(details)}]]")
    with st.container(border=True):
        # One element for the card's lines: a page shows ten of these on every click.
        st.markdown("  \n".join(lines))
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
            st.plotly_chart(derived.per_revision(history_chart, nb, today, row.goal_id, row.score, session.presenting()),
                            key=f"list-history-{row.goal_id}", alt="The SMART score of each saved wording.")


# --- goal map ------------------------------------------------------------------------------------


def map_tab(nb: Notebook) -> None:
    if not nb.goals:
        st.info("The map appears once you have goals.", icon=":material/account_tree:")
        return
    st.caption("Your long-term goals with their stepping stones: each short-term goal should move a long-term one.")
    extra = st.pills("Also show", [GoalStatus.DROPPED], selection_mode="multi", format_func=lambda s: s.label,
                     key=session.key("goals.map.extra"))
    statuses = frozenset({s for s in GoalStatus if s is not GoalStatus.DROPPED} | set(extra or []))
    nodes = derived.goal_map(nb, today, statuses)
    st.plotly_chart(derived.per_revision(map_chart, nb, today, statuses, session.presenting()), key="goal-map",
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
    result = derived.focus(nb, today)
    st.caption("Impact on your career against your motivation, for the goals you are working on now. "
               f"A handful at once (up to {FOCUS_LIMIT}) is plenty.")
    if not result.points:
        st.info("No active goals yet. Make a goal active to see it here.", icon=":material/filter_center_focus:")
        return
    if result.warning:
        st.warning(md(result.warning), icon=":material/filter_center_focus:")
    st.plotly_chart(derived.per_revision(focus_chart, nb, today, session.presenting()), key="focus",
                    alt="Active goals placed by impact and motivation, numbered as in the table below.")
    if result.pause_candidates:
        st.markdown("**Could pause**")
        for gid in result.pause_candidates:
            goal = nb.goal(gid)
            row = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center")  # fewer elements than columns
            row.markdown(md(short(goal.statement, 120)))
            row.button("Pause", key=f"focus-pause-{gid}", on_click=change_status, args=(gid, GoalStatus.PAUSED),
                       icon=":material/pause:")
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
nb = frame.require_notebook("Open a notebook first, or start one, on Home.")
st.caption("Turn what you learned about yourself into a few sharp goals: specific, measurable, achievable, "
           "relevant and time-bound.")
open_tab_only(TAB, {name: functools.partial(draw, nb) for name, draw in SECTIONS.items()})
