"""Charts of the Reflect page, built from the core's results (no rules here, only drawing)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from career_core.models import Notebook
from career_core.reflection import TOP_FEW, Priority, SkillGap, priorities, skill_gaps
from waypoint_ui.charts import PALETTE, Figure, layout, trace
from waypoint_ui.jitter import spread
from waypoint_ui.text import chart_text, short

RATING_TICKS = dict(tickmode="array", tickvals=[1, 2, 3, 4, 5], ticktext=["1", "2", "3", "4", "5"])


def skill_gap_figure(gaps: Sequence[SkillGap], *, large: bool = False) -> Figure:
    """Each skill as a line from where I am (circle) to where I want to be (diamond)."""
    names = [chart_text(short(g.name, 40)) for g in gaps]
    line_x: list[float | None] = []
    line_y: list[str | None] = []
    for g, name in zip(gaps, names, strict=True):
        line_x += [g.now, g.wanted, None]
        line_y += [name, name, None]
    traces = [trace("scatter", x=line_x, y=line_y, mode="lines", line=dict(color="#9AA5A0", width=3),
                         hoverinfo="skip", showlegend=False)]
    traces.append(trace("scatter",
        x=[g.now for g in gaps], y=names, mode="markers", name="Now",
        marker=dict(symbol="circle", size=13, color=PALETTE[0]),
        customdata=[[chart_text(g.name), g.describe] for g in gaps],
        hovertemplate="%{customdata[0]}<br>Now: %{x}<br>%{customdata[1]}<extra></extra>",
    ))
    traces.append(trace("scatter",
        x=[g.wanted for g in gaps], y=names, mode="markers+text", name="Wanted",
        marker=dict(symbol="diamond", size=14, color=PALETTE[1]),
        text=[f"+{g.gap}" if g.gap > 0 else ("✓" if g.gap == 0 else f"{g.gap}") for g in gaps],
        textposition=["middle left" if g.gap < 0 else "middle right" for g in gaps],
        customdata=[[chart_text(g.name), g.describe] for g in gaps],
        hovertemplate="%{customdata[0]}<br>Wanted: %{x}<br>%{customdata[1]}<extra></extra>",
    ))
    return Figure(traces, layout(height=90 + 34 * max(len(gaps), 1), large=large,
                                    xaxis=dict(range=[0.6, 5.6], title=dict(text="1 = beginner · 5 = expert"), **RATING_TICKS),
                                    yaxis=dict(autorange="reversed", showgrid=False)))


def priority_figure(rows: Sequence[Priority], top: int, *, large: bool = False) -> Figure:
    """Development items on value × motivation, each numbered by its rank (the table below names them);
    the top few are stars. Numbers sit inside the markers, so no label runs into another."""
    positions = spread([(r.value, r.motivation) for r in rows], radius=0.2)
    groups = (
        (f"Top {top}, kept", lambda r: r.top and r.kept, "star", PALETTE[2], 30, "white"),
        (f"Top {top}, set aside", lambda r: r.top and not r.kept, "star-open", PALETTE[2], 30, PALETTE[2]),
        ("Kept", lambda r: r.kept and not r.top, "circle", PALETTE[0], 22, "white"),
        ("Set aside", lambda r: not r.kept and not r.top, "circle-open", "#7A7A7A", 22, "#4D4D4D"),
    )
    traces = []
    for name, member, symbol, colour, size, ink in groups:
        picked = [(r, p) for r, p in zip(rows, positions, strict=True) if member(r)]
        traces.append(trace("scatter",
            x=[p[0] for _, p in picked], y=[p[1] for _, p in picked],
            mode="markers+text", name=name,
            marker=dict(symbol=symbol, size=size, color=colour, line=dict(width=1.5, color=colour)),
            text=[str(r.rank) for r, _ in picked], textposition="middle center",
            textfont=dict(color=ink, size=11),
            customdata=[[chart_text(r.title), r.category, r.score, "kept" if r.kept else "set aside"] for r, _ in picked],
            hovertemplate="%{text}. %{customdata[0]}<br>%{customdata[1]}<br>value × motivation = %{customdata[2]}"
                          " (%{customdata[3]})<extra></extra>",
        ))
    return Figure(traces, layout(
        height=440, large=large,
        shapes=[dict(type="rect", x0=3.5, x1=5.6, y0=3.5, y1=5.6, line=dict(width=0), fillcolor="rgba(0,158,115,0.08)",
                     layer="below")],
        annotations=[dict(x=3.55, y=5.95, text="shaded: most value, most drive", showarrow=False, xanchor="left",
                          yanchor="top", font=dict(size=12, color="#3D6B5B"))],
        xaxis=dict(range=[0.5, 5.6], title=dict(text="Value for my career (1–5)"), **RATING_TICKS),
        yaxis=dict(range=[0.5, 6.0], title=dict(text="My motivation (1–5)"), **RATING_TICKS),
    ))


# The page's charts as `derived.per_revision` builds them: once per notebook revision, not per rerun.


def skills_chart(nb: Notebook, today: date, large: bool) -> Figure:
    return skill_gap_figure(skill_gaps(nb.reflection.skills), large=large)


def development_chart(nb: Notebook, today: date, large: bool) -> Figure:
    return priority_figure(priorities(nb.development_items), TOP_FEW, large=large)
