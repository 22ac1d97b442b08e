"""What one session keeps in memory as it saves: the objects left alive per save, and how many
page runs (each holding that run's derived data) stay reachable, with the five-year notebook.

The notebook itself grows by an entry per save (a check-in is about ten objects); anything far
above that is a run the session failed to let go of (see waypoint_ui/stale_widgets.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.interactions import INTERACTIONS, Interaction, rerun_after
from benchmarks.page_views import NOTEBOOKS, app_with, opened
from tests.app.held_runs import objects_alive, page_runs_alive

SAVES = ("log a check-in, a goal done or not", "tick an action", "rate a development item")
WARM_UP = 3


@dataclass(frozen=True, slots=True)
class Held:
    label: str
    saves: int
    per_save: float  # objects left alive per save, after the warm-up
    runs_alive: int  # page runs reachable after the last save

    def line(self) -> str:
        return (f"  {self.label:48} {self.per_save:10,.0f} objects per save   "
                f"{self.runs_alive:3} page run{'s' if self.runs_alive != 1 else ''} alive after {self.saves} saves")


def _save(at, move: Interaction, n: int) -> bool:
    return rerun_after(at, move, n) is not None


def held(move: Interaction, saves: int, notebook: str = "five-year") -> Held | None:
    with app_with(NOTEBOOKS[notebook]()) as start:
        at = opened(start, move.view)
        for n in range(WARM_UP):
            if not _save(at, move, n):
                return None
        before = objects_alive()
        done = 0
        for n in range(WARM_UP, WARM_UP + saves):
            if not _save(at, move, n):
                break
            done += 1
        if not done:
            return None
        return Held(f"{move.view.name} · {move.name}", WARM_UP + done, (objects_alive() - before) / done,
                    page_runs_alive())


def measure_held(saves: int) -> list[Held]:
    return [h for move in INTERACTIONS if move.name in SAVES if (h := held(move, saves)) is not None]
