"""Shared look of every Plotly chart: a colour-blind-safe palette and a calm, readable layout.

Figures are built in one go from plain dicts, `Figure([trace("scatter", ...)], layout(...))`, and
a chart is rebuilt after every save. Plotly's graph objects check every property of every trace as
they are made: with a few years of check-ins that is most of a chart's build (a goal's chart took
8 ms, 3 without). So the app builds figures unchecked, and the tests build every one checked
(`CHECKED`, set by tests/conftest.py), where a misspelt property fails. A built figure is never
changed: pages keep it per revision (waypoint_ui.derived) and draw it on every rerun.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

# st.plotly_chart writes the figure's JSON on every draw; orjson does it in a tenth of the time.
pio.json.config.default_engine = "orjson"

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

# Whether figures check every property as Plotly's graph objects do: on in the tests, off in the app.
CHECKED = os.environ.get("WAYPOINT_CHECK_CHARTS") == "1"


def trace(kind: str, **props: Any) -> dict[str, Any]:
    """A trace as Plotly's dict of it: `trace("scatter", x=...)` is what `go.Scatter(x=...)` makes."""
    return {"type": kind, **props}


class Figure(go.Figure):
    """A Plotly figure built once and drawn on many reruns. `st.plotly_chart` asks a figure for its
    `to_dict()` on every draw, and Plotly's answer is a deep copy of every point (a few
    milliseconds a chart on a five-year notebook); this figure answers with what it holds, the
    same dict without the copy. So build it complete and never change it afterwards.

    In the app (not `CHECKED`) Plotly's graph objects are not built at all: building them deep-copies
    every point too (2.5 ms for a goal's chart of five years). The figure holds the dict Plotly
    would make of these plain dicts, the default template added as Plotly adds it, and is a Plotly
    figure in type only: Plotly's own `__init__` is not run (even an empty figure deep-copies the
    default template into itself, 0.17 ms a chart, three charts rebuilt on Progress after each
    save), so `to_dict` is all it answers, which is all `st.plotly_chart` asks. The tests build
    every chart checked, and check that both give the same dict."""

    def __init__(self, data: Sequence[Mapping[str, Any]] = (), layout: Mapping[str, Any] | None = None) -> None:
        if isinstance(data, Mapping):
            raise TypeError("Figure takes a list of traces, not one trace")
        layout = dict(layout or {})
        if CHECKED or "template" in layout:  # a template named in the layout is Plotly's to resolve
            super().__init__(data=list(data), layout=layout, _validate=CHECKED)
            return
        template = _template()
        self._as_dict = {"data": [dict(t) for t in data], "layout": {**layout, **template}}

    def to_dict(self) -> dict[str, Any]:
        held = self.__dict__.get("_as_dict")
        if held is None:
            # What go.Figure.to_dict copies (and turns NumPy arrays in, which no chart here uses).
            held = {"data": self._data, "layout": self._layout}
            self._as_dict = held
        return held


def _template() -> dict[str, Any]:
    """{"template": the default template} as Plotly puts it into a figure's layout (Streamlit sets
    the default; none, nothing), worked out once per template and shared by every figure, which
    never changes it."""
    name = pio.templates.default
    held = _TEMPLATES.get(name)
    if held is None:
        held = _TEMPLATES[name] = {k: v for k, v in go.Figure().to_dict()["layout"].items() if k == "template"}
    return held


_TEMPLATES: dict[object, dict[str, Any]] = {}


_GRID = {"showgrid": True, "gridcolor": "#E3E8E5", "zeroline": False}


def layout(*, height: int = 360, large: bool = False, **own: Any) -> dict[str, Any]:
    """The house layout with the chart's own settings laid over it (nested settings key by key,
    the chart's winning); `large` for presentation mode on a shared screen."""
    house = {
        "colorway": list(PALETTE),
        "height": int(height * (1.35 if large else 1)),
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "font": {"size": 17 if large else 13},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        "hoverlabel": {"font": {"size": 14 if large else 12}},
        "xaxis": dict(_GRID),
        "yaxis": dict(_GRID),
    }
    return _laid_over(house, own)


def _laid_over(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for name, value in over.items():
        below = out.get(name)
        out[name] = _laid_over(below, value) if isinstance(below, Mapping) and isinstance(value, Mapping) else value
    return out


def vline(x: object, line: Mapping[str, Any], **own: Any) -> dict[str, Any]:
    """A vertical line across the plot at `x` (what `Figure.add_vline` adds, without its parsing)."""
    return {"type": "line", "x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain", "line": line, **own}
