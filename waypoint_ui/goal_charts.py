"""Charts of the Goals page, built from the core's results: history, goal map, focus."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from career_core import wording
from career_core.goals import HIGH, FocusPoint, HistoryPoint, MapNode, history
from career_core.models import GoalStatus, Notebook
from waypoint_ui import derived
from waypoint_ui.charts import PALETTE, Figure, layout, trace
from waypoint_ui.jitter import spread
from waypoint_ui.text import chart_text, short

# Every status has a word, a marker shape and a colour; the word and shape carry the meaning.
GOAL_STATUS_STYLE = {
    GoalStatus.ACTIVE: (PALETTE[0], "circle"),
    GoalStatus.DRAFT: ("#7A7A7A", "circle-open"),
    GoalStatus.PAUSED: (PALETTE[1], "diamond-open"),
    GoalStatus.ACHIEVED: (PALETTE[2], "star"),
    GoalStatus.DROPPED: ("#7A7A7A", "x-thin-open"),
}
_HIDDEN_AXIS = dict(showgrid=False, zeroline=False, showticklabels=False, ticks="", showline=False)


def history_figure(points: Sequence[HistoryPoint], *, large: bool = False) -> Figure:
    """The SMART score of each wording, first to current."""
    line = trace("scatter",
        x=[p.number for p in points],
        y=[p.score for p in points],
        mode="lines+markers+text",
        text=[("now " if p.current else "") + ("" if p.score is None else str(p.score)) for p in points],
        textposition="top center",
        marker=dict(size=10, color=PALETTE[0], symbol=["star" if p.current else "circle" for p in points]),
        line=dict(color=PALETTE[0], width=2),
        customdata=[[chart_text(short(p.statement, 90)), wording.day(p.at.date()) if p.at else "now"] for p in points],
        hovertemplate="Wording %{x} (%{customdata[1]}): score %{y}<br>%{customdata[0]}<extra></extra>",
        showlegend=False,
    )
    return Figure([line], layout(
        height=230, large=large, margin=dict(t=20),
        xaxis=dict(title=dict(text="Wording"), tickmode="array", tickvals=[p.number for p in points], range=[0.6, len(points) + 0.4]),
        yaxis=dict(title=dict(text="SMART score"), range=[0, 112], tickvals=[0, 25, 50, 75, 100]),
    ))


def goal_map_figure(nodes: Sequence[MapNode], *, large: bool = False) -> Figure:
    """An outline drawn as a tree: each node on its own row, indented by depth, joined to its parent."""
    row = {n.id: i for i, n in enumerate(nodes)}
    depth = {n.id: n.depth for n in nodes}
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for n in nodes:
        if n.parent in row:
            px, py, y = depth[n.parent], -row[n.parent], -row[n.id]
            edge_x += [px, px, n.depth, None]
            edge_y += [py, y, y, None]
    traces = [trace("scatter", x=edge_x, y=edge_y, mode="lines", line=dict(color="#B8C2BD", width=1.5),
                         hoverinfo="skip", showlegend=False)]

    def label(n: MapNode) -> str:
        if n.kind == "vision":
            return f"<b>Vision:</b> {chart_text(short(n.text, 70))}"
        if n.kind == "group":
            return f"<i>{chart_text(n.text)}</i>"
        head = "<b>Long-term:</b> " if n.kind == "long_term" else ""
        score = "" if n.score is None else f" · {n.score}/100"
        return f"{head}{chart_text(short(n.text, 64))} <span style='color:#5A6560'>· {n.status.label.lower()}{score}</span>"

    structural = [n for n in nodes if n.status is None]
    traces.append(trace("scatter",
        x=[n.depth for n in structural], y=[-row[n.id] for n in structural], mode="markers+text",
        marker=dict(symbol=["hexagon" if n.kind == "vision" else "square-open" for n in structural], size=15,
                    color="#33413B"),
        text=[label(n) for n in structural], textposition="middle right", hoverinfo="skip", showlegend=False,
    ))
    for status, (colour, symbol) in GOAL_STATUS_STYLE.items():
        members = [n for n in nodes if n.status is status]
        if not members:
            continue
        traces.append(trace("scatter",
            x=[n.depth for n in members], y=[-row[n.id] for n in members], mode="markers+text",
            name=status.label, marker=dict(symbol=symbol, size=14, color=colour, line=dict(width=2, color=colour)),
            text=[label(n) for n in members], textposition="middle right",
            customdata=[[chart_text(short(n.text, 120)), status.label, "—" if n.score is None else n.score]
                        for n in members],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]} · SMART score %{customdata[2]}<extra></extra>",
        ))
    return Figure(traces, layout(height=70 + 34 * len(nodes), large=large,
                                    xaxis=dict(range=[-0.25, 6.2], **_HIDDEN_AXIS),
                                    yaxis=dict(range=[-len(nodes) + 0.4, 0.8], **_HIDDEN_AXIS)))


def focus_figure(points: Sequence[FocusPoint], pause: Collection[str] = (), *, large: bool = False) -> Figure:
    """Active goals on impact × motivation, the quadrants named in words."""
    positions = spread([(p.impact, p.motivation) for p in points], radius=0.2)
    number = {p.goal_id: n for n, p in enumerate(points, start=1)}
    line = HIGH - 0.5
    shapes = [
        dict(type="rect", x0=line, x1=5.6, y0=line, y1=5.6, line=dict(width=0), fillcolor="rgba(0,114,178,0.07)",
             layer="below"),
        dict(type="line", x0=line, x1=line, y0=0.4, y1=5.6, line=dict(color="#B8C2BD", dash="dot")),
        dict(type="line", x0=0.4, x1=5.6, y0=line, y1=line, line=dict(color="#B8C2BD", dash="dot")),
    ]
    annotations = [
        dict(x=x, y=y, text=text, showarrow=False, xanchor=xanchor, yanchor=yanchor, font=dict(size=12, color="#3D4A45"))
        for text, x, y, xanchor, yanchor in (
            ("Go for it", 5.55, 5.55, "right", "top"),
            ("Find your reason, or support", 5.55, 0.45, "right", "bottom"),
            ("Keep it light", 0.45, 5.55, "left", "top"),
            ("Pause or drop?", 0.45, 0.45, "left", "bottom"),
        )
    ]
    traces = []
    for name, member, symbol, colour in (
        ("Active goal", lambda p: p.goal_id not in pause, "circle", PALETTE[0]),
        ("Could pause", lambda p: p.goal_id in pause, "diamond-open", PALETTE[5]),
    ):
        picked = [(p, xy) for p, xy in zip(points, positions, strict=True) if member(p)]
        if not picked:
            continue
        traces.append(trace("scatter",
            x=[xy[0] for _, xy in picked], y=[xy[1] for _, xy in picked], mode="markers+text", name=name,
            marker=dict(symbol=symbol, size=22, color=colour, line=dict(width=2, color=colour)),
            text=[str(number[p.goal_id]) for p, _ in picked], textposition="middle center",
            textfont=dict(color=["white" if symbol == "circle" else colour for _ in picked], size=12),
            customdata=[[chart_text(short(p.statement, 120)), p.quadrant] for p, _ in picked],
            hovertemplate="%{text}. %{customdata[0]}<br>Impact %{x:.0f} · motivation %{y:.0f} · "
                          "%{customdata[1]}<extra></extra>",
        ))
    ticks = dict(tickmode="array", tickvals=[1, 2, 3, 4, 5])
    return Figure(traces, layout(
        height=460, large=large, shapes=shapes, annotations=annotations,
        xaxis=dict(range=[0.4, 5.6], title=dict(text="Impact on my career (1–5)"), **ticks),
        yaxis=dict(range=[0.4, 5.6], title=dict(text="My motivation (1–5)"), **ticks),
    ))


def focus_chart(nb: Notebook, today: date, large: bool) -> Figure:
    """Goals' Focus chart for the notebook; pages build it once per revision (derived.per_revision)."""
    result = derived.focus(nb, today)
    return focus_figure(result.points, result.pause_candidates, large=large)


def map_chart(nb: Notebook, today: date, statuses: frozenset[GoalStatus], large: bool) -> Figure:
    """The goal map for the notebook, the goals with these statuses; built once per revision."""
    return goal_map_figure(derived.goal_map(nb, today, statuses), large=large)


def history_chart(nb: Notebook, today: date, goal_id: str, score: int, large: bool) -> Figure:
    """The SMART score of each saved wording of one goal, `score` being the current one's."""
    goal = nb.goal(goal_id)
    return history_figure(history(goal, score) if goal is not None else [], large=large)
