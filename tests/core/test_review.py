"""The review cycle, the diagnosis of goals that slip, and the decisions a review records."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    Direction,
    Goal,
    GoalRevision,
    GoalStatus,
    Metric,
    Notebook,
    Recurrence,
    Review,
    ReviewCadence,
    ReviewDecision,
    Settings,
    StopDoing,
)
from career_core.progress import ProgressStatus, all_progress
from career_core.review import (
    VAGUE_BELOW,
    Load,
    actions_done_between,
    apply_decision,
    diagnose,
    diagnoses,
    load_since,
    next_review,
    open_review,
    period_start,
    review_dates,
    smart_score,
    smart_scores,
    start_review,
)
from career_core.validation import EntryError

TODAY = date(2026, 7, 2)
CREATED = datetime(2026, 5, 1, 9, tzinfo=UTC)
S = ProgressStatus
K, R, P, X = ReviewDecision.KEEP, ReviewDecision.REVISE, ReviewDecision.PAUSE, ReviewDecision.DROP


def notebook(*reviews: Review, cadence=ReviewCadence.MONTHLY, **kw) -> Notebook:
    return Notebook(created_at=CREATED, settings=Settings(review_cadence=cadence), reviews=list(reviews), **kw)


# --- the cycle ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reviews", "cadence", "due", "overdue", "words"),
    [
        ([], ReviewCadence.MONTHLY, date(2026, 6, 1), True, "overdue by 31 days"),
        ([], ReviewCadence.QUARTERLY, date(2026, 8, 1), False, "due in 30 days"),
        ([Review(on=date(2026, 6, 20))], ReviewCadence.WEEKLY, date(2026, 6, 27), True, "overdue by 5 days"),
        ([Review(on=date(2026, 6, 20), next_review=TODAY)], ReviewCadence.WEEKLY, TODAY, False, "due today"),
        ([Review(on=date(2026, 6, 20), next_review=date(2026, 7, 3))], ReviewCadence.MONTHLY, date(2026, 7, 3), False,
         "due in 1 day"),
        ([Review(on=date(2026, 6, 1)), Review(on=date(2026, 5, 1))], ReviewCadence.BIWEEKLY, date(2026, 6, 15), True,
         "overdue by 17 days"),
        ([Review(on=date(2026, 6, 30), next_review=date(2026, 7, 1))], ReviewCadence.MONTHLY, date(2026, 7, 1), True,
         "overdue by 1 day"),
    ],
)
def test_next_review_follows_the_cadence(reviews, cadence, due, overdue, words):
    result = next_review(notebook(*reviews, cadence=cadence), TODAY)
    assert (result.on, result.overdue, result.describe()) == (due, overdue, words)


@pytest.mark.parametrize(
    ("reviews", "is_open"),
    [
        ([], False),
        ([Review(on=date(2026, 6, 20))], True),  # next one on 20 July
        ([Review(on=date(2026, 5, 20))], False),  # its cycle ended on 20 June
        ([Review(on=TODAY, next_review=TODAY)], False),  # due again today
        ([Review(on=date(2026, 7, 10))], False),  # dated in the future: not today's
    ],
)
def test_a_review_stays_open_until_the_next_one_is_due(reviews, is_open):
    nb = notebook(*reviews)
    assert (open_review(nb, TODAY) is not None) == is_open


def test_starting_a_review_adds_one_and_a_second_start_reuses_it():
    nb = notebook(Review(on=date(2026, 5, 20)))
    review = start_review(nb, TODAY)
    assert review.on == TODAY and review.next_review == date(2026, 8, 2)
    assert start_review(nb, TODAY) is review
    assert len(nb.reviews) == 2
    assert next_review(nb, TODAY).on == date(2026, 8, 2)


@pytest.mark.parametrize(
    ("reviews", "start"),
    [
        ([], date(2026, 6, 2)),  # one monthly step back
        ([Review(on=date(2026, 6, 10))], date(2026, 6, 10)),
        ([Review(on=date(2026, 6, 10)), Review(on=TODAY)], date(2026, 6, 10)),  # today's is the one being written
    ],
)
def test_the_period_under_review_starts_at_the_review_before(reviews, start):
    assert period_start(notebook(*reviews), TODAY) == start


# --- the review dates ahead, for the timeline and the calendar ---------------------------------


PLAN_DAY = date(2026, 11, 18)
D = date


@pytest.mark.parametrize(
    ("cadence", "reviews", "first", "count", "second"),
    [
        # the date set at the last review comes first, then one every cadence step for a year
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 10, 30), next_review=D(2026, 11, 30))], D(2026, 11, 30), 12, D(2026, 12, 30)),
        (ReviewCadence.WEEKLY, [Review(on=D(2026, 11, 16), next_review=D(2026, 11, 23))], D(2026, 11, 23), 53, D(2026, 11, 30)),
        (ReviewCadence.BIWEEKLY, [Review(on=D(2026, 11, 16))], D(2026, 11, 30), 27, D(2026, 12, 14)),
        (ReviewCadence.QUARTERLY, [Review(on=D(2026, 11, 1))], D(2027, 2, 1), 4, D(2027, 5, 1)),
        # an overdue review is due today
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 9, 1), next_review=D(2026, 10, 1))], PLAN_DAY, 12, D(2026, 12, 18)),
        # month ends clamp: 31 Jan, then 28 Feb, then back to the 31st (no drift to the 28th)
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 12, 31), next_review=D(2027, 1, 31))], D(2027, 1, 31), 12, D(2027, 2, 28)),
        (ReviewCadence.MONTHLY, [Review(on=D(2026, 10, 30), next_review=D(2027, 1, 30))], D(2027, 1, 30), 12, D(2027, 2, 28)),
    ],
)
def test_review_dates(cadence, reviews, first, count, second):
    nb = notebook(*reviews, cadence=cadence)
    dates = review_dates(nb, PLAN_DAY)
    assert (dates[0], len(dates), dates[1]) == (first, count, second)
    assert dates == sorted(set(dates)) and dates[-1] < first.replace(year=first.year + 1)
    if cadence is ReviewCadence.MONTHLY:
        assert dates[2].day == first.day  # every step counts from the first date


# --- what was done, and the load ----------------------------------------------------------------


def test_actions_done_count_one_offs_and_ticked_occurrences_in_the_period():
    nb = notebook(goals=[Goal(id="g", statement="Lead a team"), Goal(id="h", statement="Pass the exam")], actions=[
        Action(title="a", goal_id="g", due=TODAY, status=ActionStatus.DONE, completed_at=date(2026, 6, 20)),
        Action(title="b", goal_id="g", due=TODAY, status=ActionStatus.DONE, completed_at=date(2026, 5, 1)),  # before
        Action(title="c", goal_id="g", recurrence=Recurrence.WEEKLY, start=date(2026, 6, 1),
               done_on=[date(2026, 6, 1), date(2026, 6, 15), date(2026, 6, 22)]),
        Action(title="d", goal_id="h", due=TODAY),  # not done
        Action(title="e", due=TODAY, status=ActionStatus.DONE, completed_at=TODAY),  # no goal
    ])
    assert dict(actions_done_between(nb, date(2026, 6, 10), TODAY)) == {"g": 3}


@pytest.mark.parametrize(
    ("usual", "actions", "stops", "limit", "over", "peak"),
    [
        (0, [], [], 50, 0, None),
        (0, [("weekly", 10)], [], 50, 0, None),
        (45, [("weekly", 3)], [], 50, 0, None),
        (45, [("weekly", 3), ("weekly", 4)], [], 50, 5, 52),  # 52 hours in each of the five weeks
        (45, [("weekly", 3), ("weekly", 4)], [3], 50, 0, None),  # three hours a week freed
        (40, [("once", 12)], [], 50, 1, 52),
        (40, [("dropped", 12)], [], 50, 0, None),
    ],
)
def test_load_since_counts_weeks_over_the_limit_as_the_plan_does(usual, actions, stops, limit, over, peak):
    start = date(2026, 6, 1)
    acts = []
    for kind, hours in actions:
        if kind in ("once", "dropped"):
            acts.append(Action(title=kind, due=date(2026, 6, 10), hours=hours,
                               status=ActionStatus.DROPPED if kind == "dropped" else ActionStatus.TO_DO))
        else:
            acts.append(Action(title=kind, recurrence=Recurrence(kind), start=start, hours=hours))
    nb = Notebook(settings=Settings(weekly_hour_limit=limit, usual_weekly_hours=usual), actions=acts,
                  stop_doing=[StopDoing(what="status report", hours_per_week=h) for h in stops])
    assert load_since(nb, start, TODAY) == Load(over, 5, limit, peak)


def test_the_diagnosis_uses_the_plans_weekly_load_by_default():
    g = Goal(statement="Run a monthly coaching session with each of my five planners until 30 June 2027",
             status=GoalStatus.ACTIVE, metric=Metric(baseline=0, target=10),
             start=date(2026, 1, 1), deadline=date(2026, 12, 31))
    nb = Notebook(created_at=CREATED, goals=[g], settings=Settings(usual_weekly_hours=48),
                  actions=[Action(title="Study", recurrence=Recurrence.WEEKLY, start=date(2026, 1, 5), hours=4)])
    (d,) = diagnoses(nb, all_progress(nb, TODAY), TODAY)
    overloaded = next(f for f in d.findings if f.kind == "overloaded")
    assert overloaded.text == "The week is overloaded: 5 of 5 weeks planned over your limit of 50 hours, the heaviest at 52 hours."


# --- diagnosis ---------------------------------------------------------------------------------


def _slipping(status=S.AT_RISK):
    g = Goal(statement="Get better at leadership", status=GoalStatus.ACTIVE,
             metric=Metric(baseline=62, target=75, direction=Direction.INCREASE),
             start=date(2026, 1, 1), deadline=date(2026, 6, 1) if status is S.OVERDUE else date(2026, 12, 31))
    values = {S.AT_RISK: [63.0], S.OVERDUE: [63.0], S.BEHIND: [62, 63, 64, 65, 66]}[status]
    rows = [CheckIn(goal_id=g.id, on=date(2026, 6, 4) + timedelta(weeks=i), value=v) for i, v in enumerate(values)]
    gp = all_progress(Notebook(goals=[g], checkins=rows), TODAY)[g.id]
    assert gp.status is status
    return gp


NONE = Load(0, 5, 50)
HEAVY = Load(3, 5, 50)


@pytest.mark.parametrize(
    ("status", "score", "checkins", "actions", "load", "kinds", "suggested"),
    [
        (S.AT_RISK, 35, 2, 1, NONE, ["vague"], R),
        (S.AT_RISK, 59, 2, 1, NONE, ["vague"], R),
        (S.AT_RISK, 60, 2, 1, NONE, ["slow"], R),  # 60 and up is not vague
        (S.AT_RISK, None, 2, 1, NONE, ["slow"], R),  # no score: cannot call it vague
        (S.BEHIND, None, 2, 1, NONE, ["slow"], K),
        (S.AT_RISK, 80, 0, 0, NONE, ["nothing_done"], K),
        (S.AT_RISK, 80, 0, 1, NONE, ["slow"], R),  # an action done is something done
        (S.AT_RISK, 80, 1, 0, NONE, ["slow"], R),  # so is a check-in
        (S.AT_RISK, 80, 2, 1, HEAVY, ["overloaded"], P),
        (S.AT_RISK, 80, 2, 1, None, ["slow"], R),  # load unknown
        (S.AT_RISK, 20, 0, 0, HEAVY, ["vague", "overloaded", "nothing_done"], R),
        (S.OVERDUE, None, 1, 0, NONE, ["late", "slow"], R),
        (S.OVERDUE, 30, 0, 0, NONE, ["vague", "nothing_done", "late"], R),
    ],
)
def test_diagnosis_table(status, score, checkins, actions, load, kinds, suggested):
    d = diagnose(_slipping(status), score=score, checkins=checkins, actions_done=actions, load=load,
                 since=date(2026, 6, 2))
    assert [f.kind for f in d.findings] == kinds
    assert d.suggested is suggested
    assert all(f.text and f.advice for f in d.findings)
    assert len(d.summary()) <= 200 and d.summary().startswith(status.label)


def test_findings_say_what_the_data_says():
    d = diagnose(_slipping(), score=42, checkins=0, actions_done=0, load=HEAVY, since=date(2026, 6, 2))
    texts = " ".join(f.text for f in d.findings)
    assert "SMART score 42 of 100" in texts
    assert "since 2 Jun 2026" in texts
    assert "3 of 5 weeks planned over your limit of 50 hours" in texts


def test_diagnoses_cover_only_goals_behind_at_risk_or_overdue_most_urgent_first():
    fine = Goal(statement="fine", status=GoalStatus.ACTIVE, metric=Metric(baseline=0, target=10),
                start=date(2026, 1, 1), deadline=date(2026, 12, 31))
    late = Goal(statement="late", status=GoalStatus.ACTIVE, metric=Metric(baseline=0, target=10),
                start=date(2026, 1, 1), deadline=date(2026, 6, 1))
    risky = Goal(statement="risky", status=GoalStatus.ACTIVE, metric=Metric(baseline=0, target=10),
                 start=date(2026, 1, 1), deadline=date(2026, 12, 31))
    paused = late.model_copy(update={"id": "paused", "status": GoalStatus.PAUSED})
    nb = notebook(goals=[fine, risky, late, paused], checkins=[
        CheckIn(goal_id=fine.id, on=date(2026, 6, 30), value=6),
        CheckIn(goal_id=risky.id, on=date(2026, 6, 30), value=1),
    ])
    result = diagnoses(nb, all_progress(nb, TODAY), TODAY, scores={risky.id: 40})
    assert [d.statement for d in result] == ["late", "risky"]
    assert [f.kind for f in result[1].findings] == ["vague"]
    assert [f.kind for f in result[0].findings] == ["nothing_done", "late"]


def test_without_given_scores_the_smart_scorer_judges_vagueness():
    vague = Goal(statement="Get better at leadership", status=GoalStatus.ACTIVE, metric=Metric(baseline=0, target=10),
                 start=date(2026, 1, 1), deadline=date(2026, 12, 31))
    sharp = Goal(statement="Run a monthly coaching session with each of my five planners until 30 June 2027",
                 status=GoalStatus.ACTIVE, metric=Metric(baseline=0, target=10),
                 start=date(2026, 1, 1), deadline=date(2026, 12, 31))
    nb = notebook(goals=[vague, sharp])
    scores = smart_scores(nb, TODAY)
    assert scores[vague.id] < VAGUE_BELOW <= scores[sharp.id]
    assert smart_score(vague, nb, TODAY, statement=sharp.statement) == scores[sharp.id]
    kinds = {d.statement: [f.kind for f in d.findings] for d in diagnoses(nb, all_progress(nb, TODAY), TODAY)}
    assert kinds[vague.statement][0] == "vague" and "vague" not in kinds[sharp.statement]


def test_no_diagnosis_when_every_goal_is_fine():
    assert diagnoses(notebook(), {}, TODAY) == []


# --- decisions ---------------------------------------------------------------------------------


def _nb_with_goal(**kw):
    g = Goal(statement="Get better at leadership", status=GoalStatus.ACTIVE, **kw)
    return notebook(Review(on=date(2026, 5, 1)), goals=[g]), g


@pytest.mark.parametrize(
    ("decision", "status", "revisions"),
    [(K, GoalStatus.ACTIVE, 0), (P, GoalStatus.PAUSED, 0), (X, GoalStatus.DROPPED, 0)],
)
def test_keep_pause_and_drop_change_the_status_and_are_recorded(decision, status, revisions):
    nb, g = _nb_with_goal()
    record = apply_decision(nb, g.id, decision, TODAY, diagnosis="At risk: vague", note="talked to Priya")
    assert g.status is status and len(g.revisions) == revisions and g.statement == "Get better at leadership"
    review = nb.reviews[-1]
    assert review.on == TODAY and review.decisions == [record]
    assert (record.decision, record.diagnosis, record.note) == (decision, "At risk: vague", "talked to Priya")


def test_revise_keeps_the_earlier_wording_with_its_score_and_sets_the_new_one():
    nb, g = _nb_with_goal(revisions=[GoalRevision(statement="Be a leader", score=8)])
    at = datetime(2026, 7, 2, 18, 30, tzinfo=UTC)
    apply_decision(nb, g.id, R, TODAY, new_statement="  Lead a team of 10 people by 30 June 2027  ",
                   old_score=31, note="too vague to act on", at=at)
    assert g.statement == "Lead a team of 10 people by 30 June 2027"
    assert [(r.statement, r.score) for r in g.revisions] == [("Be a leader", 8), ("Get better at leadership", 31)]
    assert g.revisions[-1].at == at
    assert g.revisions[-1].note == "Replaced in the review of 2 Jul 2026: too vague to act on"
    assert nb.reviews[-1].decisions[0].decision is R


@pytest.mark.parametrize(
    ("wording", "message"),
    [(None, "Write the new wording"), ("   ", "Write the new wording"),
     ("Get better at leadership", "same as the current one"), ("x" * 1001, "1000")],
)
def test_a_revision_without_a_usable_new_wording_changes_nothing(wording, message):
    nb, g = _nb_with_goal()
    before = nb.model_dump()
    with pytest.raises(ValueError, match=message):
        apply_decision(nb, g.id, R, TODAY, new_statement=wording)
    assert nb.model_dump() == before


@pytest.mark.parametrize("wording", [None, "   ", "Get better at leadership"])
def test_a_missing_or_unchanged_wording_is_said_beside_the_wording_field(wording):
    nb, g = _nb_with_goal()
    with pytest.raises(EntryError) as caught:
        apply_decision(nb, g.id, R, TODAY, new_statement=wording)
    assert list(caught.value.problems) == ["statement"] and not str(caught.value).startswith("statement")


def test_a_second_decision_on_the_same_goal_replaces_the_first_in_the_same_review():
    nb, g = _nb_with_goal()
    apply_decision(nb, g.id, P, TODAY)
    apply_decision(nb, g.id, K, TODAY)
    assert [d.decision for d in nb.reviews[-1].decisions] == [K]
    assert len(nb.reviews) == 2


def test_a_decision_on_a_goal_that_is_gone_is_refused():
    nb, _ = _nb_with_goal()
    with pytest.raises(ValueError, match="no longer exists"):
        apply_decision(nb, "gone", K, TODAY)
