"""Plotly figures for the Progress page. The numbers come from career_core.progress; this only draws.

Every status is named in the legend and the hover text and drawn with its own marker shape, so
nothing depends on telling colours apart. Skipped weeks leave the line open: a pause, not a drop.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from career_core import wording
from career_core.checkin_calendar import CheckinCalendar
from career_core.progress import GoalProgress, ProgressStatus, expected_value
from career_core.progress_views import series_with_gaps
from waypoint_ui.charts import PALETTE, STATUS_STYLE, Figure, layout, trace, vline
from waypoint_ui.text import chart_text

BLUE, ORANGE, GREEN, GREY = PALETTE[0], PALETTE[1], PALETTE[2], "#6B7780"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def goal_figure(gp: GoalProgress, today: date, *, large: bool = False) -> Figure:
    """The goal's logged values against its target, the straight-line plan and the recent pace."""
    traces: list[dict[str, Any]] = []
    unit = gp.unit
    # The unit is the person's own text: it reaches the hover text as data (the trace's meta), escaped,
    # never as part of a template. Each point's day is a string of its own, not a list with the unit:
    # five years of check-ins would make a list per point on every rebuild.
    hover_unit = chart_text(f" {unit}" if unit and unit != "%" else unit)
    first = min([gp.start, *(p.on for p in gp.points)])
    last = max([today, gp.deadline or today, *(p.on for p in gp.points)])

    if gp.target is not None:
        name = {"at_most": "Limit", "at_least": "Floor"}.get(gp.direction.value, "Target")
        traces.append(trace("scatter",
            x=[first, last], y=[gp.target, gp.target], mode="lines", name=chart_text(f"{name}: {wording.number(gp.target, unit)}"),
            line=dict(color=GREEN, width=2, dash="dash"), hoverinfo="skip",
        ))
    if gp.deadline is not None and gp.target is not None and gp.baseline is not None:
        a, b = expected_value(gp, gp.start), expected_value(gp, gp.deadline)
        if a is not None and b is not None and a != b:
            traces.append(trace("scatter",
                x=[gp.start, gp.deadline], y=[a, b], mode="lines", name="Plan: a straight line to the deadline",
                line=dict(color=GREY, width=1.5, dash="dot"),
                customdata=[wording.day(gp.start, today), wording.day(gp.deadline, today)], meta=[hover_unit],
                hovertemplate="Plan on %{customdata}: %{y:.3~f}%{meta[0]}<extra></extra>",
            ))
    if gp.points:
        xs, ys = series_with_gaps(gp.points)
        traces.append(trace("scatter",
            x=xs, y=ys, mode="lines+markers", name="Logged", connectgaps=False,
            line=dict(color=BLUE, width=2.5), marker=dict(size=7, symbol="circle", color=BLUE),
            customdata=[wording.day(x, today, weekday=True) for x in xs], meta=[hover_unit],
            hovertemplate="%{customdata}: %{y:.3~f}%{meta[0]}<extra></extra>",
        ))
    if gp.forecast is not None and gp.points and gp.target is not None and gp.forecast > gp.points[-1].on:
        latest = gp.points[-1]
        traces.append(trace("scatter",
            x=[latest.on, gp.forecast], y=[latest.value, gp.target], mode="lines+markers",
            name=f"Recent pace: there around {wording.day(gp.forecast, today)}",
            line=dict(color=ORANGE, width=1.5, dash="dashdot"), marker=dict(size=[0, 9], symbol="diamond"),
            customdata=[wording.day(latest.on, today), wording.day(gp.forecast, today)], meta=[hover_unit],
            hovertemplate="At the recent pace: %{y:.3~f}%{meta[0]} around %{customdata}<extra></extra>",
        ))
    marks = [(today, "today", {}), *([(gp.deadline, "deadline", {"dash": "dot"})] if gp.deadline is not None else [])]
    return Figure(traces, layout(
        height=380, large=large, showlegend=True, hovermode="closest",
        shapes=[vline(on.isoformat(), {"color": GREY, "width": 1, **dash}, opacity=0.6) for on, _, dash in marks],
        annotations=[dict(x=on.isoformat(), y=1, yref="paper", text=text, showarrow=False, yanchor="bottom",
                          font=dict(color=GREY, size=11)) for on, text, _ in marks],
        yaxis=dict(title=dict(text=chart_text(unit) or None), rangemode="tozero" if _near_zero(gp) else "normal"),
        xaxis=dict(range=[first - timedelta(days=3), last + timedelta(days=7)]),
    ))


def _near_zero(gp: GoalProgress) -> bool:
    values = [p.value for p in gp.points] + [v for v in (gp.target, gp.baseline) if v is not None]
    return bool(values) and min(values) >= 0 and min(values) < 0.3 * max(values or [1])


def board_figure(groups: Mapping[ProgressStatus, Sequence[GoalProgress]], today: date, *, large: bool = False) -> Figure:
    """Every goal as a bar of its progress, grouped by status, with a tick where the plan expects it."""
    traces: list[dict[str, Any]] = []
    labels: list[str] = []
    for status, items in groups.items():
        if not items:
            continue
        colour, symbol = STATUS_STYLE[status.value]
        ys = [f"{status.symbol} {chart_text(gp.statement, 48)} ·{i}" for i, gp in enumerate(items)]
        labels.extend(ys)
        traces.append(trace("bar",
            y=ys, x=[gp.percent or 0 for gp in items], orientation="h",
            name=f"{status.symbol} {status.label} ({len(items)})",
            marker=dict(color=colour, line=dict(color=colour, width=1)),
            customdata=[[chart_text(gp.statement), status.label, _expected_text(gp),
                         wording.day(gp.deadline, today) if gp.deadline else "no deadline"] for gp in items],
            hovertemplate="<b>%{customdata[1]}</b>: %{x} of the way<br>%{customdata[2]}<br>Deadline: %{customdata[3]}"
                          "<br>%{customdata[0]}<extra></extra>",
            text=[f"{gp.percent or 0}%" for gp in items], textposition="outside", cliponaxis=False,
        ))
        expected = [(y, gp.expected_percent) for y, gp in zip(ys, items, strict=True)
                    if gp.expected_percent is not None and status is not ProgressStatus.ACHIEVED]
        if expected:
            traces.append(trace("scatter",
                y=[y for y, _ in expected], x=[e for _, e in expected], mode="markers",
                name="Where the plan expects it today", legendgroup="expected", showlegend=False,
                marker=dict(symbol="line-ns", size=16, line=dict(width=3, color="#222222")),
                hovertemplate="The plan expects %{x} by today<extra></extra>",
            ))
    if any(t.get("legendgroup") == "expected" for t in traces):
        next(t for t in traces if t.get("legendgroup") == "expected")["showlegend"] = True
    return Figure(traces, layout(
        height=max(220, 120 + 30 * len(labels)), large=large, barmode="overlay", bargap=0.35,
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(labels)), autorange=True,
                   tickmode="array", tickvals=labels, ticktext=[label.rsplit(" ·", 1)[0] for label in labels]),
        xaxis=dict(range=[0, 112], ticksuffix="%", title=dict(text="Progress towards the target")),
    ))


def _expected_text(gp: GoalProgress) -> str:
    if gp.expected_percent is None:
        return "No deadline, so no plan line"
    return f"The plan expects {gp.expected_percent}% by today"


def calendar_figure(cal: CheckinCalendar, today: date, *, large: bool = False) -> Figure:
    """A year of check-ins, one square a day: darker means more check-ins, blank means none."""
    z = [[math.nan if v is None else v for v in row] for row in cal.counts]
    text = [[wording.day(cal.day(wd, w), today, weekday=True) for w in range(len(cal.weeks))] for wd in range(7)]
    top = max([v for row in cal.counts for v in row if v] or [1])
    heatmap = trace("heatmap",
        z=z, x=list(cal.weeks), y=list(WEEKDAYS), customdata=text, xgap=3, ygap=3,
        zmin=0, zmax=max(top, 2),
        colorscale=[[0.0, "#EEF1F3"], [0.001, "#C6DBEF"], [0.5, "#56B4E9"], [1.0, BLUE]],
        hovertemplate="%{customdata}: %{z} check-in(s)<extra></extra>",
        colorbar=dict(title=dict(text="check-ins"), thickness=10, len=0.9, dtick=1),
        hoverongaps=False,
    )
    return Figure([heatmap], layout(height=230, large=large, yaxis=dict(autorange="reversed"),
                                     xaxis=dict(tickformat="%b", dtick="M1", ticklabelmode="period")))
