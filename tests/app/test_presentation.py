"""Presentation mode: safe to screen-share. Every page, every private field, every other notebook."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from career_core import edit
from career_core.models import CheckIn, CoachNote, Feedback, Goal, Metric, Notebook
from career_core.privacy import private_paths
from career_core.store import Store
from tests.app.conftest import run_app, texts
from waypoint_ui.frame import PAGES, ROOT

SECRET = "PRIVATEMARKER salary 70k and leaving in May"
OTHER = "OTHERCLIENT Sam Okafor"
PAGE_NAMES = [name for name, *_ in PAGES if (ROOT / "app_pages" / f"{name}.py").exists()]


def everything(at: AppTest) -> str:
    """Every element's full content (labels, values, options, tables, hidden help), as one string."""
    return "\n".join(str(node.proto) for node in at._tree if getattr(node, "proto", None) is not None)


def fill_private_fields(nb: Notebook, text: str) -> None:
    """Put `text` into every field marked private, wherever the model has one: in each entry of a
    list ("checkins[].note"), so `nb` needs at least one entry in each such list."""
    for path in private_paths():
        head, _, tail = path.partition("[].")
        *parents, name = (tail or head).split(".")
        owners = getattr(nb, head) if tail else [nb]
        assert owners, f"add an entry to {head} so its private field can be filled"
        for i, owner in enumerate(owners):
            entry = owner
            for part in parents:
                owner = getattr(owner, part)
            value = text if isinstance(getattr(owner, name), str) else [text]
            if owner.model_config.get("frozen"):  # a check-in is replaced, never changed in place
                getattr(nb, head)[i] = edit.changed(entry, **{name: value})
            else:
                setattr(owner, name, value)


@pytest.fixture
def coach(db: Store) -> Notebook:
    """A coach's laptop: two clients; Ana's notebook open, with private notes."""
    db.create("local", OTHER)
    ana = db.create("local", "Client Ana Pereira")
    ana.reflection.why = "Grow people who stay"
    goal = Goal(statement="Lead a team of 10 by 2028", metric=Metric(baseline=0, target=10))
    ana.goals.append(goal)
    ana.checkins.append(CheckIn(goal_id=goal.id, on=date.today() - timedelta(days=2), value=3))
    ana.feedback.append(Feedback(from_whom="Priya", on=date.today() - timedelta(days=5)))
    fill_private_fields(ana, SECRET)
    return db.save("local", ana)


run = run_app


def switch(at: AppTest):
    return next(t for t in at.sidebar.toggle if t.label == "Presentation mode")


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_with_present_in_the_address_no_page_shows_a_private_field_or_another_notebook(coach, page):
    at = run(page=page, query={"nb": coach.id, "present": "1"})
    shown = everything(at)
    assert SECRET not in shown, f"{page} shows a private field while presenting"
    assert OTHER not in shown, f"{page} shows another notebook's title while presenting"
    assert switch(at).value is True
    assert not at.sidebar.selectbox  # no notebook picker
    assert "Client Ana Pereira" in shown  # the notebook being discussed is still there


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_without_presentation_the_same_pages_do_show_other_notebooks(coach, page):
    """The check above can fail: outside presentation mode the picker names the other client."""
    at = run(page=page, query={"nb": coach.id})
    assert OTHER in everything(at)
    assert switch(at).value is False


def test_the_switch_turns_it_on_and_one_click_turns_it_off(coach):
    at = run(query={"nb": coach.id})
    assert at.sidebar.selectbox and "present" not in at.query_params
    switch(at).set_value(True).run()
    assert not at.sidebar.selectbox
    assert at.query_params["present"] == "1"  # a reload during the call stays in presentation mode
    assert OTHER not in everything(at)
    assert any("Presenting" in c.value for c in at.sidebar.caption)
    switch(at).set_value(False).run()
    assert at.sidebar.selectbox and "present" not in at.query_params
    assert OTHER in everything(at)


def test_presentation_survives_moving_between_pages(coach):
    at = run(query={"nb": coach.id, "present": "1"})
    at.switch_page("app_pages/notebook.py").run()
    assert switch(at).value is True and at.query_params["present"] == "1"
    assert OTHER not in everything(at)


def test_leaving_presentation_is_remembered_even_with_present_still_in_the_address(coach):
    at = run(query={"nb": coach.id, "present": "1"})
    switch(at).set_value(False).run()
    at.switch_page("app_pages/notebook.py").run()
    assert switch(at).value is False and at.sidebar.selectbox


def test_notebooks_page_hides_the_list_the_bin_and_uploads_while_presenting(coach, db):
    gone = db.create("local", "BINNED Jo Bloggs")
    db.delete("local", gone.id)
    normal = run(page="notebook", query={"nb": coach.id})
    headings = [s.value for s in normal.subheader]
    assert {"All notebooks", "Upload a notebook", "Bin"} <= set(headings)
    presenting = run(page="notebook", query={"nb": coach.id, "present": "1"})
    headings = [s.value for s in presenting.subheader]
    assert {"All notebooks", "Upload a notebook", "Bin"}.isdisjoint(headings)
    assert {"This notebook", "History"} <= set(headings)
    assert "BINNED" not in everything(presenting) and not presenting.file_uploader
    assert "hidden while presenting" in texts(presenting)


def test_larger_text_comes_from_a_fixed_style_sheet(coach):
    normal, presenting = run(query={"nb": coach.id}), run(query={"nb": coach.id, "present": "1"})
    assert "font-size: 20px" not in everything(normal)
    assert "font-size: 20px" in everything(presenting)
    css = (ROOT / "waypoint_ui" / "present.css").read_text()
    assert "Ana" not in css and "{{" not in css  # no user text, no template


def test_charts_are_larger_while_presenting(coach, db):
    nb = db.load("local", coach.id)
    nb.goals[0].metric = Metric(baseline=0, target=10)
    nb.checkins.append(CheckIn(goal_id=nb.goals[0].id, on=date.today() - timedelta(days=2), value=4))
    nb.coach_notes.append(CoachNote(on=date.today() - timedelta(days=10)))
    db.save("local", nb)

    def font(at: AppTest) -> int:
        (chart,) = at.get("plotly_chart")
        return json.loads(chart.proto.spec)["layout"]["font"]["size"]

    assert font(run(page="coach", query={"nb": coach.id})) < font(run(page="coach", query={"nb": coach.id, "present": "1"}))


# --- bound widgets hide fields marked private -----------------------------------------------------


def _private_field_script() -> None:
    from waypoint_ui import fields

    fields.text("Private notes", lambda nb: nb.reflection, "private_notes", name="reflection.private_notes", area=True)
    fields.text("Why I want this", lambda nb: nb.reflection, "why", name="reflection.why", area=True)


@pytest.mark.parametrize(("present", "labels"), [("0", ["Private notes", "Why I want this"]), ("1", ["Why I want this"])])
def test_a_bound_widget_for_a_private_field_is_not_drawn_while_presenting(coach, present, labels):
    at = AppTest.from_function(_private_field_script, default_timeout=30)
    at.query_params["present"] = present
    at.run()
    assert not at.exception
    assert [t.label for t in at.text_area] == labels
    assert (SECRET in everything(at)) is (present == "0")
    if present == "1":
        assert "Private notes: hidden while presenting" in " ".join(c.value for c in at.caption)
