"""Charts are built once per revision and drawn on every rerun (waypoint_ui.charts.Figure): from
plain dicts, unchecked in the app and checked in the tests, and the same figure either way."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest

from benchmarks.pages import VIEWS
from career_core.sample import load_sample
from tests.app.conftest import run_app
from tests.synthetic import five_year_notebook
from waypoint_ui import charts
from waypoint_ui.charts import Figure, layout, trace

ROOT = Path(__file__).resolve().parents[2]
CHART_MODULES = sorted(p.name for p in (ROOT / "waypoint_ui").glob("*_charts.py"))

TRACES = [
    pytest.param([trace("bar", x=[1, 2, 3], y=["a", "b", "c"], orientation="h")], id="bar"),
    pytest.param([trace("scatter", x=["2026-01-01", "2026-02-01"], y=[62.0, 64.5], mode="lines+markers",
                        line={"color": "#0072B2", "dash": "dot"}, customdata=[["Mon 1 Dec"], ["Tue 2 Dec"]])],
                 id="scatter"),
    pytest.param([trace("heatmap", z=[[1, None], [0, 2]], customdata=[["Mon 1 Dec", "Tue 2 Dec"], ["Mon 8 Dec", "Tue 9 Dec"]])],
                 id="heatmap"),
    pytest.param([], id="empty"),
]


def test_the_tests_draw_every_chart_checked():
    assert charts.CHECKED  # set by tests/conftest.py, for the test servers too


@pytest.mark.parametrize("checked", [True, False], ids=["checked", "unchecked"])
@pytest.mark.parametrize("traces", TRACES)
def test_a_figure_gives_plotlys_own_dict_and_works_it_out_once(monkeypatch, traces, checked):
    monkeypatch.setattr(charts, "CHECKED", checked)
    ours, plotlys = Figure(traces, layout(height=200)), go.Figure(traces, layout(height=200))
    assert ours.to_dict() == plotlys.to_dict()
    assert ours.to_dict() is ours.to_dict()  # what st.plotly_chart asks for on every draw


@pytest.mark.parametrize(
    ("traces", "own"),
    [
        pytest.param([trace("scatter", x=[1], y=[2], colour="red")], {}, id="a trace property misspelt"),
        pytest.param([trace("scater", x=[1], y=[2])], {}, id="a trace type misspelt"),
        pytest.param([], {"xaxis": {"rnage": [0, 1]}}, id="a layout property misspelt"),
    ],
)
def test_a_checked_figure_refuses_what_plotly_would_not_draw(traces, own):
    with pytest.raises(ValueError):
        Figure(traces, layout(**own))


@pytest.mark.parametrize("module", CHART_MODULES)
def test_every_chart_is_built_from_dicts_as_a_figure_drawn_without_copying(module):
    source = (ROOT / "waypoint_ui" / module).read_text(encoding="utf-8")
    assert "plotly.graph_objects" not in source, f"{module} builds Plotly graph objects: use charts.trace and charts.Figure"
    assert "Figure(" in source


def test_a_figure_takes_a_list_of_traces_not_one():
    with pytest.raises(TypeError):
        Figure(trace("scatter", x=[1], y=[2]))  # type: ignore[arg-type]


def test_charts_are_written_with_orjson():
    import plotly.io as pio

    import waypoint_ui.charts  # noqa: F401  (sets the engine)

    assert pio.json.config.default_engine == "orjson"
    spec = pio.to_json({"data": [trace("heatmap", z=[[float("nan"), 1]])], "layout": {}}, validate=False)
    assert '"z":[[null,1]]' in spec  # a gap in the calendar stays a gap


# --- built once per revision: a rerun draws the figure it already has -----------------------------------


@pytest.mark.parametrize("view", VIEWS, ids=[v.name for v in VIEWS])
def test_a_rerun_draws_each_chart_without_building_it_again(db, monkeypatch, view):
    """The sample notebook on every page and section: the first run builds the figures; a rerun
    (any click that changes nothing saved) builds none."""
    nb = db.add("local", load_sample(date.today()))
    at = run_app(query={"nb": nb.id})
    view.open(at)
    at.run()
    assert not at.exception, view.name
    built: list[str] = []
    real = Figure.__init__

    def counted(self, *args, **kwargs):
        built.append(view.name)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "__init__", counted)
    at.run()
    assert not at.exception, view.name
    assert built == []


def _every_chart_built(db, monkeypatch, notebook: str) -> list[tuple[list, dict]]:
    """The traces and layout of every chart the notebook draws on any page, as the app built them."""
    nb = db.add("local", load_sample(date.today()) if notebook == "sample" else five_year_notebook(0, date.today()))
    built: list[tuple[list, dict]] = []
    real = Figure.__init__

    def recorded(self, data=(), layout=None):
        built.append((list(data), dict(layout or {})))
        real(self, data, layout)

    monkeypatch.setattr(Figure, "__init__", recorded)
    for view in VIEWS:
        at = run_app(query={"nb": nb.id})
        view.open(at)
        at.run()
        assert not at.exception, view.name
    monkeypatch.setattr(Figure, "__init__", real)
    assert len(built) >= 8
    return built


@pytest.mark.parametrize("notebook", ["sample", "five-year"])
def test_every_chart_of_every_page_is_plotlys_own_figure_unchecked(db, monkeypatch, notebook):
    """Each chart a notebook draws anywhere, built as the app builds it (unchecked, without Plotly's
    graph objects), is the dict Plotly makes of the same traces and layout."""
    built = _every_chart_built(db, monkeypatch, notebook)
    monkeypatch.setattr(charts, "CHECKED", False)
    for data, own in built:
        assert Figure(data, own).to_dict() == go.Figure(data, own).to_dict()


def test_a_hover_text_writes_an_axis_suffix_once(db, monkeypatch):
    """Plotly writes an axis's tick suffix into %{x} and %{y} of a hover text: a template adding
    the suffix again read "60%% of the way" (the board on Progress, the Coach session's chart)."""
    built = _every_chart_built(db, monkeypatch, "sample")
    suffixed = 0
    for data, own in built:
        for axis in ("x", "y"):
            suffix = own.get(f"{axis}axis", {}).get("ticksuffix")
            if not suffix:
                continue
            for t in data:
                if t.get(f"{axis}axis", axis) == axis and "hovertemplate" in t:
                    suffixed += 1
                    assert "%{" + axis + "}" + suffix not in t["hovertemplate"], t["hovertemplate"]
    assert suffixed >= 3  # the board's bars and plan marks, the session's two kinds of marker


def _chart_specs(nb_id: str, view) -> list[str]:
    at = run_app(query={"nb": nb_id})
    view.open(at)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("view", [v for v in VIEWS if v.name in ("progress", "reflect:Self-assessment", "coach")],
                         ids=lambda v: v.name)
def test_a_page_draws_the_apps_unchecked_figures_as_it_draws_checked_ones(db, monkeypatch, view):
    """In the app a figure is a Plotly figure in type only (Plotly's own __init__ is not run):
    st.plotly_chart draws it, and sends the browser what a checked figure sends."""
    nb = db.add("local", load_sample(date.today()))
    checked = _chart_specs(nb.id, view)
    monkeypatch.setattr(charts, "CHECKED", False)
    unchecked = _chart_specs(nb.id, view)
    assert checked and unchecked == checked
