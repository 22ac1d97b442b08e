"""Reflect: where I stand, where I want to go, what others see, and what to develop first."""

import functools
from datetime import date

import streamlit as st

from career_core import catalog, edit, wording
from career_core.alignment import objective_usage, unlink_objective
from career_core.edit import assign
from career_core.models import (
    DevelopmentCategory,
    DevelopmentItem,
    InputEntry,
    InputRole,
    Notebook,
    OrgObjective,
    Reflection,
)
from career_core.reflection import (
    AUTHENTICITY_QUESTIONS,
    TOP_FEW,
    authenticity,
    authenticity_reminder,
    keep_advice,
    keep_top,
    merge_selection,
    move,
    new_skill,
    newest_first,
    next_role,
    priorities,
    roles_not_asked,
    skills_to_offer,
    vision_notes,
)
from career_core.tables import Column, choice, day, flag, text, whole
from waypoint_ui import derived, fields, frame, session
from waypoint_ui.forms import EntryForm, edit_table
from waypoint_ui.reflect_charts import development_chart, skills_chart
from waypoint_ui.tabs import open_tab_only
from waypoint_ui.text import md

ROLE_LABELS = {r.label: r for r in InputRole}
CATEGORY_LABELS = {c.label: c for c in DevelopmentCategory}
RATING = st.column_config.NumberColumn(min_value=1, max_value=5, step=1, format="%d", required=True, width=90)


def reflection(nb: Notebook):
    return nb.reflection


# --- self-assessment -----------------------------------------------------------------------------


def self_assessment(nb: Notebook) -> None:
    st.subheader("Skills")
    st.caption("Rate where you are now and where your next role needs you to be, from 1 (beginner) to 5 (expert).")
    skill_form(nb)
    skills = nb.reflection.skills
    if skills:
        edit_table(
            "skills",
            skills,
            [{"Skill": s.name, "Now": s.now, "Wanted": s.wanted, "Note": s.note} for s in skills],
            {"Skill": Column("name", text), "Now": Column("now", whole), "Wanted": Column("wanted", whole),
             "Note": Column("note", text)},
            lambda n: n.reflection.skills,
            column_config={"Skill": st.column_config.TextColumn(required=True, max_chars=200, width=330),
                           "Now": RATING, "Wanted": RATING, "Note": st.column_config.TextColumn(max_chars=200)},
            describe_row=lambda s: s.name,
        )
        st.plotly_chart(derived.per_revision(skills_chart, nb, date.today(), session.presenting()),
                        alt="Skills: where I am now and where I want to be, with the gap for each.")
    else:
        st.caption("No skills rated yet.")

    st.subheader("Values")
    values_picker(nb)

    st.subheader("Interests, strengths and what energises me")
    left, right = st.columns(2, gap="large")
    one_per_line = "One per line."
    with left:
        fields.lines("Interests", reflection, "interests", name="reflection.interests", help=one_per_line,
                     placeholder="e.g. Building teams\nLogistics networks")
        fields.lines("Strengths", reflection, "strengths", name="reflection.strengths", help=one_per_line,
                     placeholder="e.g. Calm in a crisis\nExplaining complex things simply")
    with right:
        fields.lines("What energises me", reflection, "motivators", name="reflection.motivators", help=one_per_line,
                     placeholder="e.g. Seeing someone I coached succeed")
        fields.lines("Weaknesses", reflection, "weaknesses", name="reflection.weaknesses", help=one_per_line,
                     placeholder="e.g. I avoid difficult conversations")

    st.subheader("Why I want this")
    fields.text(
        "How would reaching my vision energise and fulfil me? Does it fit my values?",
        reflection, "why", name="reflection.why", area=True, max_chars=5000,
        placeholder="Write it as if you were explaining it to a friend.",
    )
    if nb.reflection.values and nb.reflection.why.strip():
        named = derived.values_named(nb, date.today())
        if named:
            st.caption(f":material/favorite: Your why speaks to {md(', '.join(named))}.")
        else:
            st.caption(":material/help: Your why does not name any of your values yet. Does it fit them?")


def skill_form(nb: Notebook) -> None:
    form = EntryForm("skill")
    with st.form(session.key(f"{form.name}-form")):
        name_col, now_col, wanted_col = st.columns([2, 1, 1])
        with name_col:
            st.selectbox("Skill", skills_to_offer(catalog.skills(), nb.reflection.skills), index=None,
                         **form.field("name"), accept_new_options=True, placeholder="Pick one or type your own")
            form.show_error("name")
        with now_col:
            st.slider("Now", 1, 5, 2, **form.field("now"))
        with wanted_col:
            st.slider("Wanted", 1, 5, 4, **form.field("wanted"))
        form.submit_button("Add skill", lambda: new_skill(nb.reflection.skills, form.value("name") or "",
                                                        form.value("now"), form.value("wanted")),
                   lambda n, skill: edit.add(n, "reflection.skills", skill), saved="Skill added.")


def values_picker(nb: Notebook) -> None:
    current = nb.reflection.values
    session.follow("reflection.values", lambda n: n.reflection.values)
    key = session.key("reflection.values")

    def _save() -> None:
        if session.outdated("reflection.values", key):
            return
        now = session.notebook()
        if now is None:
            return
        values = merge_selection(now.reflection.values, st.session_state[key])
        if session.nothing_new("reflection.values", now.reflection.values, values):
            return
        session.commit(lambda n: assign(n.reflection, values=values), field="reflection.values")

    st.multiselect(
        "What matters most to me",
        list(dict.fromkeys([*current, *catalog.values()])),
        default=current if key not in st.session_state else None,
        key=key,
        on_change=_save,
        accept_new_options=True,
        placeholder="Choose from the list or type your own",
    )
    fields.show_error("reflection.values")
    if len(current) > 1:
        st.caption("Rank them: the value at the top matters most to you.")
        ranking = st.columns([3, 2])[0]
        for i, value in enumerate(current):
            cols = ranking.columns([0.7, 0.15, 0.15], vertical_alignment="center")
            cols[0].markdown(f"**{i + 1}.** {md(value)}")
            cols[1].button(":material/arrow_upward:", key=session.key(f"value-up.{i}"), disabled=i == 0,
                           help=md(f"Move {value} up"), on_click=_move_value, args=(i, -1))
            cols[2].button(":material/arrow_downward:", key=session.key(f"value-down.{i}"),
                           disabled=i == len(current) - 1, help=md(f"Move {value} down"), on_click=_move_value, args=(i, 1))


def _move_value(index: int, step: int) -> None:
    session.commit(lambda n: assign(n.reflection, values=move(n.reflection.values, index, step)),
                   field="reflection.values")


# --- vision ----------------------------------------------------------------------------------------


def vision(nb: Notebook) -> None:
    st.caption("Picture yourself some years from now: the work you do, how much you are responsible for, "
               "and the difference you make.")
    getter = lambda n: n.vision  # noqa: E731
    fields.text("My vision", getter, "statement", name="vision.statement", area=True, max_chars=5000, height=140,
                placeholder="e.g. I lead a division whose people are proud of how reliably we deliver.")
    left, right = st.columns(2, gap="large")
    with left:
        fields.text("Target role", getter, "target_role", name="vision.target_role", max_chars=200,
                    placeholder="e.g. Head of Operations")
        fields.text("Level of responsibility", getter, "responsibility", name="vision.responsibility", max_chars=200,
                    placeholder="e.g. 200 people in four teams, a budget of 30 million")
    with right:
        fields.bound(st.number_input, "Horizon (the year I want to be there)", getter, "horizon_year",
                     name="vision.horizon_year", step=1, format="%d", placeholder="e.g. 2030")
        for note in vision_notes(nb.vision.horizon_year, date.today().year):
            st.caption(f":material/schedule: {md(note)}")
    fields.text("The impact I want to have", getter, "impact", name="vision.impact", area=True, max_chars=5000,
                placeholder="e.g. Customers get their parcels on the promised day, and my people grow into leaders.")


# --- input log -------------------------------------------------------------------------------------


def inputs(nb: Notebook) -> None:
    st.caption("Go on a fact-finding mission: ask people you trust what they see in you, what you should develop, "
               "and what would help. Write down what they said and what you take from it.")
    form = EntryForm("input")
    with st.form(session.key(f"{form.name}-form")):
        left, mid, right = st.columns([2, 1, 1])
        with left:
            st.text_input("Who I asked", **form.field("who"), max_chars=200, placeholder="e.g. Priya, my mentor")
            form.show_error("who")
        with mid:
            roles = list(InputRole)
            st.selectbox("Their role", roles, index=roles.index(next_role(nb.inputs)), format_func=lambda r: r.label,
                         **form.field("role"))
        with right:
            st.date_input("When", value=date.today(), **form.field("on"), format=wording.DATE_INPUT)
            form.show_error("on")
        st.text_area("What they said", **form.field("said"), max_chars=5000)
        st.text_area("My takeaway", **form.field("takeaway"), max_chars=5000)
        form.submit_button("Add to the log",
                   lambda: InputEntry(who=form.value("who") or "", role=form.value("role"), on=form.value("on"),
                                      said=form.value("said") or "", takeaway=form.value("takeaway") or ""),
                   lambda n, entry: edit.add(n, "inputs", entry), saved="Added to your input log.")
    missing = roles_not_asked(nb.inputs)
    if missing:
        st.caption(":material/group: Not asked yet: " + ", ".join(r.label.lower() for r in missing) + ".")
    shown = newest_first(nb.inputs)
    if not shown:
        st.caption("Nothing logged yet.")
        return
    edit_table(
        "inputs",
        shown,
        [{"When": i.on, "Who": i.who, "Role": i.role.label, "What they said": i.said, "My takeaway": i.takeaway}
         for i in shown],
        {"When": Column("on", day), "Who": Column("who", text), "Role": Column("role", choice(ROLE_LABELS)),
         "What they said": Column("said", text), "My takeaway": Column("takeaway", text)},
        lambda n: n.inputs,
        column_config={
            "When": st.column_config.DateColumn(format=wording.DATE_INPUT, required=True, width=100),
            "Who": st.column_config.TextColumn(required=True, max_chars=200, width=130),
            "Role": st.column_config.SelectboxColumn(options=list(ROLE_LABELS), required=True, width=120),
            "What they said": st.column_config.TextColumn(width=290, max_chars=5000),
            "My takeaway": st.column_config.TextColumn(width=260, max_chars=5000),
        },
        describe_row=lambda i: i.who,
    )


# --- development list ------------------------------------------------------------------------------


def development(nb: Notebook) -> None:
    st.caption("List what you could develop, rate each for the value it brings your career and how much you want "
               f"it, then keep the top {TOP_FEW}: focused energy moves further than energy spread thin.")
    form = EntryForm("development")
    with st.form(session.key(f"{form.name}-form")):
        cat_col, title_col = st.columns([1, 2])
        with cat_col:
            st.selectbox("Category", list(DevelopmentCategory), format_func=lambda c: c.label, **form.field("category"))
        with title_col:
            st.text_input("What", **form.field("title"), max_chars=200,
                          placeholder="e.g. Learn to give feedback on the spot")
            form.show_error("title")
        value_col, motivation_col = st.columns(2)
        value_col.slider("Value for my career", 1, 5, 3, **form.field("value"))
        motivation_col.slider("My motivation", 1, 5, 3, **form.field("motivation"))
        form.submit_button("Add to the list",
                   lambda: DevelopmentItem(category=form.value("category"), title=form.value("title") or "",
                                           value=form.value("value"), motivation=form.value("motivation")),
                   lambda n, item: edit.add(n, "development_items", item), saved="Added to your development list.")
    items = nb.development_items
    if not items:
        st.caption("The list is empty.")
        return
    ranked = priorities(items)
    st.plotly_chart(derived.per_revision(development_chart, nb, date.today(), session.presenting()),
                    alt="Development items placed by value and motivation, numbered by rank as in the table below; the top few are stars.")
    by_id = {i.id: i for i in items}
    shown = [by_id[p.item_id] for p in ranked]
    edit_table(
        "development",
        shown,
        [{"Keep": p.kept, "Rank": f"{p.rank} ★" if p.top else str(p.rank), "What": p.title, "Value": p.value,
          "Motivation": p.motivation, "Score": p.score, "Category": p.category} for p in ranked],
        {"Keep": Column("kept", flag), "What": Column("title", text), "Value": Column("value", whole),
         "Motivation": Column("motivation", whole), "Category": Column("category", choice(CATEGORY_LABELS))},
        lambda n: n.development_items,
        column_config={
            "Keep": st.column_config.CheckboxColumn(help="Keep working on this now", width=60),
            "Rank": st.column_config.TextColumn(help=f"By value × motivation; ★ marks the top {TOP_FEW}", width=60),
            "What": st.column_config.TextColumn(required=True, max_chars=200, width=300),
            "Value": RATING, "Motivation": RATING,
            "Score": st.column_config.NumberColumn(help="Value × motivation", width=70),
            "Category": st.column_config.SelectboxColumn(options=list(CATEGORY_LABELS), required=True, width=230),
        },
        describe_row=lambda i: i.title,
    )
    advice = keep_advice(items)
    if advice.message:
        st.info(md(advice.message), icon=":material/filter_center_focus:")
    st.button(f"Keep only the top {TOP_FEW}", icon=":material/star:",
              on_click=lambda: session.commit(lambda n: keep_top(n.development_items), field="development.table"))

    kept = [by_id[p.item_id] for p in ranked if p.kept]
    if kept:
        authenticity_check(nb, kept)


ANSWERS = {"Yes": True, "No": False, "Not sure yet": None}
ANSWER_LABELS = {v: k for k, v in ANSWERS.items()}


def authenticity_check(nb: Notebook, kept: list[DevelopmentItem]) -> None:
    st.subheader("Authenticity check")
    st.caption("For each item you keep, be honest with yourself: a goal that is not really yours rarely lasts.")
    if reminder := authenticity_reminder(nb.reflection):
        st.caption(f":material/lightbulb: {md(reminder)}")
    results = {i.id: authenticity(i) for i in kept}
    questions = dict(AUTHENTICITY_QUESTIONS)
    edit_table(
        "authenticity",
        kept,
        [{"Kept item": i.title, **{questions[f]: ANSWER_LABELS[getattr(i, f)] for f in questions},
          "Result": f"{results[i.id].icon} {results[i.id].verdict}"} for i in kept],
        {questions[f]: Column(f, choice(ANSWERS)) for f in questions},
        lambda n: n.development_items,
        column_config={  # the questions are long: each answer column is headed by its question, in full on hover
            "Kept item": st.column_config.TextColumn(width=260),
            **{q: st.column_config.SelectboxColumn(options=list(ANSWERS), required=True, width=150, help=q)
               for q in questions.values()},
            "Result": st.column_config.TextColumn(width=200),
        },
        describe_row=lambda i: i.title,
        num_rows="fixed",
    )
    for item in kept:
        for concern in results[item.id].concerns:
            st.warning(f"**{md(item.title)}**: {md(concern)}", icon=":material/psychology_alt:")


# --- organisational objectives ---------------------------------------------------------------------


def organisation(nb: Notebook) -> None:
    st.caption("What is your organisation trying to achieve this year? Goals that serve these get support, "
               "and show how your growth helps others too.")
    form = EntryForm("objective")
    with st.form(session.key(f"{form.name}-form")):
        st.text_input("Objective", **form.field("title"), max_chars=200,
                      placeholder="e.g. Deliver 98% of parcels on the promised day")
        form.show_error("title")
        st.text_area("Details", **form.field("description"), max_chars=5000,
                     placeholder="Where it comes from, who owns it, how it is measured.")
        form.submit_button("Add objective",
                   lambda: OrgObjective(title=form.value("title") or "", description=form.value("description") or ""),
                   lambda n, o: edit.add(n, "org_objectives", o), saved="Objective added.")
    objectives = nb.org_objectives
    if not objectives:
        st.caption("No objectives yet.")
        return
    usage = objective_usage(nb)
    edit_table(
        "objectives",
        objectives,
        [{"Objective": o.title, "Details": o.description, "Goals aligned": usage.get(o.id, 0)} for o in objectives],
        {"Objective": Column("title", text), "Details": Column("description", text)},
        lambda n: n.org_objectives,
        column_config={
            "Objective": st.column_config.TextColumn(required=True, max_chars=200, width="medium"),
            "Details": st.column_config.TextColumn(max_chars=5000, width="large"),
            "Goals aligned": st.column_config.NumberColumn(help="Goals (not dropped) that serve this objective"),
        },
        describe_row=lambda o: o.title,
        after_delete=unlink_objective,
    )
    frame.page_link("goals", "Link goals to these objectives", icon=":material/flag:")


# --- private notes ---------------------------------------------------------------------------------


def private_notes(nb: Notebook) -> None:
    if session.hidden(Reflection, "private_notes"):
        st.info("Private notes are hidden while presenting.", icon=":material/visibility_off:")
        return
    st.caption(":material/lock: Private: only you see these. Presentation mode hides them when you share your screen.")
    fields.text("Private notes", reflection, "private_notes", name="reflection.private_notes", area=True,
                max_chars=5000, height=260, placeholder="Doubts, hunches, things you are not ready to say out loud.")


SECTIONS = {
    "Self-assessment": self_assessment,
    "Vision": vision,
    "Input": inputs,
    "Development list": development,
    "Organisation": organisation,
    "Private notes": private_notes,
}

st.title("Reflect", anchor=False)
nb = frame.require_notebook("Open a notebook first, or start one, on Home.")
st.caption("Know where you stand before you decide where to go.")
open_tab_only("reflect.tab", {name: functools.partial(draw, nb) for name, draw in SECTIONS.items()})
