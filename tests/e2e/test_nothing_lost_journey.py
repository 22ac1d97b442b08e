"""Nothing typed is lost, in a real browser: a goal typed on Goals comes back after a reload, marked
as a draft; two tabs editing different fields of Reflect both keep their edit without a question,
and the same field changed in both asks with both values side by side; a draft typed before the
field was saved in another tab is asked about after a reload, never saved over it unseen; a server
killed while a draft is being typed keeps all but the last second of it."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from career_core.models import Notebook
from career_core.store import Store
from tests.e2e.conftest import Server, drawn, open_tab, wait_for_app

GOAL = "Lead a team of at least 10 people within two years"
PAUSE_MS = 1500  # the keeper writes a draft a second after the typing pauses


def notebook(server: Server, title: str = "Jo's plan"):
    store = server.store()
    nb = store.create("local", title)
    store.engine.dispose()
    return nb


def sidebar(page: Page):
    return page.get_by_test_id("stSidebar")


def test_a_goal_typed_on_goals_comes_back_after_a_reload_marked_as_a_draft(page: Page, server: Server):
    nb = notebook(server)
    page.goto(f"{server.url}/goals")
    goal = page.get_by_role("textbox", name="Your goal")
    goal.press_sequentially(GOAL, delay=10)
    expect(sidebar(page).get_by_text("Draft kept")).to_be_visible()
    expect(sidebar(page).get_by_text("All changes saved")).to_have_count(0)

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value(GOAL)
    expect(page.get_by_text("Draft, not yet added")).to_be_visible()

    page.get_by_role("button", name="Save as a draft").click()
    expect(page.get_by_text("Draft, not yet added")).to_have_count(0)
    store = server.store()
    assert [g.statement for g in store.load("local", nb.id).goals] == [GOAL]
    assert store.drafts("local", nb.id) == {}
    store.engine.dispose()


def test_text_typed_in_a_form_and_never_sent_is_back_after_a_reload_and_can_be_discarded(page: Page, server: Server):
    nb = notebook(server)
    page.goto(f"{server.url}/reflect")
    open_tab(page, "Input")
    said = page.get_by_label("What they said", exact=True)
    said.press_sequentially("You hold back in meetings", delay=10)  # no click out, no Add
    expect(sidebar(page).get_by_text("Draft kept")).to_be_visible()

    page.reload()
    wait_for_app(page)
    open_tab(page, "Input")
    expect(page.get_by_label("What they said", exact=True)).to_have_value("You hold back in meetings")
    page.get_by_role("button", name="Discard draft").click()
    expect(drawn(page).get_by_label("What they said", exact=True)).to_have_value("")
    expect(sidebar(page).get_by_text("All changes saved")).to_be_visible()
    store = server.store()
    assert store.drafts("local", nb.id) == {}
    store.engine.dispose()


@pytest.mark.parametrize("pause", [True, False], ids=["after the pause", "right away, before the pause"])
def test_text_typed_in_a_form_is_back_in_it_when_its_tab_is_left_and_opened_again(page: Page, server: Server, pause):
    """A form sends nothing until it is submitted: the words live in the browser's field, which
    goes with the tab. The draft keeper keeps them, even when the tab is left before the pause."""
    nb = notebook(server)
    page.goto(f"{server.url}/reflect")
    open_tab(page, "Input")
    page.get_by_label("What they said", exact=True).press_sequentially("Speak up earlier", delay=10)
    if pause:
        expect(sidebar(page).get_by_text("Draft kept")).to_be_visible()
    open_tab(page, "Vision")
    store = server.store()
    waited(lambda: "input.said" in store.drafts("local", nb.id), "the draft")
    store.engine.dispose()
    expect(sidebar(page).get_by_text("Draft kept")).to_be_visible()
    open_tab(page, "Input")
    expect(drawn(page).get_by_label("What they said", exact=True)).to_have_value("Speak up earlier")
    expect(page.get_by_text("Draft, not yet added")).to_be_visible()


def test_an_entry_added_right_after_typing_leaves_the_save_line_saying_it_is_saved(page: Page, server: Server):
    """Add clicked before the typing paused: the field is gone when the pause comes, and the
    keeper still reports it, so the save line does not go on saying the typing is not kept."""
    nb = notebook(server)
    page.goto(f"{server.url}/reflect")
    open_tab(page, "Input")
    page.get_by_label("Who I asked", exact=True).fill("Priya")
    page.get_by_label("What they said", exact=True).press_sequentially("Delegate the rota", delay=10)
    page.get_by_role("button", name="Add to the log").click()
    expect(sidebar(page).get_by_text(re.compile(r"Saved .* revision 2$"))).to_be_visible()
    expect(sidebar(page).get_by_text("Not saved yet")).to_have_count(0)
    store = server.store()
    assert [i.said for i in store.load("local", nb.id).inputs] == ["Delegate the rota"]
    assert store.drafts("local", nb.id) == {}
    store.engine.dispose()


def open_reflect(browser: Browser, server: Server) -> Page:
    tab = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    tab.goto(f"{server.url}/reflect")
    expect(tab.get_by_role("heading", name="Reflect")).to_be_visible()
    return tab


def write(page: Page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(text)
    field.press("Tab")  # click out: the field saves
    wait_for_app(page)


def waited(holds: Callable[[], bool], what: str) -> None:
    """Wait until the database `holds` what a tab wrote (at most 20 s)."""
    deadline = time.monotonic() + 20
    while not holds():
        assert time.monotonic() < deadline, f"{what} never reached the database"
        time.sleep(0.1)


def stored(store: Store, nb: Notebook, holds: Callable[[Notebook], bool], what: str) -> None:
    """Wait until the database holds a tab's save: on a busy machine the wait after leaving a
    field can end while the tab's page is still on its way to the save, and another tab writing
    then would save first."""
    waited(lambda: holds(store.load("local", nb.id)), what)


def test_two_tabs_editing_different_fields_both_keep_their_edit_and_the_same_field_asks(browser: Browser, server: Server):
    nb = notebook(server)
    a, b = open_reflect(browser, server), open_reflect(browser, server)

    store = server.store()
    write(a, "Interests", "Building teams")
    stored(store, nb, lambda n: n.reflection.interests == ["Building teams"], "a's save")
    write(b, "Strengths", "Calm in a crisis")  # b still holds the revision before a's save
    expect(sidebar(b).get_by_text("merged with changes from another tab")).to_be_visible()
    expect(b.get_by_text("to choose between")).to_have_count(0)
    expect(drawn(b).get_by_label("Interests", exact=True)).to_have_value("Building teams")  # a's edit, shown in b
    reflection = store.load("local", nb.id).reflection
    assert (reflection.interests, reflection.strengths) == (["Building teams"], ["Calm in a crisis"])

    open_tab(a, "Vision")  # a's next step picks up b's save, and says so
    expect(sidebar(a).get_by_text("Updated with changes made in another tab")).to_be_visible()
    open_tab(a, "Self-assessment")
    expect(drawn(a).get_by_label("Strengths", exact=True)).to_have_value("Calm in a crisis")

    # The same field in both: asked on the page (not only in the sidebar), both values side by side.
    for tab in (a, b):
        open_tab(tab, "Vision")
    # Both tabs hold the same revision before either writes: on a busy machine b's last run can
    # still be on its way, and would otherwise take a's vision before b writes its own.
    revision = store.revision_of("local", nb.id)
    for tab in (a, b):
        expect(sidebar(tab).get_by_text(re.compile(rf"revision {revision}$"))).to_be_visible()
        wait_for_app(tab)
    write(a, "My vision", "I lead the northern division")
    stored(store, nb, lambda n: n.vision.statement == "I lead the northern division", "a's save")
    write(b, "My vision", "I run operations for 200 people")
    question = b.get_by_test_id("stMain").locator(".st-key-wp-questions")
    expect(question.get_by_text("1 change to choose between")).to_be_visible()
    mine = question.get_by_text("I run operations for 200 people", exact=True)
    theirs = question.get_by_text("I lead the northern division", exact=True)
    expect(mine).to_be_visible()
    expect(theirs).to_be_visible()
    mine_box, theirs_box = mine.bounding_box(), theirs.bounding_box()
    assert mine_box["x"] < theirs_box["x"] and abs(mine_box["y"] - theirs_box["y"]) < 40  # side by side
    assert store.load("local", nb.id).vision.statement == "I lead the northern division"  # nothing written yet
    question.get_by_text(re.compile("^This tab's statement")).click()
    question.get_by_role("button", name="Save my choices").click()
    expect(b.locator(".st-key-wp-questions")).to_have_count(0)
    assert store.load("local", nb.id).vision.statement == "I run operations for 200 people"
    history = [store.load_revision("local", nb.id, r.revision).vision.statement for r in store.history("local", nb.id)]
    assert "I lead the northern division" in history  # the other version stays in the history
    store.engine.dispose()
    for tab in (a, b):
        tab.context.close()


def test_a_draft_typed_before_another_tab_saved_the_field_is_asked_about_after_a_reload(browser: Browser, server: Server):
    nb = notebook(server)
    a, b = open_reflect(browser, server), open_reflect(browser, server)
    for tab in (a, b):
        open_tab(tab, "Vision")
    write(a, "My vision", "I lead the northern division")
    store = server.store()
    stored(store, nb, lambda n: n.vision.statement == "I lead the northern division", "a's save")
    b.get_by_label("My vision", exact=True).press_sequentially("I run operations", delay=10)  # b still shows it empty
    expect(sidebar(b).get_by_text("Draft kept")).to_be_visible()

    b.reload()
    wait_for_app(b)
    open_tab(b, "Vision")
    expect(b.get_by_text("changed elsewhere after you typed a draft here")).to_be_visible()
    expect(b.get_by_text("I run operations", exact=True)).to_be_visible()  # the draft, as typed
    field = drawn(b).get_by_label("My vision", exact=True)
    expect(field).to_have_value("I lead the northern division")
    expect(field).to_be_disabled()

    b.get_by_role("button", name="Use my draft").click()
    expect(drawn(b).get_by_label("My vision", exact=True)).to_have_value("I run operations")
    b.get_by_role("button", name="Save draft").click()
    expect(b.get_by_text("Draft, not yet saved")).to_have_count(0)
    assert store.load("local", nb.id).vision.statement == "I run operations"
    history = [store.load_revision("local", nb.id, r.revision).vision.statement for r in store.history("local", nb.id)]
    assert "I lead the northern division" in history
    store.engine.dispose()
    for tab in (a, b):
        tab.context.close()


def test_a_server_killed_while_a_draft_is_typed_keeps_all_but_the_last_second(browser: Browser, tmp_path: Path):
    server = Server(tmp_path)
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        nb = notebook(server)
        page.goto(f"{server.url}/reflect")
        open_tab(page, "Input")
        said = page.get_by_label("What they said", exact=True)
        said.press_sequentially("Delegate the Monday rota", delay=10)
        page.wait_for_timeout(PAUSE_MS)
        said.press_sequentially(" and the", delay=10)  # the last second, still being typed
        server.proc.kill()  # kill -9: no shutdown, no flush
        server.proc.wait(timeout=10)
        server = Server(tmp_path, port=server.port)  # restarted on the same database
        page.reload()
        wait_for_app(page)
        open_tab(page, "Input")
        expect(page.get_by_label("What they said", exact=True)).to_have_value(
            re.compile(r"^Delegate the Monday rota"))
        expect(page.get_by_text("Draft, not yet added")).to_be_visible()
        store = server.store()
        assert store.drafts("local", nb.id)["input.said"].text.startswith("Delegate the Monday rota")
        store.engine.dispose()
    finally:
        page.context.close()
        server.stop()
