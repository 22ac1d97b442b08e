"""The Coach session page's chart: how far each goal has come since the last session.

Each goal is a line from where it stood at the last session (open circle) to where it is now
(diamond), on the whole way from its starting point (0%) to its target (100%), so a step looks as
big as it is. The numbers come from career_core.coaching; this only draws.
"""

from __future__ import annotations

from collections.abc import Sequence

from career_core.coaching import GoalMovement
from waypoint_ui.charts import PALETTE, Figure, layout, trace
from waypoint_ui.text import chart_text


def movement_figure(movements: Sequence[GoalMovement], *, large: bool = False) -> Figure:
    charted = [m for m in movements if m.percent_now is not None]
    labels = [chart_text(m.statement, 48) for m in charted]
    before = [m.percent_before for m in charted]
    now = [m.percent_now for m in charted]
    traces = [trace("scatter", x=[a, b], y=[label, label], mode="lines", line=dict(color="#999999", width=3),
                         showlegend=False, hoverinfo="skip") for label, a, b in zip(labels, before, now, strict=True)]
    traces.append(trace("scatter", x=before, y=labels, mode="markers", name="At the last session",
                             marker=dict(symbol="circle-open", size=13, color=PALETTE[1], line=dict(width=3)),
                             hovertemplate="%{y}<br>then: %{x} of the way<extra></extra>"))
    traces.append(trace("scatter", x=now, y=labels, mode="markers", name="Now",
                             marker=dict(symbol="diamond", size=14, color=PALETTE[0]),
                             hovertemplate="%{y}<br>now: %{x} of the way<extra></extra>"))
    low, high = min(0, *before, *now), max(100, *before, *now)
    return Figure(traces, layout(
        height=110 + 48 * len(charted), large=large, yaxis=dict(autorange="reversed"),
        xaxis=dict(title=dict(text="% of the way from the starting point to the target"), ticksuffix="%",
                   range=[low - 4, high + 4], dtick=25),
    ))
