"""Every accepted file of the hostile corpus (tests/data/hostile) opens on every page without an
error: imported as a person would, then each page opened by its path, so the test holds however
the pages are arranged in the navigation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.pages import VIEWS
from career_core.exports.notebook_file import read
from career_core.store import Store
from tests.app.conftest import run_app
from tests.conftest import ROOT
from waypoint_ui.session import NOTEBOOK

ACCEPTED = sorted((ROOT / "tests" / "data" / "hostile").glob("accepted-*.json"))
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "app_pages").rglob("*.py") if p.stem != "__init__")


def test_there_are_pages_and_files_to_open():
    assert len(PAGES) >= 7 and len(ACCEPTED) >= 10


@pytest.mark.parametrize("path", ACCEPTED, ids=[p.stem for p in ACCEPTED])
def test_every_page_opens_an_accepted_hostile_notebook(db: Store, path: Path):
    nb = db.add("local", read(path.read_bytes()).notebook)
    at = run_app(query={"nb": nb.id})
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.session_state[NOTEBOOK].id == nb.id, f"{page} did not open the imported notebook"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_markup_in_the_words_reaches_every_chart_as_text(db: Store):
    """Plotly reads a few HTML tags in labels, legends, titles and hover text: the notebook's `<b>b</b>`
    must reach every chart of every view escaped, hover text included (which a browser shows only
    on hovering)."""
    nb = db.add("local", read((ROOT / "tests" / "data" / "hostile" / "accepted-markup-in-every-text-field.json")
                              .read_bytes()).notebook)
    charts = 0
    for view in VIEWS:
        at = run_app(query={"nb": nb.id})
        view.open(at)
        at.run()
        assert not at.exception, view.name
        for chart in at.get("plotly_chart"):
            texts = _strings(json.loads(chart.proto.spec))
            assert not [t for t in texts if "<b>b</b>" in t], view.name
            charts += any("&lt;b&gt;b&lt;/b&gt;" in t for t in texts)
    assert charts >= 6  # the words were on the charts, escaped
