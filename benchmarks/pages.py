"""How long each page of the app, and each of its main interactions, takes to answer, as a ratio
against a bare Streamlit page timed in the same process; and a real server's cold start and memory.

    python benchmarks/pages.py [--repeat N] [--notebooks sample,five-year,at-limits,crowded]
                               [--views plan,goals:Draft] [--sessions 20 | --sessions 0]

Every view (a page, or one section or tab of it; benchmarks/page_views.py) is opened through
Streamlit's AppTest on a fresh database holding one notebook, after Home: the view's first run (it
builds the caches derived per revision), then the median and worst of `--repeat` reruns. Beside each view the bare
page (benchmarks/bare_page.py: one 2,000-point Plotly chart and a text input) is timed again, and
the view's median is printed as a multiple of the bare page's ("× bare"): the machine's speed and
load cancel out. Each interaction (benchmarks/interactions.py) changes a widget as a browser would
and times the rerun Streamlit does for it: the section alone when the widget sits in a fragment
("section"), else the whole page ("page"). A table of the sample against the five-year notebook
closes the AppTest part; its last column divides the two "× bare" figures, so a machine busier
for one notebook's run than for the other's does not count as the notebook's size. Times are the script's run on the server; drawing in the browser is not
included, nor compiling the page's script, which a server does once and AppTest on every run.
Last, with `--sessions N` (20 by default; 0 skips it), a real server in Chromium: the
time from `streamlit run` to the first Home drawn, and the server's memory with N sessions open.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.interactions import INTERACTIONS, WHOLE_PAGE, Interaction  # noqa: E402
from benchmarks.page_views import NOTEBOOKS, VIEWS, View, app_with, compiled_once, measure, opened  # noqa: E402
from benchmarks.timing import ms, timed  # noqa: E402
from tests.app.fragment_runs import fragment_runs, run_fragment, whole_page  # noqa: E402

__all__ = ["VIEWS", "NOTEBOOKS", "View", "measure"]  # what other scripts and tests build on

BARE = ROOT / "benchmarks" / "bare_page.py"
COMPARED = ("sample", "five-year")


def bare(repeat: int) -> float:
    """The bare page's median rerun, in seconds."""
    at = AppTest.from_file(str(BARE), default_timeout=60)
    at.run()
    return timed(at.run, repeat).median


def interact(start, interaction: Interaction, repeat: int) -> tuple[float, str] | None:
    """The median rerun after `interaction`, and what reran ("section" or "page"); None when the
    notebook offers nothing to do it with."""
    at = opened(start, interaction.view)
    times, scopes = [], set()
    for n in range(repeat):
        at.run()  # the whole page, as the browser shows it before the click
        widget = interaction.act(at, n)
        if widget is None:
            return None
        began = time.perf_counter()
        if widget == WHOLE_PAGE:
            at.run()
        else:
            run_fragment(at, widget)
        times.append(time.perf_counter() - began)
        if at.exception:
            raise RuntimeError(f"{interaction.view.name} / {interaction.name} failed: {[e.value for e in at.exception]}")
        scopes.add("page" if whole_page(at) else "section")
    return statistics.median(times), "/".join(sorted(scopes))


def ratio(seconds: float, base: float) -> str:
    return f"{seconds / base:5.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--notebooks", default=",".join(NOTEBOOKS))
    parser.add_argument("--views", default="", help="comma-separated view names (default: every view)")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the memory line (0: no server)")
    args = parser.parse_args()
    wanted = set(filter(None, args.views.split(",")))
    views = [v for v in VIEWS if not wanted or v.name in wanted or v.page in wanted]
    moves = [i for i in INTERACTIONS if not wanted or i.view.name in wanted or i.view.page in wanted]
    table: dict[str, dict[str, tuple[float, float, str]]] = {}  # row -> notebook -> (seconds, bare, scope)
    with fragment_runs(), compiled_once():
        for name in args.notebooks.split(","):
            nb = NOTEBOOKS[name]()
            print(f"\n{name}: {len(nb.goals):,} goals, {len(nb.actions):,} actions, {len(nb.checkins):,} check-ins, "
                  f"{len(nb.journal):,} journal entries")
            print(f"  {'view · interaction (what reran)':48} {'first run':>10}   {'rerun median':>12}   "
                  f"{'rerun worst':>11}   {'× bare':>6}")
            with app_with(nb) as start:
                for view in views:
                    base = bare(args.repeat)
                    s = measure(start, view, args.repeat)
                    table.setdefault(view.name, {})[name] = (s.rerun.median, base, "page")
                    print(f"  {view.name:48} {ms(s.first):>10}   {ms(s.rerun.median):>12}   {ms(s.rerun.worst):>11}   "
                          f"{ratio(s.rerun.median, base)}", flush=True)
                for move in moves:
                    base = bare(args.repeat)
                    got = interact(start, move, args.repeat)
                    label = f"{move.view.name} · {move.name}"
                    if got is None:
                        print(f"  {label:48} {'(nothing to do it with)':>44}")
                        continue
                    table.setdefault(label, {})[name] = (got[0], base, got[1])
                    print(f"  {label + f' ({got[1]})':48} {'':>10}   {ms(got[0]):>12}   {'':>11}   {ratio(got[0], base)}",
                          flush=True)
    if all(n in args.notebooks.split(",") for n in COMPARED):
        print(f"\n  {'rerun median, × the bare page':48} {'sample':>18}   {'five-year':>18}   {'five-year/sample':>16}")
        for row, by in table.items():
            if all(n in by for n in COMPARED):
                (a, ab, _), (b, bb, scope) = by["sample"], by["five-year"]
                print(f"  {row + (f' ({scope})' if '·' in row else ''):48} {ms(a)} {ratio(a, ab)}   {ms(b)} {ratio(b, bb)}   "
                      f"{(b / bb) / (a / ab):15.2f}×")
    if args.sessions:
        from benchmarks.server_memory import measure_server

        print("\n" + measure_server(args.sessions).line())


if __name__ == "__main__":
    main()
