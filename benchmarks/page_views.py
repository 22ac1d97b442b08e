"""The views of the app a benchmark opens (a page, or one section of it), the notebooks it opens
them with, and how a view's first run and reruns are timed through Streamlit's AppTest.

A view is a `View` (a page and how to reach its section); a measurement of a view is a `Sample`.
The at-limits notebook is tests/synthetic.py's five-year notebook ten times over (every list near
its limit: 400 goals, about 4,000 actions, 50,000 check-ins); the crowded one is the same in the
shapes that cost pages the most (4,000 weekly actions running at once, every goal slipping, every
development item kept; see `crowded_notebook`).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest, app_test, local_script_runner  # noqa: E402

from benchmarks.timing import Timing, timed  # noqa: E402
from career_core.database import ENV_VAR  # noqa: E402
from career_core.models import Notebook  # noqa: E402
from career_core.sample import load_sample  # noqa: E402
from career_core.store import Store  # noqa: E402
from tests.synthetic import crowded_notebook, five_year_notebook  # noqa: E402

NOTEBOOKS: dict[str, Callable[[], Notebook]] = {
    "sample": lambda: load_sample(date.today()),
    "five-year": lambda: five_year_notebook(),
    "at-limits": lambda: five_year_notebook(scale=10),
    "crowded": lambda: crowded_notebook(),
}


@dataclass(frozen=True, slots=True)
class View:
    """A page, or one section of it: `state` is what the page's section control holds."""

    page: str
    section: str = ""
    state: dict[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.page}:{self.section}" if self.section else self.page

    def open(self, at: AppTest) -> None:
        at.switch_page(f"app_pages/{self.page}.py")
        for key, value in self.state.items():
            at.session_state[key] = value


def _sections(page: str, key: str, names: list[str]) -> list[View]:
    return [View(page, name, {key: name}) for name in names]


VIEWS: list[View] = [
    View("home"),
    *_sections("reflect", "reflect.tab", ["Self-assessment", "Vision", "Input", "Development list", "Organisation",
                                          "Private notes"]),
    *_sections("goals", "goals.tab", ["Draft", "My goals", "Goal map", "Focus"]),
    *_sections("plan", "section", ["Actions", "Initiatives", "Stop doing", "Timeline", "Weekly load", "Calendar"]),
    View("progress"),
    View("review"),
    View("coach"),
    View("notebook"),
]


@dataclass(frozen=True, slots=True)
class Sample:
    view: View
    first: float  # seconds: the first run, caches cold
    rerun: Timing  # seconds per rerun after it


@contextmanager
def compiled_once() -> Iterator[None]:
    """Compile each script once, as a server does: AppTest compiles the page on every run (a
    fresh ScriptCache each time, in the app's pages and in the runner of the entry script), which
    a person clicking on a server never waits for. Compiling app.py again on each run took 0.4 ms
    and made a few hundred syntax-tree objects, which brought the garbage collector's next pass nearer."""
    shared = app_test.ScriptCache()
    owners = (app_test, local_script_runner)
    originals = [owner.ScriptCache for owner in owners]
    for owner in owners:
        owner.ScriptCache = lambda: shared
    try:
        yield
    finally:
        for owner, original in zip(owners, originals, strict=True):
            owner.ScriptCache = original


@contextmanager
def app_with(nb: Notebook) -> Iterator[Callable[[], AppTest]]:
    """A fresh database holding `nb`; yields a factory of apps (not run yet) that open it."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/pages.db"
        previous = os.environ.get(ENV_VAR)
        os.environ[ENV_VAR] = url
        Store(url).add("local", nb)
        try:
            yield lambda: AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        finally:
            if previous is None:
                os.environ.pop(ENV_VAR, None)
            else:
                os.environ[ENV_VAR] = previous


def opened(start: Callable[[], AppTest], view: View) -> AppTest:
    """A new app with Home drawn, as a person arriving sees it, and `view` chosen (not run yet).
    AppTest finds a page by the address st.navigation gave it only after a first run: opened
    before one, the Coach session (at /session, not /coach) was Home again."""
    at = start()
    at.run()
    view.open(at)
    return at


def measure(start: Callable[[], AppTest], view: View, repeat: int) -> Sample:
    at = opened(start, view)
    began = time.perf_counter()
    at.run()
    first = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(f"{view.name} failed: {[e.value for e in at.exception]}")
    return Sample(view, first, timed(at.run, repeat))
