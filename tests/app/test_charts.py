"""Charts are built once per revision and drawn on every rerun (waypoint_ui.charts.Figure)."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import pytest

from waypoint_ui.charts import Figure, layout

ROOT = Path(__file__).resolve().parents[2]
CHART_MODULES = sorted(p.name for p in (ROOT / "waypoint_ui").glob("*_charts.py"))


@pytest.mark.parametrize(
    "traces",
    [
        [go.Bar(x=[1, 2, 3], y=["a", "b", "c"], orientation="h")],
        [go.Scatter(x=["2026-01-01", "2026-02-01"], y=[62.0, 64.5], mode="lines+markers")],
        [go.Heatmap(z=[[1, None], [0, 2]], customdata=[["Mon 1 Dec", "Tue 2 Dec"], ["Mon 8 Dec", "Tue 9 Dec"]])],
        [],
    ],
    ids=["bar", "scatter", "heatmap", "empty"],
)
def test_a_figure_gives_plotlys_own_dict_and_works_it_out_once(traces):
    ours, plotlys = Figure(traces, layout(height=200)), go.Figure(traces, layout(height=200))
    assert ours.to_dict() == plotlys.to_dict()
    assert ours.to_dict() is ours.to_dict()  # what st.plotly_chart asks for on every draw


@pytest.mark.parametrize("module", CHART_MODULES)
def test_every_chart_is_built_as_a_figure_drawn_without_copying(module):
    source = (ROOT / "waypoint_ui" / module).read_text(encoding="utf-8")
    assert "go.Figure(" not in source, f"{module} builds a plain go.Figure: use waypoint_ui.charts.Figure"
    assert "Figure(" in source
