"""The plan of the sample and of a five-year notebook, computed whole."""

from __future__ import annotations

import pytest

from career_core.plan.actions import action_lines
from career_core.plan.load import weekly_load
from career_core.plan.overview import overview
from career_core.plan.stop_doing import freed_this_week
from career_core.plan.timeline import timeline, timeline_span
from career_core.sample import load_sample
from tests.core.plan.cases import TODAY
from tests.synthetic import five_year_notebook

# --- the sample and the five-year notebook ------------------------------------------------


def test_the_sample_plan_holds_together():
    nb = load_sample(TODAY)
    load = weekly_load(nb, TODAY, weeks=13)
    assert all(w.plan > 0 for w in load.weeks)
    assert load.weeks[0].freed == freed_this_week(nb, TODAY) > 0
    tl = timeline(nb, TODAY, *timeline_span(nb, TODAY, "vision"))
    assert not tl.collapsed and {"initiative", "goal", "recurring", "action", "reviews"} <= {r.kind for r in tl.rows}


def test_the_five_year_plan_is_computed_whole():
    nb = five_year_notebook(0, TODAY)
    load = weekly_load(nb, TODAY, weeks=52)
    assert len(load.weeks) == 52 and sum(w.plan for w in load.weeks) > 0
    everything = timeline(nb, TODAY, *timeline_span(nb, TODAY, "all"), include_finished=True)
    assert everything.collapsed and everything.actions == len(nb.actions) - everything.undated
    assert len(action_lines(nb, TODAY, "all")) == 400


@pytest.mark.parametrize("make", [lambda: load_sample(TODAY), lambda: five_year_notebook(0, TODAY)], ids=["sample", "five-year"])
def test_the_overview_counts_the_list_it_is_given_as_it_would_count_its_own(make):
    nb = make()
    own = overview(nb, TODAY)
    assert overview(nb, TODAY, action_lines(nb, TODAY, "todo")) == own
    assert own.todo == len(action_lines(nb, TODAY, "todo")) > 0
