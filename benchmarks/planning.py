"""How long the plan takes to compute for the sample and a five-year notebook (400 actions).

    python benchmarks/py [--repeat N] [--page]

Prints the median and the slowest of N runs of what the Plan page derives from a notebook: the
weekly load (13 and 52 weeks, recurrences expanded), the timeline rows (next three months, and
everything with finished items), the action list, and the calendar file. The page computes these
once per notebook revision (st.cache_data keyed by notebook id and revision), so these figures
are what a person waits after each change, not on every rerun. `--page` adds the time of whole
Plan page runs through Streamlit's AppTest with the five-year notebook: the first run of each
section (computing) and the median of five reruns (from the cache).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import ms, timed  # noqa: E402
from career_core.exports.calendar import to_ics  # noqa: E402
from career_core.models import Notebook, Recurrence  # noqa: E402
from career_core.plan.actions import action_lines  # noqa: E402
from career_core.plan.load import weekly_load  # noqa: E402
from career_core.plan.overview import overview  # noqa: E402
from career_core.plan.timeline import timeline, timeline_span  # noqa: E402
from career_core.sample import load_sample  # noqa: E402
from tests.synthetic import five_year_notebook  # noqa: E402


def describe(nb: Notebook) -> str:
    recurring = sum(1 for a in nb.actions if a.recurrence is not Recurrence.NONE)
    return f"{len(nb.actions)} actions ({recurring} recurring), {len(nb.goals)} goals, {len(nb.initiatives)} initiatives"


def core(name: str, nb: Notebook, today: date, repeat: int) -> None:
    print(f"\n{name}: {describe(nb)}")
    cases: list[tuple[str, Callable[[], object]]] = [
        ("weekly load, 13 weeks", lambda: weekly_load(nb, today, today, 13)),
        ("weekly load, 52 weeks", lambda: weekly_load(nb, today, today, 52)),
        ("timeline, next 3 months", lambda: timeline(nb, today, *timeline_span(nb, today, "quarter"))),
        ("timeline, everything", lambda: timeline(nb, today, *timeline_span(nb, today, "all"),
                                                            include_finished=True)),
        ("action list (to do)", lambda: action_lines(nb, today, "todo")),
        ("overview (top of the page)", lambda: overview(nb, today)),
        ("calendar file (.ics)", lambda: to_ics(nb, today)),
    ]
    for label, fn in cases:
        t = timed(fn, repeat)
        print(f"  {label:<28} median {ms(t.median)}   slowest {ms(t.worst)}")
    load = weekly_load(nb, today, today, 52)
    tl = timeline(nb, today, *timeline_span(nb, today, "all"), include_finished=True)
    print(f"  (52 weeks: {len(load.over_weeks)} over the limit; everything: {len(tl.rows)} rows, {len(tl.marks)} marks)")


def page(today: date) -> None:
    from streamlit.testing.v1 import AppTest

    from career_core.database import ENV_VAR
    from career_core.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        os.environ[ENV_VAR] = url
        Store(url).add("local", five_year_notebook(0, today))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        print("\nPlan page with the five-year notebook (AppTest, whole script runs)")
        start = time.perf_counter()
        at.switch_page("app_pages/plan.py").run()
        print(f"  {'open the page (Actions)':<28} {(time.perf_counter() - start) * 1000:7.0f} ms")
        for section in ("Initiatives", "Stop doing", "Timeline", "Weekly load", "Calendar", "Actions"):
            picker = next(b for b in at.button_group if b.key == "section")
            start = time.perf_counter()
            picker.set_value(section).run()
            first = time.perf_counter() - start
            again = timed(at.run, 5).median
            print(f"  {section:<28} first {first * 1000:7.0f} ms   rerun (median of 5) {again * 1000:7.0f} ms")
        if at.exception:
            print("  exception:", at.exception[0].value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--page", action="store_true", help="also time whole page runs through AppTest")
    args = parser.parse_args()
    today = date.today()
    core("Sample notebook", load_sample(today), today, args.repeat)
    core("Five-year notebook", five_year_notebook(0, today), today, args.repeat)
    if args.page:
        page(today)


if __name__ == "__main__":
    main()
