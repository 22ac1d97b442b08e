"""app.py: navigation, the notebook picker, the save-state line, and conflicts between tabs."""

from __future__ import annotations

import re

import pytest

from career_core.merge import Side
from career_core.store import revisions
from tests.app.conftest import button, errors, seen, texts


def test_first_start_offers_sample_and_own_notebook(open_app):
    at = open_app()
    assert seen(at.title[0].value) == "Welcome to Waypoint"
    assert [b.label for b in at.button] == ["Open the sample notebook", "Create my notebook"]
    assert "No notebook yet" in texts(at)


def test_creating_a_notebook_opens_it(open_app, db):
    at = open_app()
    form_title = next(t for t in at.text_input if t.label == "Notebook title")
    form_title.input("Road to division lead")
    next(b for b in at.button if b.label == "Create my notebook").click().run()
    assert not at.exception
    assert seen(at.title[0].value) == "Road to division lead"
    assert [s.title for s in db.list("local")] == ["Road to division lead"]
    assert at.sidebar.selectbox[0].value == db.list("local")[0].id


def test_empty_title_is_refused_beside_the_form(open_app, db):
    at = open_app()
    next(t for t in at.text_input if t.label == "Notebook title").input("   ")
    next(b for b in at.button if b.label == "Create my notebook").click().run()
    assert "Give the notebook a title." in errors(at)
    assert db.list("local") == []


def test_picker_switches_between_notebooks(open_app, db):
    first = db.create("local", "First")
    second = db.create("local", "Second")
    at = open_app()
    assert seen(at.title[0].value) == "Second"  # the most recent one opens
    at.sidebar.selectbox[0].select(first.id).run()
    assert seen(at.title[0].value) == "First"
    assert at.query_params["nb"] in (first.id, [first.id])
    at.sidebar.selectbox[0].select(second.id).run()
    assert seen(at.title[0].value) == "Second"


def test_url_names_the_notebook_to_open(open_app, db):
    first = db.create("local", "First")
    db.create("local", "Second")
    at = open_app(query={"nb": first.id})
    assert seen(at.title[0].value) == "First"


def test_every_page_loads_without_a_notebook(open_app):
    from waypoint_ui.frame import PAGES, ROOT

    for name, *_ in PAGES:
        if (ROOT / "app_pages" / f"{name}.py").exists():
            at = open_app(page=name)
            assert not at.exception, name


def test_an_edit_is_saved_at_once_and_the_line_says_so(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    next(t for t in at.text_input if t.label == "Title").input("Renamed").run()
    assert db.load("local", nb.id).title == "Renamed"
    assert any(c.value.startswith(":material/check_circle: Saved") for c in at.sidebar.caption)


def saved_elsewhere(db, nb, change) -> None:
    """Another tab, window or server saves `change` to the stored notebook."""
    other = db.load("local", nb.id)
    change(other)
    db.save("local", other)


def title_field(at):
    return next(t for t in at.text_input if t.label == "Title")


def test_edits_of_different_fields_in_two_tabs_merge_without_a_question(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    saved_elsewhere(db, nb, lambda n: setattr(n.vision, "statement", "written in another tab"))
    title_field(at).input("Renamed here").run()
    stored = db.load("local", nb.id)
    assert (stored.title, stored.vision.statement, stored.revision) == ("Renamed here", "written in another tab", 3)
    assert not at.warning and not at.sidebar.warning and not at.radio
    assert any("merged with changes from another tab" in c.value for c in at.sidebar.caption)


# (case, the version kept, the title stored and shown afterwards)
CHOICES = [("this tab's version", Side.MINE, "My title"), ("the other tab's version", Side.THEIRS, "Their title")]


@pytest.mark.parametrize(("side", "kept"), [c[1:] for c in CHOICES], ids=[c[0] for c in CHOICES])
def test_the_same_field_changed_in_two_tabs_is_asked_on_the_page_with_both_values(open_app, db, side, kept):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    saved_elsewhere(db, nb, lambda n: setattr(n, "title", "Their title"))
    title_field(at).input("My title").run()
    assert db.load("local", nb.id).title == "Their title"  # nothing written until the person chooses
    assert "another tab changed the same thing" in at.sidebar.warning[0].value
    assert ["My title", "Their title"] == [t.value for t in at.main.text][:2]  # side by side, as typed
    (question,) = at.radio
    assert [re.sub(r"\\(.)", r"\1", o) for o in question.options] == [  # what each choice keeps, in words
        "This tab's Notebook title: My title", "The other tab's Notebook title: Their title"]
    question.set_value(side)
    button(at, "Save my choices").click().run()
    stored = db.load("local", nb.id)
    assert stored.title == kept and title_field(at).value == kept
    assert not at.radio and not at.sidebar.warning
    kept_in_history = {db.load_revision("local", nb.id, r.revision).title for r in db.history("local", nb.id)}
    assert {"My title", "Their title"} - {kept} <= kept_in_history  # the other version stays in the history


def test_when_the_version_this_tab_started_from_is_gone_the_person_picks_a_whole_version(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    saved_elsewhere(db, nb, lambda n: setattr(n, "title", "Their title"))
    with db.engine.begin() as conn:  # pruned from the history: nothing left to merge against
        conn.execute(revisions.delete().where(revisions.c.notebook_id == nb.id, revisions.c.revision == 1))
    title_field(at).input("My title").run()
    assert "too old to merge with" in texts(at)
    assert db.load("local", nb.id).title == "Their title"
    button(at, "Keep this tab's version").click().run()
    assert db.load("local", nb.id).title == "My title"
    assert db.load_revision("local", nb.id, 2).title == "Their title"  # the other version stays in the history


def test_load_the_latest_version_takes_the_other_tabs_when_nothing_can_be_merged(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    saved_elsewhere(db, nb, lambda n: setattr(n, "title", "Their title"))
    with db.engine.begin() as conn:
        conn.execute(revisions.delete().where(revisions.c.notebook_id == nb.id, revisions.c.revision == 1))
    title_field(at).input("My title").run()
    button(at, "Load the latest version").click().run()
    assert title_field(at).value == "Their title"
    assert not at.sidebar.warning and "too old to merge with" not in texts(at)


@pytest.mark.parametrize("saved_here_first", [False, True], ids=["nothing saved here yet", "after a save here"])
def test_a_save_made_in_another_tab_shows_up_here_at_the_next_click(open_app, db, saved_here_first):
    nb = db.create("local", "Mine")
    at = open_app(page="notebook")
    if saved_here_first:
        next(t for t in at.text_input if t.label == "Title").input("Renamed here").run()
    other_tab = db.load("local", nb.id)  # another tab, or another server on the same database
    other_tab.title = "Renamed elsewhere"
    db.save("local", other_tab)
    at.run()
    assert next(t for t in at.text_input if t.label == "Title").value == "Renamed elsewhere"
    assert not at.sidebar.warning


def test_the_sample_notebook_opens_with_one_click(open_app, db):
    at = open_app()
    next(b for b in at.button if b.label == "Open the sample notebook").click().run()
    assert not at.exception
    [summary] = db.list("local")
    sample = db.load("local", summary.id)
    assert seen(at.title[0].value) == sample.title
    assert len(sample.goals) >= 5 and len(sample.checkins) > 50
    assert "Next actions" in [s.value for s in at.subheader]


def test_a_notebook_made_in_the_sidebar_opens_and_the_popover_closes(open_app, db):
    db.create("local", "First")
    at = open_app()
    at.session_state["wp.new-notebook.0"] = True  # the popover is open
    next(t for t in at.sidebar.text_input if t.label == "Title").input("Second")
    next(b for b in at.sidebar.button if b.label == "Create").click().run()
    assert seen(at.title[0].value) == "Second"
    # Closed: a new popover is drawn under a new key, so a late rerun of the old one's opening
    # cannot open it again; the new notebook is what to look at.
    assert "wp.new-notebook.0" not in at.session_state
    assert at.session_state["wp.new-notebook.1"] is False


def test_a_notebook_without_a_title_is_refused_inside_the_popover(open_app, db):
    db.create("local", "First")
    at = open_app()
    at.session_state["wp.new-notebook.0"] = True
    next(t for t in at.sidebar.text_input if t.label == "Title").input("  ")
    next(b for b in at.sidebar.button if b.label == "Create").click().run()
    assert "Give the notebook a title." in [e.value for e in at.sidebar.error]
    assert at.session_state["wp.new-notebook.0"] is True and len(db.list("local")) == 1
