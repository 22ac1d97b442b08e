"""Keeping a goal's wording and fields in step on the page: the offer to fill the fields from the
wording (career_core.goal_fields, shown before it is applied, one click), and the person's fields
of a goal still being drafted (how confident, why it matters), so it can reach SMART in the Draft.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import streamlit as st

from career_core.catalog import LibraryGoal
from career_core.goal_fields import Offer, apply_offers, filled, offers
from career_core.models import Metric, Notebook
from career_core.smart import SmartReport, context_for, score_goal
from waypoint_ui import fields, session
from waypoint_ui.text import md

# The widgets of a saved goal's fields that an applied offer redraws from the notebook.
FIELD_WIDGETS = ("deadline", "metric.baseline", "metric.target", "metric.direction", "metric.unit")


def offer(offers: Sequence[Offer], today: date, *, key: str, on_click: Callable[..., None], args: tuple = (),
          error: str | None = None) -> None:
    """What the wording would put in the fields, then one button that puts it there."""
    if not offers:
        return
    disagree = any(o.disagrees for o in offers)
    with st.container(border=True):
        head = ("**The wording and the fields disagree.**" if disagree else "**Your wording names:**")
        st.markdown(f":material/sync_problem: {head} " + "; ".join(md(o.describe(today)) for o in offers) + ".")
        st.button("Use the wording's values in the fields", key=key, icon=":material/input:", on_click=on_click,
                  args=args, help="Each field shows its new value above; nothing else changes.")
        if error:
            fields.show_error(error)


def measure_words(metric: Metric) -> str:
    """'62 → 75 points (Increase to the target)': the measure a draft will be saved with."""
    if metric.target is None and metric.baseline is None:
        return ""
    start = "now" if metric.baseline is None else f"{metric.baseline:g}"
    target = "?" if metric.target is None else f"{metric.target:g}"
    unit = f" {metric.unit}" if metric.unit else ""
    return f"{start} → {target}{unit} ({metric.direction.label})"


def person_fields(key: Callable[[str], str], needs: Sequence[str], **keep: Any) -> None:
    """Confidence, why and the link to the vision, for a goal not saved yet; the badge's `needs` come first."""
    if needs:
        st.caption(":material/pending: To reach SMART, say " + " and ".join(
            {"confidence": "how confident you are", "why": "why it matters"}[n] for n in needs) + ".")
    c_col, w_col = st.columns([1, 2])
    with c_col:
        st.select_slider("Confidence", options=[None, *range(1, 11)], key=key("confidence"),
                                      format_func=lambda v: "not rated" if v is None else f"{v}/10",
                                      help="How sure are you, from 1 to 10, that you can reach it?", **keep)
    with w_col:
        st.text_area("Why I want this", key=key("why"), max_chars=5000, height=90,
                     placeholder="How reaching it would energise you, and what it moves you towards.", **keep)
        st.checkbox("This goal moves me towards my vision", key=key("supports_vision"), **keep)


def person_values(key: Callable[[str], str]) -> dict[str, Any]:
    """What `person_fields` holds now, as the goal's fields."""
    state = st.session_state
    return {"confidence": state.get(key("confidence")), "why": state.get(key("why")) or "",
            "supports_vision": bool(state.get(key("supports_vision")))}


def draft_metric(key: Callable[[str], str], lib: LibraryGoal | None) -> Metric:
    """The measure a new goal will be saved with: filled from its wording, else the library's."""
    return st.session_state.get(key("metric")) or (lib.metric if lib and lib.metric else None) or Metric()


def fill_draft(key: Callable[[str], str], statement: str, report: SmartReport, lib: LibraryGoal | None) -> None:
    """The offer's button on a new goal: its deadline field and the measure it will be saved with."""
    metric, deadline = draft_metric(key, lib), st.session_state.get(key("deadline"))
    st.session_state[key("deadline")], st.session_state[key("metric")] = filled(
        deadline, metric, offers(statement, report, deadline, metric))


def use_wording_values(goal_id: str, text: str, today: date, rerun: str) -> None:
    """The offer's button on a saved goal: the wording's values go into its fields (the wording is saved apart)."""
    def fill(n: Notebook) -> None:
        goal = n.goal(goal_id)
        if goal is None:
            raise ValueError("This goal no longer exists; it may have been removed in another tab.")
        apply_offers(goal, offers(text, score_goal(text, context_for(goal, n), today), goal.deadline, goal.metric))

    if session.commit(fill, field=f"goal.{goal_id}.fill"):
        for name in FIELD_WIDGETS:
            st.session_state.pop(session.key(f"goal.{goal_id}.{name}"), None)
        st.session_state[rerun] = True
