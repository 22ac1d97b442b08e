"""The SMART report drawn for people: levels in words and icons, the words that counted, advice.

Highlighting never renders HTML: the goal text is split by `highlight_segments`, every piece is
escaped with `text.md`, and evidence pieces sit inside Streamlit's `:color-background[...]`
directives (escaped brackets inside a directive are shown as typed).
"""

from __future__ import annotations

import streamlit as st

from career_core.goal_reports import CRITERIA
from career_core.smart import SmartReport, badge, highlight_segments
from waypoint_ui.text import md

LEVEL_VIEW = {
    "met": (":material/check_circle:", "green", "Met"),
    "partial": (":material/contrast:", "orange", "Partly"),
    "missing": (":material/cancel:", "red", "Missing"),
    "unknown": (":material/help:", "gray", "Needs your input"),
}

# The badge's three states, as an icon and a colour beside the words (never the colour alone).
BADGE_VIEW = {"smart": (":material/verified:", "green"), "sharp": (":material/pending:", "blue"),
              "not yet": (":material/edit_note:", "orange")}

# Evidence kind -> (background colour, what the colour means). Kinds not listed are not highlighted.
KIND_VIEW = {
    "named": ("green", "specific"),
    "object": ("green", "specific"),
    "quantity": ("blue", "measurable"),
    "bound": ("blue", "measurable"),
    "frequency": ("blue", "measurable"),
    "completion": ("blue", "measurable"),
    "metric": ("blue", "measurable"),
    "deadline": ("violet", "time-bound"),
    "duration": ("violet", "time-bound"),
    "start": ("violet", "time-bound"),
    "link": ("gray", "relevant"),
    "confidence": ("gray", "achievable"),
    "vague": ("orange", "needs a look"),
    "negative": ("orange", "needs a look"),
    "hedge": ("orange", "needs a look"),
    "absolute": ("orange", "needs a look"),
    "instant": ("orange", "needs a look"),
    "depends": ("orange", "needs a look"),
    "should": ("orange", "needs a look"),
}


def badge_words(label: str) -> str:
    """A badge in a line of Markdown: ':green[:material/verified: SMART]'."""
    key = "smart" if label == "SMART" else "sharp" if label == "Sharp wording" else "not yet"
    icon, colour = BADGE_VIEW[key]
    return f":{colour}[{icon} {md(label)}]"


def highlighted(text: str, report: SmartReport) -> str:
    """The goal as safe Markdown with the words that counted on a coloured background."""
    parts = []
    for segment, kind in highlight_segments(text, report):
        view = KIND_VIEW.get(kind or "")
        escaped = md(segment)
        if view and segment.strip():
            parts.append(f":{view[0]}-background[{escaped}]")
        else:
            parts.append(escaped)
    return "".join(parts)


def legend(report: SmartReport) -> str:
    """Only the colours that appear, each with its meaning in words."""
    kinds = {e.kind for c in report.criteria.values() for e in c.evidence}
    seen = dict.fromkeys(KIND_VIEW[k] for k in KIND_VIEW if k in kinds)
    return " ".join(f":{colour}-background[{meaning}]" for colour, meaning in seen)


# Evidence of these kinds holds a criterion back rather than counting for it.
AGAINST = frozenset({"vague", "negative", "hedge", "absolute", "instant", "depends", "should"})


def evidence_words(text: str, report: SmartReport, key: str, *, against: bool = False) -> list[str]:
    """The words found for one criterion: those that count, or (`against`) those holding it back."""
    spans = sorted({(e.start, e.end) for e in report.criteria[key].evidence
                    if 0 <= e.start < e.end <= len(text) and (e.kind in AGAINST) is against})
    merged: list[list[int]] = []
    for start, end in spans:  # overlapping finds read as one phrase
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return list(dict.fromkeys(text[s:e].strip() for s, e in merged))


def smart_report(text: str, report: SmartReport) -> None:
    """The whole report: score, the five criteria, the highlighted goal, advice and flags."""
    score_col, verdict_col = st.columns([3, 1], vertical_alignment="center")
    score_col.progress(report.overall / 100, text=f"SMART score **{report.overall}**/100")
    verdict = badge(report)  # one rule for every badge: "SMART" only when all five criteria are met
    with verdict_col:
        look = BADGE_VIEW["smart" if verdict.smart else "sharp" if verdict.needs else "not yet"]
        st.badge(verdict.label, icon=look[0], color=look[1])
    if not verdict.smart:
        st.caption(f"{BADGE_VIEW['sharp' if verdict.needs else 'not yet'][0]} {md(verdict.verdict)}")
    cols = st.columns(len(CRITERIA))
    for col, (key, name) in zip(cols, CRITERIA.items(), strict=True):
        criterion = report.criteria[key]
        icon, colour, label = LEVEL_VIEW[criterion.level]
        with col:
            st.markdown(f"**{key}** · {name}  \n:{colour}[{icon} {label}]")
            if words := evidence_words(text, report, key):
                st.caption("counts: " + ", ".join(f"“{md(w)}”" for w in words[:4]))
            if words := evidence_words(text, report, key, against=True):
                st.caption("holds it back: " + ", ".join(f"“{md(w)}”" for w in words[:4]))
            for reason in criterion.reasons[:2]:
                st.caption(md(reason))
    with st.container(border=True):
        st.markdown(highlighted(text, report))
        if key_line := legend(report):
            st.caption("Highlighted: " + key_line)
    advice = [(key, report.criteria[key].advice) for key in CRITERIA if report.criteria[key].advice]
    if advice:
        st.markdown("**How to make it sharper**")
        st.markdown("\n".join(f"- **{CRITERIA[key]}**: {md(text_)}" for key, text_ in advice))
    for flag in report.flags:
        st.warning(md(flag.message), icon=":material/flag:")
