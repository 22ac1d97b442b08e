"""A generated notebook as big as five years of steady use, for tests and benchmarks (not the app).

Every page must stay quick for someone who has used Waypoint for years, so tests and benchmarks
need such a notebook without anyone having lived through five years: about 40 goals (long-term
ones with short-term stepping stones), 400 actions, 5,000 check-ins and 60 monthly reviews,
plus the smaller lists. The same seed and `today` always give the same notebook (every id and
timestamp comes from one `random.Random`), and building it takes well under a second.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from career_core import limits
from career_core.models import Notebook

GOALS = 40
LONG_TERM = 8  # each with (GOALS - LONG_TERM) / LONG_TERM = 4 stepping stones
ACTIONS = 400
CHECKINS = 5000
REVIEWS = 60
YEARS = 5

Data = dict[str, Any]


@dataclass(frozen=True)
class _MetricKind:
    name: str
    unit: str
    direction: str
    baseline: tuple[float, float]
    target: tuple[float, float]  # absolute range of the target
    statement: str  # formatted with baseline, target, unit, deadline


_METRICS = [
    _MetricKind("Team engagement score", "points", "increase", (55, 64), (70, 80),
                "Raise my team's engagement score from {baseline:g} to {target:g} by {deadline}."),
    _MetricKind("People reporting to me", "people", "at_least", (4, 8), (10, 16),
                "Lead a team of at least {target:g} people by {deadline}."),
    _MetricKind("Hours worked per week", "hours/week", "at_most", (52, 60), (45, 50),
                "Work no more than {target:g} hours a week, every week until {deadline}."),
    _MetricKind("Team overtime", "hours/month", "decrease", (30, 45), (10, 18),
                "Cut my team's overtime from {baseline:g} to {target:g} hours a month by {deadline}."),
    _MetricKind("Customer satisfaction", "%", "increase", (76, 84), (88, 93),
                "Lift customer satisfaction on my accounts from {baseline:g}% to {target:g}% by {deadline}."),
    _MetricKind("Voluntary turnover", "%", "decrease", (15, 22), (8, 12),
                "Bring voluntary turnover in my area down from {baseline:g}% to {target:g}% by {deadline}."),
    _MetricKind("Certificate earned", "", "done", (0, 0), (1, 1),
                "Pass the {course} exam and hold the certificate by {deadline}."),
    _MetricKind("Mentoring sessions given", "sessions", "increase", (0, 0), (12, 24),
                "Give {target:g} mentoring sessions to new team leads by {deadline}."),
    _MetricKind("On-time delivery", "%", "increase", (90, 94), (96, 98),
                "Raise on-time delivery for my region from {baseline:g}% to {target:g}% by {deadline}."),
    _MetricKind("Travel days per month", "days/month", "at_most", (9, 12), (5, 7),
                "Travel no more than {target:g} days a month from now until {deadline}."),
    _MetricKind("Talks given", "talks", "increase", (0, 0), (2, 4),
                "Give {target:g} talks about our work at industry events by {deadline}."),
    _MetricKind("Budget I own", "GBP k", "increase", (0, 150), (400, 1500),
                "Take ownership of a budget of at least GBP {target:g}k by {deadline}."),
]

_COUNTED = {"people", "sessions", "talks", "days/month"}  # whole numbers only

_LONG_TERM = [
    "Become Head of {area}, leading about {people} people, by {deadline}.",
    "Move into a director role over {area} with a team of {people} by {deadline}.",
    "Run the {area} function of about {people} people as its leader by {deadline}.",
    "Be promoted to senior manager of {area}, responsible for {people} people, by {deadline}.",
]
_AREAS = ["Network Operations", "Customer Service", "Planning", "Warehousing", "Fleet", "Supply Chain",
          "Product Engineering", "Data and Analytics"]
_COURSES = ["project management", "lean six sigma green belt", "chartered logistics", "coaching",
            "finance for managers", "agile leadership"]
_VALUES = ["Growing people", "Keeping my word", "Time with my family", "Fairness", "Learning",
           "Independence", "Craft", "Health"]
_PEOPLE = ["Priya", "Dan", "Aisha", "Helen", "Martin", "Grace", "Leon", "Sam", "Ollie", "Maya",
           "Tom", "Ines", "Kofi", "Ruth"]
_VERBS = ["Draft", "Agree", "Book", "Finish", "Send", "Review", "Prepare", "Present", "Plan", "Write up",
          "Ask for", "Schedule"]
_OBJECTS = ["the quarterly plan", "a one-page proposal", "the budget forecast", "my development plan",
            "the handover notes", "the team survey results", "a training session", "the hiring brief",
            "the pilot results", "feedback from two peers", "the rota for next month", "a skip-level meeting"]
_RECURRING = ["One-to-ones with each direct report", "Log my hours and plan an offline evening",
              "Study block", "Call with my mentor", "Visit a site with no problem to solve",
              "Team pulse survey", "Overtime review with the rota", "Read one chapter on leadership",
              "Walk-through of the numbers with finance", "Write three lines in the journal"]
_INITIATIVE_VERBS = ["Pilot", "Roll out", "Redesign", "Merge"]
_INITIATIVE_OBJECTS = ["dynamic routing", "the dispatch desk", "the rota", "the onboarding programme",
                       "the depot dashboards"]
_NOTES = [
    "Steady week; nothing unusual.",
    "A busy week with two escalations, but the number held.",
    "Better than expected after the change we made last month.",
    "Holiday cover made this harder than usual.",
    "The team noticed the difference before I did.",
    "Slipped a little; the cause was a one-off outage.",
    "Talked it through with my mentor and adjusted the plan.",
    "Peak season: expected this dip, and it was smaller than last year.",
    "Good conversation in the team meeting about why this matters.",
    "Measured the same way as last time, so it compares fairly.",
]
_REVIEW = {
    "went_well": ["Most actions happened on time and two goals are ahead of plan.",
                  "The stop-doing list freed real time, and I used it for the important work.",
                  "Check-ins every week kept the numbers honest.",
                  "Feedback from the team was warmer than last quarter."],
    "did_not": ["The busy weeks pushed my hours over the limit again.",
                "I skipped two check-ins and lost track of one goal.",
                "The training module took twice the time I planned.",
                "A reorganisation froze the hiring plan for a month."],
    "learned": ["Plans survive busy weeks only when the busy weeks are planned too.",
                "Small weekly actions beat one big push at the end.",
                "Asking for help early costs less than rescuing a goal late.",
                "A goal I do not care about does not get done, however well it is written."],
    "change": ["Put the review itself in the calendar as a recurring hour.",
               "Delegate one more recurring task before the next review.",
               "Split the largest goal into two stepping stones with their own dates.",
               "Drop one action that no longer moves anything."],
}
_DECISION_NOTES = {
    "keep": ("On track", ""),
    "revise": ("Target no longer fits the situation", "Rewrite the target with the new baseline."),
    "pause": ("Blocked by a reorganisation", "Pick it up again after the next review."),
    "drop": ("No longer relevant to the vision", "Free the time for the goals that matter now."),
}


def five_year_notebook(seed: int = 0, today: date | None = None, scale: int = 1) -> Notebook:
    """A valid notebook of five years' use ending on `today`: 40 goals, 400 actions, 5,000 check-ins, 60 reviews.

    `scale` multiplies every list (scale=10 is a notebook at the documented limits of
    `career_core.limits`: 400 goals, 4,000 actions, 50,000 check-ins), still within five years.
    """
    today = today or date.today()
    return Notebook.model_validate(notebook_data(seed, today, scale))


def crowded_notebook(seed: int = 0, today: date | None = None) -> Notebook:
    """The notebook at the limits (scale=10) in the shapes that cost pages the most: every action
    a weekly step of one goal, running now (each week holds 4,000 of them, far over the hour
    limit), every goal active and past its deadline (each one slips and asks for a decision),
    every development item kept with its authenticity in doubt, and the most partners."""
    today = today or date.today()
    data = notebook_data(seed, today, scale=10)
    rng = random.Random(seed)
    first = data["goals"][0]["id"]
    data["actions"] = [
        {"id": f"{rng.getrandbits(48):012x}", "title": f"Weekly step {i} of the plan", "goal_id": first,
         "recurrence": "weekly", "start": (today - timedelta(days=14)).isoformat(), "hours": 0.25}
        for i in range(limits.limit("actions"))
    ]
    yesterday = today - timedelta(days=1)
    for goal in data["goals"]:
        start = date.fromisoformat(goal["start"]) if goal.get("start") else None
        goal.update(status="active", deadline=max(yesterday, start or yesterday).isoformat())
    for item in data["development_items"]:
        item.update(kept=True, fits_values=False, own_wish=False)
    data["partners"] = [{"id": f"{rng.getrandbits(48):012x}", "name": f"Partner {i}", "role": "Peer",
                         "sees": "Every goal and every review."} for i in range(limits.limit("partners"))]
    return Notebook.model_validate(data)


def notebook_data(seed: int, today: date, scale: int = 1) -> Data:
    """The same notebook as JSON data, for tests and benchmarks that write it as a file."""
    return _Builder(random.Random(seed), today, scale).build()


class _Builder:
    def __init__(self, rng: random.Random, today: date, scale: int = 1) -> None:
        self.rng = rng
        self.today = today
        self.scale = scale
        self.begin = today - timedelta(days=round(YEARS * 365.25))

    # --- small helpers ------------------------------------------------------------------------

    def id(self) -> str:
        return f"{self.rng.getrandbits(48):012x}"

    def stamp(self, day: date) -> str:
        at = datetime.combine(day, time(self.rng.randint(7, 21), self.rng.randint(0, 59)), UTC)
        return at.isoformat()

    def day_between(self, a: date, b: date) -> date:
        return a + timedelta(days=self.rng.randint(0, max(0, (b - a).days)))

    def sentence(self, options: list[str]) -> str:
        return self.rng.choice(options)

    # --- the notebook -------------------------------------------------------------------------

    def build(self) -> Data:
        objectives = self.objectives()
        goals = self.goals([o["id"] for o in objectives])
        initiatives = self.initiatives(goals)
        return {
            "schema_version": 1,
            "id": f"{self.rng.getrandbits(128):032x}",
            "revision": 0,
            "title": f"Five years of goals ({self.begin.year}-{self.today.year})",
            "created_at": self.stamp(self.begin),
            "updated_at": self.stamp(self.today),
            "settings": {"weekly_hour_limit": 50, "review_cadence": "monthly"},
            "reflection": self.reflection(),
            "vision": {
                "statement": "Lead a division of about 200 people that plans and delivers as one team, "
                "in a working week I can sustain.",
                "target_role": "Head of Network Operations",
                "responsibility": "About 200 people across three sites, and their budget",
                "impact": "Reliable service, people who grow into leads from inside, overtime as the exception.",
                "horizon_year": self.today.year + 3,
            },
            "inputs": self.inputs(30 * self.scale),
            "development_items": self.development_items(40 * self.scale),
            "org_objectives": objectives,
            "goals": goals,
            "actions": self.actions(goals, initiatives),
            "initiatives": initiatives,
            "stop_doing": self.stop_doing(12 * self.scale),
            "checkins": self.checkins(goals),
            "reviews": self.reviews(goals),
            "partners": [
                {"id": self.id(), "name": name, "role": role, "sees": sees}
                for name, role, sees in [
                    ("Priya Raman", "Mentor", "All goals and reviews, not the private notes."),
                    ("Dan Whitaker", "Peer, accountability buddy", "The hours goal: we swap Friday numbers."),
                    ("Helen Marsh", "Coach", "Everything I bring to our sessions."),
                ]
            ],
            "feedback": [
                {"id": self.id(), "on": self.day_between(self.begin, self.today).isoformat(),
                 "from_whom": self.sentence(_PEOPLE),
                 "what": self.sentence(_NOTES) + " " + self.sentence(_REVIEW["learned"])}
                for _ in range(20 * self.scale)
            ],
            "coach_notes": [
                {"id": self.id(), "on": (self.begin + timedelta(days=75 * i // self.scale + 20)).isoformat(),
                 "notes": self.sentence(_REVIEW["did_not"]) + " " + self.sentence(_REVIEW["learned"]),
                 "next_steps": self.sentence(_REVIEW["change"])}
                for i in range(24 * self.scale)
            ],
            "journal": self.journal(goals, 40 * self.scale),
        }

    def reflection(self) -> Data:
        skills = ["Coaching", "Delegation", "Budgets", "Planning", "Data", "Presenting", "Conflict",
                  "Hiring", "Strategy", "Stakeholders", "Negotiation", "Writing"]
        return {
            "skills": [
                {"id": self.id(), "name": s, "now": (now := self.rng.randint(1, 4)),
                 "wanted": self.rng.randint(now, 5), "note": ""}
                for s in skills
            ],
            "interests": ["Making a complex operation run smoothly", "Seeing people I hired get promoted",
                          "Automation and what it does to jobs"],
            "values": _VALUES[:5],
            "strengths": ["Calm in a crisis", "Knows the data", "Trusted by the team"],
            "weaknesses": ["Says yes to everything", "Fixes problems instead of coaching"],
            "motivators": ["A team that works without me in the room", "A say in how the whole operation runs"],
            "why": "I want to fix causes rather than symptoms, and build a place where people stay and grow.",
            "private_notes": "Private: salary notes and a difficult relationship with a peer.",
        }

    def objectives(self) -> list[Data]:
        titles = ["On-time delivery of 97% across the network", "Turnover below 12% a year",
                  "Cost per delivery down 8%", "Net promoter score above 40", "Zero lost-time accidents",
                  "Carbon per delivery down 20%", "Every manager trained as a coach", "New depot opened on plan"]
        return [{"id": self.id(), "title": t if k == 0 else f"{t} ({k + 1})", "description": f"Company plan, priority {i + 1}."}
                for k in range(self.scale) for i, t in enumerate(titles)]

    def goals(self, objective_ids: list[str]) -> list[Data]:
        goals: list[Data] = []
        per_parent = (GOALS - LONG_TERM) // LONG_TERM
        stride = (self.today - self.begin).days / (LONG_TERM * self.scale)
        for i in range(LONG_TERM * self.scale):
            start = self.begin + timedelta(days=round(i * stride) + self.rng.randint(0, 30))
            deadline = start + timedelta(days=self.rng.randint(3 * 365, 4 * 365))
            long_term = self.goal(
                start, deadline, None, objective_ids,
                statement=self.sentence(_LONG_TERM).format(
                    area=_AREAS[i % len(_AREAS)], people=self.rng.choice([60, 120, 200, 250]),
                    deadline=f"{deadline:%B %Y}"),
                metric={"name": "Role reached", "unit": "", "baseline": 0, "target": 1, "direction": "done"},
                horizon="long_term",
            )
            goals.append(long_term)
            span = (deadline - start).days
            for k in range(per_parent):
                s = start + timedelta(days=round(k * span / (per_parent + 1)) + self.rng.randint(0, 40))
                d = s + timedelta(days=self.rng.randint(180, 540))
                kind = self.rng.choice(_METRICS)
                baseline = round(self.rng.uniform(*kind.baseline))
                target = round(self.rng.uniform(*kind.target))
                goals.append(self.goal(
                    s, d, long_term["id"], objective_ids,
                    statement=kind.statement.format(
                        baseline=baseline, target=target, deadline=f"{d:%d %B %Y}",
                        course=self.rng.choice(_COURSES)),
                    metric={"name": kind.name, "unit": kind.unit, "baseline": baseline, "target": target,
                            "direction": kind.direction},
                    horizon="short_term",
                ))
        return goals

    def goal(self, start: date, deadline: date, parent_id: str | None, objective_ids: list[str], *,
             statement: str, metric: Data, horizon: str) -> Data:
        rng = self.rng
        if start > self.today:
            status = "draft"
        elif deadline < self.today:
            status = rng.choices(["achieved", "dropped", "paused"], [8, 1.5, 0.5])[0]
        else:
            status = rng.choices(["active", "paused"], [9, 1])[0]
        created = start - timedelta(days=rng.randint(1, 20))
        revisions = []
        drafts = rng.randint(0, 3)
        for n in range(drafts):
            words = statement.split()
            cut = max(3, len(words) * (n + 1) // (drafts + 1))
            revisions.append({"at": self.stamp(created - timedelta(days=3 * (drafts - n))),
                              "statement": " ".join(words[:cut]).rstrip(",.") + ".",
                              "score": min(95, 15 + 25 * n + rng.randint(0, 10)),
                              "note": "Sharper than the last wording."})
        if revisions:
            revisions.append({"at": self.stamp(created), "statement": statement,
                              "score": rng.randint(80, 98), "note": "The wording I kept."})
        return {
            "id": self.id(), "statement": statement, "horizon": horizon, "parent_id": parent_id,
            "category": rng.choice(["Role", "People", "Performance", "Learning", "Balance", "Visibility"]),
            "metric": metric, "start": start.isoformat(), "deadline": deadline.isoformat(),
            "why": self.sentence([
                "It is the next visible step towards the division role.",
                "My team deserves it, and it shows I grow people, not just plans.",
                "It keeps the hours sustainable while the job grows.",
                "The organisation needs it this year, and it stretches me where I am weakest.",
            ]),
            "values": rng.sample(_VALUES[:5], 2),
            "objective_ids": rng.sample(objective_ids, rng.randint(0, 2)),
            "supports_vision": True, "confidence": rng.randint(4, 9),
            "support": f"{rng.choice(_PEOPLE)} and {rng.choice(_PEOPLE)} know about it and check in.",
            "impact": rng.randint(2, 5), "motivation": rng.randint(2, 5), "status": status,
            "created_at": self.stamp(created), "revisions": revisions,
        }

    def initiatives(self, goals: list[Data]) -> list[Data]:
        out = []
        for i in range(10 * self.scale):
            start = self.begin + timedelta(days=180 * i // self.scale + self.rng.randint(0, 60))
            finish = start + timedelta(days=self.rng.randint(90, 300))
            status = "done" if finish < self.today else "active" if start <= self.today else "planned"
            out.append({
                "id": self.id(),
                "title": f"{self.rng.choice(_INITIATIVE_VERBS)} {self.rng.choice(_INITIATIVE_OBJECTS)}",
                "start": start.isoformat(), "finish": finish.isoformat(),
                "success_measure": "Cost per delivery 5% lower on the pilot routes for eight weeks, "
                "on-time rate unchanged.",
                "supports": "A cross-team result the leadership team sees, tied to a company objective.",
                "goal_ids": [g["id"] for g in self.rng.sample(goals, self.rng.randint(1, 3))],
                "approvals": "Budget from the improvement fund; the site managers involved.",
                "status": status,
            })
        return out

    def actions(self, goals: list[Data], initiatives: list[Data]) -> list[Data]:
        rng = self.rng
        out = []
        for i in range(ACTIONS * self.scale):
            goal = goals[i % len(goals)]
            g_start, g_end = date.fromisoformat(goal["start"]), date.fromisoformat(goal["deadline"])
            action: Data = {"id": self.id(), "goal_id": goal["id"], "hours": rng.choice([0.25, 0.5, 1, 1.5, 2, 3, 4])}
            if i % 10 == 3:
                action["initiative_id"] = rng.choice(initiatives)["id"]
            if rng.random() < 0.35:
                recurrence = rng.choices(["daily", "weekly", "biweekly", "monthly", "quarterly"], [1, 8, 5, 5, 1])[0]
                start = self.day_between(g_start, g_start + timedelta(days=60))
                length = 45 if recurrence == "daily" else rng.randint(120, 400)
                end = min(start + timedelta(days=length), g_end) if g_end > start else start
                past = [d for d in _occurrences(recurrence, start, end) if d <= self.today]
                action.update(
                    title=f"{rng.choice(_RECURRING)} ({recurrence})", recurrence=recurrence,
                    start=start.isoformat(), end=end.isoformat(),
                    done_on=[d.isoformat() for d in past if rng.random() < 0.85],
                    status="done" if end < self.today and rng.random() < 0.7 else "todo",
                )
            else:
                due = self.day_between(g_start, g_end)
                action.update(title=f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}", due=due.isoformat())
                if due < self.today:
                    status = rng.choices(["done", "dropped", "todo"], [85, 7, 8])[0]
                    action["status"] = status
                    if status == "done":
                        action["completed_at"] = (due - timedelta(days=rng.randint(0, 5))).isoformat()
            out.append(action)
        return out

    def checkins(self, goals: list[Data]) -> list[Data]:
        # Share CHECKINS between the goals that have started, in proportion to how long each has
        # been running (long-term goals get a confidence check now and then, so they weigh a tenth).
        windows = []
        for g in goals:
            a = date.fromisoformat(g["start"])
            b = min(date.fromisoformat(g["deadline"]), self.today)
            if a < b:
                weight = (b - a).days * (0.1 if g["horizon"] == "long_term" else 1.0)
                windows.append((g, a, b, weight))
        counts = _apportion(CHECKINS * self.scale, [w for *_, w in windows], [(b - a).days for _, a, b, _ in windows])
        out = []
        for (g, a, b, _), n in zip(windows, counts, strict=True):
            days = (b - a).days
            step = days / max(n, 1)  # >= 1, since n <= days
            offset = -1
            for j in range(n):
                # Evenly spread with some jitter, never two on one day; stays within the window.
                offset = max(offset + 1, int(j * step + self.rng.uniform(0, step * 0.6)))
                on = a + timedelta(days=offset)
                out.append(self.checkin(g, on, offset / days, last=j == n - 1))
        out.sort(key=lambda c: c["on"])
        return out

    def checkin(self, goal: Data, on: date, t: float, *, last: bool) -> Data:
        rng, m = self.rng, goal["metric"]
        base, target, direction = m["baseline"], m["target"], m["direction"]
        if goal["horizon"] == "long_term":
            value = None
        elif direction == "done":
            value = 1.0 if last and goal["status"] == "achieved" else 0.0
        elif direction == "at_least":
            value = float(base + int((target - base) * min(1.0, t * 1.2)))
        elif direction == "at_most":
            settle = min(1.0, t * 5)
            value = round(base + (target - 1.5 - base) * settle + rng.gauss(0, 1.5), 1)
        else:
            speed = 1.0 if goal["status"] == "achieved" else 0.8
            noise = rng.gauss(0, 0.04 * abs(target - base) + 0.3)
            value = round(base + (target - base) * min(1.0, t * speed) + noise, 1)
        if value is not None:
            value = max(0.0, round(value) if m["unit"] in _COUNTED else value)
        checkin: Data = {"id": self.id(), "goal_id": goal["id"], "on": on.isoformat(), "value": value}
        if rng.random() < 0.25:
            checkin["note"] = rng.choice(_NOTES)
        if rng.random() < 0.3:
            checkin["confidence"] = rng.randint(4, 9)
        return checkin

    def reviews(self, goals: list[Data]) -> list[Data]:
        rng = self.rng
        step = (self.today - self.begin).days / (REVIEWS * self.scale)
        out = []
        for i in range(REVIEWS * self.scale):
            on = self.begin + timedelta(days=round((i + 1) * step) - rng.randint(0, 3))
            running = [g for g in goals
                       if date.fromisoformat(g["start"]) <= on <= date.fromisoformat(g["deadline"])]
            decisions = []
            for g in running[:6]:
                decision = rng.choices(list(_DECISION_NOTES), [80, 12, 5, 3])[0]
                diagnosis, note = _DECISION_NOTES[decision]
                decisions.append({"goal_id": g["id"], "decision": decision, "diagnosis": diagnosis, "note": note})
            out.append({
                "id": self.id(), "on": on.isoformat(),
                **{field: rng.choice(options) for field, options in _REVIEW.items()},
                "next_review": (on + timedelta(days=30)).isoformat(), "decisions": decisions,
            })
        return out

    def inputs(self, n: int) -> list[Data]:
        roles = ["mentor", "manager", "peer", "direct_report", "coach", "friend", "other"]
        return [
            {"id": self.id(), "on": self.day_between(self.begin, self.today).isoformat(),
             "who": self.rng.choice(_PEOPLE), "role": self.rng.choice(roles),
             "said": "You are strong on the detail; show that you can lead people who lead others.",
             "takeaway": self.sentence(_REVIEW["change"])}
            for _ in range(n)
        ]

    def development_items(self, n: int) -> list[Data]:
        categories = ["skill", "training", "relationship", "threshold", "weakness"]
        titles = {"skill": "Coaching conversations", "training": "Leadership programme",
                  "relationship": "Time with the division head", "threshold": "Own a budget line",
                  "weakness": "Saying yes to everything"}
        out = []
        for i in range(n):
            cat = categories[i % len(categories)]
            kept = self.rng.random() < 0.6
            item: Data = {"id": self.id(), "category": cat, "title": f"{titles[cat]} ({i // 5 + 1})",
                          "value": self.rng.randint(1, 5), "motivation": self.rng.randint(1, 5), "kept": kept,
                          "note": "Matters for the next step." if kept else "Not now; maybe later."}
            if kept:
                item.update(fits_values=True, fits_strengths=self.rng.random() < 0.7, own_wish=True)
            out.append(item)
        return out

    def stop_doing(self, n: int) -> list[Data]:
        out = []
        for i in range(n):
            kind = ("cancel", "postpone", "delegate")[i % 3]
            since = self.day_between(self.begin, self.today)
            item: Data = {"id": self.id(), "what": f"{self.rng.choice(_OBJECTS).capitalize()} every week",
                          "kind": kind, "hours_per_week": self.rng.choice([0.5, 1, 1.5, 2, 3]),
                          "since": since.isoformat()}
            if kind == "postpone":
                item["until"] = (since + timedelta(days=self.rng.randint(60, 240))).isoformat()
            if kind == "delegate":
                item["delegate_to"] = self.rng.choice(_PEOPLE)
            out.append(item)
        return out

    def journal(self, goals: list[Data], n: int) -> list[Data]:
        started = [g for g in goals if date.fromisoformat(g["start"]) < self.today]
        out = []
        for _ in range(n):
            g = self.rng.choice(started)
            a = date.fromisoformat(g["start"])
            b = min(date.fromisoformat(g["deadline"]), self.today)
            milestone = self.rng.choice([25, 50, 75, 100])
            out.append({"id": self.id(), "on": self.day_between(a, b).isoformat(), "goal_id": g["id"],
                        "milestone": milestone,
                        "text": f"{milestone}% of the way on this goal. Told the team and took Friday afternoon off."})
        out.sort(key=lambda j: j["on"])
        return out


def _apportion(total: int, weights: list[float], caps: list[int]) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder), never giving i more than caps[i].

    Whatever a capped share cannot take goes round again to the others, so the counts add up to
    `total` whenever the caps allow it (here: at most one check-in per goal per day).
    """
    counts = [0] * len(weights)
    open_ = [i for i, cap in enumerate(caps) if cap > 0]
    left = total
    while left > 0 and open_:
        weight = sum(weights[i] for i in open_)
        shares = {i: left * weights[i] / weight for i in open_}
        add = {i: int(share) for i, share in shares.items()}
        for i in sorted(open_, key=lambda i: shares[i] - add[i], reverse=True)[: left - sum(add.values())]:
            add[i] += 1
        for i in open_:
            counts[i] += min(add[i], caps[i] - counts[i])
        open_ = [i for i in open_ if counts[i] < caps[i]]
        left = total - sum(counts)
    return counts


def _occurrences(recurrence: str, start: date, end: date) -> list[date]:
    """Dates of a recurring action between start and end (months clamp to day 28 for simplicity)."""
    if recurrence in ("daily", "weekly", "biweekly"):
        step = {"daily": 1, "weekly": 7, "biweekly": 14}[recurrence]
        return [start + timedelta(days=k) for k in range(0, (end - start).days + 1, step)]
    months = 1 if recurrence == "monthly" else 3
    out, k = [], 0
    while True:
        total = start.month - 1 + k * months
        day = date(start.year + total // 12, total % 12 + 1, min(start.day, 28))
        if day > end:
            return out
        out.append(day)
        k += 1
