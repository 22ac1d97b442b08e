"""What a person types into the plan's forms: built into an entry, or refused with a message per field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_core.models import (
    ActionStatus,
    InitiativeStatus,
    Recurrence,
    StopDoing,
    StopKind,
)
from career_core.plan.drafts import (
    ActionDraft,
    InitiativeDraft,
    StopDraft,
    build_action,
    build_initiative,
    build_stop,
    draft_of,
    stop_draft,
)
from career_core.validation import EntryError
from tests.core.plan.cases import TODAY, days, notebook, weekly

# --- input rules --------------------------------------------------------------------------

GOOD = ActionDraft("Weekly 1:1 with Sam", "g1", None, Recurrence.WEEKLY, TODAY, None, 1.5)


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"title": "   "}, "title", "cannot be empty"),
        ({"hours": -1.0}, "hours", "cannot be negative"),
        ({"hours": None}, "hours", "how many hours"),
        ({"hours": 200.0}, "hours", "at most 168"),
        ({"goal_id": None}, "goal_id", "Choose the goal or the initiative"),
        ({"goal_id": "gone"}, "goal_id", "no longer exists"),
        ({"goal_id": None, "initiative_id": "gone"}, "initiative_id", "no longer exists"),
        ({"when": None}, "when", "when it starts repeating"),
        ({"when": None, "recurrence": Recurrence.NONE}, "when", "when it is due"),
        ({"when": TODAY - timedelta(days=366)}, "when", "more than a year ago"),
        ({"until": TODAY - timedelta(days=1)}, "until", "end date comes before the start date"),
        ({"recurrence": Recurrence.NONE, "until": TODAY}, "until", "one-off step has no end date"),
    ],
)
def test_bad_action_input_names_the_field(changes, field, fragment):
    from dataclasses import replace

    with pytest.raises(EntryError) as caught:
        build_action(notebook(), replace(GOOD, **changes), TODAY)
    assert field in caught.value.problems
    assert fragment in caught.value.problems[field], caught.value.problems


def test_several_problems_are_reported_together():
    from dataclasses import replace

    with pytest.raises(EntryError) as caught:
        build_action(notebook(), replace(GOOD, title="", hours=-2, when=None), TODAY)
    assert set(caught.value.problems) == {"title", "hours", "when"}


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        (GOOD, {"recurrence": Recurrence.WEEKLY, "start": TODAY, "due": None, "end": None, "hours": 1.5}),
        (ActionDraft("Book it", "g1", None, Recurrence.NONE, days(3), None, 0.0),
         {"recurrence": Recurrence.NONE, "due": days(3), "start": None, "hours": 0}),
        # exactly a year ago is still fine
        (ActionDraft("Catch up", "g1", None, Recurrence.NONE, TODAY - timedelta(days=365), None, 1.0), {"due": TODAY - timedelta(days=365)}),
        (ActionDraft("Done already", "g1", None, Recurrence.NONE, days(-3), None, 1.0, ActionStatus.DONE),
         {"status": ActionStatus.DONE, "completed_at": TODAY}),
    ],
)
def test_good_action_input_builds_the_action(draft, expected):
    action = build_action(notebook(), draft, TODAY)
    assert {k: getattr(action, k) for k in expected} == expected


def test_editing_keeps_id_and_ticks_and_allows_an_old_date_that_was_already_there():
    old = weekly(start=TODAY - timedelta(days=500), done_on=[TODAY - timedelta(days=500)])
    nb = notebook(actions=[old])
    from dataclasses import replace

    edited = build_action(nb, replace(draft_of(old), title="1:1s (new format)"), TODAY, previous=old)
    assert (edited.id, edited.done_on, edited.start, edited.title) == (old.id, old.done_on, old.start, "1:1s (new format)")
    with pytest.raises(EntryError):  # moving it to another far-past date is a typo again
        build_action(nb, replace(draft_of(old), when=TODAY - timedelta(days=499)), TODAY, previous=old)


@settings(max_examples=150, deadline=None)
@given(title=st.text(max_size=400), hours=st.none() | st.floats(allow_nan=False, allow_infinity=False, width=32),
       shift=st.integers(-1000, 1000))
def test_any_typed_action_is_built_or_refused_with_messages(title, hours, shift):
    draft = ActionDraft(title, "g1", None, Recurrence.NONE, TODAY + timedelta(days=shift), None, hours)
    try:
        action = build_action(notebook(), draft, TODAY)
    except EntryError as exc:
        assert exc.problems and all(isinstance(m, str) and m for m in exc.problems.values())
    else:
        assert action.title and action.title in title and 0 <= action.hours <= 168


GOOD_INITIATIVE = InitiativeDraft("Routing pilot", days(-10), days(100), "5% cheaper routes", "Shows cross-depot results",
                                  ("g1",), "COO budget", InitiativeStatus.ACTIVE)


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"title": ""}, "title", "cannot be empty"),
        ({"finish": days(-20)}, "finish", "finish date comes before the start date"),
        ({"start": None, "finish": TODAY - timedelta(days=400)}, "finish", "more than a year ago"),
        ({"goal_ids": ("g1", "gone")}, "goal_ids", "no longer exists"),
    ],
)
def test_bad_initiative_input_names_the_field(changes, field, fragment):
    from dataclasses import replace

    with pytest.raises(EntryError) as caught:
        build_initiative(notebook(), replace(GOOD_INITIATIVE, **changes), TODAY)
    assert fragment in caught.value.problems[field]


def test_good_initiative_input_builds_the_initiative():
    i = build_initiative(notebook(), GOOD_INITIATIVE, TODAY)
    assert (i.title, i.goal_ids, i.status) == ("Routing pilot", ["g1"], InitiativeStatus.ACTIVE)


GOOD_STOP = StopDraft("Weekly rates call", StopKind.CANCEL, "", None, 1.5, TODAY)


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"what": " "}, "what", "cannot be empty"),
        ({"hours_per_week": -1.0}, "hours_per_week", "cannot be negative"),
        ({"kind": StopKind.DELEGATE}, "delegate_to", "Say who takes it over"),
        ({"delegate_to": "Sam"}, "delegate_to", "Only a delegated task"),
        ({"kind": StopKind.POSTPONE}, "until", "until when"),
        ({"until": days(30)}, "until", "Cancelling is for good"),
        ({"kind": StopKind.POSTPONE, "until": days(-1), "since": days(-5)}, "until", "passed already"),
        ({"kind": StopKind.POSTPONE, "until": days(-1)}, "until", "comes before the day you stop"),
        ({"since": TODAY - timedelta(days=400)}, "since", "more than a year ago"),
    ],
)
def test_bad_stop_input_names_the_field(changes, field, fragment):
    from dataclasses import replace

    with pytest.raises(EntryError) as caught:
        build_stop(notebook(), replace(GOOD_STOP, **changes), TODAY)
    assert fragment in caught.value.problems[field], caught.value.problems


@pytest.mark.parametrize(
    "draft",
    [
        GOOD_STOP,
        StopDraft("Monday forecast", StopKind.DELEGATE, "  Sam  ", None, 3.0, None),
        StopDraft("Handbook", StopKind.POSTPONE, "", days(90), 2.0, TODAY),
    ],
)
def test_good_stop_input_builds_the_entry(draft):
    entry = build_stop(notebook(), draft, TODAY)
    assert entry.kind is draft.kind and entry.delegate_to == draft.delegate_to.strip()


def test_editing_a_stop_keeps_a_return_date_that_has_passed():
    old = StopDoing(what="Handbook", kind=StopKind.POSTPONE, hours_per_week=2, until=days(-10), since=days(-100))
    from dataclasses import replace

    edited = build_stop(notebook(), replace(stop_draft(old), hours_per_week=2.5), TODAY, previous=old)
    assert (edited.id, edited.until, edited.hours_per_week) == (old.id, old.until, 2.5)
