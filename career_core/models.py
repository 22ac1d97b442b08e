"""The notebook: one pydantic document per person's career plan.

Everything a page shows or edits lives here, so a notebook can be stored, exported and
migrated as a single JSON document. Validation errors name the field that is wrong.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from itertools import islice
from operator import lt
from typing import Annotated, Any, Literal, NoReturn, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import CoreSchema, core_schema

from career_core import direction, integrity, limits
from career_core.limits import FIRST_DAY, LAST_DAY
from career_core.migrations import SCHEMA_VERSION, current

# Free-text limits (career_core.limits): generous for people, small enough that a runaway paste
# cannot bloat a notebook.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=limits.SHORT)]
LongText = Annotated[str, StringConstraints(max_length=limits.LONG)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.TITLE)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.SHORT)]
Rating = Annotated[int, Field(ge=1, le=5)]
Confidence = Annotated[int, Field(ge=1, le=10)]


def _unsigned(value: float) -> float:
    """-0 is kept as 0: the same number, so equal entries also write the same JSON (the store
    reuses a run of entries equal to the one it wrote, career_core.frozen_runs)."""
    return value + 0.0  # -0.0 + 0.0 is 0.0; any other value is unchanged


Hours = Annotated[float, Field(ge=0, le=168), AfterValidator(_unsigned)]
# A measured value: NaN and Infinity are refused, never stored (JSON would turn them into blanks).
Number = Annotated[float, Field(allow_inf_nan=False), AfterValidator(_unsigned)]
# Every date lies between 1900 and 2200, so date arithmetic on any page stays inside Python's dates.
Day = Annotated[date, Field(ge=FIRST_DAY, le=LAST_DAY)]


def _in_years(value: datetime) -> datetime:
    if not FIRST_DAY.year <= value.year <= LAST_DAY.year:
        raise ValueError(f"Dates run from {FIRST_DAY.year} to {LAST_DAY.year}.")
    return value


def _utc(value: datetime) -> datetime:
    """Every timestamp is aware and in UTC: files mix naive and aware ones, which cannot be compared.
    A naive one is taken as UTC (Waypoint always wrote UTC). The year is checked before converting
    (near year 1 or 9999 the conversion overflows) and after (so what is stored loads again)."""
    _in_years(value)
    return _in_years(value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC))


Moment = Annotated[datetime, AfterValidator(_utc)]


def _each_once(names: list[Any]) -> list[Any]:
    """A link or a value named twice (a file imported so) means it once: shown twice, a goal would
    read "objectives Delivery, Delivery". The first mention keeps its place."""
    return names if len(set(names)) == len(names) else list(dict.fromkeys(names))


Once = AfterValidator(_each_once)  # for lists of links and names, whose order is kept but repeats mean nothing


class Fixed(list):  # type: ignore[type-arg]
    """A list inside a frozen entry (an action, a review), refusing any change in place: the entry
    is replaced, never changed, and a list changed inside it would leave stale the JSON the store
    keeps of it. A list still, for everything that reads one; copies are itself, as nothing can change it."""

    __slots__ = ()
    REFUSAL = "A list inside a saved entry is not changed in place: renew the entry (edit.renew)."

    def _refuse(self, *_args: object, **_kwargs: object) -> NoReturn:
        raise TypeError(self.REFUSAL)

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, _memo: object) -> Self:
        return self

    def __reduce__(self) -> tuple[type[Self], tuple[list[Any]]]:
        return (type(self), (list(self),))


class Days(Fixed):
    """The days an action was done."""

    __slots__ = ()
    REFUSAL = "An action's days done are not changed in place: renew the action (edit.renew)."


def _days_in_order(days: list[date]) -> Days:
    """Days an action was done: each once, earliest first, as the app writes them. A file may
    repeat one, and a review counting ticks would then count that day twice."""
    return Days(days if all(map(lt, days, islice(days, 1, None))) else sorted(set(days)))  # the check in C: 400 lists a load


def bounded(path: str, empty: Callable[[], list[Any]] = list) -> Any:
    """A list field holding at most the documented number of entries (career_core.limits.LISTS).
    fail_fast: a long list of bad entries stops at the first, so its errors cannot pile up."""
    return Field(default_factory=empty, max_length=limits.limit(path), fail_fast=True)


# Marks a field that presentation mode hides (a coach's shared screen): `Field(..., json_schema_extra=PRIVATE)`.
# career_core.privacy finds every field so marked; waypoint_ui.fields hides them while presenting.
PRIVATE: dict[str, Any] = {"private": True}


def new_id() -> str:
    """Short random ids: unique enough inside one notebook, readable in exports."""
    return uuid.uuid4().hex[:12]


def new_notebook_id() -> str:
    """Notebook ids are full UUIDs: they appear in URLs and must not be guessable."""
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


class Record(BaseModel):
    """Base of every part of the notebook: strict about unknown keys, checks every assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Item(Record):
    """A list entry with a generated id, so it can be referenced and edited in place."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=limits.ID)


# --- enumerations (values are stored; labels are for people) ----------------------------------


class Labelled(StrEnum):
    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """Validated as an enum, written as the string it is: pydantic writes an enum through its
        `value` property, a Python call per field, a thousand or more in each save of a notebook
        kept for years; a StrEnum member is already that string, so the JSON is the same bytes."""
        schema = handler(source)
        schema["serialization"] = core_schema.simple_ser_schema("str")
        return schema


class ReviewCadence(Labelled):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @property
    def label(self) -> str:
        return "Every two weeks" if self is ReviewCadence.BIWEEKLY else self.value.capitalize()


class InputRole(Labelled):
    MENTOR = "mentor"
    MANAGER = "manager"
    PEER = "peer"
    DIRECT_REPORT = "direct_report"
    COACH = "coach"
    FRIEND = "friend"
    OTHER = "other"


class DevelopmentCategory(Labelled):
    SKILL = "skill"
    TRAINING = "training"
    RELATIONSHIP = "relationship"
    THRESHOLD = "threshold"
    WEAKNESS = "weakness"

    @property
    def label(self) -> str:
        return {
            "skill": "Skill to develop",
            "training": "Training or education",
            "relationship": "Relationship to cultivate",
            "threshold": "Threshold to reach in my current job",
            "weakness": "Weakness to overcome",
        }[self.value]


class GoalHorizon(Labelled):
    LONG_TERM = "long_term"
    SHORT_TERM = "short_term"


class Direction(Labelled):
    INCREASE = "increase"
    DECREASE = "decrease"
    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    DONE = "done"

    @property
    def label(self) -> str:
        return {
            "increase": "Increase to the target",
            "decrease": "Decrease to the target",
            "at_most": "Stay at or below a limit",
            "at_least": "Stay at or above a floor",
            "done": "Done / not done",
        }[self.value]


class GoalStatus(Labelled):
    DRAFT = "draft"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    DROPPED = "dropped"


class Recurrence(Labelled):
    NONE = "none"
    DAILY = "daily"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @property
    def label(self) -> str:
        return {"none": "Once", "biweekly": "Every two weeks"}.get(self.value, self.value.capitalize())


class ActionStatus(Labelled):
    TO_DO = "todo"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return {"todo": "To do"}.get(self.value, self.value.capitalize())


class InitiativeStatus(Labelled):
    IDEA = "idea"
    PLANNED = "planned"
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"


class StopKind(Labelled):
    CANCEL = "cancel"
    POSTPONE = "postpone"
    DELEGATE = "delegate"


class ReviewDecision(Labelled):
    KEEP = "keep"
    REVISE = "revise"
    PAUSE = "pause"
    DROP = "drop"


# --- parts of the notebook ---------------------------------------------------------------------


class Settings(Record):
    weekly_hour_limit: Annotated[float, Field(gt=0, le=168)] = 50
    review_cadence: ReviewCadence = ReviewCadence.MONTHLY
    # Hours a usual week takes before the plan adds anything; 0 = not given (the load is the plan alone).
    usual_weekly_hours: Hours = 0


class SkillRating(Item):
    name: Name
    now: Rating = 3
    wanted: Rating = 4
    note: ShortText = ""


class Reflection(Record):
    skills: list[SkillRating] = bounded("reflection.skills")
    interests: list[ShortText] = bounded("reflection.interests")
    values: list[ShortText] = bounded("reflection.values")  # ranked, first matters most
    strengths: list[ShortText] = bounded("reflection.strengths")
    weaknesses: list[ShortText] = bounded("reflection.weaknesses")
    motivators: list[ShortText] = bounded("reflection.motivators")
    why: LongText = ""
    private_notes: LongText = Field(default="", json_schema_extra=PRIVATE)


class Vision(Record):
    statement: LongText = ""
    target_role: ShortText = ""
    responsibility: ShortText = ""
    impact: LongText = ""
    horizon_year: Annotated[int, Field(ge=FIRST_DAY.year, le=LAST_DAY.year)] | None = None


class InputEntry(Item):
    """What someone said when asked for input, and what I take from it."""

    on: Day = Field(default_factory=date.today)
    who: Name
    role: InputRole = InputRole.MENTOR
    said: LongText = ""
    takeaway: LongText = ""


class DevelopmentItem(Item):
    category: DevelopmentCategory = DevelopmentCategory.SKILL
    title: Name
    value: Rating = 3
    motivation: Rating = 3
    kept: bool = True
    fits_values: bool | None = None
    fits_strengths: bool | None = None
    own_wish: bool | None = None
    note: LongText = ""


class OrgObjective(Item):
    title: Name
    description: LongText = ""


class Metric(Record):
    name: ShortText = ""
    unit: Annotated[str, StringConstraints(strip_whitespace=True, max_length=limits.UNIT)] = ""
    baseline: Number | None = None
    target: Number | None = None
    direction: Direction = Direction.INCREASE

    @model_validator(mode="after")
    def _direction_follows_the_numbers(self) -> Self:
        """An increase with a target below the baseline (or the reverse) is refused, never stored."""
        if problem := direction.contradiction(self.direction.value, self.baseline, self.target, self.unit):
            raise ValueError(f"direction: {problem}")
        return self


class GoalRevision(Record):
    """One earlier wording of a goal with its SMART score, so its history shows it sharpening."""

    at: Moment = Field(default_factory=utc_now)
    statement: Annotated[str, StringConstraints(max_length=limits.STATEMENT)]
    score: Annotated[int, Field(ge=0, le=100)] | None = None
    note: ShortText = ""


class Goal(Item):
    statement: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.STATEMENT)]
    horizon: GoalHorizon = GoalHorizon.SHORT_TERM
    parent_id: str | None = None
    category: ShortText = ""
    metric: Metric = Field(default_factory=Metric)
    start: Day | None = None
    deadline: Day | None = None
    why: LongText = ""
    values: Annotated[list[ShortText], Once] = bounded("goals[].values")
    objective_ids: Annotated[list[str], Once] = bounded("goals[].objective_ids")
    supports_vision: bool = False
    confidence: Confidence | None = None
    support: LongText = ""
    impact: Rating = 3
    motivation: Rating = 3
    status: GoalStatus = GoalStatus.DRAFT
    created_at: Moment = Field(default_factory=utc_now)
    revisions: list[GoalRevision] = bounded("goals[].revisions")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.start and self.deadline and self.deadline < self.start:
            raise ValueError("deadline: the deadline comes before the start date")
        if self.parent_id is not None and self.parent_id == self.id:
            raise ValueError("parent_id: a goal cannot be its own stepping stone")
        return self


class Action(Item):
    """A bite-sized step: once (by a due date) or recurring between start and end. Frozen, as a
    check-in is: a tick replaces the action (edit.renew), so the store keeps the JSON of actions
    a save did not touch (career_core.document_runs); a five-year notebook holds 400."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=True)

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.ACTION_TITLE)]
    goal_id: str | None = None
    initiative_id: str | None = None
    due: Day | None = None
    recurrence: Recurrence = Recurrence.NONE
    start: Day | None = None
    end: Day | None = None
    hours: Hours = 1.0
    status: ActionStatus = ActionStatus.TO_DO
    done_on: Annotated[list[Day], AfterValidator(_days_in_order)] = bounded("actions[].done_on", Days)  # completed occurrences
    completed_at: Day | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end: the end date comes before the start date")
        if self.recurrence is not Recurrence.NONE and self.start is None:
            raise ValueError("start: a recurring action needs a start date")
        return self


class Initiative(Item):
    title: Name
    start: Day | None = None
    finish: Day | None = None
    success_measure: LongText = ""
    supports: LongText = ""
    goal_ids: Annotated[list[str], Once] = bounded("initiatives[].goal_ids")
    approvals: LongText = ""
    status: InitiativeStatus = InitiativeStatus.PLANNED

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.start and self.finish and self.finish < self.start:
            raise ValueError("finish: the finish date comes before the start date")
        return self


class StopDoing(Item):
    what: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.ACTION_TITLE)]
    kind: StopKind = StopKind.CANCEL
    delegate_to: ShortText = ""
    until: Day | None = None
    hours_per_week: Hours = 0
    since: Day | None = None


class CheckIn(Item):
    """A value logged on a day. Frozen: a check-in is replaced, never changed in place, so the store
    can keep the JSON of check-ins it wrote before (career_core.document_runs)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=True)

    goal_id: str
    on: Day = Field(default_factory=date.today)
    value: Number | None = None
    note: LongText = Field(default="", json_schema_extra=PRIVATE)  # often what is not said to a coach's face
    confidence: Confidence | None = None


class GoalReviewDecision(Record):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=True)

    goal_id: str
    decision: ReviewDecision = ReviewDecision.KEEP
    diagnosis: ShortText = ""
    note: LongText = ""


class Review(Item):
    """One review of the cycle. Frozen, as an action is: an edit replaces it (edit.renew), so the
    store keeps the JSON of the reviews a save did not touch (career_core.document_runs); a
    five-year notebook holds sixty, the largest part of its document after the check-ins and the
    actions."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=True)

    on: Day = Field(default_factory=date.today)
    went_well: LongText = ""
    did_not: LongText = ""
    learned: LongText = ""
    change: LongText = ""
    next_review: Day | None = None
    decisions: Annotated[list[GoalReviewDecision], AfterValidator(Fixed)] = bounded("reviews[].decisions", Fixed)


class Partner(Item):
    """Someone who knows my goals and holds me to them."""

    name: Name
    role: ShortText = ""
    sees: LongText = ""


class Feedback(Item):
    on: Day = Field(default_factory=date.today)
    from_whom: Name
    what: LongText = Field(default="", json_schema_extra=PRIVATE)  # others' words about me, not for a shared screen


class CoachNote(Item):
    on: Day = Field(default_factory=date.today)
    notes: LongText = ""
    next_steps: LongText = ""


class JournalEntry(Item):
    """A moment worth keeping: a milestone reached, a goal achieved."""

    on: Day = Field(default_factory=date.today)
    goal_id: str | None = None
    milestone: Annotated[int, Field(ge=0, le=100)] | None = None
    text: LongText = ""


class Notebook(Record):
    """One person's career notebook: the unit that is stored, versioned and exported."""

    schema_version: Literal[SCHEMA_VERSION] = SCHEMA_VERSION  # older data: use from_data/from_json
    id: str = Field(default_factory=new_notebook_id, min_length=1, max_length=limits.ID)
    revision: Annotated[int, Field(ge=0)] = 0
    title: Title = "My notebook"
    created_at: Moment = Field(default_factory=utc_now)
    updated_at: Moment = Field(default_factory=utc_now)
    settings: Settings = Field(default_factory=Settings)
    reflection: Reflection = Field(default_factory=Reflection)
    vision: Vision = Field(default_factory=Vision)
    inputs: list[InputEntry] = bounded("inputs")
    development_items: list[DevelopmentItem] = bounded("development_items")
    org_objectives: list[OrgObjective] = bounded("org_objectives")
    goals: list[Goal] = bounded("goals")
    actions: list[Action] = bounded("actions")
    initiatives: list[Initiative] = bounded("initiatives")
    stop_doing: list[StopDoing] = bounded("stop_doing")
    checkins: list[CheckIn] = bounded("checkins")
    reviews: list[Review] = bounded("reviews")
    partners: list[Partner] = bounded("partners")
    feedback: list[Feedback] = bounded("feedback")
    coach_notes: list[CoachNote] = bounded("coach_notes")
    journal: list[JournalEntry] = bounded("journal")

    @model_validator(mode="after")
    def _within_limits_and_consistent(self) -> Self:
        """The rules no single entry can check: totals, unique ids, references, the goal tree."""
        try:
            integrity.verify(self)
        except (limits.LimitError, integrity.Inconsistent) as exc:
            raise ValueError(f"{exc.field}: {exc}") from None  # "field: message" lands beside the field
        return self

    # Lookups used by pages and the core alike.
    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, text: str | bytes) -> Notebook:
        """Load a notebook written by this or any older schema version.

        Documents this version wrote start with its schema_version (the first field) and are
        validated straight from JSON, the fast path; anything else is parsed and migrated first.
        """
        head = text[:40] if isinstance(text, str) else text[:40].decode("utf-8", "replace")
        try:
            if head.startswith(_CURRENT_PREFIX):
                return cls.model_validate_json(text)
            return cls.from_data(json.loads(text))
        except ValidationError:
            # Saved before references had to resolve: drop links to entries deleted since, as an
            # import would, rather than leave the notebook unopenable. Anything else stays refused.
            data = current(json.loads(text))
            try:
                repaired = isinstance(data, dict) and integrity.repair(data, new_id)
            except integrity.Inconsistent:
                repaired = []
            if not repaired:
                raise
            return cls.model_validate(data)

    @classmethod
    def from_data(cls, data: Any) -> Notebook:
        """Validate parsed JSON of any schema version; MigrationError when it cannot be upgraded."""
        return cls.model_validate(current(data))


_CURRENT_PREFIX = f'{{"schema_version":{SCHEMA_VERSION},'
