"""Every page opens a notebook at its limits, in every section: tests/synthetic.py's five-year notebook
ten times over, and the crowded one (4,000 weekly actions running at once, every goal slipping).

Times are printed by benchmarks/pages.py, not asserted here; what this test holds is that nothing
fails and that long lists are summed up or paged rather than drawn whole (before that, the weekly
load of the crowded notebook took minutes: a quadratic step and 50,000 list items).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from benchmarks.pages import VIEWS
from career_core.models import Notebook
from career_core.store import Store
from tests.app.conftest import run_app, texts
from tests.synthetic import crowded_notebook, five_year_notebook
from waypoint_ui.session import NOTEBOOK

pytestmark = pytest.mark.slow

NOTEBOOKS: dict[str, Callable[[], Notebook]] = {
    "at the limits": lambda: five_year_notebook(scale=10),
    "crowded": crowded_notebook,
}
# What a view says about a list too long to draw whole, for the crowded notebook.
SUMMED_UP = {
    "goals:My goals": "400 goals, 10 to a page.",
    "plan:Actions": "4000 actions, 15 to a page.",
    "plan:Weekly load": "smaller actions",
    "plan:Timeline": "4000 actions in this view: each sits on the row of its goal",
    "review": "slipping goals, 10 to a page.",
}


@pytest.mark.timeout(900)
@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_every_view_opens_a_notebook_at_the_limits(db: Store, name: str):
    nb = db.add("local", NOTEBOOKS[name]())
    for view in VIEWS:
        at = run_app(query={"nb": nb.id})
        view.open(at)
        at.run()
        assert not at.exception, (view.name, [e.value for e in at.exception])
        assert at.session_state[NOTEBOOK].id == nb.id
        if name == "crowded" and view.name in SUMMED_UP:
            assert SUMMED_UP[view.name] in texts(at), view.name
