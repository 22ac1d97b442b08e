"""Reading a notebook file: measured before it is built, repaired with a note where nothing is lost,
refused with one message in words otherwise; and downloads that can leave private fields out."""

from __future__ import annotations

import codecs
import json
import re
from datetime import date

import pytest

from career_core.exports.notebook_file import ImportProblem, file_name, from_bytes, read, to_bytes
from career_core.models import Goal, Notebook
from career_core.privacy import private_texts
from tests.synthetic import five_year_notebook

TODAY = date(2026, 11, 20)


def doc(**fields) -> bytes:
    return json.dumps({"schema_version": 1, "title": "A file", **fields}).encode()


REFUSED = [
    ("a picture", b"\x89PNG\r\n\x1a\n\x00\x00", "This is not a text file. Choose a .json file downloaded from Waypoint."),
    ("broken JSON", b'{"title": "x",\n "goals": [}', "This file is not valid JSON (line 2, column 12: expected value)."),
    ("not a notebook", json.dumps({"name": "a shopping list", "items": []}).encode(),
     ("This JSON file is not a Waypoint notebook: it has none of a notebook's fields (a title, goals, a schema "
      "version).")),
    ("a list", b"[1, 2, 3]",
     ("This JSON file is not a Waypoint notebook: it has none of a notebook's fields (a title, goals, a schema "
      "version).")),
    ("a schema version that is not a number", doc(schema_version="<img src=x>"),
     "The schema version is not a whole number from 0 up."),
    ("from the future", doc(schema_version=99),
     "This notebook was written by a newer Waypoint (schema 99; this one reads up to 1). Update Waypoint to open it."),
    ("NaN as a literal", b'{"title": "x", "checkins": [{"goal_id": "g", "value": NaN}]}',
     ("This file holds NaN or Infinity where a number belongs (line 1, column 55); a notebook keeps only real numbers, "
      "so nothing was imported.")),
    ("-Infinity as a literal", b'{"title": "x",\n"goals": [{"statement": "x", "metric": {"target": -Infinity}}]}',
     ("This file holds NaN or Infinity where a number belongs (line 2, column 52); a notebook keeps only real numbers, "
      "so nothing was imported.")),
    ("a number too big to be finite", doc(goals=[{"statement": "x", "metric": {"baseline": 1}}]).replace(b"1}", b"1e999}"),
     ("This notebook file has problems, so nothing was imported. Goal 1, metric, baseline: NaN and Infinity are not "
      "numbers Waypoint can keep: write a number, or leave it empty.")),
    ("too many goals", doc(goals=[{"statement": "x"}] * 12_000), "This file has 12,000 goals; a notebook holds at most 400."),
    ("nested 1,000 deep", b"[" * 1_000 + b"]" * 1_000,
     "This file nests data more than 16 levels deep; a notebook file nests at most 16 levels."),
    ("nested 20 deep", doc(vision={"statement": json.loads("[" * 20 + "]" * 20)}),
     "This file nests data more than 16 levels deep; a notebook file nests at most 16 levels."),
    ("a date in year 1", doc(goals=[{"statement": "x", "deadline": "0001-01-01"}]),
     "This notebook file has problems, so nothing was imported. Goal 1, deadline: Dates run from 1900 to 2200."),
    ("two goals with one id", doc(goals=[{"id": "=x", "statement": "a"}, {"id": "=x", "statement": "b"}]),
     "Two goals in this file share one id, so there is no telling which entries belong to which. Nothing was imported."),
    ("a circle of stepping stones", doc(goals=[{"id": "a", "statement": "a", "parent_id": "b"},
                                               {"id": "b", "statement": "b", "parent_id": "a"}]),
     "Some goals are stepping stones of each other in a circle, so none of them is on top. Nothing was imported."),
]


@pytest.mark.parametrize(("data", "message"), [(d, m) for _, d, m in REFUSED], ids=[n for n, _, _ in REFUSED])
def test_a_file_that_cannot_be_a_notebook_gets_one_message_in_words(data: bytes, message: str):
    with pytest.raises(ImportProblem) as caught:
        read(data)
    assert str(caught.value) == message
    assert ".." not in message and not re.search(r"\w\.\d|\w\.\w+\.", message.replace("e.g.", ""))  # no dotted paths


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b" " * (20 * 2**20 + 1), "This file is 20.0 MB; a notebook file is at most 20 MB."),
        (b"[" + b"{}," * 500_000 + b"{}]", ("This file holds too many separate items for one notebook (1,000,002 "
                                         "commas and brackets; a notebook file has at most 1,000,000, and one at "
                                         "every limit about half that).")),
    ],
    ids=["over 20 MB", "half a million empty objects"],
)
def test_a_file_too_big_is_refused_before_it_is_parsed(data: bytes, message: str):
    with pytest.raises(ImportProblem) as caught:
        read(data)
    assert str(caught.value) == message


def test_a_repaired_file_comes_with_its_notes():
    goal = {"id": "g1", "statement": "Lead a team of 10 by 2028", "objective_ids": ["gone"]}
    imported = read(doc(goals=[goal], checkins=[{"goal_id": "g1", "id": "c"}, {"goal_id": "g1", "id": "c"},
                                                {"goal_id": "elsewhere"}]))
    assert imported.notes == (
        "1 check-in repeated another's id and was given a new one.",
        "1 link from goals to organisational objectives not in this file was removed.",
        "1 check-in belonged to a goal that is not in this file and was left out.",
    )
    assert len(imported.notebook.checkins) == 2 and imported.notebook.goals[0].objective_ids == []


def test_a_byte_order_mark_is_fine():
    assert from_bytes(codecs.BOM_UTF8 + doc()).title == "A file"


def test_a_downloaded_notebook_reads_back_the_same():
    nb = five_year_notebook(0, TODAY)
    imported = read(to_bytes(nb))
    assert imported.notebook == nb and imported.notes == ()


def test_a_notebook_at_the_limits_reads_back():
    nb = five_year_notebook(0, TODAY, scale=10)
    assert read(to_bytes(nb)).notebook == nb


def test_a_redacted_download_has_no_private_text():
    nb = Notebook(goals=[Goal(statement="Lead a team")])
    nb.reflection.private_notes = "Salary: 70k, thinking of leaving"
    assert b"thinking of leaving" in to_bytes(nb)
    safe = to_bytes(nb, redact=True)
    assert b"thinking of leaving" not in safe
    assert private_texts(read(safe).notebook) == [] and read(safe).notebook.goals == nb.goals


@pytest.mark.parametrize(
    ("title", "extension", "what", "name"),
    [
        ("Jo's plan", "json", "waypoint", "waypoint-jo-s-plan.json"),
        ("Jo's plan", "pdf", "development-plan", "development-plan-jo-s-plan.pdf"),
        ("waypoint-notes", "csv", "checkins", "checkins-waypoint-notes.csv"),  # the title is left alone
        ("ÄÖÜ ✓", "ics", "waypoint", "waypoint-notebook.ics"),  # nothing usable: a plain name
    ],
)
def test_file_names(title, extension, what, name):
    assert file_name(Notebook(title=title), extension, what) == name
