"""The development plan (what it lists, as Markdown and as PDF) and the check-ins CSV, read back."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_core.exports import checkins_csv, plan_markdown, plan_pdf
from career_core.exports.plan_document import plan_document
from career_core.models import (
    Action,
    ActionStatus,
    CheckIn,
    Direction,
    Goal,
    GoalHorizon,
    GoalStatus,
    Initiative,
    InitiativeStatus,
    Metric,
    Notebook,
    StopDoing,
    StopKind,
    Vision,
)
from tests.pdf_text import page_count
from tests.pdf_text import text as pdf_text

TODAY = date(2026, 7, 2)


def _plan_notebook() -> Notebook:
    head = Goal(statement="Become Head of Network Operations, leading about 200 people, by 20 November 2030",
                horizon=GoalHorizon.LONG_TERM, status=GoalStatus.ACTIVE, deadline=date(2030, 11, 20),
                metric=Metric(name="Role reached", direction=Direction.DONE, baseline=0, target=1))
    team = Goal(statement="Lead a team of at least 10 people by 30 June 2027", parent_id=head.id,
                status=GoalStatus.ACTIVE, start=date(2026, 5, 18), deadline=date(2027, 6, 30),
                metric=Metric(name="People reporting to me", unit="people", baseline=5, target=10,
                              direction=Direction.AT_LEAST))
    draft = Goal(statement="Give two talks at industry events by 31 March 2027", status=GoalStatus.DRAFT,
                 deadline=date(2027, 3, 31))
    done = Goal(statement="Pass the project management exam", status=GoalStatus.ACHIEVED)
    paused = Goal(statement="Learn Spanish", status=GoalStatus.PAUSED)
    dropped = Goal(statement="Run a marathon", status=GoalStatus.DROPPED)
    return Notebook(
        title="Jo's road to division lead",
        vision=Vision(statement="Lead a division of about 200 people that plans and delivers as one team.",
                      target_role="Head of Network Operations", horizon_year=2030),
        goals=[draft, team, head, done, paused, dropped],
        checkins=[CheckIn(goal_id=team.id, on=date(2026, 6, 28), value=7, note="Two planners joined")],
        initiatives=[
            Initiative(title="Pilot dynamic routing", start=date(2026, 6, 1), finish=date(2026, 9, 30),
                       success_measure="Cost per drop 5% lower for eight weeks", status=InitiativeStatus.ACTIVE),
            Initiative(title="Old dashboard project", status=InitiativeStatus.DONE),
        ],
        actions=[
            Action(title="Ask Grace about the planners' reporting line", goal_id=team.id, due=TODAY + timedelta(days=3)),
            Action(title="Book the venue", due=TODAY - timedelta(days=2)),
            Action(title="Already done", due=TODAY, status=ActionStatus.DONE, completed_at=TODAY),
            Action(title="Far away", due=TODAY + timedelta(days=90)),
        ],
        stop_doing=[
            StopDoing(what="Writing the weekly status report", kind=StopKind.DELEGATE, delegate_to="Sam", hours_per_week=2),
            StopDoing(what="Monday dispatch calls", kind=StopKind.CANCEL, hours_per_week=1.5),
            StopDoing(what="Trade fair prep", kind=StopKind.POSTPONE, until=TODAY - timedelta(days=1), hours_per_week=3),
        ],
    )


def test_the_plan_lists_what_is_current_with_stepping_stones_under_their_goal():
    nb = _plan_notebook()
    head, team = nb.goals[2], nb.goals[1]
    doc = plan_document(nb, TODAY, scores={team.id: 88, head.id: 81})
    assert [g.statement[:20] for g in doc.goals] == [head.statement[:20], team.statement[:20], nb.goals[0].statement[:20]]
    assert [(g.long_term, g.stepping_stone) for g in doc.goals] == [(True, False), (False, True), (False, False)]
    assert [g.score for g in doc.goals] == [81, 88, None]
    assert doc.goals[1].status == "On track" and doc.goals[1].progress == 40
    assert doc.goals[2].status == "Draft" and doc.goals[2].progress is None
    assert doc.goals[1].measure == "People reporting to me: at least 10 people"
    assert doc.goals[1].where == "40% of the way"
    assert doc.goals[0].measure == "" and doc.goals[0].where == "40% of the way"  # its stepping stone's
    assert doc.goals[0].status == "On track"
    assert [i.title for i in doc.initiatives] == ["Pilot dynamic routing"]
    assert [a.title for a in doc.actions] == ["Book the venue", "Ask Grace about the planners' reporting line"]
    assert doc.actions[0].overdue
    assert [s.line() for s in doc.stop_doing] == [
        "Delegate to Sam: Writing the weekly status report (frees 2 h a week)",
        "Cancel: Monday dispatch calls (frees 1.5 h a week)",
    ]
    assert doc.hours_freed == 3.5


def test_a_limit_goal_within_its_limit_says_how_often_it_held():
    g = Goal(statement="Work no more than 50 hours a week", status=GoalStatus.ACTIVE,
             start=date(2026, 5, 1), deadline=date(2027, 5, 31),
             metric=Metric(name="Hours", unit="hours/week", baseline=58, target=50, direction=Direction.AT_MOST))
    nb = Notebook(goals=[g], checkins=[CheckIn(goal_id=g.id, on=date(2026, 6, d), value=v)
                                       for d, v in ((7, 55), (14, 49), (21, 51), (28, 48))])
    (line,) = plan_document(nb, TODAY).goals
    assert line.where == "within the limit in 2 of 4 weeks"
    assert line.measure == "Hours: at most 50 hours/week"


def test_without_given_scores_the_plan_scores_each_goal():
    nb = _plan_notebook()
    assert all(g.score is not None and 0 <= g.score <= 100 for g in plan_document(nb, TODAY).goals)


def test_an_empty_notebook_still_makes_a_plan_that_says_what_is_missing():
    md = plan_markdown.build(Notebook(title="Empty"), TODAY)
    for line in ("No vision written yet", "No active goals", "No initiatives under way",
                 "Nothing due in the next 30 days", "Nothing on the stop-doing list"):
        assert line in md
    text = pdf_text(plan_pdf.build(Notebook(title="Empty"), TODAY))
    assert "No vision written yet" in text and "No active goals" in text


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_has_every_section_in_order_with_scores_and_status():
    nb = _plan_notebook()
    md = plan_markdown.build(nb, TODAY, scores={nb.goals[1].id: 88})
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings == ["Vision", "Goals", "Initiatives", "Next actions", "Stop doing"]
    assert md.startswith("# Development plan: Jo's road to division lead\n")
    assert "Lead a team of at least 10 people by 30 June 2027" in md
    assert "Status: On track · SMART score 88/100" in md
    assert re.search(r"SMART score 88/100 \((SMART|sharp wording|not smart yet)\)", md)  # the one badge rule
    assert "    - **Lead a team" in md  # the stepping stone sits under its long-term goal
    assert "- [ ] Book the venue (overdue since 30 Jun 2026)" in md
    assert "Learn Spanish" not in md and "Run a marathon" not in md and "Pass the project" not in md


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("Lead a team of 10", "Lead a team of 10"),
        ("**bold** and _it_", r"\*\*bold\*\* and \_it\_"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"\1. not a list"),
        ("[link](http://x)", r"\[link\](http://x)"),
        ("<b>no html</b>", r"\<b\>no html\</b\>"),
        ("a | b", r"a \| b"),
        ("two\nlines", "two  \nlines"),
    ],
)
def test_markdown_escapes_what_people_type(typed, escaped):
    assert plan_markdown.escape(typed) == escaped


@given(st.text())
def test_escaping_loses_nothing(typed):
    escaped = plan_markdown.escape(typed)
    unescaped = re.sub(r"\\(.)", r"\1", escaped.replace("  \n", "\n"), flags=re.S)
    assert unescaped == typed.replace("\r", " ")


# --- PDF ---------------------------------------------------------------------------------------


def test_the_pdf_says_what_the_plan_says_on_one_page():
    nb = _plan_notebook()
    data = plan_pdf.build(nb, TODAY, scores={nb.goals[1].id: 88})
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert page_count(data) == 1
    text = pdf_text(data)
    for expected in ("Development plan", "Jo's road to division lead", "As of 2 Jul 2026",
                     "Lead a division of about 200 people that plans and delivers as one team.",
                     "Lead a team of at least 10 people by 30 June 2027", "SMART score 88/100", "Status: On track",
                     "Pilot dynamic routing", "Book the venue", "Delegate to Sam: Writing the weekly status report"):
        assert expected in text, expected
    assert "Learn Spanish" not in text


def test_a_long_plan_is_set_smaller_to_fit_one_page():
    nb = _plan_notebook()
    nb.goals.extend(Goal(statement=f"Stepping stone number {i}: mentor one new planner through the first month, "
                         f"with a check-in every week and a written handover at the end", status=GoalStatus.ACTIVE)
                    for i in range(12))
    data = plan_pdf.build(nb, TODAY)
    assert page_count(data) == 1
    assert "Stepping stone number 11" in pdf_text(data)


def test_a_plan_too_long_for_one_page_flows_on_rather_than_losing_anything():
    nb = Notebook(goals=[Goal(statement=f"Goal {i}: " + "a long sentence about the goal " * 6, status=GoalStatus.ACTIVE)
                         for i in range(60)])
    data = plan_pdf.build(nb, TODAY)
    assert page_count(data) > 1
    assert "Goal 59:" in pdf_text(data)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Zoë, Ærø, Łódź, São Paulo", "Zoë, Ærø, Łódź, São Paulo"),
        ("Ελληνικά и русский", "Ελληνικά и русский"),
        ("from 62 → 75 · ★ ✓", "from 62 → 75 · ★ ✓"),
        ("cafe\u0301", "café"),  # combining accent composed
        ("tab\there", "tab here"),
        ("zero\u200bwidth", "zerowidth"),
        ("❤️ heart", "❤ heart"),  # the emoji variation selector is dropped, the heart stays
        ("🚀 launch", "\ufffd launch"),  # no glyph: a visible mark, not a silent gap
        ("中文", "\ufffd\ufffd"),
    ],
)
def test_whatever_people_type_prints(typed, printed):
    if plan_pdf._fallback() is not None and printed.count("\ufffd") and "中" in typed:
        pytest.skip("a CJK font is installed here, so Chinese prints as typed")
    assert plan_pdf.printable(typed) == printed
    nb = Notebook(vision=Vision(statement=typed))
    assert printed.strip() in pdf_text(plan_pdf.build(nb, TODAY))


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_any_text_makes_a_valid_pdf(typed):
    nb = Notebook(title="x", vision=Vision(statement=typed),
                  goals=[Goal(statement=typed.strip() or "x", status=GoalStatus.ACTIVE)])
    data = plan_pdf.build(nb, TODAY)
    assert data.startswith(b"%PDF-") and page_count(data) >= 1


# --- CSV ---------------------------------------------------------------------------------------


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark spreadsheets look for
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_checkins_csv_has_one_row_per_check_in_oldest_first():
    nb = _plan_notebook()
    team = nb.goals[1]
    nb.checkins.append(CheckIn(goal_id=team.id, on=date(2026, 6, 1), value=6.5, confidence=7,
                               note="Ærø, a comma, and a \"quote\"\non two lines"))
    nb.checkins.append(CheckIn(goal_id=team.id, on=date(2026, 6, 14), note="note only"))
    rows = _rows(checkins_csv.build(nb))
    assert list(rows[0]) == list(checkins_csv.COLUMNS)
    assert [r["date"] for r in rows] == ["2026-06-01", "2026-06-14", "2026-06-28"]
    assert rows[0] == {"date": "2026-06-01", "goal": team.statement, "value": "6.5", "unit": "people",
                       "confidence": "7", "note": "Ærø, a comma, and a \"quote\"\non two lines",
                       "goal_id": team.id, "checkin_id": nb.checkins[-2].id}
    assert rows[1]["value"] == "" and rows[1]["confidence"] == ""
    assert rows[2]["value"] == "7"


@pytest.mark.parametrize(
    ("note", "written"),
    [("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"), ("+1 for the plan", "'+1 for the plan"),
     ("-5 hours", "'-5 hours"), ("@Sam", "'@Sam"), ("plain", "plain"), ("", "")],
)
def test_text_a_spreadsheet_would_run_is_defused(note, written):
    g = Goal(statement="g")
    nb = Notebook(goals=[g], checkins=[CheckIn(goal_id=g.id, on=TODAY, value=-3, note=note)])
    row = _rows(checkins_csv.build(nb))[0]
    assert row["note"] == written
    assert row["value"] == "-3"  # numbers stay numbers


def test_an_empty_notebook_gives_just_the_header():
    assert _rows(checkins_csv.build(Notebook())) == []
