"""The sample notebook: what it must contain, and how loading moves it to today."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_core.models import (
    ActionStatus,
    DevelopmentCategory,
    Direction,
    GoalHorizon,
    GoalStatus,
    InputRole,
    Notebook,
    Recurrence,
    StopKind,
)
from career_core.sample import (
    MONTHS,
    SAMPLE_PATH,
    anchor,
    load_sample,
    shift_dates,
    shift_days,
    shift_text,
)
from career_core.store import Store

RAW = Notebook.model_validate_json(SAMPLE_PATH.read_bytes())
ANCHOR = date(2026, 11, 20)


def long_term(nb: Notebook) -> list:
    return [g for g in nb.goals if g.horizon is GoalHorizon.LONG_TERM]


def stepping_stones(nb: Notebook) -> list:
    (top,) = long_term(nb)
    return [g for g in nb.goals if g.parent_id == top.id]


def checkin_weeks(nb: Notebook, goal_id: str) -> set[date]:
    return {c.on - timedelta(days=c.on.weekday()) for c in nb.checkins if c.goal_id == goal_id}


def skipped_weeks(nb: Notebook) -> int:
    """Weeks between the first and last check-in with no check-in for the weekly hours goal."""
    (hours,) = [g for g in nb.goals if g.metric.direction is Direction.AT_MOST]
    weeks = checkin_weeks(nb, hours.id)
    span = (max(weeks) - min(weeks)).days // 7 + 1
    return span - len(weeks)


# --- the file ----------------------------------------------------------------------------------


def test_the_file_is_a_valid_current_schema_notebook() -> None:
    data = json.loads(SAMPLE_PATH.read_text())
    assert data["schema_version"] == 1
    assert Notebook.model_validate(data) == RAW


def test_the_file_is_anchored_on_its_latest_checkin() -> None:
    assert anchor(RAW) == ANCHOR


def test_the_file_is_readable_json_with_indentation() -> None:
    assert SAMPLE_PATH.read_text().startswith("{\n ")


# --- what the sample contains (the brief) ---------------------------------------------------------

BRIEF: list[tuple[str, Callable[[Notebook], bool]]] = [
    ("the title says it is a sample", lambda nb: nb.title.startswith("Sample")),
    ("settings: 50 hours a week, monthly reviews",
     lambda nb: nb.settings.weekly_hour_limit == 50 and nb.settings.review_cadence == "monthly"),
    ("8 to 10 skills rated now and wanted", lambda nb: 8 <= len(nb.reflection.skills) <= 10),
    ("some skills have room to grow", lambda nb: sum(s.wanted > s.now for s in nb.reflection.skills) >= 5),
    ("five ranked values", lambda nb: len(nb.reflection.values) == 5),
    ("interests, strengths, weaknesses and motivators",
     lambda nb: all([nb.reflection.interests, nb.reflection.strengths, nb.reflection.weaknesses,
                     nb.reflection.motivators])),
    ("a 'why I want this' paragraph", lambda nb: len(nb.reflection.why) > 200),
    ("private notes that say they are private", lambda nb: "PRIVATE" in nb.reflection.private_notes),
    ("a vision with statement, role, responsibility and impact",
     lambda nb: all([nb.vision.statement, nb.vision.target_role, nb.vision.responsibility, nb.vision.impact])),
    ("the vision's horizon is four years after the latest check-in",
     lambda nb: nb.vision.horizon_year == anchor(nb).year + 4),
    ("5 to 7 inputs", lambda nb: 5 <= len(nb.inputs) <= 7),
    ("inputs from mentor, manager, peer, direct report, coach and friend",
     lambda nb: {InputRole.MENTOR, InputRole.MANAGER, InputRole.PEER, InputRole.DIRECT_REPORT,
                 InputRole.COACH, InputRole.FRIEND} <= {i.role for i in nb.inputs}),
    ("development items in all five categories",
     lambda nb: {d.category for d in nb.development_items} == set(DevelopmentCategory)),
    ("some development items kept, some dropped",
     lambda nb: {d.kept for d in nb.development_items} == {True, False}),
    ("every kept development item has its authenticity check filled in",
     lambda nb: all(None not in (d.fits_values, d.fits_strengths, d.own_wish)
                    for d in nb.development_items if d.kept)),
    ("three organisational objectives", lambda nb: len(nb.org_objectives) == 3),
    ("exactly one long-term goal", lambda nb: len(long_term(nb)) == 1),
    ("the long-term goal is to head a division of about 200",
     lambda nb: "200" in long_term(nb)[0].statement and long_term(nb)[0].status is GoalStatus.ACTIVE),
    ("the long-term goal's deadline is four years out",
     lambda nb: (long_term(nb)[0].deadline - anchor(nb)).days in range(4 * 365 - 30, 4 * 365 + 31)),
    ("about five stepping stones under it", lambda nb: 4 <= len(stepping_stones(nb)) <= 6),
    ("every goal is the long-term goal or one of its stepping stones",
     lambda nb: len(nb.goals) == 1 + len(stepping_stones(nb))),
    ("stepping stones are active, at most one draft and one paused (five active goals at most, as Focus advises)",
     lambda nb: {g.status for g in stepping_stones(nb)} <= {GoalStatus.ACTIVE, GoalStatus.DRAFT, GoalStatus.PAUSED}
     and sum(g.status is GoalStatus.DRAFT for g in stepping_stones(nb)) <= 1
     and sum(g.status is GoalStatus.PAUSED for g in stepping_stones(nb)) <= 1),
    ("a goal of no more than 50 hours a week",
     lambda nb: any(g.metric.direction is Direction.AT_MOST and g.metric.target == 50
                    and g.metric.unit == "hours/week" for g in nb.goals)),
    ("a team of at least 10", lambda nb: any(g.metric.direction is Direction.AT_LEAST and g.metric.target == 10
                                              for g in nb.goals)),
    ("a leadership programme to complete", lambda nb: any(g.metric.direction is Direction.DONE
                                                          and "Programme" in g.statement for g in nb.goals)),
    ("engagement from 62 to 75", lambda nb: any(g.metric.direction is Direction.INCREASE
                                                 and (g.metric.baseline, g.metric.target) == (62, 75)
                                                 for g in nb.goals)),
    ("overtime going down", lambda nb: any(g.metric.direction is Direction.DECREASE for g in nb.goals)),
    ("every stepping stone has metric, dates, why, values and confidence",
     lambda nb: all(g.metric.name and g.start and g.deadline and g.why and g.values and g.confidence
                    for g in stepping_stones(nb))),
    ("some goals are aligned with objectives", lambda nb: sum(bool(g.objective_ids) for g in nb.goals) >= 4),
    ("revisions show statements getting sharper",
     lambda nb: sum(len(g.revisions) >= 2 for g in nb.goals) >= 2
     and all([r.score for r in g.revisions] == sorted(r.score for r in g.revisions) for g in nb.goals)),
    ("15 to 25 actions", lambda nb: 15 <= len(nb.actions) <= 25),
    ("one-off actions with due dates", lambda nb: any(a.recurrence is Recurrence.NONE and a.due for a in nb.actions)),
    ("weekly, every-two-weeks and monthly actions",
     lambda nb: {Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY} <= {a.recurrence for a in nb.actions}),
    ("recurring actions have done occurrences",
     lambda nb: all(a.done_on for a in nb.actions if a.recurrence is not Recurrence.NONE)),
    ("some one-off actions are done, with the day they were done",
     lambda nb: any(a.status is ActionStatus.DONE and a.completed_at for a in nb.actions)),
    ("some actions are still to do and due after the latest check-in",
     lambda nb: any(a.status is ActionStatus.TO_DO and a.due and a.due > anchor(nb) for a in nb.actions)),
    ("exactly two initiatives", lambda nb: len(nb.initiatives) == 2),
    ("initiatives have dates, measure, support, approvals and goals",
     lambda nb: all(i.start and i.finish and i.success_measure and i.supports and i.approvals and i.goal_ids
                    for i in nb.initiatives)),
    ("3 or 4 things to stop doing", lambda nb: 3 <= len(nb.stop_doing) <= 4),
    ("cancel, postpone and delegate all appear", lambda nb: {s.kind for s in nb.stop_doing} == set(StopKind)),
    ("postponed until a date, delegated to someone",
     lambda nb: all((s.kind is not StopKind.POSTPONE or s.until) and (s.kind is not StopKind.DELEGATE or s.delegate_to)
                    for s in nb.stop_doing)),
    ("stop-doing frees hours", lambda nb: all(s.hours_per_week > 0 for s in nb.stop_doing)),
    ("check-ins span at least five and a half months",
     lambda nb: (max(c.on for c in nb.checkins) - min(c.on for c in nb.checkins)).days >= 167),
    ("every active stepping stone has check-ins",
     lambda nb: all(any(c.goal_id == g.id for c in nb.checkins)
                    for g in stepping_stones(nb) if g.status is GoalStatus.ACTIVE)),
    ("the hours goal is checked weekly, with a couple of weeks skipped",
     lambda nb: 2 <= skipped_weeks(nb) <= 4),
    ("some check-ins have notes, some confidence",
     lambda nb: 5 <= sum(bool(c.note) for c in nb.checkins) < len(nb.checkins)
     and 5 <= sum(c.confidence is not None for c in nb.checkins) < len(nb.checkins)),
    ("two reviews about three months apart",
     lambda nb: len(nb.reviews) == 2 and 70 <= (nb.reviews[1].on - nb.reviews[0].on).days <= 100),
    ("reviews are filled in, with a next review and decisions",
     lambda nb: all(r.went_well and r.did_not and r.learned and r.change and r.next_review and r.decisions
                    for r in nb.reviews)),
    ("two accountability partners", lambda nb: len(nb.partners) == 2),
    ("two feedback entries", lambda nb: len(nb.feedback) == 2),
    ("two coach notes with next steps", lambda nb: len(nb.coach_notes) == 2
     and all(n.next_steps for n in nb.coach_notes)),
    ("a journal entry for a 25% or 50% milestone", lambda nb: any(j.milestone in (25, 50) for j in nb.journal)),
]


@pytest.mark.parametrize("check", [c for _, c in BRIEF], ids=[name for name, _ in BRIEF])
def test_the_sample_has(check: Callable[[Notebook], bool]) -> None:
    assert check(RAW)


# --- every reference resolves ----------------------------------------------------------------------

REFERENCES: list[tuple[str, Callable[[Notebook], list[str]], Callable[[Notebook], set[str]]]] = [
    ("action goal_id -> goals", lambda nb: [a.goal_id for a in nb.actions if a.goal_id], lambda nb: {g.id for g in nb.goals}),
    ("action initiative_id -> initiatives", lambda nb: [a.initiative_id for a in nb.actions if a.initiative_id],
     lambda nb: {i.id for i in nb.initiatives}),
    ("check-in goal_id -> goals", lambda nb: [c.goal_id for c in nb.checkins], lambda nb: {g.id for g in nb.goals}),
    ("goal parent_id -> goals", lambda nb: [g.parent_id for g in nb.goals if g.parent_id], lambda nb: {g.id for g in nb.goals}),
    ("goal objective_ids -> objectives", lambda nb: [o for g in nb.goals for o in g.objective_ids],
     lambda nb: {o.id for o in nb.org_objectives}),
    ("initiative goal_ids -> goals", lambda nb: [x for i in nb.initiatives for x in i.goal_ids], lambda nb: {g.id for g in nb.goals}),
    ("review decision goal_id -> goals", lambda nb: [d.goal_id for r in nb.reviews for d in r.decisions],
     lambda nb: {g.id for g in nb.goals}),
    ("journal goal_id -> goals", lambda nb: [j.goal_id for j in nb.journal if j.goal_id], lambda nb: {g.id for g in nb.goals}),
    ("goal values -> reflection values", lambda nb: [v for g in nb.goals for v in g.values], lambda nb: set(nb.reflection.values)),
]


@pytest.mark.parametrize(("refs", "targets"), [(r, t) for _, r, t in REFERENCES], ids=[n for n, _, _ in REFERENCES])
def test_every_reference_resolves(refs: Callable, targets: Callable) -> None:
    found = refs(RAW)
    assert found, "the sample should exercise this reference"
    assert set(found) <= targets(RAW)


@pytest.mark.parametrize("part", ["inputs", "development_items", "org_objectives", "goals", "actions", "initiatives",
                                  "stop_doing", "checkins", "reviews", "partners", "feedback", "coach_notes", "journal"])
def test_ids_are_unique_within(part: str) -> None:
    ids = [item.id for item in getattr(RAW, part)]
    assert len(ids) == len(set(ids))


# --- load_sample moves every date by the same number of days ---------------------------------------


def walk_dates(value: Any, path: str = "") -> Iterator[tuple[str, date]]:
    """Every date and datetime in a dumped notebook, with where it sits (independent of sample.py)."""
    if isinstance(value, date):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk_dates(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk_dates(v, f"{path}[{i}]")


TODAYS = [
    pytest.param(ANCHOR, id="the anchor itself: nothing moves"),
    pytest.param(ANCHOR + timedelta(days=1), id="one day later"),
    pytest.param(date(2026, 12, 31), id="new year's eve, same year"),
    pytest.param(date(2027, 1, 1), id="new year's day: crosses a year"),
    pytest.param(date(2028, 2, 29), id="a leap day"),
    pytest.param(date(2025, 3, 1), id="before the anchor"),
    pytest.param(date(2031, 6, 15), id="years later"),
]


@pytest.mark.parametrize("today", TODAYS)
def test_the_latest_checkin_falls_in_the_last_week_on_its_weekday(today: date) -> None:
    latest = anchor(load_sample(today))
    assert 0 <= (today - latest).days < 7
    assert latest.weekday() == ANCHOR.weekday()


@pytest.mark.parametrize("today", TODAYS)
def test_every_date_moves_by_the_same_delta(today: date) -> None:
    before = list(walk_dates(RAW.model_dump()))
    after = list(walk_dates(load_sample(today).model_dump()))
    assert [p for p, _ in before] == [p for p, _ in after]
    kinds = {re.sub(r"\[\d+\]", "", p) for p, _ in before}
    assert {".created_at", ".goals.revisions.at", ".actions.done_on", ".checkins.on", ".reviews.next_review",
            ".stop_doing.until", ".initiatives.finish", ".journal.on"} <= kinds
    deltas = {b - a for (_, a), (_, b) in zip(before, after, strict=True)}
    assert deltas == {timedelta(days=shift_days(ANCHOR, today))}
    assert deltas.pop().days % 7 == 0


@pytest.mark.parametrize("today", TODAYS)
def test_datetimes_keep_their_time_of_day_and_zone(today: date) -> None:
    shifted = load_sample(today)
    for was, now in [(RAW.created_at, shifted.created_at), (RAW.goals[0].revisions[0].at, shifted.goals[0].revisions[0].at)]:
        assert isinstance(now, datetime)
        assert (now.time(), now.tzinfo) == (was.time(), was.tzinfo)


@pytest.mark.parametrize(
    ("today", "horizon_year"),
    [
        (ANCHOR, 2030),
        (date(2026, 12, 31), 2030),  # a shift inside the same year leaves the year alone
        (date(2027, 1, 1), 2031),  # crossing into the next year moves it by one
        (date(2026, 1, 5), 2030),  # earlier, and the shifted anchor (2 Jan) stays in the same year
        (date(2025, 12, 31), 2029),
        (date(2035, 5, 5), 2039),
    ],
)
def test_the_vision_horizon_moves_by_whole_calendar_years(today: date, horizon_year: int) -> None:
    assert load_sample(today).vision.horizon_year == horizon_year


@pytest.mark.parametrize("today", TODAYS)
def test_everything_but_dates_is_unchanged(today: date) -> None:
    shifted = load_sample(today)

    def undated(nb: Notebook) -> Any:
        data = nb.model_dump(mode="json")
        data["vision"].pop("horizon_year")
        text = json.dumps(data)
        text = re.sub(r"\d{4}-\d\d-\d\d(T[0-9:.]+(Z|[+-]\d\d:\d\d)?)?", "<date>", text)
        return json.loads(re.sub(rf"\b(\d{{1,2}} ({'|'.join(MONTHS)}) )?(19|20|21)\d\d\b", "<date>", text))

    assert undated(shifted) == undated(RAW)


def all_ids(nb: Notebook) -> list[str]:
    data = nb.model_dump()
    return [v for k, v in walk(data) if k == "id" or k.endswith("_id")] + [
        x for k, v in walk(data) if k.endswith("_ids") for x in v
    ]


def walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    yield key, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v, key)


@pytest.mark.parametrize("today", TODAYS)
def test_ids_and_references_are_kept(today: date) -> None:
    assert all_ids(load_sample(today)) == all_ids(RAW)


def written(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@pytest.mark.parametrize("today", TODAYS)
def test_a_goal_statement_still_names_its_own_deadline(today: date) -> None:
    shifted = load_sample(today)
    named = [g for g in RAW.goals if written(g.deadline) in g.statement]
    assert len(named) == len(RAW.goals)  # the sample writes every deadline out in full
    for goal in shifted.goals:
        assert written(goal.deadline) in goal.statement


@pytest.mark.parametrize("today", TODAYS)
def test_the_vision_text_names_the_horizon_year(today: date) -> None:
    vision = load_sample(today).vision
    assert f"By the end of {vision.horizon_year}" in vision.statement


DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "delta", "years", "expected"),
    [
        ("by 31 May 2027", 2 * DAY, 0, "by 2 June 2027"),
        ("by 31 December 2026.", DAY, 1, "by 1 January 2027."),
        ("by 1 March 2028", -DAY, 0, "by 29 February 2028"),  # a leap year
        ("By the end of 2030 I lead", 40 * DAY, 1, "By the end of 2031 I lead"),
        ("Company plan 2026-2028", 400 * DAY, 1, "Company plan 2027-2029"),
        ("a bare year stays within one calendar year: 2030", 3 * DAY, 0, "a bare year stays within one calendar year: 2030"),
        ("on 31 June 2027, no such day", DAY, 1, "on 31 June 2027, no such day"),
        ("GBP 48,500 and 200 people and 52,000", 900 * DAY, 2, "GBP 48,500 and 200 people and 52,000"),
        ("from 62 to 75 points, 1.5 hours", 900 * DAY, 2, "from 62 to 75 points, 1.5 hours"),
        ("in May 2027 (no day: only the year moves)", 10 * DAY, 1, "in May 2028 (no day: only the year moves)"),
        ("goal-head-2030x", 400 * DAY, 1, "goal-head-2030x"),  # not a whole word
    ],
)
def test_shift_text(text: str, delta: timedelta, years: int, expected: str) -> None:
    assert shift_text(text, delta, years) == expected


def test_the_sample_text_has_no_numbers_that_would_be_mistaken_for_years() -> None:
    years = {int(m.group(3)) for _, text in walk(RAW.model_dump(mode="json")) if isinstance(text, str)
             for m in re.finditer(r"\b(\d{1,2} (\w+) )?((?:19|20|21)\d\d)\b", text)}
    assert years and years <= set(range(2020, 2036))


def test_the_sample_text_names_no_month_without_a_day_and_a_year() -> None:
    for key, text in walk(RAW.model_dump()):
        if isinstance(text, str):
            bare = re.sub(rf"\b\d{{1,2}} ({'|'.join(MONTHS)}) \d{{4}}\b", "", text)
            assert not re.search(rf"\b({'|'.join(MONTHS)})\b", bare), (key, text)


def test_load_sample_defaults_to_the_real_today() -> None:
    assert 0 <= (date.today() - anchor(load_sample())).days < 7


def test_load_sample_returns_a_fresh_notebook_each_time() -> None:
    first = load_sample(ANCHOR)
    first.goals[0].statement = "Changed by a page"
    assert load_sample(ANCHOR).goals[0].statement == RAW.goals[0].statement


def test_shift_dates_by_zero_is_the_identity() -> None:
    assert shift_dates(RAW, 0) == RAW


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_any_today_keeps_the_notebook_valid_and_anchored(today: date) -> None:
    shifted = load_sample(today)
    assert 0 <= (today - anchor(shifted)).days < 7
    assert Notebook.model_validate_json(shifted.to_json()) == shifted


# --- round trips --------------------------------------------------------------------------------


def test_the_sample_survives_a_json_round_trip() -> None:
    nb = load_sample(date(2027, 3, 1))
    assert Notebook.from_json(nb.to_json()) == nb
    assert Notebook.model_validate(json.loads(json.dumps(nb.model_dump(mode="json")))) == nb


def test_the_sample_survives_a_store_add_and_load(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'waypoint.db'}")
    nb = load_sample(date(2027, 3, 1))
    added = store.add("jo", nb)
    assert added.id != nb.id
    loaded = store.load("jo", added.id)
    assert loaded == added
    assert loaded.model_dump(exclude={"id", "revision", "created_at", "updated_at"}) == nb.model_dump(
        exclude={"id", "revision", "created_at", "updated_at"}
    )
    store.engine.dispose()
