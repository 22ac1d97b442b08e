"""Run a fragment alone in AppTest, as the browser does after a click inside it.

AppTest's `run()` always reruns the whole script, so it cannot tell a section built as an
`st.fragment` from the rest of the page. `run_fragment(at, widget)` asks for what a browser asks
for after a change to `widget`: a rerun of the fragment that drew it (Streamlit's own queue of
fragment ids), with every widget's state. Its element tree then holds what that rerun drew: the
fragment alone, or the whole page when the fragment asked for a full rerun (`whole_page` says which).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.testing.v1 import AppTest, app_test
from streamlit.testing.v1.local_script_runner import LocalScriptRunner

from tests.app.conftest import type_into


class _Runner(LocalScriptRunner):
    """A runner that remembers its messages (which fragment drew which widget) and can start a
    run with a queue of fragments."""

    last: _Runner | None = None
    queue: list[str] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _Runner.last = self
        self.fragments, _Runner.queue = _Runner.queue, []
        if self.fragments:  # the runner starts with a pending full rerun: make it the fragments'
            self._requests._rerun_data = RerunData(fragment_id_queue=self.fragments)

    def request_rerun(self, rerun_data: RerunData) -> bool:
        if self.fragments:  # AppTest's request, with every widget's state: for the same fragments
            rerun_data = dataclasses.replace(rerun_data, fragment_id_queue=self.fragments)
            self.fragments = []
        return super().request_rerun(rerun_data)


class _SessionPages(PagesManager):
    """The pages `st.navigation` registered, kept from run to run as a server's session keeps them
    (AppTest starts every run with none; a fragment rerun does not call `st.navigation` again)."""

    registered: dict[str, dict] = {}  # main script -> its pages

    def __init__(self, main_script_path: str, *args: object, **kwargs: object) -> None:
        super().__init__(main_script_path, *args, **kwargs)
        if main_script_path in _SessionPages.registered:
            self._set_pages(dict(_SessionPages.registered[main_script_path]))

    def set_pages_and_resolve(self, pages, fallback_page_hash=""):  # noqa: ANN001, ANN201 - Streamlit's signature
        _SessionPages.registered[self.main_script_path] = dict(pages)
        return super().set_pages_and_resolve(pages, fallback_page_hash)


@contextmanager
def fragment_runs() -> Iterator[None]:
    """While open, AppTest runs go through `_Runner` and `_SessionPages` (full runs unchanged)."""
    originals = app_test.LocalScriptRunner, app_test.PagesManager
    app_test.LocalScriptRunner, app_test.PagesManager = _Runner, _SessionPages
    try:
        yield
    finally:
        app_test.LocalScriptRunner, app_test.PagesManager = originals
        _Runner.last, _Runner.queue = None, []
        _SessionPages.registered = {}


def fragment_of(widget_id: str) -> str | None:
    """The fragment that drew `widget_id` in the last run, or None when the page body did."""
    runner = _Runner.last
    if runner is None:
        raise RuntimeError("fragment_of needs an AppTest run inside `with fragment_runs():`")
    for msg in runner.forward_msgs():
        if not msg.HasField("delta") or not msg.delta.HasField("new_element"):
            continue
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind and getattr(getattr(element, kind), "id", None) == widget_id:
            return msg.delta.fragment_id or None
    raise LookupError(f"no widget {widget_id} in the last run")


def run_fragment(at: AppTest, widget) -> AppTest:  # noqa: ANN001 - any AppTest widget
    """Rerun what the browser reruns after a change to `widget` (already set on it)."""
    fragment = fragment_of(widget.id)
    if fragment is not None:
        _Runner.queue = [fragment]
    return at.run()


def run_section(at: AppTest, fragment: str) -> AppTest:
    """Rerun the section `fragment` alone (as `fragment_of` named it), as the browser does after a
    change to a widget of it that the last run did not draw."""
    _Runner.queue = [fragment]
    return at.run()


def whole_page(at: AppTest) -> bool:
    """Whether the last run drew the whole page (a full rerun), not a fragment alone."""
    return bool(at.title)


def typing_reported(at: AppTest, widget) -> AppTest:  # noqa: ANN001 - an AppTest text widget
    """The draft keeper's report of a first keystroke into `widget`, as the browser sends it: a
    rerun of the sidebar's save line alone (the keeper is drawn in that fragment), the field
    neither left nor its value sent. The browser still shows the page the last full run drew, so
    `at` keeps that page's widgets for the next step (leaving the field, a click)."""
    page = at._tree
    keeper = next(e for e in at.sidebar if getattr(e, "type", "") == "bidi_component")
    _Runner.queue = [fragment_of(keeper.proto.id)]
    type_into(at, widget, "", event="typing")
    if whole_page(at):
        raise AssertionError("the keeper's report reran the whole page, not its fragment alone")
    at._tree = page
    return at
