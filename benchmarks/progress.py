"""How long the Progress and Review pages' derived data takes, for the sample and a five-year notebook.

The pages compute every goal's progress once per (notebook id, revision, day) and cache it, so
this is the cost a person pays once after each change, not on every rerun. Also timed: what the
review's diagnosis reads (SMART scores, the weekly load of the period) and the diagnosis itself
(which has nothing to do when no goal slips), the check-in calendar, Home's glance (which now
includes progress), and the exports (Markdown, PDF, CSV), built only when a download is clicked.

    python benchmarks/progress.py [--repeat N]

Prints the median and 90th percentile of each, in milliseconds, and how many goals and check-ins
each notebook has.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timing import ms, timed  # noqa: E402
from career_core.checkin_calendar import checkin_calendar  # noqa: E402
from career_core.dashboard import glance  # noqa: E402
from career_core.exports import checkins_csv, plan_markdown, plan_pdf  # noqa: E402
from career_core.models import Notebook  # noqa: E402
from career_core.progress import all_progress  # noqa: E402
from career_core.review import (  # noqa: E402
    actions_done_between,
    checkins_between,
    diagnose,
    diagnoses,
    load_since,
    period_start,
    smart_scores,
)
from career_core.sample import load_sample  # noqa: E402
from tests.synthetic import five_year_notebook  # noqa: E402


def diagnose_all(nb: Notebook, progress: dict, today: date) -> list:
    """The worst case for the review page: every tracked goal needs a diagnosis."""
    since = period_start(nb, today)
    scores, load = smart_scores(nb, today), load_since(nb, since, today)
    logged, done = checkins_between(nb, since, today), actions_done_between(nb, since, today)
    return [diagnose(gp, score=scores[gp.goal_id], checkins=logged.get(gp.goal_id, 0),
                     actions_done=done.get(gp.goal_id, 0), load=load, since=since)
            for gp in progress.values() if gp.status is not None]


def bench(name: str, nb: Notebook, today: date, repeat: int) -> None:
    progress = all_progress(nb, today)
    print(f"\n{name}: {len(nb.goals)} goals, {len(nb.checkins):,} check-ins, {len(nb.actions)} actions, "
          f"{len(nb.reviews)} reviews")
    cases: list[tuple[str, Callable[[], object], int]] = [
        ("progress of every goal", lambda: all_progress(nb, today), repeat),
        ("SMART scores of every goal", lambda: smart_scores(nb, today), repeat),
        ("weekly load of the review period", lambda: load_since(nb, period_start(nb, today), today), repeat),
        ("diagnosis of slipping goals", lambda: diagnoses(nb, progress, today), repeat),
        ("diagnosis as if every goal slipped", lambda: diagnose_all(nb, progress, today), repeat),
        ("check-in calendar (53 weeks)", lambda: checkin_calendar(nb.checkins, today), repeat),
        ("Home glance (with progress)", lambda: glance(nb, today), repeat),
        ("plan as Markdown", lambda: plan_markdown.build(nb, today, progress=progress), repeat),
        ("check-ins as CSV", lambda: checkins_csv.build(nb), repeat),
        ("plan as PDF", lambda: plan_pdf.build(nb, today, progress=progress), max(3, repeat // 10)),
    ]
    for label, fn, n in cases:
        t = timed(fn, n, warmup=1)
        print(f"  {label:<36} median {ms(t.median)}   p90 {ms(t.p90)}   ({n} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    today = date.today()
    bench("Sample notebook", load_sample(today), today, args.repeat)
    bench("Five-year notebook", five_year_notebook(0, today), today, args.repeat)


if __name__ == "__main__":
    main()
