"""The names of the files a notebook is downloaded as."""

from __future__ import annotations

import pytest

from career_core.exports.notebook_file import file_name
from career_core.models import Notebook


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
