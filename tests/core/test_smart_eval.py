"""The scorer against labelled goals: the shared dev set and our own held-out set.

The dev set is read from ../shared/eval/ next to the repository; a CI clone elsewhere falls back
to the copy in tests/core/data/. The held-out set (tests/core/data/smart_holdout.jsonl) was
written and labelled from DESIGN.md's definitions before the scorer existed, to catch rules
that only fit the dev set.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from career_core.smart import regex_baseline
from career_core.smart.evaluate import (
    TARGETS,
    figures,
    fold_of,
    format_table,
    gold,
    group_of,
    load,
    load_all,
    main,
    verdict,
)

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


# --- labels, folds and the sealed fold -----------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"S": True, "M": True, "T": True}, {"S": True, "M": True, "T": True, "smart": True}),
        ({"S": True, "M": False, "T": True}, {"S": True, "M": False, "T": True, "smart": False}),
        # an ambiguous criterion is left out, and so is smart when that criterion decides it
        ({"S": True, "M": True, "T": False, "ambiguous": ["T"]}, {"S": True, "M": True}),
        # ... but not when another criterion is surely missing
        ({"S": False, "M": True, "T": True, "ambiguous": ["M"]}, {"S": False, "T": True, "smart": False}),
        # a written smart label wins over the derived one
        ({"S": True, "M": True, "T": True, "smart": False}, {"S": True, "M": True, "T": True, "smart": False}),
    ],
)
def test_gold_labels(row: dict, expected: dict) -> None:
    assert gold(row) == expected


def _row(i: int, url: str | None, text: str = "Pass the PMP exam by March 2027.") -> dict:
    row = {"id": f"r{i}", "text": text, "S": True, "M": True, "T": True, "domain": "career"}
    if url is not None:
        row["source"] = {"url": url, "title": "t"}
    return row


def test_folds_are_stable_and_keep_a_page_together() -> None:
    rows = [_row(i, f"https://example.org/page-{i % 7}") for i in range(40)]
    first = [fold_of(r) for r in rows]
    assert first == [fold_of(r) for r in rows] and set(first) <= set(range(1, 6))
    for r, k in zip(rows, first, strict=True):
        same_page = [fold_of(o) for o in rows if group_of(o) == group_of(r)]
        assert set(same_page) == {k}
    # the address decides the fold, by a fixed hash (not Python's salted hash())
    assert fold_of(_row(0, "https://example.org/a")) == int(hashlib.sha256(b"https://example.org/a").hexdigest(), 16) % 5 + 1
    assert group_of(_row(5, None)) == "row:r5"


def _sealed_url() -> str:
    return next(u for u in (f"https://example.org/s{i}" for i in range(100)) if fold_of({"source": {"url": u}}) == 5)


def test_the_sealed_fold_stays_hidden_until_unsealed(tmp_path, capsys) -> None:
    secret = "Zebra crossing unicorn by March 2027."
    rows = [_row(i, f"https://example.org/open-{i}") for i in range(30)] + [_row(99, _sealed_url(), secret)]
    rows[-1]["S"] = False  # a miss in the sealed fold
    path = tmp_path / "public.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    for argv in ([str(path), "-v"], [str(path), "--folds", "5", "-v"], [str(path), "--folds", "5", "-v", "--unseal"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "Zebra" not in out and "r99" not in out
        assert "sealed" in out
    assert "fold 5 SEALED" in out and "mean 1-5" in out
    assert main([str(path), "--folds", "5"]) == 0
    out = capsys.readouterr().out
    assert "fold 5 SEALED" not in out and "mean 1-4" in out and "regex" in out and "career" in out


@pytest.mark.parametrize(
    ("text", "s", "m", "t"),
    [
        ("Run a 10 km race by June 2027.", True, True, True),
        ("Improve my leadership.", False, False, False),
        ("Read every week.", True, True, True),
    ],
)
def test_regex_baseline_is_a_plain_yardstick(text: str, s: bool, m: bool, t: bool) -> None:
    assert regex_baseline.predict(text) == {"S": s, "M": m, "T": t, "smart": s and m and t}


def test_a_sealed_set_shows_aggregates_only_and_refuses_a_listing(tmp_path, capsys) -> None:
    secret = "Zebra crossing unicorn by March 2027."
    rows = [_row(i, f"https://example.org/kept-{i}") for i in range(6)] + [_row(9, "https://example.org/x", secret)]
    rows[-1]["S"] = True  # a miss the listing would show
    rows[0]["domain"] = "finance"
    path = tmp_path / "sealed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert main([str(path), "--sealed"]) == 0
    out = capsys.readouterr().out
    assert "Zebra" not in out and "r9" not in out
    assert "aggregate" in out and "per domain" in out and "finance" in out and "regex" in out
    for argv in ([str(path), "--sealed", "-v"], [str(path), "--sealed", "--folds", "5"]):
        with pytest.raises(SystemExit):
            main(argv)


def test_several_files_are_one_set_and_repeated_ids_are_told_apart(tmp_path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(_row(1, "https://example.org/1")) + "\n", encoding="utf-8")
    second.write_text(json.dumps(_row(1, "https://example.org/2")) + "\n" + json.dumps(_row(2, None)) + "\n", encoding="utf-8")
    rows = load_all([first, second])
    assert [r["id"] for r in rows] == ["r1", "b:r1", "r2"]


@pytest.mark.parametrize(
    ("levels", "past", "expected"),
    [
        ({"S": "met", "M": "met", "T": "met", "A": "unknown", "R": "unknown"}, False, (True, True, True, True)),
        # a date gone since the page was written: the wording is still time-bound
        ({"S": "met", "M": "met", "T": "partial", "A": "unknown", "R": "unknown"}, True, (True, True, True, True)),
        ({"S": "met", "M": "met", "T": "partial", "A": "unknown", "R": "unknown"}, False, (True, True, False, False)),
        ({"S": "met", "M": "met", "T": "met", "A": "unknown", "R": "missing"}, False, (True, True, True, False)),
    ],
)
def test_verdict_reads_levels_as_labels(levels: dict, past: bool, expected: tuple) -> None:
    assert tuple(verdict(levels, past).values()) == expected


def test_the_scorer_at_another_revision_is_measured_beside(tmp_path, capsys) -> None:
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, check=False).returncode != 0:
        pytest.skip("not a git checkout")
    path = tmp_path / "goals.jsonl"
    path.write_text(json.dumps(_row(1, None)) + "\n", encoding="utf-8")
    assert main([str(path), "--against", "HEAD"]) == 0
    assert "scorer at HEAD:" in capsys.readouterr().out
    assert main([str(path), "--against", "no-such-revision"]) == 0
    assert "could not be run" in capsys.readouterr().out
