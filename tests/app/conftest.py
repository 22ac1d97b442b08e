"""AppTest helpers: run the real app.py against a fresh database, optionally on one page."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from career_core.escape import NO_BREAK_SPACE, WORD_JOINER
from career_core.models import Notebook
from career_core.store import Store
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def db(app_db: str) -> Store:
    """The store the app under test uses (same SQLite file)."""
    return Store(app_db)


def run_app(page: str | None = None, query: dict[str, str] | None = None, user: dict | None = None) -> AppTest:
    """Run app.py (as `user` when given), then switch to `page`; fail on any exception."""
    at = AppTest.from_file(APP, default_timeout=60)
    if user is not None:
        at.user = user
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def open_app(db: Store) -> Callable[..., AppTest]:
    """`run_app` against the fresh database `db`."""
    return run_app


def by_label(widgets, label: str):
    return next(w for w in widgets if w.label == label)


def button(at: AppTest, label: str):
    return by_label(at.button, label)


def has_button(at: AppTest, label: str) -> bool:
    return any(b.label == label for b in at.button)


@pytest.fixture
def open_on_tab(open_app, db: Store) -> Callable[..., tuple[AppTest, Notebook]]:
    """Open `page` on section `tab` (its selector's state key `tab_key`) of a notebook made from `parts`."""

    def _open(page: str, tab_key: str, tab: str | None = None, query: dict | None = None, **parts):
        nb = db.create("local", "Mine")
        if parts:
            nb = db.save("local", Notebook.model_validate({**nb.model_dump(), **parts}))
        at = open_app(page=page, query=query)
        if tab is not None:
            at.session_state[tab_key] = tab
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at, nb

    return _open


def stored(db: Store, nb: Notebook) -> Notebook:
    return db.load("local", nb.id)


def seen(markdown: str) -> str:
    """What a reader sees of Markdown holding escaped text (career_core.escape): the text as typed."""
    markdown = markdown.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ").replace("  \n", "\n")
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def errors(at: AppTest) -> list[str]:
    """The error messages on the page, as a reader sees them."""
    return [seen(e.value) for e in at.error]


def texts(at: AppTest) -> str:
    """Everything the page says, as a reader sees it, for 'the page mentions X' checks."""
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "text", "error", "warning", "success", "info")
             for e in getattr(at, kind)]
    return seen("\n".join(str(p) for p in parts))


def type_into(at: AppTest, widget, text: str, *, event: str = "typed") -> AppTest:
    """Type `text` into a text `widget` and pause, as the draft keeper in the browser reports it
    (waypoint_ui/draft_keeper.js): the field is neither left nor its form submitted, so the
    widget's own value does not change. `event="typing"` is the first keystroke after a pause."""
    from streamlit.components.v2.bidi_component.main import _make_trigger_id
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from waypoint_ui.drafts import widget_class

    keeper = next(e for e in at.sidebar if getattr(e, "type", "") == "bidi_component")
    value = {"key": widget_class(widget.key), "text": text} if event == "typed" else widget_class(widget.key)
    states = at._tree.get_widget_states()
    states.widgets.append(WidgetState(id=_make_trigger_id(keeper.proto.id, "events"),
                                      json_trigger_value=json.dumps([{"event": event, "value": value}])))
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at
