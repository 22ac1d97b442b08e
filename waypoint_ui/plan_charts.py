"""The Plan page's charts: the road to the vision, and the hours of each week against the limit.

They draw what `career_core.plan` computed and decide nothing. Status is said by marker
symbols and words in the legend and labels, not by colour alone. Plotly reads a few HTML tags in
chart text, so people's own words are escaped before they go into a label or a tooltip.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from career_core import wording
from career_core.plan.load import WeekLoad, WeeklyLoad
from career_core.plan.timeline import Timeline
from waypoint_ui.charts import PALETTE, Figure, layout, trace
from waypoint_ui.text import chart_text

BLUE, ORANGE, GREEN, PINK, SKY, VERMILION, YELLOW, BLACK = PALETTE
GREY = "#8A8F8C"


# --- the timeline -----------------------------------------------------------------------------

_ROW_PREFIX = {
    "reviews": "△ ",
    "initiative": "▶ ",
    "goal": "◆ ",
    "stepping_stone": "◇ ",
    "unlinked": "○ ",
    "action": "• ",
    "recurring": "↻ ",
}

_BARS = {  # kind -> (legend, colour, opacity)
    "initiative": ("Initiative", ORANGE, 0.55),
    "goal": ("Goal (start to deadline)", BLUE, 0.35),
    "stepping_stone": ("Stepping stone", SKY, 0.45),
    "recurring": ("Repeating action", GREEN, 0.25),
}

_MARKS = {  # kind -> (legend, symbol, colour, size)
    "deadline": ("Deadline", "diamond", BLUE, 13),
    "milestone": ("Milestone reached", "star", YELLOW, 15),
    "review": ("Review", "triangle-up", PINK, 12),
    "todo": ("To do", "circle-open", BLACK, 9),
    "done": ("Done", "circle", GREEN, 9),
    "overdue": ("Overdue", "x", VERMILION, 11),
    "missed": ("Missed", "x-thin-open", GREY, 9),
    "dropped": ("Dropped", "line-ew-open", GREY, 9),
}


def _ms(days: int) -> int:
    return days * 86_400_000


def _at(day: date) -> str:
    return day.isoformat()


def timeline_figure(tl: Timeline, *, large: bool = False) -> Figure:
    rows = list(tl.rows)
    index = {row.key: i for i, row in enumerate(rows)}
    traces: list[dict[str, Any]] = []
    for kind, (name, colour, opacity) in _BARS.items():
        bars = [(i, r) for i, r in enumerate(rows) if r.kind == kind and r.start and r.end]
        if not bars:
            continue
        traces.append(trace("bar",
            name=name,
            orientation="h",
            y=[i for i, _ in bars],
            base=[_at(r.start) for _, r in bars],
            x=[_ms((r.end - r.start).days + 1) for _, r in bars],
            marker=dict(color=colour, opacity=opacity, line=dict(color=colour, width=1)),
            customdata=[chart_text(r.detail) for _, r in bars],
            hovertemplate="%{customdata}<extra></extra>",
            width=0.55,
        ))
    for kind, (name, symbol, colour, size) in _MARKS.items():
        marks = [m for m in tl.marks if m.kind == kind and m.row in index]
        if not marks:
            continue
        traces.append(trace("scatter",
            name=name,
            mode="markers",
            x=[_at(m.on) for m in marks],
            y=[index[m.row] for m in marks],
            marker=dict(symbol=symbol, color=colour, size=size * (1.3 if large else 1), line=dict(width=1.5, color=colour)),
            customdata=[chart_text(m.label) for m in marks],
            hovertemplate="%{customdata}<extra></extra>",
        ))
    lines = [_line(tl.today, "Today", BLACK, "dash")]
    if tl.vision and tl.start <= tl.vision <= tl.end:
        lines.append(_line(tl.vision, chart_text(tl.vision_label, 40), VERMILION, "dot"))
    ticks = [chart_text(_ROW_PREFIX.get(r.kind, "") + r.label, 48) for r in rows]
    return Figure(traces, layout(
        height=max(260, 30 * len(rows) + 160), large=large,
        barmode="overlay",
        showlegend=True,
        yaxis=dict(tickmode="array", tickvals=list(range(len(rows))), ticktext=ticks, autorange="reversed",
                   automargin=True),
        xaxis=dict(type="date", range=[_at(tl.start), _at(tl.end + timedelta(days=1))], side="top"),
        hovermode="closest",
        shapes=[shape for shape, _ in lines],
        annotations=[note for _, note in lines],
        # dates along the top stay in view on a tall chart; the legend moves below it
        legend=dict(orientation="h", yanchor="top", y=-0.02, xanchor="left", x=0),
        margin=dict(t=70, b=10),
    ))


def _line(day: date, label: str, colour: str, dash: str) -> tuple[dict, dict]:
    """A dated line down the whole chart, and its label on top."""
    return (dict(type="line", x0=_at(day), x1=_at(day), y0=0, y1=1, yref="paper", line=dict(color=colour, dash=dash, width=1.5)),
            dict(x=_at(day), y=1, yref="paper", yanchor="bottom", text=label, showarrow=False, font=dict(color=colour),
                 bgcolor="rgba(255,255,255,0.8)"))


# --- the weekly load --------------------------------------------------------------------------


def week_tick(week: WeekLoad, today: date) -> str:
    """The week's Monday ('7 Dec'), marked ⚠ when the week is over the limit."""
    return f"{'⚠ ' if week.over else ''}{wording.day(week.monday, today)}"


def load_figure(load: WeeklyLoad, today: date, *, large: bool = False) -> Figure:
    weeks = list(load.weeks)
    x = [week_tick(w, today) for w in weeks]
    hover = [
        (f"{wording.capital(w.describe(today))}<br>Plan: {wording.hours(w.plan)} · usual work: {wording.hours(w.usual)} · "
         f"freed: {wording.hours(w.freed)}<br>Total: {wording.hours(w.total)} of {wording.hours(w.limit)} — {w.status}")
        for w in weeks
    ]
    traces: list[dict[str, Any]] = []
    if load.usual > 0:
        traces.append(trace("bar",
            name="Usual work, less what you stopped",
            x=x, y=[max(0.0, w.usual - w.freed) for w in weeks],
            marker=dict(color=GREY, opacity=0.45), customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        ))
        plan = [w.total - max(0.0, w.usual - w.freed) for w in weeks]
    else:
        plan = [w.plan for w in weeks]
        if any(w.freed for w in weeks):
            traces.append(trace("bar",
                name="Freed by your stop-doing list",
                x=x, y=[-w.freed for w in weeks],
                marker=dict(color=GREEN, opacity=0.5, pattern=dict(shape=".")),
                customdata=hover, hovertemplate="%{customdata}<extra></extra>",
            ))
    traces.append(trace("bar",
        name="Plan actions (hatched: over the limit)",
        x=x, y=plan,
        marker=dict(color=[VERMILION if w.over else BLUE for w in weeks],
                    pattern=dict(shape=["/" if w.over else "" for w in weeks], fgcolor="white")),
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
    ))
    traces.append(trace("scatter",
        name="Week total (✕ over the limit)",
        x=x, y=[w.total for w in weeks],
        mode="markers",
        marker=dict(symbol=["x" if w.over else "line-ew-open" for w in weeks], size=14, color=BLACK,
                    line=dict(width=2, color=BLACK)),
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
    ))
    tops = [max(p + max(0.0, w.usual - w.freed), w.total) for p, w in zip(plan, weeks, strict=True)]
    # The labels ride on invisible markers as big as the ✕ above, so Plotly sets them clear of it.
    traces.append(trace("scatter",
        x=x, y=tops, mode="markers+text", showlegend=False, hoverinfo="skip", marker=dict(size=16, opacity=0),
        text=[f"⚠ +{wording.hours(w.over_by)}" if w.over else wording.hours(top) for top, w in zip(tops, weeks, strict=True)],
        textposition="top center",
        textfont=dict(size=15 if large else 12, color=[VERMILION if w.over else BLACK for w in weeks]),
    ))
    limit = dict(type="line", x0=0, x1=1, xref="x domain", y0=load.limit, y1=load.limit, yref="y", layer="below",
                 line=dict(color=BLACK, dash="dash", width=1.5))
    limit_label = dict(x=0, xref="x domain", xanchor="left", y=load.limit, yref="y", yanchor="bottom", showarrow=False,
                       text=f"Your limit: {wording.hours(load.limit)}")
    top = max([load.limit, *tops]) * 1.15
    bottom = min([0.0, *(-w.freed for w in weeks)]) * 1.15 if load.usual == 0 else 0
    return Figure(traces, layout(
        height=380, large=large, barmode="relative", hovermode="closest", shapes=[limit], annotations=[limit_label],
        yaxis=dict(title=dict(text="Hours in the week"), range=[bottom, top]), xaxis=dict(type="category"),
    ))
