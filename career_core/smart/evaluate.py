"""Measure the scorer against labelled goals: python -m career_core.smart.evaluate FILE.jsonl [-v]

Each line of FILE is {"id", "text", "S", "M", "T", "smart"} with booleans. Labels are skewed
(most goals in a set are often SMART), so accuracy alone flatters a scorer that always says yes:
the report gives balanced accuracy (the mean of the recall on each class) and the majority
baseline next to it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from career_core.smart.scorer import score_goal

TARGETS = ("S", "M", "T", "smart")  # keys in the files; "smart" is the report's is_smart
LABELS = {"S": "S", "M": "M", "T": "T", "smart": "is_smart"}


@dataclass(frozen=True)
class Figures:
    target: str
    n: int
    accuracy: float
    balanced: float
    majority: float  # accuracy of always answering the most common label
    wrong: tuple[str, ...]  # ids of misclassified goals


def load(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(row: dict, today: date | None = None) -> dict[str, bool]:
    report = score_goal(row["text"], today=today)
    out = {k: report.criteria[k].level == "met" for k in ("S", "M", "T")}
    out["smart"] = report.is_smart
    return out


def figures(rows: Sequence[dict], today: date | None = None) -> dict[str, Figures]:
    predictions = [predict(r, today) for r in rows]
    out: dict[str, Figures] = {}
    for t in TARGETS:
        pairs = [(bool(r[t]), p[t], r["id"]) for r, p in zip(rows, predictions, strict=True)]
        n = len(pairs)
        correct = sum(1 for gold, pred, _ in pairs if gold == pred)
        recalls = []
        for cls in (True, False):
            members = [(g, p) for g, p, _ in pairs if g == cls]
            if members:
                recalls.append(sum(1 for g, p in members if g == p) / len(members))
        positives = sum(1 for g, _, _ in pairs if g)
        out[t] = Figures(
            target=t,
            n=n,
            accuracy=correct / n if n else 0.0,
            balanced=sum(recalls) / len(recalls) if recalls else 0.0,
            majority=max(positives, n - positives) / n if n else 0.0,
            wrong=tuple(i for g, p, i in pairs if g != p),
        )
    return out


def format_table(figs: dict[str, Figures], verbose: bool = False, rows: Iterable[dict] = ()) -> str:
    lines = [f"{'':8} {'accuracy':>9} {'balanced':>9} {'majority':>9}  (n={next(iter(figs.values())).n})"]
    for t, f in figs.items():
        lines.append(f"{LABELS[t]:8} {f.accuracy:9.3f} {f.balanced:9.3f} {f.majority:9.3f}")
    if verbose:
        texts = {r["id"]: r["text"] for r in rows}
        for t, f in figs.items():
            for i in f.wrong:
                lines.append(f"  {LABELS[t]} wrong: {i}  {texts.get(i, '')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m career_core.smart.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="a JSON-lines file of labelled goals")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misclassified ids")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="score as if today were YYYY-MM-DD")
    args = parser.parse_args(argv)
    rows = load(args.file)
    print(format_table(figures(rows, args.today), args.verbose, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
