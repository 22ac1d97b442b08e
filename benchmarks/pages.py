"""How long each page of the app, and each of its main interactions, takes to answer, as a ratio
against a bare Streamlit page timed in the same process; and a real server's cold start and memory.

    python benchmarks/pages.py [--repeat N] [--notebooks sample,five-year,at-limits,crowded]
                               [--views plan,goals:Draft] [--paired N] [--held 20] [--sessions 20 | --sessions 0]

Every view (a page, or one section or tab of it; benchmarks/page_views.py) is opened through
Streamlit's AppTest on a fresh database holding one notebook, after Home: the view's first run (it
builds the caches derived per revision), then the median and worst of `--repeat` reruns. Before each
of those reruns the bare page (benchmarks/bare_page.py: one 2,000-point Plotly chart and a text
input) is rerun too, and "× bare" is the median of each rerun divided by the bare rerun just before
it: the machine's speed and its load from moment to moment cancel out. Each interaction
(benchmarks/interactions.py) changes a widget as a browser would and times the rerun Streamlit does
for it: the section alone when the widget sits in a fragment ("section"), else the whole page
("page"). A table of the sample against the five-year notebook closes the AppTest part; its last
column divides the two "× bare" figures, so a machine busier for one notebook's run than for the
other's does not count as the notebook's size. Times are the script's run on the server; drawing in
the browser is not included, nor compiling the page's script, which a server does once and AppTest
on every run.
Then a table of the five-year notebook against the sample with both open at once, rerun in turn
for every view and interaction (benchmarks/paired.py; `--paired N` pairs, 0 skips it): the median
of the pairs' ratios, which the machine's drift over minutes does not move as it moves the
division of two medians taken minutes apart.
Then, with `--held N` (20 by default; 0 skips it), what one session keeps as it saves N times with
the five-year notebook (benchmarks/held_per_save.py): objects left alive per save, and page runs
still reachable.
Last, with `--sessions N` (20 by default; 0 skips it), a real server in Chromium: the time from
`streamlit run` to the first Home drawn, and the server's memory with N sessions open.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.interactions import INTERACTIONS, Interaction, rerun_after  # noqa: E402
from benchmarks.page_views import NOTEBOOKS, VIEWS, View, app_with, compiled_once, measure, opened  # noqa: E402
from benchmarks.timing import ms  # noqa: E402
from tests.app.fragment_runs import fragment_runs, whole_page  # noqa: E402

__all__ = ["VIEWS", "NOTEBOOKS", "View", "measure"]  # what other scripts and tests build on

BARE = ROOT / "benchmarks" / "bare_page.py"
COMPARED = ("sample", "five-year")


class Bare:
    """The bare page, rerun in turn with each measured rerun, so that both see the same load."""

    def __init__(self) -> None:
        self.at = AppTest.from_file(str(BARE), default_timeout=60)
        self.at.run()

    def time(self) -> float:
        began = time.perf_counter()
        self.at.run()
        return time.perf_counter() - began


@dataclass(frozen=True, slots=True)
class Paired:
    """A view's or an interaction's reruns beside the bare page's, taken in turns."""

    median: float  # seconds
    worst: float
    times_bare: float  # the median of each rerun divided by the bare rerun just before it
    bare: float  # the bare page's median, seconds
    scope: str = "page"


def paired(times: list[float], bares: list[float], scope: str = "page") -> Paired:
    return Paired(statistics.median(times), max(times), statistics.median(t / b for t, b in zip(times, bares, strict=True)),
                  statistics.median(bares), scope)


def rerun(start, view: View, repeat: int, base: Bare) -> tuple[float, Paired]:
    """The view's first run, and its reruns beside the bare page's."""
    at = opened(start, view)
    began = time.perf_counter()
    at.run()
    first = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(f"{view.name} failed: {[e.value for e in at.exception]}")
    times, bares = [], []
    for _ in range(repeat):
        bares.append(base.time())
        began = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - began)
    return first, paired(times, bares)


def interact(start, interaction: Interaction, repeat: int, base: Bare) -> Paired | None:
    """The reruns after `interaction` beside the bare page's, and what reran ("section" or
    "page"); None when the notebook offers nothing to do it with."""
    at = opened(start, interaction.view)
    times, bares, scopes = [], [], set()
    for n in range(repeat):
        bare = base.time()  # before the page's run: a section's rerun needs the page's run as the last one
        took = rerun_after(at, interaction, n)
        if took is None:
            return None
        times.append(took)
        bares.append(bare)
        scopes.add("page" if whole_page(at) else "section")
    return paired(times, bares, "/".join(sorted(scopes)))


def ratio(times_bare: float) -> str:
    return f"{times_bare:5.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--notebooks", default=",".join(NOTEBOOKS))
    parser.add_argument("--views", default="", help="comma-separated view names (default: every view)")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the memory line (0: no server)")
    parser.add_argument("--held", type=int, default=20, help="saves per session for the held-memory lines (0: none)")
    parser.add_argument("--paired", type=int, default=-1,
                        help="pairs for the five-year ÷ sample table rerun in turn (default: --repeat; 0: none)")
    args = parser.parse_args()
    wanted = set(filter(None, args.views.split(",")))
    views = [v for v in VIEWS if not wanted or v.name in wanted or v.page in wanted]
    moves = [i for i in INTERACTIONS if not wanted or i.view.name in wanted or i.view.page in wanted]
    table: dict[str, dict[str, Paired]] = {}  # row -> notebook -> figures
    with fragment_runs(), compiled_once():
        base = Bare()
        for name in args.notebooks.split(","):
            nb = NOTEBOOKS[name]()
            print(f"\n{name}: {len(nb.goals):,} goals, {len(nb.actions):,} actions, {len(nb.checkins):,} check-ins, "
                  f"{len(nb.journal):,} journal entries")
            print(f"  {'view · interaction (what reran)':48} {'first run':>10}   {'rerun median':>12}   "
                  f"{'rerun worst':>11}   {'× bare':>6}")
            with app_with(nb) as start:
                for view in views:
                    first, got = rerun(start, view, args.repeat, base)
                    table.setdefault(view.name, {})[name] = got
                    print(f"  {view.name:48} {ms(first):>10}   {ms(got.median):>12}   {ms(got.worst):>11}   "
                          f"{ratio(got.times_bare)}", flush=True)
                for move in moves:
                    got = interact(start, move, args.repeat, base)
                    label = f"{move.view.name} · {move.name}"
                    if got is None:
                        print(f"  {label:48} {'(nothing to do it with)':>44}")
                        continue
                    table.setdefault(label, {})[name] = got
                    print(f"  {label + f' ({got.scope})':48} {'':>10}   {ms(got.median):>12}   {ms(got.worst):>11}   "
                          f"{ratio(got.times_bare)}", flush=True)
    if all(n in args.notebooks.split(",") for n in COMPARED):
        print(f"\n  {'rerun median, × the bare page':48} {'sample':>18}   {'five-year':>18}   {'five-year/sample':>16}")
        for row, by in table.items():
            if all(n in by for n in COMPARED):
                a, b = by["sample"], by["five-year"]
                print(f"  {row + (f' ({b.scope})' if '·' in row else ''):48} {ms(a.median)} {ratio(a.times_bare)}   "
                      f"{ms(b.median)} {ratio(b.times_bare)}   {b.times_bare / a.times_bare:15.2f}×")
    pairs = args.repeat if args.paired < 0 else args.paired
    if pairs and all(n in args.notebooks.split(",") for n in COMPARED):
        from benchmarks.paired import both_open, paired_interaction, paired_view

        with fragment_runs(), compiled_once(), both_open() as apps:
            base = Bare()
            print(f"\n  {'five-year ÷ sample, the two rerun in turn':66} {'median of pairs':>16}   95% range")
            for view in views:
                print(f"  {view.name:66} {paired_view(apps, view, pairs, base.time).line()}", flush=True)
            for move in moves:
                got = paired_interaction(apps, move, pairs, base.time)
                label = f"{move.view.name} · {move.name}"
                print(f"  {label:66} " + (got.line() if got is not None else f"{'(nothing to do it with)':>16}"),
                      flush=True)
    if args.held:
        from benchmarks.held_per_save import measure_held

        with fragment_runs(), compiled_once():
            print(f"\n  {'one session saving, five-year notebook':48} {'held':>10}")
            for got in measure_held(args.held):
                print(got.line(), flush=True)
    if args.sessions:
        from benchmarks.server_memory import measure_server

        print("\n" + measure_server(args.sessions).line())


if __name__ == "__main__":
    main()
