"""Print how fast the SMART scorer is, beside an earlier version measured on the same machine.

    python benchmarks/scorer.py [GOALS.jsonl] [--against REV] [--no-against]

Figures: the median and p99 microseconds per goal over a labelled set (by default the public
set next to the repository, else the dev set), and the slowest of a few adversarial
10,000-character inputs. The goal editor scores on every keystroke, so a goal must score in
well under a millisecond (target: median <= 100 µs) and no paste may stall it (<= 20 ms).

--against REV (default: main) extracts career_core/smart as it is at REV with `git archive`
and measures it the same way in a child process, right after this tree, so both columns come
from the same machine under the same load. Only texts are read from the goals file.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOAL_FILES = (REPO.parent / "shared/eval/smart_public.jsonl", REPO.parent / "shared/eval/smart_dev.jsonl", REPO / "tests/core/data/smart_dev.jsonl")
TODAY = date(2026, 10, 15)
ROUNDS = 20


def adversarial(n: int = 10_000) -> dict[str, str]:
    """Inputs built to make regexes backtrack or produce thousands of matches."""

    def fill(unit: str) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return {
        "repeated words": fill("improve leadership skills every week "),
        "digits only": fill("1234567890"),
        "spaced digits": fill("1 "),
        "glued units": fill("10kg 15lbs 3x x1 $250/week top-3 "),
        "punctuation only": fill(".,;:!?-'\"()"),
        "by by by": fill("by "),
        "every every": fill("every "),
        "in the next": fill("in the next "),
        "at least": fill("at least "),
        "complete the": fill("complete the "),
        "become a": fill("become a "),
        "placeholders": fill("by X [date] ___ N% "),
        "capitalised": fill("Lead The Sales Team "),
        "all caps": fill("LEAD THE SALES TEAM "),
        "dates": fill("by 30 June 2027 "),
        "long unicode": fill("ünïcödé 目標 🚀 ğöal İstanbul ß "),
        "one long word": "a" * n,
        "quotes": fill("'a' \"b\" "),
        "days and occasions": fill("on Monday, Tuesday and Friday's race day "),
        "means and purposes": fill("grow my list by posting each recipe to improve "),
        "acts and places": fill("donate platelets, go to a play, post daily on social media and clean out the "),
    }


def measure(goals: list[str]) -> dict[str, object]:
    """Time the scorer importable as career_core.smart in this process."""
    from career_core.smart import score_goal

    def once(text: str) -> float:
        t0 = time.perf_counter()
        score_goal(text, today=TODAY)
        return time.perf_counter() - t0

    for text in goals:  # warm up: imports, regex caches, word lists
        score_goal(text, today=TODAY)
    # Each goal's best of ROUNDS runs, spread over the whole run: the best is the run least
    # disturbed by other processes on the machine.
    best = [float("inf")] * len(goals)
    for _ in range(ROUNDS):
        for i, text in enumerate(goals):
            best[i] = min(best[i], once(text))
    samples = sorted(best)
    worst = {name: min(once(text) for _ in range(5)) for name, text in adversarial().items()}
    return {
        "median_us": statistics.median(samples) * 1e6,
        "p99_us": samples[min(len(samples) - 1, int(0.99 * len(samples)))] * 1e6,
        "adversarial_ms": {k: v * 1e3 for k, v in worst.items()},
    }


def measure_revision(rev: str, goals_file: Path) -> dict[str, object] | None:
    """The same figures for career_core/smart at a git revision, in a child process."""
    from career_core.smart.revision import extracted, run_with

    with extracted(rev, REPO) as folder:
        if folder is None:
            return None
        child = run_with(folder, [str(Path(__file__).resolve()), str(goals_file.resolve()), "--json"])
    if child.returncode != 0:
        return None
    return json.loads(child.stdout)


def load_goals(path: Path) -> list[str]:
    return [json.loads(line).get("text") or json.loads(line).get("goal", "") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="How fast the SMART scorer is.")
    parser.add_argument("goals", nargs="?", type=Path, default=next((p for p in GOAL_FILES if p.exists()), GOAL_FILES[-1]))
    parser.add_argument("--against", default="main", help="a git revision to measure beside this tree (default: main)")
    parser.add_argument("--no-against", action="store_true", help="measure this tree only")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # the child's output
    args = parser.parse_args(argv[1:])
    if args.json:  # in the child: career_core comes from PYTHONPATH, the extracted revision
        print(json.dumps(measure(load_goals(args.goals))))
        return 0
    sys.path.insert(0, str(REPO))
    goals = load_goals(args.goals)
    now = measure(goals)
    before = None if args.no_against else measure_revision(args.against, args.goals)
    print(f"goals: {len(goals)} from {args.goals} (best of {ROUNDS} runs each)")
    label = f"at {args.against}" if before else "(no earlier version measured)"
    print(f"{'':26} {'this tree':>12} {label:>14}")

    def row(name: str, key: str, unit: str) -> None:
        old = f"{before[key]:10.1f} {unit}" if before else ""
        print(f"{name:26} {now[key]:9.1f} {unit} {old:>14}")

    row("median per goal", "median_us", "µs")
    row("p99 per goal", "p99_us", "µs")
    for name, ms in now["adversarial_ms"].items():  # type: ignore[union-attr]
        old_ms = before["adversarial_ms"].get(name) if before else None  # type: ignore[union-attr]
        old = f"{old_ms:10.2f} ms" if old_ms is not None else ""
        print(f"  {name:24} {ms:9.2f} ms {old:>14}")
    worst_name, worst = max(now["adversarial_ms"].items(), key=lambda kv: kv[1])  # type: ignore[union-attr]
    old_worst = f"{max(before['adversarial_ms'].values()):10.2f} ms" if before else ""  # type: ignore[union-attr]
    print(f"{'worst 10,000-char input':26} {worst:9.2f} ms {old_worst:>14}   ({worst_name}; target <= 20 ms, median <= 100 µs)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
