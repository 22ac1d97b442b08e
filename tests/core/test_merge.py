"""Three-way merge of notebooks: both tabs' edits survive; only the same field changed both ways asks."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from career_core import edit
from career_core.alignment import unlink_objective
from career_core.merge import Side, UnresolvedConflicts, _same_entries, merge, resolve
from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    Goal,
    GoalHorizon,
    GoalReviewDecision,
    Metric,
    Notebook,
    OrgObjective,
    Recurrence,
    Reflection,
    Review,
    ReviewDecision,
    SkillRating,
)
from career_core.plan.actions import mark_done, tick

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def base_notebook() -> Notebook:
    return Notebook(
        id="nb",
        revision=4,
        title="Ana's notebook",
        created_at=T0,
        updated_at=T0,
        reflection=Reflection(
            interests=["coaching", "systems"],
            values=["honesty", "growth", "family"],
            skills=[SkillRating(id="sk", name="Coaching", now=2, wanted=4)],
            why="I like helping people grow.",
        ),
        org_objectives=[OrgObjective(id="o1", title="Grow the platform business")],
        goals=[
            Goal(id="lead", statement="Lead the platform team", horizon=GoalHorizon.LONG_TERM, created_at=T0,
                 start=date(2026, 1, 1), deadline=date(2027, 12, 31),
                 metric=Metric(name="People in my team", unit="people", baseline=5, target=12)),
            Goal(id="talk", statement="Give two conference talks", parent_id="lead", created_at=T0,
                 start=date(2026, 1, 1), deadline=date(2026, 12, 31)),
            Goal(id="read", statement="Read one management book a month", created_at=T0),
        ],
        actions=[
            Action(id="a1", title="Weekly one-to-ones", goal_id="lead", recurrence=Recurrence.WEEKLY,
                   start=date(2026, 1, 5), done_on=[date(2026, 1, 5), date(2026, 1, 12)]),
            Action(id="a2", title="Submit the talk proposal", goal_id="talk", due=date(2026, 3, 1)),
        ],
        checkins=[
            CheckIn(id="c1", goal_id="lead", on=date(2026, 2, 1), value=6),
            CheckIn(id="c2", goal_id="talk", on=date(2026, 2, 1), value=0),
            CheckIn(id="c3", goal_id="talk", on=date(2026, 3, 1), value=1),
        ],
        reviews=[Review(id="r1", on=date(2026, 2, 28), decisions=[GoalReviewDecision(goal_id="lead")])],
    )


Edit = Callable[[Notebook], object]


def nothing(nb: Notebook) -> None:
    return None


def goal(nb: Notebook, goal_id: str) -> Goal:
    found = nb.goal(goal_id)
    assert found is not None
    return found


def set_goal(goal_id: str, **changes: Any) -> Edit:
    return lambda nb: edit.assign(goal(nb, goal_id), **changes)


def set_metric(goal_id: str, **changes: Any) -> Edit:
    return lambda nb: edit.assign(goal(nb, goal_id).metric, **changes)


def add_goal(goal_id: str) -> Edit:
    return lambda nb: nb.goals.append(Goal(id=goal_id, statement=f"Goal {goal_id}", created_at=T0))


def add_checkin(checkin_id: str, goal_id: str, on: date) -> Edit:
    return lambda nb: nb.checkins.append(CheckIn(id=checkin_id, goal_id=goal_id, on=on, value=2))


def both(*edits: Edit) -> Edit:
    def run(nb: Notebook) -> None:
        for e in edits:
            e(nb)
    return run


def reorder_goals(*ids: str) -> Edit:
    return lambda nb: nb.goals.sort(key=lambda g: ids.index(g.id))


def sides(mine_edit: Edit, theirs_edit: Edit) -> tuple[Notebook, Notebook, Notebook]:
    base = base_notebook()
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    mine_edit(mine)
    theirs_edit(theirs)
    theirs = theirs.model_copy(update={"revision": 5, "updated_at": datetime(2026, 3, 2, tzinfo=UTC)})
    return base, mine, theirs


def _decide(nb: Notebook, decision: GoalReviewDecision, at: int | None = None) -> None:
    """The first review with `decision` added, or put in place of the one `at`: a review and its
    decisions are frozen, so the review is replaced by a copy."""
    review = nb.reviews[0]
    decisions = list(review.decisions)
    if at is None:
        decisions.append(decision)
    else:
        decisions[at] = decision
    edit.renew(nb.reviews, review, decisions=decisions)


def goal_ids(nb: Notebook) -> list[str]:
    return [g.id for g in nb.goals]


def checkin_ids(nb: Notebook) -> list[str]:
    return [c.id for c in nb.checkins]


# (case, this tab's edit, the other tab's edit, what to look at, what the merge holds there, conflicts)
CASES = [
    ("different fields of a part both survive",
     lambda nb: edit.assign(nb.vision, statement="Head the platform division"),
     lambda nb: edit.assign(nb.vision, target_role="Head of platform"),
     lambda nb: (nb.vision.statement, nb.vision.target_role),
     ("Head the platform division", "Head of platform"), []),
    ("the same field changed to the same value on both sides is no conflict",
     set_goal("lead", deadline=date(2027, 6, 30)), set_goal("lead", deadline=date(2027, 6, 30)),
     lambda nb: goal(nb, "lead").deadline, date(2027, 6, 30), []),
    ("the same field changed to different values asks",
     set_goal("lead", deadline=date(2027, 6, 30)), set_goal("lead", deadline=date(2027, 9, 30)),
     lambda nb: goal(nb, "lead").deadline, date(2027, 9, 30), ["Goal “Lead the platform team” → deadline"]),
    ("edits to different fields of the same goal merge",
     set_goal("lead", deadline=date(2027, 6, 30)), set_goal("lead", why="The team needs a lead"),
     lambda nb: (goal(nb, "lead").deadline, goal(nb, "lead").why), (date(2027, 6, 30), "The team needs a lead"), []),
    ("nested goal fields merge: metric target and unit",
     set_metric("lead", target=15), set_metric("lead", unit="engineers"),
     lambda nb: (goal(nb, "lead").metric.target, goal(nb, "lead").metric.unit), (15, "engineers"), []),
    ("a nested field changed both ways asks with its whole path",
     set_metric("lead", target=15), set_metric("lead", target=20),
     lambda nb: goal(nb, "lead").metric.target, 20, ["Goal “Lead the platform team” → metric → target"]),
    ("goals added on both sides both survive, the other tab's first",
     add_goal("mine"), add_goal("theirs"),
     goal_ids, ["lead", "talk", "read", "theirs", "mine"], []),
    ("an addition keeps its place after the entry it followed",
     lambda nb: nb.goals.insert(1, Goal(id="mine", statement="Goal mine")), add_goal("theirs"),
     goal_ids, ["lead", "mine", "talk", "read", "theirs"], []),
    ("a goal edited on one side and untouched on the other takes the edit",
     set_goal("read", statement="Read two management books a month"), nothing,
     lambda nb: goal(nb, "read").statement, "Read two management books a month", []),
    ("reordering on one side combines with an addition and an edit on the other",
     reorder_goals("read", "talk", "lead"), both(add_goal("new"), set_goal("talk", why="Visibility")),
     lambda nb: (goal_ids(nb), goal(nb, "talk").why), (["read", "talk", "lead", "new"], "Visibility"), []),
    ("both reordering differently keeps the stored order, without asking",
     reorder_goals("read", "talk", "lead"), reorder_goals("talk", "lead", "read"),
     goal_ids, ["talk", "lead", "read"], []),
    ("a goal deleted on one side and untouched on the other is deleted, with its check-ins",
     lambda nb: edit.remove_goal(nb, "read"), set_goal("lead", why="Because"),
     lambda nb: ("read" in goal_ids(nb), goal(nb, "lead").why), (False, "Because"), []),
    ("delete on one side, edit on the other asks",
     lambda nb: edit.remove_goal(nb, "talk"), set_goal("talk", deadline=date(2026, 10, 31)),
     goal_ids, ["lead", "talk", "read"], ["Goal “Give two conference talks”"]),
    ("deleting a goal clashes with a check-in the other tab added to it",
     lambda nb: edit.remove_goal(nb, "talk"), add_checkin("c9", "talk", date(2026, 4, 1)),
     checkin_ids, ["c1", "c2", "c3", "c9"], ["Goal “Give two conference talks”"]),
    ("check-ins added on both sides all survive",
     add_checkin("m1", "lead", date(2026, 4, 1)), add_checkin("t1", "talk", date(2026, 4, 2)),
     checkin_ids, ["c1", "c2", "c3", "t1", "m1"], []),
    ("a check-in deleted on one side and edited on the other asks",
     lambda nb: edit.remove(nb.checkins, "c2"), lambda nb: edit.replace(nb.checkins, edit.changed(nb.checkins[1], note="slow start")),
     checkin_ids, ["c1", "c2", "c3"], ["Check-in of 1 Feb 2026"]),
    ("interests added on both sides and removed on one merge as a set",
     lambda nb: nb.reflection.interests.extend(["writing"]),
     lambda nb: edit.assign(nb.reflection, interests=["systems", "hiring"]),
     lambda nb: nb.reflection.interests, ["systems", "hiring", "writing"], []),
    ("ranked values: one side's re-ranking keeps the other's addition",
     lambda nb: edit.assign(nb.reflection, values=["family", "honesty", "growth"]),
     lambda nb: edit.assign(nb.reflection, values=["honesty", "courage", "growth", "family"]),
     lambda nb: nb.reflection.values, ["family", "honesty", "courage", "growth"], []),
    ("ranked values: one side removes, the other adds",
     lambda nb: edit.assign(nb.reflection, values=["honesty", "family"]),
     lambda nb: edit.assign(nb.reflection, values=["courage", "honesty", "growth", "family"]),
     lambda nb: nb.reflection.values, ["courage", "honesty", "family"], []),
    ("ranked values: both re-ranking differently asks",
     lambda nb: edit.assign(nb.reflection, values=["family", "honesty", "growth"]),
     lambda nb: edit.assign(nb.reflection, values=["growth", "honesty", "family"]),
     lambda nb: nb.reflection.values, ["growth", "honesty", "family"], ["Reflection → values (ranked)"]),
    ("days done ticked on both sides merge in date order",
     lambda nb: tick(nb, nb.actions[0].id, date(2026, 1, 26)), lambda nb: tick(nb, nb.actions[0].id, date(2026, 1, 19)),
     lambda nb: nb.actions[0].done_on,
     [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19), date(2026, 1, 26)], []),
    ("bookkeeping never asks: done on different days keeps the stored completion date",
     lambda nb: mark_done(nb, nb.actions[1].id, date(2026, 2, 27)), lambda nb: mark_done(nb, nb.actions[1].id, date(2026, 2, 28)),
     lambda nb: (nb.actions[1].status, nb.actions[1].completed_at), (ActionStatus.DONE, date(2026, 2, 28)), []),
    ("a skill's two ratings changed on either side merge",
     lambda nb: edit.assign(nb.reflection.skills[0], now=3), lambda nb: edit.assign(nb.reflection.skills[0], wanted=5),
     lambda nb: (nb.reflection.skills[0].now, nb.reflection.skills[0].wanted), (3, 5), []),
    ("review decisions on different goals both survive",
     lambda nb: _decide(nb, GoalReviewDecision(goal_id="talk", decision=ReviewDecision.PAUSE)),
     lambda nb: _decide(nb, GoalReviewDecision(goal_id="read", decision=ReviewDecision.DROP)),
     lambda nb: [d.goal_id for d in nb.reviews[0].decisions], ["lead", "read", "talk"], []),
    ("one decision on a goal changed both ways asks",
     lambda nb: _decide(nb, edit.changed(nb.reviews[0].decisions[0], decision=ReviewDecision.PAUSE), at=0),
     lambda nb: _decide(nb, edit.changed(nb.reviews[0].decisions[0], decision=ReviewDecision.DROP), at=0),
     lambda nb: nb.reviews[0].decisions[0].decision, ReviewDecision.DROP,
     ["Review of 28 Feb 2026 → Decision on “Lead the platform team” → decision"]),
    ("a start and a deadline that clash together ask about the whole goal",
     set_goal("talk", start=date(2026, 6, 1)), set_goal("talk", deadline=date(2026, 5, 1)),
     lambda nb: (goal(nb, "talk").start, goal(nb, "talk").deadline), (date(2026, 1, 1), date(2026, 5, 1)),
     ["Goal “Give two conference talks”"]),
    ("a link to an objective the other tab deleted is dropped",
     lambda nb: edit.assign(goal(nb, "read"), objective_ids=["o1"]),
     lambda nb: (unlink_objective(nb, "o1"), edit.remove(nb.org_objectives, "o1")),
     lambda nb: goal(nb, "read").objective_ids, [], []),
    ("a stepping stone moved under a goal the other tab deleted is unlinked",
     set_goal("read", parent_id="lead"), lambda nb: edit.remove_goal(nb, "lead"),
     lambda nb: (goal_ids(nb), goal(nb, "read").parent_id, nb.actions[0].goal_id),
     (["talk", "read"], None, None), []),
    ("the notebook title changed both ways asks",
     lambda nb: edit.assign(nb, title="Mine"), lambda nb: edit.assign(nb, title="Theirs"),
     lambda nb: nb.title, "Theirs", ["Notebook title"]),
    ("settings changed in different fields both survive",
     lambda nb: edit.assign(nb.settings, weekly_hour_limit=45), lambda nb: edit.assign(nb.settings, usual_weekly_hours=40),
     lambda nb: (nb.settings.weekly_hour_limit, nb.settings.usual_weekly_hours), (45, 40), []),
    ("nothing changed in this tab: the stored version as it is",
     nothing, set_goal("read", why="Depth"),
     lambda nb: goal(nb, "read").why, "Depth", []),
]


@pytest.mark.parametrize(("case", "mine_edit", "theirs_edit", "look", "expected", "conflicts"), CASES,
                         ids=[c[0] for c in CASES])
def test_merge(case, mine_edit, theirs_edit, look, expected, conflicts):
    base, mine, theirs = sides(mine_edit, theirs_edit)
    snapshot = [nb.model_dump_json() for nb in (base, mine, theirs)]
    result = merge(base, mine, theirs)
    assert look(result.notebook) == expected
    assert [c.where for c in result.conflicts] == conflicts
    assert Notebook.model_validate_json(result.notebook.to_json()) == result.notebook
    assert (result.notebook.revision, result.notebook.updated_at) == (theirs.revision, theirs.updated_at)
    assert [nb.model_dump_json() for nb in (base, mine, theirs)] == snapshot  # the sides are untouched


# (case, this tab's edit, the other tab's edit, choice, what to look at, what the choice gives)
CHOICES = [
    ("keep this tab's deadline",
     set_goal("lead", deadline=date(2027, 6, 30)), set_goal("lead", deadline=date(2027, 9, 30)),
     Side.MINE, lambda nb: goal(nb, "lead").deadline, date(2027, 6, 30)),
    ("keep the other tab's deadline",
     set_goal("lead", deadline=date(2027, 6, 30)), set_goal("lead", deadline=date(2027, 9, 30)),
     Side.THEIRS, lambda nb: goal(nb, "lead").deadline, date(2027, 9, 30)),
    ("this tab's deletion wins: the goal goes with its check-ins, its action is unlinked",
     lambda nb: edit.remove_goal(nb, "talk"), set_goal("talk", why="Visibility"),
     Side.MINE, lambda nb: (goal_ids(nb), checkin_ids(nb), nb.actions[1].goal_id), (["lead", "read"], ["c1"], None)),
    ("the other tab's edit wins: the goal stays with the check-ins this tab deleted with it",
     lambda nb: edit.remove_goal(nb, "talk"), set_goal("talk", why="Visibility"),
     Side.THEIRS, lambda nb: (goal(nb, "talk").why, checkin_ids(nb), nb.actions[1].goal_id),
     ("Visibility", ["c1", "c2", "c3"], "talk")),
    ("deleting the goal drops the check-in the other tab added to it",
     lambda nb: edit.remove_goal(nb, "talk"), add_checkin("c9", "talk", date(2026, 4, 1)),
     Side.MINE, checkin_ids, ["c1"]),
    ("keeping the goal keeps the other tab's new check-in and the old ones",
     lambda nb: edit.remove_goal(nb, "talk"), add_checkin("c9", "talk", date(2026, 4, 1)),
     Side.THEIRS, checkin_ids, ["c1", "c2", "c3", "c9"]),
    ("the other tab deleted, this tab's edit wins",
     set_goal("talk", why="Visibility"), lambda nb: edit.remove_goal(nb, "talk"),
     Side.MINE, lambda nb: (goal(nb, "talk").why, checkin_ids(nb)), ("Visibility", ["c1", "c2", "c3"])),
    ("this tab's whole goal, when the two versions do not fit together",
     set_goal("talk", start=date(2026, 6, 1)), set_goal("talk", deadline=date(2026, 5, 1)),
     Side.MINE, lambda nb: (goal(nb, "talk").start, goal(nb, "talk").deadline), (date(2026, 6, 1), date(2026, 12, 31))),
    ("this tab's ranking",
     lambda nb: edit.assign(nb.reflection, values=["family", "honesty", "growth"]),
     lambda nb: edit.assign(nb.reflection, values=["growth", "honesty", "family", "courage"]),
     Side.MINE, lambda nb: nb.reflection.values, ["family", "honesty", "growth", "courage"]),
]


@pytest.mark.parametrize(("case", "mine_edit", "theirs_edit", "choice", "look", "expected"), CHOICES,
                         ids=[c[0] for c in CHOICES])
def test_resolve_applies_the_persons_choice(case, mine_edit, theirs_edit, choice, look, expected):
    base, mine, theirs = sides(mine_edit, theirs_edit)
    (conflict,) = merge(base, mine, theirs).conflicts
    resolved = resolve(base, mine, theirs, {conflict.key: choice})
    assert look(resolved) == expected
    assert Notebook.model_validate_json(resolved.to_json()) == resolved


# (case, this tab's edit, the other tab's edit, the questions asked): whatever the answers, no new question
ONE_ROUND = [
    ("both deadlines, either fits the start: the field is asked about",
     set_goal("talk", deadline=date(2026, 10, 1)), set_goal("talk", deadline=date(2026, 11, 1)), ["goals/talk/deadline"]),
    ("this tab's start would fall after the other tab's new deadline: the goal is asked about whole",
     set_goal("talk", start=date(2026, 6, 1)), both(set_goal("talk", start=date(2026, 2, 1)), set_goal("talk", deadline=date(2026, 3, 1))),
     ["goals/talk"]),
    ("both dates both ways, and one mix of answers breaks the rule: the goal is asked about whole",
     both(set_goal("talk", deadline=date(2026, 12, 1)), set_goal("talk", start=date(2026, 6, 1))),
     both(set_goal("talk", start=date(2026, 2, 1)), set_goal("talk", deadline=date(2026, 3, 1))), ["goals/talk"]),
    ("both dates both ways, every mix fits: each field is asked about",
     both(set_goal("talk", deadline=date(2026, 12, 1)), set_goal("talk", start=date(2026, 3, 1))),
     both(set_goal("talk", start=date(2026, 2, 1)), set_goal("talk", deadline=date(2026, 11, 1))),
     ["goals/talk/start", "goals/talk/deadline"]),
]


@pytest.mark.parametrize(("case", "mine_edit", "theirs_edit", "keys"), ONE_ROUND, ids=[c[0] for c in ONE_ROUND])
def test_every_answer_to_the_questions_asked_is_final(case, mine_edit, theirs_edit, keys):
    """Answering never brings a new question: an entry whose fields would break a rule together
    for some answer is asked about whole, not field by field."""
    base, mine, theirs = sides(mine_edit, theirs_edit)
    assert [c.key for c in merge(base, mine, theirs).conflicts] == keys
    for answers in itertools.product(Side, repeat=len(keys)):
        assert merge(base, mine, theirs, dict(zip(keys, answers, strict=True))).conflicts == ()


def test_resolve_insists_on_every_choice():
    base, mine, theirs = sides(both(set_goal("lead", why="A"), set_goal("read", why="A")),
                               both(set_goal("lead", why="B"), set_goal("read", why="B")))
    first, second = merge(base, mine, theirs).conflicts
    with pytest.raises(UnresolvedConflicts) as caught:
        resolve(base, mine, theirs, {first.key: Side.MINE})
    assert [c.key for c in caught.value.conflicts] == [second.key]
    resolved = resolve(base, mine, theirs, {first.key: Side.MINE, second.key: Side.THEIRS})
    assert (goal(resolved, "lead").why, goal(resolved, "read").why) == ("A", "B")


# (case, this tab's edit, the other tab's edit, the conflict as a person reads it)
WORDS = [
    ("a date",
     set_goal("lead", deadline=date(2027, 6, 30)), set_goal("lead", deadline=date(2027, 9, 30)),
     ("Both tabs changed it.", "31 Dec 2027", "30 Jun 2027", "30 Sep 2027",
      "This tab's deadline: 30 Jun 2027", "The other tab's deadline: 30 Sep 2027")),
    ("text exactly as typed, and an empty value",
     set_goal("read", why="**not** <b>markup</b>"), set_goal("read", why="Depth"),
     ("Both tabs changed it.", "(empty)", "**not** <b>markup</b>", "Depth",
      "This tab's why: **not** <b>markup</b>", "The other tab's why: Depth")),
    ("a choice by its label",
     set_goal("read", status="active"), set_goal("read", status="paused"),
     ("Both tabs changed it.", "Draft", "Active", "Paused", "This tab's status: Active", "The other tab's status: Paused")),
    ("a link by the name of what it points at",
     lambda nb: (add_goal("big")(nb), edit.assign(goal(nb, "big"), horizon="long_term"), set_goal("talk", parent_id="big")(nb)),
     set_goal("talk", parent_id=None),
     ("Both tabs changed it.", "“Lead the platform team”", "“Goal big”", "(empty)",
      "This tab's long-term goal it serves: “Goal big”", "The other tab's long-term goal it serves: (empty)")),
    ("a goal deleted here and changed there, with what each choice keeps",
     lambda nb: edit.remove_goal(nb, "talk"), set_goal("talk", why="Visibility"),
     ("Deleted in one tab and changed in the other.", "", "deleted", "changed: why",
      "Delete it, with its 2 check-ins", "Keep it, with the other tab's changes")),
    ("a goal changed here and deleted there",
     both(set_goal("talk", why="Visibility"), set_metric("talk", target=2)), lambda nb: edit.remove_goal(nb, "talk"),
     ("Deleted in one tab and changed in the other.", "", "changed: metric, why", "deleted",
      "Keep it, with this tab's changes", "Delete it, with its 2 check-ins")),
]


@pytest.mark.parametrize(("case", "mine_edit", "theirs_edit", "expected"), WORDS, ids=[c[0] for c in WORDS])
def test_a_conflict_reads_in_words(case, mine_edit, theirs_edit, expected):
    (conflict,) = merge(*sides(mine_edit, theirs_edit)).conflicts
    assert (conflict.reason, conflict.base, conflict.mine, conflict.theirs,
            conflict.keeps_mine, conflict.keeps_theirs) == expected


def test_only_revisions_of_one_notebook_merge():
    base, mine, theirs = sides(nothing, nothing)
    with pytest.raises(ValueError):
        merge(base, mine, theirs.model_copy(update={"id": "other"}))


# --- lists of entries compared at once --------------------------------------------------------


def _read_back(nb: Notebook) -> Notebook:
    return Notebook.from_json(nb.to_json())  # equal entries, none the same object


def _renewed(name: str, at: int, **changes: Any) -> Callable[[Notebook], list]:
    def entries(nb: Notebook) -> list:
        got = list(getattr(_read_back(nb), name))
        got[at] = got[at].model_copy(update=changes)
        return got
    return entries


SAME_ENTRIES = [
    ("the very same list", "checkins", lambda nb: nb.checkins, True),
    ("read back from its JSON", "checkins", lambda nb: _read_back(nb).checkins, True),
    ("actions with their days done, read back", "actions", lambda nb: _read_back(nb).actions, True),
    ("reviews with their decisions, read back", "reviews", lambda nb: _read_back(nb).reviews, True),
    ("goals with their metrics, read back", "goals", lambda nb: _read_back(nb).goals, True),
    ("a check-in's value changed", "checkins", _renewed("checkins", 1, value=3), False),
    ("one check-in more", "checkins", lambda nb: [*_read_back(nb).checkins, CheckIn(goal_id="lead", value=7)], False),
    ("one check-in fewer", "checkins", lambda nb: _read_back(nb).checkins[:-1], False),
    ("the same check-ins in another order", "checkins", lambda nb: _read_back(nb).checkins[::-1], False),
    ("an action's days done", "actions", _renewed("actions", 0, done_on=[date(2026, 1, 5)]), False),
    ("a review decision's note", "reviews",
     _renewed("reviews", 0, decisions=[GoalReviewDecision(goal_id="lead", note="Slower")]), False),
    ("a goal's metric target", "goals",
     _renewed("goals", 0, metric=Metric(name="People in my team", unit="people", baseline=5, target=13)), False),
]


@pytest.mark.parametrize(("case", "name", "other", "same"), SAME_ENTRIES, ids=[c[0] for c in SAME_ENTRIES])
def test_lists_of_entries_compared_at_once_agree_with_comparing_them_one_by_one(case, name, other, same):
    nb = base_notebook()
    mine, theirs = getattr(nb, name), other(nb)
    assert _same_entries(mine, theirs) is same
    assert (mine == theirs) is same  # pydantic's own comparison, entry by entry
