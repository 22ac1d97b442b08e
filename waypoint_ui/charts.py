"""Shared look of every Plotly chart: a colour-blind-safe palette and a calm, readable layout."""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

# Status colours always come with a word and a marker symbol, never colour alone.
STATUS_STYLE = {
    "achieved": ("#009E73", "star"),
    "on track": ("#0072B2", "circle"),
    "behind": ("#E69F00", "triangle-down"),
    "at risk": ("#D55E00", "x"),
    "overdue": ("#CC79A7", "square"),
    "not started": ("#999999", "circle-open"),
}


def style(fig: go.Figure, *, height: int = 360, large: bool = False) -> go.Figure:
    """Apply the house layout; `large` for presentation mode on a shared screen."""
    fig.update_layout(
        colorway=list(PALETTE),
        height=int(height * (1.35 if large else 1)),
        margin=dict(l=10, r=10, t=40, b=10),
        font=dict(size=17 if large else 13),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
        hoverlabel=dict(font_size=14 if large else 12),
    )
    fig.update_xaxes(showgrid=True, gridcolor="#E3E8E5", zeroline=False)
    fig.update_yaxes(showgrid=True, gridcolor="#E3E8E5", zeroline=False)
    return fig
