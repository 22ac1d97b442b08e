"""Property tests: over goals with any baseline, target, direction and check-ins, what Waypoint says
about a goal never contradicts itself (status, progress, achievement, milestones, words)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from career_core import direction as directions
from career_core.coaching import share_of_way
from career_core.metric import change, meets
from career_core.milestones import passed, pending_milestone, standing_milestones
from career_core.models import CheckIn, Direction, Goal, GoalStatus, JournalEntry, Metric, Notebook
from career_core.progress import ProgressStatus, all_progress

TODAY = date(2026, 11, 18)
numbers = st.one_of(st.none(), st.integers(-50, 200).map(float), st.floats(-1e6, 1e6, allow_nan=False, width=32))
values = st.one_of(st.integers(-50, 200).map(float), st.floats(-1e6, 1e6, allow_nan=False, width=32))


@st.composite
def metrics(draw) -> Metric:
    """Any metric the model accepts: the direction is any, but an increase or decrease follows its numbers."""
    baseline, target = draw(numbers), draw(numbers)
    said = draw(st.sampled_from(list(Direction)))
    return Metric(baseline=baseline, target=target, direction=directions.follow(said.value, baseline, target))


@st.composite
def notebooks(draw) -> tuple[Notebook, Goal]:
    start = TODAY - timedelta(days=draw(st.integers(0, 400)))
    deadline = draw(st.one_of(st.none(), st.integers(0, 800).map(lambda d: start + timedelta(days=d))))
    goal = Goal(statement="A goal", metric=draw(metrics()), start=start, deadline=deadline,
                status=draw(st.sampled_from([GoalStatus.ACTIVE, GoalStatus.DRAFT])))
    days = draw(st.lists(st.integers(0, 400), max_size=12))
    checkins = [CheckIn(goal_id=goal.id, on=TODAY - timedelta(days=d), value=draw(st.one_of(st.none(), values)))
                for d in days]
    celebrated = draw(st.sets(st.sampled_from([25, 50, 75, 100])))
    journal = [JournalEntry(goal_id=goal.id, milestone=m, on=TODAY) for m in sorted(celebrated)]
    return Notebook(goals=[goal], checkins=checkins, journal=journal), goal


@settings(max_examples=300, deadline=None)
@given(data=notebooks())
def test_status_progress_achievement_and_milestones_agree(data):
    nb, goal = data
    gp = all_progress(nb, TODAY)[goal.id]
    m = goal.metric
    latest_meets = gp.latest is not None and meets(m.direction, m.target, gp.latest)
    # progress stays within 0-100%: no page says "past the target" because none is ever shown
    assert gp.progress is None or 0.0 <= gp.progress <= 1.0
    assert gp.percent is None or 0 <= gp.percent <= 100
    # nothing is achieved while the latest value is on the wrong side of the target
    if gp.status is ProgressStatus.ACHIEVED:
        assert latest_meets or (m.direction is Direction.DONE and gp.steps and gp.latest is None)
    # the whole way means the target is reached, and a reached target is the whole way
    if gp.progress == 1.0 and m.direction is not Direction.DONE:
        assert latest_meets
    if latest_meets:
        assert gp.progress == 1.0
        if not gp.is_limit:
            assert gp.status is ProgressStatus.ACHIEVED
    # milestones: 100% only when reached; a pending one is one that holds; every one shown holds
    if 100 in passed(gp):
        assert latest_meets or (m.direction is Direction.DONE and gp.progress == 1.0)
    pending = pending_milestone(gp, nb.journal)
    assert pending is None or pending in passed(gp)
    assert all(j.milestone in passed(gp) for j in standing_milestones(nb, {goal.id: gp}))
    # words: a limit's record never reads "in 0 of"
    assert " 0 of " not in gp.record and " 0 of " not in gp.where()


@settings(max_examples=300, deadline=None)
@given(baseline=numbers, target=numbers, said=st.sampled_from(list(Direction)))
def test_a_metric_is_stored_only_when_its_direction_and_numbers_agree(baseline, target, said):
    contradicts = directions.contradiction(said.value, baseline, target) is not None
    try:
        Metric(baseline=baseline, target=target, direction=said)
    except ValidationError:
        assert contradicts
    else:
        assert not contradicts
    implied = directions.implied(baseline, target)
    assert contradicts == (said.value in directions.MOVES and implied is not None and implied != said.value)


@settings(max_examples=300, deadline=None)
@given(ends=st.tuples(values, values), before=values, now=values)
def test_moved_is_better_exactly_when_the_share_of_the_way_does_not_shrink(ends, before, now):
    baseline, target = ends
    assume(baseline != target)
    metric = Metric(baseline=baseline, target=target, direction=directions.implied(baseline, target))
    goal = Goal(statement="A goal", metric=metric)
    then, later = share_of_way(goal, before), share_of_way(goal, now)
    assert then is not None and later is not None and 0 <= then <= 1 and 0 <= later <= 1
    words = change(metric.direction, before, now, metric.target)
    if words == "better":
        assert later >= then
    elif words == "worse":
        assert later <= then
