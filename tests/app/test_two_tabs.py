"""Two tabs on one notebook (two AppTest sessions on one database): edits of different fields both
survive without a question and each tab shows the other's at its next step; only the same field
changed in both asks, on the page, with both values side by side."""

from __future__ import annotations

import re

import pytest

from career_core.merge import Side
from tests.app.conftest import button, by_label, stored, texts, type_into
from tests.app.fragment_runs import fragment_runs, typing_reported


@pytest.fixture
def two_tabs(open_app, db):
    nb = db.create("local", "Mine")

    def tab():
        at = open_app(page="reflect")
        return at

    return tab(), tab(), nb


def lines_of(at, label: str):
    return by_label(at.text_area, label)


def unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_different_fields_in_two_tabs_both_survive_and_each_tab_follows(two_tabs, db):
    a, b, nb = two_tabs
    lines_of(a, "Interests").input("Building teams").run()
    lines_of(b, "Strengths").input("Calm in a crisis").run()  # b still holds the revision before a's
    reflection = stored(db, nb).reflection
    assert (reflection.interests, reflection.strengths) == (["Building teams"], ["Calm in a crisis"])
    assert not b.radio and not b.sidebar.warning and "to choose between" not in texts(b)
    assert any("merged with changes from another tab" in c.value for c in b.sidebar.caption)
    assert lines_of(b, "Interests").value == "Building teams"  # the merged-in value, in its field
    a.run()  # a's next step: it takes b's save and says so
    assert lines_of(a, "Strengths").value == "Calm in a crisis"
    assert any("Updated with changes made in another tab" in c.value for c in a.sidebar.caption)
    assert [t.value for t in a.toast] == ["Updated with changes made in another tab."]


def on_vision(at):
    at.session_state["reflect.tab"] = "Vision"
    return at.run()


def test_the_same_field_in_two_tabs_asks_with_both_values_and_keeps_the_other_in_the_history(two_tabs, db):
    a, b, nb = (on_vision(two_tabs[0]), on_vision(two_tabs[1]), two_tabs[2])
    by_label(a.text_area, "My vision").input("I lead the northern division").run()
    by_label(b.text_area, "My vision").input("I run operations for 200 people").run()
    assert stored(db, nb).vision.statement == "I lead the northern division"  # nothing written yet
    assert "1 change to choose between" in texts(b)
    assert [t.value for t in b.main.text][:2] == ["I run operations for 200 people", "I lead the northern division"]
    (question,) = b.radio
    assert [unescaped(o) for o in question.options] == [
        "This tab's statement: I run operations for 200 people",
        "The other tab's statement: I lead the northern division"]
    question.set_value(Side.MINE)
    button(b, "Save my choices").click().run()
    assert stored(db, nb).vision.statement == "I run operations for 200 people"
    history = [db.load_revision("local", nb.id, r.revision).vision.statement for r in db.history("local", nb.id)]
    assert "I lead the northern division" in history
    assert not b.radio and "to choose between" not in texts(b)


def test_typing_in_one_tab_while_the_other_saves_the_same_field_still_asks(two_tabs, db):
    a, b, nb = (on_vision(two_tabs[0]), on_vision(two_tabs[1]), two_tabs[2])
    by_label(a.text_area, "My vision").input("I lead the northern division").run()
    type_into(b, by_label(b.text_area, "My vision"), "", event="typing")  # b's first keystroke: a rerun
    by_label(b.text_area, "My vision").input("I run operations for 200 people").run()  # then b leaves the field
    assert stored(db, nb).vision.statement == "I lead the northern division"  # nothing written over it
    assert "1 change to choose between" in texts(b)


def test_a_pause_in_typing_while_the_other_tab_saves_the_same_field_still_asks_then_the_tab_follows_again(two_tabs, db):
    a, b, nb = (on_vision(two_tabs[0]), on_vision(two_tabs[1]), two_tabs[2])
    by_label(a.text_area, "My vision").input("I lead the northern division").run()
    type_into(b, by_label(b.text_area, "My vision"), "I run operations for 200 people")  # b pauses: a draft
    assert by_label(b.text_area, "My vision").value == ""  # b has not taken a's save over its typing
    by_label(b.text_area, "My vision").input("I run operations for 200 people").run()  # then b leaves the field
    assert stored(db, nb).vision.statement == "I lead the northern division"
    assert "1 change to choose between" in texts(b)
    b.radio[0].set_value(Side.THEIRS)
    button(b, "Save my choices").click().run()
    by_label(a.text_input, "Target role").input("Head of Operations").run()
    b.run()  # with nothing of its own waiting, b takes a's saves again
    assert by_label(b.text_input, "Target role").value == "Head of Operations"
    assert any("Updated with changes made in another tab" in c.value for c in b.sidebar.caption)


def test_lists_of_short_entries_changed_in_both_tabs_keep_both_additions(two_tabs, db):
    a, b, nb = two_tabs
    lines_of(a, "Interests").input("Building teams").run()
    lines_of(b, "Interests").input("Logistics networks").run()
    assert stored(db, nb).reflection.interests == ["Building teams", "Logistics networks"]
    assert not b.radio and lines_of(b, "Interests").value == "Building teams\nLogistics networks"


def test_a_question_left_open_keeps_this_tabs_edit_and_its_other_edits_wait_with_it(two_tabs, db):
    a, b, nb = (on_vision(two_tabs[0]), on_vision(two_tabs[1]), two_tabs[2])
    by_label(a.text_area, "My vision").input("I lead the northern division").run()
    by_label(b.text_area, "My vision").input("I run operations for 200 people").run()
    by_label(b.text_input, "Target role").input("Head of Operations").run()  # while the question is open
    assert stored(db, nb).vision.target_role == ""
    assert len(b.radio) == 1
    b.radio[0].set_value(Side.THEIRS)
    button(b, "Save my choices").click().run()
    vision = stored(db, nb).vision
    assert (vision.statement, vision.target_role) == ("I lead the northern division", "Head of Operations")
    assert by_label(b.text_area, "My vision").value == "I lead the northern division"


def test_while_presenting_a_question_about_private_notes_hides_both_values(open_app, db):
    nb = db.create("local", "Mine")
    at = open_app(page="reflect")
    at.session_state["reflect.tab"] = "Private notes"
    at.run()
    other = db.load("local", nb.id)
    other.reflection.private_notes = "Ask about the budget"
    db.save("local", other)
    by_label(at.text_area, "Private notes").input("I might leave").run()
    assert {"I might leave", "Ask about the budget"} <= {t.value for t in at.main.text}
    at.sidebar.toggle[0].set_value(True).run()  # the call starts with the question still open
    shown = texts(at) + "\n".join(at.radio[0].options)
    assert "I might leave" not in shown and "Ask about the budget" not in shown
    assert "Hidden while presenting" in shown
    assert at.radio[0].options == ["This tab's version", "The other tab's version"]


def reloaded_after_the_other_tab_saved(two_tabs, db, open_app):
    """a saves My vision; b, still showing the field empty, types into it and pauses (a draft);
    b's page is reloaded before b leaves the field."""
    a, b, nb = (on_vision(two_tabs[0]), on_vision(two_tabs[1]), two_tabs[2])
    by_label(a.text_area, "My vision").input("I lead the northern division").run()
    type_into(b, by_label(b.text_area, "My vision"), "I run operations for 200 people")
    return on_vision(open_app(page="reflect")), nb


def test_a_draft_typed_before_the_field_was_saved_elsewhere_is_not_put_back_but_asked_about(two_tabs, db, open_app):
    b, nb = reloaded_after_the_other_tab_saved(two_tabs, db, open_app)
    field = by_label(b.text_area, "My vision")
    assert (field.value, field.disabled) == ("I lead the northern division", True)  # the newer text, until answered
    assert "changed elsewhere after you typed a draft here" in texts(b)
    assert "I run operations for 200 people" in [t.value for t in b.main.text]  # the draft, as typed
    assert stored(db, nb).vision.statement == "I lead the northern division"
    assert {k: d.text for k, d in db.drafts("local", nb.id).items()} == {"vision.statement": "I run operations for 200 people"}


# (answer, the field then shows, stored after leaving the field as it is, drafts left)
ANSWERS = [
    ("Use my draft", "I run operations for 200 people", "I run operations for 200 people", {}),
    ("Keep the newer text", "I lead the northern division", "I lead the northern division", {}),
]


@pytest.mark.parametrize("answer, shown, saved, left", ANSWERS, ids=["use the draft", "keep the newer text"])
def test_the_answer_about_an_outdated_draft_is_what_happens(two_tabs, db, open_app, answer, shown, saved, left):
    b, nb = reloaded_after_the_other_tab_saved(two_tabs, db, open_app)
    button(b, answer).click().run()
    field = by_label(b.text_area, "My vision")
    assert (field.value, field.disabled) == (shown, False)
    assert "changed elsewhere after you typed" not in texts(b)
    if answer == "Use my draft":
        assert "Draft, not yet saved" in texts(b)
        button(b, "Save draft").click().run()
    assert stored(db, nb).vision.statement == saved
    assert {k: d.text for k, d in db.drafts("local", nb.id).items()} == left
    history = {db.load_revision("local", nb.id, r.revision).vision.statement for r in db.history("local", nb.id)}
    assert "I lead the northern division" in history | {saved}  # the other tab's words are never lost


def test_a_draft_typed_on_the_saved_text_still_comes_back_into_its_field(two_tabs, db, open_app):
    a, b = on_vision(two_tabs[0]), on_vision(two_tabs[1])
    type_into(b, by_label(b.text_area, "My vision"), "I run operations for 200 people")
    by_label(a.text_input, "Target role").input("Head of Operations").run()  # another field saved elsewhere
    again = on_vision(open_app(page="reflect"))
    field = by_label(again.text_area, "My vision")
    assert (field.value, field.disabled) == ("I run operations for 200 people", False)
    assert "Draft, not yet saved" in texts(again) and "changed elsewhere" not in texts(again)


def drafts_in(db, nb) -> dict[str, str]:
    return {k: d.text for k, d in db.drafts("local", nb.id).items()}


def on_input(at):
    at.session_state["reflect.tab"] = "Input"
    return at.run()


def test_a_save_of_the_same_field_in_another_tab_leaves_this_tabs_draft_of_it(two_tabs, db, open_app):
    a, b, nb = (on_vision(two_tabs[0]), on_vision(two_tabs[1]), two_tabs[2])
    type_into(a, by_label(a.text_area, "My vision"), "I lead the north")  # a pauses: a draft of a's
    type_into(b, by_label(b.text_area, "My vision"), "I run operations for 200 people")  # b's, over it
    by_label(a.text_area, "My vision").input("I lead the northern division").run()  # a leaves the field
    assert stored(db, nb).vision.statement == "I lead the northern division"
    assert drafts_in(db, nb) == {"vision.statement": "I run operations for 200 people"}  # b's words stay
    again = on_vision(open_app(page="reflect"))  # b reloads before leaving the field: asked, not lost
    assert "I run operations for 200 people" in [t.value for t in again.main.text]
    assert "changed elsewhere after you typed a draft here" in texts(again)


def test_adding_an_entry_in_another_tab_leaves_this_tabs_draft_of_the_same_form(two_tabs, db):
    a, b, nb = (on_input(two_tabs[0]), on_input(two_tabs[1]), two_tabs[2])
    type_into(a, by_label(a.text_area, "What they said"), "Delegate")
    type_into(b, by_label(b.text_area, "What they said"), "Speak up earlier in reviews")
    by_label(a.text_input, "Who I asked").input("Priya")
    by_label(a.text_area, "What they said").input("Delegate the rota")
    button(a, "Add to the log").click().run()
    assert [i.said for i in stored(db, nb).inputs] == ["Delegate the rota"]
    assert drafts_in(db, nb) == {"input.said": "Speak up earlier in reviews"}


def test_a_tab_that_typed_into_a_field_and_left_it_takes_the_other_tabs_save_at_its_next_step(open_app, db):
    """In the browser the keeper reports the first keystroke in a rerun of the save line alone;
    the field is then left (and saved) before the keeper reports the pause, which it never does
    when a click opened another tab (the field is gone from the page). The next click is the
    tab's next step: it takes what another tab saved meanwhile, and says so."""
    nb = db.create("local", "Mine")
    with fragment_runs():
        b = open_app(page="reflect")
        a = open_app(page="reflect")
        typing_reported(a, lines_of(a, "Interests"))
        lines_of(a, "Interests").input("Building teams").run()  # a leaves the field: saved
        lines_of(b, "Strengths").input("Calm in a crisis").run()  # b saves, merged with a's
        assert stored(db, nb).reflection.strengths == ["Calm in a crisis"]
        a.session_state["reflect.tab"] = "Vision"
        a.run()  # a's next click, before the keeper reports the pause in Interests
        assert any("Updated with changes made in another tab" in c.value for c in a.sidebar.caption)
        a.session_state["reflect.tab"] = "Self-assessment"
        a.run()
        assert lines_of(a, "Strengths").value == "Calm in a crisis"
