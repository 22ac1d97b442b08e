"""Measure the scorer against labelled goals: python -m career_core.smart.evaluate FILE [FILE ...]

Each line of a FILE is {"id", "text", "S", "M", "T"} with booleans, and optionally "smart",
"ambiguous" (criteria a careful reader could label either way: left out of the figures),
"domain" and "source" ({"url": ...}, the page the goal was copied from). Without "smart" the
label is S and M and T; it is left out when an ambiguous criterion decides it. Several files
are scored as one set. Labels judge the wording, so a deadline that has passed since the page
was written still counts as time-bound (the app itself says the date is gone).

Labels are skewed, so the report gives balanced accuracy (the mean recall of each class) and
the majority baseline beside accuracy, and a plain regex checker (regex_baseline.py) beside
the scorer; --against REV adds the scorer as it is at a git revision (e.g. main).

--folds K splits the rows into K folds grouped by source page (a page's goals share a voice, so
they never straddle folds), by a stable hash of the page address. The last fold is sealed: it
is left out of every figure and listing unless --unseal is given, and even then it is shown only
as aggregate figures, never row by row. Rules are written by reading the other folds; the sealed
fold is opened once, when the rules are final, to give an honest figure. The scorer has no
parameters fitted to data, so every fold is scored by the same rules; the mean over folds is
the cross-validated figure. Rows without a source page (our own sets) form one group each.

--sealed treats the whole set as sealed (a set kept apart from the start, never read): only
aggregate figures, overall and per domain, are printed, and no listing can be asked for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from career_core.smart import regex_baseline
from career_core.smart.revision import levels_at
from career_core.smart.scorer import score_goal

TARGETS = ("S", "M", "T", "smart")  # keys in the files; "smart" is the report's is_smart
LABELS = {"S": "S", "M": "M", "T": "T", "smart": "is_smart"}
DEFAULT_FOLDS = 5

Predictor = Callable[[dict, date | None], dict[str, bool]]


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
        return [_our_format(json.loads(line), n) for n, line in enumerate(f) if line.strip()]


def _our_format(row: dict, n: int) -> dict:
    """SMARTSpan's rows ({"goal", "label": [S, M, A]}, ids repeated per person) in our keys."""
    if "goal" in row and "label" in row and "text" not in row:
        s, m = row["label"][:2]
        return {"id": f"{row.get('id', '')}#{n}", "text": row["goal"], "S": bool(s), "M": bool(m)}
    return row


def gold(row: dict) -> dict[str, bool]:
    """The row's labels that count: ambiguous criteria left out, "smart" derived when absent."""
    ambiguous = set(row.get("ambiguous") or ())
    out = {k: bool(row[k]) for k in ("S", "M", "T") if k in row and k not in ambiguous}
    if "smart" in row:
        if "smart" not in ambiguous:
            out["smart"] = bool(row["smart"])
    elif not all(out.get(k, True) for k in ("S", "M", "T")):
        out["smart"] = False  # a criterion surely missing decides it
    elif len(out) == 3:
        out["smart"] = True
    if not all(k in row for k in ("S", "M", "T")) and "smart" not in row:
        out.pop("smart", None)  # a set that does not label every criterion says nothing of smart
    return out


def group_of(row: dict) -> str:
    """The page a row was copied from; a row with no page is a group of its own."""
    source = row.get("source")
    if isinstance(source, dict) and source.get("url"):
        return str(source["url"])
    if isinstance(source, str) and source:
        return source
    return f"row:{row.get('id', '')}"


def fold_of(row: dict, folds: int = DEFAULT_FOLDS) -> int:
    """1..folds, from a stable hash of the row's group (not Python's salted hash())."""
    digest = hashlib.sha256(group_of(row).encode("utf-8")).hexdigest()
    return int(digest, 16) % folds + 1


def is_grouped(rows: Iterable[dict]) -> bool:
    return any(not group_of(r).startswith("row:") for r in rows)


def verdict(levels: dict[str, str], past: bool) -> dict[str, bool]:
    """S, M, T and is_smart from a report's levels. Labels judge the wording, so a deadline that
    has passed since the page was written still counts: T whose only fault is the date is met."""
    out = {k: levels[k] == "met" for k in ("S", "M", "T")}
    if levels["T"] == "partial" and past:
        out["T"] = True
    out["smart"] = out["S"] and out["M"] and out["T"] and "missing" not in (levels["A"], levels["R"])
    return out


def predict(row: dict, today: date | None = None) -> dict[str, bool]:
    """What the scorer says the text is."""
    report = score_goal(row["text"], today=today)
    return verdict({k: c.level for k, c in report.criteria.items()}, report.flag("past_deadline") is not None)


def predict_baseline(row: dict, today: date | None = None) -> dict[str, bool]:
    return regex_baseline.predict(row["text"])


def revision_predictor(rev: str, rows: Sequence[dict], today: date | None = None) -> Predictor | None:
    """The scorer at git revision rev as a predictor (scored once, in a child process)."""
    texts = sorted({r["text"] for r in rows})
    found = levels_at(rev, texts, today.isoformat() if today else "")
    if found is None or len(found) != len(texts):
        return None
    table = {t: verdict(f["levels"], "past_deadline" in f["flags"]) for t, f in zip(texts, found, strict=True)}
    return lambda row, _today=None: table[row["text"]]


def figures(rows: Sequence[dict], today: date | None = None, predictor: Predictor = predict) -> dict[str, Figures]:
    predictions = [predictor(r, today) for r in rows]
    labels = [gold(r) for r in rows]
    out: dict[str, Figures] = {}
    for t in TARGETS:
        pairs = [(lab[t], p[t], r["id"]) for r, lab, p in zip(rows, labels, predictions, strict=True) if t in lab]
        n = len(pairs)
        correct = sum(1 for g, p, _ in pairs if g == p)
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
    figs = {t: f for t, f in figs.items() if f.n}
    lines = [f"{'':8} {'accuracy':>9} {'balanced':>9} {'majority':>9}  (n={max((f.n for f in figs.values()), default=0)})"]
    for t, f in figs.items():
        lines.append(f"{LABELS[t]:8} {f.accuracy:9.3f} {f.balanced:9.3f} {f.majority:9.3f}")
    if verbose:
        texts = {r["id"]: r["text"] for r in rows}
        for t, f in figs.items():
            for i in f.wrong:
                lines.append(f"  {LABELS[t]} wrong: {i}  {texts.get(i, '')}")
    return "\n".join(lines)


# --- grouped cross-validation and sealed sets ---------------------------------------------------

Yardsticks = list[tuple[str, Predictor]]  # (name, predictor); the scorer comes first


def _head(yardsticks: Yardsticks) -> list[str]:
    title = f"{'':16} {'':>4} {'':>5} | {'scorer: accuracy, is_smart balanced':<34}"
    head = f"{'':16} {'rows':>4} {'pages':>5} |{'S':>6} {'M':>6} {'T':>6} {'smart':>6} {'bal':>6}"
    for name, _ in yardsticks[1:]:
        title += f" | {name[:27]:<27}"
        head += f" |{'S':>6} {'M':>6} {'T':>6} {'bal':>6}"
    return [title, head]


def _cells(figs: Sequence[dict[str, Figures]]) -> str:
    ours, *others = figs
    out = " ".join(f"{ours[t].accuracy:6.3f}" for t in ("S", "M", "T", "smart")) + f" {ours['smart'].balanced:6.3f}"
    for f in others:
        out += " |" + " ".join(f"{f[t].accuracy:6.3f}" for t in ("S", "M", "T")) + f" {f['smart'].balanced:6.3f}"
    return out


def _score_all(rows: Sequence[dict], today: date | None, yardsticks: Yardsticks) -> list[dict[str, Figures]]:
    return [figures(rows, today, predictor) for _, predictor in yardsticks]


def _line(name: str, rows: Sequence[dict], figs: Sequence[dict[str, Figures]]) -> str:
    pages = len({group_of(r) for r in rows})
    return f"{name[:16]:16} {len(rows):4} {pages:5} |{_cells(figs)}"


def _mean(name: str, per_fold: Sequence[Sequence[dict[str, Figures]]], rows: int) -> str:
    """The mean over folds of each figure (the cross-validated figure)."""

    def avg(which: int, t: str, balanced: bool) -> Figures:
        vals = [f[which][t] for f in per_fold]
        acc = sum(v.accuracy for v in vals) / len(vals)
        bal = sum(v.balanced for v in vals) / len(vals)
        return Figures(t, sum(v.n for v in vals), acc, bal, 0.0, ())

    means = [{t: avg(i, t, t == "smart") for t in TARGETS} for i in range(len(per_fold[0]))]
    return f"{name[:16]:16} {rows:4} {'':5} |{_cells(means)}"


def cross_validate(rows: Sequence[dict], folds: int, today: date | None, unseal: bool, verbose: bool, yardsticks: Yardsticks | None = None) -> str:
    """Per-fold figures, their mean, per-domain figures; the sealed (last) fold apart."""
    yardsticks = yardsticks or default_yardsticks()
    by_fold = {k: [r for r in rows if fold_of(r, folds) == k] for k in range(1, folds + 1)}
    open_folds = [k for k in range(1, folds) if by_fold[k]]
    lines = [f"{folds} folds grouped by source page; fold {folds} is sealed", *_head(yardsticks)]
    per_fold = []
    for k in open_folds:
        part = by_fold[k]
        figs = _score_all(part, today, yardsticks)
        per_fold.append(figs)
        lines.append(_line(f"fold {k}", part, figs))
    readable = [r for k in open_folds for r in by_fold[k]]
    if per_fold:
        lines.append(_mean(f"mean 1-{folds - 1}", per_fold, len(readable)))
    sealed = by_fold[folds]
    if unseal and sealed:
        figs = _score_all(sealed, today, yardsticks)
        lines.append(_line(f"fold {folds} SEALED", sealed, figs))
        lines.append(_mean(f"mean 1-{folds}", [*per_fold, figs], len(rows)))
    else:
        lines.append(f"fold {folds} sealed: {len(sealed)} rows not shown (--unseal, once, when the rules are final)")
    lines += _by_domain(readable, today, f"per domain, folds 1-{folds - 1}", yardsticks)
    if unseal:
        lines += _by_domain(sealed, today, f"per domain, sealed fold {folds}", yardsticks)
    if verbose:
        lines.append(f"misses in folds 1-{folds - 1}:")
        lines += _misses(readable, today)
    return "\n".join(lines)


def sealed_report(rows: Sequence[dict], today: date | None, yardsticks: Yardsticks | None = None) -> str:
    """A whole set kept sealed (never read while writing rules): aggregate figures only."""
    yardsticks = yardsticks or default_yardsticks()
    lines = ["sealed set: aggregate figures only", *_head(yardsticks)]
    lines.append(_line("all", rows, _score_all(rows, today, yardsticks)))
    lines += _by_domain(rows, today, "per domain", yardsticks)
    return "\n".join(lines)


def _by_domain(rows: Sequence[dict], today: date | None, title: str, yardsticks: Yardsticks) -> list[str]:
    domains = sorted({str(r.get("domain", "")) for r in rows})
    if domains in ([], [""]):
        return []
    lines = ["", title, *_head(yardsticks)]
    for d in domains:
        part = [r for r in rows if str(r.get("domain", "")) == d]
        lines.append(_line(d, part, _score_all(part, today, yardsticks)))
    return lines


def _misses(rows: Sequence[dict], today: date | None) -> list[str]:
    figs = figures(rows, today)
    texts = {r["id"]: r["text"] for r in rows}
    return [f"  {LABELS[t]} wrong: {i}  {texts[i]}" for t, f in figs.items() for i in f.wrong]


def default_yardsticks() -> Yardsticks:
    return [("scorer", predict), ("regex baseline", predict_baseline)]


def load_all(paths: Sequence[str | Path]) -> list[dict]:
    """Rows of several files as one set; ids that repeat across files get the file's name."""
    rows: list[dict] = []
    seen: set[str] = set()
    for path in paths:
        for row in load(path):
            if str(row.get("id")) in seen:
                row = {**row, "id": f"{Path(path).stem}:{row.get('id')}"}
            seen.add(str(row.get("id")))
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m career_core.smart.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help="JSON-lines files of labelled goals, scored as one set")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misclassified ids (never a sealed fold's or set's)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="score as if today were YYYY-MM-DD")
    parser.add_argument("--folds", type=int, default=0, help="grouped cross-validation by source page; the last fold is sealed")
    parser.add_argument("--unseal", action="store_true", help="also report the sealed fold, as aggregate figures only")
    parser.add_argument("--sealed", action="store_true", help="the whole set is sealed: aggregate figures only, never a row")
    parser.add_argument("--against", metavar="REV", action="append", default=[], help="also score with the scorer at a git revision (e.g. main)")
    args = parser.parse_args(argv)
    if args.sealed and (args.verbose or args.folds):
        parser.error("--sealed shows aggregate figures only: no --verbose or --folds")
    if args.folds == 1 or args.folds < 0:
        parser.error("--folds needs at least 2")
    rows = load_all(args.files)
    yardsticks = default_yardsticks()
    for rev in args.against:
        found = revision_predictor(rev, rows, args.today)
        if found is None:
            print(f"(the scorer at {rev} could not be run; left out)")
        else:
            yardsticks.append((f"scorer at {rev}", found))
    if args.sealed:
        print(sealed_report(rows, args.today, yardsticks))
        return 0
    if args.folds:
        print(cross_validate(rows, args.folds, args.today, args.unseal, args.verbose, yardsticks))
        return 0
    if is_grouped(rows):
        sealed = [r for r in rows if fold_of(r) == DEFAULT_FOLDS]
        rows = [r for r in rows if fold_of(r) != DEFAULT_FOLDS]
        print(f"(fold {DEFAULT_FOLDS} of {DEFAULT_FOLDS} sealed: {len(sealed)} rows left out; see --folds)")
    print(format_table(figures(rows, args.today), args.verbose, rows))
    for name, predictor in yardsticks[1:]:
        print(f"{name}:")
        print(format_table(figures(rows, args.today, predictor)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
