"""Every accepted file of the hostile corpus (tests/data/hostile) opens on every page without an
error: imported as a person would, then each page opened by its path, so the test holds however
the pages are arranged in the navigation."""

from __future__ import annotations

from pathlib import Path

import pytest

from career_core.exports.notebook_file import read
from career_core.store import Store
from tests.app.conftest import run_app
from tests.conftest import ROOT
from waypoint_ui.session import NOTEBOOK

ACCEPTED = sorted((ROOT / "tests" / "data" / "hostile").glob("accepted-*.json"))
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "app_pages").rglob("*.py") if p.stem != "__init__")


def test_there_are_pages_and_files_to_open():
    assert len(PAGES) >= 7 and len(ACCEPTED) >= 10


@pytest.mark.parametrize("path", ACCEPTED, ids=[p.stem for p in ACCEPTED])
def test_every_page_opens_an_accepted_hostile_notebook(db: Store, path: Path):
    nb = db.add("local", read(path.read_bytes()).notebook)
    at = run_app(query={"nb": nb.id})
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.session_state[NOTEBOOK].id == nb.id, f"{page} did not open the imported notebook"
