"""The scorer against labelled goals: the shared dev set and our own held-out set.

The dev set is read from ../shared/eval/ next to the repository; a CI clone elsewhere falls back
to the copy in tests/core/data/. The held-out set (tests/core/data/smart_holdout.jsonl) was
written and labelled from DESIGN.md's definitions before the scorer existed, to catch rules
that only fit the dev set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from career_core.smart.evaluate import TARGETS, figures, format_table, load, main

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
SHARED_DEV = REPO / "../shared/eval/smart_dev.jsonl"
DEV = SHARED_DEV if SHARED_DEV.exists() else DATA / "smart_dev.jsonl"
HOLDOUT = DATA / "smart_holdout.jsonl"


# (labelled set, the least accuracy and balanced accuracy it must reach)
SETS = {"dev": (DEV, 0.95), "holdout": (HOLDOUT, 0.9)}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    path, floor = SETS[request.param]
    return request.param, figures(load(path)), floor


@pytest.mark.parametrize("target", TARGETS)
def test_figures(scored, target: str) -> None:
    name, figs, floor = scored
    f = figs[target]
    assert f.n >= 60
    assert f.accuracy >= floor, f"{name} {target}: accuracy {f.accuracy:.3f}, wrong: {f.wrong}"
    assert f.balanced >= floor, f"{name} {target}: balanced accuracy {f.balanced:.3f}, wrong: {f.wrong}"
    assert f.accuracy > f.majority  # better than always answering the commoner label


def test_holdout_is_varied_and_well_formed() -> None:
    rows = load(HOLDOUT)
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"].lower() for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "text", "S", "M", "T", "smart", "tags"}
        assert not (r["smart"] and not (r["S"] and r["M"] and r["T"])), r["id"]
    tags = {t for r in rows for t in r["tags"]}
    assert {"sales", "education", "health", "personal"} <= tags
    assert sum(r["smart"] for r in rows) >= 20 and sum(not r["smart"] for r in rows) >= 20


def test_dev_copy_matches_the_shared_file() -> None:
    if not SHARED_DEV.exists():
        pytest.skip("the shared dev set is not next to this clone")
    assert (DATA / "smart_dev.jsonl").read_text(encoding="utf-8") == SHARED_DEV.read_text(encoding="utf-8")


def test_balanced_accuracy_punishes_always_yes() -> None:
    rows = [{"id": str(i), "text": "Pass the PMP exam by March 2027.", "S": i < 9, "M": i < 9, "T": i < 9, "smart": i < 9} for i in range(10)]
    f = figures(rows)["smart"]
    assert f.accuracy == pytest.approx(0.9) and f.balanced == pytest.approx(0.5) and f.majority == pytest.approx(0.9)
    assert f.wrong == ("9",)


def test_cli_prints_figures_and_wrong_ids(tmp_path, capsys) -> None:
    path = tmp_path / "goals.jsonl"
    path.write_text(
        '{"id": "a", "text": "Get better at leadership.", "S": false, "M": false, "T": false, "smart": false}\n'
        '{"id": "b", "text": "Be a good leader.", "S": true, "M": false, "T": false, "smart": false}\n',
        encoding="utf-8",
    )
    assert main([str(path), "-v"]) == 0
    out = capsys.readouterr().out
    assert "balanced" in out and "majority" in out
    assert "S wrong: b" in out and "wrong: a" not in out
    assert format_table(figures(load(path))).count("\n") == 4
