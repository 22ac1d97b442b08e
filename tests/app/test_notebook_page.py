"""Notebooks page: rename, duplicate, delete and undelete, history and restore, download, upload."""

from __future__ import annotations

import json

import pytest

from career_core.models import Goal, Notebook
from tests.app.conftest import button, errors, seen, texts
from tests.conftest import ROOT


def _title_field(at):
    return next(t for t in at.text_input if t.label == "Title")


def test_rename_saves_and_an_empty_title_keeps_what_was_typed(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    _title_field(at).input("Road to division lead").run()
    assert db.load("local", nb.id).title == "Road to division lead"
    _title_field(at).input("   ").run()
    assert "This cannot be empty." in errors(at)
    assert _title_field(at).value == "   "  # what was typed stays
    assert db.load("local", nb.id).title == "Road to division lead"


def test_duplicate_opens_a_copy(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    button(at, "Duplicate").click().run()
    titles = sorted(s.title for s in db.list("local"))
    assert titles == ["Mine", "Mine (copy)"]
    assert _title_field(at).value == "Mine (copy)"
    assert db.load("local", nb.id).title == "Mine"


def test_delete_moves_to_the_bin_and_restore_brings_it_back(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    button(at, "Move to the bin").click().run()
    assert db.list("local") == []
    assert "Bin" in [s.value for s in at.subheader]
    button(at, "Restore").click().run()
    assert [s.id for s in db.list("local")] == [nb.id]
    assert _title_field(at).value == "Mine"


def test_history_lists_earlier_revisions_and_restores_one(open_app, db):
    nb = db.create("local", "Mine")
    nb.vision.statement = "Head a division"
    nb = db.save("local", nb)
    nb.goals.append(Goal(statement="Lead a team of 10 by 2028"))
    nb = db.save("local", nb)
    at = open_app(page="notebook")
    picker = next(s for s in at.selectbox if s.label == "Earlier revision")
    assert picker.options[0].startswith("Revision 2")
    picker.select(1).run()
    table = at.dataframe[0].value
    assert set(table["What"]) == {"vision", "goals"}
    button(at, "Restore revision 1").click().run()
    current = db.load("local", nb.id)
    assert current.revision == 4 and current.goals == [] and current.vision.statement == ""
    assert db.load_revision("local", nb.id, 3).goals[0].statement == "Lead a team of 10 by 2028"


def test_download_offers_the_whole_notebook_as_json(open_app, db):
    db.create("local", "Mine")
    at = open_app(page="notebook")
    download = next(d for d in at.get("download_button"))
    assert download.proto.label == "Download as JSON"


def test_upload_imports_a_new_notebook_and_replaces_nothing(open_app, db):
    mine = db.create("local", "Mine")
    outside = Notebook(title="From another laptop", goals=[Goal(statement="Pass the PMP exam by March 2027")])
    at = open_app(page="notebook")
    at.file_uploader[0].set_value(("nb.json", outside.to_json().encode(), "application/json")).run()
    assert not at.exception
    titles = sorted(s.title for s in db.list("local"))
    assert titles == ["From another laptop", "Mine"]
    assert db.load("local", mine.id).title == "Mine"
    assert any("Imported" in s.value for s in at.success)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"{not json", "not valid JSON"),
        (json.dumps({"name": "a shopping list", "items": []}).encode(), "not a Waypoint notebook"),
        (json.dumps([1, 2, 3]).encode(), "not a Waypoint notebook"),
        (json.dumps({"schema_version": 99, "title": "future"}).encode(), "newer Waypoint"),
        (json.dumps({"schema_version": 1, "title": "x", "goals": [{"statement": ""}]}).encode(), "Goal 1, statement"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_nothing_changes(open_app, db, content, message):
    db.create("local", "Mine")
    at = open_app(page="notebook")
    at.file_uploader[0].set_value(("bad.json", content, "application/json")).run()
    assert any(message in e for e in errors(at)), errors(at)
    assert [s.title for s in db.list("local")] == ["Mine"]


def test_page_without_a_notebook_offers_creation(open_app, db):
    at = open_app(page="notebook")
    assert "No notebooks yet." in texts(at)
    next(t for t in at.text_input if t.label == "New notebook title").input("Coaching: Sam")
    button(at, "Create notebook").click().run()
    assert [s.title for s in db.list("local")] == ["Coaching: Sam"]


def test_an_upload_that_needed_repairs_says_what_was_repaired(open_app, db):
    data = (ROOT / "tests" / "data" / "hostile" / "accepted-unknown-references.json").read_bytes()
    at = open_app(page="notebook")
    at.file_uploader[0].set_value(("nb.json", data, "application/json")).run()
    assert not at.exception
    notes = " ".join(seen(i.value) for i in at.info)
    assert "Repaired on the way in" in notes and "not in this file" in notes
    assert not at.file_uploader[0].value  # the file is let go once it is a notebook
