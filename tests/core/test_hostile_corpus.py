"""The hostile corpus (tests/data/hostile, and big files made here): every file is refused with one
clear message, or accepted as a notebook that is safe everywhere it goes (store, exports, pages)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from career_core import integrity, limits
from career_core.exports import checkins_csv
from career_core.exports.calendar import to_ics
from career_core.exports.notebook_file import ImportProblem, read, to_bytes
from career_core.models import Notebook
from career_core.store import Store
from tests.conftest import ROOT
from tests.synthetic import five_year_notebook

CORPUS = ROOT / "tests" / "data" / "hostile"
FILES = sorted(CORPUS.glob("*.json"))
TODAY = date(2026, 11, 20)


def ids_in(data: bytes) -> set[str]:
    """Every id a file holds (for checking no message repeats one)."""
    found = set(re.findall(rb'"(?:id|parent_id|goal_id|initiative_id)":\s*"([^"\\]{2,40})"', data))
    return {i.decode("utf-8", "replace") for i in found}


def assert_clear(message: str, data: bytes) -> None:
    assert message and "\n" not in message and "Traceback" not in message
    assert ".." not in message
    assert not re.search(r"\b[a-z_]+\.\d+\b|\b[a-z]+_[a-z_]+\b", message), message  # no field paths or names
    for found in ids_in(data):
        assert not re.search(rf"(?<!\w){re.escape(found)}(?!\w)", message), f"the message repeats the id {found!r}"
    assert (message[0].isupper() or message[0].isdigit()) and message.endswith((".", ")"))


def walk(value: Any) -> Iterator[Any]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
    else:
        yield value


def assert_safe(nb: Notebook, tmp_path: Path) -> None:
    """What every page relies on: limits kept, consistent, dates in range, aware UTC, finite."""
    assert limits.problems(nb) == [] and integrity.problems(nb) == []
    for value in walk(nb):
        if isinstance(value, datetime):
            assert value.tzinfo is UTC and limits.FIRST_DAY.year <= value.year <= limits.LAST_DAY.year
        elif isinstance(value, date):
            assert limits.FIRST_DAY <= value <= limits.LAST_DAY
        elif isinstance(value, float):
            assert math.isfinite(value)
    store = Store(f"sqlite:///{tmp_path / 'waypoint.db'}")
    stored = store.add("someone", nb)
    assert store.load("someone", stored.id) == stored
    store.save("someone", stored)
    store.engine.dispose()
    checkins_csv.build(nb)
    to_ics(nb, TODAY)
    assert read(to_bytes(nb)).notebook == nb


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_every_file_in_the_corpus_is_refused_clearly_or_accepted_safely(path: Path, tmp_path: Path):
    data = path.read_bytes()
    if path.stem.startswith("refused-"):
        with pytest.raises(ImportProblem) as caught:
            read(data)
        assert_clear(str(caught.value), data)
    else:
        assert path.stem.startswith("accepted-"), "name a corpus file accepted-… or refused-…"
        imported = read(data)
        for note in imported.notes:
            assert_clear(note, data)
        assert_safe(imported.notebook, tmp_path)


def test_the_corpus_covers_both_outcomes_and_is_small_on_disk():
    assert sum(f.stem.startswith("accepted-") for f in FILES) >= 10
    assert sum(f.stem.startswith("refused-") for f in FILES) >= 20
    assert sum(f.stat().st_size for f in FILES) < 1_000_000


# --- big files, made here rather than kept on disk -----------------------------------------------


def notebook_json(**fields: Any) -> bytes:
    return json.dumps({"schema_version": 1, "title": "Big", **fields}).encode()


def chain(n: int) -> list[dict]:
    return [{"id": f"g{i}", "statement": f"Level {i}", "parent_id": f"g{i - 1}" if i else None} for i in range(n)]


BIG_REFUSED: list[tuple[str, Callable[[], bytes], str]] = [
    ("110,000 goals (the 24 MB file of the probe)", lambda: notebook_json(goals=[{"statement": "Lead a team of 10"}] * 110_000),
     "This file has 110,000 goals; a notebook holds at most 400."),
    ("50,001 check-ins", lambda: notebook_json(goals=[{"id": "g", "statement": "x"}], checkins=[{"goal_id": "g"}] * 50_001),
     "This file has 50,001 check-ins; a notebook holds at most 50,000."),
    ("a million empty objects", lambda: notebook_json(goals=[{}] * 1_000_000),
     ("This file holds too many separate items for one notebook (2,000,003 commas and brackets; a notebook file "
      "has at most 1,000,000, and one at every limit about half that).")),
    ("21 MB of text", lambda: notebook_json(vision={"statement": "x" * (21 * 2**20)}),
     "This file is 21.0 MB; a notebook file is at most 20 MB."),
    ("stepping stones 1,000 deep", lambda: notebook_json(goals=chain(1_000)),
     "This file has 1,000 goals; a notebook holds at most 400."),
    ("stepping stones 400 deep", lambda: notebook_json(goals=chain(400)),
     ("Stepping stones go 400 levels deep (a goal under a goal under a goal…); a notebook allows at most 5. "
      "Nothing was imported.")),
    ("a goal with 100,000 fields", lambda: notebook_json(goals=[{f"f{i}": i for i in range(100_000)}]),
     "Part of this file has 100,000 fields; no part of a notebook has more than 64."),
    ("105,000 completed dates", lambda: notebook_json(actions=[{"title": "x", "done_on": ["2026-01-01"] * 5_000}] * 21),
     "This file's actions have 105,000 completed dates in all; a notebook holds at most 100,000."),
    ("JSON nested 100,000 deep", lambda: b"[" * 100_000 + b"]" * 100_000,
     "This file nests data more than 16 levels deep; a notebook file nests at most 16 levels."),
]


@pytest.mark.parametrize(("make", "message"), [(m, msg) for _, m, msg in BIG_REFUSED], ids=[n for n, _, _ in BIG_REFUSED])
def test_big_hostile_files_are_refused_with_one_message(make: Callable[[], bytes], message: str):
    data = make()
    with pytest.raises(ImportProblem) as caught:
        read(data)
    assert str(caught.value) == message


def weekly_actions(n: int) -> bytes:
    goal = {"id": "g", "statement": "Lead a team of 10 people by June 2028", "deadline": "2028-06-30"}
    actions = [{"title": f"Weekly step {i}", "goal_id": "g", "recurrence": "weekly", "start": "2026-01-05", "hours": 0.25}
               for i in range(n)]
    return notebook_json(goals=[goal], actions=actions)


@pytest.mark.parametrize(
    "make",
    [lambda: weekly_actions(2_000), lambda: to_bytes(five_year_notebook(0, TODAY, scale=10))],
    ids=["2,000 weekly actions", "a notebook at every limit"],
)
def test_big_files_within_the_limits_are_accepted(make: Callable[[], bytes]):
    imported = read(make())
    assert imported.notes == () and integrity.problems(imported.notebook) == []
