"""Review: the review cycle, what the data says about goals that slip, decisions, accountability, exports."""

from datetime import date, timedelta

import streamlit as st

from career_core import edit, wording
from career_core.accountability import new_entry
from career_core.edit import find, remove
from career_core.exports import checkins_csv, plan_markdown, plan_pdf
from career_core.exports.notebook_file import file_name
from career_core.goal_fields import Offer, apply_offers, offers
from career_core.models import Feedback, Notebook, ReviewCadence, ReviewDecision
from career_core.review import (
    Diagnosis,
    apply_decision,
    decisions_by_goal,
    diagnoses,
    next_review,
    open_review,
    reviews_newest_first,
    smart_score,
    start_review,
)
from career_core.smart import badge, context_for, score_goal
from waypoint_ui import derived, drafts, fields, frame, notices, session
from waypoint_ui.forms import EntryForm
from waypoint_ui.paging import paged
from waypoint_ui.smart_view import badge_words
from waypoint_ui.tabs import open_tab_only
from waypoint_ui.text import md, short

DECISION_WORDS = {
    ReviewDecision.KEEP: "Keep it as it is",
    ReviewDecision.REVISE: "Revise the wording",
    ReviewDecision.PAUSE: "Pause it",
    ReviewDecision.DROP: "Drop it",
}


def _diagnoses(nb: Notebook, today: date) -> list[Diagnosis]:
    return diagnoses(nb, derived.progress(nb, today), today, scores=derived.scores(nb, today))


# --- the cycle ---------------------------------------------------------------------------------


def cycle_section(nb: Notebook, today: date) -> None:
    due = next_review(nb, today)
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    with left:
        if due.overdue:
            st.warning(f"Your review was due on {wording.day(due.on, today)}: it is {due.describe()}. "
                       "A short one now is worth more than a perfect one later.", icon=":material/schedule:")
        else:
            st.markdown(f":material/event: **Next review: {wording.day(due.on, today, weekday=True)}** · {md(due.describe())}")
    with right:
        fields.bound(st.selectbox, "How often I review", lambda n: n.settings, "review_cadence",
                     name="settings.review_cadence", options=list(ReviewCadence), format_func=lambda c: c.label)


def _start() -> None:
    session.commit(lambda n: start_review(n, date.today()), field="review.start")


def current_section(nb: Notebook, today: date) -> None:
    st.subheader("This review", anchor=False)
    current = open_review(nb, today)
    if current is None:
        st.write("Take half an hour: look back at what happened since the last review, "
                 "decide what to do about goals that slip, and set the next date.")
        st.button("Start today's review", type="primary", icon=":material/rate_review:", on_click=_start)
        fields.show_error("review.start")
        return
    rid = current.id
    started = "today" if current.on == today else f"on {wording.day(current.on, today)}"
    st.caption(f"Started {started}. Everything you write is saved as you go; you can add to it until the next review.")

    def review(n: Notebook):
        return find(n.reviews, rid)

    c1, c2 = st.columns(2)
    with c1:
        fields.text("What went well", review, "went_well", name=f"review.{rid}.went_well", area=True,
                    placeholder="Results, habits that held, help that made a difference")
        fields.text("What I learned", review, "learned", name=f"review.{rid}.learned", area=True,
                    placeholder="About the work, about myself, about what helps")
    with c2:
        fields.text("What did not go well", review, "did_not", name=f"review.{rid}.did_not", area=True,
                    placeholder="What slipped, and what got in the way")
        fields.text("What I change", review, "change", name=f"review.{rid}.change", area=True,
                    placeholder="One or two concrete changes for the next cycle")
    earliest = current.on + timedelta(days=1)
    with st.columns([1, 2])[0]:
        fields.bound(st.date_input, "Next review", review, "next_review", name=f"review.{rid}.next_review",
                     min_value=min(earliest, current.next_review or earliest), format=wording.DATE_INPUT,
                     help="Set by your cadence; move it if a holiday or a deadline is in the way.")


# --- goals that need a decision ----------------------------------------------------------------


def _forget_decision(goal_id: str, keys: dict[str, str], statement: str) -> None:
    drafts.reset(keys["wording"], f"decide.{goal_id}.wording", statement)
    drafts.reset(keys["note"], f"decide.{goal_id}.note", "")


def _decide(goal_id: str, keys: dict[str, str], summary: str) -> None:
    state = st.session_state
    decision = state.get(keys["decision"])
    if decision is None:  # the control always keeps a choice; nothing to do without one
        return
    today = date.today()
    nb = session.notebook()
    goal = nb.goal(goal_id) if nb else None
    old_score = smart_score(goal, nb, today) if goal else None
    wording = state.get(keys["wording"])
    note = (state.get(keys["note"]) or "").strip()
    with_fields = decision == ReviewDecision.REVISE and state.get(keys["fields"])

    def record(n: Notebook) -> None:
        apply_decision(n, goal_id, ReviewDecision(decision), today, new_statement=wording, old_score=old_score,
                       diagnosis=summary, note=note)
        if with_fields:  # the fields follow the new wording, as the offer showed
            apply_offers(n.goal(goal_id), _offers(n, goal_id, wording or "", today))

    saved = session.commit(record, field=f"decision.{goal_id}",
                           drafts=[f"decide.{goal_id}.wording", f"decide.{goal_id}.note"])
    if saved:
        words = {"keep": "Kept", "revise": "Revised", "pause": "Paused", "drop": "Dropped"}[decision]
        rescored = ""
        if decision == ReviewDecision.REVISE and (revised := session.notebook().goal(goal_id)) is not None:
            rescored = f" SMART score {smart_score(revised, session.notebook(), today)}/100 (was {old_score})."
        notices.tell(md(f"{words}: “{short(goal.statement if decision != 'revise' else wording.strip(), 70)}”.{rescored}"),
                     icon=":material/check_circle:")
        for k in ("wording", "note", "fields"):
            state.pop(keys[k], None)


def decisions_section(nb: Notebook, today: date) -> None:
    st.subheader("Goals that need a decision", anchor=False)
    found = derived.per_revision(_diagnoses, nb, today)
    current = open_review(nb, today)
    decided = decisions_by_goal(current)
    if not found:
        st.success("No goal is behind, at risk or overdue. Nothing to decide today.", icon=":material/thumb_up:")
    else:
        st.caption("For each goal that slips, here is what the data says. Then choose: keep it, revise it, "
                   "pause it or drop it. Letting a goal go is a decision too, and it frees time for the others.")
    on_page, cards = paged(found, session.key("decide.page"), "slipping goal", size=10)
    for d in on_page:
        with cards.container(border=True):
            st.markdown(f"**{d.status.symbol} {d.status.label}** · {md(d.statement)}")
            st.caption(md(d.reason))
            for f in d.findings:
                st.markdown(f"- **{md(f.text)}** {md(f.advice)}")
            if (previous := decided.get(d.goal_id)) is not None:
                st.caption(f":material/check: In this review you chose: {previous.decision.label.lower()}.")
            keys = {k: session.key(f"decide.{d.goal_id}.{k}") for k in ("decision", "wording", "note", "fields")}
            choice = st.segmented_control(
                "Decision", list(ReviewDecision), format_func=lambda r: DECISION_WORDS[r], key=keys["decision"],
                default=d.suggested, required=True,
                help=f"The data suggests: {DECISION_WORDS[d.suggested].lower()}.")
            if choice is ReviewDecision.REVISE:
                asking = drafts.seed(f"decide.{d.goal_id}.wording", f"decide.{d.goal_id}.wording",
                                     lambda n, g=d.goal_id: n.goal(g).statement)
                typed = st.text_area("New wording", key=keys["wording"], max_chars=1000, disabled=asking,
                                     help="The current wording is kept in the goal's history with its score. "
                                          "Press Ctrl+Enter to see the new score.")
                goal = nb.goal(d.goal_id)
                old_score = derived.scores(nb, today).get(d.goal_id)
                new = score_goal(typed or "", context_for(goal, nb), today) if goal is not None else None
                if new is not None and (typed or "").strip() != d.statement:
                    st.caption(f"SMART score of the new wording: **{new.overall}/100** {badge_words(badge(new).label)} "
                               f"(now {old_score}/100)")
                    if found := _offers(nb, d.goal_id, typed or "", today):
                        st.checkbox("Also put the new wording's values in the fields: "
                                    + "; ".join(o.describe(today) for o in found), value=True, key=keys["fields"])
                else:
                    st.caption(f"SMART score now: **{old_score}/100**. Rewrite it to see the new score.")
            st.text_input("Why (optional)", **drafts.field(keys["note"], f"decide.{d.goal_id}.note"), max_chars=5000,
                          placeholder="A sentence for your future self")
            st.button("Record decision", key=session.key(f"decide.{d.goal_id}.save"), icon=":material/gavel:",
                      on_click=_decide, args=(d.goal_id, keys, d.summary()))
            drafts.note([f"decide.{d.goal_id}.wording", f"decide.{d.goal_id}.note"], key=keys["note"] + ".discard",
                        on_discard=lambda g=d.goal_id, k=keys, words=d.statement: _forget_decision(g, k, words))
            fields.show_error(f"decision.{d.goal_id}")
    if current is not None and current.decisions:
        statements = {g.id: g.statement for g in nb.goals}
        with st.expander(f"Decisions in this review ({len(current.decisions)})"):
            for dec in current.decisions:
                note = f" · {md(dec.note)}" if dec.note else ""
                st.markdown(f"**{dec.decision.label}** · {md(short(statements.get(dec.goal_id, '(removed goal)'), 90))}{note}")


def _offers(nb: Notebook, goal_id: str, statement: str, today: date) -> list[Offer]:
    """What a new wording would change in the goal's fields (career_core.goal_fields)."""
    goal = nb.goal(goal_id)
    if goal is None or not statement.strip():
        return []
    return offers(statement, score_goal(statement, context_for(goal, nb), today), goal.deadline, goal.metric)


# --- earlier reviews ---------------------------------------------------------------------------


def history_section(nb: Notebook, today: date) -> None:
    current = open_review(nb, today)
    earlier = [r for r in reviews_newest_first(nb) if r is not current]
    st.subheader("Earlier reviews", anchor=False)
    if not earlier:
        st.caption("Your reviews will collect here, so you can see how your goals and your thinking moved.")
        return
    statements = {g.id: g.statement for g in nb.goals}
    limit = 6
    if len(earlier) > limit and st.toggle(f"Show all {len(earlier)}", key=session.key("history.all")):
        limit = len(earlier)
    for r in earlier[:limit]:
        # Each is drawn only while open: a few years of reviews are long to draw on every click.
        with st.expander(wording.day(r.on, today) + (f" · {wording.plural(len(r.decisions), 'decision')}"
                                                       if r.decisions else ""),
                         key=f"review.history.{r.id}", on_change="rerun") as shown:
            if not shown.open:
                continue
            for label, text in (("Went well", r.went_well), ("Did not go well", r.did_not),
                                ("Learned", r.learned), ("Change", r.change)):
                if text.strip():
                    st.markdown(f"**{label}**")
                    st.text(text)
            for dec in r.decisions:
                st.markdown(f"- **{dec.decision.label}** · {md(short(statements.get(dec.goal_id, '(removed goal)'), 90))}"
                            + (f" · {md(dec.diagnosis)}" if dec.diagnosis else ""))


# --- accountability ----------------------------------------------------------------------------


def _add(form: EntryForm, names: tuple[str, ...], target: str, saved: str) -> None:
    """Build the entry from what was typed; a bad field is explained beside it and nothing is lost."""
    form.submit(lambda: new_entry(target, {n: form.value(n) for n in names}),
                lambda n, item: edit.add(n, target, item), saved=saved)


def _remove(target: str, item_id: str) -> None:
    session.commit(lambda n: remove(getattr(n, target), item_id), field=f"{target}.remove")


def partners_tab(nb: Notebook) -> None:
    st.caption("Tell a few people what you are aiming for. Knowing someone will ask is often what gets a step done.")
    on_page, cards = paged(nb.partners, session.key("partners.page"), "partner", size=10)
    for p in on_page:
        pid = p.id
        with cards.container(border=True):
            c1, c2, c3 = st.columns([2, 2, 0.6], vertical_alignment="bottom")
            with c1:
                fields.text("Name", lambda n, pid=pid: find(n.partners, pid), "name", name=f"partner.{pid}.name")
            with c2:
                fields.text("Role", lambda n, pid=pid: find(n.partners, pid), "role", name=f"partner.{pid}.role")
            c3.button("Remove", key=session.key(f"partner.{pid}.remove"), icon=":material/delete:",
                      on_click=_remove, args=("partners", pid))
            fields.text("What they see", lambda n, pid=pid: find(n.partners, pid), "sees", name=f"partner.{pid}.sees",
                        placeholder="e.g. all goals and reviews, not my private notes")
    form = EntryForm("partner-new")
    with st.form(form.key("form"), border=True):
        st.markdown("**Add a partner**")
        c1, c2 = st.columns(2)
        with c1:
            st.text_input("Name", **form.field("name"), max_chars=200)
            form.show_error("name")
        with c2:
            st.text_input("Role", **form.field("role"), max_chars=200, placeholder="mentor, peer, coach, friend…")
            form.show_error("role")
        st.text_input("What they see", **form.field("sees"), max_chars=5000)
        form.show_error("sees")
        st.form_submit_button("Add partner", icon=":material/person_add:", on_click=_add,
                              args=(form, ("name", "role", "sees"), "partners", "Partner added."))
        form.show_error("_")
        form.draft_note()


def feedback_tab(nb: Notebook, today: date) -> None:
    st.caption("What people told you about your progress, in their words, with the date.")
    form = EntryForm("feedback-new")
    with st.form(form.key("form"), border=True):
        st.markdown("**Add feedback**")
        c1, c2 = st.columns([2, 1])
        with c1:
            st.text_input("From whom", **form.field("from_whom"), max_chars=200)
            form.show_error("from_whom")
        with c2:
            st.date_input("When", value=today, max_value=today, key=form.key("on"), format=wording.DATE_INPUT)
            form.show_error("on")
        st.text_area("What they said", **form.field("what"), max_chars=5000, height=90)
        form.show_error("what")
        st.form_submit_button("Add feedback", icon=":material/add_comment:", on_click=_add,
                              args=(form, ("from_whom", "on", "what"), "feedback", "Feedback added."))
        form.show_error("_")
        form.draft_note()
    entries = sorted(nb.feedback, key=lambda f: f.on, reverse=True)
    if session.hidden(Feedback, "what") and entries:
        st.caption(f"{len(entries)} entries, hidden while presenting.")
        return
    _entry_list(entries, "feedback", lambda f: f"{wording.day(f.on, today)} · {f.from_whom}", lambda f: f.what)


def coach_tab(nb: Notebook, today: date) -> None:
    st.caption("Notes from coaching sessions, and the next steps you agreed.")
    form = EntryForm("coach-new")
    with st.form(form.key("form"), border=True):
        st.markdown("**Add session notes**")
        st.date_input("Session date", value=today, key=form.key("on"), format=wording.DATE_INPUT)
        form.show_error("on")
        c1, c2 = st.columns(2)
        with c1:
            st.text_area("Notes", **form.field("notes"), max_chars=5000, height=110)
            form.show_error("notes")
        with c2:
            st.text_area("Agreed next steps", **form.field("next_steps"), max_chars=5000, height=110)
            form.show_error("next_steps")
        st.form_submit_button("Add session", icon=":material/note_add:", on_click=_add,
                              args=(form, ("on", "notes", "next_steps"), "coach_notes", "Session notes added."))
        form.show_error("_")
        form.draft_note()
    entries = sorted(nb.coach_notes, key=lambda c: c.on, reverse=True)
    _entry_list(entries, "coach_notes", lambda c: f"Session {wording.day(c.on, today)}",
                lambda c: c.notes + (f"\n\nNext steps: {c.next_steps}" if c.next_steps else ""))


def _entry_list(entries, target: str, title, body) -> None:
    if not entries:
        return
    show_all = len(entries) > 8 and st.toggle(f"Show all {len(entries)}", key=session.key(f"{target}.all"))
    for e in entries if show_all else entries[:8]:
        with st.container(border=True):
            c1, c2 = st.columns([0.85, 0.15], vertical_alignment="top")
            c1.markdown(f"**{md(title(e))}**")
            c2.button("Remove", key=session.key(f"{target}.{e.id}.remove"), icon=":material/delete:",
                      on_click=_remove, args=(target, e.id), type="tertiary")
            if text := body(e).strip():
                st.text(text)


def accountability_section(nb: Notebook, today: date) -> None:
    st.subheader("Accountability", anchor=False)
    open_tab_only("review.accountability", {"Partners": lambda: partners_tab(nb),
                                            "Feedback": lambda: feedback_tab(nb, today),
                                            "Coach sessions": lambda: coach_tab(nb, today)})
    for kind in ("partners", "feedback", "coach_notes"):
        fields.show_error(f"{kind}.remove")
    for kind in ("partner", "feedback", "coach"):
        fields.show_error(f"{kind}.add")


# --- exports -----------------------------------------------------------------------------------


def export_section(nb: Notebook, today: date) -> None:
    st.subheader("Take it with you", anchor=False)
    st.caption("A one-page development plan to print or share (vision, goals with SMART score and status, "
               "initiatives, next actions, what you stop doing), and every check-in as a spreadsheet.")
    snapshot, scores, redact = nb, derived.scores(nb, today), session.presenting()
    progress = derived.progress(nb, today)
    c1, c2, c3 = st.columns(3)
    c1.download_button("Development plan (PDF)", icon=":material/picture_as_pdf:", type="primary",
                       data=lambda: plan_pdf.build(snapshot, today, scores=scores, progress=progress),
                       file_name=file_name(nb, "pdf", "development-plan"),
                       mime="application/pdf", on_click="ignore", key=session.key("export.pdf"))
    c2.download_button("Development plan (Markdown)", icon=":material/description:",
                       data=lambda: plan_markdown.build(snapshot, today, scores=scores, progress=progress),
                       file_name=file_name(nb, "md", "development-plan"),
                       mime="text/markdown", on_click="ignore", key=session.key("export.md"))
    c3.download_button("Check-ins (CSV)", icon=":material/table:",
                       data=lambda: checkins_csv.build(snapshot, redact=redact),
                       file_name=file_name(nb, "csv", "checkins"),
                       mime="text/csv", on_click="ignore", key=session.key("export.csv"),
                       disabled=not nb.checkins)
    if not session.presenting():
        with st.expander("Preview the plan"):
            st.code(derived.per_revision(_markdown, nb, today), language="markdown", wrap_lines=True)


def _markdown(nb: Notebook, today: date) -> str:
    return plan_markdown.build(nb, today, scores=derived.scores(nb, today), progress=derived.progress(nb, today))


# --- the page ----------------------------------------------------------------------------------

st.title("Review", anchor=False)
nb = frame.require_notebook("Open a notebook first: create one or open the sample on Home.")
today = date.today()
cycle_section(nb, today)
current_section(nb, today)
st.divider()
decisions_section(nb, today)
st.divider()
history_section(nb, today)
st.divider()
accountability_section(nb, today)
st.divider()
export_section(nb, today)
