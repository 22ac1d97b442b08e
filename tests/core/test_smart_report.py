"""What the UI reads from a report: labels, highlight segments, advice and flags; and the CLI."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from career_core.smart import LEVEL_LABELS, SmartReport, highlight_segments, score_goal
from career_core.smart.__main__ import main as cli_main

TODAY = date(2026, 10, 15)
REPO = Path(__file__).resolve().parents[2]


def test_labels_for_every_level() -> None:
    assert LEVEL_LABELS == {"met": "Met", "partial": "Partly", "missing": "Missing", "unknown": "Needs your input"}
    report = score_goal("Get better at leadership.", today=TODAY)
    assert report.label("S") == "Missing" and report.criteria["A"].label == "Needs your input"
    assert SmartReport.LABELS is LEVEL_LABELS


HIGHLIGHTS = [
    (
        "Lead a team of at least 10 people within five years.",
        [("Lead a ", None), ("team", "object"), (" of ", None), ("at least 10", "bound"), (" people ", None), ("within five years", "duration"), (".", None)],
    ),
    ("Get promoted soon.", [("Get promoted", "vague"), (" ", None), ("soon", "vague"), (".", None)]),  # S before A
    ("", []),
    ("....", [("....", None)]),
]


@pytest.mark.parametrize(("text", "segments"), HIGHLIGHTS)
def test_highlight_segments_cover_the_text_in_order(text: str, segments: list) -> None:
    assert highlight_segments(text, score_goal(text, today=TODAY)) == segments


def test_highlight_segments_cut_overlaps() -> None:
    text = "Pass the PMP certification exam by March 2027."
    segments = highlight_segments(text, score_goal(text, today=TODAY))
    assert "".join(s for s, _ in segments) == text
    assert ("March 2027", "deadline") in segments
    assert segments[0][1] == "completion"  # "Pass the PMP ...": the earliest, longest span wins


ADVICE = [
    # goal, criterion, words the advice must quote or mention
    ("Improve my management skills.", "S", "skills"),
    ("Read more books about leadership.", "M", "more"),
    ("Get promoted soon.", "T", "soon"),
    ("Ship the new app.", "T", "deadline"),
    ("Try to lead a team of 10 within five years.", "A", "try to"),
    ("I should network more.", "R", "should"),
]


@pytest.mark.parametrize(("text", "key", "words"), ADVICE)
def test_advice_is_concrete_and_quotes_the_goal(text: str, key: str, words: str) -> None:
    advice = score_goal(text, today=TODAY).criteria[key].advice
    assert words.lower() in advice.lower()
    assert "{" not in advice and "}" not in advice


def test_flags_point_at_their_words() -> None:
    text = "Hopefully I never miss a deadline."
    report = score_goal(text, today=TODAY)
    spans = {f.id: text[f.start : f.end] for f in report.flags if f.start is not None}
    assert spans == {"hedge": "Hopefully", "negative_framing": "never", "absolute": "never"}
    assert report.flag("too_vague") is None  # "deadline" is concrete, so S is partial, not missing


def test_too_vague() -> None:
    report = score_goal("Be happier.", today=TODAY)
    flag = report.flag("too_vague")
    assert flag is not None and flag.start is None


def test_cli_prints_the_report(capsys) -> None:
    assert cli_main(["Pass the PMP exam by March 2027.", "--today", "2026-10-15"]) == 0
    out = capsys.readouterr().out
    assert "Deadline: 2027-03-31" in out and "“March 2027” (deadline)" in out and "Needs your input" in out


def test_cli_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "career_core.smart", "Delegate more.", "--today", "2026-10-15"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "not SMART yet" in done.stdout and "too_vague" in done.stdout


def test_core_never_imports_streamlit() -> None:
    sources = (REPO / "career_core" / "smart").glob("*.py")
    assert not [p.name for p in sources if "import streamlit" in p.read_text() or "from streamlit" in p.read_text()]


QUICK_BUILDS = [
    ("evidence", (3, 9, "object", "S.object")),
    ("criterion", ("met", 1.0, (), "", ())),
    ("criterion", ("partial", 0.5, ("e",), "Name the thing.", ("Confidence 6/10",))),
    ("report", ({"S": "c"}, 75, False, date(2027, 3, 31), ())),
    ("report", ({}, 0, True, None, ("f",))),
]


@pytest.mark.parametrize(("what", "values"), QUICK_BUILDS)
def test_the_quick_builders_make_the_same_frozen_object_as_the_class(what: str, values: tuple) -> None:
    """The scorer builds its reports by setting slots directly (report.new_*): the objects must be
    equal to, hash and print like, and refuse changes like those the dataclass itself builds."""
    from career_core.smart import report as r

    cls, quick = {"evidence": (r.Evidence, r.new_evidence), "criterion": (r.Criterion, r.new_criterion), "report": (r.SmartReport, r.new_report)}[what]
    made, built = quick(*values), cls(*values)
    assert type(made) is cls and made == built and repr(made) == repr(built)
    if what != "report":  # a report holds a dict, which does not hash
        assert hash(made) == hash(built)
    with pytest.raises(AttributeError):
        made.__setattr__(next(iter(cls.__dataclass_fields__)), None)
