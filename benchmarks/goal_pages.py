"""How quickly the Reflect and Goals pages answer with the sample and a five-year notebook.

    python benchmarks/goal_pages.py [--repeat N]

Prints, for each notebook: scoring every goal (what the pages cache per revision), scoring one
goal (what each pause in typing costs), and the wall time of a rerun of each section of both
pages through Streamlit's AppTest (script run only; the browser's drawing is not included). The
first run of a page is reported apart: it builds the caches.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.timing import ms, timed  # noqa: E402
from career_core.database import ENV_VAR  # noqa: E402
from career_core.goal_reports import reports  # noqa: E402
from career_core.models import Notebook  # noqa: E402
from career_core.sample import load_sample  # noqa: E402
from career_core.smart import context_for, score_goal  # noqa: E402
from career_core.store import Store  # noqa: E402
from tests.synthetic import five_year_notebook  # noqa: E402

SECTIONS = {
    "reflect": ("reflect.tab", ["Self-assessment", "Vision", "Input", "Development list", "Organisation",
                                "Private notes"]),
    "goals": ("goals.tab", ["Draft", "My goals", "Goal map", "Focus"]),
}


def bench(name: str, nb: Notebook, repeat: int) -> None:
    today = date.today()
    print(f"\n{name}: {len(nb.goals)} goals, {len(nb.actions)} actions, {len(nb.checkins)} check-ins")
    t = timed(lambda: reports(nb, today), repeat)
    print(f"  score every goal           median {ms(t.median)}   max {ms(t.worst)}")
    goal = nb.goals[0]
    t = timed(lambda: score_goal(goal.statement, context_for(goal, nb), today), repeat * 20)
    print(f"  score one goal (typing)    median {ms(t.median)}   max {ms(t.worst)}")

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        os.environ[ENV_VAR] = url
        Store(url).add("local", nb)
        for page, (key, tabs) in SECTIONS.items():
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.run()
            start = time.perf_counter()
            at.switch_page(f"app_pages/{page}.py").run()
            print(f"  {page}: first run            {ms(time.perf_counter() - start)}")
            for tab in tabs:
                at.session_state[key] = tab
                at.run()
                if at.exception:
                    raise SystemExit(f"{page}/{tab}: {[e.value for e in at.exception]}")
                t = timed(at.run, repeat)
                print(f"  {page} · {tab:<18} median {ms(t.median)}   max {ms(t.worst)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench("sample", load_sample(date.today()), args.repeat)
    bench("five-year", five_year_notebook(seed=0), args.repeat)


if __name__ == "__main__":
    main()
